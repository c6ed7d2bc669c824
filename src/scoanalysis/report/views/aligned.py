"""Side-by-side HTML of two articles' aligned sentences (duplicates.align), the words that differ marked."""

from __future__ import annotations

import difflib
import html

import pandas as pd

from ...duplicates import align
from ...patterns.duplicates import ADJACENT_MARKS
from ...text import fold, word_spans

HTML_COLUMNS = ["sentence_a", "sentence_b", "score", "status", "html_a", "html_b"]


def aligned_html(sentences_a, sentences_b, **options) -> pd.DataFrame:
    """Return aligned_html_of(duplicates.align(sentences_a, sentences_b, **options)): the view the reports show."""
    return aligned_html_of(align(sentences_a, sentences_b, **options))


def aligned_html_of(frame: pd.DataFrame) -> pd.DataFrame:
    """Return an alignment (duplicates.align) with each side's text as HTML, the words that differ marked.

    Returns
    -------
    DataFrame with columns sentence_a, sentence_b, score, status (as in `frame`), html_a,
    html_b: the sentence text HTML-escaped, words missing from the other side in ``<del>``
    (a) or ``<ins>`` (b); a sentence with no match is marked whole, the side without one is
    empty. Words are compared lower-cased.
    """
    html_a, html_b = [], []
    for status, a, b in zip(frame["status"].tolist(), frame["text_a"].tolist(), frame["text_b"].tolist()):
        if status == "aligned":
            a, b = _mark_differences(a, b)
        elif status == "only_a":
            a, b = _wrap(a, "del"), ""
        else:
            a, b = "", _wrap(b, "ins")
        html_a.append(a)
        html_b.append(b)
    out = frame[["sentence_a", "sentence_b", "score", "status"]].copy()
    out["html_a"], out["html_b"] = html_a, html_b
    return out


def _mark_differences(a: str, b: str) -> tuple[str, str]:
    spans_a, spans_b = word_spans(a), word_spans(b)
    words_a = [fold(a[s:e]).lower() for s, e in spans_a]
    words_b = [fold(b[s:e]).lower() for s, e in spans_b]
    marked_a, marked_b = set(), set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            marked_a.update(range(i1, i2))
        if op in ("replace", "insert"):
            marked_b.update(range(j1, j2))
    return _render(a, spans_a, marked_a, "del"), _render(b, spans_b, marked_b, "ins")


def _render(text: str, spans: list[tuple[int, int]], marked: set[int], tag: str) -> str:
    out, pos = [], 0
    for k, (s, e) in enumerate(spans):
        out.append(html.escape(text[pos:s]))
        word = html.escape(text[s:e])
        out.append(f"<{tag}>{word}</{tag}>" if k in marked else word)
        pos = e
    out.append(html.escape(text[pos:]))
    return ADJACENT_MARKS.sub(r"\2", "".join(out))


def _wrap(text: str, tag: str) -> str:
    return f"<{tag}>{html.escape(text)}</{tag}>"

"""Old names of near-duplicate search and translation clues, kept importable until callers import the new places.

Near-duplicate search lives in `scoanalysis.duplicates`, the clues of machine translation in
`scoanalysis.translation`. What remains here is `align_html`, the side-by-side HTML of an
alignment (presentation, for the report layer), and `align`, which returns it.
"""

from __future__ import annotations

import difflib
import html

import pandas as pd

from . import duplicates, translation
from .patterns.duplicates import ADJACENT_MARKS
from .text import fold, word_spans

WORD_SHINGLE = duplicates.sketch.WORD_SHINGLE  # integration alias: duplicates.sketch.WORD_SHINGLE
MIN_SENTENCE_STEMS = duplicates.sketch.MIN_SENTENCE_STEMS  # integration alias: duplicates.sketch.MIN_SENTENCE_STEMS
MAX_PAIR_SPAN = duplicates.sketch.MAX_PAIR_SPAN  # integration alias: duplicates.sketch.MAX_PAIR_SPAN
Sketch = duplicates.Sketch  # integration alias: duplicates.sketch.Sketch
signature = duplicates.signature  # integration alias: duplicates.sketch.signature
article_features = duplicates.article_features  # integration alias: duplicates.sketch.article_features
_body_rows = duplicates.sketch._body_rows  # integration alias: duplicates.sketch._body_rows
MIN_SENTENCE_SIMILARITY = duplicates.MIN_SENTENCE_SIMILARITY  # integration alias: duplicates.align.MIN_SENTENCE_SIMILARITY
DUPLICATE_JACCARD = duplicates.DUPLICATE_JACCARD  # integration alias: duplicates.search.DUPLICATE_JACCARD
NEAR_DUPLICATE_VERBATIM = duplicates.NEAR_DUPLICATE_VERBATIM  # integration alias: duplicates.search.NEAR_DUPLICATE_VERBATIM
VERBATIM_RATIO = duplicates.VERBATIM_RATIO  # integration alias: duplicates.search.VERBATIM_RATIO
ALIGNED_SHARE = duplicates.ALIGNED_SHARE  # integration alias: duplicates.search.ALIGNED_SHARE
MIN_ALIGNED = duplicates.MIN_ALIGNED  # integration alias: duplicates.search.MIN_ALIGNED
WORD_LSH_THRESHOLD = duplicates.WORD_LSH_THRESHOLD  # integration alias: duplicates.search.WORD_LSH_THRESHOLD
STEM_LSH_THRESHOLD = duplicates.STEM_LSH_THRESHOLD  # integration alias: duplicates.search.STEM_LSH_THRESHOLD
MIN_CANDIDATE_JACCARD = duplicates.MIN_CANDIDATE_JACCARD  # integration alias: duplicates.search.MIN_CANDIDATE_JACCARD
PAIR_COLUMNS = duplicates.PAIR_COLUMNS  # integration alias: duplicates.search.PAIR_COLUMNS
FOUND_BY = duplicates.FOUND_BY  # integration alias: duplicates.search.FOUND_BY
PAIR_BATCH = duplicates.search.PAIR_BATCH  # integration alias: duplicates.search.PAIR_BATCH
ESTIMATE_BATCH = duplicates.search.ESTIMATE_BATCH  # integration alias: duplicates.search.ESTIMATE_BATCH
STEM_SETS_KEPT = duplicates.search.STEM_SETS_KEPT  # integration alias: duplicates.search.STEM_SETS_KEPT
duplicate_pairs = duplicates.duplicate_pairs  # integration alias: duplicates.search.duplicate_pairs
candidate_pairs = duplicates.candidate_pairs  # integration alias: duplicates.search.candidate_pairs
candidate_table = duplicates.candidate_table  # integration alias: duplicates.search.candidate_table
confirm_pairs = duplicates.confirm_pairs  # integration alias: duplicates.search.confirm_pairs
duplicate_of = duplicates.duplicate_of  # integration alias: duplicates.search.duplicate_of
EVIDENCE_COLUMNS = translation.EVIDENCE_COLUMNS  # integration alias: translation.EVIDENCE_COLUMNS
CLUE_WEIGHTS = translation.CLUE_WEIGHTS  # integration alias: translation.CLUE_WEIGHTS
MIN_TRANSLATION_SCORE = translation.MIN_TRANSLATION_SCORE  # integration alias: translation.MIN_TRANSLATION_SCORE
MIN_TRANSLATION_SENTENCES = translation.MIN_TRANSLATION_SENTENCES  # integration alias: translation.MIN_TRANSLATION_SENTENCES
translation_evidence = translation.translation_evidence  # integration alias: translation.translation_evidence
translation_score = translation.translation_score  # integration alias: translation.translation_score
is_translated = translation.is_translated  # integration alias: translation.is_translated
translated = translation.translated  # integration alias: translation.translated


def align(sentences_a, sentences_b, **options) -> pd.DataFrame:  # integration alias: duplicates.align + align_html
    """Return align_html of duplicates.align(sentences_a, sentences_b, **options)."""
    return align_html(duplicates.align(sentences_a, sentences_b, **options))


# --- side-by-side HTML of an alignment -----------------------------------------------------------------

ALIGNMENT_COLUMNS = ["sentence_a", "sentence_b", "score", "status", "html_a", "html_b"]


def align_html(frame: pd.DataFrame) -> pd.DataFrame:
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

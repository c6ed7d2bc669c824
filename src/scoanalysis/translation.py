"""Clues that an article was machine-translated (or garbled in scraping), and the verdict they add up to.

`translation_evidence` finds the clues sentence by sentence with the patterns of
patterns.translation, and one across each article (a name spelled two ways);
`is_translated` weighs one article's clues by CLUE_WEIGHTS; `translated` gives the verdict
of every article.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from .frames import Columns
from .patterns import translation as P
from .patterns.text import ABBREVIATIONS, GLUED_WORD, WORD
from .text import fold, glued_words

EVIDENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "clue", "text"]
_SENTENCE, _CLUE = EVIDENCE_COLUMNS.index("sentence_id"), EVIDENCE_COLUMNS.index("clue")

#: Weight of each clue towards the translation score. Disclaimers decide alone. Garbling that
#: a human editor would not let through counts 1; clues that careful English also shows now
#: and then (a dropped article, a name spelled two ways, a lone fragment) count 0.5.
CLUE_WEIGHTS = {
    "capital_mid_sentence": 1.0,
    "lowercase_after_stop": 1.0,
    "lowercase_sentence_start": 1.0,
    "lowercase_weekday": 1.0,
    "glued_words": 1.0,
    "subject_dropped": 1.0,
    "repeated_in_list": 1.0,
    "dropped_article": 0.5,
    "name_spelling": 0.5,
    "fragment": 0.5,
}
#: Score at and above which an article counts as machine-translated...
MIN_TRANSLATION_SCORE = 2.0
#: ...provided the clues come from at least this many different sentences (one garbled
#: sentence can be a scraping accident).
MIN_TRANSLATION_SENTENCES = 2
#: Sentence kinds whose text is looked at (headlines drop articles by design; debris is noise).
_CHECKED_KINDS = frozenset({"body", "dek", "credit", "caption", "disclaimer"})
_CONTEXT = 20
_ABBREVIATIONS = ABBREVIATIONS | {"etc", "approx", "incl", "ibid"}


def translation_evidence(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the clues that articles' sentences were machine-translated, one row per clue.

    Parameters
    ----------
    sentences : rows of the sentences table (one article or many): article_id, sentence_id,
        start, end, text, kind.

    Clues (see CLUE_WEIGHTS and patterns.translation): ``disclaimer`` (a translation or
    automatic-republishing note), ``capital_mid_sentence`` ("killed The worst"),
    ``lowercase_after_stop`` ("business. for the past"), ``lowercase_sentence_start``,
    ``lowercase_weekday`` ("on wednesday"), ``glued_words`` ("VietnamTheresa"),
    ``subject_dropped`` ("Said Belarus will..."), ``repeated_in_list`` ("Pakistan, India and
    Pakistan"), ``dropped_article`` ("in Kazakh capital Astana"), ``fragment`` ("Iran,"),
    ``name_spelling`` (one name spelled two ways in one article: "Rakhmon", "Rahmon").
    Headlines are not checked.

    Returns
    -------
    DataFrame with columns article_id, sentence_id, start, end (offsets of the clue in the
    raw text), clue, text (the clue with some context).
    """
    return evidence_table(clue_rows(Columns(sentences)))


def evidence_table(rows: list[tuple]) -> pd.DataFrame:
    """Return the translation evidence table (EVIDENCE_COLUMNS) of clue rows (`clue_rows`)."""
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def clue_rows(sentences: Columns) -> list[tuple]:
    """Return `translation_evidence` of sentences given as ``frames.Columns``, as rows: the build's entry.

    Each row is a tuple in the order of EVIDENCE_COLUMNS; the rows are in the table's order.
    """
    rows: list[tuple] = []
    columns = [sentences[c] for c in ("article_id", "sentence_id", "start", "end", "text")]
    columns.append(sentences.get("kind", "body"))
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for row in zip(*columns):
        by_article[row[0]].append(row)
    for aid, article_rows in by_article.items():
        names: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
        previous = ""
        for _, sid, start, end, raw, kind in article_rows:
            after_abbreviation = _ends_with_abbreviation(previous)
            raw = str(raw)
            folded = previous = fold(raw)
            if kind not in _CHECKED_KINDS:
                continue
            if kind == "disclaimer":
                rows.append((aid, sid, start, end, "disclaimer", raw))
                continue
            rows.extend(_sentence_clues(aid, sid, start, raw, folded, body=kind == "body",
                                        after_abbreviation=after_abbreviation))
            if kind == "body":
                for m in P.NAME_WORD.finditer(folded):
                    if m.start() > 0:  # a capital at sentence start says nothing
                        names[m.group()].append((sid, start + m.start(), start + m.end(), raw))
        rows.extend(_name_spelling_clues(aid, names))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))  # stable: clues at one place keep the order they were found in
    return rows


def _ends_with_abbreviation(folded: str) -> bool:
    """True when `folded` (a sentence, folded) ends with an abbreviation's period ("etc.", "Inc."):
    the splitter may have cut there, and the next "sentence" then rightly starts in lower case."""
    m = P.FINAL_WORD.search(folded)
    return bool(m) and m.group("word").lower() in _ABBREVIATIONS


def _sentence_clues(aid: str, sid: int, offset: int, raw: str, folded: str, *, body: bool,
                    after_abbreviation: bool) -> list[tuple]:
    """Return the evidence rows of the clues in one sentence (`raw`, and `folded`: text.fold of it) at `offset`."""
    rows = []

    def add(clue: str, a: int, b: int) -> None:
        rows.append((aid, sid, offset + a, offset + b, clue, raw[max(a - _CONTEXT, 0):b + _CONTEXT]))

    for m in P.MIDSENTENCE_CAPITAL.finditer(folded):
        g = "clue" if m.group("clue") else "clue2"
        add("capital_mid_sentence", m.start(g), m.end(g))
    for m in P.LOWERCASE_AFTER_STOP.finditer(folded):
        if m.group("before").lower() not in _ABBREVIATIONS:  # "etc. and", "Inc. or" are fine
            add("lowercase_after_stop", m.start("clue"), m.end("clue"))
    for pattern, clue in (
        (P.LOWERCASE_CALENDAR_WORD, "lowercase_weekday"),
        (P.REPEATED_LIST_ITEM, "repeated_in_list"),
        (P.DROPPED_ARTICLE, "dropped_article"),
    ):
        for m in pattern.finditer(folded):
            add(clue, m.start("clue"), m.end("clue"))
    m = P.LOWERCASE_SENTENCE_START.match(folded)
    if m and not after_abbreviation:
        add("lowercase_sentence_start", m.start("clue"), m.end("clue"))
    if body:
        for pattern, clue in ((P.SUBJECT_DROPPED, "subject_dropped"), (P.FRAGMENT, "fragment")):
            m = pattern.match(folded)
            if m:
                add(clue, m.start("clue"), m.end("clue"))
    if GLUED_WORD.search(folded):  # else no word is glued (see text.folded_word_spans)
        for w in WORD.finditer(folded):
            for cut in glued_words(w.group()):
                add("glued_words", w.start(), w.end())
    return rows


def _name_spelling_clues(aid: str, names: dict[str, list[tuple[int, int, int, str]]]) -> list[tuple]:
    """One clue per later mention of a name written one inner letter apart from another."""
    rows = []
    words = sorted(names, key=lambda w: min(x[1] for x in names[w]))
    # _one_inner_edit needs the same first letter and lengths at most one apart: look
    # only among earlier names of that letter and of the three lengths, in their order.
    seen: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        earlier = sorted(k for n in (len(w) - 1, len(w), len(w) + 1) for k in seen.get((w[0], n), ()))
        seen[(w[0], len(w))].append(i)
        for v in (words[k] for k in earlier):
            if _one_inner_edit(v, w):
                for sid, a, b, raw in names[w]:
                    rows.append((aid, sid, a, b, "name_spelling", f"{w} (also spelled {v})"))
                break
    return rows


def _one_inner_edit(x: str, y: str) -> bool:
    """True when x and y differ by one letter inserted, dropped or changed, not in the last two."""
    if x == y or x[0] != y[0] or abs(len(x) - len(y)) > 1:
        return False
    if x.lower() == y.lower():
        return False
    k = 0
    while k < min(len(x), len(y)) and x[k] == y[k]:
        k += 1
    if k >= min(len(x), len(y)) - 2:  # the change sits in the last two letters: inflection, not spelling
        return False
    if len(x) == len(y):
        return x[k + 1:] == y[k + 1:]
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return longer[k + 1:] == shorter[k:]


def translation_score(clues: list[tuple]) -> float:
    """Return the weighted number of clues in clue rows `clues` (CLUE_WEIGHTS; disclaimers excluded)."""
    return float(sum(CLUE_WEIGHTS.get(row[_CLUE], 0.0) for row in clues))


def is_translated(
    clues: list[tuple],
    *,
    min_score: float = MIN_TRANSLATION_SCORE,
    min_sentences: int = MIN_TRANSLATION_SENTENCES,
) -> bool:
    """Return True when clue rows `clues` (one article's, from clue_rows) show machine translation.

    The rule: a translation disclaimer decides alone; otherwise the clues' weights
    (CLUE_WEIGHTS) must add up to `min_score` and come from at least `min_sentences`
    different sentences. A frame's rows are ``list(frame.itertuples(index=False))``.
    """
    if any(row[_CLUE] == "disclaimer" for row in clues):
        return True
    sentences = {row[_SENTENCE] for row in clues if row[_CLUE] in CLUE_WEIGHTS and not pd.isna(row[_SENTENCE])}
    return translation_score(clues) >= min_score and len(sentences) >= min_sentences


def translated(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return one row per article with its translation verdict and clue counts.

    Columns: article_id, translated (is_translated), score (translation_score), n_clues,
    clues (``clue:count`` pairs, ``;``-separated). Articles are in order of first appearance.
    """
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for row in clue_rows(Columns(sentences)):
        by_article[row[0]].append(row)
    rows = []
    for aid in pd.unique(sentences["article_id"]):
        clues = by_article.get(aid, [])
        counts = Counter(row[_CLUE] for row in clues)
        rows.append(
            (aid, is_translated(clues), translation_score(clues), len(clues),
             ";".join(f"{k}:{v}" for k, v in sorted(counts.items())))
        )
    return pd.DataFrame(rows, columns=["article_id", "translated", "score", "n_clues", "clues"])

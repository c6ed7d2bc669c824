"""Comparing sources: which articles read as machine-translated (more comes with duplicates and claims)."""

from __future__ import annotations

import pandas as pd

from .patterns import compare as P
from .text import fold, glued_words
from .patterns.text import WORD

#: How many independent clues make an article count as machine-translated.
MIN_TRANSLATION_CLUES = 2


def translation_evidence(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the clues that an article's sentences were machine-translated, one row per clue.

    `sentences` holds one article's rows of the sentences table. Clues: a
    translation disclaimer, a capitalised function word inside a sentence, a
    lower-case word after a full stop, a weekday in lower case, two words glued.
    Columns: article_id, sentence_id, start, end, clue, text.
    """
    rows = []
    for s in sentences.itertuples(index=False):
        if s.kind in ("debris", "prompt"):
            continue
        if s.kind == "disclaimer":
            rows.append((s.article_id, s.sentence_id, s.start, s.end, "disclaimer", s.text))
            continue
        folded = fold(s.text)
        for pattern, clue in (
            (P.MIDSENTENCE_CAPITAL, "capital_mid_sentence"),
            (P.LOWERCASE_AFTER_STOP, "lowercase_after_stop"),
            (P.LOWERCASE_CALENDAR_WORD, "lowercase_weekday"),
        ):
            for m in pattern.finditer(folded):
                a, b = s.start + m.start(), s.start + m.end()
                rows.append((s.article_id, s.sentence_id, a, b, clue, s.text[max(m.start() - 20, 0):m.end() + 20]))
        for w in WORD.finditer(folded):
            for cut in glued_words(w.group()):
                a = s.start + w.start()
                rows.append((s.article_id, s.sentence_id, a, s.start + w.end(), "glued_words", w.group()))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "clue", "text"])


def is_translated(evidence: pd.DataFrame) -> bool:
    """Return True when `evidence` (from translation_evidence) shows a disclaimer or enough clues."""
    if (evidence["clue"] == "disclaimer").any():
        return True
    return len(evidence) >= MIN_TRANSLATION_CLUES

"""Helpers shared by the framing tests: the themes of the lexicon, and sentences tables made from rows."""

from __future__ import annotations

import pandas as pd

THEMES = {
    "ukraine_war", "expansion_membership", "india_china", "terrorism_security",
    "trade_infrastructure", "west_us", "multipolarity",
}


def sentences_of(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A sentences table from (article_id, text) rows, one sentence each, offsets from 0."""
    frame = pd.DataFrame(rows, columns=["article_id", "text"])
    frame["sentence_id"] = frame.groupby("article_id").cumcount()
    frame["start"] = 0
    frame["end"] = frame["text"].str.len()
    frame["is_boilerplate"] = False
    return frame

"""What the framing measures share: the prose sentences, and the group of each article.

`by` maps article_id to a group (a Series or mapping), or names a column of the frame.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

GroupBy = pd.Series | Mapping[str, str] | str

#: How many driver words (themes' terms, tone's words) are listed per group.
N_DRIVERS = 5


def prose(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of `sentences` that are prose (not flagged as boilerplate)."""
    if "is_boilerplate" not in sentences.columns:
        return sentences
    return sentences[~sentences["is_boilerplate"].fillna(False).astype(bool)]


def article_mapping(frame: pd.DataFrame, by: GroupBy) -> pd.Series:
    """Return `by` as a Series article_id -> group (a column of `frame` read once per article)."""
    if isinstance(by, str):
        pairs = frame[["article_id", by]].drop_duplicates("article_id")
        return pd.Series(pairs[by].values, index=pairs["article_id"].values)
    return by if isinstance(by, pd.Series) else pd.Series(dict(by), dtype=object)


def groups_of(frame: pd.DataFrame, by: GroupBy) -> pd.Series:
    """Return the group of each row of `frame` (named ``group``): its article's, ``none`` when it has none."""
    if isinstance(by, str):
        return frame[by].astype(object).where(frame[by].notna(), "none").rename("group")
    mapping = by if isinstance(by, pd.Series) else pd.Series(dict(by), dtype=object)
    return frame["article_id"].map(mapping).astype(object).where(lambda g: g.notna(), "none").rename("group")

"""The quote record and the quotes table made from records.

A quotation found in an article is one `Quote`; `frame` turns any number of them into
the quotes table, typing each column by the record's field type.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np
import pandas as pd


class Quote(NamedTuple):
    """One quotation: where it is, what it says, who says it and how (a row of the quotes table).

    Offsets are into the raw article text; the speaker and cue offsets are None when the
    quotation has none.
    """

    article_id: str
    sentence_id: int  # the sentence where the quoted text starts
    start: int  # raw[start:end] == quote
    end: int
    quote: str
    speaker: str  # canonical name, or the phrase naming an unnamed source; "" for none
    speaker_id: str  # entity_id, or ""
    cue: str  # as written, lower case: "said", "according to", "called for"
    quote_kind: str  # "direct" | "partial" | "scare"
    speaker_text: str  # the mention as written: "he", "Ms. Fallon"
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    nested: bool  # inside another quotation
    balanced: bool  # both quotation marks were found


#: Columns of the quotes table (contract columns first, then additions).
QUOTE_COLUMNS = list(Quote._fields)

_INT_COLUMNS = frozenset({"sentence_id", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end"})
_BOOL_COLUMNS = frozenset({"nested", "balanced"})
_STR_DTYPE = pd.Series([], dtype=object).astype(str).dtype  # what astype(str) gives


def frame(records: Sequence[Quote]) -> pd.DataFrame:
    """Return the quotes table of `records`, in their order.

    Returns
    -------
    pandas.DataFrame
        Columns ``QUOTE_COLUMNS``: the offsets as ``Int64`` (missing where None), nested
        and balanced as ``boolean``, the rest as text.
    """
    columns = list(zip(*records)) if records else [()] * len(QUOTE_COLUMNS)
    data = {}
    for col, values in zip(QUOTE_COLUMNS, columns):
        n = len(values)
        if col in _INT_COLUMNS:
            mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
            data[col] = pd.arrays.IntegerArray(
                np.fromiter((0 if v is None else v for v in values), dtype="int64", count=n), mask)
        elif col in _BOOL_COLUMNS:
            data[col] = pd.arrays.BooleanArray(np.fromiter(values, dtype=bool, count=n), np.zeros(n, dtype=bool))
        else:
            data[col] = pd.array(list(values), dtype=_STR_DTYPE)
    return pd.DataFrame(data, columns=QUOTE_COLUMNS)


def missing(value) -> bool:
    """True for a missing table cell: None, ``pd.NA``, ``pd.NaT`` or a float NaN."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)

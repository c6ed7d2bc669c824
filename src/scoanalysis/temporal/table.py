"""Records to frames: the timexes, published and date-conflicts tables, and one article's published record."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from .calendar import NS_FIRST, NS_LAST
from .mentions import Mention, Res

#: Columns of the timexes table: the contract's, then this module's additions.
TIMEX_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "text", "timex_type", "value", "earliest", "latest", "anchor",
    "mod", "granularity", "tense", "rule", "freq",
]
#: Columns returned by ``infer_published``.
PUBLISHED_COLUMNS = [
    "article_id", "published", "published_earliest", "published_latest", "published_source", "published_evidence",
    "published_summit_id", "published_score",
]
#: Columns returned by ``date_conflicts``.
CONFLICT_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "note"]

#: The date columns of ``PUBLISHED_COLUMNS``.
PUBLISHED_DATES = ("published", "published_earliest", "published_latest")
#: Texts that pandas would read as numbers or booleans.
_NUMBER_WORDS = frozenset({"true", "false", "inf", "infinity", "nan"})


def timex_frame(found: list[tuple[Mention, Res]]) -> pd.DataFrame:
    """Return the timexes table of (mention, resolution) pairs, sorted by article_id, start, end.

    The columns are built once, with the dtypes ``schema.conform`` gives them; an empty
    table is ``schema.conform`` of an empty frame. Days that ``datetime64[ns]`` cannot
    hold are left empty.
    """
    if not found:
        return schema.conform(pd.DataFrame([], columns=TIMEX_COLUMNS), "timexes")
    found = sorted(((m, _ns_days(r)) for m, r in found), key=lambda mr: (mr[0].article_id, mr[0].start, mr[0].end))
    ms = [m for m, _ in found]
    rs = [r for _, r in found]

    def text(values: list[str]):
        return pd.array(values, dtype="string")

    def whole(values: list[int]):
        return pd.arrays.IntegerArray(np.array(values, dtype="int64"), np.zeros(len(values), dtype=bool))

    def day(values: list):
        return np.array(values, dtype="datetime64[D]").astype("datetime64[ns]")

    data = {
        "article_id": text([m.article_id for m in ms]), "sentence_id": whole([m.sentence_id for m in ms]),
        "start": whole([m.start for m in ms]), "end": whole([m.end for m in ms]), "text": text([m.text for m in ms]),
        "timex_type": text([m.timex_type for m in ms]), "value": text([r.value for r in rs]),
        "earliest": day([r.earliest for r in rs]), "latest": day([r.latest for r in rs]),
        "anchor": text([r.anchor for r in rs]),
    }
    extra = {
        "mod": [r.mod for r in rs], "granularity": [r.gran for r in rs], "tense": [m.tense for m in ms],
        "rule": [m.rule for m in ms], "freq": [r.freq for r in rs],
    }
    frame = pd.DataFrame({**data, **extra})
    for col, values in extra.items():
        if not any(v == "" or (v.isascii() and v.replace("_", "").isalpha() and v.lower() not in _NUMBER_WORDS)
                   for v in values):
            frame[col] = schema.infer_extra(frame[col])  # might read as numbers or booleans: as conform does
    return frame


def _ns_days(r: Res) -> Res:
    """Return `r` with a day that ``datetime64[ns]`` cannot hold (before 1678, after 2261) made empty."""
    e, l = r.earliest, r.latest  # noqa: E741
    if (e is None or NS_FIRST <= e <= NS_LAST) and (l is None or NS_FIRST <= l <= NS_LAST):
        return r
    return r._replace(earliest=e if e is not None and NS_FIRST <= e <= NS_LAST else None,
                      latest=l if l is not None and NS_FIRST <= l <= NS_LAST else None)


def published_record(row: dict) -> dict:
    """Return an article's ``infer_published`` row as a record: its dates ``Timestamp`` (ns) or NaT, its score int64.

    Raises ``pandas.errors.OutOfBoundsDatetime`` for a day ``datetime64[ns]`` cannot hold.
    """
    out = dict(row)
    for col in PUBLISHED_DATES:
        out[col] = pd.Timestamp(row[col]).as_unit("ns") if row[col] is not None else pd.NaT
    out["published_score"] = np.int64(row["published_score"])
    return out


def published_frame(records: list[dict]) -> pd.DataFrame:
    """Return the ``infer_published`` table of article records (``published_record``), dates ``datetime64[ns]``."""
    out = pd.DataFrame(records, columns=PUBLISHED_COLUMNS)
    return out.astype({col: "datetime64[ns]" for col in PUBLISHED_DATES})


def conflict_frame(rows: list[dict]) -> pd.DataFrame:
    """Return the ``date_conflicts`` table of conflict rows (CONFLICT_COLUMNS, offsets ``int64``)."""
    out = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    return out.astype({"sentence_id": "int64", "start": "int64", "end": "int64"}) if len(out) else out

"""The output tables' contract: each table's columns and kinds declared once, records made into frames, checks.

Each table is declared as an ordered mapping of column name to kind:

``str``   text (pandas ``string``), empty cell for none
``int``   whole number (pandas ``Int64``)
``float`` real number
``bool``  ``true``/``false`` in CSV (pandas ``boolean``)
``date``  ISO ``YYYY-MM-DD`` in CSV, ``datetime64`` when loaded
``list``  ``;``-separated in CSV, a Python list when loaded

Also declared here: the kinds of sentences (`KINDS`) and the named sets of them the
stages skip, and the rules of evidence cells (``article_id:sentence_id`` references).
Files are written and read by scoanalysis.storage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .exceptions import TableError
from .frames import from_columns


@dataclass(frozen=True, slots=True)
class Table:
    """One output table: its name, its columns with their kinds, and its key."""

    name: str
    columns: dict[str, str]
    key: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


_SPAN = {"article_id": "str", "sentence_id": "int", "start": "int", "end": "int"}

TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "articles",
            {
                "article_id": "str",
                "path": "str",
                "headline": "str",
                "outlet": "str",
                "published": "date",
                "published_source": "str",
                "summit_id": "str",
                "summit_score": "float",
                "n_sentences": "int",
                "n_words": "int",
                "translated": "bool",
                "duplicate_of": "str",
                # additions beyond the contract
                "url": "str",
                "byline": "str",
                "notes": "str",
                "published_earliest": "date",
                "published_latest": "date",
                "published_evidence": "str",
                "summit_evidence": "str",
                "n_chars": "int",
                "n_boilerplate": "int",
                "sha256": "str",
            },
            key=("article_id",),
        ),
        Table(
            "sentences",
            {**_SPAN, "text": "str", "is_boilerplate": "bool", "paragraph_id": "int", "kind": "str"},
            key=("article_id", "sentence_id"),
        ),
        Table(
            "entities",
            {**_SPAN, "text": "str", "entity_id": "str", "entity_type": "str", "name": "str"},
            key=("article_id", "start", "end"),
        ),
        Table(
            "timexes",
            {
                **_SPAN,
                "text": "str",
                "timex_type": "str",
                "value": "str",
                "earliest": "date",
                "latest": "date",
                "anchor": "str",
            },
            key=("article_id", "start", "end"),
        ),
        Table(
            "quotes",
            {
                **_SPAN,
                "quote": "str",
                "speaker": "str",
                "speaker_id": "str",
                "cue": "str",
                "quote_kind": "str",
            },
            key=("article_id", "start", "end"),
        ),
        Table(
            "events",
            {
                "event_id": "str",
                "article_id": "str",
                "sentence_id": "int",
                "summit_id": "str",
                "event_type": "str",
                "earliest": "date",
                "latest": "date",
                "date_text": "str",
                "actors": "list",
                "description": "str",
                "evidence": "list",
                "relative_days": "int",
                # additions beyond the contract
                "start": "int",
                "end": "int",
                "places": "list",
                "status": "str",
                "summit_ref": "str",
                "summit_ids": "list",
                "trigger": "str",
                "date_evidence": "str",
                "n_mentions": "int",
                "n_articles": "int",
            },
            key=("event_id",),
        ),
        Table(
            "attendance",
            {
                "summit_id": "str",
                "entity_id": "str",
                "name": "str",
                "country": "str",
                "role": "str",
                "status": "str",
                "represented_by": "str",
                "evidence": "list",
            },
            key=("summit_id", "entity_id"),
        ),
        Table(
            "duplicates",
            {"article_a": "str", "article_b": "str", "similarity": "float", "relation": "str"},
            key=("article_a", "article_b"),
        ),
        Table(
            "claims",
            {
                "claim_id": "str",
                "article_id": "str",
                "sentence_id": "int",
                "start": "int",
                "end": "int",
                "subject": "str",
                "predicate": "str",
                "object": "str",
                "conflicts_with": "list",
                "note": "str",
            },
            key=("claim_id",),
        ),
        Table(
            "problems",
            {"file": "str", "article_id": "str", "severity": "str", "problem": "str", "fix": "str"},
        ),
    ]
}

_GROUP = {"by": "str", "group": "str", "is_duplicate": "bool"}

#: Derived tables beyond the contract: small sums the reports read instead of the large
#: tables (written by summaries.write_summaries; see summaries.SUMMARY_TABLES for what
#: one row is and what is capped). Not part of the contract; they may change.
SUMMARY_TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table("summary_terms", {"summit_id": "str", "is_duplicate": "bool", "term": "str", "count": "int"}),
        Table("summary_tone", {**_GROUP, "n_sentences": "int", "compound_sum": "float", "n_positive": "int",
                               "n_negative": "int"}),
        Table("summary_tone_words", {**_GROUP, "word": "str", "valence": "float"}),
        Table("summary_themes", {**_GROUP, "theme": "str", "n_sentences": "int", "n_articles": "int"}),
        Table("summary_theme_terms", {**_GROUP, "theme": "str", "term": "str", "count": "int"}),
        Table("summary_actors", {"entity_id": "str", "is_duplicate": "bool", "entity_type": "str", "n_sentences": "int",
                                 "n_articles": "int", "compound_sum": "float", "n_positive": "int",
                                 "n_negative": "int", "first_seen": "int"}, key=("entity_id", "is_duplicate")),
        Table("summary_actor_names", {"entity_id": "str", "is_duplicate": "bool", "name": "str", "n_sentences": "int"}),
        Table("summary_actor_words", {"entity_id": "str", "is_duplicate": "bool", "word": "str", "valence": "float"}),
        Table("summary_mentions", {"summit_id": "str", "is_duplicate": "bool", "entity_id": "str", "entity_type": "str",
                                   "name": "str", "count": "int", "first_seen": "int"}),
        Table("summary_quoted", {"summit_id": "str", "is_duplicate": "bool", "speaker": "str", "count": "int"}),
        Table("summary_kinds", {"article_id": "str", "kind": "str", "n_sentences": "int"}),
        Table("summary_articles", {"summit_id": "str", "article_id": "str", "headline": "str", "published": "date",
                                   "summit_score": "float", "n_words": "int", "lead": "str", "n_rows": "int"},
              key=("article_id",)),
        Table("summary_dated", {"summit_id": "str", "article_id": "str", "sentence_id": "int", "start": "int",
                                "text": "str", "value": "str", "earliest": "date", "latest": "date",
                                "sentence": "str", "n_rows": "int"}),
        Table("summary_quotes", {"summit_id": "str", "article_id": "str", "start": "int", "speaker": "str", "cue": "str",
                                 "quote_kind": "str", "quote": "str", "n_rows": "int"}),
        Table("summary_boilerplate", {"article_id": "str", "sentence_id": "int", "kind": "str", "text": "str",
                                      "n_rows": "int"}),
        Table("summary_translation", {"article_id": "str", "sentence_id": "int", "start": "int", "clue": "str",
                                      "text": "str", "n_rows": "int"}),
        Table("summary_evidence", {"article_id": "str", "sentence_id": "int", "text": "str"},
              key=("article_id", "sentence_id")),
    ]
}
TABLES.update(SUMMARY_TABLES)

#: The tables of the contract (shared/spec/tables.md); "problems" is the build's own report.
CONTRACT_TABLES = ("articles", "sentences", "entities", "timexes", "quotes", "events", "attendance", "duplicates", "claims")

_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}

# --- sentence kinds ------------------------------------------------------------------------------------

#: Every kind of paragraph or sentence (the sentences table's ``kind``), in the order a page shows them:
#: the article's own lines first, then page furniture. See text.paragraphs for what each one is.
KINDS = ("headline", "dek", "body", "byline", "caption", "credit", "disclaimer", "duplicate", "prompt", "debris")
#: Page furniture, not the article's prose: a sentence of one of these kinds has ``is_boilerplate`` true.
BOILERPLATE_KINDS = frozenset({"debris", "prompt", "caption", "credit", "disclaimer", "duplicate", "byline"})
#: Lines that hold no text to read: page debris (counters, lone symbols) and prompts (share, subscribe).
DEBRIS_KINDS = frozenset({"debris", "prompt"})
#: Debris, prompts and disclaimers: furniture that names no person, state or place of the story.
#: Captions, credits, bylines and repeated lines do.
NO_MENTION_KINDS = DEBRIS_KINDS | {"disclaimer"}
#: Furniture that says nothing the article reports: debris, prompts, disclaimers, repeated lines, staff
#: credits and bylines. Headlines, standfirsts (dek), captions and the body do.
NOT_CONTENT_KINDS = NO_MENTION_KINDS | {"duplicate", "credit", "byline"}


# --- tables --------------------------------------------------------------------------------------------

def lookup(name: str) -> Table:
    """Return the declaration of table `name`; raise TableError naming the tables for an unknown name."""
    try:
        return TABLES[name]
    except KeyError:
        raise TableError(f"unknown table {name!r}; the tables are {sorted(TABLES)}.") from None


def empty(name: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of table `name`."""
    table = lookup(name)
    return conform(pd.DataFrame({c: [] for c in table.columns}), name)


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return a copy of `df` with table `name`'s columns first, in order, with their dtypes.

    Missing contract columns are added empty; extra columns are kept after them.
    """
    table = lookup(name)
    out = df.copy()
    for col, kind in table.columns.items():
        if col not in out.columns:
            out[col] = None
        out[col] = _coerce(out[col], kind)
    extra = [c for c in out.columns if c not in table.columns]
    for col in extra:
        out[col] = infer_extra(out[col])
    return out[list(table.columns) + extra].reset_index(drop=True)


def make_table(name: str, records: Iterable[Any]) -> pd.DataFrame:
    """Return table `name` made from `records`, one row each, as `conform` types it.

    Parameters
    ----------
    name : str
        A table of TABLES.
    records : iterable
        Dataclass instances, named tuples or mappings (column -> value), one per row; a
        record's fields (or keys) are the row's cells. Contract columns no record holds
        are empty; fields beyond the contract follow the contract's columns in the order
        they first occur. A key that some mappings lack is missing in their rows.

    Returns
    -------
    DataFrame
        Table `name`'s columns (TABLES[name]) with their dtypes, then the extra fields:
        the frame ``conform(pd.DataFrame(rows), name)`` gives, each record as a dict.
    """
    rows = [_cells(r) for r in records]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    data = {c: [row.get(c, np.nan) for row in rows] for c in columns}
    return conform(from_columns(data, columns), name)


def _cells(record) -> dict:
    """A record's fields as a dict: a mapping as it is, a dataclass's fields, a named tuple's ``_asdict()``."""
    if isinstance(record, Mapping):
        return record
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    if isinstance(record, tuple) and hasattr(record, "_asdict"):
        return record._asdict()
    raise TypeError(f"a record of a table is a dataclass, a named tuple or a mapping, not {type(record).__name__}.")


def validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return `df` unchanged if it keeps table `name`'s contract, else raise TableError.

    Checks: every contract column present, no duplicate key, no missing key value,
    ``start <= end`` for spans, ``earliest <= latest`` for date ranges.
    """
    table = lookup(name)
    missing = [c for c in table.columns if c not in df.columns]
    if missing:
        raise TableError(f"table {name!r} lacks columns {missing}; rebuild it with `scoanalysis build`.")
    if table.key and len(df):
        keys = df[list(table.key)]
        if keys.isna().any().any():
            raise TableError(f"table {name!r} has rows with an empty key {list(table.key)}.")
        dup = keys.duplicated()
        if dup.any():
            raise TableError(
                f"table {name!r} repeats the key {list(table.key)} in {int(dup.sum())} rows, "
                f"first {keys[dup].iloc[0].tolist()}."
            )
    for lo, hi in (("start", "end"), ("earliest", "latest"), ("published_earliest", "published_latest")):
        if lo in df.columns and hi in df.columns and len(df):
            both = df[lo].notna() & df[hi].notna()
            bad = both & (df[lo] > df[hi])
            if bad.any():
                raise TableError(f"table {name!r} has {int(bad.sum())} rows with {lo} after {hi}.")
    return df


#: The column a capped read (`evidence_limit`) adds: how many evidence references the row has in all.
EVIDENCE_COUNT = "n_evidence"


def _coerce(series: pd.Series, kind: str) -> pd.Series:
    if kind == "date":
        return pd.to_datetime(series, errors="coerce", format="mixed").astype("datetime64[ns]")
    if kind == "list":
        return series.map(as_list).astype(object)
    if kind == "bool":
        if pd.api.types.is_bool_dtype(series.dtype):  # already booleans (read from Parquet)
            return series.astype("boolean")
        mapped = series.map(_to_bool)
        return mapped.astype("boolean")
    if kind in ("int", "float"):
        return pd.to_numeric(series, errors="coerce").astype(_DTYPES[kind])
    if str(series.dtype) in ("str", "string"):  # already text: only the missing marker changes
        return series.astype("string")
    return series.astype("object").where(series.notna(), None).astype("string")


def infer_extra(series: pd.Series) -> pd.Series:
    """Return a column beyond the contract with numbers as numbers and true/false as booleans, if all fit."""
    if series.dtype != object and str(series.dtype) not in ("string", "str"):
        return series
    values = series.dropna()
    if values.empty:
        return series
    if values.map(lambda v: isinstance(v, str) and v.strip().lower() in ("true", "false")).all():
        return series.map(_to_bool).astype("boolean")
    if values.map(lambda v: isinstance(v, str)).all():
        numbers = pd.to_numeric(values, errors="coerce")
        if numbers.notna().all():
            return pd.to_numeric(series, errors="coerce")
    return series


def _to_bool(value):
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return pd.NA
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        return pd.NA
    return bool(value)


def as_list(value) -> list:
    """Return a list cell as a list: lists and arrays as they are, ";"-joined text split, empty for none."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if hasattr(value, "tolist"):
        return list(value.tolist())
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) or value == "":
        return []
    return [part for part in str(value).split(";") if part]


def evidence_refs(value, limit: int | None = None) -> list[tuple[str, int]]:
    """Return an evidence cell's references (``article_id:sentence_id`` items) as (article_id, sentence_id) pairs, in order.

    With `limit`, only the first `limit` of them (the rest are not parsed).
    """
    out = []
    for ref in as_list(value)[:limit]:
        aid, sid = str(ref).rsplit(":", 1)
        out.append((aid, int(sid)))
    return out


def evidence_line(value, limit: int, *, total=None) -> str:
    """Return an evidence cell as text: its first `limit` references joined by ", ", then how many more there are.

    `total` is how many references the row has in all when its cell was cut
    (``n_evidence`` of a capped read); by default, the cell's length.
    """
    refs = as_list(value)
    total = evidence_count(refs, total)
    more = f" (and {total - limit:,} more)" if total > limit else ""
    return ", ".join(str(r) for r in refs[:limit]) + more


def evidence_count(value, total=None) -> int:
    """Return how many references an evidence cell stands for: `total` (``n_evidence`` of a capped read) when given, else its length."""
    return len(as_list(value)) if total is None or pd.isna(total) else int(total)


def evidence_counts(frame: pd.DataFrame) -> list[int]:
    """Return evidence_count of each row of `frame` (its evidence cell and, after a capped read, its n_evidence)."""
    n = len(frame)
    lists = frame["evidence"].tolist() if "evidence" in frame.columns else [None] * n
    totals = frame[EVIDENCE_COUNT].tolist() if EVIDENCE_COUNT in frame.columns else [None] * n
    return [evidence_count(value, total) for value, total in zip(lists, totals)]

"""The output tables' contract: columns declared once, validated, written and read back.

Each table is declared as an ordered mapping of column name to kind:

``str``   text (pandas ``string``), empty cell for none
``int``   whole number (pandas ``Int64``)
``float`` real number
``bool``  ``true``/``false`` in CSV (pandas ``boolean``)
``date``  ISO ``YYYY-MM-DD`` in CSV, ``datetime64`` when loaded
``list``  ``;``-separated in CSV, a Python list when loaded
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import heap
from .exceptions import TableError


@dataclass(frozen=True)
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


def empty(name: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of table `name`."""
    table = _table(name)
    return conform(pd.DataFrame({c: [] for c in table.columns}), name)


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return a copy of `df` with table `name`'s columns first, in order, with their dtypes.

    Missing contract columns are added empty; extra columns are kept after them.
    """
    table = _table(name)
    out = df.copy()
    for col, kind in table.columns.items():
        if col not in out.columns:
            out[col] = None
        out[col] = _coerce(out[col], kind)
    extra = [c for c in out.columns if c not in table.columns]
    for col in extra:
        out[col] = infer_extra(out[col])
    return out[list(table.columns) + extra].reset_index(drop=True)


def validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return `df` unchanged if it keeps table `name`'s contract, else raise TableError.

    Checks: every contract column present, no duplicate key, no missing key value,
    ``start <= end`` for spans, ``earliest <= latest`` for date ranges.
    """
    table = _table(name)
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


def write_table(df: pd.DataFrame, name: str, out: str | os.PathLike, *, parquet: bool = True) -> Path:
    """Write table `name` as CSV (and Parquet) under `out` atomically; return the CSV path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    frame = validate(conform(df, name), name)
    path = out / _table(name).file
    atomic_write(path, lambda tmp: _csv_frame(frame, name).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))
    if parquet:
        atomic_write(path.with_suffix(".parquet"), lambda tmp: frame.to_parquet(tmp, index=False))
    return path


def write_part(df: pd.DataFrame, name: str, folder: str | os.PathLike, index: int) -> None:
    """Write one part of table `name` (rows of some articles) as ``folder/<name>/<index>.csv`` and ``.parquet``.

    The CSV part has no header; `combine_parts` joins the parts, in index order, into
    the whole table. Each part is conformed and validated on its own, so a table can be
    written by many processes without one of them holding it all.
    """
    target = Path(folder) / name
    target.mkdir(parents=True, exist_ok=True)
    frame = validate(conform(df, name), name)
    stem = f"{index:08d}"
    atomic_write(target / f"{stem}.csv", lambda tmp: _csv_frame(frame, name).to_csv(
        tmp, index=False, header=False, encoding="utf-8", lineterminator="\n"))
    atomic_write(target / f"{stem}.parquet", lambda tmp: frame.to_parquet(tmp, index=False))


#: Rows of a combined Parquet table written as one row group: a partition's 64 articles make groups so small
#: that reading 100,000 articles' table took 15 times longer than in groups of this size.
ROW_GROUP_ROWS = 8192
#: Row groups that parquet_rows reads at a time (sentences are written 64 articles to a group).
GROUPS_PER_READ = 16
#: Tables whose rows the reports read by article (summaries.sentence_texts): one row group per part, so
#: that a lookup reads only the parts that hold the articles asked for.
LOOKED_UP_BY_ARTICLE = ("sentences",)


def combine_parts(name: str, folder: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Write table `name` under `out` (CSV and Parquet) from the parts in ``folder/<name>``; return the CSV path.

    Streams: one part is in memory at a time, or the parts of one row group (ROW_GROUP_ROWS
    rows; a row group per part for LOOKED_UP_BY_ARTICLE). With no parts the table is
    written empty.
    """
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    source, out = Path(folder) / name, Path(out)
    out.mkdir(parents=True, exist_ok=True)
    parts = sorted(source.glob("*.parquet")) if source.is_dir() else []
    if not parts:
        return write_table(empty(name), name, out)
    schemas = [pq.read_schema(p) for p in parts]
    unified = pa.unify_schemas(schemas, promote_options="permissive")
    columns = unified.names
    path = out / _table(name).file

    def write_csv(tmp):
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(",".join(_csv_field(c) for c in columns) + "\n")
            for part, schema in zip(parts, schemas):
                if schema.names == columns:
                    with open(part.with_suffix(".csv"), encoding="utf-8", newline="") as src:
                        shutil.copyfileobj(src, fh, 1 << 20)
                else:  # a part without some extra column: its rows get empty cells there
                    frame = pd.read_parquet(part).reindex(columns=columns)
                    _csv_frame(frame, name).to_csv(fh, index=False, header=False, lineterminator="\n")

    atomic_write(path, write_csv)

    group_rows = 1 if name in LOOKED_UP_BY_ARTICLE else ROW_GROUP_ROWS

    def write_parquet(tmp):
        with pq.ParquetWriter(tmp, unified) as writer:
            pending, held = [], 0
            for k, part in enumerate(parts):
                if k % 64 == 63:  # the pages of the parts already written go back
                    heap.trim()
                table = pq.read_table(part)
                for field in unified:
                    if field.name not in table.column_names:
                        table = table.append_column(field, pa.nulls(len(table), field.type))
                pending.append(table.select(unified.names).cast(unified))
                held += len(table)
                if held >= group_rows:
                    writer.write_table(pa.concat_tables(pending), row_group_size=max(held, 1))
                    pending, held = [], 0
            if pending:
                writer.write_table(pa.concat_tables(pending), row_group_size=max(held, 1))

    atomic_write(path.with_suffix(".parquet"), write_parquet)
    return path


def _csv_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return `frame` as CSV cells: dates ISO, lists ``;``-joined, booleans true/false."""
    out = frame.copy()
    for col in out.columns:
        kind = _table(name).columns.get(col)
        if kind == "date":
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif kind == "list":
            out[col] = out[col].map(_join_list)
        elif kind == "bool":
            out[col] = out[col].map({True: "true", False: "false"})
    return out


def _csv_field(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ',"\n') else value


def read_table(name: str, path: str | os.PathLike, *, evidence_limit: int | None = None) -> pd.DataFrame:
    """Return table `name` read from the folder `path`, with the contract's dtypes.

    The CSV is the table; the Parquet file written beside it is read instead when it
    is not older than the CSV (a CSV edited by hand is newer, and wins). Both give
    the same frame: what Parquet holds beyond CSV (empty text as opposed to none,
    typed extra columns) is read as the CSV would be. With `evidence_limit`, a table
    with an evidence list (events, attendance) keeps the first `evidence_limit`
    references of each row and gains the column ``n_evidence`` (Int64), how many the
    row has in all; from Parquet the lists are cut before they become Python objects.
    """
    file = Path(path) / _table(name).file
    if not file.is_file():
        raise TableError(f"{file} does not exist; run `scoanalysis build --out {path}` first.")
    twin = _current_parquet(file)
    if twin is not None:
        try:
            if evidence_limit is None:
                frame = _as_csv_reads(pd.read_parquet(twin), name)
            else:
                import pyarrow.parquet as pq

                table, counts = _cut_evidence(pq.read_table(twin), name, evidence_limit)
                frame = _as_csv_reads(table.to_pandas(), name)
        except Exception:  # unreadable or cut short: the CSV is the table
            frame = None
        if frame is not None:
            frame = conform(frame, name)
            return frame if evidence_limit is None else _with_counts(frame, name, counts)
    raw = conform(pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8"), name)
    return raw if evidence_limit is None else _cut_evidence_frame(raw, name, evidence_limit)


#: The column a capped read (`evidence_limit`) adds: how many evidence references the row has in all.
EVIDENCE_COUNT = "n_evidence"


def _has_evidence(name: str) -> bool:
    return _table(name).columns.get("evidence") == "list"


def _cut_evidence(table, name: str, limit: int):
    """Return (Arrow `table` with its evidence lists cut to `limit` items, each row's count before) or (table, None)."""
    import pyarrow.compute as pc

    if not _has_evidence(name) or "evidence" not in table.column_names:
        return table, None
    column = table["evidence"]
    counts = pc.fill_null(pc.list_value_length(column), 0).to_numpy(zero_copy_only=False)
    where = table.column_names.index("evidence")
    return table.set_column(where, "evidence", pc.list_slice(column, 0, limit)), counts


def _with_counts(frame: pd.DataFrame, name: str, counts) -> pd.DataFrame:
    if not _has_evidence(name):
        return frame
    if counts is None:  # no evidence column in the file: conform added it empty
        counts = [0] * len(frame)
    frame[EVIDENCE_COUNT] = pd.array(counts, dtype="Int64")
    return frame


def _cut_evidence_frame(frame: pd.DataFrame, name: str, limit: int) -> pd.DataFrame:
    """Return `frame` (conformed) with its evidence lists cut to `limit` and their counts before in n_evidence."""
    if not _has_evidence(name):
        return frame
    out = frame.copy()
    counts = out["evidence"].map(lambda v: len(as_list(v)))
    out["evidence"] = out["evidence"].map(lambda v: as_list(v)[:limit])
    return _with_counts(out, name, counts.to_numpy())


def read_head(name: str, path: str | os.PathLike, rows: int, *, evidence_limit: int | None = None) -> pd.DataFrame:
    """Return the first `rows` rows of table `name` in folder `path`, and in ``attrs["n_rows"]`` how many it has.

    From the Parquet file, when it is current (see read_table), only the row groups
    that hold those rows are read; otherwise the whole CSV. `evidence_limit` as in
    read_table.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    file = Path(path) / _table(name).file
    if not file.is_file():
        raise TableError(f"{file} does not exist; run `scoanalysis build --out {path}` first.")
    twin = _current_parquet(file)
    frame = None
    if twin is not None:
        try:
            reader = pq.ParquetFile(twin)
            total, groups, held = reader.metadata.num_rows, [], 0
            for g in range(reader.num_row_groups):
                if held >= rows:
                    break
                groups.append(reader.read_row_group(g))
                held += groups[-1].num_rows
            table = (pa.concat_tables(groups) if groups else reader.schema_arrow.empty_table()).slice(0, rows)
            counts = None
            if evidence_limit is not None:
                table, counts = _cut_evidence(table, name, evidence_limit)
            frame = _as_csv_reads(table.to_pandas(), name)
        except Exception:  # unreadable or cut short: the CSV is the table
            frame = None
    if frame is None:
        whole = read_table(name, path, evidence_limit=evidence_limit)
        total, frame = len(whole), whole.head(rows)
    else:
        frame = conform(frame, name)
        if evidence_limit is not None:
            frame = _with_counts(frame, name, counts)
    frame.attrs["n_rows"] = int(total)
    return frame


def parquet_rows(file: Path, ids: list[str], *, columns: list[str] | None = None,
                 refs: set[tuple[str, int]] | None = None) -> pd.DataFrame:
    """Return the rows of Parquet `file` whose article_id is in `ids` (sorted), in file order, as stored.

    Reads only the row groups whose article_id range (the file's statistics) holds one
    of `ids`: the build writes sentences a row group per partition, so a few articles
    cost a few groups. (A filter handed to pyarrow read every group of the file: 0.5 s
    for 76 articles of 100,000, against 0.05 s here.) The groups are read
    GROUPS_PER_READ at a time and filtered before the next, so asking for most
    articles holds a few groups, not the file. With `refs`, only the rows whose
    (article_id, sentence_id) is one of them.
    """
    import bisect

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    reader = pq.ParquetFile(file)
    meta, where = reader.metadata, reader.schema_arrow.get_field_index("article_id")
    groups = []
    for g in range(meta.num_row_groups):
        stats = meta.row_group(g).column(where).statistics
        if stats is None or not stats.has_min_max:
            groups.append(g)
            continue
        i = bisect.bisect_left(ids, stats.min)
        if i < len(ids) and ids[i] <= stats.max:
            groups.append(g)
    wanted = pa.array(ids, type=reader.schema_arrow.field("article_id").type)
    frames = []
    for k in range(0, len(groups), GROUPS_PER_READ):
        table = reader.read_row_groups(groups[k:k + GROUPS_PER_READ], columns=columns)
        frame = table.filter(pc.is_in(table["article_id"], value_set=wanted)).to_pandas()
        if refs is not None:
            frame = frame[[(a, int(s)) in refs for a, s in zip(frame["article_id"], frame["sentence_id"])]]
        frames.append(frame)
    if not frames:
        return reader.schema_arrow.empty_table().select(columns or reader.schema_arrow.names).to_pandas()
    return pd.concat(frames, ignore_index=True)


def _current_parquet(file: Path) -> Path | None:
    """Return the Parquet file beside CSV `file` when it exists and is not older than it, else None."""
    twin = file.with_suffix(".parquet")
    try:
        return twin if twin.stat().st_mtime_ns >= file.stat().st_mtime_ns else None
    except FileNotFoundError:
        return None


def _as_csv_reads(frame: pd.DataFrame, name: str) -> pd.DataFrame | None:
    """Return a frame read from table `name`'s Parquet file with each column as its CSV would read, before `conform`.

    Contract columns: empty text is none, dates lose their time of day, list items are
    text. Extra columns: as their CSV text would be inferred (`infer_extra`). None when
    a column's CSV form is not mirrored here (the caller then reads the CSV).
    """
    kinds = _table(name).columns
    out = {}
    for col in frame.columns:
        series, kind = frame[col], kinds.get(col)
        if kind == "date":
            out[col] = pd.to_datetime(series, errors="coerce").dt.normalize()
        elif kind == "list":
            out[col] = series.map(lambda v: [str(x) for x in as_list(v)])
        elif kind in ("bool", "int", "float"):
            out[col] = series
        elif kind is not None or _is_text(series):
            out[col] = _blank_as_none(series) if kind is not None else infer_extra(_blank_as_none(series))
        else:
            mirrored = _extra_as_csv(series)
            if mirrored is None:
                return None
            out[col] = mirrored
    return pd.DataFrame(out, index=frame.index)


def _is_text(series: pd.Series) -> bool:
    if str(series.dtype) in ("string", "str"):
        return True
    return series.dtype == object and series.map(lambda v: v is None or isinstance(v, str)).all()


def _blank_as_none(series: pd.Series) -> pd.Series:
    text = series.astype("str")  # none stays missing
    return text.where(text != "", None).astype("str")


def _extra_as_csv(series: pd.Series) -> pd.Series | None:
    """Return a typed extra column as reading it back from CSV would, or None for a kind not mirrored."""
    if series.isna().all():
        return pd.Series(None, index=series.index, dtype="str")
    if pd.api.types.is_bool_dtype(series):
        return series.astype("boolean")
    if pd.api.types.is_integer_dtype(series) and not series.isna().any():
        return series.astype("int64")
    if pd.api.types.is_integer_dtype(series) or pd.api.types.is_float_dtype(series):
        return series.astype("float64")  # whole numbers with gaps read back from CSV as floats
    if pd.api.types.is_datetime64_dtype(series):
        values = series.dropna()
        fmt = "%Y-%m-%d" if (values == values.dt.normalize()).all() else "%Y-%m-%d %H:%M:%S"
        return series.dt.strftime(fmt).astype("str")
    return None


def load_tables(path: str | os.PathLike | None = None, *, tables: list[str] | tuple[str, ...] | None = None
                ) -> dict[str, pd.DataFrame]:
    """Return every contract table in folder `path` (default data/processed) as DataFrames.

    Dates come back as ``datetime64``, booleans as ``boolean``, ``;``-lists as lists.
    Keys are the table names: articles, sentences, entities, timexes, quotes, events,
    attendance, duplicates, claims, and problems (what the build skipped or handled;
    empty when the folder has no problems.csv). With `tables`, only those (contract or
    summary tables, see SUMMARY_TABLES); a summary table missing from a folder built
    before summaries existed raises TableError saying to rebuild.
    """
    from .paths import tables_dir

    folder = tables_dir(path)
    if not folder.is_dir():
        raise TableError(f"tables folder {folder} does not exist; run `scoanalysis build --out {folder}` first.")
    names = list(CONTRACT_TABLES) + ["problems"] if tables is None else list(tables)
    out = {}
    for name in names:
        if name == "problems" and not (folder / "problems.csv").is_file():
            out[name] = empty("problems")
        elif name in SUMMARY_TABLES and not (folder / _table(name).file).is_file():
            raise TableError(f"{folder / _table(name).file} does not exist: the tables in {folder} were built by an "
                             f"older version, without summaries; rebuild them with `scoanalysis build --out {folder}`.")
        else:
            out[name] = read_table(name, folder)
    return out


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise TableError(f"unknown table {name!r}; the tables are {sorted(TABLES)}.") from None


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


def _join_list(value) -> str:
    return ";".join(str(v) for v in as_list(value))


def atomic_write(path: Path, writer) -> None:
    """Call writer(temporary path) then move the file to `path`: readers never see half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise

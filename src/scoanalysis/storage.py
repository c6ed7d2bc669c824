"""Where the tables live on disk: CSV and Parquet files, parts written by many processes, atomic writes.

A table is written as ``<name>.csv`` (the table) and ``<name>.parquet`` beside it (the
same rows, faster to read). The CSV cells follow the contract's kinds (scoanalysis.schema):
dates ISO ``YYYY-MM-DD``, lists ``;``-joined, booleans ``true``/``false``, none as an empty
cell. The Parquet file holds the same cells typed (`parquet_table`): dates as Arrow
``date32``, lists as lists of text, booleans as booleans, and NULL wherever the CSV cell
is empty (empty text and empty lists included). A build writes each table in parts (``<folder>/<name>/<index>.csv`` and
``.parquet``), one per group of articles, and joins them with `combine_parts`. Every file
is written to a temporary name and moved into place, so a reader never sees half a file.
"""

from __future__ import annotations

import bisect
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import heap
from .exceptions import TableError
from .paths import tables_dir
from .schema import CONTRACT_TABLES, EVIDENCE_COUNT, SUMMARY_TABLES, as_list, conform, empty, infer_extra, lookup, validate

#: Rows of a combined Parquet table written as one row group: the parts of a partition (64 articles) are
#: too small a group for a fast read of a large table.
ROW_GROUP_ROWS = 8192
#: Row groups that parquet_rows reads at a time (sentences are written 64 articles to a group).
GROUPS_PER_READ = 16
#: Tables whose rows the reports read by article (summaries.sentence_texts): one row group per part, so
#: that a lookup reads only the parts that hold the articles asked for.
LOOKED_UP_BY_ARTICLE = ("sentences",)
#: How a Parquet file becomes a frame on reading: ``date32`` columns as ``datetime64``, as the CSV's dates are read.
_TO_PANDAS = {"date_as_object": False}


def write_table(df: pd.DataFrame, name: str, out: str | os.PathLike, *, parquet: bool = True) -> Path:
    """Write table `name` as CSV (and Parquet) under `out` atomically; return the CSV path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    frame = validate(conform(df, name), name)
    path = out / lookup(name).file
    atomic_write(path, lambda tmp: _csv_frame(frame, name).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))
    if parquet:
        atomic_write(path.with_suffix(".parquet"), lambda tmp: pq.write_table(parquet_table(frame, name), tmp))
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
    atomic_write(target / f"{stem}.parquet", lambda tmp: pq.write_table(parquet_table(frame, name), tmp))


def combine_parts(name: str, folder: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Write table `name` under `out` (CSV and Parquet) from the parts in ``folder/<name>``; return the CSV path.

    Streams: one part is in memory at a time, or the parts of one row group (ROW_GROUP_ROWS
    rows; a row group per part for LOOKED_UP_BY_ARTICLE). With no parts the table is
    written empty.
    """
    source, out = Path(folder) / name, Path(out)
    out.mkdir(parents=True, exist_ok=True)
    parts = sorted(source.glob("*.parquet")) if source.is_dir() else []
    if not parts:
        return write_table(empty(name), name, out)
    schemas = [pq.read_schema(p) for p in parts]
    unified = _unify(schemas)
    columns = unified.names
    path = out / lookup(name).file

    def write_csv(tmp):
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(",".join(_csv_field(c) for c in columns) + "\n")
            for part, schema in zip(parts, schemas):
                if schema.names == columns:
                    with open(part.with_suffix(".csv"), encoding="utf-8", newline="") as src:
                        shutil.copyfileobj(src, fh, 1 << 20)
                else:  # a part without some extra column: its rows get empty cells there
                    frame = conform(pd.read_parquet(part), name).reindex(columns=columns)
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


def _unify(schemas: list[pa.Schema]) -> pa.Schema:
    """Return the schema the parts' `schemas` join into; an extra column of whole days in some parts and times in others is a timestamp."""
    timed = {f.name for s in schemas for f in s if pa.types.is_timestamp(f.type)}
    if timed:
        schemas = [pa.schema([pa.field(f.name, pa.timestamp("ns")) if f.name in timed and pa.types.is_date32(f.type) else f
                              for f in s], metadata=s.metadata) for s in schemas]
    return pa.unify_schemas(schemas, promote_options="permissive")


def _csv_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return `frame` as CSV cells: dates ISO, lists ``;``-joined, booleans true/false (lists and booleans of extra columns too)."""
    out = frame.copy()
    for col in out.columns:
        kind = lookup(name).columns.get(col)
        if kind is None:
            kind = _extra_kind(out[col])
            if kind not in ("list", "bool"):
                continue
        if kind == "date":
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif kind == "list":
            out[col] = out[col].map(_join_list)
        elif kind == "bool":
            out[col] = out[col].map({True: "true", False: "false"})
    return out


#: The Arrow type of each contract kind in the Parquet files.
ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
               "date": pa.date32(), "list": pa.list_(pa.string())}


def parquet_table(frame: pd.DataFrame, name: str) -> pa.Table:
    """Return `frame` (conformed to table `name`) as the Arrow table its Parquet file holds.

    Contract columns get their kind's Arrow type (ARROW_TYPES): dates ``date32``, lists
    lists of text. Extra columns keep the type Arrow infers, dates of whole days as
    ``date32``. A cell that is empty in the CSV is NULL: none, empty text, an empty list.
    """
    kinds = lookup(name).columns
    data, types = {}, {}
    for col in frame.columns:
        series, kind = frame[col], kinds.get(col)
        if kind is None:
            kind = _extra_kind(series)
        if kind == "list":
            series = series.map(lambda v: [str(x) for x in as_list(v)] or None).astype(object)
        elif kind == "str":
            text = series.astype("string")
            series = text.astype(object).where(text.ne("").fillna(False).astype(bool), None)
        data[col] = series
        types[col] = ARROW_TYPES.get(kind)
    prepared = pd.DataFrame(data, index=frame.index)
    inferred = pa.Schema.from_pandas(prepared, preserve_index=False)
    fields = [pa.field(f.name, types[f.name] if types[f.name] is not None else f.type) for f in inferred]
    return pa.Table.from_pandas(prepared, schema=pa.schema(fields, metadata=inferred.metadata), preserve_index=False)


def write_text_parquet(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write `frame`, a table of text cells outside the contract, as Parquet at `path` atomically; return the path.

    Every column is Arrow ``string``, an empty cell NULL: the Parquet twin of the CSV
    the same frame writes.
    """
    path = Path(path)
    columns = {c: frame[c].astype(object).where(frame[c].notna() & (frame[c] != ""), None) for c in frame.columns}
    table = pa.table({c: pa.array(v.tolist(), type=pa.string()) for c, v in columns.items()})
    atomic_write(path, lambda tmp: pq.write_table(table, tmp))
    return path


def _extra_kind(series: pd.Series) -> str | None:
    """Return the contract kind an extra column's cells fit (text, lists, whole-day dates, booleans), else None (Arrow infers)."""
    if pd.api.types.is_datetime64_dtype(series):
        values = series.dropna()
        return "date" if (values == values.dt.normalize()).all() else None
    if _holds_booleans(series):
        return "bool"
    if str(series.dtype) in ("string", "str"):
        return "str"
    if series.dtype == object:
        values = series.dropna()
        if values.empty:  # nothing to tell the kind by: Arrow's null type, which joins any other part's type
            return None
        if values.map(lambda v: isinstance(v, str)).all():
            return "str"
        if values.map(lambda v: isinstance(v, (list, tuple, np.ndarray))).all():
            return "list"
    return None


def _holds_booleans(series: pd.Series) -> bool:
    """Whether `series` is a boolean column: a boolean dtype, or objects that are all True, False or missing."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return True
    if series.dtype != object:
        return False
    values = series.dropna()
    return not values.empty and values.map(lambda v: isinstance(v, (bool, np.bool_))).all()


def _csv_field(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ',"\n') else value


def read_table(name: str, path: str | os.PathLike, *, evidence_limit: int | None = None) -> pd.DataFrame:
    """Return table `name` read from the folder `path`, with the contract's dtypes.

    The CSV is the table; the Parquet file written beside it is read instead when it
    is not older than the CSV (a CSV edited by hand is newer, and wins). Both give
    the same frame: what Parquet holds beyond CSV (``date32`` dates, lists, typed
    extra columns) is read as the CSV would be. With `evidence_limit`, a table
    with an evidence list (events, attendance) keeps the first `evidence_limit`
    references of each row and gains the column ``n_evidence`` (Int64), how many the
    row has in all; from Parquet the lists are cut before they become Python objects.
    """
    file = Path(path) / lookup(name).file
    if not file.is_file():
        raise TableError(f"{file} does not exist; run `scoanalysis build --out {path}` first.")
    twin = _current_parquet(file)
    if twin is not None:
        try:
            if evidence_limit is None:
                frame = _as_csv_reads(pd.read_parquet(twin, to_pandas_kwargs=_TO_PANDAS), name)
            else:
                table, counts = _cut_evidence(pq.read_table(twin), name, evidence_limit)
                frame = _as_csv_reads(table.to_pandas(**_TO_PANDAS), name)
        except Exception:  # unreadable or cut short: the CSV is the table
            frame = None
        if frame is not None:
            frame = conform(frame, name)
            return frame if evidence_limit is None else _with_counts(frame, name, counts)
    raw = conform(pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8"), name)
    return raw if evidence_limit is None else _cut_evidence_frame(raw, name, evidence_limit)


def _has_evidence(name: str) -> bool:
    return lookup(name).columns.get("evidence") == "list"


def _cut_evidence(table, name: str, limit: int):
    """Return (Arrow `table` with its evidence lists cut to `limit` items, each row's count before) or (table, None)."""
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
    file = Path(path) / lookup(name).file
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
            frame = _as_csv_reads(table.to_pandas(**_TO_PANDAS), name)
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
    cost a few groups (a filter handed to pyarrow reads every group of the file). The groups are read
    GROUPS_PER_READ at a time and filtered before the next, so asking for most
    articles holds a few groups, not the file. With `refs`, only the rows whose
    (article_id, sentence_id) is one of them.
    """
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
    kinds = lookup(name).columns
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
    if _extra_kind(series) == "list":
        return infer_extra(_blank_as_none(series.map(lambda v: None if v is None else _join_list(v))))
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
    folder = tables_dir(path)
    if not folder.is_dir():
        raise TableError(f"tables folder {folder} does not exist; run `scoanalysis build --out {folder}` first.")
    names = list(CONTRACT_TABLES) + ["problems"] if tables is None else list(tables)
    out = {}
    for name in names:
        if name == "problems" and not (folder / "problems.csv").is_file():
            out[name] = empty("problems")
        elif name in SUMMARY_TABLES and not (folder / lookup(name).file).is_file():
            raise TableError(f"{folder / lookup(name).file} does not exist: the tables in {folder} were built by an "
                             f"older version, without summaries; rebuild them with `scoanalysis build --out {folder}`.")
        else:
            out[name] = read_table(name, folder)
    return out


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
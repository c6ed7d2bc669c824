"""Writing the summary tables at the end of a build, from the partitions' contributions.

When duplicates are known, the parts (contributions.write_part) are read one at a time
and summed per group: per summit, per outlet, and whether the article repeats another
(``is_duplicate``), so that a report can count each story once or not by summing rows
(`write_summaries`). Once attendance and events are written, the text of the sentences
their rows cite goes into summary_evidence (`write_evidence`).
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from .. import frames, heap, schema, storage
from .catalog import ACTOR_ROWS, DIMENSIONS, EVIDENCE_SENTENCES, EVIDENCE_TABLES, HEAD_ROWS, PARTS
from .folds import Folds, RunningSum, fold_mentions
from .read import sentences_file

#: Parts read between two heap.trim() calls (the pages freed by the parts already summed go back).
TRIM_EVERY = 16
#: Rows of a per-article summary table (summary_kinds) written as one part.
CHUNK_ROWS = 50_000


def write_summaries(folder: str | os.PathLike, out: str | os.PathLike, *, articles: pd.DataFrame) -> list[Path]:
    """Write every summary table under `out` (CSV and Parquet) from the contributions in ``folder/summary`` (PARTS).

    Streams: the parts are read one at a time (the actor words twice) and summed per
    group; `articles` (article_id, summit_id, outlet, duplicate_of, and for
    summary_articles headline, published, summit_score, n_words; in the articles
    table's order) says each article's groups. Returns the CSV paths written.
    """
    source = Path(folder) / PARTS
    where, groups = _group_lookup(articles)

    def parts(name: str):
        for k, path in enumerate(sorted((source / name).glob("*.parquet")) if (source / name).is_dir() else []):
            if k % TRIM_EVERY == 0:
                heap.trim()
            frame = pd.read_parquet(path)
            yield _with_groups(frame, where, groups) if "article_id" in frame.columns else frame

    sums = {name: RunningSum(by) for name, by in [
        ("terms", ["summit_id", "is_duplicate", "term"]),
        ("quoted", ["summit_id", "is_duplicate", "speaker"]),
        ("actors", ["entity_id", "is_duplicate"]),
        ("actor_names", ["entity_id", "is_duplicate", "name"]),
    ]}
    for dim in DIMENSIONS:
        sums[("prose", dim)] = RunningSum([dim, "is_duplicate"])
        sums[("tone_words", dim)] = RunningSum([dim, "is_duplicate", "word"])
        sums[("themes", dim)] = RunningSum([dim, "is_duplicate", "theme"])
        sums[("theme_terms", dim)] = RunningSum([dim, "is_duplicate", "theme", "term"])
    for name in ("terms", "quoted", "actor_names"):
        for frame in parts(name):
            sums[name].add(frame)
    for name in ("prose", "tone_words", "themes", "theme_terms"):
        for frame in parts(name):
            frame = frame.assign(n_articles=1) if name == "themes" else frame
            for dim in DIMENSIONS:
                sums[(name, dim)].add(frame.drop(columns=[d for d in DIMENSIONS if d != dim]))
    seen = 0
    types: dict[tuple[str, bool], tuple[int, str]] = {}
    for frame in parts("actors"):
        frame = frame.assign(n_articles=1, first_seen=range(seen, seen + len(frame)))
        seen += len(frame)
        for e, d, t, f in zip(frame["entity_id"], frame["is_duplicate"], frame["entity_type"], frame["first_seen"]):
            types.setdefault((e, bool(d)), (f, t))
        sums["actors"].add(frame.drop(columns=["entity_type", "first_seen"]))
    actors = sums["actors"].result()
    actors["entity_type"] = [types[(e, bool(d))][1] for e, d in zip(actors["entity_id"], actors["is_duplicate"])]
    actors["first_seen"] = [types[(e, bool(d))][0] for e, d in zip(actors["entity_id"], actors["is_duplicate"])]
    chosen = frames.text_set(_top_actors(actors))
    actors = actors[frames.text_isin(actors["entity_id"], chosen)]
    names = sums["actor_names"].result()
    words = RunningSum(["entity_id", "is_duplicate", "word"])
    for frame in parts("actor_words"):
        words.add(frame[frames.text_isin(frame["entity_id"], chosen)])
    mentions, seen = Folds(fold_mentions), 0
    for frame in parts("mentions"):
        frame = frame.assign(first_seen=range(seen, seen + len(frame)))
        seen += len(frame)
        mentions.add(frame.groupby(["summit_id", "is_duplicate", "entity_id", "entity_type", "name"], dropna=False,
                                   sort=False).agg(count=("count", "sum"), first_seen=("first_seen", "min")))
    mentions = mentions.result()
    tables = {
        "summary_terms": sums["terms"].result(),
        "summary_quoted": sums["quoted"].result(),
        "summary_actors": actors,
        "summary_actor_names": names[frames.text_isin(names["entity_id"], chosen)],
        "summary_actor_words": words.result(),
        "summary_mentions": mentions.reset_index() if mentions is not None else None,
        "summary_tone": _stack(sums, "prose"),
        "summary_tone_words": _stack(sums, "tone_words"),
        "summary_themes": _stack(sums, "themes"),
        "summary_theme_terms": _stack(sums, "theme_terms"),
        "summary_kinds": parts("kinds"),  # a row an article or more: written a chunk at a time
        "summary_articles": _summit_articles(articles, parts("leads")),
        "summary_dated": _head(parts("dated"), ["earliest", "latest", "article_id", "start"], per="summit_id"),
        "summary_quotes": _head(parts("quotes"), ["article_id", "start"], per="summit_id"),
        "summary_boilerplate": _head(parts("boilerplate"), None),
        "summary_translation": _head(parts("translation"), ["article_id", "sentence_id", "start"]),
    }
    written = []
    for name, frame in tables.items():
        columns = list(schema.TABLES[name].columns)
        if not isinstance(frame, pd.DataFrame) and frame is not None:
            written.append(_write_chunked(frame, name, out, spill=Path(folder) / "_tables", columns=columns))
            continue
        frame = frame if frame is not None and len(frame) else pd.DataFrame(columns=columns)
        for col in ("compound_sum", "valence"):  # VADER scores have 4 decimals: so do their sums, whatever the order
            if col in frame.columns:
                frame = frame.assign(**{col: frame[col].astype(float).round(4)})
        written.append(storage.write_table(frame[columns], name, out))
    return written


def write_evidence(out: str | os.PathLike) -> Path:
    """Write summary_evidence under `out` from the attendance, events and sentences tables there; return the CSV path.

    Called by `build` once those tables are written. Its rows are the sentences that
    the first EVIDENCE_SENTENCES references of each attendance and events row name,
    sorted by article and sentence; the sentences are read from sentences.parquet a
    few row groups at a time (storage.parquet_rows), only those that hold one of them.
    """
    refs: set[tuple[str, int]] = set()
    for name in EVIDENCE_TABLES:
        refs.update(_cited(Path(out) / schema.TABLES[name].file))
    columns = list(schema.TABLES["summary_evidence"].columns)
    frame = pd.DataFrame(columns=columns)
    if refs:
        frame = storage.parquet_rows(sentences_file(out), sorted({a for a, _ in refs}), columns=columns, refs=refs)
        frame = frame.sort_values(["article_id", "sentence_id"], kind="stable")
    return storage.write_table(frame, "summary_evidence", out)


def _cited(file: Path) -> set[tuple[str, int]]:
    """Return the first EVIDENCE_SENTENCES references of each row's evidence in table CSV `file`.

    Reads the evidence column of the Parquet file beside it, a row group at a time
    (the whole table, lists and all, would cost 200 MB at 100,000 articles); the
    CSV when there is none.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    refs: set[tuple[str, int]] = set()
    twin = file.with_suffix(".parquet")
    if not twin.is_file():
        for value in storage.read_table(file.stem, file.parent)["evidence"]:
            refs.update(schema.evidence_refs(value, EVIDENCE_SENTENCES))
        return refs
    reader = pq.ParquetFile(twin)
    for g in range(reader.num_row_groups):
        column = reader.read_row_group(g, columns=["evidence"]).column("evidence").combine_chunks()
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            refs.update(schema.evidence_refs(pc.list_flatten(pc.list_slice(column, 0, EVIDENCE_SENTENCES)).to_pylist()))
        else:
            for value in column.to_pylist():
                refs.update(schema.evidence_refs(value, EVIDENCE_SENTENCES))
    return refs


def _summit_articles(articles: pd.DataFrame, leads) -> pd.DataFrame:
    """Return the first HEAD_ROWS articles of each summit (in `articles`'s order) with their lead and the summit's total.

    `leads` are the partitions' frames of (article_id, lead), read one at a time; only
    the chosen articles' leads are kept. Columns: schema.SUMMARY_TABLES["summary_articles"].
    """
    assigned = articles[articles["summit_id"].notna()]
    first = assigned.groupby("summit_id", sort=False).head(HEAD_ROWS)
    wanted = frames.text_set(first["article_id"])  # made once: isin would convert it for every partition
    found: dict[str, str] = {}
    for frame in leads:
        frame = frame[frames.text_isin(frame["article_id"], wanted)]
        found.update(zip(frame["article_id"], frame["lead"]))
    return pd.DataFrame({
        "summit_id": first["summit_id"],
        "article_id": first["article_id"],
        "headline": first["headline"],
        "published": first["published"],
        "summit_score": first["summit_score"],
        "n_words": first["n_words"],
        "lead": first["article_id"].map(found),
        "n_rows": first["summit_id"].map(assigned["summit_id"].value_counts()),
    }).reset_index(drop=True)


def _write_chunked(frames, name: str, out, *, spill: Path, columns: list[str]) -> Path:
    """Write table `name` under `out` from `frames` (its rows in order, any extra columns dropped); return the CSV path.

    The frames are pooled into parts of about CHUNK_ROWS rows written under `spill`,
    then joined (storage.combine_parts): a chunk is in memory at a time, not the table.
    """
    pending, n, k = [], 0, 0
    for frame in frames:
        pending.append(frame[columns])
        n += len(frame)
        if n >= CHUNK_ROWS:
            storage.write_part(pd.concat(pending, ignore_index=True), name, spill, k)
            pending, n, k = [], 0, k + 1
    if pending:
        storage.write_part(pd.concat(pending, ignore_index=True), name, spill, k)
    path = storage.combine_parts(name, spill, out)
    shutil.rmtree(spill / name, ignore_errors=True)
    return path



def _group_lookup(articles: pd.DataFrame) -> tuple[pd.Index, dict[str, np.ndarray]]:
    """Return the articles' ids (an Index, hashed once) and their groups: summit_id, outlet, is_duplicate.

    `articles` has article_id, summit_id, outlet, duplicate_of; the arrays follow its rows.
    """
    def named(col: str) -> np.ndarray:
        return articles[col].astype(object).where(articles[col].notna(), None).to_numpy(object)

    groups = {"summit_id": named("summit_id"), "outlet": named("outlet"),
              "is_duplicate": articles["duplicate_of"].notna().to_numpy(bool)}
    return pd.Index(articles["article_id"].astype(object)), groups


def _with_groups(frame: pd.DataFrame, where: pd.Index, groups: dict[str, np.ndarray]) -> pd.DataFrame:
    """Return the rows of `frame` whose article_id is in `where`, in order, with a column per `groups` entry.

    `groups` holds arrays aligned with `where` (row k describes article where[k]): an
    inner merge on article_id, in the time of `frame` alone.
    """
    at = where.get_indexer(frame["article_id"])
    kept = at >= 0
    if not kept.all():
        frame, at = frame[kept], at[kept]
    frame = frame.reset_index(drop=True)
    columns = {"article_id": frame["article_id"].astype(object),  # as the merge gives, dtypes kept
               **{col: pd.Series(values[at], dtype=values.dtype) for col, values in groups.items()}}
    return frame.assign(**columns)


def _stack(sums: dict, name: str) -> pd.DataFrame:
    frames = []
    for dim in DIMENSIONS:
        frame = sums[(name, dim)].result()
        if len(frame):
            frames.append(frame.rename(columns={dim: "group"}).assign(by=dim))
    return pd.concat(frames, ignore_index=True) if frames else None


def _top_actors(actors: pd.DataFrame) -> set[str]:
    """Return the ACTOR_ROWS actors in most sentences (2 or more), over all articles and over originals, joined."""
    chosen: set[str] = set()
    if "n_sentences" not in actors.columns:  # no actor named in any prose sentence
        return chosen
    for frame in (actors, actors[~actors["is_duplicate"].astype(bool)]):
        totals = frame.groupby("entity_id")["n_sentences"].sum()
        totals = totals[totals >= 2].reset_index().sort_values(["n_sentences", "entity_id"], ascending=[False, True])
        chosen |= set(totals["entity_id"].head(ACTOR_ROWS))
    return chosen


def _head(frames, order: list[str] | None, *, per: str | None = None) -> pd.DataFrame | None:
    """Return the first HEAD_ROWS rows of `frames` in `order` (None: as they come), per `per`, with n_rows."""
    kept, counts = None, defaultdict(int)
    for frame in frames:
        if per is not None:
            frame = frame[frame[per].notna()]
            for key, n in frame[per].value_counts().items():
                counts[key] += int(n)
        else:
            counts[None] += len(frame)
        if order is None and kept is not None and len(kept) >= HEAD_ROWS:
            continue
        both = frame if kept is None else pd.concat([kept, frame], ignore_index=True)
        if order is not None:
            both = both.sort_values(order, kind="stable")
        kept = both.groupby(per, sort=False).head(HEAD_ROWS) if per else both.head(HEAD_ROWS)
    if kept is None or kept.empty:
        return None
    return kept.assign(n_rows=kept[per].map(counts) if per else counts[None]).reset_index(drop=True)

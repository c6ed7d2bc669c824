"""Building the tables: the per-article step, the corpus-level steps, and writing them out.

`analyse_article` is a pure function of (article, tokenizer, reference data): it
can run in this process or any other. `build` lists a corpus folder, runs it on
every article in partitions (`analyse_partition`: here, in processes or on Dask),
then runs what needs the whole corpus (duplicates, attendance, event merging, claim
checking) on what the partitions wrote, on the same workers, a bucket at a time
(claims by subject, attendance by person, events by groups of mentions that merge only
among themselves), and writes every table of the contract (see schema.TABLES) under the output folder.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import hashlib
import heapq
import itertools
import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import (attendance, claims, compare, corpus, entities, events, frames, heap, manifest, paths, quotes, reference,
               schema, summaries, summits, temporal, text, timeline)
from .exceptions import CorpusError, ParameterError

log = logging.getLogger(__name__)

#: Characters of corpus text Punkt trains on: the first articles' (about 150 news articles).
#: Training is serial work done before any partition can start; on a 1,000-article
#: synthetic corpus 2M characters took 3.1 s, 500k took 1.0 s and learned the same 108
#: abbreviations.
PUNKT_SAMPLE_CHARS = 500_000
#: Sentence kinds left out when scoring an article's summit (page furniture that names nothing).
_NOT_CONTENT = ("debris", "prompt", "disclaimer", "duplicate", "credit", "byline")


@dataclass
class ArticleRecords:
    """What the per-article step returns: the article's row and its extracted tables."""

    article: dict
    sentences: pd.DataFrame
    entities: pd.DataFrame = field(default_factory=pd.DataFrame)
    timexes: pd.DataFrame = field(default_factory=pd.DataFrame)
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    claims: pd.DataFrame = field(default_factory=pd.DataFrame)
    event_mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    date_conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    attendance: pd.DataFrame = field(default_factory=pd.DataFrame)
    translation: pd.DataFrame = field(default_factory=pd.DataFrame)
    signature: tuple | None = None
    encoding: str = "utf-8"
    is_html: bool = False


def analyse_article(article: corpus.Article, *, tokenizer, reference_dir: str | os.PathLike | None = None) -> ArticleRecords:
    """Return the records of one article: its articles-table row, sentences, timexes, entity mentions, quotes.

    Pure: depends only on the article, the sentence tokenizer and the reference
    tables. Order: sentences; publication date (the analyst's, else inferred from
    the text); summit (the analyst's, else scored from the text and that date);
    date phrases resolved against the publication date; entity mentions resolved
    with offices held at the publication date (or, failing that, the summit's opening);
    quotations with their speakers linked to those mentions; claims, event mentions and
    attendance statements; the article's MinHash signatures for duplicate search.
    """
    raw, aid = article.text, article.article_id
    summit_table = reference.summits(folder=reference_dir)
    sents = text.split_sentences(raw, tokenizer=tokenizer, article_id=aid)
    texts, kinds, boiler = sents["text"].tolist(), sents["kind"].tolist(), sents["is_boilerplate"].tolist()
    body = [t for t, b in zip(texts, boiler) if not b]
    given_date = article.meta.get("published")
    given_date = pd.Timestamp(given_date) if given_date else None
    # publication date, timexes and date conflicts, the article's date mentions read once for the three
    dated, times, conflicts = temporal._article_dates(sents, summits=summit_table, given=given_date)
    dated = dated if dated is not None else pd.Series({
        "published": given_date or pd.NaT, "published_source": "metadata" if given_date else "unknown",
        "published_earliest": pd.NaT, "published_latest": pd.NaT, "published_evidence": "no text to read"})
    published = None if pd.isna(dated["published"]) or dated["published_source"] == "unknown" else dated["published"]
    given_summit = article.meta.get("summit_id")
    if given_summit and given_summit in set(summit_table["summit_id"]):
        sid, score, evidence = given_summit, 1.0, "given in articles.csv"
    else:
        content = "\n".join(t for t, k in zip(texts, kinds) if k not in _NOT_CONTENT)
        sid, score, evidence = summits._assign_reference(content, reference_dir=reference_dir, published=published)
    date = published
    if date is None and sid:
        date = summit_table.set_index("summit_id").loc[sid, "start"]
    ents = entities.entities(sents, dates={aid: date}, reference_dir=reference_dir)
    # the layers below read these columns once between them (frames.Columns; their public functions take frames)
    sent_cols, ent_cols = frames.Columns(sents), frames.Columns(ents)
    said = quotes._quotes(sent_cols, ent_cols)
    stated = claims._claims(sent_cols, ent_cols, dates={aid: date}, reference_dir=reference_dir)
    translation = compare.translation_evidence(sents)
    row = {
        "article_id": aid,
        "path": article.path,
        "headline": article.meta.get("headline") or text.headline(raw),
        "outlet": article.meta.get("outlet"),
        "published": published,
        "published_source": dated["published_source"],
        "summit_id": sid,
        "summit_score": score,
        "n_sentences": len(body),
        "n_words": sum(map(text.count_words, body)),
        "translated": compare.is_translated(translation),
        "duplicate_of": None,
        "url": article.meta.get("url"),
        "byline": text.byline(raw),
        "notes": article.meta.get("notes"),
        "published_earliest": dated["published_earliest"],
        "published_latest": dated["published_latest"],
        "published_evidence": dated["published_evidence"],
        "summit_evidence": evidence,
        "n_chars": len(raw),
        "n_boilerplate": sum(boiler),
        "sha256": article.sha256,
    }
    happened = events._article_event_mentions(sent_cols, times, ent_cols, article_id=aid, summit_id=sid,
                                              published=published, reference_dir=reference_dir)
    present = (attendance._article_attendance(sent_cols, ent_cols, article_id=aid, summit_id=sid, published=published)
               if sid else pd.DataFrame())
    return ArticleRecords(article=row, sentences=sents, entities=ents, timexes=times, quotes=said, claims=stated,
                          event_mentions=happened, date_conflicts=conflicts, attendance=present, translation=translation,
                          signature=compare.signature(sents), encoding=article.encoding,
                          is_html=text.looks_like_html(raw))


def build(
    corpus_dir: str | os.PathLike,
    out: str | os.PathLike,
    *,
    reference_dir: str | os.PathLike | None = None,
    max_bytes: int = paths.MAX_ARTICLE_BYTES,
    force: bool = False,
    jobs: int = 1,
    engine: str = "process",
    scheduler: str | None = None,
    load: bool = True,
) -> dict[str, pd.DataFrame]:
    """Build every table from the corpus folder `corpus_dir` and write them under `out`.

    Files that cannot be read and metadata rows that cannot be used are skipped and
    listed in the ``problems`` table (problems.csv) with the fix; the rest is built.
    Incremental: when no input (raw files, articles.csv, reference data, the
    package's code) changed since the last build, nothing is redone; otherwise
    only changed articles are analysed again (the others come from ``out/.cache``).
    All tables are written to a staging folder first and moved into place
    together, then ``manifest.json`` records the inputs' hashes and timings; a
    run that fails or is killed leaves the previous tables whole. A lock keeps
    two builds from writing to `out` at once (LockedError).

    Articles are analysed in partitions of up to PARTITION; each partition writes its
    rows of the large tables (sentences, entities, timexes, quotes) and of articles as
    parts, and the corpus-level steps' inputs (claims, attendance statements, names,
    event mentions, date conflicts, sketches) to an inputs file, bucketed by what each
    step groups by; it hands back only its articles' ids, dates and summits and their
    MinHash signatures. The corpus-level steps then read one bucket at a time and
    write their tables as parts too, so the main process holds about 1.1 KB an
    article (the signatures and those keys), no claim, mention or text of the corpus.
    `jobs` > 1 runs the partitions in that many processes; ``engine="dask"`` runs them
    on a Dask cluster (`scheduler` address, or a local cluster of `jobs` worker
    processes; a remote cluster's workers must see `corpus_dir` and `out` at the same
    paths). The same workers then merge the events, check the claims, pool the
    attendance and combine the big tables' parts, each step a task of its own, while
    the main process finds the duplicates and sums the summaries. The tables are the
    same whichever way they are computed.

    Returns the tables by name (articles, sentences, entities, timexes, quotes,
    events, attendance, duplicates, claims, problems), as read back from `out`; with
    ``load=False`` only ``problems`` (large corpora: read the tables when needed).
    Raises CorpusError when the corpus folder itself is missing or empty.
    """
    if engine not in ENGINES:
        raise ParameterError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
    if jobs < 1:
        raise ParameterError(f"jobs={jobs!r} is not a number of processes; use 1 or more.")
    out = Path(out)
    started = time.perf_counter()
    with manifest.locked(out):
        fingerprint = manifest.build_fingerprint(corpus_dir, reference_dir=reference_dir, max_bytes=max_bytes)
        if force or not manifest.is_current(out, fingerprint["digest"]):
            out.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
            try:
                digests = _Digests(fingerprint.pop("inputs"))  # held to the end, for the manifest
                stats = _compute(corpus_dir, out, staging, digests=digests, reference_dir=reference_dir,
                                 max_bytes=max_bytes, jobs=jobs, engine=engine, scheduler=scheduler)
                for path in sorted(staging.iterdir()):
                    if path.is_file():
                        os.replace(path, out / path.name)
                _remove_old_summaries(out)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            manifest.write(out, {
                "fingerprint": fingerprint["digest"],
                "inputs": digests.to_dict(),
                "source_digest": fingerprint["source"],
                **stats,
                "seconds": round(time.perf_counter() - started, 3),
                "outputs": sorted(p.name for p in out.iterdir()
                                  if p.suffix in (".csv", ".parquet", ".json") and p.name != manifest.MANIFEST),
                manifest.TABLE_FILES: manifest.table_files(out),  # the reports' keys, without reading the tables again
            })
            log.info("built %d articles (%d analysed, %d unchanged) into %s", stats["articles"], stats["analysed"],
                     stats["reused"], out)
        else:
            log.info("tables in %s are up to date", out)
    if not load:
        return {"problems": schema.read_table("problems", out) if (out / "problems.csv").is_file() else schema.empty("problems")}
    return schema.load_tables(out)


def _remove_old_summaries(out: Path) -> None:
    """Delete the summary tables in `out` that this version no longer writes (summary_leads, say).

    Only files named like a summary table (``summary_*.csv`` or ``.parquet``) are
    touched; they are derived and may change between versions (schema.SUMMARY_TABLES).
    """
    for path in out.glob("summary_*"):
        if path.is_file() and path.suffix in (".csv", ".parquet") and path.stem not in schema.SUMMARY_TABLES:
            path.unlink()


class _Digests:
    """Path -> SHA-256 of a build's inputs, as two sorted arrays of bytes: about 100 bytes an input, a dictionary 400.

    ``get(path)`` looks one up (None when absent); ``to_dict()`` gives them all back.
    """

    def __init__(self, digests: dict[str, str]):
        paths = sorted(digests)
        self.paths = np.array([p.encode("utf-8") for p in paths], dtype=bytes)
        self.values = np.array([digests[p].encode("ascii") for p in paths], dtype=bytes)

    def get(self, path: str, default=None):
        key = path.encode("utf-8")
        at = int(np.searchsorted(self.paths, key))
        return self.values[at].decode("ascii") if at < len(self.paths) and self.paths[at] == key else default

    def to_dict(self) -> dict[str, str]:
        return {p.decode("utf-8"): v.decode("ascii") for p, v in zip(self.paths.tolist(), self.values.tolist())}


#: Articles per partition: the unit of work sent to a process or a Dask worker, and of the parts written.
PARTITION = 64
#: The tables written part by part by the partitions; the rest are corpus-level and small.
PART_TABLES = ("sentences", "entities", "timexes", "quotes")
ENGINES = ("process", "dask")


@dataclass
class _Settings:
    """What every partition needs besides its articles (sent once to each process or worker)."""

    corpus_dir: str
    tokenizer: object
    reference_dir: str | None
    max_bytes: int
    parts: str
    cache: str
    context: str
    buckets: int = 1


@dataclass
class _Partition:
    """What a partition hands back: its articles' keys, their signatures, and where its corpus-level inputs are.

    Everything else (article rows, claims, event mentions, attendance statements, names,
    date conflicts, the sketches' hashed stems) is in its parts: the big tables' and the
    inputs file (``parts/_inputs/<index>.pkl``, read a section at a time: see _Inputs).
    `articles` holds article_id, published, summit_id; `words` and `stems` the MinHash
    signatures (uint32, one row per article of `signed`, the articles with a sketch).
    """

    index: int
    articles: pd.DataFrame | None = None
    problems: list = field(default_factory=list)
    signed: list = field(default_factory=list)
    words: np.ndarray | None = None
    stems: np.ndarray | None = None
    sections: dict = field(default_factory=dict)
    analysed: int = 0
    reused: int = 0


#: Buckets the corpus-level inputs are spread over (at least), by a stable hash of what each
#: step groups by (claims by subject, attendance statements and names by person): the main
#: process reads one bucket at a time, never the whole corpus's inputs.
BUCKETS = 32
#: Articles per bucket: larger corpora get more buckets, so that a bucket's size stays the same.
ARTICLES_PER_BUCKET = 500
#: Event groups (events.independent_groups) are pooled into batches (at least this many) merged one at a time.
EVENT_BATCHES = 32
#: Event mentions per batch: larger corpora get more batches (a group is never split).
MENTIONS_PER_BATCH = 5_000
#: Rows of a corpus-level table written as one part.
CHUNK_ROWS = 5_000
#: Rows per pickle when a step's buckets are merged back into the table's order (one of each is in memory).
MERGE_ROWS = 500
#: The corpus-level inputs a partition writes to its inputs file in buckets, with the column that picks
#: the bucket; the others (event_mentions, date_conflicts, sketches) are one section, read partition by partition.
_BUCKETED = {"claims": "subject", "attendance": "entity_id", "names": "entity_id"}


def _compute(corpus_dir, out: Path, staging: Path, *, digests: "_Digests | dict", reference_dir, max_bytes, jobs: int = 1,
             engine: str = "process", scheduler: str | None = None) -> dict:
    """Analyse the corpus into `staging` (every table, CSV and Parquet); return counts for the manifest."""
    problems: list[corpus.Problem] = []
    entries = corpus.list_corpus(corpus_dir, problems=problems)
    known = set(reference.summit_ids(folder=reference_dir))
    for e in entries:
        given = e.meta.get("summit_id")
        if given and given not in known:
            problems.append(corpus.Problem(
                str(Path(corpus_dir) / corpus.METADATA_FILE), e.article_id, "warning",
                f"summit_id {given!r} for {e.article_id!r} is not in data/reference/summits.csv",
                "it is ignored and the summit found from the text; use an id like 2024-astana"))
    tokenizer = text.train_punkt(_sample(corpus_dir, entries, max_bytes=max_bytes))
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    settings = _Settings(
        corpus_dir=str(corpus_dir), tokenizer=tokenizer, reference_dir=str(reference_dir) if reference_dir else None,
        max_bytes=max_bytes, parts=str(staging / "parts"), cache=str(out / ".cache"),
        context=manifest.combined(text.tokenizer_digest(tokenizer), manifest.source_digest(),
                                  manifest.digests(list(ref.glob("*.csv")), root=ref)),
        buckets=max(BUCKETS, -(-len(entries) // ARTICLES_PER_BUCKET)),
    )
    size = PARTITION if jobs <= 1 else max(1, min(PARTITION, -(-len(entries) // (jobs * 4))))
    signed = [(e, digests.get(e.path)) for e in entries]
    chunks = [signed[i:i + size] for i in range(0, len(signed), size)]
    with _workers(settings, jobs=jobs, engine=engine, scheduler=scheduler) as pool:
        results = _run_partitions(chunks, pool)
        pool.renew()
        del entries, signed, chunks  # 700 bytes an article, not needed by the corpus-level steps
        heap.trim()
        for r in results:
            problems.extend(r.problems)
        articles = _article_keys(results)
        if articles.empty:
            raise CorpusError(
                f"no article in {Path(corpus_dir) / corpus.RAW_DIR} could be read: "
                + "; ".join(p.message() for p in problems if p.severity == "error")[:2000]
            )
        _Cache(Path(settings.cache), context=settings.context).prune(set(articles["article_id"]))
        summit_table = reference.summits(folder=reference_dir)
        # the workers get where each partition's inputs are, not the signatures
        inputs = _Inputs(settings.parts, [_Partition(r.index, sections=r.sections) for r in results],
                         buckets=settings.buckets)
        # the corpus-level steps that do not need the duplicates run on the workers, longest first,
        # while this process finds the duplicates, marks them and sums the summaries
        parts, tail = settings.parts, []
        events_done = pool.submit(_step_table, _events, "events", inputs, parts, staging, summits=summit_table)
        tail.append(pool.submit(_step_table, _claims, "claims", inputs, parts, staging, articles=articles,
                                reference_dir=reference_dir))
        tail.append(pool.submit(_step_table, _attendance, "attendance", inputs, parts, staging))
        tail.extend(pool.submit(_combine, name, parts, staging) for name in PART_TABLES)
        tables = {"problems": pd.DataFrame([vars(p) for p in problems], columns=list(schema.TABLES["problems"].columns))}
        heap.lean()
        tables["duplicates"] = _duplicates(results, parts)
        heap.trim()
        _mark_duplicates(results, tables["duplicates"], articles, parts)
        _combine("articles", parts, staging)
        pool.release([events_done, *tail])
        summaries.write_summaries(parts, staging, articles=_article_groups(staging))
        heap.trim()
        for name, frame in tables.items():
            schema.write_table(frame, name, staging)
        focus = events_done.result()
        for done in tail:
            done.result()
        summaries.write_evidence(staging)  # the evidence sentences' text, so no report looks sentences up
    timeline.write_exports(focus, staging, summits=summit_table)
    shutil.rmtree(settings.parts, ignore_errors=True)
    return {"articles": len(articles), "analysed": sum(r.analysed for r in results),
            "reused": sum(r.reused for r in results),
            "skipped": int((tables["problems"]["severity"] == "error").sum())}


def _article_groups(staging: Path) -> pd.DataFrame:
    """Return what the summaries need of every article, read from the written articles table.

    Columns: article_id, summit_id, outlet, duplicate_of (its groups) and headline,
    published, summit_score, n_words (summary_articles).
    """
    columns = ["article_id", "summit_id", "outlet", "duplicate_of", "headline", "published", "summit_score", "n_words"]
    path = staging / "articles.parquet"
    return pd.read_parquet(path, columns=columns) if path.is_file() else schema.empty("articles")[columns]


def _step_table(step, name: str, inputs: _Inputs, parts, staging, **options):
    """Return what corpus-level `step` returns after it wrote table `name`'s parts and they were combined into `staging`.

    `step` is _attendance, _events or _claims, called as ``step(inputs, parts, **options)``;
    run on a worker (or here) beside the other steps: each writes only its own table.
    """
    heap.lean()
    found = step(inputs, parts, **options)
    heap.trim()
    _combine(name, parts, staging)
    return found


def _combine(name: str, parts, staging) -> None:
    """Join table `name`'s parts into `staging` (schema.combine_parts), then give the memory it freed back."""
    heap.lean()
    schema.combine_parts(name, parts, staging)
    heap.trim()


def _article_keys(results: list[_Partition]) -> pd.DataFrame:
    """Return article_id, published, summit_id of every article, in corpus order (about 100 bytes an article)."""
    frames = [r.articles for r in results if r.articles is not None and len(r.articles)]
    if not frames:
        return pd.DataFrame(columns=list(_ARTICLE_KEYS))
    out = pd.concat(frames, ignore_index=True)
    return out.assign(published=pd.to_datetime(out["published"]), summit_id=out["summit_id"].astype("category"))


def _mark_duplicates(results: list[_Partition], duplicates: pd.DataFrame, articles: pd.DataFrame, parts) -> None:
    """Rewrite the articles parts whose articles repeat an earlier one, with duplicate_of set.

    compare.duplicate_of reads only the articles of some pair (their order and dates
    are all it compares), so its work is the size of the duplicates table.
    """
    if duplicates.empty:
        return
    paired = articles[frames.text_isin(articles["article_id"], set(duplicates["article_a"]) | set(duplicates["article_b"]))]
    repeats = compare.duplicate_of(duplicates, paired).dropna()
    if repeats.empty:
        return
    folder, repeated = Path(parts) / "articles", frames.text_set(repeats.index)
    for r in results:
        if r.articles is None or not frames.text_isin(r.articles["article_id"], repeated).any():
            continue
        frame = pd.read_parquet(folder / f"{r.index:08d}.parquet")
        frame["duplicate_of"] = frame["article_id"].map(repeats)
        schema.write_part(frame, "articles", parts, r.index)


def _attendance(inputs: _Inputs, parts) -> None:
    """Write the attendance table as parts: attendance.attendance bucket by bucket (a person's rows are in one).

    Its rows are one per (summit, person), sorted by both; the buckets' results are
    merged in that order.
    """
    def bucket(b: int):
        found = inputs.bucket("attendance", b)
        if found.empty:
            return []
        table = attendance.attendance(found, entities=inputs.bucket("names", b))
        return _records(table)

    rows = _merge_sorted((bucket(b) for b in range(inputs.buckets)), key=lambda r: (r["summit_id"], r["entity_id"]),
                         spill=Path(parts) / "_merge" / "attendance")
    _write_chunks(rows, "attendance", parts, columns=attendance.ATTENDANCE_COLUMNS)


def _events(inputs: _Inputs, parts, *, summits: pd.DataFrame) -> pd.DataFrame:
    """Write the events table as parts, merging the mentions group by group; return the events the timeline shows.

    events.independent_groups splits the mentions into groups that merge without
    each other; they are pooled into batches of about MENTIONS_PER_BATCH mentions (at
    least EVENT_BATCHES batches), and each batch's mentions are gathered (one pass over
    the partitions' mentions writes them into batch files) and merged
    (events.merged_mentions). The batches' events are merged in numbering order and
    numbered a day at a time (events.number_events). Returns the events of the
    timeline's summits (timeline.FOCUS_SUMMITS), what it reads.
    """
    projection = _mention_keys(inputs)
    if projection.empty:
        _write_chunks(iter(()), "events", parts, columns=events.EVENT_COLUMNS)
        return schema.empty("events")
    group = events.independent_groups(projection).to_numpy()
    del projection
    sizes = np.bincount(group[group >= 0]) if (group >= 0).any() else np.zeros(0, dtype=np.int64)
    total = int(sizes.sum())
    batches = max(EVENT_BATCHES, -(-total // MENTIONS_PER_BATCH))
    batch_of = np.minimum(np.cumsum(sizes) * batches // (total + 1), batches - 1)
    batch = np.where(group >= 0, batch_of[np.maximum(group, 0)] if len(sizes) else 0, -1)
    spill = Path(parts) / "_merge" / "mentions"
    files = _Spill(spill, batches)
    offset = 0
    for _, frame in inputs.whole("event_mentions"):
        mine = batch[offset:offset + len(frame)]
        offset += len(frame)
        for b in np.unique(mine[mine >= 0]).tolist():
            files.append(b, frame[mine == b])

    def merged(b: int):
        frames = list(files.read(b))
        if not frames:
            return []
        found = events.merged_mentions(pd.concat(frames, ignore_index=True), summits=summits)
        return _records(found)

    key = lambda r: tuple(r[c] for c in events.NUMBERING_ORDER)  # noqa: E731
    ordered = _merge_sorted((merged(b) for b in range(batches)), key=key, spill=Path(parts) / "_merge" / "events")
    focus_ids = set(timeline.FOCUS_SUMMITS)
    focus: list[pd.DataFrame] = []

    def numbered():
        for _, day in itertools.groupby(ordered, key=lambda r: r["earliest"]):
            table = events.number_events(pd.DataFrame(list(day)))
            lanes = [schema.as_list(ids) or ([sid] if isinstance(sid, str) else [])
                     for ids, sid in zip(table["summit_ids"], table["summit_id"])]
            shown = table[[bool(focus_ids & set(lane)) for lane in lanes]]
            if len(shown):
                focus.append(shown)
            yield from table.to_dict("records")

    _write_chunks(numbered(), "events", parts, columns=events.EVENT_COLUMNS)
    shutil.rmtree(spill, ignore_errors=True)
    return pd.concat(focus, ignore_index=True) if focus else schema.empty("events")


def _mention_keys(inputs: _Inputs) -> pd.DataFrame:
    """Return what events.independent_groups reads of every event mention, in corpus order (24 bytes a mention).

    Columns: event_type and summit_ref (categorical; "" for none), earliest, latest.
    """
    names: dict[str, dict[str, int]] = {"event_type": {}, "summit_ref": {}}
    pieces = []
    for _, frame in inputs.whole("event_mentions"):
        piece = {col: np.fromiter((seen.setdefault(v if isinstance(v, str) else "", len(seen)) for v in frame[col]),
                                  dtype=np.int32, count=len(frame)) for col, seen in names.items()}
        for col in ("earliest", "latest"):
            piece[col] = pd.to_datetime(frame[col]).to_numpy(dtype="datetime64[D]")
        pieces.append(piece)
    if not pieces:
        return pd.DataFrame()
    return pd.DataFrame({
        **{col: pd.Categorical.from_codes(np.concatenate([p[col] for p in pieces]), categories=list(seen))
           for col, seen in names.items()},
        **{col: np.concatenate([p[col] for p in pieces]) for col in ("earliest", "latest")},
    })


def _claims(inputs: _Inputs, parts, *, articles: pd.DataFrame, reference_dir=None) -> None:
    """Write the claims table as parts: claims.check_claims subject bucket by subject bucket, then the date claims.

    Every contradiction is between claims of one subject, so each bucket is checked on
    its own; the buckets' rows are merged back into the order of the claims (partition,
    then row), as checking them all at once gives.
    """
    dates = _article_dates(articles, reference_dir=reference_dir)

    def bucket(b: int):
        said = inputs.bucket("claims", b)
        if said.empty:
            return []
        position = dict(zip(said["claim_id"], said["_position"]))
        known = dates.reindex(said["article_id"].unique())
        checked = claims.check_claims(said.drop(columns="_position"),
                                      dates={a: None if pd.isna(d) else d for a, d in known.items()},
                                      reference_dir=reference_dir)
        checked["_position"] = checked["claim_id"].map(position)
        return _records(checked)

    ordered = _merge_sorted((bucket(b) for b in range(inputs.buckets)), key=lambda r: r["_position"],
                            spill=Path(parts) / "_merge" / "claims")
    published = articles.set_index("article_id")["published"]

    def dated():
        n = 0
        for _, found in inputs.whole("date_conflicts"):
            yield from _date_claims(found, published, first=n).to_dict("records")
            n += len(found)

    def chunks():
        # as one table: the checked claims, then the date claims (schema.empty when there are none)
        seen = False
        for rows in _batched(ordered, CHUNK_ROWS):
            seen = True
            yield pd.concat([pd.DataFrame(rows, columns=claims.CONFLICT_COLUMNS), schema.empty("claims")],
                            ignore_index=True)
        for rows in _batched(dated(), CHUNK_ROWS):
            seen = True
            yield pd.concat([pd.DataFrame(columns=claims.CONFLICT_COLUMNS), pd.DataFrame(rows)], ignore_index=True)
        if not seen:
            yield pd.concat([pd.DataFrame(columns=claims.CONFLICT_COLUMNS), schema.empty("claims")], ignore_index=True)

    for k, frame in enumerate(chunks()):  # every row has a count (0 for date claims): a whole number in every part
        schema.write_part(frame.astype({"n_conflicting_claims": "int64"}), "claims", parts, k)


def _records(frame: pd.DataFrame, *, size: int = 500):
    """Yield the rows of `frame` as dicts, `size` rows converted at a time (a row as a dict costs several times more)."""
    for lo in range(0, len(frame), size):
        yield from frame.iloc[lo:lo + size].to_dict("records")


def _batched(rows, size: int):
    """Yield lists of up to `size` items of the iterable `rows`."""
    it = iter(rows)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _write_chunks(rows, name: str, parts, *, columns: list[str]) -> None:
    """Write the rows (dicts) of table `name` as parts of CHUNK_ROWS rows; an empty table when there are none."""
    written = 0
    for k, batch in enumerate(_batched(rows, CHUNK_ROWS)):
        schema.write_part(pd.DataFrame(batch, columns=columns), name, parts, k)
        written += 1
    if not written:
        schema.write_part(pd.DataFrame(columns=columns), name, parts, 0)


def _merge_sorted(streams, *, key, spill: Path):
    """Yield the rows of every stream (iterables of dicts, each sorted by `key`) in `key` order, ties in stream order.

    Each stream is written to a file in `spill` as it comes (MERGE_ROWS rows a pickle),
    then they are read back together a chunk at a time: memory holds one stream while it
    is made and one chunk of each when merging.
    """
    files = _Spill(spill, 0)
    for rows in streams:
        k = files.add()
        for batch in _batched(rows, MERGE_ROWS):
            files.append(k, batch)
        del rows
        heap.trim()  # the stream's frames: merging 11 event batches without it grew a worker by 67 MB

    def read(k):
        for batch in files.read(k):
            yield from batch

    yield from heapq.merge(*(read(k) for k in range(files.n)), key=key)
    shutil.rmtree(spill, ignore_errors=True)


class _Spill:
    """`n` append-only files of pickles in `folder`: what is put in file k is read back in order."""

    def __init__(self, folder: Path, n: int):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.n = 0
        for _ in range(n):
            self.add()

    def add(self) -> int:
        """Start one more (empty) file; return its number."""
        self.n += 1
        open(self._path(self.n - 1), "wb").close()
        return self.n - 1

    def append(self, k: int, value) -> None:
        with open(self._path(k), "ab") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, k: int):
        """Yield what was put in file `k`, in order."""
        with open(self._path(k), "rb") as fh:
            while True:
                try:
                    yield pickle.load(fh)
                except EOFError:
                    return

    def _path(self, k: int) -> Path:
        return self.folder / f"{k:05d}.pkl"


def analyse_partition(index: int, entries: list[tuple[corpus.Entry, str | None]], settings: _Settings) -> _Partition:
    """Return one partition's hand-back after analysing its articles and writing their parts.

    `entries` are (entry, SHA-256 of its file as the build's fingerprint found it). Each
    article comes from the cache when nothing it depends on changed, else is read and
    analysed (analyse_article) and cached. Writes the partition's rows of the big tables
    and of articles as parts, and its corpus-level inputs to its inputs file (claims,
    attendance statements and names bucketed; event mentions, date conflicts and the
    sketches' hashed stems whole). Runs in any process or Dask worker.
    """
    cache = _Cache(Path(settings.cache), context=settings.context)
    done = _Partition(index)
    kept: dict[str, list[pd.DataFrame]] = {name: [] for name in (*PART_TABLES, "translation")}
    small: dict[str, list[pd.DataFrame]] = {"attendance": [], "event_mentions": [], "claims": [], "date_conflicts": []}
    rows, names, sketches = [], [], []
    for entry, sha in entries:
        records = cache.get(entry, sha) if sha else None
        if records is None:
            article = corpus.read_entry(settings.corpus_dir, entry, problems=done.problems, max_bytes=settings.max_bytes)
            if article is None:
                continue
            records = analyse_article(article, tokenizer=settings.tokenizer, reference_dir=settings.reference_dir)
            cache.put(entry, article.sha256, records)
            done.analysed += 1
        else:
            done.reused += 1
        file = str(Path(settings.corpus_dir) / entry.path)
        if records.encoding not in ("utf-8", "utf-8-sig"):
            if not any(p.file == file and "UTF-8" in p.problem for p in done.problems):  # unless just read
                done.problems.append(corpus.Problem(file, entry.article_id, "warning",
                                                    f"is not UTF-8; decoded as {records.encoding}",
                                                    "re-save it as UTF-8 to be sure every character is right"))
        if records.is_html:
            done.problems.append(corpus.Problem(
                file, entry.article_id, "warning", "is an HTML page saved as text",
                "its markup is masked and only the page's text is analysed; save the article's text instead if you can"))
        rows.append(records.article)
        if records.signature is not None:
            sketches.append((entry.article_id, records.signature))
        people = records.entities
        if len(people):
            people = people[people["entity_type"] == "person"].drop_duplicates("entity_id")
            names.extend(zip(people["entity_id"], people["name"]))
        for name in kept:
            kept[name].append(getattr(records, name))
        for name in small:
            small[name].append(getattr(records, name))
    summaries.write_part(kept, settings.parts, index)
    del kept["translation"]  # read by the summaries only
    for name, pieces in kept.items():
        pieces = [f for f in pieces if len(f)]
        if pieces:
            schema.write_part(pd.concat(pieces, ignore_index=True), name, settings.parts, index)
    if rows:
        articles = pd.DataFrame(rows)
        schema.write_part(articles, "articles", settings.parts, index)
        done.articles = articles[list(_ARTICLE_KEYS)]
    done.signed = [aid for aid, _ in sketches]
    if sketches:
        done.words = np.vstack([s.words for _, s in sketches]).astype(np.uint32)
        done.stems = np.vstack([s.stems for _, s in sketches]).astype(np.uint32)
    inputs = {name: _concat([f for f in frames if len(f)]) for name, frames in small.items()}
    if inputs["claims"] is not None:  # the claims' order in the corpus: partition, then row
        inputs["claims"] = inputs["claims"].assign(_position=(index << 32) + np.arange(len(inputs["claims"])))
    inputs["names"] = pd.DataFrame(names, columns=["entity_id", "name"]) if names else None
    inputs["sketches"] = [(aid, s.sentence_stems, s.bounds) for aid, s in sketches] or None
    done.sections = _write_inputs(inputs, _inputs_path(settings.parts, index), buckets=settings.buckets)
    return done


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame | None:
    return pd.concat(frames, ignore_index=True) if frames else None


#: The columns of the articles table the corpus-level steps read (the hand-back keeps only these).
_ARTICLE_KEYS = ("article_id", "published", "summit_id")


def _inputs_path(parts: str | os.PathLike, index: int) -> Path:
    return Path(parts) / "_inputs" / f"{index:08d}.pkl"


def _bucket_of(values: pd.Series, buckets: int) -> np.ndarray:
    """Return each value's bucket: the CRC-32 of its text modulo `buckets` (the same in every process)."""
    return np.fromiter((zlib.crc32(str(v).encode("utf-8")) % buckets for v in values), dtype=np.int64,
                       count=len(values))


def _write_inputs(inputs: dict, path: Path, *, buckets: int) -> dict[str, np.ndarray]:
    """Write a partition's corpus-level inputs to `path` one pickle per (input, bucket); return their byte offsets.

    Inputs named in _BUCKETED are split into `buckets` sections by their key column;
    the others are one section. Offsets k and k + 1 of an input delimit its section k
    (empty when equal).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sections = {}
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        for name, value in inputs.items():
            if name in _BUCKETED and value is None:
                pieces = [None] * buckets
            elif name in _BUCKETED:
                codes = _bucket_of(value[_BUCKETED[name]], buckets)
                pieces = [value[codes == b].reset_index(drop=True) for b in range(buckets)]
            else:
                pieces = [value]
            edges = [fh.tell()]
            for piece in pieces:
                if piece is not None and len(piece):
                    pickle.dump(piece, fh, protocol=pickle.HIGHEST_PROTOCOL)
                edges.append(fh.tell())
            sections[name] = np.array(edges, dtype=np.int64)
    os.replace(tmp, path)
    return sections


class _Inputs:
    """The corpus-level inputs the partitions wrote, read one section (an input's bucket, of one partition) at a time."""

    def __init__(self, parts: str | os.PathLike, results: list[_Partition], *, buckets: int = 1):
        self.parts, self.results, self.buckets = parts, results, buckets

    def section(self, result: _Partition, name: str, bucket: int = 0):
        """Return partition `result`'s section `bucket` of input `name`, or None when it is empty."""
        edges = result.sections.get(name)
        if edges is None or edges[bucket + 1] == edges[bucket]:
            return None
        with open(_inputs_path(self.parts, result.index), "rb") as fh:
            fh.seek(int(edges[bucket]))
            return pickle.loads(fh.read(int(edges[bucket + 1] - edges[bucket])))

    def bucket(self, name: str, bucket: int) -> pd.DataFrame:
        """Return bucket `bucket` of input `name` from every partition, in partition order (empty frame if none)."""
        frames = [f for r in self.results if (f := self.section(r, name, bucket)) is not None]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def whole(self, name: str):
        """Yield (partition, its whole input `name`) for every partition that has some, in partition order."""
        for r in self.results:
            found = self.section(r, name)
            if found is not None:
                yield r, found

    def count(self, name: str) -> int:
        """Return how many partitions have any of input `name`."""
        return sum(1 for r in self.results if name in r.sections and r.sections[name][-1] > r.sections[name][0])


def _run_partitions(chunks: list[list[tuple[corpus.Entry, str | None]]], pool: "_Pool") -> list[_Partition]:
    """Return analyse_partition for every chunk, in chunk order, run by `pool` (a progress bar counts the articles)."""
    bar = _progress(sum(len(c) for c in chunks))
    try:
        futures = [pool.analyse(i, chunk) for i, chunk in enumerate(chunks)]
        results: list[_Partition | None] = [None] * len(chunks)
        for future in pool.as_completed(futures):
            result = future.result()
            results[result.index] = result
            bar.update(len(chunks[result.index]))
        return results
    finally:
        bar.close()


class _Pool:
    """Where a build's work runs: `analyse` a partition, `submit` a corpus-level step; both return futures.

    One process runs each task when its result is asked for (jobs=1); otherwise a
    ProcessPoolExecutor of `jobs` processes holding the settings, or a Dask client
    (the settings scattered to every worker once). The same tasks run either way.
    """

    def __init__(self, settings: _Settings, *, executor=None, client=None, jobs: int = 1):
        self.settings, self.executor, self.client, self.jobs = settings, executor, client, jobs
        self.shared = client.scatter([settings], broadcast=True)[0] if client is not None else None

    def renew(self) -> None:
        """Hand the next tasks to new worker processes, started afresh (the process engine; else nothing).

        Called between the partitions and the corpus-level steps: a worker that analysed
        partitions keeps their caches and its heap (about 290 MB a worker at 100,000
        articles, against 200 for a new one), which the corpus-level steps would add to.
        The new processes are spawned, not forked, so they share nothing of this one's
        memory, nor the build's settings: `analyse` is not for after it. A Dask cluster's
        workers are left as they are: they may not be this build's to restart.
        """
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.executor = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"))

    def release(self, futures) -> bool:
        """Stop the worker processes if every one of `futures` is done; return whether they were stopped.

        The process engine only. An idle worker keeps what its heap grew to in the
        corpus-level steps (about 375 MB each at 100,000 articles) while this process
        goes on summing the summaries; when a step is still running, nothing is stopped.
        """
        if self.executor is None or not all(f.done() for f in futures):
            return False
        self.executor.shutdown(wait=True)
        return True

    def analyse(self, index: int, entries: list[tuple[corpus.Entry, str | None]]):
        """Return a future of analyse_partition(index, entries, settings)."""
        if self.client is not None:
            return self.client.submit(analyse_partition, index, entries, settings=self.shared, pure=False)
        if self.executor is not None:
            return self.executor.submit(_analyse_installed, index, entries)
        return self.submit(analyse_partition, index, entries, self.settings)

    def submit(self, fn, /, *args, **kwargs):
        """Return a future of fn(*args, **kwargs) (`fn` a module-level function: it may run in another process)."""
        if self.client is not None:
            return self.client.submit(fn, *args, pure=False, **kwargs)
        if self.executor is not None:
            return self.executor.submit(fn, *args, **kwargs)
        return _Later(fn, args, kwargs)

    def as_completed(self, futures):
        """Yield the futures as they finish (in this process: in order, each run when its result is asked for)."""
        if self.client is not None:
            from dask.distributed import as_completed

            return as_completed(futures)
        if self.executor is not None:
            return concurrent.futures.as_completed(futures)
        return iter(futures)


class _Later:
    """A task of a one-process build: run when its result is first asked for, in this process."""

    def __init__(self, fn, args: tuple, kwargs: dict):
        self._call: tuple | None = (fn, args, kwargs)
        self._value, self._error = None, None

    def result(self):
        """Return the task's value (running it the first time); raise what it raised."""
        if self._call is not None:
            fn, args, kwargs = self._call
            self._call = None
            try:
                self._value = fn(*args, **kwargs)
            except BaseException as exc:  # raised on every call, as a worker's future does
                self._error = exc
        if self._error is not None:
            raise self._error
        return self._value


@contextlib.contextmanager
def _workers(settings: _Settings, *, jobs: int, engine: str, scheduler: str | None):
    """Yield the build's _Pool: this process (jobs=1), `jobs` processes, or a Dask cluster; close it after."""
    if engine == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - dask is a dependency
            raise ParameterError("--engine dask needs dask.distributed; install the package's dependencies.") from None
        cluster = None
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            yield _Pool(settings, client=client)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    elif jobs <= 1:
        yield _Pool(settings)
    else:
        pool = _Pool(settings, executor=ProcessPoolExecutor(max_workers=jobs, initializer=_install, initargs=(settings,)),
                     jobs=jobs)
        try:
            yield pool
        except BaseException:  # a failed partition or step: the queued tasks are not run
            pool.executor.shutdown(wait=True, cancel_futures=True)
            raise
        pool.executor.shutdown(wait=True)


_INSTALLED: _Settings | None = None


def _install(settings: _Settings) -> None:
    """Keep the build's settings in a worker process (sent once, not with every partition)."""
    global _INSTALLED
    _INSTALLED = settings


def _analyse_installed(index: int, entries: list[tuple[corpus.Entry, str | None]]) -> _Partition:
    return analyse_partition(index, entries, _INSTALLED)


def _progress(total: int):
    """Return a tqdm bar over `total` articles when stderr is a terminal and the build is long; else a silent one."""
    import sys

    from tqdm import tqdm

    quiet = not sys.stderr.isatty() or total < 200 or not log.isEnabledFor(logging.INFO)
    return tqdm(total=total, unit="article", leave=False, disable=quiet)


def _duplicates(results: list[_Partition], parts: str) -> pd.DataFrame:
    """Return the duplicates table from the partitions' signatures, reading stems and sentences of likely pairs only.

    The MinHash signatures (two rows of 128 uint32 an article: 1 KB) are banded in
    memory. The hashed sentence stems of the articles in some candidate pair are copied
    from the inputs files into one flat file in a single pass (_SketchFile), so a pair's
    stems cost two small reads wherever its articles are. Pairs are confirmed grouped by
    their articles' partitions, so each partition's sentences part is read once for every
    partition it pairs with; the table is then put back in candidate order. The
    signatures are dropped from `results` once pooled. Beside the signatures, this holds
    the signed articles' ids with one index of them, and 9 bytes a candidate pair.
    """
    ids = [aid for r in results for aid in r.signed]
    if len(ids) < 2:
        return schema.empty("duplicates")
    part = np.fromiter((r.index for r in results for _ in r.signed), dtype=np.int64, count=len(ids))
    words, stems = _pooled_signatures(results)
    pairs = compare.candidate_table(words, stems)
    del words, stems
    heap.trim()
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    # by partition pair, then candidate order (a stable sort of the candidates, which come sorted by a, then b)
    key = part[a]
    key *= int(part.max()) + 1
    key += part[b]
    order = np.argsort(key, kind="stable")
    del key
    a, b = a[order].astype(np.int32, copy=False), b[order].astype(np.int32, copy=False)
    how = pairs["found_by"].cat.codes.to_numpy()[order]
    labels = list(pairs["found_by"].cat.categories)
    del pairs, order
    index = {aid: k for k, aid in enumerate(ids)}  # every signed article's place in corpus order

    def named():  # the pairs by article id, a slice at a time (lists of every pair would cost 70 bytes a pair)
        for lo in range(0, len(a), PAIR_SLICE):
            heap.trim()
            hi = lo + PAIR_SLICE
            yield from ((ids[i], ids[j], labels[h]) for i, j, h in
                        zip(a[lo:hi].tolist(), b[lo:hi].tolist(), how[lo:hi].tolist()))

    paired = np.zeros(len(ids), dtype=bool)
    paired[a], paired[b] = True, True
    with _SketchFile(Path(parts) / "_sketches", _Inputs(parts, results), index=index, needed=paired) as sketches:
        features = _PartFeatures(Path(parts) / "sentences", index=index, part=part)
        found = compare.confirm_pairs(named(), features, sketches=sketches)
    back = np.lexsort((found["article_b"].map(index).to_numpy(), found["article_a"].map(index).to_numpy()))
    return found.iloc[back].reset_index(drop=True)


def _pooled_signatures(results: list[_Partition]) -> tuple[np.ndarray, np.ndarray]:
    """Return the word and stem signatures of every signed article, one matrix each, in corpus order.

    Each partition's signatures are copied in and dropped from `results` as it goes, and
    the heap trimmed every TRIM_PARTITIONS partitions, so the corpus's signatures are
    never held twice.
    """
    first = next(r for r in results if r.signed)
    n = sum(len(r.signed) for r in results)
    words = np.empty((n, first.words.shape[1]), dtype=first.words.dtype)
    stems = np.empty((n, first.stems.shape[1]), dtype=first.stems.dtype)
    at = 0
    for k, r in enumerate(results):
        if r.signed:
            words[at:at + len(r.signed)], stems[at:at + len(r.signed)] = r.words, r.stems
            at += len(r.signed)
        r.words = r.stems = None
        if k % TRIM_PARTITIONS == 0:  # a partition's signatures (64 KB) are freed to the heap, not the system
            heap.trim()
    heap.trim()
    return words, stems


#: The signatures of this many partitions are pooled between two heap trims: without them,
#: pooling 100,000 articles' signatures held twice their 100 MB for a moment.
TRIM_PARTITIONS = 64


#: Candidate pairs turned into article ids at a time when confirming duplicates.
PAIR_SLICE = 65_536


class _SketchFile:
    """Article id -> compare.Sketch with its hashed sentence stems (no signatures), from one flat file.

    Built in one pass over the partitions' inputs files, keeping the `needed` articles'
    stems (uint32) and sentence bounds (int32) back to back; the main process holds
    only each article's offset and lengths, in arrays by the article's place in `index`
    (article id -> place; `needed` is a boolean array by place). A context manager: the
    file is removed on exit.
    """

    def __init__(self, path: Path, inputs: _Inputs, *, index: dict[str, int], needed: np.ndarray):
        self.path, self.index = path, index
        self.offset = np.full(len(needed), -1, dtype=np.int64)
        self.lengths = np.zeros((len(needed), 2), dtype=np.int32)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            for _, found in inputs.whole("sketches"):
                for aid, values, bounds in found:
                    k = index.get(aid)
                    if k is not None and needed[k]:
                        self.offset[k], self.lengths[k] = fh.tell(), (len(values), len(bounds))
                        fh.write(np.ascontiguousarray(values, dtype=np.uint32).tobytes())
                        fh.write(np.ascontiguousarray(bounds, dtype=np.int32).tobytes())
        self._fh = open(path, "rb")

    def __getitem__(self, article_id: str) -> compare.Sketch:
        k = self.index[article_id]
        if self.offset[k] < 0:
            raise KeyError(article_id)
        n_values, n_bounds = self.lengths[k].tolist()
        self._fh.seek(int(self.offset[k]))
        raw = self._fh.read(4 * (n_values + n_bounds))
        empty = np.empty(0, dtype=np.uint32)
        return compare.Sketch(empty, empty, np.frombuffer(raw, dtype=np.uint32, count=n_values),
                              np.frombuffer(raw, dtype=np.int32, count=n_bounds, offset=4 * n_values))

    def __enter__(self) -> "_SketchFile":
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()
        self.path.unlink(missing_ok=True)


class _PartFeatures:
    """Article id -> compare.article_features, read from the sentences parts, a few parts kept at a time.

    `index` maps an article id to its place, `part` (by place) to its partition.
    """

    def __init__(self, folder: Path, *, index: dict[str, int], part: np.ndarray, keep: int = 16):
        self.folder, self.index, self.part = folder, index, part
        self._part = functools.lru_cache(maxsize=keep)(self._read_part)

    def __call__(self, article_id: str):
        return compare.article_features(self._part(int(self.part[self.index[article_id]]))[article_id])

    def _read_part(self, index: int) -> dict[str, pd.DataFrame]:
        frame = pd.read_parquet(self.folder / f"{index:08d}.parquet",
                                columns=["article_id", "sentence_id", "text", "is_boilerplate", "kind"])
        return {aid: rows for aid, rows in frame.groupby("article_id", sort=False)}


def _article_dates(articles: pd.DataFrame, *, reference_dir=None) -> pd.Series:
    """Return each article's date, by article_id: its publication date, else its summit's opening, else NaT.

    A datetime Series, not a dictionary of Timestamps (170 bytes an article).
    """
    starts = reference.summits(folder=reference_dir).set_index("summit_id")["start"]
    summit = articles["summit_id"].astype(object)
    opening = pd.to_datetime(summit.where(summit.map(lambda s: isinstance(s, str)), None).map(starts))
    published = pd.to_datetime(articles["published"])
    return pd.Series(published.where(published.notna(), opening).to_numpy(), index=articles["article_id"].to_numpy(object))


def _date_claims(conflicts: pd.DataFrame, published: pd.Series, *, first: int = 0) -> pd.DataFrame:
    """Return claims rows for spans whose dates disagree with the publication date the analyst gave.

    `conflicts` are temporal.date_conflicts rows; `published` the articles' dates by
    article_id; `first` the number of date conflicts before these in the corpus (claim
    ids number them all). Columns: the claims table's (schema.TABLES["claims"]), and
    n_conflicting_claims (0: such a span contradicts the metadata, not another claim).
    """
    if not len(conflicts):
        return schema.empty("claims").assign(n_conflicting_claims=pd.Series(dtype="int64"))
    rows = []
    for n, c in enumerate(conflicts.itertuples(index=False), start=first):
        given = published.get(c.article_id)
        rows.append({
            "claim_id": f"{c.article_id}:{c.sentence_id}:date{n}", "article_id": c.article_id,
            "sentence_id": c.sentence_id, "start": c.start, "end": c.end, "subject": c.article_id,
            "predicate": "date_is", "object": c.text, "conflicts_with": ["metadata:published"],
            "note": f"{c.note} (articles.csv gives {pd.Timestamp(given):%Y-%m-%d})" if given is not None and not pd.isna(given) else c.note,
            "n_conflicting_claims": 0,
        })
    return pd.DataFrame(rows)


class _Cache:
    """Per-article records kept between builds, keyed by the article and everything it was analysed with."""

    def __init__(self, folder: Path, *, context: str):
        self.folder = folder
        self.context = context

    def _path(self, article_id: str) -> Path:
        return self.folder / (hashlib.sha1(article_id.encode()).hexdigest() + ".pkl")

    def _key(self, entry: corpus.Entry, sha256: str) -> str:
        return manifest.combined(self.context, entry.article_id, entry.path, sha256, entry.meta)

    def get(self, entry: corpus.Entry, sha256: str) -> ArticleRecords | None:
        path = self._path(entry.article_id)
        try:
            with open(path, "rb") as fh:
                key, records = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
            return None
        return records if key == self._key(entry, sha256) and isinstance(records, ArticleRecords) else None

    def put(self, entry: corpus.Entry, sha256: str, records: ArticleRecords) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((self._key(entry, sha256), records), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._path(entry.article_id))

    def prune(self, keep: set[str]) -> None:
        wanted = {self._path(a).name for a in keep}
        if self.folder.is_dir():
            for path in self.folder.glob("*.pkl"):
                if path.name not in wanted:
                    path.unlink(missing_ok=True)


def _sample(corpus_dir, entries: list[corpus.Entry], *, max_bytes: int, limit: int | None = None):
    """Yield the texts of the first articles, up to `limit` characters: what Punkt trains on."""
    limit = PUNKT_SAMPLE_CHARS if limit is None else limit
    total = 0
    for entry in entries:
        if total >= limit:
            break
        article = corpus.read_entry(corpus_dir, entry, problems=[], max_bytes=max_bytes)
        if article is not None:
            total += len(article.text)
            yield article.text

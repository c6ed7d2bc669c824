"""`build`: the lock, the staging folder, the manifest, and the order of a build's steps.

`build` lists a corpus folder, trains Punkt on a sample of it, runs the per-article
step on every article in partitions (partitions.analyse_partition: here, in processes
or on Dask, see engines), then runs what needs the whole corpus on what the partitions
wrote, on the same workers, a bucket at a time (corpus_steps: events, claims,
attendance; the big tables combined), while this process finds the duplicates
(duplicates) and sums the summaries. Every table of the contract (schema.TABLES) is
written to a staging folder and moved into place together.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .. import corpus, heap, manifest, paths, reference, schema, storage, summaries, text
from ..exceptions import CorpusError, ParameterError
from ..summaries import timelinejs
from . import corpus_steps, inputs, partitions
from .duplicates import find_duplicates, mark_duplicates
from .engines import ENGINES, open_workers

log = logging.getLogger(__name__)

#: Characters of corpus text Punkt trains on: the first articles' (about 150 news articles).
#: Training is serial work done before any partition can start; on a 1,000-article
#: synthetic corpus 2M characters took 3.1 s, 500k took 1.0 s and learned the same 108
#: abbreviations.
PUNKT_SAMPLE_CHARS = 500_000


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

    Articles are analysed in partitions of up to partitions.PARTITION; each partition
    writes its rows of the large tables (sentences, entities, timexes, quotes) and of
    articles as parts, and the corpus-level steps' inputs (claims, attendance statements,
    names, event mentions, date conflicts, sketches) to an inputs file, bucketed by what
    each step groups by; it hands back only its articles' ids, dates and summits and their
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
    Raises CorpusError when the corpus folder itself is missing or empty (before
    `out` is created or locked; a failed build into a new folder removes it again),
    ParameterError for an unknown engine or a number of jobs below 1.
    """
    if engine not in ENGINES:
        raise ParameterError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
    if jobs < 1:
        raise ParameterError(f"jobs={jobs!r} is not a number of processes; use 1 or more.")
    out = Path(out)
    started = time.perf_counter()
    corpus.raw_files(corpus_dir, problems=[])  # a missing or empty corpus folder fails here, before `out` is made
    with manifest.locked(out):
        fingerprint = manifest.build_fingerprint(corpus_dir, reference_dir=reference_dir, max_bytes=max_bytes)
        if force or not manifest.is_current(out, fingerprint["digest"]):
            out.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
            try:
                digests = Digests(fingerprint.pop("inputs"))  # held to the end, for the manifest
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
        return {"problems": storage.read_table("problems", out) if (out / "problems.csv").is_file() else schema.empty("problems")}
    return storage.load_tables(out)


def _remove_old_summaries(out: Path) -> None:
    """Delete the summary tables in `out` that this version no longer writes (summary_leads, say).

    Only files named like a summary table (``summary_*.csv`` or ``.parquet``) are
    touched; they are derived and may change between versions (schema.SUMMARY_TABLES).
    """
    for path in out.glob("summary_*"):
        if path.is_file() and path.suffix in (".csv", ".parquet") and path.stem not in schema.SUMMARY_TABLES:
            path.unlink()


class Digests:
    """Path -> SHA-256 of a build's inputs, as two sorted arrays of bytes: about 100 bytes an input, a dictionary 400.

    ``get(path)`` looks one up (None when absent); ``to_dict()`` gives them all back.
    """

    def __init__(self, digests: dict[str, str]):
        names = sorted(digests)
        self.paths = np.array([p.encode("utf-8") for p in names], dtype=bytes)
        self.values = np.array([digests[p].encode("ascii") for p in names], dtype=bytes)

    def get(self, path: str, default=None):
        """Return the digest of input `path`, or `default` when it is not one."""
        key = path.encode("utf-8")
        at = int(np.searchsorted(self.paths, key))
        return self.values[at].decode("ascii") if at < len(self.paths) and self.paths[at] == key else default

    def to_dict(self) -> dict[str, str]:
        """Return {path: digest} of every input."""
        return {p.decode("utf-8"): v.decode("ascii") for p, v in zip(self.paths.tolist(), self.values.tolist())}


def _compute(corpus_dir, out: Path, staging: Path, *, digests: Digests, reference_dir, max_bytes, jobs: int = 1,
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
    tokenizer = text.train_punkt(punkt_sample(corpus_dir, entries, max_bytes=max_bytes))
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    settings = partitions.Settings(
        corpus_dir=str(corpus_dir), tokenizer=tokenizer, reference_dir=str(reference_dir) if reference_dir else None,
        max_bytes=max_bytes, parts=str(staging / "parts"), cache=str(out / ".cache"),
        context=manifest.combined(text.tokenizer_digest(tokenizer), manifest.source_digest(),
                                  manifest.digests(list(ref.glob("*.csv")), root=ref)),
        buckets=inputs.buckets_for(len(entries)),
    )
    size = partitions.PARTITION if jobs <= 1 else max(1, min(partitions.PARTITION, -(-len(entries) // (jobs * 4))))
    signed = [(e, digests.get(e.path)) for e in entries]
    chunks = [signed[i:i + size] for i in range(0, len(signed), size)]
    with open_workers(settings, jobs=jobs, engine=engine, scheduler=scheduler) as workers:
        results = _run_partitions(chunks, workers)
        workers.renew()
        del entries, signed, chunks  # 700 bytes an article, not needed by the corpus-level steps
        heap.trim()
        for r in results:
            problems.extend(r.problems)
        articles = partitions.article_keys(results)
        if articles.empty:
            raise CorpusError(
                f"no article in {Path(corpus_dir) / corpus.RAW_DIR} could be read: "
                + "; ".join(p.message() for p in problems if p.severity == "error")[:2000]
            )
        partitions.Cache(Path(settings.cache), context=settings.context).prune(set(articles["article_id"]))
        summit_table = reference.summits(folder=reference_dir)
        # the workers get where each partition's inputs are, not the signatures
        found = inputs.Inputs(settings.parts, [partitions.Partition(r.index, sections=r.sections) for r in results],
                              buckets=settings.buckets)
        # the corpus-level steps that do not need the duplicates run on the workers, longest first,
        # while this process finds the duplicates, marks them and sums the summaries
        parts, step, tail = settings.parts, corpus_steps.step_table, []
        events_done = workers.submit(step, corpus_steps.write_events, "events", found, parts, staging,
                                     summits=summit_table)
        tail.append(workers.submit(step, corpus_steps.write_claims, "claims", found, parts, staging, articles=articles,
                                   reference_dir=reference_dir))
        tail.append(workers.submit(step, corpus_steps.write_attendance, "attendance", found, parts, staging))
        tail.extend(workers.submit(corpus_steps.combine, name, parts, staging) for name in partitions.PART_TABLES)
        tables = {"problems": pd.DataFrame([vars(p) for p in problems], columns=list(schema.TABLES["problems"].columns))}
        heap.lean()
        tables["duplicates"] = find_duplicates(results, parts)
        heap.trim()
        mark_duplicates(results, tables["duplicates"], articles, parts)
        corpus_steps.combine("articles", parts, staging)
        workers.release([events_done, *tail])
        summaries.write_summaries(parts, staging, articles=_article_groups(staging))
        heap.trim()
        for name, frame in tables.items():
            storage.write_table(frame, name, staging)
        focus = events_done.result()
        for done in tail:
            done.result()
        summaries.write_evidence(staging)  # the evidence sentences' text, so no report looks sentences up
    timelinejs.write_exports(focus, staging, summits=summit_table)
    shutil.rmtree(settings.parts, ignore_errors=True)
    return {"articles": len(articles), "analysed": sum(r.analysed for r in results),
            "reused": sum(r.reused for r in results),
            "skipped": int((tables["problems"]["severity"] == "error").sum())}


def _run_partitions(chunks: list[list[tuple[corpus.Entry, str | None]]], workers) -> list[partitions.Partition]:
    """Return analyse_partition for every chunk, in chunk order, run by `workers` (a progress bar counts the articles)."""
    bar = _progress(sum(len(c) for c in chunks))
    try:
        results = []
        for result in workers.map_partitions(chunks):
            results.append(result)
            bar.update(len(chunks[result.index]))
        return results
    finally:
        bar.close()


class _Silent:
    """The progress bar of a short or unattended build: shows nothing."""

    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int):
    """Return a tqdm bar over `total` articles when stderr is a terminal and the build is long; else a silent one."""
    import sys

    if not sys.stderr.isatty() or total < 200 or not log.isEnabledFor(logging.INFO):
        return _Silent()
    from tqdm import tqdm

    return tqdm(total=total, unit="article", leave=False)


def _article_groups(staging: Path) -> pd.DataFrame:
    """Return what the summaries need of every article, read from the written articles table.

    Columns: article_id, summit_id, outlet, duplicate_of (its groups) and headline,
    published, summit_score, n_words (summary_articles).
    """
    columns = ["article_id", "summit_id", "outlet", "duplicate_of", "headline", "published", "summit_score", "n_words"]
    path = staging / "articles.parquet"
    return pd.read_parquet(path, columns=columns) if path.is_file() else schema.empty("articles")[columns]


def punkt_sample(corpus_dir, entries: list[corpus.Entry], *, max_bytes: int, limit: int | None = None):
    """Yield the texts of the first articles, up to `limit` characters (PUNKT_SAMPLE_CHARS): what Punkt trains on."""
    limit = PUNKT_SAMPLE_CHARS if limit is None else limit
    total = 0
    for entry in entries:
        if total >= limit:
            break
        article = corpus.read_entry(corpus_dir, entry, problems=[], max_bytes=max_bytes)
        if article is not None:
            total += len(article.text)
            yield article.text

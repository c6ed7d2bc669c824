"""Building the tables: the per-article step, the corpus-level steps, and writing them out.

`analyse_article` is a pure function of (article, tokenizer, reference data): it
can run in this process or any other. `build` lists a corpus folder, runs it on
every article in partitions (`analyse_partition`: here, in processes or on Dask),
then runs what needs the whole corpus (duplicates, attendance, event merging, claim
checking) on the small records the partitions hand back, and writes every table of
the contract (see schema.TABLES) under the output folder.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import (attendance, claims, compare, corpus, entities, events, frames, manifest, paths, quotes, reference, schema,
               summaries, summits, temporal, text, timeline)
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
    rows of the large tables (sentences, entities, timexes, quotes) as parts and hands
    back only what the corpus-level steps need (article rows, MinHash signatures,
    attendance statements, event mentions, claims), so no process holds every text.
    `jobs` > 1 runs the partitions in that many processes; ``engine="dask"`` runs them
    on a Dask cluster (`scheduler` address, or a local cluster of `jobs` worker
    processes; a remote cluster's workers must see `corpus_dir` and `out` at the same
    paths). The tables are the same whichever way they are computed.

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
                stats = _compute(corpus_dir, out, staging, digests=fingerprint["inputs"], reference_dir=reference_dir,
                                 max_bytes=max_bytes, jobs=jobs, engine=engine, scheduler=scheduler)
                for path in sorted(staging.iterdir()):
                    if path.is_file():
                        os.replace(path, out / path.name)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            manifest.write(out, {
                "fingerprint": fingerprint["digest"],
                "inputs": fingerprint["inputs"],
                "source_digest": fingerprint["source"],
                **stats,
                "seconds": round(time.perf_counter() - started, 3),
                "outputs": sorted(p.name for p in out.iterdir()
                                  if p.suffix in (".csv", ".parquet", ".json") and p.name != manifest.MANIFEST),
            })
            log.info("built %d articles (%d analysed, %d unchanged) into %s", stats["articles"], stats["analysed"],
                     stats["reused"], out)
        else:
            log.info("tables in %s are up to date", out)
    if not load:
        return {"problems": schema.read_table("problems", out) if (out / "problems.csv").is_file() else schema.empty("problems")}
    return schema.load_tables(out)


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


@dataclass
class _Partition:
    """What a partition hands back: its articles' rows and the small inputs of the corpus-level steps."""

    index: int
    articles: list[dict] = field(default_factory=list)
    problems: list = field(default_factory=list)
    signatures: list = field(default_factory=list)
    names: list = field(default_factory=list)
    attendance: pd.DataFrame | None = None
    event_mentions: pd.DataFrame | None = None
    claims: pd.DataFrame | None = None
    date_conflicts: pd.DataFrame | None = None
    analysed: int = 0
    reused: int = 0


def _compute(corpus_dir, out: Path, staging: Path, *, digests: dict, reference_dir, max_bytes, jobs: int = 1,
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
    )
    size = PARTITION if jobs <= 1 else max(1, min(PARTITION, -(-len(entries) // (jobs * 4))))
    signed = [(e, digests.get(e.path)) for e in entries]
    chunks = [signed[i:i + size] for i in range(0, len(signed), size)]
    results = _run_partitions(chunks, settings, jobs=jobs, engine=engine, scheduler=scheduler)
    for r in results:
        problems.extend(r.problems)
    articles = pd.DataFrame([row for r in results for row in r.articles])
    if articles.empty:
        raise CorpusError(
            f"no article in {Path(corpus_dir) / corpus.RAW_DIR} could be read: "
            + "; ".join(p.message() for p in problems if p.severity == "error")[:2000]
        )
    _Cache(Path(settings.cache), context=settings.context).prune(set(articles["article_id"]))
    summit_table = reference.summits(folder=reference_dir)
    tables = {"problems": pd.DataFrame([vars(p) for p in problems], columns=list(schema.TABLES["problems"].columns))}
    tables["duplicates"] = _duplicates(results, settings.parts)
    repeats = compare.duplicate_of(tables["duplicates"], articles)
    articles["duplicate_of"] = articles["article_id"].map(repeats)
    tables["articles"] = articles
    names = pd.DataFrame([n for r in results for n in r.names], columns=["entity_id", "name"])
    tables["attendance"] = attendance.attendance(_gather(results, "attendance"), entities=names)
    found = _gather(results, "event_mentions")
    tables["events"] = events.events(found, summits=summit_table) if len(found) else schema.empty("events")
    said = _gather(results, "claims")
    tables["claims"] = pd.concat(
        [claims.check_claims(said if len(said) else pd.DataFrame(columns=claims.CLAIM_COLUMNS),
                             dates=_article_dates(articles, reference_dir=reference_dir), reference_dir=reference_dir),
         _date_claims([r.date_conflicts for r in results if r.date_conflicts is not None], articles)],
        ignore_index=True,
    )
    for name, frame in tables.items():
        schema.write_table(frame, name, staging)
    for name in PART_TABLES:
        schema.combine_parts(name, settings.parts, staging)
    summaries.write_summaries(settings.parts, staging, articles=tables["articles"])
    timeline.write_exports(tables["events"], staging, summits=summit_table)
    shutil.rmtree(settings.parts, ignore_errors=True)
    return {"articles": len(articles), "analysed": sum(r.analysed for r in results),
            "reused": sum(r.reused for r in results),
            "skipped": int((tables["problems"]["severity"] == "error").sum())}


def analyse_partition(index: int, entries: list[tuple[corpus.Entry, str | None]], settings: _Settings) -> _Partition:
    """Return one partition's hand-back after analysing its articles and writing their parts of the large tables.

    `entries` are (entry, SHA-256 of its file as the build's fingerprint found it). Each
    article comes from the cache when nothing it depends on changed, else is read and
    analysed (analyse_article) and cached. Runs in any process or Dask worker.
    """
    cache = _Cache(Path(settings.cache), context=settings.context)
    done = _Partition(index)
    kept: dict[str, list[pd.DataFrame]] = {name: [] for name in (*PART_TABLES, "translation")}
    small: dict[str, list[pd.DataFrame]] = {"attendance": [], "event_mentions": [], "claims": [], "date_conflicts": []}
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
        done.articles.append(records.article)
        done.signatures.append((entry.article_id, records.signature))
        people = records.entities
        if len(people):
            people = people[people["entity_type"] == "person"].drop_duplicates("entity_id")
            done.names.extend(zip(people["entity_id"], people["name"]))
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
    for name, pieces in small.items():
        pieces = [f for f in pieces if len(f)]
        setattr(done, name, pd.concat(pieces, ignore_index=True) if pieces else None)
    return done


def _run_partitions(chunks: list[list[tuple[corpus.Entry, str | None]]], settings: _Settings, *, jobs: int, engine: str,
                    scheduler: str | None) -> list[_Partition]:
    """Return analyse_partition for every chunk, in order: here, in `jobs` processes, or on a Dask cluster."""
    total = sum(len(c) for c in chunks)
    if engine == "dask":
        return _run_dask(chunks, settings, workers=jobs, scheduler=scheduler, total=total)
    bar = _progress(total)
    try:
        if jobs <= 1 or len(chunks) < 2:
            results = []
            for i, chunk in enumerate(chunks):
                results.append(analyse_partition(i, chunk, settings))
                bar.update(len(chunk))
            return results
        with ProcessPoolExecutor(max_workers=jobs, initializer=_install, initargs=(settings,)) as pool:
            results = []
            for result in pool.map(_analyse_installed, range(len(chunks)), chunks):
                results.append(result)
                bar.update(len(chunks[result.index]))
            return results
    finally:
        bar.close()


_INSTALLED: _Settings | None = None


def _install(settings: _Settings) -> None:
    """Keep the build's settings in a worker process (sent once, not with every partition)."""
    global _INSTALLED
    _INSTALLED = settings


def _analyse_installed(index: int, entries: list[tuple[corpus.Entry, str | None]]) -> _Partition:
    return analyse_partition(index, entries, _INSTALLED)


def _run_dask(chunks, settings: _Settings, *, workers: int, scheduler: str | None, total: int) -> list[_Partition]:
    """Run the partitions on a Dask cluster (a local one of `workers` processes when no scheduler is given)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - dask is a dependency
        raise ParameterError("--engine dask needs dask.distributed; install the package's dependencies.") from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    bar = _progress(total)
    try:
        [shared] = client.scatter([settings], broadcast=True)
        futures = client.map(analyse_partition, range(len(chunks)), chunks, settings=shared, pure=False)
        results: list[_Partition | None] = [None] * len(chunks)
        for future in as_completed(futures):
            result = future.result()
            results[result.index] = result
            bar.update(len(chunks[result.index]))
        return results
    finally:
        bar.close()
        client.close()
        if cluster is not None:
            cluster.close()


def _progress(total: int):
    """Return a tqdm bar over `total` articles when stderr is a terminal and the build is long; else a silent one."""
    import sys

    from tqdm import tqdm

    quiet = not sys.stderr.isatty() or total < 200 or not log.isEnabledFor(logging.INFO)
    return tqdm(total=total, unit="article", leave=False, disable=quiet)


def _gather(results: list[_Partition], name: str) -> pd.DataFrame:
    frames = [getattr(r, name) for r in results if getattr(r, name) is not None]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _duplicates(results: list[_Partition], parts: str) -> pd.DataFrame:
    """Return the duplicates table from the partitions' sketches, reading the sentences of aligning pairs only."""
    signed = [(aid, sig) for r in results for aid, sig in r.signatures if sig is not None]
    if len(signed) < 2:
        return schema.empty("duplicates")
    pairs = compare.candidate_pairs([a for a, _ in signed], [s.words for _, s in signed], [s.stems for _, s in signed])
    where = {aid: r.index for r in results for aid, _ in r.signatures}
    return compare.confirm_pairs(pairs, _PartFeatures(Path(parts) / "sentences", where), sketches=dict(signed))


class _PartFeatures:
    """Article id -> compare.article_features, read from the sentences parts, a few parts kept at a time."""

    def __init__(self, folder: Path, where: dict[str, int], *, keep: int = 16):
        self.folder, self.where = folder, where
        self._part = functools.lru_cache(maxsize=keep)(self._read_part)

    def __call__(self, article_id: str):
        return compare.article_features(self._part(self.where[article_id])[article_id])

    def _read_part(self, index: int) -> dict[str, pd.DataFrame]:
        frame = pd.read_parquet(self.folder / f"{index:08d}.parquet",
                                columns=["article_id", "sentence_id", "text", "is_boilerplate", "kind"])
        return {aid: rows for aid, rows in frame.groupby("article_id", sort=False)}


def _article_dates(articles: pd.DataFrame, *, reference_dir=None) -> dict[str, pd.Timestamp | None]:
    """Return each article's date: its publication date, else its summit's opening, else None."""
    starts = reference.summits(folder=reference_dir).set_index("summit_id")["start"]
    out = {}
    for aid, published, sid in zip(articles["article_id"], articles["published"], articles["summit_id"]):
        date = published if not pd.isna(published) else starts.get(sid) if isinstance(sid, str) else None
        out[aid] = None if date is None or pd.isna(date) else pd.Timestamp(date)
    return out


def _date_claims(conflicts: list[pd.DataFrame], articles: pd.DataFrame) -> pd.DataFrame:
    """Return claims rows for spans whose dates disagree with the publication date the analyst gave."""
    frames = [c for c in conflicts if len(c)]
    if not frames:
        return schema.empty("claims")
    found = pd.concat(frames, ignore_index=True)
    published = articles.set_index("article_id")["published"]
    rows = []
    for n, c in enumerate(found.itertuples(index=False)):
        given = published.get(c.article_id)
        rows.append({
            "claim_id": f"{c.article_id}:{c.sentence_id}:date{n}", "article_id": c.article_id,
            "sentence_id": c.sentence_id, "start": c.start, "end": c.end, "subject": c.article_id,
            "predicate": "date_is", "object": c.text, "conflicts_with": ["metadata:published"],
            "note": f"{c.note} (articles.csv gives {pd.Timestamp(given):%Y-%m-%d})" if given is not None and not pd.isna(given) else c.note,
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

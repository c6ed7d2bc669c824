"""Building the tables: the per-article step, the corpus-level steps, and writing them out.

`analyse_article` is a pure function of (article, tokenizer, reference data): it
can run in this process or any other. `build` reads a corpus folder, runs it on
every article, adds what needs the whole corpus (attendance), and writes every
table of the contract (see schema.TABLES) under the output folder.
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

from . import (attendance, claims, compare, corpus, entities, events, manifest, paths, quotes, reference, schema, summits,
               temporal, text, timeline)
from .exceptions import CorpusError, ParameterError

log = logging.getLogger(__name__)

#: Characters of corpus text Punkt trains on (a sample is enough; keeps memory flat).
PUNKT_SAMPLE_CHARS = 20_000_000
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


def analyse_article(article: corpus.Article, *, tokenizer, reference_dir: str | os.PathLike | None = None) -> ArticleRecords:
    """Return the records of one article: its articles-table row, sentences, timexes, entity mentions, quotes.

    Pure: depends only on the article, the sentence tokenizer and the reference
    tables. Order: sentences; publication date (the analyst's, else inferred from
    the text); summit (the analyst's, else scored from the text and that date);
    date phrases resolved against the publication date; entity mentions resolved
    with offices held at the publication date (or, failing that, the summit's opening);
    quotations with their speakers linked to those mentions.
    """
    raw, aid = article.text, article.article_id
    summit_table = reference.summits(folder=reference_dir)
    sents = text.split_sentences(raw, tokenizer=tokenizer).assign(article_id=aid)[text.SENTENCE_COLUMNS]
    content = sents[~sents["kind"].isin(_NOT_CONTENT)]
    body = sents[~sents["is_boilerplate"]]
    given_date = article.meta.get("published")
    given_date = pd.Timestamp(given_date) if given_date else None
    dated = temporal.infer_published(sents, summits=summit_table, metadata={aid: given_date})
    dated = dated.iloc[0] if len(dated) else pd.Series({
        "published": given_date or pd.NaT, "published_source": "metadata" if given_date else "unknown",
        "published_earliest": pd.NaT, "published_latest": pd.NaT, "published_evidence": "no text to read"})
    published = None if pd.isna(dated["published"]) or dated["published_source"] == "unknown" else dated["published"]
    given_summit = article.meta.get("summit_id")
    if given_summit and given_summit in set(summit_table["summit_id"]):
        sid, score, evidence = given_summit, 1.0, "given in articles.csv"
    else:
        sid, score, evidence = summits.assign_summit("\n".join(content["text"]), summits=summit_table, published=published)
    times = temporal.timexes(sents, published={aid: published})
    conflicts = (temporal.date_conflicts(sents, {aid: given_date}, summits=summit_table)
                 if given_date is not None else pd.DataFrame())
    date = published
    if date is None and sid:
        date = summit_table.set_index("summit_id").loc[sid, "start"]
    ents = entities.entities(sents, dates={aid: date}, reference_dir=reference_dir)
    said = quotes.quotes(sents, entities=ents)
    stated = claims.extract_claims(sents, ents, dates={aid: date}, reference_dir=reference_dir)
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
        "n_words": int(sum(text.count_words(t) for t in body["text"])),
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
        "n_boilerplate": int(sents["is_boilerplate"].sum()),
        "sha256": article.sha256,
    }
    happened = events.event_mentions(sents, times, ents, articles=pd.DataFrame([row])[["article_id", "summit_id", "published"]],
                                     summits=summit_table)
    return ArticleRecords(article=row, sentences=sents, entities=ents, timexes=times, quotes=said, claims=stated,
                          event_mentions=happened, date_conflicts=conflicts)


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

    `jobs` > 1 runs the per-article step in that many processes; ``engine="dask"``
    runs it on a Dask cluster (`scheduler` address, or a local cluster of `jobs`
    worker processes). The tables are the same whichever way they are computed.

    Returns the tables by name (articles, sentences, entities, timexes, quotes,
    events, attendance, duplicates, claims, problems), as read back from `out`.
    Raises CorpusError when the corpus folder itself is missing or empty.
    """
    if engine not in ENGINES:
        raise ParameterError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
    out = Path(out)
    started = time.perf_counter()
    with manifest.locked(out):
        fingerprint = manifest.build_fingerprint(corpus_dir, reference_dir=reference_dir, max_bytes=max_bytes)
        if not force and manifest.is_current(out, fingerprint["digest"]):
            log.info("tables in %s are up to date", out)
            return schema.load_tables(out)
        tables, stats = _compute(corpus_dir, out, reference_dir=reference_dir, max_bytes=max_bytes, jobs=jobs,
                                 engine=engine, scheduler=scheduler)
        _write_all(tables, out)
        manifest.write(out, {
            "fingerprint": fingerprint["digest"],
            "inputs": fingerprint["inputs"],
            "source_digest": fingerprint["source"],
            "articles": len(tables["articles"]),
            "analysed": stats["analysed"],
            "reused": stats["reused"],
            "skipped": int((tables["problems"]["severity"] == "error").sum()),
            "seconds": round(time.perf_counter() - started, 3),
            "outputs": sorted(p.name for p in out.iterdir() if p.suffix in (".csv", ".parquet", ".json") and p.name != manifest.MANIFEST),
        })
    log.info("built %d articles (%d analysed, %d unchanged) into %s", len(tables["articles"]),
             stats["analysed"], stats["reused"], out)
    return schema.load_tables(out)


def _compute(corpus_dir, out: Path, *, reference_dir, max_bytes, jobs: int = 1, engine: str = "process",
             scheduler: str | None = None) -> tuple[dict[str, pd.DataFrame], dict]:
    problems: list[corpus.Problem] = []
    articles = list(corpus.iter_corpus(corpus_dir, problems=problems, max_bytes=max_bytes))
    known = set(reference.summit_ids(folder=reference_dir))
    for a in articles:
        given = a.meta.get("summit_id")
        if given and given not in known:
            problems.append(corpus.Problem(
                str(Path(corpus_dir) / corpus.METADATA_FILE), a.article_id, "warning",
                f"summit_id {given!r} for {a.article_id!r} is not in data/reference/summits.csv",
                "it is ignored and the summit found from the text; use an id like 2024-astana"))
        if text.looks_like_html(a.text):
            problems.append(corpus.Problem(
                str(Path(corpus_dir) / a.path), a.article_id, "warning", "is an HTML page saved as text",
                "its markup is masked and only the page's text is analysed; save the article's text instead if you can"))
    if not articles:
        raise CorpusError(
            f"no article in {Path(corpus_dir) / corpus.RAW_DIR} could be read: "
            + "; ".join(p.message() for p in problems if p.severity == "error")[:2000]
        )
    tokenizer = text.train_punkt(_sample(a.text for a in articles))
    cache = _Cache(out / ".cache", context=manifest.combined(
        text.tokenizer_digest(tokenizer), manifest.source_digest(),
        manifest.digests(list((Path(reference_dir) if reference_dir else paths.REFERENCE).glob("*.csv")),
                         root=Path(reference_dir) if reference_dir else paths.REFERENCE),
    ))
    cached = {a.article_id: cache.get(a) for a in articles}
    todo = [a for a in articles if cached[a.article_id] is None]
    fresh = dict(zip((a.article_id for a in todo), _analyse_many(todo, tokenizer=tokenizer, reference_dir=reference_dir, jobs=jobs,
                                                                         engine=engine, scheduler=scheduler)))
    for a in todo:
        cache.put(a, fresh[a.article_id])
    records = [cached[a.article_id] or fresh[a.article_id] for a in articles]
    stats = {"analysed": len(todo), "reused": len(articles) - len(todo)}
    cache.prune({a.article_id for a in articles})
    tables = {name: schema.empty(name) for name in schema.TABLES}
    tables["problems"] = pd.DataFrame([vars(p) for p in problems], columns=list(schema.TABLES["problems"].columns))
    tables["articles"] = pd.DataFrame([r.article for r in records])
    tables["sentences"] = _concat([r.sentences for r in records], "sentences")
    tables["duplicates"] = compare.duplicate_pairs(tables["sentences"])
    repeats = compare.duplicate_of(tables["duplicates"], tables["articles"])
    tables["articles"]["duplicate_of"] = tables["articles"]["article_id"].map(repeats)
    tables["entities"] = _concat([r.entities for r in records], "entities")
    tables["timexes"] = _concat([r.timexes for r in records], "timexes")
    tables["quotes"] = _concat([r.quotes for r in records], "quotes")
    mentions = attendance.attendance_mentions(tables["sentences"], tables["entities"], tables["articles"])
    tables["attendance"] = attendance.attendance(mentions, entities=tables["entities"])
    found = [r.event_mentions for r in records if len(r.event_mentions)]
    tables["events"] = (events.events(pd.concat(found, ignore_index=True), summits=reference.summits(folder=reference_dir))
                        if found else schema.empty("events"))
    dates = _article_dates(tables["articles"], reference_dir=reference_dir)
    said = pd.concat([r.claims for r in records if len(r.claims)], ignore_index=True) if any(len(r.claims) for r in records) else pd.DataFrame(columns=claims.CLAIM_COLUMNS)
    tables["claims"] = pd.concat(
        [claims.check_claims(said, dates=dates, reference_dir=reference_dir),
         _date_claims([r.date_conflicts for r in records], tables["articles"])],
        ignore_index=True,
    )
    return tables, stats


def _article_dates(articles: pd.DataFrame, *, reference_dir=None) -> dict[str, pd.Timestamp | None]:
    """Return each article's date: its publication date, else its summit's opening, else None."""
    starts = reference.summits(folder=reference_dir).set_index("summit_id")["start"]
    out = {}
    for row in articles.itertuples(index=False):
        date = row.published if not pd.isna(row.published) else starts.get(row.summit_id) if isinstance(row.summit_id, str) else None
        out[row.article_id] = None if date is None or pd.isna(date) else pd.Timestamp(date)
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


ENGINES = ("process", "dask")
#: Articles per Dask task: big enough to amortise scheduling, small enough to balance.
DASK_PARTITION = 64


def _analyse_many(
    articles: list[corpus.Article], *, tokenizer, reference_dir, jobs: int, engine: str = "process",
    scheduler: str | None = None,
) -> list[ArticleRecords]:
    """Return analyse_article for each article, in order: here, in `jobs` processes, or on a Dask cluster."""
    work = functools.partial(analyse_article, tokenizer=tokenizer, reference_dir=reference_dir)
    if engine == "dask":
        return _analyse_dask(articles, tokenizer=tokenizer, reference_dir=reference_dir, workers=max(jobs, 1),
                             scheduler=scheduler)
    if jobs <= 1 or len(articles) < 2:
        return [work(a) for a in _progress(articles)]
    chunk = max(1, min(64, len(articles) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(_progress(pool.map(work, articles, chunksize=chunk), total=len(articles)))


def _analyse_partition(articles: list[corpus.Article], tokenizer, reference_dir) -> list[ArticleRecords]:
    return [analyse_article(a, tokenizer=tokenizer, reference_dir=reference_dir) for a in articles]


def _analyse_dask(articles, *, tokenizer, reference_dir, workers: int, scheduler: str | None) -> list[ArticleRecords]:
    """Run the per-article step on a Dask cluster (a local one of `workers` processes when no scheduler is given)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a dependency
        raise ParameterError("--engine dask needs dask.distributed; install the package's dependencies.") from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        [tok] = client.scatter([tokenizer], broadcast=True)
        parts = [articles[i:i + DASK_PARTITION] for i in range(0, len(articles), DASK_PARTITION)]
        futures = client.map(_analyse_partition, parts, tokenizer=tok, reference_dir=reference_dir, pure=False)
        return [r for part in _progress(client.gather(futures), total=len(parts)) for r in part]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _progress(items, *, total: int | None = None):
    """Wrap `items` in a tqdm progress bar when stderr is a terminal and the build is long; else return them."""
    import sys

    n = total if total is not None else (len(items) if hasattr(items, "__len__") else None)
    if not sys.stderr.isatty() or (n is not None and n < 200) or not log.isEnabledFor(logging.INFO):
        return items
    from tqdm import tqdm

    return tqdm(items, total=n, unit="article", leave=False)


def _write_all(tables: dict[str, pd.DataFrame], out: Path) -> None:
    """Write every table into a staging folder, then move them all into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        for name, frame in tables.items():
            schema.write_table(frame, name, staging)
        timeline.write_exports(tables["events"], staging, summits=reference.summits())
        for path in sorted(staging.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class _Cache:
    """Per-article records kept between builds, keyed by the article and everything it was analysed with."""

    def __init__(self, folder: Path, *, context: str):
        self.folder = folder
        self.context = context

    def _path(self, article_id: str) -> Path:
        return self.folder / (hashlib.sha1(article_id.encode()).hexdigest() + ".pkl")

    def _key(self, article: corpus.Article) -> str:
        return manifest.combined(self.context, article.article_id, article.path, article.sha256, article.meta)

    def get(self, article: corpus.Article) -> ArticleRecords | None:
        path = self._path(article.article_id)
        try:
            with open(path, "rb") as fh:
                key, records = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
            return None
        return records if key == self._key(article) else None

    def put(self, article: corpus.Article, records: ArticleRecords) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((self._key(article), records), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._path(article.article_id))

    def prune(self, keep: set[str]) -> None:
        wanted = {self._path(a).name for a in keep}
        if self.folder.is_dir():
            for path in self.folder.glob("*.pkl"):
                if path.name not in wanted:
                    path.unlink(missing_ok=True)


def _concat(frames: list[pd.DataFrame], name: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else schema.empty(name)


def _sample(texts, limit: int = PUNKT_SAMPLE_CHARS):
    total = 0
    for t in texts:
        if total >= limit:
            break
        total += len(t)
        yield t

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

from . import attendance, compare, corpus, entities, manifest, paths, quotes, reference, schema, summits, temporal, text
from .exceptions import CorpusError

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
    return ArticleRecords(article=row, sentences=sents, entities=ents, timexes=times, quotes=said,
                          date_conflicts=conflicts)


def build(
    corpus_dir: str | os.PathLike,
    out: str | os.PathLike,
    *,
    reference_dir: str | os.PathLike | None = None,
    max_bytes: int = paths.MAX_ARTICLE_BYTES,
    force: bool = False,
    jobs: int = 1,
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

    `jobs` > 1 runs the per-article step in that many processes; the tables are
    the same as with one.

    Returns the tables by name (articles, sentences, entities, timexes, quotes,
    events, attendance, duplicates, claims, problems), as read back from `out`.
    Raises CorpusError when the corpus folder itself is missing or empty.
    """
    out = Path(out)
    started = time.perf_counter()
    with manifest.locked(out):
        fingerprint = manifest.build_fingerprint(corpus_dir, reference_dir=reference_dir, max_bytes=max_bytes)
        if not force and manifest.is_current(out, fingerprint["digest"]):
            log.info("tables in %s are up to date", out)
            return schema.load_tables(out)
        tables, stats = _compute(corpus_dir, out, reference_dir=reference_dir, max_bytes=max_bytes, jobs=jobs)
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
            "outputs": sorted(p.name for p in out.iterdir() if p.suffix in (".csv", ".parquet")),
        })
    log.info("built %d articles (%d analysed, %d unchanged) into %s", len(tables["articles"]),
             stats["analysed"], stats["reused"], out)
    return schema.load_tables(out)


def _compute(corpus_dir, out: Path, *, reference_dir, max_bytes, jobs: int = 1) -> tuple[dict[str, pd.DataFrame], dict]:
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
    fresh = dict(zip((a.article_id for a in todo), _analyse_many(todo, tokenizer=tokenizer, reference_dir=reference_dir, jobs=jobs)))
    for a in todo:
        cache.put(a, fresh[a.article_id])
    records = [cached[a.article_id] or fresh[a.article_id] for a in articles]
    stats = {"analysed": len(todo), "reused": len(articles) - len(todo)}
    cache.prune({a.article_id for a in articles})
    tables = {name: schema.empty(name) for name in schema.TABLES}
    tables["problems"] = pd.DataFrame([vars(p) for p in problems], columns=list(schema.TABLES["problems"].columns))
    tables["articles"] = pd.DataFrame([r.article for r in records])
    tables["sentences"] = _concat([r.sentences for r in records], "sentences")
    tables["entities"] = _concat([r.entities for r in records], "entities")
    tables["timexes"] = _concat([r.timexes for r in records], "timexes")
    tables["quotes"] = _concat([r.quotes for r in records], "quotes")
    mentions = attendance.attendance_mentions(tables["sentences"], tables["entities"], tables["articles"])
    tables["attendance"] = attendance.attendance(mentions, entities=tables["entities"])
    return tables, stats


def _analyse_many(articles: list[corpus.Article], *, tokenizer, reference_dir, jobs: int) -> list[ArticleRecords]:
    """Return analyse_article for each article, in order, in this process or in `jobs` worker processes."""
    if jobs <= 1 or len(articles) < 2:
        return [analyse_article(a, tokenizer=tokenizer, reference_dir=reference_dir) for a in articles]
    work = functools.partial(analyse_article, tokenizer=tokenizer, reference_dir=reference_dir)
    chunk = max(1, min(64, len(articles) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(work, articles, chunksize=chunk))


def _write_all(tables: dict[str, pd.DataFrame], out: Path) -> None:
    """Write every table into a staging folder, then move them all into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        for name, frame in tables.items():
            schema.write_table(frame, name, staging)
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

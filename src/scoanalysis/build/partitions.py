"""Partitions: a few dozen articles analysed together, their parts written, a small hand-back returned.

`analyse_partition` runs the per-article step (article.analyse_article) on each of
its articles, or takes its records from the per-article cache (`Cache`) when nothing
they depend on changed, and writes the partition's rows of the big tables and of
articles as parts, and its corpus-level inputs to its inputs file (see inputs). It
hands back only its articles' keys and MinHash signatures (`Partition`). It runs in
any process or Dask worker, with the build's `Settings`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import claims, corpus, events, manifest, storage, summaries, translation
from .article import ArticleRecords, analyse_article
from .inputs import inputs_path, write_inputs

#: Articles per partition: the unit of work sent to a process or a Dask worker, and of the parts written.
PARTITION = 64
#: The tables written part by part by the partitions; the rest are corpus-level and small.
PART_TABLES = ("sentences", "entities", "timexes", "quotes")
#: The columns of the articles table the corpus-level steps read (the hand-back keeps only these).
ARTICLE_KEYS = ("article_id", "published", "summit_id")


@dataclass
class Settings:
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
class Partition:
    """What a partition hands back: its articles' keys, their signatures, and where its corpus-level inputs are.

    Everything else (article rows, claims, event mentions, attendance statements, names,
    date conflicts, the sketches' hashed stems) is in its parts: the big tables' and the
    inputs file (``parts/_inputs/<index>.pkl``, read a section at a time: see inputs.Inputs).
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


def analyse_partition(index: int, entries: list[tuple[corpus.Entry, str | None]], settings: Settings) -> Partition:
    """Return one partition's hand-back after analysing its articles and writing their parts.

    `entries` are (entry, SHA-256 of its file as the build's fingerprint found it). Each
    article comes from the cache when nothing it depends on changed, else is read and
    analysed (analyse_article) and cached. Writes the partition's rows of the big tables
    and of articles as parts, and its corpus-level inputs to its inputs file (claims,
    attendance statements and names bucketed; event mentions, date conflicts and the
    sketches' hashed stems whole). Runs in any process or Dask worker.
    """
    cache = Cache(Path(settings.cache), context=settings.context)
    done = Partition(index)
    kept: dict[str, list[pd.DataFrame]] = {name: [] for name in PART_TABLES}
    small: dict[str, list[pd.DataFrame]] = {"attendance": [], "date_conflicts": []}
    records_of: dict[str, list] = {"claims": [], "event_mentions": [], "translation": []}
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
        if records.nul_bytes and not any(p.file == file and "NUL" in p.problem for p in done.problems):
            done.problems.append(corpus.nul_problem(file, entry.article_id, records.nul_bytes))
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
        for name, rows_of in records_of.items():
            rows_of.extend(getattr(records, name))
    summaries.write_part({**kept, "translation": [translation.evidence_table(records_of["translation"])]},
                         settings.parts, index)  # the translation clues are read by the summaries only
    for name, pieces in kept.items():
        pieces = [f for f in pieces if len(f)]
        if pieces:
            storage.write_part(pd.concat(pieces, ignore_index=True), name, settings.parts, index)
    if rows:
        articles = pd.DataFrame(rows)
        storage.write_part(articles, "articles", settings.parts, index)
        done.articles = articles[list(ARTICLE_KEYS)]
    done.signed = [aid for aid, _ in sketches]
    if sketches:
        done.words = np.vstack([s.words for _, s in sketches]).astype(np.uint32)
        done.stems = np.vstack([s.stems for _, s in sketches]).astype(np.uint32)
    inputs = {name: _concat([f for f in frames if len(f)]) for name, frames in small.items()}
    inputs["claims"] = claims.claims_table(records_of["claims"]) if records_of["claims"] else None
    inputs["event_mentions"] = (events.mentions_table(records_of["event_mentions"])
                                if records_of["event_mentions"] else None)
    if inputs["claims"] is not None:  # the claims' order in the corpus: partition, then row
        inputs["claims"] = inputs["claims"].assign(_position=(index << 32) + np.arange(len(inputs["claims"])))
    inputs["names"] = pd.DataFrame(names, columns=["entity_id", "name"]) if names else None
    inputs["sketches"] = [(aid, s.sentence_stems, s.bounds) for aid, s in sketches] or None
    done.sections = write_inputs(inputs, inputs_path(settings.parts, index), buckets=settings.buckets)
    return done


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame | None:
    return pd.concat(frames, ignore_index=True) if frames else None


def article_keys(results: list[Partition]) -> pd.DataFrame:
    """Return article_id, published, summit_id of every article, in corpus order (about 100 bytes an article)."""
    frames = [r.articles for r in results if r.articles is not None and len(r.articles)]
    if not frames:
        return pd.DataFrame(columns=list(ARTICLE_KEYS))
    out = pd.concat(frames, ignore_index=True)
    return out.assign(published=pd.to_datetime(out["published"]), summit_id=out["summit_id"].astype("category"))


class Cache:
    """Per-article records kept between builds, keyed by the article and everything it was analysed with.

    One pickle an article under `folder`, named by a hash of its id, holding the key
    (`context`: the tokenizer's, the code's and the reference data's digests; the
    article's id, path, file hash and metadata) beside its ArticleRecords.
    """

    def __init__(self, folder: Path, *, context: str):
        self.folder = folder
        self.context = context

    def _path(self, article_id: str) -> Path:
        return self.folder / (hashlib.sha1(article_id.encode()).hexdigest() + ".pkl")

    def _key(self, entry: corpus.Entry, sha256: str) -> str:
        return manifest.combined(self.context, entry.article_id, entry.path, sha256, entry.meta)

    def get(self, entry: corpus.Entry, sha256: str) -> ArticleRecords | None:
        """Return the records kept for `entry` when they were made from this file and context, else None."""
        path = self._path(entry.article_id)
        try:
            with open(path, "rb") as fh:
                key, records = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
            return None
        return records if key == self._key(entry, sha256) and isinstance(records, ArticleRecords) else None

    def put(self, entry: corpus.Entry, sha256: str, records: ArticleRecords) -> None:
        """Keep `records` for `entry` (written to a temporary file, then moved into place)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((self._key(entry, sha256), records), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._path(entry.article_id))

    def prune(self, keep: set[str]) -> None:
        """Delete the records of every article whose id is not in `keep`."""
        wanted = {self._path(a).name for a in keep}
        if self.folder.is_dir():
            for path in self.folder.glob("*.pkl"):
                if path.name not in wanted:
                    path.unlink(missing_ok=True)

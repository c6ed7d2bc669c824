"""Building the tables: the per-article step, the corpus-level steps, and writing them out.

`analyse_article` is a pure function of (article, tokenizer, reference data): it
can run in this process or any other. `build` reads a corpus folder, runs it on
every article, adds what needs the whole corpus (attendance), and writes every
table of the contract (see schema.TABLES) under the output folder.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import attendance, compare, corpus, entities, reference, schema, summits, text
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


def analyse_article(article: corpus.Article, *, tokenizer, reference_dir: str | os.PathLike | None = None) -> ArticleRecords:
    """Return the records of one article: its articles-table row, sentences and entity mentions.

    Pure: depends only on the article, the sentence tokenizer and the reference tables.
    """
    raw = article.text
    summit_table = reference.summits(folder=reference_dir)
    sents = text.split_sentences(raw, tokenizer=tokenizer).assign(article_id=article.article_id)
    sents = sents[text.SENTENCE_COLUMNS]
    content = sents[~sents["kind"].isin(_NOT_CONTENT)]
    body = sents[~sents["is_boilerplate"]]
    published = article.meta.get("published")
    published = pd.Timestamp(published) if published else None
    given = article.meta.get("summit_id")
    if given and given in set(summit_table["summit_id"]):
        sid, score, evidence = given, 1.0, "given in articles.csv"
    else:
        sid, score, evidence = summits.assign_summit("\n".join(content["text"]), summits=summit_table, published=published)
    date = published
    if date is None and sid:
        date = summit_table.set_index("summit_id").loc[sid, "start"]
    ents = entities.entities(sents, dates={article.article_id: date}, reference_dir=reference_dir)
    translation = compare.translation_evidence(sents)
    row = {
        "article_id": article.article_id,
        "path": article.path,
        "headline": article.meta.get("headline") or text.headline(raw),
        "outlet": article.meta.get("outlet"),
        "published": published,
        "published_source": "metadata" if published is not None else "unknown",
        "summit_id": sid,
        "summit_score": score,
        "n_sentences": len(body),
        "n_words": int(sum(text.count_words(t) for t in body["text"])),
        "translated": compare.is_translated(translation),
        "duplicate_of": None,
        "url": article.meta.get("url"),
        "byline": text.byline(raw),
        "notes": article.meta.get("notes"),
        "published_earliest": published,
        "published_latest": published,
        "published_evidence": "given in articles.csv" if published is not None else None,
        "summit_evidence": evidence,
        "n_chars": len(raw),
        "n_boilerplate": int(sents["is_boilerplate"].sum()),
        "sha256": article.sha256,
    }
    return ArticleRecords(article=row, sentences=sents, entities=ents)


def build(
    corpus_dir: str | os.PathLike,
    out: str | os.PathLike,
    *,
    reference_dir: str | os.PathLike | None = None,
    max_bytes: int = corpus.MAX_ARTICLE_BYTES,
) -> dict[str, pd.DataFrame]:
    """Build every table from the corpus folder `corpus_dir` and write them under `out`.

    Files that cannot be read and metadata rows that cannot be used are skipped and
    listed in the ``problems`` table (problems.csv) with the fix; the rest is built.
    Returns the tables by name (articles, sentences, entities, timexes, quotes,
    events, attendance, duplicates, claims, problems), as read back from `out`.
    Raises CorpusError when the corpus folder itself is missing or empty.
    """
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
    records = [analyse_article(a, tokenizer=tokenizer, reference_dir=reference_dir) for a in articles]
    tables = {name: schema.empty(name) for name in schema.TABLES}
    tables["problems"] = pd.DataFrame([vars(p) for p in problems], columns=list(schema.TABLES["problems"].columns))
    tables["articles"] = pd.DataFrame([r.article for r in records])
    tables["sentences"] = _concat([r.sentences for r in records], "sentences")
    tables["entities"] = _concat([r.entities for r in records], "entities")
    mentions = attendance.attendance_mentions(tables["sentences"], tables["entities"], tables["articles"])
    tables["attendance"] = attendance.attendance(mentions, entities=tables["entities"])
    out = Path(out)
    for name, frame in tables.items():
        schema.write_table(frame, name, out)
    log.debug("built %d articles, %d sentences into %s", len(records), len(tables["sentences"]), out)
    return {name: schema.read_table(name, out) for name in tables}


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

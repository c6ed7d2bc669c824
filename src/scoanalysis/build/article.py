"""The per-article step: one article's text and metadata in, its rows of every per-article table out.

`analyse_article` is a pure function of (article, tokenizer, reference data): it can
run in this process or any other, and its result (`ArticleRecords`) is what the
per-article cache keeps between builds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pandas as pd

from .. import attendance, claims, corpus, entities, events, frames, quotes, reference, summits, temporal, text, translation
from ..duplicates import signature
from ..schema import NOT_CONTENT_KINDS


@dataclass
class ArticleRecords:
    """What the per-article step returns: the article's row, its extracted tables and records.

    `claims`, `event_mentions` and `translation` are records (see claims.claim_rows,
    events.article_event_mentions, translation.clue_rows): a partition makes one table of
    each from all its articles' records.
    """

    article: dict
    sentences: pd.DataFrame
    entities: pd.DataFrame = field(default_factory=pd.DataFrame)
    timexes: pd.DataFrame = field(default_factory=pd.DataFrame)
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    claims: list[dict] = field(default_factory=list)
    event_mentions: list[dict] = field(default_factory=list)
    date_conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    attendance: pd.DataFrame = field(default_factory=pd.DataFrame)
    translation: list[tuple] = field(default_factory=list)
    signature: tuple | None = None
    encoding: str = "utf-8"
    is_html: bool = False
    nul_bytes: int = 0


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
    dated, times, conflicts = temporal.article_dates(sents, summits=summit_table, given=given_date,
                                                     reference_dir=reference_dir)
    dated = dated if dated is not None else pd.Series({
        "published": given_date or pd.NaT, "published_source": "metadata" if given_date else "unknown",
        "published_earliest": pd.NaT, "published_latest": pd.NaT, "published_evidence": "no text to read"})
    published = None if pd.isna(dated["published"]) or dated["published_source"] == "unknown" else dated["published"]
    given_summit = article.meta.get("summit_id")
    if given_summit and given_summit in set(summit_table["summit_id"]):
        sid, score, evidence = given_summit, 1.0, "given in articles.csv"
    else:
        # captions are passed apart: they count less and cannot decide a summit alone
        content = "\n".join(t for t, k in zip(texts, kinds) if k not in NOT_CONTENT_KINDS and k != "caption")
        captions = "\n".join(t for t, k in zip(texts, kinds) if k == "caption")
        sid, score, evidence = summits.assign_summit(content, reference_dir=reference_dir, published=published,
                                                     captions=captions)
    date = published
    if date is None and sid:
        date = summit_table.set_index("summit_id").loc[sid, "start"]
    ents = entities.entities(sents, dates={aid: date}, reference_dir=reference_dir)
    # the layers below read these columns once between them (frames.Columns; their public functions take frames)
    sent_cols, ent_cols = frames.Columns(sents), frames.Columns(ents)
    said = quotes.article_quotes(sent_cols, ent_cols)
    stated = claims.claim_rows(sent_cols, ent_cols, dates={aid: date}, reference_dir=reference_dir)
    clues = translation.clue_rows(sent_cols)
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
        "translated": translation.is_translated(clues),
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
    happened = events.article_event_mentions(sent_cols, times, ent_cols, article_id=aid, summit_id=sid,
                                              published=published, reference_dir=reference_dir)
    present = (attendance.article_attendance(sent_cols, ent_cols, article_id=aid, summit_id=sid, published=published)
               if sid else pd.DataFrame())
    return ArticleRecords(article=row, sentences=sents, entities=ents, timexes=times, quotes=said, claims=stated,
                          event_mentions=happened, date_conflicts=conflicts, attendance=present, translation=clues,
                          signature=signature(sents), encoding=article.encoding, nul_bytes=article.nul_bytes,
                          is_html=text.looks_like_html(raw))

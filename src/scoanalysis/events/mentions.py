"""Event mentions: one row per sentence-level report of a dated event, the per-article step's events table.

A mention needs two things in one sentence: a *trigger* (triggers.py) and a *date*
the reader can resolve to calendar days (dates.py), tied together by pairing.py. Its
actors, description and status come from describe.py; sentence.py reads a sentence,
this module the sentences of one or many articles.

``article_event_mentions`` is the build's entry (one article, its columns read once
for every layer, the reference summits); ``event_mentions`` reads the tables of any
number of articles against any summits table. Both run ``_mentions``.
"""

from __future__ import annotations

import functools
from operator import attrgetter, itemgetter

import numpy as np
import pandas as pd

from ..frames import Columns, from_columns
from ..schema import NOT_CONTENT_KINDS
from .context import ArticleContext, ArticleMeta, SummitIndex, article_meta, articles_meta, reference_summit_index
from .inputs import entities_by_sentence, timexes_by_sentence
from .records import Carry, Sentence
from .sentence import sentence_mentions

#: Columns of ``event_mentions``.
MENTION_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "trigger", "trigger_key", "event_type",
    "earliest", "latest", "date_text", "date_sentence_id", "date_start", "date_end", "date_source",
    "actors", "persons", "places", "description", "status", "summit_id", "summit_ref", "published", "relative_days",
]
#: Sentence kinds never read for events (page furniture).
SKIP_KINDS = NOT_CONTENT_KINDS

_DATE_COLUMNS = ("earliest", "latest", "published")
_NAT_NS = np.iinfo(np.int64).min
_MENTION_ORDER = itemgetter("article_id", "sentence_id", "start")


def event_mentions(
    sentences: pd.DataFrame,
    timexes: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    summits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return one row per sentence-level report of a dated event.

    Parameters
    ----------
    sentences
        The sentences table: article_id, sentence_id, start, end, text, and where
        present kind (page furniture is skipped) and paragraph_id.
    timexes
        The timexes table (temporal.timexes): article_id, sentence_id, start, end,
        text, timex_type, value, earliest, latest, and tense where present.
    entities
        The entities table: article_id, sentence_id, start, end, entity_id, entity_type.
    articles
        article_id, summit_id and published (either may be empty).
    summits
        The reference summits (default ``reference.summits()``): summit_id, city,
        city_aliases, start, end.

    Returns
    -------
    DataFrame with columns article_id, sentence_id, start, end (offsets of the
    trigger and its date phrase in the raw article), trigger (as written),
    trigger_key (lexicon entry), event_type, earliest, latest, date_text,
    date_sentence_id (where the date phrase is), date_start, date_end (its
    offsets), date_source (``timex``, ``summit`` or ``previous_sentence``), actors,
    persons (the actors who are people) and places (lists of entity_ids), description, status (``reported``,
    ``expected``, ``possible``), summit_id (the article's), summit_ref (the SCO
    summit a summit mention is), published, relative_days (earliest minus the
    start of the article's summit). Sorted by article_id, sentence_id, start. The
    inputs are not changed.
    """
    index = reference_summit_index(None) if summits is None else SummitIndex.of(summits)
    return mentions_table(_mentions(Columns(sentences), timexes, entities, meta=articles_meta(articles), summits=index))


def article_event_mentions(sentences: Columns, timexes: pd.DataFrame | Columns, entities: pd.DataFrame | Columns, *,
                           article_id: str, summit_id: str | None, published,
                           reference_dir: str | None = None) -> list[dict]:
    """Return ``event_mentions`` of one article against the reference summits: the build's per-article step.

    Parameters
    ----------
    sentences : the article's sentences table, as ``frames.Columns``.
    timexes, entities : its timexes and entity mentions (frames or ``frames.Columns``).
    article_id, summit_id, published : its row of the articles table (what ``articles`` would hold).
    reference_dir : folder of reference CSVs (default data/reference), for the summits.

    Returns
    -------
    The article's mentions as records (dicts with the keys MENTION_COLUMNS), in the
    table's order; `mentions_table` makes the ``event_mentions`` table of them (of one
    article or of many, concatenated).
    """
    return _mentions(sentences, timexes, entities, meta={str(article_id): article_meta(summit_id, published)},
                     summits=reference_summit_index(str(reference_dir) if reference_dir else None))


def _mentions(sentences: Columns, timexes: pd.DataFrame | Columns, entities: pd.DataFrame | Columns, *,
              meta: dict[str, ArticleMeta], summits: SummitIndex) -> list[dict]:
    """The mentions of the sentences' articles as records, each article read with its (summit_id, published)."""
    # plain lists, not a copied and filtered frame: the sentences of each article, by sentence_id
    sids = sentences["sentence_id"]
    by_article: dict[str, list[Sentence]] = {}
    for aid, sid, start, text, kind, para in zip(sentences["article_id"], sids, sentences["start"], sentences["text"],
                                                 sentences.get("kind", "body"),
                                                 sentences["paragraph_id"] if "paragraph_id" in sentences else sids):
        if isinstance(kind, str) and kind in SKIP_KINDS:
            continue
        if aid is None or (not isinstance(aid, str) and pd.isna(aid)):
            continue  # no article to read it with
        by_article.setdefault(aid, []).append(Sentence(aid, sid, start, text, kind, para))
    if not by_article:
        return []
    tx_by = timexes_by_sentence(timexes)
    en_by = entities_by_sentence(entities)
    rows: list[dict] = []
    for aid in sorted(by_article):
        summit_id, published = meta.get(aid, ("", None))
        ctx = ArticleContext(aid, summit_id, published, summits)
        carry: Carry | None = None
        for s in sorted(by_article[aid], key=attrgetter("sentence_id")):
            sid = int(s.sentence_id)
            found, carry = sentence_mentions(s, tx_by.get((aid, sid)), en_by.get((aid, sid)), ctx=ctx, carry=carry)
            rows.extend(found)
    rows.sort(key=_MENTION_ORDER)
    starts = summits.starts
    for r in rows:
        s = r["summit_id"]
        r["relative_days"] = (r["earliest"] - starts[s]).days if isinstance(s, str) and s in starts else pd.NA
    return rows


def mentions_table(rows: list[dict]) -> pd.DataFrame:
    """Return the ``event_mentions`` table (MENTION_COLUMNS) of mention records, in their order."""
    if not rows:
        return _empty_mentions()
    data = {c: [r[c] for r in rows] for c in MENTION_COLUMNS}
    data["relative_days"] = pd.array(data["relative_days"], dtype="Int64")
    for col in _DATE_COLUMNS:
        data[col] = _datetime64(data[col])
    return from_columns(data, MENTION_COLUMNS)


def _datetime64(values: list[pd.Timestamp | None]) -> np.ndarray:
    """Return naive Timestamps and None (what the readers build) as a datetime64[ns] array, None as NaT."""
    return np.array([_NAT_NS if v is None else v.value for v in values], dtype=np.int64).view("datetime64[ns]")


@functools.lru_cache(maxsize=1)
def _empty_mentions_template() -> pd.DataFrame:
    out = pd.DataFrame([], columns=MENTION_COLUMNS)
    for col in _DATE_COLUMNS:
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    out["relative_days"] = []
    out["relative_days"] = out["relative_days"].astype("Int64")
    return out.sort_values(["article_id", "sentence_id", "start"], kind="stable").reset_index(drop=True)


def _empty_mentions() -> pd.DataFrame:
    """An empty mentions table with its columns and dtypes (a new frame each call)."""
    return _empty_mentions_template().copy()

"""Dated events: sentences that report something happening on days a reader can name.

``event_mentions`` reads each sentence once. An event mention needs two things in
the same sentence: a *trigger* from the lexicon (patterns.events: summit sessions,
meetings, visits, arrivals, statements, accessions, agreements, foundings,
attacks, clashes, disengagements, elections, sanctions...) and a *date* the reader
can resolve to calendar days. ``events`` then merges the mentions that tell the same
event (in several articles, or twice in one) into one row of the contract's
events table.

Decisions, in the order the code applies them:

* **Dates.** A DATE or TIME timex with both earliest and latest days (durations,
  sets, "recently", "more than two years ago" have none and date nothing). A bare
  year is a date like any other ("India joined the SCO in 2017" → 2017-01-01 to
  2017-12-31), but a date that is a bound ("since 2001", "by 2030", "after May")
  dates nothing. Coordinated dates ("on Wednesday and Thursday", "in 2020 and
  2022") are one unit: contiguous days make one range, others one event each.
* **Summit anchors.** "at the summit", "at this year's summit", "on the sidelines",
  "the summit ended with" date an event by the days of the summit they name: the
  summit of the year printed in the phrase, of the city it names, else the article's
  own summit (reference.summits). A summit anchor with a year ("at a 2022 SCO
  meeting") is also a mention of that summit.
* **Tying dates to triggers.** Every (trigger, date) pair of a sentence gets a
  cost: the characters between them, plus 10 per comma, 60 per semicolon, colon,
  dash or long parenthesis, 40 per subordinate clause opener ("who", "which",
  "while", "but"...), 25 when a coordinator stands between a date and a later
  trigger ("in March and bombings in June"), 30 when the trigger is the purpose of another event ("travel
  to Moscow for talks"), and 200 when a later date is given to something else in
  between ("sanctions linked to the invasion in 2022", "since", "following").
  A date inside a relative or subordinate clause ("the war, which Russia launched
  in 2022, dominated the talks") dates only a trigger of that clause.
  Pairs are taken cheapest first, each trigger and each date once, up to
  ``MAX_COST``. A trigger without a date is no event; a date without a trigger is
  background and no event.
* **Filters.** Negated triggers ("have not met", "no meeting") are dropped; a
  founding needs an organisation ("the grouping was founded"); a summit preceded
  by another organisation's name ("the G7 summit") is not an SCO summit. Within a
  sentence, an event whose days contain those of another event of the same type
  is an umbrella ("two attacks this year, including ... in March, and ... in
  June") and is dropped.
* **Summits snap to the reference.** A summit mention whose days overlap one SCO
  summit of the reference table (and whose sentence names the SCO or the summit's
  city, or whose article is about that summit) takes the intersection with the
  summit's days ("this year's summit" → 2024-07-03..04) and ``summit_ref``.
* **Previous sentence.** A sentence with triggers but no date of its own may take
  the one date of the sentence before it in the same paragraph, when that date
  dated nothing there, both are in the past tense and that sentence had no event
  ("These threats were highlighted earlier this year. ... The worst terrorist attack
  ... took place at a concert hall in Moscow."). ``date_source`` says so.
* **Actors.** Persons, countries and organisations named in the clause that
  holds the trigger and its date, those before the trigger (the subjects) first;
  failing that the nearest one named before the clause; failing that, after a
  pronoun ("their troops"), those of the sentence before in the same paragraph.
  Places in the clause go to ``places``.
* **Status.** ``expected`` when the trigger's clause has future wording or its
  date is in the future tense, ``possible`` under could/may/might, else ``reported``.

Merging (``events``): mentions are taken narrowest days first; a mention joins an
existing event of the same type when its days overlap the days the event has so
far and it shares actors (Jaccard ≥ 0.25), a place, or most words of the
description, or when both are the same reference summit. The event's days are
the intersection of its mentions' days, so always consistent with each of them
(mentions of different days of one reference summit give the union of those
days); date_text is the phrase of its narrowest mention, date_evidence where that
phrase is written. Its article_id/sentence_id are those of the first mention
(earliest published article, then first sentence), its evidence every mention as
``article_id:sentence_id``.

``event_id`` is readable and stable: the days at their granularity (``2024-03-22``,
``2024-03``, ``2024-W28``, ``2017``), the type, and a slug: the city of a reference
summit; the place of an attack, clash, disengagement or summit; else the first
person, else the first actor (``other`` events prefix the trigger's key:
``crash-ebrahim-raisi``); else the first words of the description
(``2024-03-attack-moscow``, ``2022-09-14-visit-xi-jinping``). A second event with
the same id gets ``-2`` and so on, numbered in calendar order.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

import numpy as np
import pandas as pd

from . import reference, schema
from .patterns import events as P
from .frames import Columns, from_columns
from .text import fold

#: Columns of ``event_mentions``.
MENTION_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "trigger", "trigger_key", "event_type",
    "earliest", "latest", "date_text", "date_sentence_id", "date_start", "date_end", "date_source",
    "actors", "persons", "places", "description", "status", "summit_id", "summit_ref", "published", "relative_days",
]
#: Columns of ``events``: the contract's, then this module's additions.
EVENT_COLUMNS = [
    "event_id", "article_id", "sentence_id", "summit_id", "event_type", "earliest", "latest", "date_text",
    "actors", "description", "evidence", "relative_days",
    "start", "end", "places", "status", "summit_ref", "summit_ids", "trigger", "date_evidence", "n_mentions", "n_articles",
]
#: Highest cost at which a date is still tied to a trigger (see the module docstring).
MAX_COST = 100
#: Sentence kinds never read for events (page furniture).
SKIP_KINDS = frozenset({"debris", "prompt", "disclaimer", "credit", "byline", "duplicate"})
#: Kinds that never lend their date to the next sentence.
_NO_CARRY_KINDS = frozenset({"headline", "dek", "caption"})
#: Entity types that can be actors.
ACTOR_TYPES = frozenset({"person", "country", "organization"})
#: Least Jaccard overlap of actors for two mentions to be one event.
MIN_ACTOR_OVERLAP = 0.25
#: Least word overlap of descriptions for two mentions to be one event without shared actors.
MIN_DESCRIPTION_OVERLAP = 0.5
#: Longest description, in characters.
MAX_DESCRIPTION = 100

_NP_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their)\s+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*'s\s+)(?:[\w-]+\s+){0,3}$"
)
_DATE_PREPOSITION = re.compile(r"\s*\b(?:in|on|at|during|of|from|for)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_NOUN_LEAD = re.compile(r"^(?:(?:in|at|on|during|for|of|by)\s+)?(?:(?:the|a|an)\s+)?(?=\w)", re.IGNORECASE)
_VERB_LEAD = re.compile(r"^(?:will|would|has|have|had|is|are|was|were|did|does|[a-z]+ed|[a-z]+s|met|left|began|took|came|went|"
                        r"joined|signed|said|told|called)\b")
_PAST_LEAD = re.compile(r"^(?:[a-z]+ed|met|left|began|took|came|went|made|held|won|set\s+up)\b")
#: Event types whose slug is the place they happened at, when the text names one.
_PLACE_SLUG_TYPES = frozenset({"attack", "clash", "disengagement", "summit"})


# =========================================================================== data


@dataclass
class _Unit:
    """A date of a sentence: one timex, a coordination of timexes, or a summit anchor."""

    start: int
    end: int
    text: str
    parts: list[tuple[date, date, str, int, int]]  # (earliest, latest, text, start, end) per member
    source: str = "timex"
    tense: str = "none"
    summit_ref: str = ""
    sentence_id: int | None = None  # where the date is written, when not in the mention's sentence
    inner: tuple[date, date, str, int, int] | None = None  # a dated summit anchor's own timex

    @property
    def contiguous(self) -> bool:
        parts = sorted(self.parts)
        return all(b[0] <= a[1] + timedelta(days=1) for a, b in zip(parts, parts[1:]))


@dataclass
class _Trig:
    start: int
    end: int
    text: str
    event_type: str
    key: str
    noun: bool
    other_summit: bool = False


@dataclass
class _Context:
    """What one article brings to its sentences: its summit, publication date, the summits table."""

    article_id: str
    summit_id: str
    published: pd.Timestamp | None
    spans: dict[str, tuple[date, date]]
    cities: dict[str, re.Pattern]
    summit_table: pd.DataFrame
    city_names: dict[str, object] | None = None  # summit_id -> city of its first row (descriptions)


@dataclass
class _Carry:
    """What a sentence leaves to the next one of its paragraph."""

    paragraph_id: int
    unused: list[_Unit] = field(default_factory=list)
    had_events: bool = False
    past: bool = False
    actors: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    kind: str = "body"


# =========================================================================== public API


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
    start of the article's summit). The inputs are not changed.
    """
    summit_table = reference.summits() if summits is None else summits
    spans, cities = _summit_index(summit_table)
    city_names = _summit_cities(summit_table)
    return _mentions(Columns(sentences), timexes, entities, meta=_article_meta(articles),
                     summit_index=(summit_table, spans, cities, city_names))


def _article_event_mentions(sentences: Columns, timexes: pd.DataFrame | Columns, entities: pd.DataFrame | Columns, *,
                            article_id: str,
                            summit_id: str | None, published, reference_dir: str | None = None) -> pd.DataFrame:
    """Return ``event_mentions`` of one article, its sentences' columns already read and the summits the reference ones.

    Parameters
    ----------
    sentences : the article's sentences table, as ``frames.Columns``.
    timexes, entities : its timexes and entity mentions (frames or ``frames.Columns``).
    article_id, summit_id, published : its row of the articles table (what ``articles`` would hold).
    reference_dir : folder of reference CSVs (default data/reference), for the summits.
    """
    pub = None if published is None or pd.isna(published) else pd.Timestamp(published)
    meta = {str(article_id): (summit_id if isinstance(summit_id, str) and summit_id else "", pub)}
    return _mentions(sentences, timexes, entities, meta=meta,
                     summit_index=_reference_summits(str(reference_dir) if reference_dir else None))


@functools.lru_cache(maxsize=4)
def _reference_summits(reference_dir: str | None) -> tuple:
    """(table, spans, cities, city names) of the reference summits in `reference_dir`."""
    table = reference.summits(folder=reference_dir)
    return (table, *_summit_index(table), _summit_cities(table))


def _mentions(sentences: Columns, timexes: pd.DataFrame | Columns, entities: pd.DataFrame | Columns, *, meta: dict,
              summit_index: tuple) -> pd.DataFrame:
    """``event_mentions`` from the sentences' columns, each article's (summit_id, published) and the summits' index."""
    summit_table, spans, cities, city_names = summit_index
    # plain lists, not a copied and filtered frame: the sentences of each article, by sentence_id
    sids_col = sentences["sentence_id"]
    kinds = sentences["kind"] if "kind" in sentences else ["body"] * sentences.n
    paras = sentences["paragraph_id"] if "paragraph_id" in sentences else sids_col
    by_article: dict[str, list] = {}
    for aid, sid, start, text, kind, para in zip(sentences["article_id"], sids_col,
                                                 sentences["start"], sentences["text"], kinds, paras):
        if isinstance(kind, str) and kind in SKIP_KINDS:
            continue
        if aid is None or (not isinstance(aid, str) and pd.isna(aid)):
            continue  # groupby drops a missing article_id
        by_article.setdefault(aid, []).append(_Sentence(aid, sid, start, text, kind, para))
    if not by_article:
        return _empty_mentions()
    tx_by = _timexes_by_sentence(timexes)
    en_by = _entities_by_sentence(entities)
    rows: list[dict] = []
    for aid in sorted(by_article):
        summit_id, published = meta.get(aid, ("", None))
        ctx = _Context(aid, summit_id, published, spans, cities, summit_table, city_names)
        carry: _Carry | None = None
        for s in sorted(by_article[aid], key=_SENTENCE_ORDER):
            sid = int(s.sentence_id)
            found, carry = _sentence_mentions(
                s, tx_by.get((aid, sid)), en_by.get((aid, sid)), ctx=ctx, carry=carry,
            )
            rows.extend(found)
    if not rows:
        return _empty_mentions()
    starts = _summit_starts(spans)
    rows.sort(key=_MENTION_ORDER)
    data = {c: [r[c] for r in rows] for c in MENTION_COLUMNS}
    data["relative_days"] = pd.array([
        (e - starts[s]).days if isinstance(s, str) and s in starts else pd.NA
        for e, s in zip(data["earliest"], data["summit_id"])
    ], dtype="Int64")
    slow = []
    for col in ("earliest", "latest", "published"):
        ns = _datetime_ns(data[col])
        if ns is None:
            slow.append(col)
        else:
            data[col] = ns
    out = from_columns(data, MENTION_COLUMNS)
    for col in slow:
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out


_NAT_NS = np.iinfo(np.int64).min


def _datetime_ns(values: list) -> np.ndarray | None:
    """``pd.to_datetime(values).astype("datetime64[ns]")`` for naive Timestamps and None; None for anything else."""
    try:
        if all(v is None or (type(v) is pd.Timestamp and v.tzinfo is None) for v in values):
            return np.array([_NAT_NS if v is None else v.value for v in values], dtype=np.int64).view("datetime64[ns]")
    except (OverflowError, ValueError):
        pass
    return None


def events(mentions: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the events table: one row per event, its mentions merged (see the module docstring).

    Parameters
    ----------
    mentions
        ``event_mentions`` output.
    summits
        The reference summits (default ``reference.summits()``), for relative_days.

    Returns
    -------
    DataFrame with the contract's columns event_id, article_id, sentence_id (first
    mention), summit_id (the first mention's article's summit), event_type,
    earliest, latest, date_text, actors (list of entity_ids), description,
    evidence (list of ``article_id:sentence_id``), relative_days (earliest minus
    the summit's opening, in days); then start, end (the first mention's offsets),
    places (list), status, summit_ref, summit_ids (list: the summits of every
    article that tells the event), trigger, n_mentions, n_articles. Sorted by
    earliest, then event_id. The input is not changed.

    ``number_events(merged_mentions(m))`` is the same table; so is numbering the
    merged mentions of each group of ``independent_groups(m)`` pooled in their order.
    """
    merged = merged_mentions(mentions, summits=summits)
    return number_events(merged) if len(merged) else _empty_events()


def merged_mentions(mentions: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the events of `mentions` before they are numbered: one row per event, in numbering order.

    Mentions are merged as ``events`` does. Columns: EVENT_COLUMNS but event_id, then
    ``_first`` (the first mention's order key: published, article_id, sentence_id,
    start) and ``_slug``. Sorted by earliest, latest, event_type, _first (a total
    order: no two events share a first mention). Empty (no columns) without dated mentions.
    The input is not changed.
    """
    summit_table = reference.summits() if summits is None else summits
    if mentions is None or mentions.empty:
        return pd.DataFrame()
    m = mentions.copy()
    m["earliest"] = pd.to_datetime(m["earliest"])
    m["latest"] = pd.to_datetime(m["latest"])
    m = m[m["earliest"].notna() & m["latest"].notna()]
    if m.empty:
        return pd.DataFrame()
    m["_width"] = (m["latest"] - m["earliest"]).dt.days
    m["_pub"] = pd.to_datetime(m["published"]) if "published" in m else pd.NaT
    m["_order"] = list(zip(m["_pub"].fillna(pd.Timestamp.max), m["article_id"],
                           m["sentence_id"].astype(int), m["start"].astype(int)))
    m = m.sort_values(["_width", "_order"], kind="stable")
    clusters: list[_Cluster] = []
    by_type: dict[str, _ClusterIndex] = defaultdict(_ClusterIndex)
    for rec in m.to_dict("records"):
        index = by_type[rec["event_type"]]
        best, best_score = None, 0.0
        for k in index.candidates(rec):  # in the order the clusters were made: the first best wins
            score = index.clusters[k].match(rec)
            if score > best_score:
                best, best_score = k, score
        if best is None:
            clusters.append(index.create(rec))
        else:
            index.add(best, rec)
    starts = summit_table.set_index("summit_id")["start"].to_dict()
    order = {sid: i for i, sid in enumerate(summit_table.sort_values("start")["summit_id"])}
    out = pd.DataFrame([c.row(starts, order, summit_table) for c in clusters])
    return out.sort_values(list(NUMBERING_ORDER), kind="stable").reset_index(drop=True)


#: The order events are numbered in (merged_mentions sorts by it; ``-2`` goes to the later one).
NUMBERING_ORDER = ("earliest", "latest", "event_type", "_first")


def number_events(merged: pd.DataFrame) -> pd.DataFrame:
    """Return the events table from merged events in NUMBERING_ORDER: event_ids given, sorted by earliest, event_id.

    `merged` is what merged_mentions returns (several groups' results may be pooled,
    sorted again by NUMBERING_ORDER). Events with the same id but for its number
    always share their earliest day, so a table can be numbered a day at a time.
    Columns: EVENT_COLUMNS. The input is not changed.
    """
    out = merged.copy()
    out["event_id"] = _event_ids(out)
    out = out.drop(columns=["_first", "_slug"])
    out = out.sort_values(["earliest", "event_id"], kind="stable").reset_index(drop=True)
    return out[EVENT_COLUMNS]


def independent_groups(mentions: pd.DataFrame) -> pd.Series:
    """Return, for each mention, a group number such that merging group by group gives the events of all at once.

    Mentions can only end in one event when they have the same type and either the
    same summit reference or overlapping days (an event's days stay within those of its
    mentions, and a reference summit's event within the days its mentions span). So
    per event type, each summit reference's mentions count as one range (from their
    earliest day to their latest), and ranges that overlap, directly or through others,
    form one group. Mentions without both days (which merge into nothing) are group -1.

    Returns a Series of int64 group numbers named ``group``, indexed like `mentions`;
    groups are numbered from 0 in order of event type, then day.
    """
    if mentions is None or mentions.empty:
        return pd.Series([], dtype=np.int64, name="group")
    n = len(mentions)
    lo = pd.to_datetime(mentions["earliest"]).to_numpy(dtype="datetime64[D]")
    hi = pd.to_datetime(mentions["latest"]).to_numpy(dtype="datetime64[D]")
    dated = ~(np.isnat(lo) | np.isnat(hi))
    # integer codes, no string a mention (8 bytes a mention where strings cost about 100)
    kind_codes, kinds = pd.factorize(mentions["event_type"], use_na_sentinel=False)
    kind = np.argsort(np.argsort(np.array([str(k) for k in kinds], dtype=object), kind="stable"))[kind_codes]
    if "summit_ref" in mentions:
        ref_codes, refs = pd.factorize(mentions["summit_ref"], use_na_sentinel=False)
        texts, ref_of_text = np.unique(np.array([_text(r) for r in refs], dtype=object), return_inverse=True)
        ref = ref_of_text.reshape(-1)[ref_codes]
        none = 0 if texts[0] == "" else -1  # sorted: no reference ("") comes first when there is one
    else:
        texts, ref, none = np.array([""], dtype=object), np.zeros(n, dtype=np.int64), 0
    # an item per mention without a reference, one per (type, reference): its range spans its mentions'
    key = np.where(ref == none, len(texts) + np.arange(n), ref).astype(np.int64)
    stride = len(texts) + n
    item_of, items = pd.factorize(kind.astype(np.int64)[dated] * stride + key[dated])
    days_lo, days_hi = lo[dated].astype(np.int64), hi[dated].astype(np.int64)
    spans = pd.DataFrame({"item": item_of, "lo": days_lo, "hi": days_hi}).groupby("item", sort=True).agg(
        lo=("lo", "min"), hi=("hi", "max"))
    span_kind = items // stride
    s_lo, s_hi = spans["lo"].to_numpy(), spans["hi"].to_numpy()
    order = _tied_by_key(np.lexsort((s_hi, s_lo, span_kind)), span_kind, s_lo, s_hi, items % stride, texts)
    # sorted by type then day, a range starts a group when it begins after every range of its type so far;
    # each type's days are shifted past the last type's, so that a running maximum serves every type
    start, reach = s_lo[order], s_hi[order]
    if len(order):
        first = min(s_lo.min(), s_hi.min())
        shift = span_kind[order].astype(np.int64) * (max(s_lo.max(), s_hi.max()) - first + 2) - first
        start, reach = start + shift, np.maximum.accumulate(reach + shift)
    new = np.ones(len(order), dtype=bool)
    new[1:] = start[1:] > reach[:-1]
    group = np.empty(len(order), dtype=np.int64)
    group[order] = np.cumsum(new) - 1
    out = np.full(n, -1, dtype=np.int64)
    out[dated] = group[item_of]
    return pd.Series(out, index=mentions.index, name="group")


def _tied_by_key(order: np.ndarray, kind: np.ndarray, lo: np.ndarray, hi: np.ndarray, key: np.ndarray,
                 texts: np.ndarray) -> np.ndarray:
    """Return `order` (ranges sorted by type, then days) with ties of inverted ranges put in their key's order.

    Ranges that end before they start and tie on type and days only differ in which
    group number each gets; the key as text (a mention's number, or ``ref:`` and its
    summit) decides, so the numbers do not depend on how the keys are coded.
    """
    k, a, b = kind[order], lo[order], hi[order]
    same = np.zeros(len(order), dtype=bool)
    same[1:] = (k[1:] == k[:-1]) & (a[1:] == a[:-1]) & (b[1:] == b[:-1])
    tied = (a > b) & (same | np.append(same[1:], False))
    if not tied.any():
        return order
    at = np.flatnonzero(tied)
    run = np.cumsum(~same)[at]
    names = [str(x - len(texts)) if x >= len(texts) else "ref:" + texts[x] for x in key[order[at]].tolist()]
    order = order.copy()
    order[at] = order[at][sorted(range(len(at)), key=lambda t: (run[t], names[t]))]
    return order


def event_id(earliest: pd.Timestamp, latest: pd.Timestamp, event_type: str, slug: str) -> str:
    """Return the readable id of an event: its days at their granularity, its type and a slug.

    ``2024-03-22-attack-moscow`` for one day, ``2024-03-attack-moscow`` for a month,
    ``2024-W28-visit-narendra-modi`` for an ISO week, ``2017-accession-india`` for a
    year, the first day otherwise.
    """
    return f"{_date_key(pd.Timestamp(earliest).date(), pd.Timestamp(latest).date())}-{event_type}-{_slugify(slug) or 'event'}"


# =========================================================================== per sentence


#: A sentence as ``_sentence_mentions`` reads it (the columns it uses, from plain lists).
_Sentence = namedtuple("_Sentence", "article_id sentence_id start text kind paragraph_id")
_SENTENCE_ORDER = lambda s: s.sentence_id  # noqa: E731
_MENTION_ORDER = lambda r: (r["article_id"], r["sentence_id"], r["start"])  # noqa: E731
#: The columns of a timex and of an entity that ``_units`` and ``_sentence_entities`` read.
_TimexRow = namedtuple("_TimexRow", "article_id sentence_id start end text earliest latest tense")
_EntityRow = namedtuple("_EntityRow", "article_id sentence_id start end entity_id entity_type name")
_EntityRowNoName = namedtuple("_EntityRowNoName", "article_id sentence_id start end entity_id entity_type")
_DATE_KINDS = frozenset({"DATE", "TIME"})


def _grouped(rows, make) -> dict[tuple[str, int], list]:
    """Group column tuples (article_id, sentence_id, start, ...) by sentence, each group by start."""
    out: dict[tuple[str, int], list] = {}
    for r in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
        out.setdefault((r[0], int(r[1])), []).append(make(r))
    return out


def _timexes_by_sentence(timexes: pd.DataFrame | Columns | None) -> dict[tuple[str, int], list]:
    """``_rows_by_sentence(_prepare_timexes(timexes))`` from plain lists (same rows, same order)."""
    if timexes is None:
        return {}
    cols = timexes if isinstance(timexes, Columns) else Columns(timexes)
    frame = cols.frame
    if frame.empty:
        return {}
    if not all(pd.api.types.is_datetime64_dtype(frame[c].dtype) for c in ("earliest", "latest")):
        return _rows_by_sentence(_prepare_timexes(frame))
    n = cols.n
    kinds = cols["timex_type"] if "timex_type" in cols else ["DATE"] * n
    values = cols["value"] if "value" in cols else [""] * n
    tenses = cols["tense"] if "tense" in cols else ["none"] * n
    kept = []
    for aid, sid, start, end, text, lo, hi, tense, kind, value in zip(
            cols["article_id"], cols["sentence_id"], cols["start"], cols["end"], cols["text"], cols["earliest"],
            cols["latest"], tenses, kinds, values):
        if not (isinstance(kind, str) and kind in _DATE_KINDS) or lo is pd.NaT or hi is pd.NaT:
            continue
        if isinstance(value, str) and value.endswith("_REF"):
            continue
        if lo <= hi:
            kept.append((aid, sid, start, end, text, lo, hi, tense))
    return _grouped(kept, _TimexRow._make)


def _entities_by_sentence(entities: pd.DataFrame | Columns) -> dict[tuple[str, int], list]:
    """``_rows_by_sentence(entities)`` with the columns ``_sentence_entities`` reads."""
    cols = entities if isinstance(entities, Columns) else Columns(entities)
    if not cols.n:
        return {}
    names = ["article_id", "sentence_id", "start", "end", "entity_id", "entity_type"]
    row = _EntityRowNoName
    if "name" in cols:
        names.append("name")
        row = _EntityRow
    return _grouped(zip(*(cols[c] for c in names)), row._make)


@functools.lru_cache(maxsize=1)
def _empty_mentions_template() -> pd.DataFrame:
    out = pd.DataFrame([], columns=MENTION_COLUMNS)
    for col in ("earliest", "latest", "published"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    out["relative_days"] = []
    out["relative_days"] = out["relative_days"].astype("Int64")
    return out.sort_values(["article_id", "sentence_id", "start"], kind="stable").reset_index(drop=True)


def _empty_mentions() -> pd.DataFrame:
    return _empty_mentions_template().copy()


def _summit_starts(spans: dict) -> dict:
    return {sid: pd.Timestamp(a) for sid, (a, _) in spans.items()}


def _rows_by_sentence(frame: pd.DataFrame) -> dict[tuple[str, int], list]:
    """Return the rows of a span table as namedtuples grouped by (article_id, sentence_id), each list by start."""
    out: dict[tuple[str, int], list] = {}
    if not len(frame):
        return out
    for r in frame.sort_values(["article_id", "sentence_id", "start"], kind="stable").itertuples(index=False):
        out.setdefault((r.article_id, int(r.sentence_id)), []).append(r)
    return out


def _sentence_mentions(s, tx: list | None, en: list | None, *, ctx: _Context,
                       carry: _Carry | None) -> tuple[list[dict], _Carry]:
    raw = str(s.text)
    folded = fold(raw)
    off = int(s.start)
    sid = int(s.sentence_id)
    para = int(s.paragraph_id) if not pd.isna(s.paragraph_id) else sid
    kind = str(s.kind) if isinstance(s.kind, str) else "body"
    ents = _sentence_entities(en, off, folded)
    units, all_timex_units = _units(folded, tx, off, ctx=ctx)
    trigs = _triggers(folded, units, ents)
    pairs = _pair(folded, trigs, units)
    inherited = False
    if not pairs and trigs and not all_timex_units and carry is not None and _can_inherit(folded, trigs, carry, para):
        unit = carry.unused[0]
        t = trigs[0]
        pairs = [(t, unit)]
        inherited = True
    mentions: list[dict] = []
    for t, u in pairs:
        if u.contiguous:
            lo_ = min(p[0] for p in u.parts)
            hi_ = max(p[1] for p in u.parts)
            first, last = min(p[3] for p in u.parts), max(p[4] for p in u.parts)
            parts = [(lo_, hi_, _raw_slice(s, u, off) if not inherited else u.text, first, last)]
        else:
            parts = list(u.parts)
        for lo, hi, text, ds, de in parts:
            mentions.append(_mention(s, folded, off, ents, t, u, lo, hi, text, ds, de, ctx=ctx, carry=carry,
                                     inherited=inherited))
    mentions.extend(_anchor_summits(s, folded, off, ents, units, mentions, ctx=ctx))
    mentions = _drop_umbrellas(mentions)
    used = {id(u) for _, u in pairs}
    unused = [u for u in all_timex_units if id(u) not in used]
    # the next sentence reads `past` only when one date is left and it is in the past tense (_can_inherit)
    past = len(unused) == 1 and unused[0].tense == "past" and not P.FUTURE.search(folded)
    new_carry = _Carry(
        paragraph_id=para, unused=unused, had_events=bool(mentions), past=past,
        actors=[e["entity_id"] for e in ents if e["entity_type"] in ("person", "country")],
        people=[e["entity_id"] for e in ents if e["entity_type"] == "person"], kind=kind,
    )
    for u in new_carry.unused:
        u.sentence_id = sid
        u.text = str(s.text)[u.start:u.end]
    if inherited:
        new_carry.unused = []
    return mentions, new_carry


def _raw_slice(s, u: _Unit, off: int) -> str:
    if u.source == "summit":
        return str(s.text)[u.start:u.end]
    a, b = min(p[3] for p in u.parts) - off, max(p[4] for p in u.parts) - off
    return str(s.text)[a:b]


def _sentence_entities(en: list | None, off: int, folded: str) -> list[dict]:
    if not en:
        return []
    quoted = [(m.start(), m.end()) for m in P.QUOTED.finditer(folded)]
    out = []
    for r in en:
        a, b = int(r.start) - off, int(r.end) - off
        name = getattr(r, "name", None)
        out.append({"start": a, "end": b, "entity_id": str(r.entity_id), "entity_type": str(r.entity_type),
                    "name": name if isinstance(name, str) and name else str(r["entity_id"]),
                    "quoted": any(qa < a and b < qb for qa, qb in quoted)})
    return out


def _units(folded: str, tx: list | None, off: int, *, ctx: _Context) -> tuple[list[_Unit], list[_Unit]]:
    """Return the sentence's date units (summit anchors replace the timexes inside them) and its timex units."""
    singles: list[_Unit] = []
    if tx:
        for r in tx:
            a, b = int(r.start) - off, int(r.end) - off
            if P.DATE_BOUND_BEFORE.search(folded[:a]):
                continue
            lo, hi = r.earliest.date(), r.latest.date()
            singles.append(_Unit(a, b, folded[a:b], [(lo, hi, str(r.text), a + off, b + off)],
                                 tense=str(r.tense) if isinstance(r.tense, str) else "none"))
    timex_units = _coordinate(folded, singles)
    units: list[_Unit] = []
    anchors = []
    for m in P.SUMMIT_ANCHOR.finditer(folded):
        inner = [u for u in timex_units if u.start >= m.start() and u.end <= m.end()]
        ref = _anchor_summit(folded, m, inner, ctx=ctx)
        if not ref:
            continue
        lo, hi = ctx.spans[ref]
        text = folded[m.start():m.end()]
        unit = _Unit(m.start(), m.end(), text, [(lo, hi, text, m.start() + off, m.end() + off)], source="summit",
                     summit_ref=ref)
        if inner:
            p = inner[0].parts[0]
            unit.inner = (max(p[0], lo), min(p[1], hi), p[2], p[3], p[4])
        anchors.append(unit)
    for u in timex_units:
        if not any(a.start <= u.start and u.end <= a.end for a in anchors):
            units.append(u)
    units.extend(anchors)
    return sorted(units, key=lambda u: u.start), timex_units


def _coordinate(folded: str, singles: list[_Unit]) -> list[_Unit]:
    out: list[_Unit] = []
    for u in singles:
        if out and P.DATE_JOIN.match(folded[out[-1].end:u.start]):
            prev = out[-1]
            prev.parts.extend(u.parts)
            prev.end = u.end
            prev.text = folded[prev.start:u.end]
            if prev.tense == "none":
                prev.tense = u.tense
        else:
            out.append(u)
    return out


def _anchor_summit(folded: str, m: re.Match, inner: list[_Unit], *, ctx: _Context) -> str:
    """Return the summit_id an anchor phrase names, or "" when it names none the reference knows."""
    text = m.group()
    head = re.search(r"summit|meeting|session|gathering", text, re.IGNORECASE)
    if head and P.OTHER_SUMMIT.search(text[:head.start()]):
        return ""
    if inner:
        lo, hi = inner[0].parts[0][0], inner[0].parts[-1][1]
        hits = [sid for sid, (a, b) in ctx.spans.items() if a <= hi and b >= lo]
        return hits[0] if len(hits) == 1 else ""
    named = [sid for sid, rx in ctx.cities.items() if rx.search(text)]
    if named:
        if ctx.summit_id in named:
            return ctx.summit_id
        before = [sid for sid in named if ctx.published is None or pd.Timestamp(ctx.spans[sid][0]) <= ctx.published]
        return max(before, key=lambda sid: ctx.spans[sid][0]) if before else ""
    return ctx.summit_id if ctx.summit_id in ctx.spans else ""


def _triggers(folded: str, units: list[_Unit], ents: list[dict]) -> list[_Trig]:
    found = []
    for rank in _trigger_ranks(folded):
        entry = P.TRIGGERS[rank]
        for m in entry.pattern.finditer(folded):
            found.append((rank, m.start(), m.end(), entry))
    found.sort(key=lambda f: (f[0], -(f[2] - f[1]), f[1]))
    chosen: list[tuple[int, int, object]] = []
    for rank, a, b, entry in found:
        if any(not (b <= c[0] or a >= c[1]) for c in chosen):
            continue
        if any(not (b <= u.start or a >= u.end) for u in units if u.source != "summit" or entry.event_type != "summit"):
            continue  # inside a date phrase, or a non-summit word inside a summit anchor
        chosen.append((a, b, entry))
    out = []
    for a, b, entry in sorted(chosen, key=lambda c: c[0]):
        before = folded[:a]
        if P.NEGATION_BEFORE.search(before):
            continue
        other = entry.event_type == "summit" and bool(P.OTHER_SUMMIT.search(before[-40:]))
        if entry.event_type == "founding" and not _founds_organisation(folded, a, b, ents):
            continue
        noun = entry.noun or (bool(P.NOUN_BEFORE.search(before[-40:]))
                              and not re.match(r"(?:was|were|is|are|be|been|being|has|have|had)\b", folded[a:b], re.I))
        kind = entry.event_type
        if kind == "meeting" and P.SCO_LEADERS.search(folded[_clause(folded, a, b)[0]:a]):
            kind = "summit"  # "Leaders of the SCO met in Bishkek": their meeting is the summit
        out.append(_Trig(a, b, folded[a:b], kind, entry.key, noun, other_summit=other))
    return out


_ALL_RANKS = tuple(range(len(P.TRIGGERS)))


def _trigger_ranks(folded: str) -> tuple[int, ...] | list[int]:
    """The lexicon entries that can match `folded`: those with a hint in it (all of them for non-ASCII
    text, where case folding may match other letters), in lexicon order."""
    if not folded.isascii():
        return _ALL_RANKS
    ranks = set(P.ALWAYS_RUN)
    for hint in P.HINT_FINDER.findall(folded.lower()):
        ranks.update(P.HINT_RANKS[hint])
    return sorted(ranks)


def _founds_organisation(folded: str, a: int, b: int, ents: list[dict]) -> bool:
    lo, hi = _clause(folded, a, b)
    window = folded[max(0, lo - 10):min(len(folded), hi + 40)]
    if P.ORGANISATION_WORD.search(window):
        return True
    return any(e["entity_type"] == "organization" and lo - 10 <= e["start"] <= hi + 40 for e in ents)


def _cost(folded: str, t: _Trig, u: _Unit) -> float:
    if u.source == "summit" and u.start <= t.start and t.end <= u.end:
        return float("inf")  # a summit is not dated by its own anchor
    if u.end <= t.start:
        gap, after = folded[u.end:t.start], False
    elif t.end <= u.start:
        gap, after = folded[t.end:u.start], True
    else:
        gap, after = "", False
    sub = _subordinate_clause(folded, u.start)
    if sub and not (sub[0] <= t.start < sub[1]):
        return float("inf")  # a date inside a relative or subordinate clause dates only what is in it
    cost = len(gap.strip()) + 10 * gap.count(",") + 60 * len(P.STRONG_BREAK.findall(gap))
    cost += 40 * len(P.SUBORDINATE.findall(gap))
    if not after and re.search(r"\b(?:and|or|but)\b", gap):
        cost += 25  # the date closes one conjunct, the trigger opens another: "in March and bombings in June"
    if after:
        for b in P.BLOCKER.finditer(gap):
            if b.start() <= 2 and re.match(r"(?:which|who|that)\b", b.group(), re.IGNORECASE):
                continue  # the trigger's own relative clause: "the session that began last week"
            cost += 200
            break
    if P.PURPOSE_BEFORE.search(folded[max(0, t.start - 40):t.start]):
        cost += 30
    return cost


def _subordinate_clause(folded: str, pos: int) -> tuple[int, int] | None:
    """Return the clause around `pos` when a relative pronoun or subordinator opens it, else None."""
    opener = None
    for brk in _clause_breaks(folded):
        if brk[1] > pos:
            break
        opener = brk
    if opener is None or not P.SUBORDINATOR.match(opener[2].strip()):
        return None
    return _clause(folded, pos, pos + 1)


def _pair(folded: str, trigs: list[_Trig], units: list[_Unit]) -> list[tuple[_Trig, _Unit]]:
    costs = sorted(((_cost(folded, t, u), i, j) for i, t in enumerate(trigs) for j, u in enumerate(units)),
                   key=lambda c: (c[0], c[1], c[2]))
    used_t, used_u, out = set(), set(), []
    for cost, i, j in costs:
        if cost > MAX_COST:
            break
        if i in used_t or j in used_u:
            continue
        used_t.add(i)
        used_u.add(j)
        out.append((trigs[i], units[j]))
    return sorted(out, key=lambda p: p[0].start)


def _can_inherit(folded: str, trigs: list[_Trig], carry: _Carry, para: int) -> bool:
    return (
        carry.paragraph_id == para
        and carry.kind not in _NO_CARRY_KINDS
        and len(carry.unused) == 1
        and carry.unused[0].source == "timex"
        and not carry.had_events
        and carry.past
        and carry.unused[0].tense == "past"
        and not P.FUTURE.search(folded)
        and not P.MODAL.search(folded[:trigs[0].start])
    )


def _mention(s, folded: str, off: int, ents: list[dict], t: _Trig, u: _Unit, lo: date, hi: date, date_text: str,
             ds: int, de: int, *, ctx: _Context, carry: _Carry | None, inherited: bool) -> dict:
    sid = int(s.sentence_id)
    if inherited:
        lo_span, hi_span = t.start, t.end
        date_sid = u.sentence_id if u.sentence_id is not None else (int(sid) - 1)
    else:
        local_ds, local_de = ds - off, de - off
        lo_span, hi_span = min(t.start, local_ds), max(t.end, local_de)
        date_sid = sid
    actors, places = _actors(folded, ents, t, lo_span, hi_span, carry=carry,
                             date_span=None if inherited else (u.start, u.end))
    summit_ref = ""
    if t.event_type == "summit":
        if u.source == "summit":
            summit_ref = u.summit_ref
        elif not t.other_summit:
            snapped = _snap(folded, ents, lo, hi, ctx=ctx)
            if snapped:
                summit_ref, lo, hi = snapped
    if inherited:
        cut = None
    elif u.source == "summit":
        cut = (u.start, u.end) if u.end <= t.start else None
    else:
        cut = (u.start, u.end)
    description = _summit_description(summit_ref, ctx) if summit_ref else _describe(
        folded, s, t, lo_span, hi_span, cut, ents, actors)
    return {
        "article_id": ctx.article_id, "sentence_id": sid,
        "start": off + lo_span, "end": off + hi_span,
        "trigger": str(s.text)[t.start:t.end], "trigger_key": t.key, "event_type": t.event_type,
        "earliest": pd.Timestamp(lo), "latest": pd.Timestamp(hi),
        "date_text": date_text if u.source != "summit" else str(s.text)[u.start:u.end],
        "date_sentence_id": date_sid, "date_start": ds, "date_end": de,
        "date_source": "previous_sentence" if inherited else u.source,
        "actors": actors, "persons": _persons(actors, ents), "places": places, "description": description,
        "status": _status(folded, t, u),
        "summit_id": ctx.summit_id or None, "summit_ref": summit_ref or None,
        "published": ctx.published, "relative_days": pd.NA,
    }


def _anchor_summits(s, folded: str, off: int, ents: list[dict], units: list[_Unit], mentions: list[dict], *,
                    ctx: _Context) -> list[dict]:
    """Mentions of the summits that dated anchors name ("at a 2022 SCO meeting" → the 2022 summit)."""
    out = []
    have = {m["summit_ref"] for m in mentions if m["event_type"] == "summit"}
    for u in units:
        if u.source != "summit" or u.inner is None or u.summit_ref in have:
            continue
        lo, hi, text, ds, de = u.inner
        if lo > hi:
            continue
        t = _Trig(u.start, u.end, folded[u.start:u.end], "summit", "anchor", True)
        actors, places = _actors(folded, ents, t, u.start, u.end, carry=None)
        out.append({
            "article_id": ctx.article_id, "sentence_id": int(s.sentence_id), "start": off + u.start, "end": off + u.end,
            "trigger": str(s.text)[u.start:u.end], "trigger_key": "anchor", "event_type": "summit",
            "earliest": pd.Timestamp(lo), "latest": pd.Timestamp(hi), "date_text": text,
            "date_sentence_id": int(s.sentence_id), "date_start": ds, "date_end": de, "date_source": "timex",
            "actors": actors, "persons": _persons(actors, ents), "places": places,
            "description": _summit_description(u.summit_ref, ctx),
            "status": _status(folded, t, u), "summit_id": ctx.summit_id or None, "summit_ref": u.summit_ref,
            "published": ctx.published, "relative_days": pd.NA,
        })
        have.add(u.summit_ref)
    return out


def _drop_umbrellas(mentions: list[dict]) -> list[dict]:
    keep = []
    for m in mentions:
        umbrella = any(
            o is not m and o["event_type"] == m["event_type"] and o["date_start"] != m["date_start"]
            and m["earliest"] <= o["earliest"] and o["latest"] <= m["latest"]
            and (m["earliest"], m["latest"]) != (o["earliest"], o["latest"])
            for o in mentions
        )
        if not umbrella:
            keep.append(m)
    return keep


def _snap(folded: str, ents: list[dict], lo: date, hi: date, *, ctx: _Context) -> tuple[str, date, date] | None:
    hits = [sid for sid, (a, b) in ctx.spans.items() if a <= hi and b >= lo]
    if len(hits) != 1:
        return None
    sid = hits[0]
    sco = any(e["entity_id"] == "sco" for e in ents) or bool(re.search(r"\bSCO\b|Shanghai", folded))
    city = sid in ctx.cities and bool(ctx.cities[sid].search(folded))
    if not (sco or city or sid == ctx.summit_id):
        return None
    a, b = ctx.spans[sid]
    return sid, max(a, lo), min(b, hi)


def _persons(actors: list[str], ents: list[dict]) -> list[str]:
    people = {e["entity_id"] for e in ents if e["entity_type"] == "person"}
    return [a for a in actors if a in people]


def _summit_description(summit_ref: str, ctx: _Context) -> str:
    if ctx.city_names is not None:
        return f"SCO summit in {ctx.city_names.get(summit_ref, summit_ref)}"
    row = ctx.summit_table[ctx.summit_table["summit_id"] == summit_ref]
    city = row["city"].iloc[0] if len(row) else summit_ref
    return f"SCO summit in {city}"


def _clause(folded: str, a: int, b: int) -> tuple[int, int]:
    """Return the clause around [a, b): from the break before a to the break after b."""
    lo, hi = 0, len(folded)
    for start, end, _ in _clause_breaks(folded):
        if end <= a:
            lo = end
        elif start >= b:
            hi = start
            break
    return lo, hi


@functools.lru_cache(maxsize=256)
def _clause_breaks(folded: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of every clause break of a sentence, in order (read many times per sentence)."""
    return tuple((m.start(), m.end(), m.group()) for m in P.CLAUSE_BREAK.finditer(folded))


def _actors(folded: str, ents: list[dict], t: _Trig, a: int, b: int, *, carry: _Carry | None,
            date_span: tuple[int, int] | None = None) -> tuple[list[str], list[str]]:
    """Return (actors, places) of the event whose trigger and date span [a, b) (see the module docstring)."""
    lo, hi = _clause(folded, a, b)
    cands = [e for e in ents if not e["quoted"]]
    inside = [e for e in cands if lo <= e["start"] < hi]
    places = list(dict.fromkeys(e["entity_id"] for e in inside if e["entity_type"] == "place"))
    actors = [e for e in inside if e["entity_type"] in ACTOR_TYPES]
    people_before = [e for e in cands if e["end"] <= lo and e["entity_type"] == "person"]
    before = [e for e in cands if e["end"] <= lo and e["entity_type"] in ACTOR_TYPES]
    after = [e for e in cands if e["start"] >= hi and e["entity_type"] in ACTOR_TYPES]
    clause = folded[lo:hi]
    extra: list[dict] = []
    if lo == 0 and P.PARTICIPLE_START.match(clause) and after:
        extra = [after[0]]  # "Meeting with Putin on the sidelines, Xi stuck to ...": Xi met Putin
    if actors or extra:
        in_date = [e for e in actors if date_span and date_span[0] <= e["start"] < date_span[1]]
        subjects = [e for e in actors if e["start"] < t.start and e not in in_date]
        rest = [e for e in actors if e["start"] >= t.start and e not in in_date] + in_date
        return list(dict.fromkeys(e["entity_id"] for e in extra + subjects + rest)), places
    if P.HE_SHE_START.match(clause):
        if people_before:
            return [people_before[-1]["entity_id"]], places
        persons = [x for x in (carry.people if carry else [])]
        return persons[-1:], places
    if P.PREPOSITION_START.match(clause) and before:
        return [before[0]["entity_id"]], places
    if before:
        return [before[-1]["entity_id"]], places
    if carry is not None and P.PRONOUN.search(clause):
        return list(dict.fromkeys(carry.actors)), places
    return [], places


def _describe(folded: str, s, t: _Trig, a: int, b: int, cut: tuple[int, int] | None, ents: list[dict],
              actors: list[str]) -> str:
    """Return a short description: the clause of the trigger and its date, without the date phrase."""
    raw = str(s.text)
    lo, hi = _clause(folded, t.start, t.end)
    if b > hi:
        hi = _clause(folded, b - 1, b)[1]  # a date after the trigger's clause: describe up to it
    if t.noun:
        if t.start - lo > 40:
            m = _NP_BEFORE.search(folded[max(lo, t.start - 60):t.start])
            if m:
                lo = max(lo, t.start - 60) + m.start()
        stop = P.NOUN_END.search(folded, t.end, hi)
        if stop:
            hi = max(stop.start(), cut[1] if cut and cut[0] < stop.start() else 0)
    if cut and lo <= cut[0] and cut[1] <= hi:
        pieces = [_DATE_PREPOSITION.sub("", raw[lo:cut[0]]), raw[cut[1]:hi]]
    else:
        pieces = [raw[lo:hi]]
    text = " ".join(p.strip() for p in pieces if p.strip())
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    stripped = P.LEADING.sub("", fold(text))
    text = text[len(text) - len(stripped):] if stripped else text
    text = _DATE_PREPOSITION.sub("", text).strip(" ,;:.-\u2013\u2014")
    if t.noun and fold(text).lower().find(t.text.lower()) in range(0, 25):
        text = _NOUN_LEAD.sub("", text)
    if lo > 0 and _PAST_LEAD.match(text):
        head = re.match(r"^\s*([^,;:]{2,40}?),", raw)
        if (head and len(head.group(1).split()) <= 5 and head.end() <= lo + 1
                and not any(e["start"] < head.end() for e in ents) and not (cut and cut[0] < head.end())):
            # "The bloc, founded in 2001" → "The bloc founded"
            text = f"{head.group(1).strip()} {text[:1].lower() + text[1:]}"
    names = {e["entity_id"]: e["name"] for e in ents}
    people = {e["entity_id"] for e in ents if e["entity_type"] == "person"}
    person = next((names[x] for x in actors if x in people), None)
    if person and P.HE_SHE_START.match(text):
        text = re.sub(r"^\W*(?:he|she)\b", person, text, flags=re.IGNORECASE)
    elif actors and actors[0] in names:
        named = any(lo <= e["start"] < hi and e["entity_id"] in actors for e in ents)
        if not named:
            first = names[actors[0]]
            rest = text[:1].lower() + text[1:] if not text[:2].isupper() else text
            joiner = " " if _VERB_LEAD.match(rest) else ": "
            text = f"{first}{joiner}{rest}"
    if len(text) > MAX_DESCRIPTION:
        text = text[:MAX_DESCRIPTION].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"
    return text[:1].upper() + text[1:] if text else raw[t.start:t.end]


def _status(folded: str, t: _Trig, u: _Unit) -> str:
    lo, _ = _clause(folded, t.start, t.end)
    window = folded[max(0, lo - 30):t.end]
    if P.FUTURE.search(window) or u.tense == "future":
        return "expected"
    if P.MODAL.search(folded[lo:t.start]) or u.tense == "modal":
        return "possible"
    return "reported"


# =========================================================================== merging


class _ClusterIndex:
    """The clusters of one event type, found by their summit reference and the months their days span.

    A mention can only match a cluster that shares its summit reference or whose days
    overlap its own (see _Cluster.match), so only those are scored: merging costs about
    the number of mentions, not mentions times clusters.
    """

    #: Ranges spanning more months than this are compared with every cluster.
    MAX_MONTHS = 240

    def __init__(self):
        self.clusters: list[_Cluster] = []
        self.by_ref: dict[str, list[int]] = defaultdict(list)
        self.by_month: dict[int, set[int]] = defaultdict(set)
        self.wide: set[int] = set()
        self.spans: dict[int, range] = {}

    def candidates(self, rec: dict) -> list[int]:
        months = _months(rec["earliest"], rec["latest"])
        if months is None:
            return list(range(len(self.clusters)))
        found = set(self.wide)
        ref = _text(rec.get("summit_ref"))
        if ref:
            found.update(self.by_ref.get(ref, ()))
        for month in months:
            found.update(self.by_month.get(month, ()))
        return sorted(found)

    def create(self, rec: dict) -> "_Cluster":
        self.clusters.append(_Cluster(rec))
        self._register(len(self.clusters) - 1, had_ref="")
        return self.clusters[-1]

    def add(self, k: int, rec: dict) -> None:
        cluster = self.clusters[k]
        had_ref = cluster.summit_ref
        cluster.add(rec)
        self._register(k, had_ref=had_ref)

    def _register(self, k: int, *, had_ref: str) -> None:
        cluster = self.clusters[k]
        if cluster.summit_ref and cluster.summit_ref != had_ref:
            self.by_ref[cluster.summit_ref].append(k)
        for month in self.spans.pop(k, ()):
            self.by_month[month].discard(k)
        self.wide.discard(k)
        months = _months(cluster.lo, cluster.hi)
        if months is None:
            self.wide.add(k)
        else:
            self.spans[k] = months
            for month in months:
                self.by_month[month].add(k)


def _features(rec: dict) -> tuple[frozenset, frozenset, frozenset]:
    """Return what merging compares of a mention: its actors, places and description words (kept on `rec`)."""
    if "_features" not in rec:
        rec["_features"] = (frozenset(schema.as_list(rec["actors"])), frozenset(schema.as_list(rec["places"])),
                            _description_words(rec["description"]))
    return rec["_features"]


def _months(lo, hi) -> range | None:
    """Return the months (year * 12 + month) from `lo` to `hi`, or None when there are too many."""
    first, last = lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month - 1
    if last - first > _ClusterIndex.MAX_MONTHS:
        return None
    return range(first, last + 1)


class _Cluster:
    """The mentions of one event, with the days they all allow."""

    def __init__(self, rec: dict):
        self.event_type = rec["event_type"]
        self.members = [rec]
        self.lo, self.hi = rec["earliest"], rec["latest"]
        self.summit_ref = _text(rec.get("summit_ref"))
        self.kinds = {_features(rec)}  # members that read alike are scored once

    def match(self, rec: dict) -> float:
        ref = _text(rec.get("summit_ref"))
        if self.summit_ref and ref:
            return 10.0 if ref == self.summit_ref else 0.0
        if rec["earliest"] > self.hi or rec["latest"] < self.lo:
            return 0.0
        best = 0.0
        a, places, words = _features(rec)
        for b, other_places, other_words in self.kinds:
            jac = len(a & b) / len(a | b) if a | b else 0.0
            shared_places = len(places & other_places)
            desc = len(words & other_words) / min(len(words), len(other_words)) if words and other_words else 0.0
            if jac >= MIN_ACTOR_OVERLAP or shared_places or desc >= MIN_DESCRIPTION_OVERLAP:
                best = max(best, jac + 2 * shared_places + 3 * desc + 0.01)
        return best

    def add(self, rec: dict) -> None:
        self.members.append(rec)
        self.kinds.add(_features(rec))
        lo, hi = max(self.lo, rec["earliest"]), min(self.hi, rec["latest"])
        if lo <= hi:
            self.lo, self.hi = lo, hi
        elif self.summit_ref:  # two days of one summit ("opened on Wednesday", "on Thursday"): both
            self.lo, self.hi = min(self.lo, rec["earliest"]), max(self.hi, rec["latest"])
        if not self.summit_ref:
            self.summit_ref = _text(rec.get("summit_ref"))

    def row(self, starts: dict, order: dict, summit_table: pd.DataFrame) -> dict:
        members = sorted(self.members, key=lambda r: r["_order"])
        first = members[0]
        lo, hi = self.lo, self.hi
        actors = list(dict.fromkeys(a for r in members for a in schema.as_list(r["actors"])))
        places = list(dict.fromkeys(p for r in members for p in schema.as_list(r["places"])))
        evidence = list(dict.fromkeys(f"{r['article_id']}:{int(r['sentence_id'])}" for r in members))
        summit_ids = sorted({r["summit_id"] for r in members if isinstance(r["summit_id"], str) and r["summit_id"]},
                            key=lambda s: order.get(s, 10_000))
        sid = first["summit_id"] if isinstance(first["summit_id"], str) and first["summit_id"] else None
        start = starts.get(sid) if sid else None
        statuses = {r["status"] for r in members}
        status = "reported" if "reported" in statuses else "expected" if "expected" in statuses else "possible"
        slug = _slug_for(self.event_type, self.summit_ref, places, actors, first, members)
        narrow = min(members, key=lambda r: (r["_width"], r["_order"]))
        return {
            "article_id": first["article_id"], "sentence_id": int(first["sentence_id"]), "summit_id": sid,
            "event_type": self.event_type, "earliest": lo, "latest": hi, "date_text": narrow["date_text"],
            "actors": actors, "description": first["description"], "evidence": evidence,
            "relative_days": (lo - pd.Timestamp(start)).days if start is not None and not pd.isna(start) else pd.NA,
            "start": int(first["start"]), "end": int(first["end"]), "places": places, "status": status,
            "summit_ref": self.summit_ref or None, "summit_ids": summit_ids, "trigger": first["trigger"],
            "date_evidence": f"{narrow['article_id']}:{int(narrow['date_sentence_id'])}",
            "n_mentions": len(members), "n_articles": len({r["article_id"] for r in members}),
            "_first": first["_order"], "_slug": slug,
        }


def _slug_for(event_type: str, summit_ref: str, places: list[str], actors: list[str], first: dict,
              members: list[dict]) -> str:
    if summit_ref:
        return summit_ref.split("-", 1)[1]
    if event_type in _PLACE_SLUG_TYPES and places:
        return places[0]
    people = [a for r in members for a in schema.as_list(r.get("persons", []))]
    lead = people[0] if people else (actors[0] if actors else "")
    if event_type == "other":
        return f"{first['trigger_key']}-{lead}" if lead else first["trigger_key"]
    words = [w for w in _WORD.findall(fold(first["description"]).lower()) if w not in P.STOPWORDS]
    return lead or (places[0] if places else "") or " ".join(words[:3])


def _event_ids(frame: pd.DataFrame) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for lo, hi, kind, slug in zip(frame["earliest"], frame["latest"], frame["event_type"], frame["_slug"]):
        base = event_id(lo, hi, kind, slug)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _empty_events() -> pd.DataFrame:
    frame = pd.DataFrame({c: [] for c in EVENT_COLUMNS})
    for c in ("earliest", "latest"):
        frame[c] = pd.to_datetime(frame[c]).astype("datetime64[ns]")
    return frame


# =========================================================================== helpers


def _summit_index(summit_table: pd.DataFrame) -> tuple[dict[str, tuple[date, date]], dict[str, re.Pattern]]:
    key = _summit_key(summit_table)
    if key is None:
        return _summit_index_of(summit_table)
    return _summit_index_cached(key)


def _summit_key(summit_table: pd.DataFrame):
    """The columns ``_summit_index`` reads, as a hashable tuple (None when they are not plain values)."""
    cols = summit_table.columns
    if not {"summit_id", "start", "end", "city"} <= set(cols):
        return None
    aliases = summit_table["city_aliases"].tolist() if "city_aliases" in cols else None
    if aliases is not None:
        if not all(a is None or isinstance(a, (list, tuple, str, float)) for a in aliases):
            return None
        aliases = tuple(tuple(a) if isinstance(a, list) else a for a in aliases)
    try:
        key = (tuple(summit_table["summit_id"].tolist()), tuple(summit_table["start"].tolist()),
               tuple(summit_table["end"].tolist()), tuple(summit_table["city"].tolist()), aliases)
        hash(key)
    except TypeError:
        return None
    return key


@functools.lru_cache(maxsize=8)
def _summit_index_cached(key) -> tuple[dict[str, tuple[date, date]], dict[str, re.Pattern]]:
    ids, starts, ends, cities, aliases = key
    data = {"summit_id": list(ids), "start": list(starts), "end": list(ends), "city": list(cities)}
    if aliases is not None:
        data["city_aliases"] = [list(a) if isinstance(a, tuple) else a for a in aliases]
    return _summit_index_of(pd.DataFrame(data))


def _summit_cities(summit_table: pd.DataFrame) -> dict[str, object]:
    out: dict[str, object] = {}
    for sid, city in zip(summit_table["summit_id"].tolist(), summit_table["city"].tolist()):
        out.setdefault(sid, city)
    return out


def _summit_index_of(summit_table: pd.DataFrame) -> tuple[dict[str, tuple[date, date]], dict[str, re.Pattern]]:
    spans, cities = {}, {}
    for r in summit_table.itertuples(index=False):
        a, b = pd.Timestamp(r.start), pd.Timestamp(r.end) if not pd.isna(r.end) else pd.Timestamp(r.start)
        spans[r.summit_id] = (a.date(), b.date())
        names = [r.city] + list(getattr(r, "city_aliases", []) or [])
        names = [n for n in names if isinstance(n, str) and n]
        if names:
            alternatives = "|".join(re.escape(fold(n)) for n in sorted(names, key=len, reverse=True))
            cities[r.summit_id] = re.compile(rf"\b(?:{alternatives})\b")
    return spans, cities


def _article_meta(articles: pd.DataFrame) -> dict[str, tuple[str, pd.Timestamp | None]]:
    out = {}
    n = len(articles)
    cols = articles.columns
    records = zip(articles["article_id"].tolist(),
                  articles["summit_id"].tolist() if "summit_id" in cols else [None] * n,
                  articles["published"].tolist() if "published" in cols else [None] * n)
    for aid, sid, pub in records:
        pub = None if pub is None or pd.isna(pub) else pd.Timestamp(pub)
        out[str(aid)] = (sid if isinstance(sid, str) and sid else "", pub)
    return out


def _prepare_timexes(timexes: pd.DataFrame) -> pd.DataFrame:
    if timexes is None or timexes.empty:
        return pd.DataFrame(columns=["article_id", "sentence_id", "start", "end", "text", "earliest", "latest", "tense"])
    tx = timexes.copy()
    tx["earliest"] = pd.to_datetime(tx["earliest"], errors="coerce")
    tx["latest"] = pd.to_datetime(tx["latest"], errors="coerce")
    if "tense" not in tx.columns:
        tx["tense"] = "none"
    kind = tx["timex_type"].astype(str) if "timex_type" in tx.columns else pd.Series("DATE", index=tx.index)
    value = tx["value"].astype(str) if "value" in tx.columns else pd.Series("", index=tx.index)
    ok = kind.isin(["DATE", "TIME"]) & tx["earliest"].notna() & tx["latest"].notna() & ~value.str.endswith("_REF")
    return tx[ok & (tx["earliest"] <= tx["latest"])]


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _description_words(text) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(str(text)).lower()) if w not in P.STOPWORDS)


def _date_key(lo: date, hi: date) -> str:
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and hi == (lo.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1):
        return f"{lo:%Y-%m}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"{lo.year}"
    if lo.weekday() == 0 and hi == lo + timedelta(days=6):
        y, w, _ = lo.isocalendar()
        return f"{y}-W{w:02d}"
    return lo.isoformat()


def _slugify(text: str) -> str:
    return "-".join(_WORD.findall(fold(str(text)).lower()))[:40].strip("-")


def iter_evidence(events_frame: pd.DataFrame) -> Iterable[tuple[str, str, int]]:
    """Yield (event_id, article_id, sentence_id) for every piece of evidence of every event."""
    for r in events_frame.itertuples(index=False):
        for aid, sid in schema.evidence_refs(r.evidence):
            yield r.event_id, aid, sid

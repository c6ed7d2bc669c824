"""Temporal expressions: find them in sentences, resolve them to calendar days, infer publication dates.

``timexes`` finds dates, times, durations and sets in every sentence and resolves them
as a careful reader would: against a year or day printed nearby, against an earlier
mention of the same weekday or month, or against the article's publication date (the
document creation time, DCT), taking the verb's tense into account. ``infer_published``
works the other way: it finds the days of publication consistent with what the text
says (summit dates from the reference table, weekdays and their tense, years
mentioned), and ``date_conflicts`` lists what contradicts a given publication date.

Resolution choices (a reader's defaults, written down once):

* A weekday in the past tense ("arrived on Tuesday") is the most recent such day on or
  before the DCT (the DCT itself when it is that weekday: news says "on Friday" for
  today); in the future tense ("will meet on Wednesday") the next one on or after the
  DCT; without tense the nearest one, at most 3 days away. "last/next Friday" are
  strictly before/after the DCT; "Friday next week" is in the following ISO week.
* A date or month without a year ("Sept. 16", "in May") is the latest occurrence on or
  before the DCT in the past tense, the earliest on or after it in the future tense,
  and the nearest one (at most about 6 months away) otherwise; "last May" is the most
  recent May before the DCT's month.
* Before the DCT a date without year takes, in order: the other end of its range
  ("Sept. 15-16"), a year printed earlier in the same sentence in a clause of the same
  tense, an earlier mention of the same date, weekday or month in the article, a year
  printed in an earlier sentence of the same paragraph when both are in the past tense.
  ``anchor`` then names that timex as ``start:end`` (offsets into the raw article).
* "last/this/next week" are ISO weeks (value ``2022-W36``); "earlier this year" runs
  from January 1 to the DCT; "early/mid/late" take the first, middle or last third.
* "a decade ago" is the year DCT-10 with ``mod=APPROX``; "two years ago" the year
  DCT-2; "more than two years ago" has no earliest day and latest day DCT-2 years
  (``mod=BEFORE``); "almost two years ago" the reverse (``mod=AFTER``).
* "the early hours of Friday" is a TIME, value ``YYYY-MM-DDTMO`` with ``mod=START``,
  earliest = latest = that Friday; "Friday morning" ``TMO``, "tonight" ``TNI``.
* Coordinations and ranges give one timex per end ("Wednesday and Thursday",
  "2020 and 2022", "Aug. 31-Sept. 1", "Sept. 15-16"); the second end is resolved as
  the first occurrence on or after the first one, anchored to it.
* Vague references ("recently", "in recent months", "these days", "now", "soon") get
  ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` with empty earliest and latest.
  Durations ("two decades" ``P20Y``, "for years" ``PXY``) and sets ("annual" ``P1Y``)
  have empty earliest, latest and anchor.
* Without a DCT, relative expressions keep an unresolved value (``XXXX-09-16``,
  ``XXXX-WXX-3``) and empty days.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Iterable, Mapping, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from . import schema
from .patterns import temporal as P
from .text import fold

#: Columns of the timexes table: the contract's, then this module's additions.
TIMEX_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "text", "timex_type", "value", "earliest", "latest", "anchor",
    "mod", "granularity", "tense", "rule", "freq",
]
#: Columns returned by ``infer_published``.
PUBLISHED_COLUMNS = [
    "article_id", "published", "published_earliest", "published_latest", "published_source", "published_evidence",
    "published_summit_id", "published_score",
]
#: Columns returned by ``date_conflicts``.
CONFLICT_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "note"]

#: Sentence kinds that are never searched (page furniture without prose).
SKIP_KINDS = frozenset({"debris", "prompt"})
#: Days around a summit in which an article about it is assumed to be published.
SUMMIT_MARGIN_DAYS = 7
#: Days after the latest dated event in which an article without summit is assumed published.
EVENT_MARGIN_DAYS = 7
#: Days before a summit on which a leader said to arrive for it may arrive.
ARRIVAL_DAYS_BEFORE = 2
#: Widest window (days) still reported as ``inferred``.
MAX_INFERRED_DAYS = 31

_DAY_GRANS = frozenset({"day", "time"})
_ANCHORED_KINDS = frozenset({"date", "month", "season"})


# =========================================================================== data


@dataclass
class _Mention:
    """One temporal expression found in a sentence, before resolution."""

    article_id: str
    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str
    rule: str
    timex_type: str
    f: dict
    tense: str = "none"
    local_tense: bool = False
    clause: int = 0
    caption: bool = False
    link: int | None = None
    link_kind: str = ""

    @property
    def span_id(self) -> str:
        return f"{self.start}:{self.end}"


class _Res(NamedTuple):
    """A resolved timex: TIMEX3 value, calendar days, what it was resolved against (a tuple: cheap to make)."""

    value: str
    earliest: date | None = None
    latest: date | None = None
    anchor: str = ""
    mod: str = ""
    gran: str = ""
    freq: str = ""


@dataclass
class _Sentence:
    """What the inference needs to know about one sentence besides its timexes."""

    sentence_id: int
    start: int
    text: str
    kind: str
    clauses: list[tuple[int, int]]
    folded: str
    sco: bool
    sco_clauses: set[int]
    cities: dict[str, list[tuple[int, bool, bool]]]
    countries: set[str]
    arrival: bool
    departure: bool
    relation: str
    city_clauses: dict[str, set[int]] | None = None  # the clauses of each city, computed on first use

    # the tense cues are read only for sentences about the summit: found on first use
    @property
    def has_future(self) -> bool:
        return any(k.tense == "future" for k in _tense_cues(self.folded)[1])

    @property
    def strong_past(self) -> bool:
        return any(k.tense == "past" and k.strength == 2 and k.word not in P.REPORTING_VERBS
                   for k in _tense_cues(self.folded)[1])


# =========================================================================== public API


def timexes(sentences: pd.DataFrame, *, published: Mapping[str, date | pd.Timestamp | None] | None = None) -> pd.DataFrame:
    """Return every temporal expression of `sentences`, resolved against each article's DCT.

    Parameters
    ----------
    sentences
        Columns article_id, sentence_id, start, end, text (``raw[start:end]``), kind and
        paragraph_id (see ``text.sentences``). Sentences of kind ``debris`` and
        ``prompt`` are skipped; captions and other boilerplate are searched.
    published
        Publication date (DCT) per article_id; a missing or empty date leaves relative
        expressions unresolved.

    Returns
    -------
    DataFrame, one row per timex, columns: article_id, sentence_id, start, end (offsets
    into the raw article), text, timex_type (DATE, TIME, DURATION, SET), value (TIMEX3),
    earliest, latest (``datetime64[ns]``, NaT when none or when the day does not fit it:
    before 1678 or after 2261, as "the 5th century", whose value stays ``04``), anchor (``absolute``, ``dct``,
    the ``start:end`` of the timex it was resolved against, or empty), mod (TIMEX3 mod),
    granularity (day, week, month, year...), tense (past, present, future, modal, none),
    rule (the pattern that found it) and freq (for sets).
    """
    published = published or {}
    found: list[tuple[_Mention, _Res]] = []
    for aid, rows in _by_article(sentences):
        mentions = _article_mentions(aid, rows)
        dct = _to_date(published.get(aid))
        found.extend(zip(mentions, _resolve_all(mentions, dct)))
    return _timex_frame(found)


def infer_published(
    sentences: pd.DataFrame,
    *,
    summits: pd.DataFrame | None = None,
    metadata: Mapping[str, date | pd.Timestamp | None] | None = None,
) -> pd.DataFrame:
    """Return each article's publication date and the window of days its text allows.

    The text is read for clues: a dateline; explicit dates and years and their tense
    ("established in 2001" sets a lower bound); summit host cities, which with the
    reference summits give candidate days (a summit article is assumed published
    within a week of the summit); weekdays and yearless dates said to fall on the
    summit ("the session on Wednesday and Thursday", "arrived in Samarkand on
    Friday"), which must match its real days; "this week" next to the summit; the
    tense of sentences about the summit (future: not yet over; past: begun); photo
    captions (taken before publication). Each candidate day is scored by the clues it
    satisfies; the best days form the window.

    Parameters
    ----------
    sentences
        As for ``timexes``.
    summits
        The summits reference table (``reference.summits()``); None reads it, and an
        empty frame disables summit clues.
    metadata
        Publication dates known from metadata; where given they are ``published``
        (source ``metadata``) and the window is still computed from the text.

    Returns
    -------
    DataFrame, one row per article: article_id, published (the single best day),
    published_earliest, published_latest (the window), published_source
    (``metadata``, ``inferred`` or ``unknown``), published_evidence (the clues used),
    published_summit_id (the summit the clues point to, or empty), published_score.
    """
    metadata = metadata or {}
    index = _summit_index(summits)
    rows = []
    for aid, frame in _by_article(sentences):
        art = _Article.build(aid, frame, index)
        rows.append(_published_row(aid, art.infer(), _to_date(metadata.get(aid))))
    return _published_frame(rows)


def _published_row(aid: str, best: "_Best", meta: date | None) -> dict:
    """Return the ``infer_published`` row of an article: what its text gives, `meta` (metadata) first."""
    row = {
        "article_id": aid,
        "published": best.day,
        "published_earliest": best.earliest,
        "published_latest": best.latest,
        "published_source": best.source,
        "published_evidence": best.evidence,
        "published_summit_id": best.summit_id,
        "published_score": best.score,
    }
    if meta is not None:
        row["published"] = meta
        row["published_source"] = "metadata"
        row["published_evidence"] = "metadata" + (f"; text: {best.evidence}" if best.evidence else "")
    return row


_PUBLISHED_DATES = ("published", "published_earliest", "published_latest")


def _published_frame(rows: list[dict]) -> pd.DataFrame:
    """Return the rows of ``infer_published`` as a frame, its three dates ``datetime64[ns]``."""
    days = [row[col] for row in rows for col in _PUBLISHED_DATES if row[col] is not None]
    if rows and all(type(d) is date and _NS_FIRST <= d <= _NS_LAST for d in days):
        data = {col: [row[col] for row in rows] for col in PUBLISHED_COLUMNS}
        for col in _PUBLISHED_DATES:
            data[col] = np.array(data[col], dtype="datetime64[D]").astype("datetime64[ns]")
        return pd.DataFrame(data)
    out = pd.DataFrame(rows, columns=PUBLISHED_COLUMNS)
    for col in _PUBLISHED_DATES:
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out


def date_conflicts(
    sentences: pd.DataFrame,
    published: Mapping[str, date | pd.Timestamp | None] | pd.DataFrame,
    *,
    summits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the spans whose dates disagree with the given publication dates.

    A conflict is a clue of ``infer_published`` that the given date breaks: a past
    event dated after publication, a future one before it, a weekday that does not
    match its date ("Friday 2022-09-17"), a day said to be the summit's that is not,
    a photo dated after publication, a dateline naming another day.

    Parameters
    ----------
    sentences
        As for ``timexes``.
    published
        Publication date per article_id, or a frame with article_id and published
        columns (e.g. the articles table).
    summits
        As for ``infer_published``.

    Returns
    -------
    DataFrame with columns article_id, sentence_id, start, end, text (the span in the
    raw article) and note (what disagrees, in words).
    """
    if isinstance(published, pd.DataFrame):
        published = dict(zip(published["article_id"], published["published"]))
    index = _summit_index(summits)
    rows = []
    for aid, frame in _by_article(sentences):
        dct = _to_date(published.get(aid))
        if dct is None:
            continue
        art = _Article.build(aid, frame, index)
        rows.extend(art.conflicts(dct))
    return _conflict_frame(rows)


def _conflict_frame(rows: list[dict]) -> pd.DataFrame:
    """Return the rows of ``date_conflicts`` as a frame (CONFLICT_COLUMNS, offsets ``int64``)."""
    out = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    return out.astype({"sentence_id": "int64", "start": "int64", "end": "int64"}) if len(out) else out


def _article_dates(
    sentences: pd.DataFrame,
    *,
    summits: pd.DataFrame | None,
    given: date | pd.Timestamp | None,
) -> tuple[Mapping | None, pd.DataFrame, pd.DataFrame]:
    """Return one article's ``infer_published`` row, its timexes and its date conflicts, read once.

    The same as, for the article's id ``aid``: ``infer_published(sentences,
    summits=summits, metadata={aid: given}).iloc[0]`` (None when there are no
    sentences), ``timexes(sentences, published={aid: p})`` where p is that row's
    published date unless its source is ``unknown``, and ``date_conflicts(sentences,
    {aid: given}, summits=summits)`` when `given` is not None (else an empty frame).
    The article's mentions are found, and its clues built, once for the three.

    Parameters
    ----------
    sentences
        One article's sentences, as for ``timexes`` (ValueError for several articles).
    summits
        As for ``infer_published``.
    given
        The publication date of the article's metadata, or None.
    """
    groups = _by_article(sentences)
    if len(groups) > 1:
        raise ValueError(f"_article_dates reads one article's sentences, not {len(groups)} articles'")
    if not groups:
        return _article_dates_apart(sentences, summits=summits, given=given)
    (aid, rows), = groups
    art = _Article.build(aid, rows, _summit_index(summits))
    row = _published_row(aid, art.infer(), _to_date(given))
    days = [row[col] for col in _PUBLISHED_DATES if row[col] is not None]
    if not all(type(d) is date and _NS_FIRST <= d <= _NS_LAST for d in days):
        return _article_dates_apart(sentences, summits=summits, given=given)
    # the row as infer_published(...).iloc[0] gives it: Timestamps (ns), NaT, a NumPy score
    dated = {col: (pd.Timestamp(v).as_unit("ns") if v is not None else pd.NaT) if col in _PUBLISHED_DATES else v
             for col, v in row.items()}
    dated["published_score"] = np.int64(dated["published_score"])
    dct = row["published"] if row["published_source"] != "unknown" else None
    times = _timex_frame(list(zip(art.mentions, art.resolved_all(dct))))
    if given is None:
        return dated, times, pd.DataFrame()
    meta = _to_date(given)
    return dated, times, _conflict_frame(art.conflicts(meta) if meta is not None else [])


def _article_dates_apart(sentences: pd.DataFrame, *, summits: pd.DataFrame | None,
                         given: date | pd.Timestamp | None) -> tuple[Mapping | None, pd.DataFrame, pd.DataFrame]:
    """Return what ``_article_dates`` does, through the three public functions."""
    aids = sentences["article_id"].tolist() if sentences is not None and len(sentences) else []
    aid = aids[0] if aids else None
    dated = infer_published(sentences, summits=summits, metadata={aid: given})
    dated = dated.iloc[0] if len(dated) else None
    published = None if dated is None or pd.isna(dated["published"]) or dated["published_source"] == "unknown" \
        else dated["published"]
    times = timexes(sentences, published={aid: published})
    conflicts = date_conflicts(sentences, {aid: given}, summits=summits) if given is not None else pd.DataFrame()
    return dated, times, conflicts


# =========================================================================== helpers


class _Row(NamedTuple):
    """One sentence as the extractor reads it (kind, text and paragraph_id filled)."""

    sentence_id: int
    start: int
    kind: str
    text: str
    paragraph_id: int


def _by_article(sentences: pd.DataFrame) -> list[tuple[str, tuple[_Row, ...]]]:
    """Return (article_id, its sentences in text order) per article; missing kind and paragraph_id are filled."""
    if sentences is None or not len(sentences):
        return []
    aids = sentences["article_id"].tolist()
    starts = sentences["start"].tolist()
    if not (all(type(a) is str for a in aids) and all(type(x) is int for x in starts)):
        return _by_article_frame(sentences)
    sids = sentences["sentence_id"].tolist()
    texts = _filled(sentences["text"], "")
    kinds = _filled(sentences["kind"], "body") if "kind" in sentences.columns else ["body"] * len(sids)
    pids = _filled(sentences["paragraph_id"], sids) if "paragraph_id" in sentences.columns else sids
    groups: dict[str, list[int]] = {}
    for i, a in enumerate(aids):
        groups.setdefault(a, []).append(i)
    out = []
    for aid in sorted(groups):
        idx = sorted(groups[aid], key=starts.__getitem__)
        out.append((aid, tuple(_Row(sids[i], starts[i], kinds[i], texts[i], pids[i]) for i in idx)))
    return out


def _filled(col: pd.Series, fill) -> list:
    """Return the values of `col` with missing ones replaced by `fill` (a value, or a list to take them from)."""
    values = col.tolist()
    if all(type(v) is str or type(v) is int for v in values):
        return values
    present = col.notna().tolist()
    if all(present):
        return values
    if isinstance(fill, list):
        return [v if ok else f for v, ok, f in zip(values, present, fill)]
    return [v if ok else fill for v, ok in zip(values, present)]


def _by_article_frame(sentences: pd.DataFrame) -> list[tuple[str, tuple[_Row, ...]]]:
    """``_by_article`` for ids that are not all text or starts that are not all whole numbers, through pandas."""
    frame = sentences.copy()
    if "paragraph_id" not in frame.columns:
        frame["paragraph_id"] = frame["sentence_id"]
    frame["paragraph_id"] = frame["paragraph_id"].astype(object).where(frame["paragraph_id"].notna(), frame["sentence_id"])
    frame["kind"] = frame["kind"].astype(object).where(frame["kind"].notna(), "body") if "kind" in frame.columns else "body"
    frame["text"] = frame["text"].astype(object).where(frame["text"].notna(), "")
    order = frame.sort_values(["article_id", "start"], kind="stable")
    return [
        (str(aid), tuple(_Row(*r) for r in zip(part["sentence_id"].tolist(), part["start"].tolist(),
                                                 part["kind"].tolist(), part["text"].tolist(),
                                                 part["paragraph_id"].tolist())))
        for aid, part in order.groupby("article_id", sort=True)
    ]


def _to_date(value) -> date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(ts) else ts.date()


#: Days that ``datetime64[ns]`` holds (a century's first day may not fit).
_NS_FIRST, _NS_LAST = date(1678, 1, 1), date(2261, 12, 31)
#: Texts that pandas would read as numbers or booleans.
_NUMBER_WORDS = frozenset({"true", "false", "inf", "infinity", "nan"})


def _string_array_of(values: list[str]):
    """Return `values` (text, no None) as pandas ``string``, built by pandas."""
    return pd.array(values, dtype="string")


def _string_array_direct(values: list[str]):
    """Return `values` (text, no None) as pandas ``string`` backed by Arrow, built directly (cheaper)."""
    return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))


def _direct_strings_ok() -> bool:
    """Return whether ``_string_array_direct`` builds what pandas builds here (same class, dtype, Arrow type)."""
    try:
        sample = ["a", "", "ſunday"]
        a, b = _string_array_of(sample), _string_array_direct(sample)
        return (type(a) is type(b) and a.dtype == b.dtype and a.__arrow_array__().type == b.__arrow_array__().type
                and a.tolist() == b.tolist())
    except Exception:  # noqa: BLE001 - any failure: build the pandas way
        return False


#: How the timexes table builds its text columns.
_string_array = _string_array_direct if _direct_strings_ok() else _string_array_of


def _timex_frame(found: list[tuple[_Mention, _Res]]) -> pd.DataFrame:
    """Return the timexes table of (mention, resolution) pairs, sorted by article_id, start, end.

    The columns are built once, with the dtypes ``schema.conform`` gives them; an empty
    table goes through conform. Days that ``datetime64[ns]`` cannot hold are left empty.
    """
    found = [(m, _ns_days(r)) for m, r in found]
    if not found:
        frame = pd.DataFrame([_row(m, r) for m, r in found], columns=TIMEX_COLUMNS)
        frame = schema.conform(frame, "timexes")
        return frame.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    found = sorted(found, key=lambda mr: (mr[0].article_id, mr[0].start, mr[0].end))
    ms = [m for m, _ in found]
    rs = [r for _, r in found]

    text = _string_array

    def whole(values: list[int]):
        return pd.arrays.IntegerArray(np.array(values, dtype="int64"), np.zeros(len(values), dtype=bool))

    def day(values: list[date | None]):
        return np.array(values, dtype="datetime64[D]").astype("datetime64[ns]")

    data = {
        "article_id": text([m.article_id for m in ms]), "sentence_id": whole([m.sentence_id for m in ms]),
        "start": whole([m.start for m in ms]), "end": whole([m.end for m in ms]), "text": text([m.text for m in ms]),
        "timex_type": text([m.timex_type for m in ms]), "value": text([r.value for r in rs]),
        "earliest": day([r.earliest for r in rs]), "latest": day([r.latest for r in rs]),
        "anchor": text([r.anchor for r in rs]),
    }
    extra = {
        "mod": [r.mod for r in rs], "granularity": [r.gran for r in rs], "tense": [m.tense for m in ms],
        "rule": [m.rule for m in ms], "freq": [r.freq for r in rs],
    }
    frame = pd.DataFrame({**data, **extra})
    for col, values in extra.items():
        if not any(v == "" or (v.isascii() and v.replace("_", "").isalpha() and v.lower() not in _NUMBER_WORDS)
                   for v in values):
            frame[col] = schema.infer_extra(frame[col])  # might read as numbers or booleans: as conform does
    return frame


def _ns_days(r: _Res) -> _Res:
    """Return `r` with a day that ``datetime64[ns]`` cannot hold (before 1678, after 2261) made empty."""
    e, l = r.earliest, r.latest  # noqa: E741
    if (e is None or _NS_FIRST <= e <= _NS_LAST) and (l is None or _NS_FIRST <= l <= _NS_LAST):
        return r
    return r._replace(earliest=e if e is not None and _NS_FIRST <= e <= _NS_LAST else None,
                      latest=l if l is not None and _NS_FIRST <= l <= _NS_LAST else None)


def _ts(d: date | None):
    return pd.Timestamp(d) if d is not None else pd.NaT


def _row(m: _Mention, r: _Res) -> dict:
    return {
        "article_id": m.article_id, "sentence_id": m.sentence_id, "start": m.start, "end": m.end, "text": m.text,
        "timex_type": m.timex_type, "value": r.value, "earliest": _ts(r.earliest), "latest": _ts(r.latest),
        "anchor": r.anchor, "mod": r.mod, "granularity": r.gran, "tense": m.tense, "rule": m.rule, "freq": r.freq,
    }


def _month_end(y: int, m: int) -> date:
    return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _month_end(y, m + 1).day))


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _num(text: str) -> float | None:
    """Return the number a numeral or number words denote; None for a vague quantity."""
    t = " ".join(text.lower().replace(",", "").split())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if P.NUMERAL.fullmatch(t):
        return float(t) + half
    t = t.replace("-", " ")
    for pre in ("a couple of", "couple of"):
        if t == pre:
            return 2.0 + half
    words = [w for w in t.split() if w not in ("a", "an")] or ["one"]
    total, current = 0.0, 0.0
    for w in words:
        if w not in P.NUMBER_WORDS:
            return None
        v = P.NUMBER_WORDS[w]
        if v in (100, 1000):
            current = (current or 1) * v
            total += current
            current = 0
        else:
            current += v
    return total + current + half


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration_value(n: float | None, unit: str) -> str:
    """Return the TIMEX3 value of `n` units ("P20Y", "PT24H"); ``X`` for a vague number ("PXDE")."""
    unit = _unit_name(unit)
    if n is None:
        code = P.VAGUE_UNITS[unit]
        return f"PTX{code}" if unit in ("hour", "minute", "second") else f"PX{code}"
    letter, mult = P.UNITS[unit]
    value = n * mult
    if unit in ("hour", "minute", "second"):
        return f"PT{_fmt_num(value)}{letter}"
    return f"P{_fmt_num(value)}{letter}"


def _unit_name(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u[:-1] if u.endswith("s") else u


# =========================================================================== extraction


@dataclass
class _Part:
    s: int
    e: int
    ttype: str
    f: dict
    link: int | None = None
    link_kind: str = ""


@dataclass
class _Cand:
    s: int
    e: int
    rule: str
    parts: list[_Part]


def _word_before(text: str, pos: int) -> tuple[str, str]:
    """Return the word before `pos` (lower case) and as written."""
    m = P.WORD_BEFORE.search(text[:pos])
    if not m:
        return "", ""
    raw = m.group(1).strip(".'")
    return raw.lower(), raw


def _word_after(text: str, pos: int) -> tuple[str, str]:
    m = P.WORD_AFTER.match(text[pos:])
    if not m:
        return "", ""
    return m.group(1).lower(), m.group(1)


def _sentence_initial(text: str, pos: int) -> bool:
    return not P.ANY_WORD.search(text[:pos]) or bool(P.SENTENCE_BREAK_BEFORE.search(text[:pos]))


def _cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


def _month_ok(raw: str, m: re.Match, group: str, *, attached: bool) -> int | None:
    """Return the month number of group `group` if it reads as a month here, else None.

    Lower case is accepted only with a day or year attached and never for "may" and
    "march"; an abbreviation needs a capital and a day or year attached.
    """
    token_raw = raw[m.start(group):m.end(group)]
    tok = token_raw.lower()
    if tok not in P.MONTHS:
        return None
    if not attached and tok in P.MONTH_ABBREVIATIONS:
        return None
    if not _cap(token_raw) and (tok in P.AMBIGUOUS_MONTHS or tok in P.MONTH_ABBREVIATIONS or not attached):
        return None
    return P.MONTHS[tok]


def _weekday_of(token: str | None) -> int | None:
    """Return the weekday (Monday 0) a name or abbreviation denotes, read as the case-blind patterns read it."""
    if not token:
        return None
    t = token.translate(P.CASELESS_LETTERS).lower().rstrip(".")  # "ſunday" matches the patterns: Sunday
    return P.WEEKDAYS.get(t, P.WEEKDAY_ABBREVIATIONS.get(t))


def _wd_prefix_ok(raw: str, m: re.Match) -> bool:
    if m.groupdict().get("wd") is None:
        return True
    tok = raw[m.start("wd"):m.end("wd")].rstrip(".")
    return tok.lower() in P.WEEKDAYS or _cap(tok)


def _gate_words(folded: str) -> set[str] | None:
    """Return the words of `folded` in lower case, or None when a letter is one only case-insensitively."""
    if folded.isascii():
        return set(P.GATE_WORD.findall(folded.lower()))
    toks = P.GATE_WORD.findall(folded)
    if not all(t.isascii() for t in toks):
        return None  # "ſ", "K", "ı", "İ" match [a-z] ignoring case: let every rule run
    return {t.lower() for t in toks}


@functools.lru_cache(maxsize=8192)
def _candidates(folded: str, raw: str) -> list[_Cand]:
    """Return the timexes found in one sentence, longest first among overlaps, in text order.

    A rule's regex runs only when the sentence passes its gate (``P.RULE_GATES``): a
    word or a digit every match of the rule contains. Cached by sentence; callers
    never change the candidates.
    """
    out: list[_Cand] = []
    words = _gate_words(folded)
    needs: dict[str, bool] = {}
    for rule, rx, builder, gate, need in _RULES:
        if words is not None and gate is not None and words.isdisjoint(gate):
            continue
        if need:
            ok = needs.get(need)
            if ok is None:
                ok = needs[need] = P.GATE_NEEDS[need].search(folded) is not None
            if not ok:
                continue
        for m in rx.finditer(folded):
            if m.end() == m.start():
                continue
            cand = builder(m, folded, raw)
            if cand is not None:
                if isinstance(cand, list):
                    out.extend(cand)
                else:
                    out.append(cand)
    out.sort(key=lambda c: (-(c.e - c.s), P.RULE_ORDER[c.rule], c.s))
    taken: list[_Cand] = []
    for c in out:
        if all(c.e <= t.s or c.s >= t.e for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.s)


def _single(m: re.Match, rule: str, ttype: str, f: dict, s: int | None = None, e: int | None = None) -> _Cand:
    s = m.start() if s is None else s
    e = m.end() if e is None else e
    return _Cand(s, e, rule, [_Part(s, e, ttype, f)])


def _b_iso(m, folded, raw):
    d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or not _wd_prefix_ok(raw, m):
        return None
    f = {"k": "date", "y": d.year, "m": d.month, "d": d.day, "wd": _weekday_of(m["wd"])}
    return _single(m, "iso_date", "DATE", f)


def _b_dotted(m, folded, raw):
    d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or not _wd_prefix_ok(raw, m):
        return None
    f = {"k": "date", "y": d.year, "m": d.month, "d": d.day, "wd": _weekday_of(m["wd"])}
    return _single(m, "dotted_date", "DATE", f)


def _b_slash(m, folded, raw):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b:
        d = _valid(y, b, a)
    elif b > 12 >= a:
        d = _valid(y, a, b)
    else:
        return None
    if d is None:
        return None
    return _single(m, "slash_date", "DATE", {"k": "date", "y": d.year, "m": d.month, "d": d.day})


def _b_md_range(m, folded, raw):
    mon = _month_ok(raw, m, "m", attached=True)
    d1, d2 = int(m["d"]), int(m["d2"])
    if mon is None or not d1 < d2 or _valid(2000, mon, d2) is None or not _wd_prefix_ok(raw, m):
        return None
    y = int(m["y"]) if m["y"] else None
    start, wd = m.start(), _weekday_of(m["wd"])
    if wd is not None and P.WEEKDAY_PAIR_BEFORE.search(folded[:m.start()]):
        start, wd = m.start("m"), None  # "Thursday and Friday, Sept. 15-16": the weekdays stand on their own
    a = _Part(start, m.end("d"), "DATE", {"k": "date", "y": y, "m": mon, "d": d1, "wd": wd})
    b = _Part(m.start("d2"), m.end(), "DATE", {"k": "date", "y": y, "m": mon, "d": d2})
    if y is None:
        b.link, b.link_kind = 0, "after"
    return _Cand(start, m.end(), "md_range", [a, b])


def _b_dm_range(m, folded, raw):
    mon = _month_ok(raw, m, "m", attached=True)
    d1, d2 = int(m["d"]), int(m["d2"])
    if mon is None or not d1 < d2 or _valid(2000, mon, d2) is None:
        return None
    left, _ = _word_before(folded, m.start())
    if left in P.COUNT_LEFT:
        return None
    y = int(m["y"]) if m["y"] else None
    a = _Part(m.start(), m.end("d"), "DATE", {"k": "date", "y": y, "m": mon, "d": d1})
    b = _Part(m.start("d2"), m.end(), "DATE", {"k": "date", "y": y, "m": mon, "d": d2})
    if y is None:
        a.link, a.link_kind = 1, "before"
    return _Cand(m.start(), m.end(), "dm_range", [a, b])


def _b_date(rule):
    def build(m, folded, raw):
        mon = _month_ok(raw, m, "m", attached=True)
        if mon is None or not _wd_prefix_ok(raw, m):
            return None
        day = int(m["d"])
        y = int(m["y"]) if m["y"] else None
        if _valid(y or 2000, mon, day) is None:
            return None
        if rule == "day_month":
            left, _ = _word_before(folded, m.start())
            if left in P.COUNT_LEFT and not m["wd"]:
                return None
        ry = {"last": -1, "this": 0, "next": 1}.get((m["ry"] or "").lower())
        start, wd = m.start(), _weekday_of(m["wd"])
        if wd is not None and P.WEEKDAY_PAIR_BEFORE.search(folded[:m.start()]):
            start, wd = m.start("m") if rule == "month_day" else m.start("d"), None
        f = {"k": "date", "y": y, "m": mon, "d": day, "wd": wd, "ry": ry}
        return _single(m, rule, "DATE", f, s=start)
    return build


def _part_mod(text: str | None) -> str:
    if not text:
        return ""
    t = " ".join(text.lower().split())
    return P.PART_MODS.get(t, "")


def _b_month_year(m, folded, raw):
    mon = _month_ok(raw, m, "m", attached=True)
    if mon is None:
        return None
    return _single(m, "month_year", "DATE", {"k": "month", "y": int(m["y"]), "m": mon, "mod": _part_mod(m["mod"])})


def _b_month(m, folded, raw):
    mon = _month_ok(raw, m, "m", attached=False)
    if mon is None:
        return None
    token_raw = raw[m.start("m"):m.end("m")]
    if not _cap(token_raw):
        return None
    tok = token_raw.lower()
    rel = (m["rel"] or "").lower()
    mod = _part_mod(m["mod"])
    nxt, nxt_raw = _word_after(folded, m.end("m"))
    if tok == "may" and (nxt in P.MODAL_NEXT or folded[m.end("m"):m.end("m") + 2] == "'s"):
        return None
    if not rel and not mod:
        left, _ = _word_before(folded, m.start("m"))
        if left not in P.MONTH_LEFT_CUES:
            return None
        if tok == "march" and left == "the" and nxt in P.MARCH_NOUN_NEXT:
            return None
        if tok == "may" and left in P.MAY_NAME_LEFT and nxt_raw[:1].islower() and nxt not in P.YEAR_EVENT_NOUNS:
            return None  # "talks with May about", "attended by May and"
    rel_off = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get(rel)
    e = m.end("m") if tok not in P.MONTH_ABBREVIATIONS else m.end()
    return _single(m, "month", "DATE", {"k": "month", "y": None, "m": mon, "mod": mod, "rel": rel_off}, e=e)


def _year_context_ok(folded: str, s: int, e: int) -> bool:
    """Return whether the 4-digit number at folded[s:e] reads as a year in its context."""
    nxt, nxt_raw = _word_after(folded, e)
    left, left_raw = _word_before(folded, s)
    strong = left in P.YEAR_LEFT_CUES or left in P.MONTHS
    if (nxt in P.COUNT_NOUNS and not (strong and nxt in P.COUNT_VERBS)) or folded[e:e + 1] == "%":
        return False
    if folded[e:e + 2] == "'s":
        return True
    if left in P.COUNT_LEFT:
        return False
    if left in P.YEAR_LEFT_CUES or left in P.MONTHS:
        return True
    if left in P.YEAR_LEFT_DETERMINERS:
        return _cap(nxt_raw) or nxt in P.YEAR_EVENT_NOUNS or folded[e:e + 1] == "-"
    if folded[s - 1:s] == "(" and folded[e:e + 1] == ")":
        return True
    if _sentence_initial(folded, s) and nxt in P.YEAR_SUBJECT_VERBS:
        return True
    return False


def _b_year_range(m, folded, raw):
    y1 = int(m["y"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not (y1 < y2 <= y1 + 100):
        return None
    sep = folded[m.end("y"):m.start("y2")].strip().lower()
    if len(y2s) == 2 and sep not in ("-", "/"):
        return None
    nxt, _ = _word_after(folded, m.end())
    if nxt in P.COUNT_NOUNS and nxt not in P.COUNT_VERBS:
        return None
    if not m["pre"] and not _year_context_ok(folded, m.start("y"), m.end("y")) and sep not in ("-", "/"):
        return None
    if not m["pre"] and sep in ("-", "/"):
        left, _ = _word_before(folded, m.start("y"))
        if left in P.COUNT_LEFT:
            return None
    a = _Part(m.start("y"), m.end("y"), "DATE", {"k": "year", "y": y1, "mod": ""})
    b = _Part(m.start("y2"), m.end("y2"), "DATE", {"k": "year", "y": y2, "mod": ""})
    if len(y2s) == 2:
        b.link, b.link_kind = 0, "century"
    return _Cand(m.start("y"), m.end(), "year_range", [a, b])


def _b_year(m, folded, raw):
    if not _year_context_ok(folded, m.start(), m.end()):
        return None
    return _single(m, "year", "DATE", {"k": "year", "y": int(m["y"]), "mod": ""})


def _b_decade(m, folded, raw):
    s = m.start("mod") if m["mod"] else m.start("y")
    return _single(m, "decade", "DATE", {"k": "decade", "y": int(m["y"]), "mod": _part_mod(m["mod"])}, s=s)


def _b_century(m, folded, raw):
    c = m["c"].lower()
    n = P.CENTURY_ORDINALS.get(" ".join(c.split())) or int(P.LEADING_DIGITS.match(c).group())
    if not 1 <= n <= 22:
        return None
    s = m.start("c")
    return _single(m, "century", "DATE", {"k": "century", "c": n}, s=s)


def _b_part_year(m, folded, raw):
    t = " ".join(m["mod"].lower().split())
    mod = P.YEAR_PARTS.get(t) or P.PART_MODS.get(t, "")
    return _single(m, "part_year", "DATE", {"k": "year", "y": int(m["y"]), "mod": mod})


def _b_season(m, folded, raw):
    name = m["season"].lower()
    rel = (m["rel"] or "").lower()
    y = int(m["y"]) if m["y"] else None
    token_raw = raw[m.start("season"):m.end("season")]
    if _cap(token_raw) and not _sentence_initial(folded, m.start("season")) and not rel and not m["mod"]:
        left, left_raw = _word_before(folded, m.start("season"))
        if _cap(left_raw):
            return None
    if name == "fall" and not rel and y is None:
        return None
    if not rel and not m["mod"] and y is None:
        left, _ = _word_before(folded, m.start("season"))
        if left not in P.SEASON_LEFT_CUES:
            if not (left == "the" and _word_before(folded, m.start("season") - 4)[0] in P.SEASON_LEFT_CUES):
                return None
        nxt, _ = _word_after(folded, m.end("season"))
        if nxt == "of":
            return None
    code, first, last = P.SEASONS[name]
    rel_off = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get(rel)
    f = {"k": "season", "y": y, "code": code, "first": first, "last": last, "rel": rel_off, "mod": _part_mod(m["mod"])}
    return _single(m, "season", "DATE", f)


def _b_rel_part(m, folded, raw):
    t = " ".join(m["mod"].lower().split())
    mod = {"earlier": "EARLIER", "later": "LATER", "the rest of": "REST"}.get(t) or P.PART_MODS.get(t, "")
    rel = " ".join(m["rel"].lower().split())
    off = {"this": 0, "the": 0, "the current": 0, "last": -1, "next": 1, "the coming": 1}[rel]
    return _single(m, "rel_part", "DATE", {"k": "rel_unit", "unit": m["unit"].lower(), "off": off, "mod": mod})


def _b_rel_unit(m, folded, raw):
    rel = m["rel"].lower()
    left, _ = _word_before(folded, m.start())
    if left == "the" and rel in ("last", "past", "next", "coming"):
        return None
    off = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    return _single(m, "rel_unit", "DATE", {"k": "rel_unit", "unit": m["unit"].lower(), "off": off, "mod": ""})


def _b_weekend(m, folded, raw):
    return _single(m, "weekend", "DATE", {"k": "weekend"}, s=m.start("core"), e=m.end("core"))


def _weekday_context_ok(folded: str, raw: str, s: int) -> bool:
    left, left_raw = _word_before(folded, s)
    if not left_raw or _sentence_initial(folded, s):
        return True
    if _cap(left_raw) and left not in P.WEEKDAY_LEFT_FUNCTION and left not in P.MONTHS:
        return False
    return True


def _b_hours_of(m, folded, raw):
    if m["wd"]:
        f = {"k": "weekday", "wd": _weekday_of(m["wd"]), "tod": "MO", "mod": "START"}
        if f["wd"] is None:
            return None
    else:
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["deic"].lower()]
        f = {"k": "deictic", "off": off, "tod": "MO", "mod": "START"}
    return _single(m, "hours_of", "TIME", f)


def _b_early_weekday(m, folded, raw):
    tod = P.PARTS_OF_DAY.get((m["tod"] or "").lower(), "")
    f = {"k": "weekday", "wd": _weekday_of(m["wd"]), "tod": tod, "mod": P.PART_MODS[m["mod"].lower()]}
    if f["wd"] is None:
        return None
    return _single(m, "early_weekday", "TIME" if tod else "DATE", f)


def _b_weekday(m, folded, raw):
    s = m.start("rel") if m["rel"] else m.start("wd")
    if not m["rel"] and not _weekday_context_ok(folded, raw, m.start("wd")):
        return None
    wd = _weekday_of(m["wd"])
    if wd is None:
        return None
    if m["pl"]:
        f = {"k": "set", "value": f"XXXX-WXX-{wd + 1}", "freq": ""}
        return _single(m, "weekday", "SET", f, s=m.start("wd"), e=m.end("pl"))
    tod = P.PARTS_OF_DAY.get((m["tod"] or "").lower(), "")
    rel = {"past": "last", "coming": "next"}.get((m["rel"] or "").lower(), (m["rel"] or "").lower())
    wk = {"last": -1, "next": 1, "this": 0}.get((m["wk"] or "").lower())
    f = {"k": "weekday", "wd": wd, "tod": tod, "mod": "", "rel": rel, "wk": wk}
    return _single(m, "weekday", "TIME" if tod else "DATE", f, s=s)


def _b_deictic(m, folded, raw):
    if m["dd"]:
        off = -2 if m["dd"].lower().startswith("before") else 2
        tod = ""
    else:
        word = m["deic"].lower()
        token_raw = raw[m.start("deic"):m.end("deic")]
        if word in ("today", "tomorrow") and _cap(token_raw) and not _sentence_initial(folded, m.start("deic")):
            left, left_raw = _word_before(folded, m.start("deic"))
            if _cap(left_raw) and left not in P.WEEKDAY_LEFT_FUNCTION:
                return None
        off = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
        tod = "NI" if word == "tonight" else ""
    tod = P.PARTS_OF_DAY.get((m["tod"] or "").lower(), tod)
    return _single(m, "deictic", "TIME" if tod else "DATE", {"k": "deictic", "off": off, "tod": tod, "mod": ""})


def _b_deictic_part(m, folded, raw):
    word, tod = m["deic"].lower(), P.PARTS_OF_DAY[m["tod"].lower()]
    off = -1 if word == "last" and tod in ("NI", "EV") else 0
    if word == "last" and tod in ("MO", "AF"):
        return None
    return _single(m, "deictic", "TIME", {"k": "deictic", "off": off, "tod": tod, "mod": ""})


def _b_anaphoric(m, folded, raw):
    which = (m["which"] or m["which2"]).lower()
    d = (m["dir"] or m["dir2"]).lower()
    off = {"before": -1, "earlier": -1, "previous": -1, "preceding": -1, "after": 1, "later": 1, "next": 1,
           "following": 1, "same": 0}[d]
    if which == "year" and d == "next":
        return None
    return _single(m, "anaphoric", "DATE", {"k": "anaphoric", "unit": which, "off": off})


def _mod_of(text: str | None) -> str:
    if not text:
        return ""
    return P.MODIFIERS.get(" ".join(text.lower().split()), "")


def _b_offset(m, folded, raw):
    n = _num(m["num"])
    if n is None:
        return None
    d = " ".join(m["dir"].lower().split())
    unit = _unit_name(m["unit"])
    if d in ("before", "after"):
        nxt, nxt_raw = _word_after(folded, m.end())
        if nxt in P.DETERMINERS or _cap(nxt_raw) or nxt.isdigit():
            e = m.end("unit")
            f = {"k": "duration", "value": _duration_value(n, unit), "mod": _mod_of(m["mod"])}
            return _single(m, "duration", "DURATION", f, e=e)
    f = {"k": "offset", "n": n, "unit": unit, "dir": d, "mod": _mod_of(m["mod"])}
    return _single(m, "offset", "DATE", f)


def _b_duration_the(m, folded, raw):
    d = m["dir"].lower()
    unit_text = m["unit"].lower()
    plural = unit_text.endswith("s") or unit_text.endswith("ies") or unit_text.endswith("ia")
    num = m["num"]
    if d == "first" and not num:
        return None
    nxt, _ = _word_after(folded, m.end())
    if nxt == "of" and d in ("last", "first", "past"):
        return None
    s = m.start("for") if m["for"] else m.start("core")
    if d in ("next", "coming") and not num and plural:
        return _single(m, "ref", "DATE", {"k": "ref", "value": "FUTURE_REF"}, s=m.start())
    if num and num.lower() in ("few", "several", "many"):
        n = None
    elif num:
        n = _num(num)
        if n is None:
            return None
    else:
        n = None if plural else 1.0
    f = {"k": "duration", "value": _duration_value(n, unit_text), "mod": ""}
    return _single(m, "duration_the", "DURATION", f, s=s)


def _b_duration(m, folded, raw):
    num = m["num"]
    n = _num(num)
    if n is None:
        return None
    if num.lower() in ("a", "an", "one") and not m["mod"]:
        left, _ = _word_before(folded, m.start("num"))
        if left not in P.DURATION_ONE_CUES:
            return None
    nxt, _ = _word_after(folded, m.end())
    unit = _unit_name(m["unit"])
    left, _ = _word_before(folded, m.start("num"))
    if unit in ("second", "minute") and not m["mod"] and left not in P.DURATION_ONE_CUES and not m["long"]:
        return None
    f = {"k": "duration", "value": _duration_value(n, unit), "mod": _mod_of(m["mod"])}
    return _single(m, "duration", "DURATION", f)


def _b_half(m, folded, raw):
    value = P.HALF_DURATIONS[m["unit"].lower()] if m["unit"] else P.AND_A_HALF_DURATIONS[m["unit2"].lower()]
    return _single(m, "duration", "DURATION", {"k": "duration", "value": value, "mod": ""})


def _b_vague_duration(m, folded, raw):
    unit = m["unit"] or m["unit2"] or m["unit3"]
    return _single(m, "vague_duration", "DURATION", {"k": "duration", "value": _duration_value(None, unit), "mod": ""})


def _b_ref(m, folded, raw):
    if m["past"]:
        value = "PAST_REF"
    elif m["present"]:
        value = "PRESENT_REF"
    else:
        value = "FUTURE_REF"
    return _single(m, "ref", "DATE", {"k": "ref", "value": value})


def _b_set(m, folded, raw):
    if m["adj"]:
        token_raw = raw[m.start("adj"):m.end("adj")]
        if _cap(token_raw) and not _sentence_initial(folded, m.start("adj")):
            return None
        value, freq = P.SET_ADJECTIVES[m["adj"].lower()]
    elif m["freq"]:
        fr = m["freq"].lower()
        k = {"once": 1, "twice": 2, "thrice": 3}.get(fr) or _num(fr.replace(" times", "")) or 0
        unit = m["unit"].lower()
        value = "P10Y" if unit == "decade" else f"P1{P.SET_UNIT_LETTERS[unit]}"
        freq = f"{_fmt_num(k)}X"
    elif m["unit2"]:
        unit = _unit_name(m["unit2"])
        n = 2.0 if m["other"] else (_num(m["n"]) if m["n"] else 1.0)
        if n is None:
            return None
        value, freq = _duration_value(n, unit), ""
    elif m["unit3"]:
        value, freq = f"P1{P.SET_UNIT_LETTERS[m['unit3'].lower()]}", ""
    elif m["wd"]:
        wd = _weekday_of(m["wd"])
        if wd is None:
            return None
        value, freq = f"XXXX-WXX-{wd + 1}", ""
    else:
        value, freq = f"XXXX-{P.SEASONS[m['season'].lower()][0]}", ""
    return _single(m, "set", "SET", {"k": "set", "value": value, "freq": freq})


def _b_plural_weekday(m, folded, raw):
    wd = _weekday_of(m["wd"])
    if wd is None:
        return None
    f = {"k": "set", "value": f"XXXX-WXX-{wd + 1}", "freq": ""}
    return _single(m, "set", "SET", f, s=m.start("core"), e=m.end("core"))


def _b_clock(m, folded, raw):
    if m["nm"]:
        left, _ = _word_before(folded, m.start())
        if left not in P.CLOCK_LEFT_CUES:
            return None
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["nm"].lower()]
    elif m["h"]:
        hh, mm = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), int(m["mi"] or 0)
    else:
        hh, mm = int(m["h2"]), int(m["mi2"])
        left, _ = _word_before(folded, m.start())
        if not m["tz"] and left not in P.CLOCK_LEFT_CUES:
            return None
    return _single(m, "clock", "TIME", {"k": "clock", "hh": hh, "mm": mm})


_BUILDERS: dict[str, Callable] = {
    "iso_date": _b_iso, "dotted_date": _b_dotted, "slash_date": _b_slash, "md_range": _b_md_range,
    "dm_range": _b_dm_range, "month_day": _b_date("month_day"), "day_month": _b_date("day_month"),
    "month_year": _b_month_year, "month": _b_month, "year_range": _b_year_range, "decade": _b_decade,
    "century": _b_century, "part_year": _b_part_year, "year": _b_year, "season": _b_season,
    "rel_part": _b_rel_part, "rel_unit": _b_rel_unit, "weekend": _b_weekend, "hours_of": _b_hours_of,
    "early_weekday": _b_early_weekday, "weekday": _b_weekday, "deictic": _b_deictic,
    "deictic_part": _b_deictic_part, "anaphoric": _b_anaphoric, "offset": _b_offset,
    "duration_the": _b_duration_the, "duration": _b_duration, "half_duration": _b_half,
    "vague_duration": _b_vague_duration, "ref": _b_ref, "set": _b_set, "plural_weekday": _b_plural_weekday,
    "clock": _b_clock,
}
assert set(_BUILDERS) == {name for name, _ in P.RULES}
#: The rules with their builders and gates, in order.
_RULES = [(rule, rx, _BUILDERS[rule], *P.RULE_GATES[rule]) for rule, rx in P.RULES]


# --------------------------------------------------------------------------- tense


@dataclass(frozen=True)
class _Marker:
    pos: int
    tense: str
    strength: int
    word: str


def _clause_bounds(folded: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in P.CLAUSE_BREAK.finditer(folded):
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(len(folded))
    bounds = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        if b > a:
            bounds.append((a, b))
    return bounds or [(0, len(folded))]


def _clause_of(bounds: list[tuple[int, int]], pos: int) -> int:
    i = bisect.bisect_right([b for _, b in bounds], pos)
    return min(i, len(bounds) - 1)


def _markers(folded: str, bounds: list[tuple[int, int]]) -> list[_Marker]:
    taken = bytearray(len(folded) + 1)
    out: list[_Marker] = []

    def mark(m: re.Match, tense: str, strength: int, word: str) -> None:
        a, b = m.span()
        out.append(_Marker(a, tense, strength, word))
        taken[a:b] = b"\x01" * (b - a)

    for m in P.FUTURE.finditer(folded):
        mark(m, "future", 2, m.group().lower())
    for m in P.MODAL_PERFECT.finditer(folded):
        if not taken[m.start()]:
            mark(m, "past", 1, m.group().lower())
    for m in P.MODAL.finditer(folded):
        if not taken[m.start()]:
            mark(m, "modal", 1, m.group().lower())
    for m in P.PERFECT.finditer(folded):
        verb = m.group("verb").lower()
        if taken[m.start()]:
            continue
        if verb in P.PARTICIPLE_IRREGULAR or (verb.endswith("ed") and verb not in P.NOT_PAST_ED) or verb.endswith("en"):
            mark(m, "perfect", 2, verb)
    for m in P.PAST_AUX.finditer(folded):
        if not taken[m.start()]:
            mark(m, "past", 2, m.group().lower())
    for m in P.PRESENT_AUX.finditer(folded):
        if not taken[m.start()]:
            mark(m, "present", 2, m.group().lower())
    for m in P.LOWER_WORD.finditer(folded):
        w = m.group()
        if taken[m.start()]:
            continue
        if w in P.PRESENT_VERBS:
            out.append(_Marker(m.start(), "present", 1, w))
            continue
        if not (w in P.PAST_IRREGULAR or (w.endswith("ed") and len(w) > 4 and w not in P.NOT_PAST_ED)):
            continue
        before = folded[max(0, m.start() - 40):m.start()]
        near = before[-25:]
        if (P.AUX_BEFORE.search(before) or P.DETERMINER_BEFORE.search(near) or P.PREPOSITION_BEFORE.search(near)
                or near.endswith("-")):
            continue
        a, _ = bounds[_clause_of(bounds, m.start())]
        initial = not folded[a:m.start()].strip(" '\"")
        out.append(_Marker(m.start(), "past", 1 if initial else 2, w))
    return sorted(out, key=lambda k: k.pos)


def _tense_at(pos: int, bounds: list[tuple[int, int]], markers: list[_Marker], folded: str = "") -> tuple[str, bool]:
    """Return the tense governing position `pos` and whether it comes from its own clause.

    The nearest cue of the clause wins; a clause without one takes the nearest strong
    cue of the clauses before it, then after it. A clause opened by "since" without a
    verb ("since the invasion in 2022") is in the past.
    """
    ci = _clause_of(bounds, pos)
    inside = [k for k in markers if _clause_of(bounds, k.pos) == ci]
    chosen = None
    if inside:
        chosen = min(inside, key=lambda k: (abs(k.pos - pos) + (0 if k.pos <= pos else 0.5)))
    elif P.SINCE_BEFORE.search(folded[:bounds[ci][0]]):
        return "past", True
    else:
        for j in range(ci - 1, -1, -1):
            strong = [k for k in markers if _clause_of(bounds, k.pos) == j and k.strength == 2]
            if strong:
                chosen = strong[-1]
                break
        if chosen is None:
            for j in range(ci + 1, len(bounds)):
                strong = [k for k in markers if _clause_of(bounds, k.pos) == j and k.strength == 2]
                if strong:
                    chosen = strong[0]
                    break
    if chosen is None:
        return "none", False
    return {"perfect": "past"}.get(chosen.tense, chosen.tense), bool(inside)


# --------------------------------------------------------------------------- per article


#: The last few articles' mentions, by content: `timexes` and `infer_published` read the same
#: sentences one after the other, and resolution never changes a mention, so they share one list.
_MENTIONS_MEMO: "collections.OrderedDict[tuple, list[_Mention]]" = collections.OrderedDict()
_MEMO_SIZE = 8


def _article_mentions(aid: str, rows: tuple[_Row, ...]) -> list[_Mention]:
    key = (aid, rows)
    if key in _MENTIONS_MEMO:
        _MENTIONS_MEMO.move_to_end(key)
        return _MENTIONS_MEMO[key]
    found = _find_article_mentions(aid, rows)
    _MENTIONS_MEMO[key] = found
    while len(_MENTIONS_MEMO) > _MEMO_SIZE:
        _MENTIONS_MEMO.popitem(last=False)
    return found


def _find_article_mentions(aid: str, rows: tuple[_Row, ...]) -> list[_Mention]:
    out: list[_Mention] = []
    for row in rows:
        if row.kind in SKIP_KINDS:
            continue
        out.extend(_sentence_mentions(aid, row, len(out)))
    return out


@functools.lru_cache(maxsize=8192)
def _fold(raw: str) -> str:
    return fold(raw)


@functools.lru_cache(maxsize=8192)
def _clauses(folded: str) -> list[tuple[int, int]]:
    """Return the clause bounds of a sentence (cached; callers never change them)."""
    return _clause_bounds(folded)


@functools.lru_cache(maxsize=8192)
def _tense_cues(folded: str) -> tuple[list[tuple[int, int]], list[_Marker]]:
    """Return the clause bounds and tense markers of a sentence (cached; callers never change them)."""
    bounds = _clauses(folded)
    return bounds, _markers(folded, bounds)


def _sentence_mentions(aid: str, row: _Row, offset: int) -> list[_Mention]:
    raw = row.text
    folded = _fold(raw)
    cands = _candidates(folded, raw)
    if not cands:
        return []
    bounds, markers = _tense_cues(folded)
    sid, pid, start, caption = int(row.sentence_id), int(row.paragraph_id), int(row.start), row.kind == "caption"
    out: list[_Mention] = []
    prev_cand: _Cand | None = None
    prev_first = 0
    for c in cands:
        first = len(out)
        for part in c.parts:
            tense, local = _tense_at(part.s, bounds, markers, folded)
            mention = _Mention(
                article_id=aid, sentence_id=sid, paragraph_id=pid,
                start=start + part.s, end=start + part.e, text=raw[part.s:part.e], rule=c.rule,
                timex_type=part.ttype, f=dict(part.f), tense=tense, local_tense=local, clause=_clause_of(bounds, part.s),
                caption=caption,
            )
            if part.link is not None:
                mention.link = offset + first + part.link
                mention.link_kind = part.link_kind
            out.append(mention)
        if prev_cand is not None and len(prev_cand.parts) == 1 and len(c.parts) == 1:
            between = folded[prev_cand.e:c.s]
            if P.CONNECTOR.match(between):
                _coordinate(out[prev_first], out[first], offset + prev_first)
        prev_cand, prev_first = c, first
    return out


def _coordinate(a: _Mention, b: _Mention, a_index: int) -> None:
    """Link two coordinated timexes ("Wednesday and Thursday", "March and June 2024")."""
    ka, kb = a.f.get("k"), b.f.get("k")
    if ka != kb or ka not in ("weekday", "date", "month", "season"):
        return
    if ka == "weekday":
        if not a.f.get("rel") and not b.f.get("rel") and a.f.get("wk") is None and b.f.get("wk") is None:
            b.link, b.link_kind = a_index, "after"
        return
    if any(x.f.get(key) is not None for x in (a, b) for key in ("rel", "ry")):
        return
    if b.f.get("y") is None and a.f.get("y") is None:
        b.link, b.link_kind = a_index, "after"
    elif a.f.get("y") is None and b.f.get("y") is not None:
        y = b.f["y"]
        if ka in ("date", "month") and a.f["m"] > b.f["m"]:
            y -= 1
        a.f["y"] = y
        a.f["y_from"] = b.span_id


# =========================================================================== resolution


def _resolve_all(mentions: list[_Mention], dct: date | None, fixed: list[_Res | None] | None = None,
                 alone: list[tuple | None] | None = None) -> list[_Res]:
    """Resolve the mentions of one article in text order against `dct` (None: no DCT).

    The first end of a range written "15-16 September" waits for the second end; clock
    times wait for the day they belong to. `fixed` holds, where not None, resolutions
    known not to depend on the DCT (see ``_dct_free``), which are taken as they are.
    `alone`, where given and not None, holds the ``_alone_key`` of a mention that reads
    no other, resolved through the cache of ``_resolve_alone``.
    """
    res: list[_Res] = []
    waiting = []
    for i, m in enumerate(mentions):
        if fixed is not None and fixed[i] is not None:
            res.append(fixed[i])
        elif alone is not None and alone[i] is not None:
            res.append(_resolve_alone(alone[i], dct))
        elif (m.link is not None and m.link > i) or m.f.get("k") == "clock":
            waiting.append(i)
            res.append(_Res(""))
        else:
            res.append(_resolve_one(i, m, mentions, res, dct))
    for i in waiting:
        m = mentions[i]
        res[i] = _resolve_clock(i, m, mentions, res) if m.f.get("k") == "clock" else _resolve_one(i, m, mentions, res, dct)
    return res


def _dependencies(mentions: list[_Mention]) -> list[list[int]]:
    """Return, per mention, the mentions whose resolutions resolving it may read (``_reads``)."""
    by_para: dict[int, list[int]] = {}
    by_sentence: dict[int, list[int]] = {}
    by_kind: dict[tuple, list[int]] = {}
    for j, o in enumerate(mentions):
        by_para.setdefault(o.paragraph_id, []).append(j)
        by_sentence.setdefault(o.sentence_id, []).append(j)
        by_kind.setdefault(_read_key(o), []).append(j)
    return [_reads(i, mentions, by_para, by_sentence, by_kind) for i in range(len(mentions))]


def _closure(reads: list[list[int]], targets: Iterable[int]) -> list[bool]:
    """Return, per mention, whether resolving `targets` may read its resolution (`reads`, transitively)."""
    need = [False] * len(reads)
    stack = list(targets)
    while stack:
        i = stack.pop()
        if need[i]:
            continue
        need[i] = True
        stack.extend(reads[i])
    return need


def _read_key(m: _Mention) -> tuple:
    """Return what an earlier mention must share with `m` for `m` to read it outside its paragraph."""
    k = m.f.get("k")
    return (k, m.f.get("wd")) if k == "weekday" else (k,)


def _reads(i: int, mentions: list[_Mention], by_para: dict, by_sentence: dict, by_kind: dict) -> list[int]:
    """Return the mentions whose resolutions resolving mention `i` may read (a superset; see ``_resolve_one``).

    Its link; for a date, month or season without year, the earlier mentions of its
    paragraph (its sentence's years, a year in the paragraph) and the earlier ones of
    the same kind; for a weekday the earlier ones of the same weekday; for a clock
    every mention of its sentence; for an anaphor or an offset from an event, the earlier
    mentions of its paragraph (the antecedent). Words that name their day against the
    DCT alone ("last Friday", "this week", "two years ago") read none.
    """
    m = mentions[i]
    f = m.f
    k = f.get("k")
    if m.link is not None and k in _ANCHORED_KINDS | {"weekday"} and f.get("y") is None:
        return [m.link]
    if k in _DCT_FREE_KINDS or k in _ANCHORED_KINDS and f.get("y") is not None:
        return []
    if k in ("deictic", "rel_unit", "weekend"):
        return []
    if k == "weekday":
        if f.get("wk") is not None or f.get("rel") in ("last", "next", "this"):
            return []
        return [j for j in by_kind[_read_key(m)] if j < i]
    if k in _ANCHORED_KINDS:
        if f.get("ry") is not None or f.get("rel") is not None:
            return []
        return [j for j in by_para[m.paragraph_id] if j < i] + [j for j in by_kind[_read_key(m)] if j < i]
    if k == "offset" and f["dir"] in ("ago", "from now", "hence"):
        return []
    if k == "clock":
        return [j for j in by_sentence[m.sentence_id] if j != i]
    # offsets from an event, anaphors and anything else: the paragraph, the same kind, the link
    out = [j for j in by_para[m.paragraph_id] if j < i] + [j for j in by_kind[_read_key(m)] if j < i]
    return out + ([m.link] if m.link is not None else [])


def _alone_key(i: int, mentions: list[_Mention], reads: list[int]) -> tuple | None:
    """Return what mention `i` resolves from when it reads no other mention (its words, its tense), else None.

    Such a mention ("last Friday", "this week", "on Tuesday" with no earlier Tuesday)
    resolves the same against a DCT in any article: ``_resolve_alone`` caches it.
    """
    m = mentions[i]
    if reads or m.link is not None or m.f.get("k") == "clock":
        return None
    key = tuple(sorted(m.f.items())), m.tense
    try:
        hash(key)
    except TypeError:
        return None
    return key


@functools.lru_cache(maxsize=1 << 15)
def _resolve_alone(key: tuple, dct: date | None) -> _Res:
    """Return the resolution against `dct` of a mention that reads no other (see ``_alone_key``)."""
    items, tense = key
    m = _Mention("", 0, 0, 0, 0, "", "", "", dict(items), tense)
    return _resolve_one(0, m, [m], [], dct)


def _resolve_some(mentions: list[_Mention], dct: date, fixed: list[_Res | None], todo: list[int],
                  alone: list[tuple | None]) -> list[_Res | None]:
    """Return ``_resolve_all(mentions, dct, fixed, alone)`` at the fixed mentions and at `todo`, None elsewhere.

    `todo` (in text order) must hold, with the fixed ones, every mention that resolving
    one of them may read (``_closure``): those then resolve in the same order, from the
    same resolutions, as in full.
    """
    res = list(fixed)
    waiting = []
    for i in todo:
        m = mentions[i]
        if alone[i] is not None:
            res[i] = _resolve_alone(alone[i], dct)
        elif (m.link is not None and m.link > i) or m.f.get("k") == "clock":
            waiting.append(i)
            res[i] = _Res("")
        else:
            res[i] = _resolve_one(i, m, mentions, res, dct)
    for i in waiting:
        m = mentions[i]
        res[i] = _resolve_clock(i, m, mentions, res) if m.f.get("k") == "clock" else _resolve_one(i, m, mentions, res, dct)
    return res


#: Kinds resolved from their own words alone (a year printed, a duration, a set, a vague reference).
_DCT_FREE_KINDS = frozenset({"duration", "set", "ref", "year", "decade", "century"})


def _dct_free(m: _Mention) -> bool:
    """Return whether `m` resolves the same whatever the DCT and the other mentions' resolutions."""
    k = m.f.get("k")
    return k in _DCT_FREE_KINDS or (k in _ANCHORED_KINDS and m.f.get("y") is not None)


def _iv_distance(iv: tuple[date, date], d: date) -> int:
    if iv[0] <= d <= iv[1]:
        return 0
    return (iv[0] - d).days if d < iv[0] else (d - iv[1]).days


def _compatible(iv: tuple[date, date] | None, tense: str, dct: date | None, *, window: int | None) -> bool:
    """Return whether interval `iv` may be meant by a timex of `tense` in an article of `dct`.

    Past: it starts on or before the DCT; future: it ends on or after it; otherwise it
    lies within `window` days of it (any distance when `window` is None).
    """
    if iv is None:
        return False
    if dct is None:
        return True
    if tense == "past":
        return iv[0] <= dct
    if tense == "future":
        return iv[1] >= dct
    return window is None or _iv_distance(iv, dct) <= window


def _pick_year(fn: Callable[[int], tuple[date, date] | None], dct: date, tense: str, *, rel: int | None = None,
               wd: int | None = None) -> tuple[date, date] | None:
    cands = [(y, fn(y)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    cands = [(y, iv) for y, iv in cands if iv is not None]
    if wd is not None:
        cands = [c for c in cands if c[1][0].weekday() == wd] or cands
    if not cands:
        return None
    if rel is not None:
        if rel == 0:
            same = [iv for y, iv in cands if y == dct.year]
            return same[0] if same else None
        if rel < 0:
            before = [iv for y, iv in cands if iv[1] < dct]
            return max(before, key=lambda iv: iv[0]) if before else None
        after = [iv for y, iv in cands if iv[0] > dct]
        return min(after, key=lambda iv: iv[0]) if after else None
    if tense == "past":
        before = [iv for y, iv in cands if iv[0] <= dct]
        return max(before, key=lambda iv: iv[0]) if before else None
    if tense == "future":
        after = [iv for y, iv in cands if iv[1] >= dct]
        return min(after, key=lambda iv: iv[0]) if after else None
    return min(cands, key=lambda c: (_iv_distance(c[1], dct), c[0] != dct.year, -c[0]))[1]


def _weekday_date(dct: date, wd: int, tense: str) -> date:
    back = (dct.weekday() - wd) % 7
    if tense == "past":
        return dct - timedelta(days=back)
    if tense == "future":
        return dct + timedelta(days=(wd - dct.weekday()) % 7)
    return dct - timedelta(days=back) if back <= 3 else dct + timedelta(days=7 - back)


def _interval_fn(f: dict) -> Callable[[int], tuple[date, date] | None]:
    k = f["k"]
    if k == "date":
        def fn(y):
            d = _valid(y, f["m"], f["d"])
            return (d, d) if d else None
    elif k == "month":
        def fn(y):
            return _part_interval((date(y, f["m"], 1), _month_end(y, f["m"])), f.get("mod", ""), "month")
    else:
        def fn(y):
            first, last = f["first"], f["last"]
            start = date(y, first, 1)
            end = _month_end(y + (1 if last < first else 0), last)
            return _part_interval((start, end), f.get("mod", ""), "season")
    return fn


def _part_interval(iv: tuple[date, date], mod: str, gran: str) -> tuple[date, date]:
    s, e = iv
    if not mod or mod in ("EARLIER", "LATER", "REST"):
        return iv
    if gran == "month":
        last = e.day
        return {"START": (s, s.replace(day=10)), "MID": (s.replace(day=11), s.replace(day=20)),
                "END": (s.replace(day=21), e)}.get(mod, iv)
    if gran == "year":
        y = s.year
        table = {"START": (1, 4), "MID": (5, 8), "END": (9, 12), "H1": (1, 6), "H2": (7, 12), "Q1": (1, 3),
                 "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}
        if mod in table:
            a, b = table[mod]
            return date(y, a, 1), _month_end(y, b)
        return iv
    if gran == "decade":
        y = s.year
        a, b = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}.get(mod, (0, 9))
        return date(y + a, 1, 1), date(y + b, 12, 31)
    n = (e - s).days + 1
    third = max(n // 3, 1)
    return {"START": (s, s + timedelta(days=third - 1)), "MID": (s + timedelta(days=third), e - timedelta(days=third)),
            "END": (e - timedelta(days=third - 1), e)}.get(mod, iv)


def _value_for(gran: str, iv: tuple[date, date], f: dict | None = None) -> str:
    s = iv[0]
    if gran == "day":
        return s.isoformat()
    if gran == "month":
        return f"{s.year:04d}-{s.month:02d}"
    if gran == "year":
        mod = (f or {}).get("mod", "")
        if mod in ("H1", "H2", "Q1", "Q2", "Q3", "Q4"):
            return f"{s.year:04d}-{mod}"
        return f"{s.year:04d}"
    if gran == "season":
        return f"{s.year:04d}-{(f or {}).get('code', 'XX')}"
    if gran == "week":
        return _week_value(s)
    if gran == "weekend":
        return _week_value(s) + "-WE"
    if gran == "decade":
        return f"{s.year // 10:03d}"
    if gran == "century":
        return f"{s.year // 100:02d}"
    if gran == "quarter":
        return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    return s.isoformat()


def _mod_out(mod: str) -> str:
    return "" if mod in ("EARLIER", "LATER", "REST") else mod


def _unresolved(m: _Mention) -> _Res:
    f, k = m.f, m.f.get("k")
    if k == "date":
        return _Res(f"XXXX-{f['m']:02d}-{f['d']:02d}", gran="day")
    if k == "month":
        return _Res(f"XXXX-{f['m']:02d}", mod=f.get("mod", ""), gran="month")
    if k == "season":
        return _Res(f"XXXX-{f['code']}", mod=f.get("mod", ""), gran="season")
    if k == "weekday":
        tod = f"T{f['tod']}" if f.get("tod") else ""
        return _Res(f"XXXX-WXX-{f['wd'] + 1}{tod}", mod=f.get("mod", ""), gran="time" if tod else "day")
    if k in ("deictic", "anaphoric"):
        unit = f.get("unit", "day")
        value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX-XX-XX")
        tod = f"T{f['tod']}" if f.get("tod") else ""
        return _Res(value + tod, mod=f.get("mod", ""), gran="time" if tod else unit)
    if k == "rel_unit":
        unit = f["unit"]
        value = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX",
                 "quarter": "XXXX-QX"}[unit]
        return _Res(value, mod=_mod_out(f.get("mod", "")), gran=unit)
    if k == "weekend":
        return _Res("XXXX-WXX-WE", gran="weekend")
    if k == "offset":
        gran = _offset_gran(f["unit"])
        value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[gran]
        return _Res(value, mod=f.get("mod", ""), gran=gran)
    return _Res("XXXX")


def _offset_gran(unit: str) -> str:
    if unit in ("second", "minute", "hour", "day"):
        return "day"
    return unit if unit in ("week", "month") else "year"


def _resolve_one(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res], dct: date | None) -> _Res:
    k = m.f.get("k")
    if k == "duration":
        return _Res(m.f["value"], mod=m.f.get("mod", ""))
    if k == "set":
        return _Res(m.f["value"], freq=m.f.get("freq", ""))
    if k == "ref":
        return _Res(m.f["value"])
    if k == "clock":
        return _Res("XXXX-XX-XXT{:02d}:{:02d}".format(m.f["hh"], m.f["mm"]), gran="time")
    if k == "year":
        y = m.f["y"]
        iv = _part_interval((date(y, 1, 1), date(y, 12, 31)), m.f.get("mod", ""), "year")
        anchor = "absolute"
        if m.link is not None and m.link_kind == "century":
            anchor = mentions[m.link].span_id
        return _Res(_value_for("year", iv, m.f), iv[0], iv[1], anchor, _mod_keep(m.f.get("mod", "")), "year")
    if k == "decade":
        y = m.f["y"]
        iv = _part_interval((date(y, 1, 1), date(y + 9, 12, 31)), m.f.get("mod", ""), "decade")
        return _Res(f"{y // 10:03d}", iv[0], iv[1], "absolute", m.f.get("mod", ""), "decade")
    if k == "century":
        c = m.f["c"]
        first = date((c - 1) * 100, 1, 1) if c > 1 else date(1, 1, 1)
        return _Res(f"{c - 1:02d}", first, date((c - 1) * 100 + 99, 12, 31), "absolute", "", "century")
    if k in _ANCHORED_KINDS:
        return _resolve_anchored(i, m, mentions, res, dct)
    if k == "weekday":
        return _resolve_weekday(i, m, mentions, res, dct)
    if k == "deictic":
        if dct is None:
            return _unresolved(m)
        d = dct + timedelta(days=m.f["off"])
        return _day_res(d, m.f, "dct")
    if k == "rel_unit":
        return _resolve_rel_unit(m, dct)
    if k == "weekend":
        if dct is None:
            return _unresolved(m)
        sat = _weekend_saturday(dct, m.tense)
        return _Res(_week_value(sat) + "-WE", sat, sat + timedelta(days=1), "dct", "", "weekend")
    if k == "offset":
        return _resolve_offset(i, m, mentions, res, dct)
    if k == "anaphoric":
        return _resolve_anaphoric(i, m, mentions, res)
    return _unresolved(m)


def _weekend_saturday(dct: date, tense: str) -> date:
    """Return the Saturday of "the weekend": the last one in the past tense, the next one in the future.

    On a Saturday or Sunday it is the current weekend; without tense, Monday and
    Tuesday look back and Wednesday to Friday look ahead.
    """
    wd = dct.weekday()
    last = dct - timedelta(days=(wd - 5) % 7)
    coming = last if wd >= 5 else dct + timedelta(days=5 - wd)
    if tense == "past":
        return last
    if tense == "future":
        return coming
    return last if wd <= 1 or wd >= 5 else coming


def _mod_keep(mod: str) -> str:
    return "" if mod in ("H1", "H2", "Q1", "Q2", "Q3", "Q4") else mod


def _day_res(d: date, f: dict, anchor: str) -> _Res:
    tod = f.get("tod", "")
    if tod:
        return _Res(f"{d.isoformat()}T{tod}", d, d, anchor, f.get("mod", ""), "time")
    return _Res(d.isoformat(), d, d, anchor, f.get("mod", ""), "day")


def _gran_of(f: dict) -> str:
    return {"date": "day", "month": "month", "season": "season"}[f["k"]]


def _res_from_iv(iv: tuple[date, date], m: _Mention, anchor: str) -> _Res:
    gran = _gran_of(m.f)
    if gran == "day":
        return _day_res(iv[0], m.f, anchor)
    return _Res(_value_for(gran, iv, m.f), iv[0], iv[1], anchor, m.f.get("mod", ""), gran)


def _same_key(a: _Mention, b: _Mention) -> bool:
    fa, fb = a.f, b.f
    if fa.get("k") != fb.get("k") or fb.get("rel") is not None or fb.get("ry") is not None:
        return False
    if fa["k"] == "date":
        return (fa["m"], fa["d"]) == (fb["m"], fb["d"])
    if fa["k"] == "month":
        return fa["m"] == fb["m"] and fa.get("mod", "") == fb.get("mod", "")
    if fa["k"] == "season":
        return fa["code"] == fb["code"]
    return False


def _tenses_clash(a: str, b: str) -> bool:
    return {a, b} == {"past", "future"}


def _resolve_anchored(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res], dct: date | None) -> _Res:
    """Resolve a date, month or season: absolute, or from its partner, a year nearby, an earlier mention, the DCT."""
    f = m.f
    fn = _interval_fn(f)
    window = 7 if f["k"] == "date" else 200
    if f.get("y") is not None:
        iv = fn(f["y"])
        if iv is None:
            return _unresolved(m)
        return _res_from_iv(iv, m, f.get("y_from") or "absolute")
    # 1. the other end of a range or coordination
    if m.link is not None:
        other, r = mentions[m.link], res[m.link]
        if m.link_kind == "before":
            if r.earliest is None:
                return _unresolved(m)
            for y in (r.earliest.year, r.earliest.year - 1):
                iv = fn(y)
                if iv and iv[1] <= r.latest:
                    return _res_from_iv(iv, m, other.span_id)
            return _unresolved(m)
        if r is not None and r.earliest is not None:
            for y in (r.earliest.year, r.earliest.year + 1):
                iv = fn(y)
                if iv and iv[0] >= r.earliest:
                    return _res_from_iv(iv, m, other.span_id)
        return _unresolved(m)
    # relative year ("Sept. 16 last year")
    if f.get("ry") is not None:
        if dct is None:
            return _unresolved(m)
        iv = fn(dct.year + f["ry"])
        return _res_from_iv(iv, m, "dct") if iv else _unresolved(m)
    # "last May", "next summer"
    if f.get("rel") is not None:
        if dct is None:
            return _unresolved(m)
        iv = _pick_year(fn, dct, m.tense, rel=f["rel"])
        return _res_from_iv(iv, m, "dct") if iv else _unresolved(m)
    # 2. a year printed earlier in the same sentence, in a clause of compatible tense
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if o.sentence_id != m.sentence_id:
            break
        r = res[j]
        if r.earliest is None or r.gran not in ("year", "month", "day", "season", "time") or o.f.get("k") == "deictic":
            continue
        if _tenses_clash(o.tense, m.tense):
            continue
        iv = fn(r.earliest.year)
        if iv and _compatible(iv, m.tense, dct, window=None):
            return _res_from_iv(iv, m, o.span_id)
    # 3. an earlier mention of the same date, month or season
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if _same_key(o, m) and res[j].earliest is not None:
            iv = (res[j].earliest, res[j].latest)
            if _compatible(iv, m.tense, dct, window=window):
                return _res_from_iv(iv, m, o.span_id)
            break
    # 4. a year printed in an earlier sentence of the same paragraph, both in the past tense
    if m.tense == "past":
        for j in range(i - 1, -1, -1):
            o = mentions[j]
            if o.paragraph_id != m.paragraph_id:
                break
            if o.sentence_id == m.sentence_id:
                continue
            r = res[j]
            if r.anchor != "absolute" or r.earliest is None or r.gran not in ("year", "month", "day", "season"):
                continue
            if o.tense != "past":
                break
            iv = fn(r.earliest.year)
            if iv and _compatible(iv, "past", dct, window=0):
                return _res_from_iv(iv, m, o.span_id)
            break
    # 5. the publication date
    if dct is None:
        return _unresolved(m)
    iv = _pick_year(fn, dct, m.tense, wd=f.get("wd"))
    return _res_from_iv(iv, m, "dct") if iv else _unresolved(m)


def _resolve_weekday(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res], dct: date | None) -> _Res:
    f = m.f
    wd = f["wd"]
    if m.link is not None:
        r = res[m.link]
        if r.earliest is None:
            return _unresolved(m)
        d = r.earliest + timedelta(days=(wd - r.earliest.weekday()) % 7 or 7)
        return _day_res(d, f, mentions[m.link].span_id)
    if dct is None:
        return _unresolved(m)
    rel, wk = f.get("rel", ""), f.get("wk")
    if wk is not None:
        return _day_res(_monday(dct) + timedelta(days=7 * wk + wd), f, "dct")
    if rel == "last":
        return _day_res(dct - timedelta(days=((dct.weekday() - wd - 1) % 7) + 1), f, "dct")
    if rel == "next":
        return _day_res(dct + timedelta(days=((wd - dct.weekday() - 1) % 7) + 1), f, "dct")
    if rel == "this":
        return _day_res(_monday(dct) + timedelta(days=wd), f, "dct")
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if o.f.get("k") == "weekday" and o.f.get("wd") == wd and not o.f.get("rel") and o.f.get("wk") is None:
            r = res[j]
            if r.earliest is not None and _compatible((r.earliest, r.earliest), m.tense, dct, window=3):
                return _day_res(r.earliest, f, o.span_id)
            break
    return _day_res(_weekday_date(dct, wd, m.tense), f, "dct")


def _resolve_rel_unit(m: _Mention, dct: date | None) -> _Res:
    f = m.f
    if dct is None:
        return _unresolved(m)
    unit, off, mod = f["unit"], f["off"], f.get("mod", "")
    if unit == "week":
        s = _monday(dct) + timedelta(days=7 * off)
        iv = (s, s + timedelta(days=6))
    elif unit == "weekend":
        s = _monday(dct) + timedelta(days=7 * off + 5)
        iv = (s, s + timedelta(days=1))
    elif unit == "month":
        s = _add_months(dct.replace(day=1), off)
        iv = (s, _month_end(s.year, s.month))
    elif unit == "year":
        iv = (date(dct.year + off, 1, 1), date(dct.year + off, 12, 31))
    elif unit == "decade":
        y = (dct.year // 10 + off) * 10
        iv = (date(y, 1, 1), date(y + 9, 12, 31))
    else:
        q = (dct.month - 1) // 3 + off
        y, q = dct.year + q // 4, q % 4
        iv = (date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3))
    value = _value_for(unit, iv)
    if mod == "EARLIER":
        iv = (iv[0], min(dct, iv[1]))
    elif mod in ("LATER", "REST"):
        iv = (max(dct, iv[0]), iv[1])
    elif mod:
        iv = _part_interval(iv, mod, unit if unit in ("month", "year", "decade") else "week")
    return _Res(value, iv[0], iv[1], "dct", _mod_out(mod), unit)


def _shift(d: date, n: float, unit: str, sign: int) -> date:
    if unit in ("second", "minute", "hour"):
        return d
    if unit == "day":
        return d + timedelta(days=sign * round(n))
    if unit == "week":
        return d + timedelta(days=sign * round(7 * n))
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200, "millennium": 12000}[unit] * n
    return _add_months(d, sign * round(months))


def _resolve_offset(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res], dct: date | None) -> _Res:
    f = m.f
    d, unit, n, mod = f["dir"], f["unit"], f["n"], f.get("mod", "")
    if d in ("ago", "from now", "hence"):
        base, anchor = dct, "dct"
    else:
        base, anchor = None, ""
        ante = _antecedent(i, m, mentions, res)
        if ante is not None:
            base, anchor = res[ante].earliest, mentions[ante].span_id
    if base is None:
        return _unresolved(m)
    sign = -1 if d in ("ago", "earlier", "before") else 1
    try:
        point = _shift(base, n, unit, sign)
    except (ValueError, OverflowError):
        return _unresolved(m)
    gran = _offset_gran(unit)
    if mod in ("MORE_THAN", "EQUAL_OR_MORE", "LESS_THAN", "EQUAL_OR_LESS"):
        further = mod in ("MORE_THAN", "EQUAL_OR_MORE")
        if sign < 0:
            iv = (None, point) if further else (point, base)
            tmod = "BEFORE" if further else "AFTER"
        else:
            iv = (point, None) if further else (base, point)
            tmod = "AFTER" if further else "BEFORE"
        return _Res(point.isoformat(), iv[0], iv[1], anchor, tmod, "day")
    if gran == "day":
        return _Res(point.isoformat(), point, point, anchor, mod, "day")
    if gran == "week":
        s = _monday(point)
        return _Res(_week_value(s), s, s + timedelta(days=6), anchor, mod, "week")
    if gran == "month":
        iv = (point.replace(day=1), _month_end(point.year, point.month))
        return _Res(f"{point.year:04d}-{point.month:02d}", iv[0], iv[1], anchor, mod, "month")
    approx = mod or ("APPROX" if unit in ("decade", "century", "millennium") else "")
    return _Res(f"{point.year:04d}", date(point.year, 1, 1), date(point.year, 12, 31), anchor, approx, "year")


def _antecedent(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res]) -> int | None:
    """Return the index of the nearest earlier day-level timex of the same paragraph."""
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if o.paragraph_id != m.paragraph_id:
            return None
        r = res[j]
        if r.earliest is not None and r.latest is not None and r.gran in _DAY_GRANS | {"week", "month", "year"}:
            return j
    return None


def _resolve_anaphoric(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res]) -> _Res:
    j = _antecedent(i, m, mentions, res)
    if j is None:
        return _unresolved(m)
    base, span = res[j].earliest, mentions[j].span_id
    unit, off = m.f["unit"], m.f["off"]
    if unit == "day":
        if res[j].gran not in _DAY_GRANS:
            return _unresolved(m)
        d = base + timedelta(days=off)
        return _Res(d.isoformat(), d, d, span, "", "day")
    if unit == "week":
        s = _monday(base) + timedelta(days=7 * off)
        return _Res(_week_value(s), s, s + timedelta(days=6), span, "", "week")
    if unit == "month":
        s = _add_months(base.replace(day=1), off)
        return _Res(f"{s.year:04d}-{s.month:02d}", s, _month_end(s.year, s.month), span, "", "month")
    y = base.year + off
    return _Res(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), span, "", "year")


def _resolve_clock(i: int, m: _Mention, mentions: list[_Mention], res: list[_Res]) -> _Res:
    best, dist = None, None
    for j, o in enumerate(mentions):
        if j == i or o.sentence_id != m.sentence_id:
            continue
        r = res[j]
        if r.gran in _DAY_GRANS and r.earliest is not None and r.latest == r.earliest:
            gap = abs(o.start - m.start)
            if dist is None or gap < dist:
                best, dist = j, gap
    hhmm = "T{:02d}:{:02d}".format(m.f["hh"], m.f["mm"])
    if best is None:
        return _Res("XXXX-XX-XX" + hhmm, gran="time")
    d = res[best].earliest
    return _Res(d.isoformat() + hhmm, d, d, mentions[best].span_id, "", "time")


# =========================================================================== inference


@dataclass(frozen=True)
class _Summits:
    """The summits reference table as the inference reads it, with its name patterns compiled once."""

    rows: list[dict]
    city_rx: re.Pattern | None
    name_to_city: dict[str, str]
    country_rx: re.Pattern | None


#: The columns of the summits table the inference reads.
_SUMMIT_FIELDS = ("summit_id", "city", "city_aliases", "country", "start", "end")


def _summit_index(summits: pd.DataFrame | None) -> _Summits:
    """Return the summits (start, end as dates, city names with aliases) ready for matching.

    Built once per distinct table content (the reference table is read for every article).
    """
    if summits is None:
        from . import reference
        from .exceptions import ReferenceDataError

        try:
            summits = reference.summits()
        except ReferenceDataError:
            return _summit_index_of(((), ()))
    cols = tuple(c for c in _SUMMIT_FIELDS if c in summits.columns)
    values = tuple(tuple(tuple(v) if isinstance(v, list) else v for v in summits[c].tolist()) for c in cols)
    key = (cols, values)
    try:
        hash(key)
    except TypeError:
        return _summit_index_of.__wrapped__(key)
    return _summit_index_of(key)


@functools.lru_cache(maxsize=16)
def _summit_index_of(key: tuple) -> _Summits:
    cols, values = key
    records = [dict(zip(cols, row)) for row in zip(*values)] if cols else []
    rows = _summit_rows(records)
    return _Summits(
        rows=rows,
        city_rx=_name_rx(n for r in rows for n in r["names"]),
        name_to_city={" ".join(n.lower().split()): r["city"] for r in rows for n in r["names"]},
        country_rx=_name_rx(r["country"] for r in rows),
    )


def _summit_rows(records: list[dict]) -> list[dict]:
    rows = []
    for r in records:
        start, end = _to_date(r.get("start")), _to_date(r.get("end"))
        if start is None:
            continue
        aliases = r.get("city_aliases")
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(";") if a.strip()]
        names = [str(r["city"])] + [str(a) for a in (aliases if isinstance(aliases, (list, tuple)) else [])]
        rows.append({
            "summit_id": str(r["summit_id"]), "city": str(r["city"]), "names": names,
            "country": str(r.get("country") or ""), "start": start, "end": end or start,
        })
    return rows


def _name_rx(names: Iterable[str]) -> re.Pattern | None:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])")


@dataclass
class _Hyp:
    """A hypothesis about when the article was published: a summit's days, or days after a dated event."""

    key: str
    days: list[date]
    summit: dict | None = None
    identity: int = 0
    identity_note: str = ""


@dataclass
class _Clue:
    """One piece of textual evidence: a test on a candidate publication day."""

    kind: str
    weight: int
    sentence_id: int | None
    start: int | None
    end: int | None
    text: str
    check: Callable[[_Hyp, date, list[_Res]], bool | None]
    describe: Callable[[_Hyp, date, list[_Res]], str]
    day: date | None = None
    reads: int | None = None  # the mention whose resolution check and describe read, if any
    when: Callable[[_Hyp], bool] | None = None  # where given and false for a hypothesis, check is None for it


@dataclass
class _Best:
    day: date | None = None
    earliest: date | None = None
    latest: date | None = None
    source: str = "unknown"
    evidence: str = ""
    summit_id: str = ""
    score: int = 0




class _Article:
    """One article read for its publication date: mentions, sentence facts, clues, hypotheses."""

    def __init__(self, aid: str, mentions: list[_Mention], sents: list[_Sentence], summits: list[dict],
                 datelines: list[tuple[int, int, int, str, date | None, tuple[int, int] | None]]):
        self.aid = aid
        self.mentions = mentions
        self.sents = {s.sentence_id: s for s in sents}
        self.summits = summits
        self.datelines = datelines
        self._cache: dict[date, list[_Res]] = {}
        self._full: dict[date, list[_Res]] = {}
        self.base = _resolve_all(mentions, None)
        self._fixed = [r if _dct_free(m) else None for m, r in zip(mentions, self.base)]
        self.clues = self._clues()
        # the clues read few mentions' resolutions: candidate days resolve only those and what they read
        reads = _dependencies(mentions)
        self._needed = _closure(reads, [c.reads for c in self.clues if c.reads is not None])
        self._alone = [None if f is not None else _alone_key(i, mentions, r)
                       for i, (f, r) in enumerate(zip(self._fixed, reads))]
        self._todo = [i for i, (n, f) in enumerate(zip(self._needed, self._fixed)) if n and f is None]

    # ----------------------------------------------------------------- building
    @classmethod
    def build(cls, aid: str, rows: tuple[_Row, ...], summits: _Summits) -> "_Article":
        mentions = _article_mentions(aid, rows)
        sents = []
        datelines = []
        for row in rows:
            raw = row.text
            folded = _fold(raw)
            dl = _dateline(folded, raw)
            if dl is not None:
                datelines.append((int(row.sentence_id), int(row.start), int(row.start) + len(raw), raw, dl[0], dl[1]))
            if row.kind in SKIP_KINDS:
                continue
            sents.append(_sentence_facts(row, folded, summits))
        return cls(aid, mentions, sents, summits.rows, datelines)

    def resolved(self, d: date) -> list[_Res]:
        """Return the resolutions against `d` that the clues read; the others are None."""
        res = self._cache.get(d)
        if res is None:
            res = self._full.get(d) or _resolve_some(self.mentions, d, self._fixed, self._todo, self._alone)
            self._cache[d] = res
        return res

    def resolved_all(self, d: date | None) -> list[_Res]:
        """Return every mention resolved against `d` (None: no DCT)."""
        if d is None:
            return self.base
        res = self._full.get(d)
        if res is None:
            res = self._full[d] = _resolve_all(self.mentions, d, self._fixed, alone=self._alone)
        return res

    # ----------------------------------------------------------------- hypotheses
    def hypotheses(self) -> list[_Hyp]:
        hyps: list[_Hyp] = []
        strong: dict[str, int] = {}
        weak: dict[str, int] = {}
        countries: set[str] = set()
        sco = False
        for s in self.sents.values():
            sco = sco or s.sco
            countries |= s.countries
            for city, hits in s.cities.items():
                for _, loc, near in hits:
                    if near:
                        strong[city] = strong.get(city, 0) + 1
                    elif loc:
                        weak[city] = weak.get(city, 0) + 1
        if strong or weak:
            chosen = [s for s in self.summits if s["city"] in strong or s["city"] in weak]
        elif sco and countries:
            chosen = [s for s in self.summits if s["country"] in countries]
        elif sco:
            chosen = list(self.summits)
        else:
            chosen = []
        for s in chosen:
            ident = 3 * min(strong.get(s["city"], 0), 2) + min(weak.get(s["city"], 0), 2)
            ident += 1 if s["country"] in countries else 0
            how = []
            if s["city"] in strong or s["city"] in weak:
                how.append(f"'{s['city']}'")
            if s["country"] in countries:
                how.append(f"'{s['country']}'")
            note = f"summit {s['summit_id']} ({s['start']}..{s['end']})" + (f" named by {' + '.join(how)}" if how else "")
            days = _days(s["start"] - timedelta(days=SUMMIT_MARGIN_DAYS), s["end"] + timedelta(days=SUMMIT_MARGIN_DAYS))
            hyps.append(_Hyp(s["summit_id"], days, s, ident, note))
        free: set[date] = set()
        for sid, _, _, _, full, _ in self.datelines:
            if full is not None:
                free.add(full)
        for m, r in zip(self.mentions, self.base):
            if r.anchor == "absolute" and r.gran in _DAY_GRANS and r.earliest is not None and m.tense != "future":
                free.update(_days(r.earliest, r.earliest + timedelta(days=EVENT_MARGIN_DAYS)))
        if free:
            hyps.append(_Hyp("events", sorted(free), None, 0, ""))
        return hyps

    # ----------------------------------------------------------------- clues
    def _clues(self) -> list[_Clue]:
        clues: list[_Clue] = []
        base = self.base
        for i, (m, r) in enumerate(zip(self.mentions, base)):
            s = self.sents.get(m.sentence_id)
            k = m.f.get("k")
            # explicit dates and years: bounds by tense
            if r.anchor == "absolute" and r.earliest is not None and r.gran in ("year", "month", "day", "season", "time"):
                if m.tense == "future" and m.local_tense:
                    clues.append(self._clue_bound(m, r, upper=True))
                elif m.tense == "past" or (r.gran not in _DAY_GRANS and m.tense in ("none", "present")):
                    clues.append(self._clue_bound(m, r, upper=False))
                if k == "date" and m.f.get("wd") is not None and r.earliest.weekday() != m.f["wd"]:
                    clues.append(self._clue_weekday_abs(m, r))
            # captions: a photo is taken before it is published
            if m.caption and k in ("date", "weekday", "deictic"):
                clues.append(self._clue_caption(i, m))
            # yearless date with its weekday ("Friday, Sept. 16")
            if k == "date" and m.f.get("wd") is not None and m.f.get("y") is None:
                clues.append(self._clue_weekday(i, m))
            if s is None:
                continue
            # day-level timexes in a sentence about the summit
            if k in ("date", "weekday", "deictic") and r.anchor != "absolute" and m.timex_type in ("DATE", "TIME"):
                clues.append(self._clue_summit_day(i, m, s))
            if k == "rel_unit" and m.f["unit"] in ("week", "weekend", "month"):
                clues.append(self._clue_summit_period(i, m, s))
            if k == "offset" and m.f["dir"] == "ago" and m.f["unit"] in ("year", "decade") and s.sco and s.cities:
                clues.append(self._clue_summit_ago(i, m, s))
        for s in self.sents.values():
            if not (s.sco or s.cities):
                continue
            if any(m.sentence_id == s.sentence_id and _names_other_year(m, r) for m, r in zip(self.mentions, base)):
                continue
            if s.has_future:
                clues.append(self._clue_summit_tense(s, future=True))
            elif s.strong_past and s.sco and not s.arrival and s.relation != "before":
                clues.append(self._clue_summit_tense(s, future=False))
        dated = [r.earliest for r in base if r.anchor == "absolute" and r.gran in _DAY_GRANS and r.earliest]
        first_day = min(dated, default=None)
        if first_day is not None:
            for i, (m, r) in enumerate(zip(self.mentions, base)):
                if m.f.get("k") in ("weekday", "deictic") and m.tense in ("past", "none", "present"):
                    clues.append(self._clue_story(i, m, first_day))
        for sid, start, end, text, full, md in self.datelines:
            clues.append(self._clue_dateline(sid, start, end, text, full, md))
        return clues

    def _clue_bound(self, m: _Mention, r: _Res, *, upper: bool) -> _Clue:
        day = r.latest if upper else r.earliest
        if upper:
            check = lambda h, d, res: d <= day  # noqa: E731
            word = "on or before"
        else:
            check = lambda h, d, res: d >= day  # noqa: E731
            word = "on or after"
        return _Clue("explicit_" + ("upper" if upper else "lower"), 1, m.sentence_id, m.start, m.end, m.text, check,
                     lambda h, d, res: f"'{m.text}' ({m.tense}) → published {word} {day}", day)

    def _clue_story(self, i: int, m: _Mention, first_day: date) -> _Clue:
        """A weekday told in the past in a story that opens with a dated event falls on or after that event."""
        def check(h, d, res):
            r = res[i]
            if h.summit is not None or r.earliest is None:
                return None
            return r.earliest >= first_day
        return _Clue("story", 1, m.sentence_id, m.start, m.end, m.text, check,
                     lambda h, d, res: f"'{m.text}' ({m.tense}) = {res[i].value}, on or after the story's first date "
                                       f"{first_day}", reads=i, when=lambda h: h.summit is None)

    def _clue_weekday_abs(self, m: _Mention, r: _Res) -> _Clue:
        names = list(P.WEEKDAYS)
        return _Clue("weekday", 2, m.sentence_id, m.start, m.end, m.text, lambda h, d, res: False,
                     lambda h, d, res: f"'{m.text}': {r.earliest} is a {names[r.earliest.weekday()].title()}, "
                                       f"not a {names[m.f['wd']].title()}")

    def _clue_caption(self, i: int, m: _Mention) -> _Clue:
        def check(h, d, res):
            r = res[i]
            return None if r.earliest is None else r.earliest <= d
        return _Clue("caption", 1, m.sentence_id, m.start, m.end, m.text, check,
                     lambda h, d, res: f"photo caption '{m.text}' = {res[i].value} → published on or after it",
                     reads=i)

    def _clue_weekday(self, i: int, m: _Mention) -> _Clue:
        names = list(P.WEEKDAYS)

        def check(h, d, res):
            r = res[i]
            return None if r.earliest is None else r.earliest.weekday() == m.f["wd"]
        return _Clue("weekday", 2, m.sentence_id, m.start, m.end, m.text, check,
                     lambda h, d, res: f"'{m.text}' → {res[i].value}, a {names[res[i].earliest.weekday()].title()}"
                     if res[i].earliest else f"'{m.text}'", reads=i)

    def _clue_summit_day(self, i: int, m: _Mention, s: _Sentence) -> _Clue:
        def window(h: _Hyp) -> tuple[date, date] | None:
            if h.summit is None:
                return None
            if not (s.sco or h.summit["city"] in s.cities):
                return None
            st, en = h.summit["start"], h.summit["end"]
            if s.relation == "before":
                return st - timedelta(days=SUMMIT_MARGIN_DAYS), st
            if s.relation == "after":
                return en, en + timedelta(days=SUMMIT_MARGIN_DAYS)
            lo = st - timedelta(days=ARRIVAL_DAYS_BEFORE if s.arrival else 0)
            hi = en + timedelta(days=1 if s.departure else 0)
            return lo, hi

        def check(h, d, res):
            w = window(h)
            r = res[i]
            if w is None or r.earliest is None:
                return None
            return w[0] <= r.earliest <= w[1]

        def describe(h, d, res):
            rel = {"before": "before", "after": "after"}.get(s.relation, "during")
            if check(h, d, res) is False:
                sm = h.summit
                return (f"'{m.text}' ({m.tense}) = {res[i].value}, not {rel} summit {sm['summit_id']} "
                        f"({sm['start']}..{sm['end']})")
            return f"'{m.text}' ({m.tense}) = {res[i].value}, {rel} the summit"
        return _Clue("summit_day", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                     when=lambda h: h.summit is not None and (s.sco or h.summit["city"] in s.cities))

    def _clue_summit_period(self, i: int, m: _Mention, s: _Sentence) -> _Clue:
        def check(h, d, res):
            if h.summit is None:
                return None
            if not (m.clause in s.sco_clauses or m.clause in self._city_clauses(s).get(h.summit["city"], set())):
                return None
            r = res[i]
            if r.earliest is None:
                return None
            return r.earliest <= h.summit["end"] and r.latest >= h.summit["start"]
        def describe(h, d, res):
            if check(h, d, res) is False:
                sm = h.summit
                return f"'{m.text}' = {res[i].value}, which misses summit {sm['summit_id']} ({sm['start']}..{sm['end']})"
            return f"'{m.text}' = {res[i].value}, which takes in the summit"
        return _Clue("summit_period", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                     when=lambda h: h.summit is not None and (
                         m.clause in s.sco_clauses or m.clause in self._city_clauses(s).get(h.summit["city"], set())))

    def _clue_summit_ago(self, i: int, m: _Mention, s: _Sentence) -> _Clue:
        """"Astana, which hosted the summit seven years ago": the city held another summit then."""
        def earlier(h: _Hyp, res: list[_Res]) -> list[dict]:
            r = res[i]
            lo, hi = r.earliest or r.latest, r.latest or r.earliest
            return [o for o in self.summits if o["city"] == h.summit["city"] and o is not h.summit
                    and lo.year - 1 <= o["start"].year <= hi.year + 1]

        def check(h, d, res):
            if h.summit is None or h.summit["city"] not in s.cities or res[i].earliest is None and res[i].latest is None:
                return None
            return bool(earlier(h, res))

        def describe(h, d, res):
            found = earlier(h, res)
            if found:
                return f"'{m.text}' = {res[i].value}: {h.summit['city']} hosted summit {found[0]['summit_id']} then"
            return f"'{m.text}' = {res[i].value}: no summit in {h.summit['city']} then"
        return _Clue("summit_ago", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                     when=lambda h: h.summit is not None and h.summit["city"] in s.cities)

    @staticmethod
    def _city_clauses(s: _Sentence) -> dict[str, set[int]]:
        if s.city_clauses is None:
            s.city_clauses = {city: {_clause_of(s.clauses, pos) for pos, _, _ in hits} for city, hits in s.cities.items()}
        return s.city_clauses

    def _clue_summit_tense(self, s: _Sentence, *, future: bool) -> _Clue:
        snippet = s.text if len(s.text) <= 60 else s.text[:57] + "..."

        def check(h, d, res):
            if h.summit is None or not (s.sco or h.summit["city"] in s.cities):
                return None
            return d <= h.summit["end"] if future else d >= h.summit["start"]

        def describe(h, d, res):
            sm = h.summit
            if future:
                return f"future tense about summit {sm['summit_id']} ('{snippet}') → published on or before {sm['end']}"
            return f"past tense about summit {sm['summit_id']} ('{snippet}') → published on or after {sm['start']}"
        kind = "summit_future" if future else "summit_past"
        return _Clue(kind, 1, s.sentence_id, s.start, s.start + len(s.text), s.text, check, describe,
                     when=lambda h: h.summit is not None and (s.sco or h.summit["city"] in s.cities))

    def _clue_dateline(self, sid: int, start: int, end: int, text: str, full: date | None,
                       md: tuple[int, int] | None) -> _Clue:
        def check(h, d, res):
            if full is not None:
                return d == full
            return (d.month, d.day) == md
        return _Clue("dateline", 10, sid, start, end, text, check,
                     lambda h, d, res: f"dateline '{text.strip()[:60]}'")

    # ----------------------------------------------------------------- scoring
    def score(self, h: _Hyp, d: date) -> tuple[int, list[tuple[_Clue, bool]]]:
        res = self.resolved(d)
        total = h.identity
        outcome = []
        for c in self.clues:
            ok = c.check(h, d, res)
            if ok is None:
                continue
            outcome.append((c, ok))
            if ok:
                total += c.weight
        return total, outcome

    def day_scores(self, h: _Hyp) -> list[int]:
        """Return ``score(h, d)[0]`` for each of `h`'s days, checking only the clues that may hold for `h`.

        No day is resolved when none of those clues reads a timex.
        """
        clues = [c for c in self.clues if c.when is None or c.when(h)]
        reads = any(c.reads is not None for c in clues)
        out = []
        for d in h.days:
            res = self.resolved(d) if reads else None
            total = h.identity
            for c in clues:
                if c.check(h, d, res):
                    total += c.weight
            out.append(total)
        return out

    def infer(self) -> _Best:
        hyps = self.hypotheses()
        scored: list[tuple[int, _Hyp, date]] = []
        for h in hyps:
            scored.extend(zip(self.day_scores(h), itertools.repeat(h), h.days))
        if not scored:
            return self._bounds_only()
        top = max(s for s, _, _ in scored)
        best = [(h, d) for s, h, d in scored if s == top]
        days = sorted(d for _, d in best)
        keys = {h.key for h, _ in best}
        lo, hi = days[0], days[-1]
        if (hi - lo).days + 1 > MAX_INFERRED_DAYS:
            ev = "; ".join(sorted({h.identity_note or h.key for h, _ in best}))
            return _Best(None, lo, hi, "unknown", f"ambiguous: {ev}", "", top)
        counts: dict[str, int] = {}
        for hh, _ in best:
            counts[hh.key] = counts.get(hh.key, 0) + 1
        h = next(hh for hh, _ in best if hh.key == max(counts, key=counts.get))
        hdays = sorted(d for hh, d in best if hh.key == h.key)
        day = self._best_day(h, hdays)
        summit_id = h.summit["summit_id"] if h.summit else ""
        return _Best(day, lo, hi, "inferred", self._evidence(h, day, scored), summit_id, top)

    def _best_day(self, h: _Hyp, days: list[date]) -> date:
        if h.summit is None:
            target = days[0]
            for d in days:
                past_days = [r.earliest for m, r in zip(self.mentions, self.resolved_all(d))
                             if r.gran in _DAY_GRANS and r.earliest is not None and m.tense == "past" and r.earliest <= d]
                target = max(past_days) + timedelta(days=1) if past_days else d
                if target >= d:
                    break
        else:
            fut = sum(1 for c in self.clues if c.kind == "summit_future" and c.check(h, days[0], []) is not None)
            past = sum(1 for c in self.clues if c.kind == "summit_past" and c.check(h, days[0], []) is not None)
            if fut > past:
                target = h.summit["start"] - timedelta(days=1)
            elif past > fut:
                target = h.summit["end"] + timedelta(days=1)
            else:
                target = h.summit["end"]
        return min(days, key=lambda d: (abs((d - target).days), d))

    def _evidence(self, h: _Hyp, day: date, scored: list[tuple[int, _Hyp, date]]) -> str:
        """Return the clues that single out `day`: the summit, then the binding ones, shortest form."""
        parts = [h.identity_note] if h.identity_note else []
        _, outcome = self.score(h, day)
        others = [(hh, d) for _, hh, d in scored if not (hh is h and d == day)][:400]
        res = self.resolved(day)
        lower = upper = None
        tense_sids: dict[str, list[int]] = {"summit_future": [], "summit_past": []}
        for c, ok in outcome:
            if not ok or not any(c.check(hh, d, self.resolved(d)) is False for hh, d in others):
                continue
            if c.kind == "explicit_lower":
                lower = c if lower is None or c.day > lower.day else lower
            elif c.kind == "explicit_upper":
                upper = c if upper is None or c.day < upper.day else upper
            elif c.kind in tense_sids:
                tense_sids[c.kind].append(c.sentence_id)
            else:
                parts.append(c.describe(h, day, res))
        for c in (lower, upper):
            if c is not None:
                parts.append(c.describe(h, day, res))
        if tense_sids["summit_future"] and h.summit:
            parts.append(f"future tense about the summit ({_sentences_label(tense_sids['summit_future'])})"
                         f" → published on or before {h.summit['end']}")
        if tense_sids["summit_past"] and h.summit:
            parts.append(f"past tense about the summit ({_sentences_label(tense_sids['summit_past'])})"
                         f" → published on or after {h.summit['start']}")
        return "; ".join(dict.fromkeys(parts))

    def _bounds_only(self) -> _Best:
        base = self.base
        lows, highs, used = [], [], []
        for m, r in zip(self.mentions, base):
            if r.anchor != "absolute" or r.earliest is None:
                continue
            if m.tense == "future" and m.local_tense:
                highs.append(r.latest)
                used.append(f"'{m.text}' (future)")
            elif m.tense in ("past", "none", "present") and r.gran not in _DAY_GRANS or m.tense == "past":
                lows.append(r.earliest)
                used.append(f"'{m.text}' ({m.tense})")
        lo = max(lows) if lows else None
        hi = min(highs) if highs else None
        if lo and hi and lo > hi:
            lo, hi = hi, lo
        ev = ("bounds only: " + ", ".join(used[:6])) if used else ""
        return _Best(None, lo, hi, "unknown", ev, "", 0)

    # ----------------------------------------------------------------- conflicts
    def conflicts(self, dct: date) -> list[dict]:
        summit_hyps = [h for h in self.hypotheses() if h.summit is not None]
        # the summit whose window holds the given date; failing that, the one the text points to best
        hyps = [h for h in summit_hyps if dct in set(h.days)] or summit_hyps
        h = max(hyps, key=lambda hh: self.score(hh, dct)[0]) if hyps else _Hyp("none", [dct])
        res = self.resolved(dct)
        rows = []
        for c in self.clues:
            if c.sentence_id is None:
                continue
            ok = c.check(h, dct, res)
            if ok is False:
                rows.append({"article_id": self.aid, "sentence_id": c.sentence_id, "start": c.start, "end": c.end,
                             "text": c.text, "note": f"{c.describe(h, dct, res)}; but published is {dct}"})
        return rows


def _names_other_year(m: _Mention, r: _Res) -> bool:
    """Return whether a timex names a year other than the DCT's ("in 2017", "last year")."""
    if r.anchor == "absolute" and r.gran in ("year", "month", "decade"):
        return True
    return m.f.get("k") == "rel_unit" and m.f["unit"] == "year" and m.f["off"] != 0


def _sentences_label(ids: list[int]) -> str:
    return ("sentence " if len(ids) == 1 else "sentences ") + ", ".join(map(str, ids))


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=k) for k in range((b - a).days + 1)]


def _sentence_facts(row, folded: str, summits: _Summits) -> _Sentence:
    """Return what the inference needs of one sentence: tense cues, summit and host-city mentions."""
    raw = row.text
    city_rx, name_to_city, country_rx = summits.city_rx, summits.name_to_city, summits.country_rx
    bounds = _clauses(folded)
    masked = P.SCO_NAME.sub(lambda m: " " * len(m.group()), folded)
    anchors: list[int] = [m.start() for m in P.SCO_NAME.finditer(folded)]
    for m in P.SUMMIT_WORD.finditer(folded):
        before = raw[:m.start()]
        pm = P.OTHER_SUMMIT_PREFIX.search(before)
        if pm:
            tok = pm.group().split()[0].strip(".'")
            if tok not in P.SUMMIT_PREFIX_OK and " ".join(tok.lower().split()) not in name_to_city:
                continue
        anchors.append(m.start())
    sco = bool(anchors)
    sco_clauses = {_clause_of(bounds, a) for a in anchors}
    cities: dict[str, list[tuple[int, bool, bool]]] = {}
    if city_rx is not None:
        for m in city_rx.finditer(masked):
            city = name_to_city.get(" ".join(m.group().lower().split()))
            if city is None:
                continue
            loc = bool(P.LOCATIVE_BEFORE.search(masked[max(0, m.start() - 60):m.start()]))
            named_summit = bool(P.CITY_SUMMIT_AFTER.match(masked[m.end():]))
            near = named_summit
            if loc and not near and anchors:
                words_between = min(len(P.ANY_WORD.findall(folded[min(a, m.start()):max(a, m.start())])) for a in anchors)
                near = words_between <= 12
            cities.setdefault(city, []).append((m.start(), loc or named_summit, near))
    countries = set(country_rx.findall(masked)) if country_rx is not None else set()
    relation = "before" if P.BEFORE_SUMMIT.search(folded) else "after" if P.AFTER_SUMMIT.search(folded) else ""
    return _Sentence(
        sentence_id=int(row.sentence_id), start=int(row.start), text=raw, kind=row.kind, clauses=bounds,
        folded=folded, sco=sco, sco_clauses=sco_clauses, cities=cities,
        countries=countries, arrival=bool(P.ARRIVAL.search(folded)), departure=bool(P.DEPARTURE.search(folded)),
        relation=relation,
    )


def _dateline(folded: str, raw: str) -> tuple[date | None, tuple[int, int] | None] | None:
    """Return (full date, None) or (None, (month, day)) when the sentence is a dateline."""
    m = P.WIRE_DATELINE.match(folded)
    if m and m.group("m"):
        mon = P.MONTHS.get(m.group("m").lower())
        day = int(m.group("d"))
        if mon:
            if m.group("y"):
                d = _valid(int(m.group("y")), mon, day)
                return (d, None) if d else None
            return None, (mon, day)
    label = P.DATELINE_LABEL.match(folded)
    body_start = label.end() if label else 0
    if len(folded.split()) > 14:
        return None
    for c in _candidates(folded, raw):
        if c.rule not in ("iso_date", "dotted_date", "slash_date", "month_day", "day_month") or len(c.parts) != 1:
            continue
        f = c.parts[0].f
        if f.get("y") is None:
            continue
        if folded[body_start:c.s].strip(" |,.-:•·") or not P.DATELINE_REST.match(folded[c.e:]):
            continue
        d = _valid(f["y"], f["m"], f["d"])
        return (d, None) if d else None
    return None

"""Event ids: readable, stable names for the merged events, and the events table's columns.

``event_id`` is the days at their granularity (``2024-03-22``, ``2024-03``,
``2024-W28``, ``2017``), the type, and a slug: the city of a reference summit; the
place of an attack, clash, disengagement or summit; else the first person, else the
first actor (``other`` events prefix the trigger's key: ``crash-ebrahim-raisi``);
else the first words of the description (``2024-03-attack-moscow``,
``2022-09-14-visit-xi-jinping``). A second event with the same id gets ``-2`` and so
on, numbered in calendar order (NUMBERING_ORDER).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

import pandas as pd
from dateutil.relativedelta import relativedelta

from .. import schema
from ..patterns import events as P
from ..text import fold

#: Columns of ``events``: the contract's, then this package's additions.
EVENT_COLUMNS = [
    "event_id", "article_id", "sentence_id", "summit_id", "event_type", "earliest", "latest", "date_text",
    "actors", "description", "evidence", "relative_days",
    "start", "end", "places", "status", "summit_ref", "summit_ids", "trigger", "date_evidence", "n_mentions", "n_articles",
]
#: The order events are numbered in (merged_mentions sorts by it; ``-2`` goes to the later one).
NUMBERING_ORDER = ("earliest", "latest", "event_type", "_first")
#: Event types whose slug is the place they happened at, when the text names one.
_PLACE_SLUG_TYPES = frozenset({"attack", "clash", "disengagement", "summit"})


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


def event_id(earliest: pd.Timestamp, latest: pd.Timestamp, event_type: str, slug: str) -> str:
    """Return the readable id of an event: its days at their granularity, its type and a slug.

    ``2024-03-22-attack-moscow`` for one day, ``2024-03-attack-moscow`` for a month,
    ``2024-W28-visit-narendra-modi`` for an ISO week, ``2017-accession-india`` for a
    year, the first day otherwise.
    """
    return f"{_date_key(pd.Timestamp(earliest).date(), pd.Timestamp(latest).date())}-{event_type}-{_slugify(slug) or 'event'}"


def slug_for(event_type: str, summit_ref: str, places: list[str], actors: list[str], first: dict,
             members: list[dict]) -> str:
    """Return the slug of an event from its summit reference, places, actors, and its first mention's words."""
    if summit_ref:
        return summit_ref.split("-", 1)[1]
    if event_type in _PLACE_SLUG_TYPES and places:
        return places[0]
    people = [a for r in members for a in schema.as_list(r.get("persons", []))]
    lead = people[0] if people else (actors[0] if actors else "")
    if event_type == "other":
        return f"{first['trigger_key']}-{lead}" if lead else first["trigger_key"]
    words = [w for w in P.WORD.findall(fold(first["description"]).lower()) if w not in P.STOPWORDS]
    return lead or (places[0] if places else "") or " ".join(words[:3])


def empty_events() -> pd.DataFrame:
    """Return an empty events table with its columns (earliest and latest as datetime64[ns])."""
    frame = pd.DataFrame({c: [] for c in EVENT_COLUMNS})
    for c in ("earliest", "latest"):
        frame[c] = pd.to_datetime(frame[c]).astype("datetime64[ns]")
    return frame


def iter_evidence(events_frame: pd.DataFrame) -> Iterable[tuple[str, str, int]]:
    """Yield (event_id, article_id, sentence_id) for every piece of evidence of every event."""
    for r in events_frame.itertuples(index=False):
        for aid, sid in schema.evidence_refs(r.evidence):
            yield r.event_id, aid, sid


def _event_ids(frame: pd.DataFrame) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for lo, hi, kind, slug in zip(frame["earliest"], frame["latest"], frame["event_type"], frame["_slug"]):
        base = event_id(lo, hi, kind, slug)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _date_key(lo: date, hi: date) -> str:
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and hi == lo + relativedelta(day=31):  # the month's first to its last day
        return f"{lo:%Y-%m}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"{lo.year}"
    if lo.weekday() == 0 and hi == lo + timedelta(days=6):
        y, w, _ = lo.isocalendar()
        return f"{y}-W{w:02d}"
    return lo.isoformat()


def _slugify(text: str) -> str:
    return "-".join(P.WORD.findall(fold(str(text)).lower()))[:40].strip("-")

"""The timexes and entity mentions of each sentence, read once from their tables.

Both tables may come as frames or as ``frames.Columns`` (the build reads each column
of an article's tables once for all the layers).
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..frames import Columns
from ..patterns import events as P

#: Timex types that can date an event.
DATE_KINDS = frozenset({"DATE", "TIME"})


class TimexRow(NamedTuple):
    """A timex that can date an event (a DATE or TIME with both days, not a reference like PAST_REF)."""

    article_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    earliest: pd.Timestamp
    latest: pd.Timestamp
    tense: object


class EntityRow(NamedTuple):
    """An entity mention (its name None when the entities table has no name column)."""

    article_id: str
    sentence_id: int
    start: int
    end: int
    entity_id: str
    entity_type: str
    name: object


def _by_sentence(rows, make) -> dict[tuple[str, int], list]:
    """Group column tuples (article_id, sentence_id, start, ...) by sentence, each group by start."""
    out: dict[tuple[str, int], list] = {}
    for r in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
        out.setdefault((r[0], int(r[1])), []).append(make(r))
    return out


def timexes_by_sentence(timexes: pd.DataFrame | Columns | None) -> dict[tuple[str, int], list[TimexRow]]:
    """Return the timexes that can date an event, by (article_id, sentence_id), each list by start.

    `timexes` is the timexes table (temporal.timexes): article_id, sentence_id, start,
    end, text, earliest, latest, and timex_type, value, tense where present. A timex is
    kept when it is a DATE or TIME (no timex_type: DATE), its value is not a ``*_REF``,
    and it has both days (read as dates; what does not parse is missing), earliest
    first.
    """
    if timexes is None:
        return {}
    cols = timexes if isinstance(timexes, Columns) else Columns(timexes)
    frame = cols.frame
    if frame.empty:
        return {}
    earliest, latest = (pd.to_datetime(frame[c], errors="coerce").tolist() for c in ("earliest", "latest"))
    kept = []
    for aid, sid, start, end, text, lo, hi, tense, kind, value in zip(
            cols["article_id"], cols["sentence_id"], cols["start"], cols["end"], cols["text"], earliest, latest,
            cols.get("tense", "none"), cols.get("timex_type", "DATE"), cols.get("value", "")):
        if not (isinstance(kind, str) and kind in DATE_KINDS) or lo is pd.NaT or hi is pd.NaT:
            continue
        if isinstance(value, str) and value.endswith("_REF"):
            continue
        if lo <= hi:
            kept.append((aid, sid, start, end, text, lo, hi, tense))
    return _by_sentence(kept, TimexRow._make)


def entities_by_sentence(entities: pd.DataFrame | Columns) -> dict[tuple[str, int], list[EntityRow]]:
    """Return the entity mentions by (article_id, sentence_id), each list by start."""
    cols = entities if isinstance(entities, Columns) else Columns(entities)
    if not cols.n:
        return {}
    names = ["article_id", "sentence_id", "start", "end", "entity_id", "entity_type"]
    return _by_sentence(zip(*(cols[c] for c in names), cols.get("name")), EntityRow._make)


def sentence_entities(rows: list[EntityRow] | None, off: int, folded: str) -> list[dict]:
    """Return a sentence's mentions as dicts: offsets in the sentence, entity_id, entity_type, name, quoted.

    `off` is the sentence's offset in the article; ``quoted`` marks a mention inside a
    quotation (what someone said names no actor).
    """
    if not rows:
        return []
    quoted = [(m.start(), m.end()) for m in P.QUOTED.finditer(folded)]
    out = []
    for r in rows:
        a, b = int(r.start) - off, int(r.end) - off
        out.append({"start": a, "end": b, "entity_id": str(r.entity_id), "entity_type": str(r.entity_type),
                    "name": r.name if isinstance(r.name, str) and r.name else str(r.entity_id),
                    "quoted": any(qa < a and b < qb for qa, qb in quoted)})
    return out

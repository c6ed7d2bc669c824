"""Clues from what a page prints about itself and from the people it names: stamps, datelines, titles of office.

A publication line or a dated wire dateline names the day (weight ``STAMP_WEIGHT``);
of two readings of a numeric date the page's preferred one weighs a little more. An
update line, an archive's "last updated" and a site header are printed on or after the
publication: they bound it from above, and name the day only where the page has no
publication line, with less weight, so that the text's own evidence (the summit's days,
its tense, the people in office) can outweigh them. A dateline without a year names the
month and day. A person called by a title of office was in office (``officials``).
"""

from __future__ import annotations

import re
from datetime import date

from .clues import Clue
from .officials import Officials
from .stamps import Stamp

#: Weight of a publication line or a dated dateline: it names the day.
STAMP_WEIGHT = 10
#: Weight of a later publication line naming another day (a live blog's entries, a repeated stamp).
LATER_STAMP_WEIGHT = 2
#: Most days between the page's publication lines (a live blog's entries) before they read as a list of dates.
LIST_SPAN_DAYS = 7
#: Weight of an update line or a site header naming the day, where the page has no publication line.
UPDATED_WEIGHT = 6
#: Weight of a site header or footer naming the day: the day the page was shown, often later than written.
HEADER_WEIGHT = 3
#: Weight of the bound an update line or a site header sets: published on or before it.
UPDATED_BOUND_WEIGHT = 4
#: Weight of a person named with a title of office held on the day.
OFFICE_WEIGHT = 2


def stamp_clues(stamps: list[Stamp]) -> list[Clue]:
    """Return the clues of a page's stamps (``stamps.line_stamps``, ``stamps.wire_dateline``), in page order."""
    clues: list[Clue] = []
    dated = [s for s in stamps if s.readings]
    has_published = any(s.kind in ("published", "dateline") for s in dated)
    lines = [d for s in dated if s.kind == "published" for d in s.readings[:1]]
    # publication lines far apart are a list of dates (a timeline, a table), none the page's own
    first_published = not lines or (max(lines) - min(lines)).days <= LIST_SPAN_DAYS
    for s in stamps:
        if s.month_day is not None:
            clues.append(_clue_month_day(s))
            continue
        if not s.readings:
            continue
        if s.kind in ("published", "dateline"):
            weight = STAMP_WEIGHT if s.kind == "dateline" or first_published else LATER_STAMP_WEIGHT
            if s.kind == "published":
                first_published = False
            clues.append(_clue_day(s, weight))
        else:
            clues.append(_clue_upper(s))
            if not has_published:
                clues.append(_clue_day(s, HEADER_WEIGHT if s.kind == "header" else UPDATED_WEIGHT, soft=True))
        if s.ambiguous:
            clues.append(_clue_order(s))
    return clues


def _label(s: Stamp) -> str:
    return {"published": "publication line", "dateline": "dateline", "updated": "update line",
            "header": "site header or footer"}[s.kind]


def _clue_day(s: Stamp, weight: int, *, soft: bool = False) -> Clue:
    days = set(s.readings)

    def describe(h, d, res):
        if len(s.readings) > 1:
            read = " or ".join(str(x) for x in s.readings)
            return f"{_label(s)} '{s.text}' = {read}"
        return f"{_label(s)} '{s.text}' = {s.readings[0]}"
    return Clue("stamp", weight, s.sentence_id, s.start, s.end, s.text, lambda h, d, res: d in days, describe,
                day=s.readings[0], soft=soft)


def _clue_order(s: Stamp) -> Clue:
    first = s.readings[0]
    word = "day first" if (first.day, first.month) == _numbers(s.text)[:2] else "month first"
    return Clue("stamp_order", 1, s.sentence_id, s.start, s.end, s.text, lambda h, d, res: d == first,
                lambda h, d, res: f"'{s.text}' read {word}, as the page's other dates", day=first, soft=True)


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text))


def _clue_upper(s: Stamp) -> Clue:
    last = max(s.readings)
    return Clue("stamp_upper", UPDATED_BOUND_WEIGHT, s.sentence_id, s.start, s.end, s.text,
                lambda h, d, res: d <= last,
                lambda h, d, res: f"{_label(s)} '{s.text}' → published on or before {last}", day=last)


def _clue_month_day(s: Stamp) -> Clue:
    md = s.month_day
    return Clue("dateline", STAMP_WEIGHT, s.sentence_id, s.start, s.end, s.text,
                lambda h, d, res: (d.month, d.day) == md,
                lambda h, d, res: f"dateline '{s.text}' (no year) = {d if (d.month, d.day) == md else md}")


def office_clues(people: list[tuple], officials: Officials) -> list[Clue]:
    """Return one clue per person named with a title of office: the day falls in a term of that office.

    `people` holds (sentence_id, start, end, entity_id, offices) with offsets in the
    article (``officials.titled_people``); a person is read at their first title.
    """
    clues = []
    seen: set[str] = set()
    for sid, start, end, eid, offices in people:
        if eid in seen:
            continue
        seen.add(eid)
        name = officials.names.get(eid, eid)
        clues.append(Clue(
            "office", OFFICE_WEIGHT, sid, start, end, name,
            lambda h, d, res, eid=eid, offices=offices: officials.held(eid, d, offices),
            lambda h, d, res, eid=eid, name=name, offices=offices: f"{name} named by a title of office"
            + ("" if officials.held(eid, d, offices) else f", not in that office on {d}")))
    return clues


def summit_year_clue(sid: int, start: int, end: int, text: str, year: int) -> Clue:
    """Return the clue of "the 2019 summit" said in the present or future: the article's summit is that year's."""
    def check(h, d, res):
        if h.summit is None:
            return None
        return h.summit["start"].year == year
    return Clue("summit_year", 2, sid, start, end, text, check,
                lambda h, d, res: f"'{text}' names the summit of {year}",
                when=lambda h: h.summit is not None)


def stamp_days(stamps: list[Stamp]) -> set[date]:
    """Return every full day the stamps may name."""
    return {d for s in stamps for d in s.readings}

"""Resolving periods of business and civil calendars: the period under discussion, quarters, holidays.

A financial story reports on one period (a quarter, a fiscal year) and then calls it
"the quarter", "the latest period", compares it with "the year-earlier quarter" or
"a year ago". Those phrases resolve against the period under discussion: the nearest
quarter named earlier in the article (``discussed``); without one, the last quarter
completed before the DCT ("the quarter"), the DCT's own ("the current quarter").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..patterns import temporal_periods as Q
from .calendar import month_end, valid, week_value
from .mentions import Mention, Res

#: A quarter's value ("1989-Q3").
QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def quarter_of(r: Res) -> tuple[int, int] | None:
    """Return (year, quarter) when resolution `r` is a quarter, else None."""
    m = QUARTER_VALUE.match(r.value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def quarter_res(y: int, q: int, anchor: str) -> Res:
    """Return the resolution of quarter `q` of year `y`."""
    first = 3 * q - 2
    return Res(f"{y:04d}-Q{q}", date(y, first, 1), month_end(y, first + 2), anchor, "", "season")


def year_res(y: int, anchor: str) -> Res:
    """Return the resolution of year `y`."""
    return Res(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), anchor, "", "year")


def is_quarter_mention(m: Mention) -> bool:
    """Return whether mention `m` names a quarter (its resolution may be the period under discussion)."""
    f = m.f
    return (f.get("k") == "season" and str(f.get("code", "")).startswith("Q")) or \
        (f.get("k") == "period_ref" and f.get("unit") == "quarter") or \
        (f.get("k") == "year" and str(f.get("mod", "")).startswith("Q")) or \
        (f.get("k") == "rel_unit" and f.get("unit") == "quarter")


def compared(m: Mention) -> bool:
    """Return whether mention `m` names a period to compare with ("the year-earlier quarter", "the 1988 period")."""
    return bool(m.f.get("back")) or (m.f.get("k") == "period_ref" and m.f.get("y") is not None)


def discussed(i: int, mentions: list[Mention], res: list[Res], *, years: bool = False,
              before: date | None = None) -> int | None:
    """Return the index of the period under discussion at mention `i`, else None.

    That is the nearest earlier mention naming a quarter in its own right (not one a
    year back, such as "the year-earlier quarter"), or with `years` also a year; with
    `before`, only a quarter ended by that day counts.
    """
    for j in range(i - 1, -1, -1):
        o, r = mentions[j], res[j]
        if r is None or r.earliest is None or compared(o):
            continue
        if is_quarter_mention(o) and quarter_of(r) is not None:
            if before is None or r.latest <= before:
                return j
            continue
        if years and r.gran == "year" and o.f.get("k") in ("year", "period_ref", "rel_unit"):
            return j
    return None


def _completed_quarter(dct: date) -> tuple[int, int]:
    q = (dct.month - 1) // 3 + 1
    return (dct.year, q - 1) if q > 1 else (dct.year - 1, 4)


def resolve_period_ref(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve "the quarter", "the latest period", "the 1988 period", "year-earlier", "the year", "the fiscal year"."""
    f = m.f
    unit, back, y, which = f["unit"], f.get("back", 0), f.get("y"), f.get("which", "")
    if unit == "year":
        if which == "current" or which == "latest":
            if dct is None:
                return Res("XXXX", gran="year")
            return year_res(dct.year - (1 if which == "latest" else 0), "dct")
        for j in range(i - 1, -1, -1):
            o, r = mentions[j], res[j]
            if o.paragraph_id != m.paragraph_id:
                break
            if r is not None and r.gran == "year" and r.earliest is not None and r.anchor == "absolute":
                return year_res(r.earliest.year, o.span_id)
        return year_res(dct.year, "dct") if dct is not None else Res("XXXX", gran="year")
    if unit == "week":
        return _week_of_discussion(i, m, mentions, res, dct)
    latest = dct if which == "latest" else None
    j = discussed(i, mentions, res, years=unit == "any", before=latest) if which != "current" else None
    if j is not None:
        r = res[j]
        qy = quarter_of(r)
        if qy is None:
            return year_res(r.earliest.year - back, mentions[j].span_id)
        yy = y if y is not None else qy[0] - back
        return quarter_res(yy, qy[1], mentions[j].span_id)
    if y is not None:
        return year_res(y, "absolute")
    if dct is None:
        return Res("XXXX-QX" if unit == "quarter" else "XXXX", gran="season" if unit == "quarter" else "year")
    if unit == "any":
        return year_res(dct.year - back, "dct")
    if which == "current" or m.tense == "future":
        yy, q = dct.year, (dct.month - 1) // 3 + 1
    else:
        yy, q = _completed_quarter(dct)
    return quarter_res(yy - back, q, "dct")


def _week_of_discussion(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve "the week": the week of the last day named in the paragraph ("For the week, the index fell"), else the DCT's."""
    day, anchor = dct, "dct"
    for j in range(i - 1, -1, -1):
        o, r = mentions[j], res[j]
        if o.paragraph_id != m.paragraph_id:
            break
        if r is not None and r.earliest is not None and r.gran in ("day", "time", "week"):
            day, anchor = r.earliest, o.span_id
            break
    if day is None:
        return Res("XXXX-WXX", gran="week")
    s = day - timedelta(days=day.weekday())
    return Res(week_value(s), s, s + timedelta(days=6), anchor, "", "week")


def holiday(name: str, y: int) -> date | None:
    """Return the day of holiday `name` (see ``patterns.temporal_periods``) in year `y`, or None."""
    if name in Q.HOLIDAY_DAYS:
        mo, d = Q.HOLIDAY_DAYS[name]
        return valid(y, mo, d)
    if name in Q.HOLIDAY_RULES:
        mo, wd, n = Q.HOLIDAY_RULES[name]
        if n > 0:
            first = date(y, mo, 1)
            return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        last = month_end(y, mo)
        return last - timedelta(days=(last.weekday() - wd) % 7)
    if name in Q.HOLIDAY_AFTER:
        mo, wd, after = Q.HOLIDAY_AFTER[name]
        first = date(y, mo, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + after)
    if name in Q.HOLIDAY_EASTER:
        return easter(y) + timedelta(days=Q.HOLIDAY_EASTER[name])
    return None


def easter(y: int) -> date:
    """Return Easter Sunday of year `y` (Gregorian calendar; the anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return date(y, month, day)

"""Resolving relative expressions: this/next week, the weekend, offsets ("two years ago"), anaphors, clock times."""

from __future__ import annotations

from datetime import date, timedelta

from .calendar import add_months, month_end, monday, valid, week_value
from .mentions import Mention, Res
from .periods import compared, discussed, is_quarter_mention, quarter_of, quarter_res
from .values import DAY_GRANS, day_res, mod_out, offset_gran, part_interval, unresolved, value_for


def weekend_saturday(dct: date, tense: str) -> date:
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


def resolve_rel_unit(m: Mention, dct: date | None) -> Res:
    """Resolve "last/this/next week, weekend, month, year, decade, quarter" (and parts of them) against the DCT."""
    f = m.f
    if dct is None:
        return unresolved(m)
    unit, off, mod = f["unit"], f["off"], f.get("mod", "")
    if unit == "week":
        s = monday(dct) + timedelta(days=7 * off)
        iv = (s, s + timedelta(days=6))
    elif unit == "weekend":
        s = monday(dct) + timedelta(days=7 * off + 5)
        iv = (s, s + timedelta(days=1))
    elif unit == "month":
        s = add_months(dct.replace(day=1), off)
        iv = (s, month_end(s.year, s.month))
    elif unit == "year":
        iv = (date(dct.year + off, 1, 1), date(dct.year + off, 12, 31))
    elif unit == "decade":
        y = (dct.year // 10 + off) * 10
        iv = (date(y, 1, 1), date(y + 9, 12, 31))
    else:
        q = (dct.month - 1) // 3 + off
        y, q = dct.year + q // 4, q % 4
        iv = (date(y, 3 * q + 1, 1), month_end(y, 3 * q + 3))
    value = value_for(unit, iv)
    if mod == "EARLIER":
        iv = (iv[0], min(dct, iv[1]))
    elif mod in ("LATER", "REST"):
        iv = (max(dct, iv[0]), iv[1])
    elif mod:
        iv = part_interval(iv, mod, unit if unit in ("month", "year", "decade") else "week")
    return Res(value, iv[0], iv[1], "dct", mod_out(mod), unit)


def _shift(d: date, n: float, unit: str, sign: int) -> date:
    if unit in ("second", "minute", "hour"):
        return d
    if unit == "day":
        return d + timedelta(days=sign * round(n))
    if unit == "week":
        return d + timedelta(days=sign * round(7 * n))
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200, "millennium": 12000}[unit] * n
    return add_months(d, sign * round(months))


def quarter_context(i: int, m: Mention, mentions: list[Mention], res: list[Res]) -> int | None:
    """Return the quarter an offset in years compares with ("up from a year ago"), else None.

    That is a quarter named in the offset's sentence (before or after it), else one
    named earlier in its paragraph; for an offset from an event ("a year earlier"),
    else the quarter under discussion in the article.
    """
    best = None
    for j, o in enumerate(mentions):
        if j == i or not is_quarter_mention(o) or compared(o) or res[j] is None or quarter_of(res[j]) is None:
            continue
        if o.sentence_id == m.sentence_id or (o.paragraph_id == m.paragraph_id and j < i):
            if best is None or abs(o.start - m.start) < abs(mentions[best].start - m.start):
                best = j
    if best is None and (m.f.get("cmp") or (m.f.get("dir") not in ("ago", "from now", "hence", None)
                                            and _antecedent(i, m, mentions, res) is None)):
        best = discussed(i, mentions, res)
    return best


def resolve_offset(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve "two years ago" against the DCT, "two days later" against the nearest earlier timex of the paragraph.

    An offset in whole years from a quarter ("profit rose from a year ago" next to "the
    third quarter") is that quarter so many years back or on. An offset from an event
    with no earlier timex in its paragraph ("A year earlier, ...") counts from the DCT.
    """
    f = m.f
    d, unit, n, mod = f["dir"], f["unit"], f["n"], f.get("mod", "")
    sign = -1 if d in ("ago", "earlier", "before") else 1
    if unit == "year" and float(n).is_integer() and mod in ("", "APPROX"):
        q = quarter_context(i, m, mentions, res)
        if q is not None:
            y, qq = quarter_of(res[q])
            return quarter_res(y + sign * int(n), qq, mentions[q].span_id)
    if d in ("ago", "from now", "hence"):
        base, anchor = dct, "dct"
    else:
        base, anchor = (dct, "dct") if d in ("earlier", "before") else (None, "")
        ante = _antecedent(i, m, mentions, res)
        if ante is not None:
            base, anchor = res[ante].earliest, mentions[ante].span_id
    if base is None:
        return unresolved(m)
    try:
        point = _shift(base, n, unit, sign)
    except (ValueError, OverflowError):
        return unresolved(m)
    gran = offset_gran(unit)
    if mod in ("MORE_THAN", "EQUAL_OR_MORE", "LESS_THAN", "EQUAL_OR_LESS"):
        further = mod in ("MORE_THAN", "EQUAL_OR_MORE")
        if sign < 0:
            iv = (None, point) if further else (point, base)
            tmod = "BEFORE" if further else "AFTER"
        else:
            iv = (point, None) if further else (base, point)
            tmod = "AFTER" if further else "BEFORE"
        return Res(point.isoformat(), iv[0], iv[1], anchor, tmod, "day")
    if gran == "day":
        return Res(point.isoformat(), point, point, anchor, mod, "day")
    if gran == "week":
        s = monday(point)
        return Res(week_value(s), s, s + timedelta(days=6), anchor, mod, "week")
    if gran == "month":
        iv = (point.replace(day=1), month_end(point.year, point.month))
        return Res(f"{point.year:04d}-{point.month:02d}", iv[0], iv[1], anchor, mod, "month")
    approx = mod or ("APPROX" if unit in ("decade", "century", "millennium") else "")
    return Res(f"{point.year:04d}", date(point.year, 1, 1), date(point.year, 12, 31), anchor, approx, "year")


def _antecedent(i: int, m: Mention, mentions: list[Mention], res: list[Res]) -> int | None:
    """Return the index of the nearest earlier day-level timex of the same paragraph."""
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if o.paragraph_id != m.paragraph_id:
            return None
        r = res[j]
        if r.earliest is not None and r.latest is not None and r.gran in DAY_GRANS | {"week", "month", "year"}:
            return j
    return None


def resolve_anaphoric(i: int, m: Mention, mentions: list[Mention], res: list[Res]) -> Res:
    """Resolve "the day before", "the following week" against the nearest earlier timex of the paragraph."""
    j = _antecedent(i, m, mentions, res)
    if j is None:
        return unresolved(m)
    base, span = res[j].earliest, mentions[j].span_id
    unit, off = m.f["unit"], m.f["off"]
    if unit == "day":
        if res[j].gran not in DAY_GRANS:
            return unresolved(m)
        d = base + timedelta(days=off)
        if m.f.get("tod"):
            return Res(f"{d.isoformat()}T{m.f['tod']}", d, d, span, "", "time")
        return Res(d.isoformat(), d, d, span, "", "day")
    if unit == "week":
        s = monday(base) + timedelta(days=7 * off)
        return Res(week_value(s), s, s + timedelta(days=6), span, "", "week")
    if unit == "month":
        s = add_months(base.replace(day=1), off)
        return Res(f"{s.year:04d}-{s.month:02d}", s, month_end(s.year, s.month), span, "", "month")
    y = base.year + off
    return Res(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), span, "", "year")


def resolve_clock(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None = None) -> Res:
    """Resolve a clock time to the day it belongs to, else a day written ``XXXX-XX-XX``.

    That day is the nearest single day named in its sentence, else the last one named
    earlier in its paragraph, else the DCT ("at 7:15 p.m., police said" in the day's news).
    """
    best, dist = None, None
    for j, o in enumerate(mentions):
        if j == i or o.sentence_id != m.sentence_id:
            continue
        r = res[j]
        if r.gran in DAY_GRANS and r.earliest is not None and r.latest == r.earliest:
            gap = abs(o.start - m.start)
            if dist is None or gap < dist:
                best, dist = j, gap
    if best is None:
        for j in range(i - 1, -1, -1):
            o, r = mentions[j], res[j]
            if o.paragraph_id != m.paragraph_id:
                break
            if r.gran in DAY_GRANS and r.earliest is not None and r.latest == r.earliest:
                best = j
                break
    hhmm = "T{:02d}:{:02d}".format(m.f["hh"], m.f["mm"])
    if best is None:
        if dct is not None:
            return Res(dct.isoformat() + hhmm, dct, dct, "dct", "", "time")
        return Res("XXXX-XX-XX" + hhmm, gran="time")
    d = res[best].earliest
    return Res(d.isoformat() + hhmm, d, d, mentions[best].span_id, "", "time")


def resolve_ordinal_day(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve a day of the month named by its ordinal alone ("on the 4th", "by the 12th").

    It is that day of the month of the last date or month named before it in its
    paragraph; else of the DCT's month, or of the month before or after when the tense
    points there: the first such day on or after the DCT in the future tense, the last
    on or before it in the past tense, the nearest one otherwise.
    """
    d = m.f["d"]
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if o.paragraph_id != m.paragraph_id:
            break
        r = res[j]
        if o.f.get("k") in ("date", "month") and r.earliest is not None and r.gran in ("day", "month"):
            day = valid(r.earliest.year, r.earliest.month, d)
            return day_res(day, m.f, o.span_id) if day else unresolved(m)
    if dct is None:
        return unresolved(m)
    cands = [x for x in (valid(s.year, s.month, d) for s in (add_months(dct, k) for k in (-1, 0, 1))) if x]
    if m.tense == "future":
        cands = [x for x in cands if x >= dct] or cands
        return day_res(min(cands), m.f, "dct")
    if m.tense == "past":
        cands = [x for x in cands if x <= dct] or cands
        return day_res(max(cands), m.f, "dct")
    return day_res(min(cands, key=lambda x: (abs((x - dct).days), x.month != dct.month)), m.f, "dct")

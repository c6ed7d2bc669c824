"""Resolving dates, months, seasons and weekdays: from a year printed, a partner, an earlier mention, the DCT."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from .calendar import month_end, monday, valid
from .mentions import Mention, Res
from .periods import holiday
from .values import day_res, part_interval, res_from_iv, unresolved


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


#: Days within which the nearest occurrence of a yearless period wins over the one its tense points to, by kind
#: ("The offer was extended to Nov. 20" in an article of Nov. 2 is this Nov. 20: news writes a year for
#: any other). Quarters are reported on just after they end, and announced just before.
#: A negative number: only a period already over wins so ("third-quarter results will be released").
NEAREST_WINS = {"date": 62, "holiday": 62, "month": 31, "quarter": -92}


def _pick_year(fn: Callable[[int], tuple[date, date] | None], dct: date, tense: str, *, rel: int | None = None,
               wd: int | None = None, near: int = 0) -> tuple[date, date] | None:
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
    nearest = min(cands, key=lambda c: (_iv_distance(c[1], dct), c[0] != dct.year, -c[0]))[1]
    if tense in ("past", "future") and near and _iv_distance(nearest, dct) <= abs(near) and (near > 0 or nearest[1] < dct):
        return nearest
    if tense == "past":
        before = [iv for y, iv in cands if iv[0] <= dct]
        return max(before, key=lambda iv: iv[0]) if before else None
    if tense == "future":
        after = [iv for y, iv in cands if iv[1] >= dct]
        return min(after, key=lambda iv: iv[0]) if after else None
    return nearest


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
            d = valid(y, f["m"], f["d"])
            return (d, d) if d else None
    elif k == "month":
        def fn(y):
            return part_interval((date(y, f["m"], 1), month_end(y, f["m"])), f.get("mod", ""), "month")
    elif k == "holiday":
        def fn(y):
            d = holiday(f["name"], y)
            return (d, d) if d else None
    else:
        def fn(y):
            first, last = f["first"], f["last"]
            start = date(y, first, 1)
            end = month_end(y + (1 if last < first else 0), last)
            return part_interval((start, end), f.get("mod", ""), "season")
    return fn


def _same_key(a: Mention, b: Mention) -> bool:
    fa, fb = a.f, b.f
    if fa.get("k") != fb.get("k") or fb.get("rel") is not None or fb.get("ry") is not None:
        return False
    if fa["k"] == "date":
        return (fa["m"], fa["d"]) == (fb["m"], fb["d"])
    if fa["k"] == "month":
        return fa["m"] == fb["m"] and fa.get("mod", "") == fb.get("mod", "")
    if fa["k"] == "season":
        return fa["code"] == fb["code"]
    if fa["k"] == "holiday":
        return fa["name"] == fb["name"]
    return False


def _near_anchor(fn: Callable[[int], tuple[date, date] | None], r: Res) -> tuple[date, date] | None:
    """Return the period of `fn` in the year of `r` (a year), or the one nearest to `r` (a day, month or season).

    "Payable Jan. 2, 1990, to holders of record Dec. 15" puts Dec. 15 in 1989.
    """
    y = r.earliest.year
    if r.gran == "year":
        return fn(y)
    cands = [iv for iv in (fn(y - 1), fn(y), fn(y + 1)) if iv is not None]
    if not cands:
        return None
    return min(cands, key=lambda iv: (_iv_distance(iv, r.earliest) if iv[1] < r.earliest else _iv_distance(iv, r.latest),
                                      iv[0].year != y))


def _tenses_clash(a: str, b: str) -> bool:
    return {a, b} == {"past", "future"}


def resolve_anchored(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve a date, month or season: absolute, or from its partner, a year nearby, an earlier mention, the DCT."""
    f = m.f
    fn = _interval_fn(f)
    window = 7 if f["k"] == "date" else 200
    if f.get("y") is not None:
        iv = fn(f["y"])
        if iv is None:
            return unresolved(m)
        return res_from_iv(iv, m, f.get("y_from") or "absolute")
    # 1. the other end of a range or coordination
    if m.link is not None:
        other, r = mentions[m.link], res[m.link]
        if m.link_kind == "before":
            if r.earliest is None:
                return unresolved(m)
            for y in (r.earliest.year, r.earliest.year - 1):
                iv = fn(y)
                if iv and iv[1] <= r.latest:
                    return res_from_iv(iv, m, other.span_id)
            return unresolved(m)
        if r is not None and r.earliest is not None:
            for y in (r.earliest.year, r.earliest.year + 1):
                iv = fn(y)
                if iv and iv[0] >= r.earliest:
                    return res_from_iv(iv, m, other.span_id)
        return unresolved(m)
    # relative year ("Sept. 16 last year")
    if f.get("ry") is not None:
        if dct is None:
            return unresolved(m)
        iv = fn(dct.year + f["ry"])
        return res_from_iv(iv, m, "dct") if iv else unresolved(m)
    # "last May", "next summer"
    if f.get("rel") is not None:
        if dct is None:
            return unresolved(m)
        iv = _pick_year(fn, dct, m.tense, rel=f["rel"])
        return res_from_iv(iv, m, "dct") if iv else unresolved(m)
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
        iv = _near_anchor(fn, r)
        if iv and _compatible(iv, m.tense, dct, window=None):
            return res_from_iv(iv, m, o.span_id)
    # 3. an earlier mention of the same date, month or season
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if _same_key(o, m) and res[j].earliest is not None:
            iv = (res[j].earliest, res[j].latest)
            if _compatible(iv, m.tense, dct, window=window):
                return res_from_iv(iv, m, o.span_id)
            break
    # 4. a year that frames the sentence before ("In 2019, Xi visited Bishkek. He arrived on June 12."), both past
    if m.tense == "past" and _near_key(f) != "quarter":
        for j in range(i - 1, -1, -1):
            o = mentions[j]
            if o.paragraph_id != m.paragraph_id or o.sentence_id < m.sentence_id - 1:
                break
            if o.sentence_id == m.sentence_id:
                continue
            r = res[j]
            if not o.f.get("frame") or r.anchor != "absolute" or r.gran != "year" or o.tense != "past":
                continue
            iv = fn(r.earliest.year)
            if iv and _compatible(iv, "past", dct, window=0):
                return res_from_iv(iv, m, o.span_id)
            break
    # 5. the publication date
    if dct is None:
        return unresolved(m)
    near = 0 if f.get("since") else NEAREST_WINS.get(_near_key(f), 0)
    iv = _pick_year(fn, dct, m.tense, wd=f.get("wd"), near=near)
    return res_from_iv(iv, m, "dct") if iv else unresolved(m)


def _near_key(f: dict) -> str:
    return "quarter" if f["k"] == "season" and str(f.get("code", "")).startswith("Q") else f["k"]


def resolve_weekday(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve a weekday: from its partner, "last/next/this", its week, an earlier mention of it, the DCT and tense."""
    f = m.f
    wd = f["wd"]
    if m.link is not None:
        r = res[m.link]
        if r.earliest is None:
            return unresolved(m)
        d = r.earliest + timedelta(days=(wd - r.earliest.weekday()) % 7 or 7)
        return day_res(d, f, mentions[m.link].span_id)
    if dct is None:
        return unresolved(m)
    rel, wk = f.get("rel", ""), f.get("wk")
    if wk is not None:
        return day_res(monday(dct) + timedelta(days=7 * wk + wd), f, "dct")
    if rel == "last":
        return day_res(dct - timedelta(days=((dct.weekday() - wd - 1) % 7) + 1), f, "dct")
    if rel == "next":
        return day_res(dct + timedelta(days=((wd - dct.weekday() - 1) % 7) + 1), f, "dct")
    if rel == "this":
        return day_res(monday(dct) + timedelta(days=wd), f, "dct")
    for j in range(i - 1, -1, -1):
        o = mentions[j]
        if o.f.get("k") == "weekday" and o.f.get("wd") == wd and not o.f.get("rel") and o.f.get("wk") is None:
            r = res[j]
            if r.earliest is not None and _compatible((r.earliest, r.earliest), m.tense, dct, window=3):
                return day_res(r.earliest, f, o.span_id)
            break
    return day_res(_weekday_date(dct, wd, m.tense), f, "dct")

"""TIMEX3 values of resolutions: granularities, part-of-period intervals, values, unresolved values."""

from __future__ import annotations

from datetime import date, timedelta

from .calendar import month_end, week_value
from .mentions import Mention, Res

#: Granularities of a single day (a TIME is a day with a part of it or a clock time).
DAY_GRANS = frozenset({"day", "time"})
#: Kinds resolved as calendar periods that may lack their year (resolved against a partner, a year nearby, the DCT).
ANCHORED_KINDS = frozenset({"date", "month", "season", "holiday"})


def part_interval(iv: tuple[date, date], mod: str, gran: str) -> tuple[date, date]:
    """Return the part of `iv` (a `gran` period) that `mod` names: START, MID, END, a half or a quarter of a year."""
    s, e = iv
    if not mod or mod in ("EARLIER", "LATER", "REST"):
        return iv
    if gran == "month":
        return {"START": (s, s.replace(day=10)), "MID": (s.replace(day=11), s.replace(day=20)),
                "END": (s.replace(day=21), e)}.get(mod, iv)
    if gran == "year":
        y = s.year
        table = {"START": (1, 4), "MID": (5, 8), "END": (9, 12), "H1": (1, 6), "H2": (7, 12), "Q1": (1, 3),
                 "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}
        if mod in table:
            a, b = table[mod]
            return date(y, a, 1), month_end(y, b)
        return iv
    if gran == "decade":
        y = s.year
        a, b = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}.get(mod, (0, 9))
        return date(y + a, 1, 1), date(y + b, 12, 31)
    n = (e - s).days + 1
    third = max(n // 3, 1)
    return {"START": (s, s + timedelta(days=third - 1)), "MID": (s + timedelta(days=third), e - timedelta(days=third)),
            "END": (e - timedelta(days=third - 1), e)}.get(mod, iv)


def value_for(gran: str, iv: tuple[date, date], f: dict | None = None) -> str:
    """Return the TIMEX3 value of period `iv` at granularity `gran` ("2022-09", "2022-W37", "202", "2024-H1")."""
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
        return week_value(s)
    if gran == "weekend":
        return week_value(s) + "-WE"
    if gran == "decade":
        return f"{s.year // 10:03d}"
    if gran == "century":
        return f"{s.year // 100:02d}"
    if gran == "quarter":
        return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    return s.isoformat()


def mod_out(mod: str) -> str:
    """Return the TIMEX3 mod written out: the cut modifiers (earlier/later/the rest of) only narrow the days."""
    return "" if mod in ("EARLIER", "LATER", "REST") else mod


def unresolved(m: Mention) -> Res:
    """Return the value of `m` with its unknown parts written ``X`` ("XXXX-09-16", "XXXX-WXX-3") and no days."""
    f, k = m.f, m.f.get("k")
    if k == "date":
        return Res(f"XXXX-{f['m']:02d}-{f['d']:02d}", gran="day")
    if k == "month":
        return Res(f"XXXX-{f['m']:02d}", mod=f.get("mod", ""), gran="month")
    if k == "season":
        return Res(f"XXXX-{f['code']}", mod=f.get("mod", ""), gran="season")
    if k == "holiday":
        return Res("XXXX-XX-XX", gran="day")
    if k == "ordinal_day":
        return Res(f"XXXX-XX-{f['d']:02d}", gran="day")
    if k == "weekday":
        tod = f"T{f['tod']}" if f.get("tod") else ""
        return Res(f"XXXX-WXX-{f['wd'] + 1}{tod}", mod=f.get("mod", ""), gran="time" if tod else "day")
    if k in ("deictic", "anaphoric"):
        unit = f.get("unit", "day")
        value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX-XX-XX")
        tod = f"T{f['tod']}" if f.get("tod") else ""
        return Res(value + tod, mod=f.get("mod", ""), gran="time" if tod else unit)
    if k == "rel_unit":
        unit = f["unit"]
        value = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX",
                 "quarter": "XXXX-QX"}[unit]
        return Res(value, mod=mod_out(f.get("mod", "")), gran=unit)
    if k == "weekend":
        return Res("XXXX-WXX-WE", gran="weekend")
    if k == "offset":
        gran = offset_gran(f["unit"])
        value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[gran]
        return Res(value, mod=f.get("mod", ""), gran=gran)
    return Res("XXXX")


def offset_gran(unit: str) -> str:
    """Return the granularity of a point an offset in `unit` names ("two hours ago": a day)."""
    if unit in ("second", "minute", "hour", "day"):
        return "day"
    return unit if unit in ("week", "month") else "year"


def mod_keep(mod: str) -> str:
    """Return a year's TIMEX3 mod: halves and quarters are in the value ("2024-H1"), not the mod."""
    return "" if mod in ("H1", "H2", "Q1", "Q2", "Q3", "Q4") else mod


def day_res(d: date, f: dict, anchor: str) -> Res:
    """Return the resolution of day `d` (a TIME with the part of day of `f`, if any) resolved against `anchor`."""
    tod = f.get("tod", "")
    if tod:
        return Res(f"{d.isoformat()}T{tod}", d, d, anchor, f.get("mod", ""), "time")
    return Res(d.isoformat(), d, d, anchor, f.get("mod", ""), "day")


def _gran_of(f: dict) -> str:
    return {"date": "day", "month": "month", "season": "season", "holiday": "day"}[f["k"]]


def res_from_iv(iv: tuple[date, date], m: Mention, anchor: str) -> Res:
    """Return the resolution of date, month or season `m` to period `iv`, resolved against `anchor`."""
    gran = _gran_of(m.f)
    if gran == "day":
        return day_res(iv[0], m.f, anchor)
    return Res(value_for(gran, iv, m.f), iv[0], iv[1], anchor, m.f.get("mod", ""), gran)

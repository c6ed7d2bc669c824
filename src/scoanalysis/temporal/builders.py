"""Rule builders for calendar dates: a match of a date, month, year, decade, century or season rule -> candidate.

Each builder takes the match on the folded sentence, the folded sentence and the raw
one, checks what the pattern cannot (capitals, the words around, a valid day), and
returns a ``Cand`` with the features resolution reads (``f``), or None.
"""

from __future__ import annotations

from typing import Callable

from ..patterns import temporal as P
from .calendar import valid
from .mentions import Cand, Part
from .words import cap, month_ok, part_mod, sentence_initial, single, wd_prefix_ok, weekday_of, word_after, word_before


def _b_iso(m, folded, raw):
    d = valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or not wd_prefix_ok(raw, m):
        return None
    f = {"k": "date", "y": d.year, "m": d.month, "d": d.day, "wd": weekday_of(m["wd"])}
    return single(m, "iso_date", "DATE", f)


def _b_dotted(m, folded, raw):
    d = valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None or not wd_prefix_ok(raw, m):
        return None
    f = {"k": "date", "y": d.year, "m": d.month, "d": d.day, "wd": weekday_of(m["wd"])}
    return single(m, "dotted_date", "DATE", f)


def _b_slash(m, folded, raw):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b:
        d = valid(y, b, a)
    elif b > 12 >= a:
        d = valid(y, a, b)
    else:
        return None
    if d is None:
        return None
    return single(m, "slash_date", "DATE", {"k": "date", "y": d.year, "m": d.month, "d": d.day})


def _b_md_range(m, folded, raw):
    mon = month_ok(raw, m, "m", attached=True)
    d1, d2 = int(m["d"]), int(m["d2"])
    if mon is None or not d1 < d2 or valid(2000, mon, d2) is None or not wd_prefix_ok(raw, m):
        return None
    y = int(m["y"]) if m["y"] else None
    start, wd = m.start(), weekday_of(m["wd"])
    if wd is not None and P.WEEKDAY_PAIR_BEFORE.search(folded[:m.start()]):
        start, wd = m.start("m"), None  # "Thursday and Friday, Sept. 15-16": the weekdays stand on their own
    a = Part(start, m.end("d"), "DATE", {"k": "date", "y": y, "m": mon, "d": d1, "wd": wd})
    b = Part(m.start("d2"), m.end(), "DATE", {"k": "date", "y": y, "m": mon, "d": d2})
    if y is None:
        b.link, b.link_kind = 0, "after"
    return Cand(start, m.end(), "md_range", [a, b])


def _b_dm_range(m, folded, raw):
    mon = month_ok(raw, m, "m", attached=True)
    d1, d2 = int(m["d"]), int(m["d2"])
    if mon is None or not d1 < d2 or valid(2000, mon, d2) is None:
        return None
    left, _ = word_before(folded, m.start())
    if left in P.COUNT_LEFT:
        return None
    y = int(m["y"]) if m["y"] else None
    a = Part(m.start(), m.end("d"), "DATE", {"k": "date", "y": y, "m": mon, "d": d1})
    b = Part(m.start("d2"), m.end(), "DATE", {"k": "date", "y": y, "m": mon, "d": d2})
    if y is None:
        a.link, a.link_kind = 1, "before"
    return Cand(m.start(), m.end(), "dm_range", [a, b])


def _b_date(rule):
    def build(m, folded, raw):
        mon = month_ok(raw, m, "m", attached=True)
        if mon is None or not wd_prefix_ok(raw, m):
            return None
        day = int(m["d"])
        y = int(m["y"]) if m["y"] else None
        if valid(y or 2000, mon, day) is None:
            return None
        if rule == "day_month":
            left, _ = word_before(folded, m.start())
            if left in P.COUNT_LEFT and not m["wd"]:
                return None
        ry = {"last": -1, "this": 0, "next": 1}.get((m["ry"] or "").lower())
        start, wd = m.start(), weekday_of(m["wd"])
        if wd is not None and P.WEEKDAY_PAIR_BEFORE.search(folded[:m.start()]):
            start, wd = m.start("m") if rule == "month_day" else m.start("d"), None
        f = {"k": "date", "y": y, "m": mon, "d": day, "wd": wd, "ry": ry}
        if m.groupdict().get("wko"):
            f["week"] = True  # "the week of March 6"
        return single(m, rule, "DATE", f, s=start)
    return build


def _b_ordinal_day(m, folded, raw):
    d = int(m["d"])
    suffix = "th" if 11 <= d % 100 <= 13 else P.ORDINAL_SUFFIXES.get(d % 10, "th")
    if m["suf"].lower() != suffix:
        return None
    rest = folded[m.end():].lstrip()
    if rest[:1].isdigit() or rest[:1] == "-":
        return None  # "the 4th 2024", "the 4th-largest"
    if rest[:1].isalpha():
        nxt, _ = word_after(folded, m.end())
        if nxt not in P.ORDINAL_DAY_NEXT:
            return None  # "on the 4th day", "at the 10th summit"
    return single(m, "ordinal_day", "DATE", {"k": "ordinal_day", "d": d}, s=m.start("core"), e=m.end("core"))


def _b_month_year(m, folded, raw):
    mon = month_ok(raw, m, "m", attached=True)
    if mon is None:
        return None
    return single(m, "month_year", "DATE", {"k": "month", "y": int(m["y"]), "m": mon, "mod": part_mod(m["mod"])})


def _b_month(m, folded, raw):
    mon = month_ok(raw, m, "m", attached=False)
    if mon is None:
        return None
    token_raw = raw[m.start("m"):m.end("m")]
    if not cap(token_raw):
        return None
    tok = token_raw.lower()
    rel = (m["rel"] or "").lower()
    mod = part_mod(m["mod"])
    nxt, nxt_raw = word_after(folded, m.end("m"))
    if tok == "may" and (nxt in P.MODAL_NEXT or folded[m.end("m"):m.end("m") + 2] == "'s"):
        return None
    if not rel and not mod:
        left, _ = word_before(folded, m.start("m"))
        if left not in P.MONTH_LEFT_CUES:
            return None
        if tok == "march" and left == "the" and nxt in P.MARCH_NOUN_NEXT:
            return None
        if tok == "may" and left in P.MAY_NAME_LEFT and nxt_raw[:1].islower() and nxt not in P.YEAR_EVENT_NOUNS:
            return None  # "talks with May about", "attended by May and"
    rel_off = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get(rel)
    ry = {"last": -1, "this": 0, "next": 1}.get((m["ry"] or "").lower())
    if ry is not None and rel_off is None:
        # "June last year", "January of this year"
        return single(m, "month", "DATE", {"k": "month", "y": None, "m": mon, "mod": mod, "rel": None, "ry": ry})
    e = m.end("m") if tok not in P.MONTH_ABBREVIATIONS else m.end("m") + (1 if folded[m.end("m"):m.end("m") + 1] == "." else 0)
    return single(m, "month", "DATE", {"k": "month", "y": None, "m": mon, "mod": mod, "rel": rel_off}, e=e)


def _year_context_ok(folded: str, s: int, e: int, *, old: bool = False) -> bool:
    """Return whether the 4-digit number at folded[s:e] reads as a year in its context.

    A number from 1900 to 2099 is a year unless the words around it count things
    ("2000 troops", "more than 1990", "1990 of them"; but "until at least 2030" names a
    year), number an item ("No. 1990", "Flight 2012") or name something ("Vision 2030");
    an older one (`old`) only after a
    word that introduces a time ("in 1898", "since 1776").
    """
    nxt, nxt_raw = word_after(folded, e)
    left, left_raw = word_before(folded, s)
    strong = left in P.YEAR_LEFT_CUES or left in P.MONTHS
    if (nxt in P.COUNT_NOUNS and not (strong and nxt in P.COUNT_VERBS)) or folded[e:e + 1] == "%":
        return False
    if folded[e:e + 2] == "'s":
        return True
    if left in P.COUNT_LEFT:
        return P.TIME_MODIFIER_BEFORE.search(folded, 0, s) is not None  # "until at least 2030", not "at least 2000"
    if strong:
        return True
    if old:
        return False
    if left in P.NUMBER_LEFT or folded[e:e + 1] in (":", "/") or (nxt == "of" and folded[e:e + 1] == " "):
        return False
    if cap(left_raw) and not sentence_initial(folded, s) and not left_raw.lower().endswith("'s") \
            and left not in P.WEEKDAY_LEFT_FUNCTION and left not in P.WEEKDAYS:
        return False  # "Vision 2030", "Windows 2000"
    return True


def _b_year_range(m, folded, raw):
    y1 = int(m["y"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not (y1 < y2 <= y1 + 100):
        return None
    sep = folded[m.end("y"):m.start("y2")].strip().lower()
    if len(y2s) == 2 and sep not in ("-", "/"):
        return None
    nxt, _ = word_after(folded, m.end())
    if nxt in P.COUNT_NOUNS and nxt not in P.COUNT_VERBS:
        return None
    if not m["pre"] and not _year_context_ok(folded, m.start("y"), m.end("y")) and sep not in ("-", "/"):
        return None
    if not m["pre"] and sep in ("-", "/"):
        left, _ = word_before(folded, m.start("y"))
        if left in P.COUNT_LEFT:
            return None
    a = Part(m.start("y"), m.end("y"), "DATE", {"k": "year", "y": y1, "mod": ""})
    b = Part(m.start("y2"), m.end("y2"), "DATE", {"k": "year", "y": y2, "mod": ""})
    if len(y2s) == 2:
        b.link, b.link_kind = 0, "century"
    return Cand(m.start("y"), m.end(), "year_range", [a, b])


def _b_year(m, folded, raw):
    if not _year_context_ok(folded, m.start(), m.end(), old=int(m["y"]) < 1900):
        return None
    left, _ = word_before(folded, m.start())
    f = {"k": "year", "y": int(m["y"]), "mod": ""}
    if left in ("in", "during") and sentence_initial(folded, m.start() - len(left) - 1):
        f["frame"] = True  # "In 2019, ...": the year frames what follows
    return single(m, "year", "DATE", f)


def _b_decade(m, folded, raw):
    s = m.start("mod") if m["mod"] else m.start("y")
    return single(m, "decade", "DATE", {"k": "decade", "y": int(m["y"]), "mod": part_mod(m["mod"])}, s=s)


def _b_century(m, folded, raw):
    c = m["c"].lower()
    n = P.CENTURY_ORDINALS.get(" ".join(c.split())) or int(P.LEADING_DIGITS.match(c).group())
    if not 1 <= n <= 22:
        return None
    s = m.start("c")
    return single(m, "century", "DATE", {"k": "century", "c": n}, s=s)


def _b_part_year(m, folded, raw):
    t = " ".join(m["mod"].lower().split())
    mod = P.YEAR_PARTS.get(t) or P.PART_MODS.get(t, "")
    return single(m, "part_year", "DATE", {"k": "year", "y": int(m["y"]), "mod": mod})


def _b_season(m, folded, raw):
    name = m["season"].lower()
    rel = (m["rel"] or "").lower()
    y = int(m["y"]) if m["y"] else None
    token_raw = raw[m.start("season"):m.end("season")]
    if cap(token_raw) and not sentence_initial(folded, m.start("season")) and not rel and not m["mod"]:
        left, left_raw = word_before(folded, m.start("season"))
        if cap(left_raw):
            return None
    if name == "fall" and not rel and y is None:
        return None
    if not rel and not m["mod"] and y is None:
        left, _ = word_before(folded, m.start("season"))
        if left not in P.SEASON_LEFT_CUES:
            if not (left == "the" and word_before(folded, m.start("season") - 4)[0] in P.SEASON_LEFT_CUES):
                return None
        nxt, _ = word_after(folded, m.end("season"))
        if nxt == "of":
            return None
    code, first, last = P.SEASONS[name]
    rel_off = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get(rel)
    f = {"k": "season", "y": y, "code": code, "first": first, "last": last, "rel": rel_off, "mod": part_mod(m["mod"])}
    return single(m, "season", "DATE", f)


#: Builders of the calendar-date rules, by rule name.
DATE_BUILDERS: dict[str, Callable] = {
    "iso_date": _b_iso, "dotted_date": _b_dotted, "slash_date": _b_slash, "md_range": _b_md_range,
    "dm_range": _b_dm_range, "month_day": _b_date("month_day"), "day_month": _b_date("day_month"),
    "ordinal_day": _b_ordinal_day, "month_year": _b_month_year, "month": _b_month, "year_range": _b_year_range,
    "decade": _b_decade, "century": _b_century, "part_year": _b_part_year, "year": _b_year, "season": _b_season,
}

"""Rule builders for periods of business and civil calendars: quarters, fiscal years, holidays, years in words.

Each builder takes the match on the folded sentence, the folded sentence and the raw
one and returns a ``Cand`` with the features resolution reads (``f``), or None.

Features of the kinds made here:

* a quarter is a ``season`` whose code is ``Q1``..``Q4`` (months ``first``..``last``),
  resolved like a season: "the third quarter" is the nearest third quarter the tense
  allows; ``back`` years are taken off after ("the year-earlier third quarter");
* ``period_ref``: the period under discussion ("the quarter", "the latest period",
  "year-earlier", "the year"): ``unit`` is ``quarter``, ``year`` or ``any``, ``back``
  the years to go back, ``y`` a year printed in it ("the 1988 period"), ``which``
  ``latest``/``current`` where said;
* a holiday is a ``holiday`` (``name``), resolved like a date without year.
"""

from __future__ import annotations

from typing import Callable

from ..patterns import temporal_periods as Q
from .words import cap, single, word_after, word_before

_BACK_WORDS = ("year-earlier", "year earlier", "year-ago", "year ago", "prior-year", "prior year", "previous-year",
               "previous year")


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _back(pre: str) -> int:
    """Return 1 when the words before a period put it a year back ("year-earlier", "prior-year"), else 0."""
    return 1 if any(w in pre for w in _BACK_WORDS) else 0


def _b_quarter(m, folded, raw):
    q = Q.QUARTER_ORDINALS[m["q"].lower()]
    pre = _norm(m["pre"])
    y = int(m["y2"]) if m["y2"] else (int(m["y"]) if m["y"] else None)
    hyphen = "-" in m["sep"]
    s = m.start()
    if m["det"] and hyphen and not m["y2"]:
        # "the third-quarter loss": the article belongs to the noun; the timex is the adjective
        s = m.start("pre") if pre else m.start("q")
    first = 3 * q - 2
    ry = {"this": 0, "last": -1, "next": 1}.get((m["rely"] or "").lower()) if y is None else None
    f = {"k": "season", "code": f"Q{q}", "first": first, "last": first + 2, "y": y, "rel": None, "mod": "",
         "back": _back(pre), "ry": ry}
    return single(m, "quarter", "DATE", f, s=s)


def _b_period_ref(m, folded, raw):
    if m["adj"]:
        return single(m, "period_ref", "DATE", {"k": "period_ref", "unit": "any", "back": 1, "y": None, "which": ""})
    det, mods, noun = m["det"].lower(), _norm(m["mods"]), m["noun"].lower()
    if noun == "period" and not mods:
        return None  # "the period": a span of the story, not the period of the report
    if det == "this" and not mods:
        return None  # "this quarter" is a relative unit
    if cap(raw[m.start("noun"):m.start("noun") + 1]) and not mods:
        return None  # "the French Quarter"
    which = "current" if "current" in mods else ("latest" if "latest" in mods else "")
    y = int(m["y"]) if m["y"] else None
    back = 1 if m["ly"] else _back(mods)
    f = {"k": "period_ref", "unit": "quarter", "back": back, "y": y, "which": which}
    return single(m, "period_ref", "DATE", f)


def _b_fiscal_year(m, folded, raw):
    if m["y"]:
        y = int(m["y"])
    else:
        yy = int(m["yy"])
        y = 1900 + yy if yy >= 40 else 2000 + yy
    return single(m, "fiscal_year", "DATE", {"k": "year", "y": y, "mod": ""})


def _b_the_year(m, folded, raw):
    nxt, _ = word_after(folded, m.end("core"))
    if nxt in Q.YEAR_NOT_NEXT or nxt.isdigit() or folded[m.end("core"):m.end("core") + 1] == "-":
        return None
    mods, unit = _norm(m["mods"]), m["unit"].lower()
    if m["ended"]:
        # "the year ended Sept. 30": a year-long span ending on a day the sentence names
        f = {"k": "duration", "value": "P1Y" if unit == "year" else "P1W", "mod": ""}
        return single(m, "the_year", "DURATION", f, s=m.start("core"), e=m.end("core"))
    if unit == "week" and mods:
        return None
    which = "current" if ("current" in mods or "calendar" in mods) else ("latest" if "latest" in mods else "")
    f = {"k": "period_ref", "unit": unit, "back": 0, "y": None, "which": which}
    return single(m, "the_year", "DATE", f, s=m.start("core"), e=m.end("core"))


def _b_year_end(m, folded, raw):
    left, _ = word_before(folded, m.start("core"))
    if left in ("a", "an", "per", "every", "each"):
        return None
    f = {"k": "date", "y": None, "m": 12, "d": 31, "wd": None, "ry": None}
    return single(m, "year_end", "DATE", f, s=m.start("core"), e=m.end("core"))


def _b_holiday(m, folded, raw):
    name = _norm(m["name"]).replace("’", "'")
    token = raw[m.start("name"):m.end("name")]
    if not cap(token):
        return None  # "christmas" or "easter" in lower case is no holiday name as news writes it
    if name.replace("'", "") in ("may day",) and not all(cap(w) for w in token.split()):
        return None
    known = set(Q.HOLIDAY_DAYS) | set(Q.HOLIDAY_RULES) | set(Q.HOLIDAY_EASTER) | set(Q.HOLIDAY_AFTER)
    key = name if name in known else name.replace("'", "")
    rel = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get((m["rel"] or "").lower())
    f = {"k": "holiday", "name": key, "y": None, "rel": rel, "mod": ""}
    if m["week"] and m["week"].lower() == "week":
        f["week"] = True  # "Easter week": the week of the holiday
        return single(m, "holiday", "DATE", f)
    return single(m, "holiday", "DATE", f, e=m.end("name"))


def year_from_words(text: str) -> int | None:
    """Return the year that number words write ("nineteen ninety-six" 1996, "two thousand and one" 2001)."""
    words = [w for w in text.lower().replace("-", " ").split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        base = 2000
    elif words and words[0] in ("nineteen", "twenty"):
        base = Q.WORD_VALUES[words[0]] * 100
        rest = words[1:]
        if rest == ["hundred"]:
            return base
    else:
        return None
    total = 0
    for w in rest:
        if w not in Q.WORD_VALUES:
            return None
        total += Q.WORD_VALUES[w]
    return base + total if total < 100 else None


def _b_word_year(m, folded, raw):
    y = year_from_words(m["words"])
    if y is None:
        return None
    words = _norm(m["words"])
    left, _ = word_before(folded, m.start())
    if not m["the"]:
        if words.startswith("two thousand") and len(words.split()) == 2:
            return None  # "two thousand" alone is a number
        if left not in ("in", "since", "of", "by", "until", "before", "after", "from", "during", "through") \
                and left not in _MONTH_WORDS and not _sentence_start(folded, m.start()):
            nxt, _ = word_after(folded, m.end())
            if nxt not in ("attack", "election", "elections", "bombing", "olympics", "games", "season", "campaign"):
                return None
    return single(m, "word_year", "DATE", {"k": "year", "y": y, "mod": ""})


_MONTH_WORDS = frozenset("january february march april may june july august september october november december".split())


def _sentence_start(folded: str, pos: int) -> bool:
    before = folded[:pos].rstrip()
    return not before or before[-1] in ".!?:\""


def _b_word_decade(m, folded, raw):
    d = Q.DECADE_WORDS[m["w"].lower()] if m["w"] else int(m["d"]) * 10
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower(), "")
    return single(m, "word_decade", "DATE", {"k": "decade", "y": 1900 + d, "mod": mod}, s=m.start("core"),
                  e=m.end("core"))


#: Builders of the period rules, by rule name.
PERIOD_BUILDERS: dict[str, Callable] = {
    "quarter": _b_quarter, "period_ref": _b_period_ref, "fiscal_year": _b_fiscal_year, "the_year": _b_the_year,
    "year_end": _b_year_end, "holiday": _b_holiday, "word_year": _b_word_year, "word_decade": _b_word_decade,
}

"""Rule builders for relative expressions: weeks, weekdays, deictic days, offsets, durations, sets, clock times.

Each builder takes the match on the folded sentence, the folded sentence and the raw
one and returns a ``Cand`` with the features resolution reads (``f``), or None.
"""

from __future__ import annotations

from typing import Callable

from ..patterns import temporal as P
from ..patterns import temporal_periods as Q
from .calendar import valid
from .words import cap, month_ok, duration_value, fmt_num, mod_of, number, sentence_initial, single, unit_name, weekday_of, \
    word_after, word_before


def _b_rel_part(m, folded, raw):
    t = " ".join(m["mod"].lower().split())
    mod = {"earlier": "EARLIER", "later": "LATER", "the rest of": "REST"}.get(t) or P.PART_MODS.get(t, "")
    rel = " ".join(m["rel"].lower().split())
    off = {"this": 0, "the": 0, "the current": 0, "last": -1, "next": 1, "the coming": 1}[rel]
    return single(m, "rel_part", "DATE", {"k": "rel_unit", "unit": m["unit"].lower(), "off": off, "mod": mod})


def _b_rel_unit(m, folded, raw):
    rel = m["rel"].lower()
    left, _ = word_before(folded, m.start())
    if left == "the" and rel in ("last", "past", "next", "coming"):
        return None
    off = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    return single(m, "rel_unit", "DATE", {"k": "rel_unit", "unit": m["unit"].lower(), "off": off, "mod": ""})


def _b_weekend(m, folded, raw):
    return single(m, "weekend", "DATE", {"k": "weekend"}, s=m.start("core"), e=m.end("core"))


def _weekday_context_ok(folded: str, raw: str, s: int, e: int) -> bool:
    """Return whether the weekday name at folded[s:e] names a day here.

    News puts the day right after its subject ("Clinton Saturday vowed", "in Tokyo
    Monday"): a capitalised word before it is no objection, unless it makes a name
    with it ("Black Friday", "Super Tuesday"), or the day opens a title after "the"
    ("the Sunday Times").
    """
    left, left_raw = word_before(folded, s)
    if not left_raw or sentence_initial(folded, s):
        return True
    if cap(left_raw) and left in P.DAY_NAME_MODIFIERS:
        return False
    nxt, nxt_raw = word_after(folded, e)
    if left in ("the", "a") and cap(nxt_raw) and cap(raw[s:s + 1]) and nxt not in P.WEEKDAYS and nxt not in P.MONTHS:
        return False
    return True


def _b_hours_of(m, folded, raw):
    if m["wd"]:
        f = {"k": "weekday", "wd": weekday_of(m["wd"]), "tod": "MO", "mod": "START"}
        if f["wd"] is None:
            return None
    else:
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["deic"].lower()]
        f = {"k": "deictic", "off": off, "tod": "MO", "mod": "START"}
    return single(m, "hours_of", "TIME", f)


def _b_early_weekday(m, folded, raw):
    tod = P.PARTS_OF_DAY.get((m["tod"] or "").lower(), "")
    f = {"k": "weekday", "wd": weekday_of(m["wd"]), "tod": tod, "mod": P.PART_MODS[m["mod"].lower()]}
    if f["wd"] is None:
        return None
    return single(m, "early_weekday", "TIME" if tod else "DATE", f)


def _b_weekday(m, folded, raw):
    s = m.start("rel") if m["rel"] else m.start("wd")
    if not m["rel"] and not _weekday_context_ok(folded, raw, m.start("wd"), m.end("wd")):
        return None
    wd = weekday_of(m["wd"])
    if wd is None:
        return None
    if m["pl"]:
        f = {"k": "set", "value": f"XXXX-WXX-{wd + 1}", "freq": ""}
        return single(m, "weekday", "SET", f, s=m.start("wd"), e=m.end("pl"))
    tod = P.PARTS_OF_DAY.get((m["tod"] or "").lower(), "")
    rel = {"past": "last", "coming": "next"}.get((m["rel"] or "").lower(), (m["rel"] or "").lower())
    wk = {"last": -1, "next": 1, "this": 0}.get((m["wk"] or "").lower())
    f = {"k": "weekday", "wd": wd, "tod": tod, "mod": "", "rel": rel, "wk": wk}
    return single(m, "weekday", "TIME" if tod else "DATE", f, s=s)


def _b_deictic(m, folded, raw):
    if m["dd"]:
        off = -2 if m["dd"].lower().startswith("before") else 2
        tod = ""
    else:
        word = m["deic"].lower()
        token_raw = raw[m.start("deic"):m.end("deic")]
        if word in ("today", "tomorrow") and cap(token_raw) and not sentence_initial(folded, m.start("deic")):
            left, left_raw = word_before(folded, m.start("deic"))
            if cap(left_raw) and left not in P.WEEKDAY_LEFT_FUNCTION:
                return None
        off = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
        tod = "NI" if word == "tonight" else ""
    tod = P.PARTS_OF_DAY.get((m["tod"] or "").lower(), tod)
    return single(m, "deictic", "TIME" if tod else "DATE", {"k": "deictic", "off": off, "tod": tod, "mod": ""})


def _b_deictic_part(m, folded, raw):
    word, tod = m["deic"].lower(), P.PARTS_OF_DAY[m["tod"].lower()]
    off = -1 if word == "last" and tod in ("NI", "EV") else 0
    if word == "last" and tod in ("MO", "AF"):
        return None
    return single(m, "deictic", "TIME", {"k": "deictic", "off": off, "tod": tod, "mod": ""})


def _b_anaphoric(m, folded, raw):
    tod = P.PARTS_OF_DAY[m["tod4"].lower()] if m["tod4"] else ""
    which = (m["which"] or m["which2"] or m["which3"] or "day").lower()
    d = (m["dir"] or m["dir2"] or m["dir4"] or "same").lower()
    off = {"before": -1, "earlier": -1, "previous": -1, "preceding": -1, "after": 1, "later": 1, "next": 1,
           "following": 1, "same": 0}[d]
    if which == "year" and d == "next":
        return None
    f = {"k": "anaphoric", "unit": which, "off": off, "tod": tod}
    return single(m, "anaphoric", "TIME" if tod else "DATE", f)


def _b_offset(m, folded, raw):
    n = number(m["num"])
    if n is None:
        return None
    d = " ".join(m["dir"].lower().split())
    unit = unit_name(m["unit"])
    if d in ("before", "after"):
        nxt, nxt_raw = word_after(folded, m.end())
        if nxt in P.DETERMINERS or cap(nxt_raw) or nxt.isdigit():
            e = m.end("unit")
            f = {"k": "duration", "value": duration_value(n, unit), "mod": mod_of(m["mod"])}
            return single(m, "duration", "DURATION", f, e=e)
    f = {"k": "offset", "n": n, "unit": unit, "dir": d, "mod": mod_of(m["mod"])}
    if unit == "year" and Q.COMPARISON_BEFORE.search(folded[:m.start()]):
        f["cmp"] = True  # "up from $10 million a year ago": the same period a year back
    return single(m, "offset", "DATE", f)


def _b_duration_the(m, folded, raw):
    d = m["dir"].lower()
    unit_text = m["unit"].lower()
    plural = unit_text.endswith("s") or unit_text.endswith("ies") or unit_text.endswith("ia")
    num = m["num"]
    if d == "first" and not num:
        return None
    nxt, _ = word_after(folded, m.end())
    if nxt == "of" and d in ("last", "first", "past") and not num:
        return None
    s = m.start("for") if m["for"] else m.start("core")
    if d in ("next", "coming") and not num and plural:
        return single(m, "ref", "DATE", {"k": "ref", "value": "FUTURE_REF"}, s=m.start())
    if num and num.lower() in ("few", "several", "many"):
        n = None
    elif num:
        n = number(num)
        if n is None:
            return None
    else:
        n = None if plural else 1.0
    f = {"k": "duration", "value": duration_value(n, unit_text), "mod": ""}
    return single(m, "duration_the", "DURATION", f, s=s)


def _b_duration(m, folded, raw):
    num = m["num"]
    n = number(num)
    if n is None or Q.AGE_AFTER.match(folded[m.end():]):
        return None  # "a 6-year-old", "52 years old": an age
    hyphen = "-" in m["sep"]
    if num.lower() in ("a", "an", "one") and not m["mod"] and not (hyphen and num.lower() == "one"):
        left, _ = word_before(folded, m.start("num"))
        if left not in P.DURATION_ONE_CUES:
            return None  # "one day he ..."; but "a one-day trip" is a duration
    nxt, _ = word_after(folded, m.end())
    unit = unit_name(m["unit"])
    left, _ = word_before(folded, m.start("num"))
    if unit in ("second", "minute") and not m["mod"] and left not in P.DURATION_ONE_CUES and not m["long"]:
        return None
    f = {"k": "duration", "value": duration_value(n, unit), "mod": mod_of(m["mod"])}
    # "the nine months ended Sept. 30": the article is part of the noun phrase; "the two-day summit": not
    if m["the"] and not hyphen and not m["mod"] and num.lower() not in ("a", "an", "one"):
        s = m.start("the")
    else:
        s = m.start("mod") if m["mod"] else m.start("num")
    return single(m, "duration", "DURATION", f, s=s)


def _b_half(m, folded, raw):
    value = P.HALF_DURATIONS[m["unit"].lower()] if m["unit"] else P.AND_A_HALF_DURATIONS[m["unit2"].lower()]
    return single(m, "duration", "DURATION", {"k": "duration", "value": value, "mod": ""})


def _b_vague_duration(m, folded, raw):
    unit = m["unit"] or m["unit2"] or m["unit3"]
    return single(m, "vague_duration", "DURATION", {"k": "duration", "value": duration_value(None, unit), "mod": ""})


def _b_ref(m, folded, raw):
    if m["past"]:
        value = "PAST_REF"
    elif m["present"]:
        value = "PRESENT_REF"
    else:
        value = "FUTURE_REF"
    return single(m, "ref", "DATE", {"k": "ref", "value": value})


def _b_set(m, folded, raw):
    if m["adj"]:
        token_raw = raw[m.start("adj"):m.end("adj")]
        if cap(token_raw) and not sentence_initial(folded, m.start("adj")):
            return None
        value, freq = P.SET_ADJECTIVES[m["adj"].lower()]
    elif m["freq"]:
        fr = m["freq"].lower()
        k = {"once": 1, "twice": 2, "thrice": 3}.get(fr) or number(fr.replace(" times", "")) or 0
        unit = m["unit"].lower()
        value = "P10Y" if unit == "decade" else f"P1{P.SET_UNIT_LETTERS[unit]}"
        freq = f"{fmt_num(k)}X"
    elif m["unit2"]:
        unit = unit_name(m["unit2"])
        n = 2.0 if m["other"] else (number(m["n"]) if m["n"] else 1.0)
        if n is None:
            return None
        value, freq = duration_value(n, unit), ""
    elif m["unit3"]:
        value, freq = f"P1{P.SET_UNIT_LETTERS[m['unit3'].lower()]}", ""
    elif m["wd"]:
        wd = weekday_of(m["wd"])
        if wd is None:
            return None
        value, freq = f"XXXX-WXX-{wd + 1}", ""
    else:
        value, freq = f"XXXX-{P.SEASONS[m['season'].lower()][0]}", ""
    return single(m, "set", "SET", {"k": "set", "value": value, "freq": freq})


def _b_plural_weekday(m, folded, raw):
    wd = weekday_of(m["wd"])
    if wd is None:
        return None
    f = {"k": "set", "value": f"XXXX-WXX-{wd + 1}", "freq": ""}
    return single(m, "set", "SET", f, s=m.start("core"), e=m.end("core"))


def _b_clock(m, folded, raw):
    if m["nm"]:
        left, _ = word_before(folded, m.start())
        if left not in P.CLOCK_LEFT_CUES:
            return None
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["nm"].lower()]
    elif m["h"]:
        hh, mm = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), int(m["mi"] or 0)
    else:
        hh, mm = int(m["h2"]), int(m["mi2"])
        left, _ = word_before(folded, m.start())
        if not m["tz"] and left not in P.CLOCK_LEFT_CUES:
            return None
    return single(m, "clock", "TIME", {"k": "clock", "hh": hh, "mm": mm})


def _clock_of(m) -> tuple[int, int]:
    """Return (hour, minute) of a clock match ("10 p.m." 22:00, "noon" 12:00, "midnight" 24:00)."""
    if m["nm"]:
        return {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["nm"].lower()]
    if m["h"]:
        return int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), int(m["mi"] or 0)
    return int(m["h2"]), int(m["mi2"])


def _day_feats(m, folded, raw, tod: str, mod: str = "") -> dict | None:
    """Return the features of the day a clock or a part of day names after it ("Wednesday", "yesterday", "Nov. 6")."""
    if m["wd"]:
        wd = weekday_of(m["wd"])
        return None if wd is None else {"k": "weekday", "wd": wd, "tod": tod, "mod": mod, "rel": "", "wk": None}
    if m["deic"]:
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["deic"].lower()]
        return {"k": "deictic", "off": off, "tod": tod, "mod": mod}
    mon = month_ok(raw, m, "m", attached=True)
    if mon is None or valid(2000, mon, int(m["d"])) is None:
        return None
    return {"k": "date", "y": None, "m": mon, "d": int(m["d"]), "wd": None, "ry": None, "tod": tod}


def _b_clock_day(m, folded, raw):
    if m["h2"] and not m["h"] and not m["nm"]:
        left, _ = word_before(folded, m.start())
        if left not in P.CLOCK_LEFT_CUES:
            return None
    hh, mm = _clock_of(m)
    f = _day_feats(m, folded, raw, f"{hh:02d}:{mm:02d}")
    return None if f is None else single(m, "clock_day", "TIME", f)


def _b_tod_day(m, folded, raw):
    tod = P.PARTS_OF_DAY[(m["tod"] or m["tod2"]).lower()]
    f = _day_feats(m, folded, raw, tod, P.PART_MODS.get((m["mod"] or "").lower(), ""))
    return None if f is None else single(m, "tod_day", "TIME", f)


#: Builders of the relative rules, by rule name.
RELATIVE_BUILDERS: dict[str, Callable] = {
    "rel_part": _b_rel_part, "rel_unit": _b_rel_unit, "weekend": _b_weekend, "hours_of": _b_hours_of,
    "early_weekday": _b_early_weekday, "weekday": _b_weekday, "deictic": _b_deictic,
    "deictic_part": _b_deictic_part, "anaphoric": _b_anaphoric, "offset": _b_offset,
    "duration_the": _b_duration_the, "duration": _b_duration, "half_duration": _b_half,
    "vague_duration": _b_vague_duration, "ref": _b_ref, "set": _b_set, "plural_weekday": _b_plural_weekday,
    "clock": _b_clock, "clock_day": _b_clock_day, "tod_day": _b_tod_day,
}

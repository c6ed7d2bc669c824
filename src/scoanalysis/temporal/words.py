"""What the rule builders read around a match: neighbouring words, capitals, names, numbers and units."""

from __future__ import annotations

import re

from ..patterns import temporal as P
from .mentions import Cand, Part


def word_before(text: str, pos: int) -> tuple[str, str]:
    """Return the word before `pos` (lower case) and as written."""
    m = P.WORD_BEFORE.search(text[:pos])
    if not m:
        return "", ""
    raw = m.group(1).strip(".'")
    return raw.lower(), raw


def word_after(text: str, pos: int) -> tuple[str, str]:
    """Return the word after `pos` (lower case) and as written."""
    m = P.WORD_AFTER.match(text[pos:])
    if not m:
        return "", ""
    return m.group(1).lower(), m.group(1)


def sentence_initial(text: str, pos: int) -> bool:
    """Return whether `pos` opens the sentence (no word before it, or a break such as a full stop)."""
    return not P.ANY_WORD.search(text[:pos]) or bool(P.SENTENCE_BREAK_BEFORE.search(text[:pos]))


def cap(s: str) -> bool:
    """Return whether `s` starts with a capital."""
    return bool(s) and s[0].isupper()


def month_ok(raw: str, m: re.Match, group: str, *, attached: bool) -> int | None:
    """Return the month number of group `group` if it reads as a month here, else None.

    Lower case is accepted only with a day or year attached and never for "may" and
    "march"; an abbreviation needs a capital and a day or year attached.
    """
    token_raw = raw[m.start(group):m.end(group)]
    tok = token_raw.lower()
    if tok not in P.MONTHS:
        return None
    if not attached and tok in P.MONTH_ABBREVIATIONS:
        return None
    if not cap(token_raw) and (tok in P.AMBIGUOUS_MONTHS or tok in P.MONTH_ABBREVIATIONS or not attached):
        return None
    return P.MONTHS[tok]


def weekday_of(token: str | None) -> int | None:
    """Return the weekday (Monday 0) a name or abbreviation denotes, read as the case-blind patterns read it."""
    if not token:
        return None
    t = token.translate(P.CASELESS_LETTERS).lower().rstrip(".")  # "ſunday" matches the patterns: Sunday
    return P.WEEKDAYS.get(t, P.WEEKDAY_ABBREVIATIONS.get(t))


def wd_prefix_ok(raw: str, m: re.Match) -> bool:
    """Return whether the weekday before a date ("Fri., Sept. 16"), if any, is a full name or capitalised."""
    if m.groupdict().get("wd") is None:
        return True
    tok = raw[m.start("wd"):m.end("wd")].rstrip(".")
    return tok.lower() in P.WEEKDAYS or cap(tok)


def number(text: str) -> float | None:
    """Return the number a numeral or number words denote; None for a vague quantity."""
    t = " ".join(text.lower().replace(",", "").split())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if P.NUMERAL.fullmatch(t):
        return float(t) + half
    frac = P.FRACTION_NUMBER.fullmatch(t)
    if frac:  # "5 1/2"
        return int(frac.group(1)) + int(frac.group(2)) / int(frac.group(3))
    t = t.replace("-", " ")
    for pre in ("a couple of", "couple of"):
        if t == pre:
            return 2.0 + half
    words = [w for w in t.split() if w not in ("a", "an")] or ["one"]
    total, current = 0.0, 0.0
    for w in words:
        if w not in P.NUMBER_WORDS:
            return None
        v = P.NUMBER_WORDS[w]
        if v in (100, 1000):
            current = (current or 1) * v
            total += current
            current = 0
        else:
            current += v
    return total + current + half


def fmt_num(n: float) -> str:
    """Return `n` as written in a TIMEX3 value: whole numbers without a decimal point."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_name(unit: str) -> str:
    """Return a time unit as written ("Decades", "centuries") in its singular lower-case name."""
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u[:-1] if u.endswith("s") else u


def duration_value(n: float | None, unit: str) -> str:
    """Return the TIMEX3 value of `n` units ("P20Y", "PT24H"); ``X`` for a vague number ("PXDE")."""
    unit = unit_name(unit)
    if n is None:
        code = P.VAGUE_UNITS[unit]
        return f"PTX{code}" if unit in ("hour", "minute", "second") else f"PX{code}"
    letter, mult = P.UNITS[unit]
    value = n * mult
    if unit in ("hour", "minute", "second"):
        return f"PT{fmt_num(value)}{letter}"
    return f"P{fmt_num(value)}{letter}"


def part_mod(text: str | None) -> str:
    """Return the TIMEX3 mod of a part-of-period word ("early" START, "the end of" END), or empty."""
    if not text:
        return ""
    t = " ".join(text.lower().split())
    return P.PART_MODS.get(t, "")


def mod_of(text: str | None) -> str:
    """Return the TIMEX3 mod of a quantity modifier ("almost" LESS_THAN, "about" APPROX), or empty."""
    if not text:
        return ""
    return P.MODIFIERS.get(" ".join(text.lower().split()), "")


def single(m: re.Match, rule: str, ttype: str, f: dict, s: int | None = None, e: int | None = None) -> Cand:
    """Return the one-part candidate of match `m` (offsets `s`, `e` where given)."""
    s = m.start() if s is None else s
    e = m.end() if e is None else e
    return Cand(s, e, rule, [Part(s, e, ttype, f)])

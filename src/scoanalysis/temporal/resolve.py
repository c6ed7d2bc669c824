"""Resolving an article's mentions in text order against a DCT; what each resolution reads, for partial resolution."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Iterable

from .anchored import resolve_anchored, resolve_weekday
from .calendar import week_value
from .mentions import Mention, Res
from .periods import is_quarter_mention, quarter_of, quarter_res, resolve_period_ref
from .relative import (resolve_anaphoric, resolve_clock, resolve_offset, resolve_ordinal_day, resolve_rel_unit,
                       weekend_saturday)
from .values import ANCHORED_KINDS, day_res, mod_keep, part_interval, unresolved, value_for


def resolve_all(mentions: list[Mention], dct: date | None, fixed: list[Res | None] | None = None,
                alone: list[tuple | None] | None = None) -> list[Res]:
    """Resolve the mentions of one article in text order against `dct` (None: no DCT).

    The first end of a range written "15-16 September" waits for the second end; clock
    times wait for the day they belong to. `fixed` holds, where not None, resolutions
    known not to depend on the DCT (see ``dct_free``), which are taken as they are.
    `alone`, where given and not None, holds the ``alone_key`` of a mention that reads
    no other, resolved through the cache of ``_resolve_alone``.
    """
    fixed = fixed if fixed is not None else [None] * len(mentions)
    alone = alone if alone is not None else [None] * len(mentions)
    return resolve_some(mentions, dct, fixed, [i for i, r in enumerate(fixed) if r is None], alone)


def dependencies(mentions: list[Mention]) -> list[list[int]]:
    """Return, per mention, the mentions whose resolutions resolving it may read (``_reads``)."""
    by_para: dict[int, list[int]] = {}
    by_sentence: dict[int, list[int]] = {}
    by_kind: dict[tuple, list[int]] = {}
    for j, o in enumerate(mentions):
        by_para.setdefault(o.paragraph_id, []).append(j)
        by_sentence.setdefault(o.sentence_id, []).append(j)
        by_kind.setdefault(_read_key(o), []).append(j)
    return [_reads(i, mentions, by_para, by_sentence, by_kind) for i in range(len(mentions))]


def closure(reads: list[list[int]], targets: Iterable[int]) -> list[bool]:
    """Return, per mention, whether resolving `targets` may read its resolution (`reads`, transitively)."""
    need = [False] * len(reads)
    stack = list(targets)
    while stack:
        i = stack.pop()
        if need[i]:
            continue
        need[i] = True
        stack.extend(reads[i])
    return need


def _read_key(m: Mention) -> tuple:
    """Return what an earlier mention must share with `m` for `m` to read it outside its paragraph."""
    k = m.f.get("k")
    return (k, m.f.get("wd")) if k == "weekday" else (k,)


def _reads(i: int, mentions: list[Mention], by_para: dict, by_sentence: dict, by_kind: dict) -> list[int]:
    """Return the mentions whose resolutions resolving mention `i` may read (a superset; see ``resolve_one``).

    Its link; for a date, month or season without year, the earlier mentions of its
    paragraph (its sentence's years, a year in the paragraph) and the earlier ones of
    the same kind; for a weekday the earlier ones of the same weekday; for a clock
    every mention of its sentence; for an anaphor or an offset from an event, the earlier
    mentions of its paragraph (the antecedent). Words that name their day against the
    DCT alone ("last Friday", "this week", "two years ago") read none.
    """
    m = mentions[i]
    f = m.f
    k = f.get("k")
    if m.link is not None and k in ANCHORED_KINDS | {"weekday"} and f.get("y") is None:
        return [m.link]
    if k in _DCT_FREE_KINDS or k in ANCHORED_KINDS and f.get("y") is not None:
        return []
    if k == "deictic":
        return [m.link] if m.link is not None else []
    if k in ("rel_unit", "weekend"):
        return []
    if k == "weekday":
        if f.get("wk") is not None or f.get("rel") in ("last", "next", "this"):
            return []
        return [j for j in by_kind[_read_key(m)] if j < i]
    if k in ANCHORED_KINDS:
        if f.get("ry") is not None or f.get("rel") is not None:
            return []
        return [j for j in by_para[m.paragraph_id] if j < i] + [j for j in by_kind[_read_key(m)] if j < i]
    if k == "period_ref":
        return list(range(i))
    if k == "offset":
        # an offset in years may compare with a quarter of its sentence or paragraph ("from a year ago")
        quarters = [j for j in by_sentence[m.sentence_id] + by_para[m.paragraph_id]
                    if j != i and is_quarter_mention(mentions[j])] if f["unit"] == "year" else []
        if f["dir"] in ("ago", "from now", "hence") and not f.get("cmp"):
            return sorted(set(quarters))
        if f["unit"] == "year":
            quarters += [j for j in range(i) if is_quarter_mention(mentions[j])]
        return sorted(set(quarters + [j for j in by_para[m.paragraph_id] if j < i] + [j for j in by_kind[_read_key(m)] if j < i]
                          + ([m.link] if m.link is not None else [])))
    if k == "clock":
        return [j for j in by_sentence[m.sentence_id] if j != i] + [j for j in by_para[m.paragraph_id] if j < i]
    # offsets from an event, anaphors and anything else: the paragraph, the same kind, the link
    out = [j for j in by_para[m.paragraph_id] if j < i] + [j for j in by_kind[_read_key(m)] if j < i]
    return out + ([m.link] if m.link is not None else [])


def alone_key(i: int, mentions: list[Mention], reads: list[int]) -> tuple | None:
    """Return what mention `i` resolves from when it reads no other mention (its words, its tense), else None.

    Such a mention ("last Friday", "this week", "on Tuesday" with no earlier Tuesday)
    resolves the same against a DCT in any article: ``_resolve_alone`` caches it.
    """
    m = mentions[i]
    if reads or m.link is not None or m.f.get("k") == "clock":
        return None
    key = tuple(sorted(m.f.items())), m.tense
    try:
        hash(key)
    except TypeError:
        return None
    return key


@functools.lru_cache(maxsize=1 << 15)
def _resolve_alone(key: tuple, dct: date | None) -> Res:
    """Return the resolution against `dct` of a mention that reads no other (see ``alone_key``)."""
    items, tense = key
    m = Mention("", 0, 0, 0, 0, "", "", "", dict(items), tense)
    return resolve_one(0, m, [m], [], dct)


def resolve_some(mentions: list[Mention], dct: date | None, fixed: list[Res | None], todo: list[int],
                 alone: list[tuple | None]) -> list[Res | None]:
    """Return ``resolve_all(mentions, dct, fixed, alone)`` at the fixed mentions and at `todo`, None elsewhere.

    `todo` (in text order) must hold, with the fixed ones, every mention that resolving
    one of them may read (``closure``): those then resolve in the same order, from the
    same resolutions, as in full.
    """
    res = list(fixed)
    waiting = []
    later_quarter = _later_quarters(mentions) if any(m.f.get("k") == "offset" for m in mentions) else set()
    for i in todo:
        m = mentions[i]
        if alone[i] is not None:
            res[i] = _resolve_alone(alone[i], dct)
        elif (m.link is not None and m.link > i) or m.f.get("k") == "clock" or i in later_quarter:
            waiting.append(i)
            res[i] = Res("")
        else:
            res[i] = resolve_one(i, m, mentions, res, dct)
    for i in waiting:
        m = mentions[i]
        res[i] = resolve_clock(i, m, mentions, res, dct) if m.f.get("k") == "clock" else resolve_one(i, m, mentions, res, dct)
    return res


def _later_quarters(mentions: list[Mention]) -> set[int]:
    """Return the offsets in years followed by a quarter in their sentence: they resolve after it."""
    out = set()
    for i, m in enumerate(mentions):
        if m.f.get("k") == "offset" and m.f["unit"] == "year":
            for j in range(i + 1, len(mentions)):
                if mentions[j].sentence_id != m.sentence_id:
                    break
                if is_quarter_mention(mentions[j]):
                    out.add(i)
                    break
    return out


#: Kinds resolved from their own words alone (a year printed, a duration, a set, a vague reference).
_DCT_FREE_KINDS = frozenset({"duration", "set", "ref", "year", "decade", "century"})


def _week_of(r: Res) -> Res:
    """Return the ISO week holding the day of `r` ("the week of March 6", "Easter week")."""
    if r.earliest is None:
        return Res("XXXX-WXX", gran="week")
    s = r.earliest - timedelta(days=r.earliest.weekday())
    return Res(week_value(s), s, s + timedelta(days=6), r.anchor, "", "week")


def _back(r: Res, years: int) -> Res:
    """Return resolution `r` moved `years` years back ("the year-earlier third quarter")."""
    if not years or r.earliest is None:
        return r
    qy = quarter_of(r)
    if qy is not None:
        return quarter_res(qy[0] - years, qy[1], r.anchor)
    return r


def _speech_day(m: Mention, mentions: list[Mention], res: list[Res]) -> tuple[date, str] | None:
    """Return the day of speaking of a deictic day inside a quotation, and its span_id, when its sentence names it."""
    if m.link is None or m.link_kind != "speech":
        return None
    r = res[m.link]
    if r is None or r.earliest is None or r.earliest != r.latest or r.gran not in ("day", "time"):
        return None
    return r.earliest, mentions[m.link].span_id


def dct_free(m: Mention) -> bool:
    """Return whether `m` resolves the same whatever the DCT and the other mentions' resolutions."""
    k = m.f.get("k")
    return k in _DCT_FREE_KINDS or (k in ANCHORED_KINDS and m.f.get("y") is not None)


def resolve_one(i: int, m: Mention, mentions: list[Mention], res: list[Res], dct: date | None) -> Res:
    """Resolve mention `i` of `mentions` against `dct` (None: no DCT), reading the resolutions `res` of the others.

    `res` holds, where resolving `i` may read them (``_reads``), the resolutions of the
    earlier mentions and of its link.
    """
    k = m.f.get("k")
    if k == "duration":
        return Res(m.f["value"], mod=m.f.get("mod", ""))
    if k == "set":
        return Res(m.f["value"], freq=m.f.get("freq", ""))
    if k == "ref":
        return Res(m.f["value"])
    if k == "clock":
        return Res("XXXX-XX-XXT{:02d}:{:02d}".format(m.f["hh"], m.f["mm"]), gran="time")
    if k == "year":
        y = m.f["y"]
        iv = part_interval((date(y, 1, 1), date(y, 12, 31)), m.f.get("mod", ""), "year")
        anchor = "absolute"
        if m.link is not None and m.link_kind == "century":
            anchor = mentions[m.link].span_id
        return Res(value_for("year", iv, m.f), iv[0], iv[1], anchor, mod_keep(m.f.get("mod", "")), "year")
    if k == "decade":
        y = m.f["y"]
        iv = part_interval((date(y, 1, 1), date(y + 9, 12, 31)), m.f.get("mod", ""), "decade")
        return Res(f"{y // 10:03d}", iv[0], iv[1], "absolute", m.f.get("mod", ""), "decade")
    if k == "century":
        c = m.f["c"]
        first = date((c - 1) * 100, 1, 1) if c > 1 else date(1, 1, 1)
        return Res(f"{c - 1:02d}", first, date((c - 1) * 100 + 99, 12, 31), "absolute", "", "century")
    if k in ANCHORED_KINDS:
        r = resolve_anchored(i, m, mentions, res, dct)
        return _week_of(r) if m.f.get("week") else _back(r, m.f.get("back", 0))
    if k == "period_ref":
        return resolve_period_ref(i, m, mentions, res, dct)
    if k == "weekday":
        return resolve_weekday(i, m, mentions, res, dct)
    if k == "deictic":
        spoken = _speech_day(m, mentions, res)
        if spoken is not None:
            return day_res(spoken[0] + timedelta(days=m.f["off"]), m.f, spoken[1])
        if dct is None:
            return unresolved(m)
        d = dct + timedelta(days=m.f["off"])
        return day_res(d, m.f, "dct")
    if k == "rel_unit":
        return resolve_rel_unit(m, dct)
    if k == "weekend":
        if dct is None:
            return unresolved(m)
        sat = weekend_saturday(dct, m.tense)
        return Res(week_value(sat) + "-WE", sat, sat + timedelta(days=1), "dct", "", "weekend")
    if k == "offset":
        return resolve_offset(i, m, mentions, res, dct)
    if k == "anaphoric":
        return resolve_anaphoric(i, m, mentions, res)
    if k == "ordinal_day":
        return resolve_ordinal_day(i, m, mentions, res, dct)
    return unresolved(m)

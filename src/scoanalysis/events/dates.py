"""Date units: the dates of a sentence that can date an event.

* A DATE or TIME timex with both earliest and latest days (durations, sets,
  "recently", "more than two years ago" have none and date nothing). A bare year is
  a date like any other ("India joined the SCO in 2017" -> 2017-01-01 to 2017-12-31),
  but a date that is a bound ("since 2001", "by 2030", "after May") dates nothing.
* Coordinated dates ("on Wednesday and Thursday", "in 2020 and 2022") are one unit:
  contiguous days make one range, others one event each.
* Summit anchors ("at the summit", "at this year's summit", "on the sidelines", "the
  summit ended with") date an event by the days of the summit they name: the summit
  of the year printed in the phrase, of the city it names, else the article's own
  summit. The timexes inside an anchor give way to it; a dated anchor ("at a 2022
  SCO meeting") keeps its timex as ``inner``.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ..patterns import events as P
from .context import ArticleContext
from .inputs import TimexRow
from .records import DateUnit


def date_units(folded: str, tx: list[TimexRow] | None, off: int, *,
               ctx: ArticleContext) -> tuple[list[DateUnit], list[DateUnit]]:
    """Return the sentence's date units (summit anchors replace the timexes inside them) and its timex units.

    `tx` are the sentence's timexes (inputs.timexes_by_sentence), `off` the sentence's
    offset in the article. The date units are in order of their start.
    """
    singles: list[DateUnit] = []
    for r in tx or ():
        a, b = int(r.start) - off, int(r.end) - off
        if P.DATE_BOUND_BEFORE.search(folded[:a]):
            continue
        lo, hi = r.earliest.date(), r.latest.date()
        singles.append(DateUnit(a, b, folded[a:b], ((lo, hi, str(r.text), a + off, b + off),),
                                tense=str(r.tense) if isinstance(r.tense, str) else "none"))
    timex_units = _coordinate(folded, singles)
    anchors = []
    for m in P.SUMMIT_ANCHOR.finditer(folded):
        inner = [u for u in timex_units if u.start >= m.start() and u.end <= m.end()]
        ref = _anchor_summit(folded, m, inner, ctx=ctx)
        if not ref:
            continue
        lo, hi = ctx.summits.spans[ref]
        text = folded[m.start():m.end()]
        own = None
        if inner:
            p = inner[0].parts[0]
            own = (max(p[0], lo), min(p[1], hi), p[2], p[3], p[4])
        anchors.append(DateUnit(m.start(), m.end(), text, ((lo, hi, text, m.start() + off, m.end() + off),),
                                source="summit", summit_ref=ref, inner=own))
    units = [u for u in timex_units if not any(a.start <= u.start and u.end <= a.end for a in anchors)]
    units.extend(anchors)
    return sorted(units, key=lambda u: u.start), timex_units


def _coordinate(folded: str, singles: list[DateUnit]) -> list[DateUnit]:
    """Join dates coordinated by "and", "or", "to", a dash or a comma into one unit each."""
    out: list[DateUnit] = []
    for u in singles:
        if out and P.DATE_JOIN.match(folded[out[-1].end:u.start]):
            prev = out[-1]
            out[-1] = replace(prev, parts=prev.parts + u.parts, end=u.end, text=folded[prev.start:u.end],
                              tense=u.tense if prev.tense == "none" else prev.tense)
        else:
            out.append(u)
    return out


def _anchor_summit(folded: str, m: re.Match, inner: list[DateUnit], *, ctx: ArticleContext) -> str:
    """Return the summit_id an anchor phrase names, or "" when it names none the reference knows."""
    spans = ctx.summits.spans
    text = m.group()
    head = P.SUMMIT_HEAD.search(text)
    if head and P.OTHER_SUMMIT.search(text[:head.start()]):
        return ""
    if inner:
        lo, hi = inner[0].parts[0][0], inner[0].parts[-1][1]
        hits = [sid for sid, (a, b) in spans.items() if a <= hi and b >= lo]
        return hits[0] if len(hits) == 1 else ""
    named = [sid for sid, rx in ctx.summits.cities.items() if rx.search(text)]
    if named:
        if ctx.summit_id in named:
            return ctx.summit_id
        before = [sid for sid in named if ctx.published is None or pd.Timestamp(spans[sid][0]) <= ctx.published]
        return max(before, key=lambda sid: spans[sid][0]) if before else ""
    return ctx.summit_id if ctx.summit_id in spans else ""

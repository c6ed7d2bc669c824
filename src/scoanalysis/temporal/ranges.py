"""Ranges of days as one timex: "Sept. 15-16", "12-13 September", "June 30-July 1", "September 15 and 16".

The contract's earliest and latest are the days an expression can denote; a range of
days denotes all of them, so its two ends (found and resolved as two dates, the second
against the first) are written as one timex: its text runs from the first day to the
last, earliest is the first day and latest the last, and its value is the ISO 8601
interval of the two days (``2022-09-15/2022-09-16``), granularity ``day``.

Two dates of one sentence make a range when only a dash, a slash, "to", "through",
"until" or "till" stands between them and the second day falls after the first (within
a year); "and" (or "&") joins them only when they share one month word and are
consecutive days ("September 15 and 16"). "or" never does.
"""

from __future__ import annotations

from ..patterns import temporal as P
from ..text import fold
from .mentions import Mention, Res

#: The longest range of days joined into one timex, in days.
MAX_RANGE_DAYS = 366


def _day(m: Mention, r: Res) -> bool:
    """Return whether `m` is a calendar date resolved to one day (no part of day, no mod)."""
    return (m.f.get("k") == "date" and m.timex_type == "DATE" and r.gran == "day" and not r.mod
            and r.earliest is not None and r.earliest == r.latest and not m.f.get("week"))


def _joins(a: Mention, ra: Res, b: Mention, rb: Res, between: str) -> bool:
    """Return whether dates `a` and `b`, with `between` the folded text between them, make one range of days."""
    if a.sentence_id != b.sentence_id or not (_day(a, ra) and _day(b, rb)):
        return False
    span = (rb.earliest - ra.earliest).days
    if not 0 < span <= MAX_RANGE_DAYS:
        return False
    if P.DAY_RANGE_JOIN.match(between):
        return True
    shared = a.rule == b.rule and a.rule in P.SHARED_MONTH_RULES
    return shared and span == 1 and P.DAY_PAIR_JOIN.match(between) is not None


def join_ranges(pairs: list[tuple[Mention, Res]], sentences: dict[int, tuple[int, str]]) -> list[tuple[Mention, Res]]:
    """Return (mention, resolution) pairs in text order with each range of days made one timex.

    `pairs` are one article's mentions with their resolutions, in text order;
    `sentences` maps a sentence_id to (its start in the article, its raw text). An
    anchor naming one end of a range names the range. The input is not changed.
    """
    out: list[tuple[Mention, Res]] = []
    renamed: dict[str, str] = {}
    i = 0
    while i < len(pairs):
        a, ra = pairs[i]
        if i + 1 < len(pairs) and a.sentence_id in sentences:
            b, rb = pairs[i + 1]
            off, raw = sentences[a.sentence_id]
            between = fold(raw[a.end - off:b.start - off])
            if b.start >= a.end and _joins(a, ra, b, rb, between):
                joined = _joined(a, ra, b, rb, raw[a.start - off:b.end - off])
                renamed[a.span_id] = renamed[b.span_id] = joined[0].span_id
                out.append(joined)
                i += 2
                continue
        out.append((a, ra))
        i += 1
    if not renamed:
        return out
    return [(m, r._replace(anchor=renamed[r.anchor]) if r.anchor in renamed else r) for m, r in out]


def _joined(a: Mention, ra: Res, b: Mention, rb: Res, text: str) -> tuple[Mention, Res]:
    """Return the one timex of the range of days from `a` to `b` (`text` the raw text from a's start to b's end)."""
    rule = a.rule if a.rule == b.rule and a.rule in P.SHARED_MONTH_RULES else "day_range"
    m = Mention(article_id=a.article_id, sentence_id=a.sentence_id, paragraph_id=a.paragraph_id, start=a.start,
                end=b.end, text=text, rule=rule, timex_type="DATE", f=dict(a.f), tense=a.tense,
                local_tense=a.local_tense, clause=a.clause, caption=a.caption)
    anchor = rb.anchor if ra.anchor == b.span_id else ra.anchor
    value = f"{ra.value}/{rb.value}"
    return m, Res(value, ra.earliest, rb.latest, anchor, "", "day")


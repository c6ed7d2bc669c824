"""The day a quotation was spoken: "today", "tomorrow", "yesterday" inside quotation marks count from it.

A speaker's "tomorrow" is the day after the day of speaking. When the sentence that
reports the quotation names that day next to its reporting verb, outside the quotation
("..., he said on Friday", "On Monday, the minister told reporters: ...", "she said
yesterday"), the deictic words inside the quotation are linked to that day (link kind
``speech``) and resolve against it; otherwise they resolve against the DCT.
"""

from __future__ import annotations

from ..patterns import temporal as P
from .mentions import Mention

#: Kinds of a timex that can name the day of speaking.
SPEECH_DAY_KINDS = frozenset({"weekday", "date", "deictic"})


def quoted_spans(folded: str) -> list[tuple[int, int]]:
    """Return the spans of the passages in quotation marks of a folded sentence."""
    return [m.span() for m in P.QUOTED_PASSAGE.finditer(folded)]


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _names_speech_day(m: Mention, folded: str, off: int, spans: list[tuple[int, int]]) -> bool:
    """Return whether timex `m` (outside quotation marks) names the day of a reporting verb next to it."""
    s, e = m.start - off, m.end - off
    if m.f.get("k") not in SPEECH_DAY_KINDS or m.timex_type not in ("DATE", "TIME") or m.f.get("rel"):
        return False
    if m.f.get("k") == "date" and m.f.get("d") is None:
        return False
    before = folded[:s]
    cut = max((b for a, b in spans if b <= s), default=0)
    if P.SPEECH_DAY_BEFORE.search(before[cut:]):
        return True
    nxt = min((a for a, b in spans if a >= e), default=len(folded))
    return P.SPEECH_DAY_AFTER.match(folded[e:nxt]) is not None


def link_speech_days(mentions: list[Mention], folded: str, off: int, first: int) -> None:
    """Link the deictic days inside quotation marks of one sentence to the day of speaking its text names.

    `mentions` are the sentence's mentions (changed in place: this runs while they are
    built), `off` the sentence's start in the article, `first` the index in the
    article of the first of them.
    """
    if '"' not in folded and "'" not in folded:
        return
    spans = quoted_spans(folded)
    if not spans:
        return
    quoted = [m for m in mentions if m.f.get("k") == "deictic" and m.link is None
              and _inside(spans, m.start - off, m.end - off)]
    if not quoted:
        return
    days = [j for j, m in enumerate(mentions) if not _inside(spans, m.start - off, m.end - off)
            and _names_speech_day(m, folded, off, spans)]
    if len(days) != 1:
        return
    for m in quoted:
        m.link, m.link_kind = first + days[0], "speech"

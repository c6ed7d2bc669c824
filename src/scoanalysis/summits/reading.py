"""How an article speaks of meetings, sentence by sentence, for choosing its SCO summit.

`read` splits an article's (folded) text into sentences and says of each what a reader
notes before weighing places and dates: whether it is the headline or lead, a caption,
a passage on the organisation's history, about an earlier meeting ("previously", "the
last SCO summit", "a year ago") or a later one ("next year's meeting"), and which kinds of
meeting it names: a summit of heads of state, a ministers' meeting, the heads-of-government
council, another organisation's gathering, a bilateral meeting. `meeting_verdict` says
when an article is about no summit of the SCO's heads of state at all. The functions
below it turn other clues into points per summit: the summit's number ("the 24th
session"), a meeting held by video, and what the article says of earlier and later
summits, of years it bounds the story by ("for the first time since 2008"). Who holds
which office and who belongs to the organisation are read by `dating`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass

from ..patterns import summits as P
from ..patterns.text import ABBREVIATIONS

#: How many of an article's first sentences (headline included) are its lead.
LEAD_SENTENCES = 3
#: A single sentence naming the SCO this far into an article (or farther) is a passing mention.
PASSING_AFTER = 5
#: Kinds of meeting mention (see `mention_kind`); "state" and "plain" are summits of heads of state.
SUMMIT_KINDS = ("state", "plain")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article and what it says about meetings.

    `start` is its offset in the text it was read from (the article's, or its captions').
    `text` is the part that may describe the story's own meeting: the parts about the
    organisation's history (`history` says there were some) and the clauses about an earlier
    or a later meeting than the story's are blanked, and kept in `past_text` and
    `later_text`. `mentions`: the kinds of meeting `text` names, in order (`mention_kind`).
    `sco` and `names_meeting`: the whole sentence names the SCO, or a meeting.
    """

    index: int
    start: int
    text: str
    caption: bool
    lead: bool
    history: bool
    past_text: str
    later_text: str
    sco: bool
    names_meeting: bool
    mentions: tuple[str, ...]

    @property
    def summit_kinds(self) -> tuple[str, ...]:
        """The mentions that are summits of heads of state."""
        return tuple(k for k in self.mentions if k in SUMMIT_KINDS)

    @property
    def current(self) -> bool:
        """True when part of the sentence may describe the story's own summit."""
        return bool(self.text.strip())

    @property
    def past(self) -> bool:
        """True when the sentence speaks of an earlier meeting than the story's."""
        return bool(self.past_text.strip())

    @property
    def later(self) -> bool:
        """True when the sentence speaks of a later meeting than the story's."""
        return bool(self.later_text.strip())

    @property
    def about_other_meeting(self) -> bool:
        """True when every meeting the sentence names is a ministers', government or another body's meeting."""
        named = [k for k in self.mentions if k not in ("", "bilateral")]
        return bool(named) and not any(k in SUMMIT_KINDS for k in named)

    def moved(self, *, past: bool) -> "Sentence":
        """The sentence with all of its current part about an earlier (`past`) or a later meeting."""
        joined = lambda old: f"{old} {self.text}".strip()  # noqa: E731
        return dataclasses.replace(
            self, text=" " * len(self.text), mentions=(),
            past_text=joined(self.past_text) if past else self.past_text,
            later_text=self.later_text if past else joined(self.later_text))


def read(folded: str, *, caption: bool = False) -> list[Sentence]:
    """Return the sentences of folded text `folded` (one or more a line), each with what it says of meetings.

    With `caption`, every sentence is a caption; without, those with a photo credit are
    ("(Photo: AP)", "© Sputnik"), and so are links to other stories ("Related: ..."). A
    caption is never the lead.
    """
    out: list[Sentence] = []
    pos = 0
    for line in folded.split("\n"):
        cuts = [0, *(m.end() for m in P.SENTENCE_END.finditer(line)
                     if (m.group("word") or "").lower() not in ABBREVIATIONS), len(line)]
        for a, b in zip(cuts, cuts[1:]):
            text = line[a:b]
            if text.strip():
                furniture = bool(P.CAPTION_MARK.search(text) or P.RELATED_LINK.match(line))
                out.append(_sentence(len(out), pos + a, text, caption=caption or furniture))
        pos += len(line) + 1
    return out


def _sentence(index: int, start: int, whole: str, *, caption: bool) -> Sentence:
    text = _without_history(whole)
    history = text != whole
    text, past = _apart(P.PAST_MEETING, text)
    text, later = _apart(P.NEXT_MEETING, text)
    return Sentence(
        index=index, start=start, text=text, caption=caption, lead=not caption and index < LEAD_SENTENCES,
        history=history, past_text=past,
        later_text=later, sco=bool(P.SCO.search(whole)), names_meeting=bool(P.GATHERING.search(whole)),
        mentions=tuple(mention_kind(text, m) for m in P.GATHERING.finditer(text)),
    )


def _without_history(text: str) -> str:
    """`text` with its clauses about the organisation's history (its founding, years up to 2001) blanked.

    "leaders met in Tashkent, the capital of a bloc founded in Shanghai in 2001" keeps its first
    clause. Blanks keep the offsets.
    """
    cuts = [0, *(m.end() for m in P.CLAUSE_BREAK.finditer(text)), len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        part = text[a:b]
        old = P.HISTORY.search(part) or any(int(m.group()) <= FOUNDED for m in P.YEAR.finditer(part))
        out.append(" " * len(part) if old else part)
    return "".join(out)


#: How far into a sentence a marker opening it ("Previously, ...", "Last year, ...") may stand.
_OPENING = 60


def _apart(rx, text: str) -> tuple[str, str]:
    """Split `text` into (the rest, blanked where taken; the part a marker of `rx` bears on).

    A marker bears on the whole sentence when it opens it before its first meeting ("Last
    year, the summit was held in Bishkek"), or when the sentence names no meeting; else on
    each clause where it stands with a meeting ("..., a year after the gathering in
    Qingdao", "a year after Qingdao hosted it"), not on a clause without one ("the summit opened in Qingdao, the first since
    India joined last year").
    """
    marks = [m.start() for m in rx.finditer(text)]
    if not marks:
        return text, ""
    meetings = [m.start() for m in P.GATHERING.finditer(text)]
    if not meetings or any(i < meetings[0] and i < _OPENING and not P.CLAUSE_BREAK.search(text, 0, i) for i in marks):
        return " " * len(text), text
    cuts = [0, *(m.end() for m in P.CLAUSE_BREAK.finditer(text)), len(text)]
    rest, taken = list(text), []
    for a, b in zip(cuts, cuts[1:]):
        if any(a <= i < b for i in marks) and (any(a <= i < b for i in meetings) or P.HOSTED.search(text, a, b)):
            taken.append(text[a:b])
            rest[a:b] = " " * (b - a)
    return "".join(rest), " ".join(taken)


def mention_kind(text: str, m) -> str:
    """Return the kind of meeting the match `m` of patterns.summits.GATHERING in `text` names.

    "state" (of heads of state, so said), "plain" (a summit, or a session or meeting of the
    SCO, not said whose), "ministerial", "government" (heads of government), "other"
    (another organisation's), "bilateral", or "" (a meeting of no one in particular).
    """
    word = m.group().lower()
    if word.startswith("council"):
        return "government" if word.endswith("government") else "state"
    before, after = text[max(0, m.start() - 60):m.start()], text[m.end():m.end() + 90]
    if P.OTHER_ORG_BEFORE.search(before) or P.OTHER_ORG_AFTER.match(after):
        return "other"
    if P.MINISTERS_BEFORE.search(before) or P.MINISTERS_AFTER.match(after):
        return "ministerial"
    if P.BILATERAL.search(before):
        return "bilateral"
    near = before[-45:] + " " + m.group() + after[:60]
    if P.GOVERNMENT.search(near) and not P.HEADS_OF_STATE.search(near):
        return "government"
    if P.HEADS_OF_STATE.search(near):
        return "state"
    if P.SUMMIT_NOUN.match(word) or P.SCO_NEAR.search(before[-50:]) or P.SCO_NEAR.search(after[:50]):
        theirs = P.THEIR_BEFORE.search(before) and P.MINISTERS_MEET.search(text, 0, m.start())
        return "ministerial" if theirs and not P.HEADS_OF_STATE.search(text) else "plain"
    return ""


def meeting_verdict(sentences: list[Sentence]) -> str | None:
    """Return why the article is about no summit of the SCO's heads of state, or None when it may be.

    Reads the sentences that are not captions: an article whose meetings are all
    ministers', heads of government's or another organisation's, or whose first meeting is
    one of those and which never says its meeting is of heads of state, is about none; so is
    one whose leaders at the meeting are the member states' prime ministers ("the prime
    ministers of Russia, China ...", in a sentence about the meeting) when no sentence speaks of
    heads of state; and one that
    names the SCO and a summit in a single sentence, after its first PASSING_AFTER; and one whose
    meetings as they happen are ministers' or heads of government's, every summit it names being
    still to come or in preparation ("the ministers prepared the summit Kyrgyzstan will host").
    """
    body = [s for s in sentences if not s.caption]
    kinds = [k for s in body for k in s.mentions if k not in ("", "bilateral")]
    count = {k: kinds.count(k) for k in ("state", "plain", "ministerial", "government", "other")}
    others = [k for k in ("ministerial", "government", "other") if count[k]]
    names = {"ministerial": "a meeting of ministers", "government": "a meeting of heads of government",
             "other": "another organisation's meeting"}
    if kinds and not (count["state"] or count["plain"]):
        return f"speaks only of {names[max(others, key=count.get)]}, not of a summit of heads of state"
    first = kinds[0] if kinds else None
    if first in ("ministerial", "government") and not count["state"] and count[first] >= count["plain"]:
        return f"its meeting is {names[first]}, not a summit of heads of state"
    if not count["state"] and any(P.GOVERNMENT.search(s.text) for s in body if s.current and s.summit_kinds):
        return "its leaders are the member states' heads of government: a meeting of heads of government"
    now = [k for s in body if not P.AHEAD.search(s.text) for k in s.mentions if k not in ("", "bilateral")]
    if now and not any(k in SUMMIT_KINDS for k in now) and any(k in ("ministerial", "government") for k in now):
        kind = "ministerial" if "ministerial" in now else "government"
        return f"its meeting is {names[kind]}; the summit is still to come"
    sco = [s for s in sentences if not s.caption and (s.sco or s.names_meeting)]
    if len(sco) == 1 and sco[0].index >= PASSING_AFTER:
        return "names the SCO and its summit in a single sentence, in passing"
    return None


# --- points per summit ------------------------------------------------------------------------------

def ordinal_points(sentences: list[Sentence], rows) -> dict[str, tuple[float, str]]:
    """Points for the summits whose number the text gives ("the 24th session", "the tenth summit").

    A summit whose official number (`rows`' ordinal) is the one printed gets ORDINAL_POINTS;
    the one after it gets half, for outlets that do not count the founding meeting of 2001.
    Numbers of heads-of-government meetings and anniversaries are not summits' numbers.
    """
    found = {n for s in sentences if s.current and not s.caption for n in ordinals(s.text)}
    out = {}
    for r in rows:
        if r.ordinal is None:
            continue
        if r.ordinal in found:
            out[r.summit_id] = (ORDINAL_POINTS, f"number {r.ordinal}")
        elif r.ordinal - 1 in found:
            out[r.summit_id] = (ORDINAL_POINTS / 2, f"number {r.ordinal - 1} (not counting 2001)")
    return out


ORDINAL_POINTS = 4.0


@functools.lru_cache(maxsize=4096)
def ordinals(text: str) -> tuple[int, ...]:
    """The numbers of heads-of-state meetings `text` prints ("the 24th session", "the tenth summit").

    A person's count ("his fifth SCO summit", "Modi's 5th summit") is not the summit's number,
    nor is that of a ministers' or another body's meeting ("the 5th meeting of defence ministers").
    """
    out = []
    for m in P.ORDINAL_MEETING.finditer(text):
        between = (m.group("between") + (m.group("of") or "")).lower()
        personal = P.PERSONAL_COUNT.search(text[max(0, m.start() - 30):m.start()])
        noun = P.GATHERING.match(text, m.start("noun"))
        kind = mention_kind(text, noun) if noun else ""
        if "anniversary" not in between and "government" not in between and not personal and kind in SUMMIT_KINDS:
            out.append(int(m.group("num")) if m.group("num") else P.ORDINAL_WORDS[m.group("word").lower()])
    return tuple(out)


def virtual_points(sentences: list[Sentence], rows) -> dict[str, tuple[float, str]]:
    """Points for summits held by video when a sentence about a summit says it is virtual."""
    said = any(P.VIRTUAL.search(s.text) for s in sentences if s.current and not s.caption and (s.mentions or s.sco))
    if not said:
        return {}
    return {r.summit_id: (VIRTUAL_POINTS, "held by video") for r in rows if r.format == "virtual"}


VIRTUAL_POINTS = 3.0


def anniversary_years(sentences: list[Sentence]) -> set[int]:
    """The years of the organisation's anniversaries the text names ("its tenth anniversary": 2011)."""
    out = set()
    for s in sentences:
        if s.caption or not s.current or not (s.sco or s.mentions):
            continue
        for m in P.ANNIVERSARY.finditer(s.text):
            n = int(m.group("num")) if m.group("num") else P.ORDINAL_WORDS.get((m.group("word") or "").lower())
            if n:
                out.add(FOUNDED + n)
    return out


#: The year the organisation was founded, from which its anniversaries count.
FOUNDED = 2001


def bound_years(sentences: list[Sentence]) -> tuple[list[int], int | None]:
    """Return the years the text names as its time (not stamps, targets or history) and the latest lower bound.

    A year after "since" or "after" ("for the first time since 2008") is a lower bound: the
    story is later. A year after "until", "by" or "to" is a target; a year in a numeric date
    stamp ("07/27/2016") is page furniture; neither is returned.
    """
    years, floor = [], None
    for s in sentences:
        if s.caption:
            continue
        for y, kind in years_of(s.text):
            if kind == "since":
                floor = y if floor is None else max(floor, y)
            elif kind == "year":
                years.append(y)
    return years, floor


@functools.lru_cache(maxsize=4096)
def years_of(text: str) -> tuple[tuple[int, str], ...]:
    """Return each year of `text` with its kind: "year", "since" (a lower bound), "target" or "stamp"."""
    stamps = [m.span() for m in P.NUMERIC_DATE.finditer(text)]
    starts = [a for a, _ in stamps]
    out = []
    for m in P.YEAR.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and stamps[i][0] <= m.start() < stamps[i][1]:
            out.append((int(m.group()), "stamp"))
            continue
        before = text[max(0, m.start() - 30):m.start()]
        kind = "since" if P.SINCE_BEFORE.search(before) else "target" if P.TARGET_BEFORE.search(before) else "year"
        out.append((int(m.group()), kind))
    return tuple(out)

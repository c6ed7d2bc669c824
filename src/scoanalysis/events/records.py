"""The records the per-sentence event readers pass between them: sentences, date units, trigger hits, carries.

Each is immutable; a reader that refines one (coordinating two dates, remembering
where a date is written) makes a new one with ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

#: One member date of a unit: (earliest, latest, text, start, end), offsets in the raw article.
DatePart = tuple[date, date, str, int, int]


class Sentence(NamedTuple):
    """A sentence as the event readers use it (the columns they read of the sentences table)."""

    article_id: str
    sentence_id: int
    start: int
    text: str
    kind: object
    paragraph_id: object


@dataclass(frozen=True, slots=True)
class DateUnit:
    """A date of a sentence: one timex, a coordination of timexes, or a summit anchor.

    ``start``/``end`` are offsets in the sentence; each part's offsets are in the raw article.
    """

    start: int
    end: int
    text: str
    parts: tuple[DatePart, ...]
    source: str = "timex"  # "timex" or "summit" (an anchor phrase dated by a reference summit)
    tense: str = "none"
    summit_ref: str = ""
    sentence_id: int | None = None  # where the date is written, when not in the mention's sentence
    inner: DatePart | None = None  # a dated summit anchor's own timex, cut to the summit's days

    @property
    def contiguous(self) -> bool:
        """Whether the parts' days follow each other without a gap (so they make one range)."""
        parts = sorted(self.parts)
        return all(b[0] <= a[1] + timedelta(days=1) for a, b in zip(parts, parts[1:]))


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in a sentence: offsets in the sentence, its text, event type and lexicon key."""

    start: int
    end: int
    text: str
    event_type: str
    key: str
    noun: bool
    other_summit: bool = False  # a summit of another organisation ("the G7 summit")


@dataclass(frozen=True, slots=True)
class Carry:
    """What a sentence leaves to the next one of its paragraph."""

    paragraph_id: int
    unused: tuple[DateUnit, ...] = ()  # its timex units that dated nothing, with their sentence_id and raw text
    had_events: bool = False
    past: bool = False
    actors: tuple[str, ...] = ()  # persons and countries it names
    people: tuple[str, ...] = ()
    kind: str = "body"

"""The records of the temporal stage: sentences as read, candidates, mentions, resolutions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from ..schema import DEBRIS_KINDS

#: Sentence kinds that are never searched (page furniture without prose).
SKIP_KINDS = DEBRIS_KINDS


class Row(NamedTuple):
    """One sentence as the extractor reads it (kind, text and paragraph_id filled)."""

    sentence_id: int
    start: int
    kind: str
    text: str
    paragraph_id: int


@dataclass(slots=True)
class Part:
    """One end of a candidate: its offsets in the sentence, TIMEX3 type, features, link to the other end."""

    s: int
    e: int
    ttype: str
    f: dict
    link: int | None = None
    link_kind: str = ""


@dataclass(slots=True)
class Cand:
    """A match of one rule in a sentence: its offsets and its parts (two for a range or coordination)."""

    s: int
    e: int
    rule: str
    parts: list[Part]


@dataclass(slots=True)
class Mention:
    """One temporal expression found in a sentence, before resolution."""

    article_id: str
    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str
    rule: str
    timex_type: str
    f: dict
    tense: str = "none"
    local_tense: bool = False
    clause: int = 0
    caption: bool = False
    link: int | None = None
    link_kind: str = ""

    @property
    def span_id(self) -> str:
        """Return the mention's ``start:end`` (offsets into the raw article), as anchors name it."""
        return f"{self.start}:{self.end}"


class Res(NamedTuple):
    """A resolved timex: TIMEX3 value, calendar days, what it was resolved against (a tuple: cheap to make)."""

    value: str
    earliest: date | None = None
    latest: date | None = None
    anchor: str = ""
    mod: str = ""
    gran: str = ""
    freq: str = ""

"""A sentence as the claim patterns read it: its masked text, its article's context, and the claims collected.

The patterns (patterns.claims) run on the sentence's folded text with every entity
mention replaced by a token; ``Masked`` maps offsets in that text back to the
sentence. ``ClaimMaker`` turns matches into claim rows, resolving what the patterns
leave open: "the organization" (the bloc named before, else the article's topic),
"his country" (the state of the person named before, else the last one of the
article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from ..patterns import claims as P
from .facts import ReferenceFacts


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What a sentence's claims need from the rest of its article: its topic, its date, what came before."""

    topic: str | None
    date: pd.Timestamp | None
    last_person_country: str | None = None
    last_country: str | None = None

    def after(self, mentions: list[dict]) -> ArticleState:
        """Return the state after a sentence with these entity mentions."""
        person_country, country = self.last_person_country, self.last_country
        for m in mentions:
            if m["entity_type"] == "person" and m.get("country_id"):
                person_country = m["country_id"]
            elif m["entity_type"] == "country":
                country = m["entity_id"]
        return replace(self, last_person_country=person_country, last_country=country)


class Masked:
    """A sentence's folded text with each mention replaced by a token, and the way back."""

    __slots__ = ("text", "mentions", "_pieces", "_length", "_back")

    def __init__(self, text: str, pieces: list[tuple[int, int, int]], length: int, mentions: list[dict]):
        self.text = text
        self.mentions = mentions
        self._pieces = pieces  # (sentence offset, its length there, its length here) per kept piece
        self._length = length
        self._back: list[int] | None = None

    @property
    def to_sentence(self) -> list[int]:
        """The sentence offset of each masked offset (a token maps to its mention's start), built on first use."""
        if self._back is None:
            back: list[int] = []
            for start, raw_len, masked_len in self._pieces:
                if raw_len == masked_len:
                    back.extend(range(start, start + raw_len))
                else:
                    back.extend([start] * masked_len)
            back.append(self._length)
            self._back = back
        return self._back

    def mention(self, token: str | None) -> dict | None:
        """The mention the (first) token in `token` stands for, or None."""
        m = P.TOKEN.search(token or "")
        return self.mentions[int(m.group("index"))] if m else None

    def all_mentions(self, segment: str | None, kinds: str = "C") -> list[dict]:
        """The mentions of the tokens of `kinds` in `segment`, in order."""
        return [self.mentions[int(m.group("index"))] for m in P.TOKEN.finditer(segment or "") if m.group("kind") in kinds]


def mask(text: str, mentions: list[dict]) -> Masked:
    """Return `text` with each mention (its sentence offsets ``a``, ``b``) replaced by its token.

    A mention that overlaps the one before it or falls outside the text stays text.
    """
    pieces: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for i, m in enumerate(mentions):
        a, b = m["a"], m["b"]
        if a < pos or a < 0 or b > len(text):
            continue
        pieces.append(text[pos:a])
        spans.append((pos, a - pos, a - pos))
        token = f"{P.TOKEN_OPEN}{_kind_letter(m)}{i}{P.TOKEN_CLOSE}"
        pieces.append(token)
        spans.append((a, -1, len(token)))
        pos = b
    pieces.append(text[pos:])
    spans.append((pos, len(text) - pos, len(text) - pos))
    return Masked("".join(pieces), spans, len(text), mentions)


def _kind_letter(m: dict) -> str:
    kind, etype = m.get("mention_kind", ""), m["entity_type"]
    if etype == "country":
        return {"demonym": "D", "metonym": "M"}.get(kind, "C")
    if etype == "organization":
        return "O"
    if etype == "person":
        return "R" if kind == "role" else "P"
    return "L"


class ClaimMaker:
    """Collects one sentence's claims, turning masked offsets into raw-text spans."""

    def __init__(self, s, masked: Masked, article: ArticleState, ref: ReferenceFacts):
        self.s, self.masked, self.article, self.ref = s, masked, article, ref
        self.claims: list[dict] = []
        self._seen: set[tuple] = set()

    def add(self, span: tuple[int, int], subject: str, predicate: str, obj: str, *, subject_name: str = "",
            object_name: str = "", scope: str = "", qualifier: str = "", polarity: str = "positive",
            tense: str = "present", hedged: bool = False) -> None:
        """Add a claim stated by the masked span `span` (once per subject, predicate, object, scope, polarity)."""
        key = (subject, predicate, obj, scope, polarity)
        if not subject or not obj or key in self._seen:
            return
        self._seen.add(key)
        a, b = self.masked.to_sentence[span[0]], self.masked.to_sentence[span[1]]
        raw = self.s.text
        while a < b and raw[a] in " ,;:(":
            a += 1
        while b > a and raw[b - 1] in " ,;:(":
            b -= 1
        self.claims.append({
            "claim_id": "", "article_id": self.s.article_id, "sentence_id": int(self.s.sentence_id),
            "start": int(self.s.start) + a, "end": int(self.s.start) + b, "subject": subject, "predicate": predicate,
            "object": str(obj), "text": raw[a:b], "subject_name": subject_name or self.ref.name(subject),
            "object_name": object_name or self.ref.name(str(obj)), "scope": scope, "qualifier": qualifier,
            "claim_date": self.article.date, "polarity": polarity, "tense": tense, "hedged": hedged,
        })

    def org(self, match: re.Match) -> str | None:
        """The organisation a match's ``obj`` group names, else the bloc its anaphor or context stands for."""
        token = match.group("obj")
        if token:
            return self.masked.mention(token)["entity_id"]
        return self.bloc_before(match.start())

    def bloc_before(self, pos: int) -> str | None:
        """The last bloc named in this sentence before `pos`, else the article's topic organisation."""
        before = [m for m in self.masked.all_mentions(self.masked.text[:pos], "O") if m["entity_id"] in self.ref.blocs]
        return before[-1]["entity_id"] if before else self.article.topic

    def subjects(self, match: re.Match, group: str = "subj") -> list[str]:
        """The states a subject group names, a pronoun phrase ("his country") resolved."""
        text = match.group(group) or ""
        states = [m["entity_id"] for m in self.masked.all_mentions(text, "C")]
        if states or not P.COUNTRY_ANAPHOR_PHRASE.search(text):
            return states
        earlier = self.masked.all_mentions(self.masked.text[:match.start(group)], "CPDM")
        if text.lower().split()[0] in ("his", "her", "their"):
            people = [m for m in earlier if m["entity_type"] == "person" and m.get("country_id")]
            country = people[-1]["country_id"] if people else self.article.last_person_country
        else:
            states_before = [m["entity_id"] for m in earlier if m["entity_type"] == "country"]
            country = states_before[-1] if states_before else self.article.last_country
        return [country] if country else []

"""The reporter's words around quotations: tokens, sentences and cue verbs.

A `Context` is one paragraph (or the inside of one quotation) with its quotations
masked out, so that only the reporter's words are read for cues and speakers. A cue is
a reporting verb ("said", "told", phrasal "called for"), "according to" or "heard from",
a quoting verb ("quoted Xi as saying"), or a naming verb ("what it terms"). Nouns ("Russia’s warning of", "a call for") and passives ("will
be declared") are no cues.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from .. import text as _text
from ..patterns import quotes as P


@dataclass(slots=True)
class Token:
    """A token of a context: offsets, text, and the word features read from it once.

    Not frozen: a paragraph's tokens are built by the hundred, and a frozen dataclass sets
    each field through ``object.__setattr__`` (three times the cost). Nothing changes them.
    """

    start: int
    end: int
    text: str
    glued: bool = False  # a word split off the previous one ("Vietnam|Theresa")
    low: str = field(init=False, repr=False, compare=False)  # lower case, final period dropped
    word: bool = field(init=False, repr=False, compare=False)  # starts with a letter
    cap: bool = field(init=False, repr=False, compare=False)  # starts with a capital

    def __post_init__(self) -> None:
        first = self.text[0]
        self.low = self.text.lower().rstrip(".")
        self.word = first.isalpha()
        self.cap = first.isupper()

    @property
    def poss(self) -> bool:
        """True when the word ends in a possessive ("Russia’s")."""
        return _possessive(self.text)[0]

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        return _possessive(self.text)[1]


@functools.lru_cache(maxsize=65536)
def _possessive(text: str) -> tuple[bool, str]:
    """(whether `text` ends in a possessive, `text` without it)."""
    return bool(P.POSSESSIVE.search(text)), P.POSSESSIVE.sub("", text)


def tokenize(text: str) -> list[Token]:
    """Return the tokens of `text`: words split where scraping glued them, "Ms." and "V." one token."""
    toks: list[Token] = []
    for m in P.TOKEN.finditer(text):
        s, w = m.start(), m.group()
        if w[0].isalpha() and not w[1:].islower():
            cuts = [0] + _text.glued_words(w) + [len(w)]
            for k, (a, b) in enumerate(zip(cuts, cuts[1:])):
                toks.append(Token(s + a, s + b, w[a:b], glued=k > 0))
        else:
            toks.append(Token(s, m.end(), w))
    merged: list[Token] = []
    for t in toks:
        prev = merged[-1] if merged else None
        if (
            t.text == "."
            and prev is not None
            and prev.end == t.start
            and prev.word
            and (prev.text.lower() in P.TITLE_ABBREVIATIONS or (len(prev.text) == 1 and prev.cap))
        ):
            merged[-1] = Token(prev.start, t.end, prev.text + ".", prev.glued)
        else:
            merged.append(t)
    return merged


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue in context offsets."""

    start: int
    end: int
    text: str  # normalised: "said", "according to", "called for"
    kind: str  # "speech" | "according" | "quoting" | "naming" | "stance"

    @property
    def participle(self) -> bool:
        """True for "saying", "adding": the speaker is the subject of the clause."""
        return self.text.split()[0].endswith("ing") and self.kind != "according"


@dataclass(eq=False)
class Context:
    """Reporter's text around quotations (quotations masked) with its sentences and tokens.

    Tokens and cues are read on first use: most paragraphs hold no quotation.
    """

    text: str
    offset: int  # raw offset of text[0]
    sentences: list[tuple[int, int]]
    paragraph: int
    plain: str = ""  # the same text with quotations not masked

    def __post_init__(self) -> None:
        self.plain = self.plain or self.text

    @functools.cached_property
    def starts(self) -> frozenset[int]:
        """Offsets where the sentences start."""
        return frozenset(lo for lo, _ in self.sentences)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The tokens of `text`."""
        return tokenize(self.text)

    @functools.cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]  # ascending, as are the ends: tokens do not overlap

    @functools.cached_property
    def _token_ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    @functools.cached_property
    def cues(self) -> list[Cue]:
        """The cues of `text`, nouns and passives left out."""
        return [c for c in (_cue_from(m, self.text) for m in P.find_cues(self.text)) if self._cue_ok(c)]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `pos`, else of the last one before it."""
        for lo, hi in self.sentences:
            if lo <= pos < hi:
                return lo, hi
        before = [s for s in self.sentences if s[0] <= pos]
        return before[-1] if before else (0, len(self.text))

    def tok_range(self, lo: int, hi: int) -> tuple[int, int]:
        """Indices [a, b) of the tokens inside [lo, hi)."""
        a = bisect.bisect_left(self._token_starts, lo)
        return a, max(a, bisect.bisect_right(self._token_ends, hi))

    def token_before(self, pos: int) -> int | None:
        """Index of the last token that ends at or before `pos`, or None."""
        k = bisect.bisect_right(self._token_ends, pos) - 1
        return k if k >= 0 else None

    def token_at(self, pos: int) -> int:
        """Index of the token that holds `pos`."""
        k = bisect.bisect_right(self._token_starts, pos) - 1
        if k >= 0 and pos < self.tokens[k].end:
            return k
        return next(k for k, t in enumerate(self.tokens) if t.start <= pos < t.end)

    def _cue_ok(self, cue: Cue) -> bool:
        if cue.kind in ("according", "quoting"):
            return True
        k = self.token_before(cue.start)
        if k is None:
            return cue.kind == "speech"
        t = self.tokens[k]
        if t.low in P.DETERMINERS or (t.poss and t.bare.lower() not in P.PRONOUNS) or (
            t.text in "\u2019'" and k and self.tokens[k - 1].low.endswith("s")
        ):
            return False  # a noun: "the claims", "Russia’s warning"
        while k is not None and self.tokens[k].word and skippable(self.tokens[k]):
            if self.tokens[k].low in P.BE_FORMS:
                first = cue.text.split()[0]
                if first.endswith("ed") or first in P.IRREGULAR_PAST:
                    return False  # passive: "will be declared"
            k = k - 1 if k > 0 else None
        return True


def _cue_from(m, text: str) -> Cue:
    """The cue of a ``patterns.quotes.find_cues`` match in `text`."""

    def group(name: str) -> str:
        a, b = m.span(name)
        return text[a:b].lower() if a >= 0 else ""

    if group("according"):
        return Cue(m.start(), m.end(), " ".join(group("according").split()), "according")
    if group("quoting"):
        return Cue(m.start(), m.end(), group("quoting"), "quoting")
    for verb in ("call", "refer", "point"):
        if group(verb):
            return Cue(m.start(), m.end(), f"{group(verb)} {group(verb + '_p')}", "speech")
    if group("verb"):
        return Cue(m.start(), m.end(), group("verb"), "speech")
    return Cue(m.start(), m.end(), group("naming"), "naming")


def skippable(t: Token) -> bool:
    """True for words that may stand between a speaker and the cue ("has repeatedly said")."""
    return t.low in P.SKIP_BEFORE_CUE or t.low in P.BE_FORMS or (not t.cap and t.low.endswith("ly"))

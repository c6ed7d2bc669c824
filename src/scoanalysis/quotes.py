"""Quotations: quoted spans found in sentences and attributed to speakers through cue verbs.

Each paragraph (sentences never cross a line break) is scanned for quotation marks; each
quotation is then read against the reporter's words around it, with every quotation
masked out, to find its cue (said, told, according to...) and the speaker that cue
introduces. The result is one row per quotation with offsets into the raw article text.

Decisions, in the order the code applies them:

* **Marks.** Curly “ ” ‘ ’ (and „ « ») have a direction; straight " and ' take it from
  their neighbours (after a space opens, before a space or punctuation closes). A ’ or '
  between two letters or digits is an apostrophe (it’s, Putin's); a ’ or ' after a word
  is a closing mark only while a single quotation is open, else an apostrophe
  (leaders’ summit). Single quotations count only when both marks are found in the
  paragraph; a quotation inside another is its own row with ``nested`` true.
* **Missing marks.** A closing double mark with no opening one starts its quotation at
  the paragraph start when it is the paragraph's first mark, else at the start of its
  sentence (never before the previous quotation). An opening mark with no closing one
  runs to the end of the paragraph (news style for quotations that go on in the next
  paragraph); a second opening mark while one is open ends the first just before it.
  ``balanced`` is false for all of these.
* **Cue and speaker.** In order: a cue right after the closing mark ("“...,” Gabuev
  said", "“...,” said Niva Yau, a fellow ...", "“...,” a senior Kazakh official told");
  a cue right before the opening mark with ``:`` or ``,`` ("Putin said: “...”"); the
  nearest cue before the quotation in its sentence ("Putin said that ... “...”"); the
  nearest after it ("... “core value” lies ..., he added"). The speaker of a cue is the
  noun phrase just before it (names, pronouns, "a senior Kazakh official", "the
  declaration"), an appositive's head ("Harsh V. Pant, a professor ..., said"), the
  phrase after it when inverted ("said Alexander Gabuev", "according to Chinese state
  media"), or for participles ("saying") the subject of the clause. "the headline of
  one report" names "one report"; "another" after it names "another report".
* **Naming verbs.** "what it terms “splittism”" attributes the term to the subject
  (resolved like any pronoun, here to China): the row is ``partial`` with cue ``terms``.
  Without ``what``/``as`` a naming verb counts only after a name or he/she ("Xi called
  the SCO “a family”"); "a group called “X”" leaves X a scare quote.
* **No cue.** Nouns ("Russia’s warning of", "a call for") and passives ("will be
  declared") are no cues, so “restoration of peace in Ukraine” in "a joint declaration
  containing a call for “...”" stays ``scare``: only a verb gives a speaker.
* **Split quotations.** A whole-sentence quotation with no cue of its own takes the
  speaker of the previous quotation of its paragraph ("“A,” he said. “B.”" → two rows, one
  speaker), or of the last quotation of the previous paragraph when it opens its own
  paragraph; an unclosed quotation running to the end of its paragraph takes the speaker
  of the quotation that opens the next one.
* **Pronouns.** he/she, in order: the person who spoke the latest attributed quotation
  of this or the previous paragraph; the name that spoke an earlier quotation of this
  paragraph, person or not ("“A,” Peskov said. “B,” he added."); the latest person
  mentioned before the quotation, outside quotations. Gender must agree where known.
  Persons are the ``person`` entities when `entities` is given; otherwise capitalised
  names with a title (Mr, Ms, President...) or a role before them ("Chinese leader Xi
  Jinping"), or of two or more words none of which names a place or institution, plus
  single words that repeat a word of such a name. Gender comes from the ``gender``
  column or from Mr/Ms/Mrs. it: the subject of its clause. they, and I/we outside
  quotations: left unresolved. Inside a quotation, I/we are the outer speaker and
  he/she never the outer speaker (“He’s saying, ‘I have other options,’” Ms. Fallon
  said: the inner speaker is the latest man named before the quotation, Mr Putin). An
  unresolved pronoun leaves ``speaker`` empty; the quotation is still attributed.
* **Kinds.** ``direct``: an attributed quotation that is a whole statement, i.e. it
  starts its sentence (or follows "cue:" / "cue,") and nothing but its attribution
  follows it. ``partial``: an attributed quotation inside the reporter's sentence.
  ``scare``: a quotation with no speaker that is not a whole statement; scare rows have
  no speaker and no cue. A whole-sentence quotation nobody is named for is ``direct``
  with an empty speaker.
* **Names.** With `entities`, a speaker whose head word overlaps a mention takes its
  canonical ``name`` and ``entity_id``. Otherwise titles are stripped and a one-word
  name takes the article's full personal name that starts or ends with it, the latest
  before it ("Gabuev" → "Alexander Gabuev", "Ms. Fallon" → "Theresa Fallon"). Phrases
  keep their words ("a senior Kazakh official", "the declaration"). A headline's
  "Putin: “...”" gives speaker Putin with an empty cue.
* **Text.** ``quote`` is everything inside the marks, trailing comma or period included
  (“identical and close.”). ``cue`` is the cue as written, lower case, a phrasal verb
  without what stands between its parts ("called last week for" → "called for").
  Paragraphs are rebuilt from their sentences, the gaps between them read as spaces.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from . import text as _text
from .frames import Columns
from .patterns import quotes as P

#: Columns of the quotes table (contract columns first, then additions).
QUOTE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "quote",
    "speaker",
    "speaker_id",
    "cue",
    "quote_kind",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "nested",
    "balanced",
]

#: Sentence kinds that are never searched for quotations.
SKIPPED_KINDS = frozenset({"debris", "prompt"})

_STRIP = " \t\r\n\u00a0"
_GLUE = frozenset(P.ATTRIBUTION_GLUE)
_PUNCT_SPACE = " \t,.;:!?\u2013\u2014-()[]"


# --- quotation marks ------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in one text: its marks' offsets (None when missing) and its text's offsets."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    depth: int = 0

    @property
    def balanced(self) -> bool:
        """True when both marks were found."""
        return self.open_mark is not None and self.close_mark is not None

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark, or of the text when the mark is missing."""
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark, or past the text when the mark is missing."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def quote_spans(text: str, *, sentence_starts: Sequence[int] = ()) -> list[QuoteSpan]:
    """Return the quotations of one paragraph `text`, outer ones before the ones they hold.

    `sentence_starts` (offsets into `text`) lets a closing mark with no opening one that is
    not the paragraph's first mark start its quotation at its sentence's start. Spans are
    sorted by start; ``depth`` is 0 for top-level quotations, 1 inside one, and so on.
    """
    stack: list[tuple[str, int]] = []  # ("d" | "s", offset of the opening mark)
    raw: list[tuple[int, int, int | None, int | None]] = []  # start, end, open, close
    seen_double = False
    last_end = 0
    for m in P.QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in P.DOUBLE_MARKS:
            open_d = any(kind == "d" for kind, _ in stack)
            role = _double_role(ch, prev, nxt, open_d)
            if role == "open":
                if open_d:  # a second opening mark: the first quotation ends here, unclosed
                    pos = _pop_to(stack, "d")
                    raw.append((pos + 1, i, pos, None))
                stack.append(("d", i))
            elif open_d:
                pos = _pop_to(stack, "d")
                raw.append((pos + 1, i, pos, i))
                last_end = i + 1
            else:
                stack.clear()  # singles opened inside the quotation whose mark is missing
                start = 0 if not seen_double else max(last_end, _sentence_start(i, sentence_starts))
                raw.append((start, i, None, i))
                last_end = i + 1
            seen_double = True
        else:
            open_s = bool(stack) and stack[-1][0] == "s"
            role = _single_role(ch, prev, nxt, open_s)
            if role == "open":
                stack.append(("s", i))
            elif role == "close":
                pos = stack.pop()[1]
                raw.append((pos + 1, i, pos, i))
    for kind, pos in stack:  # an opening double mark never closed runs to the end; singles are dropped
        if kind == "d":
            raw.append((pos + 1, len(text), pos, None))
    spans = []
    for start, end, open_mark, close_mark in raw:
        start, end = _trim(text, start, end)
        if end > start and any(c.isalnum() for c in text[start:end]):
            spans.append(QuoteSpan(start, end, open_mark, close_mark))
    spans.sort(key=lambda s: (s.outer_start, -s.outer_end))
    return [
        replace(s, depth=sum(o.outer_start < s.outer_start and s.outer_end <= o.outer_end for o in spans))
        for s in spans
    ]


def _double_role(ch: str, prev: str, nxt: str, is_open: bool) -> str:
    before_space = prev == "" or prev.isspace() or prev in P.OPENING_CONTEXT
    after_space = nxt == "" or nxt.isspace() or nxt in P.CLOSING_CONTEXT
    if ch in P.DOUBLE_OPEN:
        return "close" if is_open and after_space and not before_space else "open"
    if ch in P.DOUBLE_CLOSE:
        return "open" if not is_open and before_space and not after_space else "close"
    if before_space and not after_space:
        return "open"
    if after_space and not before_space:
        return "close"
    return "close" if is_open else "open"


def _single_role(ch: str, prev: str, nxt: str, is_open: bool) -> str:
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"
    before_space = prev == "" or prev.isspace() or prev in P.OPENING_CONTEXT
    after_space = nxt == "" or nxt.isspace() or nxt in P.CLOSING_CONTEXT
    if ch in P.SINGLE_OPEN:
        return "open" if not prev.isalnum() else "apostrophe"
    if is_open and after_space and not before_space:
        return "close"
    if ch in P.SINGLE_EITHER and before_space and nxt.isalnum():
        return "open"
    return "apostrophe"


def _pop_to(stack: list[tuple[str, int]], kind: str) -> int:
    while stack:
        k, pos = stack.pop()
        if k == kind:
            return pos
    raise AssertionError("no open mark of kind " + kind)


def _sentence_start(pos: int, starts: Sequence[int]) -> int:
    best = 0
    for s in starts:
        if s <= pos:
            best = max(best, s)
    return best


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


# --- tokens -----------------------------------------------------------------------------------


class _Tok:
    """A token of a context: offsets, text, and the word features read from it once."""

    __slots__ = ("start", "end", "text", "glued", "low", "word", "cap")

    def __init__(self, start: int, end: int, text: str, glued: bool = False):
        self.start = start
        self.end = end
        self.text = text
        self.glued = glued  # a word split off the previous one ("Vietnam|Theresa")
        self.low = text.lower().rstrip(".")
        first = text[0]
        self.word = first.isalpha()
        self.cap = first.isupper()

    def __repr__(self) -> str:
        return f"_Tok(start={self.start!r}, end={self.end!r}, text={self.text!r}, glued={self.glued!r})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, _Tok):
            return NotImplemented
        return (self.start, self.end, self.text, self.glued) == (other.start, other.end, other.text, other.glued)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text, self.glued))

    @property
    def poss(self) -> bool:
        return _possessive(self.text)[0]

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        return _possessive(self.text)[1]


@functools.lru_cache(maxsize=65536)
def _possessive(text: str) -> tuple[bool, str]:
    """(whether `text` ends in a possessive, `text` without it)."""
    return bool(P.POSSESSIVE.search(text)), P.POSSESSIVE.sub("", text)


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in P.TOKEN.finditer(text):
        s, w = m.start(), m.group()
        if w[0].isalpha() and not w[1:].islower():
            cuts = [0] + _text.glued_words(w) + [len(w)]
            for k, (a, b) in enumerate(zip(cuts, cuts[1:])):
                toks.append(_Tok(s + a, s + b, w[a:b], glued=k > 0))
        else:
            toks.append(_Tok(s, m.end(), w))
    merged: list[_Tok] = []
    for t in toks:
        prev = merged[-1] if merged else None
        if (
            t.text == "."
            and prev is not None
            and prev.end == t.start
            and prev.word
            and (prev.text.lower() in P.TITLE_ABBREVIATIONS or (len(prev.text) == 1 and prev.cap))
        ):
            merged[-1] = _Tok(prev.start, t.end, prev.text + ".", prev.glued)
        else:
            merged.append(t)
    return merged


# --- mentions and cues ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """Who a cue names, in context offsets: a name, a pronoun or a noun phrase."""

    start: int
    end: int
    text: str  # as written ("Ms. Fallon", "he", "a senior Kazakh official")
    kind: str  # "name" | "pronoun" | "np"
    name: str  # name without titles, pronoun lower-cased, or the phrase
    head: int  # offset of the head word (entities must overlap it)
    gender: str = ""
    head_word: str = ""  # head noun of a noun phrase ("report")


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str  # normalised: "said", "according to", "called for"
    kind: str  # "speech" | "according" | "naming"

    @property
    def participle(self) -> bool:
        return self.text.split()[0].endswith("ing") and self.kind != "according"


@dataclass
class _Context:
    """Reporter's text around quotations (quotations masked) with its sentences and tokens."""

    text: str
    offset: int  # raw offset of text[0]
    sentences: list[tuple[int, int]]
    paragraph: int
    plain: str = ""  # the same text with quotations not masked
    starts: frozenset[int] = field(init=False)
    _cues: list[_Cue] | None = field(default=None, init=False)
    _tokens: list[_Tok] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.plain = self.plain or self.text
        self.starts = frozenset(lo for lo, _ in self.sentences)

    @property
    def tokens(self) -> list[_Tok]:
        """The tokens of `text`, read on first use (most paragraphs hold no quotation)."""
        if self._tokens is None:
            self._tokens = _tokenize(self.text)
            self._tok_starts = [t.start for t in self._tokens]  # both ascending: tokens do not overlap
            self._tok_ends = [t.end for t in self._tokens]
        return self._tokens

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for lo, hi in self.sentences:
            if lo <= pos < hi:
                return lo, hi
        before = [s for s in self.sentences if s[0] <= pos]
        return before[-1] if before else (0, len(self.text))

    def tok_range(self, lo: int, hi: int) -> tuple[int, int]:
        """Indices [a, b) of the tokens inside [lo, hi)."""
        self.tokens  # noqa: B018 (reads the tokens and their offsets)
        a = bisect.bisect_left(self._tok_starts, lo)
        return a, max(a, bisect.bisect_right(self._tok_ends, hi))

    def cues(self) -> list[_Cue]:
        if self._cues is None:
            self._cues = [c for c in (_cue_from(m) for m in P.find_cues(self.text)) if self._cue_ok(c)]
        return self._cues

    def _cue_ok(self, cue: _Cue) -> bool:
        if cue.kind == "according":
            return True
        k = self._tok_before(cue.start)
        if k is None:
            return cue.kind == "speech"
        t = self.tokens[k]
        if t.low in P.DETERMINERS or (t.poss and t.bare.lower() not in P.PRONOUNS) or (
            t.text in "\u2019'" and k and self.tokens[k - 1].low.endswith("s")
        ):
            return False  # a noun: "the claims", "Russia’s warning"
        while k is not None and self.tokens[k].word and _skippable(self.tokens[k]):
            if self.tokens[k].low in P.BE_FORMS:
                first = cue.text.split()[0]
                if first.endswith("ed") or first in P.IRREGULAR_PAST:
                    return False  # passive: "will be declared"
            k = k - 1 if k > 0 else None
        return True

    def _tok_before(self, pos: int) -> int | None:
        self.tokens  # noqa: B018
        k = bisect.bisect_right(self._tok_ends, pos) - 1
        return k if k >= 0 else None


def _cue_from(m) -> _Cue:
    if m.group("according"):
        return _Cue(m.start(), m.end(), " ".join(m.group("according").lower().split()), "according")
    for verb in ("call", "refer", "point"):
        if m.group(verb):
            return _Cue(m.start(), m.end(), f"{m.group(verb).lower()} {m.group(verb + '_p').lower()}", "speech")
    if m.group("verb"):
        return _Cue(m.start(), m.end(), m.group("verb").lower(), "speech")
    return _Cue(m.start(), m.end(), m.group("naming").lower(), "naming")


def _skippable(t: _Tok) -> bool:
    return t.low in P.SKIP_BEFORE_CUE or t.low in P.BE_FORMS or (not t.cap and t.low.endswith("ly"))


def _nameish(ctx: _Context, k: int) -> bool:
    """True when token k may be part of a proper name (capitalised, not a function word)."""
    t = ctx.tokens[k]
    if not t.word or not t.cap:
        return False
    if t.low in P.OPENERS and t.low not in P.TITLE_ABBREVIATIONS:
        return False
    if k == 0 or ctx.tokens[k - 1].text in ".!?" or t.start in ctx.starts:  # sentence-initial
        nxt = ctx.tokens[k + 1] if k + 1 < len(ctx.tokens) else None
        if (t.low.endswith("ing") or t.low.endswith("ed")) and nxt is not None and nxt.low in P.PARTICIPLE_FOLLOWERS:
            return False  # "Speaking after the summit", "Viewed more broadly"
    return True


def _name_mention(ctx: _Context, a: int, b: int) -> _Mention:
    """Mention for the capitalised run of tokens a..b (inclusive), titles stripped."""
    toks = ctx.tokens[a : b + 1]
    gender = ""
    cut = 0
    for k, t in enumerate(toks):
        if t.low in P.GENDER_TITLES and not gender:
            gender = P.GENDER_TITLES[t.low]
        if t.low in P.TITLES and k < len(toks) - 1:
            cut = k + 1
    if a > 0 and ctx.tokens[a - 1].low in P.GENDER_TITLES and not gender:
        gender = P.GENDER_TITLES[ctx.tokens[a - 1].low]
    name_toks = toks[cut:]
    last = name_toks[-1]
    name = ctx.text[name_toks[0].start : last.start] + last.bare
    text = ctx.text[toks[0].start : last.start] + last.bare
    return _Mention(toks[0].start, last.start + len(last.bare), text, "name", name, last.start, gender)


def _run_left(ctx: _Context, i: int, lo: int) -> int | None:
    """Index of the first token of the capitalised run ending at token i, or None."""
    if not _nameish(ctx, i):
        return None
    a = i
    while a - 1 >= lo:
        if ctx.tokens[a].glued:
            break
        t = ctx.tokens[a - 1]
        if t.poss:
            break
        if _nameish(ctx, a - 1):
            a -= 1
        elif t.low in P.NAME_PARTICLES and a - 2 >= lo and _nameish(ctx, a - 2):
            a -= 1
        else:
            break
    return a


def _run_right(ctx: _Context, i: int, hi: int) -> int:
    """Index of the last token of the capitalised run starting at token i."""
    b = i
    while b + 1 < hi:
        t = ctx.tokens[b + 1]
        if ctx.tokens[b].poss or t.glued:
            break
        if _nameish(ctx, b + 1):
            b += 1
        elif t.low in P.NAME_PARTICLES and b + 2 < hi and _nameish(ctx, b + 2):
            b += 1
        else:
            break
    return b


def _np_left(ctx: _Context, i: int, lo: int) -> _Mention | None:
    """Mention for the name or noun phrase ending at token i (looking left), or None."""
    t = ctx.tokens[i]
    if not t.word:
        return None
    if t.bare.lower() in P.PRONOUNS:  # "he", and "He’s" (he is)
        b = t.bare
        return _Mention(t.start, t.start + len(b), b, "pronoun", b.lower(), t.start, P.PRONOUNS[b.lower()])
    if t.cap and _nameish(ctx, i):
        a = _run_left(ctx, i, lo)
        if a is None:
            return None
        if t.low in P.SOURCE_HEADS:  # an institution: "India’s External Affairs Ministry"
            return _extend_np(ctx, a, i, lo)
        if a - 2 >= lo and ctx.tokens[a - 1].low in P.NP_PREPOSITIONS:  # "officials in Beijing"
            inner = _np_left(ctx, a - 2, lo)
            if inner is not None and inner.kind == "np":
                return _phrase(ctx, _tok_at(ctx, inner.start), i, _tok_at(ctx, inner.head))
        return _name_mention(ctx, a, i)
    if t.low not in P.SOURCE_HEADS:
        return None
    a = i
    n = 0
    while a - 1 >= lo and n < 6:
        u = ctx.tokens[a - 1]
        if not u.word:
            break
        if u.low in P.DETERMINERS or u.poss:
            a -= 1
            break
        if u.low in P.OPENERS or u.low in P.PRONOUNS or u.low in P.SKIP_BEFORE_CUE:
            break
        a -= 1
        n += 1
    return _extend_np(ctx, a, i, lo)


def _extend_np(ctx: _Context, a: int, i: int, lo: int) -> _Mention:
    """Noun phrase a..i, grown left over a possessive and up to two source prepositions."""
    if a - 1 >= lo and ctx.tokens[a - 1].poss and ctx.tokens[a - 1].cap:
        a -= 1
    for _ in range(2):
        if a - 2 >= lo and ctx.tokens[a - 1].low in P.NP_PREPOSITIONS:
            inner = _np_left(ctx, a - 2, lo)
            if inner is not None and inner.kind == "np":
                a = _tok_at(ctx, inner.start)
                continue
        break
    start, end = ctx.tokens[a].start, ctx.tokens[i].end
    return _Mention(start, end, ctx.text[start:end], "np", ctx.text[start:end], ctx.tokens[i].start,
                    head_word=ctx.tokens[i].low)


def _np_right(ctx: _Context, pos: int, hi: int, *, terminal: bool) -> _Mention | None:
    """Mention for the name or noun phrase starting at `pos` (inverted cues, according to)."""
    a, b = ctx.tok_range(pos, hi)
    if a >= b:
        return None
    t = ctx.tokens[a]
    after = ctx.tokens[a + 1] if a + 1 < b else None
    if not t.word:
        return None
    ends = after is None or not after.word
    if t.low in P.PRONOUNS and t.low != "i":
        if terminal and not ends:
            return None
        return _Mention(t.start, t.end, t.text, "pronoun", t.low, t.start, P.PRONOUNS[t.low])
    if t.low in P.ELLIPTIC and ends:
        return _Mention(t.start, t.end, t.text, "np", t.text, t.start, head_word="")
    if t.cap and _nameish(ctx, a) and not t.poss:
        k = _run_right(ctx, a, b)
        nxt = ctx.tokens[k + 1] if k + 1 < b else None
        if nxt is None or not nxt.word or nxt.low in P.OPENERS:
            if terminal and nxt is not None and nxt.word:
                return None
            if ctx.tokens[k].low in P.SOURCE_HEADS:
                return _phrase(ctx, a, k, None)
            return _name_mention(ctx, a, k)
    # a common noun phrase: determiner, modifiers, head, optionally "of"/"for" + phrase
    k = a
    if ctx.tokens[k].low in P.DETERMINERS or ctx.tokens[k].poss:
        k += 1
    head = None
    while k < b and ctx.tokens[k].word and (ctx.tokens[k].low not in P.OPENERS or ctx.tokens[k].cap):
        head = k
        k += 1
    if head is None:
        return None
    head_low = ctx.tokens[head].low
    if head_low in P.CONTAINER_HEADS and k + 1 < b and ctx.tokens[k].low == "of":
        inner = _np_right(ctx, ctx.tokens[k + 1].start, hi, terminal=False)
        if inner is not None:
            return inner
    if head_low not in P.SOURCE_HEADS and head_low not in P.CONTAINER_HEADS:
        return None
    end = head
    if k + 1 < b and ctx.tokens[k].low in ("of", "for", "at", "from"):
        inner = _np_right(ctx, ctx.tokens[k + 1].start, hi, terminal=False)
        if inner is not None and inner.kind in ("np", "name"):
            end = next(j for j in range(k + 1, b) if ctx.tokens[j].end >= inner.end)
    return _phrase(ctx, a, end, head)


def _phrase(ctx: _Context, a: int, b: int, head: int | None) -> _Mention:
    h = ctx.tokens[head if head is not None else b]
    start, end = ctx.tokens[a].start, ctx.tokens[b].end
    return _Mention(start, end, ctx.text[start:end], "np", ctx.text[start:end], h.start, head_word=h.low)


def _left_speaker(ctx: _Context, cue: _Cue, lo: int) -> _Mention | None:
    a, _ = ctx.tok_range(lo, cue.start)
    i = ctx._tok_before(cue.start)
    if i is None or i < a:
        return None
    while i >= a and ctx.tokens[i].word and _skippable(ctx.tokens[i]) and not ctx.tokens[i].cap:
        i -= 1
    if i < a:
        return None
    t = ctx.tokens[i]
    if t.low == "who" and i - 2 >= a and ctx.tokens[i - 1].text == ",":
        return _np_left(ctx, i - 2, a)
    return _np_left(ctx, i, a)


def _appositive_speaker(ctx: _Context, cue: _Cue, lo: int) -> _Mention | None:
    """Speaker of "NAME, an appositive, said": the phrase before the appositive's comma."""
    a, b = ctx.tok_range(lo, cue.start)
    commas = [k for k in range(a, b) if ctx.tokens[k].text == ","][::-1][:5]
    for k in commas:
        if k + 1 >= b or k - 1 < a:
            continue
        opener = ctx.tokens[k + 1]
        if opener.low in P.APPOSITIVE_OPENERS and not opener.cap or opener.low in ("who", "which"):
            m = _np_left(ctx, k - 1, a)
            if m is not None and m.kind != "pronoun":
                return m
    return None


def _clause_subject(ctx: _Context, lo: int, limit: int) -> _Mention | None:
    """The subject of the clause that runs from `lo` to `limit` (for participles, "it")."""
    a, b = ctx.tok_range(lo, limit)
    if a >= b:
        return None
    if not _candidate(ctx, a, b, a):
        commas = [k for k in range(a, b) if ctx.tokens[k].text == ","]
        if commas:
            m = _candidate(ctx, commas[0] + 1, b, a)
            if m is not None:
                return m
    for k in range(a, b):
        m = _candidate(ctx, k, b, a)
        if m is not None:
            return m
    return None


def _candidate(ctx: _Context, k: int, b: int, lo: int) -> _Mention | None:
    if k >= b:
        return None
    t = ctx.tokens[k]
    if not t.word:
        return None
    if t.low in P.PRONOUNS and t.low not in P.FIRST_PERSON:
        return _Mention(t.start, t.end, t.text, "pronoun", t.low, t.start, P.PRONOUNS[t.low])
    if t.cap and not t.poss and _nameish(ctx, k):
        end = _run_right(ctx, k, b)
        if ctx.tokens[end].poss:
            return None
        if ctx.tokens[end].low in P.SOURCE_HEADS:
            return _phrase(ctx, k, end, None)
        return _name_mention(ctx, k, end)
    if not t.cap and t.low in P.SOURCE_HEADS:
        return _np_left(ctx, k, lo)
    return None


def _cue_speaker(ctx: _Context, cue: _Cue) -> _Mention | None:
    """The speaker a cue introduces, or None."""
    lo, hi = ctx.sentence_of(cue.start)
    if cue.kind == "according":
        return _np_right(ctx, cue.end, hi, terminal=False)
    before = ctx.text[lo : cue.start].rstrip()
    if cue.kind == "naming":
        m = _left_speaker(ctx, cue, lo)
        if m is None:
            return None
        k = ctx._tok_before(m.start)
        after_what = k is not None and ctx.tokens[k].low in ("what", "as")
        personal = m.kind == "name" or m.kind == "pronoun" and m.name in P.PERSONAL_PRONOUNS
        return m if after_what or personal else None
    if before.endswith(P.MASK) or (before.endswith(",") and before[:-1].rstrip().endswith(P.MASK)) or (
        before.endswith(("\u2014", "\u2013")) and before[:-1].rstrip().endswith(P.MASK)
    ):
        m = _np_right(ctx, cue.end, hi, terminal=False)
        if m is not None:
            return m
    if before.endswith(","):
        m = _appositive_speaker(ctx, cue, lo) or _np_right(ctx, cue.end, hi, terminal=True)
    else:
        m = _left_speaker(ctx, cue, lo)
    if m is None and cue.participle:
        m = _clause_subject(ctx, lo, cue.start)
    return m


# --- attribution --------------------------------------------------------------------------------


@dataclass
class _Found:
    """One quotation with what attribution found for it (context offsets)."""

    span: QuoteSpan
    ctx: _Context
    cue: _Cue | None = None
    mention: _Mention | None = None
    full: bool = False
    attached_post: bool = False
    inherited: "_Found | None" = None
    speaker: str = ""
    speaker_id: str = ""
    gender: str = ""
    is_person: bool = False
    parent: "_Found | None" = None

    @property
    def attributed(self) -> bool:
        return self.mention is not None

    @property
    def kind(self) -> str:
        if self.attributed:
            return "direct" if self.full else "partial"
        return "direct" if self.full else "scare"


def _attribute(ctx: _Context, spans: list[QuoteSpan]) -> list[_Found]:
    """Find the cue, speaker and form of each quotation of one level of `ctx`."""
    found: list[_Found] = []
    cues = ctx.cues()
    speakers: dict[int, _Mention | None] = {}

    def speaker(c: _Cue) -> _Mention | None:
        if c.start not in speakers:
            speakers[c.start] = _cue_speaker(ctx, c)
        return speakers[c.start]

    for n, q in enumerate(spans):
        f = _Found(q, ctx)
        lo, _ = ctx.sentence_of(q.outer_start)
        _, hi = ctx.sentence_of(max(q.outer_end - 1, q.outer_start))
        prev_end = max(lo, spans[n - 1].outer_end if n else 0)
        next_start = spans[n + 1].outer_start if n + 1 < len(spans) else len(ctx.text)
        tail = ctx.text[q.outer_end : min(hi, next_start)]
        post_hi = min(hi, next_start)
        if not tail.strip(_PUNCT_SPACE) and next_start >= hi:  # quotation ends its sentence
            following = [s for s in ctx.sentences if s[0] >= hi]
            if following and len(ctx.text[following[0][0] : following[0][1]].split()) <= 12:
                post_hi = min(following[0][1], next_start)
        # 1. a cue right after the closing mark
        for c in cues:
            if not (q.outer_end <= c.start < post_hi):
                continue
            m = speaker(c)
            gap = ctx.text[q.outer_end : c.start]
            if m is not None and (not gap.strip(P.ATTRIBUTION_GLUE) or _only_titles(ctx, q.outer_end, m.start)):
                f.cue, f.mention, f.attached_post = c, m, True
            break
        # 2. a cue right before the opening mark, with ":" or ","
        head = ctx.text[prev_end : q.outer_start].rstrip()
        intro = False
        if head.endswith((":", ",")):
            pre = [c for c in cues if prev_end <= c.start and c.end <= q.outer_start]
            if pre:
                intro = True
                if f.cue is None and speaker(pre[-1]) is not None:
                    f.cue, f.mention = pre[-1], speaker(pre[-1])
            elif f.cue is None and head.endswith(":"):  # "Putin: “...”"
                a, b = ctx.tok_range(prev_end, q.outer_start)
                if b - 2 >= a:
                    m = _np_left(ctx, b - 2, a)
                    if m is not None and m.kind == "name" and not ctx.text[prev_end : m.start].strip(_PUNCT_SPACE):
                        f.mention, intro = m, True
        # 3. the nearest cue before it in its sentence, 4. the nearest after it
        if f.mention is None:
            before = [c for c in cues if lo <= c.start and c.end <= q.outer_start]
            after = [c for c in cues if q.outer_end <= c.start < hi]
            for c in list(reversed(before)) + after:
                if speaker(c) is not None:
                    f.cue, f.mention = c, speaker(c)
                    break
        # form: a whole statement or a fragment of the reporter's sentence
        starts = not ctx.text[lo : q.outer_start].strip(_PUNCT_SPACE + P.MASK) or (
            intro and (ctx.plain[q.start : q.start + 1].isupper() or _continues(found, f))
        )
        ends = not tail.strip(_PUNCT_SPACE) or f.attached_post
        f.full = bool(starts and ends)
        found.append(f)
    return found


def _only_titles(ctx: _Context, lo: int, hi: int) -> bool:
    """True when [lo, hi) holds only glue, capitalised words and role words (a speaker's titles)."""
    if hi < lo:
        return False
    a, b = ctx.tok_range(lo, hi)
    return all(
        set(t.text) <= _GLUE or t.word and (t.cap or t.low in P.SOURCE_HEADS | P.TITLES | P.DETERMINERS)
        for t in ctx.tokens[a:b]
    )


def _tok_at(ctx: _Context, pos: int) -> int:
    ctx.tokens  # noqa: B018
    k = bisect.bisect_right(ctx._tok_starts, pos) - 1
    if k >= 0 and pos < ctx.tokens[k].end:
        return k
    return next(k for k, t in enumerate(ctx.tokens) if t.start <= pos < t.end)


def _continues(found: list[_Found], f: _Found) -> bool:
    """True when `f` goes on a split quotation: “A,” he said, “b.”"""
    return bool(found) and found[-1].attached_post and found[-1].cue is not None and found[-1].cue == f.cue


# --- resolution -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    start: int
    end: int
    name: str
    gender: str
    entity_id: str = ""


def _person_run(ctx: _Context, a: int, b: int) -> tuple[_Mention, bool]:
    """The name in capitalised run a..b without titles and leading place words, and whether
    it looks like a person's: titled ("Mr", "President", "Chinese leader ...") or two or
    more words none of which names a place or institution."""
    toks = ctx.tokens
    titled = any(t.low in P.TITLES for t in toks[a:b]) or (
        a > 0 and not toks[a - 1].cap and toks[a - 1].low in P.SOURCE_HEADS | P.TITLES
    )
    cut = a
    for k in range(a, b):
        if toks[k].low in P.TITLES:
            cut = k + 1
    while cut < b and toks[cut].low in P.NON_PERSON_WORDS:
        cut += 1
    m = _name_mention(ctx, cut, b)
    if cut > a and not m.gender:
        m = replace(m, gender=_name_mention(ctx, a, b).gender)
    words = m.name.replace("-", " ").split()
    if any(w.lower().rstrip(".") in P.NON_PERSON_WORDS for w in words) or m.name.isupper():
        return m, False
    full = [w for w in m.name.split() if not (len(w) == 2 and w.endswith("."))]
    return m, titled or (len(full) >= 2 and all(w[0].isupper() for w in full))


def _title_case(toks: list[_Tok]) -> bool:
    """True for a line in Title Case (a headline), whose capitals say nothing about names."""
    long = [t for t in toks if t.word and len(t.text) > 3]
    return len(long) >= 3 and sum(t.cap for t in long) >= 0.8 * len(long)


_ENTITY_ORDER = {"person": 0, "organization": 1, "country": 2, "place": 3}


class _Mentions:
    """One article's entity mentions as plain column lists, in the table's row order."""

    __slots__ = ("start", "end", "entity_id", "entity_type", "name", "gender")

    def __init__(self, start, end, entity_id, entity_type, name, gender):
        self.start, self.end = start, end
        self.entity_id, self.entity_type, self.name, self.gender = entity_id, entity_type, name, gender

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def by_article(cls, entities: pd.DataFrame | Columns) -> dict[str, "_Mentions"]:
        """Each article's mentions (keyed by str(article_id)), read column by column once."""
        read = entities if isinstance(entities, Columns) else Columns(entities)
        cols = {c: read[c] for c in ("article_id", "start", "end", "entity_id", "entity_type", "name")}
        for c in ("start", "end"):
            if read.frame[c].dtype.kind not in "iu":
                cols[c] = [_number(v) for v in cols[c]]
        genders = read["gender"] if "gender" in read else None
        groups: dict = {}
        for i, aid in enumerate(cols["article_id"]):
            if _missing(aid):
                continue
            groups.setdefault(aid, []).append(i)
        out = {}
        for aid, idx in groups.items():
            pick = lambda c: [c[i] for i in idx]  # noqa: E731
            out[str(aid)] = cls(pick(cols["start"]), pick(cols["end"]), pick(cols["entity_id"]),
                                pick(cols["entity_type"]), pick(cols["name"]), pick(genders) if genders is not None else None)
        return out


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def _number(v):
    """An offset for comparisons: missing values become NaN (never equal, less or greater)."""
    return float("nan") if _missing(v) else v


class _Resolver:
    """Turns mentions into speakers: entity links, full names, pronoun antecedents."""

    def __init__(self, paragraphs: list[tuple[int, str]], entities: "_Mentions | None", quoted: list[tuple[int, int]]):
        self.quoted = quoted
        self.entities = entities if entities is not None and len(entities) else None
        if self.entities is not None:
            self.persons = self._entity_persons(paragraphs)
        else:
            self.persons = self._heuristic_persons(paragraphs)
        self.full_names = sorted({p.name for p in self.persons if len(p.name.split()) > 1})
        self.attributions: list[tuple] = []  # pos, paragraph, name, id, gender, is_person, named

    def _in_quote(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.quoted)

    def _entity_persons(self, paragraphs: list[tuple[int, str]]) -> list[_Person]:
        ents = self.entities
        genders: dict[str, str] = {}
        if ents.gender is not None:
            for eid, g in zip(ents.entity_id, ents.gender):
                if isinstance(g, str) and g in ("m", "f"):
                    genders[str(eid)] = g
        out = []
        for start, end, eid, name, etype in zip(ents.start, ents.end, ents.entity_id, ents.name, ents.entity_type):
            if not (isinstance(etype, str) and etype == "person"):
                continue
            start, end = int(start), int(end)
            eid = str(eid)
            if eid not in genders:
                before = self._raw_before(paragraphs, start)
                tok = before.split()[-1].rstrip(".").lower() if before.split() else ""
                if tok in P.GENDER_TITLES:
                    genders[eid] = P.GENDER_TITLES[tok]
            out.append((start, end, str(name), eid))
        return sorted(
            (_Person(s, e, n, genders.get(i, ""), i) for s, e, n, i in out if not self._in_quote(s)),
            key=lambda p: p.start,
        )

    @staticmethod
    def _raw_before(paragraphs: list[tuple[int, str]], pos: int) -> str:
        for off, t in paragraphs:
            if off <= pos <= off + len(t):
                return t[max(0, pos - off - 6) : pos - off]
        return ""

    def _heuristic_persons(self, paragraphs: list[tuple[int, str]]) -> list[_Person]:
        runs: list[tuple[int, int, str, str, bool]] = []  # start, end, name, gender, personal
        for off, t in paragraphs:
            ctx = _Context(t, off, [(0, len(t))], -1)
            toks = ctx.tokens
            if _title_case(toks):
                continue
            k = 0
            while k < len(toks):
                if not _nameish(ctx, k):
                    k += 1
                    continue
                b = _run_right(ctx, k, len(toks))
                run = _person_run(ctx, k, b)
                if run is not None:
                    runs.append((off + run[0].start, off + run[0].end, run[0].name, run[0].gender, run[1]))
                k = b + 1
        by_token: dict[str, str] = {}
        for _, _, name, _, personal in runs:
            if personal and len(name.split()) > 1:
                for w in (name.split()[0], name.split()[-1]):
                    by_token.setdefault(w, name)
        gender: dict[str, str] = {}
        persons = []
        for start, end, name, g, personal in runs:
            canon = name if personal and len(name.split()) > 1 else by_token.get(name, name if personal else None)
            if canon is None:
                continue
            if g:
                gender.setdefault(canon, g)
            persons.append((start, end, canon))
        return [_Person(s, e, n, gender.get(n, "")) for s, e, n in sorted(persons) if not self._in_quote(s)]

    # -- public --

    def named(self, mention: _Mention, raw_head: int, raw_start: int, raw_end: int) -> tuple[str, str, str, bool]:
        """Return (speaker, speaker_id, gender, is_person) for a name or noun phrase."""
        if self.entities is not None:
            hit = self._entity_at(raw_head, raw_end)
            if hit is not None:
                eid, name, etype = hit
                gender = next((p.gender for p in self.persons if p.entity_id == eid and p.gender), mention.gender)
                return name, eid, gender, etype == "person"
        if mention.kind == "name":
            full = self._expand(mention.name, raw_start)
            gender = mention.gender or next((p.gender for p in self.persons if p.name == full and p.gender), "")
            known = next((p for p in self.persons if p.name == full), None)
            eid = known.entity_id if known is not None else ""
            return full, eid, gender, known is not None or bool(mention.gender)
        words = mention.name.split(" ", 1)
        if words[0].lower() in P.DETERMINERS:  # "The declaration" opening a sentence → "the declaration"
            words[0] = words[0].lower()
        return " ".join(words), "", mention.gender, False

    def _entity_at(self, head: int, end: int) -> tuple[str, str, str] | None:
        ents = self.entities
        rows = list(zip(ents.start, ents.end, ents.entity_type, ents.entity_id, ents.name))
        hits = [r for r in rows if r[0] <= head and r[1] > head]
        if not hits:
            hits = [r for r in rows if r[0] < end and r[1] > head]
        if not hits:
            return None
        best = min(hits, key=lambda r: _ENTITY_ORDER.get(str(r[2]), 9))
        return str(best[3]), str(best[4]), str(best[2])

    def _expand(self, name: str, pos: int) -> str:
        if len(name.split()) > 1:
            return name
        options = [n for n in self.full_names if name in (n.split()[0], n.split()[-1])]
        if not options:
            return name
        before = [p for p in self.persons if p.name in options and p.start <= pos]
        if before:
            return before[-1].name
        return min(options, key=lambda n: next(p.start for p in self.persons if p.name == n))

    def person(self, pronoun: str, anchor: int, paragraph: int, *, exclude: str = "", prefer_recent: bool = True):
        """Return (speaker, speaker_id, gender) of the person a he/she stands for, or None."""
        want = P.PRONOUNS.get(pronoun, "")

        def agrees(g: str) -> bool:
            return not want or g in ("", want)

        if prefer_recent:
            recent = [a for a in reversed(self.attributions) if a[0] < anchor and a[2] != exclude and agrees(a[4])]
            for pos, par, name, eid, gender, is_person, named in recent:
                if par >= paragraph - 1 and is_person:
                    return name, eid, gender
            for pos, par, name, eid, gender, is_person, named in recent:  # "“A,” Peskov said. “B,” he added."
                if par == paragraph and named and not eid:
                    return name, eid, gender
        for p in reversed(self.persons):
            if p.start < anchor and agrees(p.gender) and p.name != exclude:
                return p.name, p.entity_id, p.gender
        return None

    def remember(self, f: "_Found", pos: int) -> None:
        """Note the speaker of quotation `f` (at raw offset `pos`) for later pronouns."""
        if f.speaker:
            named = f.mention is not None and f.mention.kind == "name"
            self.attributions.append((pos, f.ctx.paragraph, f.speaker, f.speaker_id, f.gender, f.is_person, named))


def _resolve(f: _Found, resolver: _Resolver, *, outer: _Found | None, previous: _Found | None) -> None:
    """Fill f.speaker / speaker_id / gender from its mention."""
    m = f.mention
    if m is None:
        return
    off = f.ctx.offset
    if m.kind == "pronoun":
        if m.name in P.FIRST_PERSON and outer is not None:
            f.speaker, f.speaker_id = outer.speaker, outer.speaker_id
            f.gender, f.is_person = outer.gender, outer.is_person
            return
        if m.name in P.PERSONAL_PRONOUNS:
            if outer is not None:  # inside a quotation: someone the outer speaker talks about
                anchor, exclude = outer.ctx.offset + outer.span.outer_start, outer.speaker
            else:
                anchor, exclude = off + min(m.start, f.span.outer_start), ""
            hit = resolver.person(m.name, anchor, f.ctx.paragraph, exclude=exclude, prefer_recent=outer is None)
            if hit is not None:
                f.speaker, f.speaker_id, f.gender = hit
                f.is_person = True
            return
        if m.name in P.NONPERSONAL_PRONOUNS:
            lo, _ = f.ctx.sentence_of(m.start)
            subj = _clause_subject(f.ctx, lo, m.start)
            if subj is not None and subj.kind != "pronoun":
                f.speaker, f.speaker_id, f.gender, f.is_person = resolver.named(
                    subj, off + subj.head, off + subj.start, off + subj.end
                )
        return
    if m.kind == "np" and m.name.lower() in P.ELLIPTIC:
        if previous is not None and previous.mention is not None and previous.mention.head_word:
            f.speaker = f"{m.name} {previous.mention.head_word}"
        else:
            f.speaker = m.name
        return
    f.speaker, f.speaker_id, f.gender, f.is_person = resolver.named(m, off + m.head, off + m.start, off + m.end)


# --- the table -------------------------------------------------------------------------------------


def quotes(sentences: pd.DataFrame, *, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per quotation found in `sentences`, with its speaker and cue.

    Parameters
    ----------
    sentences
        The sentences table (see ``text.sentences``): article_id, sentence_id, start,
        end, text (the raw text at start:end), paragraph_id, kind. Sentences of kind
        ``debris`` or ``prompt`` are skipped. Not modified.
    entities
        The mentions table (article_id, start, end, entity_id, entity_type, name, and
        optionally gender ``m``/``f``), or None. With it, speakers take canonical names
        and entity ids; without it, names are read from the text. Not modified.

    Returns
    -------
    pandas.DataFrame
        Columns (``QUOTE_COLUMNS``): article_id; sentence_id (where the quotation
        starts); start, end (offsets into the raw article text of the quoted text inside
        the marks, so ``raw[start:end] == quote``); quote; speaker (canonical name, or the
        phrase naming an unnamed source, empty if none); speaker_id (entity_id or empty);
        cue (the cue as written, lower case: said, told, according to, called for...);
        quote_kind (``direct``, ``partial`` or ``scare``); speaker_text (the mention as
        written: "he", "Ms. Fallon"); speaker_start, speaker_end, cue_start, cue_end
        (raw offsets, missing when none); nested (inside another quotation); balanced
        (false when a mark was missing). The module docstring lists the rules.

    Examples
    --------
    >>> from scoanalysis import text
    >>> s = text.split_sentences("“We will win,” Mr. Putin said.").assign(article_id="a")
    >>> quotes(s)[["quote", "speaker", "cue", "quote_kind"]].values.tolist()
    [['We will win,', 'Putin', 'said', 'direct']]
    """
    if sentences is None or not len(sentences):
        return _frame([])
    return _quotes(Columns(sentences), entities)


def _quotes(sentences: Columns, entities: pd.DataFrame | Columns | None) -> pd.DataFrame:
    """``quotes`` from the sentences' columns (`entities` a frame, ``frames.Columns`` or None).

    Parameters
    ----------
    sentences : the sentences table as ``frames.Columns`` (article_id, sentence_id, start, end, text, and
        optionally paragraph_id and kind).
    entities : as for ``quotes``.
    """
    rows: list[tuple] = []
    if not sentences.n:
        return _frame(rows)
    n_entities = 0 if entities is None else entities.n if isinstance(entities, Columns) else len(entities)
    ents_by_article = _Mentions.by_article(entities) if n_entities else {}
    key = sentences["paragraph_id"] if "paragraph_id" in sentences else sentences["sentence_id"]
    kinds = sentences["kind"] if "kind" in sentences else None
    groups: dict = {}
    for i, (aid, k, s, e, t, sid) in enumerate(zip(sentences["article_id"], key, sentences["start"], sentences["end"],
                                                   sentences["text"], sentences["sentence_id"])):
        if kinds is not None and kinds[i] in SKIPPED_KINDS:
            continue
        if _missing(aid):
            continue
        groups.setdefault(aid, []).append((k, s, e, t, sid))
    for aid, group in groups.items():
        rows.extend(_article_quotes(str(aid), group, ents_by_article.get(str(aid))))
    return _frame(rows)


_INT_COLUMNS = ("sentence_id", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
_BOOL_COLUMNS = ("nested", "balanced")
_STR_DTYPE = pd.Series([], dtype=object).astype(str).dtype  # what astype(str) gives


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """The quotes table from row tuples (QUOTE_COLUMNS order), each column typed once."""
    columns = list(zip(*rows)) if rows else [()] * len(QUOTE_COLUMNS)
    data = {}
    for col, values in zip(QUOTE_COLUMNS, columns):
        n = len(values)
        if col in _INT_COLUMNS and all(v is None or type(v) is int for v in values):
            mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
            data[col] = pd.arrays.IntegerArray(
                np.fromiter((0 if v is None else v for v in values), dtype="int64", count=n), mask)
        elif col in _INT_COLUMNS:
            data[col] = pd.array(list(values), dtype="Int64")
        elif col in _BOOL_COLUMNS and all(type(v) is bool for v in values):
            data[col] = pd.arrays.BooleanArray(np.fromiter(values, dtype=bool, count=n), np.zeros(n, dtype=bool))
        elif col in _BOOL_COLUMNS:
            data[col] = pd.array(list(values), dtype="boolean")
        elif all(type(v) is str for v in values):
            data[col] = pd.array(list(values), dtype=_STR_DTYPE)
        else:
            data[col] = pd.Series(list(values), dtype=object).astype(str)
    return pd.DataFrame(data, columns=QUOTE_COLUMNS)


def _paragraphs(rows: list[tuple]) -> list[tuple[int, str, list[tuple[int, int, int]]]]:
    """(raw offset, text, [(start, end, sentence_id) relative]) per paragraph, in order.

    `rows` are one article's sentences as (paragraph key, start, end, text, sentence_id).
    """
    groups: dict = {}
    for k, s, e, t, sid in rows:
        groups.setdefault(k, []).append((int(s), int(e), str(t), int(sid)))
    out = []
    for sents in groups.values():
        sents.sort()
        base, top = sents[0][0], max(e for _, e, _, _ in sents)
        buf = [" "] * (top - base)
        for s, e, t, _ in sents:
            buf[s - base : e - base] = list(t[: e - s].ljust(e - s))
        out.append((base, "".join(buf), [(s - base, e - base, sid) for s, e, _, sid in sents]))
    out.sort(key=lambda p: p[0])
    return out


def _mask(text: str, spans: Iterable[QuoteSpan]) -> str:
    chars = list(text)
    for s in spans:
        chars[s.outer_start : s.outer_end] = P.MASK * (s.outer_end - s.outer_start)
    return "".join(chars)


def _article_quotes(article_id: str, frame: list[tuple], entities: _Mentions | None) -> list[tuple]:
    paras = _paragraphs(frame)
    found_spans = [quote_spans(text, sentence_starts=[s for s, _, _ in sents]) for _, text, sents in paras]
    quoted = [(base + s.start, base + s.end) for (base, _, _), spans in zip(paras, found_spans) for s in spans]
    resolver = _Resolver([(base, text) for base, text, _ in paras], entities, quoted)
    ordered: list[_Found] = []
    contexts: dict[int, _Context] = {}
    for pid, ((base, text, sents), spans) in enumerate(zip(paras, found_spans)):
        top = [s for s in spans if s.depth == 0]
        ctx = _Context(_mask(text, top), base, [(s, e) for s, e, _ in sents], pid, text)
        contexts[pid] = ctx
        if not top:
            continue
        level = _attribute(ctx, top)
        for f in level:
            _inherit(f, level, ordered, contexts.get(pid - 1))
            if f.inherited is None:
                _resolve(f, resolver, outer=None, previous=_last_attributed(ordered))
            if f.speaker:
                resolver.remember(f, base + f.span.start)
            ordered.append(f)
            ordered.extend(_nested(f, f.span, spans, text, base, pid, resolver))
    _continue_unclosed(ordered)
    return [_row(article_id, f, paras) for f in sorted(ordered, key=lambda f: f.ctx.offset + f.span.start)]


def _shift(span: QuoteSpan, by: int) -> QuoteSpan:
    return replace(
        span,
        start=span.start + by,
        end=span.end + by,
        open_mark=None if span.open_mark is None else span.open_mark + by,
        close_mark=None if span.close_mark is None else span.close_mark + by,
    )


def _nested(
    outer: _Found, outer_span: QuoteSpan, spans: list[QuoteSpan], text: str, base: int, pid: int, resolver: _Resolver
) -> list[_Found]:
    """Attribute the quotations directly inside `outer` (paragraph offsets), then theirs."""
    inner = [
        s for s in spans
        if s.depth == outer_span.depth + 1 and outer_span.start <= s.outer_start and s.outer_end <= outer_span.end
    ]
    if not inner:
        return []
    lo = outer_span.start
    shifted = [_shift(s, -lo) for s in inner]
    inside = text[lo : outer_span.end]
    ctx = _Context(_mask(inside, shifted), base + lo, [(0, len(inside))], pid, inside)
    out = []
    for s, f in zip(inner, _attribute(ctx, shifted)):
        f.parent = outer
        _resolve(f, resolver, outer=outer, previous=None)
        out.append(f)
        out.extend(_nested(f, s, spans, text, base, pid, resolver))
    return out


def _last_attributed(ordered: list[_Found]) -> _Found | None:
    for f in reversed(ordered):
        if f.parent is None and f.attributed:
            return f
    return None


def _inherit(f: _Found, level: list[_Found], ordered: list[_Found], previous: _Context | None) -> None:
    """A whole-sentence quotation with no cue takes the speaker of the quotation it goes on.

    That is the previous quotation of its paragraph; or, for a quotation that opens its
    paragraph, the last quotation of the previous paragraph if it ended that paragraph, or
    the cue that ends the previous paragraph with a colon ("Putin told reporters:").
    """
    if f.attributed or not f.full:
        return
    same = [g for g in level if g.span.outer_end <= f.span.outer_start]
    if same:
        if same[-1].attributed and same[-1].kind == "direct":
            _copy_attribution(f, same[-1])
        return
    if f.ctx.text[: f.span.outer_start].strip(_PUNCT_SPACE) or previous is None:
        return
    tops = [g for g in ordered if g.parent is None and g.ctx.paragraph == f.ctx.paragraph - 1]
    if tops:
        g = tops[-1]
        ends_paragraph = g.ctx.sentence_of(g.span.outer_end - 1) == (g.ctx.sentences[-1] if g.ctx.sentences else None)
        if g.attributed and g.kind == "direct" and ends_paragraph:
            _copy_attribution(f, g)
        return
    if previous.text.rstrip().endswith(":"):
        lo, _ = previous.sentence_of(len(previous.text.rstrip()) - 1)
        for c in reversed([c for c in previous.cues() if c.start >= lo]):
            m = _cue_speaker(previous, c)
            if m is not None and m.kind != "pronoun" or m is not None and m.name in P.PERSONAL_PRONOUNS:
                delta = previous.offset - f.ctx.offset
                f.cue = replace(c, start=c.start + delta, end=c.end + delta)
                f.mention = replace(m, start=m.start + delta, end=m.end + delta, head=m.head + delta)
                return


def _copy_attribution(f: _Found, source: _Found) -> None:
    delta = source.ctx.offset - f.ctx.offset
    f.cue = replace(source.cue, start=source.cue.start + delta, end=source.cue.end + delta) if source.cue else None
    m = source.mention
    f.mention = replace(m, start=m.start + delta, end=m.end + delta, head=m.head + delta)
    f.inherited = source
    f.speaker, f.speaker_id, f.gender, f.is_person = source.speaker, source.speaker_id, source.gender, source.is_person


def _continue_unclosed(ordered: list[_Found]) -> None:
    """An unclosed quotation running to its paragraph's end takes the next paragraph's speaker."""
    tops = [f for f in ordered if f.parent is None]
    for f, g in zip(tops, tops[1:]):
        if f.attributed or f.span.close_mark is not None:
            continue
        if g.ctx.paragraph == f.ctx.paragraph + 1 and g.attributed and not g.ctx.text[: g.span.outer_start].strip():
            _copy_attribution(f, g)


def _row(article_id: str, f: _Found, paras) -> tuple:
    off = f.ctx.offset
    base, text, sents = paras[f.ctx.paragraph]
    start, end = off + f.span.start, off + f.span.end
    sid = next((i for s, e, i in sents if base + s <= start < base + e), None)
    if sid is None:
        sid = max((i for s, e, i in sents if base + s <= start), default=sents[0][2])
    kind = f.kind
    m = f.mention if kind != "scare" else None
    c = f.cue if kind != "scare" else None
    return (
        article_id,  # QUOTE_COLUMNS order
        sid,
        start,
        end,
        text[start - base : end - base],
        f.speaker if kind != "scare" else "",
        f.speaker_id if kind != "scare" else "",
        c.text if c is not None else "",
        kind,
        m.text if m is not None else "",
        off + m.start if m is not None else None,
        off + m.end if m is not None else None,
        off + c.start if c is not None else None,
        off + c.end if c is not None else None,
        f.parent is not None,
        f.span.balanced,
    )


__all__ = ["QUOTE_COLUMNS", "QuoteSpan", "quote_spans", "quotes"]

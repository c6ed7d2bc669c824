"""Who a cue names: the name, pronoun or noun phrase next to a cue verb.

The speaker of a cue is the noun phrase just before it (names, pronouns, "a senior
Kazakh official", "the declaration", "the head of the MEA"), over a time adverbial ("Xi on
Monday said"); an appositive's head ("Harsh V. Pant, a professor ..., said"); the phrase
after it when inverted ("said Alexander Gabuev", "according to Chinese state media",
"heard from the Uzbek president"); the object of a quoting verb ("state media quoted
Xi as saying"); or, for participles ("saying") and verbs joined by "and" ("... and said"),
the subject of the clause, a dateline before it left out ("ISLAMABAD: ..."). "the
headline of one report" names "one report", marked ``container``: a headline is nobody's
speech. A naming verb names its subject when a name or he/she uses it ("Xi called the SCO
“a family”"), never after ``what`` ("what it terms “splittism”": a term).

`subject_of` reads the subject that opens a clause (after an opening phrase and its
comma), for the quotations no cue attributes and for the people pronouns stand for.
Everything here reads context offsets (see ``context.Context``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..patterns import quotes as P
from .context import Context, Cue, skippable


@dataclass(frozen=True, slots=True)
class Mention:
    """Who a cue names, in context offsets: a name, a pronoun or a noun phrase."""

    start: int
    end: int
    text: str  # as written ("Ms. Fallon", "he", "a senior Kazakh official")
    kind: str  # "name" | "pronoun" | "np"
    name: str  # name without titles, pronoun lower-cased, or the phrase
    head: int  # offset of the head word (entities must overlap it)
    gender: str = ""
    head_word: str = ""  # head noun of a noun phrase ("report")
    container: bool = False  # named through what holds its words ("the headline of one report")


def cue_speaker(ctx: Context, cue: Cue) -> Mention | None:
    """Return the speaker `cue` introduces, or None."""
    lo, hi = ctx.sentence_of(cue.start)
    if cue.kind in ("according", "quoting"):
        return _np_right(ctx, cue.end, hi, terminal=False)
    before = ctx.text[lo : cue.start].rstrip()
    if cue.kind == "naming":
        m = _left_speaker(ctx, cue, lo)
        if m is None:
            return None
        k = ctx.token_before(m.start)
        if k is not None and ctx.tokens[k].low in ("what", "so"):
            return None  # "what it terms": a term, not speech
        personal = m.kind == "name" or m.kind == "pronoun" and m.name in P.PERSONAL_PRONOUNS | {"they"} or (
            m.kind == "np" and m.head_word.removesuffix("s") in P.PERSON_HEADS)
        return m if personal else None
    if before.rstrip(P.INVERSION_GLUE).endswith(P.MASK):  # "“...,” said X", "“...,” - said X"
        m = _np_right(ctx, cue.end, hi, terminal=False)
        if m is not None:
            return m
    if before.endswith(","):
        m = _appositive_speaker(ctx, cue, lo) or _np_right(ctx, cue.end, hi, terminal=True)
    else:
        m = _left_speaker(ctx, cue, lo)
    if m is None and cue.participle:
        k = ctx.token_before(cue.start)
        if k is not None and ctx.tokens[k].low == "as":  # "state media quoted Xi as saying": the quoting verb's object
            quoting = [c for c in ctx.cues if c.kind == "quoting" and lo <= c.start < cue.start]
            if quoting:
                return _np_right(ctx, quoting[-1].end, hi, terminal=False)
    if m is None and (cue.participle or _coordinated(ctx, cue, lo)):
        m = clause_subject(ctx, lo, cue.start)
    return m


def _coordinated(ctx: Context, cue: Cue, lo: int) -> bool:
    """True for a cue joined to an earlier verb of its clause by "and"/"but" ("... and said")."""
    i = ctx.token_before(cue.start)
    a, _ = ctx.tok_range(lo, cue.start)
    while i is not None and i >= a and ctx.tokens[i].word and skippable(ctx.tokens[i]) and not ctx.tokens[i].cap:
        i -= 1
    return i is not None and i > a and ctx.tokens[i].low in ("and", "but")


def nameish(ctx: Context, k: int) -> bool:
    """True when token k may be part of a proper name (capitalised, not a function word)."""
    t = ctx.tokens[k]
    if not t.word or not t.cap:
        return False
    if t.low in P.OPENERS and t.low not in P.TITLE_ABBREVIATIONS:
        return False
    if k == 0 or ctx.tokens[k - 1].text in ".!?" or t.start in ctx.starts:  # sentence-initial
        if opens_with_participle(ctx, k):
            return False  # "Speaking after the summit", "Viewed more broadly", "Meeting Lavrov in Minsk"
    return True


def opens_with_participle(ctx: Context, k: int) -> bool:
    """True when token k is a participle opening a phrase: before a preposition, a determiner or a name."""
    t = ctx.tokens[k]
    nxt = ctx.tokens[k + 1] if k + 1 < len(ctx.tokens) else None
    if nxt is None or not (t.low.endswith("ing") or t.low.endswith("ed")):
        return False
    if nxt.low in P.PARTICIPLE_FOLLOWERS:
        return True
    return t.low.endswith("ing") and nxt.word and nxt.cap and nxt.low not in P.OPENERS


def name_mention(ctx: Context, a: int, b: int) -> Mention:
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
    return Mention(toks[0].start, last.start + len(last.bare), text, "name", name, last.start, gender)


def run_right(ctx: Context, i: int, hi: int) -> int:
    """Index of the last token of the capitalised run starting at token i."""
    b = i
    while b + 1 < hi:
        t = ctx.tokens[b + 1]
        if ctx.tokens[b].poss or t.glued:
            break
        if nameish(ctx, b + 1):
            b += 1
        elif t.low in P.NAME_PARTICLES and b + 2 < hi and nameish(ctx, b + 2):
            b += 1
        else:
            break
    return b


def _run_left(ctx: Context, i: int, lo: int) -> int | None:
    """Index of the first token of the capitalised run ending at token i, or None."""
    if not nameish(ctx, i):
        return None
    a = i
    while a - 1 >= lo:
        if ctx.tokens[a].glued:
            break
        t = ctx.tokens[a - 1]
        if t.poss:
            break
        if nameish(ctx, a - 1):
            a -= 1
        elif t.low in P.NAME_PARTICLES and a - 2 >= lo and nameish(ctx, a - 2):
            a -= 1
        else:
            break
    return a


def np_left(ctx: Context, i: int, lo: int) -> Mention | None:
    """Mention for the name or noun phrase ending at token i (looking left), or None."""
    t = ctx.tokens[i]
    if not t.word:
        return None
    if t.bare.lower() in P.PRONOUNS:  # "he", and "He’s" (he is)
        b = t.bare
        return Mention(t.start, t.start + len(b), b, "pronoun", b.lower(), t.start, P.PRONOUNS[b.lower()])
    if t.cap and nameish(ctx, i):
        a = _run_left(ctx, i, lo)
        if a is None:
            return None
        if t.low in P.SOURCE_HEADS:  # an institution: "India’s External Affairs Ministry"
            return _extend_np(ctx, a, i, lo)
        for gap in (1, 2):  # "officials in Beijing", "the head of the MEA"
            p = a - gap
            if p - 1 >= lo and ctx.tokens[p].low in P.NP_PREPOSITIONS and (
                gap == 1 or ctx.tokens[a - 1].low in ("the", "a", "an")
            ):
                inner = np_left(ctx, p - 1, lo)
                if inner is not None and inner.kind == "np":
                    return _phrase(ctx, ctx.token_at(inner.start), i, ctx.token_at(inner.head))
        return name_mention(ctx, a, i)
    if t.low in P.HEAD_OF_WHAT and i - 2 >= lo and ctx.tokens[i - 1].low == "of" and ctx.tokens[i - 2].low == "head":
        inner = np_left(ctx, i - 2, lo)  # "the head of state"
        if inner is not None:
            return _phrase(ctx, ctx.token_at(inner.start), i, ctx.token_at(inner.head))
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


def _extend_np(ctx: Context, a: int, i: int, lo: int) -> Mention:
    """Noun phrase a..i, grown left over a possessive and up to two source prepositions."""
    if a - 1 >= lo and ctx.tokens[a - 1].poss and ctx.tokens[a - 1].cap:
        a -= 1
    for _ in range(2):
        if a - 2 >= lo and ctx.tokens[a - 1].low in P.NP_PREPOSITIONS:
            inner = np_left(ctx, a - 2, lo)
            if inner is not None and inner.kind == "np":
                a = ctx.token_at(inner.start)
                continue
        break
    start, end = ctx.tokens[a].start, ctx.tokens[i].end
    return Mention(start, end, ctx.text[start:end], "np", ctx.text[start:end], ctx.tokens[i].start,
                   head_word=ctx.tokens[i].low)


def _np_right(ctx: Context, pos: int, hi: int, *, terminal: bool) -> Mention | None:
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
        return Mention(t.start, t.end, t.text, "pronoun", t.low, t.start, P.PRONOUNS[t.low])
    if t.low in P.OBJECT_PRONOUNS and ends:  # "according to him, ..."
        low = P.OBJECT_PRONOUNS[t.low]
        return Mention(t.start, t.end, t.text, "pronoun", low, t.start, P.PRONOUNS[low])
    if t.low in P.ELLIPTIC and ends:
        return Mention(t.start, t.end, t.text, "np", t.text, t.start, head_word="")
    if t.cap and nameish(ctx, a) and not t.poss:
        k = run_right(ctx, a, b)
        nxt = ctx.tokens[k + 1] if k + 1 < b else None
        if nxt is None or not nxt.word or nxt.low in P.OPENERS:
            if terminal and nxt is not None and nxt.word:
                return None
            if ctx.tokens[k].low in P.SOURCE_HEADS:
                return _phrase(ctx, a, k, None)
            return name_mention(ctx, a, k)
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
            return replace(inner, container=True)
    if head_low not in P.SOURCE_HEADS and head_low not in P.CONTAINER_HEADS:
        return None
    end = head
    if k + 1 < b and ctx.tokens[k].low in ("of", "for", "at", "from"):
        inner = _np_right(ctx, ctx.tokens[k + 1].start, hi, terminal=False)
        if inner is not None and inner.kind in ("np", "name"):
            end = next(j for j in range(k + 1, b) if ctx.tokens[j].end >= inner.end)
    return _phrase(ctx, a, end, head)


def _phrase(ctx: Context, a: int, b: int, head: int | None) -> Mention:
    h = ctx.tokens[head if head is not None else b]
    start, end = ctx.tokens[a].start, ctx.tokens[b].end
    return Mention(start, end, ctx.text[start:end], "np", ctx.text[start:end], h.start, head_word=h.low)


def _left_speaker(ctx: Context, cue: Cue, lo: int) -> Mention | None:
    a, _ = ctx.tok_range(lo, cue.start)
    i = ctx.token_before(cue.start)
    if i is None or i < a:
        return None
    while True:
        while i >= a and ctx.tokens[i].word and skippable(ctx.tokens[i]) and not ctx.tokens[i].cap:
            i -= 1
        j = _before_time(ctx, i, a)
        if j == i:
            break
        i = j
    if i < a:
        return None
    t = ctx.tokens[i]
    if t.low == "who" and i - 2 >= a and ctx.tokens[i - 1].text == ",":
        return np_left(ctx, i - 2, a)
    if t.text == ",":  # "Mirziyoyev, who hosts the meeting, has promised", "Lavrov, for his part, called"
        return _before_parenthetical(ctx, i, a)
    return np_left(ctx, i, a)


def _before_parenthetical(ctx: Context, close: int, a: int) -> Mention | None:
    """The name or phrase before the comma that opens the parenthetical closed at token `close`."""
    for k in range(close - 1, max(a, close - 14) - 1, -1):
        if ctx.tokens[k].text == ",":
            if k - 1 < a:
                return None
            m = np_left(ctx, k - 1, a)
            return m if m is not None and m.kind != "pronoun" else None
    return None


def _before_time(ctx: Context, i: int, a: int) -> int:
    """Index of the token before the time adverbial ending at token i ("on Monday"), else i."""
    j = i
    seen = False
    while j >= a and (ctx.tokens[j].low in P.TIME_WORDS or ctx.tokens[j].text.isdigit()
                      or ctx.tokens[j].low in ("this", "last", "next", "earlier", "early", "late", "later")):
        seen = seen or ctx.tokens[j].low in P.TIME_WORDS
        j -= 1
    if not seen:
        return i
    if j >= a and ctx.tokens[j].low in P.TIME_OPENERS:
        j -= 1
    return j


def _appositive_speaker(ctx: Context, cue: Cue, lo: int) -> Mention | None:
    """Speaker of "NAME, an appositive, said": the phrase before the appositive's comma."""
    a, b = ctx.tok_range(lo, cue.start)
    commas = [k for k in range(a, b) if ctx.tokens[k].text == ","][::-1][:5]
    for k in commas:
        if k + 1 >= b or k - 1 < a:
            continue
        opener = ctx.tokens[k + 1]
        if opener.low in P.APPOSITIVE_OPENERS and not opener.cap or opener.low in ("who", "which"):
            m = np_left(ctx, k - 1, a)
            if m is not None and m.kind != "pronoun":
                return m
    k = ctx.token_before(cue.start)
    return _before_parenthetical(ctx, k, a) if k is not None and ctx.tokens[k].text == "," else None


def clause_subject(ctx: Context, lo: int, limit: int) -> Mention | None:
    """The subject of the clause that runs from `lo` to `limit` (for participles, "it")."""
    lo = after_dateline(ctx, lo, limit)
    a, b = ctx.tok_range(lo, limit)
    if a + 1 < b and _adverb(ctx.tokens[a]) and ctx.tokens[a + 1].text == ",":  # "Elsewhere, ..."
        a += 2
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


def _candidate(ctx: Context, k: int, b: int, lo: int) -> Mention | None:
    if k >= b:
        return None
    t = ctx.tokens[k]
    if not t.word:
        return None
    if t.low in P.PRONOUNS and t.low not in P.FIRST_PERSON:
        return Mention(t.start, t.end, t.text, "pronoun", t.low, t.start, P.PRONOUNS[t.low])
    if t.cap and not t.poss and nameish(ctx, k):
        end = run_right(ctx, k, b)
        if ctx.tokens[end].poss:
            return None
        if ctx.tokens[end].low in P.SOURCE_HEADS:
            return _phrase(ctx, k, end, None)
        return name_mention(ctx, k, end)
    if not t.cap and t.low in P.SOURCE_HEADS:
        return np_left(ctx, k, lo)
    return None


def after_dateline(ctx: Context, lo: int, limit: int) -> int:
    """`lo`, moved past a dateline that opens the sentence there ("ISLAMABAD: ", "MINSK, June 14. /BELTA/. ")."""
    m = P.DATELINE.match(ctx.text, lo, limit)
    return m.end() if m is not None else lo


def subject_of(ctx: Context, lo: int, limit: int) -> Mention | None:
    """The subject that opens the clause at `lo` (before `limit`): a name, a pronoun or a source phrase.

    A dateline is left out; a clause opening with a preposition, an adverb or a participle
    ("During the talks, Mirziyoyev ...", "Separately, ...") has its subject after the
    first comma. None when the clause opens with something else (a quotation, "The meeting").
    """
    lo = after_dateline(ctx, lo, limit)
    a, b = ctx.tok_range(lo, limit)
    k = a
    while k < b and not ctx.tokens[k].word and ctx.tokens[k].text != P.MASK[0] and P.MASK not in ctx.tokens[k].text:
        k += 1
    if k >= b or not ctx.tokens[k].word:
        return None
    t = ctx.tokens[k]
    if t.low not in P.PRONOUNS and t.low not in P.DETERMINERS and (
        t.low in P.OPENERS
        or (k + 1 < b and ctx.tokens[k + 1].text == "," and _adverb(t))
        or opens_with_participle(ctx, k)
    ):
        comma = next((j for j in range(k, b) if ctx.tokens[j].text == ","), None)
        if comma is None:
            return None
        k = comma + 1
        if k >= b or not ctx.tokens[k].word:
            return None
    return _np_at(ctx, k, b)


def _adverb(t) -> bool:
    """True for a sentence adverb that a comma follows ("Elsewhere,", "Separately,"), not a name."""
    return t.word and (t.low in P.SENTENCE_ADVERBS or t.low in P.OPENERS or t.low.endswith("ly"))


def _np_at(ctx: Context, k: int, b: int) -> Mention | None:
    """The name, pronoun or source phrase that starts at token k (before token b), or None."""
    toks = ctx.tokens
    t = toks[k]
    if t.low in P.PRONOUNS:
        if t.low in P.FIRST_PERSON:
            return None
        return Mention(t.start, t.end, t.text, "pronoun", t.low, t.start, P.PRONOUNS[t.low])
    start = k
    if t.low in P.DETERMINERS:
        k += 1
    while k < b and toks[k].word and toks[k].cap and toks[k].poss:  # "Belarus's Belta agency ..."
        k += 1
    if k >= b or not toks[k].word:
        return None
    if toks[k].cap and nameish(ctx, k):
        end = run_right(ctx, k, b)
        if toks[end].poss:  # "Prime Minister Sharif’s remarks": the possessor is not the subject
            head = _head_after(ctx, end + 1, b)
            return _phrase(ctx, start, head, head) if head is not None else None
        head = _head_after(ctx, end + 1, b)
        if head is not None:  # "the Kremlin official", "Chinese state media"
            return _titled_name(ctx, k, head, b) or _phrase(ctx, start, head, head)
        if toks[end].low in P.SOURCE_HEADS or start != k:
            return _phrase(ctx, start, end, end)
        return name_mention(ctx, k, end)
    head = _head_after(ctx, k, b)
    if head is None:
        return None
    return _titled_name(ctx, k, head, b) or _phrase(ctx, start, head, head)


def _titled_name(ctx: Context, k: int, head: int, b: int) -> Mention | None:
    """The name after a lower-case title ("Foreign Ministry spokeswoman Maria Zakharova", "deputy premier Ding ..."), or None."""
    if head + 1 < b and ctx.tokens[head + 1].cap and nameish(ctx, head + 1) and not ctx.tokens[head].poss:
        end = run_right(ctx, head + 1, b)
        m = name_mention(ctx, head + 1, end)
        return Mention(m.start, m.end, m.text, "name", m.name, m.head, m.gender)
    return None


def _head_after(ctx: Context, k: int, b: int) -> int | None:
    """Index of the source head among the (up to four) lower-case words from token k, or None."""
    head = None
    for j in range(k, min(b, k + 4)):
        t = ctx.tokens[j]
        if not t.word or t.cap or t.low in P.OPENERS:
            break
        if t.low in P.SOURCE_HEADS:
            head = j
        elif head is not None:
            break
    return head

"""Attribution: the cue and speaker of each quotation, and whether it is a whole statement.

For each quotation, in order: a cue right after the closing mark ("“...,” Gabuev said",
"“...,” said Niva Yau, a fellow ..."); a cue right before the opening mark with ``:``
or ``,`` ("Putin said: “...”"); the nearest cue before the quotation in its sentence
("Putin said that ... “...”"); the nearest after it ("... “core value” lies ..., he
added"). A headline's "Putin: “...”" names Putin with no cue.

With no cue, a quotation inside the reporter's sentence belongs to the document or the
person the sentence has taking a stance (``patterns.quotes.STANCE_WORDS`` between them):
the nearest document before it ("a joint declaration containing a call for “...”"), else
the clause's subject ("Lukashenko expressed ... “economic blackmail”", "Wang held to the
line that ... “quiet diplomacy”"); `resolution` keeps it only for a person or a document.

Kinds: ``direct`` is an attributed quotation that is a whole statement (it starts its
sentence or follows "cue:" / "cue,", and nothing but its attribution follows it, or it
ends in its own comma or period before words that hold no cue: an attribution cut off);
``partial`` an attributed quotation inside the reporter's sentence; ``scare`` a
quotation with no speaker that is not a whole statement. A whole-sentence quotation
nobody is named for is ``direct``. Terms are ``scare`` whatever cue is near: a quotation
inside the reporter's sentence that a naming word introduces ("what it terms", "so-called",
"under the slogan", "titled"), that modifies the noun after it ("an “all-weather”
partnership"), or that is written as a title ("the “House of Friendship”"); and so is
a headline ("“...,” trumpeted the headline of one report", "declared another", a quotation
in title case from a report or newspaper).

Split quotations: a whole-sentence quotation with no cue of its own takes the speaker of
the previous quotation of its paragraph ("“A,” he said. “B.”"), or of the last quotation
of the previous paragraph when it opens its own paragraph, or of a cue ending the
previous paragraph with a colon, or of the reporting cue of the previous paragraph's last
sentence when it names a person ("Putin told Xi that ..." then “...”); unclosed quotations
running to the ends of their paragraphs take the speaker of the quotation that opens the
next paragraph, over any number of paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..patterns import quotes as P
from .context import Context, Cue
from .marks import QuoteSpan
from .speakers import Mention, cue_speaker, np_left, subject_of

_GLUE = frozenset(P.ATTRIBUTION_GLUE)
_PUNCT_SPACE = " \t,.;:!?\u2013\u2014-()[]"


@dataclass
class Found:
    """One quotation with what attribution found for it (context offsets) and its resolved speaker."""

    span: QuoteSpan
    ctx: Context
    cue: Cue | None = None
    mention: Mention | None = None
    full: bool = False  # a whole statement
    attached_post: bool = False  # its cue follows the closing mark
    inherited: "Found | None" = None  # the quotation it goes on
    speaker: str = ""
    speaker_id: str = ""
    gender: str = ""
    is_person: bool = False
    parent: "Found | None" = None  # the quotation it is nested in
    nobody: bool = False  # a term, a name or a headline: nobody's speech whatever names it

    @property
    def attributed(self) -> bool:
        """True when a speaker was named (resolved or not)."""
        return self.mention is not None

    @property
    def kind(self) -> str:
        """``direct``, ``partial`` or ``scare``."""
        if self.nobody:
            return "scare"
        if self.attributed:
            return "direct" if self.full else "partial"
        return "direct" if self.full else "scare"


def attribute(ctx: Context, spans: list[QuoteSpan]) -> list[Found]:
    """Return the cue, speaker and form of each quotation of one level of `ctx`."""
    found: list[Found] = []
    cues = ctx.cues
    speakers: dict[int, Mention | None] = {}

    def speaker(c: Cue) -> Mention | None:
        if c.start not in speakers:
            speakers[c.start] = cue_speaker(ctx, c)
        return speakers[c.start]

    for n, q in enumerate(spans):
        f = Found(q, ctx)
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
            if _next_sentence(ctx, q, c, m):
                break  # “...”. Tokayev also called for reform: the next sentence's own cue
            if m is not None and (not gap.strip(P.ATTRIBUTION_GLUE) or _only_titles(ctx, q.outer_end, m.start)
                                  or c.kind == "quoting"):  # "“...,” state media quoted Xi as saying"
                f.cue, f.mention, f.attached_post = c, m, True
            break
        # 1b. a name after a dash, ending the sentence: "“...” – Lukashenko"
        if f.mention is None:
            m = _dash_name(ctx, q.outer_end, min(hi, next_start))
            if m is not None:
                f.mention, f.attached_post = m, True
        # 2. a cue right before the opening mark, with ":" or ","
        head = ctx.text[prev_end : q.outer_start].rstrip()
        intro = False
        if head.endswith((":", ",")):
            pre = [c for c in cues if prev_end <= c.start and c.end <= q.outer_start]
            if pre:
                intro = True
                closed = ctx.plain[q.start : q.end].rstrip()[-1:] in ".!?"
                if (f.cue is None or closed and head.endswith(":")) and speaker(pre[-1]) is not None:
                    # "X said: “A.” He stressed ...": the colon's cue, not the next sentence's
                    f.cue, f.mention, f.attached_post = pre[-1], speaker(pre[-1]), False
            elif f.cue is None and head.endswith(":"):  # "Putin: “...”", "Mirziyoyev to Lukashenko: “...”"
                a, b = ctx.tok_range(prev_end, q.outer_start)
                if b - 2 >= a:
                    m = np_left(ctx, b - 2, a)
                    if m is not None and m.kind == "name":
                        k = ctx.token_at(m.start)
                        if k - 2 >= a and ctx.tokens[k - 1].low == "to":  # the first name speaks to the second
                            m = np_left(ctx, k - 2, a)
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
        ends = not tail.strip(_PUNCT_SPACE) or f.attached_post or (
            f.cue is None and _statement(ctx, q) and not any(q.outer_end <= c.start < hi for c in cues)
        )
        f.full = bool(starts and ends)
        if not f.full and _term(ctx, q, attributed=f.mention is not None):
            f.nobody = True
        elif f.mention is not None and (f.mention.container or _headline(ctx, q, f.mention)):
            f.nobody = True
        elif f.mention is None and not f.full:
            stance = stance_speaker(ctx, q, lo)
            if stance is not None:
                f.cue, f.mention = stance
        found.append(f)
    return found


def _statement(ctx: Context, q: QuoteSpan) -> bool:
    """True for a quotation that is a sentence of its own: a capital first and its own , . ! ? last."""
    inside = ctx.plain[q.start : q.end]
    return len(inside.split()) >= 4 and inside[:1].isupper() and inside.rstrip()[-1:] in ",.!?"


def _term(ctx: Context, q: QuoteSpan, *, attributed: bool) -> bool:
    """True for a quotation that names or labels rather than reports words (see the module docstring).

    A single lower-case word before a noun (not a hyphenated compound) is a modifier only
    when no cue attributes it: the bloc is a “solid” partner, the minister said.
    """
    if P.TERM_BEFORE.search(ctx.text[max(0, q.outer_start - 80) : q.outer_start]):
        return True
    after = ctx.text[q.outer_end : q.outer_end + 40]
    if after[:1].isalpha() and after[:1].islower():
        return True  # glued to the noun it modifies: "“B3”grouping"
    m = P.NEXT_WORD.match(after)
    k = ctx.token_before(q.outer_start)
    before = ctx.tokens[k] if k is not None else None
    inside = ctx.plain[q.start : q.end]
    single = len(inside.split()) == 1 and inside.islower() and "-" not in inside  # "all-weather" is a compound
    if m is not None and before is not None and (before.low in P.PREMODIFIER_BEFORE or before.text.isdigit()) and not (
        single and attributed
    ):
        w = m.group(1)
        if w not in P.OPENERS and w not in P.NOT_NOUNS and w not in P.SPEECH_VERBS and not w.endswith("ly"):
            return True
    return _title_case(ctx.plain[q.start : q.end])


def _title_case(words_text: str) -> bool:
    """True for words written as a title: two or more, every one but the small words capitalised."""
    words = [w for w in P.TITLE_WORD.findall(words_text) if w.lower() not in P.TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _headline(ctx: Context, q: QuoteSpan, m: Mention) -> bool:
    """True for a title-case quotation attributed to a report, a newspaper or an outlet."""
    return m.kind == "np" and m.head_word in P.MEDIA_HEADS and _title_case(ctx.plain[q.start : q.end])


def stance_speaker(ctx: Context, q: QuoteSpan, lo: int) -> tuple[Cue, Mention] | None:
    """The document or subject whose stance a cue-less quotation reports, with the stance word as cue."""
    a, b = ctx.tok_range(lo, q.outer_start)
    toks = ctx.tokens
    for k in range(b - 1, a - 1, -1):  # the nearest document before it
        if toks[k].low in P.DOCUMENT_HEADS:
            word = _stance_word(ctx, k + 1, b)
            if word is not None:
                m = np_left(ctx, k, a)
                if m is not None:
                    return word, m
            break
    m = subject_of(ctx, lo, q.outer_start)
    if m is None:
        return None
    word = _stance_word(ctx, ctx.token_at(m.end - 1) + 1, b)
    return (word, m) if word is not None else None


def _stance_word(ctx: Context, k: int, b: int) -> Cue | None:
    for j in range(k, b):
        t = ctx.tokens[j]
        if t.low in P.STANCE_WORDS:
            return Cue(t.start, t.end, t.low, "stance")
    return None


def _dash_name(ctx: Context, lo: int, hi: int) -> Mention | None:
    """The name that a dash puts after a quotation, alone to the end of its sentence, or None."""
    a, b = ctx.tok_range(lo, hi)
    while a < b and ctx.tokens[a].text == ",":
        a += 1
    if a + 1 >= b or ctx.tokens[a].text not in P.DASHES:
        return None
    end = b
    while end > a + 1 and not ctx.tokens[end - 1].word:
        end -= 1
    if end <= a + 1 or not ctx.tokens[a + 1].cap:
        return None
    m = np_left(ctx, end - 1, a + 1)
    return m if m is not None and m.kind == "name" and ctx.token_at(m.start) == a + 1 else None


def _next_sentence(ctx: Context, q: QuoteSpan, c: Cue, m: Mention | None) -> bool:
    """True when cue `c` after quotation `q` is across a sentence end and reports something else:
    a phrasal or naming cue, a quotation of its own or more than a few words after it
    ("”. Tokayev also called for reform.")."""
    upto = m.start if m is not None and m.start > q.outer_end else c.start
    if not P.SENTENCE_BREAK.search(ctx.text[q.outer_end : upto + 1]):
        return False
    _, hi = ctx.sentence_of(c.start)
    rest = ctx.text[c.end : hi]
    return " " in c.text or c.kind == "naming" or P.MASK in rest or len(rest.split()) > 4


def _only_titles(ctx: Context, lo: int, hi: int) -> bool:
    """True when [lo, hi) holds only glue, capitalised words and role words (a speaker's titles)."""
    if hi < lo:
        return False
    a, b = ctx.tok_range(lo, hi)
    return all(
        set(t.text) <= _GLUE or t.word and (t.cap or t.low in P.SOURCE_HEADS | P.TITLES | P.DETERMINERS)
        for t in ctx.tokens[a:b]
    )


def _continues(found: list[Found], f: Found) -> bool:
    """True when `f` goes on a split quotation: “A,” he said, “b.”"""
    return bool(found) and found[-1].attached_post and found[-1].cue is not None and found[-1].cue == f.cue


def inherit(f: Found, level: list[Found], ordered: list[Found], previous: Context | None) -> None:
    """Give a whole-sentence quotation with no cue the speaker of the quotation it goes on.

    That is the previous quotation of its paragraph (`level`); or, for a quotation that
    opens its paragraph, the last quotation of the previous paragraph (in `ordered`) if it
    ended that paragraph, or the cue that ends the previous paragraph (`previous`) with a
    colon ("Putin told reporters:").
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
    colon = previous.text.rstrip().endswith(":")
    if previous.text.strip():
        lo, _ = previous.sentence_of(len(previous.text.rstrip()) - 1)
        for c in reversed([c for c in previous.cues if c.start >= lo and c.kind != "naming"]):
            m = cue_speaker(previous, c)
            if m is None or m.container or not (colon or m.kind == "name" or m.name in P.PERSONAL_PRONOUNS):
                continue
            if m.kind != "pronoun" or m.name in P.PERSONAL_PRONOUNS:
                delta = previous.offset - f.ctx.offset
                f.cue = replace(c, start=c.start + delta, end=c.end + delta)
                f.mention = replace(m, start=m.start + delta, end=m.end + delta, head=m.head + delta)
                return


def _copy_attribution(f: Found, source: Found) -> None:
    delta = source.ctx.offset - f.ctx.offset
    f.cue = replace(source.cue, start=source.cue.start + delta, end=source.cue.end + delta) if source.cue else None
    m = source.mention
    f.mention = replace(m, start=m.start + delta, end=m.end + delta, head=m.head + delta)
    f.inherited = source
    f.speaker, f.speaker_id, f.gender, f.is_person = source.speaker, source.speaker_id, source.gender, source.is_person


def continue_unclosed(ordered: list[Found]) -> None:
    """Give an unclosed quotation running to its paragraph's end the next paragraph's speaker."""
    tops = [f for f in ordered if f.parent is None]
    for f, g in reversed(list(zip(tops, tops[1:]))):  # from the last, so a speaker goes back over paragraphs
        if f.attributed or f.span.close_mark is not None:
            continue
        if g.ctx.paragraph == f.ctx.paragraph + 1 and g.attributed and not g.ctx.text[: g.span.outer_start].strip():
            _copy_attribution(f, g)

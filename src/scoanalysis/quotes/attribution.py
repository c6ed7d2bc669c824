"""Attribution: the cue and speaker of each quotation, and whether it is a whole statement.

For each quotation, in order: a cue right after the closing mark ("“...,” Gabuev said",
"“...,” said Niva Yau, a fellow ..."); a cue right before the opening mark with ``:``
or ``,`` ("Putin said: “...”"); the nearest cue before the quotation in its sentence
("Putin said that ... “...”"); the nearest after it ("... “core value” lies ..., he
added"). A headline's "Putin: “...”" names Putin with no cue.

Kinds: ``direct`` is an attributed quotation that is a whole statement (it starts its
sentence or follows "cue:" / "cue,", and nothing but its attribution follows it);
``partial`` an attributed quotation inside the reporter's sentence; ``scare`` a
quotation with no speaker that is not a whole statement. A whole-sentence quotation
nobody is named for is ``direct``.

Split quotations: a whole-sentence quotation with no cue of its own takes the speaker of
the previous quotation of its paragraph ("“A,” he said. “B.”"), or of the last quotation
of the previous paragraph when it opens its own paragraph, or of a cue ending the
previous paragraph with a colon; an unclosed quotation running to the end of its
paragraph takes the speaker of the quotation that opens the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..patterns import quotes as P
from .context import Context, Cue
from .marks import QuoteSpan
from .speakers import Mention, cue_speaker, np_left

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

    @property
    def attributed(self) -> bool:
        """True when a speaker was named (resolved or not)."""
        return self.mention is not None

    @property
    def kind(self) -> str:
        """``direct``, ``partial`` or ``scare``."""
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
                    m = np_left(ctx, b - 2, a)
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
    if previous.text.rstrip().endswith(":"):
        lo, _ = previous.sentence_of(len(previous.text.rstrip()) - 1)
        for c in reversed([c for c in previous.cues if c.start >= lo]):
            m = cue_speaker(previous, c)
            if m is not None and m.kind != "pronoun" or m is not None and m.name in P.PERSONAL_PRONOUNS:
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
    for f, g in zip(tops, tops[1:]):
        if f.attributed or f.span.close_mark is not None:
            continue
        if g.ctx.paragraph == f.ctx.paragraph + 1 and g.attributed and not g.ctx.text[: g.span.outer_start].strip():
            _copy_attribution(f, g)

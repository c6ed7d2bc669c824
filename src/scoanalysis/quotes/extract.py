"""The quotations of one article, from its sentences to its quote records.

Paragraphs are rebuilt from their sentences (sentences never cross a line break; the
gaps between them read as spaces). Each paragraph's top-level quotations are masked out
and attributed from the reporter's words around them; the quotations inside each one are
attributed from its words in turn. Speakers are then resolved in reading order, so that
a pronoun can point back to the speaker of an earlier quotation.
"""

from __future__ import annotations

from .attribution import Found, attribute, continue_unclosed, inherit
from .context import Context
from .marks import QuoteSpan, mask, quote_spans, shift
from .records import Quote
from .resolution import EntityMentions, Resolver, resolve

#: (raw offset, text, [(start, end, sentence_id) relative to the paragraph]) of one paragraph.
Paragraph = tuple[int, str, list[tuple[int, int, int]]]


def article_records(article_id: str, sentences: list[tuple], entities: EntityMentions | None) -> list[Quote]:
    """Return the quotations of one article, ordered by their start.

    Parameters
    ----------
    article_id
        The article's id, written into each record.
    sentences
        The article's sentences as (paragraph key, start, end, text, sentence_id) tuples.
    entities
        The article's entity mentions, or None (speakers are then named from the text).
    """
    paras = _paragraphs(sentences)
    found_spans = [quote_spans(text, sentence_starts=[s for s, _, _ in sents]) for _, text, sents in paras]
    quoted = [(base + s.start, base + s.end) for (base, _, _), spans in zip(paras, found_spans) for s in spans]
    resolver = Resolver([(base, text) for base, text, _ in paras], entities, quoted)
    ordered: list[Found] = []
    contexts: dict[int, Context] = resolver.contexts  # filled paragraph by paragraph, read for pronouns
    for pid, ((base, text, sents), spans) in enumerate(zip(paras, found_spans)):
        top = [s for s in spans if s.depth == 0]
        ctx = Context(mask(text, top), base, [(s, e) for s, e, _ in sents], pid, text)
        contexts[pid] = ctx
        if not top:
            continue
        level = attribute(ctx, top)
        for f in level:
            inherit(f, level, ordered, contexts.get(pid - 1))
            if f.inherited is None:
                resolve(f, resolver, outer=None, previous=_last_attributed(ordered))
            if f.speaker:
                resolver.remember(f, base + f.span.start)
            ordered.append(f)
            ordered.extend(_nested(f, f.span, spans, text, base, pid, resolver))
    continue_unclosed(ordered)
    return [_record(article_id, f, paras) for f in sorted(ordered, key=lambda f: f.ctx.offset + f.span.start)]


def _paragraphs(rows: list[tuple]) -> list[Paragraph]:
    """The article's paragraphs in text order, each rebuilt from its sentences."""
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


def _nested(
    outer: Found, outer_span: QuoteSpan, spans: list[QuoteSpan], text: str, base: int, pid: int, resolver: Resolver
) -> list[Found]:
    """Attribute the quotations directly inside `outer` (paragraph offsets), then theirs."""
    inner = [
        s for s in spans
        if s.depth == outer_span.depth + 1 and outer_span.start <= s.outer_start and s.outer_end <= outer_span.end
    ]
    if not inner:
        return []
    lo = outer_span.start
    shifted = [shift(s, -lo) for s in inner]
    inside = text[lo : outer_span.end]
    ctx = Context(mask(inside, shifted), base + lo, [(0, len(inside))], pid, inside)
    out = []
    for s, f in zip(inner, attribute(ctx, shifted)):
        f.parent = outer
        resolve(f, resolver, outer=outer, previous=None)
        out.append(f)
        out.extend(_nested(f, s, spans, text, base, pid, resolver))
    return out


def _last_attributed(ordered: list[Found]) -> Found | None:
    for f in reversed(ordered):
        if f.parent is None and f.attributed:
            return f
    return None


def _record(article_id: str, f: Found, paras: list[Paragraph]) -> Quote:
    """The record of quotation `f`: raw offsets, and no speaker or cue for a scare quote."""
    off = f.ctx.offset
    base, text, sents = paras[f.ctx.paragraph]
    start, end = off + f.span.start, off + f.span.end
    sid = next((i for s, e, i in sents if base + s <= start < base + e), None)
    if sid is None:
        sid = max((i for s, e, i in sents if base + s <= start), default=sents[0][2])
    kind = f.kind
    m = f.mention if kind != "scare" else None
    c = f.cue if kind != "scare" else None
    return Quote(
        article_id=article_id,
        sentence_id=sid,
        start=start,
        end=end,
        quote=text[start - base : end - base],
        speaker=f.speaker if kind != "scare" else "",
        speaker_id=f.speaker_id if kind != "scare" else "",
        cue=c.text if c is not None else "",
        quote_kind=kind,
        speaker_text=m.text if m is not None else "",
        speaker_start=off + m.start if m is not None else None,
        speaker_end=off + m.end if m is not None else None,
        cue_start=off + c.start if c is not None else None,
        cue_end=off + c.end if c is not None else None,
        nested=f.parent is not None,
        balanced=f.span.balanced,
    )

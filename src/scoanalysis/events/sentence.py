"""The event mentions of one sentence: its triggers paired with its dates, summits snapped, umbrellas dropped.

* **Summits snap to the reference.** A summit mention whose days overlap one SCO
  summit of the reference table (and whose sentence names the SCO or the summit's
  city, or whose article is about that summit) takes the intersection with the
  summit's days ("this year's summit" -> 2024-07-03..04) and ``summit_ref``. A dated
  summit anchor ("at a 2022 SCO meeting") is also a mention of that summit.
* **Umbrellas.** Within a sentence, an event whose days contain those of another
  event of the same type ("two attacks this year, including ... in March, and ... in
  June") is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from ..patterns import events as P
from ..text import fold
from .context import ArticleContext
from .dates import date_units
from .describe import actors, describe, persons, status, summit_description
from .inputs import EntityRow, TimexRow, sentence_entities
from .pairing import can_inherit, pair
from .records import Carry, DateUnit, Sentence, TriggerHit
from .triggers import find_triggers


@dataclass(frozen=True, slots=True)
class _Reading:
    """One sentence as its mentions are read: the row, its raw and folded text, offset, id and entity mentions."""

    s: Sentence
    raw: str
    folded: str
    off: int
    sid: int
    ents: list[dict]


def sentence_mentions(s: Sentence, tx: list[TimexRow] | None, en: list[EntityRow] | None, *, ctx: ArticleContext,
                      carry: Carry | None) -> tuple[list[dict], Carry]:
    """Return the mention rows of sentence `s` (dicts of MENTION_COLUMNS) and what it leaves to the next sentence.

    `tx` and `en` are its timexes and entity mentions, `carry` what the sentence before
    left (None for an article's first sentence).
    """
    raw = str(s.text)
    folded = fold(raw)
    off = int(s.start)
    sid = int(s.sentence_id)
    para = int(s.paragraph_id) if not pd.isna(s.paragraph_id) else sid
    kind = str(s.kind) if isinstance(s.kind, str) else "body"
    ents = sentence_entities(en, off, folded)
    rd = _Reading(s, raw, folded, off, sid, ents)
    units, timex_units = date_units(folded, tx, off, ctx=ctx)
    trigs = find_triggers(folded, units, ents)
    pairs = pair(folded, trigs, units)
    inherited = False
    if not pairs and trigs and not timex_units and carry is not None and can_inherit(folded, trigs, carry, para):
        pairs = [(trigs[0], carry.unused[0])]
        inherited = True
    mentions: list[dict] = []
    for t, u in pairs:
        if u.contiguous:
            lo, hi = min(p[0] for p in u.parts), max(p[1] for p in u.parts)
            first, last = min(p[3] for p in u.parts), max(p[4] for p in u.parts)
            parts = [(lo, hi, _raw_slice(raw, u, off) if not inherited else u.text, first, last)]
        else:
            parts = list(u.parts)
        for lo, hi, text, ds, de in parts:
            mentions.append(_mention(rd, t, u, lo, hi, text, ds, de, ctx=ctx, carry=carry, inherited=inherited))
    mentions.extend(_anchor_summits(rd, units, mentions, ctx=ctx))
    mentions = _drop_umbrellas(mentions)
    used = {id(u) for _, u in pairs}
    # what dated nothing here, remembered where it is written and as written
    unused = tuple(replace(u, sentence_id=sid, text=raw[u.start:u.end]) for u in timex_units if id(u) not in used)
    # the next sentence reads `past` only when one date is left and it is in the past tense (can_inherit)
    past = len(unused) == 1 and unused[0].tense == "past" and not P.FUTURE.search(folded)
    left = Carry(
        paragraph_id=para, unused=() if inherited else unused, had_events=bool(mentions), past=past,
        actors=tuple(e["entity_id"] for e in ents if e["entity_type"] in ("person", "country")),
        people=tuple(e["entity_id"] for e in ents if e["entity_type"] == "person"), kind=kind,
    )
    return mentions, left


def _raw_slice(raw: str, u: DateUnit, off: int) -> str:
    """The date phrase of `u` as written: the anchor, or from its first part's start to its last part's end."""
    if u.source == "summit":
        return raw[u.start:u.end]
    a, b = min(p[3] for p in u.parts) - off, max(p[4] for p in u.parts) - off
    return raw[a:b]


def _mention(rd: _Reading, t: TriggerHit, u: DateUnit, lo: date, hi: date, date_text: str, ds: int, de: int, *,
             ctx: ArticleContext, carry: Carry | None, inherited: bool) -> dict:
    """The row of trigger `t` dated [lo, hi] by `u` (its phrase `date_text` at article offsets [ds, de))."""
    folded, off, sid = rd.folded, rd.off, rd.sid
    if inherited:
        lo_span, hi_span = t.start, t.end
        date_sid = u.sentence_id if u.sentence_id is not None else (int(sid) - 1)
    else:
        local_ds, local_de = ds - off, de - off
        lo_span, hi_span = min(t.start, local_ds), max(t.end, local_de)
        date_sid = sid
    who, places = actors(folded, rd.ents, t, lo_span, hi_span, carry=carry,
                         date_span=None if inherited else (u.start, u.end))
    summit_ref = ""
    if t.event_type == "summit":
        if u.source == "summit":
            summit_ref = u.summit_ref
        elif not t.other_summit:
            snapped = _snap(folded, rd.ents, lo, hi, ctx=ctx)
            if snapped:
                summit_ref, lo, hi = snapped
    if inherited:
        cut = None
    elif u.source == "summit":
        cut = (u.start, u.end) if u.end <= t.start else None
    else:
        cut = (u.start, u.end)
    description = summit_description(summit_ref, ctx) if summit_ref else describe(
        folded, rd.raw, t, lo_span, hi_span, cut, rd.ents, who)
    return {
        "article_id": ctx.article_id, "sentence_id": sid,
        "start": off + lo_span, "end": off + hi_span,
        "trigger": rd.raw[t.start:t.end], "trigger_key": t.key, "event_type": t.event_type,
        "earliest": pd.Timestamp(lo), "latest": pd.Timestamp(hi),
        "date_text": date_text if u.source != "summit" else rd.raw[u.start:u.end],
        "date_sentence_id": date_sid, "date_start": ds, "date_end": de,
        "date_source": "previous_sentence" if inherited else u.source,
        "actors": who, "persons": persons(who, rd.ents), "places": places, "description": description,
        "status": status(folded, t, u),
        "summit_id": ctx.summit_id or None, "summit_ref": summit_ref or None,
        "published": ctx.published, "relative_days": pd.NA,
    }


def _anchor_summits(rd: _Reading, units: list[DateUnit], mentions: list[dict], *, ctx: ArticleContext) -> list[dict]:
    """Mentions of the summits that dated anchors name ("at a 2022 SCO meeting" -> the 2022 summit)."""
    out = []
    have = {m["summit_ref"] for m in mentions if m["event_type"] == "summit"}
    for u in units:
        if u.source != "summit" or u.inner is None or u.summit_ref in have:
            continue
        lo, hi, text, ds, de = u.inner
        if lo > hi:
            continue
        t = TriggerHit(u.start, u.end, rd.folded[u.start:u.end], "summit", "anchor", True)
        who, places = actors(rd.folded, rd.ents, t, u.start, u.end, carry=None)
        out.append({
            "article_id": ctx.article_id, "sentence_id": rd.sid, "start": rd.off + u.start, "end": rd.off + u.end,
            "trigger": rd.raw[u.start:u.end], "trigger_key": "anchor", "event_type": "summit",
            "earliest": pd.Timestamp(lo), "latest": pd.Timestamp(hi), "date_text": text,
            "date_sentence_id": rd.sid, "date_start": ds, "date_end": de, "date_source": "timex",
            "actors": who, "persons": persons(who, rd.ents), "places": places,
            "description": summit_description(u.summit_ref, ctx),
            "status": status(rd.folded, t, u), "summit_id": ctx.summit_id or None, "summit_ref": u.summit_ref,
            "published": ctx.published, "relative_days": pd.NA,
        })
        have.add(u.summit_ref)
    return out


def _drop_umbrellas(mentions: list[dict]) -> list[dict]:
    """Leave out each mention whose days strictly contain those of another mention of its type and sentence."""
    keep = []
    for m in mentions:
        umbrella = any(
            o is not m and o["event_type"] == m["event_type"] and o["date_start"] != m["date_start"]
            and m["earliest"] <= o["earliest"] and o["latest"] <= m["latest"]
            and (m["earliest"], m["latest"]) != (o["earliest"], o["latest"])
            for o in mentions
        )
        if not umbrella:
            keep.append(m)
    return keep


def _snap(folded: str, ents: list[dict], lo: date, hi: date, *, ctx: ArticleContext) -> tuple[str, date, date] | None:
    """The reference summit a summit mention of days [lo, hi] is, and the days they share; None when it is none."""
    spans = ctx.summits.spans
    hits = [sid for sid, (a, b) in spans.items() if a <= hi and b >= lo]
    if len(hits) != 1:
        return None
    sid = hits[0]
    sco = any(e["entity_id"] == "sco" for e in ents) or bool(P.SCO_NAMED.search(folded))
    city = sid in ctx.summits.cities and bool(ctx.summits.cities[sid].search(folded))
    if not (sco or city or sid == ctx.summit_id):
        return None
    a, b = spans[sid]
    return sid, max(a, lo), min(b, hi)

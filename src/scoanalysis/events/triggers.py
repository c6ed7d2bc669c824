"""Triggers: the words of a sentence that say an event happened (patterns.events.TRIGGERS).

Where two lexicon matches overlap, the earlier entry wins, then the longer match; a
trigger inside a date phrase is none (but "summit" inside a summit anchor is). Then:

* negated triggers ("have not met", "no meeting") are dropped;
* a founding needs an organisation ("the grouping was founded");
* a summit preceded by another organisation's name ("the G7 summit") is marked
  ``other_summit`` and never snaps to an SCO summit;
* a meeting whose clause has the SCO's leaders as subject is a summit.

Each lexicon entry lists hints, one of which every match contains: on ASCII text,
only the entries with a hint in the sentence are run.
"""

from __future__ import annotations

from ..patterns import events as P
from .clauses import clause
from .records import DateUnit, TriggerHit

_ALL_RANKS = tuple(range(len(P.TRIGGERS)))


def find_triggers(folded: str, units: list[DateUnit], ents: list[dict]) -> list[TriggerHit]:
    """Return the triggers of a folded sentence, in order, given its date units and entity mentions."""
    found = []
    for rank in trigger_ranks(folded):
        entry = P.TRIGGERS[rank]
        for m in entry.pattern.finditer(folded):
            found.append((rank, m.start(), m.end(), entry))
    found.sort(key=lambda f: (f[0], -(f[2] - f[1]), f[1]))
    chosen: list[tuple[int, int, object]] = []
    for rank, a, b, entry in found:
        if any(not (b <= c[0] or a >= c[1]) for c in chosen):
            continue
        if any(not (b <= u.start or a >= u.end) for u in units if u.source != "summit" or entry.event_type != "summit"):
            continue  # inside a date phrase, or a non-summit word inside a summit anchor
        chosen.append((a, b, entry))
    out = []
    for a, b, entry in sorted(chosen, key=lambda c: c[0]):
        before = folded[:a]
        if P.NEGATION_BEFORE.search(before):
            continue
        other = entry.event_type == "summit" and bool(P.OTHER_SUMMIT.search(before[-40:]))
        if entry.event_type == "founding" and not _founds_organisation(folded, a, b, ents):
            continue
        noun = entry.noun or (bool(P.NOUN_BEFORE.search(before[-40:])) and not P.AUXILIARY.match(folded[a:b]))
        kind = entry.event_type
        if kind == "meeting" and P.SCO_LEADERS.search(folded[clause(folded, a, b)[0]:a]):
            kind = "summit"  # "Leaders of the SCO met in Bishkek": their meeting is the summit
        out.append(TriggerHit(a, b, folded[a:b], kind, entry.key, noun, other_summit=other))
    return out


def trigger_ranks(folded: str) -> tuple[int, ...] | list[int]:
    """Return the lexicon entries that can match `folded`, in lexicon order.

    Those with a hint in it; all of them for non-ASCII text, where case folding may
    match other letters.
    """
    if not folded.isascii():
        return _ALL_RANKS
    ranks = set(P.ALWAYS_RUN)
    for hint in P.HINT_FINDER.findall(folded.lower()):
        ranks.update(P.HINT_RANKS[hint])
    return sorted(ranks)


def _founds_organisation(folded: str, a: int, b: int, ents: list[dict]) -> bool:
    lo, hi = clause(folded, a, b)
    window = folded[max(0, lo - 10):min(len(folded), hi + 40)]
    if P.ORGANISATION_WORD.search(window):
        return True
    return any(e["entity_type"] == "organization" and lo - 10 <= e["start"] <= hi + 40 for e in ents)

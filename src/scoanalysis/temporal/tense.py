"""Tense of a sentence's clauses: clause bounds, tense cues (markers) and the tense governing a position."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..patterns import temporal as P


@dataclass(frozen=True, slots=True)
class Marker:
    """A tense cue: its position, tense (future, past, perfect, modal, present), strength (1 weak, 2 strong)."""

    pos: int
    tense: str
    strength: int
    word: str


def _clause_bounds(folded: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in P.CLAUSE_BREAK.finditer(folded):
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(len(folded))
    bounds = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        if b > a:
            bounds.append((a, b))
    return bounds or [(0, len(folded))]


def _clause_end(bound: tuple[int, int]) -> int:
    return bound[1]


def clause_of(bounds: list[tuple[int, int]], pos: int) -> int:
    """Return the index of the clause (of `bounds`) that holds position `pos`."""
    i = bisect.bisect_right(bounds, pos, key=_clause_end)
    return min(i, len(bounds) - 1)


def _markers(folded: str, bounds: list[tuple[int, int]]) -> list[Marker]:
    taken = bytearray(len(folded) + 1)
    out: list[Marker] = []

    def mark(m: re.Match, tense: str, strength: int, word: str) -> None:
        a, b = m.span()
        out.append(Marker(a, tense, strength, word))
        taken[a:b] = b"\x01" * (b - a)

    for m in P.FUTURE.finditer(folded):
        mark(m, "future", 2, m.group().lower())
    for m in P.MODAL_PERFECT.finditer(folded):
        if not taken[m.start()]:
            mark(m, "past", 1, m.group().lower())
    for m in P.MODAL.finditer(folded):
        if not taken[m.start()]:
            mark(m, "modal", 1, m.group().lower())
    for m in P.PERFECT.finditer(folded):
        verb = m.group("verb").lower()
        if taken[m.start()]:
            continue
        if verb in P.PARTICIPLE_IRREGULAR or (verb.endswith("ed") and verb not in P.NOT_PAST_ED) or verb.endswith("en"):
            mark(m, "perfect", 2, verb)
    for m in P.PAST_AUX.finditer(folded):
        if not taken[m.start()]:
            mark(m, "past", 2, m.group().lower())
    for m in P.PRESENT_AUX.finditer(folded):
        if not taken[m.start()]:
            mark(m, "present", 2, m.group().lower())
    for m in P.LOWER_WORD.finditer(folded):
        w = m.group()
        if taken[m.start()]:
            continue
        if w in P.PRESENT_VERBS:
            out.append(Marker(m.start(), "present", 1, w))
            continue
        if not (w in P.PAST_IRREGULAR or (w.endswith("ed") and len(w) > 4 and w not in P.NOT_PAST_ED)):
            continue
        before = folded[max(0, m.start() - 40):m.start()]
        near = before[-25:]
        if (P.AUX_BEFORE.search(before) or P.DETERMINER_BEFORE.search(near) or P.PREPOSITION_BEFORE.search(near)
                or near.endswith("-")):
            continue
        a, _ = bounds[clause_of(bounds, m.start())]
        initial = not folded[a:m.start()].strip(" '\"")
        out.append(Marker(m.start(), "past", 1 if initial else 2, w))
    return sorted(out, key=lambda k: k.pos)


def tense_at(pos: int, bounds: list[tuple[int, int]], markers: list[Marker], folded: str = "") -> tuple[str, bool]:
    """Return the tense governing position `pos` and whether it comes from its own clause.

    The nearest cue of the clause wins; a clause without one takes the nearest strong
    cue of the clauses before it, then after it. A clause opened by "since" without a
    verb ("since the invasion in 2022") is in the past.
    """
    ci = clause_of(bounds, pos)
    inside = [k for k in markers if clause_of(bounds, k.pos) == ci]
    chosen = None
    if inside:
        chosen = min(inside, key=lambda k: (abs(k.pos - pos) + (0 if k.pos <= pos else 0.5)))
    elif P.SINCE_BEFORE.search(folded[:bounds[ci][0]]):
        return "past", True
    else:
        for j in range(ci - 1, -1, -1):
            strong = [k for k in markers if clause_of(bounds, k.pos) == j and k.strength == 2]
            if strong:
                chosen = strong[-1]
                break
        if chosen is None:
            for j in range(ci + 1, len(bounds)):
                strong = [k for k in markers if clause_of(bounds, k.pos) == j and k.strength == 2]
                if strong:
                    chosen = strong[0]
                    break
    if chosen is None:
        return "none", False
    return {"perfect": "past"}.get(chosen.tense, chosen.tense), bool(inside)


@functools.lru_cache(maxsize=8192)
def clauses(folded: str) -> list[tuple[int, int]]:
    """Return the clause bounds of a sentence (cached; callers never change them)."""
    return _clause_bounds(folded)


@functools.lru_cache(maxsize=8192)
def tense_cues(folded: str) -> tuple[list[tuple[int, int]], list[Marker]]:
    """Return the clause bounds and tense markers of a sentence (cached; callers never change them)."""
    bounds = clauses(folded)
    return bounds, _markers(folded, bounds)

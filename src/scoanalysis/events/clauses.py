"""Clauses of a sentence: where the clause around a span starts and ends, and whether a subordinator opens it.

A clause runs from one break (patterns.events.CLAUSE_BREAK: a comma, a semicolon, a
dash, a long parenthesis, "while", "which", "but"...) to the next.
"""

from __future__ import annotations

import functools

from ..patterns import events as P


@functools.lru_cache(maxsize=256)
def clause_breaks(folded: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, text) of every clause break of a sentence, in order (read many times per sentence)."""
    return tuple((m.start(), m.end(), m.group()) for m in P.CLAUSE_BREAK.finditer(folded))


def clause(folded: str, a: int, b: int) -> tuple[int, int]:
    """Return the clause around [a, b): from the break before a to the break after b."""
    lo, hi = 0, len(folded)
    for start, end, _ in clause_breaks(folded):
        if end <= a:
            lo = end
        elif start >= b:
            hi = start
            break
    return lo, hi


def subordinate_clause(folded: str, pos: int) -> tuple[int, int] | None:
    """Return the clause around `pos` when a relative pronoun or subordinator opens it, else None."""
    opener = None
    for brk in clause_breaks(folded):
        if brk[1] > pos:
            break
        opener = brk
    if opener is None or not P.SUBORDINATOR.match(opener[2].strip()):
        return None
    return clause(folded, pos, pos + 1)

"""Sorted lookups for the speaker resolver: spans merged for bisection, running maxima."""

from __future__ import annotations


def first_of(span: tuple[int, int]) -> int:
    """The start of a span (a key for bisection)."""
    return span[0]


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of half-open spans as disjoint spans in ascending order (empty spans dropped)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def running_max(values: list[int]) -> list[int]:
    """Each value raised to the largest value before it (an ascending list for bisection)."""
    out, top = [], None
    for v in values:
        top = v if top is None or v > top else top
        out.append(top)
    return out

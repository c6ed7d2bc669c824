"""The sorted lookups the speaker resolver uses instead of scans."""

from __future__ import annotations

from scoanalysis.quotes.lookup import merged, running_max


def test_merged_spans_are_the_union_in_order():
    assert merged([(10, 20), (0, 5), (5, 7), (15, 30), (40, 40), (8, 9)]) == [(0, 7), (8, 9), (10, 30)]


def test_running_max_never_falls():
    assert running_max([3, 9, 4, 12, 1]) == [3, 9, 9, 12, 12]
    assert running_max([]) == []


def test_resolver_lookups_agree_with_scans_over_every_position():
    import random

    from scoanalysis.quotes.resolution import Resolver

    rng = random.Random(7)
    quoted = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 300) for _ in range(40))]
    paragraphs, off = [], 0
    for n in (12, 0, 40, 25, 60):
        paragraphs.append((off, "word " * (n // 5)))
        off += len(paragraphs[-1][1]) + rng.choice((0, 1, 3))
    resolver = Resolver(paragraphs, None, quoted)
    for pos in range(-2, 340):
        assert resolver._in_quote(pos) == any(a <= pos < b for a, b in quoted)
        first = next(((o, t) for o, t in paragraphs if o <= pos <= o + len(t)), None)
        assert resolver._paragraph_at(pos) == first

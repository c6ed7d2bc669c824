"""Trigger search: the lexicon entries skipped by their hints could not have matched."""

from __future__ import annotations

from scoanalysis.events.triggers import trigger_ranks
from scoanalysis.patterns import events as P
from scoanalysis.text import fold


def test_trigger_hints_cover_every_match(seed_sentences):
    """Every match of a trigger pattern holds one of its hints, so skipping patterns by hint changes nothing."""
    extra = ["Leaders held talks by phone; the run-off was set up after the de-escalation and pull-back.",
             "He SAID the SCO's leaders' summit was an ANNUAL gathering, then flew into Astana."]
    texts = [fold(t) for t in list(seed_sentences["text"]) + extra]
    for text in texts:
        if not text.isascii():
            continue
        low = text.lower()
        ranks = set(trigger_ranks(text))
        for rank, entry in enumerate(P.TRIGGERS):
            for m in entry.pattern.finditer(text):
                assert any(h in m.group().lower() for h in entry.hints), (entry.key, m.group())
                assert rank in ranks, (entry.key, text)
            if rank not in ranks:
                assert not any(h in low for h in entry.hints), (entry.key, text)


def test_trigger_ranks_run_everything_on_non_ascii_text():
    assert list(trigger_ranks("Xi met Ṭokayev")) == list(range(len(P.TRIGGERS)))

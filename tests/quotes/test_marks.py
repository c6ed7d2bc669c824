"""Quotation marks: which characters open and close quotations, and the spans they enclose."""

from __future__ import annotations

import pytest

from scoanalysis import quotes as Q
from scoanalysis.quotes import marks


@pytest.mark.parametrize(
    "text_in, spans_out",
    [
        ("“A b,” he said.", [("A b,", True, 0)]),
        ('"A b," he said.', [("A b,", True, 0)]),
        (
            "“He’s saying, ‘I have options,’” she said.",
            [("He’s saying, ‘I have options,’", True, 0), ("I have options,", True, 1)],
        ),
        ("China will help,” Xi said.", [("China will help,", False, 0)]),
        ("Lavrov said: “The West has lost", [("The West has lost", False, 0)]),
        ("It’s the leaders’ summit and Russia's show.", []),
        ("He called it 'a historic day', aides said.", [("a historic day", True, 0)]),
        ("Fans of the ’90s and rock ’n’ roll.", []),
        ("A “big club” of “ambivalent” states.", [("big club", True, 0), ("ambivalent", True, 0)]),
        ("“A,” he said. “B.”", [("A,", True, 0), ("B.", True, 0)]),
        ("”Backwards,” he said.", [("Backwards,", True, 0)]),
        ("“ ”", []),
    ],
)
def test_quote_spans(text_in, spans_out):
    got = [(text_in[s.start : s.end], s.balanced, s.depth) for s in Q.quote_spans(text_in)]
    assert got == spans_out


def test_stray_closing_mark_after_a_quotation_starts_at_its_sentence():
    para = "“One,” he said. Then two,” he added."
    spans = Q.quote_spans(para, sentence_starts=[0, 16])
    assert [(para[s.start : s.end], s.balanced) for s in spans] == [("One,", True), ("Then two,", False)]


def test_mask_keeps_the_length_and_hides_marks_and_words():
    para = "Xi said “we win” and left."
    masked = marks.mask(para, Q.quote_spans(para))
    assert len(masked) == len(para)
    assert masked == "Xi said " + "\ue000" * len("“we win”") + " and left."

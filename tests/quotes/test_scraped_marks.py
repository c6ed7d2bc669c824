"""Quotation marks as scraped pages carry them, and quotations over several paragraphs."""

from __future__ import annotations

import pytest

from scoanalysis import quotes as Q


@pytest.mark.parametrize(
    "text_in, spans_out",
    [
        pytest.param("“We will do our best.’’", [("We will do our best.", True, 0)], id="doubled-curly-single-closes"),
        pytest.param("''We will not leave,'' the envoy said.", [("We will not leave,", True, 0)],
                     id="doubled-straight-singles"),
        pytest.param("‘‘Trade is up,’’ she said.", [("Trade is up,", True, 0)], id="doubled-curly-singles"),
        pytest.param("Lukashenko said: «We are ready to work with everyone».",
                     [("We are ready to work with everyone", True, 0)], id="guillemets"),
        pytest.param("“The two sides agreed in March 2019″.", [("The two sides agreed in March 2019", True, 0)],
                     id="double-prime-closes"),
        pytest.param("“The corridor opens in spring“, the ministry said.",
                     [("The corridor opens in spring", True, 0)], id="opening-mark-used-to-close"),
        pytest.param('"Members will invest in "smart" grids and ports," the text says.',
                     [('Members will invest in "smart" grids and ports,', True, 0), ("smart", True, 1)],
                     id="straight-quote-inside-straight-quote"),
        pytest.param('"A b" and then "c d" went.', [("A b", True, 0), ("c d", True, 0)], id="two-straight-quotes"),
    ],
)
def test_scraped_marks(text_in, spans_out):
    got = [(text_in[s.start : s.end], s.balanced, s.depth) for s in Q.quote_spans(text_in)]
    assert got == spans_out


def test_a_doubled_closing_mark_is_masked_whole():
    para = "“We will win.’’ And"
    (span,) = Q.quote_spans(para)
    assert para[span.outer_start : span.outer_end] == "“We will win.’’"


@pytest.mark.parametrize(
    "text_in, spans_out",
    [
        pytest.param("- Our experts work day and night. Everything will be ready, Bakhtiyor Saidov said.",
                     [("Our experts work day and night. Everything will be ready,", False, 0)],
                     id="dash-then-name-and-cue"),
        pytest.param("\u2014 The corridor opens next year, said the minister.",
                     [("The corridor opens next year,", False, 0)], id="em-dash-then-inverted-cue"),
        pytest.param("- The minister's remarks focused on trade.", [], id="list-item-is-no-quotation"),
        pytest.param("-- The Tashkent Declaration backs the plan for Afghanistan.", [], id="double-dash-list-item"),
    ],
)
def test_dash_quotations(text_in, spans_out):
    got = [(text_in[s.start : s.end], s.balanced, s.depth) for s in Q.quote_spans(text_in)]
    assert got == spans_out


def test_dash_quotation_takes_its_closing_attribution(quote_rows):
    raw = "The minister spoke in Tashkent.\n\n- We are ready. Talks go on, Bakhtiyor Saidov said."
    assert quote_rows(raw) == [("We are ready. Talks go on,", "Bakhtiyor Saidov", "said", "direct")]


def test_a_quotation_over_three_paragraphs_takes_the_speaker_named_at_its_end(quote_rows):
    raw = ("Mr Saidov began with a warning.\n\n"
           "“Terrorism is the biggest threat.\n\n"
           "“No country can fight it alone.\n\n"
           "“We must act together,” Saidov said.")
    assert [r[1] for r in quote_rows(raw)] == ["Saidov"] * 3


def test_a_quotation_over_paragraphs_after_a_colon_cue(quote_rows):
    raw = "Saidov told reporters:\n\n“We are ready.\n\n“The talks go on.”"
    assert [r[1] for r in quote_rows(raw)] == ["Saidov", "Saidov"]

"""Names, slogans, terms and headlines in quotation marks: nobody's speech, kind ``scare``."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Moscow and Minsk announced an “all-weather” partnership last spring.", id="modifier-of-a-noun"),
        pytest.param("Lukashenko is attending the “Central Asia plus” format in Tashkent.", id="modifier-of-format"),
        pytest.param("The new “B3”grouping met in Minsk.", id="glued-to-its-noun"),
        pytest.param("Seven “observer states,” including Laos, joined the talks.", id="number-then-term"),
        pytest.param("Lukashenko said he arrived at the “House of Friendship” in the morning.", id="title-case-name"),
        pytest.param("The city has hosted the forum under the slogan “Unity, Trust and Growth”.", id="slogan"),
        pytest.param("The meeting was held under the theme “Building Bridges for Tomorrow”.", id="theme"),
        pytest.param("A session titled “Roads Across the Steppe” opened the day.", id="titled"),
        pytest.param("Minsk promotes the so-called “Eurasian way” of doing business.", id="so-called"),
        pytest.param("Beijing has long opposed what it calls “separatism” in its west.", id="what-it-calls"),
        pytest.param("What analysts call a “pivot to the south” has been under way for years.", id="what-analysts-call"),
        pytest.param("The forum, dubbed “the biggest in a decade”, ended on Friday.", id="dubbed"),
    ],
)
def test_terms_have_no_speaker(raw, quote_rows):
    ((_, speaker, cue, kind),) = quote_rows(raw)
    assert (speaker, cue, kind) == ("", "", "scare")


def test_headlines_of_reports_are_nobodys_speech(quote_rows):
    raw = "“Steppe Summit of Old Friends,” trumpeted the headline of one daily. “Minsk Looks East,” declared another."
    assert [r[1:] for r in quote_rows(raw)] == [("", "", "scare"), ("", "", "scare")]


def test_a_title_case_quotation_from_a_newspaper_is_a_headline(quote_rows):
    raw = "“Minsk Turns Its Face to Asia,” the newspaper wrote on Monday."
    assert quote_rows(raw)[0][1:] == ("", "", "scare")


def test_a_quoted_word_a_speaker_uses_before_a_noun_stays_theirs(quote_rows):
    raw = "Saidov also said the bloc was a “solid” economic partner."
    assert quote_rows(raw) == [("solid", "Saidov", "said", "partial")]


def test_a_naming_verb_with_a_personal_subject_reports_speech(quote_rows):
    raw = "In a speech, Saidov called the bloc “a family.”"
    assert quote_rows(raw) == [("a family.", "Saidov", "called", "partial")]

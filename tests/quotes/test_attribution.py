"""Cues, speakers and kinds: which cue and speaker each quotation gets, and whether it is a whole statement."""

from __future__ import annotations

import pytest

@pytest.mark.parametrize(
    "text_in, rows_out",
    [
        pytest.param(  # curly marks, speaker before the cue
            "“We will not back down,” Putin said.",
            [("We will not back down,", "Putin", "said", "direct")],
            id="curly",
        ),
        pytest.param(
            '"We will not back down," Putin said.',
            [("We will not back down,", "Putin", "said", "direct")],
            id="straight",
        ),
        pytest.param(
            "\"It's Russia's moment,\" said Dmitry Peskov, the Kremlin spokesman.",
            [("It's Russia's moment,", "Dmitry Peskov", "said", "direct")],
            id="straight-with-apostrophes-inverted",
        ),
        pytest.param(
            "“Trade is growing,” said Chinese President Xi Jinping.",
            [("Trade is growing,", "Xi Jinping", "said", "direct")],
            id="inverted-title-stripped",
        ),
        pytest.param(
            "“This railway is very important,” said Niva Yau, a nonresident fellow at the Atlantic Council.",
            [("This railway is very important,", "Niva Yau", "said", "direct")],
            id="inverted-appositive",
        ),
        pytest.param(
            "Harsh V. Pant, a professor at King's College London, said India was “more concerned” now.",
            [("more concerned", "Harsh V. Pant", "said", "partial")],
            id="appositive-before-cue",
        ),
        pytest.param(
            "Analysts watched Mr Putin closely. “He’s saying, ‘I have other options,’” Ms. Fallon said.",
            [
                ("He’s saying, ‘I have other options,’", "Fallon", "said", "direct"),
                ("I have other options,", "Putin", "saying", "direct"),
            ],
            id="nested",
        ),
        pytest.param(
            "China will always support Kazakhstan,” Xi told Tokayev, according to Chinese state media.",
            [("China will always support Kazakhstan,", "Xi", "told", "direct")],
            id="unbalanced-closing",
        ),
        pytest.param(
            "Lavrov said: “The West has lost its way and will not recover",
            [("The West has lost its way and will not recover", "Lavrov", "said", "direct")],
            id="unbalanced-opening",
        ),
        pytest.param(
            "Xi Jinping spoke in Astana. “We are friends,” he said. “We will stay friends.”",
            [
                ("We are friends,", "Xi Jinping", "said", "direct"),
                ("We will stay friends.", "Xi Jinping", "said", "direct"),
            ],
            id="split-around-he-said",
        ),
        pytest.param(
            "“We are friends,” Xi said, “and we will stay friends.”",
            [("We are friends,", "Xi", "said", "direct"), ("and we will stay friends.", "Xi", "said", "direct")],
            id="split-in-one-sentence",
        ),
        pytest.param(
            "Alexander Gabuev spoke in Moscow. “The SCO is a club,” he said.",
            [("The SCO is a club,", "Alexander Gabuev", "said", "direct")],
            id="pronoun-he",
        ),
        pytest.param(
            "Theresa Fallon spoke first. Then Mr Putin arrived. “It is a show,” she added.",
            [("It is a show,", "Theresa Fallon", "added", "direct")],
            id="pronoun-she-gender",
        ),
        pytest.param(
            "There could be “a lot of discussion,” a senior Kazakh official told The Associated Press.",
            [("a lot of discussion,", "a senior Kazakh official", "told", "partial")],
            id="anonymous-source",
        ),
        pytest.param(
            "“Talks will continue,” a source from India’s External Affairs Ministry told CNN.",
            [("Talks will continue,", "a source from India’s External Affairs Ministry", "told", "direct")],
            id="anonymous-source-with-institution",
        ),
        pytest.param(
            "The declaration called for “restoration of peace in Ukraine.”",
            [("restoration of peace in Ukraine.", "the declaration", "called for", "partial")],
            id="document-as-speaker",
        ),
        pytest.param(
            "Chinese state media reported that the talks were “fruitful.”",
            [("fruitful.", "Chinese state media", "reported", "partial")],
            id="media-as-speaker",
        ),
        pytest.param(
            "Beijing and Moscow champion a “multipolar world order”, but India hesitates.",
            [("multipolar world order", "", "", "scare")],
            id="scare",
        ),
        pytest.param(
            "Belarus will be declared a “full member” on Thursday.",
            [("full member", "", "", "scare")],
            id="passive-verb-is-no-cue",
        ),
        pytest.param(
            "Russia’s warning of “grave consequences” went unheeded.",
            [("grave consequences", "", "", "scare")],
            id="noun-is-no-cue",
        ),
        pytest.param(
            "Contending with separatism, China has always opposed what it terms “splittism,” analysts note.",
            [("splittism,", "", "", "scare")],
            id="naming-verb-with-what-is-a-term",
        ),
        pytest.param(
            "They joined a group called “Friends of Eurasia” last year.",
            [("Friends of Eurasia", "", "", "scare")],
            id="naming-verb-without-subject",
        ),
        pytest.param(
            "It’s the leaders’ summit, and it's 'Putin's year' for Russia’s diplomats.",
            [("Putin's year", "", "", "scare")],
            id="apostrophes-are-not-marks",
        ),
        pytest.param(
            "Gabuev said there is a “big club of countries” that are “ambivalent” toward the war.",
            [
                ("big club of countries", "Gabuev", "said", "partial"),
                ("ambivalent", "Gabuev", "said", "partial"),
            ],
            id="several-quotes-one-sentence",
        ),
        pytest.param(
            "“Unity,” trumpeted the headline of one report. “Kindred Spirits,” declared another.",
            [("Unity,", "", "", "scare"), ("Kindred Spirits,", "", "", "scare")],
            id="headline-of-a-report-is-nobodys-speech",
        ),
        pytest.param(
            "According to Gould-Davies, the SCO grows “by increasing its membership.”",
            [("by increasing its membership.", "Gould-Davies", "according to", "partial")],
            id="according-to",
        ),
        pytest.param(
            "Gabuev agreed, saying the SCO is a place where “decisions are made.”",
            [("decisions are made.", "Gabuev", "saying", "partial")],
            id="participle-takes-clause-subject",
        ),
        pytest.param(
            "Prior to the summit Kazakhstan, alarmed by the war, made a point of saying it was no “counterweight.”",
            [("counterweight.", "Kazakhstan", "saying", "partial")],
            id="participle-after-opening-phrase",
        ),
        pytest.param(
            "Putin, who said the ties were “unbreakable,” left early.",
            [("unbreakable,", "Putin", "said", "partial")],
            id="relative-who",
        ),
        pytest.param(
            "Putin: “We will not back down”",
            [("We will not back down", "Putin", "", "direct")],
            id="headline-colon",
        ),
        pytest.param(
            "Putin told reporters: “We will win.”",
            [("We will win.", "Putin", "told", "direct")],
            id="cue-before-with-colon",
        ),
        pytest.param(
            "Failing to do so would be a “serious mistake,” Karimov warned.",
            [("serious mistake,", "Karimov", "warned", "partial")],
            id="partial-with-cue-after",
        ),
        pytest.param(
            "Kremlin aide Yuriy Ushakov said the talks were “useful”, and the “big club” grew.",
            [("useful", "Yuriy Ushakov", "said", "partial"), ("big club", "Yuriy Ushakov", "said", "partial")],
            id="role-before-name",
        ),
        pytest.param(
            "“We will win,\n\n“and the West will lose,” Putin said.",
            [("We will win,", "Putin", "said", "direct"), ("and the West will lose,", "Putin", "said", "direct")],
            id="quotation-going-on-in-next-paragraph",
        ),
        pytest.param(
            "Mr Putin spoke last.\n\n“We will win,” he said.\n\n“The West will lose.”",
            [("We will win,", "Putin", "said", "direct"), ("The West will lose.", "Putin", "said", "direct")],
            id="next-paragraph-goes-on",
        ),
        pytest.param(
            "Xi told reporters:\n\n“We are ready.”",
            [("We are ready.", "Xi", "told", "direct")],
            id="colon-ends-previous-paragraph",
        ),
        pytest.param(
            "“We are ready.” That was the message.",
            [("We are ready.", "", "", "direct")],
            id="whole-sentence-nobody-named",
        ),
    ],
)
def test_quotes(text_in, rows_out, quote_rows):
    assert quote_rows(text_in) == rows_out


@pytest.mark.parametrize(
    "text_in, rows_out",
    [
        (
            "“This is not a bloc,” Chinese Foreign Ministry spokeswoman Mao Ning told reporters.",
            [("This is not a bloc,", "Mao Ning", "told", "direct")],
        ),
        (
            "“This is not a bloc,” China’s foreign ministry said in a statement.",
            [("This is not a bloc,", "China’s foreign ministry", "said", "direct")],
        ),
        (
            "“It’s complicated,” officials in Beijing said.",
            [("It’s complicated,", "officials in Beijing", "said", "direct")],
        ),
        (
            "“Russia is not isolated,” Peskov said. “We have friends,” he continued. “The SCO proves it.”",
            [
                ("Russia is not isolated,", "Peskov", "said", "direct"),
                ("We have friends,", "Peskov", "continued", "direct"),
                ("The SCO proves it.", "Peskov", "continued", "direct"),
            ],
        ),
        (
            "In a speech, Xi called the SCO “a family.”",
            [("a family.", "Xi", "called", "partial")],
        ),
        (
            "The Kremlin leader has repeatedly said the West wants “to destroy Russia.”",
            [("to destroy Russia.", "the Kremlin leader", "said", "partial")],
        ),
        (
            "“We will win,” Putin said on Tuesday, adding that “nothing will stop us.”",
            [("We will win,", "Putin", "said", "direct"), ("nothing will stop us.", "Putin", "adding", "partial")],
        ),
        (
            "The minister said: ‘We will not leave.’",
            [("We will not leave.", "the minister", "said", "direct")],
        ),
        (
            "“No,” she said.",
            [("No,", "", "said", "direct")],
        ),
        (
            "“We will win. The West will lose,” Putin said.",
            [("We will win. The West will lose,", "Putin", "said", "direct")],
        ),
    ],
)
def test_more_attribution_shapes(text_in, rows_out, quote_rows):
    assert quote_rows(text_in) == rows_out


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["“", "”", "‘", "’", '"', "'", " ", ", ", ". ", "\n", "said", "he", "Putin", "Mr", "a source", "told",
           "according to", "the", "Xi Jinping", "what it terms", "it’s", "war", ":", "Ms. Fallon"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_gives_exact_offsets_and_speakerless_scare_quotes(quote_rows, pieces):
    raw = "".join(pieces)
    if not raw.strip():
        return
    quote_rows(raw)  # checks raw[start:end] == quote, speaker and cue offsets, scare rows empty

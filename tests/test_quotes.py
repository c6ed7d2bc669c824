"""Quotations: marks, cues, speakers and kinds, on hand-written sentences and on the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import quotes as Q
from scoanalysis import text


def sentences_of(raw: str, article_id: str = "a") -> pd.DataFrame:
    """The sentences table of one raw article, as text.sentences builds it."""
    return text.split_sentences(raw).assign(article_id=article_id)[text.SENTENCE_COLUMNS]


def rows(raw: str, entities: pd.DataFrame | None = None) -> list[tuple]:
    """(quote, speaker, cue, kind) of each quotation found in `raw`, checking offsets."""
    frame = Q.quotes(sentences_of(raw), entities=entities)
    for r in frame.itertuples():
        assert raw[r.start : r.end] == r.quote
        if pd.notna(r.speaker_start):
            assert raw[r.speaker_start : r.speaker_end] == r.speaker_text
        if pd.notna(r.cue_start):
            assert raw[r.cue_start : r.cue_end].lower().split()[0] == r.cue.split()[0]
        if r.quote_kind == "scare":
            assert r.speaker == "" and r.speaker_id == "" and r.cue == "" and pd.isna(r.speaker_start)
    return [(r.quote, r.speaker, r.cue, r.quote_kind) for r in frame.itertuples()]


# --- marks -----------------------------------------------------------------------------------------


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


# --- cues, speakers and kinds ------------------------------------------------------------------------


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
            [("splittism,", "China", "terms", "partial")],
            id="naming-verb-with-what",
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
            [
                ("Unity,", "one report", "trumpeted", "direct"),
                ("Kindred Spirits,", "another report", "declared", "direct"),
            ],
            id="headline-of-a-report",
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
def test_quotes(text_in, rows_out):
    assert rows(text_in) == rows_out


def test_unbalanced_and_nested_flags():
    raw = "China will help,” Xi said. Mr Putin waited. “He’s saying, ‘No,’” Ms. Fallon said."
    frame = Q.quotes(sentences_of(raw))
    assert frame["balanced"].tolist() == [False, True, True]
    assert frame["nested"].tolist() == [False, False, True]
    assert frame["sentence_id"].tolist() == [0, 2, 2]


def test_output_columns_and_empty_input():
    empty = Q.quotes(sentences_of("No quotation here."))
    assert list(empty.columns) == Q.QUOTE_COLUMNS and len(empty) == 0
    assert list(Q.quotes(pd.DataFrame(columns=text.SENTENCE_COLUMNS)).columns) == Q.QUOTE_COLUMNS


def test_debris_and_prompt_sentences_are_skipped():
    frame = sentences_of("“We will win,” Putin said.\n\n“Share”")
    frame.loc[frame.index[-1], "kind"] = "prompt"
    assert Q.quotes(frame)["quote"].tolist() == ["We will win,"]


def test_inputs_are_not_modified():
    raw = "Alexander Gabuev spoke. “The SCO is a club,” Gabuev said."
    sents = sentences_of(raw)
    ents = _entities(raw, [("Alexander Gabuev", 0), ("Gabuev", 1)], "alexander-gabuev", "Alexander Gabuev", "m")
    before_s, before_e = sents.copy(), ents.copy()
    Q.quotes(sents, entities=ents)
    pd.testing.assert_frame_equal(sents, before_s)
    pd.testing.assert_frame_equal(ents, before_e)


# --- entities ------------------------------------------------------------------------------------------


def _entities(raw: str, mentions: list[tuple[str, int]], entity_id: str, name: str, gender: str) -> pd.DataFrame:
    """Mention rows for `name`: each (surface, occurrence) is the n-th occurrence in `raw`."""
    out = []
    for surface, nth in mentions:
        pos = -1
        for _ in range(nth + 1):
            pos = raw.index(surface, pos + 1)
        out.append(
            {"article_id": "a", "sentence_id": 0, "start": pos, "end": pos + len(surface), "text": surface,
             "entity_id": entity_id, "entity_type": "person", "name": name, "gender": gender}
        )
    return pd.DataFrame(out)


def test_speaker_and_id_come_from_the_entity_the_mention_overlaps():
    raw = "“The SCO is a club,” Gabuev said."
    ents = _entities(raw, [("Gabuev", 0)], "alexander-gabuev", "Alexander Gabuev", "m")
    frame = Q.quotes(sentences_of(raw), entities=ents)
    got = frame.loc[0, ["speaker", "speaker_id", "speaker_text"]].tolist()
    assert got == ["Alexander Gabuev", "alexander-gabuev", "Gabuev"]


def test_he_said_resolves_to_the_last_male_person_entity():
    raw = (
        "Theresa Fallon spoke first. Then the Kremlin leader arrived. "
        "“We are ready,” he said. “It is a show,” she said."
    )
    ents = pd.concat(
        [
            _entities(raw, [("Theresa Fallon", 0)], "theresa-fallon", "Theresa Fallon", "f"),
            _entities(raw, [("the Kremlin leader", 0)], "vladimir-putin", "Vladimir Putin", "m"),
        ],
        ignore_index=True,
    )
    frame = Q.quotes(sentences_of(raw), entities=ents)
    assert frame[["speaker", "speaker_id", "speaker_text"]].values.tolist() == [
        ["Vladimir Putin", "vladimir-putin", "he"],
        ["Theresa Fallon", "theresa-fallon", "she"],
    ]


def test_unnamed_source_is_not_linked_to_a_demonym_entity():
    raw = "There could be “a lot of talk,” a senior Kazakh official told reporters."
    ents = pd.DataFrame(
        [{"article_id": "a", "sentence_id": 0, "start": raw.index("Kazakh"), "end": raw.index("Kazakh") + 6,
          "text": "Kazakh", "entity_id": "kazakhstan", "entity_type": "country", "name": "Kazakhstan"}]
    )
    frame = Q.quotes(sentences_of(raw), entities=ents)
    assert frame.loc[0, ["speaker", "speaker_id"]].tolist() == ["a senior Kazakh official", ""]


# --- the seeds ----------------------------------------------------------------------------------------

#: Every quotation of the seeds: article prefix, start of the quote, speaker, cue, kind.
SEED_QUOTES = [
    ("000", "multipolar world order", "", "", "scare"),
    ("000", "China will always support Kazakhstan", "Xi Jinping", "told", "direct"),
    ("000", "Since Modi came to power", "Manoj Kewalramani", "said", "direct"),
    ("000", "space (for India) to engage", "Manoj Kewalramani", "said", "partial"),
    ("000", "In particular, being at the table", "Manoj Kewalramani", "said", "direct"),
    ("001", "multipolar world order", "", "", "scare"),
    ("001", "China will always support Kazakhstan", "Xi Jinping", "told", "direct"),
    ("001", "Since Modi came to power", "Manoj Kewalramani", "said", "direct"),
    ("001", "space (for India) to engage", "Manoj Kewalramani", "said", "partial"),
    ("001", "In particular, being on the table", "Manoj Kewalramani", "said", "direct"),
    ("002", "multipolar", "", "", "scare"),
    ("002", "position the UN as an inclusive", "Alexander Gabuev", "said", "partial"),
    ("002", "prestige and symbolism", "Alexander Gabuev", "said", "partial"),
    ("002", "strategic partnership,", "", "", "scare"),
    ("002", "bridges of communication", "Xi Jinping", "called for", "partial"),
    ("002", "significant security differences", "Nigel Gould-Davies", "said", "partial"),
    ("002", "core value", "Nigel Gould-Davies", "added", "partial"),
    ("002", "collective decisions are made", "Alexander Gabuev", "saying", "partial"),
    ("002", "by increasing its membership", "Nigel Gould-Davies", "according to", "partial"),
    ("002", "concerns", "Vladimir Putin", "referred to", "partial"),
    ("002", "disrupting the coherence of the UN", "Alexander Gabuev", "said", "partial"),
    ("002", "a lot of discussion on the sidelines", "a senior Kazakh official", "told", "partial"),
    ("002", "big club of countries", "Alexander Gabuev", "said", "partial"),
    ("002", "ambivalent", "Alexander Gabuev", "said", "partial"),
    ("003", "has lasted for generations.", "Xi Jinping", "saying", "partial"),
    ("003", "He’s saying, ‘I have other options,’", "Theresa Fallon", "said", "direct"),
    ("003", "I have other options,", "Vladimir V. Putin", "saying", "direct"),
    ("003", "As far as Russia's dominance", "Harsh V. Pant", "said", "direct"),
    ("003", "But as China becomes more important", "Harsh V. Pant", "said", "direct"),
    ("003", "They see regional stability", "Alexander Gabuev", "said", "direct"),
    ("003", "From a long-term, strategic perspective", "Niva Yau", "said", "direct"),
    ("004", "identical and close.", "Vladimir Putin", "said", "partial"),
    ("004", "splittism,", "China", "terms", "partial"),
    ("004", "restoration of peace in Ukraine", "", "", "scare"),
    ("004", "unilateral and unrestricted", "", "", "scare"),
    ("004", "political means", "", "", "scare"),
    ("004", "inclusive dialogue.", "", "", "scare"),
    ("004", "serious mistake,", "Islam Karimov", "warned", "partial"),
    ("004", "counterweight to NATO", "Kazakhstan", "saying", "partial"),
    ("004", "confrontation with anyone.", "Kazakhstan", "saying", "partial"),
    ("004", "SCO Summit: Unification in Response", "one report", "trumpeted", "direct"),
    ("004", "Putin in Circle of Kindred Spirits", "another report", "declared", "direct"),
]


@pytest.fixture(scope="module")
def seed_quotes(seed_sentences):
    return Q.quotes(seed_sentences)


def test_seed_quotes_are_all_found_with_speaker_cue_and_kind(seed_quotes):
    got = [
        (r.article_id[:3], r.quote, r.speaker, r.cue, r.quote_kind)
        for r in seed_quotes.itertuples()
    ]
    assert len(got) == len(SEED_QUOTES)
    for (aid, quote, speaker, cue, kind), want in zip(got, SEED_QUOTES):
        assert (aid, speaker, cue, kind) == (want[0], want[2], want[3], want[4]), quote
        assert quote.startswith(want[1])


def test_seed_offsets_give_back_quote_speaker_and_cue(seed_quotes, seed_articles):
    raw = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    for r in seed_quotes.itertuples():
        assert raw[r.article_id][r.start : r.end] == r.quote
        if pd.notna(r.speaker_start):
            assert raw[r.article_id][r.speaker_start : r.speaker_end] == r.speaker_text
    keys = seed_quotes[["article_id", "start", "end"]]
    assert not keys.duplicated().any()


def test_seed_flags(seed_quotes):
    unbalanced = seed_quotes[~seed_quotes["balanced"]]
    assert unbalanced["quote"].str.startswith("China will always support").all() and len(unbalanced) == 2
    nested = seed_quotes[seed_quotes["nested"]]
    assert nested["quote"].tolist() == ["I have other options,"]
    assert (seed_quotes.loc[seed_quotes["quote_kind"] == "scare", "speaker"] == "").all()


# --- more attribution shapes -------------------------------------------------------------------------


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
def test_more_attribution_shapes(text_in, rows_out):
    assert rows(text_in) == rows_out


def test_unresolved_pronoun_keeps_its_mention():
    frame = Q.quotes(sentences_of("“No,” she said."))
    assert frame.loc[0, ["speaker", "speaker_text", "quote_kind"]].tolist() == ["", "she", "direct"]


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["“", "”", "‘", "’", '"', "'", " ", ", ", ". ", "\n", "said", "he", "Putin", "Mr", "a source", "told",
           "according to", "the", "Xi Jinping", "what it terms", "it’s", "war", ":", "Ms. Fallon"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_gives_exact_offsets_and_speakerless_scare_quotes(pieces):
    raw = "".join(pieces)
    if not raw.strip():
        return
    rows(raw)  # checks raw[start:end] == quote, speaker and cue offsets, scare rows empty


def test_short_name_without_its_own_mention_takes_the_person_entity_it_shortens():
    raw = "Theresa Fallon spoke. “Fine,” Fallon said."
    ents = _entities(raw, [("Theresa Fallon", 0)], "theresa-fallon", "Theresa Fallon", "f")
    frame = Q.quotes(sentences_of(raw), entities=ents)
    assert frame.loc[0, ["speaker", "speaker_id"]].tolist() == ["Theresa Fallon", "theresa-fallon"]


@pytest.mark.parametrize("raw", [
    "Putin SAID that, according to Xi, the bloc Called For calm; he Added: \ue000\ue000",
    "\u201cWe will win,\u201d Mr. Putin said, referring to the talks, and pointed out what it terms splittism.",
    "Caf\u00e9 owners said so; \u0130stanbul officials told reporters",  # cased non-ASCII: the plain pass
])
def test_cues_are_found_as_the_case_blind_pattern_finds_them(raw):
    from scoanalysis.patterns import quotes as P

    want = [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()}) for m in P.CUE.finditer(raw)]
    got = [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()}) for m in P.find_cues(raw)]
    assert got == want


def test_quotes_from_columns_equal_quotes():
    """The pipeline's path (columns read once, debris skipped from the list) gives the public table."""
    from scoanalysis import entities, frames

    raw = ("“We will not join any bloc,” Xi Jinping said on Tuesday.\n"
           "Vladimir Putin told reporters the meeting was “very useful”.\n"
           "Read more\n"
           "“It is a turning point,” said Theresa Fallon, director of the Centre for Russia Europe Asia Studies.")
    sents = text.split_sentences(raw).assign(article_id="q")
    ents = entities.entities(sents, dates={"q": pd.Timestamp("2024-07-04")})
    public = Q.quotes(sents, entities=ents)
    assert len(public) >= 3
    pd.testing.assert_frame_equal(Q._quotes(frames.Columns(sents), frames.Columns(ents)), public, check_dtype=True)
    pd.testing.assert_frame_equal(Q._quotes(frames.Columns(sents), None), Q.quotes(sents), check_dtype=True)

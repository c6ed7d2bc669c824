"""The package's entry points: quotes on frames, article_quotes on columns, and the seeds' quotations."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import quotes as Q
from scoanalysis import text


def test_debris_and_prompt_sentences_are_skipped(sentences_of):
    frame = sentences_of("“We will win,” Putin said.\n\n“Share”")
    frame.loc[frame.index[-1], "kind"] = "prompt"
    assert Q.quotes(frame)["quote"].tolist() == ["We will win,"]


def test_inputs_are_not_modified(sentences_of, person_mentions):
    raw = "Alexander Gabuev spoke. “The SCO is a club,” Gabuev said."
    sents = sentences_of(raw)
    ents = person_mentions(raw, [("Alexander Gabuev", 0), ("Gabuev", 1)], "alexander-gabuev", "Alexander Gabuev", "m")
    before_s, before_e = sents.copy(), ents.copy()
    Q.quotes(sents, entities=ents)
    pd.testing.assert_frame_equal(sents, before_s)
    pd.testing.assert_frame_equal(ents, before_e)


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
    ("004", "splittism,", "", "", "scare"),
    ("004", "restoration of peace in Ukraine", "a joint declaration", "containing", "partial"),
    ("004", "unilateral and unrestricted", "a declaration", "opposition", "partial"),
    ("004", "political means", "Xi Jinping", "line", "partial"),
    ("004", "inclusive dialogue.", "Xi Jinping", "line", "partial"),
    ("004", "serious mistake,", "Islam Karimov", "warned", "partial"),
    ("004", "counterweight to NATO", "Kazakhstan", "saying", "partial"),
    ("004", "confrontation with anyone.", "Kazakhstan", "saying", "partial"),
    ("004", "SCO Summit: Unification in Response", "", "", "scare"),
    ("004", "Putin in Circle of Kindred Spirits", "", "", "scare"),
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


def test_article_quotes_from_columns_give_the_public_table():
    """The build's entry (columns read once, entities as columns) gives what quotes gives on frames."""
    from scoanalysis import entities, frames

    raw = ("“We will not join any bloc,” Xi Jinping said on Tuesday.\n"
           "Vladimir Putin told reporters the meeting was “very useful”.\n"
           "Read more\n"
           "“It is a turning point,” said Theresa Fallon, director of the Centre for Russia Europe Asia Studies.")
    sents = text.split_sentences(raw).assign(article_id="q")
    ents = entities.entities(sents, dates={"q": pd.Timestamp("2024-07-04")})
    public = Q.quotes(sents, entities=ents)
    assert len(public) >= 3
    pd.testing.assert_frame_equal(Q.article_quotes(frames.Columns(sents), frames.Columns(ents)), public, check_dtype=True)
    pd.testing.assert_frame_equal(Q.article_quotes(frames.Columns(sents), None), Q.quotes(sents), check_dtype=True)

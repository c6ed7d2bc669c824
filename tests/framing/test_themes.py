"""Themes: the lexicon, matching its terms, and the share of sentences touching each theme."""

from __future__ import annotations


import pandas as pd
import pytest

from scoanalysis import framing
from scoanalysis.framing import themes as theme_module

from framing_rows import THEMES, sentences_of

# --- the lexicon ---------------------------------------------------------------------------------------

def test_theme_lexicon_is_documented_and_well_formed():
    lex = framing.theme_lexicon()
    assert list(lex.columns[:4]) == ["theme", "term", "note", "source"]
    assert set(lex["theme"]) == THEMES
    sizes = lex.groupby("theme").size()
    assert sizes.between(15, 40).all(), sizes.to_dict()
    assert (lex["term"] == lex["term"].str.lower()).all()
    assert not lex.duplicated(["theme", "term"]).any()
    assert (lex["source"].str.len() > 0).all()


@pytest.mark.parametrize(
    "term, sentence, matched",
    [
        ("ukrain*", "Ukrainian forces advanced.", "Ukrainian"),
        ("u.s.", "U.S. officials declined to comment.", "U.S."),
        ("eu", "Europe was absent.", None),
        ("eu", "The EU was absent.", "EU"),
        ("anti-west*", "an anti Western bloc", "anti Western"),
        ("anti-west*", "an antiwestern bloc", "antiwestern"),
        ("full member*", "Belarus became a full   member.", "full   member"),
        ("join", "a joint declaration", None),
        ("india&china", "China and India remain rivals.", "China and India"),
        ("india&china", "India abstained.", None),
    ],
)
def test_theme_terms_match_words_phrases_prefixes_and_pairs(term, sentence, matched):
    lex = pd.DataFrame({"theme": ["t"], "term": [term]})
    found = framing.theme_mentions(sentences_of([("a", sentence)]), themes=lex)
    assert (found["text"].iloc[0] if len(found) else None) == matched
    if matched:
        assert sentence[found["start"].iloc[0]:found["end"].iloc[0]] == matched


def test_theme_shares_count_sentences_per_group():
    lex = pd.DataFrame({
        "theme": ["war", "war", "trade", "trade"],
        "term": ["ukrain*", "invasion", "trade", "rail*"],
    })
    sents = sentences_of([
        ("a1", "The invasion of Ukraine divided the bloc."),     # war (two terms, one sentence)
        ("a1", "Trade and new railways were discussed."),        # trade
        ("a1", "Leaders posed for a photo."),                    # neither
        ("a2", "Ukraine was not on the agenda."),                # war
        ("b1", "Rail links to Europe dominated the talks."),     # trade
        ("b1", "Nobody mentioned the war."),                     # neither ("war" is not a term)
    ])
    sents.loc[len(sents)] = ["b1", "Share this article on Ukraine trade", 2, 0, 35, True]  # boilerplate: ignored
    shares = framing.theme_shares(sents, by={"a1": "2022", "a2": "2022", "b1": "2024"}, themes=lex)
    got = shares.set_index(["group", "theme"])
    assert list(shares.columns) == framing.SHARE_COLUMNS
    assert got.loc[("2022", "war"), ["n_sentences", "n_total", "n_articles"]].tolist() == [2, 4, 2]
    assert got.loc[("2022", "war"), "share"] == pytest.approx(0.5)
    assert got.loc[("2022", "trade"), "share"] == pytest.approx(0.25)
    assert got.loc[("2024", "war"), "n_sentences"] == 0 and got.loc[("2024", "war"), "n_total"] == 2
    assert got.loc[("2024", "trade"), "share"] == pytest.approx(0.5)
    assert got.loc[("2022", "war"), "top_terms"] == "ukrain*:2;invasion:1"


def test_theme_shares_on_the_seed_corpus(seed_sentences):
    summit = {
        "000_0e1afe955a39ce53": "2022-samarkand", "001_dd488588730cc6da": "2022-samarkand",
        "002_31059493dcc32406": "2024-astana", "003_4d584bb8d7e03168": "2024-astana",
        "004_3df29d9bc2d73539": "2014-dushanbe",
    }
    shares = framing.theme_shares(seed_sentences, by=summit).set_index(["group", "theme"])["share"]
    # Samarkand 2022 coverage is about India and China; Dushanbe 2014 about Ukraine
    assert shares["2022-samarkand"].idxmax() == "india_china"
    assert shares["2014-dushanbe"].idxmax() == "ukraine_war"
    assert shares["2024-astana", "expansion_membership"] > shares["2022-samarkand", "expansion_membership"]


def test_theme_needles_never_hide_a_match(monkeypatch):
    themes = pd.DataFrame({
        "theme": ["t", "t", "t", "t", "u", "u"],
        "term": ["u.s.-led", "sanction*", "belt and road", "nato&expan*", "anti-terror*", "multi-polar"],
    })
    sentences = pd.DataFrame({
        "article_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "start": [0, 50, 120, 200], "end": [49, 119, 199, 260],
        "text": ["The US-led and U.S.-led blocs imposed Sanctions.", "Belt  and Road projects; NATO fears expansion.",
                 "An antiterrorism drill and a multipolar, multi polar world.", "Nothing here at all."],
        "is_boilerplate": [False] * 4,
    })
    gated = framing.theme_mentions(sentences, themes=themes)
    key = theme_module._lexicon_key(themes)
    monkeypatch.setattr(theme_module, "_needles", lambda pairs: [(None, [[""] * len(t.split("&")) for t in terms if "&" in t])
                                                            for terms in ([x for th, x in pairs if th == name]
                                                                          for name in dict.fromkeys(th for th, _ in pairs))])
    plain = framing.theme_mentions(sentences, themes=themes)
    assert len(key) == 6
    pd.testing.assert_frame_equal(gated, plain)
    assert {"u.s.-led", "sanction*", "belt and road", "nato&expan*", "anti-terror*", "multi-polar"} == set(gated["term"])

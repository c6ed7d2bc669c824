"""Framing: theme lexicon and shares, Fightin' Words log-odds, VADER tone."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from scoanalysis import framing

THEMES = {
    "ukraine_war", "expansion_membership", "india_china", "terrorism_security",
    "trade_infrastructure", "west_us", "multipolarity",
}


def _sentences(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A sentences table from (article_id, text) rows, one sentence each, offsets from 0."""
    frame = pd.DataFrame(rows, columns=["article_id", "text"])
    frame["sentence_id"] = frame.groupby("article_id").cumcount()
    frame["start"] = 0
    frame["end"] = frame["text"].str.len()
    frame["is_boilerplate"] = False
    return frame


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
    found = framing.theme_mentions(_sentences([("a", sentence)]), themes=lex)
    assert (found["text"].iloc[0] if len(found) else None) == matched
    if matched:
        assert sentence[found["start"].iloc[0]:found["end"].iloc[0]] == matched


def test_theme_shares_count_sentences_per_group():
    lex = pd.DataFrame({
        "theme": ["war", "war", "trade", "trade"],
        "term": ["ukrain*", "invasion", "trade", "rail*"],
    })
    sents = _sentences([
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


# --- distinctive words -----------------------------------------------------------------------------------

def test_fightin_words_matches_the_statistic_computed_by_hand():
    counts = pd.DataFrame({
        "group": ["A", "A", "B", "B", "B"],
        "term": ["x", "y", "x", "y", "z"],
        "count": [4, 1, 1, 2, 3],
    })
    # Corpus: x 5, y 3, z 3, n = 11. Prior a_0 = 22, so a_w = 22 * y_w / 11 = 2 y_w: a_x 10, a_y 6, a_z 6.
    out = framing.distinctive_words(counts, prior=22).set_index(["group", "term"])
    # x in A: y_i = 4, n_i = 5; rest (B): y_j = 1, n_j = 6.
    #   delta = log((4 + 10) / (5 + 22 - 4 - 10)) - log((1 + 10) / (6 + 22 - 1 - 10))
    #         = log(14 / 13) - log(11 / 17) = 0.074108 - (-0.435318) = 0.509426
    #   var   = 1 / (4 + 10) + 1 / (1 + 10) = 0.071429 + 0.090909 = 0.162338;  z = 0.509426 / 0.402912 = 1.264362
    assert out.loc[("A", "x"), "delta"] == pytest.approx(0.509426, abs=1e-6)
    assert out.loc[("A", "x"), "z"] == pytest.approx(1.264362, abs=1e-6)
    assert out.loc[("A", "x"), ["count", "count_other"]].tolist() == [4, 1]
    # z in A (never used there): y_i = 0, a_z = 6; rest: y_j = 3.
    #   delta = log(6 / (5 + 22 - 0 - 6)) - log((3 + 6) / (6 + 22 - 3 - 6)) = log(6 / 21) - log(9 / 19) = -0.505549
    #   z     = -0.505549 / sqrt(1 / 6 + 1 / 9) = -0.959211
    assert out.loc[("A", "z"), "delta"] == pytest.approx(-0.505549, abs=1e-6)
    assert out.loc[("A", "z"), "z"] == pytest.approx(-0.959211, abs=1e-6)
    # z in B mirrors it: y_i = 3, n_i = 6; rest: y_j = 0, n_j = 5.
    assert out.loc[("B", "z"), "z"] == pytest.approx(0.959211, abs=1e-6)
    # written out once more, from the formula, for every row
    a0, n = 22, 11
    totals = {"x": 5, "y": 3, "z": 3}
    sizes = {"A": 5, "B": 6}
    for (group, term), row in out.iterrows():
        a = a0 * totals[term] / n
        yi, yj = row["count"], totals[term] - row["count"]
        ni, nj = sizes[group], n - sizes[group]
        delta = math.log((yi + a) / (ni + a0 - yi - a)) - math.log((yj + a) / (nj + a0 - yj - a))
        assert row["delta"] == pytest.approx(delta)
        assert row["z"] == pytest.approx(delta / math.sqrt(1 / (yi + a) + 1 / (yj + a)))
    # sorted by group, then z, largest first
    assert out.reset_index().groupby("group")["z"].apply(lambda z: z.is_monotonic_decreasing).all()


def test_distinctive_words_from_sentences_and_default_prior(seed_sentences):
    summit = {
        "000_0e1afe955a39ce53": "2022-samarkand", "001_dd488588730cc6da": "2022-samarkand",
        "002_31059493dcc32406": "2024-astana", "003_4d584bb8d7e03168": "2024-astana",
        "004_3df29d9bc2d73539": "2014-dushanbe",
    }
    out = framing.distinctive_words(seed_sentences, by=summit)
    assert list(out.columns) == framing.DISTINCTIVE_COLUMNS
    top = out.groupby("group").head(10).groupby("group")["term"].apply(set)
    assert {"india", "delhi"} <= top["2022-samarkand"]
    assert "karimov" in top["2014-dushanbe"]
    with pytest.raises(ValueError):
        framing.distinctive_words(seed_sentences)  # sentences need `by`


# --- tone ------------------------------------------------------------------------------------------------

def test_vader_scores_a_clearly_positive_and_a_clearly_negative_sentence():
    sents = _sentences([
        ("good", "The leaders praised the warm and friendly talks as a great success."),
        ("bad", "The horrific attack killed dozens and left the city in fear and grief."),
    ])
    scored = framing.sentence_tone(sents).set_index("article_id")
    assert scored.loc["good", "compound"] > 0.5
    assert scored.loc["bad", "compound"] < -0.5
    assert {"praised", "success"} <= {w for w, _ in scored.loc["good", "drivers"]}
    assert {"killed", "fear"} <= {w for w, v in scored.loc["bad", "drivers"] if v < 0}


def test_vader_step_by_step_equals_nltk_polarity_scores():
    vader = framing.analyzer()
    for sentence in [
        "The summit was not a success, but the talks were very friendly!",
        "China has refused to condemn the invasion, angering officials.",
        "Kazakhstan, in particular, has refused to toe the Moscow line.",
    ]:
        scores, drivers = framing._score(vader, sentence)
        assert scores == vader.polarity_scores(sentence)


def test_proper_names_do_not_count_as_sentiment():
    scored = framing.sentence_tone(_sentences([("a", "He met officials of the United States and the International Criminal Court.")]))
    assert scored["compound"].iloc[0] == 0 and scored["drivers"].iloc[0] == []


def test_tone_per_group_and_per_actor():
    sents = _sentences([
        ("a1", "Putin praised the great friendship."),
        ("a1", "Putin warned of a terrible war."),
        ("b1", "Xi welcomed the excellent progress."),
        ("b1", "Xi said trade grew."),
    ])
    by = {"a1": "2022", "b1": "2024"}
    t = framing.tone(sents, by=by).set_index("group")
    assert list(t.reset_index().columns) == framing.TONE_COLUMNS
    assert t.loc["2022", "n_sentences"] == 2 and t.loc["2024", "compound_mean"] > 0
    assert t.loc["2022", "negative_share"] == 0.5 and "war" in t.loc["2022", "negative_words"]
    entities = pd.DataFrame({
        "article_id": ["a1", "a1", "b1", "b1"], "sentence_id": [0, 1, 0, 1],
        "entity_id": ["vladimir-putin", "vladimir-putin", "xi-jinping", "xi-jinping"],
        "entity_type": "person", "name": ["Vladimir Putin", "Vladimir Putin", "Xi Jinping", "Xi Jinping"],
    })
    actors = framing.tone_by_actor(sents, entities).set_index("entity_id")
    assert list(actors.reset_index().columns) == framing.ACTOR_TONE_COLUMNS
    assert actors.loc["xi-jinping", "compound_mean"] > actors.loc["vladimir-putin", "compound_mean"]
    assert actors.loc["vladimir-putin", "n_sentences"] == 2
    assert "excellent" in actors.loc["xi-jinping", "positive_words"]


WRITTEN = [
    "Great summit!!! The leaders, sadly, failed... \"Terrible,\" he said; 'good' news?!?",
    ",cat, !!dog ??? -- a b ok. U.S.-led talks: a 'very good' deal!?!? no:",
    "Xi Jinping praised the  excellent  talks -- \"a win-win\" -- but warned of threats.",
    "!!! ?? .. ,, ; : - ' \" '' \"\" ,good good, ,good, !!!bad bad!!! ?!?!happy",
]


@pytest.mark.parametrize("sentence", WRITTEN)
def test_fast_senti_text_splits_words_as_nltk_does(sentence):
    from nltk.sentiment.vader import SentiText, VaderConstants

    c = VaderConstants()
    fast = framing._senti_text_class()(sentence, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    slow = SentiText(sentence, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    assert fast.words_and_emoticons == slow.words_and_emoticons
    assert fast.is_cap_diff == slow.is_cap_diff


def test_fast_senti_text_splits_every_seed_sentence_as_nltk_does(seed_sentences):
    from nltk.sentiment.vader import SentiText, VaderConstants

    c = VaderConstants()
    fast_class = framing._senti_text_class()
    texts = list(seed_sentences["text"])
    assert len(texts) > 100
    for t in texts:
        assert (fast_class(t, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
                == SentiText(t, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons), t


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
    key = framing._lexicon_key(themes)
    monkeypatch.setattr(framing, "_needles", lambda pairs: [(None, [[""] * len(t.split("&")) for t in terms if "&" in t])
                                                            for terms in ([x for th, x in pairs if th == name]
                                                                          for name in dict.fromkeys(th for th, _ in pairs))])
    plain = framing.theme_mentions(sentences, themes=themes)
    assert len(key) == 6
    pd.testing.assert_frame_equal(gated, plain)
    assert {"u.s.-led", "sanction*", "belt and road", "nato&expan*", "anti-terror*", "multi-polar"} == set(gated["term"])

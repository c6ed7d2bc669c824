"""Tone: VADER scores step by step, per group and per actor, proper names blanked."""

from __future__ import annotations


import pandas as pd
import pytest

from scoanalysis import framing
from scoanalysis.framing import sentiment

from framing_rows import sentences_of

# --- tone ------------------------------------------------------------------------------------------------

def test_vader_scores_a_clearly_positive_and_a_clearly_negative_sentence():
    sents = sentences_of([
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
        scores, drivers = sentiment._score(vader, sentence)
        assert scores == vader.polarity_scores(sentence)


def test_proper_names_do_not_count_as_sentiment():
    scored = framing.sentence_tone(sentences_of([("a", "He met officials of the United States and the International Criminal Court.")]))
    assert scored["compound"].iloc[0] == 0 and scored["drivers"].iloc[0] == []


def test_tone_per_group_and_per_actor():
    sents = sentences_of([
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
    fast = sentiment._senti_text_class()(sentence, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    slow = SentiText(sentence, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    assert fast.words_and_emoticons == slow.words_and_emoticons
    assert fast.is_cap_diff == slow.is_cap_diff


def test_fast_senti_text_splits_every_seed_sentence_as_nltk_does(seed_sentences):
    from nltk.sentiment.vader import SentiText, VaderConstants

    c = VaderConstants()
    fast_class = sentiment._senti_text_class()
    texts = list(seed_sentences["text"])
    assert len(texts) > 100
    for t in texts:
        assert (fast_class(t, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
                == SentiText(t, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons), t

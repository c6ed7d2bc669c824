"""Speakers resolved: entity links, full names and pronouns."""

from __future__ import annotations

import pandas as pd

from scoanalysis import quotes as Q


def test_speaker_and_id_come_from_the_entity_the_mention_overlaps(sentences_of, person_mentions):
    raw = "“The SCO is a club,” Gabuev said."
    ents = person_mentions(raw, [("Gabuev", 0)], "alexander-gabuev", "Alexander Gabuev", "m")
    frame = Q.quotes(sentences_of(raw), entities=ents)
    got = frame.loc[0, ["speaker", "speaker_id", "speaker_text"]].tolist()
    assert got == ["Alexander Gabuev", "alexander-gabuev", "Gabuev"]


def test_he_said_resolves_to_the_last_male_person_entity(sentences_of, person_mentions):
    raw = (
        "Theresa Fallon spoke first. Then the Kremlin leader arrived. "
        "“We are ready,” he said. “It is a show,” she said."
    )
    ents = pd.concat(
        [
            person_mentions(raw, [("Theresa Fallon", 0)], "theresa-fallon", "Theresa Fallon", "f"),
            person_mentions(raw, [("the Kremlin leader", 0)], "vladimir-putin", "Vladimir Putin", "m"),
        ],
        ignore_index=True,
    )
    frame = Q.quotes(sentences_of(raw), entities=ents)
    assert frame[["speaker", "speaker_id", "speaker_text"]].values.tolist() == [
        ["Vladimir Putin", "vladimir-putin", "he"],
        ["Theresa Fallon", "theresa-fallon", "she"],
    ]


def test_unnamed_source_is_not_linked_to_a_demonym_entity(sentences_of):
    raw = "There could be “a lot of talk,” a senior Kazakh official told reporters."
    ents = pd.DataFrame(
        [{"article_id": "a", "sentence_id": 0, "start": raw.index("Kazakh"), "end": raw.index("Kazakh") + 6,
          "text": "Kazakh", "entity_id": "kazakhstan", "entity_type": "country", "name": "Kazakhstan"}]
    )
    frame = Q.quotes(sentences_of(raw), entities=ents)
    assert frame.loc[0, ["speaker", "speaker_id"]].tolist() == ["a senior Kazakh official", ""]


def test_unresolved_pronoun_keeps_its_mention(sentences_of):
    frame = Q.quotes(sentences_of("“No,” she said."))
    assert frame.loc[0, ["speaker", "speaker_text", "quote_kind"]].tolist() == ["", "she", "direct"]


def test_short_name_without_its_own_mention_takes_the_person_entity_it_shortens(sentences_of, person_mentions):
    raw = "Theresa Fallon spoke. “Fine,” Fallon said."
    ents = person_mentions(raw, [("Theresa Fallon", 0)], "theresa-fallon", "Theresa Fallon", "f")
    frame = Q.quotes(sentences_of(raw), entities=ents)
    assert frame.loc[0, ["speaker", "speaker_id"]].tolist() == ["Theresa Fallon", "theresa-fallon"]

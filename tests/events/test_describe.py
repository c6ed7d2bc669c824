"""Actors and descriptions of event mentions."""

from __future__ import annotations


def test_actors_are_entity_ids_subjects_first_and_the_description_drops_the_date(read_one):
    row = read_one("Xi Jinping began a state visit to Kazakhstan on Wednesday.", "2022-09-16").iloc[0]
    assert row["actors"] == ["xi-jinping", "kazakhstan"]
    assert row["date_text"] == "Wednesday"
    assert row["description"] == "Xi Jinping began a state visit to Kazakhstan"

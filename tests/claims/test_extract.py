"""The claims table: ids, columns, dtypes, untouched inputs, spans into the raw text, the seed claims."""

from __future__ import annotations

import pandas as pd

from scoanalysis import claims, entities, frames, text


def test_claim_ids_columns_and_inputs_untouched():
    raw = "Chinese President Xi Jinping and Russian President Vladimir Putin met. The SCO was founded in 2001."
    sents = text.split_sentences(raw).assign(article_id="a")
    dates = {"a": pd.Timestamp("2024-07-02")}
    ents = entities.entities(sents, dates=dates)
    before_s, before_e = sents.copy(), ents.copy()
    found = claims.extract_claims(sents, ents, dates=dates)
    pd.testing.assert_frame_equal(sents, before_s)
    pd.testing.assert_frame_equal(ents, before_e)
    assert list(found.columns) == claims.CLAIM_COLUMNS
    assert found["claim_id"].tolist() == ["a:0:0", "a:0:1", "a:1:0"]
    assert (found["claim_date"] == pd.Timestamp("2024-07-02")).all()
    again = claims.extract_claims(sents, ents, dates=dates)
    pd.testing.assert_frame_equal(found, again)
    assert set(found["predicate"]) <= set(claims.PREDICATES)


def test_empty_input_gives_empty_tables():
    sents = text.split_sentences("Nothing to see here.").assign(article_id="a")
    found = claims.extract_claims(sents, entities.entities(sents, dates={}), dates={})
    assert found.empty and list(found.columns) == claims.CLAIM_COLUMNS
    assert claims.check_claims(found, dates={}).columns.tolist() == claims.CONFLICT_COLUMNS


def test_seed_spans_are_raw_text(seeds):
    arts, found, _ = seeds
    for row in found.itertuples():
        assert arts.loc[row.article_id, "text"][row.start:row.end] == row.text
    assert found["claim_id"].is_unique


def test_seed_claims(one, seeds):
    _, found, _ = seeds
    for key in [
        ("002", "alexander-lukashenko", "holds_office", "president"),
        ("002", "mohammad-mokhber", "holds_office", "acting_president"),
        ("002", "antonio-guterres", "holds_office", "secretary_general"),
        ("002", "shehbaz-sharif", "holds_office", "prime_minister"),
        ("002", "sco", "founded_in", "2001"),
        ("002", "iran", "member_of", "sco"),
        ("002", "turkey", "partner_of", "sco"),
        ("002", "kazakhstan", "party_to", "Rome Statute"),
        ("003", "sco", "founded_in", "2001"),
        ("003", "india", "joined_in", "2017"),
        ("003", "sergey-lavrov", "holds_office", "foreign_minister"),
        ("004", "sco", "member_count", "6"),
        ("004", "sco", "member_count", "4"),
        ("004", "yuri-ushakov", "holds_office", "presidential_aide"),
        ("004", "2014-dushanbe", "date_is", "2014-09-12"),
        ("000", "2022-samarkand", "date_is", "2022-09-16"),
        ("000", "india", "member_of", "quad"),
    ]:
        one(found, *key)
    assert one(found, "004", "india", "becomes_member_of", "sco")["hedged"]  # "may become"
    assert not (found["article_id"].str.startswith("003") & (found["predicate"] == "member_count")).any()


def test_claims_columns_have_their_dtypes():
    raw = ("India became a full member of the SCO in 2017. Iran joined the organisation in 2023.\n"
           "Kazakhstan's president Kassym-Jomart Tokayev hosted the summit, which has nine members.\n"
           "Belarus may become a member next year.")
    sents = text.split_sentences(raw).assign(article_id="c")
    dates = {"c": pd.Timestamp("2024-07-04")}
    found = claims.extract_claims(sents, entities.entities(sents, dates=dates), dates=dates)
    assert len(found) >= 3
    assert {c: str(found[c].dtype) for c in ("sentence_id", "start", "end", "hedged")} == {
        "sentence_id": "int64", "start": "int64", "end": "int64", "hedged": "bool"}
    assert pd.api.types.is_datetime64_dtype(found["claim_date"])
    assert all(found[c].dtype == pd.Series(["a"]).dtype for c in ("claim_id", "subject", "predicate", "object", "text"))

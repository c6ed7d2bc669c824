"""The conflicts table: inputs untouched, repeated contradictions counted, shared records, the seed conflicts."""

from __future__ import annotations

import pandas as pd

from scoanalysis import claims
from scoanalysis.claims.check import _shared_records


def test_check_claims_leaves_its_input_alone(extract):
    found, dates = extract({"a": ("Indian President Modi spoke.", "2024-07-02")})
    copy = found.copy()
    claims.check_claims(found, dates=dates)
    pd.testing.assert_frame_equal(found, copy)


def test_a_contradiction_repeated_by_many_articles_lists_a_few_ids_and_counts_them_all():
    rows = []
    for n in range(30):
        for obj in ("nato", "sco"):
            rows.append({"claim_id": f"a{n:02d}{obj}", "article_id": f"a{n:02d}{obj}", "sentence_id": 0, "start": 0, "end": 10,
                         "subject": "belarus", "predicate": "becomes_member_of", "object": obj, "tense": "present"})
    said = pd.DataFrame(rows)
    dates = {r["article_id"]: pd.Timestamp("2024-07-04") for r in rows}
    out = claims.check_claims(said, dates=dates)
    nato = out[out["object"] == "nato"].iloc[0]
    listed = [c for c in str(nato["conflicts_with"]).split(";") if not c.startswith("reference:")]
    assert len(listed) == claims.MAX_LISTED == 20
    assert listed == sorted(listed) and all(c.endswith("sco") for c in listed)  # the first ones, in order
    assert (out.loc[out["object"] == "nato", "n_conflicting_claims"] >= 30).all()
    assert "more claims" in nato["note"]


def test_shared_records_equal_to_dict_and_share_repeated_values():
    frame = pd.DataFrame({
        "claim_id": ["a:0:0", "a:1:0", "b:0:0"],
        "subject": pd.Series(["india", "india", None], dtype="str"),
        "sentence_id": [0, 1, 0],
        "claim_date": pd.to_datetime(["2024-07-04", None, "2024-07-04"]),
        "hedged": [False, True, False],
    })
    shared = _shared_records(frame)
    expected = frame.to_dict("records")
    assert len(shared) == len(expected)
    for got, want in zip(shared, expected):
        assert list(got) == list(want)
        for key in want:
            assert type(got[key]) is type(want[key]) or (pd.isna(got[key]) and pd.isna(want[key])), key
            assert got[key] == want[key] or (pd.isna(got[key]) and pd.isna(want[key])), key
    assert shared[0]["subject"] is shared[1]["subject"]
    assert shared[0]["claim_date"] is shared[2]["claim_date"]


def test_seed_belarus_nato_conflicts_with_reference_and_other_article(one, seeds):
    _, found, out = seeds
    nato = one(out, "002", "belarus", "becomes_member_of", "nato")
    sco_003 = one(found, "003", "belarus", "becomes_member_of", "sco")["claim_id"]
    sco_002 = one(found, "002", "belarus", "becomes_member_of", "sco")["claim_id"]
    parts = nato["conflicts_with"].split(";")
    assert "reference:memberships" in parts and "reference:nato_members" in parts
    assert sco_003 in parts and sco_002 in parts
    for other in (sco_003, sco_002):  # both sides reported
        row = out[out["claim_id"] == other].iloc[0]
        assert row["conflicts_with"] == nato["claim_id"]
    assert "has Belarus joining the SCO on 2024-07-04" in nato["note"]


def test_seed_indian_president_modi_conflicts_with_offices(one, seeds):
    _, _, out = seeds
    modi = one(out, "002", "narendra-modi", "holds_office", "president")
    assert modi["text"] == "Indian President Modi"
    assert modi["conflicts_with"].split(";")[0] == "reference:offices"
    assert "Prime Minister of India" in modi["note"]


def test_seed_six_state_bloc_in_2014_does_not_conflict(one, seeds):
    _, found, out = seeds
    six = one(found, "004", "sco", "member_count", "6")
    assert six["text"] == "the six-state security bloc"
    assert six["claim_id"] not in set(out["claim_id"])


def test_seed_conflicts_are_exactly_these(seeds):
    # 002 Belarus→NATO is wrong; 002 and 003 Belarus→SCO are its other side. 002 "Indian President Modi" is
    # wrong; 002 "Indian Prime Minister Narendra Modi" and 003 "India's Prime Minister Narendra Modi" are its
    # other side. Nothing else in the five articles disagrees with the reference or with another article.
    _, _, out = seeds
    got = {(r.article_id[:3], r.subject, r.predicate, r.object, r.verdict) for r in out.itertuples()}
    assert got == {
        ("002", "belarus", "becomes_member_of", "nato", "conflicts"),
        ("002", "belarus", "becomes_member_of", "sco", "agrees"),
        ("003", "belarus", "becomes_member_of", "sco", "agrees"),
        ("002", "narendra-modi", "holds_office", "president", "conflicts"),
        ("002", "narendra-modi", "holds_office", "prime_minister", "agrees"),
        ("003", "narendra-modi", "holds_office", "prime_minister", "agrees"),
    }

"""Contradictions between claims: both sides listed, the window for time-bound facts, every incompatible pair found."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd

from scoanalysis import claims
from scoanalysis.claims.conflicts import conflicting, incompatible
from scoanalysis.claims.facts import reference_facts


def test_contradicting_articles_are_both_listed(extract):
    found, dates = extract({
        "a": ("Belarusian President Alexander Lukashenko will be present as his country becomes a full member of NATO.",
              "2024-07-02"),
        "b": ("Said Belarus will be declared a full member of the Shanghai Cooperation Organisation.", "2024-07-02"),
    })
    out = claims.check_claims(found, dates=dates).set_index("claim_id")
    assert set(out.index) == {"a:0:1", "b:0:0"}
    nato, sco = out.loc["a:0:1"], out.loc["b:0:0"]
    assert nato["conflicts_with"].split(";") == ["reference:nato_members", "reference:memberships", "b:0:0"]
    assert sco["conflicts_with"] == "a:0:1"
    assert (nato["verdict"], sco["verdict"]) == ("conflicts", "agrees")
    assert "Belarus joining the SCO on 2024-07-04" in nato["note"]
    assert "b:0:0 says Belarus becomes a member of the SCO" in nato["note"]
    assert "a:0:1 says Belarus becomes a member of NATO" in sco["note"]


def test_office_contradiction_across_articles(extract):
    found, dates = extract({
        "a": ("Indian President Modi later called for an end to the fighting.", "2024-07-02"),
        "b": ("India's Prime Minister Narendra Modi is not attending the summit.", "2024-07-01"),
    })
    out = claims.check_claims(found, dates=dates).set_index("claim_id")
    assert out.loc["a:0:0", "conflicts_with"] == "reference:offices;b:0:0"
    assert out.loc["b:0:0", "conflicts_with"] == "a:0:0"
    assert "the President of India then was Droupadi Murmu" in out.loc["a:0:0", "note"]


def test_compatible_titles_and_claims_the_reference_bears_out_both_do_not_conflict(extract):
    found, dates = extract({
        "a": ("Chinese President Xi Jinping arrived.", "2024-07-02"),
        "b": ("Chinese leader Xi Jinping arrived.", "2024-07-02"),
        "c": ("The SCO met. Diplomats praised the nine-member bloc.", "2024-07-10"),
        "d": ("The SCO met. Diplomats praised the ten-member bloc.", "2024-07-10"),
    })
    assert claims.check_claims(found, dates=dates).empty


def test_contradiction_without_reference_points_only_at_the_other_claim(extract):
    found, dates = extract({
        "a": ("India is a member of the Quadrilateral Security Dialogue.", "2022-09-16"),
        "b": ("India is an observer of the Quadrilateral Security Dialogue.", "2022-09-20"),
    })
    out = claims.check_claims(found, dates=dates).set_index("claim_id")
    assert out["conflicts_with"].to_dict() == {"a:0:0": "b:0:0", "b:0:0": "a:0:0"}
    assert set(out["verdict"]) == {"unknown"}


def test_time_bound_claims_are_compared_within_the_window_only(claim_frame):
    near = claim_frame([
        ("a:0:0", "a", 0, 0, 9, "jane-roe", "holds_office", "president", "president", "2024-07-02", "False"),
        ("b:0:0", "b", 0, 0, 9, "jane-roe", "holds_office", "prime_minister", "prime minister", "2024-07-05", "False"),
    ])
    dates = {"a": pd.Timestamp("2024-07-02"), "b": pd.Timestamp("2024-07-05")}
    assert set(claims.check_claims(near, dates=dates)["claim_id"]) == {"a:0:0", "b:0:0"}
    far = {"a": pd.Timestamp("2020-07-02"), "b": pd.Timestamp("2024-07-05")}
    assert claims.check_claims(near, dates=far).empty
    assert claims.check_claims(near, dates=dates, window_days=1).empty


def test_timeless_claims_are_compared_at_any_distance(claim_frame):
    rows = claim_frame([
        ("a:0:0", "a", 0, 0, 9, "sco", "founded_in", "2001", "", "2010-01-01", "False"),
        ("b:0:0", "b", 0, 0, 9, "sco", "founded_in", "1996", "", "2024-01-01", "False"),
    ])
    out = claims.check_claims(rows, dates={}).set_index("claim_id")
    assert out["conflicts_with"].to_dict() == {"a:0:0": "b:0:0", "b:0:0": "reference:memberships;a:0:0"}


def test_incompatible_pairs_are_exactly_the_pairs_compared_one_by_one():
    rng = random.Random(5)
    ref = reference_facts(None)
    window = pd.Timedelta(days=60)
    predicates = ["member_of", "observer_of", "becomes_member_of", "joins", "member_count", "founded_in",
                  "founder_of", "date_is", "holds_office", "party_to", "unknown_predicate"]
    group = []
    for n in range(300):
        group.append({
            "article_id": f"a{n}", "sentence_id": 0, "predicate": rng.choice(predicates), "object": rng.choice(["SCO", "NATO", "9", "10", "2001"]),
            "scope": rng.choice(["", "", "SCO"]), "qualifier": "", "tense": rng.choice(["present", "past", "future"]),
            "polarity": rng.choice(["positive", "positive", "negative"]), "hedged": rng.random() < 0.1,
            "claim_date": rng.choice([pd.NaT, pd.Timestamp("2024-07-04"), pd.Timestamp("2022-09-16"), pd.Timestamp("2024-09-01")]),
        })
    brute = [(i, j) for i, j in itertools.combinations(range(len(group)), 2) if incompatible(group[i], group[j], ref, window)]
    found = conflicting(group, np.zeros(len(group), dtype=bool), ref, window, limit=len(group))
    assert sorted((i, j) for i, (listed, _) in found.items() for j in listed if i < j) == brute
    assert len(brute) > 100

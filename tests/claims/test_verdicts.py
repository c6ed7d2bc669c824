"""Claims checked against the reference: what conflicts, what the reference bears out, what it cannot judge."""

from __future__ import annotations

import pytest

from scoanalysis import claims


def test_vice_president_is_another_office(claims_of, conflicts_of):
    found = claims_of("Russian Vice President Vladimir Putin spoke.")
    assert found["object"].tolist() == ["vice_president"]
    assert conflicts_of("Russian Vice President Vladimir Putin spoke.").empty  # an office the reference lacks


@pytest.mark.parametrize(
    "raw, date, table, note_has",
    [
        ("Indian President Modi later called for an end to the fighting.", "2024-07-02", "offices",
         "Prime Minister of India"),
        ("Pakistani President Shehbaz Sharif arrived.", "2024-07-02", "offices", "Prime Minister of Pakistan"),
        ("US President Donald Trump spoke.", "2024-07-02", "offices", "Joe Biden"),
        ("Kazakhstan will become a full member of NATO.", "2024-07-02", "nato_members", "no Kazakhstan"),
        ("Belarus will become a full member of the SCO.", "2020-01-10", "memberships", "an observer from 2015-07-10"),
        ("India will become a member of the SCO.", "2024-07-02", "memberships", "since 2017-06-09"),
        ("Turkey is an observer of the SCO.", "2024-07-02", "memberships", "dialogue partner"),
        ("Iran is a member of the SCO.", "2022-09-16", "memberships", "observer"),
        ("India is not a member of the SCO.", "2024-07-02", "memberships", "since 2017-06-09"),
        ("The SCO met. Analysts call the six-state security bloc a club of autocrats.", "2024-07-02", "memberships",
         "9 members"),
        ("The SCO met. Diplomats praised the nine-member bloc.", "2024-07-20", "memberships", "10 members"),
        ("The SCO was founded in 1996.", "2024-07-02", "memberships", "2001-06-15"),
        ("India joined the SCO in 2015.", "2024-07-02", "memberships", "a member from 2017-06-09"),
        ("India joined the SCO as a full member in 2005.", "2024-07-02", "memberships", "a member from 2017-06-09"),
        ("Iran joined the SCO.", "2022-09-16", "memberships", "only on 2023-07-04"),
        ("Leaders gathered at the SCO summit in Astana on July 10.", "2024-07-02", "summits", "2024-07-03 to 2024-07-04"),
        ("Egypt is a founding member of the SCO.", "2024-07-02", "memberships", "founding members"),
        ("Turkey joined NATO in 1960.", "2024-07-02", "nato_members", "1952-02-18"),
    ],
)
def test_claims_that_conflict_with_the_reference(conflicts_of, raw, date, table, note_has):
    found = conflicts_of(raw, date)
    assert len(found) == 1, found
    row = found.iloc[0]
    assert row["conflicts_with"] == f"reference:{table}"
    assert row["verdict"] == "conflicts"
    assert note_has in row["note"]
    assert row["note"].startswith("Article says")


@pytest.mark.parametrize(
    "raw, date",
    [
        ("Indian Prime Minister Narendra Modi has sent his foreign minister.", "2024-07-02"),
        ("Chinese leader Xi Jinping was greeted by children.", "2024-07-02"),
        ("Iran is choosing a successor to President Ebrahim Raisi, killed in a crash.", "2024-07-02"),
        ("Former US President Donald Trump was not invited.", "2024-07-02"),
        ("Russian President Vladimir Putin failed to win support.", "2014-09-13"),
        ("Kremlin aide Yuriy Ushakov said so.", "2014-09-13"),
        ("Iran votes, and interim President Mohammad Mokhbar will attend.", "2024-07-02"),
        ("Belarus will become a full member of the SCO.", "2024-07-02"),  # joins two days later
        ("The SCO met. Diplomats praised the eight-member bloc.", "2022-09-16"),
        ("The SCO met. The Kremlin appears eager to boost the six-state security bloc.", "2014-09-13"),
        ("The SCO now has nine member states.", "2023-08-01"),
        ("The SCO met. Diplomats praised the ten-member bloc.", "2024-07-20"),
        ("Putin met the presidents of the four Central Asian members of the SCO.", "2014-09-13"),
        ("The Shanghai Five was founded in 1996.", "2024-07-02"),  # the predecessor
        ("The Shanghai Cooperation Organization was established in 2001 by China and Russia.", "2024-07-02"),
        ("India joined the Shanghai Cooperation Organisation in 2017.", "2024-07-02"),
        ("India joined the SCO in 2005.", "2024-07-02"),  # as an observer, which "joined" may mean
        ("Turkey is not a member of the SCO.", "2024-07-02"),
        ("The SCO is growing. Observer states and dialogue partners include Turkey, Saudi Arabia and Egypt.",
         "2024-07-02"),
        ("Leaders attend the SCO leaders' summit in Samarkand on Sept. 16.", "2022-09-16"),
        ("India and Pakistan may become members of NATO.", "2014-09-13"),  # hedged: not checked
        ("Kazakhstan is not a party to the Rome Statute.", "2024-07-02"),  # no reference: not checked
        ("Turkey joined NATO in 1952. The 32-member NATO alliance met.", "2024-07-02"),
    ],
)
def test_claims_the_reference_bears_out_are_not_conflicts(extract, raw, date):
    found, dates = extract({"t": (raw, date)})
    assert not found.empty
    assert claims.check_claims(found, dates=dates).empty


def test_objects_that_are_not_years_or_days_are_left_unjudged(claim_frame):
    rows = claim_frame([
        ("a:0:0", "a", 0, 0, 9, "sco", "founded_in", "long ago", "", "2024-07-02", False),
        ("b:0:0", "b", 0, 0, 9, "2024-astana", "date_is", "soon", "", "2024-07-02", False),
    ])
    assert claims.check_claims(rows, dates={}).empty

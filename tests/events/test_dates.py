"""Date units: coordinated dates, summit anchors, dates that are bounds."""

from __future__ import annotations

import pandas as pd


def test_coordinated_days_make_one_range_and_separate_years_two_events(read_one):
    summit = read_one("The summit will be held on Wednesday and Thursday in Astana.", "2024-07-01", "2024-astana")
    assert len(summit) == 1
    assert (summit.iloc[0]["earliest"], summit.iloc[0]["latest"]) == (pd.Timestamp("2024-07-03"), pd.Timestamp("2024-07-04"))
    assert summit.iloc[0]["summit_ref"] == "2024-astana"
    assert summit.iloc[0]["status"] == "expected"
    clashes = read_one("Border clashes broke out in 2020 and 2022.", "2024-07-02")
    assert clashes["earliest"].dt.year.tolist() == [2020, 2022]


def test_a_summit_anchor_dates_an_event_by_the_summit_days(read_one):
    m = read_one("Belarus will be declared a full member at this year's summit.", "2024-07-01", "2024-astana")
    accession = m[m["event_type"] == "accession"].iloc[0]
    assert (accession["earliest"], accession["latest"]) == (pd.Timestamp("2024-07-03"), pd.Timestamp("2024-07-04"))
    assert accession["date_source"] == "summit"
    assert accession["actors"] == ["belarus"]


def test_a_background_year_does_not_date_the_event_next_to_it(read_one):
    m = read_one("Kazakhstan, a member since 2001, hosted talks on trade on Monday.", "2024-07-04")
    assert m["event_type"].tolist() == ["meeting"]
    assert m["earliest"].tolist() == [pd.Timestamp("2024-07-01")]

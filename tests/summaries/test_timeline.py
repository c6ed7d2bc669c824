"""Timelines as tables: the SCO's history, lanes aligned on each summit, membership, coverage profiles."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import reference
from scoanalysis.summaries import timeline, timelinejs


def test_absolute_timeline_has_every_summit_as_a_landmark_then_the_events(events_frame, summits):
    table = timeline.absolute_timeline(events_frame, summits=summits)
    assert list(table.columns) == timeline.ABSOLUTE_COLUMNS
    assert (table["kind"] == "summit").sum() == len(summits)
    assert (table["kind"] == "event").sum() == len(events_frame)
    assert table["date"].is_monotonic_increasing
    assert "Dushanbe 2014" in set(table["label"])
    narrow = timeline.absolute_timeline(events_frame, summits=summits, start="2020-01-01", end="2023-12-31")
    assert set(narrow.loc[narrow["kind"] == "event", "event_id"]) == {
        "2022-W36-disengagement-gogra", "2022-09-14-visit-xi-jinping", "2022-09-16-summit-samarkand"}


def test_aligned_timeline_puts_an_event_in_every_lane_that_tells_it(events_frame, summits):
    table = timeline.aligned_timeline(events_frame, summits=summits)
    assert list(table.columns) == timeline.ALIGNED_COLUMNS
    assert len(table) == len(events_frame) + 1  # the 2022 summit is told in two lanes
    assert list(dict.fromkeys(table["summit_id"])) == ["2014-dushanbe", "2022-samarkand", "2024-astana"]
    rel = table.set_index(["summit_id", "event_id"])["relative_days"]
    assert rel[("2022-samarkand", "2022-09-14-visit-xi-jinping")] == -1
    assert rel[("2022-samarkand", "2022-W36-disengagement-gogra")] == -10
    assert rel[("2024-astana", "2024-03-attack-moscow")] == -124
    assert rel[("2024-astana", "2022-09-16-summit-samarkand")] == (pd.Timestamp("2022-09-16") - pd.Timestamp("2024-07-03")).days
    only = timeline.aligned_timeline(events_frame, summits=summits, summit_ids=["2024-astana"])
    assert set(only["summit_id"]) == {"2024-astana"}


def test_membership_by_year_counts_statuses_at_each_year_end():
    memberships = pd.DataFrame({
        "country_id": ["a", "b", "c", "c"],
        "status": ["member", "observer", "observer", "member"],
        "start": pd.to_datetime(["2001-06-15", "2004-06-17", "2005-07-05", "2017-06-09"]),
        "end": pd.to_datetime([None, None, "2017-06-09", None]),
    })
    table = timeline.membership_by_year(memberships, start=2001, end=2018)
    by = table.set_index("year")
    assert by.loc[2003, ["member", "observer", "dialogue_partner"]].tolist() == [1, 0, 0]
    assert by.loc[2010, ["member", "observer"]].tolist() == [1, 2]
    assert by.loc[2017, ["member", "observer"]].tolist() == [2, 1]
    assert by.loc[2017, "changes"] == "c: member"
    real = timeline.membership_by_year(reference.load("memberships")).set_index("year")
    assert real.loc[2001, "member"] == 6 and real.loc[2017, "member"] == 8 and real.loc[2024, "member"] == 10


def test_accession_events_name_the_country_and_check_it_against_the_reference(events_frame):
    acc = timeline.accession_events(events_frame, memberships=reference.load("memberships"))
    assert acc[["event_id", "year", "country_id"]].values.tolist() == [["2017-accession-india", 2017, "india"]]
    assert bool(acc["in_reference"].iloc[0]) is True


def test_coverage_profile_counts_event_types_and_actors_side_by_side(events_frame):
    mentions = pd.DataFrame({"summit_id": ["2024-astana", "2024-astana", "2022-samarkand"],
                             "entity_id": ["russia", "china", "russia"], "entity_type": ["country"] * 3,
                             "name": ["Russia", "China", "Russia"], "count": [1, 1, 1], "first_seen": [0, 1, 2]})
    prof = timeline.coverage_profile(events_frame, mentions)
    assert list(prof.columns) == timeline.PROFILE_COLUMNS
    types = prof[(prof["dimension"] == "event_type") & (prof["summit_id"] == "2024-astana")]
    assert dict(zip(types["key"], types["count"])) == {"accession": 1, "arrival": 1, "attack": 1, "summit": 1}
    actors = prof[(prof["dimension"] == "actor") & (prof["summit_id"] == "2024-astana")]
    assert dict(zip(actors["name"], actors["count"])) == {"China": 1, "Russia": 1}
    assert actors["share"].sum() == pytest.approx(1.0)


def test_timeline_functions_leave_the_events_alone(events_frame, summits):
    before = events_frame.copy()
    timeline.absolute_timeline(events_frame, summits=summits)
    timeline.aligned_timeline(events_frame, summits=summits)
    timelinejs.timelinejs(events_frame, summits=summits)
    pd.testing.assert_frame_equal(before, events_frame)

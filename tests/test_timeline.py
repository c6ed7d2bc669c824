"""Timelines as tables, the TimelineJS export, and the figures drawn from them."""

from __future__ import annotations

import json
from datetime import date

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import markers  # noqa: E402

from scoanalysis import plots  # noqa: E402
from scoanalysis import views  # noqa: E402
from scoanalysis import reference, timeline  # noqa: E402


pytestmark = pytest.mark.usefixtures("close_figures")


def _event(event_id, event_type, earliest, latest, summit_ids, description="an event", actors=("russia",)):
    return {
        "event_id": event_id, "article_id": "a", "sentence_id": 0, "summit_id": summit_ids[0], "event_type": event_type,
        "earliest": pd.Timestamp(earliest), "latest": pd.Timestamp(latest), "date_text": "then",
        "actors": list(actors), "description": description, "evidence": ["a:0", "b:3"], "relative_days": 0,
        "summit_ids": list(summit_ids), "summit_ref": None,
    }


@pytest.fixture
def events_frame() -> pd.DataFrame:
    return pd.DataFrame([
        _event("2014-09-12-summit-dushanbe", "summit", "2014-09-12", "2014-09-12", ["2014-dushanbe"], "SCO summit in Dushanbe"),
        _event("2022-W36-disengagement-gogra", "disengagement", "2022-09-05", "2022-09-11", ["2022-samarkand"]),
        _event("2022-09-14-visit-xi-jinping", "visit", "2022-09-14", "2022-09-14", ["2022-samarkand"]),
        _event("2022-09-16-summit-samarkand", "summit", "2022-09-16", "2022-09-16", ["2022-samarkand", "2024-astana"]),
        _event("2017-accession-india", "accession", "2017-01-01", "2017-12-31", ["2024-astana"], "India joined the SCO",
               actors=("india", "sco")),
        _event("2024-03-attack-moscow", "attack", "2024-03-01", "2024-03-31", ["2024-astana"]),
        _event("2024-07-02-arrival-xi", "arrival", "2024-07-02", "2024-07-02", ["2024-astana"],
               "Xi <script>alert(1)</script> & co arrived"),
    ])


@pytest.fixture(scope="module")
def summits() -> pd.DataFrame:
    return reference.summits()


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
    entities = pd.DataFrame({"article_id": ["x", "x", "y"], "entity_id": ["russia", "china", "russia"],
                             "entity_type": ["country", "country", "country"], "name": ["Russia", "China", "Russia"]})
    articles = pd.DataFrame({"article_id": ["x", "y"], "summit_id": ["2024-astana", "2022-samarkand"]})
    prof = timeline.coverage_profile(events_frame, entities, articles)
    assert list(prof.columns) == timeline.PROFILE_COLUMNS
    types = prof[(prof["dimension"] == "event_type") & (prof["summit_id"] == "2024-astana")]
    assert dict(zip(types["key"], types["count"])) == {"accession": 1, "arrival": 1, "attack": 1, "summit": 1}
    actors = prof[(prof["dimension"] == "actor") & (prof["summit_id"] == "2024-astana")]
    assert dict(zip(actors["name"], actors["count"])) == {"China": 1, "Russia": 1}
    assert actors["share"].sum() == pytest.approx(1.0)


def test_timelinejs_has_one_group_per_summit_valid_dates_and_escaped_text(events_frame, summits):
    data = timeline.timelinejs(events_frame, summits=summits)
    assert set(data) >= {"title", "events", "eras"}
    slides = data["events"]
    assert {s["group"] for s in slides} == set(timeline.FOCUS_SUMMITS)
    assert len({s["unique_id"] for s in slides}) == len(slides)
    for s in slides:
        for key in ("start_date", "end_date"):
            if key in s:
                d = s[key]
                date(d["year"], d.get("month", 1), d.get("day", 1))  # raises if invalid
    by_id = {s["unique_id"]: s for s in slides}
    assert by_id["2022-09-16-summit-samarkand"]["group"] == "2022-samarkand"  # first focus summit that tells it
    assert by_id["2017-accession-india"]["start_date"] == {"year": 2017}
    assert by_id["2024-03-attack-moscow"]["start_date"] == {"year": 2024, "month": 3}
    assert by_id["2022-W36-disengagement-gogra"]["end_date"] == {"year": 2022, "month": 9, "day": 11}
    arrival = by_id["2024-07-02-arrival-xi"]["text"]
    assert "&lt;script&gt;" in arrival["headline"] + arrival["text"]
    assert all("<script>" not in s["text"]["headline"] + s["text"]["text"] for s in slides)
    assert {"summit-2014-dushanbe", "summit-2022-samarkand", "summit-2024-astana"} <= set(by_id)  # landmarks
    assert len(data["eras"]) == 3


@pytest.fixture
def events_with_refs(events_frame):
    frame = events_frame.copy()
    frame.loc[frame["event_id"] == "2014-09-12-summit-dushanbe", "summit_ref"] = "2014-dushanbe"
    return frame


def test_timelinejs_uses_a_summit_event_as_its_landmark(events_with_refs, summits):
    ids = {s["unique_id"] for s in timeline.timelinejs(events_with_refs, summits=summits)["events"]}
    assert "summit-2014-dushanbe" not in ids and "summit-2022-samarkand" in ids


def test_write_exports_writes_json_and_csv_atomically(events_frame, summits, tmp_path):
    paths = timeline.write_exports(events_frame, tmp_path, summits=summits)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.csv", "timeline.json"]  # no temporary file left
    data = json.loads(paths["timeline.json"].read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(timeline.timelinejs(events_frame, summits=summits)))
    rows = pd.read_csv(paths["timeline.csv"], dtype=str, keep_default_na=False)
    assert list(rows.columns) == timeline.TIMELINE_CSV_COLUMNS
    assert rows["Type"].tolist().count("title") == 1 and rows["Type"].tolist().count("era") == 3
    assert (rows["Type"] == "").sum() == len(data["events"])
    assert set(rows.loc[rows["Type"] == "", "Year"]) <= {"2014", "2017", "2022", "2024"}


def test_timeline_functions_leave_the_events_alone(events_frame, summits):
    before = events_frame.copy()
    timeline.absolute_timeline(events_frame, summits=summits)
    timeline.aligned_timeline(events_frame, summits=summits)
    timeline.timelinejs(events_frame, summits=summits)
    pd.testing.assert_frame_equal(before, events_frame)


# --------------------------------------------------------------------------- figures


def test_absolute_figure_draws_one_marker_per_row_and_labels_the_focus_summits(events_frame, summits):
    table = timeline.absolute_timeline(events_frame, summits=summits)
    fig = plots.absolute_timeline(table)
    assert markers(fig) == len(table)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["Astana 2024", "Dushanbe 2014", "Samarkand 2022"]


def test_aligned_figure_draws_one_marker_per_row(events_frame, summits):
    table = timeline.aligned_timeline(events_frame, summits=summits)
    fig = plots.aligned_timeline(table)
    assert markers(fig) == len(table)
    assert len(fig.axes[0].get_yticks()) == 3  # one lane per summit
    fig = plots.aligned_timeline(table, window=(-30, 30))
    assert markers(fig) == int(table["relative_days"].between(-30, 30).sum())


def test_membership_figure_draws_a_bar_per_year_and_status_and_a_marker_per_accession(events_frame):
    memberships = reference.load("memberships")
    by_year = timeline.membership_by_year(memberships, start=2001, end=2025)
    acc = timeline.accession_events(events_frame, memberships=memberships)
    fig = plots.membership(by_year, accessions=acc)
    assert len(fig.axes[0].patches) == 3 * len(by_year)
    assert markers(fig) == len(acc)
    assert [t.get_text() for t in fig.axes[0].texts] == ["India"]


def test_event_type_and_actor_heatmaps_write_each_nonzero_count(events_frame):
    entities = pd.DataFrame({"article_id": ["x", "x", "x", "y"], "entity_id": ["russia", "china", "russia", "india"],
                             "entity_type": ["country"] * 4, "name": ["Russia", "China", "Russia", "India"]})
    articles = pd.DataFrame({"article_id": ["x", "y"], "summit_id": ["2024-astana", "2022-samarkand"]})
    prof = timeline.coverage_profile(events_frame, entities, articles)
    fig = plots.event_types_by_summit(prof)
    cells = prof[prof["dimension"] == "event_type"]
    assert len(fig.axes[0].texts) == len(cells)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == sorted(str(c) for c in cells["count"])
    fig = plots.actors_by_summit(prof, n=2)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["1", "2"]  # Russia 2 (astana), China 1 (astana)


def test_figures_say_so_when_there_is_nothing_to_draw(summits):
    empty = timeline.aligned_timeline(pd.DataFrame(columns=["event_id"]), summits=summits)
    fig = plots.aligned_timeline(empty)
    assert markers(fig) == 0 and fig.axes[0].texts


def test_views_give_tables_in_the_figures_order(events_frame, summits):
    table = timeline.aligned_timeline(events_frame, summits=summits)
    shown = views.aligned_table(table)
    assert shown["event"].tolist() == table["event_id"].tolist()
    assert shown.loc[shown["event"] == "2022-09-14-visit-xi-jinping", "from opening"].iloc[0] == "\u22121 d"
    line = views.aligned_line(table)
    assert line.count("\n") == 2 and "2024-astana" in line


def test_slides_and_the_accessions_table_name_the_first_evidence_and_count_the_rest(events_frame, summits):
    frame = events_frame.copy()
    many = [f"art{k}:{k}" for k in range(25)]
    india = frame.index[frame["event_id"] == "2017-accession-india"][0]
    frame.at[india, "evidence"] = many
    slides = {s["unique_id"]: s for s in timeline.timelinejs(frame, summits=summits)["events"]}
    text = slides["2017-accession-india"]["text"]["text"]
    assert "evidence: art0:0, art1:1" in text and "art9:9 (and 15 more)" in text and "art10:10" not in text
    assert "evidence: a:0, b:3</small>" in slides["2022-09-14-visit-xi-jinping"]["text"]["text"]
    table = views.accessions_table(timeline.accession_events(frame, memberships=reference.load("memberships")))
    cell = table.loc[table["event"] == "2017-accession-india", "evidence"].iloc[0]
    assert cell == ", ".join(many[:views.MAX_EVIDENCE]) + f" (and {25 - views.MAX_EVIDENCE} more)"


def test_slides_and_accessions_of_cut_evidence_lists_count_by_n_evidence(events_frame, summits):
    """Events read with their lists cut (load_summaries) tell the same as the whole lists."""
    frame = events_frame.copy()
    india = frame.index[frame["event_id"] == "2017-accession-india"][0]
    frame.at[india, "evidence"] = [f"art{k}:{k}" for k in range(25)]
    cut = frame.assign(n_evidence=pd.array(frame["evidence"].map(len), dtype="Int64"),
                       evidence=frame["evidence"].map(lambda refs: list(refs)[:views.MAX_EVIDENCE]))
    def texts(events):
        return {s["unique_id"]: s["text"]["text"] for s in timeline.timelinejs(events, summits=summits)["events"]}
    assert texts(cut) == texts(frame)
    memberships = reference.load("memberships")
    whole, short = (timeline.accession_events(f, memberships=memberships) for f in (frame, cut))
    assert whole["n_evidence"].tolist() == short["n_evidence"].tolist() and 25 in whole["n_evidence"].tolist()
    pd.testing.assert_frame_equal(views.accessions_table(short), views.accessions_table(whole))

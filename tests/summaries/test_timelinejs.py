"""The TimelineJS exports: one group per summit, valid dates, escaped text, written atomically."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from scoanalysis import reference
from scoanalysis.summaries import timeline, timelinejs


def test_timelinejs_has_one_group_per_summit_valid_dates_and_escaped_text(events_frame, summits):
    data = timelinejs.timelinejs(events_frame, summits=summits)
    assert set(data) >= {"title", "events", "eras"}
    slides = data["events"]
    assert {s["group"] for s in slides} == set(reference.FOCUS_SUMMITS)
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
    ids = {s["unique_id"] for s in timelinejs.timelinejs(events_with_refs, summits=summits)["events"]}
    assert "summit-2014-dushanbe" not in ids and "summit-2022-samarkand" in ids


def test_write_exports_writes_json_csv_and_parquet_atomically(events_frame, summits, tmp_path):
    paths = timelinejs.write_exports(events_frame, tmp_path, summits=summits)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.csv", "timeline.json", "timeline.parquet"]  # no temporary file left
    data = json.loads(paths["timeline.json"].read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(timelinejs.timelinejs(events_frame, summits=summits)))
    rows = pd.read_csv(paths["timeline.csv"], dtype=str, keep_default_na=False)
    assert list(rows.columns) == timelinejs.TIMELINE_CSV_COLUMNS
    assert rows["Type"].tolist().count("title") == 1 and rows["Type"].tolist().count("era") == 3
    assert (rows["Type"] == "").sum() == len(data["events"])
    assert set(rows.loc[rows["Type"] == "", "Year"]) <= {"2014", "2017", "2022", "2024"}


def test_slides_name_the_first_evidence_and_count_the_rest(events_frame, summits):
    frame = events_frame.copy()
    many = [f"art{k}:{k}" for k in range(25)]
    india = frame.index[frame["event_id"] == "2017-accession-india"][0]
    frame.at[india, "evidence"] = many
    slides = {s["unique_id"]: s for s in timelinejs.timelinejs(frame, summits=summits)["events"]}
    text = slides["2017-accession-india"]["text"]["text"]
    assert "evidence: art0:0, art1:1" in text and "art9:9 (and 15 more)" in text and "art10:10" not in text
    assert "evidence: a:0, b:3</small>" in slides["2022-09-14-visit-xi-jinping"]["text"]["text"]


def test_slides_and_accessions_of_cut_evidence_lists_count_by_n_evidence(events_frame, summits):
    """Events read with their lists cut (load_summaries) tell the same as the whole lists."""
    frame = events_frame.copy()
    india = frame.index[frame["event_id"] == "2017-accession-india"][0]
    frame.at[india, "evidence"] = [f"art{k}:{k}" for k in range(25)]
    cut = frame.assign(n_evidence=pd.array(frame["evidence"].map(len), dtype="Int64"),
                       evidence=frame["evidence"].map(lambda refs: list(refs)[:timelinejs.SLIDE_EVIDENCE]))

    def texts(events):
        return {s["unique_id"]: s["text"]["text"] for s in timelinejs.timelinejs(events, summits=summits)["events"]}

    assert texts(cut) == texts(frame)
    memberships = reference.load("memberships")
    whole, short = (timeline.accession_events(f, memberships=memberships) for f in (frame, cut))
    assert whole["n_evidence"].tolist() == short["n_evidence"].tolist() and 25 in whole["n_evidence"].tolist()

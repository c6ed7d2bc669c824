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
    assert {s["group"] for s in slides} == {"Dushanbe 2014", "Samarkand 2022", "Astana 2024"}  # as the eras read
    assert {s["group"] for s in slides} == {e["text"]["headline"] for e in data["eras"]}
    assert len({s["unique_id"] for s in slides}) == len(slides)
    for s in slides:
        for key in ("start_date", "end_date"):
            if key in s:
                d = s[key]
                date(d["year"], d.get("month", 1), d.get("day", 1))  # raises if invalid
    by_id = {s["unique_id"]: s for s in slides}
    assert by_id["2022-09-16-summit-samarkand"]["group"] == "Samarkand 2022"  # first focus summit that tells it
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


@pytest.mark.parametrize("description, expected", [
    ("The Shanghai Cooperation Organization was established by China and Russia to discuss security…",
     "The Shanghai Cooperation Organization was established"),
    ("India joined the Shanghai Cooperation Organisation at the behest of Russia",
     "India joined the Shanghai Cooperation Organisation"),
    ("Xi Jinping called for the creation of “bridges of communication” between the countries and wants to…",
     "Xi Jinping called for the creation"),
    ("Putin referred to Beijing’s unspecified “concerns” about the conflict",
     "Putin referred to Beijing’s unspecified “concerns”"),
    ("Belarus will become a full member of the organization", "Belarus will become a full member of the organization"),
    ("Talks ended…", "Talks ended"),
    ("x" * 80, "x" * 59 + "…"),
])
def test_headlines_are_cut_at_a_phrase_boundary_and_read_whole(description, expected):
    assert timelinejs.headline(description) == expected
    assert len(timelinejs.headline(description)) <= timelinejs.HEADLINE_CHARS


def test_long_descriptions_get_a_whole_headline_and_the_text_keeps_all_of_it(events_frame, summits):
    frame = events_frame.copy()
    long = "Delhi and Beijing began withdrawing from the Gogra-Hotsprings border area in the western Himalayas"
    frame.loc[frame["event_id"] == "2022-W36-disengagement-gogra", "description"] = long
    slide = next(s for s in timelinejs.timelinejs(frame, summits=summits)["events"]
                 if s["unique_id"] == "2022-W36-disengagement-gogra")
    assert slide["text"]["headline"] == "Delhi and Beijing began withdrawing"
    assert "…" not in slide["text"]["headline"] and long in slide["text"]["text"]


def test_evidence_names_the_article_by_headline_and_outlet_with_its_sentences(events_frame, summits):
    frame = events_frame.copy()
    india = frame.index[frame["event_id"] == "2017-accession-india"][0]
    frame.at[india, "evidence"] = ["a:3", "a:5", "b:1", "c:2"]
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "headline": ["Leaders <meet>", "Summit opens", None],
                             "outlet": ["Daily News", None, None]})
    slides = {s["unique_id"]: s for s in timelinejs.timelinejs(frame, summits=summits, articles=articles)["events"]}
    text = slides["2017-accession-india"]["text"]["text"]
    assert ("evidence: “Leaders &lt;meet&gt;” (Daily News), sentences 3, 5; “Summit opens”, sentence 1; "
            "article c, sentence 2</small>") in text


def test_write_exports_names_evidence_from_the_articles_table_beside_it(events_frame, summits, tmp_path):
    from scoanalysis import schema, storage

    articles = schema.empty("articles").reindex(range(1)).assign(article_id="a", headline="Leaders meet",
                                                                  outlet="Daily News", path="raw/a.txt")
    storage.write_table(articles, "articles", tmp_path)
    timelinejs.write_exports(events_frame, tmp_path, summits=summits)
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    visit = next(s for s in data["events"] if s["unique_id"] == "2022-09-14-visit-xi-jinping")
    assert "evidence: “Leaders meet” (Daily News), sentence 0; article b, sentence 3</small>" in visit["text"]["text"]

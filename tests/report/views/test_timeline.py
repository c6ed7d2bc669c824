"""The timeline's views: events with their evidence, the timelines' tables in the figures' order."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import reference, schema, summaries
from scoanalysis.report import views
from scoanalysis.summaries import read, timeline

import built_tables as whole
from built_tables import FOCUS


def _both(folder):
    """The whole tables and the summaries of the tables in `folder`."""
    return sa.load_tables(folder), sa.load_summaries(folder)


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_events_table_from_the_summaries(which, seed_tables_dir, synthetic_tables_dir):
    full, summ = _both(seed_tables_dir if which == "seed" else synthetic_tables_dir)
    expected, shown = whole.events_table(full, summit_ids=FOCUS), views.events_table(summ, summit_ids=FOCUS)
    assert len(expected) > (5 if which == "seed" else 0)
    pd.testing.assert_frame_equal(shown, expected.head(views.SHOW_ROWS), check_dtype=False)
    longest = max(len(schema.as_list(refs)) for refs in full["events"]["evidence"])
    assert longest > views.MAX_EVIDENCE or not any("more sentences)" in e for e in expected["evidence"])


def test_views_of_evidence_lists_cut_on_reading_equal_the_whole_lists(synthetic_tables_dir, monkeypatch):
    """load_summaries cuts events' and attendance's evidence lists; the views quote and count as from whole lists."""
    monkeypatch.setattr(read, "EVIDENCE_SENTENCES", 3)  # under the build's 10: summary_evidence holds them
    monkeypatch.setattr(views.summit, "MAX_EVIDENCE", 3)
    monkeypatch.setattr(views.timeline, "MAX_EVIDENCE", 3)
    full, summ = _both(synthetic_tables_dir)
    for name in summaries.EVIDENCE_TABLES:
        assert (summ[name]["n_evidence"] > 3).any() and summ[name]["evidence"].map(len).max() == 3
        assert summ[name]["n_evidence"].tolist() == full[name]["evidence"].map(len).tolist()
    expected, shown = whole.events_table(full, quoted=3), views.events_table(summ)
    assert any("more sentences)" in cell for cell in shown["evidence"])
    pd.testing.assert_frame_equal(shown, expected.head(views.SHOW_ROWS), check_dtype=False)
    summit = full["attendance"]["summit_id"].value_counts().index[0]
    expected, shown = whole.summit_attendance(full, summit, quoted=3), views.summit_attendance(summ, summit)
    pd.testing.assert_frame_equal(shown, expected.head(views.SHOW_ROWS), check_dtype=False)
    assert any("more sentences)" in cell for cell in shown["evidence"])


# --- the timelines' tables ------------------------------------------------------------------------------

def test_views_give_tables_in_the_figures_order(events_frame, summits):
    table = timeline.aligned_timeline(events_frame, summits=summits)
    shown = views.aligned_table(table)
    assert shown["event"].tolist() == table["event_id"].tolist()
    assert shown.loc[shown["event"] == "2022-09-14-visit-xi-jinping", "from opening"].iloc[0] == "\u22121 d"
    line = views.aligned_line(table)
    assert line.count("\n") == 2 and "2024-astana" in line
    absolute = timeline.absolute_timeline(events_frame, summits=summits)
    assert views.absolute_table(absolute)["event"].tolist() == absolute.loc[absolute["kind"] == "event", "event_id"].tolist()


def test_the_accessions_table_names_the_first_evidence_and_counts_the_rest(events_frame):
    frame = events_frame.copy()
    many = [f"art{k}:{k}" for k in range(25)]
    india = frame.index[frame["event_id"] == "2017-accession-india"][0]
    frame.at[india, "evidence"] = many
    memberships = reference.load("memberships")
    table = views.accessions_table(timeline.accession_events(frame, memberships=memberships))
    cell = table.loc[table["event"] == "2017-accession-india", "evidence"].iloc[0]
    assert cell == ", ".join(many[:views.MAX_EVIDENCE]) + f" (and {25 - views.MAX_EVIDENCE} more)"
    cut = frame.assign(n_evidence=pd.array(frame["evidence"].map(len), dtype="Int64"),
                       evidence=frame["evidence"].map(lambda refs: list(refs)[:views.MAX_EVIDENCE]))
    short = timeline.accession_events(cut, memberships=memberships)
    pd.testing.assert_frame_equal(views.accessions_table(short), table)
    line = views.membership_line(timeline.membership_by_year(memberships), short)
    assert "The articles report 1 accession: India (2017)." in line

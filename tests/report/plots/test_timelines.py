"""The timeline figures draw one mark per row of the summaries.timeline tables."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import markers  # noqa: E402

from scoanalysis import reference  # noqa: E402
from scoanalysis.report import plots  # noqa: E402
from scoanalysis.summaries import timeline  # noqa: E402


pytestmark = pytest.mark.usefixtures("close_figures")


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
    mentions = pd.DataFrame({"summit_id": ["2024-astana", "2024-astana", "2022-samarkand"],
                             "entity_id": ["russia", "china", "india"], "entity_type": ["country"] * 3,
                             "name": ["Russia", "China", "India"], "count": [2, 1, 1], "first_seen": [0, 1, 3]})
    prof = timeline.coverage_profile(events_frame, mentions)
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

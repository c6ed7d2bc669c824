"""The corpus and summit figures draw the marks their tables call for."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import markers  # noqa: E402

import scoanalysis as sa  # noqa: E402
from scoanalysis import reference  # noqa: E402
from scoanalysis.report import plots  # noqa: E402


pytestmark = pytest.mark.usefixtures("close_figures")


def test_summit_timeline_draws_one_marker_per_summit_and_labels_the_highlighted():
    summits = reference.summits()
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "summit_id": ["2014-dushanbe", "2024-astana", "2024-astana"]})
    fig = plots.summit_timeline(summits, articles=articles)
    assert markers(fig) == len(summits)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["Dushanbe 2014\n1 article", "Samarkand 2022", "Astana 2024\n2 articles"]


def test_articles_per_summit_draws_one_bar_per_summit_in_each_panel():
    articles = pd.DataFrame({"article_id": list("abcd"), "summit_id": ["2014-dushanbe", "2024-astana", "2024-astana", None],
                             "n_words": [100, 200, 300, 50]})
    fig = plots.articles_per_summit(articles)
    assert [len(ax.patches) for ax in fig.axes] == [3, 3]
    assert sorted(p.get_width() for p in fig.axes[1].patches) == [50, 100, 500]


def test_attendance_matrix_labels_one_cell_per_row_and_names_stand_ins():
    table = pd.DataFrame({
        "summit_id": ["2014-dushanbe", "2024-astana", "2024-astana", "2022-samarkand"],
        "entity_id": ["vladimir-putin", "vladimir-putin", "narendra-modi", "narendra-modi"],
        "name": ["Vladimir Putin", "Vladimir Putin", "Narendra Modi", "Narendra Modi"],
        "status": ["attended", "expected", "represented", "attended"],
        "represented_by": ["", "", "subrahmanyam-jaishankar", ""],
    })
    fig = plots.attendance_matrix(table)
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert texts == ["attended", "attended", "expected", "sent subrahmanyam-jaishankar"]


def test_attendance_matrix_keeps_the_people_with_most_evidence_and_says_how_many_are_left_out():
    table = pd.DataFrame({
        "summit_id": ["2024-astana", "2024-astana", "2024-astana", "2022-samarkand"],
        "entity_id": ["xi-jinping", "narendra-modi", "shehbaz-sharif", "shehbaz-sharif"],
        "name": ["Xi Jinping", "Narendra Modi", "Shehbaz Sharif", "Shehbaz Sharif"],
        "status": ["attended", "absent", "attended", "attended"],
        "represented_by": ["", "", "", ""],
        "evidence": [["a:1"], ["a:2", "b:3", "c:4"], ["d:1"], ["e:2", "e:3"]],
    })
    fig = plots.attendance_matrix(table, max_people=2)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Shehbaz Sharif", "Narendra Modi"]
    assert fig.axes[0].get_title(loc="left").endswith("; the 2 of 3 people with the most evidence")
    assert "people" not in plots.attendance_matrix(table).axes[0].get_title(loc="left")


def test_quote_counts_shows_the_most_quoted_speakers_first_and_says_how_many_are_left_out():
    counts = pd.DataFrame({"2024-astana": [5, 3, 1]}, index=["Putin", "Xi", "Gabuev"])
    fig = plots.quote_counts(counts, max_speakers=2)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Putin", "Xi"]
    assert fig.axes[0].get_title(loc="left").endswith("; the 2 most quoted of 3")


def test_quote_counts_writes_each_nonzero_count():
    counts = pd.DataFrame({"2014-dushanbe": [2, 0], "2024-astana": [1, 3]}, index=["Putin", "Gabuev"])
    fig = plots.quote_counts(counts)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["1", "2", "3"]


def test_top_terms_one_panel_per_group_at_most_n_bars():
    terms = pd.DataFrame({"group": ["x"] * 5 + ["y"] * 2, "term": list("abcde") + ["f", "g"], "count": [5, 4, 3, 2, 1, 2, 1]})
    fig = plots.top_terms(terms, n=3)
    assert [len(ax.patches) for ax in fig.axes] == [3, 2]


def test_attendance_matrix_weighs_cut_evidence_lists_by_their_counts():
    table = pd.DataFrame({
        "summit_id": ["2024-astana"] * 3, "entity_id": ["xi-jinping", "narendra-modi", "shehbaz-sharif"],
        "name": ["Xi Jinping", "Narendra Modi", "Shehbaz Sharif"], "status": ["attended", "absent", "attended"],
        "represented_by": ["", "", ""], "evidence": [["a:1"], ["a:2"], ["d:1"]],
        "n_evidence": pd.array([1, 40, 12], dtype="Int64"),  # lists cut to one reference on reading
    })
    fig = plots.attendance_matrix(table, max_people=2)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Shehbaz Sharif", "Narendra Modi"]


def test_sentence_kinds_chart_is_capped(seed_tables_dir):
    summ = sa.load_summaries(seed_tables_dir)
    fig = plots.sentence_kinds(summ["summary_kinds"], max_articles=2)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 2
    assert "the first 2 of 5 articles" in ax.get_title(loc="left")

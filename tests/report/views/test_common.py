"""What the views share: the report table, and reading the summaries only."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import summaries
from scoanalysis.report import views


def test_report_tables_show_a_bounded_number_of_rows_and_say_so():
    frame = pd.DataFrame({"article": [f"a{i}" for i in range(1000)], "headline": ["<b>x</b>"] * 1000})
    html = views.show(frame, max_rows=50).to_html()
    assert html.count("<tr>") == 51  # header and 50 rows
    assert "The first 50 of 1,000 rows" in html and "&lt;b&gt;" in html
    assert views.show(frame.head(10), max_rows=50).to_html().count("<tr>") == 11
    assert "rows;" not in views.show(frame.head(10), max_rows=50).to_html()
    assert views.show(frame, max_rows=None).to_html().count("<tr>") == 1001


LARGE = {"sentences", "entities", "timexes", "quotes"}
OVERVIEW = ["corpus_line", "article_overview", "publication_evidence", "problems_line", "problems", "duplicates_overview",
            "pairs_side_by_side", "translation_clues", "contradictions", "boilerplate"]
PROFILE = ["summit_count_line", "summit_articles", "dated_statements", "summit_quotes", "summit_attendance"]
COMPARISON = ["coverage_line", "events_line", "quoted_by_summit", "events_table", "theme_overview", "tone_overview",
              "distinctive_overview", "tone_by_actor_overview"]


@pytest.mark.parametrize("view", OVERVIEW + PROFILE + COMPARISON)
def test_every_view_reads_the_fixture_summaries_and_no_large_table(fixture_tables, view, reads):
    tables = sa.load_summaries(fixture_tables)
    args = ("2019-bishkek",) if view in PROFILE else ()
    out = getattr(views, view)(summaries.originals(tables) if view in COMPARISON else tables, *args)
    assert isinstance(out, (str, pd.DataFrame))
    allowed = {"sentences"} if view in ("pairs_side_by_side", "contradictions") else set()
    assert not ({name.removesuffix("[head]") for name in reads} & LARGE) - allowed, reads


def test_every_view_of_the_summaries_is_tested_on_them():
    of_tables = {"show", "summit_facts", "side_by_side", "absolute_table", "aligned_table", "accessions_table",
                 "aligned_line", "membership_line", "profile_line", "SHOW_ROWS", "MAX_EVIDENCE"}
    assert set(views.__all__) - of_tables == set(OVERVIEW + PROFILE + COMPARISON)


def test_report_tables_mark_cells_of_long_ids_and_of_prose_for_the_stylesheet():
    frame = pd.DataFrame({"article": ["002_31059493dcc32406", "short"], "text": ["word " * 20, "a few words"],
                          "n": [1, 2]})
    html = views.show(frame).to_html()
    cells = {c: html.split(f">{c}")[0].rsplit("<td", 1)[1] for c in ("002_31059493dcc32406", "short", "a few words")}
    assert 'class="data row0 col0 wrap"' in html and "wrap" not in cells["short"]
    assert 'class="data row0 col1 prose"' in html and "prose" not in cells["a few words"]
    assert html.count("wrap") == 1 and html.count("prose") == 1

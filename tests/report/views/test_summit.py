"""A summit profile's views: the summit's rows of the summaries, capped, counted, evidence quoted."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import schema, summaries
from scoanalysis.exceptions import ParameterError
from scoanalysis.report import views

import built_tables as whole


def _both(folder):
    """The whole tables and the summaries of the tables in `folder`."""
    return sa.load_tables(folder), sa.load_summaries(folder)


@pytest.mark.parametrize("view, args", [
    ('summit_articles', ("2024-astana",)),
    ('dated_statements', ("2024-astana",)),
    ('summit_quotes', ("2022-samarkand",)),
    ('summit_attendance', ("2022-samarkand",)),
])
def test_views_show_from_the_summaries_what_the_whole_tables_say(seed_tables_dir, view, args):
    whole.assert_view_shows_what_the_whole_tables_say(seed_tables_dir, view, args)


def test_attendance_view_quotes_its_evidence_from_the_summary_and_looks_up_only_what_is_missing(
        synthetic_tables_dir, monkeypatch):
    full = sa.load_tables(synthetic_tables_dir)
    summit = full["attendance"]["summit_id"].value_counts().index[0]
    everyone = whole.summit_attendance(full, summit)
    assert len(everyone) > 2
    asked = []
    real = summaries.sentence_texts
    monkeypatch.setattr(summaries, "sentence_texts", lambda folder, refs: real(folder, asked.extend(refs) or asked))
    monkeypatch.setattr(views.summit, "SHOW_ROWS", 2)
    summ = sa.load_summaries(synthetic_tables_dir)
    shown = views.summit_attendance(summ, summit)
    pd.testing.assert_frame_equal(shown, everyone.head(2), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everyone)
    assert asked == []  # every quoted sentence is in summary_evidence
    # without the summary's text, only the evidence of the two people shown is looked up
    bare = summaries.Summaries(lambda name: schema.empty(name) if name == "summary_evidence" else summ[name], summ,
                               folder=summ.folder)
    pd.testing.assert_frame_equal(views.summit_attendance(bare, summit), shown)
    first_two = full["attendance"][full["attendance"]["summit_id"] == summit].sort_values(["status", "name"]).head(2)
    cited = {r for refs in first_two["evidence"] for r in schema.evidence_refs(refs, views.MAX_EVIDENCE)}
    assert set(asked) == cited


def test_profile_views_show_the_summits_own_rows(fixture_tables):
    full, summ = _both(fixture_tables)
    for sid in ("2019-bishkek", "2024-astana"):
        for view in ("summit_articles", "dated_statements", "summit_quotes", "summit_attendance"):
            pd.testing.assert_frame_equal(getattr(views, view)(summ, sid), getattr(whole, view)(full, sid),
                                          check_dtype=False, obj=f"{view}({sid})")
    facts = views.summit_facts("2019-bishkek").set_index("fact")["value"]
    assert facts["city"] == "Bishkek" and facts["country"] == "Kyrgyzstan"
    with pytest.raises(ParameterError, match="unknown summit_id '2099-atlantis'"):
        views.summit_facts("2099-atlantis")


def test_every_page_counts_samarkand_by_one_rule_and_says_it(seed_tables_dir):
    """The seeds' Samarkand coverage is one story told twice (a translation): every page counts it once."""
    summ = sa.load_summaries(seed_tables_dir)
    a = summ["articles"]
    samarkand = a[a["summit_id"] == "2022-samarkand"]
    assert len(samarkand) == 2 and samarkand["duplicate_of"].notna().sum() == 1
    profile = views.summit_count_line(summ, "2022-samarkand")
    assert profile.startswith("2 articles are about this summit: 1 story and 1 article that repeats another")
    assert "counts each story once, so this summit counts 1 article" in profile
    assert summaries.article_counts(summ)["2022-samarkand"] == 1  # the profile's chart
    overview = views.corpus_line(summ)
    assert "Counting each story once" in overview and "2022-samarkand (1)" in overview
    assert "2022-samarkand (2)" in views.corpus_line(summ, include_duplicates=True)
    comparison = views.coverage_line(summaries.originals(summ), ["2022-samarkand"])
    assert "each story counted once" in comparison and "2022-samarkand: 1 article," in comparison
    assert "2022-samarkand: 2 articles," in views.coverage_line(summ, ["2022-samarkand"])
    assert views.summit_count_line(summ, "2014-dushanbe").startswith("1 article is about this summit, each a story")
    assert views.summit_count_line(summ, "2001-shanghai") == "No article is about this summit."

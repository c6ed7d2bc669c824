"""The views show from the summaries what the whole tables say, capped and counted, reading only what they show."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import reference, schema, summaries
from scoanalysis.exceptions import ParameterError
from scoanalysis.report import views
from scoanalysis.report.views import articles as article_views
from scoanalysis.report.views import summit as summit_views
from scoanalysis.report.views import timeline as timeline_views
from scoanalysis.summaries import read, timeline

import built_tables as whole
from built_tables import FOCUS

LARGE = {"sentences", "entities", "timexes", "quotes"}


def _both(folder):
    return sa.load_tables(folder), sa.load_summaries(folder)


@pytest.fixture
def reads(monkeypatch):
    """The tables load_summaries's mappings read (``name``, or ``name[head]`` for a head), and ``sentences`` looked up."""
    asked = []
    real_one, real_head, real_texts, real_rows = read._read_one, read._read_head, read.sentence_texts, read.article_sentences
    monkeypatch.setattr(read, "_read_one", lambda folder, name: asked.append(name) or real_one(folder, name))
    monkeypatch.setattr(read, "_read_head",
                        lambda folder, name, rows: asked.append(f"{name}[head]") or real_head(folder, name, rows))
    monkeypatch.setattr(summaries, "sentence_texts",
                        lambda folder, refs: asked.append("sentences") or real_texts(folder, refs))
    monkeypatch.setattr(summaries, "article_sentences",
                        lambda folder, ids: asked.append("sentences") or real_rows(folder, ids))
    return asked


# --- the report's tables --------------------------------------------------------------------------------

def test_report_tables_show_a_bounded_number_of_rows_and_say_so():
    frame = pd.DataFrame({"article": [f"a{i}" for i in range(1000)], "headline": ["<b>x</b>"] * 1000})
    html = views.show(frame, max_rows=50).to_html()
    assert html.count("<tr>") == 51  # header and 50 rows
    assert "The first 50 of 1,000 rows" in html and "&lt;b&gt;" in html
    assert views.show(frame.head(10), max_rows=50).to_html().count("<tr>") == 11
    assert "rows;" not in views.show(frame.head(10), max_rows=50).to_html()
    assert views.show(frame, max_rows=None).to_html().count("<tr>") == 1001


def test_side_by_side_pairs_are_bounded_and_the_rest_counted(seed_sentences, tmp_path):
    one = seed_sentences[seed_sentences["article_id"] == seed_sentences["article_id"].iloc[0]]
    sentences = pd.concat([one.assign(article_id=x) for x in ("a", "b", "c")], ignore_index=True)
    schema.write_table(schema.conform(sentences, "sentences"), "sentences", tmp_path)
    pairs = pd.DataFrame({"article_a": ["a", "a", "b"], "article_b": ["b", "c", "c"], "relation": ["duplicate"] * 3,
                          "similarity": [1.0, 1.0, 1.0]})
    tables = summaries.Summaries.of({"articles": pd.DataFrame({"article_id": ["a", "b", "c"]}), "duplicates": pairs},
                                    folder=tmp_path)
    html = views.pairs_side_by_side(tables, max_pairs=2)
    assert html.count("<h4>") == 2 and "1 more pairs are listed in the duplicates table" in html
    assert views.pairs_side_by_side(tables).count("<h4>") == 3 and "more pairs" not in views.pairs_side_by_side(tables)


# --- from the summaries, what the whole tables say ---------------------------------------------------------

@pytest.mark.parametrize("view, args", [
    ("boilerplate", ()),
    ("translation_clues", ()),
    ("contradictions", ()),
    ("summit_articles", ("2024-astana",)),
    ("dated_statements", ("2024-astana",)),
    ("summit_quotes", ("2022-samarkand",)),
    ("summit_attendance", ("2022-samarkand",)),
    ("quoted_by_summit", (FOCUS,)),
    ("tone_by_actor_overview", ()),
    ("pairs_side_by_side", ()),
])
def test_views_show_from_the_summaries_what_the_whole_tables_say(seed_tables_dir, view, args):
    full, summ = _both(seed_tables_dir)
    expected, shown = getattr(whole, view)(full, *args), getattr(views, view)(summ, *args)
    if isinstance(expected, str):
        assert expected == shown and "<table" in shown
    else:
        assert len(expected) > 0
        pd.testing.assert_frame_equal(expected.reset_index(drop=True), shown.reset_index(drop=True), check_dtype=False)
        numeric = expected.select_dtypes("number").columns
        assert list(shown.select_dtypes("number").columns) == list(numeric)  # heatmaps need numbers, not objects


@pytest.mark.parametrize("view, by", [("theme_overview", "outlet"), ("tone_overview", "outlet"),
                                      ("theme_overview", "summit_id"), ("tone_overview", "summit_id"),
                                      ("distinctive_overview", "summit_id")])
def test_framing_views_show_from_the_summaries_what_the_whole_tables_say(seed_tables_dir, view, by):
    full, summ = _both(seed_tables_dir)
    pd.testing.assert_frame_equal(getattr(whole, view)(full, by=by), getattr(views, view)(summ, by=by), check_dtype=False)


def test_distinctive_words_by_another_column_than_the_summit_is_a_parameter_error(seed_tables_dir):
    with pytest.raises(ParameterError, match="count words by summit only, not by 'outlet'"):
        views.distinctive_overview(sa.load_summaries(seed_tables_dir), by="outlet")


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_events_table_from_the_summaries(which, seed_tables_dir, synthetic_tables_dir):
    full, summ = _both(seed_tables_dir if which == "seed" else synthetic_tables_dir)
    expected, shown = whole.events_table(full, summit_ids=FOCUS), views.events_table(summ, summit_ids=FOCUS)
    assert len(expected) > (5 if which == "seed" else 0)
    pd.testing.assert_frame_equal(shown, expected.head(views.SHOW_ROWS), check_dtype=False)
    longest = max(len(schema.as_list(refs)) for refs in full["events"]["evidence"])
    assert longest > views.MAX_EVIDENCE or not any("more sentences)" in e for e in expected["evidence"])


def test_the_overview_reads_only_the_claims_it_shows(synthetic_tables_dir, monkeypatch, reads):
    everything = whole.contradictions(sa.load_tables(synthetic_tables_dir))
    assert len(everything) > 3
    monkeypatch.setattr(article_views, "SHOW_ROWS", 3)
    summ = sa.load_summaries(synthetic_tables_dir)
    shown = views.contradictions(summaries.originals(summ))
    assert "claims" not in reads and "claims[head]" in reads  # the head only
    pd.testing.assert_frame_equal(shown, everything.head(3), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everything)


def test_attendance_view_quotes_its_evidence_from_the_summary_and_looks_up_only_what_is_missing(
        synthetic_tables_dir, monkeypatch):
    full = sa.load_tables(synthetic_tables_dir)
    summit = full["attendance"]["summit_id"].value_counts().index[0]
    everyone = whole.summit_attendance(full, summit)
    assert len(everyone) > 2
    asked = []
    real = summaries.sentence_texts
    monkeypatch.setattr(summaries, "sentence_texts", lambda folder, refs: real(folder, asked.extend(refs) or asked))
    monkeypatch.setattr(summit_views, "SHOW_ROWS", 2)
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


def test_views_of_evidence_lists_cut_on_reading_equal_the_whole_lists(synthetic_tables_dir, monkeypatch):
    """load_summaries cuts events' and attendance's evidence lists; the views quote and count as from whole lists."""
    monkeypatch.setattr(read, "EVIDENCE_SENTENCES", 3)  # under the build's 10: summary_evidence holds them
    monkeypatch.setattr(summit_views, "MAX_EVIDENCE", 3)
    monkeypatch.setattr(timeline_views, "MAX_EVIDENCE", 3)
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


# --- every view on the fixture corpus's summaries ---------------------------------------------------------

OVERVIEW = ["corpus_line", "article_overview", "publication_evidence", "problems_line", "problems", "duplicates_overview",
            "pairs_side_by_side", "translation_clues", "contradictions", "boilerplate"]
PROFILE = ["summit_articles", "dated_statements", "summit_quotes", "summit_attendance"]
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


def test_overview_lines_sum_up_the_fixture_corpus(fixture_tables):
    summ = sa.load_summaries(fixture_tables)
    a = summ["articles"]
    line = views.corpus_line(summ)
    assert f"**{len(a)} articles**" in line and f"**{int(a['n_words'].sum()):,} words**" in line
    assert views.coverage_line(summ, ["2019-bishkek"]).startswith("Coverage by summit — 2019-bishkek: ")
    assert list(views.article_overview(summ)["article"]) == list(a["article_id"])


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

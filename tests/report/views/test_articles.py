"""The corpus overview's views: from the summaries, what the whole tables say, the claims' head only."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import schema, storage, summaries
from scoanalysis.report import views

import built_tables as whole


def test_side_by_side_pairs_are_bounded_and_the_rest_counted(seed_sentences, tmp_path):
    one = seed_sentences[seed_sentences["article_id"] == seed_sentences["article_id"].iloc[0]]
    sentences = pd.concat([one.assign(article_id=x) for x in ("a", "b", "c")], ignore_index=True)
    storage.write_table(schema.conform(sentences, "sentences"), "sentences", tmp_path)
    pairs = pd.DataFrame({"article_a": ["a", "a", "b"], "article_b": ["b", "c", "c"], "relation": ["duplicate"] * 3,
                          "similarity": [1.0, 1.0, 1.0]})
    tables = summaries.Summaries.of({"articles": pd.DataFrame({"article_id": ["a", "b", "c"]}), "duplicates": pairs},
                                    folder=tmp_path)
    html = views.pairs_side_by_side(tables, max_pairs=2)
    assert html.count("<h4>") == 2 and "1 more pairs are listed in the duplicates table" in html
    assert views.pairs_side_by_side(tables).count("<h4>") == 3 and "more pairs" not in views.pairs_side_by_side(tables)


@pytest.mark.parametrize("view, args", [
    ('boilerplate', ()),
    ('translation_clues', ()),
    ('contradictions', ()),
    ('pairs_side_by_side', ()),
])
def test_views_show_from_the_summaries_what_the_whole_tables_say(seed_tables_dir, view, args):
    whole.assert_view_shows_what_the_whole_tables_say(seed_tables_dir, view, args)


def test_the_overview_reads_only_the_claims_it_shows(synthetic_tables_dir, monkeypatch, reads):
    everything = whole.contradictions(sa.load_tables(synthetic_tables_dir))
    assert len(everything) > 3
    monkeypatch.setattr(views.articles, "SHOW_ROWS", 3)
    summ = sa.load_summaries(synthetic_tables_dir)
    shown = views.contradictions(summaries.originals(summ))
    assert "claims" not in reads and "claims[head]" in reads  # the head only
    pd.testing.assert_frame_equal(shown, everything.head(3), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everything)


def test_overview_lines_sum_up_the_fixture_corpus(fixture_tables):
    summ = sa.load_summaries(fixture_tables)
    a = summ["articles"]
    line = views.corpus_line(summ)
    assert f"**{len(a)} articles**" in line and f"**{int(a['n_words'].sum()):,} words**" in line
    assert views.coverage_line(summ, ["2019-bishkek"]).startswith(
        "Coverage by summit (every article counted, repeats of another included) — 2019-bishkek: ")
    assert list(views.article_overview(summ)["article"]) == list(a["article_id"])

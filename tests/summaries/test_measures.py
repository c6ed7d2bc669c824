"""The measures read from the summaries give the numbers the whole tables give."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import framing, summaries, text
from scoanalysis.summaries import timeline

from built_tables import FOCUS, whole_originals


def _both(folder):
    return sa.load_tables(folder), sa.load_summaries(folder)


def _prose_entities(full: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The entity mentions outside page furniture (boilerplate sentences), which the reports' counts leave out."""
    flagged = full["sentences"].loc[full["sentences"]["is_boilerplate"].astype(bool), ["article_id", "sentence_id"]]
    keys = set(zip(flagged["article_id"], flagged["sentence_id"]))
    ents = full["entities"]
    return ents[[k not in keys for k in zip(ents["article_id"], ents["sentence_id"])]]


def _mention_counts(full: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The entities table counted per summit, entity and name, in order of first mention (summary_mentions' columns)."""
    summit = full["articles"].set_index("article_id")["summit_id"]
    ents = _prose_entities(full)
    ents = ents.assign(summit_id=ents["article_id"].map(summit), first_seen=range(len(ents)))
    return (ents.groupby(["summit_id", "entity_id", "entity_type", "name"], sort=False)
            .agg(count=("entity_id", "size"), first_seen=("first_seen", "min")).reset_index())


def _assert_readers_equal(full, summ, include_duplicates):
    f = whole_originals(full, include_duplicates=include_duplicates)
    s = summaries.originals(summ, include_duplicates=include_duplicates)
    assert s.originals_only is not include_duplicates
    summit = f["articles"].set_index("article_id")["summit_id"]
    focus = summit.where(summit.isin(FOCUS))
    pd.testing.assert_frame_equal(text.term_counts(f["sentences"], by=summit), summaries.term_counts(s),
                                  check_dtype=False)
    old = text.term_counts(f["sentences"], by=summit)
    pd.testing.assert_frame_equal(old[old["group"].isin(FOCUS)].reset_index(drop=True),
                                  summaries.term_counts(s, summit_ids=FOCUS), check_dtype=False)
    pd.testing.assert_frame_equal(framing.theme_shares(f["sentences"], by=focus),
                                  summaries.theme_shares(s, summit_ids=FOCUS), check_dtype=False)
    pd.testing.assert_frame_equal(framing.distinctive_words(f["sentences"], by=focus),
                                  summaries.distinctive_words(s, summit_ids=FOCUS), check_dtype=False)
    pd.testing.assert_frame_equal(framing.tone(f["sentences"], by=focus), summaries.tone(s, summit_ids=FOCUS),
                                  check_dtype=False)
    a = f["articles"]
    outlet = pd.Series(a["outlet"].astype(object).where(a["outlet"].notna(), "none").values, index=a["article_id"].values)
    pd.testing.assert_frame_equal(framing.tone(f["sentences"], by=outlet), summaries.tone(s, by="outlet"),
                                  check_dtype=False)
    pd.testing.assert_frame_equal(framing.theme_shares(f["sentences"], by=outlet),
                                  summaries.theme_shares(s, by="outlet"), check_dtype=False)
    body = f["sentences"][~f["sentences"]["is_boilerplate"].astype(bool)]
    actors = framing.tone_by_actor(body, f["entities"])
    pd.testing.assert_frame_equal(actors.head(summaries.ACTOR_ROWS), summaries.tone_by_actor(s).head(summaries.ACTOR_ROWS),
                                  check_dtype=False)
    for ids in (FOCUS, ["2024-astana"]):
        prose = _prose_entities(f)
        ents = prose[prose["entity_type"] == "person"]
        old = (ents.assign(group=ents["article_id"].map(summit.where(summit.isin(ids)))).dropna(subset=["group"])
               .groupby(["group", "name"]).size().rename("count").reset_index().rename(columns={"name": "term"}))
        pd.testing.assert_frame_equal(old, summaries.mention_counts(s, summit_ids=ids), check_dtype=False)
    pd.testing.assert_frame_equal(timeline.coverage_profile(f["events"], _mention_counts(f), summit_ids=FOCUS),
                                  timeline.coverage_profile(s["events"], s["summary_mentions"], summit_ids=FOCUS))
    return actors


@pytest.mark.parametrize("include_duplicates", [True, False])
def test_summaries_give_the_whole_tables_numbers_on_the_seeds(seed_tables_dir, include_duplicates):
    full, summ = _both(seed_tables_dir)
    actors = _assert_readers_equal(full, summ, include_duplicates)
    assert len(actors) > 10  # the seeds name enough actors for the comparison to mean something


@pytest.mark.parametrize("include_duplicates", [True, False])
def test_summaries_give_the_whole_tables_numbers_on_a_synthetic_corpus(synthetic_tables_dir, include_duplicates):
    full, summ = _both(synthetic_tables_dir)
    assert full["articles"]["duplicate_of"].notna().sum() >= 1  # so originals differ from all articles
    _assert_readers_equal(full, summ, include_duplicates)


def test_own_text_is_summed_per_article(own_tables_dir):
    from scoanalysis.report import views

    summ = sa.load_summaries(own_tables_dir)
    terms = summaries.term_counts(summ).set_index(["group", "term"])["count"]
    s = sa.load_tables(own_tables_dir)["sentences"]
    prose = s.loc[~s["is_boilerplate"].astype(bool), "text"]
    assert terms[("2024-astana", "astana")] == sum(t.lower().count("astana") for t in prose) >= 3
    tone = summaries.tone(summ, by="outlet").set_index("group")
    assert tone.loc["Reuters", "compound_mean"] > 0 > tone.loc["AFP", "compound_mean"]
    assert "failed" in tone.loc["AFP", "negative_words"]
    boiler = views.boilerplate(summ)
    assert set(boiler["text"]) >= {"Share this article on Facebook", "Click here to subscribe to our newsletter"}
    quoted = views.quoted_by_summit(summ, ["2024-astana"])
    assert quoted.loc["Vladimir Putin", "2024-astana"] == 1 and quoted.loc["Kassym-Jomart Tokayev", "2024-astana"] == 1


def test_article_counts_without_repeats_count_only_the_originals(seed_tables_dir, synthetic_tables_dir):
    for folder in (seed_tables_dir, synthetic_tables_dir):
        full = whole_originals(sa.load_tables(folder))
        stories = summaries.originals(sa.load_summaries(folder))
        expected = full["articles"]["summit_id"].value_counts()
        assert summaries.article_counts(stories).sort_index().to_dict() == expected.sort_index().to_dict()
    everything = sa.load_tables(seed_tables_dir)["articles"]
    assert everything["duplicate_of"].notna().any()  # the seeds' two translations of one story count once
    assert summaries.article_counts(sa.load_summaries(seed_tables_dir)).sum() == (
        everything["summit_id"].notna() & everything["duplicate_of"].isna()).sum()  # the same rule without originals()
    assert summaries.article_counts(sa.load_summaries(seed_tables_dir), include_duplicates=True).sum() == (
        everything["summit_id"].notna().sum())


def test_article_counts_with_repeats_come_from_the_summary_without_the_articles_table(synthetic_tables_dir, monkeypatch):
    from scoanalysis.summaries import read

    asked = []
    real = read._read_one
    monkeypatch.setattr(read, "_read_one", lambda folder, name: asked.append(name) or real(folder, name))
    counts = summaries.article_counts(sa.load_summaries(synthetic_tables_dir), include_duplicates=True)
    assert asked == ["summary_articles"]
    expected = sa.load_tables(synthetic_tables_dir)["articles"]["summit_id"].value_counts()
    assert counts.sort_index().to_dict() == expected.sort_index().to_dict()


def test_grouping_by_an_unknown_dimension_is_a_parameter_error(seed_tables_dir):
    from scoanalysis.exceptions import ParameterError

    with pytest.raises(ParameterError, match="grouped by summit_id or outlet, not 'language'"):
        summaries.tone(sa.load_summaries(seed_tables_dir), by="language")

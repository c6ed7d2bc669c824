"""Publication dates: seeds, own articles, a small summits table, conflicts, candidate days resolved in part."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from scoanalysis import corpus, reference, temporal
from scoanalysis import text as textmod
from scoanalysis.paths import DATA
from scoanalysis.temporal import resolve
from scoanalysis.temporal.clues import Hyp
from temporal.texts import PARTIAL_TEXTS, FRI, JUL, OWN, SMALL, partial_article, sents_of, sents_of_articles

# --------------------------------------------------------------------------- publication dates: seeds


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    arts = corpus.read_corpus(DATA)
    return textmod.sentences(arts, tokenizer=textmod.train_punkt(arts.text))


@pytest.fixture(scope="module")
def seed_dates(seeds) -> pd.DataFrame:
    return temporal.infer_published(seeds, summits=reference.summits()).set_index("article_id")


SEED_TRUTH = {
    "000": ([date(2022, 9, 16)], "2022-samarkand", 3),
    "001": ([date(2022, 9, 16)], "2022-samarkand", 3),
    "002": ([date(2024, 7, 2), date(2024, 7, 3)], "2024-astana", 8),
    "003": ([date(2024, 7, 2), date(2024, 7, 3)], "2024-astana", 3),
    "004": ([date(2014, 9, 12), date(2014, 9, 13)], "2014-dushanbe", 9),
}


@pytest.mark.parametrize("prefix", sorted(SEED_TRUTH))
def test_seed_window_holds_the_true_date_and_is_narrow(seed_dates, prefix):
    row = seed_dates[seed_dates.index.str.startswith(prefix)].iloc[0]
    days, summit_id, width = SEED_TRUTH[prefix]
    assert row["published_source"] == "inferred"
    assert row["published_summit_id"] == summit_id
    lo, hi = row["published_earliest"].date(), row["published_latest"].date()
    assert all(lo <= d <= hi for d in days), (lo, hi)
    assert (hi - lo).days + 1 <= width
    assert lo <= row["published"].date() <= hi
    assert summit_id in row["published_evidence"]


def test_seed_best_days(seed_dates):
    best = {aid[:3]: d.date() for aid, d in seed_dates["published"].items()}
    assert best["000"] == best["001"] == date(2022, 9, 16)
    assert best["002"] in (date(2024, 7, 2), date(2024, 7, 3))
    assert best["003"] in (date(2024, 7, 2), date(2024, 7, 3))
    assert date(2014, 9, 12) <= best["004"] <= date(2014, 9, 16)


def test_seed_timexes_at_true_dates(seeds):
    truth = {"000": FRI, "001": FRI, "002": JUL, "003": JUL, "004": date(2014, 9, 15)}
    published = {aid: truth[aid[:3]] for aid in seeds["article_id"].unique()}
    found = temporal.timexes(seeds, published=published)
    raw = dict(zip(*corpus.read_corpus(DATA)[["article_id", "text"]].T.values))
    assert all(raw[a][s:e] == t for a, s, e, t in zip(found["article_id"], found["start"], found["end"], found["text"]))
    by = {(a[:3], t): v for a, t, v in zip(found["article_id"], found["text"], found["value"])}
    assert by[("000", "the early hours of Friday")] == "2022-09-16TMO"
    assert by[("000", "Wednesday")] == "2022-09-14"
    assert by[("000", "Sept. 16")] == "2022-09-16"
    assert by[("002", "Thursday")] == "2024-07-04"
    assert by[("002", "Friday")] == "2024-07-05"
    assert by[("003", "next week")] == "2024-W28"
    assert by[("003", "a decade ago")] == "2014"
    assert by[("004", "September 12")] == "2014-09-12"
    assert ("002", "May") in by and not any(t.lower() == "may" for (a, t) in by if a == "001")


def test_seed_dates_raise_no_conflicts(seeds):
    truth = {"000": FRI, "001": FRI, "002": JUL, "003": JUL, "004": date(2014, 9, 15)}
    published = {aid: truth[aid[:3]] for aid in seeds["article_id"].unique()}
    assert temporal.date_conflicts(seeds, published, summits=reference.summits()).empty


def test_wrong_metadata_dates_conflict_with_the_text(seeds):
    wrong = {aid: date(2024, 7, 6) if aid.startswith("002") else None for aid in seeds["article_id"].unique()}
    found = temporal.date_conflicts(seeds, wrong, summits=reference.summits())
    assert set(found["article_id"].str[:3]) == {"002"}
    assert {"Wednesday", "Thursday"} <= set(found["text"])
    assert found["note"].str.contains("2024-astana").any()


# --------------------------------------------------------------------------- publication dates: own articles


@pytest.fixture(scope="module")
def own_dates() -> pd.DataFrame:
    return temporal.infer_published(sents_of_articles(OWN), summits=reference.summits()).set_index("article_id")


def test_bishkek_2019_is_told_from_the_other_bishkek_summits(own_dates):
    row = own_dates.loc["bishkek"]
    assert row["published_summit_id"] == "2019-bishkek"
    assert row["published_earliest"] <= pd.Timestamp("2019-06-12") <= row["published_latest"]
    assert (row["published_latest"] - row["published_earliest"]).days <= 2


def test_article_about_no_summit_is_dated_by_its_events(own_dates):
    row = own_dates.loc["border"]
    assert row["published_source"] == "inferred" and row["published_summit_id"] == ""
    assert row["published_earliest"] <= pd.Timestamp("2022-09-18") <= row["published_latest"]
    assert (row["published_latest"] - row["published_earliest"]).days <= 7
    assert row["published"] == pd.Timestamp("2022-09-18")


def test_article_without_clues_is_unknown_with_a_lower_bound(own_dates):
    row = own_dates.loc["essay"]
    assert row["published_source"] == "unknown"
    assert pd.isna(row["published"]) and pd.isna(row["published_latest"])
    assert row["published_earliest"] == pd.Timestamp("1991-01-01")


@pytest.mark.parametrize("aid,word", [("wire", "dateline"), ("dateline", "publication line")])
def test_datelines_fix_the_day(own_dates, aid, word):
    row = own_dates.loc[aid]
    assert row["published"] == row["published_earliest"] == row["published_latest"] == pd.Timestamp("2022-09-16")
    assert word in row["published_evidence"]


def test_metadata_wins_and_the_window_still_comes_from_text():
    out = temporal.infer_published(sents_of(OWN["bishkek"], "b"), summits=reference.summits(),
                                   metadata={"b": pd.Timestamp("2019-06-13")}).iloc[0]
    assert out["published_source"] == "metadata" and out["published"] == pd.Timestamp("2019-06-13")
    assert out["published_earliest"] <= pd.Timestamp("2019-06-12") <= out["published_latest"]


# --------------------------------------------------------------------------- publication dates: a small summits table


@pytest.mark.parametrize("text,summit_id", [
    ("Leaders gather in Astana for the SCO summit.", ""),
    ("Leaders gather in Astana for the SCO summit, two years after the invasion of Ukraine in 2022.", "2024-astana"),
    ("Heads of state will meet in Astana for the SCO summit on Wednesday and Thursday.", "2024-astana"),
    ("Heads of state will meet in Astana for the SCO summit on Thursday and Friday.", "2017-astana"),
    ("Leaders gather in Astana, which hosted the SCO summit seven years ago.", "2024-astana"),
    ("Belarus is expected to join at this year's summit in Astana, the first since the invasion in 2022.", "2024-astana"),
])
def test_host_city_disambiguated_by_other_clues(text, summit_id):
    out = temporal.infer_published(sents_of(text), summits=SMALL).iloc[0]
    assert out["published_summit_id"] == summit_id
    assert out["published_source"] == ("inferred" if summit_id else "unknown")


def test_weekdays_with_tense_narrow_the_window():
    text = "Xi arrived in Astana on Tuesday. Putin will arrive in Astana on Wednesday for the start of the SCO summit."
    out = temporal.infer_published(sents_of(text), summits=SMALL[SMALL["year"] == 2024]).iloc[0]
    assert (out["published_earliest"], out["published_latest"]) == (pd.Timestamp("2024-07-02"), pd.Timestamp("2024-07-03"))


def test_summits_table_may_be_empty():
    out = temporal.infer_published(sents_of("The SCO summit opens in Astana on Wednesday."), summits=SMALL.iloc[0:0]).iloc[0]
    assert out["published_source"] == "unknown"


# --------------------------------------------------------------------------- conflicts


def test_weekday_that_does_not_match_its_date_is_a_conflict():
    found = temporal.date_conflicts(sents_of("The meeting is set for Friday 2022-09-17."), {"a": FRI}, summits=SMALL)
    assert found["text"].tolist() == ["Friday 2022-09-17"]
    assert "Saturday" in found["note"].iloc[0]
    assert temporal.date_conflicts(sents_of("Modi arrived on Friday, Sept. 16."), {"a": FRI}, summits=SMALL).empty


def test_past_event_after_publication_is_a_conflict():
    found = temporal.date_conflicts(sents_of("Putin met Xi on Sept. 20, 2022."), {"a": FRI}, summits=SMALL)
    assert len(found) == 1 and "2022-09-20" in found["note"].iloc[0]


# --------------------------------------------------------------------------- candidate days resolve in part


@pytest.mark.parametrize("aid", sorted(PARTIAL_TEXTS))
def test_candidate_days_resolve_as_in_full(aid):
    art = partial_article(aid)
    mentions = art.mentions
    needed = [i for i, r in enumerate(art.resolved(date(2022, 9, 16))) if r is not None]
    assert len(mentions) > 10 and 0 < len(needed) < len(mentions)
    days = [date(2022, 9, 1) + timedelta(days=k) for k in range(40)] + [date(2021, 3, 4), date(2024, 2, 29)]
    for d in days:
        full = resolve.resolve_all(mentions, d)  # no shortcut: every mention, in text order
        assert art.resolved_all(d) == full, d
        part = art.resolved(d)
        assert [part[i] for i in needed] == [full[i] for i in needed], d
        # what the clues read is among what was resolved
        assert all(part[c.reads] == full[c.reads] for c in art.clues if c.reads is not None), d


@pytest.mark.parametrize("aid", sorted(PARTIAL_TEXTS))
def test_day_scores_and_clue_conditions_equal_score(aid):
    art = partial_article(aid)
    hyps = art.hypotheses() + [Hyp("none", [date(2022, 9, 10) + timedelta(days=k) for k in range(10)])]
    assert any(h.summit is None for h in hyps) and any(h.summit is not None for h in hyps) or aid == "events"
    assert any(c.when is not None for c in art.clues)
    for h in hyps:
        assert art.day_scores(h) == [art.score(h, d)[0] for d in h.days], h.key
        for c in art.clues:
            if c.when is not None and not c.when(h):
                assert all(c.check(h, d, resolve.resolve_all(art.mentions, d)) is None for d in h.days), c.kind

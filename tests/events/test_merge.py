"""Merging mentions into events, and merging independent groups one at a time."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from scoanalysis import corpus, entities, events, paths, reference, schema, temporal, text
from scoanalysis.build.article import analyse_article


def test_the_same_event_in_two_articles_is_one_event_with_all_its_evidence(read_mentions):
    m = read_mentions(
        {"a1": ["Last week, Delhi and Beijing began withdrawing from the Gogra-Hotsprings border area."],
         "a2": ["Last week, Delhi and Beijing began to disengage from the Gogra-Hotsprings border area."]},
        {"a1": "2022-09-16", "a2": "2022-09-16"}, {"a1": "2022-samarkand", "a2": "2022-samarkand"},
    )
    e = events.events(m)
    assert len(e) == 1
    row = e.iloc[0]
    assert row["evidence"] == ["a1:0", "a2:0"]
    assert (row["article_id"], row["sentence_id"]) == ("a1", 0)
    assert (row["earliest"], row["latest"]) == (pd.Timestamp("2022-09-05"), pd.Timestamp("2022-09-11"))
    assert row["relative_days"] == -10
    assert row["event_id"] == "2022-W36-disengagement-gogra-hot-springs"


def test_merged_days_are_the_intersection_and_the_first_mention_is_the_earliest_article(read_mentions):
    m = read_mentions(
        {"late": ["The attack in Moscow earlier this year killed 145 people."],
         "early": ["Russia has suffered an attack at a Moscow concert hall in March."]},
        {"late": "2024-07-03", "early": "2024-07-02"},
    )
    e = events.events(m)
    assert len(e) == 1
    row = e.iloc[0]
    assert (row["earliest"], row["latest"]) == (pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-31"))
    assert row["article_id"] == "early"
    assert sorted(row["evidence"]) == ["early:0", "late:0"]


def test_different_events_of_the_same_type_stay_apart(read_mentions):
    m = read_mentions({"a": ["Putin met Xi in May.", "Putin met Erdogan in June."]}, {"a": "2024-07-02"})
    e = events.events(m)
    assert e["event_type"].tolist() == ["meeting", "meeting"]
    assert len(set(e["event_id"])) == 2


def test_events_keep_the_contract_and_leave_their_inputs_alone(make_sentences):
    sents = make_sentences({"a": ["Putin and Xi met in Beijing in May.", "Xi Jinping arrived in Astana on Tuesday."]})
    dates = {"a": pd.Timestamp("2024-07-02")}
    tx = temporal.timexes(sents, published=dates)
    ents = entities.entities(sents, dates=dates)
    meta = pd.DataFrame({"article_id": ["a"], "summit_id": ["2024-astana"], "published": [dates["a"]]})
    copies = [f.copy() for f in (sents, tx, ents, meta)]
    m = events.event_mentions(sents, tx, ents, articles=meta)
    m_copy = m.copy()
    e = events.events(m)
    for before, after in zip(copies, (sents, tx, ents, meta)):
        pd.testing.assert_frame_equal(before, after)
    pd.testing.assert_frame_equal(m, m_copy)
    assert list(e.columns[: len(schema.TABLES["events"].columns)]) == list(schema.TABLES["events"].columns)
    schema.validate(schema.conform(e, "events"), "events")
    assert events.events(m.iloc[0:0]).empty


def test_two_days_of_one_summit_make_one_summit_event_over_both(read_mentions):
    m = read_mentions({"a": ["The SCO summit opened in Astana on Wednesday.", "The summit closed on Thursday."]},
                      {"a": "2024-07-05"}, {"a": "2024-astana"})
    e = events.events(m)
    assert e[["event_id", "earliest", "latest"]].values.tolist() == [
        ["2024-07-03-summit-astana", pd.Timestamp("2024-07-03"), pd.Timestamp("2024-07-04")]]
    assert e.iloc[0]["evidence"] == ["a:0", "a:1"]


@pytest.fixture(scope="module")
def seed_records(seed_articles):
    """The per-article records of the seed corpus, as the build makes them."""
    tok = text.train_punkt(seed_articles["text"])
    return [analyse_article(a, tokenizer=tok) for a in corpus.iter_corpus(paths.ROOT / "data")]


def test_seed_checklist_events_have_their_days(seed_records):
    """A few events a careful reader finds in the seed articles, with the days they denote."""
    sents = pd.concat([r.sentences for r in seed_records], ignore_index=True)
    tx = pd.concat([r.timexes for r in seed_records], ignore_index=True)
    ents = pd.concat([r.entities for r in seed_records], ignore_index=True)
    arts = pd.DataFrame([r.article for r in seed_records])
    e = events.events(events.event_mentions(sents, tx, ents, articles=arts), summits=reference.summits())
    days = {(r.event_type, r.earliest.date().isoformat(), r.latest.date().isoformat()) for r in e.itertuples()}
    for wanted in [
        ("disengagement", "2022-09-05", "2022-09-11"),
        ("visit", "2022-09-14", "2022-09-14"),
        ("arrival", "2022-09-16", "2022-09-16"),
        ("attack", "2024-03-01", "2024-03-31"),
        ("election", "2024-07-05", "2024-07-05"),
        ("visit", "2024-07-08", "2024-07-14"),
        ("summit", "2024-07-03", "2024-07-04"),
        ("accession", "2017-01-01", "2017-12-31"),
        ("founding", "2001-01-01", "2001-12-31"),
    ]:
        assert wanted in days, wanted
    attack = e[(e["event_type"] == "attack") & (e["earliest"] == pd.Timestamp("2024-03-01"))].iloc[0]
    assert {ref.split(":")[0][:3] for ref in attack["evidence"]} == {"002", "003"}
    astana = e[e["summit_ref"] == "2024-astana"].iloc[0]
    assert {ref.split(":")[0][:3] for ref in astana["evidence"]} == {"002", "003"}
    assert len(astana["evidence"]) >= 5  # the sessions, "a meeting of the leaders ... this week", "this year's summit"...


# --- independent groups ----------------------------------------------------------------------------


def _random_mentions(seed: int, n: int = 300) -> pd.DataFrame:
    """Mention rows of a few types over sixteen years: a day to a year, some of reference summits, some undated."""
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        start = pd.Timestamp("2010-01-01") + pd.Timedelta(days=rng.randrange(0, 6000))
        width = rng.choice([0, 0, 0, 0, 1, 6, 30]) if rng.random() > 0.02 else 364
        ref = rng.choice(["", "", "", "2022-samarkand", "2024-astana"])
        if ref:  # a reference summit's mentions are about its days
            start, width = pd.Timestamp(ref == "2024-astana" and "2024-07-02" or "2022-09-14") + pd.Timedelta(
                days=rng.randrange(0, 3)), rng.choice([0, 1])
        undated = rng.random() < 0.05
        rows.append({
            "article_id": f"a{rng.randrange(0, 40):02d}", "sentence_id": rng.randrange(0, 30), "start": k, "end": k + 5,
            "trigger": "met", "trigger_key": "meet", "event_type": rng.choice(["meeting", "visit", "summit"]),
            "earliest": None if undated else start, "latest": None if undated else start + pd.Timedelta(days=width),
            "date_text": "on Monday", "date_sentence_id": 0, "date_start": 0, "date_end": 1, "date_source": "sentence",
            "actors": rng.sample(["xi", "putin", "modi", "tokayev"], rng.randrange(0, 3)),
            "persons": [], "places": rng.sample(["astana", "moscow"], rng.randrange(0, 2)),
            "description": rng.choice(["met", "visited Astana", "talks in Moscow"]), "status": "reported",
            "summit_id": rng.choice(["2022-samarkand", "2024-astana", None]), "summit_ref": ref or None,
            "published": start + pd.Timedelta(days=rng.randrange(0, 20)), "relative_days": pd.NA,
        })
    return pd.DataFrame(rows)


def _merged_by(mentions: pd.DataFrame, labels) -> pd.DataFrame:
    """Return the events table merged label by label, pooled and numbered (as the table is written)."""
    pieces = [events.merged_mentions(mentions[labels == g]) for g in sorted(set(labels[labels >= 0]))]
    pooled = pd.concat([p for p in pieces if len(p)], ignore_index=True)
    return schema.conform(events.number_events(pooled.sort_values(list(events.NUMBERING_ORDER), kind="stable")), "events")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merging_independent_groups_one_at_a_time_gives_the_same_events(seed):
    m = _random_mentions(seed)
    whole = events.events(m)
    groups = events.independent_groups(m)
    assert len(groups) == len(m) and (groups[m["earliest"].isna()] == -1).all()
    assert groups.max() > 20  # the test means something: there are many groups
    pd.testing.assert_frame_equal(_merged_by(m, groups.to_numpy()), schema.conform(whole, "events"))
    pooled = np.where(groups.to_numpy() >= 0, groups.to_numpy() % 3, -1)  # groups pooled into batches
    pd.testing.assert_frame_equal(_merged_by(m, pooled), schema.conform(whole, "events"))


def test_a_summit_reference_holds_its_days_and_what_lies_between_in_one_group():
    day = pd.Timestamp
    m = pd.DataFrame({
        "event_type": ["summit", "summit", "summit", "summit"],
        "summit_ref": ["2024-astana", None, "2024-astana", None],
        "earliest": [day("2024-07-03"), day("2024-07-04"), day("2024-07-06"), day("2024-08-01")],
        "latest": [day("2024-07-03"), day("2024-07-05"), day("2024-07-06"), day("2024-08-01")],
    })
    # the summit's event may span the 3rd to the 6th, so the mention of the 4th-5th can join it
    assert events.independent_groups(m).tolist() == [0, 0, 0, 1]


def _groups_by_sweep(m: pd.DataFrame) -> list[int]:
    """independent_groups written plainly: ranges keyed by text, sorted, swept one by one."""
    ranges: dict[tuple[str, str], list] = {}
    keys = []
    for i, row in enumerate(m.itertuples(index=False)):
        if pd.isna(row.earliest) or pd.isna(row.latest):
            keys.append(None)
            continue
        ref = row.summit_ref if isinstance(row.summit_ref, str) else ""
        key = (str(row.event_type), f"ref:{ref}" if ref else str(i))
        keys.append(key)
        lo, hi = pd.Timestamp(row.earliest), pd.Timestamp(row.latest)
        old = ranges.get(key)
        ranges[key] = [min(old[0], lo), max(old[1], hi)] if old else [lo, hi]
    number, current, reach, kind = {}, -1, None, None
    for key, (lo, hi) in sorted(ranges.items(), key=lambda kv: (kv[0][0], kv[1][0], kv[1][1], kv[0][1])):
        if key[0] != kind or lo > reach:
            current, reach, kind = current + 1, hi, key[0]
        else:
            reach = max(reach, hi)
        number[key] = current
    return [-1 if k is None else number[k] for k in keys]


@pytest.mark.parametrize("seed", range(6))
def test_independent_groups_number_ranges_as_a_plain_sweep_does(seed):
    rng = np.random.default_rng(seed)
    n = 80
    lo = pd.Series(pd.Timestamp("2024-07-01") + pd.to_timedelta(rng.integers(0, 150, n), "D"))
    hi = lo + pd.to_timedelta(rng.integers(-2, 5, n), "D")  # some ranges end before they start
    m = pd.DataFrame({
        "event_type": rng.choice(["visit", "summit", "attack"], n),
        "summit_ref": pd.Series(rng.choice(["", "", "", "", "", "", "", "2024-astana", "2022-samarkand", None], n), dtype=object),
        "earliest": lo.where(rng.random(n) > 0.1),
        "latest": hi.where(rng.random(n) > 0.1),
    })
    if seed % 2:  # as the pipeline passes them: categorical, "" for no reference
        m = m.assign(event_type=m["event_type"].astype("category"),
                     summit_ref=m["summit_ref"].fillna("").astype("category"))
    expected = _groups_by_sweep(m)
    assert max(expected) > 5
    assert events.independent_groups(m).tolist() == expected


def test_independent_groups_number_tied_inverted_ranges_by_their_key_as_text():
    # two ranges that end before they start, on the same days: separate groups, numbered as
    # the plain sweep numbers them (mention "10" sorts before mention "2" as text)
    day = pd.Timestamp
    m = pd.DataFrame({"event_type": ["visit"] * 11, "summit_ref": [None] * 11,
                      "earliest": [None, None, day("2024-07-05")] + [None] * 7 + [day("2024-07-05")],
                      "latest": [None, None, day("2024-07-03")] + [None] * 7 + [day("2024-07-03")]})
    assert _groups_by_sweep(m) == [-1, -1, 1] + [-1] * 7 + [0]
    assert events.independent_groups(m).tolist() == _groups_by_sweep(m)


def test_seed_events_merged_group_by_group_equal_all_at_once(seed_records):
    m = events.mentions_table([row for r in seed_records for row in r.event_mentions])
    groups = events.independent_groups(m)
    pd.testing.assert_frame_equal(_merged_by(m, groups.to_numpy()), schema.conform(events.events(m), "events"))

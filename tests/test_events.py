"""Dated events: each event type from sentences written for the test, what is not an event, merging."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import entities, events, reference, schema, temporal


def _sentences(articles: dict[str, list[str]]) -> pd.DataFrame:
    rows = []
    for aid, sents in articles.items():
        pos = 0
        for i, s in enumerate(sents):
            rows.append({"article_id": aid, "sentence_id": i, "start": pos, "end": pos + len(s), "text": s,
                         "is_boilerplate": False, "paragraph_id": 0, "kind": "body"})
            pos += len(s) + 1
    return pd.DataFrame(rows)


def _mentions(articles: dict[str, list[str]], published: dict[str, str], summits: dict[str, str] | None = None):
    sents = _sentences(articles)
    dates = {a: pd.Timestamp(d) for a, d in published.items()}
    tx = temporal.timexes(sents, published=dates)
    ents = entities.entities(sents, dates=dates)
    meta = pd.DataFrame({"article_id": list(articles), "summit_id": [(summits or {}).get(a) for a in articles],
                         "published": [dates[a] for a in articles]})
    return events.event_mentions(sents, tx, ents, articles=meta)


def _one(text: str, published: str, summit: str | None = None) -> pd.DataFrame:
    return _mentions({"a": [text]}, {"a": published}, {"a": summit} if summit else None)


@pytest.mark.parametrize(
    "text, published, summit, event_type, earliest, latest",
    [
        ("The annual summit of the Shanghai Cooperation Organization opens in Astana on Wednesday.", "2024-07-01",
         "2024-astana", "summit", "2024-07-03", "2024-07-03"),
        ("Putin and Xi met in Beijing in May.", "2024-07-02", None, "meeting", "2024-05-01", "2024-05-31"),
        ("Xi Jinping began a state visit to Kazakhstan on Wednesday.", "2022-09-16", None, "visit", "2022-09-14", "2022-09-14"),
        ("Narendra Modi arrived in Samarkand on Thursday.", "2022-09-16", None, "arrival", "2022-09-15", "2022-09-15"),
        ("Vladimir Putin said on Tuesday that Russia would attend.", "2024-07-04", None, "statement", "2024-07-02", "2024-07-02"),
        ("Iran joined the Shanghai Cooperation Organisation in 2023.", "2024-07-02", None, "accession", "2023-01-01", "2023-12-31"),
        ("China signed a rail deal with Kyrgyzstan last month.", "2024-07-02", None, "agreement", "2024-06-01", "2024-06-30"),
        ("The bloc was founded in 2001.", "2024-07-02", None, "founding", "2001-01-01", "2001-12-31"),
        ("Gunmen killed 145 people at a Moscow concert hall in March.", "2024-07-02", None, "attack", "2024-03-01", "2024-03-31"),
        ("Iran holds a runoff election on Friday.", "2024-07-02", None, "election", "2024-07-05", "2024-07-05"),
        ("Last week, India and China began to disengage from the border area.", "2022-09-16", None, "disengagement",
         "2022-09-05", "2022-09-11"),
        ("Indian and Chinese troops clashed in the Galwan valley in June 2020.", "2024-07-02", None, "clash",
         "2020-06-01", "2020-06-30"),
        ("Washington imposed new sanctions on Moscow on Monday.", "2024-07-04", None, "sanction", "2024-07-01", "2024-07-01"),
        ("Ebrahim Raisi was killed in a helicopter crash in May.", "2024-07-02", None, "other", "2024-05-01", "2024-05-31"),
    ],
)
def test_each_event_type_with_its_days(text, published, summit, event_type, earliest, latest):
    m = _one(text, published, summit)
    assert len(m) == 1, m[["event_type", "earliest", "latest", "date_text"]]
    row = m.iloc[0]
    assert row["event_type"] == event_type
    assert (row["earliest"], row["latest"]) == (pd.Timestamp(earliest), pd.Timestamp(latest))
    assert text[int(row["start"]):int(row["end"])]  # the span points into the sentence


def test_actors_are_entity_ids_subjects_first_and_the_description_drops_the_date():
    row = _one("Xi Jinping began a state visit to Kazakhstan on Wednesday.", "2022-09-16").iloc[0]
    assert row["actors"] == ["xi-jinping", "kazakhstan"]
    assert row["date_text"] == "Wednesday"
    assert row["description"] == "Xi Jinping began a state visit to Kazakhstan"


@pytest.mark.parametrize(
    "text",
    [
        "Western sanctions linked to the war that began in 2022 have hurt Russia.",  # the year belongs to the war
        "The two leaders have not met since 2019.",  # negated, and "since" makes the year a bound
        "India's economy grew fast in 2017.",  # a year, no event
        "Trade between the two countries has doubled since 2015.",
        "The war in Ukraine, which Russia launched in 2022, dominated the talks.",  # the year stays in its clause
    ],
)
def test_background_years_are_no_events(text):
    assert _one(text, "2024-07-02").empty


def test_a_background_year_does_not_date_the_event_next_to_it():
    m = _one("Kazakhstan, a member since 2001, hosted talks on trade on Monday.", "2024-07-04")
    assert m["event_type"].tolist() == ["meeting"]
    assert m["earliest"].tolist() == [pd.Timestamp("2024-07-01")]


def test_coordinated_days_make_one_range_and_separate_years_two_events():
    summit = _one("The summit will be held on Wednesday and Thursday in Astana.", "2024-07-01", "2024-astana")
    assert len(summit) == 1
    assert (summit.iloc[0]["earliest"], summit.iloc[0]["latest"]) == (pd.Timestamp("2024-07-03"), pd.Timestamp("2024-07-04"))
    assert summit.iloc[0]["summit_ref"] == "2024-astana"
    assert summit.iloc[0]["status"] == "expected"
    clashes = _one("Border clashes broke out in 2020 and 2022.", "2024-07-02")
    assert clashes["earliest"].dt.year.tolist() == [2020, 2022]


def test_an_umbrella_date_gives_way_to_the_dated_events_it_includes():
    m = _one("Russia suffered two attacks this year, including a shooting in Moscow in March and bombings in Dagestan in June.",
             "2024-07-02")
    assert m["event_type"].tolist() == ["attack", "attack"]
    assert m["earliest"].dt.month.tolist() == [3, 6]


def test_a_summit_anchor_dates_an_event_by_the_summit_days():
    m = _one("Belarus will be declared a full member at this year's summit.", "2024-07-01", "2024-astana")
    accession = m[m["event_type"] == "accession"].iloc[0]
    assert (accession["earliest"], accession["latest"]) == (pd.Timestamp("2024-07-03"), pd.Timestamp("2024-07-04"))
    assert accession["date_source"] == "summit"
    assert accession["actors"] == ["belarus"]


def test_another_organisations_summit_is_not_snapped_to_an_sco_summit():
    m = _one("The G7 summit in Italy took place in June.", "2024-07-02", "2024-astana")
    assert m["summit_ref"].isna().all()
    assert m["earliest"].tolist() == [pd.Timestamp("2024-06-01")]


def test_relative_days_count_from_the_articles_summit():
    m = _one("Xi Jinping arrived in Astana on Tuesday.", "2024-07-02", "2024-astana")
    assert m["relative_days"].tolist() == [-1]


def test_the_same_event_in_two_articles_is_one_event_with_all_its_evidence():
    m = _mentions(
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


def test_merged_days_are_the_intersection_and_the_first_mention_is_the_earliest_article():
    m = _mentions(
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


def test_different_events_of_the_same_type_stay_apart():
    m = _mentions({"a": ["Putin met Xi in May.", "Putin met Erdogan in June."]}, {"a": "2024-07-02"})
    e = events.events(m)
    assert e["event_type"].tolist() == ["meeting", "meeting"]
    assert len(set(e["event_id"])) == 2


def test_events_keep_the_contract_and_leave_their_inputs_alone():
    sents = _sentences({"a": ["Putin and Xi met in Beijing in May.", "Xi Jinping arrived in Astana on Tuesday."]})
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


@pytest.mark.parametrize(
    "earliest, latest, expected",
    [
        ("2024-03-22", "2024-03-22", "2024-03-22-attack-moscow"),
        ("2024-03-01", "2024-03-31", "2024-03-attack-moscow"),
        ("2024-07-08", "2024-07-14", "2024-W28-attack-moscow"),
        ("2017-01-01", "2017-12-31", "2017-attack-moscow"),
    ],
)
def test_event_ids_read_as_days_type_and_slug(earliest, latest, expected):
    assert events.event_id(pd.Timestamp(earliest), pd.Timestamp(latest), "attack", "Moscow") == expected


def test_seed_checklist_events_have_their_days(seed_articles):
    """A few events a careful reader finds in the seed articles, with the days they denote."""
    from scoanalysis import pipeline, text

    tok = text.train_punkt(seed_articles["text"])
    from scoanalysis import corpus, paths

    records = [pipeline.analyse_article(a, tokenizer=tok) for a in corpus.iter_corpus(paths.ROOT / "data")]
    sents = pd.concat([r.sentences for r in records], ignore_index=True)
    tx = pd.concat([r.timexes for r in records], ignore_index=True)
    ents = pd.concat([r.entities for r in records], ignore_index=True)
    arts = pd.DataFrame([r.article for r in records])
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


def test_two_days_of_one_summit_make_one_summit_event_over_both():
    m = _mentions({"a": ["The SCO summit opened in Astana on Wednesday.", "The summit closed on Thursday."]},
                  {"a": "2024-07-05"}, {"a": "2024-astana"})
    e = events.events(m)
    assert e[["event_id", "earliest", "latest"]].values.tolist() == [
        ["2024-07-03-summit-astana", pd.Timestamp("2024-07-03"), pd.Timestamp("2024-07-04")]]
    assert e.iloc[0]["evidence"] == ["a:0", "a:1"]


def test_no_dates_or_no_sentences_give_empty_tables_with_their_columns():
    sents = _sentences({"a": ["Putin met Xi."]})
    meta = pd.DataFrame({"article_id": ["a"], "summit_id": [None], "published": [pd.NaT]})
    m = events.event_mentions(sents, temporal.timexes(sents), entities.entities(sents), articles=meta)
    assert m.empty and list(m.columns) == events.MENTION_COLUMNS
    assert list(events.events(m).columns) == events.EVENT_COLUMNS
    none = events.event_mentions(sents.iloc[0:0], pd.DataFrame(), pd.DataFrame(), articles=meta)
    assert none.empty


def test_trigger_hints_cover_every_match(seed_sentences):
    """Every match of a trigger pattern holds one of its hints, so skipping patterns by hint changes nothing."""
    from scoanalysis.patterns import events as P
    from scoanalysis.text import fold

    extra = ["Leaders held talks by phone; the run-off was set up after the de-escalation and pull-back.",
             "He SAID the SCO's leaders' summit was an ANNUAL gathering, then flew into Astana."]
    texts = [fold(t) for t in list(seed_sentences["text"]) + extra]
    for text in texts:
        if not text.isascii():
            continue
        low = text.lower()
        ranks = set(events._trigger_ranks(text))
        for rank, entry in enumerate(P.TRIGGERS):
            for m in entry.pattern.finditer(text):
                assert any(h in m.group().lower() for h in entry.hints), (entry.key, m.group())
                assert rank in ranks, (entry.key, text)
            if rank not in ranks:
                assert not any(h in low for h in entry.hints), (entry.key, text)


def test_trigger_ranks_run_everything_on_non_ascii_text():
    from scoanalysis.patterns import events as P

    assert list(events._trigger_ranks("Xi met Ṭokayev")) == list(range(len(P.TRIGGERS)))


def test_cluster_index_offers_every_cluster_a_mention_could_join():
    import random

    from scoanalysis.events import _ClusterIndex

    rng = random.Random(11)
    index = _ClusterIndex()
    for n in range(400):
        start = pd.Timestamp("2022-01-01") + pd.Timedelta(days=rng.randrange(0, 900))
        width = rng.choice([0, 0, 1, 6, 30, 364, 9000])  # a day ... a year, and one range too wide to index
        rec = {"event_type": "visit", "earliest": start, "latest": start + pd.Timedelta(days=width),
               "summit_ref": rng.choice(["", "", "the Astana summit", "the SCO summit"]),
               "actors": rng.sample(["xi", "putin", "modi", "tokayev"], rng.randrange(0, 3)),
               "places": rng.sample(["astana", "moscow"], rng.randrange(0, 2)), "description": rng.choice(["met", "visited Astana"])}
        offered = set(index.candidates(rec))
        could = {k for k, c in enumerate(index.clusters) if c.match(rec) > 0}
        assert could <= offered, n
        scores = [(index.clusters[k].match(rec), k) for k in sorted(offered)]
        best = max(scores, default=(0.0, None), key=lambda x: x[0])  # first of the best, as events() picks
        if best[0] > 0:
            index.add(best[1], rec)
        else:
            index.create(rec)
    assert 20 < len(index.clusters) < 400


def test_article_event_mentions_equal_event_mentions():
    """The per-article path of the pipeline (columns read once, reference summits) gives the public table."""
    from scoanalysis import frames

    texts = ["Leaders of the SCO met in Astana on July 4, 2024, and Xi Jinping visited Kazakhstan on July 2.",
             "The summit in Astana ended with a declaration. Putin met Modi on the sidelines last week.",
             "A gunman attacked a concert hall near Moscow in March, the worst attack in two decades."]
    for summit in ("2024-astana", None):
        sents = _sentences({"a": texts})
        date = pd.Timestamp("2024-07-05")
        tx = temporal.timexes(sents, published={"a": date})
        ents = entities.entities(sents, dates={"a": date})
        meta = pd.DataFrame({"article_id": ["a"], "summit_id": [summit], "published": [date]})
        public = events.event_mentions(sents, tx, ents, articles=meta, summits=reference.summits())
        fast = events._article_event_mentions(frames.Columns(sents), tx, frames.Columns(ents), article_id="a",
                                              summit_id=summit, published=date)
        assert len(public) >= 2
        pd.testing.assert_frame_equal(fast, public, check_dtype=True)


def _random_mentions(seed: int, n: int = 300) -> pd.DataFrame:
    """Mention rows of a few types over sixteen years: a day to a year, some of reference summits, some undated."""
    import random

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
    import numpy as np

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
    import numpy as np

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


def test_seed_events_merged_group_by_group_equal_all_at_once(seed_articles):
    from scoanalysis import corpus, paths, pipeline, text

    tok = text.train_punkt(seed_articles["text"])
    records = [pipeline.analyse_article(a, tokenizer=tok) for a in corpus.iter_corpus(paths.ROOT / "data")]
    m = pd.concat([r.event_mentions for r in records], ignore_index=True)
    groups = events.independent_groups(m)
    pd.testing.assert_frame_equal(_merged_by(m, groups.to_numpy()), schema.conform(events.events(m), "events"))

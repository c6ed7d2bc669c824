"""Event mentions: each event type from sentences written for the test, the table's columns, the build's entry."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import entities, events, frames, reference, temporal


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
def test_each_event_type_with_its_days(read_one, text, published, summit, event_type, earliest, latest):
    m = read_one(text, published, summit)
    assert len(m) == 1, m[["event_type", "earliest", "latest", "date_text"]]
    row = m.iloc[0]
    assert row["event_type"] == event_type
    assert (row["earliest"], row["latest"]) == (pd.Timestamp(earliest), pd.Timestamp(latest))
    assert text[int(row["start"]):int(row["end"])]  # the span points into the sentence


def test_relative_days_count_from_the_articles_summit(read_one):
    m = read_one("Xi Jinping arrived in Astana on Tuesday.", "2024-07-02", "2024-astana")
    assert m["relative_days"].tolist() == [-1]


def test_no_dates_or_no_sentences_give_empty_tables_with_their_columns(make_sentences):
    sents = make_sentences({"a": ["Putin met Xi."]})
    meta = pd.DataFrame({"article_id": ["a"], "summit_id": [None], "published": [pd.NaT]})
    m = events.event_mentions(sents, temporal.timexes(sents), entities.entities(sents), articles=meta)
    assert m.empty and list(m.columns) == events.MENTION_COLUMNS
    assert list(events.events(m).columns) == events.EVENT_COLUMNS
    none = events.event_mentions(sents.iloc[0:0], pd.DataFrame(), pd.DataFrame(), articles=meta)
    assert none.empty


def test_article_event_mentions_give_the_rows_of_event_mentions(make_sentences):
    """The build's entry (one article's columns, the reference summits) gives records whose table is the public one."""
    texts = ["Leaders of the SCO met in Astana on July 4, 2024, and Xi Jinping visited Kazakhstan on July 2.",
             "The summit in Astana ended with a declaration. Putin met Modi on the sidelines last week.",
             "A gunman attacked a concert hall near Moscow in March, the worst attack in two decades."]
    for summit in ("2024-astana", None):
        sents = make_sentences({"a": texts})
        date = pd.Timestamp("2024-07-05")
        tx = temporal.timexes(sents, published={"a": date})
        ents = entities.entities(sents, dates={"a": date})
        meta = pd.DataFrame({"article_id": ["a"], "summit_id": [summit], "published": [date]})
        public = events.event_mentions(sents, tx, ents, articles=meta, summits=reference.summits())
        built = events.article_event_mentions(frames.Columns(sents), tx, frames.Columns(ents), article_id="a",
                                              summit_id=summit, published=date)
        assert len(public) >= 2 and len(built) == len(public)
        pd.testing.assert_frame_equal(events.mentions_table(built), public, check_dtype=True)


def test_timexes_read_from_text_columns_date_events_as_parsed_ones_do(make_sentences):
    """A timexes table whose days are text (as read from a CSV) gives the same mentions."""
    sents = make_sentences({"a": ["Putin and Xi met in Beijing in May.", "Xi Jinping arrived in Astana on Tuesday."]})
    date = pd.Timestamp("2024-07-02")
    tx = temporal.timexes(sents, published={"a": date})
    ents = entities.entities(sents, dates={"a": date})
    meta = pd.DataFrame({"article_id": ["a"], "summit_id": ["2024-astana"], "published": [date]})
    as_text = tx.assign(earliest=tx["earliest"].dt.strftime("%Y-%m-%d"), latest=tx["latest"].dt.strftime("%Y-%m-%d"))
    parsed = events.event_mentions(sents, tx, ents, articles=meta)
    assert len(parsed) == 2
    pd.testing.assert_frame_equal(events.event_mentions(sents, as_text, ents, articles=meta), parsed)

"""Attendance: who came, who stayed away, who was sent, who is expected."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import attendance, entities, text


def statuses(raw: str, *, summit: str = "2019-bishkek", published: str = "2019-06-15") -> dict:
    sents = text.split_sentences(raw).assign(article_id="t")
    date = pd.Timestamp(published)
    ents = entities.entities(sents, dates={"t": date})
    arts = pd.DataFrame({"article_id": ["t"], "summit_id": [summit], "published": [date]})
    table = attendance.attendance(attendance.attendance_mentions(sents, ents, arts), entities=ents)
    return {r.entity_id: (r.status, r.represented_by) for r in table.itertuples()}


@pytest.mark.parametrize(
    "raw, published, expected",
    [
        ("The summit was also attended by Xi Jinping and Vladimir Putin.", "2019-06-15",
         {"xi-jinping": ("attended", ""), "vladimir-putin": ("attended", "")}),
        ("Vladimir Putin and Xi Jinping will attend the summit in Bishkek.", "2019-06-10",
         {"vladimir-putin": ("expected", ""), "xi-jinping": ("expected", "")}),
        ("Narendra Modi is not attending the summit this year.", "2019-06-10", {"narendra-modi": ("absent", "")}),
        ("Narendra Modi has sent his foreign minister.", "2019-06-10",
         {"narendra-modi": ("represented", "subrahmanyam-jaishankar"), "subrahmanyam-jaishankar": ("expected", "")}),
        ("Chinese President Xi Jinping arrived in Bishkek on Wednesday.", "2019-06-13", {"xi-jinping": ("attended", "")}),
        ("Meeting with Putin on the sidelines, Xi praised the talks.", "2019-06-15",
         {"vladimir-putin": ("attended", ""), "xi-jinping": ("attended", "")}),
        ("Other leaders attending include Pakistani Prime Minister Imran Khan and Iranian President Hassan Rouhani.",
         "2019-06-12", {"imran-khan": ("expected", ""), "hassan-rouhani": ("expected", "")}),
    ],
)
def test_attendance_cues(raw, published, expected):
    assert statuses(raw, published=published) == expected


def test_people_merely_mentioned_are_not_attendees():
    assert statuses("Vladimir Putin discussed Ukraine with Donald Trump by phone last year.") == {}


def test_article_without_summit_gives_no_attendance():
    sents = text.split_sentences("Xi Jinping attended the summit.").assign(article_id="t")
    ents = entities.entities(sents, dates={"t": pd.Timestamp("2019-06-15")})
    arts = pd.DataFrame({"article_id": ["t"], "summit_id": [None], "published": [pd.NaT]})
    assert attendance.attendance_mentions(sents, ents, arts).empty


def test_strongest_status_wins_across_articles_and_evidence_is_kept():
    mentions = pd.DataFrame({
        "summit_id": ["2024-astana"] * 3, "article_id": ["a", "b", "c"], "sentence_id": [1, 2, 3],
        "entity_id": ["narendra-modi"] * 3, "status": ["expected", "absent", "represented"],
        "represented_by": ["", "", "subrahmanyam-jaishankar"], "cue": ["", "", ""],
    })
    row = attendance.attendance(mentions).iloc[0]
    assert (row["status"], row["represented_by"]) == ("represented", "subrahmanyam-jaishankar")
    assert row["evidence"] == ["a:1", "b:2", "c:3"]
    assert row["role"] == "Prime Minister of India" and row["country"] == "India"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Russian President Vladimir Putin, who arrived on Friday, said the bloc was no club.", {"vladimir-putin": ("attended", "")}),
        ("Iranian President Hassan Rouhani, attending as an observer, warned the West.", {"hassan-rouhani": ("attended", "")}),
    ],
)
def test_arrivals_and_observers_count_as_attending(raw, expected):
    assert statuses(raw, summit="2018-qingdao", published="2018-06-09") == expected


def test_article_attendance_from_columns_gives_attendance_mentions():
    """The build's entry (one article's columns and row values) gives the frame function's table, dtypes included."""
    from scoanalysis import frames

    raw = ("Xi Jinping and Vladimir Putin attended the summit in Bishkek. Narendra Modi will not attend; "
           "he has sent his foreign minister Subrahmanyam Jaishankar. Imran Khan met Putin on the sidelines.")
    sents = text.split_sentences(raw).assign(article_id="t")
    date = pd.Timestamp("2019-06-15")
    ents = entities.entities(sents, dates={"t": date})
    arts = pd.DataFrame({"article_id": ["t"], "summit_id": ["2019-bishkek"], "published": [date]})
    public = attendance.attendance_mentions(sents, ents, arts)
    columns = attendance.article_attendance(frames.Columns(sents), frames.Columns(ents), article_id="t",
                                            summit_id="2019-bishkek", published=date)
    assert len(public) >= 3
    pd.testing.assert_frame_equal(columns, public, check_dtype=True)

"""Summit assignment on text written here and on the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import reference, summits


@pytest.fixture(scope="module")
def table():
    return reference.summits()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Leaders gathered in Bishkek for the SCO summit on June 14, a year after Qingdao hosted it in 2018.", "2019-bishkek"),
        ("The Shanghai Cooperation Organisation met in Bishkek on Sept. 13 as Kyrgyzstan hosted the bloc.", "2013-bishkek"),
        ("SCO leaders met in Tashkent on June 11 as Uzbekistan took the chair; the bloc was set up in 2001.", "2010-tashkent"),
        ("SCO heads of state met in Qingdao, China, on June 10 in the first summit with India and Pakistan.", "2018-qingdao"),
        ("SCO leaders will meet in Tianjin on Aug. 31 for the bloc's biggest summit yet.", "2025-tianjin"),
        ("The SCO summit in Astana opened on July 3, with leaders recalling the 2022 meeting in Samarkand.", "2024-astana"),
        ("The Astana summit of the SCO in June 2017 admitted India and Pakistan as members.", "2017-astana"),
    ],
)
def test_summit_is_found_from_city_dates_and_years(table, text, expected):
    sid, score, evidence = summits.assign_summit(text, summits=table)
    assert sid == expected, evidence
    assert 0 < score <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan's capital Astana hosted a football final on Sunday.",  # no SCO, no summit
        "The G7 met in Italy in June; leaders talked about trade.",  # a summit, but no SCO city
    ],
)
def test_no_summit_when_nothing_fits(table, text):
    sid, score, _ = summits.assign_summit(text, summits=table)
    assert sid is None and score == 0.0


def test_published_date_breaks_a_tie_between_summits_in_one_city(table):
    text = "The SCO summit in Dushanbe drew leaders from across the region."
    early = summits.assign_summit(text, summits=table, published=pd.Timestamp("2014-09-13"))[0]
    late = summits.assign_summit(text, summits=table, published=pd.Timestamp("2021-09-18"))[0]
    assert (early, late) == ("2014-dushanbe", "2021-dushanbe")


def test_seed_articles_are_placed_at_their_summits(seed_articles, table):
    found = summits.assign(seed_articles, summits=table)
    assert found.set_index("article_id")["summit_id"].tolist() == [
        "2022-samarkand", "2022-samarkand", "2024-astana", "2024-astana", "2014-dushanbe"
    ]
    assert found["summit_score"].between(0, 1).all()


def test_city_with_several_summits_and_no_other_clue_gets_none(table):
    sid, score, evidence = summits.assign_summit("Leaders of the SCO met in Bishkek on Friday.", summits=table)
    assert sid is None and "ambiguous" in evidence and "2019-bishkek" in evidence


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan's economy grew in Astana and Almaty last year; the SCO is one of many forums it belongs to.",
        "The G20 summit in New Delhi drew leaders from across the world in September 2023.",
    ],
)
def test_passing_mentions_are_not_summit_articles(table, text):
    assert summits.assign_summit(text, summits=table)[0] is None


@pytest.mark.parametrize("text", [
    "Leaders arrived in Astana. The Astana summit opened; the summit in Astana, a city of... Astana",
    "in the capital of Astana, (in Astana) at Astana-summit in astana SCO summit. Astana Astana summit",
    "The summit, held this week at the Kazakh capital Astana; meeting in  Astana\nAstana forum",
    "Beijing and Moscow agreed. Nothing about the city here: Astanaville and in Astanas.",
])
def test_city_windows_find_what_the_whole_text_gives(text):
    """Searching only around the name's occurrences gives the whole-text counts and answers."""
    from scoanalysis.patterns import summits as P

    layout = summits._Layout(text)
    for name in ("Astana", "astana", "Beijing", "Samarkand"):
        assert layout.count_places(name) == len(P.city_as_place(name).findall(text))
        assert layout.summit_in(name) == bool(P.summit_in_city(name).search(text))


@pytest.mark.parametrize("raw, published", [
    ("SCO leaders gathered for the summit in Samarkand on September 15-16, 2022.", None),
    ("The Astana summit of the Shanghai Cooperation Organisation opened on July 3.", "2024-07-04"),
    ("The SCO summit in Qingdao, a Chinese city, drew Modi and Putin in 2018.", "2018-06-10"),
    ("The SCO was mentioned, but no meeting of its leaders.", None),
])
def test_default_summits_are_the_reference_summits(raw, published):
    """Without a table, assign_summit reads the reference summits (once): the same answers as the table."""
    date = pd.Timestamp(published) if published else None
    assert summits.assign_summit(raw, published=date) == summits.assign_summit(
        raw, summits=reference.summits(), published=date)

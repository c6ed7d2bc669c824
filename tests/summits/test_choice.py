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


# --- which summit among those sharing a city or a season ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Leaders gathered for the 19th meeting of the SCO Council of Heads of State in Bishkek.", "2019-bishkek"),
    ("The 12th SCO summit in Bishkek drew the leaders of six states.", "2013-bishkek"),  # an outlet skipping 2001
    ("The SCO summit in Astana marked the bloc's tenth anniversary. Afghan President Hamid Karzai came as a guest.",
     "2011-astana"),
])
def test_the_summits_number_or_anniversary_tells_summits_in_one_city_apart(table, text, expected):
    sid, _, evidence = summits.assign_summit(text, summits=table)
    assert sid == expected, evidence


@pytest.mark.parametrize("text, expected", [
    ("Kyrgyz President Almazbek Atambayev welcomed his counterparts to the SCO summit in Bishkek.", "2013-bishkek"),
    ("President Sooronbay Jeenbekov hosted the SCO summit in Bishkek on Thursday.", "2019-bishkek"),
    ("President Kassym-Jomart Tokayev welcomed leaders to the SCO summit in Astana. "
     "Former President Nursultan Nazarbayev did not attend.", "2024-astana"),
    ("Iran's acting president Mohammad Mokhber is in Astana for the SCO summit.", "2024-astana"),
    ("Leaders arrived in the Tajik capital for the SCO summit. Iranian President Ebrahim Raisi met Xi on the sidelines.",
     "2021-dushanbe"),
    ("Mongolian President Tsakhiagiin Elbegdorj attended the SCO summit in Dushanbe as an observer.", "2014-dushanbe"),
    ("Karimov flew to Bishkek for the SCO summit, his first trip to Kyrgyzstan since 2007. "
     "Chinese President Xi Jinping also came.", "2013-bishkek"),  # a leader named without his office counts less
    ("President Islam Karimov hosted leaders of the SCO in Tashkent; Russian President Dmitry Medvedev and "
     "Chinese President Hu Jintao attended.", "2010-tashkent"),
])
def test_a_leader_named_with_his_office_dates_the_summit(table, text, expected):
    sid, _, evidence = summits.assign_summit(text, summits=table)
    assert sid == expected, evidence


def test_a_leader_out_of_office_says_so_in_the_evidence(table):
    table_ = summits.summit_evidence("Kyrgyz President Almazbek Atambayev opened the SCO summit in Bishkek.", summits=table)
    row = table_.set_index("summit_id").loc["2019-bishkek"]
    assert "not in office then" in row["evidence"] and "Atambayev" in row["evidence"]


@pytest.mark.parametrize("text, expected", [
    ("Iran formally became a full member of the SCO on Tuesday at a virtual summit chaired by India.", "2023-new-delhi"),
    ("Kazakhstan's President Tokayev chaired the SCO summit in Astana as Belarus joined the bloc.", "2024-astana"),
    ("Kazakh President Nursultan Nazarbayev opened the SCO summit in Astana, where India and Pakistan became full "
     "members.", "2017-astana"),
    ("The SCO summit opened in Qingdao on Saturday, the first since India and Pakistan joined the bloc last year.",
     "2018-qingdao"),
    ("The SCO summit in Bishkek brought together the bloc's six members; India and Pakistan attended as observers. "
     "Chinese President Xi Jinping spoke first.", "2013-bishkek"),
])
def test_who_joins_and_who_is_an_observer_date_the_summit(table, text, expected):
    sid, _, evidence = summits.assign_summit(text, summits=table)
    assert sid == expected, evidence


@pytest.mark.parametrize("text, expected", [
    ("Uzbekistan hosts the SCO summit this week. President Shavkat Mirziyoyev welcomed the leaders.", "2022-samarkand"),
    ("In the capital of Kazakhstan, Astana, the summit of the heads of state of the SCO opened.\n"
     "President of Kazakhstan Kassym-Jomart Tokayev greeted the guests.", "2024-astana"),
    ("The Shanghai Cooperation Organisation summit is under way in the Kyrgyz capital. Kyrgyz President Sooronbay "
     "Jeenbekov hosted the dinner.", "2019-bishkek"),
    ("SCO leaders met by videoconference on Tuesday under Russia's chairmanship.", "2020-moscow"),
    ("Prime Minister Narendra Modi on Tuesday chaired the virtual summit of the Shanghai Cooperation Organisation, "
     "where Iran joined as a full member.", "2023-new-delhi"),
    ("Leaders of the SCO gathered in the eastern Chinese port city of Qingdao on Saturday for a two-day summit.",
     "2018-qingdao"),
])
def test_host_named_by_country_or_capital_and_the_virtual_summit(table, text, expected):
    sid, _, evidence = summits.assign_summit(text, summits=table)
    assert sid == expected, evidence


@pytest.mark.parametrize("text, expected", [
    ("The SCO summit in Tianjin opened on Sunday.\nAt the SCO summit in Astana in July 2024, Belarus joined the bloc.",
     "2025-tianjin"),
    ("Azerbaijani President Ilham Aliyev arrived in Astana on Wednesday to attend the SCO Plus meeting.\n"
     "Aliyev previously attended the SCO summit in Samarkand on September 16, 2022.", "2024-astana"),
    ("The summit of the Shanghai Cooperation Organisation opened in Samarkand on Thursday.\n"
     "Kazakhstan will host next year's summit in Astana.", "2022-samarkand"),
    ("DUSHANBE, Sept 17 (Reuters) - Leaders of the SCO agreed on Friday to start admitting Iran.\n"
     "It was the first SCO summit held in Dushanbe since 2014.", "2021-dushanbe"),
    ("SCO leaders met in Tashkent on June 11 as Uzbekistan took the chair; the bloc was set up in 2001.",
     "2010-tashkent"),
])
def test_an_earlier_or_later_summit_the_text_names_does_not_decide(table, text, expected):
    sid, _, evidence = summits.assign_summit(text, summits=table)
    assert sid == expected, evidence


def test_an_earlier_summit_dated_by_the_publication_year_does_not_decide(table):
    text = "The SCO summit in Astana opened on Wednesday. At the SCO summit in Samarkand in 2022, Iran signed a memorandum."
    sid, _, evidence = summits.assign_summit(text, summits=table, published=pd.Timestamp("2024-07-03"))
    assert sid == "2024-astana" and "after 2022-samarkand" in summits.summit_evidence(
        text, summits=table, published=pd.Timestamp("2024-07-03")).set_index("summit_id").loc["2022-samarkand", "evidence"]


@pytest.mark.parametrize("text, captions, reason", [
    ("The SCO Council of Foreign Ministers meeting in Goa ended on Friday.\nPakistan's Bilawal Bhutto Zardari attended.",
     "", "ministers"),
    ("Foreign ministers of the SCO began their summit in Astana on Friday.\nThe ministers' summit prepares July's "
     "meeting.", "", "ministers"),
    ("Indian External Affairs Minister S. Jaishankar will represent India at the SCO Council of Heads of Government "
     "meeting in Dushanbe.", "", "heads of government"),
    ("Prime ministers of the SCO member states gathered in Tashkent for the bloc's annual meeting.", "",
     "heads of government"),
    ("Chief Executive Abdullah Abdullah left for Dushanbe to attend the 17th SCO summit.", "", "numbered 17"),
    ("Defence ministers of the SCO opened their annual meeting in Tashkent on Tuesday.\nThe talks prepare the summit "
     "of heads of state that Uzbekistan will host in June.", "", "still to come"),
    ("Putin travels to Dushanbe for the CSTO summit.\nThe leaders of the Collective Security Treaty Organization will "
     "meet on Monday.\nTajikistan chairs the CSTO this year; it also belongs to the SCO.", "", "another organisation"),
    ("India and China held another round of border talks on Monday.\nThe two sides agreed to keep talking.",
     "Modi and Xi at the SCO summit in Samarkand, September 16, 2022.", "captions"),
    ("Voting began in the third phase of India's election.\nTurnout was high.\nThe opposition alleged irregularities."
     "\nThe commission rejected the claims.\nResults are due on June 4.\nModi, who will travel to Kazakhstan for the "
     "SCO summit next month, campaigned in Bihar.", "", "in passing"),
])
def test_an_article_about_no_summit_gets_none_and_says_why(table, text, captions, reason):
    sid, score, evidence = summits.assign_summit(text, summits=table, captions=captions)
    assert sid is None and score == 0.0
    assert reason in evidence


def test_a_caption_counts_but_cannot_decide_alone(table):
    text = "The SCO summit opened on Thursday.\nLeaders discussed trade."
    caption = "Leaders at the SCO summit in Samarkand, September 15, 2022."
    assert summits.assign_summit(text, summits=table)[0] is None
    assert summits.assign_summit(text, summits=table, captions=caption)[0] == "2022-samarkand"
    assert summits.assign_summit("Leaders discussed trade.", summits=table, captions=caption)[0] is None


@pytest.mark.parametrize("text, published, expected", [
    ("The SCO summit in Astana opened on Thursday.", "2017-06-08", "2017-astana"),
    ("The SCO summit in Astana opened on Thursday.", "2024-07-04", "2024-astana"),
    ("The SCO summit in Astana opened on Thursday.", None, None),
])
def test_the_publication_date_is_a_clue_not_a_verdict(table, text, published, expected):
    date = pd.Timestamp(published) if published else None
    assert summits.assign_summit(text, summits=table, published=date)[0] == expected


def test_a_wrong_publication_date_does_not_outweigh_the_text(table):
    text = ("Kazakh President Kassym-Jomart Tokayev opened the SCO summit in Astana on July 4 as Belarus joined the "
            "bloc.")
    assert summits.assign_summit(text, summits=table, published=pd.Timestamp("2017-06-09"))[0] == "2024-astana"


def test_a_summits_table_without_ordinal_or_format_columns_is_read(table):
    bare = table.drop(columns=["ordinal", "format"])
    assert summits.assign_summit("The SCO summit in Samarkand opened.", summits=bare)[0] == "2022-samarkand"


# --- how the text is read ----------------------------------------------------------------------------

def test_clauses_about_history_and_other_meetings_are_set_apart():
    from scoanalysis.summits import reading as C

    first, second, third = C.read(
        "The SCO summit opened in Bishkek on Friday, a year after the gathering in Qingdao.\n"
        "Last year, the summit was held in Tashkent.\n"
        "Leaders met in Ufa; the bloc was founded in 2001 in Shanghai.")
    assert "Bishkek" in first.text and "Qingdao" not in first.text and "Qingdao" in first.past_text
    assert not second.current and "Tashkent" in second.past_text
    assert "Ufa" in third.text and "Shanghai" not in third.text and third.history
    later = C.read("The summit opened in Astana, and India will host next year's summit in New Delhi.")[0]
    assert "Astana" in later.text and "New Delhi" in later.later_text


def test_a_clause_of_another_time_without_a_meeting_keeps_the_sentence_current():
    from scoanalysis.summits import reading as C

    s = C.read("The SCO summit opened in Qingdao on Saturday, the first since India and Pakistan joined the bloc "
               "last year.")[0]
    assert s.current and not s.past and "Qingdao" in s.text


@pytest.mark.parametrize("text, kinds", [
    ("The SCO summit opened.", ("plain",)),
    ("the 24th session of the SCO Council of Heads of State", ("state", "state")),
    ("the SCO Foreign Ministers' summit in Dushanbe", ("ministerial",)),
    ("the meeting of the SCO Council of Heads of Government", ("government", "government")),
    ("the G20 summit in Hamburg", ("other",)),
    ("the fifth consultative meeting of the Central Asian presidents", ("other",)),
    ("a bilateral meeting on the sidelines", ("bilateral",)),
    ("a meeting with Erdogan", ()),
    ("Foreign ministers of the SCO began their summit in Goa.", ("ministerial",)),
    ("Foreign ministers met on the eve of the summit.", ("plain",)),
])
def test_each_meeting_named_has_a_kind(text, kinds):
    from scoanalysis.summits import reading as C

    assert C.read(text)[0].mentions == kinds


@pytest.mark.parametrize("text, numbers", [
    ("the 19th meeting of the SCO Council of Heads of State", [19]),
    ("the twenty-fourth SCO summit", [24]),
    ("the 21st Shanghai Cooperation Organisation Heads of State Council (SCO-CHS) Meeting", [21]),
    ("the 17th meeting of the SCO Council of Heads of Government", []),
    ("the 5th meeting of the SCO defence ministers", []),
    ("his fifth SCO summit", []),
    ("Belarus became the bloc's 10th member state", []),
    ("the 20th anniversary summit", []),
])
def test_only_a_summits_own_number_is_read(text, numbers):
    from scoanalysis.summits import reading as C

    assert list(C.ordinals(text)) == numbers


@pytest.mark.parametrize("text, kinds", [
    ("in July 2023", [(2023, "year")]),
    ("for the first time since 2008", [(2008, "since")]),
    ("a plan until 2030, Vision 2035 and the 2025-2027 programme", [(2030, "target"), (2035, "target"),
                                                                      (2025, "year"), (2027, "target")]),
    ("Last Updated: 07/27/2016", [(2016, "stamp")]),
    ("SCO Summit 2024", [(2024, "year")]),
])
def test_years_are_told_apart_from_bounds_targets_and_stamps(text, kinds):
    from scoanalysis.summits import reading as C

    assert list(C.years_of(text)) == kinds


def test_a_photo_credit_line_or_a_link_to_another_story_is_read_as_a_caption():
    from scoanalysis.summits import reading as C

    lines = C.read("Putin and Xi at the SCO summit in Samarkand. (Photo: AP)\nMOSCOW, July 2 (Reuters) - Putin spoke.\n"
                   "Also read: SCO summit in Qingdao ends")
    assert [s.caption for s in lines] == [True, False, True]


def test_states_listed_with_a_status_they_did_not_have_then_count_against_a_summit(table):
    text = ("Leaders gathered for the SCO summit in Dushanbe on Friday. Among the bloc's observer states are Pakistan, "
            "Mongolia, India, Iran and Afghanistan; Sri Lanka, Turkey and Belarus are its dialogue partners.")
    evidence = summits.summit_evidence(text, summits=table).set_index("summit_id")["evidence"]
    assert "status not held then" in evidence["2021-dushanbe"] and "status not held then" in evidence["2008-dushanbe"]
    assert "status not held then" not in evidence["2014-dushanbe"]
    assert summits.assign_summit(text, summits=table)[0] == "2014-dushanbe"

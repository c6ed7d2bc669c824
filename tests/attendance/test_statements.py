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


def rows(raw: str, *, summit: str, published: str) -> dict:
    """(summit_id, entity_id) -> (status, represented_by) for a short text of an article about `summit`."""
    sents = text.split_sentences(raw).assign(article_id="t")
    date = pd.Timestamp(published)
    ents = entities.entities(sents, dates={"t": date})
    arts = pd.DataFrame({"article_id": ["t"], "summit_id": [summit], "published": [date]})
    table = attendance.attendance(attendance.attendance_mentions(sents, ents, arts), entities=ents)
    return {(r.summit_id, r.entity_id): (r.status, r.represented_by) for r in table.itertuples()}


def people(raw: str, *, summit: str = "2019-bishkek", published: str = "2019-06-15") -> dict:
    """entity_id -> status of the rows about `summit` only."""
    return {pid: st for (sid, pid), (st, _) in rows(raw, summit=summit, published=published).items() if sid == summit}


@pytest.mark.parametrize(
    "raw, expected",
    [
        # lists after a cue, and inverted ones ("also attending was X")
        ("The meeting brought together Pakistani Prime Minister Imran Khan, Indian Prime Minister Narendra Modi "
         "and Afghan President Ashraf Ghani.",
         {"imran-khan": "attended", "narendra-modi": "attended", "ashraf-ghani": "attended"}),
        ("Also attending was Belarusian President Alexander Lukashenko, who flew in from Minsk.",
         {"alexander-lukashenko": "attended"}),
        ("Among the guests at the gathering were Turkmen President Gurbanguly Berdimuhamedow and Imran Khan.",
         {"gurbanguly-berdimuhamedow": "attended", "imran-khan": "attended"}),
        # the subject took part, chaired, addressed, joined online, posed for the photo
        ("Iranian President Hassan Rouhani took part in the summit via video link.", {"hassan-rouhani": "attended"}),
        ("Kyrgyz President Sooronbay Jeenbekov chaired the meeting.", {"sooronbay-jeenbekov": "attended"}),
        ("Rouhani addressed the summit on Friday.", {"hassan-rouhani": "attended"}),
        ("Imran Khan and Narendra Modi posed for the group photo with Xi Jinping.",
         {"imran-khan": "attended", "narendra-modi": "attended", "xi-jinping": "attended"}),
        ("Xi Jinping met Imran Khan on the sidelines of the summit.", {"xi-jinping": "attended", "imran-khan": "attended"}),
        ("Leaders signed a declaration.\nSooronbay Jeenbekov, Xi Jinping and Imran Khan in Bishkek on Friday",
         {"sooronbay-jeenbekov": "attended", "xi-jinping": "attended", "imran-khan": "attended"}),
        # absent
        ("Afghan President Ashraf Ghani skipped the summit.", {"ashraf-ghani": "absent"}),
        ("Ashraf Ghani stayed away from the meeting.", {"ashraf-ghani": "absent"}),
        ("Ashraf Ghani did not attend.", {"ashraf-ghani": "absent"}),
        ("Ashraf Ghani declined to attend, citing the election.", {"ashraf-ghani": "absent"}),
    ],
)
def test_statement_families(raw, expected):
    assert people(raw) == expected


def test_represented_and_delegation_leaders():
    assert rows("Ashraf Ghani was represented by Foreign Minister Salahuddin Rabbani.", summit="2019-bishkek",
                published="2019-06-15") == {("2019-bishkek", "ashraf-ghani"): ("represented", "salahuddin-rabbani"),
                                            ("2019-bishkek", "salahuddin-rabbani"): ("attended", "")}
    found = rows("Foreign Minister Subrahmanyam Jaishankar led the Indian delegation.", summit="2019-bishkek",
                 published="2019-06-15")
    assert found == {("2019-bishkek", "subrahmanyam-jaishankar"): ("attended", ""),
                     ("2019-bishkek", "narendra-modi"): ("represented", "subrahmanyam-jaishankar")}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Mongolian President Khaltmaagiin Battulga is expected to attend.", {"khaltmaagiin-battulga": "expected"}),
        ("Lukashenko will travel to Bishkek for the summit.", {"alexander-lukashenko": "expected"}),
        ("Alexander Lukashenko said he would attend the summit.", {"alexander-lukashenko": "expected"}),
        ("Xi Jinping and Imran Khan will meet on the sidelines, Kremlin aide Yuri Ushakov told reporters.",
         {"xi-jinping": "expected", "imran-khan": "expected"}),
        ("Shavkat Mirziyoyev announced his attendance at the Bishkek gathering.", {"shavkat-mirziyoyev": "expected"}),
    ],
)
def test_before_the_summit_people_are_expected(raw, expected):
    assert people(raw, published="2019-06-05") == expected


@pytest.mark.parametrize(
    "raw, summit, published, expected",
    [
        # an office is resolved by who held it at the summit, not at the article's date
        ("At the summit in Bishkek, the Iranian president met Xi Jinping.", "2013-bishkek", "2024-05-01",
         {"hassan-rouhani": "attended", "xi-jinping": "attended"}),
        ("Kazakhstan's leader hosted the summit.", "2017-astana", "2017-06-10", {"nursultan-nazarbayev": "attended"}),
        ("Kazakhstan's leader hosted the summit.", "2024-astana", "2024-07-05", {"kassym-jomart-tokayev": "attended"}),
        ("The acting president of Iran took part in the summit.", "2024-astana", "2024-07-05",
         {"mohammad-mokhber": "attended"}),
        ("Xi Jinping held talks with the leaders of Kyrgyzstan, Tajikistan and Uzbekistan.", "2019-bishkek", "2019-06-15",
         {"xi-jinping": "attended", "sooronbay-jeenbekov": "attended", "emomali-rahmon": "attended",
          "shavkat-mirziyoyev": "attended"}),
        ("The Indian prime minister will hold talks with his Chinese and Kyrgyz counterparts.", "2019-bishkek", "2019-06-10",
         {"narendra-modi": "expected", "xi-jinping": "expected", "sooronbay-jeenbekov": "expected"}),
        ("Alexander Lukashenko arrived. The head of state then made a speech at the plenary session.", "2019-bishkek",
         "2019-06-15", {"alexander-lukashenko": "attended"}),
    ],
)
def test_people_named_by_office(raw, summit, published, expected):
    assert people(raw, summit=summit, published=published) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Vladimir Putin has criticised Xi Jinping's trade policy.",
        "Narendra Modi's government faces an election next year.",
        "Narendra Modi met Xi Jinping in Wuhan in April.",
        "Imran Khan visited Beijing last month.",
        "Narendra Modi and Xi Jinping will meet at the G20 summit in Osaka.",
        "Foreign Minister Wang Yi attended the foreign ministers' meeting in Bishkek.",
        "Quite recently, Xi Jinping hosted Imran Khan.",
        "The two presidents, Xi Jinping and Emomali Rahmon, meet rarely.",
    ],
)
def test_other_meetings_and_mere_mentions_give_nothing(raw):
    assert people(raw) == {}


def test_a_statement_about_another_summit_goes_to_that_summit():
    found = rows("Narendra Modi attended the 2018 summit in Qingdao. Last year's summit was also attended by Nursultan Nazarbayev.",
                 summit="2019-bishkek", published="2019-06-15")
    assert found == {("2018-qingdao", "narendra-modi"): ("attended", ""),
                     ("2018-qingdao", "nursultan-nazarbayev"): ("attended", "")}
    found = rows("As an observer, Hamid Karzai also took part in the previous SCO summit in Dushanbe.",
                 summit="2009-yekaterinburg", published="2009-06-16")
    assert found == {("2008-dushanbe", "hamid-karzai"): ("attended", "")}


def test_a_virtual_summit_is_attended_from_anywhere():
    assert people("Narendra Modi joined the summit from New Delhi via video link.", summit="2020-moscow",
                  published="2020-11-11") == {"narendra-modi": "attended"}


@pytest.mark.parametrize(
    "raw, published, expected",
    [
        ("Ashraf Ghani is not expected to attend the summit.", "2019-06-05", {"ashraf-ghani": "absent"}),
        ("Ashraf Ghani was conspicuously absent.", "2019-06-15", {"ashraf-ghani": "absent"}),
        ("Ashraf Ghani was unable to attend because of the election.", "2019-06-15", {"ashraf-ghani": "absent"}),
        ("Hassan Rouhani did not travel to Bishkek but joined the leaders by video link.", "2019-06-15",
         {"hassan-rouhani": "attended"}),
        ("The summit will be attended by Imran Khan and Xi Jinping.", "2019-06-05",
         {"imran-khan": "expected", "xi-jinping": "expected"}),
        ("Imran Khan's arrival in Bishkek was delayed by fog.", "2019-06-15", {"imran-khan": "attended"}),
        ("Imran Khan's participation in the summit has been confirmed.", "2019-06-05", {"imran-khan": "expected"}),
        ("Imran Khan flew to Bishkek on Thursday.", "2019-06-15", {"imran-khan": "attended"}),
        ("Imran Khan flew to Riyadh on Thursday.", "2019-06-15", {}),
    ],
)
def test_absence_virtual_part_and_possessive_cues(raw, published, expected):
    assert people(raw, published=published) == expected


@pytest.mark.parametrize(
    "summit, published, raw, expected",
    [
        ("2018-qingdao", "2018-06-10", "Modi said India was committed to the bloc. Speaking at the plenary session, he called for connectivity.",
         {"narendra-modi": "attended"}),
        ("2018-qingdao", "2018-06-07", "Chinese President Xi Jinping will host leaders from Russia and India in Qingdao this weekend.",
         {"xi-jinping": "expected", "vladimir-putin": "expected", "narendra-modi": "expected"}),
        ("2018-qingdao", "2018-06-11", "Modi, Putin and Xi at the summit in Qingdao, China, on June 10, 2018. (Reuters)",
         {"narendra-modi": "attended", "vladimir-putin": "attended", "xi-jinping": "attended"}),
        ("2018-qingdao", "2018-06-11", "Kazakhstan's president Nursultan Nazarbayev and Kyrgyz leader Sooronbay Jeenbekov were also present.",
         {"nursultan-nazarbayev": "attended", "sooronbay-jeenbekov": "attended"}),
        ("2018-qingdao", "2018-06-11", "Earlier this year, Putin visited Beijing, where he met Xi Jinping.", {}),
        ("2022-samarkand", "2022-09-16", "Xi skipped a dinner on Thursday evening, but attended the main session.",
         {"xi-jinping": "attended"}),
        ("2022-samarkand", "2022-09-14", "Erdogan is due in Samarkand on Thursday.", {"recep-tayyip-erdogan": "expected"}),
        ("2024-astana", "2024-07-04", "Turkmen leader Serdar Berdimuhamedow was a guest of honour.", {"serdar-berdimuhamedow": "attended"}),
    ],
)
def test_participles_hosts_captions_and_shared_subjects(summit, published, raw, expected):
    assert people("Leaders met.\n" + raw, summit=summit, published=published) == expected


def test_a_state_represented_by_someone_stands_for_its_leader():
    assert rows("Leaders met.\nIndia was represented by External Affairs Minister Subrahmanyam Jaishankar.",
                summit="2024-astana", published="2024-07-04") == {
        ("2024-astana", "narendra-modi"): ("represented", "subrahmanyam-jaishankar"),
        ("2024-astana", "subrahmanyam-jaishankar"): ("attended", "")}


def test_a_relative_clause_about_another_summit_stays_there():
    assert rows("Leaders met.\nNarendra Modi, who attended the 2023 summit as its host, skipped this one.",
                summit="2024-astana", published="2024-07-04") == {
        ("2023-new-delhi", "narendra-modi"): ("attended", ""), ("2024-astana", "narendra-modi"): ("absent", "")}


@pytest.mark.parametrize(
    "raw",
    [
        "Kassym-Jomart Tokayev met Xi Jinping in Beijing in May and discussed the summit.",
        "The summit comes weeks after Vladimir Putin hosted Xi Jinping in Moscow.",
        "Analysts said Xi Jinping would likely meet Vladimir Putin at the BRICS summit in Kazan in October.",
        "Shehbaz Sharif held talks with Chinese Premier Li Qiang during a visit to Beijing last month.",
        "Kassym-Jomart Tokayev said Kazakhstan welcomed the decision.",
    ],
)
def test_meetings_elsewhere_are_not_the_summit(raw):
    assert people("Leaders met.\n" + raw, summit="2024-astana", published="2024-07-04") == {}


def test_a_statement_set_in_the_city_of_a_summit_of_those_weeks_is_about_it():
    """Whatever summit the article was given, arriving in the host city of a summit held that week is attending it."""
    assert rows("Leaders met.\nIlham Aliyev arrived in Astana on Wednesday.", summit="2022-samarkand",
                published="2024-07-03") == {("2024-astana", "ilham-aliyev"): ("attended", "")}


@pytest.mark.parametrize(
    "raw, published, expected",
    [
        ("Participating in the summit were the leaders of Kazakhstan and Tajikistan.", "2019-06-15",
         {"kassym-jomart-tokayev": "attended", "emomali-rahmon": "attended"}),
        ("Heads of state who attended the meeting included Imran Khan and Hassan Rouhani.", "2019-06-15",
         {"imran-khan": "attended", "hassan-rouhani": "attended"}),
        ("Ashraf Ghani gave the summit a miss this year.", "2019-06-15", {"ashraf-ghani": "absent"}),
        ("Imran Khan and Hassan Rouhani were among the leaders attending.", "2019-06-15",
         {"imran-khan": "attended", "hassan-rouhani": "attended"}),
        ("Hassan Rouhani told fellow leaders that sanctions hurt the region.", "2019-06-15", {"hassan-rouhani": "attended"}),
        ("Imran Khan said at the summit that trade must grow.", "2019-06-15", {"imran-khan": "attended"}),
        ("Imran Khan has been invited.", "2019-06-05", {"imran-khan": "expected"}),
        ("Imran Khan left for Bishkek on Wednesday.", "2019-06-12", {"imran-khan": "expected"}),
        ("Imran Khan left for Bishkek on Wednesday.", "2019-06-15", {"imran-khan": "attended"}),
    ],
)
def test_more_ways_news_says_who_came(raw, published, expected):
    assert people("Leaders met.\n" + raw, published=published) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("The leaders of China, Russia and Tajikistan attended the summit.",
         {"xi-jinping": "attended", "vladimir-putin": "attended", "emomali-rahmon": "attended"}),
        ("The Turkish leader did not attend.", {"recep-tayyip-erdogan": "absent"}),
        ("Narendra Modi was in the Kyrgyz capital for the summit.", {"narendra-modi": "attended"}),
        ("Narendra Modi and Imran Khan were both in Bishkek but avoided each other.",
         {"narendra-modi": "attended", "imran-khan": "attended"}),
        ("Vladimir Putin and Xi Jinping were both in Moscow that week.", {}),
        ("The Iranian president arrived, while the Afghan president stayed at home.",
         {"hassan-rouhani": "attended", "ashraf-ghani": "absent"}),
    ],
)
def test_offices_lists_and_presence(raw, expected):
    assert people("Leaders met.\n" + raw) == expected


def test_a_state_that_sent_its_minister_stands_for_its_leader():
    found = rows("Leaders met.\nPakistan sent its foreign minister to the meeting.", summit="2019-bishkek", published="2019-06-15")
    assert found[("2019-bishkek", "imran-khan")][0] == "represented"


def test_future_wording_long_after_the_summit_is_about_something_else():
    assert people("Leaders met.\nImran Khan will meet Xi Jinping on the sidelines of the summit.", published="2019-10-11") == {}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Kyrgyzstan, which holds the rotating chair, hosted the summit in its capital.", {"sooronbay-jeenbekov": "attended"}),
        ("Sooronbay Jeenbekov, the summit host, opened the session.", {"sooronbay-jeenbekov": "attended"}),
        ("Sooronbay Jeenbekov, the host, welcomed the leaders.", {"sooronbay-jeenbekov": "attended"}),
    ],
)
def test_the_host_is_there(raw, expected):
    assert people("Leaders met.\n" + raw) == expected

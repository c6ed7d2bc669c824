"""Publication dates of whole pages written for these tests: stamps, datelines, page furniture, tense, offices."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scoanalysis import reference, temporal
from temporal.texts import sents_of


def infer(text: str) -> pd.Series:
    return temporal.infer_published(sents_of(text), summits=reference.summits()).iloc[0]


def day_of(row: pd.Series) -> date | None:
    return None if pd.isna(row["published"]) else row["published"].date()


def window(row: pd.Series) -> tuple[date, date]:
    return row["published_earliest"].date(), row["published_latest"].date()


# --------------------------------------------------------------------------- stamps and the text's evidence

UFA_STAMPED = """Leaders open two-day meeting in Russia

Publish Date: 09/07/15 16:20

Leaders of the Shanghai Cooperation Organization gathered in Ufa on Thursday for a two-day summit.
Indian Prime Minister Narendra Modi will meet Pakistani Prime Minister Nawaz Sharif in Ufa on Friday.
"""

QINGDAO_MONTH_FIRST = """Posted 06/09/2018

Chinese President Xi Jinping opens the SCO summit in Qingdao today, welcoming Indian Prime Minister Narendra Modi.
The leaders will adopt a declaration on Sunday.
"""


def test_day_first_reading_that_fits_the_summit():
    row = infer(UFA_STAMPED)
    assert day_of(row) == date(2015, 7, 9)
    assert "09/07/15" in row["published_evidence"]


def test_month_first_reading_that_fits_the_summit():
    assert day_of(infer(QINGDAO_MONTH_FIRST)) == date(2018, 6, 9)


ARCHIVED = """Last Updated: 11/23/2019

Regional leaders meet in the Urals

YEKATERINBURG, Russia -- Leaders of the Shanghai Cooperation Organization called on Tuesday for a new financial order.
President Dmitry Medvedev welcomed Chinese President Hu Jintao to the meeting of the SCO, which groups Russia, China and four Central Asian states.
"""


def test_an_archive_update_line_does_not_win_over_the_text():
    row = infer(ARCHIVED)
    assert date(2009, 6, 16) <= day_of(row) <= date(2009, 6, 22)
    assert row["published_summit_id"] == "2009-yekaterinburg"


UPDATED_ONLY = """Modi, Sharif hold talks on the sidelines of the SCO summit

2 min read . Updated: 10 Jul 2015, 9:05 PM IST

Prime Minister Narendra Modi held talks with Pakistani Prime Minister Nawaz Sharif in Ufa, where the SCO summit ended.
"""


def test_an_update_line_names_the_day_when_nothing_contradicts_it():
    assert day_of(infer(UPDATED_ONLY)) == date(2015, 7, 10)


HEADER = """Saturday, 23 November 2019

Kyrgyz President Sooronbay Jeenbekov opened the SCO summit in Bishkek on Thursday.
The leaders of the SCO signed the Bishkek declaration in the Kyrgyz capital.
"""


def test_a_site_header_date_does_not_win_over_the_text():
    row = infer(HEADER)
    assert date(2019, 6, 13) <= day_of(row) <= date(2019, 6, 20)


# --------------------------------------------------------------------------- datelines


def test_a_dateline_without_year_takes_the_year_of_the_summit():
    text = ("UFA, July 9. /Example Agency/. The leaders of the SCO member states will sign the Ufa declaration "
            "on Friday, the Kremlin said.")
    row = infer(text)
    assert day_of(row) == date(2015, 7, 9)
    assert "dateline" in row["published_evidence"]


def test_a_dateline_without_year_takes_the_nearest_of_two_summits_in_its_city():
    text = "ASTANA, June 15 (Example News) - The leaders of the SCO adopted a declaration in Astana."
    assert day_of(infer(text)) == date(2011, 6, 15)


def test_a_dateline_without_year_or_summit_takes_the_year_the_text_tells_of():
    text = ("ISLAMABAD, March 3 (Example News) - The finance ministry said exports rose in 2018 and that "
            "a new tariff agreed in 2019 would take effect soon.")
    row = infer(text)
    assert row["published_source"] == "unknown" or day_of(row) in (date(2019, 3, 3), date(2020, 3, 3))
    assert row["published_earliest"] >= pd.Timestamp("2019-01-01")


# --------------------------------------------------------------------------- page furniture about other days


def test_a_caption_about_another_summit_only_bounds_the_date_from_below():
    text = """Modi heads to Kyrgyzstan

Indian Prime Minister Narendra Modi with Chinese President Xi Jinping at the SCO summit in Qingdao, June 10, 2018. (Photo: Example Agency)

Indian Prime Minister Narendra Modi will arrive in Bishkek on Thursday for the two-day SCO summit.
He will hold talks with Chinese President Xi Jinping in the Kyrgyz capital.
"""
    row = infer(text)
    assert row["published_summit_id"] == "2019-bishkek"
    assert date(2019, 6, 6) <= day_of(row) <= date(2019, 6, 13)


def test_a_related_story_link_is_not_the_page_date():
    text = """Related: SCO leaders meet in Qingdao 10 June 2018

Kyrgyz President Sooronbay Jeenbekov is hosting the SCO summit in Bishkek, where leaders are meeting on Friday.
"""
    row = infer(text)
    assert row["published_summit_id"] == "2019-bishkek"
    assert day_of(row) in (date(2019, 6, 13), date(2019, 6, 14))


def test_a_background_sentence_about_an_earlier_summit_does_not_date_the_page():
    text = """Previously, the Indian leader travelled to Qingdao, China, for the SCO summit of June 2018.
Prime Minister Narendra Modi is attending the SCO summit in Bishkek, Kyrgyz officials said.
"""
    row = infer(text)
    assert row["published_summit_id"] == "2019-bishkek"
    assert date(2019, 6, 13) <= day_of(row) <= date(2019, 6, 14)


# --------------------------------------------------------------------------- tense and the summit's days


@pytest.mark.parametrize("text,lo,hi", [
    ("The SCO summit opens today in Qingdao, the Chinese port city.", date(2018, 6, 9), date(2018, 6, 9)),
    ("The SCO summit takes place in Ufa today and tomorrow.", date(2015, 7, 9), date(2015, 7, 9)),
    ("The SCO summit began on Saturday in Qingdao, with leaders of eight states present.",
     date(2018, 6, 9), date(2018, 6, 15)),
    ("Leaders will gather in Qingdao next week for the SCO summit.", date(2018, 5, 28), date(2018, 6, 3)),
])
def test_tense_and_the_summit_days_bound_the_date(text, lo, hi):
    row = infer(text)
    assert lo <= day_of(row) <= hi
    assert lo <= row["published_earliest"].date() and row["published_latest"].date() <= max(hi, lo)


def test_a_preview_is_dated_by_the_latest_event_it_tells_of():
    text = ("Chinese President Xi Jinping arrived in Kyrgyzstan on Tuesday for a state visit. "
            "He will attend the SCO summit in Bishkek on Thursday and Friday.")
    assert day_of(infer(text)) == date(2019, 6, 11)


def test_titles_of_office_tell_two_summits_in_one_city_apart():
    text = "Kyrgyz President Almazbek Atambayev welcomed leaders to Bishkek for the SCO summit on Friday."
    row = infer(text)
    assert row["published_summit_id"] == "2013-bishkek"
    assert "Almazbek Atambayev" in row["published_evidence"]


def test_a_former_title_bounds_nothing():
    text = "Former Kyrgyz President Almazbek Atambayev welcomed leaders to Bishkek for the SCO summit on Friday."
    assert infer(text)["published_summit_id"] != "2013-bishkek"


def test_a_page_without_date_or_summit_is_unknown():
    row = infer("The talks touched on water, energy and the border, officials said.")
    assert row["published_source"] == "unknown" and pd.isna(row["published"])


def test_a_list_of_dates_is_not_the_page_date():
    text = """A short history of the bloc

June 15, 2001
Shanghai | 15 June 2001
Yekaterinburg | 16 June 2009

Leaders of the SCO will meet again in Bishkek next month, officials said on Monday.
"""
    row = infer(text)
    assert day_of(row) not in (date(2001, 6, 15), date(2009, 6, 16))


def test_a_date_told_as_past_rules_out_an_older_summit():
    text = ("Lukashenko flew into Beijing on Tuesday for talks with his hosts. "
            "In March 2023, the two leaders signed a joint statement in Moscow.")
    row = infer(text)
    assert row["published_source"] == "unknown" or day_of(row) >= date(2023, 3, 1)
    assert row["published_summit_id"] != "2012-beijing"


# --------------------------------------------------------------------------- stamps as timexes


def test_stamp_dates_come_out_as_timexes_read_as_the_page_reads_them():
    sents = sents_of(UFA_STAMPED)
    row = temporal.infer_published(sents, summits=reference.summits()).iloc[0]
    found = temporal.timexes(sents, published={"a": row["published"]})
    stamp = found[found["rule"] == "stamp"]
    assert stamp["text"].tolist() == ["09/07/15"]
    assert stamp["earliest"].iloc[0] == pd.Timestamp("2015-07-09") == stamp["latest"].iloc[0]
    record, times, _ = temporal.article_dates(sents, summits=reference.summits(), given=None)
    assert times[times["rule"] == "stamp"]["value"].tolist() == ["2015-07-09"]


def test_a_site_footer_date_does_not_win_over_the_text():
    text = ("Leaders of the SCO met in Bishkek on Friday. Kyrgyz President Sooronbay Jeenbekov chaired the meeting."
            "\n\nSaturday, 14 March 2020")
    row = infer(text)
    assert row["published_summit_id"] == "2019-bishkek"
    assert date(2019, 6, 14) <= day_of(row) <= date(2019, 6, 20)


def test_a_journey_for_a_city_places_the_summit_there():
    text = "ISLAMABAD: Prime Minister Shehbaz Sharif will leave for Astana tomorrow to attend the SCO summit."
    row = infer(text)
    assert row["published_summit_id"] == "2024-astana"
    assert date(2024, 7, 1) <= day_of(row) <= date(2024, 7, 3)


def test_a_dateline_in_another_summit_city_does_not_move_the_summit():
    text = ("New Delhi, Sep 15 (Example News) Prime Minister Narendra Modi will leave for Samarkand on Thursday "
            "to attend the SCO summit, the ministry said.")
    row = infer(text)
    assert row["published_summit_id"] == "2022-samarkand" and day_of(row) == date(2022, 9, 15)


def test_a_given_date_before_the_update_line_is_no_conflict_but_one_after_it_is():
    sents = sents_of(UPDATED_ONLY)
    assert temporal.date_conflicts(sents, {"a": date(2015, 7, 9)}, summits=reference.summits()).empty
    found = temporal.date_conflicts(sents, {"a": date(2015, 7, 12)}, summits=reference.summits())
    assert "update line" in " ".join(found["note"])

"""Ranges of days as one timex, a day of the month named by its ordinal, deictic days inside quotations."""

from __future__ import annotations

from datetime import date

import pytest

from temporal.texts import only_row, timexes_at

#: Wednesday 2023-03-08.
WED = date(2023, 3, 8)


def days(row) -> tuple[str, str]:
    return str(row["earliest"].date()), str(row["latest"].date())


# --------------------------------------------------------------------------- ranges of days

@pytest.mark.parametrize("text, span, value", [
    ("Ministers meet in Minsk on April 11-12.", "April 11-12", "2023-04-11/2023-04-12"),
    ("The fair is held on May 3/4, 2021.", "May 3/4, 2021", "2021-05-03/2021-05-04"),
    ("Talks ran from Jan. 30 to Feb. 2 in Bishkek.", "Jan. 30 to Feb. 2", "2023-01-30/2023-02-02"),
    ("Delegates met on 30 November \u2013 1 December 2019 in Tashkent.", "30 November \u2013 1 December 2019",
     "2019-11-30/2019-12-01"),
    ("The games run from March 20 through 24.", "March 20 through 24", "2023-03-20/2023-03-24"),
    ("The envoys will meet on March 14 and 15.", "March 14 and 15", "2023-03-14/2023-03-15"),
])
def test_a_range_of_days_is_one_timex(text, span, value):
    row = only_row(timexes_at(text, WED), span)
    assert row["value"] == value
    assert days(row) == tuple(value.split("/"))
    assert row["timex_type"] == "DATE" and row["granularity"] == "day"


def test_a_leap_year_range_across_the_end_of_february():
    row = only_row(timexes_at("The forum ran from 27-29 February 2024 in Baku.", WED), "27-29 February 2024")
    assert days(row) == ("2024-02-27", "2024-02-29")


@pytest.mark.parametrize("text, apart", [
    ("The vote is on March 14 or 15.", ["March 14", "15"]),
    ("The envoys will meet on March 14 and 16.", ["March 14", "16"]),
    ("Flights resume on March 30 and April 1.", ["March 30", "April 1"]),
])
def test_alternatives_and_separate_days_stay_apart(text, apart):
    assert timexes_at(text, WED)["text"].tolist() == apart


def test_an_anchor_on_an_end_of_a_range_names_the_range():
    found = timexes_at("The summit was held on June 8-9, 2017, and a forum followed on June 12.", WED)
    summit, forum = only_row(found, "June 8-9, 2017"), only_row(found, "June 12")
    assert forum["value"] == "2017-06-12"
    assert forum["anchor"] == f"{summit['start']}:{summit['end']}"


def test_a_range_without_a_year_resolves_as_its_first_day():
    row = only_row(timexes_at("Leaders gathered in Astana on Feb. 20-21.", WED), "Feb. 20-21")
    assert days(row) == ("2023-02-20", "2023-02-21")


# --------------------------------------------------------------------------- the day of the month by its ordinal

@pytest.mark.parametrize("text, span, day", [
    ("On the 14th, the ministers will meet in Baku.", "the 14th", "2023-03-14"),
    ("By the 2nd, the envoys had left.", "the 2nd", "2023-03-02"),
    ("The envoys arrived on the 21st.", "the 21st", "2023-02-21"),
    ("The envoys will arrive on the 3rd.", "the 3rd", "2023-04-03"),
    ("Talks resume in Baku on April 2. On the 5th, the leaders sign the charter.", "the 5th", "2023-04-05"),
])
def test_a_day_of_the_month_by_its_ordinal(text, span, day):
    row = only_row(timexes_at(text, WED), span)
    assert (row["value"], *days(row)) == (day, day, day)


@pytest.mark.parametrize("text", [
    "On the 4th day of talks, the envoys left.",
    "Leaders met at the 22nd summit in Tashkent.",
    "The office moved on the 3rd floor.",
])
def test_an_ordinal_that_counts_something_else_is_no_day(text):
    assert not timexes_at(text, WED)["text"].str.contains(r"\d(?:st|nd|rd|th)\b").any()


def test_an_ordinal_day_without_a_dct_stays_unresolved():
    row = only_row(timexes_at("On the 9th, the ministers meet.", None), "the 9th")
    assert row["value"] == "XXXX-XX-09"


# --------------------------------------------------------------------------- deictic days inside quotations

@pytest.mark.parametrize("text, span, day", [
    ("\u201cWe will sign the charter tomorrow,\u201d the Kyrgyz minister said on Monday.", "tomorrow", "2023-03-07"),
    ("On Friday, Lee told reporters in Baku: \u201cToday we open a new chapter.\u201d", "Today", "2023-03-03"),
    ("\u201cYesterday was a good day,\u201d Ortiz said yesterday.", "Yesterday", "2023-03-06"),
    ("Chen said on Sunday that \u201ctomorrow the border reopens.\u201d", "tomorrow", "2023-03-06"),
])
def test_a_quoted_deictic_counts_from_the_day_of_speaking(text, span, day):
    rows = timexes_at(text, WED)
    row = rows[rows["text"] == span].iloc[0]
    assert (row["value"], *days(row)) == (day, day, day)


@pytest.mark.parametrize("text, day", [
    ("\u201cThe talks end today,\u201d he said.", "2023-03-08"),
    ("\u201cThe vote is tomorrow,\u201d Ortiz told Ana, who turns 40 on Sunday.", "2023-03-09"),
    ("The minister said on Monday the talks end tomorrow.", "2023-03-09"),
])
def test_without_a_day_of_speaking_a_deictic_counts_from_the_dct(text, day):
    rows = timexes_at(text, WED)
    row = rows[rows["rule"] == "deictic"].iloc[0]
    assert row["value"] == day


# --------------------------------------------------------------------------- a year after "until at least"

@pytest.mark.parametrize("text, year", [
    ("Her mandate runs until at least 2031.", "2031"),
    ("The lease holds through at least 2027, the ministry said.", "2027"),
    ("Output has grown since about 1998.", "1998"),
])
def test_a_year_after_a_preposition_of_time_and_a_modifier(text, year):
    assert only_row(timexes_at(text, WED), year)["value"] == year


@pytest.mark.parametrize("text", ["At least 2000 troops took part.", "More than 1990 delegates voted."])
def test_a_count_after_a_modifier_is_no_year(text):
    assert timexes_at(text, WED).empty

"""Quarters and fiscal periods, holidays, years and days in news style, clock times with their day, ages."""

from __future__ import annotations

from datetime import date

import pytest

from temporal.texts import only_row, timexes_at

NOV = date(2021, 11, 3)  # a Wednesday, a month after a quarter ended
FEB = date(2023, 2, 13)  # a Monday

# --------------------------------------------------------------------------- quarters and fiscal periods

QUARTERS = [
    (NOV, "Orlen Foods said its net income fell 12% in the third quarter.", "the third quarter", "2021-Q3"),
    (NOV, "Orlen Foods reported third-quarter profit of $4 million.", "third-quarter", "2021-Q3"),
    (NOV, "The brewer expects a loss in the fourth quarter.", "the fourth quarter", "2021-Q4"),
    (NOV, "Sales in the 2019 second quarter were flat.", "the 2019 second quarter", "2019-Q2"),
    (NOV, "Margins shrank in the second quarter of 2020.", "the second quarter of 2020", "2020-Q2"),
    (NOV, "Revenue will rise in next year's first quarter, the maker said.", "next year's first quarter", "2022-Q1"),
    (NOV, "Profit doubled in fiscal 2020.", "fiscal 2020", "2020"),
    (NOV, "Delvo Air posted a record in the fiscal first quarter.", "the fiscal first quarter", "2021-Q1"),
    (NOV, "Analysts watched the quarter closely.", "the quarter", "2021-Q3"),
    (NOV, "The mill lost money in the latest quarter.", "the latest quarter", "2021-Q3"),
]


@pytest.mark.parametrize("dct,sentence,span,value", QUARTERS, ids=[q[2] for q in QUARTERS])
def test_quarters(dct, sentence, span, value):
    row = only_row(timexes_at(sentence, dct), span)
    assert (row["timex_type"], row["value"]) == ("DATE", value)


def test_the_quarter_and_year_earlier_read_the_quarter_under_discussion():
    text = ("Kestrel Mining earned $8 million in the second quarter of 2020. "
            "Costs in the quarter rose, and the year-earlier quarter included a charge. "
            "Year-earlier sales were higher.")
    found = timexes_at(text, NOV)
    assert only_row(found, "the quarter")["value"] == "2020-Q2"
    assert only_row(found, "the year-earlier quarter")["value"] == "2019-Q2"
    assert only_row(found, "Year-earlier")["value"] == "2019-Q2"


def test_a_year_ago_next_to_a_quarter_is_that_quarter_a_year_back():
    text = "Profit in the third quarter rose to $9 million from $7 million a year ago."
    assert only_row(timexes_at(text, NOV), "a year ago")["value"] == "2020-Q3"


def test_a_year_earlier_in_the_next_paragraph_compares_with_the_quarter_under_discussion():
    text = "Tarn Steel said third-quarter net rose 4%.\n\nA year earlier, the company earned $2 million."
    assert only_row(timexes_at(text, NOV), "A year earlier")["value"] == "2020-Q3"


def test_a_year_ago_without_a_quarter_is_a_year():
    assert only_row(timexes_at("The plant opened a year ago.", NOV), "a year ago")["value"] == "2020"


def test_a_year_earlier_without_an_event_counts_from_the_dct():
    assert only_row(timexes_at("A year earlier, the league had no sponsor.", NOV), "A year earlier")["value"] == "2020"


def test_the_year_and_year_end():
    found = timexes_at("For the year, shipments rose. The deal should close by year-end.", NOV)
    assert only_row(found, "the year")["value"] == "2021"
    assert only_row(found, "year-end")["value"] == "2021-12-31"
    past = timexes_at("Shares have gained 9% since year-end.", NOV)
    assert only_row(past, "year-end")["value"] == "2020-12-31"


def test_the_year_ended_is_a_duration():
    row = only_row(timexes_at("Net income for the year ended June 30 was $3 million.", NOV), "the year")
    assert (row["timex_type"], row["value"]) == ("DURATION", "P1Y")


def test_the_nine_months_keep_their_article():
    row = only_row(timexes_at("In the nine months ended Sept. 30, sales fell.", NOV), "the nine months")
    assert row["value"] == "P9M"


def test_a_quarter_of_the_shares_is_no_quarter():
    found = timexes_at("A quarter of the shares and three-quarters of the bonds were sold.", NOV)
    assert found.empty, found[["text", "value"]]


# --------------------------------------------------------------------------- holidays, words, decades

@pytest.mark.parametrize("dct,sentence,span,value", [
    (date(2022, 1, 10), "The fishermen found him on Thanksgiving Day.", "Thanksgiving Day", "2021-11-25"),
    (date(2022, 10, 20), "Voters go to the polls on Election Day.", "Election Day", "2022-11-08"),
    (date(2021, 4, 6), "Pilgrims gathered as Easter week began.", "Easter week", "2021-W13"),
    (date(2021, 12, 1), "The shop will close on Christmas Day.", "Christmas Day", "2021-12-25"),
    (FEB, "In nineteen eighty-two the dam was finished.", "nineteen eighty-two", "1982"),
    (FEB, "The plan ends by the year two thousand and five.", "the year two thousand and five", "2005"),
    (FEB, "Record sales were common in the nineties.", "the nineties", "199"),
    (FEB, "The label grew fast in the '70s.", "the '70s", "197"),
])
def test_holidays_and_years_in_words(dct, sentence, span, value):
    assert only_row(timexes_at(sentence, dct), span)["value"] == value


def test_a_number_in_words_is_no_year():
    found = timexes_at("Some two thousand people marched.", FEB)
    assert not any("thousand" in t for t in found["text"]), found[["text", "value"]]


def test_christmas_in_lower_case_is_no_holiday():
    assert timexes_at("They sold christmas trees.", FEB).empty


# --------------------------------------------------------------------------- years in context

@pytest.mark.parametrize("sentence,span", [
    ("She lost her 2004 race for mayor.", "2004"),
    ("Traders recalled the 1997 crash.", "1997"),
    ("The notes are due 2031 and pay 4%.", "2031"),
    ("Miners struck in 1888 over pay.", "1888"),
    ("Quarry's 2019 results were weak.", "2019"),
])
def test_years_in_context(sentence, span):
    row = only_row(timexes_at(sentence, FEB), span)
    assert row["value"] == span


@pytest.mark.parametrize("sentence,token", [
    ("The ferry carried 1990 of them.", "1990"),
    ("Ask for room No. 2015 at the desk.", "2015"),
    ("Ministers backed Agenda 2063 in Addis Ababa.", "2063"),
    ("Police counted 1950 protesters.", "1950"),
])
def test_numbers_that_are_no_years(sentence, token):
    found = timexes_at(sentence, FEB)
    assert not any(token in t for t in found["text"]), found[["text", "value"]]


# --------------------------------------------------------------------------- weekdays, dates without year

@pytest.mark.parametrize("sentence,span,value", [
    ("Governor Alvarez Saturday signed the bill.", "Saturday", "2023-02-11"),
    ("Stocks fell in Seoul Friday.", "Friday", "2023-02-10"),
    ("Also Thursday, the mayor resigned.", "Thursday", "2023-02-09"),
])
def test_weekday_after_a_capitalised_word(sentence, span, value):
    assert only_row(timexes_at(sentence, FEB), span)["value"] == value


@pytest.mark.parametrize("sentence,token", [
    ("Sales on Cyber Monday beat forecasts.", "Monday"),
    ("She writes for the Sunday Times in London.", "Sunday"),
])
def test_weekday_names_in_names(sentence, token):
    found = timexes_at(sentence, FEB)
    assert not any(token in t for t in found["text"]), found[["text", "value"]]


@pytest.mark.parametrize("dct,sentence,span,value", [
    (NOV, "The board extended its offer to Nov. 19.", "Nov. 19", "2021-11-19"),
    (NOV, "The dividend is payable Jan. 4 to holders of record Dec. 10.", "Jan. 4", "2022-01-04"),
    (NOV, "The dividend is payable Jan. 4 to holders of record Dec. 10.", "Dec. 10", "2021-12-10"),
    (date(2022, 5, 4), "The clinic was attacked on Oct. 29.", "Oct. 29", "2021-10-29"),
    (FEB, "The envoy said the vote was planned for early March.", "early March", "2023-03"),
    (FEB, "Riots broke out in July last year.", "July last year", "2022-07"),
    (date(2021, 4, 23), "The paper said in an editorial on Sunday, April 25: the court erred.", "Sunday, April 25",
     "2021-04-25"),
])
def test_dates_without_year(dct, sentence, span, value):
    assert only_row(timexes_at(sentence, dct), span)["value"] == value


def test_as_soon_as_points_ahead():
    row = only_row(timexes_at("The crew could leave as soon as Thursday, the captain said.", FEB), "Thursday")
    assert row["value"] == "2023-02-16"


def test_a_year_two_sentences_back_does_not_date_a_month():
    text = "The activist had been jailed in several states since 1994. His van was found in December, police said."
    assert only_row(timexes_at(text, date(2001, 5, 4)), "December")["value"] == "2000-12"


# --------------------------------------------------------------------------- clock times, parts of day

@pytest.mark.parametrize("sentence,span,value", [
    ("Gunmen struck at 11 p.m. Saturday, police said.", "11 p.m. Saturday", "2023-02-11T23:00"),
    ("The agency wants a reply by 8 a.m. EST Wednesday.", "8 a.m. EST Wednesday", "2023-02-15T08:00"),
    ("The offer lapsed at midnight Friday.", "midnight Friday", "2023-02-10T24:00"),
    ("Shares slid in late afternoon yesterday.", "late afternoon yesterday", "2023-02-12TAF"),
    ("Firefighters arrived around 6:40 p.m., a spokesman said.", "6:40 p.m.", "2023-02-13T18:40"),
])
def test_clock_times_with_their_day(sentence, span, value):
    row = only_row(timexes_at(sentence, FEB), span)
    assert (row["timex_type"], row["value"]) == ("TIME", value)


def test_anaphoric_days_and_parts_of_day():
    text = ("The ferry sank on Feb. 2. Earlier that day, a storm warning was issued; the next morning, divers "
            "found the hull. The line was founded in 1961 and later that year it bought two ships.")
    found = timexes_at(text, FEB)
    assert only_row(found, "Earlier that day")["value"] == "2023-02-02"
    assert only_row(found, "the next morning")["value"] == "2023-02-03TMO"
    assert only_row(found, "later that year")["value"] == "1961"


def test_the_week_of_the_last_day_named():
    found = timexes_at("The index ended at 310 on Friday. For the week, it lost 2%.", FEB)
    assert only_row(found, "the week")["value"] == "2023-W06"
    assert only_row(timexes_at("Talks are set for the week of March 6.", FEB), "the week of March 6")["value"] == \
        "2023-W10"


# --------------------------------------------------------------------------- durations, ages, the future

@pytest.mark.parametrize("sentence,span,value", [
    ("The climbers waited 7 1/2 hours for help.", "7 1/2 hours", "PT7.5H"),
    ("A minute and a half later, the alarm rang.", "A minute and a half", "PT90S"),
    ("The strike lasted three more weeks.", "three more weeks", "P3W"),
    ("Her one-day visit ended.", "one-day", "P1D"),
])
def test_durations(sentence, span, value):
    row = only_row(timexes_at(sentence, FEB), span)
    assert (row["timex_type"], row["value"]) == ("DURATION", value)


@pytest.mark.parametrize("sentence", ["A 9-year-old girl was rescued.", "The pilot, 47 years old, survived.",
                                      "Their six-month-old son slept."])
def test_ages_are_no_durations(sentence):
    assert timexes_at(sentence, FEB).empty


def test_the_future():
    row = only_row(timexes_at("Farmers worry about the future.", FEB), "the future")
    assert row["value"] == "FUTURE_REF"

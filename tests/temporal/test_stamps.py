"""Publication lines, update lines and datelines as pages print them: what is read, and in which order."""

from __future__ import annotations

from datetime import date

import pytest

from scoanalysis.temporal.stamps import line_stamps, settle_orders, wire_dateline
from scoanalysis.text import fold


def read(line: str, *, edge: bool = False) -> list[tuple[str, tuple[date, ...]]]:
    return [(s.kind, s.readings) for s in line_stamps(fold(line), line, edge=edge)]


# --------------------------------------------------------------------------- publication lines


@pytest.mark.parametrize("line,day", [
    ("Posted: 14 June 2019", date(2019, 6, 14)),
    ("Published on 9th June 2018, 08:15 AM", date(2018, 6, 9)),
    ("09:40, 10 June 2018 | GMT +8", date(2018, 6, 10)),
    ("WORLD | 18:05 / 13.06.2019", date(2019, 6, 13)),
    ("06:12 GMT 16.06.2009", date(2009, 6, 16)),
    ("23:02 9.7.2015", date(2015, 7, 9)),
    ("2019/06/14", date(2019, 6, 14)),
    ("15 Jun 2009 - 22:47", date(2009, 6, 15)),
    ("Publish Date: 2018-06-10 11:00", date(2018, 6, 10)),
    ("Date posted: Jun 13, 2019", date(2019, 6, 13)),
    ("3 mins read . Published: 13 Jun 2019, 10:20 PM PKT", date(2019, 6, 13)),
    ("By Maria Lopez | Example Wire | June 13, 2019 7:45 AM", date(2019, 6, 13)),
    ("By Omar FaruqJune 13, 2019", date(2019, 6, 13)),
    ("2015-07-10T16:20:00+03:00", date(2015, 7, 10)),
    ("Fri, 10 Jul 2015 16:20:00 +0300", date(2015, 7, 10)),
    ("10-Jul-15", date(2015, 7, 10)),
])
def test_publication_lines_give_their_day(line, day):
    assert read(line) == [("published", (day,))]


@pytest.mark.parametrize("line,day", [
    ("Updated: 10 Jul 2015, 9:05 PM IST", date(2015, 7, 10)),
    ("(Last Updated On: June 16, 2009)", date(2009, 6, 16)),
    ("Last modified on Fri 10 Jul 2015 16.20 BST", date(2015, 7, 10)),
    (". Last Updated: 11/23/2019", date(2019, 11, 23)),
])
def test_update_lines_are_told_apart(line, day):
    assert read(line) == [("updated", (day,))]


def test_a_line_with_both_gives_both_kinds():
    got = read("Published: 14th June 2019 09:02 AM  |   Last Updated: 15th June 2019 10:30 AM   |  A+A-")
    assert got == [("published", (date(2019, 6, 14),)), ("updated", (date(2019, 6, 15),))]


def test_a_weekday_date_without_time_heading_or_ending_the_page_is_the_site_header():
    assert read("Saturday, 23 November 2019", edge=True) == [("header", (date(2019, 11, 23),))]
    assert read("Saturday, 23 November 2019") == [("published", (date(2019, 11, 23),))]


@pytest.mark.parametrize("line", [
    "The leaders met in Qingdao on 10 June 2018.",
    "Xi lands in Bishkek 12 June 2019",
    "SCO Summit in Qingdao | 9 June 2018",
    "Related: Leaders gather in Ufa 9 July 2015",
    "Read more: 14 June 2019",
    "Photo taken 10 June 2018",
    "Trade grew 12.06.2019 percent",
])
def test_prose_and_links_to_other_pages_are_no_publication_lines(line):
    assert read(line) == []


# --------------------------------------------------------------------------- numeric dates: day or month first


def test_a_field_over_twelve_decides_the_order():
    assert read("Posted 25/06/2019") == [("published", (date(2019, 6, 25),))]
    assert read("Posted 06/25/2019") == [("published", (date(2019, 6, 25),))]


def test_dotted_numeric_dates_are_day_first():
    assert read("Posted 06.05.2019") == [("published", (date(2019, 5, 6),))]


def test_both_readings_stay_when_day_and_month_fit_twelve():
    (kind, readings), = read("Publish Date: 09/07/15 16:20")
    assert set(readings) == {date(2015, 7, 9), date(2015, 9, 7)}


def stamps_of(*lines: str):
    return [s for i, line in enumerate(lines) for s in line_stamps(fold(line), line, sentence_id=i)]


def test_the_page_settles_the_order_by_its_other_numeric_dates():
    first, update = settle_orders(stamps_of("Posted 05/06/2019", "Updated 05/16/2019"), set())
    assert first.readings[0] == date(2019, 5, 6)  # month first, as the update line shows
    first, update = settle_orders(stamps_of("Posted 05/06/2019", "Updated 16/05/2019"), set())
    assert first.readings[0] == date(2019, 6, 5)


def test_the_page_settles_the_order_by_a_full_date_printed_elsewhere():
    s, = settle_orders(stamps_of("Posted 05/06/2019 10:00"), {date(2019, 5, 6)})
    assert s.readings == (date(2019, 5, 6), date(2019, 6, 5))
    s, = settle_orders(stamps_of("Posted 05/06/2019 10:00"), {date(2019, 6, 5)})
    assert s.readings == (date(2019, 6, 5), date(2019, 5, 6))


def test_day_first_unless_the_page_keeps_american_time():
    s, = settle_orders(stamps_of("Posted 05/06/2019 10:00"), set())
    assert s.readings[0] == date(2019, 6, 5)
    s, = settle_orders(stamps_of("Posted 05/06/2019 10:00 AM EDT"), set())
    assert s.readings[0] == date(2019, 5, 6)


def test_a_printed_weekday_picks_the_reading():
    (kind, readings), = read("Wed 05/06/2019")  # 5 June 2019 was a Wednesday, 6 May a Monday
    assert readings[0] == date(2019, 6, 5)


# --------------------------------------------------------------------------- wire datelines


@pytest.mark.parametrize("text,city,month_day,day", [
    ("UFA, July 9. /Example Agency/. Leaders of the six states", "UFA", (7, 9), None),
    ("YEKATERINBURG, June 16 (Interfax) - The presidents", "YEKATERINBURG", (6, 16), None),
    ("TASHKENT, June 23, 2016, Example News -- The presidents", "TASHKENT", None, date(2016, 6, 23)),
    ("Qingdao, June 10 (Xinhua) -- Chinese President", "Qingdao", (6, 10), None),
    ("Bishkek, 13 June - The leaders", "Bishkek", (6, 13), None),
    ("SAINT PETERSBURG, Russia -- Leaders", "SAINT PETERSBURG", None, None),
    ("ISLAMABAD: Prime Minister", "ISLAMABAD", None, None),
])
def test_datelines_give_their_city_and_date(text, city, month_day, day):
    s = wire_dateline(fold(text), text)
    assert s is not None and s.city == city and s.month_day == month_day
    assert s.readings == ((day,) if day else ())


def test_a_dateline_alone_in_its_sentence():
    s = wire_dateline("QINGDAO, June 9.", "QINGDAO, June 9.")
    assert s is not None and s.month_day == (6, 9)


@pytest.mark.parametrize("text", ["NATO said on Monday", "BREAKING: Leaders meet", "Bishkek, 13 June and after"])
def test_sentences_that_are_no_datelines(text):
    assert wire_dateline(fold(text), text) is None

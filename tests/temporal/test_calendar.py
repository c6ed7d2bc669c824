"""Calendar arithmetic: month ends, adding months, ISO weeks, valid days, values read as days."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from scoanalysis.temporal import calendar


@pytest.mark.parametrize("y, m, end", [(2024, 2, 29), (2023, 2, 28), (2022, 12, 31), (2022, 9, 30), (1900, 2, 28)])
def test_month_end(y, m, end):
    assert calendar.month_end(y, m) == date(y, m, end)


@pytest.mark.parametrize("d, n, want", [
    (date(2022, 1, 31), 1, date(2022, 2, 28)),  # the day is cut to the month's length
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2022, 9, 16), -9, date(2021, 12, 16)),
    (date(2022, 9, 16), 24, date(2024, 9, 16)),
    (date(2022, 3, 31), -1, date(2022, 2, 28)),
    (date(2022, 9, 1), 0, date(2022, 9, 1)),
])
def test_add_months(d, n, want):
    assert calendar.add_months(d, n) == want


def test_add_months_beyond_the_calendar_raises_value_error():
    with pytest.raises(ValueError):
        calendar.add_months(date(2022, 9, 16), 12 * 8000)


def test_weeks():
    assert calendar.monday(date(2022, 9, 18)) == date(2022, 9, 12)
    assert calendar.week_value(date(2022, 9, 16)) == "2022-W37"
    assert calendar.week_value(date(2021, 1, 3)) == "2020-W53"


def test_valid_and_day_range():
    assert calendar.valid(2024, 2, 29) == date(2024, 2, 29) and calendar.valid(2023, 2, 29) is None
    assert calendar.day_range(date(2022, 9, 30), date(2022, 10, 2)) == [date(2022, 9, 30), date(2022, 10, 1),
                                                                        date(2022, 10, 2)]


@pytest.mark.parametrize("value, want", [
    (None, None), (pd.NaT, None), (float("nan"), None), (np.nan, None), ("not a date", None),
    (date(2022, 9, 16), date(2022, 9, 16)), (datetime(2022, 9, 16, 10), date(2022, 9, 16)),
    (pd.Timestamp("2022-09-16"), date(2022, 9, 16)), ("2022-09-16", date(2022, 9, 16)),
    (np.datetime64("2022-09-16"), date(2022, 9, 16)),
])
def test_to_date(value, want):
    assert calendar.to_date(value) == want

"""Calendar arithmetic on days: month ends, adding months, ISO weeks, valid days, values read as days."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
from dateutil.relativedelta import relativedelta

#: Days that ``datetime64[ns]`` holds (a century's first day may not fit).
NS_FIRST, NS_LAST = date(1678, 1, 1), date(2261, 12, 31)


def month_end(y: int, m: int) -> date:
    """Return the last day of month `m` (1..12) of year `y`."""
    return date(y, m, 1) + relativedelta(day=31)


def add_months(d: date, n: int) -> date:
    """Return `d` moved by `n` months, its day cut to the new month's length (Jan 31 + 1 month: Feb 28/29)."""
    return d + relativedelta(months=n)


def monday(d: date) -> date:
    """Return the Monday of `d`'s ISO week."""
    return d - timedelta(days=d.weekday())


def week_value(d: date) -> str:
    """Return the TIMEX3 value of `d`'s ISO week ("2022-W37")."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def valid(y: int, m: int, d: int) -> date | None:
    """Return the day `y`-`m`-`d`, or None when the calendar has no such day."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def day_range(a: date, b: date) -> list[date]:
    """Return the days from `a` to `b`, both included."""
    return [a + timedelta(days=k) for k in range((b - a).days + 1)]


def to_date(value) -> date | None:
    """Return `value` (a date, datetime, Timestamp or date text) as a date; None when missing or unreadable."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(ts) else ts.date()

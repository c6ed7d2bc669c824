"""Temporal expressions: find them in sentences, resolve them to calendar days, infer publication dates.

``timexes`` finds dates, times, durations and sets in every sentence and resolves them
as a careful reader would: against a year or day printed nearby, against an earlier
mention of the same weekday or month, or against the article's publication date (the
document creation time, DCT), taking the verb's tense into account. ``infer_published``
works the other way: it finds the days of publication consistent with what the text
says (summit dates from the reference table, weekdays and their tense, years
mentioned), and ``date_conflicts`` lists what contradicts a given publication date.
``article_dates`` gives the three for one article, read once: the build runs it.

Resolution choices (a reader's defaults, written down once):

* A weekday in the past tense ("arrived on Tuesday") is the most recent such day on or
  before the DCT (the DCT itself when it is that weekday: news says "on Friday" for
  today); in the future tense ("will meet on Wednesday") the next one on or after the
  DCT; without tense the nearest one, at most 3 days away. "last/next Friday" are
  strictly before/after the DCT; "Friday next week" is in the following ISO week.
* A date or month without a year ("Sept. 16", "in May") is the latest occurrence on or
  before the DCT in the past tense, the earliest on or after it in the future tense,
  and the nearest one (at most about 6 months away) otherwise; "last May" is the most
  recent May before the DCT's month.
* Before the DCT a date without year takes, in order: the other end of its range
  ("Sept. 15-16"), a year printed earlier in the same sentence in a clause of the same
  tense, an earlier mention of the same date, weekday or month in the article, a year
  printed in an earlier sentence of the same paragraph when both are in the past tense.
  ``anchor`` then names that timex as ``start:end`` (offsets into the raw article).
* "last/this/next week" are ISO weeks (value ``2022-W36``); "earlier this year" runs
  from January 1 to the DCT; "early/mid/late" take the first, middle or last third.
* "a decade ago" is the year DCT-10 with ``mod=APPROX``; "two years ago" the year
  DCT-2; "more than two years ago" has no earliest day and latest day DCT-2 years
  (``mod=BEFORE``); "almost two years ago" the reverse (``mod=AFTER``).
* "the early hours of Friday" is a TIME, value ``YYYY-MM-DDTMO`` with ``mod=START``,
  earliest = latest = that Friday; "Friday morning" ``TMO``, "tonight" ``TNI``.
* Coordinations and ranges give one timex per end ("Wednesday and Thursday",
  "2020 and 2022", "Aug. 31-Sept. 1", "Sept. 15-16"); the second end is resolved as
  the first occurrence on or after the first one, anchored to it.
* Vague references ("recently", "in recent months", "these days", "now", "soon") get
  ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` with empty earliest and latest.
  Durations ("two decades" ``P20Y``, "for years" ``PXY``) and sets ("annual" ``P1Y``)
  have empty earliest, latest and anchor.
* Without a DCT, relative expressions keep an unresolved value (``XXXX-09-16``,
  ``XXXX-WXX-3``) and empty days.

The files, in the order data flows through them: ``extract`` (rows, candidates from
the rule ``builders``, mentions with their ``tense``), ``resolve`` (with ``anchored``
and ``relative``), ``published`` (``facts``, ``stamps``, ``officials``, ``clues``,
``clues_page``, ``summit_index``) and
``table`` (records to frames); ``api`` holds the entry points.
"""

from .api import article_dates, date_conflicts, infer_published, timexes
from .table import CONFLICT_COLUMNS, PUBLISHED_COLUMNS, TIMEX_COLUMNS


__all__ = ["CONFLICT_COLUMNS", "PUBLISHED_COLUMNS", "TIMEX_COLUMNS", "article_dates", "date_conflicts",
           "infer_published", "timexes"]

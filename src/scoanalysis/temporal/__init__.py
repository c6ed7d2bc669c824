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
  and the nearest one (at most about 6 months away) otherwise; but the nearest one wins
  whatever the tense when it is within two months of the DCT for a date, one month for
  a month ("the offer was extended to Nov. 20" in an article of Nov. 2: news prints the
  year of any other), unless "since" introduces it. "last May" is the most recent May
  before the DCT's month; "June last year" is June of the year before.
* Before the DCT a date without year takes, in order: the other end of its range
  ("Sept. 15-16"), a year printed earlier in the same sentence in a clause of the same
  tense (the occurrence nearest to a day printed there: "payable Jan. 2, 1990, to holders
  of record Dec. 15" is Dec. 15, 1989), an earlier mention of the same date, weekday or
  month in the article, a year that opens the sentence before ("In 2019, ...") when both
  are in the past tense. ``anchor`` then names that timex as ``start:end`` (offsets into
  the raw article).
* Quarters ("the third quarter", "third-quarter", "the fiscal first quarter") resolve
  like seasons (value ``2021-Q3``); one already over is the nearest even in the future
  tense ("third-quarter results will be released"). The period under discussion is the
  nearest quarter named earlier: "the quarter", "the latest period", "the 1988 period",
  "the year-earlier quarter", "year-earlier" resolve against it (else the last quarter
  completed before the DCT), and so does "a year ago"/"a year earlier" next to a quarter
  in its sentence or paragraph, or after a comparison ("up from $7 million a year ago").
  "the year" is the year printed earlier in its paragraph, else the DCT's; "the week"
  the week of the last day named in its paragraph; "the year ended June 30" is ``P1Y``.
* A clock time with its day ("10 p.m. Wednesday", "9 a.m. EST Tuesday") is one TIME;
  a clock time alone takes the nearest day of its sentence, else the last day of its
  paragraph, else the DCT. A 4-digit number from 1900 to 2099 is a year unless the
  words around count, number or name it ("2000 troops", "No. 1990", "Vision 2030");
  ages ("a 6-year-old") are no durations. Holidays (Thanksgiving, Easter, Election Day)
  resolve like dates without year.
* "last/this/next week" are ISO weeks (value ``2022-W36``); "earlier this year" runs
  from January 1 to the DCT; "early/mid/late" take the first, middle or last third.
* An offset from an event ("two days later") counts from the nearest earlier timex of
  its paragraph; "a year earlier" with none there counts from the DCT.
* "a decade ago" is the year DCT-10 with ``mod=APPROX``; "two years ago" the year
  DCT-2; "more than two years ago" has no earliest day and latest day DCT-2 years
  (``mod=BEFORE``); "almost two years ago" the reverse (``mod=AFTER``).
* "the early hours of Friday" is a TIME, value ``YYYY-MM-DDTMO`` with ``mod=START``,
  earliest = latest = that Friday; "Friday morning" ``TMO``, "tonight" ``TNI``.
* Coordinations give one timex per end ("Wednesday and Thursday", "2020 and 2022");
  the second end is resolved as the first occurrence on or after the first one,
  anchored to it. A range of days ("Sept. 15-16", "12-13 September", "Aug. 31-Sept. 1",
  "June 30 to July 1", "September 15 and 16" for consecutive days of one month word) is
  resolved so, then written as one timex (``ranges``): text from the first day to the
  last, earliest the first day, latest the last, value the ISO 8601 interval
  ``2022-09-15/2022-09-16``, granularity ``day``.
* A day of the month named by its ordinal alone ("on the 4th", "by the 12th") is that
  day of the month of the last date or month named before it in its paragraph, else of
  the DCT's month or the month before or after, as the tense points (future: the first
  such day on or after the DCT; past: the last on or before; otherwise the nearest).
* "today", "tomorrow", "yesterday" inside quotation marks count from the day of
  speaking when the reporting clause names it next to its verb ("..., he said on
  Friday", "On Monday, she told reporters: ...", "said yesterday"; ``speech``); else
  from the DCT.
* Vague references ("recently", "in recent months", "these days", "now", "soon") get
  ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` with empty earliest and latest.
  Durations ("two decades" ``P20Y``, "for years" ``PXY``) and sets ("annual" ``P1Y``)
  have empty earliest, latest and anchor.
* Without a DCT, relative expressions keep an unresolved value (``XXXX-09-16``,
  ``XXXX-WXX-3``) and empty days.

The files, in the order data flows through them: ``extract`` (rows, candidates from
the rule ``builders``, ``builders_relative`` and ``builders_periods``, mentions with
their ``tense`` and the quotations' days of ``speech``), ``resolve`` (with ``anchored``,
``relative`` and ``periods``), ``ranges`` (ranges of days made one timex),
``published`` (``facts``, ``stamps``, ``officials``, ``clues``, ``clues_page``,
``summit_index``) and
``table`` (records to frames); ``api`` holds the entry points.
"""

from .api import article_dates, date_conflicts, infer_published, timexes
from .table import CONFLICT_COLUMNS, PUBLISHED_COLUMNS, TIMEX_COLUMNS


__all__ = ["CONFLICT_COLUMNS", "PUBLISHED_COLUMNS", "TIMEX_COLUMNS", "article_dates", "date_conflicts",
           "infer_published", "timexes"]

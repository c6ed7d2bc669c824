"""Patterns for calendar periods beyond days and months: quarters, fiscal years, holidays, years in words.

Like ``patterns.temporal``, every regex runs on the folded sentence with
``re.IGNORECASE``; the builders check capitals where case matters. The rules built on
these pieces are listed in ``patterns.temporal.RULES``.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_IX = re.IGNORECASE | re.VERBOSE

_YEAR = r"(?:19|20)\d{2}"

# --------------------------------------------------------------------------- lexicons

#: Ordinals of a quarter to its number.
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
#: Words before "quarter"/"period" that make it the period under discussion ("the latest quarter").
PERIOD_REF_WORDS = frozenset("latest current same comparable corresponding recent most just-ended just ended".split())
#: Words after "the year" that make it no reference to a year ("the year before", "the year 2000").
YEAR_NOT_NEXT = frozenset("before after earlier later ago of old".split())

#: Fixed-day holidays to (month, day); ``Thanksgiving`` and the like are computed (``HOLIDAY_RULES``).
HOLIDAY_DAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14), "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17), "independence day": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "may day": (5, 1), "bastille day": (7, 14), "armistice day": (11, 11), "remembrance day": (11, 11),
    "international women's day": (3, 8), "women's day": (3, 8), "victory day": (5, 9), "nowruz": (3, 21),
    "navruz": (3, 21),
}
#: Holidays on the n-th weekday of a month (US): name -> (month, ISO weekday 0..6, n; -1 for the last).
HOLIDAY_RULES = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3),
    "columbus day": (10, 0, 2), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
}
#: US federal Election Day: the Tuesday after the first Monday of November (month, weekday, days after it).
HOLIDAY_AFTER = {"election day": (11, 0, 1)}
#: Holidays counted from Easter Sunday: name -> days after it.
HOLIDAY_EASTER = {"easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "easter monday": 1,
                  "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit sunday": 49}

#: Number words of a year written out ("nineteen ninety-six", "two thousand and one").
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_W = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_W = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TWO_DIGITS_W = rf"(?:{_TENS_W}(?:[-\s]{_UNITS_W})?|{_TEENS_W}|oh[-\s]{_UNITS_W})"
YEAR_WORDS = rf"(?:(?:nineteen|twenty)[-\s]+(?:{_TWO_DIGITS_W}|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:{_TWO_DIGITS_W}|{_UNITS_W}))?)"
#: Word values for ``year_from_words``.
WORD_VALUES = {
    "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Decades in words to their first year's last two digits ("the nineties").
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}

# --------------------------------------------------------------------------- regex pieces

_ORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_BACK = r"year[\s-]+(?:earlier|ago)|prior[\s-]+year|previous[\s-]+year|comparable|corresponding|same|latest|current"

#: "the third quarter", "third-quarter", "the fiscal first quarter", "the 1988 third quarter",
#: "the year-earlier third quarter", "the second quarter of 1990", "its fourth quarter".
QUARTER = re.compile(
    rf"""(?:\b(?P<det>the|its|their|this|that)\s+|\b(?P<rely>this|last|next)\s+year's\s+)?
    (?P<pre>(?:(?:fiscal|calendar|{_BACK}|(?P<y>{_YEAR}))[\s-]+){{0,3}})
    \b{_ORD}(?P<sep>[\s-]+)(?:fiscal[\s-]+)?quarter(?P<pl>s)?\b
    (?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<y2>{_YEAR})(?!\d))?""",
    _IX,
)
#: "the quarter", "the latest quarter", "the year-ago period", "the 1988 period", "year-earlier" (prenominal).
PERIOD_REF = re.compile(
    rf"""\b(?:(?P<det>the|this|that|its|their)\s+(?P<mods>(?:(?:{_BACK}|fiscal|(?P<y>{_YEAR}))[\s-]+){{0,3}})
            (?P<noun>quarter|period)\b(?!\s+of\b)(?!-)(?:\s+(?P<ly>last\s+year|a\s+year\s+(?:ago|earlier)))?
        |(?P<adj>year[\s-]+(?:earlier|ago))(?=\s+[a-z]))""",
    _IX,
)
#: "fiscal 1989", "fiscal year 1989", "fiscal '89".
FISCAL_YEAR = re.compile(rf"\bfiscal(?:[\s-]+year)?[\s-]+(?:(?P<y>{_YEAR})(?!\d)|'(?P<yy>\d\d)\b)", _I)
#: "the year", "the full year", "the fiscal year", "the current fiscal year", "the latest fiscal year", "the week".
THE_YEAR = re.compile(
    r"\b(?P<core>the\s+(?P<mods>(?:(?:full|whole|entire|fiscal|current|latest|same|calendar)\s+){0,2})(?P<unit>year|week))"
    r"(?P<ended>\s+(?:ended|ending|that\s+ended|that\s+ends|through|to)\b)?",
    _I,
)
#: "year-end", "year end", "year's end", "the end of the year" is ``rel_part``.
YEAR_END = re.compile(r"\b(?P<core>year(?:'s)?[\s-]+end)\b(?!ed|ing)", _I)
#: Holidays.
HOLIDAY_NAMES = sorted(set(HOLIDAY_DAYS) | set(HOLIDAY_RULES) | set(HOLIDAY_EASTER) | set(HOLIDAY_AFTER), key=len,
                       reverse=True)
HOLIDAY = re.compile(
    r"(?:\b(?P<rel>last|next|this|coming|past)\s+)?\b(?P<name>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]?") for n in HOLIDAY_NAMES)
    + r")(?!['’]?\w)(?:\s+(?P<week>week|weekend))?",
    _I,
)
#: Years in words: "nineteen ninety-six", "the year two thousand", "in two thousand and one".
WORD_YEAR = re.compile(rf"\b(?:(?P<the>the\s+year)\s+)?(?P<words>{YEAR_WORDS})\b(?![-\s]+(?:{_UNITS_W}|{_TENS_W}|hundred|thousand)\b)", _I)
#: Decades in words and abbreviated: "the nineties", "the '80s", "the mid-'90s".
WORD_DECADE = re.compile(
    r"\b(?P<core>the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
    r"|'(?P<d>\d)0'?s))\b",
    _I,
)
#: An age right after a duration: "6-year-old", "52 years old", "a six-month-old".
AGE_AFTER = re.compile(r"^(?:-|\s+)old\b|^s?-old\b", _I)
#: A comparison before a past period in its sentence ("up from $10 million a year ago", "compared with last year").
COMPARISON_BEFORE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs)\b(?!(?:[^.;]|\.\d)*\b(?:from|than)\b)(?:[^.;]|\.\d){0,80}$", _I)

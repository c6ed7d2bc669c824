"""Patterns for temporal expressions: dates, weekdays, durations, sets, tense cues, datelines.

Every regex runs on the *folded* sentence (see ``text.fold``: curly quotes and dashes
made ASCII, same length), with ``re.IGNORECASE``; the extractor checks capitals where
case matters ("May" the month against "may" the modal verb). Lexicons are frozensets of
lower-case words.
"""

from __future__ import annotations

import re

from . import temporal_periods as _Q

_I = re.IGNORECASE
_IX = re.IGNORECASE | re.VERBOSE

# --------------------------------------------------------------------------- lexicons

#: Month names and abbreviations, lower case, to month number.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
#: Abbreviated month names: accepted only with a day or a year attached ("Sept. 16").
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
#: Month names that are also ordinary words ("may", "march"): never accepted in lower case.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
#: Weekday names (full, and abbreviations used only before a date) to ISO weekday 0..6.
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
#: Letters that the case-insensitive patterns read as a-z ("ſunday" matches as "sunday"), to those letters.
CASELESS_LETTERS = str.maketrans({"ſ": "s", "\u212a": "k", "ı": "i", "İ": "i"})
#: Seasons (northern hemisphere) to their months.
SEASONS = {"spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "autumn": ("FA", 9, 11), "fall": ("FA", 9, 11), "winter": ("WI", 12, 2)}
#: Parts of the day to TIMEX3 codes.
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

#: Number words to values; ``None`` marks a vague quantity (TIMEX3 ``X``).
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "couple": 2,
}
#: Time units to (TIMEX3 letter, multiplier): decades and centuries are written in years.
UNITS = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1), "week": ("W", 1),
    "month": ("M", 1), "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100), "millennium": ("Y", 1000),
}
#: Letters used in a vague duration (``PXY``, ``PXDE``...).
VAGUE_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
               "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML"}

#: Quantity modifiers to TIMEX3 ``mod``.
MODIFIERS = {
    "almost": "LESS_THAN", "nearly": "LESS_THAN", "just under": "LESS_THAN", "under": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "not quite": "LESS_THAN", "close to": "LESS_THAN",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "an estimated": "APPROX", "circa": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "upwards of": "MORE_THAN", "in excess of": "MORE_THAN", "well over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}
#: Part-of-period modifiers to TIMEX3 ``mod``.
PART_MODS = {
    "early": "START", "the start of": "START", "the beginning of": "START", "mid": "MID", "the middle of": "MID",
    "late": "END", "the end of": "END", "the rest of": "END",
}

#: Words before a bare month name that make it a month ("in May", "since March").
MONTH_LEFT_CUES = frozenset(
    "in since by until till from to through throughout of during before after early late mid last next this "
    "that between and or the around about for into until".split()
)
#: Words after "the March" that make it the noun "march" ("the March on Rome").
MARCH_NOUN_NEXT = frozenset("on to of against through for from".split())
#: Words before a bare "May" that may introduce the name (Theresa May) when a lower-case word follows.
MAY_NAME_LEFT = frozenset("by the and or to with".split())
#: Words after "May" that make it the modal verb even with a capital ("May Be", "May Have").
MODAL_NEXT = frozenset("be have not also well still never soon yet well become want need seek".split())
#: Words before a 4-digit number that make it a year ("in 2001", "since 2014").
YEAR_LEFT_CUES = frozenset(
    "in since by until till from through throughout of during before after early late mid around circa "
    "year years spring summer autumn fall winter between".split()
)
#: Words before a number that make it the number of an item, not a year ("No. 1990", "Flight 2012").
NUMBER_LEFT = frozenset(
    """no nos number numbers flight flights route page pages room rooms model version article resolution item code
    level grade chapter section highway bus line platform gate seat channel lot index apartment suite box rule
    order bill hr h.r amendment act regulation decree form unit batch serial patent claim exhibit table figure
    vol volume issue episode track lane street avenue road km mile""".split()
)
#: Determiners before a year that need an event noun or a name after it ("a 2022 SCO meeting").
YEAR_LEFT_DETERMINERS = frozenset("the a an its their his her this that".split())
#: Nouns after "the/a YEAR" that make the number a year.
YEAR_EVENT_NOUNS = frozenset(
    """summit summits meeting meetings election elections vote referendum war invasion attack attacks crisis
    olympics games census report agreement deal treaty visit talks session conference forum season budget plan
    protests protest uprising coup clashes clash earthquake pandemic cup championship declaration charter
    strategy campaign presidency chairmanship ceremony parade festival exhibition expo accords accord
    edition law constitution round decision target deadline annexation offensive elections, polls poll""".split()
)
#: Verbs and adjectives after a number that count victims ("145 killed"): after "in" a year may precede them.
COUNT_VERBS = frozenset("killed dead died wounded injured missing arrested detained".split())
#: Words after a number that show it counts things, so it is no year ("2000 troops").
COUNT_NOUNS = COUNT_VERBS | frozenset(
    """people persons person deaths troops soldiers men women children km
    kilometres kilometers miles metres meters feet tonnes tons barrels dollars euros yuan rubles roubles tenge
    rupees som somoni percent per times members delegates cases units vehicles tanks jobs workers students
    votes seats pages words hectares acres kg mw gw cars households families residents migrants refugees
    companies firms projects flights trains wagons containers points participants shares employees customers
    passengers copies homes houses buildings acres sq square barrels bbl kilograms kilogrammes grams pounds
    ounces liters litres gallons metres yards inches calories employees stores outlets branches machines
    computers phones units patients victims protesters demonstrators police officers civilians""".split()
)
#: Words before a number that show it counts things ("more than 2000").
COUNT_LEFT = frozenset("than nearly almost approximately some over about up least only just another".split())
#: A preposition of time and a modifier right before a number: "until at least 2030" names a year, though
#: "at least" alone counts ("at least 2000 troops").
TIME_MODIFIER_BEFORE = re.compile(
    r"\b(?:until|till|through|since|beyond|before|after|from)\s+(?:at\s+least|at\s+the\s+(?:earliest|latest)|as\s+"
    r"(?:early|late)\s+as|no\s+(?:earlier|later)\s+than|about|around|only|just|roughly)\s+$", re.I)
#: Words before "Today"/"Tomorrow" that make them part of a name ("Russia Today").
WEEKDAY_LEFT_FUNCTION = frozenset(
    """on by from until till since last next this that early late every each before after and or through
    the of in at for during to as but since until said says told""".split()
)

#: Capitalised words that make a name with the weekday after them ("Black Friday", "Ash Wednesday").
DAY_NAME_MODIFIERS = frozenset(
    """black good super ash cyber bloody easter palm holy maundy shrove whit low giving man girl fat spy
    mad manic blue""".split()
)

#: Verbs that report speech: a past tense reporting verb says nothing about the summit being over.
REPORTING_VERBS = frozenset(
    """said says told tells added noted warned explained argued wrote stated reported claimed insisted stressed
    recalled acknowledged estimated agreed declared announced confirmed denied suggested believed thought asked
    replied commented observed emphasised emphasized underlined trumpeted predicted expected speculated""".split()
)
#: Irregular simple past forms (finite past tense).
PAST_IRREGULAR = frozenset(
    """met began came went took held told saw made gave found flew spoke sent won lost fell rose became struck
    brought bought built caught chose drove fought grew knew meant paid ran sat sold shot stood stole taught
    thought threw understood wore wrote withdrew broke arose forgot sought drew ate drank spent kept felt heard
    oversaw undertook overtook swore woke hung sank sang rang shook swept fled bore tore said led left got""".split()
)
#: Irregular past participles (for "has met", "have been").
PARTICIPLE_IRREGULAR = PAST_IRREGULAR | frozenset(
    """been met done gone seen made taken given grown shown known drawn sent spent left held told said sought
    brought built fought found won begun come become run led kept paid put set cut hit struck thrown written
    spoken chosen broken risen fallen flown driven eaten forgotten gotten hidden laid lost meant read sold shot
    shut sat stood stolen sworn taught thought understood worn withdrawn overtaken undertaken""".split()
)
#: Words ending in -ed that are not past tense verbs.
NOT_PAST_ED = frozenset(
    """indeed need speed exceed proceed succeed seed feed bleed breed creed deed greed heed reed steed weed
    shred hundred kindred sacred naked wicked ragged rugged jagged crooked wretched beloved aged concerned
    interested based limited united detailed advanced related supposed alleged armed experienced skilled
    talented qualified balanced sophisticated complicated dedicated determined divided mixed tired worried
    scared pleased satisfied excited surprised disappointed embarrassed isolated expected scheduled planned
    proposed unprecedented populated landlocked red bed wed fed sled""".split()
)
#: Present tense verbs common in news (third person).
PRESENT_VERBS = frozenset(
    """says remains seems appears wants includes holds meets opens begins ends starts arrives hosts continues
    lasts faces plays takes makes gives runs comes goes sees needs relies occupies allows shows expects
    believes hopes plans intends aims leads represents attends chairs visits travels""".split()
)

#: Words of a century ordinal ("the twentieth century").
CENTURY_ORDINALS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
#: Parts of a year to TIMEX3 (halves and quarters go into the value: ``2023-H1``).
YEAR_PARTS = {
    "the first half of": "H1", "the second half of": "H2", "the first quarter of": "Q1", "the second quarter of": "Q2",
    "the third quarter of": "Q3", "the fourth quarter of": "Q4", "the final quarter of": "Q4", "the last quarter of": "Q4",
}
#: Words that may follow a day of the month named by its ordinal alone ("on the 4th, in Astana"): a noun after
#: it makes the ordinal count something else ("on the 4th day", "at the 10th summit").
ORDINAL_DAY_NEXT = frozenset(
    "in at on and or when with as to for from until till after before during while but so then he she they it we "
    "i you the this".split()
)
#: The suffix of each ordinal's last digit ("1st", "2nd", "3rd", "4th"; 11th to 13th take "th").
ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
#: Words before "a/an/one" + unit that make it a duration ("for a year", "in a decade"), not "one day he...".
DURATION_ONE_CUES = frozenset("for in within over than nearly almost about after only just past last of under around some".split())
#: "half a year", "half an hour".
HALF_DURATIONS = {"hour": "PT30M", "day": "PT12H", "week": "P3.5D", "month": "P15D", "year": "P6M", "decade": "P5Y",
                  "century": "P50Y"}
#: "a year and a half".
AND_A_HALF_DURATIONS = {"year": "P18M", "day": "PT36H", "hour": "PT90M", "minute": "PT90S", "week": "P1.5W",
                        "month": "P1.5M", "decade": "P15Y", "century": "P150Y"}
#: Adjectives and adverbs of recurrence to (TIMEX3 value, freq).
SET_ADJECTIVES = {
    "annual": ("P1Y", ""), "annually": ("P1Y", ""), "yearly": ("P1Y", ""), "biennial": ("P2Y", ""),
    "biennially": ("P2Y", ""), "biannual": ("P1Y", "2X"), "biannually": ("P1Y", "2X"), "monthly": ("P1M", ""),
    "weekly": ("P1W", ""), "daily": ("P1D", ""), "nightly": ("P1D", ""), "quarterly": ("P3M", ""), "hourly": ("PT1H", ""),
}
#: Unit letters of "twice a year", "per month".
SET_UNIT_LETTERS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE"}
#: Verbs after a sentence-initial year that make it a year ("2022 was...").
YEAR_SUBJECT_VERBS = frozenset("was is will has had saw marked brought began ended became".split())
#: Words before a bare season that make it a season ("in spring", "this winter").
SEASON_LEFT_CUES = frozenset("in during by until since over through throughout this last next early late mid of".split())
#: Words that open a noun phrase: "two days before the summit" is a duration plus a signal.
DETERMINERS = frozenset("the a an his her its their this that these those".split())
#: Words before a clock time or noon/midnight ("at 10:30", "by midnight").
CLOCK_LEFT_CUES = frozenset("at by until after before around from since past".split())

# --------------------------------------------------------------------------- small token patterns

#: A numeral ("12", "2.5").
NUMERAL = re.compile(r"\d+(?:\.\d+)?")
#: A whole number and a fraction ("5 1/2").
FRACTION_NUMBER = re.compile(r"(\d+)\s+([1-9])/([2-9])")
#: The leading digits of an ordinal ("21" of "21st").
LEADING_DIGITS = re.compile(r"\d+")
#: The word right before a position (searched on the text before it).
WORD_BEFORE = re.compile(r"([\w'.]+)[\s,]*$")
#: The word right after a position.
WORD_AFTER = re.compile(r"\s*([\w']+)")
#: Any word.
ANY_WORD = re.compile(r"\w+")
#: Sentence punctuation closing the text before a position.
SENTENCE_BREAK_BEFORE = re.compile(r"[.!?:\"]\s*$")

# --------------------------------------------------------------------------- regex pieces

_MONTH_ALT = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"
)
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WDA = r"(?:tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)"
_YEAR = r"(?:19|20)\d{2}"
_SEP = r"\s*(?:-|/|to|through|until|till|and|or|&)\s*"
_NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|(?:a|one)\s+hundred|(?:a|one)\s+thousand|a\s+dozen"
    r"|a\s+couple\s+of|couple\s+of)"
)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_NUMW}(?:\s+and\s+a\s+half)?|an?)"
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))"
_MODS = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in MODIFIERS), key=len, reverse=True))
_PART = r"(?:early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_ALT})\b\.?"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,:]\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>{_YEAR})(?!\d)"


_WD_PREFIX = rf"(?:(?P<wd>{_WD}|{_WDA}\b\.?),?\s+(?:the\s+)?)?"
#: A clock time ("10 p.m.", "7:15", "noon") and a time zone.
_CLOCK = (r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)"
          r"|(?P<nm>noon|midday|midnight))")
_TZ = r"(?:GMT|UTC|BST|CET|CEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|IST|local\s+time)\b"

#: Each rule: name, regex. Order breaks ties between candidates of equal length.
RULES: list[tuple[str, re.Pattern]] = [
    ("iso_date", re.compile(rf"\b{_WD_PREFIX}{_year('y')}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", _I)),
    ("dotted_date", re.compile(rf"\b{_WD_PREFIX}(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.{_year('y')}\b", _I)),
    ("slash_date", re.compile(rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_year('y')}\b")),
    ("md_range", re.compile(rf"\b{_WD_PREFIX}{_month('m')}\s+{_day('d')}{_SEP}{_day('d2')}(?:,?\s+{_year('y')})?", _I)),
    ("dm_range", re.compile(rf"\b{_day('d')}{_SEP}{_day('d2')}\s+(?:of\s+)?{_month('m')}(?:,?\s+{_year('y')})?", _I)),
    ("month_day", re.compile(
        rf"\b(?:(?P<wko>the\s+week\s+of)\s+)?{_WD_PREFIX}{_month('m')}\s+{_day('d')}(?:,?\s+{_year('y')}|\s+(?P<ry>last|this|next)\s+year)?", _I)),
    ("day_month", re.compile(
        rf"\b{_WD_PREFIX}{_day('d')}\s+(?:of\s+)?{_month('m')}(?:,?\s+{_year('y')}|\s+(?P<ry>last|this|next)\s+year)?", _I)),
    ("ordinal_day", re.compile(
        r"\b(?:on|by|until|till|from|since|before|after|through)\s+(?P<core>the\s+(?P<d>3[01]|[12]\d|0?[1-9])"
        r"(?P<suf>st|nd|rd|th))\b", _I)),
    ("month_year", re.compile(rf"(?:\b(?P<mod>{_PART})[\s-]+)?\b{_month('m')},?\s+(?:of\s+)?{_year('y')}", _I)),
    ("month", re.compile(
        rf"(?:\b(?P<rel>last|next|this|past|coming)\s+|\b(?P<mod>{_PART})[\s-]+)?\b{_month('m')}(?!\s*\d)"
        rf"(?:\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b)?", _I)),
    ("year_range", re.compile(
        rf"(?:\b(?P<pre>from|between)\s+)?(?<![\w$#/.,-]){_year('y')}\s*(?:-|/|to|and|until|through)\s*(?P<y2>{_YEAR}|\d{{2}})(?![\w%]|[.,]\d)", _I)),
    ("decade", re.compile(rf"(?:\b(?P<mod>early|mid|late)[\s-]+)?(?:\bthe\s+)?\b(?P<y>(?:19|20)\d0)'?s\b", _I)),
    ("century", re.compile(
        r"\b(?:the\s+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first|twenty\s+first)\s+century\b", _I)),
    ("part_year", re.compile(
        rf"\b(?P<mod>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of|the\s+(?:first|second)\s+half\s+of"
        rf"|the\s+(?:first|second|third|fourth|final|last)\s+quarter\s+of)[\s-]+(?:the\s+year\s+)?{_year('y')}", _I)),
    ("quarter", _Q.QUARTER),
    ("fiscal_year", _Q.FISCAL_YEAR),
    ("word_year", _Q.WORD_YEAR),
    ("word_decade", _Q.WORD_DECADE),
    ("holiday", _Q.HOLIDAY),
    ("year", re.compile(rf"(?<![\w$#/.,-])(?P<y>{_YEAR}|1[5-8]\d\d)(?!\d)(?![\w%]|[.,]\d|\s*(?:percent|per\s*cent))")),
    ("season", re.compile(
        rf"(?:\b(?P<rel>this|last|next|past|coming)\s+|\b(?P<mod>early|mid|late)[\s-]+)?\b(?P<season>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?{_year('y')})?\b", _I)),
    ("rel_part", re.compile(
        r"\b(?P<mod>earlier|later|early|mid|late|the\s+(?:start|beginning|middle|end|rest)\s+of)[\s-]+"
        r"(?P<rel>this|last|next|the\s+current|the\s+coming|the)\s+(?P<unit>week|month|year)\b", _I)),
    ("rel_unit", re.compile(
        r"\b(?P<rel>last|this|next|past|coming|current)\s+(?P<unit>week|weekend|month|year|decade|quarter)\b(?!-)", _I)),
    ("period_ref", _Q.PERIOD_REF),
    ("the_year", _Q.THE_YEAR),
    ("year_end", _Q.YEAR_END),
    ("weekend", re.compile(
        r"\b(?:at|over|on|during|for|before|after|until|through|by|since|of|ahead\s+of)\s+(?P<core>the\s+weekend)\b", _I)),
    ("hours_of", re.compile(
        rf"\b(?:the\s+)?(?P<part>early|small|wee)\s+hours\s+of\s+(?:(?P<wd>{_WD})|(?P<deic>today|yesterday|tomorrow))"
        rf"(?:\s+(?P<tod>morning))?\b", _I)),
    ("early_weekday", re.compile(
        rf"\b(?P<mod>early|late)\s+(?:on\s+)?(?P<wd>{_WD})\b(?:\s+(?P<tod>morning|afternoon|evening|night))?", _I)),
    ("weekday", re.compile(
        rf"(?:\b(?P<rel>last|next|this|coming|past)\s+)?\b(?P<wd>{_WD})(?P<pl>s)?\b"
        rf"(?:\s+(?P<tod>morning|afternoon|evening|night))?(?:\s+(?P<wk>last|next|this)\s+week\b)?", _I)),
    ("deictic", re.compile(
        r"\b(?:the\s+day\s+(?P<dd>before\s+yesterday|after\s+tomorrow)|(?P<deic>yesterday|today|tomorrow|tonight))"
        r"(?:\s+(?P<tod>morning|afternoon|evening|night))?\b", _I)),
    ("deictic_part", re.compile(r"\b(?P<deic>this|last)\s+(?P<tod>morning|afternoon|evening|night)\b", _I)),
    ("anaphoric", re.compile(
        r"\b(?:(?:the|that)\s+(?P<which>day|week|month|year)\s+(?P<dir>before|after|earlier|later)"
        r"(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|[A-Z]\w*)\b)"
        r"|the\s+(?:very\s+)?(?P<dir2>next|following|previous|preceding|same)\s+(?P<which2>day|week|month|year)"
        r"|the\s+(?:very\s+)?(?P<dir4>next|following|previous|same)\s+(?P<tod4>morning|afternoon|evening|night)"
        r"|(?:(?P<cut>earlier|later)\s+(?:on\s+|in\s+)?)?that\s+(?:very\s+|same\s+)?(?P<which3>day|week|month|year)(?![-'\w]))\b", _I)),
    ("offset", re.compile(
        rf"(?:\b(?P<mod>{_MODS})\s+)?\b(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|later|earlier|before|after|from\s+now|hence)\b", _I)),
    ("duration_the", re.compile(
        rf"(?:\b(?P<for>for)\s+)?(?:\b(?:over|in|during|within|throughout)\s+)?\b(?P<core>the\s+(?P<dir>past|last|next|coming|previous|first|latest|same|comparable|final|remaining|year[\s-]earlier|year[\s-]ago)"
        rf"\s+(?:(?P<num>{_NUM}|few|several|many)\s+)?(?P<unit>{_UNIT}))\b", _I)),
    ("duration", re.compile(
        rf"(?:\b(?P<the>the)\s+)?(?:\b(?P<mod>{_MODS})\s+)?\b(?P<num>{_NUM}|\d+\s+[1-9]/[2-9])"
        rf"(?:\s+(?:more|additional|extra|further))?(?P<sep>[\s-]+)(?P<unit>{_UNIT})(?P<long>-long)?\b", _I)),
    ("half_duration", re.compile(
        r"\b(?:half\s+an?\s+(?P<unit>hour|day|week|month|year|decade|century)"
        r"|(?:a|one)\s+(?P<unit2>year|day|hour|minute|week|month|decade|century)\s+and\s+a\s+half)\b", _I)),
    ("vague_duration", re.compile(
        r"\b(?:(?P<for>for)\s+(?:(?P<q>many|several|a\s+few|some)\s+)?(?P<unit>years|decades|months|weeks|days|hours|centuries)"
        r"|(?<!as\s)(?P<q2>many|several|a\s+few)\s+(?P<unit2>years|decades|months|weeks|days|hours|centuries)"
        r"|(?P<unit3>years|decades|months|weeks|days|hours)-long)\b", _I)),
    ("ref", re.compile(
        r"\b(?:(?P<past>recently|lately|in\s+recent\s+(?:days|weeks|months|years|decades|times)"
        r"|recent\s+(?:days|weeks|months|years|decades)|in\s+the\s+past|in\s+past\s+years"
        r"|(?:many\s+|several\s+|a\s+few\s+|some\s+)?(?:years|decades|months|weeks|days)\s+ago)"
        r"|(?P<present>nowadays|currently|right\s+now|now|at\s+present|these\s+days|at\s+the\s+moment|present[-\s]day)"
        r"|(?P<future>in\s+the\s+(?:near\s+|distant\s+)?future|in\s+future|(?<!as\s)soon(?!\s+as\b)"
        r"|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future(?!\s+of\b)"
        r"|in\s+the\s+(?:coming|next\s+few)\s+(?:days|weeks|months|years|decades)|in\s+coming\s+(?:days|weeks|months|years)"
        r"|in\s+the\s+(?:days|weeks|months|years)\s+ahead))\b", _I)),
    ("set", re.compile(
        rf"\b(?:(?P<freq>once|twice|thrice|(?:{_NUMW}|\d+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>year|month|week|day|decade)"
        rf"|(?:every|each)\s+(?:(?P<n>{_NUM})\s+|(?P<other>other)\s+)?(?P<unit2>years?|months?|weeks?|days?|decades?)"
        rf"|per\s+(?P<unit3>year|month|week|day)"
        rf"|(?P<adj>annual(?:ly)?|yearly|biennial(?:ly)?|biannual(?:ly)?|monthly|weekly|daily|nightly|quarterly|hourly)"
        rf"|(?:every|each)\s+(?P<wd>{_WD})"
        rf"|(?P<every_season>every|each)\s+(?P<season>spring|summer|autumn|winter))\b", _I)),
    ("plural_weekday", re.compile(rf"\bon\s+(?P<core>(?P<wd>{_WD})s)\b", _I)),
    ("clock_day", re.compile(
        rf"\b{_CLOCK}(?:\s*{_TZ})?,?\s+(?:(?P<wd>{_WD})|(?P<deic>today|yesterday|tomorrow)|{_month('m')}\s+{_day('d')})\b",
        _I)),
    ("tod_day", re.compile(
        rf"\b(?:(?P<mod>early|mid|late)[\s-]*(?P<tod>morning|afternoon|evening|night)|(?P<tod2>morning|afternoon|evening))"
        rf"\s+(?:(?P<wd>{_WD})|(?P<deic>yesterday|today|tomorrow))\b", _I)),
    ("clock", re.compile(
        r"\b(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?"
        r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?:\s*(?:hrs\b|h\b|(?P<tz>GMT|UTC|BST|CET|CEST|MSK|EST|EDT|ET|IST|local\s+time)\b))?"
        r"|(?P<nm>noon|midday|midnight))", _I)),
]
#: Rule priority (lower wins between candidates of equal length).
RULE_ORDER = {name: i for i, (name, _) in enumerate(RULES)}

# --------------------------------------------------------------------------- rule gates

#: A word as the gates see it: a run of letters (the sentence's words, lower-cased, form a set).
GATE_WORD = re.compile(r"[a-z]+", _I)
#: A four-digit year somewhere in the sentence: every rule with a required year needs one.
GATE_YEAR = re.compile(r"(?:1[5-9]|20)\d{2}")
#: A digit somewhere in the sentence.
GATE_DIGIT = re.compile(r"\d")
#: What a clock time needs: a digit, or noon, midday, midnight (not necessarily a whole word).
GATE_CLOCK = re.compile(r"\d|noon|midday|midnight", _I)
#: The regexes named by the second member of a rule gate.
GATE_NEEDS = {"year": GATE_YEAR, "digit": GATE_DIGIT, "clock": GATE_CLOCK}

_G_MONTHS = frozenset(MONTHS)
_G_WEEKDAYS = frozenset(WEEKDAYS)
_G_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries millennium millennia".split()
)
#: Cheap necessary conditions of each rule, checked before its regex runs on a sentence: ``(words, needs)``.
#: The rule can match only if the sentence has one of `words` as a whole word (None: no word needed) and
#: `needs` names a regex of ``GATE_NEEDS`` that finds something in it (empty: nothing needed). Each word set
#: lists tokens of which every match of the rule's regex contains one between non-letters (the month name
#: of "Sept. 16").
RULE_GATES: dict[str, tuple[frozenset | None, str]] = {
    "iso_date": (None, "year"),
    "dotted_date": (None, "year"),
    "slash_date": (None, "year"),
    "md_range": (_G_MONTHS, "digit"),
    "dm_range": (_G_MONTHS, "digit"),
    "month_day": (_G_MONTHS, "digit"),
    "day_month": (_G_MONTHS, "digit"),
    "ordinal_day": (frozenset({"st", "nd", "rd", "th"}), "digit"),
    "month_year": (_G_MONTHS, "year"),
    "month": (_G_MONTHS, ""),
    "year_range": (None, "year"),
    "decade": (None, "year"),
    "century": (frozenset({"century"}), ""),
    "part_year": (None, "year"),
    "quarter": (frozenset({"quarter"}), ""),
    "fiscal_year": (frozenset({"fiscal"}), "digit"),
    "word_year": (frozenset({"nineteen", "twenty", "thousand"}), ""),
    "word_decade": (frozenset(_Q.DECADE_WORDS) | {"s"}, ""),
    "holiday": (frozenset(max(GATE_WORD.findall(n), key=len) for n in _Q.HOLIDAY_NAMES), ""),
    "year": (None, "year"),
    "season": (frozenset(SEASONS), ""),
    "rel_part": (frozenset({"week", "month", "year"}), ""),
    "rel_unit": (frozenset({"week", "weekend", "month", "year", "decade", "quarter"}), ""),
    "period_ref": (frozenset({"quarter", "period", "earlier", "ago"}), ""),
    "the_year": (frozenset({"year", "week"}), ""),
    "year_end": (frozenset({"end"}), ""),
    "weekend": (frozenset({"weekend"}), ""),
    "hours_of": (frozenset({"hours"}), ""),
    "early_weekday": (_G_WEEKDAYS, ""),
    "weekday": (_G_WEEKDAYS | frozenset(w + "s" for w in WEEKDAYS), ""),
    "deictic": (frozenset({"day", "yesterday", "today", "tomorrow", "tonight"}), ""),
    "deictic_part": (frozenset(PARTS_OF_DAY), ""),
    "anaphoric": (frozenset({"day", "week", "month", "year", "morning", "afternoon", "evening", "night"}), ""),
    "offset": (_G_UNITS, ""),
    "duration_the": (_G_UNITS, ""),
    "duration": (_G_UNITS, ""),
    "half_duration": (frozenset({"half"}), ""),
    "vague_duration": (frozenset({"years", "decades", "months", "weeks", "days", "hours", "centuries"}), ""),
    "ref": (frozenset("recently lately recent past ago nowadays currently now present these moment future soon "
                      "coming few ahead".split()), ""),
    "set": (frozenset({"year", "month", "week", "day", "decade", "every", "each", "per"}) | frozenset(SET_ADJECTIVES), ""),
    "plural_weekday": (frozenset(w + "s" for w in WEEKDAYS), ""),
    "clock_day": (_G_WEEKDAYS | _G_MONTHS | frozenset({"today", "yesterday", "tomorrow"}), "clock"),
    "tod_day": (frozenset({"morning", "afternoon", "evening", "night"}), ""),
    "clock": (None, "clock"),
}
assert set(RULE_GATES) == {name for name, _ in RULES}

#: Text joining two timexes into a coordination or range ("Wednesday and Thursday", "Aug. 31-Sept. 1").
CONNECTOR = re.compile(r"^\s*(?:-|/|to|through|until|till|and|or|&|,|,\s*and|,\s*or)\s*$", _I)

# --------------------------------------------------------------------------- tense cues

#: Future cues: will, shall, "is expected to", "plans to", "is scheduled for"...
FUTURE = re.compile(
    r"""\b(?:will|won't|wont|shall|(?<=\w)'ll
      | (?:is|are|am|was|were|be|been|'s|'re)\s+(?:\w+ly\s+|not\s+|also\s+|still\s+)*
            (?:expected|scheduled|due|set|slated|poised|going|planning|preparing|likely|unlikely|about|supposed|to)\s+to\b
      | (?:is|are|am|'s|'re)\s+to\s+(?=[a-z])
      | (?:expected|scheduled|slated|plans?|planning|intends?|intending|aims?|hopes?|vows?|promised|promises|pledged)\s+to\s+(?=[a-z])
      | (?:is|are|was|were)\s+(?:scheduled|set|slated|due|planned)\s+(?:for|on)
      | upcoming|forthcoming)\b""",
    _IX,
)
#: Modal verb + have + participle ("may have sown"): a hedged past.
MODAL_PERFECT = re.compile(
    r"\b(?:[Cc]ould|[Mm]ight|may|[Mm]ust|[Ss]hould|[Ww]ould)(?:\s+not|n't)?\s+have\s+(?:\w+ed|\w+en|been|met|made|sown|led|left)\b"
)
#: Modal verbs (lower-case "may" only: "May" is the month).
MODAL = re.compile(
    r"\b(?:[Cc]ould|[Mm]ight|may|[Mm]ust|[Ss]hould|[Ww]ould|[Cc]an|cannot|can't|couldn't|wouldn't|shouldn't|mustn't)\b"
)
#: Past auxiliaries.
PAST_AUX = re.compile(r"\b(?:was|were|had|did|wasn't|weren't|hadn't|didn't)\b", _I)
#: has/have + participle (present perfect).
PERFECT = re.compile(
    r"\b(?:has|have|'ve|hasn't|haven't)\s+(?:(?:not|never|also|already|just|long|since|now|repeatedly|always|ever|yet|still|\w+ly)\s+)*"
    r"(?P<verb>\w+ed|\w+)\b",
    _I,
)
#: Present auxiliaries.
PRESENT_AUX = re.compile(r"\b(?:is|are|am|isn't|aren't|does|do|doesn't|don't)\b|(?<=\w)'re\b", _I)
#: A lower-case word (candidate verb).
LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{2,}(?![\w'-])")
#: Be and have forms: an -ed word right after them is a participle, not a finite past.
AUX_BEFORE = re.compile(
    r"(?:\b(?:is|are|am|be|been|being|was|were|has|have|had|get|gets|got|become|becomes|'s|'re)\s+(?:\w+ly\s+|not\s+)*)$",
    _I,
)
#: Determiners: a word right after them is an adjective or a noun.
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|these|those|recent|newly)\s+$", _I)
#: Prepositions: an -ed word right after them is an adjective ("behind closed doors").
PREPOSITION_BEFORE = re.compile(
    r"\b(?:behind|with|in|on|for|of|by|from|to|at|into|under|over|without|between|among|amid|against|like)\s+$", _I
)
#: Clause boundaries: punctuation, dashes, subordinators and coordinators.
CLAUSE_BREAK = re.compile(
    r"""[,;:()\[\]"]|\s-+\s
      |(?<=\s)(?:when|while|whereas|although|though|because|as|after|before|since|until|unless|if|but|and|or
               |who|which|whom|whose|where|so|while)(?=\s)""",
    _IX,
)
#: "since" right before a timex ("since year-end", "since Jan. 5"): the time is past.
SINCE_RIGHT_BEFORE = re.compile(r"\bsince\s+$", _I)
#: "as soon as", "as early as" right before a timex ("as soon as Tuesday"): the time is to come.
SOON_AS_RIGHT_BEFORE = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", _I)
#: "since" closing the text before a clause: the clause names a past time.
SINCE_BEFORE = re.compile(r"\bsince\s*$", _I)
#: Verbs of arriving or travelling: a day they name may fall just before the summit.
ARRIVAL = re.compile(
    r"\b(?:arriv\w*|land(?:s|ed|ing)?|fl(?:y|ies|ew|own|ying)|travel\w*|reach(?:es|ed|ing)?|came|comes?|coming"
    r"|greeted|welcomed|visit\w*|head(?:s|ed|ing)?\s+to)\b",
    _I,
)
#: Verbs of leaving: a day they name may fall just after the summit.
DEPARTURE = re.compile(r"\b(?:depart\w*|left|leaves?|leaving|flew\s+home|returned|returns?)\b", _I)
#: A signal that the date lies before the summit ("ahead of the summit").
BEFORE_SUMMIT = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to)\s+(?:the|this|a)\s+(?:\w+\s+){0,3}summit", _I)
#: A signal that the date lies after the summit ("after the summit").
AFTER_SUMMIT = re.compile(r"\b(?:after|following|since|in\s+the\s+wake\s+of)\s+(?:the|this|a)\s+(?:\w+\s+){0,3}summit", _I)

# --------------------------------------------------------------------------- summits

#: The organisation's names; "Shanghai" inside them is not the city.
SCO_NAME = re.compile(
    r"\bSCO\b|\bShanghai\s+(?:Cooperation|Co-operation)\s+Organi[sz]ation\b|\bShanghai\s+(?:Five|Forum|Spirit|Pact|Group|Bloc)\b|\bShanghai\s+grouping\b",
    _I,
)
#: The word summit.
SUMMIT_WORD = re.compile(r"\bsummit(?:s|ry)?\b", _I)
#: A token right before "summit" that names another summit ("G7 summit", "NATO summit").
OTHER_SUMMIT_PREFIX = re.compile(r"(?:\b(?:[A-Z][\w.+&-]*|G-?\d+)\s+(?:leaders'?\s+)?)$")
#: Tokens before "summit" that do not name another summit.
SUMMIT_PREFIX_OK = frozenset("The A An This That Its Their Last Next Annual SCO Shanghai Leaders Heads".split())
#: Words before a city that make it a place, not a metonym ("in Astana", "visit to Bishkek").
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|into|from|near|outside|inside|toward|towards|visited|visiting|visits|visit|reach|reached|"
    r"hosted\s+by|capital|capital\s+of|city\s+of)\s+(?:the\s+)?(?:(?:Kazakh|Kyrgyz|Tajik|Uzbek|Chinese|Russian|Indian|"
    r"ancient|historic|Silk\s+Road|Uzbekistan's|Kazakhstan's|Kyrgyzstan's|Tajikistan's)\s+)?(?:capital\s+(?:of\s+)?|city\s+(?:of\s+)?)?)$",
    _I,
)
#: Words after a city that make it the summit's place ("the Astana summit").
CITY_SUMMIT_AFTER = re.compile(r"^['’]?s?\s+(?:SCO\s+)?summit", _I)

# --------------------------------------------------------------------------- datelines

# Publication lines, update lines and wire datelines are read by ``patterns.published``.

#: A weekday and a connector right before a date range ("Thursday and Friday, Sept. 15-16").
WEEKDAY_PAIR_BEFORE = re.compile(rf"\b{_WD}\s*(?:and|-|to|&|through)\s*$", _I)

#: Text joining two days into one range of days ("Sept. 15-16", "June 30 to July 1", "15/16 September").
DAY_RANGE_JOIN = re.compile(r"^\s*(?:-+|/|to|through|thru|until|till)\s*$", _I)
#: Text joining two days of one month word into the days between ("September 15 and 16"): consecutive days only.
DAY_PAIR_JOIN = re.compile(r"^\s*(?:and|&)\s*$", _I)
#: Rules whose two days share one month word ("Sept. 15-16", "12-13 September").
SHARED_MONTH_RULES = frozenset({"md_range", "dm_range"})

# --------------------------------------------------------------------------- the day of speaking

#: A passage in quotation marks (on the folded text: straight double quotes, or single ones around words).
QUOTED_PASSAGE = re.compile(r"\"[^\"]+\"|(?<![\w'])'(?=\w)[^']+?[\w.,!?]'(?!\w)")
_SPEECH_VERB = (r"(?:said|says|told|tells|added|noted|stated|declared|announced|wrote|insisted|stressed|warned|"
                r"explained|replied|remarked|recalled|saying|telling|adding)")
_FEW_WORDS = r"(?:\s+(?!(?:who|which|that|whose|whom|where|when|while|because|after|before|as)\b)[\w.'-]+){0,4}?"
#: A reporting verb right before the day it names ("he said on Friday", "told reporters in Minsk Thursday").
SPEECH_DAY_BEFORE = re.compile(rf"\b{_SPEECH_VERB}\b{_FEW_WORDS}\s+(?:on\s+)?$", _I)
#: A reporting verb right after the day it names ("On Friday, the minister said", "Lee on Monday told").
SPEECH_DAY_AFTER = re.compile(
    rf"^,?(?:\s+(?!(?:who|which|that|whose|whom|where|when|while|because|after|before|as)\b)[\w.'-]+){{0,4}}?"
    rf",?\s+{_SPEECH_VERB}\b", _I)

"""Patterns that tie text to SCO summits: mentions of the organisation, years, month-days."""

from __future__ import annotations

import functools
import re

#: The organisation or its summit named in the text.
SCO = re.compile(
    r"\b(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation|Shanghai\s+(?:Forum|Five|grouping|bloc)|\u0428\u041e\u0421)\b"
)
#: The text speaks of a meeting of the organisation's leaders (a summit), not only of the organisation.
SUMMIT_WORD = re.compile(
    r"\bsummit\b|\bheads?\s+of\s+state\b|\bannual\s+(?:session|meeting|gathering)\b"
    r"|\b(?:SCO|bloc|grouping|organi[sz]ation)(?:'s)?\s+(?:leaders|meeting|session|gathering)\b"
    r"|\bleaders\s+of\s+the\s+(?:SCO|Shanghai)\b|\b(?:SCO|Organi[sz]ation)\s+(?:met|meets|convened|gathered)\b",
    re.IGNORECASE,
)

#: A four-digit year 1990-2099 standing alone (not part of a longer number, not "145").
YEAR = re.compile(r"(?<![\d,.$%])(?:19[9]\d|20\d\d)(?![\d%]|,\d)")

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
#: "Sept. 16", "September 12", "16 September" (month capitalised: "may" the verb is not a month).
MONTH_DAY = re.compile(
    rf"\b{_MONTH}\.?\s+(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?\b|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month2')}\b"
)


_GATHERING = r"(?:summit|meeting|gathering|session|forum)"


def _named_gathering(name: str) -> str:
    """Return the pattern of a gathering named after its city ("the Astana summit"); `name` is escaped."""
    return rf"\b{name}\s+(?:SCO\s+)?{_GATHERING}\b"


@functools.lru_cache(maxsize=512)
def summit_in_city(city: str) -> re.Pattern:
    """Return a pattern for a summit placed in `city`: "summit ... in Astana", "the Astana summit"."""
    name = re.escape(city)
    return re.compile(
        rf"\b{_GATHERING}\b[^.;]{{0,60}}?\b(?:in|at)\s+(?:the\s+\w+\s+capital(?:\s+of)?\s+)?{name}\b"
        rf"|{_named_gathering(name)}",
        re.IGNORECASE,
    )


#: Words after which a city name is a place, not a government: "in Astana", "visited Beijing".
_LOCATIVE = r"(?:in|at|to|from|into|near|outside|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)\s+in|host(?:s|ed|ing)?|reach(?:ed)?|left|leaves|toured)"


@functools.lru_cache(maxsize=512)
def city_as_place(city: str) -> re.Pattern:
    """Return a pattern for `city` used as a place: after a locative word, or before "summit"."""
    name = re.escape(city)
    return re.compile(
        rf"\b{_LOCATIVE}\s+(?:the\s+(?:\w+\s+)?(?:capital|city)(?:\s+of)?\s+)?{name}\b"
        rf"|{_named_gathering(name)}",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=512)
def city_name(city: str) -> re.Pattern:
    """Return a pattern for `city` itself, as the patterns above spell it (escaped, any case)."""
    return re.compile(re.escape(city), re.IGNORECASE)


#: A character that is neither a word character nor white space: the patterns above cannot
#: cross one between a locative word and the city ("in the capital of Astana" holds none).
NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")
#: What summit_in_city cannot cross between "summit" and the city.
SENTENCE_STOP = re.compile(r"[.;]")

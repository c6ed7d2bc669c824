"""Patterns for finding people, states, organisations and places in news text."""

from __future__ import annotations

import re

#: Left edge of a name: not inside a word, except where scraping glued two words ("VietnamTheresa").
LEFT = r"(?:(?<![\w'])|(?<=[a-z])(?=[A-Z]))"
#: Right edge of a name: not followed by more word characters ("Russia-backed" still matches "Russia").
RIGHT = r"(?:(?![\w])|(?<=[a-z])(?=[A-Z][a-z]))"

#: Courtesy and office titles that may stand before a name.
TITLES = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "President", "Prime Minister", "PM", "Premier",
    "Foreign Minister", "Minister", "Chancellor", "Secretary-General", "Secretary General",
    "Secretary of State", "Foreign Secretary", "Supreme Leader", "Ayatollah", "King", "Emir", "Crown Prince",
    "Sheikh", "General", "Gen", "Ambassador", "Senator", "Sen", "Governor", "Gov", "Chairman", "Vice President",
    "Deputy Prime Minister", "Acting President", "Interim President", "Lord", "Sir", "Madam",
)
TITLE = re.compile(r"(?:%s)\.?\s+$" % "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True)))

#: A personal name as written in English news: two or three capitalised parts, an initial allowed
#: ("Harsh V. Pant"), hyphenated parts ("Nigel Gould-Davies", "Kassym-Jomart").
_PART = r"[A-Z][a-z\u00e0-\u00ff]+(?:[-'][A-Z]?[a-z\u00e0-\u00ff]+)*"
PERSON_NAME = rf"{_PART}(?:\s+[A-Z]\.)?(?:\s+{_PART}){{1,2}}"

#: What follows a person's name to say who they are: "Theresa Fallon, director of the Centre ...".
_ROLE_HEADS = (
    r"(?:senior\s+|nonresident\s+|non-resident\s+|visiting\s+|emeritus\s+|associate\s+|assistant\s+|former\s+|chief\s+|deputy\s+|executive\s+|managing\s+|research\s+|programme\s+|program\s+|"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+studies\s+|[a-z]+\s+studies\s+)*"
    r"(?:director|professor|fellow|analyst|researcher|scholar|expert|dean|head|chair(?:man|woman)?|president|"
    r"lecturer|editor|correspondent|reporter|journalist|spokes(?:man|woman|person)|official|adviser|advisor|"
    r"aide|ambassador|diplomat|economist|historian|founder|partner|specialist|commentator|envoy|minister)"
)
APPOSITIVE = re.compile(
    rf"{LEFT}(?P<name>{PERSON_NAME}),\s+(?:(?:a|an|the)\s+)?(?P<role>{_ROLE_HEADS})\b(?P<rest>[^,.;:]*)"
)
#: What every APPOSITIVE match holds after the name: a sentence without it has no appositive.
APPOSITIVE_TAIL = re.compile(rf",\s+(?:(?:a|an|the)\s+)?(?P<role>{_ROLE_HEADS})\b")
#: A personal name at a name's left edge (candidates for misspelt reference names).
PERSON_NAME_AT = re.compile(rf"{LEFT}{PERSON_NAME}")
#: "said Alexander Gabuev, director of ..." / "according to Jane Roe, a fellow at ..." (handled by APPOSITIVE);
#: "By Emma Burrows, Associated Press" in a byline.
BYLINE = re.compile(rf"^\s*[Bb]y\s+(?P<name>{PERSON_NAME})(?:\s*,\s*(?P<rest>[^\n]+))?")
#: The organisation part of an affiliation: "director of the Carnegie Russia Eurasia Center".
AFFILIATION = re.compile(r"\b(?:of|at|with|from)\s+(?:the\s+)?(?P<org>[A-Z][\w'&.-]*(?:\s+(?:of|for|and|on|in|&|[A-Z][\w'&.-]*))*[\w.])")

#: A possessive pronoun before an office: "his foreign minister", "its president".
POSSESSIVE = r"(?P<pron>[Hh]is|[Hh]er|[Ii]ts)"

#: Words before a capital's name that make it a place, not a government: "in Beijing", "visited Moscow".
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|to|from|into|near|outside|via|across|around|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)(?:\s+in)?|"
    r"travel(?:s|led|ed|ling|ing)?\s+to|trip\s+to|host(?:s|ed|ing)?|reach(?:ed)?|left|leave|leaves|tour(?:ed)?|capital(?:\s+of)?|city\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

#: Sentences set in title case (headlines): most words capitalised.
WORD = re.compile(r"[A-Za-z][\w'-]*")

#: Surnames that are also ordinary capitalised words (months, weekdays, common nouns): such a surname
#: names a person only after a title ("Mrs May") or once the person was named in full.
COMMON_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday rice brown white black green young king
    long hope rich bush church ford chase rose grant price may will major bishop""".split()
)

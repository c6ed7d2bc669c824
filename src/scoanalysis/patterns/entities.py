"""Patterns for finding people, states, organisations and places in news text.

The gazetteer's own patterns are built from the reference tables by the functions at the end.
"""

from __future__ import annotations

import functools
import re

from . import trie_alternation

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
_ROLE_WORD = (
    r"(?:director|professor|fellow|analyst|researcher|scholar|expert|dean|head|chair(?:man|woman)?|president|"
    r"lecturer|editor|correspondent|reporter|journalist|spokes(?:man|woman|person)|official|adviser|advisor|"
    r"aide|ambassador|diplomat|economist|historian|founder|partner|specialist|commentator|envoy|minister|"
    r"leader|speaker|premier|chancellor|secretary)"
)
_ROLE_HEADS = (
    r"(?:senior\s+|nonresident\s+|non-resident\s+|visiting\s+|emeritus\s+|associate\s+|assistant\s+|former\s+|chief\s+|deputy\s+|executive\s+|managing\s+|research\s+|programme\s+|program\s+|"
    r"prime\s+|foreign\s+|defen[cs]e\s+|finance\s+|trade\s+|vice\s+|first\s+|parliamentary\s+|presidential\s+|"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+studies\s+|[a-z]+\s+studies\s+|[A-Z][a-z][\w-]*\s+(?=[a-z]))*"
    + _ROLE_WORD
)
APPOSITIVE = re.compile(
    rf"{LEFT}(?P<name>{PERSON_NAME}),\s+(?:(?:a|an|the)\s+)?(?P<role>{_ROLE_HEADS})\b(?P<rest>[^,.;:]*)"
)
#: What every APPOSITIVE match holds after the name: a sentence without it has no appositive.
APPOSITIVE_TAIL = re.compile(rf",\s+(?:(?:a|an|the)\s+)?(?P<role>{_ROLE_HEADS})\b")
#: A person the reference does not know, after a lower-case title: "deputy premier Ding Xuexiang",
#: "Foreign Ministry spokeswoman Mao Ning" (group ``name``).
TITLED_NAME = re.compile(rf"(?<![\w-])(?:(?:senior|deputy|chief|vice|prime|foreign|parliamentary|presidential)\s+)?{_ROLE_WORD}\s+(?P<name>{PERSON_NAME})")
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

#: After a place-or-state name, words that make it a place: "Astana summit", "Beijing airport".
PLACE_NOUN_AFTER = re.compile(r"\s+(?:summit|meeting|talks|concert|airport|region|city)\b")
#: A capitalised word after a name: the name is part of a longer proper name ("Rome Statute").
CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")

#: How far back (characters) a title or given name before a surname is looked for.
LOOKBACK = 60
#: The capitalised word right after a surname (at the start of the text after it).
NAME_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
#: The capitalised word right before a surname (at the end of the text before it).
NAME_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
#: A capitalised word, then a speech verb, after a surname: that word is not read as the rest of a name.
SPEAKER_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+(?:'s)?)\s*(?:said|told|says)")
#: Capitalised words that may stand next to a surname without being part of a name.
SENTENCE_WORDS = frozenset(
    "The A An And But Or In On At For With From By To Of As After Before During Since While When If Mr Mrs Ms Dr "
    "President Prime Minister Leader Chairman Secretary General Foreign Premier Kremlin Chinese Russian Indian "
    "Said Says Told Also Then Now Meanwhile However Yet Still Even Both Neither Only Meeting Speaking Following".split()
)

#: What is not a letter or digit of a slug ("theresa-fallon").
NOT_SLUG = re.compile(r"[^a-z0-9]+")

#: A role phrase directly before a name is a title ("Foreign Minister Sergei Lavrov"), not a mention.
_NOT_BEFORE_NAME = r"(?!\s+[A-Z][a-z]|,\s+[A-Z][\w'-]+\s+[A-Z])"


def alternation(surfaces) -> re.Pattern:
    """Return a pattern matching any of `surfaces` as a whole name (longest first)."""
    return re.compile(rf"{LEFT}(?:{trie_alternation(surfaces)}){RIGHT}")


@functools.lru_cache(maxsize=1024)
def surname(name: str) -> re.Pattern:
    """Return a pattern for the surname `name` as a whole name."""
    return re.compile(rf"{LEFT}{re.escape(name)}{RIGHT}")


@functools.lru_cache(maxsize=1024)
def surname_forms(forms: tuple[str, ...]) -> re.Pattern:
    """Return a pattern for any of a person's `forms` (full name, short forms) as a whole name, longest first."""
    alt = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"{LEFT}(?:{alt}){RIGHT}")


def role_phrase(owner_alt: str, role_alt: str) -> re.Pattern:
    """Return a pattern for "the Chinese leader", "Kazakhstan's president": groups owner and role.

    `owner_alt` and `role_alt` are alternations (``trie_alternation``) of the owners'
    surfaces and of the role words; roles match in any case.
    """
    return re.compile(
        rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:new\s+|interim\s+|current\s+|former\s+)?(?P<owner>{owner_alt})\s+(?P<role>(?i:{role_alt})){RIGHT}"
        rf"{_NOT_BEFORE_NAME}"
    )


def role_of_owner(owner_alt: str, role_alt: str) -> re.Pattern:
    """Return a pattern for "the President of Turkmenistan", "the Prime Minister of India": groups role and owner.

    Not before a name ("the President of Kyrgyzstan, Sadyr Japarov": a title).
    """
    return re.compile(
        rf"(?:[Tt]he\s+)(?:new\s+|interim\s+|current\s+)?(?P<role>(?i:{role_alt}))\s+of\s+(?:the\s+)?(?P<owner>{owner_alt}){RIGHT}"
        rf"{_NOT_BEFORE_NAME}"
    )


def possessive_role(role_alt: str) -> re.Pattern:
    """Return a pattern for "his foreign minister", "its president": groups pron and role."""
    return re.compile(rf"\b{POSSESSIVE}\s+(?:own\s+)?(?P<role>(?i:{role_alt})){RIGHT}{_NOT_BEFORE_NAME}")


def role_word(role_alt: str) -> re.Pattern:
    """Return a pattern every role phrase and possessive role holds: white space and a role."""
    return re.compile(rf"\s+(?i:{role_alt}){RIGHT}")

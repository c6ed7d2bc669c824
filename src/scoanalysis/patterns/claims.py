"""Patterns for claims: membership, accession, office titles, member counts, founding years, summit dates.

The claim patterns run on a *masked* sentence: its folded text in which every entity
mention is replaced by a token ``\\ue010<K><i>\\ue011`` (K the kind of mention, i its
index in the sentence). Kinds: ``C`` a state by name or alias, ``D`` a demonym
("Indian"), ``M`` a metonym ("the Kremlin"), ``O`` an organisation, ``P`` a named
person, ``R`` a person named by a role phrase ("the Chinese leader"), ``L`` a place.
Everything is compiled once at import, except the office-title pattern, whose titles
come from the reference table roles.csv (compiled once per title list, cached).
"""

from __future__ import annotations

import bisect
import functools
import re

from .summits import MONTHS

# --- tokens -----------------------------------------------------------------------------

TOKEN_OPEN = "\ue010"
TOKEN_CLOSE = "\ue011"
#: One masked mention; ``kind`` is its letter, ``index`` its place in the sentence's mention list.
TOKEN = re.compile(rf"{TOKEN_OPEN}(?P<kind>[A-Z])(?P<index>\d+){TOKEN_CLOSE}")


def _tok(kinds: str) -> str:
    return rf"{TOKEN_OPEN}[{kinds}]\d+{TOKEN_CLOSE}"


COUNTRY = _tok("C")
ORG = _tok("O")
PERSON = _tok("P")
#: A person named by a role phrase ("the Russian president"), resolved by the entity step.
ROLE = _tok("R")
#: Who may own an office title: a state (name, demonym, metonym) or an organisation.
OWNER = _tok("CDMO")
#: Where a summit may be placed: a state or a place.
WHERE = _tok("CL")

#: Cheap necessary conditions, tested before a family of patterns runs on a masked sentence:
#: the office patterns need a person token; the accession, state and list patterns a state token
#: (or, for a subject, a pronoun phrase "his country"); founding a founding verb; counts a number.
PERSON_HINT = TOKEN_OPEN + "P"
COUNTRY_HINT = TOKEN_OPEN + "C"
COUNTRY_ANAPHOR_HINT = re.compile(r"country|state|nation")
FOUNDED_HINT = re.compile(r"founded|established|created|set\s+up|formed|launched")
#: The verbs of ACCESSION, the statuses of STATE and LIST_OF_MEMBERS, and the verbs of EXPANSION,
#: INCLUSION and ADMISSION; the head nouns every count pattern ends with.
ACCESSION_HINT = re.compile(r"becom|became|declared|admitted|accepted|made|named|granted|join|accede")
STATE_HINT = re.compile(r"member|observer|dialogue|part|signator")
LIST_OF_MEMBERS_HINT = re.compile(r"member|observer|dialogue", re.IGNORECASE)
INCLUSION_HINT = re.compile(r"includes|comprises|brings|groups|unites")
ADMISSION_HINT = re.compile(r"admit|accept|welcome")
COUNT_HINT = re.compile(r"member|state|nation|countr|strong")

# --- lexicons ------------------------------------------------------------------------------

#: Number words for counts ("the six-state bloc", "its eight members").
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
YEAR = r"(?:19[4-9]\d|20\d\d)"
#: A digit or a number word: what every count pattern needs.
NUMBER_HINT = re.compile(r"\d|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)))

#: Regional adjectives that narrow a member count ("the four Central Asian members"), with the
#: states each covers (geography, not reference data about the organisation).
REGIONS = {
    "central asian": ("central-asia", frozenset({"kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"})),
    "south asian": ("south-asia", frozenset({"india", "pakistan", "afghanistan", "nepal", "sri-lanka", "maldives", "bangladesh", "bhutan"})),
}
_REGION = "|".join(r.replace(" ", r"\s+") for r in REGIONS)

#: Aliases that name an organisation's predecessor, founded in another year than the organisation
#: itself: "the Shanghai Five was founded in 1996" is right although the SCO was founded in 2001.
PREDECESSOR_FOUNDING_YEARS = {"shanghai five": 1996}

#: Nouns that stand for an organisation named elsewhere ("the organization", "the bloc").
BLOC_NOUN = r"(?:organi[sz]ation|grouping|group|bloc|block|alliance|forum|club)"
#: "the organization", "the regional security bloc": resolved to the article's topic organisation.
ANAPHOR = rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}?{BLOC_NOUN}\b"
#: A state named by a pronoun phrase: "his country", "the country".
COUNTRY_ANAPHOR = r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+(?:own\s+)?(?:country|state|nation)\b"

#: Words before a title that make it a past office ("former President", "the late President").
PAST_MODIFIERS = frozenset("former late then then- ex ex- erstwhile previous deposed ousted slain assassinated".split())
#: Words before a title that make it another office ("Vice President", "Deputy Prime Minister").
OTHER_OFFICE_BEFORE = re.compile(r"\b(?:vice|deputy|assistant|under|first\s+deputy|acting\s+deputy)[\s-]*$", re.IGNORECASE)
#: Context that puts a titled name in the past: "a successor to President X", "X, killed in ...".
PAST_BEFORE = re.compile(r"\b(?:successor|predecessor)s?\s+(?:to|of)\s+$|\bthe\s+late\s+$", re.IGNORECASE)
PAST_AFTER = re.compile(
    r"^\s*,?\s*(?:who\s+(?:was\s+killed|was\s+assassinated|died|was\s+ousted|was\s+deposed|stepped\s+down|resigned)|"
    r"killed|died|slain|assassinated|ousted|deposed)\b",
    re.IGNORECASE,
)

#: Office titles used before names that roles.csv does not cover; they give claims the
#: reference cannot check (object is the title's slug).
EXTRA_TITLES = (
    "vice president", "vice-president", "deputy prime minister", "defence minister", "defense minister",
    "finance minister", "interior minister", "trade minister", "economy minister", "energy minister",
    "ambassador", "envoy", "special envoy", "chief of staff", "national security adviser", "speaker",
)
_TITLE_MODIFIERS = r"(?:(?i:former|late|then|ex|erstwhile|previous|new|newly[\s-]elected|current|incumbent|outgoing|incoming|re-?elected|deposed|ousted|slain)(?:[\s-]+|-))"

#: State names read with "the" ("President of the United States").
DEFINITE_NAMES = frozenset({
    "United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Maldives", "Philippines",
    "Czech Republic", "Bahamas", "Gambia",
})

#: Acronyms read as words, written without "the" ("a member of NATO", but "a member of the SCO").
ARTICLELESS = frozenset({"NATO", "ASEAN", "BRICS", "OPEC", "NAFTA", "UNESCO", "UNICEF", "Quad"})


@functools.lru_cache(maxsize=8)
def office_patterns(titles: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """Return the two title patterns for `titles` (lower case): before a name, and in apposition after it.

    Before: "Indian President Modi", "India's Prime Minister Narendra Modi", "interim President
    Mohammad Mokhbar", "Kremlin aide Yuriy Ushakov", "its president, Kassym-Jomart Tokayev".
    After: "Putin, the Russian president", "Tokayev, Kazakhstan's president", "X, president of Y", and a
    role phrase the entity step resolved ("Trump, ⟨the US president⟩"; group ``role``).
    """
    alt = "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in titles), key=len, reverse=True))
    before = re.compile(
        rf"(?P<premods>{_TITLE_MODIFIERS}*)"
        rf"(?:(?P<owner>{OWNER})(?P<poss>'s)?\s+|(?P<pron>\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+))?"
        rf"(?P<mods>{_TITLE_MODIFIERS}*)"
        rf"(?P<title>\b(?i:{alt}))(?P<comma>\s*,)?\s+(?P<person>{PERSON})"
    )
    after = re.compile(
        rf"(?P<person>{PERSON})\s*,\s+(?:(?:the|a|an)\s+)?(?P<mods>{_TITLE_MODIFIERS}*)"
        rf"(?:(?P<owner>{OWNER})(?P<poss>'s)?\s+(?P<title>(?i:{alt}))\b(?!\s+{PERSON})"
        rf"|(?P<title2>(?i:{alt}))\s+of\s+(?:the\s+)?(?P<owner2>{OWNER})"
        rf"|(?P<role>{ROLE}))"
    )
    return before, after


@functools.lru_cache(maxsize=8)
def _title_openings(titles: tuple[str, ...]) -> tuple[str, ...]:
    """The first word of each title (lower case): a text holding none of them names no title."""
    return tuple(sorted({re.split(r"\s", t, maxsplit=1)[0].lower() for t in titles}))


#: Characters beyond ASCII other than the mention tokens: where lower() and IGNORECASE may differ.
_NOT_ASCII = re.compile(rf"[^\x00-\x7f{TOKEN_OPEN}{TOKEN_CLOSE}]")


def may_hold_title(text: str, titles: tuple[str, ...]) -> bool:
    """False only when `text` cannot hold any of `titles` (the office patterns' title group)."""
    if _NOT_ASCII.search(text):
        return True
    lower = text.lower()
    return any(w in lower for w in _title_openings(titles))


#: A named person's token (what the office patterns end or start with).
PERSON_TOKEN = re.compile(PERSON)


@functools.lru_cache(maxsize=8)
def office_break(titles: tuple[str, ...]) -> re.Pattern:
    """A character no match of the before-name office pattern holds ahead of its person token.

    That stretch is made of modifiers, an owner token or pronoun with "'s", the title, a comma
    and white space: word characters, white space, ``-``, ``'``, ``,``, the token marks and
    whatever else the titles are spelled with.
    """
    extra = sorted({c for t in titles for c in t if not (c.isalnum() or c == "_" or c.isspace())})
    return re.compile(rf"[^\w\s\-',{TOKEN_OPEN}{TOKEN_CLOSE}{re.escape(''.join(extra))}]")


def before_name_matches(pattern: re.Pattern, text: str, titles: tuple[str, ...]):
    """pattern.finditer(text) for the before-name office pattern of `titles`, searching only the
    stretches that end with a person token and hold no office_break character: every match lies
    in one of them, and their edges are not word characters, so the matches are the same."""
    windows: list[list[int]] = []
    breaks = None
    for t in PERSON_TOKEN.finditer(text):
        if breaks is None:
            breaks = [m.start() for m in office_break(titles).finditer(text)]
        k = bisect.bisect_left(breaks, t.start())
        lo = breaks[k - 1] + 1 if k else 0
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = t.end()
        else:
            windows.append([lo, t.end()])
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


# --- membership and accession ------------------------------------------------------------------

#: A list of states: "Iran, India, Pakistan and Uzbekistan", "Kazakhstan's Nursultan Nazarbayev, ...".
_ITEM = rf"(?:the\s+)?{COUNTRY}(?:'s\s+{PERSON})?"
LIST = rf"{_ITEM}(?:\s*,\s*{_ITEM})*(?:\s*,?\s*(?:and|as\s+well\s+as)\s+{_ITEM})?"
_SUBJECT = rf"(?P<subj>{COUNTRY}(?:\s*,\s*{COUNTRY})*(?:\s*,?\s*and\s+{COUNTRY})?|{COUNTRY_ANAPHOR})"
#: An appositive between a subject and its verb: "Belarus, a close ally of Moscow, will ...".
_APPOSITIVE = r"(?P<appos>\s*,\s*[^,;:.]{2,80}?,)?"
_ADVERBS = (
    r"(?:\s+(?:also|now|already|officially|formally|finally|soon|eventually|then|recently|still|just|itself|"
    r"reportedly|both|all))*"
)
#: Ordinals in "became the ninth member" (the count itself is not taken as a claim).
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th)|"
    r"latest|newest|next)"
)
#: Modal words: futures ("will", "is set to") and hedges ("may", "wants to").
_FUTURE = (
    r"will|shall|(?:is|are)\s+(?:set|expected|due|poised|slated|scheduled|about|going)\s+to|(?:is|are)\s+to"
)
_HEDGE = (
    r"may|might|could|would|can|cannot|can't|(?:hopes?|wants?|wishes|wish|seeks?|plans?|aims?|aspires?|intends?|"
    r"is\s+(?:hoping|seeking|trying|planning|aiming)|has\s+applied|applied)\s+to"
)
FUTURE = re.compile(rf"^(?:{_FUTURE})$", re.IGNORECASE)
HEDGE = re.compile(rf"^(?:{_HEDGE})$", re.IGNORECASE)


def _object(prefix: str = "") -> str:
    return rf"(?:(?:[Tt]he\s+)?(?P<{prefix}obj>{ORG})|(?P<{prefix}anaphor>{ANAPHOR}))"


_OBJECT = _object()
_STATUS = (
    r"(?P<status>member(?:s|\s+(?:state|country|nation)s?)?|observer(?:\s+state)?s?|"
    r"dialogue\s+partners?)"
)
_LEVEL = r"(?:(?P<level>full(?:[\s-]fledged)?|fully[\s-]fledged|permanent|new|official)\s+)?"

#: "Belarus will become a full member of the SCO", "his country becomes a full member of NATO",
#: "Belarus will be declared a full member of ...", "India joined the SCO in 2017", "In 2017, India joined ...".
ACCESSION = re.compile(
    rf"(?:\b[Ii]n\s+(?P<year0>{YEAR}),?\s+)?{_SUBJECT}{_APPOSITIVE}{_ADVERBS}"
    rf"(?:\s+(?P<modal>{_FUTURE}|{_HEDGE}))?{_ADVERBS}(?:\s+(?P<neg>not|never))?{_ADVERBS}"
    rf"\s+(?:(?P<become>becomes|becoming|become|became|(?:is|are)\s+becoming|"
    rf"(?:be|is|are|was|were|has\s+been|have\s+been)\s+(?:declared|admitted\s+as|accepted\s+as|made|named|granted\s+status\s+as))"
    rf"\s+(?:an?\s+|the\s+|its\s+)?(?:{_ORDINAL}\s+)?{_LEVEL}{_STATUS}"
    rf"(?:\s+(?:of|in|to)\s+{_OBJECT})?"
    rf"|(?P<join>(?:joined|joining|joins|join|accede\s+to|accedes\s+to|acceded\s+to|"
    rf"(?:be|is|are|was|were|has\s+been|have\s+been)\s+admitted\s+(?:to|into))\b)"
    rf"(?:\s+{_object('j')})?)"
    rf"(?:\s+as\s+(?:an?\s+)?(?P<as_status>full\s+member|member|observer|dialogue\s+partner))?"
    rf"(?:\s+in\s+(?P<year>{YEAR})\b)?"
)

#: "Kazakhstan is not a party to the Rome Statute", "India is a member of the Quad along with ...".
STATE = re.compile(
    rf"{_SUBJECT}{_APPOSITIVE}{_ADVERBS}\s+(?P<be>is|are|was|were|has\s+been|have\s+been|remains|remain|remained)"
    rf"(?:\s+(?P<neg>not|never|no\s+longer))?{_ADVERBS}\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)?"
    rf"(?:(?P<level>full(?:[\s-]fledged)?|founding|founder|permanent)\s+)?"
    rf"(?P<status>members?|observers?|dialogue\s+partners?|part(?:y|ies)|signator(?:y|ies))"
    rf"(?:\s+(?:state|country|nation)s?)?\s+(?:of|in|to)\s+"
    rf"(?:(?:the\s+)?(?P<obj>{ORG})|(?P<anaphor>{ANAPHOR})|the\s+(?P<literal>[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){{0,4}}))"
    rf"(?:\s+(?:along\s+with|alongside|together\s+with)\s+(?P<along>{LIST}))?"
)

#: "Other members include Iran, India ...", "Observer states and dialogue partners include Turkey ...",
#: "the four Central Asian members (Kazakhstan's Nursultan Nazarbayev, ...)".
LIST_OF_MEMBERS = re.compile(
    rf"(?P<head>\b(?:(?:[Oo]ther|[Ii]ts|[Tt]he|[Cc]urrent|[Aa]ll|[Ss]ome)\s+)*(?:(?P<org>{ORG})(?:'s)?\s+)?"
    rf"(?:(?P<count>{NUMBER})\s+)?(?:(?P<region>(?i:{_REGION}))\s+)?(?:(?P<level>full|founding|permanent|current)\s+)?"
    rf"(?P<status>(?i:observers?(?:\s+states)?\s+and\s+dialogue\s+partners|dialogue\s+partners\s+and\s+observers?(?:\s+states)?|"
    rf"member\s+(?:states|countries|nations)|members|observer\s+states|observers|dialogue\s+partners)))"
    rf"(?:\s+of\s+(?:{_OBJECT}))?"
    rf"\s*(?:[-,]\s*)?(?:(?:include|includes|included|including|are|were|comprise|comprising|such\s+as)\s*:?\s+|\(\s*|:\s*)"
    rf"(?P<list>{LIST})"
)

#: "... has expanded in recent years to include Pakistan, India and Iran".
EXPANSION = re.compile(
    rf"\b(?:has|have|had)\s+(?:since\s+)?expanded(?:\s+[^,.;{TOKEN_OPEN}]{{0,40}}?)?\s+to\s+(?:include|admit|take\s+in)\s+(?P<list>{LIST})"
)

#: "The SCO, founded in 2001, now includes India and Pakistan".
INCLUSION = re.compile(
    rf"(?:(?P<obj>{ORG})|(?P<anaphor>{ANAPHOR}))(?:\s*,[^,;.{TOKEN_OPEN}]{{2,60}},)?(?:\s+(?:now|currently|also|today))?"
    rf"\s+(?:includes|comprises|brings\s+together|groups|unites)\s+(?P<list>{LIST})"
)

#: "The SCO admitted Iran as a full member in 2023".
ADMISSION = re.compile(
    rf"(?:(?P<obj>{ORG})|(?P<anaphor>{ANAPHOR}))\s+(?:has\s+|have\s+|had\s+|will\s+|(?:is|are)\s+set\s+to\s+)?"
    rf"(?P<verb>admitted|admits|admit|accepted|accepts|welcomed|welcomes)\s+(?P<list>{LIST})\s+as\s+(?:an?\s+|its\s+)?"
    rf"(?:(?P<level>full|new|permanent)\s+)?(?P<status>members?|observers?|dialogue\s+partners?)"
    rf"(?:\s+in\s+(?P<year>{YEAR})\b)?"
)

# --- founding -----------------------------------------------------------------------------------

#: "The SCO was established in 2001 by China and Russia", "The grouping was founded by China and
#: Russia in 2001 along with the Central Asian countries of Kazakhstan, ...", "the SCO, founded in 2001".
FOUNDED = re.compile(
    rf"(?:(?P<obj>{ORG})|(?P<anaphor>{ANAPHOR}))(?:\s*\(\s*{ORG}\s*\))?(?:\s*,\s*(?:which|that)\s+|\s*,\s*|\s+)"
    rf"(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:originally\s+|first\s+|jointly\s+|formally\s+)?"
    rf"(?P<verb>founded|established|created|set\s+up|formed|launched)"
    rf"(?:\s+by\s+(?P<by1>{LIST}))?\s+in\s+(?P<year>{YEAR})\b(?:\s+by\s+(?P<by2>{LIST}))?"
    rf"(?:\s+(?:along\s+with|together\s+with)\s+[^,.;{TOKEN_OPEN}]{{0,50}}?(?P<along>{LIST}))?"
)

# --- counts -----------------------------------------------------------------------------------------

#: "the six-state security bloc", "the eight-member SCO" (not "a three-nation group", nor "the ... group of A, B").
COUNT_ADJECTIVE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Nn]ow)\s+(?P<count>{NUMBER})[-\s](?:member|state|nation|country|strong)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:(?P<obj>{ORG})|(?P<noun>{BLOC_NOUN})\b(?!\s+of\b))"
)
#: "the SCO's eight members", "its eight member states", "the four Central Asian members", "the nine member
#: states of the SCO" (not "the two members": of what is not said).
COUNT_NOUN = re.compile(
    rf"(?:(?P<obj>{ORG})(?:'s)?\s+|(?P<its>\b[Ii]ts)\s+|\b(?:[Tt]he|[Aa]ll|[Aa]ll\s+the|[Tt]heir)\s+)(?P<count>{NUMBER})\s+"
    rf"(?:(?P<region>(?i:{_REGION}))\s+|(?P<level>full|founding)\s+)?"
    rf"(?:member\s+(?:states|countries|nations)|members)\b(?:\s+of\s+(?:(?:the\s+)?(?P<obj2>{ORG})|(?P<anaphor>{ANAPHOR})))?"
)
#: "The SCO now has nine members", "the bloc, which comprises 10 member states".
COUNT_HAS = re.compile(
    rf"(?:(?P<obj>{ORG})|(?P<anaphor>{ANAPHOR}))(?:\s*,\s*(?:which|that))?(?:\s+(?:now|currently|today))?\s+"
    rf"(?:has|have|comprises|includes|counts|numbers|consists\s+of|brings\s+together|unites)\s+(?P<count>{NUMBER})\s+"
    rf"(?:(?P<region>(?i:{_REGION}))\s+|(?P<level>full|founding)\s+)?"
    rf"(?:member\s+(?:states|countries|nations)|members|countries|states|nations)\b"
)

# --- summit dates -------------------------------------------------------------------------------------

_MONTH = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
#: "the SCO (SCO) leaders' summit in Samarkand on Sept. 16", "a summit of the SCO in Tajikistan on September 12".
SUMMIT_DATE = re.compile(
    rf"(?:(?P<obj>{ORG})(?:\s*\(\s*{ORG}\s*\))?\s+(?:leaders'?\s+|heads[\s-]+of[\s-]+state\s+)?summit"
    rf"|\bsummit\s+of\s+(?:the\s+)?(?P<obj2>{ORG})(?:\s*\(\s*{ORG}\s*\))?)"
    rf"(?:\s+(?:in|at)\s+[^,.;{TOKEN_OPEN}]{{0,30}}?(?P<where>{WHERE}))?"
    rf"\s+on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH}))\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?"
)
MONTH_NUMBERS = MONTHS


# --- words the claim readers look for inside a match

#: A pronoun phrase that names a state ("his country"), compiled.
COUNTRY_ANAPHOR_PHRASE = re.compile(COUNTRY_ANAPHOR)
#: What follows a status when it names an organisation the patterns did not recognise ("a member of parliament").
UNNAMED_OBJECT = re.compile(r"\s+(?:of|to|in(?!\s+(?:19|20)\d\d\b))\s")
#: Where the modifiers of a title split into words ("newly-elected").
MODIFIER_BREAK = re.compile(r"[\s-]+")
#: "also" in an accession ("while Pakistan also joined"): the organisation joined is the one named before.
ALSO = re.compile(r"\balso\b")
#: An admission still to come ("will admit", "is set to accept").
WILL = re.compile(r"\bwill\b|\bset\s+to\b")
#: Letters an office value is made of; the rest becomes "_" ("prime minister" -> "prime_minister").
NOT_LETTERS = re.compile(r"[^a-z]+")
#: An organisation's alias that is its acronym ("SCO", "BRICS", "C+C5").
ACRONYM = re.compile(r"[A-Z][A-Za-z0-9.+-]{1,7}")

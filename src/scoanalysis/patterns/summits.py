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
    r"|\bleaders\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:SCO|Shanghai)\b|\b(?:SCO|Organi[sz]ation)\s+(?:met|meets|convened|gathered)\b",
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


_GATHERING = r"(?:summit|meeting|meet|gathering|session|forum|declaration)"


def _named_gathering(name: str) -> str:
    """Return the pattern of a gathering named after its city ("the Astana summit", "the Dushanbe declaration")."""
    return rf"\b{name}\s+(?:SCO\s+)?{_GATHERING}\b"


@functools.lru_cache(maxsize=512)
def summit_in_city(city: str) -> re.Pattern:
    """Return a pattern for a summit placed in `city`: "summit ... in Astana", "the Astana summit"."""
    name = re.escape(city)
    return re.compile(
        rf"\b{_GATHERING}\b[^.;]{{0,60}}?\b(?:in|at)\s+(?:the\s+\w+\s+capital(?:\s+(?:city\s+)?of)?\s+)?{name}\b"
        rf"|{_named_gathering(name)}",
        re.IGNORECASE,
    )


#: Words after which a city name is a place, not a government: "in Astana", "visited Beijing".
_LOCATIVE = (
    r"(?:in|at|to|from|into|near|outside|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)\s+in|host(?:s|ed|ing)?|reach(?:ed)?"
    r"|(?:left|leaves|leaving|depart(?:s|ed)?|heads?|headed|bound)(?:\s+for)?|toured)"
)
#: Between the locative word and the city: "the Kazakh capital (city of)", "northern China's", "the Uzbek".
_PLACE_LEAD = (
    r"(?:the\s+(?:[\w-]+\s+){0,3}?(?:capital|city)(?:\s+(?:city\s+)?of)?,?\s+|(?:(?:north|south|east|west)\w*\s+)?[A-Z]\w+'s\s+"
    r"|the\s+[A-Z][a-z]+\s+)?"
)


@functools.lru_cache(maxsize=512)
def city_as_place(city: str) -> re.Pattern:
    """Return a pattern for `city` used as a place: after a locative word, or before "summit"."""
    name = re.escape(city)
    return re.compile(
        rf"\b{_LOCATIVE}\s+{_PLACE_LEAD}{name}\b"
        rf"|\b{name}\s+(?:hosts|hosted|is\s+hosting|will\s+host|welcomed|welcomes)\b"
        rf"|{_named_gathering(name)}",
        re.IGNORECASE,
    )


# --- the article's sentences and the meetings they speak of ------------------------------------------

#: Where a line holds two sentences glued by a full stop ("at the meeting.Xi Jinping") or parted by a
#: full stop and a space; the word before the stop is checked against abbreviations ("Mr.", "St.").
SENTENCE_END = re.compile(r"(?P<word>\b\w+)?(?<=[a-z0-9)\]\"'])[.!?](?:\s+(?=[\"']?[A-Z])|(?=[A-Z][a-z]))")

#: A word for a meeting: a summit, or a session, meeting or gathering (of the SCO, when qualified so).
GATHERING = re.compile(
    r"\b(?:summit(?:ry)?s?|(?:sessions?|meetings?|gatherings?|conclave)(?!\s+(?:with|between)\b)"
    r"|council\s+of\s+heads\s+of\s+(?:state|government)|(?<=SCO\s)meet)\b",
    re.IGNORECASE,
)
#: The word is "summit" itself (a summit needs no SCO word next to it to be a summit).
SUMMIT_NOUN = re.compile(r"summit", re.IGNORECASE)
#: Near a session or meeting: words that make it one of the SCO's (the SCO, its annual session...).
SCO_NEAR = re.compile(
    r"\b(?:SCO|Shanghai|organi[sz]ation|bloc|grouping|annual|high-level|plus|heads?\s+of\s+state|leaders)\b",
    re.IGNORECASE,
)
#: Other organisations and gatherings whose summits and meetings are not the SCO's.
_OTHER_ORG = (
    r"G-?7|G-?8|G-?20|Group\s+of\s+(?:Seven|Eight|Twenty|7|8|20)|BRICS\+?|CSTO|Collective\s+Security\s+Treaty"
    r"|CIS|Commonwealth\s+of\s+Independent\s+States|EAEU|Eurasian\s+Economic|ASEAN|APEC|NATO|EU|European\s+Union"
    r"|CICA|Conference\s+on\s+Interaction|Turkic|OIC|Arab\s+League|GCC|Gulf\s+Cooperation|SAARC|C5(?:\+1)?"
    r"|Central\s+Asian?\s+(?:leaders|heads\s+of\s+state|presidents|states|countries)|consultative"
    r"|Aral|Quad|UN|U\.N\.|United\s+Nations|General\s+Assembly|Russia-Africa|China-Central\s+Asia|Caspian"
)
#: Just before the meeting word: another organisation's name ("the G20 summit", "a CSTO meeting").
OTHER_ORG_BEFORE = re.compile(rf"\b(?:{_OTHER_ORG})(?:'s)?\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Just after the meeting word: "of" another organisation or body.
OTHER_ORG_AFTER = re.compile(
    rf"^\s+of\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:{_OTHER_ORG}|International\s+Fund|Council\s+of\s+Heads\s+of\s+State\s+of\s+the\s+(?!SCO|Shanghai))\b",
    re.IGNORECASE,
)
#: Ministers meet (their meeting is no summit): "Foreign Ministers' summit", "meeting of defence ministers".
_MINISTERS = (
    r"(?:(?:foreign|defen[cs]e|interior|economy|economic|trade|transport|energy|agriculture|culture|education|health"
    r"|finance|justice|emergency|railway|tourism|security\s+council)\s+)?(?:minist(?:ers?|ries|ry|erial)|secretaries)"
    r"|national\s+coordinators|prosecutors?[-\s]general|chiefs\s+of\s+(?:general\s+)?staff|speakers\s+of\s+parliament"
)
_FIELDS = (
    r"foreign|defen[cs]e|interior|economy|economic|trade|transport|energy|agriculture|culture|education|health"
    r"|finance|justice|emergency|railway|tourism"
)
#: Ministers of a field named in a sentence ("foreign ministers of the SCO began their summit"): the
#: sentence's meeting is theirs unless it speaks of heads of state.
MINISTERS_MEET = re.compile(
    rf"\b(?:{_FIELDS})\s+ministers\b|\bministerial\b|\bministers\s+of\s+(?:foreign\s+affairs|defen[cs]e)\b",
    re.IGNORECASE,
)
#: Just before a meeting word: "their (annual) meeting" (of whoever the sentence named).
THEIR_BEFORE = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
MINISTERS_BEFORE = re.compile(rf"\b(?:{_MINISTERS})(?:'s?)?\s+(?:\w+\s+)?$", re.IGNORECASE)
MINISTERS_AFTER = re.compile(
    rf"^\s+of\s+(?:the\s+)?(?:SCO\s+|Shanghai\s+Cooperation\s+Organi[sz]ation\s+)?(?:council\s+of\s+)?(?:{_MINISTERS})\b",
    re.IGNORECASE,
)
#: Heads of government meet (the SCO's other council): "Council of Heads of Government", "prime ministers of
#: Russia, China ..." (whose prime ministers are not their leaders).
GOVERNMENT = re.compile(
    r"(?<!state\s)(?<!state\sand\s)\bheads?\s+of\s+governments?\b(?!\s+and\s+state)|\bCHG\b"
    r"|\b(?:prime\s+ministers|premiers)(?:'|\s+of\s+(?:the\s+)?(?:SCO|member|Russia|China|Kazakhstan|Kyrgyzstan"
    r"|Kirghizstan|Kirgizia|Tajikistan|Uzbekistan|Belarus)|\s+(?:meeting|council|summit))",
    re.IGNORECASE,
)
#: The meeting is said to be one of heads of state: "Council of Heads of State", "leaders' summit".
HEADS_OF_STATE = re.compile(
    r"\bheads?\s+of\s+(?:the\s+)?states?\b|\bleaders(?:'|\s+of\b|\s+summit)|\bpresidents\s+of\b|\bHSC\b",
    re.IGNORECASE,
)
#: A meeting of two ("bilateral meeting", "meeting with Putin"): held at a summit, not a summit.
BILATERAL = re.compile(r"\b(?:bilateral|one-on-one|tete-a-tete|face-to-face)\s+(?:\w+\s+)?$", re.IGNORECASE)

#: A sentence about the organisation's history: its founding, its beginnings.
HISTORY = re.compile(
    r"\b(?:founded|established|set\s+up|created|emerged|formed|inception|came\s+into\s+being|founding\s+of)\b",
    re.IGNORECASE,
)
#: A sentence that speaks of an earlier meeting: "previously", "the last SCO summit", "a year ago".
PAST_MEETING = re.compile(
    r"\b(?:previous(?:ly)?|last\s+year(?:'s)?|(?:the\s+)?last\s+(?:SCO\s+)?(?:summit|meeting|session)|past\s+(?:SCO\s+)?summits?"
    r"|earlier\s+(?:SCO\s+)?summits?|prior\s+(?:SCO\s+)?summit|then[-\s](?:chair(?:man)?|host|president)\b"
    r"|(?:years?|months?)\s+ago|(?:a|one|two|three|\d+)\s+years?\s+(?:ago|earlier|before|after)|last\s+met|last\s+time"
    r"|in\s+the\s+past)\b",
    re.IGNORECASE,
)
#: A sentence that speaks of a later meeting: "next year's meeting", "the next summit".
NEXT_MEETING = re.compile(
    r"\b(?:next\s+year(?:'s)?|next\s+(?:SCO\s+)?(?:summit|meeting|session)|following\s+year"
    r"|(?:will|to)\s+(?:host|chair)\s+(?:the\s+)?next|upcoming\s+(?:presidency|chairmanship)|incoming\s+chair)\b",
    re.IGNORECASE,
)
#: A meeting still to come: "will be held", "is set to open", "the upcoming summit".
FUTURE = re.compile(r"\b(?:will|shall|to\s+be\s+held|set\s+to|is\s+to|are\s+to|next|upcoming|planned|scheduled)\b", re.IGNORECASE)
#: A meeting still to come, or prepared: FUTURE, or "prepare the summit", "ahead of the summit".
AHEAD = re.compile(rf"{FUTURE.pattern}|\b(?:prepar\w*|ahead\s+of|in\s+the\s+run-up\s+to|on\s+the\s+eve\s+of)\b",
                   re.IGNORECASE)
#: Where a sentence's clauses part: commas (not those of a date: "June 15, 2001, in Shanghai"),
#: semicolons, colons, brackets, dashes.
CLAUSE_BREAK = re.compile(r"(?<!\d{4}),(?!\s*\d{4}\b)|[;:()]|\s-{1,2}\s")
#: In a clause with a marker of another time, words that make it about a meeting besides its name.
HOSTED = re.compile(r"\bhost(?:s|ed|ing)?\b", re.IGNORECASE)

# --- years and dates that are no summit's ----------------------------------------------------------

#: A numeric date stamp ("07/27/2016", "15.09.2022", "2014/09/12"): page furniture, not a year the text names.
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![\d/-])")
#: Just before a year: it bounds the text's time from below ("since 2008", "first time since 2018").
SINCE_BEFORE = re.compile(r"\b(?:since|after)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?$", re.IGNORECASE)
#: Just before a year: a target, not a date of the text ("until 2030", "by 2035", "2025-2027"), or a
#: name ("Vision 2030", "Expo 2017").
TARGET_BEFORE = re.compile(
    r"(?:\b(?i:until|till|by|through|to|towards?|before|beyond)\s+(?i:at\s+least\s+)?|\d{4}\s*[-/]\s*"
    r"|\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|In|Of|Since|From|After|Before|The|Until|By|Summit|Session|Meeting)\b)[A-Z][a-z]+\s+)$"
)
#: A line that links to another story ("Related: ...", "Also read: ..."): page furniture, read like a caption.
RELATED_LINK = re.compile(
    r"^\s*(?:related(?:\s+(?:news|stories|articles|coverage))?|read\s+(?:more|also)|also\s+read|see\s+also"
    r"|more\s+on\s+this(?:\s+story)?)\s*[:|>-]",
    re.IGNORECASE,
)
#: A line that is a photo caption or credit though not marked so: "(Photo: ...)", "© Sputnik", "Getty Images"
#: (not a wire's "(Reuters)" after a dateline).
CAPTION_MARK = re.compile(
    r"\(photo\b|\bphoto(?:\s+credit)?\s*[:|]|\(credit:|©|\bGetty\s+Images\b|\bvia\s+REUTERS\b|/\s*(?:AFP|AP|Reuters|Pool)\b"
    r"|\|\s*(?:PTI|AP|ANI)\s*$",
    re.IGNORECASE,
)

# --- the summit's number -----------------------------------------------------------------------------

_ORDINAL_WORDS = (
    "fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth"
    " seventeenth eighteenth nineteenth twentieth"
).split()
#: An anniversary of the organisation ("its tenth anniversary", "the 20th anniversary of the SCO"): the year
#: 2001 plus that many.
ANNIVERSARY = re.compile(
    r"\b(?:(?P<num>[1-9]\d?)(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))[\s-]+anniversary\b", re.IGNORECASE)
#: Spelled ordinals a summit's number is written with ("the tenth summit"), with their value.
ORDINAL_WORDS = {w: i + 5 for i, w in enumerate(_ORDINAL_WORDS)} | {
    f"twenty-{w}": 20 + n for w, n in (("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
                                        ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9))
}
#: A numbered meeting: "the 24th session of the SCO Council of Heads of State", "the 10th Summit of the
#: SCO", "the 21st Shanghai Cooperation Organisation Heads of State Council (SCO-CHS) Meeting".
ORDINAL_MEETING = re.compile(
    r"\b(?:(?P<num>[1-9]\d?)(?:st|nd|rd|th)|(?P<word>(?i:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")))"
    r"\s+(?P<between>(?:(?:[A-Z][\w'-]*|\([A-Z][\w-]*\)|of|the|annual|regular|anniversary|heads?|state|government"
    r"|council)\s+){0,10}?)(?P<noun>(?i:summit|session|meeting))\b"
    r"(?P<of>\s+of\s+the\s+(?:SCO\s+)?(?i:council\s+of\s+heads\s+of\s+(?:state|government)))?"
)

#: Before a number: a person's count of summits ("his fifth", "Modi's 5th"), not the organisation's.
PERSONAL_COUNT = re.compile(
    r"(?:\b(?:his|her|their)|(?<!SCO)(?<!bloc)(?<!group)(?<!grouping)(?<!organisation)(?<!organization)'s)\s+$",
    re.IGNORECASE,
)

# --- places: datelines, host countries, capitals, virtual meetings ---------------------------------------

#: A dateline opening a line: "ASTANA, Kazakhstan --", "DUSHANBE, September 17. /TASS/.", "SAMARKAND (Sputnik) -".
DATELINE = re.compile(r"(?m)^[ \t]*(?P<city>[A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+){0,2})[ \t]*(?:,|\(|:|--?(?=\s))")

#: Words after which a country is where the meeting is: "in Kazakhstan", "Kazakhstan hosts", "chaired by India".
_COUNTRY_PLACE_BEFORE = (
    r"(?:in|to|into|visit(?:s|ed|ing)?(?:\s+to)?|arriv(?:e|es|ed|ing)\s+in|left\s+for|leaves\s+for|travel(?:s|led|ed|ling)?\s+to"
    r"|hosted\s+by|chaired\s+by|held\s+in|host\s+country|hosting\s+country)"
)


@functools.lru_cache(maxsize=256)
def country_as_host(names: tuple[str, ...], demonyms: tuple[str, ...]) -> re.Pattern:
    """Return a pattern for a country named as the meeting's place or host, by its `names` or `demonyms`.

    "in Kazakhstan", "visit to Uzbekistan", "Kazakhstan hosts", "India's chairmanship", "chaired by
    India", "the Kazakh capital", "the capital of Kazakhstan".
    """
    name = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    demonym = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True) if d)
    parts = [
        rf"\b{_COUNTRY_PLACE_BEFORE},?\s+(?:the\s+)?(?:Republic\s+of\s+)?(?:{name})\b",
        rf"\b(?:{name})\s+(?:hosts|hosted|is\s+hosting|will\s+host|chairs|chaired|holds\s+the\s+chair)\b",
        rf"\b(?:{name})'s\s+(?:chairmanship|presidency|capital)\b",
        rf"\bcapital\s+of\s+(?:the\s+Republic\s+of\s+)?(?:{name})\b",
    ]
    if demonym:
        parts.append(rf"\b(?:{demonym})\s+capital\b|\b(?:{demonym})\s+chairmanship\b")
    return re.compile("|".join(parts), re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def capital_of(names: tuple[str, ...], demonyms: tuple[str, ...]) -> re.Pattern:
    """Return a pattern for the capital named by its country only: "the Kazakh capital", "capital of Kazakhstan"."""
    name = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    demonym = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True) if d)
    parts = [rf"\bcapital\s+of\s+(?:the\s+Republic\s+of\s+)?(?:{name})\b", rf"\b(?:{name})'s\s+capital\b"]
    if demonym:
        parts.append(rf"\b(?:{demonym})\s+capital\b")
    return re.compile("|".join(parts), re.IGNORECASE)


#: The meeting is held by video: "a virtual meeting", "joined by videoconference", "in an online format".
VIRTUAL = re.compile(
    r"\bvirtual(?:ly)?\b|\bvideo[-\s]?(?:conference|link)\b|\bvideoconferenc\w*|\bonline\s+(?:format|summit|meeting)\b"
    r"|\bvia\s+video\b",
    re.IGNORECASE,
)

# --- who holds which office, who belongs to the organisation --------------------------------------------

#: An office title before a name: "President Xi", "Kazakh President Kassym-Jomart Tokayev", "the acting
#: president of Kyrgyzstan, Sadyr Japarov", "President of the Republic of Uzbekistan Shavkat Mirziyoyev", "PM Modi".
TITLED_NAME = re.compile(
    r"\b(?P<acting>(?i:acting|interim)\s+)?(?P<title>[Pp]resident|[Pp]rime\s+[Mm]inister|PM|[Pp]remier|[Cc]hancellor"
    r"|[Cc]hief\s+[Ee]xecutive|[Ee]mir|[Kk]ing|[Cc]rown\s+[Pp]rince|[Ss]upreme\s+[Ll]eader|[Ff]oreign\s+[Mm]inister"
    r"|[Ss]ecretary[-\s][Gg]eneral)(?!-)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+of)?(?:\s+[A-Z][\w'-]*){0,2}?)?,?\s+"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'-]+){0,3})"
)
#: Just before a title: the office is not held at the time of the text ("former President", "then-PM").
NOT_SITTING_BEFORE = re.compile(
    r"\b(?:former|ex|late|then|first|founding|previous|outgoing|future|next|incoming|elected|would-be)[-\s]+$",
    re.IGNORECASE,
)
#: Each title's offices (offices.csv `office`), by the title's first word in lower case.
TITLE_OFFICES = {
    "president": ("president", "acting_president", "head_of_state"),
    "acting": ("acting_president", "president", "head_of_state"),
    "prime": ("prime_minister",), "pm": ("prime_minister",), "premier": ("prime_minister",),
    "chancellor": ("prime_minister",), "chief": ("chief_executive",), "emir": ("emir",), "king": ("king",),
    "crown": ("crown_prince",), "supreme": ("supreme_leader",), "foreign": ("foreign_minister",),
    "secretary": ("secretary_general",),
}

#: A status in the organisation, longest phrase first: "dialogue partners", "observer states", "full members".
STATUS_WORD = re.compile(
    r"(?<![-\w])(?:(?P<dialogue_partner>dialogue\s+partners?)"
    r"|(?P<observer>observers?(?:\s+(?:states?|members?|countries|nations|status))?)"
    r"|(?P<member>(?:full(?:-fledged)?\s+|permanent\s+)?members?(?:\s+(?:states?|countries|nations))?))\b",
    re.IGNORECASE,
)
#: A state joins or is admitted: "Belarus officially joins", "was accepted as a full member", "Iran's admission".
JOIN = re.compile(
    r"\b(?:join(?:s|ed|ing)?|accession|admission|admitted|accepted|became|becomes|become|becoming|elevated|upgraded"
    r"|granted)\b",
    re.IGNORECASE,
)
#: Joining still to come (or only asked for): "will join", "is expected to join", "applied to join".
NOT_YET = re.compile(
    r"\b(?:will|would|shall|expected|set\s+to|is\s+to|are\s+to|to\s+be|applied|applications?|apply|aspir\w*|bids?"
    r"|seek\w*|hopes?\s+to|plans?\s+to|aims?\s+to|finali[sz]\w*|soon|candidates?|procedures?|process|memorand\w*"
    r"|launch\w*|start\w*|beg[ai]n\w*)\b",
    re.IGNORECASE,
)
#: "since" before a state's joining: it joined before the story.
SINCE_WORD = re.compile(r"\bsince\b", re.IGNORECASE)
#: A verb listing the members: "the SCO unites Russia, China ...".
MEMBERS_VERB = re.compile(r"\b(?:unites|comprises|consists\s+of|is\s+made\s+up\s+of|groups\s+together)\b", re.IGNORECASE)
#: Another organisation named in a clause: its members are not the SCO's.
OTHER_ORG = re.compile(rf"\b(?:{_OTHER_ORG})\b")

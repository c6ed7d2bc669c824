"""Patterns of what a page says of its own date: publication and update lines, wire datelines, titles of office.

Every regex runs on the *folded* text (``text.fold``: curly quotes and dashes made
ASCII, same length). A publication line ("Published: 9th June 2018 08:15 AM",
"09:40, 10 June 2018 | GMT +8", "WORLD | 18:05 / 13.06.2019", "Publish Date:
09/07/15 16:20") is a short line made of one or more dates, clock times, time zones,
labels and furniture (section names, bylines, reading times, font widgets). A wire
dateline ("UFA, July 9. /Agency/.", "QINGDAO, June 10 (Xinhua) -", "TASHKENT, June 23,
2016, Example News --") opens a sentence.
"""

from __future__ import annotations

import re

from .temporal import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

_I = re.IGNORECASE
_IX = re.IGNORECASE | re.VERBOSE

_MON = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WD = "(?i:" + "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR4 = r"(?:19|20)\d{2}"

# --------------------------------------------------------------------------- publication lines

#: One date as publication lines print it. Groups: named day-month-year (d1, m1, y1; a two-digit
#: year allowed), named month-day-year (m2, d2, y2), year first (y3, m3, d3), numeric day and
#: month in either order (a4, b4, y4; separator s4), each with an optional weekday (wd).
STAMP_DATE = re.compile(
    rf"""(?:(?<![\w/.:-])|(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d{{1,2}}(?:st|nd|rd|th)?[\s-][A-Za-z]))
    (?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?
    (?:
        (?P<d1>{_DAY})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+(?P<m1>{_MON}),?[\s-]+(?P<y1>{_YEAR4}|'?\d{{2}})(?![\d:])
      | (?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR4})
      | (?P<y3>{_YEAR4})(?P<s3>[-/.])(?P<m3>1[0-2]|0?[1-9])(?P=s3)(?P<d3>3[01]|[12]\d|0?[1-9])
      | (?P<a4>\d{{1,2}})(?P<s4>[-/.])(?P<b4>\d{{1,2}})(?P=s4)(?P<y4>{_YEAR4}|\d{{2}})
    )
    (?!(?!T\d)\w|[-/.:]\d)""",
    _IX,
)
#: A clock time ("10:51", "0:59", "11:09 AM", "9.30 p.m.", "13h47").
STAMP_TIME = re.compile(
    r"(?<![\w.:/])(?:(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*[ap]\.?\s?m\b\.?"
    r"|(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s*(?:[A-Z]{2,4}\b|GMT|UTC)))(?![\w:]|\.\d)"
    r"|(?<=\d)T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?\b",
    _I,
)
#: A time zone: "GMT +6", "(UTC+05:30)", "IST", "local time" (abbreviations in capitals only).
STAMP_ZONE = re.compile(
    r"\(?\b(?:GMT|UTC)\b\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?"
    r"|\b(?:IST|MSK|PKT|KST|JST|CET|CEST|EET|EEST|BST|WET|WEST|AST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|HKT|SGT"
    r"|AEST|AEDT|WIB|ALMT|TJT|UZT|KGT|IRST|GST|MSD|SAST|CAT|EAT|WAT|NZST|NZDT|ICT|PHT|MYT|NPT|BDT|AFT|TRT)\b"
    r"|\b[Ll]ocal\s+[Tt]ime\b"
    r"|(?<=\s)[+-](?:0\d|1[0-4]):?[0-5]\d\b"
)
#: A label saying the next date is when the page was published ("Published on", "Publish Date:").
PUBLISHED_LABEL = re.compile(
    r"\b(?:first\s+)?(?:published|publish(?:ed)?\s+date|publication\s+date|posted(?:\s+date)?|date\s+posted"
    r"|created|released|issued|filed|dated?)(?:\s+(?:on|at|in))?\b\s*:?",
    _I,
)
#: A label saying the next date is when the page was last changed ("Updated:", "(Last Updated On: ...)").
UPDATED_LABEL = re.compile(
    r"\b(?:last\s+)?(?:updated?|modified|edited|revised|amended)(?:\s+(?:on|at))?\b\s*:?",
    _I,
)
#: What splits a publication line into segments: bars, bullets, slashes, dashes, brackets, commas, stops.
STAMP_SEPARATORS = re.compile(r"\s*(?:[|•·/()\[\],;]|\s[-:.]+\s|\s*--+\s*|^[-:.\s]+|[-:.\s]+$)\s*")
#: Words a publication line may carry besides its dates (reading time, view counts, widgets).
STAMP_FURNITURE = frozenset(
    """min mins minute minutes read reading time views view comments comment share shares print email
    am pm hrs hr h at on by a px text size font updated""".split()
)
#: A furniture token of a font widget or counter ("A+A-", "A-", "+", "16px").
STAMP_WIDGET = re.compile(r"^(?:[Aa]?[+-]+[Aa]?[+-]*|[Aa]|\d+(?:px|k)?)$")
#: A word of a segment that names a section, an outlet, a wire or a byline ("POLITICS", "By Jane Doe").
SEGMENT_WORD = re.compile(r"^(?:[A-Z][\w'&.-]*|by|of|and|the|de|al|el|van|von|&)$")
#: Lines that point to another page: their dates are the other page's ("Related:", "Read more").
RELATED_LINE = re.compile(
    r"^\s*(?:related(?:\s+(?:news|stories|articles|posts))?|read\s+(?:more|also)|see\s+also|also\s+read|more\s+on"
    r"|recommended|trending|latest(?:\s+news)?|previous(?:\s+(?:post|article))?|next(?:\s+(?:post|article))?"
    r"|you\s+may\s+also\s+like|most\s+read)\b",
    _I,
)
#: Longest line (characters) still read as a publication line.
STAMP_MAX_CHARS = 160
#: Most words a line may have besides its dates, times and labels and still be a publication line.
STAMP_MAX_WORDS = 8

# --------------------------------------------------------------------------- wire datelines

_CAPS_CITY = r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}"
_TITLE_CITY = r"[A-Z][a-z.'-]+(?:[\s-]+[A-Z][a-z.'-]+){0,2}"
_REGION = r"[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2}"
#: A date in a dateline: "June 9", "Sept. 15", "10 June", optionally ", 2019".
_DL_DATE = (
    rf"(?:(?:{_WD}),?\s+)?(?:(?P<m>{_MON})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?|(?P<d_>{_DAY})(?:st|nd|rd|th)?\s+(?P<m_>{_MON}))"
    rf"(?:,?\s+(?P<y>{_YEAR4}))?\.?"
)
#: The wire's or agency's name after a dateline: "(Reuters)", "/Agency/", ", Example News".
_AGENCY = r"(?:\((?P<ag>[A-Z][^()]{0,38})\)|/(?P<ag2>[A-Z][^/\s]{0,20}(?:[ -][^/\s]{1,20}){0,2})/)"
#: A dateline opening a sentence, its city in capitals: CITY[, Region][, date] then an agency, a dash or a colon.
WIRE_DATELINE = re.compile(
    rf"""^\s*(?P<city>{_CAPS_CITY})(?:,\s*(?P<region>{_REGION}))?(?:,?\s+{_DL_DATE})?
        \s*(?:{_AGENCY}\.?\s*(?:-+|:)?|,\s*(?P<ag3>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,3}})\s*(?:-+|:)|-+|:|(?<=\d)\.?\s*$)
        (?=\s|$)""",
    re.VERBOSE,
)
#: A dateline whose city is not in capitals: it needs a date, then an agency or a dash
#: ("Qingdao, June 10 (Xinhua) --", "Bishkek, 13 June -").
WIRE_DATELINE_TITLE = re.compile(
    rf"""^\s*(?P<city>{_TITLE_CITY})(?:,\s*(?P<region>{_REGION}))?,\s+{_DL_DATE}
        \s*(?:{_AGENCY}\.?\s*(?:-+|:)?|\s-+)(?=\s|$)""",
    re.VERBOSE,
)
#: Words that may stand in capitals at a sentence start without being a dateline city.
NOT_DATELINE_CITY = frozenset(
    """BREAKING NEWS UPDATE UPDATED WATCH VIDEO PHOTO PHOTOS LIVE EXCLUSIVE ANALYSIS OPINION EDITORIAL COMMENT
    FILE NOTE CORRECTION REVIEW INTERVIEW FACTBOX EXPLAINER UPDATE1 UPDATE2 UPDATE3 POLITICS WORLD ASIA""".split()
)

# --------------------------------------------------------------------------- summits named by the page

#: An opening that puts a sentence in the background: what it tells of a summit is an earlier one's.
BACKGROUND_OPENING = re.compile(
    r"^\W*(?:previously|formerly|in\s+the\s+past|back\s+in|last\s+(?:year|time)|a\s+year\s+ago"
    r"|at\s+the\s+(?:previous|last|prior)\s+(?:sco\s+)?summit)\b",
    _I,
)
#: A summit said to open ("the summit opens today", "the meeting began on Thursday"): its timex is the first day.
SUMMIT_OPENS = re.compile(
    r"\b(?:summit|meeting|session|gathering)\b[^.;:]{0,40}?(?<!to )\b(?:opens?|opened|begins?|began|starts?|started"
    r"|kicks?\s+off|kicked\s+off|gets?\s+under\s*way|got\s+under\s*way|convenes?|convened)\b"
    r"|\b(?:opening|start|beginning)\s+of\s+the\s+(?:\w+\s+){0,3}(?:summit|meeting)\b",
    _I,
)
#: A summit said to close ("the summit ended on Friday"): its timex is the last day.
SUMMIT_CLOSES = re.compile(
    r"\b(?:summit|meeting|session|gathering)\b[^.;:]{0,40}?(?<!to )\b(?:ends?|ended|closes?|closed|concludes?|concluded"
    r"|wraps?\s+up|wrapped\s+up)\b"
    r"|\b(?:close|end|conclusion)\s+of\s+the\s+(?:\w+\s+){0,3}(?:summit|meeting)\b",
    _I,
)
#: A present progressive said of a summit: it is going on ("is attending", "are meeting", "is being held").
PRESENT_PROGRESSIVE = re.compile(
    r"\b(?:is|are|am)\s+(?:now\s+|currently\s+|also\s+)?(?:being\s+held|taking\s+place|under\s*way|attending"
    r"|participating|taking\s+part|meeting|gathering|holding\s+talks|chairing|hosting)\b",
    _I,
)

#: "the Tashkent Declaration", "Ufa's declaration": a city named in a summit document's name.
CITY_DOCUMENT_AFTER = re.compile(r"^['’]?s?\s+(?:SCO\s+)?(?:declaration|communique|charter)\b", _I)
#: A journey's goal before a city: "left for Ufa", "will leave for Qingdao", "bound for Bishkek".
TRAVEL_FOR_BEFORE = re.compile(
    r"\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|head(?:s|ed|ing)?|bound|set(?:s|ting)?\s+(?:off|out)|fl(?:y|ies|ew|ying)"
    r"|travel(?:s|led|ed|ling|ing)?|sail(?:s|ed)?|embark(?:s|ed)?)\s+(?:\w+\s+){0,2}?for\s+(?:the\s+)?"
    r"(?:(?:Kazakh|Kyrgyz|Tajik|Uzbek|Chinese|Russian|Indian)\s+capital(?:\s+of)?\s+)?$",
    _I,
)
#: "according to Beijing": a city as a source, not a place.
SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", _I)
#: A printed year naming a summit: "the 2019 summit", "2018 SCO summit" (group y).
SUMMIT_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d{2})(?:'s)?\s+(?:SCO\s+|Shanghai\s+Cooperation\s+Organi[sz]ation\s+)?summit\b", _I)

#: A reporting verb right before a weekday: "the ministry said Tuesday", "said in a statement on Friday".
ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|stated|confirmed|declared|told\s+(?:reporters|journalists|the\s+press|\w+))"
    r"(?:\s+in\s+a\s+(?:statement|briefing|release))?\s+(?:on\s+)?$",
    _I,
)

# --------------------------------------------------------------------------- titles of office

#: Words before a name that say the person holds an office ("President", "Prime Minister", "leader",
#: "President of Belarus"); group t is the title.
OFFICE_TITLE_BEFORE = re.compile(
    r"\b(?P<t>president|prime\s+minister|pm|premier|chancellor|chief\s+executive|ce|foreign\s+minister|fm"
    r"|minister|king|emir|crown\s+prince|leader|secretary[\s-]+general|secretary\s+of\s+state|chairman|chairwoman"
    r"|chair|spokes(?:man|woman|person)|aide|counterpart|head\s+of\s+state)\b\.?"
    r"(?-i:\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3})?\s+$",
    _I,
)
#: The offices (``offices.csv``) a title names; a title not listed names any office.
TITLE_OFFICES = {
    "president": frozenset({"president", "acting_president", "head_of_state"}),
    "prime minister": frozenset({"prime_minister"}), "pm": frozenset({"prime_minister"}),
    "premier": frozenset({"prime_minister"}), "chancellor": frozenset({"prime_minister"}),
    "foreign minister": frozenset({"foreign_minister"}), "fm": frozenset({"foreign_minister"}),
    "chief executive": frozenset({"chief_executive"}), "ce": frozenset({"chief_executive"}),
    "king": frozenset({"king"}), "emir": frozenset({"emir"}), "crown prince": frozenset({"crown_prince"}),
    "secretary-general": frozenset({"secretary_general"}), "secretary general": frozenset({"secretary_general"}),
}
#: Words that make a title past: "former President", "the then prime minister", "late king", "successor to".
FORMER_TITLE = re.compile(
    r"\b(?:former|ex|then|late|erstwhile|onetime|one-time|previous|past|retired|successor\s+(?:to|of)|predecessor"
    r"|widow\s+of|memory\s+of)\b[\s-]", _I)
#: Words after a name that say the person no longer holds the office ("..., killed in a crash").
FORMER_AFTER = re.compile(
    r"^\W{0,3}(?:who\s+(?:was|were|had\s+been)\s+)?(?:killed|died|dead|assassinated|slain|ousted|deposed|toppled"
    r"|overthrown|impeached|removed)\b", _I)
#: Characters before a name searched for its title.
TITLE_WINDOW = 60

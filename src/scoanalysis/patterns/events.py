"""Patterns for dated events: the trigger lexicon by event type, date anchors, and what blocks a date.

Everything is compiled once at import; the ``scoanalysis.events`` package only reads it. Patterns
run on folded text (``text.fold``: ASCII quotes and hyphens, same offsets as the raw text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import trie_alternation

_I = re.IGNORECASE

#: Event types, in the order figures and tables list them.
EVENT_TYPES = (
    "summit", "meeting", "visit", "arrival", "statement", "accession", "agreement", "founding",
    "attack", "clash", "disengagement", "election", "sanction", "other",
)


@dataclass(frozen=True)
class Trigger:
    """One entry of the lexicon: the event type it signals, a short key, its pattern, and whether it is a noun.

    ``hints`` are lowercase strings one of which every match of the pattern contains: a
    sentence whose lowercased (ASCII) text holds none of them cannot match, and the
    pattern is not run on it. Empty: always run.
    """

    event_type: str
    key: str
    pattern: re.Pattern
    noun: bool = False
    hints: tuple[str, ...] = ()


def _t(event_type: str, key: str, pattern: str, *, noun: bool = False, flags: int = _I,
       hints: tuple[str, ...] = ()) -> Trigger:
    return Trigger(event_type, key, re.compile(pattern, flags), noun, hints)


_ORG_WORDS = r"(?:SCO|Shanghai\b|organi[sz]ation|bloc|grouping|group\b|alliance|NATO|EU\b|European\s+Union|BRICS|WTO|club|union|forum)"

#: The lexicon, most specific first: where two matches overlap, the earlier entry wins, then the longer match.
TRIGGERS: tuple[Trigger, ...] = (
    # --- what is not an SCO summit although it says "session"
    _t("other", "parliament", r"\bparliamentary\s+session\b|\bsession\s+of\s+(?:the\s+)?(?:parliament|congress|duma|assembly|majlis)\b"
       r"|\bparliament(?:ary)?\s+(?:session|sitting)\b", noun=True,
       hints=("session", "parliament")),
    # --- summits
    _t("summit", "sco_meeting", r"\b(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation|Shanghai\s+Forum)(?:['\u2019]s)?\s+(?:leaders['\u2019]?\s+)?"
       r"(?:summit|meeting|gathering|session)\b", noun=True,
       hints=("summit", "meeting", "gathering", "session")),
    _t("summit", "session", r"\b(?:annual\s+)?session\s+of\s+(?:the\s+|an?\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation|Council\s+of\s+Heads\s+of\s+State"
       r"|organi[sz]ation|grouping|bloc|international\s+group)\b|\bannual\s+(?:session|meeting|gathering|summit)\b", noun=True,
       hints=("session", "annual")),
    _t("summit", "leaders_meeting", r"\b(?:meeting|gathering)\s+of\s+(?:the\s+)?(?:leaders|heads\s+of\s+state)\b", noun=True,
       hints=("meeting", "gathering")),
    _t("summit", "summit", r"\bsummit\b", noun=True,
       hints=("summit",)),
    # --- membership
    _t("accession", "member", r"\b(?:become|becomes|became|becoming)\s+(?:a\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:full(?:-fledged)?\s+)?members?\b"
       r"|\b(?:declared|admitted|accepted|granted|made|formally\s+made)\s+(?:as\s+)?(?:a\s+)?(?:full(?:-fledged)?\s+)?members?\b",
       hints=("member",)),
    _t("accession", "applied", r"\bappli(?:ed|es|cation)\s+(?:to\s+join|for\s+(?:full\s+)?membership)\b|\bmembership\s+(?:bid|application)\b",
       hints=("appli", "membership")),
    _t("accession", "joined", rf"\bjoin(?:ed|s|ing)?\s+(?:the\s+)?{_ORG_WORDS}"
       r"|\b(?:also\s+)?joined(?=\s+(?:at|in|as|on|after|last|this|,|\.))",
       hints=("join",)),
    _t("accession", "admission", r"\badmission\b|\baccession\b|\b(?:observer|dialogue[- ]partner)\s+status\b", noun=True,
       hints=("admission", "accession", "status")),
    _t("accession", "admitted", r"\badmit(?:s|ted)\b(?!\s+(?:that|to|it|responsibility|guilt|defeat|mistakes?|failure)\b)",
       hints=("admit",)),
    # --- founding (the caller checks that an organisation is what was founded)
    _t("founding", "founded", r"\b(?:was|were|been|being|is)\s+(?:\w+ly\s+)?(?:established|founded|formed|created|set\s+up|launched|born)\b"
       r"|\b(?:founded|established|created|formed|set\s+up)\s+(?:the\s+)?(?:SCO|Shanghai\b|organi[sz]ation|bloc|grouping|alliance|union|forum)"
       r"|(?<=,\s)(?:founded|established|created|formed|set\s+up)\b(?=\s+(?:in|on)\b)",
       hints=("established", "founded", "formed", "created", "set", "launched", "born")),
    _t("founding", "founding", r"\bfounding\s+of\b|\bestablishment\s+of\b|\bcreation\s+of\s+the\s+(?:SCO|Shanghai|organi[sz]ation|bloc|grouping)\b",
       noun=True,
       hints=("founding", "establishment", "creation")),
    # --- agreements, deals, declarations
    _t("agreement", "signed", r"\bsign(?:ed|s|ing)\b",
       hints=("sign",)),
    _t("agreement", "deal", r"\b(?:rail\s+|trade\s+|gas\s+|oil\s+|energy\s+|arms\s+|peace\s+)?(?:deal|agreement|treaty|accord|pact|contract|memorand(?:um|a))s?\b"
       r"|\bjoint\s+(?:declaration|statement|communique)\b", noun=True,
       hints=("deal", "agreement", "treaty", "accord", "pact", "contract", "memorand", "joint")),
    _t("agreement", "agreed", r"\bagreed\b",
       hints=("agreed",)),
    # --- violence
    _t("attack", "attack", r"\b(?:terror(?:ist)?\s+|suicide\s+|militant\s+|deadly\s+)?attack(?:s|ed)?\b|\bbomb(?:ing|ings|ed)\b|\bsuicide\s+bomber\b"
       r"|\bgunm[ae]n\b|\bshooting\b|\bmassacre\b|\bassassinat\w+\b|\b(?:air|missile|drone)\s*strikes?\b|\bexplosions?\b|\bblasts?\b"
       r"|\bhostage[- ]taking\b", noun=True,
       hints=("attack", "bomb", "gunm", "shooting", "massacre", "assassinat", "strike", "explosion", "blast", "hostage")),
    _t("other", "invasion", r"\binva(?:sion|ded)\b", noun=True,
       hints=("inva",)),
    _t("other", "crash", r"\b(?:helicopter|plane|air)\s+crash\b", noun=True,
       hints=("crash",)),
    _t("clash", "clash", r"\bclash(?:es|ed)?\b|\bskirmish(?:es)?\b|\bborder\s+(?:fighting|standoff|skirmish)\b|\bfighting\s+broke\s+out\b", noun=True,
       hints=("clash", "skirmish", "border", "fighting")),
    _t("disengagement", "disengage", r"\bdisengag\w*|\bwithdr(?:aw|aws|awing|awn|ew|awal)\b|\bpull(?:ed|ing|s)?\s+back\b|\bpull-?back\b"
       r"|\b(?:troops|forces|soldiers)\s+(?:left|withdrew|pulled\s+out|retreated)\b|\bde-?escalat\w+",
       hints=("disengag", "withdr", "pull", "troops", "forces", "soldiers", "escalat")),
    # --- elections and offices
    _t("election", "election", r"\b(?:presidential\s+|parliamentary\s+|general\s+|snap\s+|runoff\s+|run-off\s+)?elections?\b|\brun-?off\b"
       r"|\breferendum\b|\b(?:presidential|parliamentary)\s+(?:vote|polls?)\b", noun=True,
       hints=("election", "run", "referendum", "presidential", "parliamentary")),
    _t("election", "office", r"\bre-?elected\b|\b(?:took|take|takes|taking)\s+office\b|\bsworn\s+in\b|\binaugurat(?:ed|ion)\b"
       r"|\bchoos(?:e|es|ing)\s+a\s+successor\b|\bcame\s+to\s+power\b",
       hints=("elected", "office", "sworn", "inaugurat", "successor", "power")),
    # --- sanctions and warrants
    _t("sanction", "sanction", r"\bsanction(?:s|ed)?\b|\b(?:arrest\s+)?warrants?\b|\bembargo\b|\b(?:export|import)\s+bans?\b", noun=True,
       hints=("sanction", "warrant", "embargo", "ban")),
    # --- arrivals, visits, trips
    _t("arrival", "arrival", r"\barriv(?:e|ed|es|ing|al)\b|\blanded\s+in\b|\bflew\s+in(?:to)?\b",
       hints=("arriv", "landed", "flew")),
    _t("visit", "visit", r"\b(?:state\s+|official\s+|working\s+)?visit(?:s|ed|ing)?\b|\btrip\b|\btour(?:ed)?\b|\btravel(?:s|led|ed|ling|ing)?\s+to\b"
       r"|\b(?:left|departed|leaves|departs)\s+for\b|\bflew\s+to\b",
       hints=("visit", "trip", "tour", "travel", "left", "departed", "leaves", "departs", "flew")),
    # --- meetings
    _t("meeting", "meeting", r"\bmet\b|\bmeet(?:s|ing|ings)?\b|\b(?:held|hold|holds|holding)\s+talks\b|\btalks\b|\bdiscussions\b"
       r"|\b(?:phone|telephone)\s+(?:call|conversation)\b|\bspoke\s+by\s+(?:phone|telephone)\b",
       hints=("met", "meet", "talks", "discussions", "phone")),
    # --- statements
    _t("statement", "statement", r"\b(?:said|says|told|announced|stated|warned|urged|pledged|vowed|promised|referred\s+to)\b"
       r"|\bcall(?:ed|s|ing)\b(?=[^.;]{0,30}?\bfor\b)|\b(?:speech|address|remarks|statement|announcement)\b",
       hints=("said", "says", "told", "announc", "stated", "warned", "urged", "pledged", "vowed", "promised", "referred",
              "call", "speech", "address", "remarks", "statement")),
)


def _hint_index(triggers: tuple[Trigger, ...]) -> tuple[re.Pattern, dict[str, tuple[int, ...]], tuple[int, ...]]:
    hints = sorted({h for t in triggers for h in t.hints})
    # the longest hint starting at a position stands for every hint that is a prefix of it
    ranks = {h: tuple(i for i, t in enumerate(triggers) if any(h.startswith(g) for g in t.hints)) for h in hints}
    always = tuple(i for i, t in enumerate(triggers) if not t.hints)
    return re.compile(rf"(?=({trie_alternation(hints)}))"), ranks, always


#: Every position of a lowercased text where a trigger hint starts (the longest hint there), the
#: lexicon ranks each such hint lets run, and the ranks that always run (no hints).
HINT_FINDER, HINT_RANKS, ALWAYS_RUN = _hint_index(TRIGGERS)

#: Words before "summit" that make it another organisation's summit (no SCO summit days for it).
OTHER_SUMMIT = re.compile(
    r"\b(?:G-?7|G-?8|G-?20|BRICS|NATO|EU|European|ASEAN|APEC|CSTO|Arab|African|Quad|CICA|Eurasian|EAEU|CIS|C5|C\+C5|Central\s+Asia-China"
    r"|China-Central\s+Asia|peace|climate|nuclear|Russia-Africa|Turkic|OTS|bilateral|Summit\s+of\s+the\s+Future)\b[^.;,]{0,25}$",
    _I,
)
#: The SCO's leaders as the subject: their meeting is a summit ("Leaders of the SCO met in Bishkek").
SCO_LEADERS = re.compile(
    r"\b(?:leaders|heads\s+of\s+(?:state|government))\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation|Shanghai\s+Forum)\b"
    r"|\b(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)(?:['\u2019]s)?\s+(?:leaders|heads\s+of\s+state|member\s+states)\b",
    _I,
)
#: An organisation is what the clause says was founded.
ORGANISATION_WORD = re.compile(
    r"\b(?:SCO|Shanghai|organi[sz]ation|grouping|group|bloc|forum|alliance|union|council|body|structure|bank|fund|club|five)\b", _I
)

#: A phrase that dates an event by the summit it happened at ("at the summit", "on the sidelines").
SUMMIT_ANCHOR = re.compile(
    r"\b(?:at|during|on\s+the\s+(?:sidelines|margins|fringes)\s+of)\s+(?:the|this\s+year['\u2019]s|this\s+week['\u2019]s|last\s+year['\u2019]s|a|an|its|their)\s+"
    r"(?:[\w\u2019'.-]+\s+){0,5}?(?:summit|(?:SCO|annual)\s+(?:meeting|session|gathering))\b"
    r"|\bon\s+the\s+(?:sidelines|margins|fringes)\b(?!\s+of)"
    r"|\b(?:the|this)\s+summit\s+(?:ended|closed|concluded|opened|began|started|wrapped\s+up)\s+with\b",
    _I,
)

#: A word right before a date that makes it a bound, not the day of an event ("since 2001", "by 2030").
DATE_BOUND_BEFORE = re.compile(
    r"\b(?:since|until|till|by|before|after|ahead\s+of|prior\s+to|from|through|throughout|as\s+of|as\s+early\s+as|no\s+later\s+than)\s+(?:the\s+)?$",
    _I,
)
#: Words between a trigger and a later date that give the date to something else
#: ("sanctions linked to the invasion in 2022", "ties that date back to 1991").
BLOCKER = re.compile(
    r"\b(?:linked\s+to|related\s+to|tied\s+to|over|following|since|amid|despite|because\s+of|due\s+to|after|before|until"
    r"|ahead\s+of|dating\s+back|dates\s+back|which|who|that\s+(?:began|started|broke|erupted|happened|took|was|were|had))\b",
    _I,
)
#: A trigger that is the purpose of another event ("travel to Moscow for talks", "to hold talks").
PURPOSE_BEFORE = re.compile(
    r"(?:\bfor|\bto\s+(?:hold|have|sign|discuss|attend|take\s+part\s+in|join))\s+(?:(?:his|her|their|the|a|an|its|new|further)\s+)?(?:[\w-]+\s+)?$",
    _I,
)
#: Negation right before a trigger ("have not met", "no meeting", "does not have any meeting").
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no)\b|n't)\s+(?:(?:have|has|had|be|been|yet|even|ever|any|a|an|the|to|hold|held|get|got|formally|officially)\s+){0,3}$",
    _I,
)
#: Where a clause ends inside a sentence.
CLAUSE_BREAK = re.compile(
    r"[;:]|\s-+\s|,|\((?=[^)]{16,}\))|(?<=\S)\)"
    r"|\b(?:while|whereas|although|though|because|but|who|which|when|where|including|since|until)\b"
    r"|\bas\s+(?=(?:he|she|they|it)\b)|\band\s+(?=(?:is|are|was|were|has|have|had|will|would)\b)",
    _I,
)
#: Breaks that cost more than a comma when tying a date to a trigger.
STRONG_BREAK = re.compile(r"[;:]|\s-+\s|\((?=[^)]{16,}\))")
#: Relative and subordinate clause openers: a date beyond them belongs to that clause.
SUBORDINATE = re.compile(r"(?:,\s*|\b)(?:who|which|while|whereas|although|though|because|but|where|including)\b", _I)
#: Future wording: the event is expected, not reported.
FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:expected|scheduled|due|set|slated|going|planning|likely|poised)\s+to"
    r"|expected\s+to|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|is\s+to|are\s+to|upcoming|forthcoming)\b",
    _I,
)
#: Hedged wording: the event may happen.
MODAL = re.compile(r"\b(?:could|might|may|can)\b(?!\s+have)")
#: A pronoun subject: the actors are named in the sentence before.
PRONOUN = re.compile(r"\b(?:they|their|them|both|the\s+two\s+(?:countries|leaders|sides|men|states|neighbou?rs))\b", _I)
#: Words left off the front of a description.
LEADING = re.compile(
    r"^(?:[\s,;:(\-\"']|\b(?:and|but|while|when|as|during|including|then|also|yet|so|following|with|since|said)\b)+",
    _I,
)
#: Where the words after a noun trigger stop describing it ("Putin's meeting with Xi | showed that...").
NOUN_END = re.compile(r"\b(?:showed|shows|show|was|were|is|are|has|have|had|will|would|could|can|may|might|that|which|who|made|came|took)\b")
#: Words before a trigger that make it a noun ("the meeting", "Putin's visit", "six separate meetings").
NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|this|that|these|those|every|each|any|first|last|next|recent|upcoming)\s+|['\u2019]s\s+)"
    r"(?:(?!(?:was|were|is|are|has|have|had|will|would|be|been|to)\b)[\w-]+\s+){0,2}$",
    _I,
)
#: Words that open a clause whose dates stay inside it ("the war, which Russia launched in 2022, ...").
SUBORDINATOR = re.compile(r"^(?:which|who|whom|whose|when|where|while|whereas|although|though|because|since|until)$", _I)
#: A clause that opens with a preposition: its event belongs to the sentence's subject.
PREPOSITION_START = re.compile(r"^\W*(?:in|at|on|during|with|by|for|from|of|after|before)\b", _I)
#: A clause that opens with a participle in -ing ("Meeting with Putin on the sidelines, Xi ...").
PARTICIPLE_START = re.compile(r"^\W*[A-Za-z]+ing\b")
#: A clause that opens with he or she.
HE_SHE_START = re.compile(r"^\W*(?:he|she)\b", _I)
#: Quoted text: entities named inside are what someone said, not actors.
QUOTED = re.compile(r'"[^"]{1,400}"')
#: Coordination between two dates that form one range or one list ("Wednesday and Thursday", "2020 and 2022").
DATE_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|or|to|through|-|,)\s*$", _I)
#: Words that carry no meaning when descriptions are compared.
STOPWORDS = frozenset(
    "a an the of in on at to for and or but with by from as is are was were be been has have had will would its his her their "
    "this that these those it he she they them which who last next week month year day".split()
)

# --- words the event readers look for inside a sentence

#: The head noun of a summit anchor phrase ("at this year's SCO meeting").
SUMMIT_HEAD = re.compile(r"summit|meeting|session|gathering", _I)
#: An auxiliary that makes a trigger a verb, not a noun ("was established").
AUXILIARY = re.compile(r"(?:was|were|is|are|be|been|being|has|have|had)\b", _I)
#: A coordinator between a date and a later trigger ("in March and bombings in June").
COORDINATOR = re.compile(r"\b(?:and|or|but)\b")
#: A blocker that opens the trigger's own relative clause ("the session that began last week").
OWN_RELATIVE = re.compile(r"(?:which|who|that)\b", _I)
#: The SCO named in a sentence (besides its entity mention).
SCO_NAMED = re.compile(r"\bSCO\b|Shanghai")

# --- descriptions

#: A noun phrase ending right before a noun trigger ("the ... ", "Putin's ...").
NP_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their)\s+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*'s\s+)(?:[\w-]+\s+){0,3}$"
)
#: A preposition left dangling where a date phrase was cut out.
DATE_PREPOSITION = re.compile(r"\s*\b(?:in|on|at|during|of|from|for)\s*$", _I)
#: A word of a description or a slug.
WORD = re.compile(r"[a-z0-9]+")
#: A preposition and an article before a noun description ("at the summit" -> "summit").
NOUN_LEAD = re.compile(r"^(?:(?:in|at|on|during|for|of|by)\s+)?(?:(?:the|a|an)\s+)?(?=\w)", _I)
#: A description that starts with a verb: its actor is joined with a space, not a colon.
VERB_LEAD = re.compile(r"^(?:will|would|has|have|had|is|are|was|were|did|does|[a-z]+ed|[a-z]+s|met|left|began|took|came|went|"
                       r"said|told)\b")
#: A description that starts with a past verb ("founded in 2001").
PAST_LEAD = re.compile(r"^(?:[a-z]+ed|met|left|began|took|came|went|made|held|won|set\s+up)\b")
#: The short subject that opens a sentence, up to its comma ("The bloc, founded in 2001").
HEAD_PHRASE = re.compile(r"^\s*([^,;:]{2,40}?),")
#: Runs of white space.
SPACES = re.compile(r"\s+")
#: White space before punctuation.
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")

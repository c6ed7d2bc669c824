"""Cues that say who came to a summit, who stayed away, who was sent instead and who met whom.

Each cue is a statement about attending; a person merely named near the summit is not.
Patterns run on folded sentence text (text.fold) and are matched case-insensitively.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: A list of attendees follows the cue: "also attended by X and Y", "brings together X and Y",
#: "other leaders attending include X", "also attending is X", "among the guests at the summit are X".
LIST_CUE = re.compile(
    r"\b(?:(?:also\s+)?attended\s+by|joined\s+by|in\s+the\s+presence\s+of|who\s+(?:attended|took\s+part\s+in|joined)\b[^.;:]{0,40}?\b(?:included|include|were|are)|(?:brings|brought|bringing|will\s+bring)\s+together"
    r"|(?:leaders|guests|heads\s+of\s+state|participants|attendees)\s+(?:attending\s+)?(?:will\s+)?(?:include[sd]?|included)"
    r"|attending\s+(?:will\s+)?include|(?:also\s+)?(?:attending|joining|present|participating)\b[^.;:]{0,60}?\b(?:is|are|was|were|will\s+be)"
    r"|among\s+(?:the\s+)?(?:most\s+)?(?:notable\s+|prominent\s+|other\s+|high-profile\s+)?(?:guests|participants|attendees|leaders\s+attending)"
    r"\b[^.;:]{0,60}?\b(?:is|are|was|were|will\s+be))\b",
    _I,
)
#: The subject of the clause is absent.
ABSENT = re.compile(
    r"\b(?:(?:is|was|are|were|will)\s+not\s+(?:be\s+)?(?:attend(?:ing)?|travel(?:l?ing)?|going|coming|present)"
    r"|(?:did|does|do|will)\s+not\s+(?:attend|travel|go|come|take\s+part|participate|join)|(?:is|was)\s+not\s+at\b"
    r"|(?:won't|didn't|doesn't|isn't|wasn't|aren't|weren't)\s+(?:be\s+)?(?:attend(?:ing)?|travel(?:l?ing)?|take\s+part|participate|join|going|coming)"
    r"|(?:\w+ly\s+)?skip(?:s|ped|ping)?\s+(?:the|this)\b|stay(?:s|ed|ing)?\s+away|(?:was|is|were|are|will\s+be)\s+(?:\w+ly\s+)?absent|pulled\s+out"
    r"|(?:is|are|was|were)\s+not\s+(?:expected|due|set|scheduled|likely|going)\s+to\s+(?:attend|travel|come|go|join|take\s+part|participate|be\s+(?:there|present))"
    r"|(?:is|are|was|were)\s+unlikely\s+to\s+(?:attend|travel|come|join|take\s+part|participate)|unable\s+to\s+(?:attend|travel|come|make\s+it|join)"
    r"|(?:could|can|would)\s*(?:not|n't)\s+(?:attend|travel|come|make\s+it|join)|cannot\s+(?:attend|travel|come|make\s+it|join)"
    r"|stayed\s+(?:at\s+)?home|(?:is|was)\s+staying\s+(?:away|at\s+home)|(?:declined|refused|decided\s+not|chose\s+not)\s+to\s+(?:attend|travel|go|come|join)"
    r"|cancel(?:l?ed|s)?\s+(?:his|her)\s+(?:trip|visit|participation|attendance)|(?:will\s+)?miss(?:es|ed)?\s+the\s+(?:summit|meeting)"
    r"|boycott(?:s|ed)?\s+the|(?:gave|give|gives|giving)\s+(?:the\s+\w+|it)\s+a\s+miss|opt(?:s|ed)?\s+out\s+of|(?:has|have)\s+no\s+plans\s+to\s+(?:attend|travel))",
    _I,
)
#: The subject sends someone in their place: "has sent his foreign minister", "is instead sending X".
SENDS = re.compile(
    r"\b(?:has\s+sent|sent|is\s+(?:instead\s+)?sending|will\s+(?:instead\s+)?send|(?:is|was|will\s+be)\s+represented\s+by|delegated|dispatched)\b",
    _I,
)
#: The subject led a country's delegation: "Foreign Minister X led the Indian delegation".
LED_DELEGATION = re.compile(
    r"\b(?:led|leads|leading|headed|heads|heading|will\s+lead|will\s+head|is\s+to\s+lead)\s+(?:the|a|his|her|its)\s+"
    r"(?P<owner>[\w'-]+(?:'s)?\s+)?(?:high-level\s+|official\s+)?delegation\b(?:\s+(?:of|from)\s+(?P<of>[\w'-]+))?",
    _I,
)
#: The subject will be there.
EXPECTED = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:expected|due|set|scheduled|slated|planned|poised|invited)\s+to\s+"
    r"(?:attend|arrive|be\s+present|join|take\s+part|participate|address|visit|travel|lead|hold|meet)"
    r"|expected\s+to\s+(?:attend|arrive|join|take\s+part|participate)"
    r"|(?:is|are)\s+(?:also\s+)?likely\s+to\s+(?:attend|join|take\s+part|participate|travel)|will\s+(?:also\s+)?(?:attend|be\s+(?:present|there|in\s+attendance|attending|among)|join|take\s+part|participate|travel|arrive|address|visit|lead|host|chair)"
    r"|(?:plans|intends|is\s+going|are\s+going|hopes|wants|agreed)\s+to\s+(?:attend|travel|visit|join|take\s+part|participate)"
    r"|(?:is|are)\s+(?:travel(?:l)?ing|heading|flying|due)\s+to\b|(?:is|are)\s+(?:also\s+)?(?:due|expected)\s+(?:in|at)\b|(?:is|are)\s+to\s+(?:attend|visit|travel|arrive|participate)"
    r"|(?:has|have)\s+been\s+invited|will\s+be\s+in\b|(?:has\s+)?(?:confirmed|announced)\s+(?:his|her)\s+(?:participation|attendance|presence|trip|visit)|(?:is|are)\s+(?:also\s+)?(?:on\s+(?:the|a)\s+(?:guest\s+)?list)|(?:was|were)\s+(?:also\s+)?invited)\b",
    _I,
)
#: The subject was (or is) there.
ATTENDED = re.compile(
    r"\b(?:attended(?!\s+by)|attend(?:s|ing)?\s+(?:the|a|this|an)\b|attending\s+(?:as|in|at)\b|took\s+part|takes\s+part|taking\s+part"
    r"|participated|participates|participating\s+in|(?:arrived|arrives|arriving|landed|lands)\b|(?:travel(?:l)?ed|flew|went|came|jetted)\s+(?:on\s+)?to\b|(?:is|are|was|were)\s+(?:currently\s+|now\s+|already\s+)?in\s+(?:the\s+)?\w+(?:\s+capital)?,?\s+(?:to\s+(?:attend|participate|take\s+part|join)|for\s+the\s+(?:\w+\s+){0,3}?(?:summit|meeting|talks|session))"
    r"|(?:is|are|was|were)\s+(?:welcomed|greeted|received|met)\s+(?:at|in|on\s+arrival|upon\s+arrival|by)"
    r"|was\s+(?:also\s+)?greeted|(?:was|were)\s+(?:also\s+)?(?:present|there|in\s+attendance|on\s+hand)|(?:was|were)\s+(?:also\s+)?(?:a|the|among\s+the)\s+(?:special\s+|chief\s+|honou?red\s+)?guests?\b|joined\s+(?:the|other|fellow|leaders|heads|a|his|her|\w+\s+leaders)\b|(?:virtually|online)\s+joined"
    r"|used\s+the\b[^.]{0,40}\bsummit|(?:addressed|addresses|addressing)\s+the\b|(?:hosted|hosts|hosting|chaired|chairs|chairing|presided\s+over)\b"
    r"|(?:delivered|made|gave|gives|delivers|makes)\s+(?:a|an|his|her|the|its)\s+(?:\w+\s+){0,2}(?:speech|address|remarks|statement)"
    r"|(?:said|says|stated|told\s+\w+|stressed|noted|warned|urged|called)\b[^.;]{0,40}\b(?:in|during)\s+(?:his|her|a)\s+(?:\w+\s+)?(?:speech|address|remarks)\s+(?:at|to)\b"
    r"|posed?\s+(?:together\s+)?for\s+(?:a|the)\s+(?:\w+\s+)?(?:group\s+)?photo|took\s+the\s+floor|spoke\s+at\s+the|speaking\s+at\s+the|(?:was|were)\s+(?:also\s+)?among\s+the\s+(?:\w+\s+)?(?:leaders|guests|participants|attendees|heads)"
    r"|told\s+(?:the|fellow|other)\s+(?:[\w'-]+\s+){0,2}?(?:summit|leaders|heads|gathering|meeting|session|plenary)"
    r"|(?:said|says|stressed|noted|warned|urged|declared|stated|added)\s+(?:on\s+\w+\s+)?(?:at|during)\s+the\s+(?:[\w'-]+\s+){0,3}?(?:summit|session|meeting|gathering|plenary)"
    r"|took\s+off\s+for|(?:left|leaves|leaving|departed|departs|set\s+off|sets\s+off|headed|heads|heading)\s+(?:for|to)\b)",
    _I,
)
#: A speech or address the clause's subject gave, stated before the subject: "In her opening remarks, the Kyrgyz Foreign Minister ...".
SPEECH_BEFORE = re.compile(
    r"^\s*(?:(?:in|during)\s+(?:his|her)\s+(?:\w+\s+)?(?:speech|address|remarks)\b"
    r"|(?:speaking|addressing)\s+(?:at\s+|to\s+)?the\s+(?:[\w'-]+\s+){0,3}?(?:summit|session|meeting|gathering|leaders|forum|council|plenary)\b)", _I)
#: The people named around a meeting or greeting word met each other: "X met Y", "talks with Y", "Y, whom X greeted".
MEETING = re.compile(
    r"\b(?:met|meets|(?:will|to|would|shall|and)\s+(?:also\s+)?(?:meet|greet|welcome|hold\s+talks)|meeting|meetings|talks|talked|bilaterals?|discussions|one-on-one"
    r"|exchanged\s+pleasantries|shook\s+hands|greeted|greets|welcomed|welcomes|embraced|stood\s+next\s+to|at\s+the\s+same\s+table"
    r"|sat\s+(?:next\s+to|beside)|contacts)\b",
    _I,
)
#: Habits, not events: "the two leaders meet rarely".
HABITUAL = re.compile(r"\b(?:rarely|seldom|never|often|usually|regularly|frequently|routinely)\b", _I)
#: Words that make a greeting or a meeting word something else: "welcomed the decision", "meeting point".
NOT_MEETING_AFTER = re.compile(r"^\s*(?:the|a|an|this|that|these|its|their|his|her|our|moves?|steps?|decisions?|proposals?|news|efforts?)\b(?!\s+(?:leaders?|presidents?|guests?|delegations?|counterparts?|heads?|prime|chinese|russian|indian))", _I)
#: Someone named after these hosted or invited the gathering: "hosted by X", "at the invitation of X".
HOSTED_BY = re.compile(
    r"\b(?:hosted\s+by|at\s+the\s+invitation\s+of|chaired\s+by|presided\s+over\s+by|invited\s+by)\b", _I)
#: The clause places its people at the summit's margins: "met on the sidelines".
SIDELINES = re.compile(r"\bon\s+the\s+(?:sidelines|margins)\b|\bon\s+the\s+side\s+lines\b", _I)
#: The clause is about the summit itself: "at the summit", "during the SCO meeting".
AT_SUMMIT = re.compile(
    r"\b(?:at|during|on\s+the\s+eve\s+of|ahead\s+of|for|to|in)\s+(?:the|this|this\s+year's|today's|a)\s+(?:\w+[\s-]+){0,4}?(?:summit|session|gathering|meeting\s+of\s+the\s+(?:sco|shanghai)|sco\s+(?:meeting|meet))\b", _I)
#: Future or modal wording: what is said has not happened yet.
FUTURE = re.compile(
    r"\b(?:will|would|shall|is\s+expected|are\s+expected|plans?|planned|intends?|is\s+due|are\s+due|is\s+set|are\s+set|is\s+scheduled|are\s+scheduled"
    r"|to\s+be\s+held|is\s+to|are\s+to|upcoming|next\s+week|tomorrow|is\s+likely|may|might|could|possible|possibly)\b", _I)
#: A cue in the past tense: it happened.
PAST = re.compile(r"\b(?:\w+ed|took|met|held|gave|made|spoke|sat|stood|shook|sent|led|was|were|had)\b", _I)
#: Where a clause ends: a stop, a semicolon, a dash, or ", while"/", but".
CLAUSE_BREAK = re.compile(r"[;:.!?\n]|\s[\u2013\u2014-]\s|\s--\s|,\s+(?:while|but|whereas|although|though)\b")
#: Words that never stand inside a list of people: a verb of saying or a relative clause starts a new one.
NOT_IN_LIST = re.compile(
    r"\b(?:said|says|say|told|tells|noted|added|stated|announced|according|reported|who|whom|whose|which|that|is|are|was|were|has|have|had"
    r"|will|would|met|meet|meeting|with|to|after|before|when|while|because|if|than|by|from|against|about|called|asked|thanked|urged)\b", _I)
#: What may separate two people of one list: a comma, "and", "as well as", "along with".
LIST_JOIN = re.compile(r",|&|\band\b|\bas\s+well\s+as\b|\balong\s+with\b|\btogether\s+with\b|\bplus\b", _I)
#: Reporting words between a person and a cue: the person reports, someone else is the subject.
REPORTING = re.compile(
    r"\b(?:said|says|told|tells|telling|noted|added|stated|announced|according\s+to|reported|confirmed|quoted|cited|hinted|claimed|believes?)\b", _I)
#: Words right before a person that make them no subject or co-participant: "by X", "to X", "from X".
NOT_PARTICIPANT_BEFORE = re.compile(
    r"\b(?:to|from|against|about|than|like|unlike|for|on|of|over|by|sanctions\s+on)\s+(?:(?:the|(?-i:[A-Z])[\w'.-]*)\s+){0,3}$", _I)
#: Time words that place a statement at another time than the summit.
OTHER_TIME = re.compile(
    r"\b(?:last|previous|past)\s+(?:year|month|week|summit|time)|\bearlier\s+this\s+(?:year|month)|\b(?:a|one|two|three|several|\d+)\s+(?:years?|months?|weeks?)\s+ago\b"
    r"|\bnext\s+(?:year|month|week)|\bprevious\s+(?:visit|trip|meeting|summit)|\bin\s+the\s+past\b|\bfirst\s+time\s+since\b|\bformer\b|\b(?:quite\s+)?recently\b|\bpreviously\b|\bonce\s+again\b", _I)
#: A four-digit year that dates an event (not "since 2018", "until 2030").
EVENT_YEAR = re.compile(r"(?<!since\s)(?<!until\s)(?<!through\s)(?<!by\s)\b((?:19|20)\d\d)\b")
#: A month name placing an event ("in May", "on June 15"): compared with the summit's months.
EVENT_MONTH = re.compile(
    r"\b(?:in|on|since|last|this|early|mid|late|mid-)\s*(january|february|march|april|may|june|july|august|september|october|november|december)\b", _I)
#: Locatives before a place: the place is where the statement happens.
LOCATIVE = re.compile(
    r"\b(?:in|to|at|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)\s+in|landed\s+in|trip\s+to|visit\s+to|travel(?:s|led|ed)?\s+(?:on\s+)?to)\s+(?:the\s+)?(?:(?:(?-i:[A-Z])[\w'-]*|nation|country|capital|city|republic|state|resort|town|of)\s+){0,4}$", _I)
#: After a demonym: it names a place ("the Kazakh capital"), not a person's state ("the Iranian president").
PLACE_AFTER_DEMONYM = re.compile(r"\s+(?:capital|city|resort|town|port|soil)\b", _I)
#: A summit named in the clause: "the summit", "SCO summit", "the 2022 summit", "last year's summit".
SUMMIT_WORD = re.compile(r"\bsummit\b|\bcouncil\s+of\s+heads\s+of\s+state\b", _I)
#: Relative summit references: the previous or the next summit.
PREVIOUS_SUMMIT = re.compile(r"\b(?:last|previous|past)\s+(?:year's\s+)?(?:\w+\s+){0,2}(?:summit|session)\b|\blast\s+year's\b[^.;]{0,30}\bsummit\b", _I)
NEXT_SUMMIT = re.compile(r"\b(?:next|following|upcoming\s+\d{4})\s+(?:year's\s+)?(?:\w+\s+){0,2}(?:summit|session|meeting)\b|\bnext\s+year's\b", _I)
#: A token of a verbless photo caption besides its people: joiners, day names, capitalised names and credits.
CAPTION_TOKEN = re.compile(r"[\w'-]+|[^\s\w]")
CAPTION_ALLOWED = frozenset(
    """, & ( ) ' . and on at in the of from left right l-r r-l center centre during summit meeting photo group pose posing for a
    monday tuesday wednesday thursday friday saturday sunday""".split())
#: A plural office before a list of states: "the presidents of Kyrgyzstan, Mongolia and Pakistan", "counterparts from China".
PLURAL_OFFICE = re.compile(
    r"\b(?:the\s+)?(?P<office>leaders|presidents|heads\s+of\s+state(?:\s+and\s+(?:of\s+)?government)?|heads|counterparts|prime\s+ministers|premiers"
    r"|foreign\s+ministers)\s+(?:of|from)\s+(?:the\s+)?$", _I)
#: The role word (patterns of roles.csv) of each plural office; "leader" for the rest.
PLURAL_ROLE = {"presidents": "president", "prime ministers": "prime minister", "premiers": "premier", "foreign ministers": "foreign minister"}
#: Demonyms before "counterparts": "his Chinese and Kyrgyz counterparts".
COUNTERPARTS_AFTER = re.compile(r"^\s+(?:counterparts?|leaders|presidents)\b", _I)
#: A singular office before a state: "the President of the Republic of Belarus", "the acting president of Iran".
OFFICE_OF = re.compile(
    r"\b(?:the\s+)?(?P<role>(?:acting|interim)\s+president|president|prime\s+minister|premier|leader|head\s+of\s+state|head\s+of\s+government"
    r"|king|emir|foreign\s+minister)\s+of\s+(?:the\s+)?$", _I)
#: A bare definite office standing for someone named before: "the head of state then addressed the plenary".
BARE_OFFICE = re.compile(r"\b(?:the|this)\s+(?:head\s+of\s+state|president|prime\s+minister|premier|leader)\b(?!\s+of\b)(?!\s+(?-i:[A-Z]))", _I)
#: Subject pronouns that stand for the last person named.
PRONOUN = re.compile(r"\b(?P<p>he|she)\b", _I)
#: Between two joined people or between a subject and its verb: titles and the state they hold office of.
OF_STATE = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
#: Before a person: they report the statement ("according to X, ...").
REPORTER_BEFORE = re.compile(
    r"\baccording\s+to\s+(?:[^,.;]{0,60}\b(?:adviser|advisor|aide|spokes\w+|official|minister|secretary|assistant|envoy|ambassador|source)\b[^,.;]{0,40},\s*"
    r"|[^,.;]{0,60})$", _I)
#: After a person: they report the statement ("..., X told reporters").
REPORTER_AFTER = re.compile(r"^(?:\s*,)?\s*(?:[\w'-]+\s+){0,2}?(?:said|says|told|tells|telling|noted|added|announced|stated|reported|wrote|declined\s+to\s+(?:comment|give|say))\b", _I)
#: Between a person and a cue: a new clause begins, whose subject is someone else ("X, whose aide", "X said that").
SUBORDINATE = re.compile(r"\b(?:that|whom|whose|which|because|if)\b", _I)
#: Cues whose object came too: "hosted X", "joined X".
HOSTING = re.compile(r"\b(?:hosted|hosts|hosting|host)\b", _I)
JOINING = re.compile(r"(?:virtually\s+|online\s+)?joined\b", _I)
#: Greeting words, which also take things as objects ("welcomed the decision").
GREETING = re.compile(r"(?:greet|welcom)", _I)
#: A past form of "be" in a list cue: "attending were".
PAST_BE = re.compile(r"\b(?:was|were)\b", _I)
#: What joins two states of one list: "Russia, Turkey and Uzbekistan", "Chinese and Kyrgyz".
STATE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", _I)
#: Where the words a statement covers stop after its cue: a new clause of another time or subject.
TAIL_CUT = re.compile(
    r"\b(?:before|after|when|while|because|since|which|who|whom|where|although|though|just|but|whereas|unlike)\b|[;:.!?]", _I)
#: A summit of another body: "the G20 summit", "a Group of Eight summit", "the BRICS summit".
OTHER_BODY_SUMMIT = re.compile(
    r"\b(?:G-?\d+|Group\s+of\s+(?:Seven|Eight|Twenty)|BRICS|NATO|ASEAN|EU|CSTO|CICA|CIS|EAEU|APEC|Arab\s+League|C5|Central\s+Asia(?:n)?(?:-\w+)?)"
    r"\s+(?:\w+\s+){0,2}?summit\b", _I)
#: "last year's summit", "next year's meeting": a summit a year before or after.
LAST_YEAR = re.compile(r"\blast\s+year\b", _I)
NEXT_YEAR = re.compile(r"\bnext\s+year\b", _I)
#: Words right before a person that make them no subject: those of NOT_PARTICIPANT_BEFORE and "with" ("talks with X"),
#: but not "along with X".
NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:to|from|against|about|than|like|unlike|for|on|of|over)|(?<!along\s)(?<!together\s)\bwith)\s+(?:(?:the|(?-i:[A-Z])[\w'.-]*)\s+){0,3}$", _I)
#: A meeting of ministers or of heads of government, not of the heads of state: "the foreign ministers' summit".
OTHER_MEETING = re.compile(
    r"\b(?:foreign|defen[cs]e|interior|trade|economy|economic|finance|energy|transport|culture|education|health|agriculture|justice)\s+"
    r"minist(?:ers'?|ries|erial)\s+(?:(?!to\b|for\b|at\b)\w+\s+){0,2}?(?:summit|meeting|council|session|talks|conference)\b"
    r"|\bcouncil\s+of\s+(?:foreign\s+ministers|heads\s+of\s+government|ministers)\b|\bheads\s+of\s+government\b|\bministerial\s+(?:meeting|summit|session)\b", _I)
#: What ends the head of a clause before a statement: a reporting verb, "that", "according to ...,".
CLAUSE_HEAD_END = re.compile(
    r"\b(?:said|says|told|tells|noted|added|stated|announced|reported|confirmed|hinted|claimed|that|which|who|whom|when|while|as)\b"
    r"|\baccording\s+to\s+[^,]{0,80},|,\s+(?:and|but|yet|so)\b|,\s*(?:who|which|whose)\b[^,]*,", _I)
#: After an attended cue, people who were there with the subject: "posed for a group photo with X".
WITH_AFTER = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+(?:with|alongside)\s+", _I)
#: Before or after a city: it is where a meeting is held ("the summit in Qingdao", "the Qingdao summit").
SUMMIT_CITY_BEFORE = re.compile(
    r"\b(?:summit|meeting|session|gathering|council)\s+(?:(?:was\s+)?(?:held|hosted|took\s+place)\s+)?(?:in|at|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$", _I)
SUMMIT_CITY_AFTER = re.compile(r"(?:'s)?\s+(?:SCO\s+)?summit\b", _I)
#: After a person's possessive: their coming or their part in the summit ("X's arrival in Astana", "X's speech at the summit").
POSSESSIVE_CUE = re.compile(
    r"'s?\s+(?:(?:first|second|third|\w+th|expected|planned|scheduled|upcoming|surprise|virtual|online)\s+)?"
    r"(?:arrival|participation|attendance|presence|speech|address|trip\s+to|visit\s+to)\b", _I)
#: Taking part from afar: a leader who "did not travel" but joined "via video link" attended.
VIRTUAL = re.compile(r"\b(?:via|by|through|over)\s+(?:a\s+)?video(?:\s*(?:link|conference|call))?\b|\bvirtually\b|\bonline\b|\bremotely\b|\bvideoconference\b", _I)
#: Absence cues that a virtual part contradicts: not travelling, staying home.
NOT_TRAVELLING = re.compile(r"travel|come|go|home|make\s+it", _I)
#: Words that announce what is still to come: "X's participation was confirmed".
ANNOUNCED = re.compile(r"\b(?:confirmed|announced|planned|awaited|expected|scheduled)\b", _I)
#: Between a clause's start and its cue: only adverbs, so the clause shares the sentence's subject ("X ..., but attended").
SHARED_SUBJECT = re.compile(r"^\s*(?:(?:also|later|then|still|nonetheless|eventually|instead|only|and|but)\s+)*$", _I)
#: A relative clause between a subject and its verb ("X, who attended the 2023 summit, skipped this one").
RELATIVE_BETWEEN = re.compile(r",\s*(?:who|which|whose)\b[^,]*,", _I)
#: Departures: the traveller is on the way (expected before the summit, there after it).
DEPARTURE = re.compile(r"(?:took\s+off|left|leaves|leaving|departed|departs|set\s+off|sets\s+off|headed|heads|heading)\b", _I)
#: The subject is in a place named right after: "X and Y were both in Bishkek", "X is already in the Kazakh capital".
IN_PLACE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:both|all|also|already|currently|now|still)\s+)*in\s+(?:the\s+)?", _I)
#: A state that hosts or chairs the summit: its leader is the host ("Uzbekistan hosts the summit").
STATE_HOSTS = re.compile(
    r"\b(?:hosts|hosted|is\s+hosting|was\s+hosting|will\s+host|chairs|chaired|is\s+chairing|will\s+chair)\s+(?:the|this|this\s+year's)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:summit|meeting|session|gathering)\b", _I)
#: Between a state and its verb: nothing, or one appositive ("Uzbekistan, the current chair of the bloc, hosts").
STATE_SUBJECT_GAP = re.compile(r"\s*(?:,[^,;.]{0,80},)?\s*|\s*\([^)]{0,30}\)\s*", _I)
#: After a person: they are the summit's host ("Tokayev, the summit host, ...", "X, the host,").
HOST_APPOSITIVE = re.compile(r"\s*,\s*(?:the\s+)?(?:(?:summit|meeting|gathering)(?:'s)?\s+)?(?:host|chair|chairman|chairwoman)\b(?!\s+(?:of|to)\s+(?!the\s+(?:summit|meeting)))", _I)

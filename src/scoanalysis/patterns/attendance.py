"""Cues that say who came to a summit, who stayed away and who was sent instead."""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: A list of attendees follows: "also attended by X and Y", "other leaders attending include X".
LIST_CUE = re.compile(
    r"\b(?:(?:also\s+)?attended\s+by|(?:leaders|guests|heads\s+of\s+state|participants)\s+(?:attending\s+)?(?:will\s+)?include"
    r"|attending\s+(?:will\s+)?include|guests\s+include|joined\s+by)\b",
    _I,
)
#: The subject of the clause is absent.
ABSENT = re.compile(
    r"\b(?:(?:is|was|are|were|will)\s+not\s+(?:be\s+)?attend(?:ing)?|(?:did|does|do|will)\s+not\s+attend|(?:is|was)\s+not\s+at\b"
    r"|(?:won't|didn't|doesn't|isn't|wasn't)\s+(?:be\s+)?attend(?:ing)?|skip(?:s|ped|ping)?\s+the\b|stay(?:s|ed|ing)?\s+away|"
    r"(?:was|is|will\s+be)\s+absent|pulled\s+out|stayed\s+(?:at\s+)?home|(?:is|was)\s+staying\s+(?:away|at\s+home))",
    _I,
)
#: The subject sends someone in their place: "has sent his foreign minister", "is instead sending X".
SENDS = re.compile(r"\b(?:has\s+sent|sent|is\s+(?:instead\s+)?sending|will\s+send|(?:is|was)\s+represented\s+by|delegated)\b", _I)
#: The subject will be there.
EXPECTED = re.compile(
    r"\b(?:(?:is|are)\s+expected\s+to\s+(?:attend|arrive|be\s+present|join|take\s+part)|will\s+(?:also\s+)?(?:attend|be\s+(?:present|there|in\s+attendance)|join|take\s+part|travel)"
    r"|(?:plans|intends)\s+to\s+attend|(?:has\s+)?said\s+(?:he|she)\s+will\s+attend|(?:is|are)\s+(?:due|set|scheduled)\s+to\s+(?:attend|arrive|join)"
    r"|will\s+(?:meet|hold\s+(?:talks|meetings))|expected\s+to\s+arrive)\b",
    _I,
)
#: The subject was there.
ATTENDED = re.compile(
    r"\b(?:attended|attend(?:s|ing)?\s+the\b|attending\s+(?:as|in|at)\b|took\s+part|participated|(?:arrived|arrives|landed)\b"
    r"|was\s+greeted|was\s+(?:present|there)"
    r"|used\s+the\b[^.]{0,40}\bsummit|addressed\s+the\b[^.]{0,30}\b(?:summit|meeting|leaders)|hosted\s+the\b|chaired\s+the\b)",
    _I,
)
#: Everyone named in the sentence was at the summit's margins: "met on the sidelines".
SIDELINES = re.compile(r"\bon\s+the\s+(?:sidelines|margins)\b", _I)
#: Future or modal wording: what is said has not happened yet.
FUTURE = re.compile(r"\b(?:will|would|is\s+expected|are\s+expected|plans?|intends?|is\s+due|is\s+set|is\s+scheduled|to\s+be\s+held)\b", _I)
#: Where a clause ends: a stop, a semicolon, a dash, or ", while"/", but".
CLAUSE_BREAK = re.compile(r"[;:.!?]|\s[\u2013\u2014-]\s|,\s+(?:while|but|whereas|although)\b")
#: What may stand between two coordinated names: a comma or "and", then titles ("Uzbekistan President").
JOINED = re.compile(r"^(?:\s*,)?\s*(?:and\s+)?(?:(?:[A-Z][\w'.-]*|of|the)\s+)*$")

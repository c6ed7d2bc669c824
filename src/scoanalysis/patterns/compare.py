"""Patterns that betray machine translation or garbled scraping."""

from __future__ import annotations

import re

#: A capitalised function word inside a sentence, after a lower-case word: "killed The worst",
#: "arrive on wednesday In Astana", "North Korea And Vietnam". ("The" only before a lower-case word,
#: so "told The Associated Press" does not count.)
MIDSENTENCE_CAPITAL = re.compile(
    r"(?<=[a-z] )(?:And|Or|In|Of|With|For|To|At|On|Since|But|Contributed)(?= \w)"
    r"|(?<=[a-z] )The(?= [a-z])"
)
#: A sentence break inside a sentence followed by a lower-case word: "expand its business. for the past".
LOWERCASE_AFTER_STOP = re.compile(r"(?<=[a-z]{2}\.) (?=[a-z]{2,} )")
#: A weekday or month written in lower case: "on wednesday".
LOWERCASE_CALENDAR_WORD = re.compile(
    r"\b(?:on|last|next|this|by|until|since) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)

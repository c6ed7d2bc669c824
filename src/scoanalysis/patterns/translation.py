"""Patterns for the clues of machine translation or garbled scraping (scoanalysis.translation)."""

from __future__ import annotations

import re

# Each pattern marks its clue with the group ``clue`` (the span reported as evidence). Patterns run
# on the folded text of one sentence (text.fold: same length, curly quotes straightened).

#: A capitalised function word inside a sentence, right after an all-lower-case word: "killed The
#: worst", "arrive on wednesday In Astana", "North Korea And Vietnam". The word before must be all
#: lower case, so Title Case names ("Council On Foreign Relations", "Institute For Strategic
#: Studies") do not count; "The" counts only before a lower-case word, so "told The Associated
#: Press" does not either.
MIDSENTENCE_CAPITAL = re.compile(
    r"(?<![\w'.-])[a-z]+ (?P<clue>(?:And|Or|In|Of|With|For|To|At|On|From|By|Since|But|Contributed))(?= [\w\"'])"
    r"|(?<![\w'.-])[a-z]+ (?P<clue2>The)(?= [a-z])"
)
#: A full stop inside a sentence followed by a lower-case word: "expand its business. for the past"
#: (when the sentence splitter did not split there). The caller skips abbreviations ("etc. and").
LOWERCASE_AFTER_STOP = re.compile(r"(?<![\w.])(?P<before>[A-Za-z]*[a-z]{2})\. (?P<clue>[a-z]{2,})(?= )")
#: A sentence that opens with a lower-case word: "cool down Since then", "for the past 12 years".
#: Words with a capital or digit inside ("iPhone", "eBay", "3pm") and name particles do not count.
LOWERCASE_SENTENCE_START = re.compile(
    r"^[\"'(\[]?(?P<clue>(?!(?:de|da|di|du|van|von|der|den|al|el|bin|ibn|ul)\b)[a-z]{2,})\b(?![\w'-]*[A-Z0-9])"
)
#: The last word of a sentence when it ends with a period ("etc." -> "etc").
FINAL_WORD = re.compile(r"(?<![\w.])(?P<word>[A-Za-z]+)\.[\"')\]]*\s*$")
#: A weekday written in lower case after a preposition: "on wednesday".
LOWERCASE_CALENDAR_WORD = re.compile(
    r"\b(?:on|last|next|this|by|until|since|from|before|after) (?P<clue>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
#: A place noun without its article between a preposition and a name: "in Kazakh capital Astana",
#: "to capital Astana" (English needs "the"). Headlines drop articles on purpose; the caller skips them.
DROPPED_ARTICLE = re.compile(
    r"\b(?:in|at|to|from|near|into|outside|across|around|inside|towards?|visit(?:ed|ing|s)?)"
    r" (?P<clue>(?:[A-Z][a-z]+ )?(?:capital|city|town|port|province|region|village|republic))"
    r"(?= (?:of )?[A-Z][a-z])"
)
#: A sentence that starts with a reporting verb and no subject: "Said Belarus will be declared".
#: ("Said Putin: ..." and "Said to be..." do not count: a name must follow, then an auxiliary.)
SUBJECT_DROPPED = re.compile(
    r"^(?P<clue>(?:Said|Added|Noted|Stressed|Stated|Announced|Declared) [A-Z][\w-]+(?: [A-Z][\w-]+)?)"
    r" (?:will|would|is|was|has|had|could|can|may|might|must|should|are|were)\b"
)
#: A list that names one item twice: "Pakistan, India and Pakistan".
REPEATED_LIST_ITEM = re.compile(
    r"\b(?P<clue>(?P<item>[A-Z][a-z]{2,}(?: [A-Z][a-z]+)?), (?:[A-Z][a-z]+(?: [A-Z][a-z]+)?, )*"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?,? (?:and|or) (?P=item))\b"
)
#: A short broken sentence that ends in a comma or semicolon: "Iran,".
FRAGMENT = re.compile(r"^(?P<clue>(?:\S+ ){0,3}\S+[,;])\s*$")
#: A capitalised word that may be a name, for the name-spelling clue (five letters or more).
NAME_WORD = re.compile(r"(?<![\w'-])[A-Z][a-z]{4,}(?![\w-])")

"""Patterns for framing: the syntax of theme terms and how a term becomes a regex."""

from __future__ import annotations

import re

#: A valid theme term (data/reference/themes.csv): lower case words, digits, spaces, hyphens,
#: periods and apostrophes; ``*`` at the end of a word for any ending; ``&`` between parts that
#: must all occur in one sentence ("india&china").
TERM_SYNTAX = re.compile(r"^[a-z0-9.'\-]+\*?(?: [a-z0-9.'\-]+\*?)*(?:&[a-z0-9.'\-]+\*?(?: [a-z0-9.'\-]+\*?)*)*$")
#: What may not touch a term on either side (letters and digits), so "eu" is not found in "Europe".
TERM_LEFT_EDGE = r"(?<![a-z0-9])"
TERM_RIGHT_EDGE = r"(?![a-z0-9])"
#: A hyphen or space inside a term matches a hyphen, a space, or nothing ("anti-western",
#: "anti western", "antiwestern"); a run of spaces matches any white space.
TERM_HYPHEN = r"[-\s]?"
TERM_SPACE = r"\s+"
#: What a ``*`` stands for: the rest of the word (letters, digits, inner hyphens and apostrophes).
TERM_WILDCARD = r"[a-z0-9'\-]*"
#: Punctuation stripped from a token before it is reported as a tone driver.
DRIVER_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
#: A multi-word proper name in Title Case ("United States", "International Criminal Court",
#: "Institute for Strategic Studies"): VADER would score its words ("united", "criminal"), so
#: they are blanked before scoring. Two capitalised words at least, small joining words allowed.
TITLE_CASE_NAME = re.compile(
    r"(?<![\w'-])[A-Z][\w'.-]*(?:\s+(?:(?:of|for|and|the|on|de|du|al)\s+)?[A-Z][\w'.-]*)+"
)
#: A run of non-space characters (a name's word, replaced by a neutral placeholder).
NON_SPACE_RUN = re.compile(r"\S+")

"""Patterns for near-duplicate search (scoanalysis.duplicates) and the side-by-side view of two articles."""

from __future__ import annotations

import re

#: Possessive and contraction endings removed before stemming ("Russia's" -> "russia").
POSSESSIVE = re.compile(r"'s?$|'(?:re|ve|ll|d|t)$")

#: Two marked words with only white space between them: "</del> <del>" (merged into one mark).
ADJACENT_MARKS = re.compile(r"</(del|ins)>(\s+)<\1>")

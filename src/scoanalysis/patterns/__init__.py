"""Regular expressions and lexicons, compiled once at import, one module per stage."""

from __future__ import annotations

import re


def trie_alternation(words) -> str:
    """Return a regex (no anchors) matching exactly `words`, longest first, built as a trie.

    A plain ``a|ab|abc`` alternation of thousands of names makes the regex engine
    try each name at each position; a trie shares prefixes ("Xi Jinping|Xinjiang"
    becomes "Xi(?: Jinping|njiang)"), which is many times faster and matches the
    same strings, preferring the longest at each position.
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _to_regex(trie) if trie else "(?!)"


def _to_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _to_regex(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body

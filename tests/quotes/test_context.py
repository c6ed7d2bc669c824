"""The reporter's words around quotations: tokens and cue verbs."""

from __future__ import annotations

import pytest

from scoanalysis.patterns import quotes as P
from scoanalysis.quotes import context


@pytest.mark.parametrize("raw", [
    "Putin SAID that, according to Xi, the bloc Called For calm; he Added: \ue000\ue000",
    "\u201cWe will win,\u201d Mr. Putin said, referring to the talks, and pointed out what it terms splittism.",
    "Caf\u00e9 owners said so; \u0130stanbul officials told reporters",  # cased non-ASCII letters
    "He SA\u0130D and \u017faid, then a\u017fked and as\u212aed; Stra\u00dfe officials TOLD",  # letters re.I takes for ASCII
])
def test_cues_are_found_as_the_case_blind_pattern_finds_them(raw):
    def groups(m) -> dict:
        return {k: raw[m.start(k) : m.end(k)].lower() if m.start(k) >= 0 else "" for k in m.groupdict()}

    want = [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()}) for m in P.CUE.finditer(raw)]
    got = [(m.span(), groups(m)) for m in P.find_cues(raw)]
    assert got == want


def test_nouns_and_passives_are_no_cues():
    ctx = context.Context("The claims he said; Russia’s warning; it will be declared; analysts noted", 0, [(0, 73)], 0)
    assert [c.text for c in ctx.cues] == ["said", "noted"]


def test_tokens_split_glued_words_and_keep_title_periods():
    toks = context.tokenize("VietnamTheresa Fallon and Ms. Yau, Harsh V. Pant")
    assert [t.text for t in toks] == ["Vietnam", "Theresa", "Fallon", "and", "Ms.", "Yau", ",", "Harsh", "V.", "Pant"]
    assert [t.glued for t in toks][:3] == [False, True, False]

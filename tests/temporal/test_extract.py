"""Finding timexes: what is not a date, case and letters, captions and debris, rule gates, rows per article."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoanalysis import temporal
from scoanalysis import text as textmod
from scoanalysis.temporal import extract
from scoanalysis.temporal.mentions import Row
from temporal.texts import FRI, only_row, timexes_at

# --------------------------------------------------------------------------- things that are not dates

NOT_TIMEXES = [
    ("Russia may encroach on their lands as well.", "may"),
    ("Russia’s invasion of Ukraine may have sowed divisions.", "may"),
    ("Russia May Encroach On Central Asia", "May"),
    ("Theresa May met Xi in Beijing.", "May"),
    ("The March on Washington drew crowds.", "March"),
    ("Protesters began the march on the capital.", "march"),
    ("Gunmen killed 145 people at a concert hall.", "145"),
    ("India sources more than 50% of its equipment from Russia.", "50"),
    ("At least 21 people were killed.", "21"),
    ("They have met more than 40 times.", "40"),
    ("More than 99 percent of investment comes from China.", "99"),
    ("Russia sent 2000 troops.", "2000"),
    ("Ties date back to the Cold War.", "Cold War"),
    ("They meet for the second time in as many months.", "months"),
    ("Shoppers crowded stores on Black Friday.", "Friday"),
    ("Russia Today reported the talks.", "Today"),
    ("Modi will hold one-on-one meetings.", "one"),
    ("Saudi Vision 2030 was discussed.", "2030"),
]


@pytest.mark.parametrize("sentence,token", NOT_TIMEXES)
def test_not_a_timex(sentence, token):
    found = timexes_at(sentence, FRI)
    assert not any(token in t for t in found["text"]), found[["text", "value"]]


def test_no_timex_in_plain_prose():
    assert timexes_at("Kazakhstan has refused to toe the Moscow line.", FRI).empty


def test_weekday_names_in_lower_case():
    assert only_row(timexes_at("Putin will arrive on wednesday.", FRI), "wednesday")["value"] == "2022-09-21"


def test_captions_searched_debris_skipped():
    sents = pd.DataFrame({
        "article_id": ["a", "a"], "sentence_id": [0, 1], "start": [0, 40], "end": [39, 52],
        "text": ["Leaders attend the summit on Sept. 16.", "Share 2 June"], "is_boilerplate": [True, True],
        "paragraph_id": [0, 1], "kind": ["caption", "prompt"],
    })
    found = temporal.timexes(sents, published={"a": FRI})
    assert found["text"].tolist() == ["Sept. 16"]
    assert (found["start"].iloc[0], found["end"].iloc[0]) == (29, 37)


# --------------------------------------------------------------------------- rule gates


def _ungated_candidates(folded: str, raw: str):
    """What ``extract.candidates`` finds when every rule's regex runs, for comparison with the gated one."""
    from scoanalysis.patterns import temporal as P

    out = []
    for rule, rx in P.RULES:
        for m in rx.finditer(folded):
            if m.end() == m.start():
                continue
            c = extract.BUILDERS[rule](m, folded, raw)
            if c is not None:
                out.extend(c) if isinstance(c, list) else out.append(c)
    out.sort(key=lambda c: (-(c.e - c.s), P.RULE_ORDER[c.rule], c.s))
    taken = []
    for c in out:
        if all(c.e <= t.s or c.s >= t.e for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.s)


_GATE_WORDS = (
    "Monday Mondays on Sept. 16 15-16 2022 1990s in last next this week weekend year years ago later before after "
    "the a two twenty-one half and - / , early mid hours of Friday morning tonight Today yesterday May may March "
    "spring fall century 21st every each per Annually twice times a.m. 10:30 noon noonday midnight GMT recently "
    "soon now present-day these days moment future coming few ahead recent past weeks decades for several "
    "year-long seconds 1,000 since 2020-2022 2019/20 12/09/2022 2022-09-16 16.09.2022 Thursday JANUARY Jan. Dec "
    "31st December following earlier first quarter more than almost about SCO summit was will has"
).split()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_GATE_WORDS), st.sampled_from([" ", ", ", "-", "", "  "])), min_size=1,
                max_size=14))
def test_rule_gates_never_hide_a_match(parts):
    raw = "".join(w + sep for w, sep in parts)
    folded = textmod.fold(raw)
    assert repr(extract.candidates.__wrapped__(folded, raw)) == repr(_ungated_candidates(folded, raw))


@pytest.mark.parametrize("raw", [
    "They met on ſunday.",  # a letter that is "s" only ignoring case: every rule runs
    "The KELVIN report of 2022 came at noonday, at 10:30 GMT, on the 5th century anniversary.",
    "Leaders arrived on Tuesday, Sept. 13, 2022, for the summit in Samarkand.",
])
def test_rule_gates_on_awkward_text(raw):
    folded = textmod.fold(raw)
    try:
        expected = repr(_ungated_candidates(folded, raw))
    except Exception as e:  # noqa: BLE001 - the gated version must fail the same way
        with pytest.raises(type(e)):
            extract.candidates.__wrapped__(folded, raw)
        return
    assert repr(extract.candidates.__wrapped__(folded, raw)) == expected


# --------------------------------------------------------------------------- rows per article


def test_by_article_fills_and_orders():
    frame = pd.DataFrame({
        "article_id": ["b", "a", "a", "b"], "sentence_id": [0, 1, 0, 1], "start": [0, 10, 0, 5],
        "end": [4, 14, 9, 9], "text": ["x", None, "y", "z"], "kind": ["body", None, "caption", "body"],
        "paragraph_id": [0, None, 0, 1],
    })
    got = extract.by_article(frame)
    assert [(a, [tuple(r) for r in rows]) for a, rows in got] == [
        ("a", [(0, 0, "caption", "y", 0), (1, 10, "body", "", 1)]),
        ("b", [(0, 0, "body", "x", 0), (1, 5, "body", "z", 1)]),
    ]
    assert all(type(r) is Row for _, rows in got for r in rows)
    frame.loc[0, "start"] = 5  # a tie: the frame's order is kept
    assert [r.sentence_id for r in extract.by_article(frame)[1][1]] == [0, 1]


def test_by_article_reads_ids_that_are_not_text_and_columns_that_are_missing():
    frame = pd.DataFrame({"article_id": [10, 9, 10], "sentence_id": [0, 0, 1], "start": [3.0, 0.0, 0.0],
                          "text": ["On Friday.", "Today.", "Then"]})
    got = extract.by_article(frame)
    assert [a for a, _ in got] == ["9", "10"]
    assert [tuple(r) for r in got[1][1]] == [(1, 0.0, "body", "Then", 1), (0, 3.0, "body", "On Friday.", 0)]
    assert extract.by_article(frame.iloc[:0]) == [] and extract.by_article(None) == []


# --------------------------------------------------------------------------- reported bugs


@pytest.mark.parametrize("text, span, value", [
    ("The council meets every ſunday in the square.", "every ſunday", "XXXX-WXX-7"),
    ("The council meets every Sunday in the square.", "every Sunday", "XXXX-WXX-7"),
])
def test_set_with_long_s_weekday(text, span, value):
    row = only_row(timexes_at(text, date(2022, 9, 16)), span)
    assert row["timex_type"] == "SET" and row["value"] == value

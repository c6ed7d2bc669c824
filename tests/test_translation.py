"""Clues of machine translation: each clue found, clean English left alone, the verdict and its rule."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import frames, text, translation
from scoanalysis.patterns import translation as P

SEED_000, SEED_001 = "000_0e1afe955a39ce53", "001_dd488588730cc6da"
SEED_002, SEED_003, SEED_004 = "002_31059493dcc32406", "003_4d584bb8d7e03168", "004_3df29d9bc2d73539"


def _clues(sentence: str) -> list[str]:
    """The clues found in `sentence`, written as the second paragraph of a small article."""
    raw = "Summit news\n\nLeaders met in the Kazakh capital, Astana, on Wednesday.\n\n" + sentence + "\n"
    sents = text.sentences(pd.DataFrame({"article_id": ["x"], "text": [raw]}))
    ev = translation.translation_evidence(sents)
    assert all(raw[a:b] for a, b in zip(ev["start"], ev["end"]))
    return sorted(ev.loc[ev["start"] >= raw.index(sentence[:10]), "clue"])


@pytest.mark.parametrize(
    "sentence, clue",
    [
        ("Putin is expected to arrive on wednesday for talks.", "lowercase_weekday"),
        ("Some 145 people were killed The worst attack in a decade took place in Moscow.", "capital_mid_sentence"),
        ("Dozens were killed And many more were wounded.", "capital_mid_sentence"),
        ("China has sought to expand its business. for the past 12 years it has built railways.", "lowercase_sentence_start"),
        ("Xi met Putin in Astana. then both flew to Dushanbe.", "lowercase_sentence_start"),
        ("cool down since then, following border clashes between their troops.", "lowercase_sentence_start"),
        ("The visit follows trips to Pyongyang and VietnamTheresa Fallon said more would follow.", "glued_words"),
        ("Said Belarus will be declared a full member of the organisation.", "subject_dropped"),
        ("The group grew to include Pakistan, India and Pakistan in recent years.", "repeated_in_list"),
        ("The leaders met in Kazakh capital Astana for two days.", "dropped_article"),
        ("Iran,", "fragment"),
        ("This text was translated automatically by machine translation software.", "disclaimer"),
    ],
)
def test_translation_clue_is_found(sentence, clue):
    assert clue in _clues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin told The Associated Press that talks would resume on Wednesday.",
        "Nigel Gould-Davies of the Institute For Strategic Studies said the bloc was divided.",
        "Analysts at the Council On Foreign Relations disagreed.",  # Title Case names are not garbling
        "He visited North Korea And Vietnam last month.",  # ...and cannot be told from them: left out
        "The leaders met in the Kazakh capital, Astana, and later in the city of Almaty.",
        "Members include China, Russia, India and Pakistan, among others.",
        "iPhone sales in Central Asia have doubled, according to the company.",
        "The rail line carries coal, grain, etc. and links China with Europe.",
        "Said to be the largest in the region, the dam has divided Tajikistan and Uzbekistan.",
        "Russia and the Russian delegation, Kazakhstan and the Kazakh host, agreed.",
        "“Never,” he said.",
    ],
)
def test_clean_english_gives_no_clue(sentence):
    assert _clues(sentence) == []


def test_a_name_spelled_two_ways_is_a_weak_clue():
    raw = (
        "Summit news\n\nTajik President Emomali Rahmon arrived on Thursday.\n\n"
        "Later, Emomali Rakhmon met the Uzbek leader, and Rakhmon said little.\n"
    )
    ev = translation.translation_evidence(text.sentences(pd.DataFrame({"article_id": ["x"], "text": [raw]})))
    spelled = ev[ev["clue"] == "name_spelling"]
    assert len(spelled) == 2 and set(raw[a:b] for a, b in zip(spelled["start"], spelled["end"])) == {"Rakhmon"}
    assert not translation.is_translated(list(ev.itertuples(index=False)))  # one weak clue alone decides nothing


def test_rule_needs_clues_from_two_sentences():
    one = [("x", 3, 0, 1, "lowercase_weekday", ""), ("x", 3, 0, 1, "capital_mid_sentence", "")]
    two = [one[0], ("x", 4, 0, 1, "capital_mid_sentence", "")]
    assert not translation.is_translated(one) and translation.is_translated(two)
    assert translation.is_translated([("x", 9, 0, 1, "disclaimer", "")])


def test_the_build_s_clue_rows_are_the_evidence_table_s_rows(seed_sentences):
    rows = translation.clue_rows(frames.Columns(seed_sentences))
    assert rows and all(len(r) == len(translation.EVIDENCE_COLUMNS) for r in rows)
    pd.testing.assert_frame_equal(translation.evidence_table(rows), translation.translation_evidence(seed_sentences))


def test_seed_translation_flags(seed_sentences):
    verdicts = translation.translated(seed_sentences).set_index("article_id")
    assert verdicts["translated"].to_dict() == {
        SEED_000: False, SEED_001: True, SEED_002: False, SEED_003: True, SEED_004: False,
    }
    assert verdicts.loc[SEED_001, "clues"] == "disclaimer:1"
    assert verdicts.loc[SEED_003, "score"] >= 5
    assert verdicts.loc[[SEED_000, SEED_002, SEED_004], "n_clues"].eq(0).all()


def test_evidence_offsets_point_into_the_raw_text(seed_articles, seed_sentences):
    ev = translation.translation_evidence(seed_sentences[seed_sentences["article_id"] == SEED_003])
    raw = seed_articles.set_index("article_id").loc[SEED_003, "text"]
    weekday = ev[ev["clue"] == "lowercase_weekday"].iloc[0]
    assert raw[weekday["start"]:weekday["end"]] == "wednesday"
    glued = ev[ev["clue"] == "glued_words"].iloc[0]
    assert raw[glued["start"]:glued["end"]] == "VietnamTheresa"


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("China has sought to expand its business. for the past 12 years", True),
        ("The line carries coal, grain, etc. and links China with Europe.", False),
        ("Officials from the U.S. and China met.", False),
    ],
)
def test_lowercase_after_a_full_stop_inside_one_sentence(sentence, found):
    one = pd.DataFrame({"article_id": ["x"], "sentence_id": [0], "start": [0], "end": [len(sentence)],
                        "text": [sentence], "kind": ["body"]})
    assert ("lowercase_after_stop" in translation.translation_evidence(one)["clue"].tolist()) is found


def test_name_spelling_clues_equal_comparing_every_earlier_name():
    # names indexed by first letter and length must find what comparing all earlier names finds
    names = {}
    sentence = ("Rakhmon met Rahmon and Rahmonov, then Tokayev, Tokaev and Tokajev; Mirziyoyev, Mirzioyev, "
                "Mirziyoev greeted Shavkat and Shavkath while Lukashenko and Lukashenka spoke")
    for sid, m in enumerate(P.NAME_WORD.finditer(sentence)):
        names.setdefault(m.group(), []).append((sid, m.start(), m.end(), sentence))
    order = sorted(names, key=lambda w: min(x[1] for x in names[w]))
    brute = []
    for i, w in enumerate(order):
        for v in order[:i]:
            if translation._one_inner_edit(v, w):
                brute.extend(("a", sid, a, b, "name_spelling", f"{w} (also spelled {v})") for sid, a, b, _ in names[w])
                break
    found = translation._name_spelling_clues("a", names)
    assert found == brute
    assert {r[5] for r in found} >= {"Rahmon (also spelled Rakhmon)", "Tokajev (also spelled Tokayev)"}


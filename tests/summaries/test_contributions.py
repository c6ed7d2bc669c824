"""What a partition contributes: per-article frames written as Parquet parts."""

from __future__ import annotations

import pandas as pd

from scoanalysis import corpus, summaries, translation
from scoanalysis.build.article import analyse_article

from conftest import ROOT


def test_handed_translation_clues_give_the_same_contributions(seed_tokenizer, tmp_path):
    # the partition passes each article's clues from the per-article step; finding them again must agree
    records = [analyse_article(a, tokenizer=seed_tokenizer)
               for a in corpus.iter_corpus(ROOT / "data", problems=[])]
    frames = {name: [getattr(r, name) for r in records] for name in ("sentences", "entities", "timexes", "quotes")}
    summaries.write_part(frames, tmp_path / "found", 0)
    handed_clues = translation.evidence_table([row for r in records for row in r.translation])
    summaries.write_part({**frames, "translation": [handed_clues]}, tmp_path / "handed", 0)
    found = pd.read_parquet(tmp_path / "found" / summaries.PARTS / "translation" / "00000000.parquet")
    handed = pd.read_parquet(tmp_path / "handed" / summaries.PARTS / "translation" / "00000000.parquet")
    assert len(found) > 5  # the machine-translated seeds give clues
    pd.testing.assert_frame_equal(found.sort_values(["article_id", "sentence_id", "start"]).reset_index(drop=True),
                                  handed.sort_values(["article_id", "sentence_id", "start"]).reset_index(drop=True))


def test_contributions_are_keyed_by_article(seed_sentences):
    parts = summaries.contributions(seed_sentences)
    assert {"terms", "prose", "themes", "kinds", "leads", "dated", "quotes", "boilerplate", "translation"} <= set(parts)
    ids = set(seed_sentences["article_id"])
    for name, frame in parts.items():
        assert set(frame["article_id"]) <= ids, name
    kinds = parts["kinds"].groupby("article_id")["n_sentences"].sum()
    assert kinds.to_dict() == seed_sentences.groupby("article_id").size().to_dict()


def test_page_furniture_is_left_out_of_the_mention_and_quotation_counts():
    sentences = pd.DataFrame({
        "article_id": ["a", "a", "a"], "sentence_id": [0, 1, 2], "start": [0, 40, 90], "end": [39, 89, 130],
        "text": ["Xi Jinping met Vladimir Putin in Astana.", "\u201cWe agree,\u201d Putin said after the talks.",
                 "Photo: Vladimir Putin, Xi Jinping (AP)"],
        "is_boilerplate": [False, False, True], "kind": ["body", "body", "caption"], "paragraph_id": [0, 1, 2]})
    entities = pd.DataFrame({
        "article_id": ["a"] * 5, "sentence_id": [0, 0, 1, 2, 2], "start": [0, 15, 51, 97, 113],
        "end": [10, 29, 56, 111, 123], "text": ["Xi Jinping", "Vladimir Putin", "Putin", "Vladimir Putin", "Xi Jinping"],
        "entity_id": ["xi-jinping", "vladimir-putin", "vladimir-putin", "vladimir-putin", "xi-jinping"],
        "entity_type": ["person"] * 5, "name": ["Xi Jinping", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin",
                                                "Xi Jinping"]})
    quotes = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [1, 2], "start": [41, 97], "end": [49, 111],
                           "quote": ["We agree,", "Vladimir Putin"], "speaker": ["Vladimir Putin", "Vladimir Putin"],
                           "speaker_id": ["vladimir-putin"] * 2, "cue": ["said", "said"],
                           "quote_kind": ["direct", "direct"]})
    parts = summaries.contributions(sentences, entities=entities, quotes=quotes)
    counts = dict(zip(parts["mentions"]["entity_id"], parts["mentions"]["count"]))
    assert counts == {"xi-jinping": 1, "vladimir-putin": 2}  # the caption's two names are not counted
    assert parts["quoted"][["speaker", "count"]].values.tolist() == [["Vladimir Putin", 1]]

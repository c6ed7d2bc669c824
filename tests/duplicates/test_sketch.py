"""What duplicate search keeps of an article: body rows, features, Sketch and sorted sentence stems."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoanalysis import duplicates
from scoanalysis.duplicates import sketch


def test_signature_is_none_without_body_text_and_stable_otherwise(seed_sentences):
    one = seed_sentences[seed_sentences["article_id"] == seed_sentences["article_id"].iloc[0]]
    a, b = duplicates.signature(one), duplicates.signature(one.copy())
    assert a is not None and a.words.dtype == np.uint32 and len(a.stems) == 128
    assert (a.words == b.words).all() and (a.stems == b.stems).all()
    hashed = duplicates.SentenceStems.of_sketch(a)
    assert hashed.n == len(a.bounds) - 1 == len(duplicates.article_features(one).stems)
    assert (hashed.size >= 2).all()  # only sentences with two stems or more take part in alignment
    assert duplicates.signature(one.assign(kind="headline")) is None


def test_article_features_read_the_body_rows():
    sentences = pd.DataFrame({
        "article_id": ["a"] * 5, "sentence_id": [0, 1, 2, 3, 4],
        "text": ["Leaders met in Astana on Thursday.", "Leave a Replay", "Putin spoke with Xi about trade.",
                 "Photo: Reuters", "Modi did not attend the summit in person."],
        "is_boilerplate": pd.array([False, True, None, False, False], dtype="boolean"),
        "kind": ["body", "debris", "body", "caption", "body"],
    })
    assert sketch._body_rows(sentences) == [(0, sentences.at[0, "text"]), (2, sentences.at[2, "text"]),
                                            (4, sentences.at[4, "text"])]
    assert duplicates.article_features(sentences).sentence_ids == (0, 2, 4)
    assert duplicates.align(sentences, sentences)["sentence_a"].tolist() == [0, 2, 4]  # the same body rows
    bare = sentences.drop(columns=["is_boilerplate", "kind"])  # no flags: every row is body
    assert [i for i, _ in sketch._body_rows(bare)] == [0, 1, 2, 3, 4]
    assert duplicates.article_features(bare).sentence_ids == (0, 1, 2, 3, 4)
    assert [i for i, _ in sketch._body_rows(sentences.drop(columns="sentence_id"))] == [0, 1, 2]  # numbered in order


def test_sentence_stems_keep_each_stem_of_a_sentence_once_sorted_for_lookup():
    values = np.array([5, 3, 5, 9, 3, 3], dtype=np.uint32)  # sentence 0: 5 3 5; sentence 1: none; sentence 2: 9 3 3
    stems = duplicates.SentenceStems.of(values, [0, 3, 3, 6])
    assert stems.n == 3 and stems.size.tolist() == [2, 0, 2]
    assert stems.values.tolist() == [3, 3, 5, 9] and stems.sentence.tolist() == [0, 2, 0, 2]
    words = duplicates.SentenceStems.of_sets([frozenset({"putin", "xi"}), frozenset(), frozenset({"xi"})])
    assert words.size.tolist() == [2, 0, 1] and words.values.tolist() == ["putin", "xi", "xi"]
    assert words.sentence.tolist() == [0, 0, 2]

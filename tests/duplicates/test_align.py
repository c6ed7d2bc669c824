"""Aligning two articles' sentences: the aligned rows and the Dice overlaps they rest on."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoanalysis import duplicates
from scoanalysis.duplicates.align import similarities

SEED_000, SEED_001 = "000_0e1afe955a39ce53", "001_dd488588730cc6da"


def test_align_pairs_the_sentences_in_order_and_keeps_the_unmatched():
    a = ["Putin met Xi & Modi in <Astana> on Wednesday.", "The summit ended.", "Only in the first text, with many words."]
    b = ["Putin met Xi & Modi in <Astana> on Thursday.", "The summit ended."]
    rows = duplicates.align(a, b)
    assert list(rows.columns) == duplicates.ALIGNMENT_COLUMNS
    assert rows["status"].tolist() == ["aligned", "aligned", "only_a"]
    assert rows["sentence_a"].tolist() == [0, 1, 2] and rows["sentence_b"].tolist()[:2] == [0, 1]
    assert rows.loc[1, "score"] == 1.0 and rows.loc[0, "text_b"] == b[0]
    assert pd.isna(rows.loc[2, "sentence_b"]) and pd.isna(rows.loc[2, "text_b"]) and rows.loc[2, "text_a"] == a[2]
    kept = rows.drop(columns="status").dtypes
    assert [str(t) for t in kept] == ["Int64", "Int64", "Float64", "string", "string"]


def test_align_takes_sentence_tables_and_keeps_their_ids(seed_sentences):
    a = seed_sentences[seed_sentences["article_id"] == SEED_000]
    b = seed_sentences[seed_sentences["article_id"] == SEED_001]
    rows = duplicates.align(a, b)
    aligned = rows[rows["status"] == "aligned"]
    assert len(aligned) == 22
    assert aligned["sentence_a"].is_monotonic_increasing and aligned["sentence_b"].is_monotonic_increasing
    body_a = set(a.loc[a["kind"] == "body", "sentence_id"])
    assert set(aligned["sentence_a"]) <= body_a


def test_similarities_are_the_dice_overlaps_of_the_sentences_stem_sets(seed_sentences):
    # what confirm_pairs and align compare: hashed stems (with repeats, as CRC collisions make
    # them, and empty sentences) and string stems give exactly each sentence pair's Dice overlap
    def dice(x, y, floor):
        out = {}
        for i, s in enumerate(x):
            for j, t in enumerate(y):
                if s & t and 2 * len(s & t) / (len(s) + len(t)) >= floor:
                    out.setdefault(i, {})[j] = 2 * len(s & t) / (len(s) + len(t))
        return out

    groups = [g for _, g in seed_sentences.groupby("article_id", sort=False)]
    rng = np.random.default_rng(5)
    made = []
    for _ in range(30):
        sizes = rng.integers(0, 9, size=int(rng.integers(1, 25)))
        made.append((np.concatenate([np.sort(rng.integers(0, 40, size=k)) for k in sizes]).astype(np.uint32),
                     np.cumsum([0, *sizes])))
    for sketch in (duplicates.signature(g) for g in groups):
        made.append((sketch.sentence_stems, sketch.bounds))
    hashed = [(duplicates.SentenceStems.of(v, b), [frozenset(v[lo:hi].tolist()) for lo, hi in zip(b, b[1:])])
              for v, b in made]
    words = [(f.sentence_stems, list(f.stems)) for f in map(duplicates.article_features, groups)]
    tried = 0
    for group in (hashed, words):
        for x, sets_x in group:
            for y, sets_y in group:
                for floor in (0.0, 0.5, 0.8):
                    expected = dice(sets_x, sets_y, floor)
                    assert similarities(x, y, min_similarity=floor) == expected
                    tried += bool(expected)
    assert tried > 100

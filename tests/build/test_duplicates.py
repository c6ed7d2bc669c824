"""build.duplicates: the partitions' signatures pooled for the duplicate search."""

from __future__ import annotations

import numpy as np

from scoanalysis.build import duplicates, partitions


def test_signatures_are_pooled_in_corpus_order_and_dropped_from_the_partitions():
    rng = np.random.default_rng(0)
    results = []
    for index, n in enumerate([3, 0, 2, 4]):  # the second partition signed no article
        words = rng.integers(0, 2**32, (n, 128), dtype=np.uint32) if n else None
        stems = rng.integers(0, 2**32, (n, 128), dtype=np.uint32) if n else None
        results.append(partitions.Partition(index, signed=[f"p{index}a{k}" for k in range(n)], words=words, stems=stems))
    expected_words = np.concatenate([r.words for r in results if r.signed])
    expected_stems = np.concatenate([r.stems for r in results if r.signed])
    words, stems = duplicates.pooled_signatures(results)
    assert words.dtype == np.uint32 and words.shape == (9, 128)
    assert (words == expected_words).all() and (stems == expected_stems).all()
    assert all(r.words is None and r.stems is None for r in results)


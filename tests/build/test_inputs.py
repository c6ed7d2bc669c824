"""build.inputs: a partition's corpus-level inputs written in buckets and read back a section at a time."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from scoanalysis.build import inputs
from scoanalysis.build.partitions import Partition


def _write(tmp_path, index, claims, events):
    sections = inputs.write_inputs({"claims": claims, "event_mentions": events, "names": None},
                                   inputs.inputs_path(tmp_path, index), buckets=4)
    return Partition(index, sections=sections)


def test_inputs_are_read_back_by_bucket_and_whole_in_partition_order(tmp_path):
    claims = [pd.DataFrame({"subject": ["china", "india", "china"], "n": [0, 1, 2]}),
              pd.DataFrame({"subject": ["india", "russia"], "n": [3, 4]})]
    events = [pd.DataFrame({"e": [1, 2]}), None]
    results = [_write(tmp_path, k, c, e) for k, (c, e) in enumerate(zip(claims, events))]
    found = inputs.Inputs(tmp_path, results, buckets=4)
    codes = {s: int(inputs.bucket_of(pd.Series([s]), 4)[0]) for s in ("china", "india", "russia")}
    for subject, b in codes.items():
        rows = found.bucket("claims", b)
        assert set(rows["subject"]) <= set(s for s, c in codes.items() if c == b) and subject in set(rows["subject"])
    pooled = pd.concat([found.bucket("claims", b) for b in range(4)])
    assert sorted(pooled["n"]) == [0, 1, 2, 3, 4]
    assert [(r.index, f["e"].tolist()) for r, f in found.whole("event_mentions")] == [(0, [1, 2])]
    assert found.count("event_mentions") == 1 and found.count("claims") == 2 and found.count("names") == 0
    assert found.bucket("names", 0).empty


def test_buckets_are_the_same_in_every_process_and_grow_with_the_corpus():
    assert inputs.bucket_of(pd.Series(["china", "india"]), 32).tolist() == [zlib.crc32(b"china") % 32,
                                                                             zlib.crc32(b"india") % 32]
    assert inputs.buckets_for(10) == inputs.BUCKETS
    assert inputs.buckets_for(inputs.ARTICLES_PER_BUCKET * 40 + 1) == 41
    assert isinstance(inputs.bucket_of(pd.Series([], dtype=object), 3), np.ndarray)

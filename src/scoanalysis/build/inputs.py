"""The corpus-level steps' inputs file each partition writes, read back one section at a time.

A partition writes what the corpus-level steps read of its articles (claims,
attendance statements, person names, event mentions, date conflicts, the sketches'
hashed stems) to one file of pickles, ``parts/_inputs/<index>.pkl``. The inputs a
step groups by a key (claims by subject, attendance statements and names by person)
are split into buckets by a stable hash of that key, so a step reads one bucket of
every partition at a time, never the whole corpus's inputs; the others are one section,
read partition by partition.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

#: Buckets the corpus-level inputs are spread over (at least), by a stable hash of what each
#: step groups by (claims by subject, attendance statements and names by person): the main
#: process reads one bucket at a time, never the whole corpus's inputs.
BUCKETS = 32
#: Articles per bucket: larger corpora get more buckets, so that a bucket's size stays the same.
ARTICLES_PER_BUCKET = 500
#: The corpus-level inputs a partition writes to its inputs file in buckets, with the column that picks
#: the bucket; the others (event_mentions, date_conflicts, sketches) are one section, read partition by partition.
BUCKETED = {"claims": "subject", "attendance": "entity_id", "names": "entity_id"}


def buckets_for(n_articles: int) -> int:
    """Return how many buckets a corpus of `n_articles` articles spreads its inputs over."""
    return max(BUCKETS, -(-n_articles // ARTICLES_PER_BUCKET))


def inputs_path(parts: str | os.PathLike, index: int) -> Path:
    """Return the path of partition `index`'s inputs file under the parts folder `parts`."""
    return Path(parts) / "_inputs" / f"{index:08d}.pkl"


def bucket_of(values: pd.Series, buckets: int) -> np.ndarray:
    """Return each value's bucket: the CRC-32 of its text modulo `buckets` (the same in every process)."""
    return np.fromiter((zlib.crc32(str(v).encode("utf-8")) % buckets for v in values), dtype=np.int64,
                       count=len(values))


def write_inputs(inputs: dict, path: Path, *, buckets: int) -> dict[str, np.ndarray]:
    """Write a partition's corpus-level inputs to `path` one pickle per (input, bucket); return their byte offsets.

    Inputs named in BUCKETED are split into `buckets` sections by their key column;
    the others are one section. Offsets k and k + 1 of an input delimit its section k
    (empty when equal).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sections = {}
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        for name, value in inputs.items():
            if name in BUCKETED and value is None:
                pieces = [None] * buckets
            elif name in BUCKETED:
                codes = bucket_of(value[BUCKETED[name]], buckets)
                pieces = [value[codes == b].reset_index(drop=True) for b in range(buckets)]
            else:
                pieces = [value]
            edges = [fh.tell()]
            for piece in pieces:
                if piece is not None and len(piece):
                    pickle.dump(piece, fh, protocol=pickle.HIGHEST_PROTOCOL)
                edges.append(fh.tell())
            sections[name] = np.array(edges, dtype=np.int64)
    os.replace(tmp, path)
    return sections


class Inputs:
    """The corpus-level inputs the partitions wrote, read one section (an input's bucket, of one partition) at a time.

    `results` are the partitions' hand-backs (partitions.Partition: their `index` and
    `sections`, the offsets write_inputs returned).
    """

    def __init__(self, parts: str | os.PathLike, results: list, *, buckets: int = 1):
        self.parts, self.results, self.buckets = parts, results, buckets

    def section(self, result, name: str, bucket: int = 0):
        """Return partition `result`'s section `bucket` of input `name`, or None when it is empty."""
        edges = result.sections.get(name)
        if edges is None or edges[bucket + 1] == edges[bucket]:
            return None
        with open(inputs_path(self.parts, result.index), "rb") as fh:
            fh.seek(int(edges[bucket]))
            return pickle.loads(fh.read(int(edges[bucket + 1] - edges[bucket])))

    def bucket(self, name: str, bucket: int) -> pd.DataFrame:
        """Return bucket `bucket` of input `name` from every partition, in partition order (empty frame if none)."""
        frames = [f for r in self.results if (f := self.section(r, name, bucket)) is not None]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def whole(self, name: str):
        """Yield (partition, its whole input `name`) for every partition that has some, in partition order."""
        for r in self.results:
            found = self.section(r, name)
            if found is not None:
                yield r, found

    def count(self, name: str) -> int:
        """Return how many partitions have any of input `name`."""
        return sum(1 for r in self.results if name in r.sections and r.sections[name][-1] > r.sections[name][0])

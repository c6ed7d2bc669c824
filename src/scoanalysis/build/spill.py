"""Spilling rows to disk and merging them back: how the corpus-level steps keep one bucket in memory.

A step computes its table a bucket (or batch) at a time; each bucket's rows, sorted,
go to a file of pickles (`Spill`), and `merge_sorted` reads them back together, a
chunk of each at a time, in the table's order (a k-way merge). `write_chunks` writes
the merged rows as the table's parts.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import shutil
from pathlib import Path

import pandas as pd

from .. import heap, storage

#: Rows of a corpus-level table written as one part.
CHUNK_ROWS = 5_000
#: Rows per pickle when a step's buckets are merged back into the table's order (one of each is in memory).
MERGE_ROWS = 500


def records(frame: pd.DataFrame, *, size: int = 500):
    """Yield the rows of `frame` as dicts, `size` rows converted at a time (a row as a dict costs several times more)."""
    for lo in range(0, len(frame), size):
        yield from frame.iloc[lo:lo + size].to_dict("records")


def batched(rows, size: int):
    """Yield lists of up to `size` items of the iterable `rows`."""
    it = iter(rows)
    while batch := list(itertools.islice(it, size)):
        yield batch


def write_chunks(rows, name: str, parts, *, columns: list[str]) -> None:
    """Write the rows (dicts) of table `name` as parts of CHUNK_ROWS rows; an empty table when there are none."""
    written = 0
    for k, batch in enumerate(batched(rows, CHUNK_ROWS)):
        storage.write_part(pd.DataFrame(batch, columns=columns), name, parts, k)
        written += 1
    if not written:
        storage.write_part(pd.DataFrame(columns=columns), name, parts, 0)


def merge_sorted(streams, *, key, spill: Path):
    """Yield the rows of every stream (iterables of dicts, each sorted by `key`) in `key` order, ties in stream order.

    Each stream is written to a file in `spill` as it comes (MERGE_ROWS rows a pickle),
    then they are read back together a chunk at a time: memory holds one stream while it
    is made and one chunk of each when merging.
    """
    files = Spill(spill, 0)
    for rows in streams:
        k = files.add()
        for batch in batched(rows, MERGE_ROWS):
            files.append(k, batch)
        del rows
        heap.trim()  # the stream's frames: merging 11 event batches without it grew a worker by 67 MB

    def read(k):
        for batch in files.read(k):
            yield from batch

    yield from heapq.merge(*(read(k) for k in range(files.n)), key=key)
    shutil.rmtree(spill, ignore_errors=True)


class Spill:
    """`n` append-only files of pickles in `folder`: what is put in file k is read back in order."""

    def __init__(self, folder: Path, n: int):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.n = 0
        for _ in range(n):
            self.add()

    def add(self) -> int:
        """Start one more (empty) file; return its number."""
        self.n += 1
        open(self._path(self.n - 1), "wb").close()
        return self.n - 1

    def append(self, k: int, value) -> None:
        """Add `value` at the end of file `k`."""
        with open(self._path(k), "ab") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, k: int):
        """Yield what was put in file `k`, in order."""
        with open(self._path(k), "rb") as fh:
            while True:
                try:
                    yield pickle.load(fh)
                except EOFError:
                    return

    def _path(self, k: int) -> Path:
        return self.folder / f"{k:05d}.pkl"

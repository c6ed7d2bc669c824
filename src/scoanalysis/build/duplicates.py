"""The duplicates step of a build: candidate pairs from the partitions' signatures, confirmed from their parts.

Runs in the main process while the workers run the other corpus-level steps: it
holds the corpus's MinHash signatures (1 KB an article) and reads the hashed stems
and sentences of the articles in some candidate pair only. `mark_duplicates` then
rewrites the articles parts whose articles repeat an earlier one.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

from .. import frames, heap, schema, storage
from ..duplicates import Sketch, article_features, candidate_table, confirm_pairs, duplicate_of
from .inputs import Inputs
from .partitions import Partition

#: The signatures of this many partitions are pooled between two heap trims: without them,
#: pooling 100,000 articles' signatures held twice their 100 MB for a moment.
TRIM_PARTITIONS = 64
#: Candidate pairs turned into article ids at a time when confirming duplicates.
PAIR_SLICE = 65_536


def find_duplicates(results: list[Partition], parts) -> pd.DataFrame:
    """Return the duplicates table from the partitions' signatures, reading stems and sentences of likely pairs only.

    The MinHash signatures (two rows of 128 uint32 an article: 1 KB) are banded in
    memory. The hashed sentence stems of the articles in some candidate pair are copied
    from the inputs files into one flat file in a single pass (SketchFile), so a pair's
    stems cost two small reads wherever its articles are. Pairs are confirmed grouped by
    their articles' partitions, so each partition's sentences part is read once for every
    partition it pairs with; the table is then put back in candidate order. The
    signatures are dropped from `results` once pooled. Beside the signatures, this holds
    the signed articles' ids with one index of them, and 9 bytes a candidate pair.
    Columns: schema.TABLES["duplicates"].
    """
    ids = [aid for r in results for aid in r.signed]
    if len(ids) < 2:
        return schema.empty("duplicates")
    part = np.fromiter((r.index for r in results for _ in r.signed), dtype=np.int64, count=len(ids))
    words, stems = pooled_signatures(results)
    pairs = candidate_table(words, stems)
    del words, stems
    heap.trim()
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    # by partition pair, then candidate order (a stable sort of the candidates, which come sorted by a, then b)
    key = part[a]
    key *= int(part.max()) + 1
    key += part[b]
    order = np.argsort(key, kind="stable")
    del key
    a, b = a[order].astype(np.int32, copy=False), b[order].astype(np.int32, copy=False)
    how = pairs["found_by"].cat.codes.to_numpy()[order]
    labels = list(pairs["found_by"].cat.categories)
    del pairs, order
    index = {aid: k for k, aid in enumerate(ids)}  # every signed article's place in corpus order

    def named():  # the pairs by article id, a slice at a time (lists of every pair would cost 70 bytes a pair)
        for lo in range(0, len(a), PAIR_SLICE):
            heap.trim()
            hi = lo + PAIR_SLICE
            yield from ((ids[i], ids[j], labels[h]) for i, j, h in
                        zip(a[lo:hi].tolist(), b[lo:hi].tolist(), how[lo:hi].tolist()))

    paired = np.zeros(len(ids), dtype=bool)
    paired[a], paired[b] = True, True
    with SketchFile(Path(parts) / "_sketches", Inputs(parts, results), index=index, needed=paired) as sketches:
        features = PartFeatures(Path(parts) / "sentences", index=index, part=part)
        found = confirm_pairs(named(), features, sketches=sketches)
    back = np.lexsort((found["article_b"].map(index).to_numpy(), found["article_a"].map(index).to_numpy()))
    return found.iloc[back].reset_index(drop=True)


def pooled_signatures(results: list[Partition]) -> tuple[np.ndarray, np.ndarray]:
    """Return the word and stem signatures of every signed article, one matrix each, in corpus order.

    Each partition's signatures are copied in and dropped from `results` as it goes, and
    the heap trimmed every TRIM_PARTITIONS partitions, so the corpus's signatures are
    never held twice.
    """
    first = next(r for r in results if r.signed)
    n = sum(len(r.signed) for r in results)
    words = np.empty((n, first.words.shape[1]), dtype=first.words.dtype)
    stems = np.empty((n, first.stems.shape[1]), dtype=first.stems.dtype)
    at = 0
    for k, r in enumerate(results):
        if r.signed:
            words[at:at + len(r.signed)], stems[at:at + len(r.signed)] = r.words, r.stems
            at += len(r.signed)
        r.words = r.stems = None
        if k % TRIM_PARTITIONS == 0:  # a partition's signatures (64 KB) are freed to the heap, not the system
            heap.trim()
    heap.trim()
    return words, stems


class SketchFile:
    """Article id -> Sketch with its hashed sentence stems (no signatures), from one flat file.

    Built in one pass over the partitions' inputs files, keeping the `needed` articles'
    stems (uint32) and sentence bounds (int32) back to back; the main process holds
    only each article's offset and lengths, in arrays by the article's place in `index`
    (article id -> place; `needed` is a boolean array by place). A context manager: the
    file is removed on exit.
    """

    def __init__(self, path: Path, inputs: Inputs, *, index: dict[str, int], needed: np.ndarray):
        self.path, self.index = path, index
        self.offset = np.full(len(needed), -1, dtype=np.int64)
        self.lengths = np.zeros((len(needed), 2), dtype=np.int32)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            for _, found in inputs.whole("sketches"):
                for aid, values, bounds in found:
                    k = index.get(aid)
                    if k is not None and needed[k]:
                        self.offset[k], self.lengths[k] = fh.tell(), (len(values), len(bounds))
                        fh.write(np.ascontiguousarray(values, dtype=np.uint32).tobytes())
                        fh.write(np.ascontiguousarray(bounds, dtype=np.int32).tobytes())
        self._fh = open(path, "rb")

    def __getitem__(self, article_id: str) -> Sketch:
        k = self.index[article_id]
        if self.offset[k] < 0:
            raise KeyError(article_id)
        n_values, n_bounds = self.lengths[k].tolist()
        self._fh.seek(int(self.offset[k]))
        raw = self._fh.read(4 * (n_values + n_bounds))
        empty = np.empty(0, dtype=np.uint32)
        return Sketch(empty, empty, np.frombuffer(raw, dtype=np.uint32, count=n_values),
                              np.frombuffer(raw, dtype=np.int32, count=n_bounds, offset=4 * n_values))

    def __enter__(self) -> "SketchFile":
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()
        self.path.unlink(missing_ok=True)


class PartFeatures:
    """Article id -> article_features, read from the sentences parts, a few parts kept at a time.

    `index` maps an article id to its place, `part` (by place) to its partition.
    """

    def __init__(self, folder: Path, *, index: dict[str, int], part: np.ndarray, keep: int = 16):
        self.folder, self.index, self.part = folder, index, part
        self._part = functools.lru_cache(maxsize=keep)(self._read_part)

    def __call__(self, article_id: str):
        return article_features(self._part(int(self.part[self.index[article_id]]))[article_id])

    def _read_part(self, index: int) -> dict[str, pd.DataFrame]:
        frame = pd.read_parquet(self.folder / f"{index:08d}.parquet",
                                columns=["article_id", "sentence_id", "text", "is_boilerplate", "kind"])
        return {aid: rows for aid, rows in frame.groupby("article_id", sort=False)}


def mark_duplicates(results: list[Partition], duplicates: pd.DataFrame, articles: pd.DataFrame, parts) -> None:
    """Rewrite the articles parts whose articles repeat an earlier one, with duplicate_of set.

    duplicate_of reads only the articles of some pair (their order and dates
    are all it compares), so its work is the size of the duplicates table.
    """
    if duplicates.empty:
        return
    paired = articles[frames.text_isin(articles["article_id"], set(duplicates["article_a"]) | set(duplicates["article_b"]))]
    repeats = duplicate_of(duplicates, paired).dropna()
    if repeats.empty:
        return
    folder, repeated = Path(parts) / "articles", frames.text_set(repeats.index)
    for r in results:
        if r.articles is None or not frames.text_isin(r.articles["article_id"], repeated).any():
            continue
        frame = pd.read_parquet(folder / f"{r.index:08d}.parquet")
        frame["duplicate_of"] = frame["article_id"].map(repeats)
        storage.write_part(frame, "articles", parts, r.index)

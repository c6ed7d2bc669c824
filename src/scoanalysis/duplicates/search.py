"""Finding the articles that repeat each other: candidate pairs from banded MinHash, confirmed by sentence alignment.

Duplicates come in three relations (the ``duplicates`` table):

``duplicate``            near-identical text (word-shingle Jaccard >= DUPLICATE_JACCARD);
``near_duplicate``       the same text lightly edited, trimmed or extended (at least half the aligned
                         sentences kept verbatim: NEAR_DUPLICATE_VERBATIM);
``translation_variant``  the same story translated again: other words, same sentence sequence.

Every article's two MinHash signatures (`duplicates.sketch`) are banded as datasketch's
MinHashLSH bands them (`candidate_table`), so candidate pairs come from LSH buckets and
all pairs are never compared. The stem index is tuned for recall (bands of two rows), so
its candidates first pass a cheap test, their MinHash estimate of the stem-pair Jaccard
(MIN_CANDIDATE_JACCARD). Each remaining candidate is confirmed by aligning the two
articles' body sentences in order (`duplicates.align`), first on the sketches' hashed
stems, then on the text (`confirm_pairs`): a pair is kept when at least `threshold` (60%)
of the shorter article's sentences align, and at least MIN_ALIGNED sentences do. Its
relation is then read off the verbatim overlap: word-shingle Jaccard for ``duplicate``, the
share of aligned sentences kept word for word for ``near_duplicate``, else
``translation_variant``. `duplicate_of` joins the pairs into groups.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .align import MIN_SENTENCE_SIMILARITY, align_path, best_path, similarities
from .sketch import ArticleFeatures, SentenceStems, Sketch, article_features, sketch_of

#: Word-shingle Jaccard at and above which two articles are the same text.
DUPLICATE_JACCARD = 0.9
#: Share of the aligned sentences kept verbatim, at and above which a pair is the same text
#: lightly edited rather than translated again. A light edit leaves most sentences untouched;
#: a re-translation rewords nearly all of them, however close it stays (the two CNN
#: translations of the seed corpus keep 4 of 22 sentences, while sharing 49% of 5-word shingles).
NEAR_DUPLICATE_VERBATIM = 0.5
#: Word-sequence similarity (difflib ratio of lower-cased words) at and above which an aligned
#: sentence counts as kept verbatim (one word changed in twenty, at most).
VERBATIM_RATIO = 0.95
#: Share of the shorter article's body sentences that must align in order for a pair to count.
ALIGNED_SHARE = 0.6
#: Fewest aligned sentences for a pair to count (two-line snippets say little).
MIN_ALIGNED = 3
#: LSH thresholds: the Jaccard at which a pair becomes a candidate, by representation.
#: The word index (128 permutations: 25 bands of 5 rows) proposes pairs from about 0.4 Jaccard;
#: the stem index (64 bands of 2 rows) proposes a pair with Jaccard 0.15 / 0.2 / 0.28 with
#: probability 0.77 / 0.93 / 0.995, and two stories that merely share names (0.05) with 0.15.
WORD_LSH_THRESHOLD = 0.5
STEM_LSH_THRESHOLD = 0.1
#: MinHash-estimated stem-pair Jaccard a stem-index candidate needs before it is aligned: a
#: cheap test (128 values compared) that drops the stem index's many near misses. Two
#: translations share 0.65, a loose paraphrase 0.28 (two standard errors of the 128-value
#: estimate above 0.2), different stories about one summit 0.05. On a 400-article
#: recombined corpus 0.12 lets through 3% of all pairs (0.35 ms each to align), a number
#: that grows with the square of the corpus; 0.2 lets through 0.14%.
MIN_CANDIDATE_JACCARD = 0.2

PAIR_COLUMNS = [
    "article_a", "article_b", "similarity", "relation",
    "aligned_sentences", "aligned_share", "verbatim_share", "candidate_jaccard", "word_jaccard", "word_containment",
    "n_sentences_a", "n_sentences_b", "found_by",
]
#: What proposed a candidate pair: the stems index, the words index, or both.
FOUND_BY = ["stems", "words", "stems;words"]

#: Buckets up to this size are expanded into pairs all together; larger ones a batch at a time.
_SMALL_BUCKET = 64
#: Pairs expanded at once from a large bucket.
PAIR_BATCH = 250_000
#: Candidate pairs whose stem signatures are compared at once (see candidate_table).
ESTIMATE_BATCH = 8_192
#: Articles whose hashed sentence stems (SentenceStems) confirm_pairs keeps (a few KB each).
STEM_SETS_KEPT = 256


def duplicate_pairs(
    sentences: pd.DataFrame,
    *,
    threshold: float = ALIGNED_SHARE,
    num_perm: int = 128,
    word_lsh_threshold: float = WORD_LSH_THRESHOLD,
    stem_lsh_threshold: float = STEM_LSH_THRESHOLD,
    min_candidate_jaccard: float = MIN_CANDIDATE_JACCARD,
    min_sentence_similarity: float = MIN_SENTENCE_SIMILARITY,
    min_aligned: int = MIN_ALIGNED,
    seed: int = 1,
) -> pd.DataFrame:
    """Return the pairs of articles that repeat each other, one row per pair.

    The build's steps over one frame: each article's features and Sketch
    (`duplicates.sketch`), candidates from two MinHash LSH indexes (word shingles,
    content-stem pairs; see the module docstring), never from comparing all pairs, each
    confirmed by aligning the two articles' body sentences in order.

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, text, is_boilerplate, kind).
        Article order is the order of first appearance; it decides which article is ``a``.
    threshold : share of the shorter article's body sentences that must align, in order.
    num_perm : MinHash permutations (more: better Jaccard estimates, slower).
    word_lsh_threshold, stem_lsh_threshold : Jaccard at which each index proposes a candidate.
    min_candidate_jaccard : a stem-index candidate is kept when its MinHash estimate of the
        stem-pair Jaccard reaches this (LSH alone lets through many near misses).
    min_sentence_similarity : Dice overlap of content stems at which two sentences may align.
    min_aligned : fewest aligned sentences for a pair to count.
    seed : MinHash seed (the same seed gives the same candidates).

    Returns
    -------
    DataFrame with columns article_a, article_b (a before b in article order), similarity
    (the aligned sentences' summed Dice overlap over the shorter article's sentence count:
    1.0 for identical text, about 0.9 for the seed corpus's close re-translation, 0.7 for a
    loose paraphrase), relation (``duplicate``, ``near_duplicate``, ``translation_variant``;
    see the module docstring), aligned_sentences, aligned_share, verbatim_share (share of
    the aligned sentences kept word for word, VERBATIM_RATIO), candidate_jaccard (exact
    Jaccard of the content-stem pair sets, what the stem index estimates), word_jaccard and
    word_containment (of the 5-word shingle sets; containment over the smaller set),
    n_sentences_a, n_sentences_b (sentences that take part in alignment), found_by
    (``words``, ``stems`` or ``stems;words``: which index proposed the pair).
    """
    features = {aid: article_features(rows) for aid, rows in sentences.groupby("article_id", sort=False, dropna=False)}
    sketches = {aid: sketch_of(f, num_perm=num_perm, seed=seed) for aid, f in features.items()}
    ids = [aid for aid, s in sketches.items() if s is not None]
    found = candidate_pairs(
        ids, [sketches[a].words for a in ids], [sketches[a].stems for a in ids], num_perm=num_perm,
        word_lsh_threshold=word_lsh_threshold, stem_lsh_threshold=stem_lsh_threshold,
        min_candidate_jaccard=min_candidate_jaccard,
    )
    return confirm_pairs(found, features.__getitem__, sketches=sketches, threshold=threshold,
                         min_sentence_similarity=min_sentence_similarity, min_aligned=min_aligned)


def candidate_pairs(
    ids: Sequence[str],
    word_signatures: Sequence[np.ndarray],
    stem_signatures: Sequence[np.ndarray],
    **options,
) -> list[tuple[str, str, str]]:
    """Return the candidate pairs (a, b, found_by) of articles `ids`, a before b, in article order.

    The pairs of `candidate_table` over the same signatures (`options` are its keywords), named by `ids`.
    """
    table = candidate_table(word_signatures, stem_signatures, **options)
    return [(ids[a], ids[b], how) for a, b, how in zip(table["a"].tolist(), table["b"].tolist(), table["found_by"])]


def candidate_table(
    word_signatures: Sequence[np.ndarray],
    stem_signatures: Sequence[np.ndarray],
    *,
    num_perm: int = 128,
    word_lsh_threshold: float = WORD_LSH_THRESHOLD,
    stem_lsh_threshold: float = STEM_LSH_THRESHOLD,
    min_candidate_jaccard: float = MIN_CANDIDATE_JACCARD,
) -> pd.DataFrame:
    """Return the candidate pairs of the articles whose signatures are given, by position: 9 bytes a pair.

    Banded LSH over the signatures (the bands of datasketch's MinHashLSH for each
    threshold): two articles are candidates when all the rows of one band agree. Each
    band is grouped with one sort, so no pair is compared unless it shares a bucket.
    Stem-index candidates must also reach `min_candidate_jaccard` by MinHash estimate.

    Returns
    -------
    DataFrame with columns a, b (int32 positions, int64 past 2**31 articles; a < b; sorted
    by a, then b), found_by (categorical: ``words``, ``stems`` or ``stems;words``, the
    indexes that proposed the pair).
    """
    n = len(word_signatures)
    if n < 2:  # datasketch (and the SciPy it imports) is loaded only for a corpus with pairs to look for
        return pd.DataFrame({"a": np.empty(0, dtype=np.int32), "b": np.empty(0, dtype=np.int32),
                             "found_by": pd.Categorical([], categories=FOUND_BY)})
    from datasketch import MinHashLSH

    words = np.asarray(word_signatures, dtype=np.uint32)  # a matrix already: no copy
    stems = np.asarray(stem_signatures, dtype=np.uint32)
    by_words = _banded_pairs(words, MinHashLSH(threshold=word_lsh_threshold, num_perm=num_perm).hashranges)

    def close_enough(codes: np.ndarray) -> np.ndarray:
        # LSH with few rows per band is generous; the signatures' own estimate sorts out
        # the many stories that merely share a summit's names (a cheap test, before alignment).
        keep = np.zeros(len(codes), dtype=bool)
        for lo in range(0, len(codes), ESTIMATE_BATCH):  # two signatures of 512 bytes a pair: 8 MB a batch
            a, b = codes[lo:lo + ESTIMATE_BATCH] // n, codes[lo:lo + ESTIMATE_BATCH] % n
            keep[lo:lo + ESTIMATE_BATCH] = (stems[a] == stems[b]).mean(axis=1) >= min_candidate_jaccard
        return codes[keep]

    bands = MinHashLSH(threshold=stem_lsh_threshold, num_perm=num_perm).hashranges
    # handed on directly, so that _pair_table holds the only reference and can free them
    return _pair_table(_banded_pairs(stems, bands, keep=close_enough), by_words, n)


def _pair_table(by_stems: np.ndarray, by_words: np.ndarray, n: int) -> pd.DataFrame:
    """Return candidate_table's table from the two indexes' sorted pair codes (i * n + j), holding little beside them.

    The word index proposes few pairs, the stem index many (1.9 million synthetic ones at
    100,000 articles): the word pairs are inserted into the stem pairs, and the positions
    split off a slice at a time into one int32 matrix, the table's block.
    """
    codes, known = _inserted(by_stems, by_words)
    del by_stems
    how = np.zeros(len(codes), dtype=np.int8)  # 0 stems, 1 words, 2 both
    how[np.searchsorted(codes, by_words)] = np.where(known, 2, 1)
    position = np.int32 if n <= np.iinfo(np.int32).max else np.int64
    ab = np.empty((len(codes), 2), dtype=position)
    for lo in range(0, len(codes), PAIR_BATCH):
        ab[lo:lo + PAIR_BATCH, 0], ab[lo:lo + PAIR_BATCH, 1] = np.divmod(codes[lo:lo + PAIR_BATCH], n)
    del codes
    table = pd.DataFrame(ab, columns=["a", "b"], copy=False)
    table["found_by"] = pd.Categorical.from_codes(how, categories=FOUND_BY)
    return table


def _inserted(kept: np.ndarray, new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (`kept` with the codes of `new` it lacks inserted in order, which of `new` it already had).

    Both sorted and unique; one pass over `kept`, where sorting both together would copy them three times.
    """
    known = _among(new, kept)
    return np.insert(kept, np.searchsorted(kept, new[~known]), new[~known]), known


def _among(codes: np.ndarray, sorted_codes: np.ndarray) -> np.ndarray:
    """Return whether each of `codes` is in `sorted_codes` (sorted): np.isin without its sort of both arrays."""
    if not len(sorted_codes):
        return np.zeros(len(codes), dtype=bool)
    at = np.searchsorted(sorted_codes, codes)
    return sorted_codes[np.minimum(at, len(sorted_codes) - 1)] == codes


def _banded_pairs(signatures: np.ndarray, bands: Sequence[tuple[int, int]], *, keep=None) -> np.ndarray:
    """Return the pairs (i < j, coded i * n + j, sorted, unique) whose signatures agree on every row of some band.

    `keep`, when given, filters each batch of pairs (an array of codes) before they are
    pooled. Small buckets are expanded a distance at a time (every pair k places apart in
    the bucket-sorted order, at most n pairs each), large ones PAIR_BATCH pairs at a time,
    and the pooled codes are deduplicated as they grow: memory stays near the size of
    the answer, whatever the buckets hold.
    """
    n = len(signatures)
    keep = keep if keep is not None else (lambda codes: codes)
    found = _PairSet()
    for lo, hi in bands:
        band = np.ascontiguousarray(signatures[:, lo:hi]).view(np.dtype((np.void, 4 * (hi - lo)))).ravel()
        _, group, counts = np.unique(band, return_inverse=True, return_counts=True)
        size = counts[group]
        small = np.flatnonzero((size > 1) & (size <= _SMALL_BUCKET))  # articles whose bucket holds another
        small = small[np.argsort(group[small], kind="stable")]  # bucket after bucket, positions ascending in each
        of = group[small]
        for k in range(1, _SMALL_BUCKET):  # the pairs k places apart within a bucket; none at k: none further
            same = np.flatnonzero(of[k:] == of[:-k])
            if not len(same):
                break
            found.add(keep(small[same].astype(np.int64) * n + small[same + k]))
        for g in np.flatnonzero(counts > _SMALL_BUCKET):
            members = np.flatnonzero(group == g).astype(np.int64)
            step = max(1, PAIR_BATCH // len(members))
            for start in range(0, len(members), step):
                i = np.repeat(members[start:start + step], len(members))
                j = np.tile(members, len(members[start:start + step]))
                found.add(keep(i[i < j] * n + j[i < j]))
    return found.result()


class _PairSet:
    """Pair codes added in batches, kept sorted and unique.

    Batches wait until they outnumber a quarter of the kept codes (and PAIR_BATCH). Then
    they are sorted and deduplicated on their own, and the new codes are inserted where
    they belong (one pass over the kept): a fold holds about twice the kept codes, where
    sorting everything together would hold six times as many, and takes a third of the time.
    """

    def __init__(self):
        self.unique, self.pending, self.n_pending = np.empty(0, dtype=np.int64), [], 0

    def add(self, codes: np.ndarray) -> None:
        if len(codes):
            self.pending.append(codes)
            self.n_pending += len(codes)
            if self.n_pending > max(len(self.unique) // 4, PAIR_BATCH):
                self._fold()

    def _fold(self) -> None:
        if self.pending:
            new = np.unique(np.concatenate(self.pending))
            self.pending, self.n_pending = [], 0
            self.unique, _ = _inserted(self.unique, new)

    def result(self) -> np.ndarray:
        """Return the sorted unique codes of every batch added."""
        self._fold()
        return self.unique


def confirm_pairs(
    pairs: Iterable[tuple[str, str, str]],
    features: Callable[[str], ArticleFeatures],
    *,
    sketches: Mapping[str, Sketch],
    threshold: float = ALIGNED_SHARE,
    min_sentence_similarity: float = MIN_SENTENCE_SIMILARITY,
    min_aligned: int = MIN_ALIGNED,
) -> pd.DataFrame:
    """Return the duplicates table for candidate `pairs` (a, b, found_by), each confirmed by sentence alignment.

    Each pair is aligned first on the `sketches`' hashed stems (article id -> Sketch: they
    need no text), and only the pairs that align there are aligned again on the text:
    `features` maps an article id to what `article_features` returns for it (a dict's
    ``__getitem__``, or a loader that reads articles on demand), so most candidates of a
    large corpus never need their text read again. Columns: PAIR_COLUMNS (see duplicate_pairs).
    """
    rows = []
    hashed = lru_cache(maxsize=STEM_SETS_KEPT)(lambda aid: SentenceStems.of_sketch(sketches[aid]))
    for a, b, how in pairs:
        ha, hb = hashed(a), hashed(b)
        shorter = min(ha.n, hb.n)
        sims = similarities(ha, hb, min_similarity=min_sentence_similarity)
        # the sentences of a, and of b, with some similar partner bound the path's length
        bound = min(len(sims), len({j for row in sims.values() for j in row}))
        if not _passes(bound, shorter, min_aligned=min_aligned, threshold=threshold):
            continue
        if not _passes(len(best_path(sims, ha.n, hb.n)), shorter, min_aligned=min_aligned, threshold=threshold):
            continue
        row = _confirm(features(a), features(b), threshold=threshold, min_similarity=min_sentence_similarity,
                       min_aligned=min_aligned)
        if row is not None:
            rows.append({"article_a": a, "article_b": b, **row, "found_by": how})
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def _passes(aligned: int, shorter: int, *, min_aligned: int, threshold: float) -> bool:
    """Return whether `aligned` sentences of the shorter article's `shorter` are enough to confirm a pair."""
    return shorter > 0 and aligned >= min_aligned and aligned / shorter >= threshold


def _confirm(fa: ArticleFeatures, fb: ArticleFeatures, *, threshold: float, min_similarity: float,
             min_aligned: int) -> dict | None:
    """Return a pair's duplicates row (without its ids and found_by) when its text aligns, else None."""
    path = align_path(fa.sentence_stems, fb.sentence_stems, min_similarity=min_similarity)
    shorter = min(len(fa.stems), len(fb.stems))
    if not _passes(len(path), shorter, min_aligned=min_aligned, threshold=threshold):
        return None
    inter = len(fa.word_shingles & fb.word_shingles)
    word_jaccard = inter / len(fa.word_shingles | fb.word_shingles)
    containment = inter / min(len(fa.word_shingles), len(fb.word_shingles))
    verbatim = sum(
        difflib.SequenceMatcher(None, fa.words[i], fb.words[j], autojunk=False).ratio() >= VERBATIM_RATIO
        for i, j, _ in path
    ) / len(path)
    if word_jaccard >= DUPLICATE_JACCARD:
        relation = "duplicate"
    elif verbatim >= NEAR_DUPLICATE_VERBATIM:
        relation = "near_duplicate"
    else:
        relation = "translation_variant"
    stem_jaccard = len(fa.stem_pairs & fb.stem_pairs) / len(fa.stem_pairs | fb.stem_pairs)
    return {
        "similarity": round(min(sum(d for _, _, d in path) / shorter, 1.0), 4),
        "relation": relation,
        "aligned_sentences": len(path),
        "aligned_share": round(len(path) / shorter, 4),
        "verbatim_share": round(verbatim, 4),
        "candidate_jaccard": round(stem_jaccard, 4),
        "word_jaccard": round(word_jaccard, 4),
        "word_containment": round(containment, 4),
        "n_sentences_a": len(fa.stems),
        "n_sentences_b": len(fb.stems),
    }


def duplicate_of(pairs: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Return, for every article, the earliest article of the group it repeats (else NA).

    Pairs are joined into groups (article A repeats B, B repeats C: one group); each later
    member of a group points to its earliest one, so ``duplicate_of.isna()`` keeps one
    article per group. Earliest means the earlier publication date where both are known
    (articles.published), else the earlier position in `articles`.

    Parameters
    ----------
    pairs : from duplicate_pairs (article_a, article_b).
    articles : the articles table (article_id, optional published).

    Returns
    -------
    Series named ``duplicate_of``, indexed by article_id in the order of `articles`.
    """
    ids = list(articles["article_id"])
    position = {aid: i for i, aid in enumerate(ids)}
    if "published" in articles.columns:
        published = dict(zip(ids, pd.to_datetime(articles["published"], errors="coerce")))
    else:
        published = {}
    parent = {aid: aid for aid in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(pairs["article_a"], pairs["article_b"]):
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[rb] = ra
    groups: dict[str, list[str]] = defaultdict(list)
    for aid in ids:
        groups[root(aid)].append(aid)

    def earlier(x: str, y: str) -> bool:
        px, py = published.get(x), published.get(y)
        if px is not None and py is not None and not pd.isna(px) and not pd.isna(py) and px != py:
            return px < py
        return position[x] < position[y]

    out: dict[str, str | None] = {aid: None for aid in ids}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = members[0]
        for m in members[1:]:
            if earlier(m, first):
                first = m
        for m in members:
            if m != first:
                out[m] = first
    return pd.Series(out, name="duplicate_of", dtype="string").rename_axis("article_id")

"""Comparing sources: duplicate and re-translated articles, and articles that read as machine-translated.

Duplicates come in three relations (the ``duplicates`` table):

``duplicate``            near-identical text (word-shingle Jaccard >= DUPLICATE_JACCARD);
``near_duplicate``       the same text lightly edited, trimmed or extended (at least half the aligned
                         sentences kept verbatim: NEAR_DUPLICATE_VERBATIM);
``translation_variant``  the same story translated again: other words, same sentence sequence.

How pairs are found (`duplicate_pairs`). Every article's *body* sentences (kind ``body``, not
boilerplate: headlines and standfirsts are rewritten too freely to compare) give two shingle
sets, each summarised by a MinHash signature (`signature`, computed article by article) and
banded as datasketch's MinHashLSH bands them (`candidate_pairs`), so candidate pairs come
from LSH buckets and all pairs are never compared:

* words: 5-word shingles of the lower-cased text; finds copies, verbatim or lightly edited;
* stems: within each sentence, every unordered pair of its *content-word stems* (lower-cased,
  Snowball-stemmed, function words dropped; numbers, acronyms and names kept). Re-translation
  changes function words, inflections and word order far more than which names, numbers
  and content words share a sentence, so two translations of one text share many of these
  pairs (0.65 Jaccard for the two CNN translations of the seed corpus, 0.28 for a loose
  paraphrase in the tests) where two different stories about one summit, full of the same
  names, share few (0.05 for the two Astana stories). Neighbouring-stem bigrams separate
  worse (0.14 for the paraphrase): translation reorders words inside a sentence.

The stem index is tuned for recall (bands of two rows), so its candidates first pass a cheap
test, their MinHash estimate of the stem-pair Jaccard (MIN_CANDIDATE_JACCARD). Each
remaining candidate is confirmed by aligning the two articles' body sentences in order
(dynamic programming over the Dice overlap of the sentences' content stems): a pair is kept
when at least `threshold` (60%) of the shorter article's sentences align, and at least
MIN_ALIGNED sentences do. Its relation is then read off the verbatim overlap: word-shingle
Jaccard for ``duplicate``, the share of aligned sentences kept word for word for
``near_duplicate``, else ``translation_variant``.

Machine translation (`translation_evidence`, `is_translated`, `translated`): clues found
sentence by sentence with the patterns of patterns.compare, weighed by CLUE_WEIGHTS.
"""

from __future__ import annotations

import difflib
import html
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Sequence

import numpy as np
import pandas as pd
from datasketch import MinHashLSH

from .patterns import compare as P
from .patterns.text import ABBREVIATIONS, GLUED_WORD, STOPWORDS, WORD
from .text import fold, folded_word_spans, glued_words, word_spans

# --- duplicates: thresholds --------------------------------------------------------------------------

#: Words per shingle of the verbatim representation.
WORD_SHINGLE = 5
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
#: Dice overlap of two sentences' content stems at and above which they may be aligned.
MIN_SENTENCE_SIMILARITY = 0.4
#: Sentences with fewer content stems than this are left out of alignment ("He said.").
MIN_SENTENCE_STEMS = 2
#: Stem pairs are formed within this many places in a sentence's sorted stems (bounds the
#: cost of very long sentences).
MAX_PAIR_SPAN = 30
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
#: recombined corpus 0.12 let through 3% of all pairs (0.35 ms each to align), a number
#: that grows with the square of the corpus; 0.2 lets through 0.14%.
MIN_CANDIDATE_JACCARD = 0.2

PAIR_COLUMNS = [
    "article_a", "article_b", "similarity", "relation",
    "aligned_sentences", "aligned_share", "verbatim_share", "candidate_jaccard", "word_jaccard", "word_containment",
    "n_sentences_a", "n_sentences_b", "found_by",
]
ALIGNMENT_COLUMNS = ["sentence_a", "sentence_b", "score", "status", "html_a", "html_b"]
EVIDENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "clue", "text"]


# --- duplicates ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Features:
    """What one article contributes to comparison: its body sentences as stems, its shingles."""

    sentence_ids: tuple[int, ...]
    words: tuple[tuple[str, ...], ...]
    stems: tuple[frozenset[str], ...]
    word_shingles: frozenset[str]
    stem_pairs: frozenset[str]


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

    Candidates come from two MinHash LSH indexes (word shingles, content-stem pairs; see
    the module docstring), never from comparing all pairs; each is confirmed by aligning
    the two articles' body sentences in order.

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
    order = list(pd.unique(sentences["article_id"]))
    body = _body(sentences)
    texts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for aid, sid, sentence in zip(body["article_id"], body["sentence_id"], body["text"]):
        texts[aid].append((int(sid), str(sentence)))
    features = {aid: _features(texts[aid]) for aid in order if aid in texts}
    sigs = {aid: _signature_of(f, num_perm, seed) for aid, f in features.items()}
    ids = [aid for aid in order if sigs.get(aid) is not None]
    found = candidate_pairs(
        ids, [sigs[a].words for a in ids], [sigs[a].stems for a in ids], num_perm=num_perm,
        word_lsh_threshold=word_lsh_threshold, stem_lsh_threshold=stem_lsh_threshold,
        min_candidate_jaccard=min_candidate_jaccard,
    )
    return confirm_pairs(found, features.__getitem__, sketches=sigs, threshold=threshold,
                         min_sentence_similarity=min_sentence_similarity, min_aligned=min_aligned)


@dataclass(frozen=True)
class Sketch:
    """What duplicate search keeps of one article: two MinHash signatures and its sentences' stems, hashed.

    words, stems : uint32 MinHash signatures of the word shingles and content-stem pairs.
    sentence_stems : the CRC-32 of each content stem of every sentence that takes part in
        alignment, concatenated; bounds[k]:bounds[k + 1] are sentence k's. About 1 KB for
        a news article, enough to align two articles without their text.
    """

    words: np.ndarray
    stems: np.ndarray
    sentence_stems: np.ndarray
    bounds: np.ndarray

    def stem_sets(self) -> list[frozenset[int]]:
        """Return each aligned sentence's hashed content stems, in order."""
        values = self.sentence_stems.tolist()
        edges = self.bounds.tolist()
        return [frozenset(values[lo:hi]) for lo, hi in zip(edges, edges[1:])]


def signature(sentences: pd.DataFrame, *, num_perm: int = 128, seed: int = 1) -> Sketch | None:
    """Return one article's Sketch (MinHash signatures and hashed sentence stems), or None if it has no body text.

    `sentences` holds one article's rows of the sentences table. `candidate_pairs` bands
    the signatures; `confirm_pairs` aligns candidates on the hashed stems first, so a
    corpus can be sketched article by article (in parallel) and only the sketches kept.
    """
    return _signature_of(article_features(sentences), num_perm, seed)


def candidate_pairs(
    ids: Sequence[str],
    word_signatures: Sequence[np.ndarray],
    stem_signatures: Sequence[np.ndarray],
    *,
    num_perm: int = 128,
    word_lsh_threshold: float = WORD_LSH_THRESHOLD,
    stem_lsh_threshold: float = STEM_LSH_THRESHOLD,
    min_candidate_jaccard: float = MIN_CANDIDATE_JACCARD,
) -> list[tuple[str, str, str]]:
    """Return the candidate pairs (a, b, found_by) of articles `ids`, a before b, in article order.

    The pairs of `candidate_table` over the same signatures, named by `ids`.
    """
    table = candidate_table(word_signatures, stem_signatures, num_perm=num_perm, word_lsh_threshold=word_lsh_threshold,
                            stem_lsh_threshold=stem_lsh_threshold, min_candidate_jaccard=min_candidate_jaccard)
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
    Columns: a, b (int32 positions, int64 past 2**31 articles; a < b; sorted by a, then b), found_by (categorical:
    ``words``, ``stems`` or ``stems;words``, the indexes that proposed the pair).
    """
    n = len(word_signatures)
    if n < 2:
        return pd.DataFrame({"a": np.empty(0, dtype=np.int32), "b": np.empty(0, dtype=np.int32),
                             "found_by": pd.Categorical([], categories=FOUND_BY)})
    words, stems = _stacked(word_signatures), _stacked(stem_signatures)
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


def _stacked(signatures: Sequence[np.ndarray]) -> np.ndarray:
    """Return the signatures as one uint32 matrix, a row an article: the array itself when it already is one (no copy)."""
    if isinstance(signatures, np.ndarray) and signatures.ndim == 2:
        return signatures.astype(np.uint32, copy=False)
    return np.vstack(signatures).astype(np.uint32, copy=False)


#: What proposed a candidate pair: the stems index, the words index, or both.
FOUND_BY = ["stems", "words", "stems;words"]


def confirm_pairs(
    pairs: Sequence[tuple[str, str, str]],
    features,
    *,
    sketches=None,
    threshold: float = ALIGNED_SHARE,
    min_sentence_similarity: float = MIN_SENTENCE_SIMILARITY,
    min_aligned: int = MIN_ALIGNED,
) -> pd.DataFrame:
    """Return the duplicates table for candidate `pairs` (a, b, found_by), each confirmed by sentence alignment.

    `features` maps an article id to what `article_features` returns for it (a dict's
    ``__getitem__``, or a loader that reads articles on demand). With `sketches` (article
    id -> Sketch), pairs are first aligned on the sketches' hashed stems, and `features`
    is asked only for the pairs that align: most candidates of a large corpus never need
    their text read again. Columns: PAIR_COLUMNS.
    """
    rows = []
    hashed = _Recent(lambda aid: _HashedStems(sketches[aid]), size=STEM_SETS_KEPT) if sketches is not None else None
    for a, b, how in pairs:
        if hashed is not None:
            ha, hb = hashed(a), hashed(b)
            passes = partial(_passes, shorter=min(ha.n, hb.n), min_aligned=min_aligned, threshold=threshold)
            sims = _hashed_similarities(ha, hb, min_similarity=min_sentence_similarity)
            # the sentences of a, and of b, with some similar partner bound the path's length
            if not passes(min(len(sims), len({j for row in sims.values() for j in row}))):
                continue
            if not passes(len(_best_path(sims, ha.n, hb.n))):
                continue
        row = _confirm(features(a), features(b), threshold=threshold, min_similarity=min_sentence_similarity,
                       min_aligned=min_aligned)
        if row is not None:
            rows.append({"article_a": a, "article_b": b, **row, "found_by": how})
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


#: Articles whose hashed sentence stems (_HashedStems) confirm_pairs keeps (a few KB each).
STEM_SETS_KEPT = 256


class _HashedStems:
    """One article's hashed sentence stems as arrays, for aligning on a Sketch without its text.

    n: sentences; size[k]: distinct stems of sentence k; values, sentence: every
    (stem, sentence) once, sorted by stem (what another article's stems are looked up in).
    """

    def __init__(self, sketch: "Sketch"):
        bounds = np.asarray(sketch.bounds, dtype=np.int64)
        self.n = len(bounds) - 1
        sentence = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(bounds))
        codes = np.unique(sentence << 32 | np.asarray(sketch.sentence_stems, dtype=np.int64))  # one of each per sentence
        sentence, values = codes >> 32, codes & 0xFFFFFFFF
        self.size = np.bincount(sentence, minlength=self.n)
        order = np.argsort(values, kind="stable")
        self.values, self.sentence = values[order], sentence[order]


def _hashed_similarities(a: _HashedStems, b: _HashedStems, *, min_similarity: float) -> dict[int, dict[int, float]]:
    """Return {i: {j: dice}} for the sentence pairs of a and b whose stems' Dice is at least `min_similarity`.

    The same values as _similarities gives for the stem sets, computed on arrays: every
    stem of a is looked up in b's sorted stems, and the matches counted per sentence pair.
    """
    if a.n == 0 or b.n == 0:
        return {}
    lo = np.searchsorted(b.values, a.values, side="left")
    hits = np.searchsorted(b.values, a.values, side="right") - lo
    total = int(hits.sum())
    if total == 0:
        return {}
    starts = np.repeat(lo - np.cumsum(hits) + hits, hits) + np.arange(total)
    pairs, shared = np.unique(np.repeat(a.sentence, hits) * b.n + b.sentence[starts], return_counts=True)
    i, j = pairs // b.n, pairs % b.n
    dice = 2 * shared / (a.size[i] + b.size[j])
    keep = dice >= min_similarity
    sims: dict[int, dict[int, float]] = {}
    for x, y, d in zip(i[keep].tolist(), j[keep].tolist(), dice[keep].tolist()):
        sims.setdefault(x, {})[y] = d
    return sims


class _Recent:
    """A function of an article id, with the last `size` results kept."""

    def __init__(self, compute, size: int = 4096):
        self.compute, self.size, self.kept = compute, size, {}

    def __call__(self, key):
        if key in self.kept:
            value = self.kept.pop(key)
        else:
            value = self.compute(key)
            if len(self.kept) >= self.size:
                self.kept.pop(next(iter(self.kept)))
        self.kept[key] = value
        return value


def article_features(sentences: pd.DataFrame) -> "_Features":
    """Return what one article contributes to confirming a pair (its body sentences as words and stems)."""
    return _features(_body_rows(sentences))


def _signature_of(feats: "_Features", num_perm: int, seed: int) -> Sketch | None:
    if not feats.word_shingles or not feats.stem_pairs:
        return None
    hashed = [sorted(zlib.crc32(x.encode("utf-8")) for x in stems) for stems in feats.stems]
    bounds = np.cumsum([0, *map(len, hashed)]).astype(np.int32)
    values = np.fromiter((h for sentence in hashed for h in sentence), dtype=np.uint32, count=int(bounds[-1]))
    return Sketch(_minhash(feats.word_shingles, num_perm, seed), _minhash(feats.stem_pairs, num_perm, seed), values, bounds)


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

    Batches wait until they outnumber a quarter of the kept codes. Then they are sorted
    and deduplicated on their own, and the new codes are inserted where they belong
    (one pass over the kept). A fold holds about twice the kept codes, against six
    times when everything was sorted together, and takes a third of the time: 40
    million codes added, 2.2 million unique, peak 45 MB and 15 s against 103 MB and
    45 s.
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


#: Buckets up to this size are expanded into pairs all together; larger ones a batch at a time.
_SMALL_BUCKET = 64
#: Pairs expanded at once from a large bucket.
PAIR_BATCH = 250_000
#: Candidate pairs whose stem signatures are compared at once (see candidate_pairs).
ESTIMATE_BATCH = 8_192


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


def align(
    sentences_a: pd.DataFrame | Sequence[str],
    sentences_b: pd.DataFrame | Sequence[str],
    *,
    min_similarity: float = MIN_SENTENCE_SIMILARITY,
    body_only: bool = True,
) -> pd.DataFrame:
    """Return two articles' sentences side by side, aligned in order, with differing words marked.

    Parameters
    ----------
    sentences_a, sentences_b : one article's rows of the sentences table each, or plain
        lists of sentence strings.
    min_similarity : Dice overlap of content stems at which two sentences may align.
    body_only : with sentence tables, keep body sentences only (as duplicate_pairs does).

    Returns
    -------
    DataFrame, one row per aligned pair or unmatched sentence, in reading order, with
    columns sentence_a, sentence_b (sentence_id, or list position; NA on the side with no
    match), score (Dice overlap of the pair), status (``aligned``, ``only_a``, ``only_b``),
    html_a, html_b: the sentence text HTML-escaped, words missing from the other side in
    ``<del>`` (a) or ``<ins>`` (b). Words are compared lower-cased.
    """
    ids_a, texts_a = _sentence_list(sentences_a, body_only=body_only)
    ids_b, texts_b = _sentence_list(sentences_b, body_only=body_only)
    stems_a = [frozenset(_content_stems(_words(t))) for t in texts_a]
    stems_b = [frozenset(_content_stems(_words(t))) for t in texts_b]
    path = _align_path(stems_a, stems_b, min_similarity=min_similarity)
    rows = []
    i = j = 0
    for pi, pj, score in [*path, (len(texts_a), len(texts_b), None)]:
        while i < pi:
            rows.append((ids_a[i], pd.NA, pd.NA, "only_a", _wrap(texts_a[i], "del"), ""))
            i += 1
        while j < pj:
            rows.append((pd.NA, ids_b[j], pd.NA, "only_b", "", _wrap(texts_b[j], "ins")))
            j += 1
        if score is None:
            break
        html_a, html_b = _mark_differences(texts_a[pi], texts_b[pj])
        rows.append((ids_a[pi], ids_b[pj], score, "aligned", html_a, html_b))
        i, j = pi + 1, pj + 1
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    frame["sentence_a"] = frame["sentence_a"].astype("Int64")
    frame["sentence_b"] = frame["sentence_b"].astype("Int64")
    frame["score"] = frame["score"].astype("Float64")
    return frame


def _is_body(sentences: pd.DataFrame) -> list[bool]:
    """Return, per row, whether it is body text: kind ``body`` (or no kind column) and not boilerplate (missing: not)."""
    n = len(sentences)
    boiler = sentences["is_boilerplate"].tolist() if "is_boilerplate" in sentences.columns else [False] * n
    kinds = sentences["kind"].tolist() if "kind" in sentences.columns else ["body"] * n
    return [k == "body" and not (b is not None and not pd.isna(b) and bool(b)) for b, k in zip(boiler, kinds)]


def _body_rows(sentences: pd.DataFrame) -> list[tuple[int, str]]:
    """Return (sentence_id, text) of the body rows (_is_body), read as lists: no frame is filtered."""
    ids, texts = sentences["sentence_id"].tolist(), sentences["text"].tolist()
    return [(int(i), str(t)) for i, t, keep in zip(ids, texts, _is_body(sentences)) if keep]


def _body(sentences: pd.DataFrame) -> pd.DataFrame:
    return sentences.loc[np.asarray(_is_body(sentences), dtype=bool)]


def _sentence_list(sentences: pd.DataFrame | Sequence[str], *, body_only: bool) -> tuple[list, list[str]]:
    if isinstance(sentences, pd.DataFrame):
        frame = _body(sentences) if body_only else sentences
        ids = list(frame["sentence_id"]) if "sentence_id" in frame.columns else list(range(len(frame)))
        return ids, [str(t) for t in frame["text"]]
    texts = [str(t) for t in sentences]
    return list(range(len(texts))), texts


def _features(sentences: list[tuple[int, str]]) -> _Features:
    ids, sentence_words, stems, shingles, pairs = [], [], [], set(), set()
    all_words: list[str] = []
    for sid, sentence in sentences:
        words = _words(sentence)
        all_words.extend(words)
        content = _content_stems(words)
        unique = sorted(set(content))
        pairs.update(f"{x} {y}" for k, x in enumerate(unique) for y in unique[k + 1:k + 1 + MAX_PAIR_SPAN])
        if len(unique) >= MIN_SENTENCE_STEMS:
            ids.append(int(sid))
            sentence_words.append(tuple(words))
            stems.append(frozenset(content))
    n = WORD_SHINGLE
    shingles = {" ".join(all_words[k:k + n]) for k in range(max(len(all_words) - n + 1, 0))}
    if all_words and not shingles:
        shingles = {" ".join(all_words)}
    return _Features(tuple(ids), tuple(sentence_words), tuple(stems), frozenset(shingles), frozenset(pairs))


def _words(sentence: str) -> list[str]:
    """Lower-cased, folded words of a sentence (glued words split), edge punctuation stripped."""
    folded = fold(sentence)
    lowered = folded.lower()
    words = [lowered[a:b].strip(".'-") for a, b in folded_word_spans(folded)]
    return [w for w in words if w]


def _content_stems(words: list[str]) -> list[str]:
    """Snowball stems of the content words, in order: function words out; numbers, acronyms kept."""
    out = []
    for w in words:
        if "." in w:  # acronym or number with a point: u.s, 1.5
            out.append(w)
            continue
        if "'" in w:
            w = P.POSSESSIVE.sub("", w).replace("'", "")
        for part in w.split("-") if "-" in w else (w,):
            if len(part) < 2 and not part.isdigit():
                continue
            if part in STOPWORDS:
                continue
            out.append(_stem(part))
    return out


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word) if not word.isdigit() else word


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def _minhash(shingles: frozenset[str], num_perm: int, seed: int) -> np.ndarray:
    """Return the MinHash signature of `shingles`: for each of `num_perm` hash functions, the least value.

    Each shingle is hashed once (CRC-32 of its UTF-8 bytes: deterministic across processes
    and runs), then by `num_perm` multiply-shift functions ((a * h + b) mod 2**64) >> 32,
    with odd a and b drawn from `seed`: a universal family, so the share of functions on
    which two sets' minima agree estimates their Jaccard similarity.
    """
    a, b = _permutations(num_perm, seed)
    hashed = np.fromiter(map(zlib.crc32, map(str.encode, shingles)), dtype=np.uint64, count=len(shingles))
    values = np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for lo in range(0, len(hashed), 4096):  # bounded memory for very long articles
            block = (hashed[lo:lo + 4096, None] * a + b) >> np.uint64(32)
            values = np.minimum(values, block.min(axis=0))
    return values.astype(np.uint32)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def _align_path(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], *, min_similarity: float) -> list[tuple[int, int, float]]:
    """Return the monotonic alignment (i, j, dice) of two stem-set sequences maximising total Dice.

    Only pairs with Dice >= min_similarity may align.
    """
    if not a or not b:
        return []
    return _best_path(_similarities(a, b, min_similarity=min_similarity), len(a), len(b))


def _similarities(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], *, min_similarity: float) -> dict[int, dict[int, float]]:
    """Return {i: {j: dice}} for the sentence pairs of a and b whose stem sets' Dice is at least `min_similarity`.

    Found through an inverted index of b's stems, so sentence pairs that share nothing cost nothing.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for j, stems in enumerate(b):
        for s in stems:
            postings[s].append(j)
    sims: dict[int, dict[int, float]] = {}
    for i, stems in enumerate(a):
        shared = Counter(j for s in stems for j in postings.get(s, ()))
        row = {}
        for j, k in shared.items():
            d = 2 * k / (len(stems) + len(b[j]))
            if d >= min_similarity:
                row[j] = d
        if row:
            sims[i] = row
    return sims


def _best_path(sims: dict[int, dict[int, float]], n: int, m: int) -> list[tuple[int, int, float]]:
    """Return the monotonic path (i, j, dice) through `sims` (n by m sentences) with the greatest total Dice."""
    # score[i][j]: best total over a[:i], b[:j]; rolled row by row with back-pointers kept sparse.
    prev = [0.0] * (m + 1)
    back: dict[tuple[int, int], int] = {}  # (i, j) -> 0 diagonal, 1 up (skip a), 2 left (skip b)
    for i in range(1, n + 1):
        cur = [0.0] * (m + 1)
        row = sims.get(i - 1, {})
        for j in range(1, m + 1):
            best, move = prev[j], 1
            if cur[j - 1] > best:
                best, move = cur[j - 1], 2
            d = row.get(j - 1)
            if d is not None and prev[j - 1] + d > best:
                best, move = prev[j - 1] + d, 0
            cur[j] = best
            if move != 1:
                back[(i, j)] = move
        prev = cur
    path = []
    i, j = n, m
    while i > 0 and j > 0:
        move = back.get((i, j), 1)
        if move == 0:
            path.append((i - 1, j - 1, sims[i - 1][j - 1]))
            i, j = i - 1, j - 1
        elif move == 1:
            i -= 1
        else:
            j -= 1
    return path[::-1]


def _passes(aligned: int, shorter: int, *, min_aligned: int, threshold: float) -> bool:
    """Return whether `aligned` sentences of the shorter article's `shorter` are enough to confirm a pair."""
    return shorter > 0 and aligned >= min_aligned and aligned / shorter >= threshold


def _confirm(fa: _Features, fb: _Features, *, threshold: float, min_similarity: float, min_aligned: int) -> dict | None:
    path = _align_path(fa.stems, fb.stems, min_similarity=min_similarity)
    shorter = min(len(fa.stems), len(fb.stems))
    if shorter == 0 or len(path) < min_aligned:
        return None
    share = len(path) / shorter
    if share < threshold:
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
        "aligned_share": round(share, 4),
        "verbatim_share": round(verbatim, 4),
        "candidate_jaccard": round(stem_jaccard, 4),
        "word_jaccard": round(word_jaccard, 4),
        "word_containment": round(containment, 4),
        "n_sentences_a": len(fa.stems),
        "n_sentences_b": len(fb.stems),
    }


def _mark_differences(a: str, b: str) -> tuple[str, str]:
    spans_a, spans_b = word_spans(a), word_spans(b)
    words_a = [fold(a[s:e]).lower() for s, e in spans_a]
    words_b = [fold(b[s:e]).lower() for s, e in spans_b]
    marked_a, marked_b = set(), set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            marked_a.update(range(i1, i2))
        if op in ("replace", "insert"):
            marked_b.update(range(j1, j2))
    return _render(a, spans_a, marked_a, "del"), _render(b, spans_b, marked_b, "ins")


def _render(text: str, spans: list[tuple[int, int]], marked: set[int], tag: str) -> str:
    out, pos = [], 0
    for k, (s, e) in enumerate(spans):
        out.append(html.escape(text[pos:s]))
        word = html.escape(text[s:e])
        out.append(f"<{tag}>{word}</{tag}>" if k in marked else word)
        pos = e
    out.append(html.escape(text[pos:]))
    return P.ADJACENT_MARKS.sub(r"\2", "".join(out))


def _wrap(text: str, tag: str) -> str:
    return f"<{tag}>{html.escape(text)}</{tag}>"


# --- machine translation -----------------------------------------------------------------------------

#: Weight of each clue towards the translation score. Disclaimers decide alone. Garbling that
#: a human editor would not let through counts 1; clues that careful English also shows now
#: and then (a dropped article, a name spelled two ways, a lone fragment) count 0.5.
CLUE_WEIGHTS = {
    "capital_mid_sentence": 1.0,
    "lowercase_after_stop": 1.0,
    "lowercase_sentence_start": 1.0,
    "lowercase_weekday": 1.0,
    "glued_words": 1.0,
    "subject_dropped": 1.0,
    "repeated_in_list": 1.0,
    "dropped_article": 0.5,
    "name_spelling": 0.5,
    "fragment": 0.5,
}
#: Score at and above which an article counts as machine-translated...
MIN_TRANSLATION_SCORE = 2.0
#: ...provided the clues come from at least this many different sentences (one garbled
#: sentence can be a scraping accident).
MIN_TRANSLATION_SENTENCES = 2
#: Sentence kinds whose text is looked at (headlines drop articles by design; debris is noise).
_CHECKED_KINDS = frozenset({"body", "dek", "credit", "caption", "disclaimer"})
_CONTEXT = 20
_ABBREVIATIONS = ABBREVIATIONS | {"etc", "approx", "incl", "ibid"}


def translation_evidence(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the clues that articles' sentences were machine-translated, one row per clue.

    Parameters
    ----------
    sentences : rows of the sentences table (one article or many): article_id, sentence_id,
        start, end, text, kind.

    Clues (see CLUE_WEIGHTS and patterns.compare): ``disclaimer`` (a translation or
    automatic-republishing note), ``capital_mid_sentence`` ("killed The worst"),
    ``lowercase_after_stop`` ("business. for the past"), ``lowercase_sentence_start``,
    ``lowercase_weekday`` ("on wednesday"), ``glued_words`` ("VietnamTheresa"),
    ``subject_dropped`` ("Said Belarus will..."), ``repeated_in_list`` ("Pakistan, India and
    Pakistan"), ``dropped_article`` ("in Kazakh capital Astana"), ``fragment`` ("Iran,"),
    ``name_spelling`` (one name spelled two ways in one article: "Rakhmon", "Rahmon").
    Headlines are not checked.

    Returns
    -------
    DataFrame with columns article_id, sentence_id, start, end (offsets of the clue in the
    raw text), clue, text (the clue with some context).
    """
    rows: list[tuple] = []
    columns = [sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "end", "text")]
    columns.append(sentences["kind"].tolist() if "kind" in sentences.columns else ["body"] * len(sentences))
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for row in zip(*columns):
        by_article[row[0]].append(row)
    for aid, article_rows in by_article.items():
        names: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
        previous = ""
        for _, sid, start, end, raw, kind in article_rows:
            after_abbreviation = _ends_with_abbreviation(previous)
            raw = str(raw)
            folded = previous = fold(raw)
            if kind not in _CHECKED_KINDS:
                continue
            if kind == "disclaimer":
                rows.append((aid, sid, start, end, "disclaimer", raw))
                continue
            rows.extend(_sentence_clues(aid, sid, start, raw, body=kind == "body", after_abbreviation=after_abbreviation,
                                        folded=folded))
            if kind == "body":
                for m in P.NAME_WORD.finditer(folded):
                    if m.start() > 0:  # a capital at sentence start says nothing
                        names[m.group()].append((sid, start + m.start(), start + m.end(), raw))
        rows.extend(_name_spelling_clues(aid, names))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))  # stable: clues at one place keep the order they were found in
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def _ends_with_abbreviation(folded: str) -> bool:
    """True when `folded` (a sentence, folded) ends with an abbreviation's period ("etc.", "Inc."):
    the splitter may have cut there, and the next "sentence" then rightly starts in lower case."""
    m = P.FINAL_WORD.search(folded)
    return bool(m) and m.group("word").lower() in _ABBREVIATIONS


def _sentence_clues(aid: str, sid: int, offset: int, raw: str, *, body: bool, after_abbreviation: bool = False,
                    folded: str | None = None) -> list[tuple]:
    folded = fold(raw) if folded is None else folded
    rows = []

    def add(clue: str, a: int, b: int) -> None:
        rows.append((aid, sid, offset + a, offset + b, clue, raw[max(a - _CONTEXT, 0):b + _CONTEXT]))

    for m in P.MIDSENTENCE_CAPITAL.finditer(folded):
        g = "clue" if m.group("clue") else "clue2"
        add("capital_mid_sentence", m.start(g), m.end(g))
    for m in P.LOWERCASE_AFTER_STOP.finditer(folded):
        if m.group("before").lower() not in _ABBREVIATIONS:  # "etc. and", "Inc. or" are fine
            add("lowercase_after_stop", m.start("clue"), m.end("clue"))
    for pattern, clue in (
        (P.LOWERCASE_CALENDAR_WORD, "lowercase_weekday"),
        (P.REPEATED_LIST_ITEM, "repeated_in_list"),
        (P.DROPPED_ARTICLE, "dropped_article"),
    ):
        for m in pattern.finditer(folded):
            add(clue, m.start("clue"), m.end("clue"))
    m = P.LOWERCASE_SENTENCE_START.match(folded)
    if m and not after_abbreviation:
        add("lowercase_sentence_start", m.start("clue"), m.end("clue"))
    if body:
        for pattern, clue in ((P.SUBJECT_DROPPED, "subject_dropped"), (P.FRAGMENT, "fragment")):
            m = pattern.match(folded)
            if m:
                add(clue, m.start("clue"), m.end("clue"))
    if GLUED_WORD.search(folded):  # else no word is glued (see text.folded_word_spans)
        for w in WORD.finditer(folded):
            for cut in glued_words(w.group()):
                add("glued_words", w.start(), w.end())
    return rows


def _name_spelling_clues(aid: str, names: dict[str, list[tuple[int, int, int, str]]]) -> list[tuple]:
    """One clue per later mention of a name written one inner letter apart from another."""
    rows = []
    words = sorted(names, key=lambda w: min(x[1] for x in names[w]))
    # _one_inner_edit needs the same first letter and lengths at most one apart: look
    # only among earlier names of that letter and of the three lengths, in their order.
    seen: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        earlier = sorted(k for n in (len(w) - 1, len(w), len(w) + 1) for k in seen.get((w[0], n), ()))
        seen[(w[0], len(w))].append(i)
        for v in (words[k] for k in earlier):
            if _one_inner_edit(v, w):
                for sid, a, b, raw in names[w]:
                    rows.append((aid, sid, a, b, "name_spelling", f"{w} (also spelled {v})"))
                break
    return rows


def _one_inner_edit(x: str, y: str) -> bool:
    """True when x and y differ by one letter inserted, dropped or changed, not in the last two."""
    if x == y or x[0] != y[0] or abs(len(x) - len(y)) > 1:
        return False
    if x.lower() == y.lower():
        return False
    k = 0
    while k < min(len(x), len(y)) and x[k] == y[k]:
        k += 1
    if k >= min(len(x), len(y)) - 2:  # the change sits in the last two letters: inflection, not spelling
        return False
    if len(x) == len(y):
        return x[k + 1:] == y[k + 1:]
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return longer[k + 1:] == shorter[k:]


def translation_score(evidence: pd.DataFrame) -> float:
    """Return the weighted number of clues in `evidence` (CLUE_WEIGHTS; disclaimers excluded)."""
    return float(sum(CLUE_WEIGHTS.get(clue, 0.0) for clue in evidence["clue"]))


def is_translated(
    evidence: pd.DataFrame,
    *,
    min_score: float = MIN_TRANSLATION_SCORE,
    min_sentences: int = MIN_TRANSLATION_SENTENCES,
) -> bool:
    """Return True when `evidence` (one article's, from translation_evidence) shows machine translation.

    The rule: a translation disclaimer decides alone; otherwise the clues' weights
    (CLUE_WEIGHTS) must add up to `min_score` and come from at least `min_sentences`
    different sentences.
    """
    clues = evidence["clue"].tolist()
    if "disclaimer" in clues:
        return True
    weighted = [(clue, sid) for clue, sid in zip(clues, evidence["sentence_id"].tolist()) if clue in CLUE_WEIGHTS]
    score = float(sum(CLUE_WEIGHTS[clue] for clue, _ in weighted))
    return score >= min_score and len({sid for _, sid in weighted if not pd.isna(sid)}) >= min_sentences


def translated(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return one row per article with its translation verdict and clue counts.

    Columns: article_id, translated (is_translated), score (translation_score), n_clues,
    clues (``clue:count`` pairs, ``;``-separated). Articles are in order of first appearance.
    """
    evidence = translation_evidence(sentences)
    by_article = dict(tuple(evidence.groupby("article_id", sort=False)))
    rows = []
    for aid in pd.unique(sentences["article_id"]):
        ev = by_article.get(aid, evidence.iloc[:0])
        counts = ev["clue"].value_counts()
        rows.append(
            (aid, is_translated(ev), translation_score(ev), len(ev), ";".join(f"{k}:{v}" for k, v in sorted(counts.items())))
        )
    return pd.DataFrame(rows, columns=["article_id", "translated", "score", "n_clues", "clues"])

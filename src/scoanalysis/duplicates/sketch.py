"""What near-duplicate search keeps of one article: its body sentences as words and content stems, and its Sketch.

An article's *body* sentences (kind ``body``, not boilerplate: headlines and standfirsts are
rewritten too freely to compare) give two shingle sets (`article_features`):

* words: 5-word shingles of the lower-cased text; finds copies, verbatim or lightly edited;
* stems: within each sentence, every unordered pair of its *content-word stems* (lower-cased,
  Snowball-stemmed, function words dropped; numbers, acronyms and names kept). Re-translation
  changes function words, inflections and word order far more than which names, numbers
  and content words share a sentence, so two translations of one text share many of these
  pairs (0.65 Jaccard for the two CNN translations of the seed corpus, 0.28 for a loose
  paraphrase in the tests) where two different stories about one summit, full of the same
  names, share few (0.05 for the two Astana stories). Neighbouring-stem bigrams separate
  worse (0.14 for the paraphrase): translation reorders words inside a sentence.

Each set is summarised by a MinHash signature, and each aligned sentence's stems are kept
hashed (`Sketch`, from `signature`), so a corpus can be sketched article by article, in
parallel, and only the sketches kept. `SentenceStems` holds one article's sentence stems
(strings, or their hashes) sorted for lookup: what sentence alignment compares.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

import numpy as np
import pandas as pd

from ..patterns import duplicates as P
from ..patterns.text import STOPWORDS
from ..text import fold, folded_word_spans

#: Words per shingle of the verbatim representation.
WORD_SHINGLE = 5
#: Sentences with fewer content stems than this are left out of alignment ("He said.").
MIN_SENTENCE_STEMS = 2
#: Stem pairs are formed within this many places in a sentence's sorted stems (bounds the
#: cost of very long sentences).
MAX_PAIR_SPAN = 30


@dataclass(frozen=True, slots=True, eq=False)
class SentenceStems:
    """One article's sentences' content stems, sorted for lookup by another article's.

    n : number of sentences; size[k] : distinct stems of sentence k; values, sentence : every
    (stem, sentence) once, sorted by stem, then sentence. Stems are strings
    (`ArticleFeatures.sentence_stems`) or their CRC-32 (`Sketch.sentence_stems`).
    """

    n: int
    size: np.ndarray
    values: np.ndarray
    sentence: np.ndarray

    @classmethod
    def of(cls, values: np.ndarray, bounds: Sequence[int]) -> SentenceStems:
        """Return the lookup of sentences whose stems are values[bounds[k]:bounds[k + 1]] (repeats allowed)."""
        bounds = np.asarray(bounds, dtype=np.int64)
        n = len(bounds) - 1
        sentence = np.repeat(np.arange(n, dtype=np.int64), np.diff(bounds))
        order = np.lexsort((sentence, values))
        values, sentence = values[order], sentence[order]
        first = np.ones(len(values), dtype=bool)  # one of each (stem, sentence)
        first[1:] = (values[1:] != values[:-1]) | (sentence[1:] != sentence[:-1])
        values, sentence = values[first], sentence[first]
        return cls(n, np.bincount(sentence, minlength=n), values, sentence)

    @classmethod
    def of_sets(cls, stems: Sequence[frozenset[str]]) -> SentenceStems:
        """Return the lookup of sentences given as sets of string stems, in order."""
        values = np.array([s for sentence in stems for s in sentence], dtype=str)
        return cls.of(values, np.cumsum([0, *map(len, stems)]))

    @classmethod
    def of_sketch(cls, sketch: Sketch) -> SentenceStems:
        """Return the lookup of a Sketch's hashed sentence stems."""
        return cls.of(np.asarray(sketch.sentence_stems), sketch.bounds)


@dataclass(frozen=True)
class ArticleFeatures:
    """What one article contributes to comparison: its aligned body sentences as words and stems, its shingles.

    sentence_ids, words, stems : the sentence_id, lower-cased words and content stems of each
        body sentence with at least MIN_SENTENCE_STEMS distinct stems, in order.
    word_shingles, stem_pairs : the two shingle sets of all body sentences (see the module docstring).
    """

    sentence_ids: tuple[int, ...]
    words: tuple[tuple[str, ...], ...]
    stems: tuple[frozenset[str], ...]
    word_shingles: frozenset[str]
    stem_pairs: frozenset[str]

    @cached_property
    def sentence_stems(self) -> SentenceStems:
        """The stems of the aligned sentences, sorted for lookup (built when first aligned)."""
        return SentenceStems.of_sets(self.stems)


@dataclass(frozen=True, slots=True)
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


def article_features(sentences: pd.DataFrame) -> ArticleFeatures:
    """Return what one article contributes to confirming a pair (its body sentences as words and stems).

    Parameters
    ----------
    sentences : one article's rows of the sentences table (sentence_id, text, and optionally
        is_boilerplate and kind: without them every row is body text).

    Returns
    -------
    ArticleFeatures of the article's body sentences.
    """
    return _features(_body_rows(sentences))


def signature(sentences: pd.DataFrame, *, num_perm: int = 128, seed: int = 1) -> Sketch | None:
    """Return one article's Sketch (MinHash signatures and hashed sentence stems), or None if it has no body text.

    `sentences` holds one article's rows of the sentences table. `candidate_table` bands
    the signatures; `confirm_pairs` aligns candidates on the hashed stems first, so a
    corpus can be sketched article by article (in parallel) and only the sketches kept.
    """
    return sketch_of(article_features(sentences), num_perm=num_perm, seed=seed)


def sketch_of(features: ArticleFeatures, *, num_perm: int = 128, seed: int = 1) -> Sketch | None:
    """Return the Sketch of an article's features, or None when it has no shingle of either kind."""
    if not features.word_shingles or not features.stem_pairs:
        return None
    hashed = [sorted(zlib.crc32(x.encode("utf-8")) for x in stems) for stems in features.stems]
    bounds = np.cumsum([0, *map(len, hashed)]).astype(np.int32)
    values = np.fromiter((h for sentence in hashed for h in sentence), dtype=np.uint32, count=int(bounds[-1]))
    return Sketch(_minhash(features.word_shingles, num_perm, seed), _minhash(features.stem_pairs, num_perm, seed),
                  values, bounds)


def _body_rows(sentences: pd.DataFrame) -> list[tuple[int, str]]:
    """Return (sentence_id, text) of the body rows: kind ``body`` (or no kind column) and not boilerplate (missing: not).

    Without a sentence_id column the rows kept are numbered from 0.
    """
    n = len(sentences)
    boiler = sentences["is_boilerplate"].tolist() if "is_boilerplate" in sentences.columns else [False] * n
    kinds = sentences["kind"].tolist() if "kind" in sentences.columns else ["body"] * n
    keep = [k == "body" and not (b is not None and not pd.isna(b) and bool(b)) for b, k in zip(boiler, kinds)]
    texts = [str(t) for t, kept in zip(sentences["text"].tolist(), keep) if kept]
    if "sentence_id" not in sentences.columns:
        return list(enumerate(texts))
    return list(zip((int(i) for i, kept in zip(sentences["sentence_id"].tolist(), keep) if kept), texts))


def _features(sentences: list[tuple[int, str]]) -> ArticleFeatures:
    ids, sentence_words, stems, pairs = [], [], [], set()
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
    return ArticleFeatures(tuple(ids), tuple(sentence_words), tuple(stems), frozenset(shingles), frozenset(pairs))


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

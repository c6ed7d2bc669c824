"""Aligning two articles' sentences in order, by the overlap of their content stems.

Two sentences may align when the Dice overlap of their content stems reaches
MIN_SENTENCE_SIMILARITY; the alignment is the monotonic path through the sentence pairs
with the greatest total Dice (dynamic programming). `align` returns the path as rows of a
table; confirming a candidate pair of duplicates (`duplicates.search`) reads the same path.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .sketch import SentenceStems, _body_rows, _content_stems, _words

#: Dice overlap of two sentences' content stems at and above which they may be aligned.
MIN_SENTENCE_SIMILARITY = 0.4

ALIGNMENT_COLUMNS = ["sentence_a", "sentence_b", "score", "status", "text_a", "text_b"]


def align(
    sentences_a: pd.DataFrame | Sequence[str],
    sentences_b: pd.DataFrame | Sequence[str],
    *,
    min_similarity: float = MIN_SENTENCE_SIMILARITY,
    body_only: bool = True,
) -> pd.DataFrame:
    """Return two articles' sentences side by side, aligned in order.

    Parameters
    ----------
    sentences_a, sentences_b : one article's rows of the sentences table each, or plain
        lists of sentence strings.
    min_similarity : Dice overlap of content stems at which two sentences may align.
    body_only : with sentence tables, keep body sentences only (as duplicate_pairs does).

    Returns
    -------
    DataFrame, one row per aligned pair or unmatched sentence, in reading order, with
    columns sentence_a, sentence_b (Int64: sentence_id, or list position; NA on the side
    with no match), score (Float64: Dice overlap of the pair's content stems), status
    (``aligned``, ``only_a``, ``only_b``), text_a, text_b (string: the sentences; NA on
    the side with no match).
    """
    ids_a, texts_a = _sentence_list(sentences_a, body_only=body_only)
    ids_b, texts_b = _sentence_list(sentences_b, body_only=body_only)
    stems_a = SentenceStems.of_sets([frozenset(_content_stems(_words(t))) for t in texts_a])
    stems_b = SentenceStems.of_sets([frozenset(_content_stems(_words(t))) for t in texts_b])
    path = align_path(stems_a, stems_b, min_similarity=min_similarity)
    rows = []
    i = j = 0
    for pi, pj, score in [*path, (len(texts_a), len(texts_b), None)]:
        while i < pi:
            rows.append((ids_a[i], pd.NA, pd.NA, "only_a", texts_a[i], pd.NA))
            i += 1
        while j < pj:
            rows.append((pd.NA, ids_b[j], pd.NA, "only_b", pd.NA, texts_b[j]))
            j += 1
        if score is None:
            break
        rows.append((ids_a[pi], ids_b[pj], score, "aligned", texts_a[pi], texts_b[pj]))
        i, j = pi + 1, pj + 1
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    return frame.astype({"sentence_a": "Int64", "sentence_b": "Int64", "score": "Float64",
                         "text_a": "string", "text_b": "string"})


def align_path(a: SentenceStems, b: SentenceStems, *, min_similarity: float) -> list[tuple[int, int, float]]:
    """Return the monotonic alignment (i, j, dice) of two articles' sentences maximising total Dice.

    Only sentence pairs whose stems' Dice overlap reaches `min_similarity` may align.
    """
    if not a.n or not b.n:
        return []
    return best_path(similarities(a, b, min_similarity=min_similarity), a.n, b.n)


def similarities(a: SentenceStems, b: SentenceStems, *, min_similarity: float) -> dict[int, dict[int, float]]:
    """Return {i: {j: dice}} for the sentence pairs of a and b whose stems' Dice is at least `min_similarity`.

    Every stem of a is looked up in b's sorted stems and the matches counted per sentence
    pair, so sentence pairs that share nothing cost nothing.
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


def best_path(sims: dict[int, dict[int, float]], n: int, m: int) -> list[tuple[int, int, float]]:
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


def _sentence_list(sentences: pd.DataFrame | Sequence[str], *, body_only: bool) -> tuple[list, list[str]]:
    """Return the ids and texts of the sentences to align: sentence_id (else position) and text."""
    if not isinstance(sentences, pd.DataFrame):
        rows = list(enumerate(str(t) for t in sentences))
    elif body_only:
        rows = _body_rows(sentences)
    else:
        texts = [str(t) for t in sentences["text"]]
        ids = sentences["sentence_id"].tolist() if "sentence_id" in sentences.columns else range(len(texts))
        rows = list(zip(ids, texts))
    return [i for i, _ in rows], [t for _, t in rows]

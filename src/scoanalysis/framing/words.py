"""Distinctive words: the log-odds ratio with an informative Dirichlet prior ("Fightin' Words").

Monroe, Colaresi & Quinn (2008): each group's words against all the other groups pooled.
"""

from __future__ import annotations

import math

import pandas as pd

from ..text import term_counts
from .common import GroupBy, article_mapping

DISTINCTIVE_COLUMNS = ["group", "term", "count", "count_other", "delta", "z"]
#: Default prior size a_0 of distinctive_words, as a share of the corpus's word count n: a
#: prior worth a tenth of the corpus steadies words seen a handful of times without
#: swamping any group (with a_0 = n the prior outweighs every group of a small corpus).
PRIOR_SHARE = 0.1


def distinctive_words(
    counts_or_sentences: pd.DataFrame,
    *,
    by: GroupBy | None = None,
    prior: float | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Return each group's words scored by how much more (or less) it uses them than the other groups.

    The statistic is the log-odds ratio with an informative Dirichlet prior of Monroe,
    Colaresi & Quinn (2008, "Fightin' Words", eq. 22), group i against all other groups j
    pooled::

        delta_w = log((y_w^i + a_w) / (n^i + a_0 - y_w^i - a_w))
                - log((y_w^j + a_w) / (n^j + a_0 - y_w^j - a_w))
        var_w  ~= 1 / (y_w^i + a_w) + 1 / (y_w^j + a_w)
        z_w     = delta_w / sqrt(var_w)

    where y_w^i is the count of w in group i, n^i the group's total count, and the prior
    a_w = a_0 * y_w / n is the whole corpus's word distribution scaled to a_0 pseudo-counts.

    Parameters
    ----------
    counts_or_sentences : term counts (columns group, term, count, as from
        text.term_counts) or the sentences table (then counted with text.term_counts).
    by : with sentences, article_id -> group (Series or mapping) or a column of `sentences`.
    prior : a_0, the prior's total pseudo-count. Default PRIOR_SHARE * n (a tenth of the
        corpus's word count); smaller values shrink less (rare words reach higher z),
        larger ones more, and ``prior=n`` uses the corpus counts themselves as prior.
    min_count : leave out terms used fewer times than this in the whole corpus.

    Returns
    -------
    DataFrame with columns group, term, count (y_w^i), count_other (y_w^j), delta, z, one
    row per (group, term) of the vocabulary, sorted by group, then z (largest first). z
    above 1.96 marks a word the group uses distinctly more than the rest.
    """
    counts = _term_table(counts_or_sentences, by=by)
    wide = counts.pivot_table(index="term", columns="group", values="count", aggfunc="sum", fill_value=0)
    total = wide.sum(axis=1)
    wide = wide[total >= min_count]
    total = total[total >= min_count]
    n = float(total.sum())
    if n == 0 or wide.shape[1] == 0:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    a0 = float(prior) if prior is not None else PRIOR_SHARE * n
    alpha = a0 * total / n
    frames = []
    for group in wide.columns:
        yi = wide[group].astype(float)
        yj = total - yi
        ni, nj = float(yi.sum()), n - float(yi.sum())
        delta = (
            ((yi + alpha) / (ni + a0 - yi - alpha)).map(math.log)
            - ((yj + alpha) / (nj + a0 - yj - alpha)).map(math.log)
        )
        var = 1 / (yi + alpha) + 1 / (yj + alpha)
        frames.append(pd.DataFrame({
            "group": group, "term": wide.index, "count": yi.astype(int).values, "count_other": yj.astype(int).values,
            "delta": delta.values, "z": (delta / var.map(math.sqrt)).values,
        }))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def _term_table(counts_or_sentences: pd.DataFrame, *, by: GroupBy | None) -> pd.DataFrame:
    frame = counts_or_sentences
    if {"group", "term", "count"} <= set(frame.columns):
        return frame[["group", "term", "count"]]
    if "text" not in frame.columns:
        raise ValueError("distinctive_words needs term counts (group, term, count) or sentences (article_id, text).")
    if by is None:
        raise ValueError("distinctive_words needs `by` (article_id -> group) to count the sentences by group.")
    mapping = article_mapping(frame, by)
    return term_counts(frame, by=mapping)


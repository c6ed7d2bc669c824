"""Merging: the mentions that tell the same event (in several articles, or twice in one) become one event.

Mentions are taken narrowest days first; each joins the best-matching cluster of its
type (clusters.py), else starts one. An event's article_id/sentence_id are those of
its first mention (earliest published article, then first sentence); date_text is
the phrase of its narrowest mention, date_evidence where that phrase is written; its
evidence every mention as ``article_id:sentence_id``. numbering.py names the events.

``independent_groups`` splits the mentions into groups that merge without each other,
so that a large corpus can be merged a batch at a time.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from .. import reference
from .clusters import Cluster, ClusterIndex, text_or_empty
from .numbering import NUMBERING_ORDER, empty_events, number_events


def events(mentions: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the events table: one row per event, its mentions merged.

    Parameters
    ----------
    mentions
        ``event_mentions`` output.
    summits
        The reference summits (default ``reference.summits()``), for relative_days.

    Returns
    -------
    DataFrame with the contract's columns event_id, article_id, sentence_id (first
    mention), summit_id (the first mention's article's summit), event_type,
    earliest, latest, date_text, actors (list of entity_ids), description,
    evidence (list of ``article_id:sentence_id``), relative_days (earliest minus
    the summit's opening, in days); then start, end (the first mention's offsets),
    places (list), status, summit_ref, summit_ids (list: the summits of every
    article that tells the event), trigger, date_evidence, n_mentions, n_articles.
    Sorted by earliest, then event_id. The input is not changed.

    ``number_events(merged_mentions(m))`` is the same table; so is numbering the
    merged mentions of each group of ``independent_groups(m)`` pooled in their order.
    """
    merged = merged_mentions(mentions, summits=summits)
    return number_events(merged) if len(merged) else empty_events()


def merged_mentions(mentions: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the events of `mentions` before they are numbered: one row per event, in numbering order.

    Mentions are merged as ``events`` does. Columns: EVENT_COLUMNS but event_id, then
    ``_first`` (the first mention's order key: published, article_id, sentence_id,
    start) and ``_slug``. Sorted by earliest, latest, event_type, _first (a total
    order: no two events share a first mention). Empty (no columns) without dated mentions.
    The input is not changed.
    """
    summit_table = reference.summits() if summits is None else summits
    if mentions is None or mentions.empty:
        return pd.DataFrame()
    m = mentions.copy()
    m["earliest"] = pd.to_datetime(m["earliest"])
    m["latest"] = pd.to_datetime(m["latest"])
    m = m[m["earliest"].notna() & m["latest"].notna()]
    if m.empty:
        return pd.DataFrame()
    m["_width"] = (m["latest"] - m["earliest"]).dt.days
    m["_pub"] = pd.to_datetime(m["published"]) if "published" in m else pd.NaT
    m["_order"] = list(zip(m["_pub"].fillna(pd.Timestamp.max), m["article_id"],
                           m["sentence_id"].astype(int), m["start"].astype(int)))
    m = m.sort_values(["_width", "_order"], kind="stable")
    clusters: list[Cluster] = []
    by_type: dict[str, ClusterIndex] = defaultdict(ClusterIndex)
    for rec in m.to_dict("records"):
        index = by_type[rec["event_type"]]
        best, best_score = None, 0.0
        for k in index.candidates(rec):  # in the order the clusters were made: the first best wins
            score = index.clusters[k].match(rec)
            if score > best_score:
                best, best_score = k, score
        if best is None:
            clusters.append(index.create(rec))
        else:
            index.add(best, rec)
    starts = summit_table.set_index("summit_id")["start"].to_dict()
    order = {sid: i for i, sid in enumerate(summit_table.sort_values("start")["summit_id"])}
    out = pd.DataFrame([c.row(starts, order) for c in clusters])
    return out.sort_values(list(NUMBERING_ORDER), kind="stable").reset_index(drop=True)


def independent_groups(mentions: pd.DataFrame) -> pd.Series:
    """Return, for each mention, a group number such that merging group by group gives the events of all at once.

    Mentions can only end in one event when they have the same type and either the
    same summit reference or overlapping days (an event's days stay within those of its
    mentions, and a reference summit's event within the days its mentions span). So
    per event type, each summit reference's mentions count as one range (from their
    earliest day to their latest), and ranges that overlap, directly or through others,
    form one group. Mentions without both days (which merge into nothing) are group -1.

    Returns a Series of int64 group numbers named ``group``, indexed like `mentions`;
    groups are numbered from 0 in order of event type, then day.
    """
    if mentions is None or mentions.empty:
        return pd.Series([], dtype=np.int64, name="group")
    n = len(mentions)
    lo = pd.to_datetime(mentions["earliest"]).to_numpy(dtype="datetime64[D]")
    hi = pd.to_datetime(mentions["latest"]).to_numpy(dtype="datetime64[D]")
    dated = ~(np.isnat(lo) | np.isnat(hi))
    # integer codes, no string a mention (8 bytes a mention where strings cost about 100)
    kind_codes, kinds = pd.factorize(mentions["event_type"], use_na_sentinel=False)
    kind = np.argsort(np.argsort(np.array([str(k) for k in kinds], dtype=object), kind="stable"))[kind_codes]
    if "summit_ref" in mentions:
        ref_codes, refs = pd.factorize(mentions["summit_ref"], use_na_sentinel=False)
        texts, ref_of_text = np.unique(np.array([text_or_empty(r) for r in refs], dtype=object), return_inverse=True)
        ref = ref_of_text.reshape(-1)[ref_codes]
        none = 0 if texts[0] == "" else -1  # sorted: no reference ("") comes first when there is one
    else:
        texts, ref, none = np.array([""], dtype=object), np.zeros(n, dtype=np.int64), 0
    # an item per mention without a reference, one per (type, reference): its range spans its mentions'
    key = np.where(ref == none, len(texts) + np.arange(n), ref).astype(np.int64)
    stride = len(texts) + n
    item_of, items = pd.factorize(kind.astype(np.int64)[dated] * stride + key[dated])
    days_lo, days_hi = lo[dated].astype(np.int64), hi[dated].astype(np.int64)
    spans = pd.DataFrame({"item": item_of, "lo": days_lo, "hi": days_hi}).groupby("item", sort=True).agg(
        lo=("lo", "min"), hi=("hi", "max"))
    span_kind = items // stride
    s_lo, s_hi = spans["lo"].to_numpy(), spans["hi"].to_numpy()
    order = _tied_by_key(np.lexsort((s_hi, s_lo, span_kind)), span_kind, s_lo, s_hi, items % stride, texts)
    # sorted by type then day, a range starts a group when it begins after every range of its type so far;
    # each type's days are shifted past the last type's, so that a running maximum serves every type
    start, reach = s_lo[order], s_hi[order]
    if len(order):
        first = min(s_lo.min(), s_hi.min())
        shift = span_kind[order].astype(np.int64) * (max(s_lo.max(), s_hi.max()) - first + 2) - first
        start, reach = start + shift, np.maximum.accumulate(reach + shift)
    new = np.ones(len(order), dtype=bool)
    new[1:] = start[1:] > reach[:-1]
    group = np.empty(len(order), dtype=np.int64)
    group[order] = np.cumsum(new) - 1
    out = np.full(n, -1, dtype=np.int64)
    out[dated] = group[item_of]
    return pd.Series(out, index=mentions.index, name="group")


def _tied_by_key(order: np.ndarray, kind: np.ndarray, lo: np.ndarray, hi: np.ndarray, key: np.ndarray,
                 texts: np.ndarray) -> np.ndarray:
    """Return `order` (ranges sorted by type, then days) with ties of inverted ranges put in their key's order.

    Ranges that end before they start and tie on type and days only differ in which
    group number each gets; the key as text (a mention's number, or ``ref:`` and its
    summit) decides, so the numbers do not depend on how the keys are coded.
    """
    k, a, b = kind[order], lo[order], hi[order]
    same = np.zeros(len(order), dtype=bool)
    same[1:] = (k[1:] == k[:-1]) & (a[1:] == a[:-1]) & (b[1:] == b[:-1])
    tied = (a > b) & (same | np.append(same[1:], False))
    if not tied.any():
        return order
    at = np.flatnonzero(tied)
    run = np.cumsum(~same)[at]
    names = [str(x - len(texts)) if x >= len(texts) else "ref:" + texts[x] for x in key[order[at]].tolist()]
    order = order.copy()
    order[at] = order[at][sorted(range(len(at)), key=lambda t: (run[t], names[t]))]
    return order

"""Contradictions between claims: claims of one subject and family that say incompatible things.

Two claims conflict when they share subject and kind of statement but say things that
cannot both hold (Belarus joins NATO / Belarus joins the SCO; Modi is President /
Prime Minister of India), within the window for facts that change over time, unless
the reference bears both out or they come from one sentence. Hedged claims conflict
with nothing.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from .facts import ReferenceFacts
from .kinds import FAMILY, STATUSES

#: Families whose claims conflict only when their dates are within the window (see incompatible).
_TIMED = frozenset({"accession", "status", "office", "count"})
#: The fields of a claim that `incompatible` reads, but for its date.
_SHAPE = ("predicate", "object", "scope", "qualifier", "tense", "polarity", "hedged")


def conflicting(group: list[dict], agrees: np.ndarray, ref: ReferenceFacts, window: pd.Timedelta, *,
                limit: int) -> dict[int, tuple[list[int], int]]:
    """Return, for each claim of `group` that another contradicts, (the first `limit` of those, their number).

    Positions are in `group`. A pair counts when `incompatible` holds, unless both claims
    agree with the reference (`agrees`) or they come from one sentence. Exact without
    calling `incompatible` on every pair: claims are grouped by shape (everything
    `incompatible` reads but the date); two shapes are compared once, and for a
    conflicting pair of shapes the member pairs differ only in the date, which only ever
    adds a condition (within `window`, for time-bound families), checked on arrays a
    block at a time.
    """
    shapes: dict[tuple, list[int]] = defaultdict(list)
    for k, c in enumerate(group):
        if FAMILY.get(c["predicate"]) is not None:
            shapes[tuple(str(c.get(f)) for f in _SHAPE)].append(k)
    if not shapes:
        return {}
    days = np.array([_days(c.get("claim_date")) for c in group], dtype=float)
    sentence = np.array([hash((c.get("article_id"), c.get("sentence_id"))) for c in group], dtype=np.int64)
    undated = {key: {**group[members[0]], "claim_date": pd.NaT} for key, members in shapes.items()}
    keys = list(shapes)
    listed: dict[int, list[int]] = defaultdict(list)
    total: dict[int, int] = defaultdict(int)

    def collect(rows: np.ndarray, cols: np.ndarray, timed: bool) -> None:
        step = max(1, 1_000_000 // len(cols))
        for lo in range(0, len(rows), step):
            r = rows[lo:lo + step]
            mask = r[:, None] != cols[None, :]
            if timed:
                dr, dc = days[r][:, None], days[cols][None, :]
                mask &= np.isnan(dr) | np.isnan(dc) | (np.abs(dr - dc) <= window.days)
            mask &= ~(agrees[r][:, None] & agrees[cols][None, :])
            mask &= sentence[r][:, None] != sentence[cols][None, :]
            for x, row in zip(r.tolist(), mask):
                hits = np.flatnonzero(row)
                if len(hits):
                    total[x] += len(hits)
                    listed[x] = sorted(listed[x] + cols[hits[:limit]].tolist())[:limit]

    for x, kx in enumerate(keys):
        family = FAMILY.get(undated[kx]["predicate"])
        for ky in keys[x:]:
            if FAMILY.get(undated[ky]["predicate"]) != family:
                continue
            if not (incompatible(undated[kx], undated[ky], ref, window) or incompatible(undated[ky], undated[kx], ref, window)):
                continue
            xs, ys = np.array(shapes[kx]), np.array(shapes[ky])
            timed = family in _TIMED
            collect(xs, ys, timed)
            if kx != ky:
                collect(ys, xs, timed)
    return {x: (listed[x], total[x]) for x in sorted(total)}


def _days(value) -> float:
    """Return a date as days since the epoch, NaN when there is none."""
    if value is None or pd.isna(value):
        return float("nan")
    return float(pd.Timestamp(value).value // 86_400_000_000_000)


def incompatible(a: dict, b: dict, ref: ReferenceFacts, window: pd.Timedelta) -> bool:
    """Return whether claims `a` and `b` of one subject say incompatible things.

    Claims on facts that change over time (accession, status, office, count) are
    compared only when their dates are at most `window` apart (or one is undated).
    """
    fa, fb = FAMILY.get(a["predicate"]), FAMILY.get(b["predicate"])
    if fa != fb or fa is None or a["hedged"] or b["hedged"]:
        return False
    timely = pd.isna(a["claim_date"]) or pd.isna(b["claim_date"]) or abs(a["claim_date"] - b["claim_date"]) <= window
    same_polarity = a["polarity"] == b["polarity"]
    if fa == "accession":
        if "past" in (a["tense"], b["tense"]) or not timely:
            return False
        if a["object"] == b["object"]:
            return not same_polarity and bool(STATUSES[a["predicate"]] & STATUSES[b["predicate"]])
        return a["polarity"] == b["polarity"] == "positive"
    if fa == "status":
        if a["object"] != b["object"] or "past" in (a["tense"], b["tense"]) or not timely:
            return False
        overlap = bool(STATUSES[a["predicate"]] & STATUSES[b["predicate"]])
        return (not overlap) if same_polarity and a["polarity"] == "positive" else (overlap and not same_polarity)
    if fa == "office":
        if not same_polarity or "past" in (a["tense"], b["tense"]) or not timely:
            return False
        if a["scope"] and b["scope"] and a["scope"] != b["scope"]:
            return False
        scope = a["scope"] or b["scope"]
        sa = ref.title_offices(a["qualifier"], scope)[1] if a["qualifier"] else {a["object"]}
        sb = ref.title_offices(b["qualifier"], scope)[1] if b["qualifier"] else {b["object"]}
        return not (sa & sb)
    if fa == "count":
        return a["scope"] == b["scope"] and a["object"] != b["object"] and timely and a["tense"] == b["tense"]
    if fa in ("founded", "joined_in"):
        return a["scope"] == b["scope"] and a["object"] != b["object"] and same_polarity
    if fa == "founder":
        return a["object"] == b["object"] and not same_polarity
    if fa == "date":
        return a["object"] != b["object"]
    return False

"""Clusters: the mentions of one event as merging gathers them, and the index that finds a mention's candidates.

A mention joins a cluster of its event type when its days overlap the days the
cluster has so far and it shares actors (Jaccard >= MIN_ACTOR_OVERLAP), a place, or
most words of the description (MIN_DESCRIPTION_OVERLAP), or when both are the same
reference summit. The cluster's days are the intersection of its mentions' days
(mentions of different days of one reference summit give the union of those days).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .. import schema
from ..patterns import events as P
from ..text import fold
from .numbering import slug_for

#: Least Jaccard overlap of actors for two mentions to be one event.
MIN_ACTOR_OVERLAP = 0.25
#: Least word overlap of descriptions for two mentions to be one event without shared actors.
MIN_DESCRIPTION_OVERLAP = 0.5


def text_or_empty(value) -> str:
    """Return `value` when it is text, else "" (a missing summit_ref)."""
    return value if isinstance(value, str) else ""


class Cluster:
    """The mentions of one event, with the days they all allow."""

    __slots__ = ("event_type", "members", "lo", "hi", "summit_ref", "kinds")

    def __init__(self, rec: dict):
        self.event_type = rec["event_type"]
        self.members = [rec]
        self.lo, self.hi = rec["earliest"], rec["latest"]
        self.summit_ref = text_or_empty(rec.get("summit_ref"))
        self.kinds = {_features(rec)}  # members that read alike are scored once

    def match(self, rec: dict) -> float:
        """Return how well mention `rec` fits this event: 0 when it cannot join, higher is better."""
        ref = text_or_empty(rec.get("summit_ref"))
        if self.summit_ref and ref:
            return 10.0 if ref == self.summit_ref else 0.0
        if rec["earliest"] > self.hi or rec["latest"] < self.lo:
            return 0.0
        best = 0.0
        a, places, words = _features(rec)
        for b, other_places, other_words in self.kinds:
            jac = len(a & b) / len(a | b) if a | b else 0.0
            shared_places = len(places & other_places)
            desc = len(words & other_words) / min(len(words), len(other_words)) if words and other_words else 0.0
            if jac >= MIN_ACTOR_OVERLAP or shared_places or desc >= MIN_DESCRIPTION_OVERLAP:
                best = max(best, jac + 2 * shared_places + 3 * desc + 0.01)
        return best

    def add(self, rec: dict) -> None:
        """Add mention `rec`: the days narrow to those both allow (a reference summit's widen to both)."""
        self.members.append(rec)
        self.kinds.add(_features(rec))
        lo, hi = max(self.lo, rec["earliest"]), min(self.hi, rec["latest"])
        if lo <= hi:
            self.lo, self.hi = lo, hi
        elif self.summit_ref:  # two days of one summit ("opened on Wednesday", "on Thursday"): both
            self.lo, self.hi = min(self.lo, rec["earliest"]), max(self.hi, rec["latest"])
        if not self.summit_ref:
            self.summit_ref = text_or_empty(rec.get("summit_ref"))

    def row(self, starts: dict, order: dict) -> dict:
        """Return the event's row (EVENT_COLUMNS but event_id, then _first and _slug).

        `starts` maps summit_id to its opening day (relative_days), `order` summit_id to
        its rank by date (summit_ids are listed in that order).
        """
        members = sorted(self.members, key=lambda r: r["_order"])
        first = members[0]
        lo, hi = self.lo, self.hi
        actors = list(dict.fromkeys(a for r in members for a in schema.as_list(r["actors"])))
        places = list(dict.fromkeys(p for r in members for p in schema.as_list(r["places"])))
        evidence = list(dict.fromkeys(f"{r['article_id']}:{int(r['sentence_id'])}" for r in members))
        summit_ids = sorted({r["summit_id"] for r in members if isinstance(r["summit_id"], str) and r["summit_id"]},
                            key=lambda s: order.get(s, 10_000))
        sid = first["summit_id"] if isinstance(first["summit_id"], str) and first["summit_id"] else None
        start = starts.get(sid) if sid else None
        statuses = {r["status"] for r in members}
        status = "reported" if "reported" in statuses else "expected" if "expected" in statuses else "possible"
        slug = slug_for(self.event_type, self.summit_ref, places, actors, first, members)
        narrow = min(members, key=lambda r: (r["_width"], r["_order"]))
        return {
            "article_id": first["article_id"], "sentence_id": int(first["sentence_id"]), "summit_id": sid,
            "event_type": self.event_type, "earliest": lo, "latest": hi, "date_text": narrow["date_text"],
            "actors": actors, "description": first["description"], "evidence": evidence,
            "relative_days": (lo - pd.Timestamp(start)).days if start is not None and not pd.isna(start) else pd.NA,
            "start": int(first["start"]), "end": int(first["end"]), "places": places, "status": status,
            "summit_ref": self.summit_ref or None, "summit_ids": summit_ids, "trigger": first["trigger"],
            "date_evidence": f"{narrow['article_id']}:{int(narrow['date_sentence_id'])}",
            "n_mentions": len(members), "n_articles": len({r["article_id"] for r in members}),
            "_first": first["_order"], "_slug": slug,
        }


class ClusterIndex:
    """The clusters of one event type, found by their summit reference and the months their days span.

    A mention can only match a cluster that shares its summit reference or whose days
    overlap its own (see Cluster.match), so only those are scored: merging costs about
    the number of mentions, not mentions times clusters.
    """

    #: Ranges spanning more months than this are compared with every cluster.
    MAX_MONTHS = 240

    __slots__ = ("clusters", "by_ref", "by_month", "wide", "spans")

    def __init__(self):
        self.clusters: list[Cluster] = []
        self.by_ref: dict[str, list[int]] = defaultdict(list)
        self.by_month: dict[int, set[int]] = defaultdict(set)
        self.wide: set[int] = set()
        self.spans: dict[int, range] = {}

    def candidates(self, rec: dict) -> list[int]:
        """Return the clusters mention `rec` could join, in the order they were made."""
        months = _months(rec["earliest"], rec["latest"])
        if months is None:
            return list(range(len(self.clusters)))
        found = set(self.wide)
        ref = text_or_empty(rec.get("summit_ref"))
        if ref:
            found.update(self.by_ref.get(ref, ()))
        for month in months:
            found.update(self.by_month.get(month, ()))
        return sorted(found)

    def create(self, rec: dict) -> Cluster:
        """Start a cluster with mention `rec` and return it."""
        self.clusters.append(Cluster(rec))
        self._register(len(self.clusters) - 1, had_ref="")
        return self.clusters[-1]

    def add(self, k: int, rec: dict) -> None:
        """Add mention `rec` to cluster `k`."""
        cluster = self.clusters[k]
        had_ref = cluster.summit_ref
        cluster.add(rec)
        self._register(k, had_ref=had_ref)

    def _register(self, k: int, *, had_ref: str) -> None:
        cluster = self.clusters[k]
        if cluster.summit_ref and cluster.summit_ref != had_ref:
            self.by_ref[cluster.summit_ref].append(k)
        for month in self.spans.pop(k, ()):
            self.by_month[month].discard(k)
        self.wide.discard(k)
        months = _months(cluster.lo, cluster.hi)
        if months is None:
            self.wide.add(k)
        else:
            self.spans[k] = months
            for month in months:
                self.by_month[month].add(k)


def _features(rec: dict) -> tuple[frozenset, frozenset, frozenset]:
    """Return what merging compares of a mention: its actors, places and description words (kept on `rec`)."""
    if "_features" not in rec:
        rec["_features"] = (frozenset(schema.as_list(rec["actors"])), frozenset(schema.as_list(rec["places"])),
                            _description_words(rec["description"]))
    return rec["_features"]


def _months(lo, hi) -> range | None:
    """Return the months (year * 12 + month) from `lo` to `hi`, or None when there are too many."""
    first, last = lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month - 1
    if last - first > ClusterIndex.MAX_MONTHS:
        return None
    return range(first, last + 1)


def _description_words(text) -> frozenset[str]:
    return frozenset(w for w in P.WORD.findall(fold(str(text)).lower()) if w not in P.STOPWORDS)

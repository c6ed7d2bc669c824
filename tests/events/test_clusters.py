"""The cluster index: every cluster a mention could join is offered to it."""

from __future__ import annotations

import random

import pandas as pd

from scoanalysis.events.clusters import ClusterIndex


def test_cluster_index_offers_every_cluster_a_mention_could_join():
    rng = random.Random(11)
    index = ClusterIndex()
    for n in range(400):
        start = pd.Timestamp("2022-01-01") + pd.Timedelta(days=rng.randrange(0, 900))
        width = rng.choice([0, 0, 1, 6, 30, 364, 9000])  # a day ... a year, and one range too wide to index
        rec = {"event_type": "visit", "earliest": start, "latest": start + pd.Timedelta(days=width),
               "summit_ref": rng.choice(["", "", "the Astana summit", "the SCO summit"]),
               "actors": rng.sample(["xi", "putin", "modi", "tokayev"], rng.randrange(0, 3)),
               "places": rng.sample(["astana", "moscow"], rng.randrange(0, 2)), "description": rng.choice(["met", "visited Astana"])}
        offered = set(index.candidates(rec))
        could = {k for k, c in enumerate(index.clusters) if c.match(rec) > 0}
        assert could <= offered, n
        scores = [(index.clusters[k].match(rec), k) for k in sorted(offered)]
        best = max(scores, default=(0.0, None), key=lambda x: x[0])  # first of the best, as events() picks
        if best[0] > 0:
            index.add(best[1], rec)
        else:
            index.create(rec)
    assert 20 < len(index.clusters) < 400

"""Builders shared by the event tests: sentences tables from texts, and their event mentions."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import entities, events, temporal


def sentences_of(articles: dict[str, list[str]]) -> pd.DataFrame:
    """A sentences table: each article's texts as sentences of one paragraph, one space apart."""
    rows = []
    for aid, sents in articles.items():
        pos = 0
        for i, s in enumerate(sents):
            rows.append({"article_id": aid, "sentence_id": i, "start": pos, "end": pos + len(s), "text": s,
                         "is_boilerplate": False, "paragraph_id": 0, "kind": "body"})
            pos += len(s) + 1
    return pd.DataFrame(rows)


def mentions_of(articles: dict[str, list[str]], published: dict[str, str], summits: dict[str, str] | None = None):
    """The event mentions of `articles` (id -> sentences), published on `published`, about `summits`."""
    sents = sentences_of(articles)
    dates = {a: pd.Timestamp(d) for a, d in published.items()}
    tx = temporal.timexes(sents, published=dates)
    ents = entities.entities(sents, dates=dates)
    meta = pd.DataFrame({"article_id": list(articles), "summit_id": [(summits or {}).get(a) for a in articles],
                         "published": [dates[a] for a in articles]})
    return events.event_mentions(sents, tx, ents, articles=meta)


@pytest.fixture
def make_sentences():
    return sentences_of


@pytest.fixture
def read_mentions():
    return mentions_of


@pytest.fixture
def read_one():
    """The mentions of one sentence of article "a", published on a day, about a summit or none."""
    def one(text: str, published: str, summit: str | None = None) -> pd.DataFrame:
        return mentions_of({"a": [text]}, {"a": published}, {"a": summit} if summit else None)
    return one

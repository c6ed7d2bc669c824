"""Builders shared by the claim tests: claims of texts written for the test, their conflicts, the seed claims."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import claims, entities, text

SEED_DATES = {"000": "2022-09-16", "001": "2022-09-16", "002": "2024-07-02", "003": "2024-07-02", "004": "2014-09-13"}


def extract_texts(articles: dict[str, tuple[str, str | None]]) -> tuple[pd.DataFrame, dict]:
    """Claims of `articles` (id -> (raw text, date)), with the date mapping used; each span is checked against the text."""
    sents = pd.concat(
        [text.split_sentences(raw).assign(article_id=aid) for aid, (raw, _) in articles.items()], ignore_index=True
    )
    dates = {aid: pd.Timestamp(d) if d else None for aid, (_, d) in articles.items()}
    ents = entities.entities(sents, dates=dates)
    found = claims.extract_claims(sents, ents, dates=dates)
    for row in found.itertuples():
        raw = articles[row.article_id][0]
        assert raw[row.start:row.end] == row.text, row
    return found, dates


@pytest.fixture
def extract():
    return extract_texts


@pytest.fixture
def claims_of():
    """The claims of one text (article "t") dated `date`."""
    def of(raw: str, date: str | None = "2024-07-02") -> pd.DataFrame:
        return extract_texts({"t": (raw, date)})[0]
    return of


@pytest.fixture
def conflicts_of():
    """The conflicts of the claims of one text (article "t") dated `date`."""
    def of(raw: str, date: str = "2024-07-02") -> pd.DataFrame:
        found, dates = extract_texts({"t": (raw, date)})
        return claims.check_claims(found, dates=dates)
    return of


@pytest.fixture
def claim_frame():
    """A claims table from rows (claim_id, article_id, sentence_id, start, end, subject, predicate, object,
    qualifier, claim_date, hedged)."""
    def frame(rows: list[tuple]) -> pd.DataFrame:
        columns = ["claim_id", "article_id", "sentence_id", "start", "end", "subject", "predicate", "object",
                   "qualifier", "claim_date", "hedged"]
        return pd.DataFrame(rows, columns=columns)
    return frame


@pytest.fixture(scope="package")
def seeds(seed_articles, seed_sentences):
    """The seed articles (by article_id), their claims, and the claims' conflicts."""
    dates = {aid: pd.Timestamp(SEED_DATES[aid[:3]]) for aid in seed_articles["article_id"]}
    ents = entities.entities(seed_sentences, dates=dates)
    found = claims.extract_claims(seed_sentences, ents, dates=dates)
    return seed_articles.set_index("article_id"), found, claims.check_claims(found, dates=dates)


def one_row(frame: pd.DataFrame, prefix: str, subject: str, predicate: str, obj: str) -> pd.Series:
    """The one row of `frame` of an article starting with `prefix` that says (subject, predicate, obj)."""
    rows = frame[frame["article_id"].str.startswith(prefix) & (frame["subject"] == subject)
                 & (frame["predicate"] == predicate) & (frame["object"] == obj)]
    assert len(rows) == 1, (prefix, subject, predicate, obj, rows)
    return rows.iloc[0]


@pytest.fixture
def one():
    return one_row

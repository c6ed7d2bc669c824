"""Helpers for the quotation tests: sentences of a raw text, quote rows checked against it, mentions."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import quotes as Q
from scoanalysis import text


def _sentences_of(raw: str, article_id: str = "a") -> pd.DataFrame:
    """The sentences table of one raw article, as text.sentences builds it."""
    return text.split_sentences(raw).assign(article_id=article_id)[text.SENTENCE_COLUMNS]


def _quote_rows(raw: str, entities: pd.DataFrame | None = None) -> list[tuple]:
    """(quote, speaker, cue, kind) of each quotation found in `raw`, checking offsets."""
    frame = Q.quotes(_sentences_of(raw), entities=entities)
    for r in frame.itertuples():
        assert raw[r.start : r.end] == r.quote
        if pd.notna(r.speaker_start):
            assert raw[r.speaker_start : r.speaker_end] == r.speaker_text
        if pd.notna(r.cue_start):
            assert raw[r.cue_start : r.cue_end].lower().split()[0] == r.cue.split()[0]
        if r.quote_kind == "scare":
            assert r.speaker == "" and r.speaker_id == "" and r.cue == "" and pd.isna(r.speaker_start)
    return [(r.quote, r.speaker, r.cue, r.quote_kind) for r in frame.itertuples()]


def _person_mentions(raw: str, mentions: list[tuple[str, int]], entity_id: str, name: str, gender: str) -> pd.DataFrame:
    """Mention rows for `name`: each (surface, occurrence) is the n-th occurrence in `raw`."""
    out = []
    for surface, nth in mentions:
        pos = -1
        for _ in range(nth + 1):
            pos = raw.index(surface, pos + 1)
        out.append(
            {"article_id": "a", "sentence_id": 0, "start": pos, "end": pos + len(surface), "text": surface,
             "entity_id": entity_id, "entity_type": "person", "name": name, "gender": gender}
        )
    return pd.DataFrame(out)


@pytest.fixture(scope="session")
def sentences_of():
    """sentences_of(raw, article_id="a"): the sentences table of one raw article."""
    return _sentences_of


@pytest.fixture(scope="session")
def quote_rows():
    """quote_rows(raw, entities=None): (quote, speaker, cue, kind) per quotation, offsets checked."""
    return _quote_rows


@pytest.fixture(scope="session")
def person_mentions():
    """person_mentions(raw, [(surface, nth)], entity_id, name, gender): entity rows for one person."""
    return _person_mentions

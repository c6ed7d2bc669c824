"""Fixtures of the views' tests: what load_summaries's mappings read (tests/report/conftest.py has the tables)."""

import pytest

from scoanalysis import summaries
from scoanalysis.summaries import read


@pytest.fixture
def reads(monkeypatch):
    """The tables load_summaries's mappings read (``name``, or ``name[head]`` for a head), and ``sentences`` looked up."""
    asked = []
    real_one, real_head, real_texts, real_rows = read._read_one, read._read_head, read.sentence_texts, read.article_sentences
    monkeypatch.setattr(read, "_read_one", lambda folder, name: asked.append(name) or real_one(folder, name))
    monkeypatch.setattr(read, "_read_head",
                        lambda folder, name, rows: asked.append(f"{name}[head]") or real_head(folder, name, rows))
    monkeypatch.setattr(summaries, "sentence_texts",
                        lambda folder, refs: asked.append("sentences") or real_texts(folder, refs))
    monkeypatch.setattr(summaries, "article_sentences",
                        lambda folder, ids: asked.append("sentences") or real_rows(folder, ids))
    return asked

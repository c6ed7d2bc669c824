"""Shared fixtures: the seed corpus, temporary copies of it, and a headless plotting backend."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

from scoanalysis import corpus, paths, text  # noqa: E402

ROOT = paths.ROOT
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


#: Fixtures that build a corpus or render notebooks: every test that uses one, directly or
#: through another fixture, is marked slow (`make test-fast` leaves them out).
SLOW_FIXTURES = frozenset({"fixture_tables", "rendered_reports", "seed_tables_dir", "synthetic_tables_dir", "own_tables_dir"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_articles():
    """The seed corpus as read by corpus.read_corpus (DataFrame with text)."""
    return corpus.read_corpus(ROOT / "data")


@pytest.fixture(scope="session")
def seed_tokenizer(seed_articles):
    return text.train_punkt(seed_articles["text"])


@pytest.fixture(scope="session")
def seed_sentences(seed_articles, seed_tokenizer):
    return text.sentences(seed_articles, tokenizer=seed_tokenizer)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the seed corpus (raw/ and articles.csv) in a temporary folder."""
    dest = tmp_path / "corpus"
    shutil.copytree(ROOT / "data" / "raw", dest / "raw")
    if (ROOT / "data" / "articles.csv").exists():
        shutil.copy(ROOT / "data" / "articles.csv", dest / "articles.csv")
    return dest


def write_corpus(folder: Path, articles: dict[str, str], metadata: str | None = None) -> Path:
    """Write a small corpus of `articles` (id -> text) and optional articles.csv text under `folder`."""
    raw = folder / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for aid, body in articles.items():
        (raw / f"{aid}.txt").write_text(body, encoding="utf-8")
    if metadata is not None:
        (folder / "articles.csv").write_text(metadata, encoding="utf-8")
    return folder


FIXTURE_CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def fixture_tables(tmp_path_factory):
    """Tables built from the small corpus written for the tests (tests/fixtures/corpus)."""
    from scoanalysis.build.run import build

    out = tmp_path_factory.mktemp("tables")
    build(FIXTURE_CORPUS, out)
    return out


@pytest.fixture(scope="session")
def rendered_reports(fixture_tables, tmp_path_factory):
    """Reports rendered from the fixture tables (profile of 2019-bishkek only): (folder, paths, progress lines)."""
    from scoanalysis import report

    out = tmp_path_factory.mktemp("reports")
    lines: list[str] = []
    written = report.render(fixture_tables, out, summit_ids=["2019-bishkek"], progress=lines.append)
    return out, written, lines


@pytest.fixture
def close_figures():
    """Close every matplotlib figure a test made."""
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


def markers(fig) -> int:
    """Return how many scatter markers a figure draws, over all its axes."""
    from matplotlib.collections import PathCollection

    return sum(len(c.get_offsets()) for ax in fig.axes for c in ax.collections if isinstance(c, PathCollection))

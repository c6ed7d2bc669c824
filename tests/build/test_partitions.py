"""build.partitions: the per-article cache, and what a partition hands back and writes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scoanalysis import corpus, manifest, paths
from scoanalysis.build import partitions
from scoanalysis.build.article import ArticleRecords

from conftest import write_corpus


def _records(aid: str) -> ArticleRecords:
    return ArticleRecords(article={"article_id": aid}, sentences=pd.DataFrame({"article_id": [aid], "text": ["x"]}))


def test_cache_gives_back_records_only_for_the_same_file_metadata_and_context(tmp_path):
    entry = corpus.Entry("a", "raw/a.txt", {"outlet": "Example"})
    cache = partitions.Cache(tmp_path / "cache", context="c1")
    assert cache.get(entry, "sha") is None
    cache.put(entry, "sha", _records("a"))
    assert cache.get(entry, "sha").article == {"article_id": "a"}
    assert cache.get(entry, "other sha") is None  # the file changed
    assert cache.get(corpus.Entry("a", "raw/a.txt", {"outlet": "Other"}), "sha") is None  # its metadata changed
    assert partitions.Cache(tmp_path / "cache", context="c2").get(entry, "sha") is None  # code or reference changed
    (next((tmp_path / "cache").glob("*.pkl"))).write_bytes(b"not a pickle")
    assert cache.get(entry, "sha") is None  # an unreadable file is a miss


def test_cache_prune_keeps_only_the_articles_asked_for(tmp_path):
    cache = partitions.Cache(tmp_path / "cache", context="c")
    for aid in ("a", "b", "c"):
        cache.put(corpus.Entry(aid, f"raw/{aid}.txt", {}), "sha", _records(aid))
    cache.prune({"b"})
    assert len(list((tmp_path / "cache").glob("*.pkl"))) == 1
    assert cache.get(corpus.Entry("b", "raw/b.txt", {}), "sha") is not None


def test_partition_writes_its_parts_and_hands_back_keys_and_signatures(tmp_path, seed_tokenizer):
    folder = write_corpus(tmp_path / "c", {
        "a": "SCO Leaders Meet\n\nThe SCO summit in Bishkek opened on June 14, 2019, with Xi Jinping present.\n",
        "b": "   \n\n"})
    entries = corpus.list_corpus(folder, problems=[])
    settings = partitions.Settings(corpus_dir=str(folder), tokenizer=seed_tokenizer, reference_dir=None,
                                   max_bytes=paths.MAX_ARTICLE_BYTES, parts=str(tmp_path / "parts"),
                                   cache=str(tmp_path / "cache"), context="c", buckets=2)
    done = partitions.analyse_partition(3, [(e, None) for e in entries], settings)
    assert (done.index, done.analysed, done.reused) == (3, 1, 0)
    assert list(done.articles.columns) == list(partitions.ARTICLE_KEYS) and done.articles["article_id"].tolist() == ["a"]
    assert [p.article_id for p in done.problems] == ["b"]  # the blank file is skipped and reported
    assert done.signed == ["a"] and done.words.shape == (1, 128) and done.stems.dtype == "uint32"
    parts = Path(settings.parts)
    assert (parts / "sentences" / "00000003.parquet").is_file() and (parts / "articles" / "00000003.parquet").is_file()
    assert (parts / "_inputs" / "00000003.pkl").is_file() and len(done.sections["claims"]) == 3  # 2 buckets
    hashed = [(e, manifest.file_digest(folder / e.path)) for e in entries]
    again = partitions.analyse_partition(3, hashed, settings)
    assert (again.analysed, again.reused) == (0, 1)  # the same file: its records come from the cache
    assert again.articles.equals(done.articles) and (again.words == done.words).all()

"""Loading a corpus folder and its failures."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from scoanalysis import corpus
from scoanalysis.exceptions import CorpusError, MetadataError

from conftest import ROOT, SEEDS, write_corpus


def test_seed_files_are_the_shared_seeds_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    names = sorted(p.name for p in shared.glob("*.txt"))
    assert names == [p.name for p in SEEDS]
    for p in SEEDS:
        assert p.read_bytes() == (shared / p.name).read_bytes()


def test_read_corpus_loads_every_seed_with_ids_from_file_stems(seed_articles):
    assert list(seed_articles["article_id"]) == [p.stem for p in SEEDS]
    assert list(seed_articles["path"]) == [f"raw/{p.name}" for p in SEEDS]
    for row in seed_articles.itertuples():
        raw = (ROOT / "data" / row.path).read_bytes()
        assert row.sha256 == hashlib.sha256(raw).hexdigest()
        assert row.text == raw.decode("utf-8")


def test_article_without_metadata_row_is_loaded(tmp_path):
    folder = write_corpus(
        tmp_path, {"a": "First article.", "b": "Second article."},
        metadata="article_id,outlet,published\na,Daily Example,2024-07-03\n",
    )
    frame = corpus.read_corpus(folder)
    assert list(frame["article_id"]) == ["a", "b"]
    assert frame.loc[0, "outlet"] == "Daily Example"
    assert frame.loc[0, "published"] == pd.Timestamp("2024-07-03")
    assert pd.isna(frame.loc[1, "outlet"]) and pd.isna(frame.loc[1, "published"])


def test_metadata_may_name_articles_by_path_and_carry_unknown_columns(tmp_path):
    folder = write_corpus(tmp_path, {"a": "Text."}, metadata="path,headline,desk\nraw/a.txt,A headline,world\n")
    meta = corpus.read_metadata(folder)
    assert meta.loc[0, "article_id"] == "a"
    assert meta.loc[0, "headline"] == "A headline"
    assert meta.loc[0, "desk"] == "world"


def test_line_ends_and_no_break_spaces_are_kept_as_written(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "crlf.txt").write_bytes("Headline\r\n\r\nBody\u00a0text.\r\n".encode("utf-8"))
    text = corpus.read_corpus(tmp_path).loc[0, "text"]
    assert text == "Headline\r\n\r\nBody\u00a0text.\r\n"


@pytest.mark.parametrize(
    "setup, error, fragment",
    [
        (lambda d: None, CorpusError, "does not exist"),
        (lambda d: (d / "raw").mkdir(parents=True), CorpusError, "holds no .txt"),
        (lambda d: write_corpus(d, {"empty": "  \n\t\n"}), CorpusError, "empty.txt is empty"),
        (lambda d: _bytes(d, "latin", b"Caf\xe9 au lait"), CorpusError, "latin.txt is not valid UTF-8"),
        (lambda d: _bytes(d, "pdf", b"%PDF-1.4\x00\x00binary"), CorpusError, "pdf.txt contains NUL"),
        (lambda d: (write_corpus(d, {"a": "One."}), (d / "raw" / "sub").mkdir(), (d / "raw" / "sub" / "a.txt").write_text("Two.")),
         CorpusError, "share the article_id 'a'"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="article_id,outlet\nb,Nowhere\n"), MetadataError, "match no file"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="article_id\na\na\n"), MetadataError, "more than once"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="outlet\nX\n"), MetadataError, "no article_id column"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="article_id,published\na,16/09/2022x\n"), MetadataError, "is not a date"),
    ],
    ids=["missing-folder", "no-txt", "empty", "undecodable", "binary", "duplicate-id", "metadata-unknown-id",
         "metadata-duplicate", "metadata-no-id", "metadata-bad-date"],
)
def test_bad_corpus_raises_an_error_that_names_the_file(tmp_path, setup, error, fragment):
    folder = tmp_path / "corpus"
    setup(folder)
    with pytest.raises(error) as info:
        corpus.read_corpus(folder)
    message = str(info.value)
    assert fragment in message
    assert str(folder) in message or "articles.csv" in message


def test_reading_never_changes_the_raw_files(corpus_copy):
    before = {p.name: p.read_bytes() for p in (corpus_copy / "raw").iterdir()}
    corpus.read_corpus(corpus_copy)
    assert {p.name: p.read_bytes() for p in (corpus_copy / "raw").iterdir()} == before


def _bytes(folder, name, data):
    (folder / "raw").mkdir(parents=True, exist_ok=True)
    (folder / "raw" / f"{name}.txt").write_bytes(data)

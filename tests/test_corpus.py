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


def test_metadata_may_name_articles_by_path_and_unknown_columns_are_reported(tmp_path):
    folder = write_corpus(tmp_path, {"a": "Text."}, metadata="path,Title,desk\nraw/a.txt,A headline,world\n")
    problems = []
    meta = corpus.read_metadata(folder, problems=problems)
    assert meta.loc[0, "article_id"] == "a"
    assert meta.loc[0, "headline"] == "A headline"  # "title" is read as the headline
    assert "desk" not in meta.columns
    assert [(p.severity, "desk" in p.problem) for p in problems] == [("warning", True)]


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
        (lambda d: _bytes(d, "pdf", b"%PDF-1.4\x00\x00binary"), CorpusError, "pdf.txt holds a PDF"),
        (lambda d: _bytes(d, "nul", b"t\x00e\x00x\x00t\x00 \x00o\x00f\x00 \x00U\x00T\x00F\x00-\x001\x006\x00"), CorpusError,
         "nul.txt holds binary data"),
        (lambda d: (write_corpus(d, {"a": "One."}), (d / "raw" / "sub").mkdir(), (d / "raw" / "sub" / "a.txt").write_text("Two.")),
         CorpusError, "shares the article_id 'a'"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="article_id,outlet\nb,Nowhere\n"), MetadataError, "matches no file"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="article_id\na\na\n"), MetadataError, "more than once"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="outlet\nX\n"), MetadataError, "no article_id column"),
        (lambda d: write_corpus(d, {"a": "One."}, metadata="article_id,published\na,16/09/2022x\n"), MetadataError, "is not a date"),
    ],
    ids=["missing-folder", "no-txt", "empty", "pdf", "nul", "duplicate-id", "metadata-unknown-id",
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


@pytest.mark.parametrize(
    "data, encoding, expected",
    [
        ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "cp1252", "Caf\u00e9 \u201cquoted\u201d"),
        (b"Caf\xe9 \x81", "latin-1", "Caf\u00e9 \x81"),
        ("Caf\u00e9\r\nDushanbe".encode("utf-16"), "utf-16-le", "Caf\u00e9\r\nDushanbe"),
        ("\ufeffCaf\u00e9".encode("utf-8"), "utf-8-sig", "Caf\u00e9"),
        ("Caf\u00e9".encode("utf-8"), "utf-8", "Caf\u00e9"),
    ],
)
def test_legacy_encodings_are_decoded(data, encoding, expected):
    assert corpus.decode(data) == (expected, encoding)


def test_stray_nul_bytes_are_read_as_spaces_with_a_warning_and_offsets_kept(tmp_path):
    page = "Leaders met in Bishkek.\x00\x00 The summit ended on Friday.\n".encode("utf-8") + b"x" * 300
    _bytes(tmp_path, "scraped", page)
    problems = []
    (article,) = corpus.iter_corpus(tmp_path, problems=problems)
    assert article.text.startswith("Leaders met in Bishkek.   The summit ended on Friday.")
    assert len(article.text) == len(page) and article.nul_bytes == 2
    assert article.text.index("The summit") == page.index(b"The summit")  # offsets count the file's characters
    assert [(p.severity, p.problem) for p in problems] == [("warning", "holds 2 stray NUL bytes")]


def test_lenient_reading_reports_problems_and_keeps_the_rest(tmp_path):
    folder = write_corpus(tmp_path, {"good": "A fine article.", "empty": " \n", "caf\u00e9 story": "Fine too."},
                          metadata="article_id,published,desk\ngood,2024-07-03,x\nghost,2024-07-03,y\nempty,not a date,z\n")
    _bytes(tmp_path, "legacy", "Caf\u00e9 au lait.".encode("cp1252"))
    _bytes(tmp_path, "picture", b"\x89PNG\r\n\x1a\n\x00\x00")
    problems = []
    arts = list(corpus.iter_corpus(tmp_path, problems=problems))
    assert sorted(a.article_id for a in arts) == ["caf\u00e9 story", "good", "legacy"]
    assert next(a for a in arts if a.article_id == "legacy").text == "Caf\u00e9 au lait."
    found = {(p.article_id, p.severity) for p in problems}
    assert found == {("", "warning"), ("ghost", "error"), ("empty", "error"), ("legacy", "warning"), ("picture", "error")}
    assert all(p.fix for p in problems)
    assert next(a for a in arts if a.article_id == "good").meta["published"].isoformat() == "2024-07-03"


def test_oversized_file_is_skipped_with_a_clear_problem(tmp_path):
    write_corpus(tmp_path, {"big": "word " * 400, "small": "Short."})
    problems = []
    arts = list(corpus.iter_corpus(tmp_path, problems=problems, max_bytes=1000))
    assert [a.article_id for a in arts] == ["small"]
    assert problems[0].article_id == "big" and "MB" in problems[0].problem

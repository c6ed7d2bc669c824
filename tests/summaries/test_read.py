"""Reading the summaries: a read-only mapping read table by table, its heads, originals, the sentences looked up."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import schema, storage, summaries
from scoanalysis.exceptions import TableError
from scoanalysis.summaries import read

from built_tables import whole_originals


@pytest.fixture
def reads(monkeypatch):
    """The names of the tables load_summaries's mappings read whole, in order (patched before loading)."""
    asked = []
    real = read._read_one
    monkeypatch.setattr(read, "_read_one", lambda folder, name: asked.append(name) or real(folder, name))
    return asked


def test_a_folder_built_without_summaries_says_to_rebuild(seed_tables_dir, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(seed_tables_dir, old)
    (old / "summary_terms.csv").unlink()
    with pytest.raises(TableError, match=r"summary_terms\.csv does not exist.*rebuild them with `scoanalysis build"):
        sa.load_summaries(old)
    with pytest.raises(TableError, match=r"summary_terms\.csv"):
        sa.load_tables(old, tables=["articles", "summary_terms"])
    assert set(sa.load_tables(old, tables=["articles", "claims"])) == {"articles", "claims"}


def test_load_summaries_reads_no_large_table(seed_tables_dir):
    summ = sa.load_summaries(seed_tables_dir)
    assert not {"sentences", "entities", "timexes", "quotes"} & set(summ)
    assert summ.folder == seed_tables_dir
    assert summaries.originals(summ).folder == seed_tables_dir


def test_summaries_are_a_read_only_mapping_with_an_explicit_originals_value(seed_tables_dir):
    from collections.abc import Mapping

    summ = sa.load_summaries(seed_tables_dir)
    assert isinstance(summ, Mapping) and not isinstance(summ, dict)
    with pytest.raises(TypeError):
        summ["articles"] = summ["articles"]
    with pytest.raises(AttributeError):
        summ.originals_only = True
    stories = summaries.originals(summ)
    assert summ.originals_only is False and stories.originals_only is True
    assert summaries.originals(stories) is stories and summaries.originals(summ, include_duplicates=True) is summ
    with pytest.raises(KeyError):
        summ["sentences"]
    with pytest.raises(KeyError):
        summ.head("sentences", 2)
    held = summaries.Summaries.of({"articles": summ["articles"]}, originals_only=True)
    assert list(held) == ["articles"] and held.originals_only and held.folder is None
    assert held.head("articles", 2).attrs["n_rows"] == len(summ["articles"])


def test_summary_tables_are_read_when_first_used(seed_tables_dir, reads):
    from scoanalysis.report import views

    summ = sa.load_summaries(seed_tables_dir)
    assert "claims" in summ and "summary_terms" in summ
    assert reads == []  # nothing read yet
    stories = summaries.originals(summ)
    views.summit_articles(stories, "2022-samarkand")
    assert "claims" not in reads
    assert reads == ["articles", "summary_articles"]  # originals reads the articles: which ones are originals
    stories["summary_articles"]
    assert reads == ["articles", "summary_articles"]  # each table read once
    eager = storage.load_tables(seed_tables_dir, tables=[*summaries.SMALL_TABLES, *summaries.SUMMARY_TABLES])
    assert sorted(summ) == sorted(eager)
    for name, frame in eager.items():
        if name in summaries.EVIDENCE_TABLES:  # evidence lists cut to what the reports quote, counted whole
            counts = frame["evidence"].map(len)
            frame = frame.assign(evidence=frame["evidence"].map(lambda refs: refs[:summaries.EVIDENCE_SENTENCES]),
                                 n_evidence=pd.array(counts, dtype="Int64"))
        pd.testing.assert_frame_equal(summ[name], frame)


def test_sentence_texts_reads_the_sentences_asked_for(seed_tables_dir):
    full = sa.load_tables(seed_tables_dir)
    s = full["sentences"]
    refs = list(zip(s["article_id"], s["sentence_id"]))[3:9]
    texts = summaries.sentence_texts(seed_tables_dir, refs)
    assert [texts[r] for r in refs] == s["text"].iloc[3:9].tolist()


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_every_table_reads_the_same_from_its_parquet_file_as_from_its_csv(which, seed_tables_dir, synthetic_tables_dir,
                                                                         tmp_path):
    folder = seed_tables_dir if which == "seed" else synthetic_tables_dir
    for csv in folder.glob("*.csv"):
        shutil.copy(csv, tmp_path / csv.name)  # the CSV alone
    names = [n for n, t in schema.TABLES.items() if (folder / t.file).is_file()]
    assert {"articles", "sentences", "entities", "claims", "summary_articles"} <= set(names)
    for name in names:
        assert (folder / schema.TABLES[name].file).with_suffix(".parquet").is_file()
        pd.testing.assert_frame_equal(storage.read_table(name, folder), storage.read_table(name, tmp_path), obj=name)


def test_the_head_of_a_table_is_read_without_the_rest(synthetic_tables_dir, reads):
    full = sa.load_tables(synthetic_tables_dir)
    summ = sa.load_summaries(synthetic_tables_dir)
    head = summ.head("claims", 2)
    pd.testing.assert_frame_equal(head, full["claims"].head(2))
    assert head.attrs["n_rows"] == len(full["claims"])
    assert reads == []
    assert summ["claims"] is not None and summ.head("claims", 2).attrs["n_rows"] == len(full["claims"])


def test_the_head_of_a_table_without_its_repeats_counts_only_the_originals(synthetic_tables_dir):
    full = whole_originals(sa.load_tables(synthetic_tables_dir))
    stories = summaries.originals(sa.load_summaries(synthetic_tables_dir))
    for name in ("articles", "claims"):
        head = stories.head(name, 3)
        pd.testing.assert_frame_equal(head.reset_index(drop=True), full[name].head(3).reset_index(drop=True))
        assert head.attrs["n_rows"] == len(full[name])
    assert len(full["articles"]) < len(sa.load_tables(synthetic_tables_dir)["articles"])  # repeats were left out


def test_sentence_lookups_read_only_the_row_groups_of_the_articles_asked_for(synthetic_tables_dir, monkeypatch):
    import pyarrow.parquet as pq

    file = synthetic_tables_dir / "sentences.parquet"
    assert pq.ParquetFile(file).num_row_groups == 10  # one per partition of 8 articles
    whole = storage.read_table("sentences", synthetic_tables_dir)
    ids = sorted(whole["article_id"].unique())
    asked = [ids[0], ids[1], ids[-1]]
    groups = []
    real = pq.ParquetFile.read_row_groups
    monkeypatch.setattr(pq.ParquetFile, "read_row_groups",
                        lambda self, row_groups, **kw: groups.extend(row_groups) or real(self, row_groups, **kw))
    rows = summaries.article_sentences(synthetic_tables_dir, asked)
    assert groups == [0, 9]
    pd.testing.assert_frame_equal(rows, whole[whole["article_id"].isin(asked)].reset_index(drop=True))
    refs = [(ids[2], 0), (ids[2], 1), (ids[-2], 0)]
    texts = summaries.sentence_texts(synthetic_tables_dir, refs)
    expected = whole.set_index(["article_id", "sentence_id"])["text"]
    assert [texts[r] for r in refs] == [expected[r] for r in refs]
    assert summaries.sentence_texts(synthetic_tables_dir, [("no-such-article", 0)]).empty


def test_a_folder_without_sentences_says_to_rebuild(tmp_path):
    with pytest.raises(TableError, match=r"sentences\.parquet does not exist; rebuild the tables"):
        summaries.sentence_texts(tmp_path, [("a", 0)])

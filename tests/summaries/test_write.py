"""Writing the summaries: parts summed per group, capped lists in order and counted, the evidence sentences."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import schema, storage, summaries
from scoanalysis.build.partitions import PART_TABLES
from scoanalysis.summaries import folds, write

import built_tables as whole


def test_summaries_are_summed_from_parts_streamed_and_folded(synthetic_tables_dir, tmp_path, monkeypatch):
    """Folding the running sums every 2 parts gives the tables folding every 16 gave."""
    full = sa.load_tables(synthetic_tables_dir)
    parts = tmp_path / "parts"
    articles = full["articles"]
    for index, start in enumerate(range(0, len(articles), 8)):
        ids = set(articles["article_id"].iloc[start:start + 8])
        frames = {name: [full[name][full[name]["article_id"].isin(ids)]] for name in PART_TABLES}
        summaries.write_part(frames, parts, index)
    monkeypatch.setattr(folds, "FOLD", 2)
    written = {path.stem for path in summaries.write_summaries(parts, tmp_path / "out", articles=articles)}
    assert written == set(schema.SUMMARY_TABLES) - {"summary_evidence"}  # written by write_evidence
    for name in written:
        pd.testing.assert_frame_equal(storage.read_table(name, tmp_path / "out").sort_values(list(
            schema.TABLES[name].columns)[:4]).reset_index(drop=True),
            storage.read_table(name, synthetic_tables_dir).sort_values(list(schema.TABLES[name].columns)[:4])
            .reset_index(drop=True), check_exact=True)


def test_dated_statements_are_capped_in_calendar_order_and_counted(own_tables_dir, tmp_path, monkeypatch):
    from scoanalysis.report import views

    full = sa.load_tables(own_tables_dir)
    old = whole.dated_statements(full, "2024-astana")
    assert len(old) >= 5
    monkeypatch.setattr(write, "HEAD_ROWS", 3)
    parts = tmp_path / "parts"
    summaries.write_part({name: [full[name][full[name]["article_id"] == a] for a in ("a1", "a2")]
                          for name in PART_TABLES}, parts, 0)
    written = [path.stem for path in summaries.write_summaries(parts, tmp_path, articles=full["articles"])]
    summ = summaries.Summaries.of({**storage.load_tables(tmp_path, tables=written),
                                   **{n: full[n] for n in summaries.SMALL_TABLES}})
    new = views.dated_statements(summ, "2024-astana")
    pd.testing.assert_frame_equal(new, old.head(3), check_dtype=False)
    assert new.attrs["n_rows"] == len(old)
    caption = views.show(new).caption
    assert caption == f"The first 3 of {len(old):,} rows; the built tables (data/processed) hold them all."


def test_summit_articles_are_capped_and_count_them_all(synthetic_tables_dir, tmp_path, monkeypatch):
    from scoanalysis.report import views

    full = sa.load_tables(synthetic_tables_dir)
    summit = full["articles"]["summit_id"].value_counts().index[0]
    everything = whole.summit_articles(full, summit)
    assert len(everything) > 3 and everything["lead sentence"].str.len().gt(0).all()
    pd.testing.assert_frame_equal(views.summit_articles(sa.load_summaries(synthetic_tables_dir), summit), everything,
                                  check_dtype=False)
    monkeypatch.setattr(write, "HEAD_ROWS", 2)
    summaries.write_part({name: [full[name]] for name in PART_TABLES}, tmp_path / "parts", 0)
    summaries.write_summaries(tmp_path / "parts", tmp_path, articles=full["articles"])
    capped = summaries.Summaries.of({"summary_articles": storage.read_table("summary_articles", tmp_path)})
    shown = views.summit_articles(capped, summit)
    pd.testing.assert_frame_equal(shown, everything.head(2), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everything)
    expected = full["articles"]["summit_id"].value_counts()
    counts = summaries.article_counts(capped, include_duplicates=True)  # every article, from the summary alone
    assert counts.sort_index().to_dict() == expected.sort_index().to_dict()


def test_summary_sizes_do_not_grow_with_sentences(seed_tables_dir, synthetic_tables_dir):
    """Heads are capped; the group sums have one row per group, however many sentences."""
    from scoanalysis.report import views

    for folder in (seed_tables_dir, synthetic_tables_dir):
        summ = sa.load_summaries(folder)
        assert summ["summary_dated"].groupby("summit_id").size().max() <= summaries.HEAD_ROWS
        assert len(summ["summary_boilerplate"]) <= summaries.HEAD_ROWS
        tone = summ["summary_tone"]
        assert not tone.duplicated(["by", "group", "is_duplicate"]).any()
        assert summ["summary_actors"]["entity_id"].nunique() <= 2 * summaries.ACTOR_ROWS
    assert summaries.HEAD_ROWS >= views.SHOW_ROWS


def test_parts_get_their_articles_groups_as_a_merge_would():
    """A part's rows keep their order, lose the articles not in the table, and get the groups of their article."""
    import numpy as np

    articles = pd.DataFrame({"article_id": ["b", "a", "c"], "summit_id": ["2024-astana", None, "2014-dushanbe"],
                             "outlet": ["Tass", "Xinhua", None], "duplicate_of": [None, "c", None]})
    part = pd.DataFrame({"article_id": ["c", "x", "a", "c", "b"], "term": ["t1", "t2", "t3", "t4", "t5"],
                         "count": [1, 2, 3, 4, 5]}, index=[10, 11, 12, 13, 14])
    found = write._with_groups(part, *write._group_lookup(articles))
    assert found["term"].tolist() == ["t1", "t3", "t4", "t5"]  # "x" is no article of the table
    assert found["summit_id"].tolist() == ["2014-dushanbe", None, "2014-dushanbe", "2024-astana"]
    assert found["outlet"].tolist() == [None, "Xinhua", None, "Tass"]
    assert found["is_duplicate"].tolist() == [False, True, False, False]
    assert found["is_duplicate"].dtype == np.dtype(bool)
    keys = pd.DataFrame({"article_id": ["b", "a", "c"], "summit_id": ["2024-astana", None, "2014-dushanbe"],
                         "outlet": ["Tass", "Xinhua", None], "is_duplicate": [False, True, False]}, dtype=object)
    keys["is_duplicate"] = keys["is_duplicate"].astype(bool)
    pd.testing.assert_frame_equal(found, part.merge(keys, on="article_id", how="inner"))


def test_evidence_summary_holds_the_first_sentences_each_attendance_and_event_row_quotes(synthetic_tables_dir):
    full = sa.load_tables(synthetic_tables_dir)
    cited = {r for name in ("attendance", "events") for refs in full[name]["evidence"]
             for r in schema.evidence_refs(refs, summaries.EVIDENCE_SENTENCES)}
    evidence = storage.read_table("summary_evidence", synthetic_tables_dir)
    keys = list(zip(evidence["article_id"], evidence["sentence_id"]))
    assert set(keys) == cited and len(keys) == len(cited) and keys == sorted(keys)
    sentences = full["sentences"].set_index(["article_id", "sentence_id"])["text"]
    assert list(evidence["text"]) == [sentences[k] for k in keys]
    assert 0 < len(evidence) < len(full["sentences"])


def test_evidence_summary_of_hand_made_tables_keeps_the_first_quoted_sentences_once(tmp_path, monkeypatch):
    monkeypatch.setattr(write, "EVIDENCE_SENTENCES", 2)
    monkeypatch.setattr(storage, "GROUPS_PER_READ", 1)
    said = {("b", 0): "Modi flew to Astana.", ("b", 1): "He met Tokayev.", ("b", 2): "Talks ran late.",
            ("a", 0): "Xi arrived on Wednesday.", ("a", 1): "", ("c", 0): "Nothing cited here."}
    sentences = schema.conform(pd.DataFrame([
        {"article_id": a, "sentence_id": i, "start": 0, "end": len(t), "text": t, "kind": "body", "is_boilerplate": False}
        for (a, i), t in said.items()]), "sentences")
    for article, rows in sentences.groupby("article_id", sort=False):  # a row group an article, as partitions are
        storage.write_part(rows, "sentences", tmp_path / "parts", ["b", "a", "c"].index(article))
    storage.combine_parts("sentences", tmp_path / "parts", tmp_path)
    attendance = schema.conform(pd.DataFrame([
        {"summit_id": "2024-astana", "entity_id": "modi", "name": "Narendra Modi", "status": "attended",
         "evidence": ["b:0", "b:1", "b:2"]},
        {"summit_id": "2024-astana", "entity_id": "xi", "name": "Xi Jinping", "status": "attended",
         "evidence": ["a:0"]}]), "attendance")
    events = schema.conform(pd.DataFrame([
        {"event_id": "e1", "article_id": "a", "sentence_id": 0, "event_type": "arrival", "evidence": ["a:0", "a:1", "b:2"]},
        {"event_id": "e2", "article_id": "b", "sentence_id": 0, "event_type": "meeting", "evidence": []}]), "events")
    storage.write_table(attendance, "attendance", tmp_path)
    storage.write_table(events, "events", tmp_path)
    summaries.write_evidence(tmp_path)
    got = storage.read_table("summary_evidence", tmp_path)
    assert list(zip(got["article_id"], got["sentence_id"])) == [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    assert list(got["text"].fillna("")) == ["Xi arrived on Wednesday.", "", "Modi flew to Astana.", "He met Tokayev."]
    # and from the CSV alone (no Parquet beside it), the same
    for name in ("attendance", "events"):
        (tmp_path / f"{name}.parquet").unlink()
    summaries.write_evidence(tmp_path)
    pd.testing.assert_frame_equal(storage.read_table("summary_evidence", tmp_path), got)


@pytest.mark.parametrize("name", sorted(summaries.SUMMARY_TABLES))
def test_every_summary_table_is_described_and_has_columns(name):
    assert summaries.SUMMARY_TABLES[name] and schema.TABLES[name].columns

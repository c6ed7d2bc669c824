"""Tables on disk: CSV and Parquet written atomically, parts joined, read back with the contract's dtypes."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import schema, storage
from scoanalysis.exceptions import TableError


def test_round_trip_keeps_dates_lists_booleans_and_empties(tmp_path):
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2"],
            "article_id": ["a", "b"],
            "sentence_id": [3, 4],
            "summit_id": ["2024-astana", None],
            "event_type": ["meeting", "visit"],
            "earliest": [pd.Timestamp("2024-07-03"), pd.NaT],
            "latest": [pd.Timestamp("2024-07-04"), pd.NaT],
            "date_text": ["on Wednesday and Thursday", ""],
            "actors": [["vladimir-putin", "xi-jinping"], []],
            "description": ["Putin and Xi meet; in Astana", None],
            "evidence": [["a:3", "b:7"], ["b:4"]],
            "relative_days": [0, None],
        }
    )
    path = storage.write_table(events, "events", tmp_path)
    csv = path.read_text(encoding="utf-8").splitlines()
    assert csv[0].startswith("event_id,article_id,sentence_id,summit_id")
    assert "2024-07-03,2024-07-04" in csv[1] and "vladimir-putin;xi-jinping" in csv[1]
    back = storage.read_table("events", tmp_path)
    assert back.loc[0, "earliest"] == pd.Timestamp("2024-07-03")
    assert pd.isna(back.loc[1, "earliest"])
    assert back.loc[0, "actors"] == ["vladimir-putin", "xi-jinping"] and back.loc[1, "actors"] == []
    assert back.loc[0, "description"] == "Putin and Xi meet; in Astana"
    assert str(back["sentence_id"].dtype) == "Int64"
    assert (tmp_path / "events.parquet").is_file()
    assert events.loc[0, "actors"] == ["vladimir-putin", "xi-jinping"]  # input untouched


def test_booleans_are_written_as_true_false(tmp_path):
    frame = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [0], "end": [3], "text": ["Abc"],
                          "is_boilerplate": [True]})
    storage.write_table(frame, "sentences", tmp_path)
    assert "true" in (tmp_path / "sentences.csv").read_text().splitlines()[1]
    assert storage.read_table("sentences", tmp_path)["is_boilerplate"].tolist() == [True]


def test_load_tables_names_the_missing_folder(tmp_path):
    with pytest.raises(TableError, match="does not exist"):
        storage.load_tables(tmp_path / "nowhere")


def test_parts_combine_into_the_table_written_whole(tmp_path):
    rows = pd.DataFrame({
        "article_id": ["a", "a", "b", "c"], "sentence_id": [0, 1, 0, 0], "start": [0, 10, 0, 0], "end": [9, 20, 5, 7],
        "text": ['He said, "yes".', "Then\nmore", "Café", "Last"], "paragraph_id": [0, 0, 0, 1],
        "is_boilerplate": [False, True, False, False], "kind": ["body", "debris", "body", "body"],
    })
    storage.write_table(rows, "sentences", tmp_path / "whole")
    storage.write_part(rows.iloc[:2], "sentences", tmp_path / "parts", 0)
    storage.write_part(rows.iloc[2:3], "sentences", tmp_path / "parts", 1)
    storage.write_part(rows.iloc[3:], "sentences", tmp_path / "parts", 2)
    storage.combine_parts("sentences", tmp_path / "parts", tmp_path / "combined")
    whole, combined = tmp_path / "whole" / "sentences", tmp_path / "combined" / "sentences"
    assert whole.with_suffix(".csv").read_bytes() == combined.with_suffix(".csv").read_bytes()
    pd.testing.assert_frame_equal(pd.read_parquet(whole.with_suffix(".parquet")), pd.read_parquet(combined.with_suffix(".parquet")))
    pd.testing.assert_frame_equal(storage.read_table("sentences", tmp_path / "whole"), storage.read_table("sentences", tmp_path / "combined"))


def test_a_part_lacking_an_extra_column_gets_empty_cells_and_no_parts_give_an_empty_table(tmp_path):
    first = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [0], "end": [3], "text": ["Hi."],
                          "is_boilerplate": [False], "kind": ["body"], "note": ["x"]})
    storage.write_part(first, "sentences", tmp_path / "parts", 0)
    storage.write_part(first.drop(columns="note").assign(article_id="b"), "sentences", tmp_path / "parts", 1)
    storage.combine_parts("sentences", tmp_path / "parts", tmp_path / "out")
    table = storage.read_table("sentences", tmp_path / "out")
    assert table["article_id"].tolist() == ["a", "b"]
    assert table["note"].tolist()[0] == "x" and pd.isna(table["note"].tolist()[1])
    assert len(pd.read_parquet(tmp_path / "out" / "sentences.parquet")) == 2
    storage.combine_parts("quotes", tmp_path / "parts", tmp_path / "out")
    assert storage.read_table("quotes", tmp_path / "out").empty


def _csv_only(folder, name):
    """Read table `name` as its CSV alone gives it (the Parquet file beside it moved away)."""
    twin = folder / f"{name}.parquet"
    aside = twin.with_name(f"{name}.aside")
    twin.rename(aside)
    try:
        return storage.read_table(name, folder)
    finally:
        aside.rename(twin)


def test_parquet_beside_the_csv_reads_as_the_csv_does(tmp_path):
    rows = pd.DataFrame({
        "claim_id": ["a:1:0", "b:2:0", "c:3:0"], "article_id": ["a", "b", "c"], "sentence_id": [1, 2, 3],
        "start": [0, 4, 8], "end": [3, 7, 9], "subject": ["x", "y", ""], "predicate": ["holds_office"] * 3,
        "object": ["president", None, "7"], "conflicts_with": [["reference:offices"], [], ["a:1:0", "b:2:0"]],
        "note": ["", "said; twice", None],
        # beyond the contract: typed in Parquet, text in CSV
        "count": pd.array([1, None, 3], dtype="Int64"), "whole": [1, 2, 3], "share": [0.5, None, 1.25],
        "claim_date": [pd.Timestamp("2022-09-15"), pd.NaT, pd.Timestamp("2024-07-04")],
        "stamp": [pd.Timestamp("2022-09-15 10:30"), pd.NaT, pd.NaT], "hedged": [True, False, True],
        "code": ["1", "2", None], "blank": ["", "", None], "nothing": [None, None, None],
    })
    storage.write_table(rows, "claims", tmp_path)
    from_parquet, from_csv = storage.read_table("claims", tmp_path), _csv_only(tmp_path, "claims")
    pd.testing.assert_frame_equal(from_parquet, from_csv)
    assert pd.isna(from_parquet.loc[0, "note"]) and from_parquet.loc[1, "note"] == "said; twice"
    assert from_parquet.loc[2, "conflicts_with"] == ["a:1:0", "b:2:0"] and from_parquet.loc[1, "conflicts_with"] == []
    assert from_parquet.loc[0, "claim_date"] == "2022-09-15" and from_parquet.loc[0, "stamp"] == "2022-09-15 10:30:00"
    assert str(from_parquet["count"].dtype) == "float64" and str(from_parquet["whole"].dtype) == "int64"


def test_a_csv_edited_after_the_build_is_read_not_the_parquet_beside_it(tmp_path):
    rows = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "similarity": [0.9], "relation": ["translation"]})
    path = storage.write_table(rows, "duplicates", tmp_path)
    assert storage.read_table("duplicates", tmp_path).loc[0, "relation"] == "translation"
    path.write_text(path.read_text(encoding="utf-8").replace("translation", "republication"), encoding="utf-8")
    assert storage.read_table("duplicates", tmp_path).loc[0, "relation"] == "republication"
    (tmp_path / "duplicates.parquet").write_bytes(b"PAR1 cut short")  # newer but unreadable: the CSV is the table
    assert storage.read_table("duplicates", tmp_path).loc[0, "relation"] == "republication"


def test_read_head_reads_the_first_rows_and_counts_all(tmp_path):
    rows = pd.DataFrame({
        "article_id": [f"a{i:02d}" for i in range(10) for _ in range(3)], "sentence_id": [0, 1, 2] * 10,
        "start": [0, 5, 9] * 10, "end": [4, 8, 12] * 10, "text": [f"S{i}." for i in range(30)],
        "is_boilerplate": [False] * 30, "kind": ["body"] * 30,
    })
    for k in range(10):  # a row group per part
        storage.write_part(rows.iloc[3 * k:3 * k + 3], "sentences", tmp_path / "parts", k)
    storage.combine_parts("sentences", tmp_path / "parts", tmp_path / "out")
    whole = storage.read_table("sentences", tmp_path / "out")
    for n in (0, 1, 4, 30, 50):
        head = storage.read_head("sentences", tmp_path / "out", n)
        pd.testing.assert_frame_equal(head, whole.head(n))
        assert head.attrs["n_rows"] == 30
    (tmp_path / "out" / "sentences.parquet").unlink()
    head = storage.read_head("sentences", tmp_path / "out", 4)
    pd.testing.assert_frame_equal(head, whole.head(4))
    assert head.attrs["n_rows"] == 30


def test_combined_parquet_has_row_groups_of_many_parts_except_for_sentences(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    monkeypatch.setattr(storage, "ROW_GROUP_ROWS", 5)
    sentences = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(7) for _ in range(2)], "sentence_id": [0, 1] * 7,
        "start": [0, 5] * 7, "end": [4, 9] * 7, "text": [f"S{i}." for i in range(14)],
        "is_boilerplate": [False] * 14, "kind": ["body"] * 14,
    })
    duplicates = pd.DataFrame({"article_a": [f"a{i}" for i in range(14)], "article_b": [f"b{i}" for i in range(14)],
                               "similarity": [0.9] * 14, "relation": ["republication"] * 14})
    for k in range(7):
        storage.write_part(sentences.iloc[2 * k:2 * k + 2], "sentences", tmp_path / "parts", k)
        storage.write_part(duplicates.iloc[2 * k:2 * k + 2], "duplicates", tmp_path / "parts", k)
    for name, frame in (("sentences", sentences), ("duplicates", duplicates)):
        storage.combine_parts(name, tmp_path / "parts", tmp_path / "out")
        pd.testing.assert_frame_equal(storage.read_table(name, tmp_path / "out"), schema.conform(frame, name))
    groups = {name: [pq.ParquetFile(tmp_path / "out" / f"{name}.parquet").metadata.row_group(g).num_rows
                     for g in range(pq.ParquetFile(tmp_path / "out" / f"{name}.parquet").num_row_groups)]
              for name in ("sentences", "duplicates")}
    assert groups == {"sentences": [2] * 7, "duplicates": [6, 6, 2]}


def _attendance_rows() -> pd.DataFrame:
    return pd.DataFrame({
        "summit_id": ["2024-astana"] * 3, "entity_id": ["xi-jinping", "narendra-modi", "shehbaz-sharif"],
        "name": ["Xi Jinping", "Narendra Modi", "Shehbaz Sharif"], "country": ["china", "india", "pakistan"],
        "role": ["head of state"] * 3, "status": ["attended", "absent", "attended"], "represented_by": [None] * 3,
        "evidence": [[f"a{k}:{k}" for k in range(5)], ["b:1"], []],
    })


def test_a_capped_read_keeps_the_first_evidence_and_counts_it_all_from_parquet_and_csv(tmp_path):
    storage.write_table(_attendance_rows(), "attendance", tmp_path)
    whole = storage.read_table("attendance", tmp_path)
    capped = storage.read_table("attendance", tmp_path, evidence_limit=2)
    assert capped["evidence"].tolist() == [["a0:0", "a1:1"], ["b:1"], []]
    assert capped["n_evidence"].tolist() == [5, 1, 0] and str(capped["n_evidence"].dtype) == "Int64"
    pd.testing.assert_frame_equal(capped.drop(columns="n_evidence").drop(columns="evidence"),
                                  whole.drop(columns="evidence"))
    roomy = storage.read_table("attendance", tmp_path, evidence_limit=50)
    pd.testing.assert_frame_equal(roomy.drop(columns="n_evidence"), whole)
    head = storage.read_head("attendance", tmp_path, 2, evidence_limit=2)
    pd.testing.assert_frame_equal(head, capped.head(2))
    assert head.attrs["n_rows"] == 3
    (tmp_path / "attendance.parquet").unlink()  # the CSV alone gives the same frame
    pd.testing.assert_frame_equal(storage.read_table("attendance", tmp_path, evidence_limit=2), capped)
    pd.testing.assert_frame_equal(storage.read_head("attendance", tmp_path, 2, evidence_limit=2), capped.head(2))


def test_a_capped_read_of_a_table_without_evidence_lists_is_the_plain_read(tmp_path):
    rows = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "similarity": [0.9], "relation": ["translation"]})
    storage.write_table(rows, "duplicates", tmp_path)
    pd.testing.assert_frame_equal(storage.read_table("duplicates", tmp_path, evidence_limit=1),
                                  storage.read_table("duplicates", tmp_path))


def test_parquet_holds_nulls_for_empty_cells_dates_as_dates_and_booleans_as_booleans(tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = pd.DataFrame({
        "article_id": ["a", "b"], "sentence_id": [0, 1], "start": [0, 4], "end": [3, 9],
        "quote": ["yes", "no"], "speaker": ["Xi Jinping", ""], "speaker_id": [None, ""], "cue": ["said", None],
        "quote_kind": ["direct", "scare"], "nested": [False, True], "heard": [pd.Timestamp("2024-07-04"), pd.NaT],
        "aliases": [["Xi"], []],
    })
    storage.write_table(rows, "quotes", tmp_path)
    table = pq.read_table(tmp_path / "quotes.parquet")
    assert table["speaker"].to_pylist() == ["Xi Jinping", None] and table["speaker_id"].to_pylist() == [None, None]
    assert table["cue"].to_pylist() == ["said", None]
    assert table.schema.field("nested").type == pa.bool_() and table["nested"].to_pylist() == [False, True]
    assert table.schema.field("heard").type == pa.date32() and table["heard"].to_pylist() == [datetime.date(2024, 7, 4), None]
    assert table["aliases"].to_pylist() == [["Xi"], None]
    csv = (tmp_path / "quotes.csv").read_text(encoding="utf-8").splitlines()
    assert csv[1].endswith(",false,2024-07-04,Xi") and csv[2].endswith(",true,,")
    pd.testing.assert_frame_equal(storage.read_table("quotes", tmp_path), _csv_only(tmp_path, "quotes"))
    events = pd.DataFrame({"event_id": ["e1"], "article_id": ["a"], "sentence_id": [0], "earliest": [pd.Timestamp("2022-09-16")],
                           "latest": [pd.Timestamp("2022-09-16")], "actors": [[]], "evidence": [["a:0"]]})
    storage.write_table(events, "events", tmp_path)
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.schema.field("earliest").type == pa.date32() and table["actors"].to_pylist() == [None]
    assert table["earliest"].to_pylist() == [datetime.date(2022, 9, 16)]
    pd.testing.assert_frame_equal(storage.read_table("events", tmp_path), _csv_only(tmp_path, "events"))


def test_parts_whose_extra_column_holds_days_times_or_nothing_combine(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    def part(article_id, seen):
        return pd.DataFrame({"article_id": [article_id], "sentence_id": [0], "start": [0], "end": [3], "text": ["Hi."],
                             "is_boilerplate": [False], "kind": ["body"], "seen": seen})

    for folder in ("days", "times"):
        storage.write_part(part("a", [pd.Timestamp("2024-07-04")]), "sentences", tmp_path / folder, 0)
        storage.write_part(part("b", pd.Series([None], dtype=object)), "sentences", tmp_path / folder, 1)
    storage.write_part(part("c", [pd.Timestamp("2024-07-04 10:30")]), "sentences", tmp_path / "times", 2)
    for folder in ("days", "times"):
        storage.combine_parts("sentences", tmp_path / folder, tmp_path / f"{folder}-out")
    days = pq.read_table(tmp_path / "days-out" / "sentences.parquet")
    assert days.schema.field("seen").type == pa.date32() and days["seen"].null_count == 1
    pd.testing.assert_frame_equal(storage.read_table("sentences", tmp_path / "days-out"),
                                  _csv_only(tmp_path / "days-out", "sentences"))
    times = pq.read_table(tmp_path / "times-out" / "sentences.parquet")
    assert pa.types.is_timestamp(times.schema.field("seen").type)
    assert times["seen"].to_pylist()[1:] == [None, pd.Timestamp("2024-07-04 10:30")]

"""build.spill: rows spilled to files and merged back in order, and tables written in chunks."""

from __future__ import annotations

import pandas as pd

from scoanalysis.build import spill


def test_merge_sorted_gives_key_order_with_ties_in_stream_order(tmp_path, monkeypatch):
    monkeypatch.setattr(spill, "MERGE_ROWS", 2)  # several pickles a stream
    streams = [[{"k": 1, "s": 0}, {"k": 3, "s": 0}, {"k": 5, "s": 0}], [], [{"k": 1, "s": 2}, {"k": 4, "s": 2}]]
    merged = list(spill.merge_sorted(iter(streams), key=lambda r: r["k"], spill=tmp_path / "m"))
    assert [(r["k"], r["s"]) for r in merged] == [(1, 0), (1, 2), (3, 0), (4, 2), (5, 0)]
    assert not (tmp_path / "m").exists()  # the files go once merged


def test_spill_files_read_back_what_was_put_in_order(tmp_path):
    files = spill.Spill(tmp_path / "s", 2)
    files.append(1, "a")
    files.append(0, [1, 2])
    files.append(1, {"b": 3})
    assert files.add() == 2 and files.n == 3
    assert list(files.read(0)) == [[1, 2]] and list(files.read(1)) == ["a", {"b": 3}] and list(files.read(2)) == []


def test_batched_and_records():
    assert list(spill.batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    frame = pd.DataFrame({"a": range(5), "b": list("vwxyz")})
    assert list(spill.records(frame, size=2)) == frame.to_dict("records")


def test_write_chunks_writes_parts_of_chunk_rows_or_one_empty_part(tmp_path, monkeypatch):
    monkeypatch.setattr(spill, "CHUNK_ROWS", 2)
    rows = [{"summit_id": f"s{k}", "entity_id": f"e{k}"} for k in range(3)]
    spill.write_chunks(iter(rows), "attendance", tmp_path / "parts", columns=["summit_id", "entity_id"])
    written = sorted((tmp_path / "parts" / "attendance").glob("*.parquet"))
    assert [len(pd.read_parquet(p)) for p in written] == [2, 1]
    spill.write_chunks(iter(()), "attendance", tmp_path / "empty", columns=["summit_id", "entity_id"])
    (only,) = sorted((tmp_path / "empty" / "attendance").glob("*.parquet"))
    assert pd.read_parquet(only).empty

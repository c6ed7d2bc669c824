"""Every table of a build has a Parquet twin that other tools read as they read its CSV.

Read as DuckDB or polars read them: the Parquet file with pyarrow, the CSV as text
(pandas' reader with ``dtype=str, keep_default_na=False``). Cell by cell they hold the
same values, and the same NULLs: an empty CSV cell is a Parquet NULL, never ``''`` nor
an empty list. Dates are ``date32``, booleans booleans spelled ``true``/``false`` in CSV.
And `storage.read_table` gives the same frame from the Parquet file as from the CSV alone.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from scoanalysis import schema, storage

BOOLEANS = {"true": True, "false": False}


def _pairs(folder):
    return sorted(p.stem for p in folder.glob("*.csv"))


def test_every_csv_table_of_a_build_has_its_parquet_twin(fixture_tables):
    names = _pairs(fixture_tables)
    assert {"articles", "quotes", "timexes", "events", "attendance", "timeline", "summary_quoted"} <= set(names)
    assert [n for n in names if not (fixture_tables / f"{n}.parquet").is_file()] == []
    assert {p.stem for p in fixture_tables.glob("*.parquet")} == set(names)


def _is_text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)


def _cell_matches(value, cell: str, kind: pa.DataType) -> bool:
    """Whether Parquet `value` (not NULL) of Arrow type `kind` is what CSV `cell` (not empty) says."""
    if _is_text(kind):
        return value == cell
    if pa.types.is_date32(kind):
        return value.isoformat() == cell
    if pa.types.is_boolean(kind):
        return cell in BOOLEANS and BOOLEANS[cell] is value
    if pa.types.is_integer(kind):
        return str(value) == cell
    if pa.types.is_floating(kind):
        return float(cell) == value
    if pa.types.is_list(kind) and _is_text(kind.value_type):
        return value != [] and ";".join(value) == cell
    raise AssertionError(f"a column of Arrow type {kind} has no CSV form in the contract")


@pytest.mark.parametrize("name", ["articles", "sentences", "entities", "timexes", "quotes", "events", "attendance",
                                  "duplicates", "claims", "problems", "timeline", *schema.SUMMARY_TABLES])
def test_parquet_and_csv_hold_the_same_cells_and_the_same_nulls(fixture_tables, name):
    table = pq.read_table(fixture_tables / f"{name}.parquet")
    csv = pd.read_csv(fixture_tables / f"{name}.csv", dtype=str, keep_default_na=False)
    assert table.column_names == list(csv.columns) and table.num_rows == len(csv)
    wrong = []
    for field in table.schema:
        assert not pa.types.is_timestamp(field.type), f"{name}.{field.name} is a timestamp, not a date"
        if schema.TABLES.get(name) and schema.TABLES[name].columns.get(field.name) == "date":
            assert pa.types.is_date32(field.type), f"{name}.{field.name} is {field.type}"
        cells = csv[field.name].tolist()
        if _is_text(field.type) and cells:
            spelled = {c for c in cells if c}
            assert not spelled or not spelled <= {"True", "False", "true", "false"}, f"{name}.{field.name} is booleans as text"
        for row, (value, cell) in enumerate(zip(table[field.name].to_pylist(), cells)):
            if (value is None) != (cell == "") or (value is not None and not _cell_matches(value, cell, field.type)):
                wrong.append((field.name, row, value, cell))
    assert wrong == [], f"{name}: {len(wrong)} cells differ, first {wrong[:5]}"


def test_the_csv_spells_every_boolean_true_or_false(fixture_tables):
    for name in _pairs(fixture_tables):
        table = pq.read_table(fixture_tables / f"{name}.parquet")
        csv = pd.read_csv(fixture_tables / f"{name}.csv", dtype=str, keep_default_na=False)
        for field in table.schema:
            if pa.types.is_boolean(field.type):
                assert set(csv[field.name]) <= {"true", "false", ""}, f"{name}.{field.name}"


def test_missing_cells_are_null_in_parquet_where_the_fixture_has_them(fixture_tables):
    quotes = pq.read_table(fixture_tables / "quotes.parquet")
    scare = quotes.filter(pa.compute.equal(quotes["quote_kind"], "scare"))
    assert scare.num_rows and scare["speaker"].null_count == scare.num_rows  # `WHERE speaker IS NULL` finds them
    for name in ("quotes", "attendance", "timexes", "entities", "events"):
        table = pq.read_table(fixture_tables / f"{name}.parquet")
        for column in table.columns:
            values = column.to_pylist()
            assert "" not in values and [] not in values, name


@pytest.mark.parametrize("name", [*schema.CONTRACT_TABLES, "problems", *schema.SUMMARY_TABLES])
def test_read_table_gives_the_same_frame_from_parquet_as_from_the_csv_alone(fixture_tables, tmp_path, name):
    shutil.copy(fixture_tables / f"{name}.csv", tmp_path / f"{name}.csv")
    from_parquet = storage.read_table(name, fixture_tables)
    pd.testing.assert_frame_equal(from_parquet, storage.read_table(name, tmp_path))
    if name in ("events", "attendance"):
        pd.testing.assert_frame_equal(storage.read_table(name, fixture_tables, evidence_limit=1),
                                      storage.read_table(name, tmp_path, evidence_limit=1))

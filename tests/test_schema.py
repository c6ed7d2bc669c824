"""The table contract: columns declared once, records made into tables, validation, sentence kinds, evidence cells."""

from __future__ import annotations

import collections
import dataclasses
import typing
from datetime import date

import pandas as pd
import pytest

from scoanalysis import schema
from scoanalysis.exceptions import TableError

CONTRACT = {
    "articles": "article_id path headline outlet published published_source summit_id summit_score n_sentences n_words translated duplicate_of",
    "sentences": "article_id sentence_id start end text is_boilerplate",
    "entities": "article_id sentence_id start end text entity_id entity_type name",
    "timexes": "article_id sentence_id start end text timex_type value earliest latest anchor",
    "quotes": "article_id sentence_id start end quote speaker speaker_id cue quote_kind",
    "events": "event_id article_id sentence_id summit_id event_type earliest latest date_text actors description evidence relative_days",
    "attendance": "summit_id entity_id name country role status represented_by evidence",
    "duplicates": "article_a article_b similarity relation",
    "claims": "claim_id article_id sentence_id start end subject predicate object conflicts_with note",
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_every_contract_table_declares_the_contract_columns_first(name):
    assert list(schema.TABLES[name].columns)[: len(CONTRACT[name].split())] == CONTRACT[name].split()


@pytest.mark.parametrize(
    "frame, fragment",
    [
        (pd.DataFrame({"article_a": ["a", "a"], "article_b": ["b", "b"], "similarity": [0.9, 0.8]}), "repeats the key"),
        (pd.DataFrame({"article_a": [None], "article_b": ["b"]}), "empty key"),
    ],
)
def test_validation_rejects_broken_tables(frame, fragment):
    with pytest.raises(TableError, match=fragment):
        schema.validate(schema.conform(frame, "duplicates"), "duplicates")


def test_validation_rejects_impossible_ranges():
    frame = schema.conform(pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [10], "end": [5]}), "entities")
    with pytest.raises(TableError, match="start after end"):
        schema.validate(frame, "entities")


def test_evidence_line_counts_a_cut_cell_by_its_total():
    assert schema.evidence_line(["a:1", "b:2", "c:3"], 2) == "a:1, b:2 (and 1 more)"
    assert schema.evidence_line(["a:1", "b:2"], 2, total=7) == "a:1, b:2 (and 5 more)"
    assert schema.evidence_line(["a:1"], 2, total=pd.NA) == "a:1"


def test_evidence_counts_take_n_evidence_where_a_read_cut_the_lists():
    whole = pd.DataFrame({"evidence": [["a:1", "b:2", "c:3"], [], None]})
    assert schema.evidence_counts(whole) == [3, 0, 0]
    cut = whole.assign(n_evidence=pd.array([12, 0, pd.NA], dtype="Int64"))
    assert schema.evidence_counts(cut) == [12, 0, 0]


# --- records made into tables ----------------------------------------------------------------------------

#: Three rows of values per kind, each with a missing value and a value to convert.
_SAMPLES = {
    "str": ["Astana", None, ""],
    "int": [3, None, 0],
    "float": [0.25, None, 2.0],
    "bool": [True, None, False],
    "date": [date(2024, 7, 3), None, "2022-09-15"],
    "list": [["a:1", "b:2"], [], None],
}
#: Fields beyond the contract: kept after its columns, typed as conform types them.
_EXTRA = {"n_extra": ["1", "2", None], "hedged": [True, None, False], "score_extra": [1.5, 2.5, None]}


def _rows(name: str, *, drop: str | None = None) -> list[dict]:
    columns = {c: _SAMPLES[kind] for c, kind in schema.TABLES[name].columns.items() if c != drop}
    columns.update(_EXTRA)
    return [{c: values[i] for c, values in columns.items()} for i in range(3)]


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_records_of_every_kind_make_the_frame_conform_gives(name):
    rows = _rows(name)
    expected = schema.conform(pd.DataFrame(rows), name)
    fields = list(rows[0])
    as_dataclass = dataclasses.make_dataclass("Row", fields, frozen=True, slots=True)
    as_tuple = collections.namedtuple("Row", fields)
    for records in (rows, [as_dataclass(**r) for r in rows], [as_tuple(**r) for r in rows]):
        got = schema.make_table(name, records)
        pd.testing.assert_frame_equal(got, expected)
    assert list(got.columns) == list(schema.TABLES[name].columns) + list(_EXTRA)
    assert rows[0][fields[0]] == _SAMPLES[schema.TABLES[name].columns[fields[0]]][0]  # records untouched


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_records_lacking_a_column_or_a_key_leave_it_empty(name):
    first = list(schema.TABLES[name].columns)[0]
    rows = _rows(name, drop=first)
    del rows[1]["n_extra"]
    got = schema.make_table(name, rows)
    pd.testing.assert_frame_equal(got, schema.conform(pd.DataFrame(rows), name))
    assert got[first].isna().all() and pd.isna(got.loc[1, "n_extra"])
    pd.testing.assert_frame_equal(schema.make_table(name, []), schema.empty(name))


def test_quote_records_come_out_in_the_contract_order_with_their_extras_last():
    class Quote(typing.NamedTuple):
        quote: str
        speaker: str | None
        article_id: str
        sentence_id: int
        start: int
        end: int
        cue: str
        confidence: float

    records = [Quote("We agree.", "Xi Jinping", "a", 3, 10, 19, "said", 0.9), Quote("No.", None, "b", 0, 0, 3, "", 0.4)]
    table = schema.make_table("quotes", records)
    assert list(table.columns) == list(schema.TABLES["quotes"].columns) + ["confidence"]
    assert table["speaker"].tolist() == ["Xi Jinping", pd.NA] and str(table["sentence_id"].dtype) == "Int64"
    assert table["speaker_id"].isna().all() and str(table["speaker_id"].dtype) == "string"
    assert table["confidence"].tolist() == [0.9, 0.4]


def test_a_record_of_another_type_is_refused():
    with pytest.raises(TypeError, match="named tuple"):
        schema.make_table("quotes", [("a", 1)])


# --- sentence kinds -------------------------------------------------------------------------------------

def test_the_kind_sets_are_named_subsets_of_the_kinds():
    assert len(set(schema.KINDS)) == len(schema.KINDS) == 10
    assert schema.DEBRIS_KINDS == {"debris", "prompt"}
    assert schema.NO_MENTION_KINDS == {"debris", "prompt", "disclaimer"}
    assert schema.NOT_CONTENT_KINDS == {"debris", "prompt", "disclaimer", "duplicate", "credit", "byline"}
    assert schema.BOILERPLATE_KINDS == schema.NOT_CONTENT_KINDS | {"caption"}
    for kinds in (schema.BOILERPLATE_KINDS, schema.DEBRIS_KINDS, schema.NO_MENTION_KINDS, schema.NOT_CONTENT_KINDS):
        assert kinds <= set(schema.KINDS) and isinstance(kinds, frozenset)


def test_every_kind_the_splitter_gives_is_declared_and_flagged_by_the_boilerplate_set(seed_sentences):
    assert set(seed_sentences["kind"]) <= set(schema.KINDS)
    assert (seed_sentences["is_boilerplate"] == seed_sentences["kind"].isin(schema.BOILERPLATE_KINDS)).all()


# --- storage names ---------------------------------------------------------------------------------------

def test_the_contract_does_not_import_storage():
    import subprocess
    import sys

    code = "import sys, scoanalysis.schema as s; assert 'scoanalysis.storage' not in sys.modules; " \
           "assert not hasattr(s, 'read_table')"
    subprocess.run([sys.executable, "-c", code], check=True)
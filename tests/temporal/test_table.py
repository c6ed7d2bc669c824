"""Records to frames: the timexes table's contract and dtypes, days datetime64[ns] cannot hold, the published table."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from pandas.errors import OutOfBoundsDatetime

from scoanalysis import schema, temporal
from scoanalysis.temporal import table
from temporal.texts import FRI, only_row, sents_of, timexes_at


def test_table_keeps_the_contract():
    found = timexes_at("Modi arrived on Friday, two years after the 2020 clashes.", FRI)
    assert list(found.columns[:10]) == [
        "article_id", "sentence_id", "start", "end", "text", "timex_type", "value", "earliest", "latest", "anchor"]
    assert str(found["earliest"].dtype) == "datetime64[ns]" and str(found["latest"].dtype) == "datetime64[ns]"
    assert set(found["timex_type"]) <= {"DATE", "TIME", "DURATION", "SET"}


def test_timexes_table_has_the_dtypes_conform_gives():
    text = ("In the 1990s, and again on Sept. 16, 2022, leaders met. They will meet next week for two days. "
            "It is an annual event, held twice a year since 2001.")
    got = temporal.timexes(sents_of(text), published={"a": date(2022, 9, 17)})
    assert len(got) > 5
    pd.testing.assert_frame_equal(got, schema.conform(got, "timexes"), check_dtype=True)
    assert [str(t) for t in got.dtypes[:10]] == ["string", "Int64", "Int64", "Int64", "string", "string", "string",
                                                 "datetime64[ns]", "datetime64[ns]", "string"]


def test_empty_timexes_table_is_conform_of_an_empty_frame():
    got = temporal.timexes(sents_of("Nothing dated here."))
    assert got.empty and list(got.columns) == temporal.TIMEX_COLUMNS
    pd.testing.assert_frame_equal(got, schema.conform(pd.DataFrame([], columns=temporal.TIMEX_COLUMNS), "timexes"))


def test_century_before_1678_keeps_its_value_without_days():
    got = timexes_at("Buddhism reached the valley in the 5th century and Islam in the 8th century.", date(2022, 9, 16))
    row = only_row(got, "5th century")
    assert row["value"] == "04" and row["granularity"] == "century"
    assert pd.isna(row["earliest"]) and pd.isna(row["latest"])
    assert str(got["earliest"].dtype) == "datetime64[ns]"
    # a century that fits keeps its days
    row = only_row(timexes_at("It was built in the 19th century.", date(2022, 9, 16)), "19th century")
    assert row["earliest"] == pd.Timestamp("1800-01-01") and row["latest"] == pd.Timestamp("1899-12-31")


def test_published_record_and_frame_agree():
    row = {"article_id": "a", "published": date(2022, 9, 16), "published_earliest": date(2022, 9, 15),
           "published_latest": None, "published_source": "inferred", "published_evidence": "", "published_summit_id": "",
           "published_score": 3}
    record = table.published_record(row)
    assert list(record) == temporal.PUBLISHED_COLUMNS
    assert record["published"] == pd.Timestamp("2022-09-16") and record["published"].unit == "ns"
    assert record["published_latest"] is pd.NaT and type(record["published_score"]).__name__ == "int64"
    frame = table.published_frame([record])
    assert [str(frame[c].dtype) for c in table.PUBLISHED_DATES] == ["datetime64[ns]"] * 3
    got = frame.iloc[0].to_dict()
    assert pd.isna(got.pop("published_latest")) and got == {k: v for k, v in record.items() if k != "published_latest"}
    assert [str(t) for t in table.published_frame([]).dtypes[1:4]] == ["datetime64[ns]"] * 3


def test_published_day_that_datetime64_ns_cannot_hold_raises():
    # "the 5th century" in the past is a lower bound: the year 400, which a published date cannot hold
    with pytest.raises(OutOfBoundsDatetime):
        temporal.infer_published(sents_of("Buddhism reached the valley in the 5th century."), summits=None)


def test_conflict_frame_offsets_are_int64():
    rows = [{"article_id": "a", "sentence_id": 0, "start": 3, "end": 9, "text": "Friday", "note": "n"}]
    assert [str(t) for t in table.conflict_frame(rows).dtypes[1:4]] == ["int64"] * 3
    assert list(table.conflict_frame([]).columns) == temporal.CONFLICT_COLUMNS

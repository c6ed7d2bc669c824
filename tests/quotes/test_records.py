"""The quote record and the quotes table made from records."""

from __future__ import annotations

import pandas as pd

from scoanalysis import quotes as Q
from scoanalysis import text
from scoanalysis.quotes import records


def test_output_columns_and_empty_input(sentences_of):
    empty = Q.quotes(sentences_of("No quotation here."))
    assert list(empty.columns) == Q.QUOTE_COLUMNS and len(empty) == 0
    assert list(Q.quotes(pd.DataFrame(columns=text.SENTENCE_COLUMNS)).columns) == Q.QUOTE_COLUMNS


def test_unbalanced_and_nested_flags(sentences_of):
    raw = "China will help,” Xi said. Mr Putin waited. “He’s saying, ‘No,’” Ms. Fallon said."
    frame = Q.quotes(sentences_of(raw))
    assert frame["balanced"].tolist() == [False, True, True]
    assert frame["nested"].tolist() == [False, False, True]
    assert frame["sentence_id"].tolist() == [0, 2, 2]


def test_frame_types_each_column_by_the_record_field():
    scare = records.Quote("a", 0, 1, 9, "big club", "", "", "", "scare", "", None, None, None, None, False, True)
    said = records.Quote("a", 1, 20, 25, "No,", "Putin", "vladimir-putin", "said", "direct", "Putin",
                         30, 35, 36, 40, True, False)
    table = records.frame([scare, said])
    assert list(table.columns) == records.QUOTE_COLUMNS == list(records.Quote._fields)
    assert str(table["speaker_start"].dtype) == "Int64" and table["speaker_start"].isna().tolist() == [True, False]
    assert str(table["nested"].dtype) == "boolean" and table["balanced"].tolist() == [True, False]
    assert table.loc[1, "speaker"] == "Putin"
    pd.testing.assert_frame_equal(records.frame([]), Q.quotes(pd.DataFrame(columns=text.SENTENCE_COLUMNS)))

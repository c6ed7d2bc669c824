"""Columns read once, frames built from lists, text tested against a set as isin does."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoanalysis import frames


def test_from_columns_keeps_the_columns_asked_for_in_their_order():
    got = frames.from_columns({"b": [1, 2], "a": ["x", None], "unused": [0, 0]}, ["a", "b"])
    pd.testing.assert_frame_equal(got, pd.DataFrame({"a": ["x", None], "b": [1, 2]}))
    assert list(frames.from_columns({"a": []}, ["a"]).columns) == ["a"]


def test_columns_reads_each_column_once_and_fills_missing_ones():
    frame = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    cols = frames.Columns(frame)
    assert cols["a"] == ["x", "y"] and cols["a"] is cols["a"]
    assert "b" in cols and "c" not in cols and cols.n == 2
    assert cols.get("c", "body") == ["body", "body"]
    assert isinstance(cols["b"][0], int) and not isinstance(cols["b"][0], np.integer)


def test_text_isin_answers_as_isin_does_for_text_with_missing_values():
    column = pd.Series(["a", None, "c", "a", "zz"], dtype="string")
    for values in (["a", "zz"], {"c"}, pd.Series(["a", None]), [], pd.Index(["q"])):
        expected = column.isin(list(values)).fillna(False).to_numpy(dtype=bool)
        assert frames.text_isin(column, values).tolist() == expected.tolist()
        assert frames.text_isin(column, frames.text_set(values)).tolist() == expected.tolist()  # made once
    assert frames.text_isin(pd.Series(["x", "y"]), ["y"]).tolist() == [False, True]

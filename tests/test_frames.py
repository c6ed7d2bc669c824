"""Columns read once and frames built from lists: same values and dtypes as pandas gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoanalysis import frames


@pytest.mark.parametrize("values", [
    ["a", "b"], ["a", None], [None, None], [1, 2], [1, None], [True, False], [1.5, float("nan")], [1, 2.5],
    [[1], [2]], [pd.Timestamp("2024-07-03"), None], [], [2**63, 1], ["a", 1], [True, 1],
])
def test_from_columns_types_as_pandas_infers(values):
    expected = pd.DataFrame({"x": values, "y": list(range(len(values)))}, columns=["x", "y"])
    got = frames.from_columns({"x": list(values), "y": list(range(len(values)))}, ["x", "y"])
    pd.testing.assert_frame_equal(got, expected, check_dtype=True)


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

"""Reading DataFrame columns as Python lists, building frames from lists, and testing text against a set.

The per-article step reads small frames many times; each ``df[col]`` costs tens of
microseconds, so ``Columns`` reads each column of a frame once. ``text_isin`` answers
``Series.isin`` for text columns in Arrow, which pandas does a hundred times slower
for an Arrow-backed text column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


class Columns:
    """The columns of a frame as Python lists, each read on first use (the frame must not change meanwhile)."""

    __slots__ = ("frame", "names", "n", "_lists")

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.names = frame.columns
        self.n = len(frame)
        self._lists: dict = {}

    def __contains__(self, name) -> bool:
        return name in self.names

    def __getitem__(self, name) -> list:
        out = self._lists.get(name)
        if out is None:
            out = self._lists[name] = self.frame[name].tolist()
        return out

    def get(self, name, default=None) -> list:
        """The column `name`, or `default` repeated when the frame has none."""
        return self[name] if name in self.names else [default] * self.n


def from_columns(data: dict[str, list], columns: list[str]) -> pd.DataFrame:
    """Return the frame of columns `columns` (in order) holding `data`, typed as pandas infers.

    Parameters
    ----------
    data : column name -> list (or array) of values, all of one length; keys beyond `columns` are left out.
    columns : the frame's columns, in order (each a key of `data`).
    """
    return pd.DataFrame(data, columns=columns)


def text_isin(series: pd.Series, values) -> np.ndarray:
    """Return a boolean array: whether each item of text column `series` is one of `values`.

    The same answer as ``series.isin(values)`` for text (a missing item is in `values`
    when they hold a missing value), hashed in Arrow: pandas makes an Arrow scalar of
    each value to test an Arrow-backed text column against, for every call. `values`
    may be `text_set`'s array, made once for many calls.
    """
    import pyarrow.compute as pc

    found = pc.is_in(_arrow_text(series.to_numpy(dtype=object, na_value=None)), value_set=text_set(values),
                     skip_nulls=False)
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def text_set(values):
    """Return `values` (any iterable of text) as the Arrow array that text_isin tests against."""
    import pyarrow as pa

    if isinstance(values, pa.Array) and values.type == pa.large_string():
        return values
    if not isinstance(values, (pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray, list)):
        values = list(values)
    return _arrow_text(values)


def _arrow_text(items):
    import pyarrow as pa

    return pa.array(np.asarray(items, dtype=object), type=pa.large_string(), from_pandas=True)

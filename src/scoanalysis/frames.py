"""Reading DataFrame columns as Python lists and building frames from lists, cheaply.

The per-article step reads small frames many times; each ``df[col]`` and each
inferred column costs tens of microseconds. ``Columns`` reads each column of a
frame once; ``from_columns`` types the plain columns itself (strings, integers,
booleans, floats) with the dtype pandas would infer, and leaves the rest to pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: What a column of Python strings is inferred as.
STR_DTYPE = pd.Series(["a"]).dtype


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
    """Return ``pd.DataFrame(data, columns=columns)``, typing plain non-empty columns directly.

    Parameters
    ----------
    data : column name -> list of values (all of one length).
    columns : the frame's columns, in order (each a key of `data`).
    """
    typed = {}
    for c in columns:
        values = data[c]
        typed[c] = _typed(values) if isinstance(values, list) else values
    return pd.DataFrame(typed, columns=columns)


def _typed(values: list):
    """`values` as the array pandas infers for them when that is plain to see, else `values`."""
    if not values:
        return values
    first = type(values[0])
    if first is str:
        if all(type(v) is str for v in values):
            return pd.array(values, dtype=STR_DTYPE)
    elif first is int:
        if all(type(v) is int for v in values) and -2**63 <= min(values) and max(values) < 2**63:
            return np.array(values, dtype=np.int64)
    elif first is bool:
        if all(type(v) is bool for v in values):
            return np.array(values, dtype=bool)
    elif first is float:
        if all(type(v) is float for v in values):
            return np.array(values, dtype=np.float64)
    return values


def text_isin(series: pd.Series, values) -> np.ndarray:
    """Return a boolean array: whether each item of text column `series` is one of `values`.

    The same answer as ``series.isin(values)`` for text (a missing item is in `values`
    when they hold a missing value), hashed in Arrow. pandas makes an Arrow scalar of
    each value to test an Arrow-backed text column against: 25 ms for 7,500 values,
    paid again for every partition's frame (0.6 ms here). `values` may be `text_set`'s
    array, made once for many calls.
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

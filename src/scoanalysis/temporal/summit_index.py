"""The summits reference table as publication-date inference reads it: dates, host-city names, name patterns.

Kept apart so that it can give way to the shared reference object; built once per
distinct table content.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from .calendar import to_date


@dataclass(frozen=True)
class Summits:
    """The summits reference table as the inference reads it, with its name patterns compiled once."""

    rows: list[dict]
    city_rx: re.Pattern | None
    name_to_city: dict[str, str]
    country_rx: re.Pattern | None


#: The columns of the summits table the inference reads.
_SUMMIT_FIELDS = ("summit_id", "city", "city_aliases", "country", "start", "end")


def summit_index(summits: pd.DataFrame | None) -> Summits:
    """Return the summits (start, end as dates, city names with aliases) ready for matching.

    Built once per distinct table content (the reference table is read for every article).
    """
    if summits is None:
        from .. import reference
        from ..exceptions import ReferenceDataError

        try:
            summits = reference.summits()
        except ReferenceDataError:
            return _summit_index_of(((), ()))
    cols = tuple(c for c in _SUMMIT_FIELDS if c in summits.columns)
    values = tuple(tuple(tuple(v) if isinstance(v, list) else v for v in summits[c].tolist()) for c in cols)
    key = (cols, values)
    try:
        hash(key)
    except TypeError:
        return _summit_index_of.__wrapped__(key)
    return _summit_index_of(key)


@functools.lru_cache(maxsize=16)
def _summit_index_of(key: tuple) -> Summits:
    cols, values = key
    records = [dict(zip(cols, row)) for row in zip(*values)] if cols else []
    rows = _summit_rows(records)
    return Summits(
        rows=rows,
        city_rx=_name_rx(n for r in rows for n in r["names"]),
        name_to_city={" ".join(n.lower().split()): r["city"] for r in rows for n in r["names"]},
        country_rx=_name_rx(r["country"] for r in rows),
    )


def _summit_rows(records: list[dict]) -> list[dict]:
    rows = []
    for r in records:
        start, end = to_date(r.get("start")), to_date(r.get("end"))
        if start is None:
            continue
        aliases = r.get("city_aliases")
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(";") if a.strip()]
        names = [str(r["city"])] + [str(a) for a in (aliases if isinstance(aliases, (list, tuple)) else [])]
        rows.append({
            "summit_id": str(r["summit_id"]), "city": str(r["city"]), "names": names,
            "country": str(r.get("country") or ""), "start": start, "end": end or start,
        })
    return rows


def _name_rx(names: Iterable[str]) -> re.Pattern | None:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])")

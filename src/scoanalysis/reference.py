"""Reference knowledge curated under data/reference: summits, states, people, offices.

Each table is read once per process (cached) and checked for the columns the
package relies on. Pass ``folder`` to read another copy (tests do).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

from . import paths
from .exceptions import ReferenceDataError

#: Columns each reference table must have; dates are parsed, lists split on ";".
REQUIRED = {
    "summits": ["summit_id", "year", "city", "city_aliases", "country", "start", "end", "host_leader", "format", "source"],
    "countries": ["entity_id", "name", "aliases", "demonyms", "capital", "metonyms", "source"],
    "memberships": ["country_id", "status", "start", "end", "source"],
    "people": ["entity_id", "name", "aliases", "surname", "country_id", "source"],
    "offices": ["entity_id", "country_id", "office", "title", "start", "end", "source"],
    "organizations": ["entity_id", "name", "aliases", "kind", "source"],
    "roles": ["pattern", "offices", "source"],
    "places": ["entity_id", "name", "aliases", "kind", "country_id", "source"],
}
#: The summits the project compares (the user's brief); reports default to them.
FOCUS_SUMMITS = ("2014-dushanbe", "2022-samarkand", "2024-astana")

_DATES = {"start", "end"}
_LISTS = {"city_aliases", "aliases", "demonyms", "metonyms", "offices"}


def load(name: str, *, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return reference table `name` (summits, countries, people, ...) as a new DataFrame.

    Dates (start, end) are ``datetime64``; ``;``-separated cells (aliases,
    demonyms, metonyms, city_aliases, offices) are lists. Raises
    ReferenceDataError naming the file when it is missing or lacks columns.
    """
    return _load(name, str(Path(folder) if folder else paths.REFERENCE)).copy()


def summits(*, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return the SCO summits table, one row per summit, sorted by start date.

    Columns: summit_id, year, city, city_aliases (list), country, start, end,
    host_leader, format, source, and the file's other columns.
    """
    return load("summits", folder=folder)


def summit_ids(*, folder: str | os.PathLike | None = None) -> list[str]:
    """Return every summit_id of the reference table, in calendar order."""
    return summits(folder=folder)["summit_id"].tolist()


@functools.lru_cache(maxsize=None)
def _load(name: str, folder: str) -> pd.DataFrame:
    if name not in REQUIRED:
        raise ReferenceDataError(f"unknown reference table {name!r}; known: {sorted(REQUIRED)}.")
    file = Path(folder) / f"{name}.csv"
    if not file.is_file():
        raise ReferenceDataError(f"{file} does not exist; restore it from the repository (git checkout -- {file}).")
    frame = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    missing = [c for c in REQUIRED[name] if c not in frame.columns]
    if missing:
        raise ReferenceDataError(f"{file} lacks columns {missing}; see data/reference/README.md.")
    for col in frame.columns:
        if col in _DATES:
            parsed = pd.to_datetime(frame[col], errors="coerce", format="ISO8601")
            bad = frame[col].notna() & parsed.isna()
            if bad.any():
                raise ReferenceDataError(
                    f"{file}: {col} {frame.loc[bad, col].iloc[0]!r} is not a YYYY-MM-DD date; correct it."
                )
            frame[col] = parsed
        elif col in _LISTS:
            frame[col] = frame[col].map(lambda v: [p.strip() for p in v.split(";") if p.strip()] if isinstance(v, str) else [])
    if name == "summits":
        frame["year"] = frame["year"].astype(int)
        frame = frame.sort_values("start", kind="stable").reset_index(drop=True)
    return frame


def roles(*, folder: str | os.PathLike | None = None) -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """Return the role phrases: pattern -> (offices in order of preference, {country_id: offices}).

    The overrides come from roles.csv's ``country_overrides`` ("china:general_secretary|president;*:none").
    """
    out = {}
    for r in load("roles", folder=folder).itertuples(index=False):
        overrides = {}
        raw = getattr(r, "country_overrides", "")
        for part in (raw.split(";") if isinstance(raw, str) else []):
            if ":" in part:
                country, order = part.split(":", 1)
                overrides[country.strip()] = [x.strip() for x in order.split("|") if x.strip()]
        out[r.pattern.lower()] = (list(r.offices), overrides)
    return out

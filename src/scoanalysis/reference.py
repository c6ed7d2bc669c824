"""Reference knowledge curated under data/reference: summits, states, people, offices, memberships, themes.

Each table is read once per process (cached) and checked for the columns the package
relies on; `load` returns one as a DataFrame. `load_reference` returns all of them as
one `Reference`, read once per folder, for the stages to take as an argument: summits
with their name patterns compiled, the names and aliases of people, states,
organisations and places, offices and memberships with their dates, role phrases and
the theme lexicon. Pass ``folder`` to read another copy (tests do).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import pandas as pd

from . import paths
from .exceptions import ReferenceDataError
from .patterns.framing import TERM_SYNTAX
from .text import fold

#: Columns each reference table must have; dates are parsed, lists split on ";". A table
#: ``<org>_members.csv`` (another organisation's members) needs MEMBER_COLUMNS.
REQUIRED = {
    "summits": ["summit_id", "year", "city", "city_aliases", "country", "start", "end", "host_leader", "format", "source"],
    "countries": ["entity_id", "name", "aliases", "demonyms", "capital", "metonyms", "source"],
    "memberships": ["country_id", "status", "start", "end", "source"],
    "people": ["entity_id", "name", "aliases", "surname", "country_id", "source"],
    "offices": ["entity_id", "country_id", "office", "title", "start", "end", "source"],
    "organizations": ["entity_id", "name", "aliases", "kind", "source"],
    "roles": ["pattern", "offices", "source"],
    "places": ["entity_id", "name", "aliases", "kind", "country_id", "source"],
    "themes": ["theme", "term", "note", "source"],
}
MEMBER_COLUMNS = ["country_id", "status", "start", "end"]
#: The summits the project compares (the user's brief); reports default to them.
FOCUS_SUMMITS = ("2014-dushanbe", "2022-samarkand", "2024-astana")
#: memberships.csv records the SCO's members; ``<org>_members.csv`` those of organisation <org>.
MEMBERSHIPS_ORG = "sco"

_DATES = {"start", "end"}
_LISTS = {"city_aliases", "aliases", "demonyms", "metonyms", "offices"}
#: Tables read as plain text: every cell a string, an empty cell "" (the theme lexicon).
_TEXT_ONLY = {"themes"}


def load(name: str, *, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return reference table `name` (summits, countries, people, ...) as a new DataFrame.

    Dates (start, end) are ``datetime64``; ``;``-separated cells (aliases,
    demonyms, metonyms, city_aliases, offices) are lists; themes are plain text
    (an empty cell is ""), each term checked against patterns.framing.TERM_SYNTAX.
    Raises ReferenceDataError naming the file when it is missing or lacks columns.
    """
    return _load(name, _folder(folder)).copy()


def summits(*, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return the SCO summits table, one row per summit, sorted by start date.

    Columns: summit_id, year, city, city_aliases (list), country, start, end,
    host_leader, format, source, and the file's other columns.
    """
    return load("summits", folder=folder)


def summit_ids(*, folder: str | os.PathLike | None = None) -> list[str]:
    """Return every summit_id of the reference table, in calendar order."""
    return summits(folder=folder)["summit_id"].tolist()


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


def _folder(folder: str | os.PathLike | None) -> str:
    return str(Path(folder) if folder else paths.REFERENCE)


@functools.lru_cache(maxsize=None)
def _load(name: str, folder: str) -> pd.DataFrame:
    required = MEMBER_COLUMNS if name.endswith("_members") else REQUIRED.get(name)
    if required is None:
        raise ReferenceDataError(f"unknown reference table {name!r}; known: {sorted(REQUIRED)} and <org>_members.")
    file = Path(folder) / f"{name}.csv"
    if not file.is_file():
        raise ReferenceDataError(f"{file} does not exist; restore it from the repository (git checkout -- {file}).")
    if name in _TEXT_ONLY:
        frame = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8")
    else:
        frame = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ReferenceDataError(f"{file} lacks columns {missing}; see data/reference/README.md.")
    if name == "themes":
        bad = frame[~frame["term"].map(lambda t: bool(TERM_SYNTAX.match(t)))]
        if len(bad):
            raise ReferenceDataError(
                f"{file}: term {bad['term'].iloc[0]!r} ({bad['theme'].iloc[0]}) is not lower-case words with an "
                "optional trailing * per word and & between parts; correct it."
            )
        return frame
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


# --- records -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Summit:
    """One meeting of the SCO Council of Heads of State (a row of summits.csv).

    `end` is `start` for a summit whose end is not given. `pattern` finds the city by
    any of its names in folded text (text.fold) as a whole word, the longest name first.
    """

    summit_id: str
    year: int
    city: str
    city_aliases: tuple[str, ...]
    country: str
    start: date
    end: date
    host_leader: str
    format: str
    pattern: re.Pattern

    @property
    def names(self) -> tuple[str, ...]:
        """The city's name and its other names, as the table spells them."""
        return (self.city, *self.city_aliases)


@dataclass(frozen=True, slots=True)
class Country:
    """A state (countries.csv): its names, the words for its people, its capital and its seats of power."""

    entity_id: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    metonyms: tuple[str, ...]
    iso3: str


@dataclass(frozen=True, slots=True)
class Person:
    """A person (people.csv); missing cells are ""."""

    entity_id: str
    name: str
    aliases: tuple[str, ...]
    surname: str
    country_id: str
    gender: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation (organizations.csv) or a place (places.csv); `country_id` "" where none."""

    entity_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country_id: str


@dataclass(frozen=True, slots=True)
class Office:
    """A term of office (offices.csv): held from `start` to `end`, both days included; `end` None while held."""

    entity_id: str
    country_id: str
    office: str
    title: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        """Return True when the office was held on `day` (a term without a start never is)."""
        return self.start is not None and self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True, slots=True)
class Membership:
    """A state's status in an organisation over time (memberships.csv for the SCO, ``<org>_members.csv``)."""

    org_id: str
    country_id: str
    status: str
    start: date | None
    end: date | None
    founding: bool
    table: str


@dataclass(frozen=True, slots=True, eq=False)
class Reference:
    """Every reference table of one folder, read once (`load_reference`), as records and lookups.

    Compared and hashed by identity: one folder gives one object, so a stage may use it
    as a cache key. The tables as DataFrames: `frame`.

    Attributes
    ----------
    folder : the folder read.
    summits : every summit, in calendar order, each with its city pattern.
    countries, people, organizations, places : entity_id -> record, in file order.
    offices : every term of office, in file order (see `offices_on`).
    memberships : memberships.csv's rows (org_id ``sco``) then those of each ``<org>_members.csv``
        whose <org> (underscores as hyphens) is a known entity, files in name order.
    roles : role phrases as `roles` gives them.
    themes : theme -> its terms, themes in order of first appearance (themes.csv).
    aliases : folded name or alias of a state, organisation, place or person -> their entity_ids
        (see `resolve`).
    demonyms, metonyms : folded demonym ("Chinese") or metonym ("the Kremlin") -> country_id.
    city_pattern : any summit city's name as written (white space any run of it), not inside a
        word or a hyphenated one; None without summits.
    country_pattern : any summit host country's name, the same way.
    city_of_name : a summit city's name or alias, lower case with single spaces -> the city.
    """

    folder: Path
    summits: tuple[Summit, ...]
    countries: Mapping[str, Country]
    people: Mapping[str, Person]
    organizations: Mapping[str, Entity]
    places: Mapping[str, Entity]
    offices: tuple[Office, ...]
    memberships: tuple[Membership, ...]
    roles: Mapping[str, tuple[list[str], dict[str, list[str]]]]
    themes: Mapping[str, tuple[str, ...]]
    aliases: Mapping[str, tuple[str, ...]]
    demonyms: Mapping[str, str]
    metonyms: Mapping[str, str]
    city_pattern: re.Pattern | None
    country_pattern: re.Pattern | None
    city_of_name: Mapping[str, str]
    _summit_by_id: Mapping[str, Summit] = field(repr=False)

    def summit(self, summit_id: str) -> Summit:
        """Return the summit `summit_id`; raise ReferenceDataError for an unknown one."""
        try:
            return self._summit_by_id[summit_id]
        except KeyError:
            raise ReferenceDataError(f"unknown summit {summit_id!r}; summits.csv has {sorted(self._summit_by_id)}.") from None

    def resolve(self, surface: str) -> tuple[str, ...]:
        """Return the entity_ids whose name or alias is `surface` (folded, case kept), in table order; () for none."""
        return self.aliases.get(fold(surface.strip()), ())

    def offices_on(self, day, *, entity_id: str | None = None, country_id: str | None = None,
                   office: str | None = None) -> tuple[Office, ...]:
        """Return the terms of office held on `day` (a date, Timestamp or ISO text), in file order.

        Only those of `entity_id`, `country_id` and `office`, where given.
        """
        day = pd.Timestamp(day).date()
        return tuple(o for o in self.offices if (entity_id is None or o.entity_id == entity_id)
                     and (country_id is None or o.country_id == country_id)
                     and (office is None or o.office == office) and o.held_on(day))

    def frame(self, name: str) -> pd.DataFrame:
        """Return reference table `name` of this folder as a new DataFrame (see `load`)."""
        return load(name, folder=self.folder)


def load_reference(folder: str | os.PathLike | None = None) -> Reference:
    """Return the reference tables of `folder` (default data/reference) as one Reference, read once per folder.

    Raises ReferenceDataError naming the file when a table is missing or malformed.
    """
    return _reference(_folder(folder))


@functools.lru_cache(maxsize=None)
def _reference(folder: str) -> Reference:
    tables = {name: _load(name, folder) for name in REQUIRED}
    summits_ = tuple(_summit(r) for r in tables["summits"].to_dict("records"))
    countries = {r["entity_id"]: Country(r["entity_id"], r["name"], tuple(r["aliases"]), tuple(r["demonyms"]),
                                         _text(r["capital"]), tuple(r["metonyms"]), _text(r.get("iso3")))
                 for r in tables["countries"].to_dict("records")}
    people = {r["entity_id"]: Person(r["entity_id"], r["name"], tuple(r["aliases"]), _text(r["surname"]),
                                     _text(r["country_id"]), _text(r.get("gender")))
              for r in tables["people"].to_dict("records")}
    orgs, places = ({r["entity_id"]: Entity(r["entity_id"], r["name"], tuple(r["aliases"]), _text(r["kind"]),
                                            _text(r.get("country_id")))
                     for r in tables[name].to_dict("records")} for name in ("organizations", "places"))
    offices = tuple(Office(r["entity_id"], _text(r["country_id"]), r["office"], _text(r["title"]), _day(r["start"]),
                           _day(r["end"])) for r in tables["offices"].to_dict("records"))
    aliases: dict[str, list[str]] = {}
    for records in (countries, orgs, places, people):
        for r in records.values():
            for name in (r.name, *r.aliases):
                ids = aliases.setdefault(fold(name.strip()), [])
                if r.entity_id not in ids:
                    ids.append(r.entity_id)
    themes: dict[str, list[str]] = {}
    for theme, term in zip(tables["themes"]["theme"], tables["themes"]["term"]):
        themes.setdefault(theme, []).append(term)
    city_names = [(n, s.city) for s in summits_ for n in s.names if n]
    return Reference(
        folder=Path(folder), summits=summits_, countries=_frozen(countries), people=_frozen(people),
        organizations=_frozen(orgs), places=_frozen(places), offices=offices,
        memberships=_memberships(folder, known={*countries, *orgs, *people}), roles=_frozen(roles(folder=folder)),
        themes=_frozen({k: tuple(v) for k, v in themes.items()}),
        aliases=_frozen({k: tuple(v) for k, v in aliases.items()}),
        demonyms=_frozen({fold(d.strip()): c.entity_id for c in countries.values() for d in c.demonyms}),
        metonyms=_frozen({fold(m.strip()): c.entity_id for c in countries.values() for m in c.metonyms}),
        city_pattern=_any_name(n for n, _ in city_names),
        country_pattern=_any_name(s.country for s in summits_),
        city_of_name=_frozen({" ".join(n.lower().split()): city for n, city in city_names}),
        _summit_by_id=_frozen({s.summit_id: s for s in summits_}),
    )


def _summit(r: dict) -> Summit:
    start = _day(r["start"])
    if not isinstance(r["city"], str) or start is None:
        raise ReferenceDataError(f"summits.csv: summit {r['summit_id']!r} has no city or no start; correct it.")
    aliases = tuple(a for a in r["city_aliases"] if a)
    return Summit(r["summit_id"], int(r["year"]), r["city"], aliases, _text(r["country"]), start,
                  _day(r["end"]) or start, _text(r["host_leader"]), _text(r["format"]), _city_pattern((r["city"], *aliases)))


def _memberships(folder: str, *, known: set[str]) -> tuple[Membership, ...]:
    tables = [(MEMBERSHIPS_ORG, "memberships")]
    for file in sorted(Path(folder).glob("*_members.csv")):
        org = file.stem[: -len("_members")].replace("_", "-")
        if org in known:
            tables.append((org, file.stem))
    out = []
    for org, name in tables:
        for r in _load(name, folder).to_dict("records"):
            out.append(Membership(org, r["country_id"], r["status"], _day(r["start"]), _day(r["end"]),
                                  str(r.get("founding")).lower() == "true", name))
    return tuple(out)


def _city_pattern(names) -> re.Pattern:
    """A summit city by any of its names, folded, as a whole word; longer names first, so the longest matches."""
    alternatives = "|".join(re.escape(fold(n)) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def _any_name(names) -> re.Pattern | None:
    """Any of `names` as written, white space any run of it, not inside a (hyphenated) word; longest first."""
    names = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)

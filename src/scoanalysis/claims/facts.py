"""The reference facts claims are read and checked with, loaded once per reference folder.

Names and short names of states, organisations and people; offices (offices.csv,
titles read through roles.csv); memberships: ``memberships.csv`` for the SCO and any
``<org>_members.csv`` beside it with the same columns (``nato_members.csv``); summits.
``ReferenceFacts.index`` groups the membership and office rows for the verdicts'
look-ups, built on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .. import paths, reference
from ..exceptions import ReferenceDataError
from ..patterns import claims as P
from .kinds import MEMBERSHIPS_ORG

#: Organisation kinds (organizations.csv) that "the organization", "the bloc" may stand for.
BLOC_KINDS = frozenset({"intergovernmental", "alliance"})


def is_missing(v) -> bool:
    """Return whether a plain value is missing (None, NA, NaT, NaN)."""
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def iso_day(t) -> str:
    """Return a date as YYYY-MM-DD."""
    return pd.Timestamp(t).date().isoformat()


def _office_slug(title: str) -> str:
    return P.NOT_LETTERS.sub("_", title.lower()).strip("_")


class MembershipRow(NamedTuple):
    """A row of the memberships tables."""

    org_id: str
    country_id: str
    status: str
    start: pd.Timestamp
    end: pd.Timestamp
    founding: bool
    table: str


class OfficeRow(NamedTuple):
    """A row of offices.csv."""

    entity_id: str
    country_id: str
    office: str
    title: str
    start: pd.Timestamp
    end: pd.Timestamp


@dataclass(frozen=True)
class ReferenceFacts:
    """The reference knowledge claims are read and checked with."""

    names: dict
    short: dict
    gender: dict
    offices: pd.DataFrame
    memberships: pd.DataFrame  # org_id, country_id, status, start, end, founding, table
    member_tables: dict
    roles: dict
    titles: tuple
    blocs: frozenset
    summits: pd.DataFrame
    office_scopes: frozenset

    def name(self, entity_id: str) -> str:
        """Return the name of an entity_id (the id itself when the reference has none)."""
        return self.names.get(entity_id, entity_id)

    def org_phrase(self, org_id: str) -> str:
        """An organisation as it reads in a sentence: "the SCO", "NATO"."""
        short = self.short.get(org_id)
        if short:
            return short if short in P.ARTICLELESS else f"the {short}"
        return f"the {self.name(org_id)}" if org_id in self.short else org_id

    def place_phrase(self, entity_id: str) -> str:
        """A state or organisation as it reads after "of": "India", "the United States", "the UN"."""
        if entity_id in self.short:
            return self.org_phrase(entity_id)
        name = self.name(entity_id)
        return f"the {name}" if name in P.DEFINITE_NAMES else name

    def title_offices(self, title: str, scope: str) -> tuple[str, frozenset]:
        """Return the office value a title names for `scope`, and every office it may name."""
        if title not in self.roles:
            slug = _office_slug(title)
            return slug, frozenset({slug})
        offices, overrides = self.roles[title]
        if scope and scope not in self.office_scopes:  # "Taliban leader": an owner with no offices on file
            return _office_slug(title), frozenset(offices)
        order = overrides.get(scope, overrides.get("*", offices)) if scope else offices
        if order == ["none"]:
            slug = _office_slug(title)
            return slug, frozenset({slug})
        every = set(order) if scope else set(offices) | {o for v in overrides.values() for o in v if o != "none"}
        return order[0], frozenset(every)

    @functools.cached_property
    def index(self) -> FactIndex:
        """The membership and office rows grouped for look-ups (built on first use)."""
        return FactIndex(self)


class FactIndex:
    """The reference tables of one ReferenceFacts read once into plain rows, grouped for the verdicts' look-ups."""

    def __init__(self, facts: ReferenceFacts):
        m = facts.memberships
        self._memberships = m
        rows = [MembershipRow(*v) for v in zip(*(m[c].tolist() for c in MembershipRow._fields))]
        self.by_pair: dict[tuple, list[MembershipRow]] = {}
        self.by_country: dict = {}
        for r in rows:
            self.by_pair.setdefault((r.org_id, r.country_id), []).append(r)
            self.by_country.setdefault(r.country_id, []).append(r)
        o = facts.offices
        offices = [OfficeRow(*v) for v in zip(*(o[c].tolist() for c in OfficeRow._fields))]
        self.offices_by_person: dict = {}
        self.offices_by_country: dict = {}
        for r in offices:
            self.offices_by_person.setdefault(r.entity_id, []).append(r)
            self.offices_by_country.setdefault(r.country_id, []).append(r)
        self.office_values = set(o["office"])
        self._pair_frames: dict[tuple, pd.DataFrame] = {}
        self._founders: dict = {}

    def pair_frame(self, org: str, country) -> pd.DataFrame:
        """The memberships rows of `country` in `org` (as the boolean filter gives them)."""
        key = (org, country)
        if key not in self._pair_frames:
            m = self._memberships
            self._pair_frames[key] = m[(m["org_id"] == org) & (m["country_id"] == country)]
        return self._pair_frames[key]

    def founders(self, org: str) -> pd.DataFrame:
        """The memberships rows of `org`'s founding members."""
        if org not in self._founders:
            m = self._memberships
            self._founders[org] = m[(m["org_id"] == org) & m["founding"]]
        return self._founders[org]


@functools.lru_cache(maxsize=4)
def reference_facts(folder: str | None) -> ReferenceFacts:
    """Return the reference facts of the CSVs in `folder` (None: data/reference).

    Raises ReferenceDataError when an ``<org>_members.csv`` lacks the columns of
    memberships.csv or holds a start or end that is not a YYYY-MM-DD date.
    """
    load = functools.partial(reference.load, folder=folder)
    people, countries, orgs = load("people"), load("countries"), load("organizations")
    names = {**dict(zip(countries["entity_id"], countries["name"])), **dict(zip(orgs["entity_id"], orgs["name"])),
             **dict(zip(people["entity_id"], people["name"]))}
    short = {}
    for o in orgs.itertuples(index=False):
        acronyms = [a for a in o.aliases if P.ACRONYM.fullmatch(a) and any(c.isupper() for c in a[1:])]
        short[o.entity_id] = acronyms[0] if acronyms else o.name
    gender = dict(zip(people["entity_id"], people["gender"].fillna(""))) if "gender" in people else {}
    roles = reference.roles(folder=folder)
    titles = tuple(sorted(set(roles) | set(P.EXTRA_TITLES)))
    member = load("memberships").assign(org_id=MEMBERSHIPS_ORG, table="memberships")
    parts, tables = [member], {MEMBERSHIPS_ORG: "memberships"}
    base = Path(folder) if folder else paths.REFERENCE
    for file in sorted(base.glob("*_members.csv")):
        org = file.stem[: -len("_members")].replace("_", "-")
        if org not in names:
            continue
        frame = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
        missing = [c for c in ("country_id", "status", "start", "end") if c not in frame.columns]
        if missing:
            raise ReferenceDataError(f"{file} lacks columns {missing}; give it the columns of memberships.csv.")
        for col in ("start", "end"):
            parsed = pd.to_datetime(frame[col], errors="coerce", format="ISO8601")
            if (frame[col].notna() & parsed.isna()).any():
                raise ReferenceDataError(f"{file}: {col} holds a value that is not a YYYY-MM-DD date; correct it.")
            frame[col] = parsed
        parts.append(frame.assign(org_id=org, table=file.stem))
        tables[org] = file.stem
    memberships = pd.concat(parts, ignore_index=True)
    founding = memberships["founding"] if "founding" in memberships else pd.Series("false", index=memberships.index)
    memberships["founding"] = founding.astype(str).str.lower().eq("true")
    blocs = frozenset(orgs.loc[orgs["kind"].isin(BLOC_KINDS), "entity_id"])
    offices = load("offices")
    return ReferenceFacts(names=names, short=short, gender=gender, offices=offices,
                          memberships=memberships[["org_id", "country_id", "status", "start", "end", "founding", "table"]],
                          member_tables=tables, roles=roles, titles=titles, blocs=blocs,
                          summits=reference.summits(folder=folder), office_scopes=frozenset(offices["country_id"].dropna()))

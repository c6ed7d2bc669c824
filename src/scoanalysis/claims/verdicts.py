"""What the reference says of one claim at its article's date: agrees, conflicts or unknown, and the facts behind it.

* memberships (memberships.csv for the SCO, ``<org>_members.csv`` for others): a state's
  status at the date (within ``tolerance``); an accession within ``horizon`` after it,
  or already in the past; a founding member; the year a state joined;
* member counts at the date (within ``tolerance``, or up to ``horizon`` after it for
  the future);
* the year an organisation (or its predecessor) was founded;
* offices (offices.csv, titles read through roles.csv) held at the date, and who
  held the office then;
* summit days (summits.csv).

Hedged claims, predicates the reference does not cover and objects that are not what
their predicate needs (a year, a day) are unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..patterns import claims as P
from .facts import ReferenceFacts, is_missing, iso_day
from .kinds import FAMILY, STATUSES


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the reference says of one claim: agrees, conflicts or unknown, and the facts behind it."""

    status: str
    facts: tuple[tuple[str, str], ...] = ()  # (table, "has Belarus joining the SCO on 2024-07-04")


UNKNOWN = Verdict("unknown")


def safe_verdict(c: dict, ref: ReferenceFacts, *, horizon: pd.Timedelta, tolerance: pd.Timedelta) -> Verdict:
    """The reference's verdict, or unknown for an object that is not what its predicate needs (a year, a day)."""
    try:
        return _verdict(c, ref, horizon=horizon, tolerance=tolerance)
    except (ValueError, TypeError):
        return UNKNOWN


def _verdict(c: dict, ref: ReferenceFacts, *, horizon: pd.Timedelta, tolerance: pd.Timedelta) -> Verdict:
    if c["hedged"]:
        return UNKNOWN
    family = FAMILY.get(c["predicate"])
    d = c["claim_date"]
    if family in ("accession", "status", "founder", "joined_in"):
        org = c["scope"] if family == "joined_in" else c["object"]
        if org not in ref.member_tables:
            return UNKNOWN
        if family == "founder":
            return _founder_verdict(c, ref, org)
        if family == "joined_in":
            return _joined_verdict(c, ref, org, ref.index.pair_frame(org, c["subject"]))
        if pd.isna(d):
            return UNKNOWN
        rows = ref.index.by_pair.get((org, c["subject"]), [])
        if family == "accession":
            return _accession_verdict(c, ref, org, rows, d, horizon, tolerance)
        return _status_verdict(c, ref, org, rows, d, tolerance)
    if family == "founded":
        return _founded_verdict(c, ref)
    if family == "count" and not pd.isna(d):
        return _count_verdict(c, ref, d, horizon, tolerance)
    if family == "office" and not pd.isna(d):
        return _office_verdict(c, ref, d)
    if family == "date":
        row = ref.summits[ref.summits["summit_id"] == c["subject"]]
        if row.empty:
            return UNKNOWN
        row = row.iloc[0]
        day = pd.Timestamp(c["object"])
        fact = (("summits", f"has the {row['year']} {row['city']} summit on {iso_day(row['start'])}"
                 + (f" to {iso_day(row['end'])}" if row["end"] != row["start"] else "")),)
        return Verdict("agrees" if row["start"] <= day <= row["end"] else "conflicts", fact)
    return UNKNOWN


def _status_label(status: str) -> str:
    return {"member": "a member", "observer": "an observer", "dialogue_partner": "a dialogue partner"}.get(status, status)


def _accession_verdict(c, ref, org, rows, d, horizon, tolerance) -> Verdict:
    """`rows`: the memberships rows (facts.MembershipRow) of the claim's subject in `org`."""
    wanted = STATUSES[c["predicate"]]
    table = ref.member_tables[org]
    subject, org_name = ref.name(c["subject"]), ref.org_phrase(org)
    rows = [r for r in rows if r.status in wanted]
    if c["tense"] == "past":
        hit = [r for r in rows if r.start <= d + tolerance]
        if hit:
            return Verdict("agrees", ((table, f"has {subject} joining {org_name} on {iso_day(_earliest(r.start for r in hit))}"),))
        if rows:
            return Verdict("conflicts", ((table, f"has {subject} joining {org_name} only on "
                                                  f"{iso_day(_earliest(r.start for r in rows))}"),))
        return Verdict("conflicts", ((table, f"has no record of {subject} joining {org_name}"),))
    hit = [r for r in rows if r.start >= d - tolerance and r.start <= d + horizon]
    held = [r for r in rows if r.start < d - tolerance and (is_missing(r.end) or r.end > d)]
    if c["polarity"] == "negative":
        if not hit:
            return Verdict("agrees", ((table, f"has no accession of {subject} to {org_name} in the year after {iso_day(d)}"),))
        return Verdict("conflicts", ((table, f"has {subject} joining {org_name} on {iso_day(_earliest(r.start for r in hit))}"),))
    if hit:
        return Verdict("agrees", ((table, f"has {subject} joining {org_name} on {iso_day(_earliest(r.start for r in hit))}"),))
    if held:
        return Verdict("conflicts", ((table, f"has {subject} as {_status_label(held[0].status)} of {org_name} "
                                               f"since {iso_day(_earliest(r.start for r in held))}"),))
    every = ref.index.pair_frame(org, c["subject"])
    if every.empty:
        facts = [(table, f"has no {subject} among {org_name}'s {'members' if wanted == {'member'} else 'partners'}")]
    else:
        facts = [(table, f"has {subject} in {org_name} as {_history(every)}")]
    elsewhere = [e for e in ref.index.by_country.get(c["subject"], [])
                 if e.org_id != org and e.status in wanted and e.start >= d - tolerance and e.start <= d + horizon]
    for e in elsewhere:
        facts.append((e.table, f"has {subject} joining {ref.org_phrase(e.org_id)} on {iso_day(e.start)}"))
    return Verdict("conflicts", tuple(facts))


def _status_verdict(c, ref, org, rows, d, tolerance) -> Verdict:
    """`rows`: the memberships rows (facts.MembershipRow) of the claim's subject in `org`."""
    wanted = STATUSES[c["predicate"]]
    table = ref.member_tables[org]
    who, org_name = ref.name(c["subject"]), ref.org_phrase(org)
    lo, hi = d - tolerance, d + tolerance
    mine = [r for r in rows if r.status in wanted]
    if c["tense"] == "past":
        held = [r for r in mine if r.start <= d]
    else:
        held = [r for r in mine if r.start <= hi and (is_missing(r.end) or r.end > lo)]
    at = [r for r in rows if r.start <= d and (is_missing(r.end) or r.end > d)]
    if c["polarity"] == "negative":
        now = [r for r in held if r.start <= d and (is_missing(r.end) or r.end > d)]
        if not now:
            label = _status_label(sorted(wanted)[0])
            return Verdict("agrees", ((table, f"does not have {who} as {label} of {org_name} on {iso_day(d)}"),))
        fact = f"has {who} as {_status_label(now[0].status)} of {org_name} since {iso_day(_earliest(r.start for r in now))}"
        return Verdict("conflicts", ((table, fact),))
    if held:
        h = held[0]
        return Verdict("agrees", ((table, f"has {who} as {_status_label(h.status)} of {org_name} from {iso_day(h.start)}"),))
    if not at:
        return Verdict("conflicts", ((table, f"has {who} with no status in {org_name} on {iso_day(d)}"),))
    a = at[0]
    fact = f"has {who} as {_status_label(a.status)} of {org_name} on {iso_day(d)} (since {iso_day(a.start)})"
    later = [r for r in mine if r.start > d]
    if later:
        fact += f", {_status_label(later[0].status)} only from {iso_day(_earliest(r.start for r in later))}"
    return Verdict("conflicts", ((table, fact),))


def _history(rows: pd.DataFrame) -> str:
    """A state's statuses in order: "an observer from 2015-07-10, then a member from 2024-07-04"."""
    return ", then ".join(f"{_status_label(r.status)} from {iso_day(r.start)}" for r in rows.sort_values("start").itertuples())


def _founder_verdict(c, ref, org) -> Verdict:
    founders = ref.index.founders(org)
    if founders.empty:
        return UNKNOWN
    ids = list(dict.fromkeys(founders["country_id"]))
    names = ", ".join(ref.name(i) for i in ids)
    fact = ((ref.member_tables[org], f"lists {names} as {ref.org_phrase(org)}'s founding members"),)
    is_founder = c["subject"] in ids
    agrees = is_founder if c["polarity"] == "positive" else not is_founder
    return Verdict("agrees" if agrees else "conflicts", fact)


def _joined_verdict(c, ref, org, rows) -> Verdict:
    if rows.empty:
        return Verdict("conflicts", ((ref.member_tables[org], f"has no {ref.name(c['subject'])} in {ref.org_phrase(org)}"),))
    year = int(c["object"])
    member_years = {t.year for t in rows.loc[rows["status"] == "member", "start"]}
    any_years = {t.year for t in rows["start"]}
    fact = ((ref.member_tables[org], f"has {ref.name(c['subject'])} in {ref.org_phrase(org)} as {_history(rows)}"),)
    ok = year in member_years or (c["qualifier"] != "full" and year in any_years)
    return Verdict("agrees" if ok else "conflicts", fact)


def _founded_verdict(c, ref) -> Verdict:
    org, year = c["subject"], int(c["object"])
    if c["scope"] in P.PREDECESSOR_FOUNDING_YEARS:
        return Verdict("agrees" if year == P.PREDECESSOR_FOUNDING_YEARS[c["scope"]] else "conflicts",
                        (("organizations", f"has the {c['scope'].title()} as {ref.org_phrase(org)}'s predecessor, "
                                           f"founded in {P.PREDECESSOR_FOUNDING_YEARS[c['scope']]}"),))
    if org not in ref.member_tables:
        return UNKNOWN
    founders = ref.index.founders(org)
    if founders.empty:
        return UNKNOWN
    founded = founders["start"].min()
    return Verdict("agrees" if founded.year == year else "conflicts",
                    ((ref.member_tables[org], f"has {ref.org_phrase(org)} founded on {iso_day(founded)}"),))


def _members_at(ref: ReferenceFacts, org: str, t: pd.Timestamp, scope: str) -> list[str]:
    m = ref.memberships
    rows = m[(m["org_id"] == org) & (m["status"] == "member") & (m["start"] <= t) & (m["end"].isna() | (m["end"] > t))]
    ids = list(dict.fromkeys(rows["country_id"]))
    if scope == "founding":
        ids = list(dict.fromkeys(m.loc[(m["org_id"] == org) & m["founding"], "country_id"]))
    for _, (region, members) in P.REGIONS.items():
        if scope == region:
            ids = [i for i in ids if i in members]
    return ids


def _count_verdict(c, ref, d, horizon, tolerance) -> Verdict:
    org = c["subject"]
    if org not in ref.member_tables:
        return UNKNOWN
    m = ref.memberships[ref.memberships["org_id"] == org]
    lo, hi = (d, d + horizon) if c["tense"] == "future" else (d - tolerance, d + tolerance)
    moments = [lo, hi] + [t for t in pd.concat([m["start"], m["end"]]).dropna() if lo < t < hi]
    counts = {}
    for t in sorted(moments):
        counts.setdefault(len(_members_at(ref, org, t, c["scope"])), t)
    n = int(c["object"])
    at = _members_at(ref, org, d, c["scope"])
    which = " ".join(filter(None, [next((k.title() for k, (r, _) in P.REGIONS.items() if r == c["scope"]), ""),
                                   "founding" if c["scope"] == "founding" else ""]))
    label = f"{which} members" if which else "members"
    fact = ((ref.member_tables[org], f"has {len(at)} {label} of {ref.org_phrase(org)} on {iso_day(d)} "
                                     f"({', '.join(ref.name(i) for i in at)})"),)
    return Verdict("agrees" if n in counts else "conflicts", fact)


def _pronoun(ref: ReferenceFacts, person: str) -> str:
    return {"m": "him", "f": "her"}.get(ref.gender.get(person, ""), "them")


def _office_verdict(c, ref, d) -> Verdict:
    person, scope = c["subject"], c["scope"]
    title = c["qualifier"] or c["object"]
    _, allowed = ref.title_offices(title, scope) if c["qualifier"] else (c["object"], frozenset({c["object"]}))
    index = ref.index
    if scope and scope not in ref.office_scopes:
        scope = ""  # an owner the reference keeps no offices for ("Taliban leader"): judge by the person alone
    mine = index.offices_by_person.get(person, [])
    if not mine:
        return UNKNOWN
    fitting = [r for r in mine if r.office in allowed and (r.country_id == scope if scope else True)]
    if c["tense"] == "past":
        held = [r for r in fitting if r.start <= d]
    else:
        held = [r for r in fitting if r.start <= d and (is_missing(r.end) or r.end >= d)]
    him = _pronoun(ref, person)

    def spell(rows: list) -> str:
        return ", ".join(f"{r.title} ({'since ' + iso_day(r.start) if pd.isna(r.end) else iso_day(r.start) + ' to ' + iso_day(r.end)})"
                         for r in rows)

    if held:
        return Verdict("agrees", (("offices", f"has {him} as {spell(held)}"),))
    if not allowed & index.office_values:
        return UNKNOWN  # a title the reference does not cover (Defence Minister, Ambassador)
    now = [r for r in mine if r.start <= d and (is_missing(r.end) or r.end >= d)]
    fact = f"has {him} as {spell(now)}" if now else f"has {him} in no such office on {iso_day(d)} (only {spell(mine)})"
    where = scope or (now[0].country_id if now else "")
    others = [r for r in index.offices_by_country.get(where, []) if not is_missing(where)] if where else []
    others = [r for r in others if r.office in allowed and r.country_id == where and r.start <= d
              and (is_missing(r.end) or r.end >= d) and r.entity_id != person]
    if where and others:
        fact += "; " + "; ".join(f"the {r.title} then was {ref.name(r.entity_id)}" for r in others)
    return Verdict("conflicts", (("offices", fact),))


def _earliest(values):
    """The earliest of `values`, missing ones skipped (NaT when none), as Series.min() gives it."""
    present = [v for v in values if not is_missing(v)]
    return min(present) if present else pd.NaT

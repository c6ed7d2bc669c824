"""Checking claims: the claims that conflict with the reference tables or with another claim.

Each claim gets the reference's verdict at its article's date (verdicts.py); claims of
one subject are compared with each other (conflicts.py). A claim is reported when the
reference contradicts it or another claim does: both sides of every contradiction,
each pointing at what it conflicts with, with a note that says both.
"""

from __future__ import annotations

import itertools
import os
from typing import Mapping

import numpy as np
import pandas as pd

from .conflicts import conflicting
from .facts import ReferenceFacts, iso_day, reference_facts
from .verdicts import Verdict, safe_verdict

#: Columns of ``check_claims``.
CONFLICT_COLUMNS = [
    "claim_id", "article_id", "sentence_id", "start", "end", "subject", "predicate", "object", "conflicts_with", "note",
    "text", "subject_name", "object_name", "scope", "claim_date", "verdict", "n_conflicting_claims",
]
#: Contradicting claims a claim lists in conflicts_with (the first, in the order the claims
#: came); n_conflicting_claims counts them all. A statement repeated by thousands of
#: articles would otherwise list thousands of ids on each of thousands of rows.
MAX_LISTED = 20


def check_claims(
    claims: pd.DataFrame,
    *,
    dates: Mapping[str, pd.Timestamp | None],
    reference_dir: str | os.PathLike | None = None,
    window_days: int = 30,
    horizon_days: int = 366,
    tolerance_days: int = 14,
) -> pd.DataFrame:
    """Return the claims that conflict with the reference tables or with another claim, one row each.

    A claim is checked at its article's date: memberships (memberships.csv for the SCO,
    `<org>_members.csv` for others), offices (offices.csv, titles read through roles.csv),
    member counts, founding and joining years, summit days (summits.csv). Two claims
    conflict when they share subject and kind of statement but say incompatible things
    (Belarus joins NATO / Belarus joins the SCO; Modi is President / Prime Minister of
    India) and the reference does not bear both out; both are listed, each pointing at
    the other. Hedged claims ("may become") are not checked. A claim the reference bears
    out and no other claim contradicts is left out.

    Parameters
    ----------
    claims : the table extract_claims returns (at least claim_id, article_id, sentence_id,
        start, end, subject, predicate, object; scope, qualifier, polarity, tense, hedged
        where known).
    dates : each article's date; falls back to the claims' claim_date.
    reference_dir : folder of reference CSVs (default data/reference).
    window_days : claims on time-bound facts (status, office, count, accession) are compared
        across articles only when their dates are at most this far apart.
    horizon_days : how far after the date a "will become" claim may come true.
    tolerance_days : slack around the date for statuses and counts (a summit admitting a
        member two days after the article).

    Columns: claim_id, article_id, sentence_id, start, end, subject, predicate, object,
    conflicts_with (``;``-separated claim_ids, at most MAX_LISTED, and ``reference:<table>``),
    note (what the article says and what it conflicts with), text, subject_name,
    object_name, scope, claim_date, verdict (the reference's: agrees, conflicts, unknown),
    n_conflicting_claims (every claim that contradicts it, listed or not).
    """
    ref = reference_facts(str(reference_dir) if reference_dir else None)
    table = _normalised(claims, dates)
    if table.empty:
        return pd.DataFrame(columns=CONFLICT_COLUMNS)
    horizon, tolerance = pd.Timedelta(days=horizon_days), pd.Timedelta(days=tolerance_days)
    memo: dict[tuple, Verdict] = {}  # the same statement at the same date gets the same verdict
    verdicts = {}
    records = _shared_records(table.drop(columns="text"))  # the text is only copied to the rows returned
    for c in records:
        key = tuple(str(c.get(k)) for k in ("subject", "predicate", "object", "scope", "qualifier", "claim_date",
                                             "tense", "polarity", "hedged"))
        if key not in memo:
            memo[key] = safe_verdict(c, ref, horizon=horizon, tolerance=tolerance)
        verdicts[c["claim_id"]] = memo[key]
    partners: dict[str, list[str]] = {cid: [] for cid in verdicts}
    counts: dict[str, int] = {}
    window = pd.Timedelta(days=window_days)
    for _, group in itertools.groupby(sorted(records, key=lambda c: c["subject"]), key=lambda c: c["subject"]):
        group = list(group)
        agrees = np.array([verdicts[c["claim_id"]].status == "agrees" for c in group])
        for i, (listed, total) in conflicting(group, agrees, ref, window, limit=MAX_LISTED).items():
            partners[group[i]["claim_id"]] = [group[j]["claim_id"] for j in listed]
            counts[group[i]["claim_id"]] = total
    by_id = {c["claim_id"]: c for c in records}
    rows = []
    texts = table["text"]
    for at, c in enumerate(records):
        v, others = verdicts[c["claim_id"]], partners[c["claim_id"]]
        if v.status != "conflicts" and not others:
            continue
        refs = list(dict.fromkeys(f"reference:{t}" for t, _ in v.facts)) if v.status == "conflicts" else []
        total = counts.get(c["claim_id"], 0)
        note = _note(c, v, [by_id[o] for o in others], ref)
        if total > len(others):
            note += f" (and {total - len(others):,} more claims)"
        rows.append({**{k: c.get(k) for k in CONFLICT_COLUMNS if k in c}, "text": texts.iat[at],
                     "conflicts_with": ";".join(refs + others),
                     "note": note, "verdict": v.status, "n_conflicting_claims": total})
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def _shared_records(table: pd.DataFrame) -> list[dict]:
    """Return the rows of `table` as dicts, like ``to_dict("records")``, each repeated value one shared object.

    Subjects, predicates, objects, names and dates repeat across thousands of claims;
    to_dict makes a new object for every cell (a Timestamp, a str), about 1 KB a claim.
    """
    columns = {}
    for col in table.columns:
        values = table[col]
        codes, uniques = pd.factorize(values)
        shared = uniques.tolist()
        if (codes < 0).any():
            shared.append(values.iloc[int(np.flatnonzero(codes < 0)[0])])  # the column's own missing value
        columns[col] = [shared[k] for k in codes.tolist()]
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


def _normalised(claims: pd.DataFrame, dates: Mapping[str, pd.Timestamp | None]) -> pd.DataFrame:
    table = claims.copy()
    defaults = {"scope": "", "qualifier": "", "polarity": "positive", "tense": "present", "hedged": False,
                "text": "", "subject_name": "", "object_name": "", "claim_date": pd.NaT}
    for col, value in defaults.items():
        if col not in table.columns:
            table[col] = value
    for col in ("scope", "qualifier", "text", "subject_name", "object_name"):
        table[col] = table[col].fillna("").astype(str)
    table["polarity"] = table["polarity"].fillna("positive")
    table["tense"] = table["tense"].fillna("present")
    table["hedged"] = table["hedged"].map(lambda v: str(v).strip().lower() in ("true", "1", "yes"))
    table["object"] = table["object"].astype(str)
    given = table["article_id"].map(lambda a: dates.get(a))
    table["claim_date"] = pd.to_datetime(given.where(given.notna(), table["claim_date"]))
    return table


def _describe(c: dict, ref: ReferenceFacts) -> str:
    s = c["subject_name"] or ref.name(c["subject"])
    obj = c["object"]
    org = ref.org_phrase(obj) if obj in ref.short else (c["object_name"] or obj)
    neg = c["polarity"] == "negative"
    p = c["predicate"]
    if p == "holds_office":
        return f"{s} {'was' if c['tense'] == 'past' else 'is'}{' not' if neg else ''} {c['object_name'] or obj}"
    if p in ("becomes_member_of", "becomes_observer_of", "becomes_dialogue_partner_of", "joins"):
        status = {"becomes_member_of": "a member of", "becomes_observer_of": "an observer of",
                  "becomes_dialogue_partner_of": "a dialogue partner of", "joins": ""}[p]
        base = "join" if p == "joins" else "become"
        past = {"join": "joined", "become": "became"}[base]
        if neg:
            verb = f"did not {base}" if c["tense"] == "past" else f"does not {base}"
        else:
            verb = past if c["tense"] == "past" else f"{base}s"
        return f"{s} {verb} {status + ' ' if status else ''}{org}"
    if p in ("member_of", "observer_of", "dialogue_partner_of", "partner_of", "founder_of", "party_to"):
        status = {"member_of": "a member of", "observer_of": "an observer of", "dialogue_partner_of": "a dialogue partner of",
                  "partner_of": "an observer or dialogue partner of", "founder_of": "a founding member of",
                  "party_to": "a party to"}[p]
        be = "was" if c["tense"] == "past" else "is"
        return f"{s} {be}{' not' if neg else ''} {status} {org}"
    if p == "joined_in":
        return f"{s} joined {ref.org_phrase(c['scope'])} in {obj}"
    if p == "member_count":
        return f"{ref.org_phrase(c['subject'])} has {c['object_name'] or obj + ' members'}"
    if p == "founded_in":
        return f"{c['scope'].title() if c['scope'] else ref.org_phrase(c['subject'])} was founded in {obj}"
    if p == "date_is":
        return f"{s} took place on {obj}"
    return f"{s} {p} {obj}"


def _note(c: dict, v: Verdict, others: list[dict], ref: ReferenceFacts) -> str:
    date = f" (article date {iso_day(c['claim_date'])})" if not pd.isna(c["claim_date"]) else ""
    parts = [f"Article says {_describe(c, ref)}{date}."]
    facts = "; ".join(f"reference:{t} {f}" for t, f in v.facts)
    if v.status == "conflicts":
        parts.append(f"But {facts}.")
    elif v.status == "agrees" and facts:
        parts.append(f"This agrees with the reference: {facts}.")
    grouped: dict[str, list[str]] = {}
    for o in others:
        grouped.setdefault(_describe(o, ref), []).append(o["claim_id"])
    for text, ids in grouped.items():
        say = "says" if len(ids) == 1 else "say"
        parts.append(f"{' and '.join(ids)} {say} {text}.")
    return " ".join(parts)

"""Mentions of people, states, organisations and places, resolved to canonical entities.

Matching runs on each sentence's folded text against a gazetteer built once
from the reference tables (data/reference: people, countries, organizations,
places, offices, roles). A mention is resolved by, in turn:

1. a full name or alias of a person, state, organisation or place
   (a capital is a place after "in", "visited"...; otherwise it stands for its state);
2. a surname or single-word alias ("Mr Modi", "Rakhmon"): the person of that surname
   already named in the article, else the one holding office at the article's date;
3. a role phrase ("the Chinese leader", "the Kremlin leader", "Kazakhstan's president",
   "the President of Turkmenistan", "his foreign minister"): whoever held that office at
   the article's date;
4. a person the reference does not know, introduced by an appositive ("Theresa Fallon,
   director of the Centre for ...", "Anwar Ibrahim, the Malaysian prime minister"), a
   lower-case title ("deputy premier Ding Xuexiang") or a byline, kept with the
   affiliation; their surname then names them, not a reference person of that surname;
5. a misspelt full name within a small edit distance of a reference name.

Entity ids are the reference ids (``vladimir-putin``, ``kazakhstan``, ``sco``); a
person found from context gets the slug of their name.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from . import reference
from .frames import from_columns
from .schema import NO_MENTION_KINDS
from .patterns import entities as P
from .patterns import trie_alternation
from .text import fold

ENTITY_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "text", "entity_id", "entity_type", "name",
    "mention_kind", "country_id", "gender", "affiliation",
]
_SKIP_KINDS = NO_MENTION_KINDS
#: Priority when two candidate mentions overlap: lower wins (then the longer span).
_PRIORITY = {"name": 0, "alias": 0, "context": 1, "fuzzy": 2, "role": 3, "surname": 4, "demonym": 5, "metonym": 5, "place": 5}


@dataclass(frozen=True)
class Entry:
    """One surface form of a reference entity."""

    entity_id: str
    entity_type: str
    name: str
    kind: str


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Every surface form of the reference entities, compiled for matching.

    Compared and hashed by identity: the cached look-ups (office holders, people in
    office, fuzzy names) take it as an argument.
    """

    full: re.Pattern
    entries: dict[str, list[Entry]]
    surnames: re.Pattern
    surname_ids: dict[str, tuple[str, ...]]
    people: dict[str, dict]
    names: dict[str, tuple[str, str]]  # entity_id -> (name, type)
    offices: pd.DataFrame
    #: ``offices`` as (entity_id, country_id, office, start, end) tuples, the form the look-ups scan.
    office_rows: tuple[tuple, ...]
    roles: dict[str, tuple[list[str], dict[str, list[str]]]]
    role_phrase: re.Pattern
    role_of_owner: re.Pattern
    possessive_role: re.Pattern
    #: A sentence with no match of this cannot hold a role phrase or a possessive role ("\s+" and a role).
    role_word: re.Pattern
    owners: dict[str, tuple[str, str]]  # owner surface -> (entity_id, type)
    fuzzy: dict[tuple[str, int], list[tuple[str, str]]]


def entities(
    sentences: pd.DataFrame,
    *,
    dates: Mapping[str, pd.Timestamp | None] | None = None,
    reference_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Return every entity mention in `sentences`, one row per mention.

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, start, end, text, kind).
    dates : each article's date (publication, else its summit's opening), used to
        resolve surnames and role phrases through the offices held on that day.
    reference_dir : folder of reference CSVs (default data/reference).

    Columns: article_id, sentence_id, start, end (offsets into the raw text), text,
    entity_id, entity_type (person, country, organization, place), name (canonical),
    mention_kind (name, alias, surname, role, demonym, metonym, place, context, fuzzy),
    country_id, gender, affiliation.
    """
    gaz = gazetteer(str(reference_dir) if reference_dir else None)
    dates = dates or {}
    by_article: dict[str, list[tuple]] = {}
    for rec in _sentence_records(sentences):
        aid = rec[0]
        if aid is None or (not isinstance(aid, str) and pd.isna(aid)):
            continue  # groupby drops a missing article_id
        by_article.setdefault(aid, []).append(rec)
    if not by_article:
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    parts = []
    for aid, recs in by_article.items():
        date = dates.get(aid)
        date = None if date is None or pd.isna(date) else pd.Timestamp(date)
        parts.append(_article_rows(recs, date=date, gaz=gaz))
    if len(parts) == 1:
        return _frame(parts[0])
    frames = [_frame(rows) for rows in parts]
    return pd.concat(frames, ignore_index=True)[ENTITY_COLUMNS]


def _frame(rows: list[dict]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=ENTITY_COLUMNS)``, built column by column."""
    if not rows:
        return pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return from_columns({c: [r[c] for r in rows] for c in ENTITY_COLUMNS}, ENTITY_COLUMNS)


def _sentence_records(sentences: pd.DataFrame) -> list[tuple]:
    """The sentences as (article_id, sentence_id, start, text, kind) tuples, in table order."""
    if not len(sentences):
        return []
    return list(zip(*(sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "text", "kind"))))


def article_entities(sentences: pd.DataFrame, *, date: pd.Timestamp | None, gaz: Gazetteer) -> pd.DataFrame:
    """Return the entity mentions of one article's sentences (columns as in `entities`)."""
    return _frame(_article_rows(_sentence_records(sentences), date=date, gaz=gaz))


def _article_rows(records: list[tuple], *, date: pd.Timestamp | None, gaz: Gazetteer) -> list[dict]:
    """The rows of ``article_entities`` for one article's (article_id, sentence_id, start, text, kind) tuples."""
    rows: list[dict] = []
    seen_people: dict[str, str] = {}  # surname -> entity_id, for people already named in this article
    local: dict[str, dict] = {}  # context people of this article: entity_id -> info
    last_person: str | None = None
    last_country: str | None = None
    for s_article_id, s_sentence_id, s_start, s_text, s_kind in sorted(records, key=_BY_SENTENCE_ID):
        if s_kind in _SKIP_KINDS:
            continue
        text = fold(s_text)
        found = _candidates(text, s_kind, gaz=gaz, date=date, seen=seen_people, local=local)
        chosen = _resolve_overlaps(found)
        # role phrases with a possessive need the antecedent seen so far in the article
        for cand in chosen:
            if cand["mention_kind"] == "role" and cand.get("pron"):
                owner = _antecedent_country(cand["pron"], rows, last_person, last_country, gaz, local)
                pid = _office_holder(gaz, owner, cand["role"], date) if owner else None
                if not pid:
                    cand["entity_id"] = None
                    continue
                cand.update(entity_id=pid, entity_type="person", name=gaz.people[pid]["name"])
            if not cand.get("entity_id"):
                continue
            info = gaz.people.get(cand["entity_id"]) or local.get(cand["entity_id"])
            country = info.get("country_id") if info else (cand["entity_id"] if cand["entity_type"] == "country" else None)
            row = {
                "article_id": s_article_id, "sentence_id": s_sentence_id,
                "start": s_start + cand["start"], "end": s_start + cand["end"], "text": s_text[cand["start"]:cand["end"]],
                "entity_id": cand["entity_id"], "entity_type": cand["entity_type"], "name": cand["name"],
                "mention_kind": cand["mention_kind"], "country_id": country or "",
                "gender": (info or {}).get("gender", "") or "", "affiliation": (info or {}).get("affiliation", "") or "",
            }
            rows.append(row)
            if row["entity_type"] == "person":
                last_person = row["entity_id"]
                full = gaz.people.get(row["entity_id"]) or local.get(row["entity_id"])
                for sur in full.get("surnames", ()):
                    seen_people[sur] = row["entity_id"]
            elif row["entity_type"] == "country":
                last_country = row["entity_id"]
    return rows


_BY_SENTENCE_ID = lambda rec: rec[1]  # noqa: E731


# --- candidates -----------------------------------------------------------------------------

def _candidates(text: str, kind: str, *, gaz: Gazetteer, date, seen: dict, local: dict) -> list[dict]:
    out: list[dict] = []
    for m in gaz.full.finditer(text):
        entries = gaz.entries[m.group()]
        entry = _pick_entry(entries, text, m.start(), m.end(), gaz, date)
        if entry is not None:
            out.append(_cand(m.start(), m.end(), entry.entity_id, entry.entity_type, entry.name, entry.kind))
    # people introduced by an appositive, a lower-case title or a byline
    intro = [(m, m.group("rest") or "") for m in P.APPOSITIVE.finditer(text)] if P.APPOSITIVE_TAIL.search(text) else []
    titled = [m for m in P.TITLED_NAME.finditer(text) if not _ends_in_common_word(m.group("name"))]
    if kind == "byline" or P.BYLINE.match(text):
        intro += [(m, m.group("rest") or "") for m in [P.BYLINE.match(text)] if m]
    intro += [(m, m.group()[: m.start("name") - m.start()].strip()) for m in titled]  # the title is the affiliation
    for m, rest in intro:
        name = m.group("name")
        if any(c["start"] <= m.start("name") < c["end"] and c["entity_type"] != "person" and c["end"] - c["start"] > len(name) for c in out):
            continue
        known = [c for c in out if c["start"] == m.start("name") and c["end"] == m.end("name")]
        if known:
            continue
        aff = P.AFFILIATION.search(rest)
        role = m.groupdict().get("role") or ""
        pid = _slug(name)
        info = local.setdefault(pid, {
            "name": name, "country_id": "", "gender": "",
            "affiliation": " ".join(f"{role} {rest}".split()),
            "organization": aff.group("org") if aff else "",
            "surnames": _short_forms(name),
        })
        out.append(_cand(m.start("name"), m.end("name"), pid, "person", info["name"], "context"))
    # surnames and single-word aliases
    title_case = None  # read on first need
    for m in gaz.surnames.finditer(text):
        sur = m.group()
        pid = seen.get(sur)
        if pid in local:
            continue  # a person of this article who is not in the reference: read below
        if pid is None:
            if title_case is None:
                title_case = _title_case(text)
            if not title_case and _inside_unknown_name(text, m.start(), m.end()):
                continue
            if sur.lower() in P.COMMON_WORDS and not P.TITLE.search(text[max(0, m.start() - P.LOOKBACK):m.start()]):
                continue  # "May", "Rice": a surname only after a title or a full first mention
            pid = _choose_person(gaz.surname_ids.get(sur, ()), date, gaz)
        if pid:
            out.append(_cand(m.start(), m.end(), pid, "person", gaz.people[pid]["name"], "surname"))
    # people met in context earlier in this article, by full name or short form ("Ms. Fallon said")
    for pid in dict.fromkeys(pid for pid in seen.values() if pid in local):
        forms = [local[pid]["name"]] + [sur for sur, p in seen.items() if p == pid]
        for m in P.surname_forms(tuple(forms)).finditer(text):
            kind = "context" if m.group() == local[pid]["name"] else "surname"
            out.append(_cand(m.start(), m.end(), pid, "person", local[pid]["name"], kind))
    # role phrases: "the Chinese leader", "Kazakhstan's president"
    roles = gaz.role_word.search(text) is not None
    role_matches = list(gaz.role_phrase.finditer(text)) + list(gaz.role_of_owner.finditer(text)) if roles else []
    for m in role_matches:
        owner_id, owner_type = gaz.owners[m.group("owner")]
        pid = _office_holder(gaz, owner_id, m.group("role").lower(), date)
        if pid:
            out.append(_cand(m.start(), m.end(), pid, "person", gaz.people[pid]["name"], "role"))
    for m in (gaz.possessive_role.finditer(text) if roles else ()):
        cand = _cand(m.start(), m.end(), None, "person", "", "role")
        cand.update(pron=m.group("pron").lower(), role=m.group("role").lower())
        out.append(cand)
    # misspelt full names
    taken = [(c["start"], c["end"]) for c in out]
    for m in P.PERSON_NAME_AT.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        pid = _fuzzy_person(m.group(), gaz)
        if pid:
            out.append(_cand(m.start(), m.end(), pid, "person", gaz.people[pid]["name"], "fuzzy"))
    return out


def _short_forms(name: str) -> tuple[str, ...]:
    """The words that name a person met in context when used alone: the last, and the first
    (family names come first in Chinese, Korean and Vietnamese names: "Ding Xuexiang" → "Ding")."""
    parts = [w for w in name.split() if not (len(w) == 2 and w.endswith("."))]
    return tuple(dict.fromkeys([parts[-1], parts[0]]))


def _ends_in_common_word(name: str) -> bool:
    """True for a name run that ran on into a month or weekday ("Maria Zakharova Tuesday")."""
    return name.split()[-1].lower() in P.COMMON_WORDS


def _cand(start, end, entity_id, entity_type, name, kind) -> dict:
    return {"start": start, "end": end, "entity_id": entity_id, "entity_type": entity_type, "name": name,
            "mention_kind": kind}


def _resolve_overlaps(cands: list[dict]) -> list[dict]:
    ordered = sorted(cands, key=lambda c: (_PRIORITY.get(c["mention_kind"], 9) if c["end"] - c["start"] < 8 else 0,
                                           -(c["end"] - c["start"]), c["start"]))
    chosen: list[dict] = []
    chosen_by_start: dict[int, dict] = {}
    starts: list[int] = []  # starts of the chosen spans, sorted (they never overlap)
    for c in ordered:
        i = bisect.bisect_left(starts, c["start"])
        clear_left = i == 0 or chosen_by_start[starts[i - 1]]["end"] <= c["start"]
        clear_right = i == len(starts) or starts[i] >= c["end"]
        if clear_left and clear_right:
            starts.insert(i, c["start"])
            chosen_by_start[c["start"]] = c
            chosen.append(c)
    return sorted(chosen, key=lambda c: c["start"])


def _pick_entry(entries: list[Entry], text: str, start: int, end: int, gaz: Gazetteer, date) -> Entry | None:
    kinds = {e.entity_type for e in entries}
    if "place" in kinds and "country" in kinds:
        before = text[max(0, start - 40):start]
        after = text[end:end + 20]
        as_place = bool(P.LOCATIVE_BEFORE.search(before)) or bool(P.PLACE_NOUN_AFTER.match(after))
        wanted = "place" if as_place else "country"
        entries = [e for e in entries if e.entity_type == wanted]
    people = [e for e in entries if e.entity_type == "person"]
    if len(people) > 1:
        pid = _choose_person(tuple(e.entity_id for e in people), date, gaz)
        return next((e for e in people if e.entity_id == pid), None)
    if entries and entries[0].kind == "demonym" and text[start:end].endswith("o") and not text[end:end + 1] == "-":
        return None  # combining forms ("Sino", "Russo") only before a hyphen
    if entries and entries[0].kind == "metonym" and P.CAPITALISED_AFTER.match(text[end:]):
        return None  # part of a longer proper name ("Rome Statute")
    return entries[0] if entries else None


def _inside_unknown_name(text: str, start: int, end: int) -> bool:
    """True when a surname sits inside a longer capitalised name the gazetteer does not know ("Li You")."""
    after = P.NAME_WORD_AFTER.match(text[end:])
    head = text[max(0, start - P.LOOKBACK):start]
    before = P.NAME_WORD_BEFORE.search(head)
    if after and not P.SPEAKER_AFTER.match(text[end:]):
        if after.group(1) not in P.SENTENCE_WORDS:
            return True
    if before and not P.TITLE.search(head) and before.group(1) not in P.SENTENCE_WORDS:
        return True
    return False


def _title_case(text: str) -> bool:
    words = P.WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


# --- offices and people ---------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)
def _choose_person(ids: tuple[str, ...], date, gaz: Gazetteer) -> str | None:
    """The one of the people `ids` who held an office at `date`: the only one, or None."""
    ids = tuple(dict.fromkeys(ids))
    if len(ids) == 1:
        return ids[0]
    if not ids or date is None:
        return None
    wanted = set(ids)
    in_office = list(dict.fromkeys(
        eid for eid, _, _, start, end in gaz.office_rows if eid in wanted and start <= date and (end is pd.NaT or end >= date)))
    return in_office[0] if len(in_office) == 1 else None


@functools.lru_cache(maxsize=65536)
def _office_holder(gaz: Gazetteer, owner: str, role: str, date) -> str | None:
    """Who held `role` (a role word: "leader", "foreign minister") of `owner` at `date`, or None.

    The role's offices are tried in order (per owner where the roles table says so); the
    first held by exactly one person names them.
    """
    if date is None or role not in gaz.roles:
        return None
    offices, overrides = gaz.roles[role]
    order = overrides.get(owner, overrides.get("*", offices))
    if order == ["none"]:
        return None
    here = [(office, eid) for eid, country, office, start, end in gaz.office_rows
            if country == owner and start <= date and (end is pd.NaT or end >= date)]
    for office in order:
        holders = list(dict.fromkeys(eid for o, eid in here if o == office))
        if len(holders) == 1:
            return str(holders[0])
    return None


def _antecedent_country(pron: str, rows: list[dict], last_person, last_country, gaz: Gazetteer, local) -> str | None:
    if pron == "its":
        return last_country
    if last_person is None:
        return None
    info = gaz.people.get(last_person) or local.get(last_person) or {}
    return info.get("country_id") or None


@functools.lru_cache(maxsize=65536)
def _fuzzy_person(name: str, gaz: Gazetteer) -> str | None:
    """The reference person whose full name is nearest `name` within the edit limit, or None."""
    tokens = name.split()
    key = (name[0], len(tokens))
    best, best_d = None, None
    limit = max(1, len(name) // 10)
    for surface, pid in gaz.fuzzy.get(key, ()):
        if abs(len(surface) - len(name)) > limit:
            continue
        d = _levenshtein(name.lower(), surface.lower(), limit)
        if d <= limit and (best_d is None or d < best_d):
            best, best_d = pid, d
    return best


def _levenshtein(a: str, b: str, limit: int) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return P.NOT_SLUG.sub("-", ascii_name.lower()).strip("-")


# --- the gazetteer --------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def gazetteer(reference_dir: str | None = None) -> Gazetteer:
    """Return the compiled gazetteer of the reference tables in `reference_dir` (cached)."""
    load = functools.partial(reference.load, folder=reference_dir)
    people, countries, orgs = load("people"), load("countries"), load("organizations")
    places, offices = load("places"), load("offices")
    entries: dict[str, list[Entry]] = defaultdict(list)
    surname_ids: dict[str, list[str]] = defaultdict(list)
    info: dict[str, dict] = {}
    names: dict[str, tuple[str, str]] = {}
    fuzzy: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)

    def add(surface: str, entry: Entry) -> None:
        surface = fold(surface.strip())
        if len(surface) >= 2 and entry not in entries[surface]:
            entries[surface].append(entry)

    for c in countries.itertuples(index=False):
        names[c.entity_id] = (c.name, "country")
        add(c.name, Entry(c.entity_id, "country", c.name, "name"))
        for a in c.aliases:
            add(a, Entry(c.entity_id, "country", c.name, "alias"))
        for d in c.demonyms:
            add(d, Entry(c.entity_id, "country", c.name, "demonym"))
        for m in c.metonyms:
            add(m, Entry(c.entity_id, "country", c.name, "metonym"))
    for o in orgs.itertuples(index=False):
        names[o.entity_id] = (o.name, "organization")
        for a in [o.name, *o.aliases]:
            add(a, Entry(o.entity_id, "organization", o.name, "name" if a == o.name else "alias"))
    for p in places.itertuples(index=False):
        names[p.entity_id] = (p.name, "place")
        for a in [p.name, *p.aliases]:
            add(a, Entry(p.entity_id, "place", p.name, "place"))
    blocked = set(entries)  # a surname that is also a state, place or organisation is not a surname
    for p in people.itertuples(index=False):
        gender = getattr(p, "gender", "") if isinstance(getattr(p, "gender", ""), str) else ""
        surnames = {fold(p.surname)} if isinstance(p.surname, str) and p.surname else set()
        names[p.entity_id] = (p.name, "person")
        for a in [p.name, *p.aliases]:
            if len(a.split()) >= 2:
                add(a, Entry(p.entity_id, "person", p.name, "name" if a == p.name else "alias"))
                fuzzy[(fold(a)[0], len(a.split()))].append((fold(a), p.entity_id))
            else:
                surnames.add(fold(a))
        surnames = {s for s in surnames if s not in blocked and len(s) >= 2}
        for s in surnames:
            surname_ids[s].append(p.entity_id)
        info[p.entity_id] = {"name": p.name, "country_id": p.country_id if isinstance(p.country_id, str) else "",
                             "gender": gender, "affiliation": "", "surnames": tuple(surnames)}

    full = P.alternation(entries)
    surnames_re = P.alternation(surname_ids)
    role_table = reference.roles(folder=reference_dir)
    owners = {}
    for surface, es in entries.items():
        for e in es:
            if e.entity_type in ("country", "organization") and e.kind in ("name", "alias", "demonym", "metonym"):
                owners.setdefault(surface, (e.entity_id, e.entity_type))
                owners.setdefault(surface + "'s", (e.entity_id, e.entity_type))
    # tries, not flat alternations: the same strings, longest first at each position, many times faster
    role_alt = trie_alternation(role_table)
    owner_alt = trie_alternation(owners)
    office_rows = tuple(zip(*(offices[c].tolist() for c in ("entity_id", "country_id", "office", "start", "end"))))
    return Gazetteer(
        full=full, entries=dict(entries), surnames=surnames_re, surname_ids={s: tuple(ids) for s, ids in surname_ids.items()},
        people=info, names=names, offices=offices, office_rows=office_rows, roles=role_table,
        role_phrase=P.role_phrase(owner_alt, role_alt), role_of_owner=P.role_of_owner(owner_alt, role_alt),
        possessive_role=P.possessive_role(role_alt),
        role_word=P.role_word(role_alt), owners=owners, fuzzy=dict(fuzzy),
    )


"""What an article says of offices and memberships, as clues to the time of its SCO summit.

A leader named with his office ("Kazakh President Nursultan Nazarbayev", "the acting
president of Kyrgyzstan, Sadyr Japarov") holds it at the time of the story, so a summit
held outside every term of that office (offices.csv) is unlikely. A state said to join
the organisation, without a year ("Belarus officially joins the SCO", "was accepted as a
full member") points to the summit at which it joined (memberships.csv); one said to be
about to join or to have applied is not yet a member, so the summit is not after its
accession; and a state listed with a status ("Mongolia and Pakistan were
observers") had that status at the time. Sentences about history or about another
meeting than the story's, and those naming an earlier year than the story's, are not
read.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .. import reference
from ..patterns import summits as P
from ..patterns import trie_alternation
from .reading import Sentence, years_of

#: Points off a summit held when a leader the text names with his office did not hold it; at most OFFICE_CAP.
OFFICE_PENALTY, OFFICE_CAP = -3.0, -9.0
#: The same for a leader named without his office in a sentence about the summit; at most UNTITLED_CAP.
UNTITLED_PENALTY, UNTITLED_CAP = -1.5, -4.5
#: Offices that make a person a leader at a summit (a head of state or government).
LEADER_OFFICES = frozenset({"president", "acting_president", "head_of_state", "prime_minister", "king", "emir",
                            "supreme_leader", "chief_executive", "general_secretary"})
#: Shortest one-word name of a leader read without his title (shorter ones are too often other words).
_MIN_BARE_NAME = 5
#: Days around a summit in which a term of office still counts as held at it.
OFFICE_SLACK = timedelta(days=7)
#: Points for the summit at which a state (or several) the text says joins joined.
JOIN_POINTS = 4.0
#: Points off a summit held after the accession of a state the text says is yet to join.
NOT_YET_PENALTY = -3.0
#: Points off a summit for each status the text gives a state that it did not have then; at most STATUS_CAP.
STATUS_PENALTY, STATUS_CAP = -2.0, -6.0
_ONE_DAY = timedelta(days=1)
#: How far after a verb of joining its status word stands ("was granted observer status").
_STATUS_AFTER = 40


@dataclass(frozen=True, slots=True)
class _Index:
    """People, offices, states and statuses of one reference folder, keyed for lookups."""

    people: dict            # name key -> entity_ids (full names, aliases, surnames)
    terms: dict             # entity_id -> ((office, start, end), ...)
    leader_rx: re.Pattern   # a leader's full name, or a one-word name no one bears as a given name
    country_rx: re.Pattern  # any country name or alias as written
    country_of: dict        # name as written -> country_id
    statuses: dict          # country_id -> ((status, start, end, founding), ...)


def name_key(name: str) -> str:
    """Return `name` as a lookup key: no accents, lower case, single spaces, no possessive."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = re.sub(r"'s$", "", name.strip())
    return " ".join(name.split())


@functools.lru_cache(maxsize=4)
def _index(ref: reference.Reference) -> _Index:
    people: dict[str, list[str]] = {}
    for p in ref.people.values():
        for n in (p.name, *p.aliases, p.surname):
            if n:
                ids = people.setdefault(name_key(n), [])
                if p.entity_id not in ids:
                    ids.append(p.entity_id)
    terms: dict[str, list] = {}
    for o in ref.offices:
        if o.start is not None:
            terms.setdefault(o.entity_id, []).append((o.office, o.start, o.end))
    country_of = {n: c.entity_id for c in ref.countries.values() for n in (c.name, *c.aliases) if n}
    statuses: dict[str, list] = {}
    for m in ref.memberships:
        if m.org_id == reference.MEMBERSHIPS_ORG and m.start is not None:
            statuses.setdefault(m.country_id, []).append((m.status, m.start, m.end, m.founding))
    rx = re.compile(r"(?<![\w-])(?:" + trie_alternation(sorted(country_of)) + r")(?![\w-])")
    leaders = {o.entity_id for o in ref.offices if o.office in LEADER_OFFICES}
    given = {n.split()[0] for p in ref.people.values() for n in (p.name, *p.aliases) if len(n.split()) > 1}
    names = {n for p in ref.people.values() if p.entity_id in leaders for n in (p.name, *p.aliases, p.surname)
             if n and (" " in n or (len(n) >= _MIN_BARE_NAME and n not in given and n not in country_of))}
    leader_rx = re.compile(r"(?<![\w-])(?:" + trie_alternation(sorted(names)) + r")(?![\w-])")
    return _Index({k: tuple(v) for k, v in people.items()}, {k: tuple(v) for k, v in terms.items()}, leader_rx, rx,
                  country_of, {k: tuple(v) for k, v in statuses.items()})


def _readable(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences whose offices and statuses are the story's time: current, not captions, no earlier year."""
    latest = max((y for s in sentences for y, k in years_of(s.text) if k == "year" and s.current and not s.caption),
                 default=None)
    return [s for s in sentences if s.current and not s.caption
            and not (latest is not None and any(k == "year" and y < latest for y, k in years_of(s.text)))]


# --- offices -------------------------------------------------------------------------------------------

def office_points(sentences: list[Sentence], rows, ref: reference.Reference) -> dict[str, tuple[float, str]]:
    """Points off each summit held when a leader the text names with his office did not hold it.

    Returns summit_id -> (points, clue) for the summits concerned.
    """
    index = _index(ref)
    people: dict[tuple, set] = {}  # the person's ids -> summits at which the office was held
    names: dict[tuple, str] = {}
    for s in _readable(sentences):
        for m in P.TITLED_NAME.finditer(s.text):
            if P.NOT_SITTING_BEFORE.search(s.text[max(0, m.start() - 25):m.start()]):
                continue
            ids = _person(m.group("name"), index)
            offices = P.TITLE_OFFICES["acting" if m.group("acting") else re.split(r"[-\s]", m.group("title"))[0].lower()]
            terms = [t for i in ids for t in index.terms.get(i, ()) if t[0] in offices]
            if not terms or ids in people:
                continue
            people[ids] = {r.summit_id for r in rows if any(_overlaps(t[1], t[2], r) for t in terms)}
            names[ids] = f"{m.group('title')} {m.group('name')}"
    bare: dict[tuple, set] = {}
    for s in _readable(sentences):
        if not s.summit_kinds:
            continue
        for m in index.leader_rx.finditer(s.text):
            ids = index.people.get(name_key(m.group()), ())
            terms = [t for i in ids for t in index.terms.get(i, ()) if t[0] in LEADER_OFFICES]
            if terms and ids not in people and ids not in bare:
                bare[ids] = {r.summit_id for r in rows if any(_overlaps(t[1], t[2], r) for t in terms)}
                names[ids] = m.group()
    out = {}
    for r in rows:
        gone = [names[ids] for ids, held in people.items() if r.summit_id not in held]
        gone_bare = [names[ids] for ids, held in bare.items() if r.summit_id not in held]
        if gone or gone_bare:
            points = max(OFFICE_PENALTY * len(gone), OFFICE_CAP) + max(UNTITLED_PENALTY * len(gone_bare), UNTITLED_CAP)
            out[r.summit_id] = (points, f"not in office then: {', '.join(gone + gone_bare)}")
    return out


def _person(name: str, index: _Index) -> tuple[str, ...]:
    """The entity_ids a name after a title may be: its longest known opening words, else its first word."""
    words = name.split()
    for k in range(len(words), 0, -1):
        ids = index.people.get(name_key(" ".join(words[:k])))
        if ids:
            return ids
    return ()


def _overlaps(start: date, end: date | None, r) -> bool:
    return start <= r.end + OFFICE_SLACK and (end is None or end >= r.start - OFFICE_SLACK)


# --- memberships ---------------------------------------------------------------------------------------

def membership_points(sentences: list[Sentence], rows, ref: reference.Reference) -> dict[str, list[tuple[float, str]]]:
    """Points from states said to join, to be about to join, or to hold a status in the SCO.

    Returns summit_id -> [(points, clue), ...] for the summits concerned.
    """
    index = _index(ref)
    out: dict[str, list] = {}
    wrong: dict[str, list[str]] = {}
    for s in _readable(sentences):
        if any(k == "year" for _, k in years_of(s.text)):
            continue  # "became members in 2017": a dated fact of history, which the year already tells
        for clause in s.text.split(";"):
            if P.OTHER_ORG.search(clause):
                continue
            join = P.JOIN.search(clause)
            if join:
                _joins(clause, join, rows, index, out)
            elif P.STATUS_WORD.search(clause) and not P.NOT_YET.search(clause):
                for country, status in _statuses(clause, index):
                    spans = [(a, b) for st, a, b, _ in index.statuses.get(country, ()) if st == status]
                    if not spans:
                        continue
                    for r in rows:
                        if not any(a <= r.end + _ONE_DAY and (b is None or b >= r.start - _ONE_DAY) for a, b in spans):
                            wrong.setdefault(r.summit_id, []).append(f"{country} {status}")
    for sid, items in out.items():  # a summit gains from joining states once, however many join
        gained = [(p, c) for p, c in items if p > 0]
        if len(gained) > 1:
            items[:] = [(p, c) for p, c in items if p <= 0] + [(JOIN_POINTS, "; ".join(c for _, c in gained))]
    for sid, facts in wrong.items():
        facts = sorted(set(facts))
        out.setdefault(sid, []).append((max(STATUS_PENALTY * len(facts), STATUS_CAP), f"status not held then: {', '.join(facts)}"))
    return out


def _joins(clause: str, join: re.Match, rows, index: _Index, out: dict) -> None:
    """Points for the states `clause` says join (before the verb, or after "admission of").

    The summit of a state's accession gains; a summit after it loses when the state is said
    to be yet to join; one at or before it when the state joined earlier ("the first summit
    since India joined", "joined last year").
    """
    status = (_status_name(P.STATUS_WORD.search(clause, join.end(), join.end() + _STATUS_AFTER))
              or _status_name(P.STATUS_WORD.search(clause)) or "member")
    subject = clause[:join.start()]
    if join.group().lower() in ("accession", "admission"):
        subject += " " + clause[join.end():join.end() + 40]
    not_yet = bool(P.NOT_YET.search(clause))
    before = bool(P.PAST_MEETING.search(clause) or P.SINCE_WORD.search(subject))
    for country in dict.fromkeys(index.country_of[m.group()] for m in index.country_rx.finditer(subject)):
        starts = [a for st, a, _, founding in index.statuses.get(country, ()) if st == status and not founding]
        for a in starts:
            for r in rows:
                if not_yet and r.start > a + _ONE_DAY:
                    out.setdefault(r.summit_id, []).append((NOT_YET_PENALTY, f"{country} not yet {status}"))
                elif before and not not_yet and r.start <= a:
                    out.setdefault(r.summit_id, []).append((NOT_YET_PENALTY, f"{country} {status} already"))
                elif not (not_yet or before) and r.start - _ONE_DAY <= a <= r.end + _ONE_DAY:
                    out.setdefault(r.summit_id, []).append((JOIN_POINTS, f"{country} joins as {status}"))


def _statuses(clause: str, index: _Index) -> list[tuple[str, str]]:
    """(country_id, status) for each state a clause lists with a status.

    A state takes the status word that follows it across only a list and a verb ("Iran
    and Mongolia are observer states"), or in whose parentheses it stands ("3 observers
    (Afghanistan, Mongolia, Belarus)"), else the nearest one before it ("Dialogue
    partners now include Nepal, Cambodia and Armenia").
    """
    words = [(m.start(), m.end(), _status_name(m)) for m in P.STATUS_WORD.finditer(clause)]
    out = []
    for m in index.country_rx.finditer(clause):
        after = next((w for w in words if w[0] >= m.end()), None)
        before = next((w for w in reversed(words) if w[1] <= m.start()), None)
        status = None
        if before is not None and "(" in clause[before[1]:m.start()] and ")" not in clause[before[1]:m.start()]:
            status = before[2]
        elif after is not None and _LIST_THEN_VERB.fullmatch(clause[m.end():after[0]]):
            status = after[2]
        elif before is not None:
            status = before[2]
        if status:
            out.append((index.country_of[m.group()], status))
    return out


#: Between a listed state and its status word: more of the list, then a verb ("..., Iran and Mongolia are").
_LIST_THEN_VERB = re.compile(r"[\w\s,'-]*?\b(?:are|is|have|has|were|was|remain|as)\b(?:\s+(?:its|the|an?|also|now|SCO))*\s*",
                             re.IGNORECASE)


def _status_name(m: re.Match | None) -> str | None:
    if m is None:
        return None
    return next(k for k in ("dialogue_partner", "observer", "member") if m.group(k))

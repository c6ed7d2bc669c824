"""The attendance statements of each article: people, the statements their sentences make, the summit each is placed at.

See the package docstring for the rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .. import entities as entities_mod
from .. import reference
from ..frames import Columns, from_columns
from ..patterns import attendance as AP
from ..schema import NOT_CONTENT_KINDS
from ..text import fold
from . import statements as S

ATTENDANCE_COLUMNS = ["summit_id", "entity_id", "name", "country", "role", "status", "represented_by", "evidence"]
#: How strong a status is: across statements and articles the strongest wins.
RANK = {"represented": 4, "absent": 3, "attended": 2, "expected": 1}


def attendance_mentions(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    articles: pd.DataFrame,
) -> pd.DataFrame:
    """Return one row per (sentence, summit, person) of the statements about attending a summit.

    The summit is the article's, or another one the statement's words name ("the 2018
    summit in Qingdao"); statements set at another time, place or meeting give no row.

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, start, text, and kind where
        known: page furniture says nothing). Not modified.
    entities : their entity mentions (entities.entities). Not modified.
    articles : article_id, summit_id (articles without one give no rows) and published
        (may be empty). Not modified.

    Returns
    -------
    pandas.DataFrame
        Columns: summit_id, article_id, sentence_id, entity_id, status (attended, absent,
        represented, expected), represented_by (the stand-in's entity_id, or empty), cue.
    """
    ids = articles["article_id"].tolist()
    summit_of = {a: s for a, s in zip(ids, articles["summit_id"].tolist()) if isinstance(s, str) and s}
    published = dict(zip(ids, articles["published"].tolist())) if "published" in articles else {}
    return _mentions(Columns(sentences), Columns(entities), summit_of=summit_of, published=published)


def article_attendance(sentences: Columns, entities: Columns, *, article_id: str, summit_id: str | None,
                       published) -> pd.DataFrame:
    """Return ``attendance_mentions`` of one article from its columns: what the build calls for each article.

    Parameters
    ----------
    sentences, entities : the article's sentences and entity mentions, as ``frames.Columns``.
    article_id, summit_id, published : its row of the articles table (what ``articles`` would hold).

    Returns
    -------
    pandas.DataFrame
        The columns of ``attendance_mentions``.
    """
    summit_of = {article_id: summit_id} if isinstance(summit_id, str) and summit_id else {}
    return _mentions(sentences, entities, summit_of=summit_of, published={article_id: published})




_MENTION_COLUMNS = ["summit_id", "article_id", "sentence_id", "entity_id", "status", "represented_by", "cue"]
_SKIP_KINDS = NOT_CONTENT_KINDS


def _mentions(sentences: Columns, entities: Columns, *, summit_of: dict, published: dict) -> pd.DataFrame:
    """``attendance_mentions`` from columns: each article's summit (those with one) and publication date."""
    found: dict[tuple[str, int], list[tuple]] = {}
    if entities.n and summit_of:
        cols = ("article_id", "sentence_id", "start", "end", "entity_id", "entity_type", "mention_kind", "text")
        for aid, sid, start, end, eid, kind, how, surface in zip(*(entities[c] for c in cols)):
            if aid in summit_of and kind in ("person", "country", "place"):
                found.setdefault((aid, int(sid)), []).append((int(start), int(end), eid, kind, how, surface))
    by_article: dict[str, list[tuple]] = {}
    if found:
        kinds = sentences.get("kind", "body")
        for a, i, st, t, k in zip(sentences["article_id"], sentences["sentence_id"], sentences["start"], sentences["text"], kinds):
            if a in summit_of:
                by_article.setdefault(a, []).append((int(i), int(st), t, k))
    rows = []
    for aid, sents in by_article.items():
        rows += _article_rows(aid, summit_of[aid], published.get(aid), sorted(sents), found)
    if not rows:
        return pd.DataFrame(rows, columns=_MENTION_COLUMNS)
    return from_columns({c: list(v) for c, v in zip(_MENTION_COLUMNS, zip(*rows))}, _MENTION_COLUMNS)


def _article_rows(aid: str, summit_id: str, published, sents: list[tuple], found: dict) -> list[tuple]:
    """The attendance rows of one article: each sentence's statements, placed at a summit."""
    table = _summit_table()
    here = table.get(summit_id) or _Summit(summit_id, None, None, frozenset(), frozenset(), "", "")
    pub = None if published is None or pd.isna(published) else pd.Timestamp(published)
    gaz = entities_mod.gazetteer()
    counts: Counter = Counter()
    history: list[str] = []
    rows = []
    for sid, s_start, s_text, kind in sents:
        if kind in _SKIP_KINDS or (aid, sid) not in found and not history:
            continue
        text = fold(s_text)
        mentions = [(a - s_start, b - s_start, eid, typ, how, surface) for a, b, eid, typ, how, surface in found.get((aid, sid), [])]
        people, places = _sentence_people(text, mentions, here, gaz, counts, history)
        out: dict[tuple[str, str], tuple[str, str, str]] = {}
        for st in S.statements(text, people, kind=kind, places=places, leader_of=lambda c: _leader(gaz, c, here.start),
                               subject_country=lambda pid: (gaz.people.get(pid) or {}).get("country_id")):
            target = _placed(text, st, here, places, table, published=pub)
            if target is None:
                continue
            status = st.status
            if status == "expected" and pub is not None and target.end is not None and (pub - target.end).days > LATE_DAYS:
                continue  # what is still to come long after the summit is about something else
            if status == "attended" and not st.tensed and pub is not None and target.start is not None and pub < target.start:
                status = "expected"
            for pid in st.people:
                key = (target.summit_id, pid)
                if key not in out or RANK[status] > RANK[out[key][0]]:
                    out[key] = (status, st.stand_in if status == "represented" else "", st.cue)
        for (summit, pid), (status, stand_in, cue) in out.items():
            rows.append((summit, aid, sid, pid, status, stand_in, cue))
        for p in people:
            if p.kind in ("name", "role", "office"):
                counts[p.entity_id] += 1
                history.append(p.entity_id)
    return rows


# --- the people of a sentence ------------------------------------------------------------------

def _sentence_people(text, mentions, here, gaz, counts: Counter, history: list[str]):
    """The people of one sentence (named, by office at the summit, by pronoun) and its states and cities."""
    people: list[S.Person] = []
    places: list[S.Place] = []
    cities = _city_ids()
    date = here.start
    spans = [(a, b) for a, b, *_ in mentions]
    for a, b, eid, typ, how, surface in mentions:
        if typ == "person":
            if how == "role" and date is not None:
                eid = _at_date(gaz, surface, date) or eid
            people.append(S.Person(a, b, eid, "role" if how == "role" else "name"))
        else:
            where = bool(AP.SUMMIT_CITY_BEFORE.search(text, max(0, a - 60), a) or AP.SUMMIT_CITY_AFTER.match(text, b))
            places.append(S.Place(a, b, eid, eid in cities, where))
    states = [p for p in places if p.entity_id in gaz.names and gaz.names[p.entity_id][1] == "country"]
    demonyms = {(a, b) for a, b, eid, typ, how, surface in mentions if how == "demonym"}
    places = [p for p in places if (p.start, p.end) not in demonyms or AP.PLACE_AFTER_DEMONYM.match(text, p.end)]
    if date is not None:
        people += _offices_of_states(text, states, mentions, gaz, date)
    taken = spans + [(p.start, p.end) for p in people]
    for m in AP.BARE_OFFICE.finditer(text):
        if counts and not any(a < m.end() and m.start() < b for a, b in taken):
            top = max(counts.values())
            topic = next(pid for pid in reversed(history) if counts[pid] == top)
            people.append(S.Person(m.start(), m.end(), topic, "anaphor"))
    named = sorted(people, key=lambda p: p.start)
    for m in AP.PRONOUN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        gender = "f" if m.group("p").lower() == "she" else "m"
        earlier = [p.entity_id for p in named if p.end <= m.start()]
        pid = next((c for c in reversed(history + earlier) if _gender(gaz, c) in (gender, "")), None)
        if pid:
            people.append(S.Person(m.start(), m.end(), pid, "pronoun"))
    return sorted(people, key=lambda p: p.start), places


def _offices_of_states(text, states, mentions, gaz, date) -> list:
    """People named by an office of a state: "the President of Belarus", "the leaders of Russia and Turkey",
    "his Chinese and Kyrgyz counterparts", resolved by who held the office at the summit."""
    out = []
    person_starts = [a for a, b, eid, typ, *_ in mentions if typ == "person"]
    used: set[int] = set()
    for i, c in enumerate(states):
        if i in used:
            continue
        window_lo = max(0, c.start - 60)
        plural = AP.PLURAL_OFFICE.search(text, window_lo, c.start)
        group = [i]
        for j in range(i + 1, len(states)):
            if AP.STATE_JOIN.fullmatch(text[states[group[-1]].end:states[j].start]):
                group.append(j)
            else:
                break
        after = text[states[group[-1]].end:]
        if plural or AP.COUNTERPARTS_AFTER.match(after):
            used.update(group)
            office = " ".join(plural.group("office").lower().split()) if plural else "leaders"
            role = AP.PLURAL_ROLE.get(office, "leader")
            for k, j in enumerate(group):
                state = states[j].entity_id
                pid = _leader(gaz, state, date) if role == "leader" else entities_mod._office_holder(gaz, state, role, date)
                if pid:
                    lo = plural.start() if (plural and k == 0) else states[j].start
                    out.append(S.Person(lo, states[j].end, pid, "office"))
            continue
        single = AP.OFFICE_OF.search(text, window_lo, c.start)
        if single and not any(c.end <= a <= c.end + 4 for a in person_starts):
            role = " ".join(single.group("role").lower().split())
            pid = _leader(gaz, c.entity_id, date) if role == "leader" else entities_mod._office_holder(gaz, c.entity_id, role, date)
            if pid:
                out.append(S.Person(single.start(), c.end, pid, "office"))
    return out


def _at_date(gaz, surface: str, date) -> str | None:
    """Who held the office a role phrase names ("the Iranian president") at `date`, or None."""
    m = gaz.role_phrase.fullmatch(fold(surface))
    if not m or m.group("owner") not in gaz.owners:
        return None
    owner = gaz.owners[m.group("owner")][0]
    role = m.group("role").lower()
    return _leader(gaz, owner, date) if role == "leader" else entities_mod._office_holder(gaz, owner, role, date)


@lru_cache(maxsize=4096)
def _leader(gaz, country: str, date) -> str | None:
    """Who led `country`'s delegation to a summit at `date`: its leader, a president rather than a supreme leader."""
    if not country or date is None or "leader" not in gaz.roles:
        return None
    offices, overrides = gaz.roles["leader"]
    order = [o for o in overrides.get(country, overrides.get("*", offices)) if o not in ("none", "supreme_leader")]
    for extra in ("president", "acting_president"):
        if extra not in order:
            order.append(extra)
    held = [(office, eid) for eid, owner, office, start, end in gaz.office_rows
            if owner == country and start <= date and (end is pd.NaT or pd.isna(end) or end >= date)]
    for office in order:
        holders = list(dict.fromkeys(eid for o, eid in held if o == office))
        if len(holders) == 1:
            return str(holders[0])
    return None


def _gender(gaz, pid: str) -> str:
    g = (gaz.people.get(pid) or {}).get("gender") or ""
    return g if isinstance(g, str) else ""


# --- which summit a statement is about ---------------------------------------------------------

@dataclass(frozen=True)
class _Summit:
    summit_id: str
    year: int | None
    start: pd.Timestamp | None
    months: frozenset
    city_ids: frozenset
    country_id: str
    city: str
    virtual: bool = False
    end: pd.Timestamp | None = None


@lru_cache(maxsize=1)
def _summit_table() -> dict[str, _Summit]:
    summits = reference.summits()
    countries = reference.load("countries")
    by_name = {fold(n).lower(): eid for eid, n in zip(countries["entity_id"], countries["name"])}
    places = reference.load("places")
    names_of = {}
    for eid, name, aliases in zip(places["entity_id"], places["name"], places["aliases"]):
        for n in [name, *aliases]:
            names_of.setdefault(fold(n).lower(), set()).add(eid)
    out = {}
    for r in summits.itertuples(index=False):
        city_names = [r.city, *(r.city_aliases or [])]
        ids = frozenset(e for n in city_names for e in names_of.get(fold(str(n)).lower(), ()))
        months = frozenset(pd.date_range(r.start, r.end).month_name().str.lower()) if pd.notna(r.start) else frozenset()
        out[r.summit_id] = _Summit(r.summit_id, int(r.year), pd.Timestamp(r.start), months, ids,
                                   by_name.get(fold(str(r.country)).lower(), ""), str(r.city),
                                   virtual=str(getattr(r, "format", "")) == "virtual",
                                   end=pd.Timestamp(r.end) if pd.notna(r.end) else None)
    return out


@lru_cache(maxsize=1)
def _city_ids() -> frozenset:
    places = reference.load("places")
    return frozenset(places.loc[places["kind"] == "city", "entity_id"])


def _placed(text: str, st, here: _Summit, places: list, table: dict, *, published=None) -> _Summit | None:
    """The summit statement `st` is about: another summit its words name, none when it is set at another
    time or place (or another body's summit), else the article's summit `here`.

    A statement set in the city of another summit held within weeks of the article's
    publication (`published`) is about that summit ("X arrived in Astana" in July 2024).
    """
    start, end = S.clause(text, max(st.lo, st.hi - 1))
    # time words at the head of the clause set its time; a reporting verb or "that" starts another clause
    lo = max([start] + [m.end() for m in AP.CLAUSE_HEAD_END.finditer(text, start, st.lo)]) if start < st.lo else st.lo
    cut = AP.TAIL_CUT.search(text, st.hi, end)
    hi = max(st.hi, cut.start() if cut else end)
    scope = text[lo:hi]
    inside = [p for p in places if lo <= p.start and p.end <= hi]
    if AP.OTHER_MEETING.search(scope):
        return None
    if AP.SUMMIT_WORD.search(scope):
        if AP.OTHER_BODY_SUMMIT.search(scope):
            return None
        other = _named_summit(scope, here, inside, table)
        if other is not None:
            return other if other.summit_id else None
    if published is not None and not here.virtual:
        for p in inside:
            if p.is_city and p.entity_id not in here.city_ids and AP.LOCATIVE.search(text, max(0, p.start - 45), p.start):
                near = [s for s in table.values() if p.entity_id in s.city_ids and s.start is not None
                        and abs((s.start - published).days) <= NEAR_DAYS]
                if len(near) == 1:
                    return _placed(text, st, near[0], places, table)
    if here.year is None:
        return here
    if AP.OTHER_TIME.search(scope):
        return None
    if any(int(y) != here.year for y in AP.EVENT_YEAR.findall(scope)):
        return None
    if here.months and any(m.lower() not in here.months for m in AP.EVENT_MONTH.findall(scope)):
        return None
    for p in (inside if not here.virtual else ()):  # a virtual summit is attended from anywhere
        if not AP.LOCATIVE.search(text, max(0, p.start - 45), p.start):
            continue
        if (p.is_city and p.entity_id not in here.city_ids) or (not p.is_city and p.entity_id in _country_ids()
                                                                and p.entity_id != here.country_id):
            return None
    return here


#: Future wording in an article published this many days after a summit's last day is not about that summit.
LATE_DAYS = 30

#: A statement set in another summit's city is about it when the article appeared this many days from its opening.
NEAR_DAYS = 45

_NOWHERE = _Summit("", None, None, frozenset(), frozenset(), "", "")


def _named_summit(scope: str, here: _Summit, inside: list, table: dict) -> _Summit | None:
    """The summit a scope that says "summit" names, when not `here`; ``_NOWHERE`` when it names one not known."""
    if here.year is None:
        return None
    years = {int(y) for y in AP.EVENT_YEAR.findall(scope)} - {here.year}
    cities = {p.entity_id for p in inside if p.is_city and p.where} - here.city_ids
    summit_cities = {e for s in table.values() for e in s.city_ids}
    cities &= summit_cities
    previous = bool(AP.PREVIOUS_SUMMIT.search(scope))
    following = bool(AP.NEXT_SUMMIT.search(scope))
    if AP.LAST_YEAR.search(scope):
        years.add(here.year - 1)
    if AP.NEXT_YEAR.search(scope):
        years.add(here.year + 1)
    if not (years or cities or previous or following):
        return None
    found = sorted((s for s in table.values() if s.start is not None), key=lambda s: s.start)
    if years:
        found = [s for s in found if s.year in years]
    if cities:
        found = [s for s in found if s.city_ids & cities]
    if previous and not years:
        found = [s for s in found if s.start < here.start][-1:]
    elif following and not years:
        found = [s for s in found if s.start > here.start][:1]
    return found[0] if len(found) == 1 else _NOWHERE


@lru_cache(maxsize=1)
def _country_ids() -> frozenset:
    return frozenset(reference.load("countries")["entity_id"])

"""Who attended which summit: attended, absent, represented by someone else, or expected.

Evidence comes from sentences of articles assigned to a summit that name a person
(see entities) next to an attendance cue (patterns.attendance): a list after
"attended by", a subject that "will attend", "is not attending", "has sent his
foreign minister", "arrived in", or people who met "on the sidelines". Future
wording in an article published before the summit opened gives ``expected``.
Across articles the strongest status wins: represented, absent, attended, expected.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import reference
from .patterns import attendance as P
from .frames import Columns, from_columns
from .text import fold

ATTENDANCE_COLUMNS = ["summit_id", "entity_id", "name", "country", "role", "status", "represented_by", "evidence"]
_RANK = {"represented": 4, "absent": 3, "attended": 2, "expected": 1}


def attendance_mentions(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    articles: pd.DataFrame,
) -> pd.DataFrame:
    """Return one row per (sentence, person) that says something about attending the article's summit.

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, start, text). Not modified.
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


def _mentions(sentences: Columns, entities: Columns, *, summit_of: dict, published: dict) -> pd.DataFrame:
    """``attendance_mentions`` from columns: each article's summit (those with one) and publication date."""
    starts = _summit_starts()
    people: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    if entities.n and summit_of:
        for aid, sid, start, end, kind, pid in zip(entities["article_id"], entities["sentence_id"], entities["start"],
                                                   entities["end"], entities["entity_type"], entities["entity_id"]):
            if kind == "person" and aid in summit_of:
                people.setdefault((aid, int(sid)), []).append((int(start), int(end), pid))
    lookup = {}
    if people:
        for a, i, st, t in zip(sentences["article_id"], sentences["sentence_id"], sentences["start"], sentences["text"]):
            if (a, int(i)) in people:
                lookup[(a, int(i))] = (int(st), t)
    rows = []
    for (aid, sid), found_people in people.items():
        summit = summit_of[aid]
        found = lookup.get((aid, sid))
        if found is None:
            continue
        s_start, s_text = found
        text = fold(s_text)
        mentions = [(a - s_start, b - s_start, pid) for a, b, pid in found_people]
        pub = published.get(aid)
        before = pub is not None and not pd.isna(pub) and pd.Timestamp(pub) < starts.get(summit, pd.Timestamp.max)
        for entity_id, status, stand_in, cue in _sentence_statuses(text, mentions, before_summit=before):
            rows.append((summit, aid, sid, entity_id, status, stand_in, cue))
    if not rows:
        return pd.DataFrame(rows, columns=_MENTION_COLUMNS)
    return from_columns({c: list(v) for c, v in zip(_MENTION_COLUMNS, zip(*rows))}, _MENTION_COLUMNS)


@lru_cache(maxsize=1)
def _summit_starts() -> dict[str, pd.Timestamp]:
    return reference.summits().set_index("summit_id")["start"].to_dict()


def attendance(mentions: pd.DataFrame, *, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per (summit, person) from `attendance_mentions` output.

    Parameters
    ----------
    mentions : ``attendance_mentions`` rows (of any number of articles). Not modified.
    entities : entity mentions whose names stand for people the reference does not know.

    Returns
    -------
    pandas.DataFrame
        Columns (``ATTENDANCE_COLUMNS``): summit_id, entity_id, name, country, role (office
        held at the summit's opening), status (the strongest across mentions: represented,
        absent, attended, expected), represented_by, evidence (list of ``article_id:sentence_id``).
    """
    if mentions.empty:
        return pd.DataFrame(columns=ATTENDANCE_COLUMNS)
    people = reference.load("people").set_index("entity_id")
    countries = reference.load("countries").set_index("entity_id")["name"].to_dict()
    offices = reference.load("offices")
    starts = reference.summits().set_index("summit_id")["start"].to_dict()
    names = {}
    if entities is not None and len(entities):
        names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"].to_dict()
    rows = []
    for (summit, pid), group in mentions.groupby(["summit_id", "entity_id"], sort=True):
        best = max(group["status"], key=lambda st: _RANK[st])
        stand_in = group.loc[group["represented_by"].astype(bool), "represented_by"]
        date = starts.get(summit)
        held = offices[(offices["entity_id"] == pid) & (offices["start"] <= date) & (offices["end"].isna() | (offices["end"] >= date))]
        role = "; ".join(dict.fromkeys(held["title"])) if len(held) else ""
        country_id = people["country_id"].get(pid, "") if pid in people.index else ""
        rows.append({
            "summit_id": summit, "entity_id": pid,
            "name": people["name"].get(pid) if pid in people.index else names.get(pid, pid),
            "country": countries.get(country_id, country_id or ""),
            "role": role, "status": best,
            "represented_by": stand_in.iloc[0] if best == "represented" and len(stand_in) else "",
            "evidence": list(dict.fromkeys(f"{a}:{s}" for a, s in zip(group["article_id"], group["sentence_id"]))),
        })
    return pd.DataFrame(rows, columns=ATTENDANCE_COLUMNS)


def _sentence_statuses(text: str, mentions: list[tuple[int, int, str]], *, before_summit: bool):
    """Yield (entity_id, status, represented_by, cue) for the people of one sentence."""
    future = bool(P.FUTURE.search(text)) or before_summit
    out: dict[str, tuple[str, str, str]] = {}

    def put(pid, status, stand_in="", cue=""):
        if pid not in out or _RANK[status] > _RANK[out[pid][0]]:
            out[pid] = (status, stand_in, cue)

    # lists: everyone named after "attended by", "leaders attending include" (and before it, in the same clause)
    for m in P.LIST_CUE.finditer(text):
        status = "expected" if (future and not m.group().lower().startswith(("attended", "also attended"))) else "attended"
        for a, b, pid in mentions:
            if a >= m.end() or _same_clause(text, a, m.start()):
                put(pid, status, cue=m.group())
    # clause subjects: the people named before a cue in the same clause
    for pattern, status in ((P.ABSENT, "absent"), (P.EXPECTED, "expected"), (P.ATTENDED, "attended")):
        for m in pattern.finditer(text):
            subjects = [(a, b, pid) for a, b, pid in mentions if b <= m.start() and _same_clause(text, b, m.start())]
            if not subjects:
                continue
            st = status
            if status == "attended" and P.FUTURE.search(text[max(0, m.start() - 25):m.start()]):
                st = "expected"
            for a, b, pid in _coordinated(text, subjects):
                put(pid, st, cue=m.group())
    for m in P.SENDS.finditer(text):
        subjects = [(a, b, pid) for a, b, pid in mentions if b <= m.start() and _same_clause(text, b, m.start())]
        objects = [(a, b, pid) for a, b, pid in mentions if a >= m.end()]
        if subjects and objects:
            sender = subjects[0][2]  # the clause's subject: its first person
            stand_in = objects[0][2]
            if sender != stand_in:
                put(sender, "represented", stand_in, m.group())
                put(stand_in, "expected" if future else "attended", cue=m.group())
        elif subjects:
            put(subjects[0][2], "absent", cue=m.group())
    if P.SIDELINES.search(text):
        for a, b, pid in mentions:
            put(pid, "expected" if future else "attended", cue="on the sidelines")
    for pid, (status, stand_in, cue) in out.items():
        yield pid, status, stand_in, cue


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not P.CLAUSE_BREAK.search(text[lo:hi])


def _coordinated(text: str, subjects: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the last subject and those joined to it by "and" or commas ("Putin and Xi will meet")."""
    chosen = [subjects[-1]]
    for cand in reversed(subjects[:-1]):
        if P.JOINED.match(text[cand[1]:chosen[-1][0]]):
            chosen.append(cand)
        else:
            break
    return list(reversed(chosen))

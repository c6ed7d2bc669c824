"""Claims: what articles state about memberships, offices, member counts, founding and summit dates.

`extract_claims` reads each sentence with its entity mentions and returns its
subject–predicate–object statements: a state is, becomes or joined a member (observer,
dialogue partner) of an organisation; a person holds the office whose title stands
before their name; an organisation has N members or was founded in a year; a summit
took place on a day. `check_claims` sets the claims against the reference tables at
each article's date and against each other, and returns the claims that conflict,
both sides of every contradiction, each pointing at what it conflicts with.

Organisation memberships come from ``memberships.csv`` (the SCO) and from any
``<org>_members.csv`` beside it with the same columns (``nato_members.csv``).
"""

from __future__ import annotations

import collections
import functools
import itertools
from collections import defaultdict
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd

from . import paths, reference
from .exceptions import ReferenceDataError
from .patterns import claims as P
from .frames import Columns
from .text import fold

CLAIM_COLUMNS = [
    "claim_id", "article_id", "sentence_id", "start", "end", "subject", "predicate", "object",
    "text", "subject_name", "object_name", "scope", "qualifier", "claim_date", "polarity", "tense", "hedged",
]
CONFLICT_COLUMNS = [
    "claim_id", "article_id", "sentence_id", "start", "end", "subject", "predicate", "object", "conflicts_with", "note",
    "text", "subject_name", "object_name", "scope", "claim_date", "verdict", "n_conflicting_claims",
]
#: Contradicting claims a claim lists in conflicts_with (the first, in the order the claims
#: came); n_conflicting_claims counts them all. A statement repeated by thousands of
#: articles would otherwise list thousands of ids on each of thousands of rows.
MAX_LISTED = 20

#: What each predicate states. `scope` and `qualifier` complete some of them.
PREDICATES = {
    "member_of": "subject (a state) is a member of object (an organisation)",
    "observer_of": "subject is an observer of object",
    "dialogue_partner_of": "subject is a dialogue partner of object",
    "partner_of": "subject is an observer or a dialogue partner of object",
    "founder_of": "subject is a founding member of object",
    "party_to": "subject is a party to object (a treaty, named literally)",
    "becomes_member_of": "subject becomes (is to become, is declared) a member of object",
    "becomes_observer_of": "subject becomes an observer of object",
    "becomes_dialogue_partner_of": "subject becomes a dialogue partner of object",
    "joins": "subject joins (joined, will join) object",
    "joined_in": "subject joined the organisation `scope` in the year object",
    "holds_office": "subject (a person) holds the office object (an office value) of `scope`; qualifier is the title",
    "member_count": "subject (an organisation) has object members (of the region `scope`, or `founding`)",
    "founded_in": "subject (an organisation) was founded in the year object (`scope`: a predecessor's alias)",
    "date_is": "subject (a summit_id) took place on the day object",
}
_FAMILY = {
    "member_of": "status", "observer_of": "status", "dialogue_partner_of": "status", "partner_of": "status",
    "becomes_member_of": "accession", "becomes_observer_of": "accession", "becomes_dialogue_partner_of": "accession",
    "joins": "accession", "joined_in": "joined_in", "founder_of": "founder", "party_to": "party",
    "holds_office": "office", "member_count": "count", "founded_in": "founded", "date_is": "date",
}
_STATUSES = {
    "member_of": {"member"}, "observer_of": {"observer"}, "dialogue_partner_of": {"dialogue_partner"},
    "partner_of": {"observer", "dialogue_partner"}, "becomes_member_of": {"member"}, "joins": {"member"},
    "becomes_observer_of": {"observer"}, "becomes_dialogue_partner_of": {"dialogue_partner"}, "joined_in": {"member"},
}
#: Sentence kinds that state nothing (page furniture).
_SKIP_KINDS = frozenset({"debris", "prompt", "disclaimer", "duplicate", "credit", "byline"})
#: Organisation kinds (organizations.csv) that "the organization", "the bloc" may stand for.
_BLOC_KINDS = frozenset({"intergovernmental", "alliance"})
#: memberships.csv records the SCO; other organisations' members are in `<org>_members.csv`.
_MEMBERSHIPS_ORG = "sco"


# --- extraction ----------------------------------------------------------------------------------

def extract_claims(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    dates: Mapping[str, pd.Timestamp | None],
    reference_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Return the claims the sentences state, one row per subject–predicate–object statement.

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, start, end, text, kind).
    entities : the entity mentions of those sentences (entities.entities): article_id,
        sentence_id, start, end, entity_id, entity_type, name, mention_kind, country_id.
    dates : each article's date (publication, else its summit's opening): the day
        the claim is made at; None where unknown.
    reference_dir : folder of reference CSVs (default data/reference).

    Columns: claim_id (``article_id:sentence_id:n``, n counting the sentence's claims by
    position), article_id, sentence_id, start, end (offsets into the raw text of the span
    stating the claim), subject (entity_id, or a literal), predicate (see PREDICATES),
    object (entity_id, office value, number, year, ISO day or literal), text (the span),
    subject_name, object_name, scope (the state or organisation of an office, the
    organisation joined, the region counted), qualifier (the title as written, "full",
    ...), claim_date, polarity (positive, negative), tense (past, present, future), hedged
    ("may become", "wants to join").
    """
    return _claims(Columns(sentences), Columns(entities), dates=dates, reference_dir=reference_dir)


def _claims(sentences: Columns, entities: Columns, *, dates: Mapping[str, pd.Timestamp | None],
            reference_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """``extract_claims`` from the columns of the sentences and entities tables (``frames.Columns``)."""
    ref = _reference(str(reference_dir) if reference_dir else None)
    rows: list[dict] = []
    records = _records(entities)  # fresh dicts: the mentions get offsets, the input is not touched
    by_sentence: dict[tuple, list[dict]] = {}
    for r in _sorted_records(records, entities, ("article_id", "sentence_id", "start")):
        by_sentence.setdefault((r["article_id"], r["sentence_id"]), []).append(r)
    by_article: dict = {}
    for r in records:
        if not _is_missing(r["article_id"]):
            by_article.setdefault(r["article_id"], []).append(r)
    for aid, group in _sentence_groups(sentences):
        date = dates.get(aid)
        date = None if date is None or pd.isna(date) else pd.Timestamp(date)
        article = _Article(topic=_topic(by_article.get(aid, []), ref), date=date)
        for s in group:
            mentions = by_sentence.get((aid, s.sentence_id), [])
            if getattr(s, "kind", "body") not in _SKIP_KINDS:
                found = _sentence_claims(s, mentions, article, ref)
                found.sort(key=lambda c: (c["start"], c["end"], c["subject"], c["predicate"]))
                for n, claim in enumerate(found):
                    claim["claim_id"] = f"{aid}:{s.sentence_id}:{n}"
                rows.extend(found)
            article.remember(mentions)
    if not rows:
        return _empty_claims().copy()
    data = {}
    for c in CLAIM_COLUMNS:
        values = [r[c] for r in rows]
        if c in ("sentence_id", "start", "end") and all(type(v) is int for v in values):
            data[c] = np.array(values, dtype="int64")
        elif c == "claim_date":
            data[c] = pd.to_datetime(pd.Series(values))
        elif c == "hedged":
            data[c] = np.array(values, dtype=bool) if all(type(v) is bool for v in values) else pd.Series(values).astype(bool)
        elif all(type(v) is str for v in values):
            data[c] = pd.array(values, dtype=_STR_DTYPE)
        else:
            data[c] = values  # inferred as the rows would be
    return pd.DataFrame(data, columns=CLAIM_COLUMNS)


_STR_DTYPE = pd.Series(["a"]).dtype  # what a column of strings is inferred as


@functools.lru_cache(maxsize=1)
def _empty_claims() -> pd.DataFrame:
    frame = pd.DataFrame([], columns=CLAIM_COLUMNS)
    frame["claim_date"] = pd.to_datetime(frame["claim_date"])
    frame["hedged"] = frame["hedged"].astype(bool)
    return frame


def _is_missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def _records(frame: Columns) -> list[dict]:
    """The rows of a frame (its ``frames.Columns``) as dicts of Python values (as ``to_dict("records")``)."""
    columns = list(frame.names)
    if len(set(columns)) != len(columns):
        return frame.frame.to_dict("records")
    values = [frame[c] for c in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _sorted_records(records: list[dict], frame: Columns, keys: tuple[str, ...]) -> list[dict]:
    """`records` stably sorted by `keys` (as ``frame.sort_values(keys, kind="stable")``)."""
    plain = all(
        all(isinstance(r[k], str) for r in records) or all(type(r[k]) is int for r in records) for k in keys
    )
    if plain:
        return sorted(records, key=lambda r: tuple(r[k] for k in keys))
    order = frame.frame.reset_index(drop=True).sort_values(list(keys), kind="stable").index
    return [records[i] for i in order]


@functools.lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]):
    """The namedtuple type ``itertuples(index=False)`` gives rows with these columns."""
    import collections

    return collections.namedtuple("Pandas", columns, rename=True)


def _sentence_groups(sentences: Columns):
    """(article_id, its sentences in sentence_id order as itertuples-like rows), articles in order of appearance."""
    columns = tuple(sentences.names)
    frame = sentences.frame
    if len(set(columns)) != len(columns) or len(columns) > 254 or frame["sentence_id"].dtype.kind not in "iu":
        for aid, group in frame.groupby("article_id", sort=False):
            yield aid, list(group.sort_values("sentence_id").itertuples(index=False))
        return
    row = _row_type(columns)
    values = [sentences[c] for c in columns]
    aids = values[columns.index("article_id")]
    groups: dict = {}
    for aid, r in zip(aids, zip(*values)):
        if not _is_missing(aid):
            groups.setdefault(aid, []).append(row._make(r))
    for aid, group in groups.items():
        group.sort(key=lambda r: r.sentence_id)
        yield aid, group


def _topic(mentions: list[dict], ref: "_Ref") -> str | None:
    """The bloc the article names most (first named on a tie): what "the organization" stands for."""
    counts: dict = {}
    for m in mentions:
        if m["entity_type"] == "organization" and m["entity_id"] in ref.blocs:
            counts[m["entity_id"]] = counts.get(m["entity_id"], 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return str(next(k for k, n in counts.items() if n == best))


@dataclass
class _Article:
    """What a sentence's claims need from the rest of its article."""

    topic: str | None
    date: pd.Timestamp | None
    last_person_country: str | None = None
    last_country: str | None = None

    def remember(self, mentions: list[dict]) -> None:
        for m in mentions:
            if m["entity_type"] == "person" and m.get("country_id"):
                self.last_person_country = m["country_id"]
            elif m["entity_type"] == "country":
                self.last_country = m["entity_id"]


class _Masked:
    """A sentence's folded text with each mention replaced by a token, and the way back."""

    __slots__ = ("text", "mentions", "_pieces", "_length", "_back")

    def __init__(self, text: str, pieces: list[tuple[int, int, int]], length: int, mentions: list[dict]):
        self.text = text
        self.mentions = mentions
        self._pieces = pieces  # (sentence offset, its length there, its length here) per kept piece
        self._length = length
        self._back: list[int] | None = None

    @property
    def to_sentence(self) -> list[int]:
        """The sentence offset of each masked offset (a token maps to its mention's start), built on first use."""
        if self._back is None:
            back: list[int] = []
            for start, raw_len, masked_len in self._pieces:
                if raw_len == masked_len:
                    back.extend(range(start, start + raw_len))
                else:
                    back.extend([start] * masked_len)
            back.append(self._length)
            self._back = back
        return self._back

    def mention(self, token: str | None) -> dict | None:
        m = P.TOKEN.search(token or "")
        return self.mentions[int(m.group("index"))] if m else None

    def all_mentions(self, segment: str | None, kinds: str = "C") -> list[dict]:
        return [self.mentions[int(m.group("index"))] for m in P.TOKEN.finditer(segment or "") if m.group("kind") in kinds]


def _mask(text: str, mentions: list[dict]) -> _Masked:
    pieces: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for i, m in enumerate(mentions):
        a, b = m["a"], m["b"]
        if a < pos or a < 0 or b > len(text):
            continue
        pieces.append(text[pos:a])
        spans.append((pos, a - pos, a - pos))
        token = f"{P.TOKEN_OPEN}{_kind_letter(m)}{i}{P.TOKEN_CLOSE}"
        pieces.append(token)
        spans.append((a, -1, len(token)))
        pos = b
    pieces.append(text[pos:])
    spans.append((pos, len(text) - pos, len(text) - pos))
    return _Masked("".join(pieces), spans, len(text), mentions)


def _kind_letter(m: dict) -> str:
    kind, etype = m.get("mention_kind", ""), m["entity_type"]
    if etype == "country":
        return {"demonym": "D", "metonym": "M"}.get(kind, "C")
    if etype == "organization":
        return "O"
    if etype == "person":
        return "R" if kind == "role" else "P"
    return "L"


def _sentence_claims(s, mentions: list[dict], article: _Article, ref: "_Ref") -> list[dict]:
    for m in mentions:
        m["a"], m["b"] = int(m["start"]) - int(s.start), int(m["end"]) - int(s.start)
    masked = _mask(fold(s.text), mentions)
    maker = _Maker(s, masked, article, ref)
    text = masked.text
    # each pattern family needs a token or word its hint looks for; without it nothing can match
    if P.PERSON_HINT in text:
        _office_claims(maker)
    has_country = P.COUNTRY_HINT in text
    if has_country or P.COUNTRY_ANAPHOR_HINT.search(text):
        if P.ACCESSION_HINT.search(text):
            _accession_claims(maker)
        if P.STATE_HINT.search(text):
            _state_claims(maker)
    if has_country:
        _list_claims(maker)
    if P.FOUNDED_HINT.search(text):
        _founding_claims(maker)
    if P.NUMBER_HINT.search(text) and P.COUNT_HINT.search(text):
        _count_claims(maker)
    if "summit" in text:
        _summit_date_claims(maker)
    return maker.claims


class _Maker:
    """Collects one sentence's claims, turning masked offsets into raw-text spans."""

    def __init__(self, s, masked: _Masked, article: _Article, ref: "_Ref"):
        self.s, self.masked, self.article, self.ref = s, masked, article, ref
        self.claims: list[dict] = []
        self._seen: set[tuple] = set()

    def add(self, span: tuple[int, int], subject: str, predicate: str, obj: str, *, subject_name: str = "",
            object_name: str = "", scope: str = "", qualifier: str = "", polarity: str = "positive",
            tense: str = "present", hedged: bool = False) -> None:
        key = (subject, predicate, obj, scope, polarity)
        if not subject or not obj or key in self._seen:
            return
        self._seen.add(key)
        a, b = self.masked.to_sentence[span[0]], self.masked.to_sentence[span[1]]
        raw = self.s.text
        while a < b and raw[a] in " ,;:(":
            a += 1
        while b > a and raw[b - 1] in " ,;:(":
            b -= 1
        self.claims.append({
            "claim_id": "", "article_id": self.s.article_id, "sentence_id": int(self.s.sentence_id),
            "start": int(self.s.start) + a, "end": int(self.s.start) + b, "subject": subject, "predicate": predicate,
            "object": str(obj), "text": raw[a:b], "subject_name": subject_name or self.ref.name(subject),
            "object_name": object_name or self.ref.name(str(obj)), "scope": scope, "qualifier": qualifier,
            "claim_date": self.article.date, "polarity": polarity, "tense": tense, "hedged": hedged,
        })

    def org(self, match: re.Match) -> str | None:
        """The organisation a match's ``obj`` group names, else the bloc its anaphor or context stands for."""
        token = match.group("obj")
        if token:
            return self.masked.mention(token)["entity_id"]
        return self.bloc_before(match.start())

    def bloc_before(self, pos: int) -> str | None:
        """The last bloc named in this sentence before `pos`, else the article's topic organisation."""
        before = [m for m in self.masked.all_mentions(self.masked.text[:pos], "O") if m["entity_id"] in self.ref.blocs]
        return before[-1]["entity_id"] if before else self.article.topic

    def subjects(self, match: re.Match, group: str = "subj") -> list[str]:
        """The states a subject group names, a pronoun phrase ("his country") resolved."""
        text = match.group(group) or ""
        states = [m["entity_id"] for m in self.masked.all_mentions(text, "C")]
        if states or not re.search(P.COUNTRY_ANAPHOR, text):
            return states
        earlier = self.masked.all_mentions(self.masked.text[:match.start(group)], "CPDM")
        if text.lower().split()[0] in ("his", "her", "their"):
            people = [m for m in earlier if m["entity_type"] == "person" and m.get("country_id")]
            country = people[-1]["country_id"] if people else self.article.last_person_country
        else:
            states_before = [m["entity_id"] for m in earlier if m["entity_type"] == "country"]
            country = states_before[-1] if states_before else self.article.last_country
        return [country] if country else []


#: What follows a status when it names an organisation the patterns did not recognise.
_UNNAMED_OBJECT = re.compile(r"\s+(?:of|to|in(?!\s+(?:19|20)\d\d\b))\s")


def _tense_of(modal: str | None, verb: str) -> tuple[str, bool]:
    """Return (tense, hedged) from a modal ("will", "may") and a verb form."""
    if modal:
        if P.HEDGE.match(modal.strip()):
            return "future", True
        return "future", False
    first = verb.split()[0].lower()
    if first in ("became", "joined", "acceded", "was", "were", "admitted", "accepted", "welcomed", "had"):
        return "past", False
    return "present", False


def _office_claims(mk: _Maker) -> None:
    before, after = P.office_patterns(mk.ref.titles)
    text = mk.masked.text
    patterns = (before, after) if P.may_hold_title(text, mk.ref.titles) else (after,)
    for pattern in patterns:
        found = P.before_name_matches(pattern, text, mk.ref.titles) if pattern is before else pattern.finditer(text)
        for m in found:
            groups = m.groupdict()
            title = groups.get("title") or groups.get("title2") or ""
            owner_token = groups.get("owner") or groups.get("owner2")
            pron = groups.get("pron")
            role = mk.masked.mention(groups.get("role"))
            if role is not None:  # "Trump, the US president": the phrase's title, the office holder's state
                ends = [t for t in mk.ref.titles if fold(role["text"]).lower().endswith(t)]
                if not ends or not role.get("country_id"):
                    continue
                title = max(ends, key=len)
            if pattern is before:
                capitalised = any(w[:1].isupper() for w in title.split())
                if not owner_token and not pron and (not capitalised or m.group("comma")):
                    continue
                if P.OTHER_OFFICE_BEFORE.search(text[:m.start("title")]):
                    continue
            person = mk.masked.mention(m.group("person"))
            owner = mk.masked.mention(owner_token)
            scope = owner["entity_id"] if owner else (role["country_id"] if role is not None else "")
            written = (groups.get("premods") or "") + " " + (groups.get("mods") or "")
            mods = {w.lower().strip("-") for w in re.split(r"[\s-]+", written) if w}
            past = bool(mods & P.PAST_MODIFIERS) or bool(P.PAST_BEFORE.search(text[max(0, m.start() - 120):m.start()])) \
                or bool(P.PAST_AFTER.match(text[m.end():]))
            key = " ".join(title.lower().split())
            office, _ = mk.ref.title_offices(key, scope)
            label = " ".join(w.capitalize() if w not in ("of", "and") else w for w in key.split())
            where = mk.ref.place_phrase(scope) if scope else ""
            mk.add((m.start(), m.end()), person["entity_id"], "holds_office", office, subject_name=person["name"],
                   object_name=f"{label} of {where}" if where else label, scope=scope, qualifier=key,
                   tense="past" if past else "present")


def _accession_claims(mk: _Maker) -> None:
    last_org: str | None = None
    for m in P.ACCESSION.finditer(mk.masked.text):
        verb = m.group("become") or m.group("join")
        tense, hedged = _tense_of(m.group("modal"), verb)
        polarity = "negative" if m.group("neg") else "positive"
        year = m.group("year") or m.group("year0")
        if m.group("become"):
            if not (m.group("obj") or m.group("anaphor")) and _UNNAMED_OBJECT.match(mk.masked.text[m.end("status"):]):
                continue  # "a member of parliament": an organisation the gazetteer does not know
            status = (m.group("status") or "").lower()
            org = mk.org(m) if (m.group("obj") or m.group("anaphor") or status) else None
            predicate = ("becomes_observer_of" if status.startswith("observer") else
                         "becomes_dialogue_partner_of" if status.startswith("dialogue") else "becomes_member_of")
            qualifier = (m.group("level") or "").lower()
        else:
            token = m.group("jobj")
            if token:
                org = mk.masked.mention(token)["entity_id"]
            elif m.group("janaphor"):
                org = mk.bloc_before(m.start())
            elif last_org and (re.search(r"\balso\b", m.group(0)) or year):
                org = last_org  # "India joined the SCO ..., while Pakistan also joined", "... Iran joined in 2023"
            else:
                continue
            as_status = (m.group("as_status") or "").lower()
            predicate = "becomes_observer_of" if as_status.startswith("observer") else (
                "becomes_dialogue_partner_of" if as_status.startswith("dialogue") else "joins")
            qualifier = "full" if as_status.startswith("full") else ""
        if not org:
            continue
        last_org = org
        for subject in mk.subjects(m):
            if tense == "past" and year and predicate in ("joins", "becomes_member_of"):
                mk.add(m.span(), subject, "joined_in", year, object_name=year, scope=org, qualifier=qualifier,
                       polarity=polarity, tense="past", hedged=hedged)
            else:
                mk.add(m.span(), subject, predicate, org, qualifier=qualifier, polarity=polarity, tense=tense,
                       hedged=hedged)


def _state_claims(mk: _Maker) -> None:
    for m in P.STATE.finditer(mk.masked.text):
        status, level = m.group("status").lower(), (m.group("level") or "").lower()
        if status.startswith(("part", "signator")):
            predicate = "party_to"
        elif status.startswith("member"):
            predicate = "founder_of" if level.startswith("found") else "member_of"
        elif status.startswith("observer"):
            predicate = "observer_of"
        else:
            predicate = "dialogue_partner_of"
        if m.group("literal"):
            org, object_name = m.group("literal"), m.group("literal")
        else:
            org, object_name = mk.org(m), ""
        if not org:
            continue
        be = m.group("be").lower()
        tense = "past" if be in ("was", "were", "remained") else "present"
        polarity = "negative" if m.group("neg") else "positive"
        subjects = mk.subjects(m) + [x["entity_id"] for x in mk.masked.all_mentions(m.group("along"), "C")]
        for subject in subjects:
            mk.add(m.span(), subject, predicate, org, object_name=object_name, qualifier=level, polarity=polarity,
                   tense=tense)


def _list_claims(mk: _Maker) -> None:
    text = mk.masked.text
    for m in (P.LIST_OF_MEMBERS.finditer(text) if P.LIST_OF_MEMBERS_HINT.search(text) else ()):
        status, level = " ".join(m.group("status").lower().split()), (m.group("level") or "").lower()
        if "observer" in status and "dialogue" in status:
            predicate = "partner_of"
        elif status.startswith("observer"):
            predicate = "observer_of"
        elif status.startswith("dialogue"):
            predicate = "dialogue_partner_of"
        else:
            predicate = "founder_of" if level == "founding" else "member_of"
        token = m.group("org") or m.group("obj")
        org = mk.masked.mention(token)["entity_id"] if token else mk.bloc_before(m.start())
        if not org:
            continue
        for x in mk.masked.all_mentions(m.group("list"), "C"):
            mk.add(m.span(), x["entity_id"], predicate, org)
    hinted = [p for p, hint in ((P.EXPANSION, "expanded" in text), (P.INCLUSION, P.INCLUSION_HINT.search(text)),
                                 (P.ADMISSION, P.ADMISSION_HINT.search(text))) if hint]
    for pattern in hinted:
        for m in pattern.finditer(mk.masked.text):
            org = mk.bloc_before(m.start()) if pattern is P.EXPANSION else mk.org(m)
            if not org:
                continue
            if pattern is not P.ADMISSION:
                for x in mk.masked.all_mentions(m.group("list"), "C"):
                    mk.add(m.span(), x["entity_id"], "member_of", org)
                continue
            status = m.group("status").lower()
            tense, _ = _tense_of("will" if re.search(r"\bwill\b|\bset\s+to\b", m.group(0)) else None, m.group("verb"))
            predicate = ("becomes_observer_of" if status.startswith("observer") else
                         "becomes_dialogue_partner_of" if status.startswith("dialogue") else "becomes_member_of")
            for x in mk.masked.all_mentions(m.group("list"), "C"):
                if tense == "past" and m.group("year") and predicate == "becomes_member_of":
                    mk.add(m.span(), x["entity_id"], "joined_in", m.group("year"), object_name=m.group("year"),
                           scope=org, tense="past")
                else:
                    mk.add(m.span(), x["entity_id"], predicate, org, tense=tense)


def _founding_claims(mk: _Maker) -> None:
    for m in P.FOUNDED.finditer(mk.masked.text):
        token = m.group("obj")
        mention = mk.masked.mention(token)
        org = mention["entity_id"] if mention else mk.bloc_before(m.start())
        if not org:
            continue
        alias = " ".join(fold(mention["text"]).lower().split()) if mention else ""
        scope = alias if alias in P.PREDECESSOR_FOUNDING_YEARS else ""
        mk.add(m.span(), org, "founded_in", m.group("year"), object_name=m.group("year"), scope=scope, tense="past")
        founders = itertools.chain.from_iterable(mk.masked.all_mentions(m.group(g), "C") for g in ("by1", "by2", "along"))
        for x in founders:
            mk.add(m.span(), x["entity_id"], "founder_of", org, scope=scope, tense="past")


def _count_claims(mk: _Maker) -> None:
    for pattern in (P.COUNT_ADJECTIVE, P.COUNT_NOUN, P.COUNT_HAS):
        for m in pattern.finditer(mk.masked.text):
            groups = m.groupdict()
            token = groups.get("obj") or groups.get("obj2")
            region = " ".join((groups.get("region") or "").lower().split())
            level = (groups.get("level") or "").lower()
            if token:
                org = mk.masked.mention(token)["entity_id"]
            elif groups.get("anaphor") or groups.get("noun") or groups.get("its") or region or level == "founding":
                org = mk.bloc_before(m.start())
            else:
                continue  # "the two members": of what is not said
            if not org:
                continue
            word = m.group("count").lower()
            n = P.NUMBER_WORDS.get(word) or int(word)
            scope = P.REGIONS[region][0] if region else ("founding" if level == "founding" else "")
            label = f"{n} {region.title() + ' ' if region else ''}{'founding ' if scope == 'founding' else ''}members"
            mk.add(m.span(), org, "member_count", str(n), object_name=label, scope=scope, qualifier=region or level)


def _summit_date_claims(mk: _Maker) -> None:
    if mk.article.date is None:
        return
    summits = mk.ref.summits
    for m in P.SUMMIT_DATE.finditer(mk.masked.text):
        org = mk.masked.mention(m.group("obj") or m.group("obj2"))
        if not org or org["entity_id"] != _MEMBERSHIPS_ORG:
            continue
        month = P.MONTH_NUMBERS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        years = [int(m.group("year"))] if m.group("year") else [mk.article.date.year + k for k in (0, -1, 1)]
        candidates = []
        for y in years:
            try:
                candidates.append(pd.Timestamp(year=y, month=month, day=day))
            except ValueError:
                continue
        if not candidates:
            continue
        when = min(candidates, key=lambda t: abs(t - mk.article.date))
        pool = summits[summits["year"] == when.year]
        where = mk.masked.mention(m.group("where"))
        if where is not None and len(pool):
            names = {fold(where["name"]).lower()}
            spelled = pool.apply(lambda r: {fold(x).lower() for x in [r["city"], r["country"], *r["city_aliases"]]}, axis=1)
            here = pool[spelled.map(lambda forms: bool(names & forms))]
            pool = here if len(here) else pool
        if not len(pool):
            continue
        row = pool.iloc[(pool["start"] - when).abs().argsort().iloc[0]]
        mk.add(m.span(), row["summit_id"], "date_is", when.date().isoformat(),
               subject_name=f"the {row['year']} {row['city']} summit", object_name=when.date().isoformat())


def _topic_org(mentions: pd.DataFrame, ref: "_Ref") -> str | None:
    """The bloc the article names most (first named on a tie): what "the organization" stands for."""
    orgs = mentions[(mentions["entity_type"] == "organization") & mentions["entity_id"].isin(ref.blocs)]
    if orgs.empty:
        return None
    counts = orgs.groupby("entity_id", sort=False).size()
    return str(counts.idxmax())


# --- reference ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Ref:
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
        return self.names.get(entity_id, entity_id)

    def org_phrase(self, org_id: str) -> str:
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
            slug = re.sub(r"[^a-z]+", "_", title.lower()).strip("_")
            return slug, frozenset({slug})
        offices, overrides = self.roles[title]
        if scope and scope not in self.office_scopes:  # "Taliban leader": an owner with no offices on file
            return re.sub(r"[^a-z]+", "_", title.lower()).strip("_"), frozenset(offices)
        order = overrides.get(scope, overrides.get("*", offices)) if scope else offices
        if order == ["none"]:
            slug = re.sub(r"[^a-z]+", "_", title.lower()).strip("_")
            return slug, frozenset({slug})
        every = set(order) if scope else set(offices) | {o for v in overrides.values() for o in v if o != "none"}
        return order[0], frozenset(every)


@functools.lru_cache(maxsize=4)
def _reference(folder: str | None) -> _Ref:
    load = functools.partial(reference.load, folder=folder)
    people, countries, orgs = load("people"), load("countries"), load("organizations")
    names = {**dict(zip(countries["entity_id"], countries["name"])), **dict(zip(orgs["entity_id"], orgs["name"])),
             **dict(zip(people["entity_id"], people["name"]))}
    short = {}
    for o in orgs.itertuples(index=False):
        acronyms = [a for a in o.aliases if re.fullmatch(r"[A-Z][A-Za-z0-9.+-]{1,7}", a) and any(c.isupper() for c in a[1:])]
        short[o.entity_id] = acronyms[0] if acronyms else o.name
    gender = dict(zip(people["entity_id"], people["gender"].fillna(""))) if "gender" in people else {}
    roles = reference.roles(folder=folder)
    titles = tuple(sorted(set(roles) | set(P.EXTRA_TITLES)))
    member = load("memberships").assign(org_id=_MEMBERSHIPS_ORG, table="memberships")
    parts, tables = [member], {_MEMBERSHIPS_ORG: "memberships"}
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
    blocs = frozenset(orgs.loc[orgs["kind"].isin(_BLOC_KINDS), "entity_id"])
    offices = load("offices")
    return _Ref(names=names, short=short, gender=gender, offices=offices,
                memberships=memberships[["org_id", "country_id", "status", "start", "end", "founding", "table"]],
                member_tables=tables, roles=roles, titles=titles, blocs=blocs, summits=reference.summits(folder=folder),
                office_scopes=frozenset(offices["country_id"].dropna()))


# --- checking ------------------------------------------------------------------------------------------

_MembershipRow = collections.namedtuple("_MembershipRow", "org_id country_id status start end founding table")
_OfficeRow = collections.namedtuple("_OfficeRow", "entity_id country_id office title start end")


class _Index:
    """The reference tables of one _Ref read once into plain rows, grouped for the verdicts' look-ups."""

    def __init__(self, ref: "_Ref"):
        m = ref.memberships
        self._memberships = m
        rows = [_MembershipRow(*v) for v in zip(*(m[c].tolist() for c in _MembershipRow._fields))]
        self.by_pair: dict[tuple, list] = {}
        self.by_country: dict = {}
        for r in rows:
            self.by_pair.setdefault((r.org_id, r.country_id), []).append(r)
            self.by_country.setdefault(r.country_id, []).append(r)
        o = ref.offices
        offices = [_OfficeRow(*v) for v in zip(*(o[c].tolist() for c in _OfficeRow._fields))]
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


_INDEXES: dict[int, tuple] = {}


def _index(ref: "_Ref") -> _Index:
    """The _Index of `ref`, built on first use (a _Ref is immutable and kept by _reference's cache)."""
    hit = _INDEXES.get(id(ref))
    if hit is None or hit[0] is not ref:
        hit = _INDEXES[id(ref)] = (ref, _Index(ref))
    return hit[1]


def _is_na(v) -> bool:
    return v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and v != v)


def _earliest(values):
    """The earliest of `values`, missing ones skipped (NaT when none), as Series.min() gives it."""
    present = [v for v in values if not _is_na(v)]
    return min(present) if present else pd.NaT


@dataclass(frozen=True)
class _Verdict:
    """What the reference says of one claim: agrees, conflicts or unknown, and the facts behind it."""

    status: str
    facts: tuple[tuple[str, str], ...] = ()  # (table, "has Belarus joining the SCO on 2024-07-04")


_UNKNOWN = _Verdict("unknown")


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
    ref = _reference(str(reference_dir) if reference_dir else None)
    table = _normalised(claims, dates)
    if table.empty:
        return pd.DataFrame(columns=CONFLICT_COLUMNS)
    horizon, tolerance = pd.Timedelta(days=horizon_days), pd.Timedelta(days=tolerance_days)
    memo: dict[tuple, _Verdict] = {}  # the same statement at the same date gets the same verdict
    verdicts = {}
    records = _shared_records(table.drop(columns="text"))  # the text is only copied to the rows returned
    for c in records:
        key = tuple(str(c.get(k)) for k in ("subject", "predicate", "object", "scope", "qualifier", "claim_date",
                                             "tense", "polarity", "hedged"))
        if key not in memo:
            memo[key] = _safe_verdict(c, ref, horizon=horizon, tolerance=tolerance)
        verdicts[c["claim_id"]] = memo[key]
    partners: dict[str, list[str]] = {cid: [] for cid in verdicts}
    counts: dict[str, int] = {}
    window = pd.Timedelta(days=window_days)
    for _, group in itertools.groupby(sorted(records, key=lambda c: c["subject"]), key=lambda c: c["subject"]):
        group = list(group)
        agrees = np.array([verdicts[c["claim_id"]].status == "agrees" for c in group])
        for i, (listed, total) in _conflicting(group, agrees, ref, window, limit=MAX_LISTED).items():
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


def _day(t) -> str:
    return pd.Timestamp(t).date().isoformat()


def _safe_verdict(c: dict, ref: _Ref, *, horizon: pd.Timedelta, tolerance: pd.Timedelta) -> _Verdict:
    """The reference's verdict, or unknown for an object that is not what its predicate needs (a year, a day)."""
    try:
        return _verdict(c, ref, horizon=horizon, tolerance=tolerance)
    except (ValueError, TypeError):
        return _UNKNOWN


def _verdict(c: dict, ref: _Ref, *, horizon: pd.Timedelta, tolerance: pd.Timedelta) -> _Verdict:
    if c["hedged"]:
        return _UNKNOWN
    family = _FAMILY.get(c["predicate"])
    d = c["claim_date"]
    if family in ("accession", "status", "founder", "joined_in"):
        org = c["scope"] if family == "joined_in" else c["object"]
        if org not in ref.member_tables:
            return _UNKNOWN
        if family == "founder":
            return _founder_verdict(c, ref, org)
        if family == "joined_in":
            return _joined_verdict(c, ref, org, _index(ref).pair_frame(org, c["subject"]))
        if pd.isna(d):
            return _UNKNOWN
        rows = _index(ref).by_pair.get((org, c["subject"]), [])
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
            return _UNKNOWN
        row = row.iloc[0]
        day = pd.Timestamp(c["object"])
        fact = (("summits", f"has the {row['year']} {row['city']} summit on {_day(row['start'])}"
                 + (f" to {_day(row['end'])}" if row["end"] != row["start"] else "")),)
        return _Verdict("agrees" if row["start"] <= day <= row["end"] else "conflicts", fact)
    return _UNKNOWN


def _status_label(status: str) -> str:
    return {"member": "a member", "observer": "an observer", "dialogue_partner": "a dialogue partner"}.get(status, status)


def _accession_verdict(c, ref, org, rows, d, horizon, tolerance) -> _Verdict:
    """`rows`: the memberships rows (_MembershipRow) of the claim's subject in `org`."""
    wanted = _STATUSES[c["predicate"]]
    table = ref.member_tables[org]
    subject, org_name = ref.name(c["subject"]), ref.org_phrase(org)
    rows = [r for r in rows if r.status in wanted]
    if c["tense"] == "past":
        hit = [r for r in rows if r.start <= d + tolerance]
        if hit:
            return _Verdict("agrees", ((table, f"has {subject} joining {org_name} on {_day(_earliest(r.start for r in hit))}"),))
        if rows:
            return _Verdict("conflicts", ((table, f"has {subject} joining {org_name} only on "
                                                  f"{_day(_earliest(r.start for r in rows))}"),))
        return _Verdict("conflicts", ((table, f"has no record of {subject} joining {org_name}"),))
    hit = [r for r in rows if r.start >= d - tolerance and r.start <= d + horizon]
    held = [r for r in rows if r.start < d - tolerance and (_is_na(r.end) or r.end > d)]
    if c["polarity"] == "negative":
        if not hit:
            return _Verdict("agrees", ((table, f"has no accession of {subject} to {org_name} in the year after {_day(d)}"),))
        return _Verdict("conflicts", ((table, f"has {subject} joining {org_name} on {_day(_earliest(r.start for r in hit))}"),))
    if hit:
        return _Verdict("agrees", ((table, f"has {subject} joining {org_name} on {_day(_earliest(r.start for r in hit))}"),))
    if held:
        return _Verdict("conflicts", ((table, f"has {subject} as {_status_label(held[0].status)} of {org_name} "
                                               f"since {_day(_earliest(r.start for r in held))}"),))
    every = _index(ref).pair_frame(org, c["subject"])
    if every.empty:
        facts = [(table, f"has no {subject} among {org_name}'s {'members' if wanted == {'member'} else 'partners'}")]
    else:
        facts = [(table, f"has {subject} in {org_name} as {_history(every)}")]
    elsewhere = [e for e in _index(ref).by_country.get(c["subject"], [])
                 if e.org_id != org and e.status in wanted and e.start >= d - tolerance and e.start <= d + horizon]
    for e in elsewhere:
        facts.append((e.table, f"has {subject} joining {ref.org_phrase(e.org_id)} on {_day(e.start)}"))
    return _Verdict("conflicts", tuple(facts))


def _status_verdict(c, ref, org, rows, d, tolerance) -> _Verdict:
    """`rows`: the memberships rows (_MembershipRow) of the claim's subject in `org`."""
    wanted = _STATUSES[c["predicate"]]
    table = ref.member_tables[org]
    who, org_name = ref.name(c["subject"]), ref.org_phrase(org)
    lo, hi = d - tolerance, d + tolerance
    mine = [r for r in rows if r.status in wanted]
    if c["tense"] == "past":
        held = [r for r in mine if r.start <= d]
    else:
        held = [r for r in mine if r.start <= hi and (_is_na(r.end) or r.end > lo)]
    at = [r for r in rows if r.start <= d and (_is_na(r.end) or r.end > d)]
    if c["polarity"] == "negative":
        now = [r for r in held if r.start <= d and (_is_na(r.end) or r.end > d)]
        if not now:
            label = _status_label(sorted(wanted)[0])
            return _Verdict("agrees", ((table, f"does not have {who} as {label} of {org_name} on {_day(d)}"),))
        fact = f"has {who} as {_status_label(now[0].status)} of {org_name} since {_day(_earliest(r.start for r in now))}"
        return _Verdict("conflicts", ((table, fact),))
    if held:
        h = held[0]
        return _Verdict("agrees", ((table, f"has {who} as {_status_label(h.status)} of {org_name} from {_day(h.start)}"),))
    if not at:
        return _Verdict("conflicts", ((table, f"has {who} with no status in {org_name} on {_day(d)}"),))
    a = at[0]
    fact = f"has {who} as {_status_label(a.status)} of {org_name} on {_day(d)} (since {_day(a.start)})"
    later = [r for r in mine if r.start > d]
    if later:
        fact += f", {_status_label(later[0].status)} only from {_day(_earliest(r.start for r in later))}"
    return _Verdict("conflicts", ((table, fact),))


def _history(rows: pd.DataFrame) -> str:
    """A state's statuses in order: "an observer from 2015-07-10, then a member from 2024-07-04"."""
    return ", then ".join(f"{_status_label(r.status)} from {_day(r.start)}" for r in rows.sort_values("start").itertuples())


def _founder_verdict(c, ref, org) -> _Verdict:
    founders = _index(ref).founders(org)
    if founders.empty:
        return _UNKNOWN
    ids = list(dict.fromkeys(founders["country_id"]))
    names = ", ".join(ref.name(i) for i in ids)
    fact = ((ref.member_tables[org], f"lists {names} as {ref.org_phrase(org)}'s founding members"),)
    is_founder = c["subject"] in ids
    agrees = is_founder if c["polarity"] == "positive" else not is_founder
    return _Verdict("agrees" if agrees else "conflicts", fact)


def _joined_verdict(c, ref, org, rows) -> _Verdict:
    if rows.empty:
        return _Verdict("conflicts", ((ref.member_tables[org], f"has no {ref.name(c['subject'])} in {ref.org_phrase(org)}"),))
    year = int(c["object"])
    member_years = {t.year for t in rows.loc[rows["status"] == "member", "start"]}
    any_years = {t.year for t in rows["start"]}
    fact = ((ref.member_tables[org], f"has {ref.name(c['subject'])} in {ref.org_phrase(org)} as {_history(rows)}"),)
    ok = year in member_years or (c["qualifier"] != "full" and year in any_years)
    return _Verdict("agrees" if ok else "conflicts", fact)


def _founded_verdict(c, ref) -> _Verdict:
    org, year = c["subject"], int(c["object"])
    if c["scope"] in P.PREDECESSOR_FOUNDING_YEARS:
        return _Verdict("agrees" if year == P.PREDECESSOR_FOUNDING_YEARS[c["scope"]] else "conflicts",
                        (("organizations", f"has the {c['scope'].title()} as {ref.org_phrase(org)}'s predecessor, "
                                           f"founded in {P.PREDECESSOR_FOUNDING_YEARS[c['scope']]}"),))
    if org not in ref.member_tables:
        return _UNKNOWN
    founders = _index(ref).founders(org)
    if founders.empty:
        return _UNKNOWN
    founded = founders["start"].min()
    return _Verdict("agrees" if founded.year == year else "conflicts",
                    ((ref.member_tables[org], f"has {ref.org_phrase(org)} founded on {_day(founded)}"),))


def _members_at(ref: _Ref, org: str, t: pd.Timestamp, scope: str) -> list[str]:
    m = ref.memberships
    rows = m[(m["org_id"] == org) & (m["status"] == "member") & (m["start"] <= t) & (m["end"].isna() | (m["end"] > t))]
    ids = list(dict.fromkeys(rows["country_id"]))
    if scope == "founding":
        ids = list(dict.fromkeys(m.loc[(m["org_id"] == org) & m["founding"], "country_id"]))
    for _, (region, members) in P.REGIONS.items():
        if scope == region:
            ids = [i for i in ids if i in members]
    return ids


def _count_verdict(c, ref, d, horizon, tolerance) -> _Verdict:
    org = c["subject"]
    if org not in ref.member_tables:
        return _UNKNOWN
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
    fact = ((ref.member_tables[org], f"has {len(at)} {label} of {ref.org_phrase(org)} on {_day(d)} "
                                     f"({', '.join(ref.name(i) for i in at)})"),)
    return _Verdict("agrees" if n in counts else "conflicts", fact)


def _pronoun(ref: _Ref, person: str) -> str:
    return {"m": "him", "f": "her"}.get(ref.gender.get(person, ""), "them")


def _office_verdict(c, ref, d) -> _Verdict:
    person, scope = c["subject"], c["scope"]
    title = c["qualifier"] or c["object"]
    _, allowed = ref.title_offices(title, scope) if c["qualifier"] else (c["object"], frozenset({c["object"]}))
    index = _index(ref)
    if scope and scope not in ref.office_scopes:
        scope = ""  # an owner the reference keeps no offices for ("Taliban leader"): judge by the person alone
    mine = index.offices_by_person.get(person, [])
    if not mine:
        return _UNKNOWN
    fitting = [r for r in mine if r.office in allowed and (r.country_id == scope if scope else True)]
    if c["tense"] == "past":
        held = [r for r in fitting if r.start <= d]
    else:
        held = [r for r in fitting if r.start <= d and (_is_na(r.end) or r.end >= d)]
    him = _pronoun(ref, person)

    def spell(rows: list) -> str:
        return ", ".join(f"{r.title} ({'since ' + _day(r.start) if pd.isna(r.end) else _day(r.start) + ' to ' + _day(r.end)})"
                         for r in rows)

    if held:
        return _Verdict("agrees", (("offices", f"has {him} as {spell(held)}"),))
    if not allowed & index.office_values:
        return _UNKNOWN  # a title the reference does not cover (Defence Minister, Ambassador)
    now = [r for r in mine if r.start <= d and (_is_na(r.end) or r.end >= d)]
    fact = f"has {him} as {spell(now)}" if now else f"has {him} in no such office on {_day(d)} (only {spell(mine)})"
    where = scope or (now[0].country_id if now else "")
    others = [r for r in index.offices_by_country.get(where, []) if not _is_na(where)] if where else []
    others = [r for r in others if r.office in allowed and r.country_id == where and r.start <= d
              and (_is_na(r.end) or r.end >= d) and r.entity_id != person]
    if where and others:
        fact += "; " + "; ".join(f"the {r.title} then was {ref.name(r.entity_id)}" for r in others)
    return _Verdict("conflicts", (("offices", fact),))


def _conflicting(group: list[dict], agrees: np.ndarray, ref: _Ref, window: pd.Timedelta, *,
                 limit: int) -> dict[int, tuple[list[int], int]]:
    """Return, for each claim of `group` that another contradicts, (the first `limit` of those, their number).

    Positions are in `group`. A pair counts when _incompatible holds, unless both claims
    agree with the reference (`agrees`) or they come from one sentence. Exact without calling _incompatible on every pair: claims are grouped by
    shape (everything _incompatible reads but the date); two shapes are compared once,
    and for a conflicting pair of shapes the member pairs differ only in the date, which
    only ever adds a condition (within `window`, for time-bound families), checked on
    arrays a block at a time.
    """
    shapes: dict[tuple, list[int]] = defaultdict(list)
    for k, c in enumerate(group):
        if _FAMILY.get(c["predicate"]) is not None:
            shapes[tuple(str(c.get(f)) for f in _SHAPE)].append(k)
    if not shapes:
        return {}
    days = np.array([_days(c.get("claim_date")) for c in group], dtype=float)
    sentence = np.array([hash((c.get("article_id"), c.get("sentence_id"))) for c in group], dtype=np.int64)
    undated = {key: {**group[members[0]], "claim_date": pd.NaT} for key, members in shapes.items()}
    keys = list(shapes)
    listed: dict[int, list[int]] = defaultdict(list)
    total: dict[int, int] = defaultdict(int)

    def collect(rows: np.ndarray, cols: np.ndarray, timed: bool) -> None:
        step = max(1, 1_000_000 // len(cols))
        for lo in range(0, len(rows), step):
            r = rows[lo:lo + step]
            mask = r[:, None] != cols[None, :]
            if timed:
                dr, dc = days[r][:, None], days[cols][None, :]
                mask &= np.isnan(dr) | np.isnan(dc) | (np.abs(dr - dc) <= window.days)
            mask &= ~(agrees[r][:, None] & agrees[cols][None, :])
            mask &= sentence[r][:, None] != sentence[cols][None, :]
            for x, row in zip(r.tolist(), mask):
                hits = np.flatnonzero(row)
                if len(hits):
                    total[x] += len(hits)
                    listed[x] = sorted(listed[x] + cols[hits[:limit]].tolist())[:limit]

    for x, kx in enumerate(keys):
        family = _FAMILY.get(undated[kx]["predicate"])
        for ky in keys[x:]:
            if _FAMILY.get(undated[ky]["predicate"]) != family:
                continue
            if not (_incompatible(undated[kx], undated[ky], ref, window) or _incompatible(undated[ky], undated[kx], ref, window)):
                continue
            xs, ys = np.array(shapes[kx]), np.array(shapes[ky])
            timed = family in _TIMED
            collect(xs, ys, timed)
            if kx != ky:
                collect(ys, xs, timed)
    return {x: (listed[x], total[x]) for x in sorted(total)}


def _days(value) -> float:
    """Return a date as days since the epoch, NaN when there is none."""
    if value is None or pd.isna(value):
        return float("nan")
    return float(pd.Timestamp(value).value // 86_400_000_000_000)


#: Families whose claims conflict only when their dates are within the window (see _incompatible).
_TIMED = frozenset({"accession", "status", "office", "count"})
#: The fields of a claim that _incompatible reads, but for its date.
_SHAPE = ("predicate", "object", "scope", "qualifier", "tense", "polarity", "hedged")


def _incompatible(a: dict, b: dict, ref: _Ref, window: pd.Timedelta) -> bool:
    fa, fb = _FAMILY.get(a["predicate"]), _FAMILY.get(b["predicate"])
    if fa != fb or fa is None or a["hedged"] or b["hedged"]:
        return False
    timely = pd.isna(a["claim_date"]) or pd.isna(b["claim_date"]) or abs(a["claim_date"] - b["claim_date"]) <= window
    same_polarity = a["polarity"] == b["polarity"]
    if fa == "accession":
        if "past" in (a["tense"], b["tense"]) or not timely:
            return False
        if a["object"] == b["object"]:
            return not same_polarity and bool(_STATUSES[a["predicate"]] & _STATUSES[b["predicate"]])
        return a["polarity"] == b["polarity"] == "positive"
    if fa == "status":
        if a["object"] != b["object"] or "past" in (a["tense"], b["tense"]) or not timely:
            return False
        overlap = bool(_STATUSES[a["predicate"]] & _STATUSES[b["predicate"]])
        return (not overlap) if same_polarity and a["polarity"] == "positive" else (overlap and not same_polarity)
    if fa == "office":
        if not same_polarity or "past" in (a["tense"], b["tense"]) or not timely:
            return False
        if a["scope"] and b["scope"] and a["scope"] != b["scope"]:
            return False
        scope = a["scope"] or b["scope"]
        sa = ref.title_offices(a["qualifier"], scope)[1] if a["qualifier"] else {a["object"]}
        sb = ref.title_offices(b["qualifier"], scope)[1] if b["qualifier"] else {b["object"]}
        return not (sa & sb)
    if fa == "count":
        return a["scope"] == b["scope"] and a["object"] != b["object"] and timely and a["tense"] == b["tense"]
    if fa in ("founded", "joined_in"):
        return a["scope"] == b["scope"] and a["object"] != b["object"] and same_polarity
    if fa == "founder":
        return a["object"] == b["object"] and not same_polarity
    if fa == "date":
        return a["object"] != b["object"]
    return False


def _describe(c: dict, ref: _Ref) -> str:
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


def _note(c: dict, v: _Verdict, others: list[dict], ref: _Ref) -> str:
    date = f" (article date {_day(c['claim_date'])})" if not pd.isna(c["claim_date"]) else ""
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

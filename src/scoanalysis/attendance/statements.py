"""The statements of one sentence about who attends a summit: rule families over people and cues.

A statement joins people to a cue (patterns.attendance) by the role the sentence gives
them: the subject of "attended" or "will attend", the names after "attended by" or
"also attending is", the sender and the stand-in of "sent X", everyone of a meeting
("X met Y on the sidelines"), the host of "hosted by X", the people of a verbless photo
caption. Each statement is then placed: at another summit when its words name one ("the
summit held in Samarkand in 2022", "last year's summit"), nowhere when they put it at
another time or place ("in Beijing in May", "two years ago"), else at the article's summit.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..patterns import attendance as P


@dataclass(frozen=True)
class Person:
    """A person named in a sentence: offsets into its folded text, the entity, and how it was found."""

    start: int
    end: int
    entity_id: str
    kind: str = "name"  # name, role, office, pronoun, anaphor


@dataclass(frozen=True)
class Place:
    """A state or a city named in a sentence (offsets into its folded text)."""

    start: int
    end: int
    entity_id: str
    is_city: bool
    where: bool = False  # named as where something is held: "in Qingdao", "the Qingdao summit"


@dataclass(frozen=True)
class Statement:
    """What one cue says of some people: status, stand-in, the cue, and the span the statement covers."""

    people: tuple[str, ...]
    status: str  # attended, expected, absent, represented
    cue: str
    lo: int
    hi: int
    stand_in: str = ""
    #: True when the cue's own tense decides the status; False when it does not date itself
    #: ("brings together", "is in Astana"), so that before the summit "attended" reads "expected".
    tensed: bool = True


def statements(text: str, people: list[Person], *, kind: str = "body", places: list[Place] = (), leader_of=None,
               subject_country=None) -> list[Statement]:
    """Return the attendance statements of one sentence (folded text) about `people`.

    `places` are the sentence's states and cities; `leader_of(country_id)` gives the leader
    of a state at the summit (for "led the Indian delegation", "India was represented by");
    `subject_country(entity_id)` a person's state.
    """
    people = sorted(people, key=lambda p: p.start)
    states = [p for p in places if not p.is_city]
    if not people:
        return _host_state_statements(text, states, leader_of=leader_of) if states else []
    out: list[Statement] = []
    out += _list_statements(text, people)
    out += _subject_statements(text, people)
    out += _host_state_statements(text, states, leader_of=leader_of)
    out += _presence_statements(text, people, places)
    out += _sender_statements(text, people, states=states, leader_of=leader_of)
    out += _delegation_statements(text, people, leader_of=leader_of, subject_country=subject_country)
    out += _meeting_statements(text, people)
    out += _host_statements(text, people)
    out += _caption_statements(text, people, kind)
    return out


# --- who stands where -------------------------------------------------------------------------

def clause(text: str, pos: int) -> tuple[int, int]:
    """The clause of `text` around offset `pos`: between the nearest clause breaks."""
    lo = 0
    for m in P.CLAUSE_BREAK.finditer(text, 0, pos):
        lo = m.end()
    m = P.CLAUSE_BREAK.search(text, pos)
    return lo, (m.start() if m else len(text))


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not P.CLAUSE_BREAK.search(text[lo:hi])


def _possessive(text: str, p: Person) -> bool:
    return text[p.end:p.end + 2] in ("'s", "s'") or text[p.end:p.end + 1] == "'"


def _reporter(text: str, p: Person) -> bool:
    """True when the person reports the statement ("according to X", "X told reporters" after the cue)."""
    return bool(P.REPORTER_BEFORE.search(text[max(0, p.start - 80):p.start])) or bool(P.REPORTER_AFTER.match(text[p.end:]))


def _joined(gap: str) -> bool:
    """True when `gap` only joins two people of one list: "and", a comma, titles, "of Kazakhstan"."""
    if P.CLAUSE_BREAK.search(gap):
        return False
    gap = P.OF_STATE.sub("", gap)
    if not P.LIST_JOIN.search(gap):
        return False
    return not P.NOT_IN_LIST.search(P.LIST_JOIN.sub(" ", gap))


def _leads_to(gap: str, *, limit: int = 80) -> bool:
    """True when `gap` only stands between a cue and the first person it is about (titles, "the", states)."""
    return len(gap) <= limit and not P.CLAUSE_BREAK.search(gap) and not P.NOT_IN_LIST.search(P.LIST_JOIN.sub(" ", gap))


def _list_from(text: str, people: list[Person], first: int) -> list[Person]:
    """The people from index `first` on that one list joins ("X, Y and Z")."""
    chosen = [people[first]]
    for p in people[first + 1:]:
        if p.start < chosen[-1].end:
            continue
        if _joined(text[chosen[-1].end:p.start]):
            chosen.append(p)
        else:
            break
    return chosen


def _subjects(text: str, people: list[Person], at: int) -> list[Person]:
    """The subject of a cue at `at`: the last person before it in its clause and those joined to them."""
    before = [p for p in people if p.end <= at and _same_clause(text, p.end, at)]
    before = [p for p in before if not _possessive(text, p) and not P.NOT_SUBJECT_BEFORE.search(text[max(0, p.start - 30):p.start])]
    if not before:
        return []
    last = before[-1]
    gap = text[last.end:at]
    if P.REPORTING.search(gap) or P.SUBORDINATE.search(gap):
        return []
    chosen = [last]
    for cand in reversed(before[:-1]):
        if _joined(text[cand.end:chosen[-1].start]):
            chosen.append(cand)
        else:
            break
    return list(reversed(chosen))


def _shared_subject(text: str, people: list[Person], at: int) -> list[Person]:
    """The sentence's first subject, for a clause that has none of its own ("X skipped the dinner, but attended")."""
    lo, _ = clause(text, at)
    if lo == 0 or not P.SHARED_SUBJECT.match(text[lo:at]):
        return []
    first = [p for p in people if p.end <= lo and not _possessive(text, p) and not _reporter(text, p)]
    return first[:1]


def _objects(text: str, people: list[Person], at: int) -> list[Person]:
    """The people a cue ending at `at` is about when they follow it: the first one close after and its list."""
    for i, p in enumerate(people):
        if p.start >= at:
            if _leads_to(text[at:p.start]):
                return [q for q in _list_from(text, people, i) if not _reporter(text, q)]
            return []
    return []


def _span(people, m) -> tuple[int, int]:
    starts = [p.start for p in people] + [m.start()]
    ends = [p.end for p in people] + [m.end()]
    return min(starts), max(ends)


# --- rule families ----------------------------------------------------------------------------

def _list_statements(text: str, people: list[Person]) -> list[Statement]:
    """Lists after a cue ("attended by X and Y", "also attending is X"), and the clause's people before it."""
    out = []
    for m in P.LIST_CUE.finditer(text):
        listed = _objects(text, people, m.end())
        before = [p for p in people if p.end <= m.start() and _same_clause(text, p.end, m.start())
                  and not _possessive(text, p) and not _reporter(text, p)
                  and not P.REPORTING.search(text[p.end:m.start()])]
        found = before + listed
        if not found:
            continue
        cue = m.group()
        past = cue.lower().startswith(("attended", "also attended", "brought", "joined")) or bool(P.PAST_BE.search(cue))
        status = "expected" if P.FUTURE.search(text[max(0, m.start() - 20):m.end()]) else "attended"
        lo, hi = _span(found, m)
        out.append(Statement(tuple(p.entity_id for p in found), status, cue, lo, hi, tensed=past))
    return out


def _subject_statements(text: str, people: list[Person]) -> list[Statement]:
    """Subjects of attended / expected / absent cues ("X and Y attended", "X will not travel")."""
    out = []
    taken: list[tuple[int, int]] = []
    for pattern, status in ((P.ABSENT, "absent"), (P.EXPECTED, "expected"), (P.ATTENDED, "attended")):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue  # "will not attend" is not also "attend"
            taken.append((m.start(), m.end()))
            if status == "absent" and P.NOT_TRAVELLING.search(m.group()) and P.VIRTUAL.search(text):
                continue  # "did not travel but joined by video link": there, from afar
            subjects = _subjects(text, people, m.start()) or _shared_subject(text, people, m.start())
            st = status
            if status == "attended" and P.FUTURE.search(text[max(0, m.start() - 30):m.start()]):
                st = "expected"
            found = list(subjects)
            if status != "absent" and P.HOSTING.search(m.group()):
                found += _objects(text, people, m.end())  # "Xi hosted Putin": the guest came too
            if status == "attended" and P.JOINING.match(m.group()):
                found += _objects(text, people, m.end())
            with_ = P.WITH_AFTER.match(text, m.end()) if status != "absent" else None
            if with_ and _same_clause(text, m.end(), with_.end()):
                found += _objects(text, people, with_.end())  # "posed for a photo with X", "took part in talks with X"
            if not found:
                continue
            lo, hi = _span(found, m)
            if subjects and P.RELATIVE_BETWEEN.search(text, subjects[-1].end, m.start()):
                lo = m.start()  # the relative clause says something of another time
            tensed = status != "attended" or (bool(P.PAST.search(m.group())) and not P.DEPARTURE.match(m.group()))
            out.append(Statement(tuple(p.entity_id for p in found), st, m.group(), lo, hi, tensed=tensed))
    # "Tokayev, the summit host, ...": the host came
    for p in people:
        m = P.HOST_APPOSITIVE.match(text, p.end)
        if m:
            out.append(Statement((p.entity_id,), "attended", "host", p.start, m.end(), tensed=False))
    # "X's arrival in Astana", "X's speech at the summit": the possessor came
    for p in people:
        m = P.POSSESSIVE_CUE.match(text, p.end)
        if m:
            lo, hi = clause(text, p.start)
            st = "expected" if P.FUTURE.search(text[lo:hi]) or P.ANNOUNCED.search(text[lo:hi]) else "attended"
            out.append(Statement((p.entity_id,), st, m.group().lstrip("'s "), p.start, m.end(), tensed=False))
    # "In her opening remarks, the Kyrgyz Foreign Minister urged ...": the main clause's subject spoke
    m = P.SPEECH_BEFORE.match(text)
    if m:
        after = [p for p in people if p.start >= m.end()]
        if after and _leads_to(text[m.end():after[0].start], limit=60):
            out.append(Statement((after[0].entity_id,), "attended", m.group(), m.start(), after[0].end))
    return out


def _host_state_statements(text: str, states, *, leader_of=None) -> list[Statement]:
    """ "Uzbekistan, the current chair, hosts the summit": the host state's leader at the summit is there."""
    out = []
    if not leader_of:
        return out
    for m in P.STATE_HOSTS.finditer(text):
        state = [c for c in states if c.end <= m.start() and P.STATE_SUBJECT_GAP.fullmatch(text[c.end:m.start()])]
        leader = leader_of(state[-1].entity_id) if state else None
        if leader:
            future = bool(P.FUTURE.search(text[max(0, m.start() - 30):m.end()]))
            out.append(Statement((leader,), "expected" if future else "attended", m.group(), state[-1].start, m.end(),
                                 tensed=False))
    return out


def _presence_statements(text: str, people: list[Person], places) -> list[Statement]:
    """ "X and Y were both in Bishkek": the subject is in the place named right after (placed like any statement)."""
    out = []
    for m in P.IN_PLACE.finditer(text):
        if not any(0 <= p.start - m.end() <= 1 for p in places):
            continue
        subjects = _subjects(text, people, m.start())
        if subjects:
            lo, hi = _span(subjects, m)
            out.append(Statement(tuple(p.entity_id for p in subjects), "attended", m.group(), lo, hi, tensed=False))
    return out


def _sender_statements(text: str, people: list[Person], *, states=(), leader_of=None) -> list[Statement]:
    """ "X has sent his foreign minister Y", "X was represented by Y": X represented, Y there. A state as the
    sender ("India was represented by Y") stands for its leader at the summit."""
    out = []
    for m in P.SENDS.finditer(text):
        subjects = _subjects(text, people, m.start())
        if not subjects and leader_of:
            state = [c for c in states if c.end <= m.start() and not text[c.end:m.start()].strip()]
            leader = leader_of(state[-1].entity_id) if state else None
            if leader:
                subjects = [Person(state[-1].start, state[-1].end, leader, "office")]
        objects = [p for p in people if p.start >= m.end() and _same_clause(text, m.end(), p.start)]
        future = bool(P.FUTURE.search(text[max(0, m.start() - 30):m.end()]))
        if subjects and objects:
            sender, stand_in = subjects[0], objects[0]
            if sender.entity_id != stand_in.entity_id:
                lo, hi = _span([sender, stand_in], m)
                out.append(Statement((sender.entity_id,), "represented", m.group(), lo, hi, stand_in=stand_in.entity_id))
                out.append(Statement((stand_in.entity_id,), "expected" if future else "attended", m.group(), lo, hi,
                                     tensed=False))
        elif subjects:
            lo, hi = _span(subjects, m)
            out.append(Statement((subjects[0].entity_id,), "absent", m.group(), lo, hi))
    return out


def _delegation_statements(text, people, *, leader_of, subject_country) -> list[Statement]:
    """ "Foreign Minister X led the Indian delegation": X there, the state's leader represented by X."""
    out = []
    for m in P.LED_DELEGATION.finditer(text):
        subjects = _subjects(text, people, m.start())
        if not subjects:
            continue
        head = subjects[-1]
        future = bool(P.FUTURE.search(m.group()))
        lo, hi = _span([head], m)
        out.append(Statement((head.entity_id,), "expected" if future else "attended", m.group(), lo, hi, tensed=not future))
        country = subject_country(head.entity_id) if subject_country else None
        leader = leader_of(country) if (leader_of and country) else None
        if leader and leader != head.entity_id:
            out.append(Statement((leader,), "represented", m.group(), lo, hi, stand_in=head.entity_id))
    return out


def _meeting_statements(text: str, people: list[Person]) -> list[Statement]:
    """Everyone of a meeting, greeting or the summit's margins: "X met Y", "talks with Y on the sidelines"."""
    out = []
    cues = [m for m in P.MEETING.finditer(text) if not (P.GREETING.match(m.group()) and P.NOT_MEETING_AFTER.match(text[m.end():]))]
    cues += list(P.SIDELINES.finditer(text))
    done: set[tuple[int, int]] = set()
    for m in cues:
        lo, hi = clause(text, m.start())
        if (lo, hi) in done:
            continue
        here = [p for p in people if lo <= p.start and p.end <= hi and not _reporter(text, p)]
        here = [p for p in here if not (p.end <= m.start() and P.REPORTING.search(text[p.end:m.start()]))
                and not (p.start >= m.end() and P.REPORTING.search(text[m.end():p.start]))]
        here = [p for p in here if not P.NOT_PARTICIPANT_BEFORE.search(text[max(0, p.start - 30):p.start])]
        if not here or P.HABITUAL.search(text[lo:hi]):
            continue
        done.add((lo, hi))
        status = "expected" if P.FUTURE.search(text[lo:hi]) else "attended"
        a, b = _span(here, m)
        out.append(Statement(tuple(p.entity_id for p in here), status, m.group(), a, b, tensed=bool(P.PAST.search(m.group()))))
    return out


def _host_statements(text: str, people: list[Person]) -> list[Statement]:
    """The host named after "hosted by", "at the invitation of", "welcomed by"."""
    out = []
    for m in P.HOSTED_BY.finditer(text):
        found = _objects(text, people, m.end())[:1]
        if found:
            lo, hi = _span(found, m)
            out.append(Statement((found[0].entity_id,), "attended", m.group(), lo, hi))
    return out


def _caption_statements(text: str, people: list[Person], kind: str = "body") -> list[Statement]:
    """A verbless photo caption of two or more people ("A, B and C on Tuesday"): they were there together."""
    named = [p for p in people if p.kind in ("name", "role", "office")]
    if kind == "headline" or len({p.entity_id for p in named}) < 2 or any(_possessive(text, p) for p in named):
        return []
    rest, last = [], 0
    for p in named:
        rest.append(text[last:p.start])
        last = max(last, p.end)
    rest.append(text[last:])
    for token in P.CAPTION_TOKEN.findall(" ".join(rest)):
        if token.lower() not in P.CAPTION_ALLOWED and not token[0].isupper() and not token.isdigit():
            return []
    return [Statement(tuple(p.entity_id for p in named), "attended", "photo caption", named[0].start, named[-1].end,
                      tensed=False)]

"""Speakers resolved: entity links, full names, and the people pronouns stand for.

With the article's entity mentions, a speaker whose head word overlaps a mention takes
its canonical ``name`` and ``entity_id``, and persons are the ``person`` mentions.
Without them, persons are capitalised names with a title (Mr, Ms, President...) or a role
before them ("Chinese leader Xi Jinping"), or of two or more words none of which names a
place or institution, plus single words that repeat a word of such a name; titles are
stripped and a one-word name takes the article's full personal name that starts or ends
with it, the latest before it ("Gabuev" → "Alexander Gabuev"). Gender comes from the
``gender`` column or from Mr/Ms/Mrs.

he/she, in order: the person who spoke the latest attributed quotation of this or the
previous paragraph; the name that spoke an earlier quotation of this paragraph, person or
not ("“A,” Peskov said. “B,” he added."); the latest person mentioned before the
quotation, outside quotations. Gender must agree where known. it: the subject of its
clause. they, and I/we outside quotations: left unresolved. Inside a quotation, I/we are
the outer speaker and he/she never the outer speaker. "another" after "one report" is
"another report". Phrases keep their words ("a senior Kazakh official").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from ..frames import Columns
from ..patterns import quotes as P
from .attribution import Found
from .context import Context, Token
from .records import missing
from .speakers import Mention, clause_subject, name_mention, nameish, run_right

_ENTITY_ORDER = {"person": 0, "organization": 1, "country": 2, "place": 3}


@dataclass(frozen=True, slots=True)
class Person:
    """A person mentioned in the article (raw offsets), outside quotations."""

    start: int
    end: int
    name: str
    gender: str
    entity_id: str = ""


@dataclass(slots=True)
class EntityMentions:
    """One article's entity mentions as plain column lists, in the table's row order."""

    start: list
    end: list
    entity_id: list
    entity_type: list
    name: list
    gender: list | None

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def by_article(cls, entities: pd.DataFrame | Columns) -> dict[str, EntityMentions]:
        """Each article's mentions (keyed by str(article_id)), read column by column once."""
        read = entities if isinstance(entities, Columns) else Columns(entities)
        cols = {c: read[c] for c in ("article_id", "start", "end", "entity_id", "entity_type", "name")}
        for c in ("start", "end"):
            if read.frame[c].dtype.kind not in "iu":
                cols[c] = [_number(v) for v in cols[c]]
        genders = read["gender"] if "gender" in read else None
        groups: dict = {}
        for i, aid in enumerate(cols["article_id"]):
            if missing(aid):
                continue
            groups.setdefault(aid, []).append(i)
        out = {}
        for aid, idx in groups.items():
            pick = lambda c: [c[i] for i in idx]  # noqa: E731
            out[str(aid)] = cls(pick(cols["start"]), pick(cols["end"]), pick(cols["entity_id"]),
                                pick(cols["entity_type"]), pick(cols["name"]), pick(genders) if genders is not None else None)
        return out


def _number(v):
    """An offset for comparisons: missing values become NaN (never equal, less or greater)."""
    return float("nan") if missing(v) else v


def _person_run(ctx: Context, a: int, b: int) -> tuple[Mention, bool]:
    """The name in capitalised run a..b without titles and leading place words, and whether
    it looks like a person's: titled ("Mr", "President", "Chinese leader ...") or two or
    more words none of which names a place or institution."""
    toks = ctx.tokens
    titled = any(t.low in P.TITLES for t in toks[a:b]) or (
        a > 0 and not toks[a - 1].cap and toks[a - 1].low in P.SOURCE_HEADS | P.TITLES
    )
    cut = a
    for k in range(a, b):
        if toks[k].low in P.TITLES:
            cut = k + 1
    while cut < b and toks[cut].low in P.NON_PERSON_WORDS:
        cut += 1
    m = name_mention(ctx, cut, b)
    if cut > a and not m.gender:
        m = replace(m, gender=name_mention(ctx, a, b).gender)
    words = m.name.replace("-", " ").split()
    if any(w.lower().rstrip(".") in P.NON_PERSON_WORDS for w in words) or m.name.isupper():
        return m, False
    full = [w for w in m.name.split() if not (len(w) == 2 and w.endswith("."))]
    return m, titled or (len(full) >= 2 and all(w[0].isupper() for w in full))


def _title_case(toks: list[Token]) -> bool:
    """True for a line in Title Case (a headline), whose capitals say nothing about names."""
    long = [t for t in toks if t.word and len(t.text) > 3]
    return len(long) >= 3 and sum(t.cap for t in long) >= 0.8 * len(long)


class Resolver:
    """Turns mentions into speakers for one article: entity links, full names, pronoun antecedents.

    Parameters
    ----------
    paragraphs : (raw offset, text) of each paragraph.
    entities : the article's entity mentions, or None.
    quoted : (start, end) raw offsets of every quoted text (persons inside them are skipped).
    """

    def __init__(self, paragraphs: list[tuple[int, str]], entities: EntityMentions | None,
                 quoted: list[tuple[int, int]]):
        self.quoted = quoted
        self.entities = entities if entities is not None and len(entities) else None
        if self.entities is not None:
            self.persons = self._entity_persons(paragraphs)
        else:
            self.persons = self._heuristic_persons(paragraphs)
        self.full_names = sorted({p.name for p in self.persons if len(p.name.split()) > 1})
        self.attributions: list[tuple] = []  # pos, paragraph, name, id, gender, is_person, named

    def _in_quote(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.quoted)

    def _entity_persons(self, paragraphs: list[tuple[int, str]]) -> list[Person]:
        ents = self.entities
        genders: dict[str, str] = {}
        if ents.gender is not None:
            for eid, g in zip(ents.entity_id, ents.gender):
                if isinstance(g, str) and g in ("m", "f"):
                    genders[str(eid)] = g
        out = []
        for start, end, eid, name, etype in zip(ents.start, ents.end, ents.entity_id, ents.name, ents.entity_type):
            if not (isinstance(etype, str) and etype == "person"):
                continue
            start, end = int(start), int(end)
            eid = str(eid)
            if eid not in genders:
                before = self._raw_before(paragraphs, start)
                tok = before.split()[-1].rstrip(".").lower() if before.split() else ""
                if tok in P.GENDER_TITLES:
                    genders[eid] = P.GENDER_TITLES[tok]
            out.append((start, end, str(name), eid))
        return sorted(
            (Person(s, e, n, genders.get(i, ""), i) for s, e, n, i in out if not self._in_quote(s)),
            key=lambda p: p.start,
        )

    @staticmethod
    def _raw_before(paragraphs: list[tuple[int, str]], pos: int) -> str:
        for off, t in paragraphs:
            if off <= pos <= off + len(t):
                return t[max(0, pos - off - 6) : pos - off]
        return ""

    def _heuristic_persons(self, paragraphs: list[tuple[int, str]]) -> list[Person]:
        runs: list[tuple[int, int, str, str, bool]] = []  # start, end, name, gender, personal
        for off, t in paragraphs:
            ctx = Context(t, off, [(0, len(t))], -1)
            toks = ctx.tokens
            if _title_case(toks):
                continue
            k = 0
            while k < len(toks):
                if not nameish(ctx, k):
                    k += 1
                    continue
                b = run_right(ctx, k, len(toks))
                m, personal = _person_run(ctx, k, b)
                runs.append((off + m.start, off + m.end, m.name, m.gender, personal))
                k = b + 1
        by_token: dict[str, str] = {}
        for _, _, name, _, personal in runs:
            if personal and len(name.split()) > 1:
                for w in (name.split()[0], name.split()[-1]):
                    by_token.setdefault(w, name)
        gender: dict[str, str] = {}
        persons = []
        for start, end, name, g, personal in runs:
            canon = name if personal and len(name.split()) > 1 else by_token.get(name, name if personal else None)
            if canon is None:
                continue
            if g:
                gender.setdefault(canon, g)
            persons.append((start, end, canon))
        return [Person(s, e, n, gender.get(n, "")) for s, e, n in sorted(persons) if not self._in_quote(s)]

    def named(self, mention: Mention, raw_head: int, raw_start: int, raw_end: int) -> tuple[str, str, str, bool]:
        """Return (speaker, speaker_id, gender, is_person) for a name or noun phrase."""
        if self.entities is not None:
            hit = self._entity_at(raw_head, raw_end)
            if hit is not None:
                eid, name, etype = hit
                gender = next((p.gender for p in self.persons if p.entity_id == eid and p.gender), mention.gender)
                return name, eid, gender, etype == "person"
        if mention.kind == "name":
            full = self._expand(mention.name, raw_start)
            gender = mention.gender or next((p.gender for p in self.persons if p.name == full and p.gender), "")
            known = next((p for p in self.persons if p.name == full), None)
            eid = known.entity_id if known is not None else ""
            return full, eid, gender, known is not None or bool(mention.gender)
        words = mention.name.split(" ", 1)
        if words[0].lower() in P.DETERMINERS:  # "The declaration" opening a sentence → "the declaration"
            words[0] = words[0].lower()
        return " ".join(words), "", mention.gender, False

    def _entity_at(self, head: int, end: int) -> tuple[str, str, str] | None:
        ents = self.entities
        rows = list(zip(ents.start, ents.end, ents.entity_type, ents.entity_id, ents.name))
        hits = [r for r in rows if r[0] <= head and r[1] > head]
        if not hits:
            hits = [r for r in rows if r[0] < end and r[1] > head]
        if not hits:
            return None
        best = min(hits, key=lambda r: _ENTITY_ORDER.get(str(r[2]), 9))
        return str(best[3]), str(best[4]), str(best[2])

    def _expand(self, name: str, pos: int) -> str:
        if len(name.split()) > 1:
            return name
        options = [n for n in self.full_names if name in (n.split()[0], n.split()[-1])]
        if not options:
            return name
        before = [p for p in self.persons if p.name in options and p.start <= pos]
        if before:
            return before[-1].name
        return min(options, key=lambda n: next(p.start for p in self.persons if p.name == n))

    def person(self, pronoun: str, anchor: int, paragraph: int, *, exclude: str = "", prefer_recent: bool = True):
        """Return (speaker, speaker_id, gender) of the person a he/she stands for, or None."""
        want = P.PRONOUNS.get(pronoun, "")

        def agrees(g: str) -> bool:
            return not want or g in ("", want)

        if prefer_recent:
            recent = [a for a in reversed(self.attributions) if a[0] < anchor and a[2] != exclude and agrees(a[4])]
            for pos, par, name, eid, gender, is_person, named in recent:
                if par >= paragraph - 1 and is_person:
                    return name, eid, gender
            for pos, par, name, eid, gender, is_person, named in recent:  # "“A,” Peskov said. “B,” he added."
                if par == paragraph and named and not eid:
                    return name, eid, gender
        for p in reversed(self.persons):
            if p.start < anchor and agrees(p.gender) and p.name != exclude:
                return p.name, p.entity_id, p.gender
        return None

    def remember(self, f: Found, pos: int) -> None:
        """Note the speaker of quotation `f` (at raw offset `pos`) for later pronouns."""
        if f.speaker:
            named = f.mention is not None and f.mention.kind == "name"
            self.attributions.append((pos, f.ctx.paragraph, f.speaker, f.speaker_id, f.gender, f.is_person, named))


def resolve(f: Found, resolver: Resolver, *, outer: Found | None, previous: Found | None) -> None:
    """Fill f.speaker / speaker_id / gender / is_person from its mention.

    `outer` is the quotation `f` is nested in, `previous` the latest attributed top-level
    quotation before it (for "another").
    """
    m = f.mention
    if m is None:
        return
    off = f.ctx.offset
    if m.kind == "pronoun":
        if m.name in P.FIRST_PERSON and outer is not None:
            f.speaker, f.speaker_id = outer.speaker, outer.speaker_id
            f.gender, f.is_person = outer.gender, outer.is_person
            return
        if m.name in P.PERSONAL_PRONOUNS:
            if outer is not None:  # inside a quotation: someone the outer speaker talks about
                anchor, exclude = outer.ctx.offset + outer.span.outer_start, outer.speaker
            else:
                anchor, exclude = off + min(m.start, f.span.outer_start), ""
            hit = resolver.person(m.name, anchor, f.ctx.paragraph, exclude=exclude, prefer_recent=outer is None)
            if hit is not None:
                f.speaker, f.speaker_id, f.gender = hit
                f.is_person = True
            return
        if m.name in P.NONPERSONAL_PRONOUNS:
            lo, _ = f.ctx.sentence_of(m.start)
            subj = clause_subject(f.ctx, lo, m.start)
            if subj is not None and subj.kind != "pronoun":
                f.speaker, f.speaker_id, f.gender, f.is_person = resolver.named(
                    subj, off + subj.head, off + subj.start, off + subj.end
                )
        return
    if m.kind == "np" and m.name.lower() in P.ELLIPTIC:
        if previous is not None and previous.mention is not None and previous.mention.head_word:
            f.speaker = f"{m.name} {previous.mention.head_word}"
        else:
            f.speaker = m.name
        return
    f.speaker, f.speaker_id, f.gender, f.is_person = resolver.named(m, off + m.head, off + m.start, off + m.end)

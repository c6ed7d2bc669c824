"""Speakers resolved: entity links, full names, and the people pronouns stand for.

With the article's entity mentions, a speaker whose head word overlaps a mention takes
its canonical ``name`` and ``entity_id``, and persons are the ``person`` mentions.
Without them, persons are capitalised names with a title (Mr, Ms, President...) or a role
before them ("Chinese leader Xi Jinping"), or of two or more words none of which names a
place or institution, plus single words that repeat a word of such a name; titles are
stripped and a one-word name takes the article's full personal name that starts or ends
with it, the latest before it ("Gabuev" → "Alexander Gabuev"). Gender comes from the
``gender`` column or from Mr/Ms/Mrs.

he/she, in order: whichever comes later of the person who spoke the latest attributed
quotation of this or the previous paragraph and the person who is the subject of the latest
sentence of this or the previous paragraph ("Anton Kobyakov, an adviser to ..., told
reporters ... “...,” he said"); the name that spoke an earlier quotation of this paragraph,
person or not ("“A,” Peskov said. “B,” he added."); the latest person mentioned before
the quotation, outside quotations. Gender must agree where known. it: the subject of its
clause, else of the sentence before. they, and I/we outside quotations: left unresolved.
Inside a quotation, I/we are the outer speaker and he/she never the outer speaker.
"another" after "one report" is "another report", and nobody's after a headline.

A role phrase ("the Kremlin official", "the Chinese president", "the head of the MEA")
is the person the text last named with those words around the name ("Foreign Ministry
spokeswoman Maria Zakharova", "Chinese President Xi Jinping", "India's Minister of
External Affairs, ..."; an acronym matches the initials of a capitalised title), unless
the person the entity link names by office was named in the article before; else the
entity link; else a person named further on with two of its words in their title (a
lead's "the ministry spokeswoman", then "Foreign Ministry spokeswoman Maria Zakharova");
else the phrase as written, never an institution inside it ("the spokesman of the Uzbek
Ministry of Foreign Affairs"). A body named by a seat of power speaks under that name
("the Kremlin", not "Russia"). Phrases keep their words ("a senior Kazakh official"). A
quotation a stance word attributes (see ``attribution``) keeps its speaker only for a
person or a document.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace
from operator import attrgetter

import pandas as pd

from ..frames import Columns
from ..patterns import quotes as P
from .attribution import Found
from .context import Context, Token
from .lookup import first_of as _first, merged as _merged, running_max as _running_max
from .titles import TITLE_REACH as _TITLE_REACH
from .titles import acronym_in as _acronym_in, phrase_name as _phrase_name, role_word as _role_word
from .records import missing
from .speakers import Mention, clause_subject, name_mention, nameish, run_right, subject_of

_ENTITY_ORDER = {"person": 0, "organization": 1, "country": 2, "place": 3}


@dataclass(frozen=True, slots=True)
class Person:
    """A person mentioned in the article (raw offsets), outside quotations."""

    start: int
    end: int
    name: str
    gender: str
    entity_id: str = ""
    country: str = ""


@dataclass(slots=True)
class EntityMentions:
    """One article's entity mentions as plain column lists, in the table's row order."""

    start: list
    end: list
    entity_id: list
    entity_type: list
    name: list
    gender: list | None
    mention_kind: list | None = None
    country_id: list | None = None

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
        optional = {c: read[c] if c in read else None for c in ("gender", "mention_kind", "country_id")}
        groups: dict = {}
        for i, aid in enumerate(cols["article_id"]):
            if missing(aid):
                continue
            groups.setdefault(aid, []).append(i)
        out = {}
        for aid, idx in groups.items():
            pick = lambda c: [c[i] for i in idx] if c is not None else None  # noqa: E731
            out[str(aid)] = cls(pick(cols["start"]), pick(cols["end"]), pick(cols["entity_id"]),
                                pick(cols["entity_type"]), pick(cols["name"]), pick(optional["gender"]),
                                pick(optional["mention_kind"]), pick(optional["country_id"]))
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
        self.paragraphs = paragraphs
        self._quoted_runs = _merged(quoted)
        self._paragraph_starts = [off for off, _ in paragraphs]
        self._paragraph_reach = _running_max([off + len(t) for off, t in paragraphs])
        self._titles: dict[tuple[int, int], tuple[set[str], list[str]]] = {}
        #: Each paragraph's reporter's text (quotations masked), filled by the caller as it reads them.
        self.contexts: dict[int, Context] = {}
        self._subjects: dict[int, list[tuple[int, str, str, str]]] = {}
        self.entities = entities if entities is not None and len(entities) else None
        if self.entities is not None:
            self.persons = self._entity_persons(paragraphs)
        else:
            self.persons = self._heuristic_persons(paragraphs)
        self.full_names = sorted({p.name for p in self.persons if len(p.name.split()) > 1})
        #: The first person of each entity id and of each name, and the first gender given for each.
        self._gender_of_id: dict[str, str] = {}
        self._gender_of_name: dict[str, str] = {}
        self._person_named: dict[str, Person] = {}
        for p in self.persons:
            self._person_named.setdefault(p.name, p)
            if p.gender:
                self._gender_of_id.setdefault(p.entity_id, p.gender)
                self._gender_of_name.setdefault(p.name, p.gender)
        #: pos, paragraph, name, id, gender, is_person, named (True for a name, "role" for a role phrase)
        self.attributions: list[tuple] = []
        self._in_paragraph_order = True  # attributions remembered paragraph by paragraph

    def _in_quote(self, start: int) -> bool:
        runs = self._quoted_runs
        i = bisect.bisect_right(runs, start, key=_first) - 1
        return i >= 0 and start < runs[i][1]

    def _paragraph_at(self, pos: int) -> tuple[int, str] | None:
        """The first paragraph (raw offset, text) whose span [offset, offset + length] holds `pos`."""
        k = bisect.bisect_left(self._paragraph_reach, pos)
        last = bisect.bisect_right(self._paragraph_starts, pos)
        for off, t in self.paragraphs[k:last]:
            if off <= pos <= off + len(t):
                return off, t
        return None

    def _entity_persons(self, paragraphs: list[tuple[int, str]]) -> list[Person]:
        ents = self.entities
        genders: dict[str, str] = {}
        if ents.gender is not None:
            for eid, g in zip(ents.entity_id, ents.gender):
                if isinstance(g, str) and g in ("m", "f"):
                    genders[str(eid)] = g
        out = []
        countries = ents.country_id if ents.country_id is not None else [""] * len(ents)
        country_of: dict[str, str] = {}
        for start, end, eid, name, etype, country in zip(ents.start, ents.end, ents.entity_id, ents.name,
                                                         ents.entity_type, countries):
            if not (isinstance(etype, str) and etype == "person"):
                continue
            if isinstance(country, str) and country:
                country_of[str(eid)] = country
            start, end = int(start), int(end)
            eid = str(eid)
            if eid not in genders:
                before = self._raw_before(start)
                tok = before.split()[-1].rstrip(".").lower() if before.split() else ""
                if tok in P.GENDER_TITLES:
                    genders[eid] = P.GENDER_TITLES[tok]
            out.append((start, end, str(name), eid))
        return sorted(
            (Person(s, e, n, genders.get(i, ""), i, country_of.get(i, ""))
             for s, e, n, i in out if not self._in_quote(s)),
            key=lambda p: p.start,
        )

    def _raw_before(self, pos: int) -> str:
        found = self._paragraph_at(pos)
        if found is None:
            return ""
        off, t = found
        return t[max(0, pos - off - 6) : pos - off]

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
        if mention.kind == "np" and mention.head_word in P.PERSON_HEADS:
            role = self._role(mention, raw_head, raw_start, raw_end)
            if role is not None:
                return role
        if self.entities is not None:
            hit = self._entity_at(raw_head, raw_end)
            if hit is not None:
                eid, name, etype, kind = hit
                gender = self._gender_of_id.get(eid, mention.gender)
                if kind == "metonym" and etype != "person":  # "the Kremlin said": the body, not the state
                    return _phrase_name(mention.text), eid, "", False
                return name, eid, gender, etype == "person"
        if mention.kind == "name" and mention.text.isupper() and 2 <= len(mention.text) <= 5 and mention.text.isalpha():
            match = self._title_match(mention, raw_start, raw_end, [p for p in self.persons if p.end <= raw_start],
                                      acronym_only=True)
            if match is not None:  # "the EAM said": the External Affairs Minister named before
                return match.name, match.entity_id, match.gender, True
        if mention.kind == "name":
            full = self._expand(mention.name, raw_start)
            gender = mention.gender or self._gender_of_name.get(full, "")
            known = self._person_named.get(full)
            eid = known.entity_id if known is not None else ""
            return full, eid, gender, known is not None or bool(mention.gender)
        return _phrase_name(mention.name), "", mention.gender, False

    def _entity_at(self, head: int, end: int, *, head_only: bool = False) -> tuple[str, str, str, str] | None:
        """(entity_id, name, type, mention kind) of the entity mention at `head` (else in [head, end))."""
        rows, starts, order, longest = self._entity_rows
        # a mention holding a position starts at most `longest` characters before it
        lo = bisect.bisect_left(starts, head - longest)
        near = [rows[i] for i in sorted(order[lo:bisect.bisect_right(starts, head)])]
        hits = [r for r in near if r[0] <= head and r[1] > head]
        if not hits and not head_only:
            near = [rows[i] for i in sorted(order[lo:bisect.bisect_left(starts, end)])]
            hits = [r for r in near if r[0] < end and r[1] > head]
        if not hits:
            return None
        best = min(hits, key=lambda r: _ENTITY_ORDER.get(str(r[2]), 9))
        return str(best[3]), str(best[4]), str(best[2]), str(best[5]) if isinstance(best[5], str) else ""

    @functools.cached_property
    def _entity_rows(self) -> tuple[list[tuple], list, list[int], float]:
        """The mentions as (start, end, type, id, name, kind) rows in table order, their starts in
        ascending order with the rows' indices in that order, and the longest mention's length."""
        ents = self.entities
        kinds = ents.mention_kind if ents.mention_kind is not None else [""] * len(ents)
        rows = list(zip(ents.start, ents.end, ents.entity_type, ents.entity_id, ents.name, kinds))
        order = sorted((i for i, r in enumerate(rows) if r[0] == r[0] and r[1] == r[1]), key=lambda i: rows[i][0])
        longest = max((rows[i][1] - rows[i][0] for i in order), default=0)
        return rows, [rows[i][0] for i in order], order, max(longest, 0)

    def _role(self, mention: Mention, raw_head: int, raw_start: int, raw_end: int):
        """(speaker, id, gender, True) of the person a role phrase names, the phrase itself, or None.

        None leaves the phrase to the ordinary reading (an indefinite source: "a senior official").
        """
        first = mention.text.split()[0].lower()
        if first in P.DETERMINERS and first not in P.DEFINITE:
            return None
        linked = None
        if self.entities is not None:
            hit = self._entity_at(raw_head, raw_end, head_only=True)
            if hit is not None and hit[2] == "person":
                linked = hit
        earlier = [p for p in self.persons if p.end <= raw_start]
        if linked is not None and any(p.entity_id == linked[0] for p in earlier):
            return self._as_person(linked[0], linked[1])
        match = self._title_match(mention, raw_start, raw_end, earlier)
        if match is None and linked is None:  # a lead's "the ministry spokeswoman", named in full further on
            later = [p for p in self.persons if p.start >= raw_end]
            match = self._title_match(mention, raw_start, raw_end, later, least=2, first=True)
        if match is not None:
            return match.name, match.entity_id, match.gender, True
        if linked is not None:
            return self._as_person(linked[0], linked[1])
        return _phrase_name(mention.name), "", mention.gender, False

    def _as_person(self, eid: str, name: str) -> tuple[str, str, str, bool]:
        gender = self._gender_of_id.get(eid, "")
        return name, eid, gender, True

    def _title_match(self, mention: Mention, raw_start: int, raw_end: int, people: list[Person], *,
                     acronym_only: bool = False, least: int = 1, first: bool = False) -> Person | None:
        """The person of `people` with the most of the phrase's words in their title (at least
        `least`), the last of them (the first with `first`).

        The phrase's head counts through the titles it covers ("the diplomat": a foreign
        minister or an ambassador); a modifier counts as itself ("Kremlin", "Chinese"); an
        acronym counts where it gives the initials of a capitalised title ("the head of the
        MEA": "Minister of External Affairs"). With `acronym_only` (a bare "the EAM"), the
        acronym's last word must be a role ("External Affairs Minister").
        """
        text = mention.text
        words = [P.POSSESSIVE.sub("", w).strip(".,") for w in text.split()]
        acronyms = {w for w in words if len(w) >= 2 and w.isupper() and w.isalpha()}
        head = _role_word(mention.head_word)
        for phrase, role in P.ROLE_PHRASES.items():
            if phrase in text.lower():
                head = role
        covers = P.ROLE_COVERS.get(head, frozenset({head})) if not acronym_only else frozenset()
        low = {_role_word(w.lower()) for w in words if w} - P.DETERMINERS - P.TITLE_SMALL_WORDS
        low -= {head, mention.head_word}
        modifiers = low - set(P.ROLE_PHRASES.values()) - {w.lower() for w in acronyms} - {"head", "state", "government"}
        if not covers and not modifiers and not acronyms:
            return None
        countries = self._countries_in(raw_start, raw_end)
        if not acronyms:  # only a person with one of the words in their title can score
            holders = set().union(*(self._title_holders.get(w, ()) for w in modifiers | covers))
            people = [p for p in people if id(p) in holders]
        best, best_score = None, 0
        for p in people:
            around, runs = self._around(p)
            score = len(modifiers & around) + bool(covers & around)
            score += sum(_acronym_in(a, runs, role_last=acronym_only) for a in acronyms)
            if score and countries and p.country in countries:
                score += 1  # "the Chinese president": Xi, titled "President" alone, is Chinese
            if score >= least and (score > best_score or score == best_score and not first):
                best, best_score = p, score
        return best

    @functools.cached_property
    def _title_holders(self) -> dict[str, set[int]]:
        """Each word of a title (see _around) and the ids of the persons whose title holds it."""
        out: dict[str, set[int]] = {}
        for p in self.persons:
            for w in self._around(p)[0]:
                out.setdefault(w, set()).add(id(p))
        return out

    def _countries_in(self, raw_start: int, raw_end: int) -> set[str]:
        """The states whose mentions (demonyms, names) sit inside [raw_start, raw_end)."""
        if self.entities is None:
            return set()
        rows, starts, order, _ = self._entity_rows
        inside = order[bisect.bisect_left(starts, raw_start):bisect.bisect_right(starts, raw_end)]
        return {str(rows[i][3]) for i in inside if rows[i][2] == "country" and rows[i][1] <= raw_end}

    def _around(self, p: Person) -> tuple[set[str], list[str]]:
        """The words of a person's title (lower case) and its runs of capitalised words.

        The title is the run of capitalised and role words right before the name ("Kremlin
        aide", "the Minister of External Affairs of India,") and an appositive right
        after it (", the Kremlin aide,"). Read once per person.
        """
        key = (p.start, p.end)
        if key not in self._titles:
            self._titles[key] = self._read_around(p)
        return self._titles[key]

    def _read_around(self, p: Person) -> tuple[set[str], list[str]]:
        found = self._paragraph_at(p.start)
        if found is None:
            return set(), []
        off, text = found
        before = text[max(0, p.start - off - _TITLE_REACH) : p.start - off]
        after = text[p.end - off : p.end - off + _TITLE_REACH]
        title = P.TITLE_BEFORE_NAME.search(before)
        appositive = P.APPOSITIVE_AFTER_NAME.match(after)
        text = (title.group() if title else "") + " , " + (appositive.group(1) if appositive else "")
        words = P.TITLE_WORD.findall(text)
        return {_role_word(P.POSSESSIVE.sub("", w).lower()) for w in words}, P.CAPITAL_RUN.findall(text)

    def _expand(self, name: str, pos: int) -> str:
        if len(name.split()) > 1:
            return name
        options = [n for n in self.full_names if name in (n.split()[0], n.split()[-1])]
        if not options:
            return name
        before = [p for p in self.persons if p.name in options and p.start <= pos]
        if before:
            return before[-1].name
        return min(options, key=lambda n: self._person_named[n].start)

    def person(self, pronoun: str, anchor: int, paragraph: int, *, exclude: str = "", prefer_recent: bool = True):
        """Return (speaker, speaker_id, gender) of the person a he/she stands for, or None."""
        want = P.PRONOUNS.get(pronoun, "")

        def agrees(g: str) -> bool:
            return not want or g in ("", want)

        if prefer_recent:
            # only those of this paragraph, the one before and later ones are read below
            recent = [a for a in self._recent_attributions(paragraph - 1)
                      if a[0] < anchor and a[2] != exclude and agrees(a[4])]
            spoke = next((a for a in recent if a[1] >= paragraph - 1 and a[5]), None)
            subject = next((x for x in reversed(self.subjects(paragraph - 1) + self.subjects(paragraph))
                            if x[0] < anchor and x[1] != exclude and agrees(x[3])), None)
            if subject is not None and (spoke is None or subject[0] > spoke[0]):
                return subject[1], subject[2], subject[3]
            if spoke is not None:
                return spoke[2], spoke[3], spoke[4]
            for pos, par, name, eid, gender, is_person, named in recent:  # "“A,” Peskov said. “B,” he added."
                if par == paragraph and named and not eid:
                    return name, eid, gender
            for pos, par, name, eid, gender, is_person, named in recent:  # "the spokeswoman said ... she said"
                if par >= paragraph - 1 and named == "role":
                    return name, eid, gender
        persons = self.persons  # in order of their start
        for k in range(bisect.bisect_left(persons, anchor, key=attrgetter("start")) - 1, -1, -1):
            p = persons[k]
            if agrees(p.gender) and p.name != exclude:
                return p.name, p.entity_id, p.gender
        return None

    def _recent_attributions(self, paragraph: int):
        """The attributions of `paragraph` and later ones, latest first (all of them when remembered out of order)."""
        if not self._in_paragraph_order:
            yield from (a for a in reversed(self.attributions) if a[1] >= paragraph)
            return
        for a in reversed(self.attributions):
            if a[1] < paragraph:
                return
            yield a

    def subjects(self, paragraph: int) -> list[tuple[int, str, str, str]]:
        """(raw offset, name, entity_id, gender) of the persons who are sentence subjects in a paragraph."""
        if paragraph in self._subjects:
            return self._subjects[paragraph]
        ctx = self.contexts.get(paragraph)
        out = []
        if ctx is not None:
            for lo, hi in ctx.sentences:
                m = subject_of(ctx, lo, hi)
                if m is None or m.kind == "pronoun":
                    continue
                off = ctx.offset
                name, eid, gender, is_person = self.named(m, off + m.head, off + m.start, off + m.end)
                if is_person:
                    out.append((off + m.start, name, eid, gender))
        self._subjects[paragraph] = out
        return out

    def remember(self, f: Found, pos: int) -> None:
        """Note the speaker of quotation `f` (at raw offset `pos`) for later pronouns."""
        if f.speaker:
            m = f.mention
            named = m is not None and m.kind == "name" or (
                "role" if m is not None and m.kind == "np" and m.head_word in P.PERSON_HEADS else False)
            if self.attributions and f.ctx.paragraph < self.attributions[-1][1]:
                self._in_paragraph_order = False
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
            subj = _it_subject(f.ctx, m)
            if subj is not None:
                f.speaker, f.speaker_id, f.gender, f.is_person = resolver.named(
                    subj, off + subj.head, off + subj.start, off + subj.end
                )
                if _stance(f) and not (f.is_person or subj.head_word in P.DOCUMENT_HEADS):
                    _unattribute(f)
        elif _stance(f) and not f.is_person:
            _unattribute(f)
        return
    if m.kind == "np" and m.name.lower() in P.ELLIPTIC:
        if previous is not None and previous.nobody:
            f.nobody = True  # "declared another" after a headline
        elif previous is not None and previous.mention is not None and previous.mention.head_word:
            f.speaker = f"{m.name} {previous.mention.head_word}"
        else:
            f.speaker = m.name
        return
    f.speaker, f.speaker_id, f.gender, f.is_person = resolver.named(m, off + m.head, off + m.start, off + m.end)
    if _stance(f) and not (f.is_person or m.kind == "np" and m.head_word in P.DOCUMENT_HEADS):
        _unattribute(f)


def _stance(f: Found) -> bool:
    """True for a quotation attributed by a stance word, not a cue (see ``attribution``)."""
    return f.cue is not None and f.cue.kind == "stance"


def _unattribute(f: Found) -> None:
    """Take back a stance attribution that named neither a person nor a document."""
    f.cue = f.mention = None
    f.speaker = f.speaker_id = f.gender = ""
    f.is_person = False


def _it_subject(ctx: Context, m: Mention) -> Mention | None:
    """What "it" stands for: the subject of its clause, else the subject of the sentence before."""
    lo, _ = ctx.sentence_of(m.start)
    subj = subject_of(ctx, lo, m.start)
    if subj is not None and subj.kind != "pronoun":
        return subj
    earlier = [s for s in ctx.sentences if s[1] <= lo]
    if earlier:
        subj = subject_of(ctx, *earlier[-1])
        if subj is not None and subj.kind != "pronoun":
            return subj
    return None

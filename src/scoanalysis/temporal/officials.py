"""People the text names with a title of office ("Kyrgyz President Almazbek Atambayev"), and their terms.

A news text that calls someone "President X" or "Chinese leader X", without "former"
or "then", was written while X held an office: the terms of `offices.csv` bound its
publication date. Only full names and aliases of two words or more are looked up (a
bare surname may be several people).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..patterns import published as P
from ..text import fold

#: Days after the end of a term in which a text may still call its holder by the title.
TITLE_GRACE_DAYS = 14


@dataclass(frozen=True)
class Officials:
    """The people of the reference tables who held an office: a pattern of their names, their terms."""

    rx: re.Pattern | None
    by_name: dict[str, tuple[str, ...]]
    terms: dict[str, tuple[tuple[str, date, date | None], ...]]
    names: dict[str, str]

    def held(self, entity_id: str, day: date, offices: frozenset[str] | None = None) -> bool:
        """Return whether `entity_id` held one of `offices` (None: any) on `day`, a short grace after a term's end."""
        return any(a <= day and (b is None or day <= b + timedelta(days=TITLE_GRACE_DAYS))
                   for o, a, b in self.terms.get(entity_id, ()) if offices is None or o in offices)


#: No people, no offices: names nothing.
NO_OFFICIALS = Officials(None, {}, {}, {})


def officials_index(folder: str | Path | None = None) -> Officials:
    """Return the officials of the reference folder `folder` (default ``data/reference``), built once."""
    from .. import reference

    return _officials(str(reference._folder(folder)))


@functools.lru_cache(maxsize=8)
def _officials(folder: str) -> Officials:
    from .. import reference
    from ..exceptions import ReferenceDataError

    try:
        ref = reference.load_reference(folder)
    except ReferenceDataError:
        return NO_OFFICIALS
    terms: dict[str, list[tuple[str, date, date | None]]] = {}
    for o in ref.offices:
        if o.start is not None:
            terms.setdefault(o.entity_id, []).append((o.office, o.start, o.end))
    by_name: dict[str, list[str]] = {}
    for p in ref.people.values():
        if p.entity_id not in terms:
            continue
        for n in (p.name, *p.aliases):
            if len(n.split()) < 2:
                continue
            ids = by_name.setdefault(_key(n), [])
            if p.entity_id not in ids:
                ids.append(p.entity_id)
    names = sorted({n for p in ref.people.values() if p.entity_id in terms for n in (p.name, *p.aliases)
                    if len(n.split()) >= 2}, key=lambda n: (-len(n), n))
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(fold(n)).replace(r"\ ", r"\s+") for n in names)
                    + r")(?![\w-])") if names else None
    return Officials(rx, {k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in terms.items()},
                     {p.entity_id: p.name for p in ref.people.values()})


def _key(name: str) -> str:
    return " ".join(fold(name).lower().split())


def titled_people(folded: str, officials: Officials) -> list[tuple[int, int, str, frozenset[str] | None]]:
    """Return (start, end, entity_id, offices) of each person `folded` names after a title of office.

    "President Sooronbay Jeenbekov", "Chinese leader Jiang Zemin", "President of
    Turkmenistan Gurbanguly Berdimuhamedow"; not "former President ..." nor "the then prime minister ...".
    `offices` are those the title names (``TITLE_OFFICES``; None: any office). A name
    shared by several people is left out, and so is a title the person never held.
    """
    if officials.rx is None:
        return []
    out = []
    for m in officials.rx.finditer(folded):
        ids = officials.by_name.get(_key(m.group()), ())
        if len(ids) != 1:
            continue
        before = folded[max(0, m.start() - P.TITLE_WINDOW):m.start()]
        t = P.OFFICE_TITLE_BEFORE.search(before)
        if not t:
            continue
        if P.FORMER_TITLE.search(before[max(0, t.start() - 25):t.end()]) or P.FORMER_AFTER.match(folded[m.end():]):
            continue
        offices = P.TITLE_OFFICES.get(" ".join(t.group("t").lower().replace("-", " ").split()))
        if offices is not None and not any(o in offices for o, _, _ in officials.terms.get(ids[0], ())):
            offices = None  # a title the reference does not hold for the person ("Chinese PM Xi"): any office
        out.append((m.start(), m.end(), ids[0], offices))
    return out

"""What publication-date inference reads of each sentence besides its timexes: summit and city mentions, datelines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..patterns import temporal as P
from .calendar import valid
from .extract import candidates
from .mentions import Row
from .summit_index import Summits
from .tense import clause_of, clauses, tense_cues


@dataclass(slots=True)
class Sentence:
    """What the inference needs to know about one sentence besides its timexes."""

    sentence_id: int
    start: int
    text: str
    kind: str
    clauses: list[tuple[int, int]]
    folded: str
    sco: bool
    sco_clauses: set[int]
    cities: dict[str, list[tuple[int, bool, bool]]]
    countries: set[str]
    arrival: bool
    departure: bool
    relation: str
    city_clauses: dict[str, set[int]] | None = None  # the clauses of each city, computed on first use

    # the tense cues are read only for sentences about the summit: found on first use
    @property
    def has_future(self) -> bool:
        """Return whether the sentence has a future-tense cue ("will", "is to")."""
        return any(k.tense == "future" for k in tense_cues(self.folded)[1])

    @property
    def strong_past(self) -> bool:
        """Return whether the sentence has a strong past-tense cue other than a reporting verb ("said")."""
        return any(k.tense == "past" and k.strength == 2 and k.word not in P.REPORTING_VERBS
                   for k in tense_cues(self.folded)[1])


def city_clauses(s: Sentence) -> dict[str, set[int]]:
    """Return the clauses of `s` that name each host city (computed on first use, kept on `s`)."""
    if s.city_clauses is None:
        s.city_clauses = {city: {clause_of(s.clauses, pos) for pos, _, _ in hits} for city, hits in s.cities.items()}
    return s.city_clauses


def sentence_facts(row: Row, folded: str, summits: Summits) -> Sentence:
    """Return what the inference needs of one sentence: tense cues, summit and host-city mentions."""
    raw = row.text
    city_rx, name_to_city, country_rx = summits.city_rx, summits.name_to_city, summits.country_rx
    bounds = clauses(folded)
    masked = P.SCO_NAME.sub(lambda m: " " * len(m.group()), folded)
    anchors: list[int] = [m.start() for m in P.SCO_NAME.finditer(folded)]
    for m in P.SUMMIT_WORD.finditer(folded):
        before = raw[:m.start()]
        pm = P.OTHER_SUMMIT_PREFIX.search(before)
        if pm:
            tok = pm.group().split()[0].strip(".'")
            if tok not in P.SUMMIT_PREFIX_OK and " ".join(tok.lower().split()) not in name_to_city:
                continue
        anchors.append(m.start())
    sco = bool(anchors)
    sco_clauses = {clause_of(bounds, a) for a in anchors}
    cities: dict[str, list[tuple[int, bool, bool]]] = {}
    if city_rx is not None:
        for m in city_rx.finditer(masked):
            city = name_to_city.get(" ".join(m.group().lower().split()))
            if city is None:
                continue
            loc = bool(P.LOCATIVE_BEFORE.search(masked[max(0, m.start() - 60):m.start()]))
            named_summit = bool(P.CITY_SUMMIT_AFTER.match(masked[m.end():]))
            near = named_summit
            if loc and not near and anchors:
                words_between = min(len(P.ANY_WORD.findall(folded[min(a, m.start()):max(a, m.start())])) for a in anchors)
                near = words_between <= 12
            cities.setdefault(city, []).append((m.start(), loc or named_summit, near))
    countries = set(country_rx.findall(masked)) if country_rx is not None else set()
    relation = "before" if P.BEFORE_SUMMIT.search(folded) else "after" if P.AFTER_SUMMIT.search(folded) else ""
    return Sentence(
        sentence_id=int(row.sentence_id), start=int(row.start), text=raw, kind=row.kind, clauses=bounds,
        folded=folded, sco=sco, sco_clauses=sco_clauses, cities=cities,
        countries=countries, arrival=bool(P.ARRIVAL.search(folded)), departure=bool(P.DEPARTURE.search(folded)),
        relation=relation,
    )


def dateline(folded: str, raw: str) -> tuple[date | None, tuple[int, int] | None] | None:
    """Return (full date, None) or (None, (month, day)) when the sentence is a dateline."""
    m = P.WIRE_DATELINE.match(folded)
    if m and m.group("m"):
        mon = P.MONTHS.get(m.group("m").lower())
        day = int(m.group("d"))
        if mon:
            if m.group("y"):
                d = valid(int(m.group("y")), mon, day)
                return (d, None) if d else None
            return None, (mon, day)
    label = P.DATELINE_LABEL.match(folded)
    body_start = label.end() if label else 0
    if len(folded.split()) > 14:
        return None
    for c in candidates(folded, raw):
        if c.rule not in ("iso_date", "dotted_date", "slash_date", "month_day", "day_month") or len(c.parts) != 1:
            continue
        f = c.parts[0].f
        if f.get("y") is None:
            continue
        if folded[body_start:c.s].strip(" |,.-:•·") or not P.DATELINE_REST.match(folded[c.e:]):
            continue
        d = valid(f["y"], f["m"], f["d"])
        return (d, None) if d else None
    return None

"""What publication-date inference reads of each sentence besides its timexes: summit and city mentions."""

from __future__ import annotations

from dataclasses import dataclass

from ..patterns import published as PP
from ..patterns import temporal as P
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
    main_city: str | None = None  # the host city named nearest the SCO or the summit, where both are named
    background: bool = False  # opened by "Previously," and the like: it tells of an earlier summit
    progressive: bool = False  # "is attending", "is being held": something going on as the text is written
    edge: str = ""  # "opens" when the sentence says the summit opens, "closes" when it says it ends
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


def about(s: Sentence, city: str) -> bool:
    """Return whether sentence `s` may speak of the summit held in `city`.

    A sentence that places something in host cities ("in Ufa", "the Bishkek
    summit") speaks of the one named nearest the SCO or the word summit (of each, when
    it names neither); one that places nothing speaks of any summit when it names the
    SCO or a summit. A sentence in the background ("Previously, ...") speaks of none.
    """
    if s.background:
        return False
    if s.main_city is not None:
        return city == s.main_city
    placed = {c for c, hits in s.cities.items() if any(loc for _, loc, _ in hits)}
    if placed:
        return city in placed
    return s.sco


def sentence_facts(row: Row, folded: str, summits: Summits, *, dateline_city: tuple[int, int] | None = None) -> Sentence:
    """Return what the inference needs of one sentence: tense cues, summit and host-city mentions.

    `dateline_city` is the span (in the sentence) of the city of a dateline opening it:
    a host city there is where the story was filed, a place like "in Qingdao".
    """
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
    nearest: tuple[int, str] | None = None
    if city_rx is not None:
        for m in city_rx.finditer(masked):
            city = name_to_city.get(" ".join(m.group().lower().split()))
            if city is None:
                continue
            left = masked[max(0, m.start() - 60):m.start()]
            loc = bool(P.LOCATIVE_BEFORE.search(left) or PP.TRAVEL_FOR_BEFORE.search(left)) and not PP.SOURCE_BEFORE.search(left)
            if dateline_city is not None and dateline_city[0] <= m.start() < dateline_city[1]:
                loc = True
            named_summit = bool(P.CITY_SUMMIT_AFTER.match(masked[m.end():]) or PP.CITY_DOCUMENT_AFTER.match(masked[m.end():]))
            distance = None
            if anchors:
                distance = min(len(P.ANY_WORD.findall(folded[min(a, m.start()):max(a, m.start())])) for a in anchors)
                if (loc or named_summit) and (nearest is None or distance < nearest[0]):
                    nearest = (distance, city)
            cities.setdefault(city, []).append((m.start(), loc or named_summit, named_summit or (
                loc and distance is not None and distance <= 12)))
    if dateline_city is not None:
        city = name_to_city.get(" ".join(folded[dateline_city[0]:dateline_city[1]].lower().split()))
        if city is not None and not any(dateline_city[0] <= pos < dateline_city[1] for pos, _, _ in cities.get(city, ())):
            cities.setdefault(city, []).append((dateline_city[0], True, False))
    main_city = nearest[1] if nearest is not None else None
    if main_city is not None:
        # a place named far from the summit in a sentence that places the summit elsewhere is not the summit's
        cities = {c: [(pos, loc, near and c == main_city) for pos, loc, near in hits] for c, hits in cities.items()}
    countries = set(country_rx.findall(masked)) if country_rx is not None else set()
    relation = "before" if P.BEFORE_SUMMIT.search(folded) else "after" if P.AFTER_SUMMIT.search(folded) else ""
    return Sentence(
        sentence_id=int(row.sentence_id), start=int(row.start), text=raw, kind=row.kind, clauses=bounds,
        folded=folded, sco=sco, sco_clauses=sco_clauses, cities=cities,
        countries=countries, arrival=bool(P.ARRIVAL.search(folded)), departure=bool(P.DEPARTURE.search(folded)),
        relation=relation, main_city=main_city, background=bool(PP.BACKGROUND_OPENING.match(folded)),
        progressive=bool(PP.PRESENT_PROGRESSIVE.search(folded)),
        edge="opens" if PP.SUMMIT_OPENS.search(folded) else "closes" if PP.SUMMIT_CLOSES.search(folded) else "",
    )

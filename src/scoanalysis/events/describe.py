"""What a mention says of its event: its actors and places, a short description, its status.

* **Actors.** Persons, countries and organisations named in the clause that holds
  the trigger and its date, those before the trigger (the subjects) first; failing
  that the nearest one named before the clause; failing that, after a pronoun ("their
  troops"), those of the sentence before in the same paragraph. Names inside
  quotations are no actors. Places in the clause go to ``places``.
* **Description.** The clause of the trigger and its date, without the date phrase,
  its actor put in front when the clause does not name it, at most
  ``MAX_DESCRIPTION`` characters. A summit of the reference reads "SCO summit in <city>".
* **Status.** ``expected`` when the trigger's clause has future wording or its date
  is in the future tense, ``possible`` under could/may/might, else ``reported``.
"""

from __future__ import annotations

from ..patterns import events as P
from ..text import fold
from .clauses import clause
from .context import ArticleContext
from .records import Carry, DateUnit, TriggerHit

#: Entity types that can be actors.
ACTOR_TYPES = frozenset({"person", "country", "organization"})
#: Longest description, in characters.
MAX_DESCRIPTION = 100


def actors(folded: str, ents: list[dict], t: TriggerHit, a: int, b: int, *, carry: Carry | None,
           date_span: tuple[int, int] | None = None) -> tuple[list[str], list[str]]:
    """Return (actors, places) of the event whose trigger and date span [a, b) (entity_ids, in order)."""
    lo, hi = clause(folded, a, b)
    cands = [e for e in ents if not e["quoted"]]
    inside = [e for e in cands if lo <= e["start"] < hi]
    places = list(dict.fromkeys(e["entity_id"] for e in inside if e["entity_type"] == "place"))
    named = [e for e in inside if e["entity_type"] in ACTOR_TYPES]
    people_before = [e for e in cands if e["end"] <= lo and e["entity_type"] == "person"]
    before = [e for e in cands if e["end"] <= lo and e["entity_type"] in ACTOR_TYPES]
    after = [e for e in cands if e["start"] >= hi and e["entity_type"] in ACTOR_TYPES]
    text = folded[lo:hi]
    extra: list[dict] = []
    if lo == 0 and P.PARTICIPLE_START.match(text) and after:
        extra = [after[0]]  # "Meeting with Putin on the sidelines, Xi stuck to ...": Xi met Putin
    if named or extra:
        in_date = [e for e in named if date_span and date_span[0] <= e["start"] < date_span[1]]
        subjects = [e for e in named if e["start"] < t.start and e not in in_date]
        rest = [e for e in named if e["start"] >= t.start and e not in in_date] + in_date
        return list(dict.fromkeys(e["entity_id"] for e in extra + subjects + rest)), places
    if P.HE_SHE_START.match(text):
        if people_before:
            return [people_before[-1]["entity_id"]], places
        return list(carry.people[-1:] if carry else ()), places
    if P.PREPOSITION_START.match(text) and before:
        return [before[0]["entity_id"]], places
    if before:
        return [before[-1]["entity_id"]], places
    if carry is not None and P.PRONOUN.search(text):
        return list(dict.fromkeys(carry.actors)), places
    return [], places


def persons(actor_ids: list[str], ents: list[dict]) -> list[str]:
    """Return the actors who are people, in order."""
    people = {e["entity_id"] for e in ents if e["entity_type"] == "person"}
    return [a for a in actor_ids if a in people]


def summit_description(summit_ref: str, ctx: ArticleContext) -> str:
    """Return the description of a reference summit: "SCO summit in <city>"."""
    return f"SCO summit in {ctx.summits.city_names.get(summit_ref, summit_ref)}"


def describe(folded: str, raw: str, t: TriggerHit, a: int, b: int, cut: tuple[int, int] | None, ents: list[dict],
             actor_ids: list[str]) -> str:
    """Return a short description: the clause of the trigger and its date, without the date phrase.

    `raw` is the sentence as written, `folded` its folded text; [a, b) spans the
    trigger and its date, `cut` the date phrase to leave out (None: nothing).
    """
    lo, hi = clause(folded, t.start, t.end)
    if b > hi:
        hi = clause(folded, b - 1, b)[1]  # a date after the trigger's clause: describe up to it
    if t.noun:
        if t.start - lo > 40:
            m = P.NP_BEFORE.search(folded[max(lo, t.start - 60):t.start])
            if m:
                lo = max(lo, t.start - 60) + m.start()
        stop = P.NOUN_END.search(folded, t.end, hi)
        if stop:
            hi = max(stop.start(), cut[1] if cut and cut[0] < stop.start() else 0)
    if cut and lo <= cut[0] and cut[1] <= hi:
        pieces = [P.DATE_PREPOSITION.sub("", raw[lo:cut[0]]), raw[cut[1]:hi]]
    else:
        pieces = [raw[lo:hi]]
    text = " ".join(p.strip() for p in pieces if p.strip())
    text = P.SPACES.sub(" ", text)
    text = P.SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    stripped = P.LEADING.sub("", fold(text))
    text = text[len(text) - len(stripped):] if stripped else text
    text = P.DATE_PREPOSITION.sub("", text).strip(" ,;:.-\u2013\u2014")
    if t.noun and fold(text).lower().find(t.text.lower()) in range(0, 25):
        text = P.NOUN_LEAD.sub("", text)
    if lo > 0 and P.PAST_LEAD.match(text):
        head = P.HEAD_PHRASE.match(raw)
        if (head and len(head.group(1).split()) <= 5 and head.end() <= lo + 1
                and not any(e["start"] < head.end() for e in ents) and not (cut and cut[0] < head.end())):
            # "The bloc, founded in 2001" -> "The bloc founded"
            text = f"{head.group(1).strip()} {text[:1].lower() + text[1:]}"
    names = {e["entity_id"]: e["name"] for e in ents}
    people = {e["entity_id"] for e in ents if e["entity_type"] == "person"}
    person = next((names[x] for x in actor_ids if x in people), None)
    if person and P.HE_SHE_START.match(text):
        text = P.HE_SHE_START.sub(person, text)
    elif actor_ids and actor_ids[0] in names:
        named = any(lo <= e["start"] < hi and e["entity_id"] in actor_ids for e in ents)
        if not named:
            first = names[actor_ids[0]]
            rest = text[:1].lower() + text[1:] if not text[:2].isupper() else text
            joiner = " " if P.VERB_LEAD.match(rest) else ": "
            text = f"{first}{joiner}{rest}"
    if len(text) > MAX_DESCRIPTION:
        text = text[:MAX_DESCRIPTION].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"
    return text[:1].upper() + text[1:] if text else raw[t.start:t.end]


def status(folded: str, t: TriggerHit, u: DateUnit) -> str:
    """Return ``expected``, ``possible`` or ``reported`` for trigger `t` dated by `u`."""
    lo, _ = clause(folded, t.start, t.end)
    window = folded[max(0, lo - 30):t.end]
    if P.FUTURE.search(window) or u.tense == "future":
        return "expected"
    if P.MODAL.search(folded[lo:t.start]) or u.tense == "modal":
        return "possible"
    return "reported"

"""Clues to an article's publication date: tests on a candidate day, each with its weight and its words.

A clue reads the article's timexes resolved against the candidate day (``res``) and a
hypothesis (``Hyp``: a summit's days, or days after a dated event); ``check`` returns
True or False where the clue applies and None where it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ..patterns import published as PP
from ..patterns import temporal as P
from .facts import Sentence, about, city_clauses
from .mentions import Mention, Res
from .values import DAY_GRANS

#: Days around a summit in which an article about it is assumed to be published.
SUMMIT_MARGIN_DAYS = 7
#: Days before a summit on which a leader said to arrive for it may arrive.
ARRIVAL_DAYS_BEFORE = 2
#: Weight of a photo caption's date printed with its year: the photo was taken before publication.
CAPTION_DATED_WEIGHT = 3
#: Weight of a date told in the past ("signed on 9 July 2015", "in March 2019 ... agreed"): the text
#: cannot be older than what it tells as past.
PAST_BOUND_WEIGHT = 3
#: Days before and after a summit in which a weekday told in the past, in a text about it, falls.
STORY_DAYS = 3


@dataclass(slots=True)
class Hyp:
    """A hypothesis about when the article was published: a summit's days, or days after a dated event."""

    key: str
    days: list[date]
    summit: dict | None = None
    identity: int = 0
    identity_note: str = ""


@dataclass(slots=True)
class Clue:
    """One piece of textual evidence: a test on a candidate publication day."""

    kind: str
    weight: int
    sentence_id: int | None
    start: int | None
    end: int | None
    text: str
    check: Callable[[Hyp, date, list[Res]], bool | None]
    describe: Callable[[Hyp, date, list[Res]], str]
    day: date | None = None
    reads: int | None = None  # the mention whose resolution check and describe read, if any
    when: Callable[[Hyp], bool] | None = None  # where given and false for a hypothesis, check is None for it
    soft: bool = False  # a preference, not a contradiction when broken: never a date conflict


def article_clues(mentions: list[Mention], base: list[Res], sents: dict[int, Sentence], summits: list[dict]) -> list[Clue]:
    """Return the clues of one article.

    Read from its mentions, their resolutions without DCT (`base`), its sentence facts
    by sentence_id and the summits (``Summits.rows``). The page's stamps and the people
    it names with a title give their own clues (``clues_page``).
    """
    clues: list[Clue] = []
    for i, (m, r) in enumerate(zip(mentions, base)):
        s = sents.get(m.sentence_id)
        k = m.f.get("k")
        # explicit dates and years: bounds by tense
        if r.anchor == "absolute" and r.earliest is not None and r.gran in ("year", "month", "day", "season", "time"):
            if m.tense == "future" and m.local_tense:
                clues.append(_clue_bound(m, r, upper=True))
            elif m.tense == "past" or (r.gran not in DAY_GRANS and m.tense in ("none", "present")):
                clues.append(_clue_bound(m, r, upper=False))
            if k == "date" and m.f.get("wd") is not None and r.earliest.weekday() != m.f["wd"]:
                clues.append(_clue_weekday_abs(m, r))
        # captions: a photo is taken before it is published
        if m.caption and k in ("date", "weekday", "deictic"):
            clues.append(_clue_caption(i, m, dated=r.anchor == "absolute"))
        # yearless date with its weekday ("Friday, Sept. 16")
        if k == "date" and m.f.get("wd") is not None and m.f.get("y") is None:
            clues.append(_clue_weekday(i, m))
        if s is None:
            continue
        # day-level timexes in a sentence about the summit
        if k in ("date", "weekday", "deictic") and r.anchor != "absolute" and m.timex_type in ("DATE", "TIME"):
            clues.append(_clue_summit_day(i, m, s))
            if k in ("date", "weekday") and m.tense in ("none", "present") and not s.strong_past:
                clues.append(_clue_summit_ahead(i, m, s))
        if k == "rel_unit" and m.f["unit"] in ("week", "weekend", "month"):
            clues.append(_clue_summit_period(i, m, s))
        if k == "offset" and m.f["dir"] == "ago" and m.f["unit"] in ("year", "decade") and s.sco and s.cities:
            clues.append(_clue_summit_ago(i, m, s, summits))
    other_year = {m.sentence_id for m, r in zip(mentions, base) if _names_other_year(m, r)}
    for s in sents.values():
        if not (s.sco or s.cities):
            continue
        if s.sentence_id in other_year:
            continue
        if s.has_future:
            clues.append(_clue_summit_tense(s, future=True))
        elif s.strong_past and s.sco and not s.arrival and s.relation != "before":
            clues.append(_clue_summit_tense(s, future=False))
        elif s.progressive and s.sco and not s.relation:
            clues.append(_clue_summit_now(s))
    for i, (m, r) in enumerate(zip(mentions, base)):
        s = sents.get(m.sentence_id)
        if m.f.get("k") in ("weekday", "deictic") and m.tense == "past" and r.anchor != "absolute" and (
                s is None or not (s.sco or s.cities)):
            clues.append(_clue_summit_story(i, m))
        if m.f.get("k") == "weekday" and m.tense == "past" and s is not None and not m.f.get("rel") and \
                PP.ATTRIBUTION_BEFORE.search(s.folded[:m.start - s.start]):
            clues.append(_clue_attribution_day(m))
    dated = [r.earliest for r in base if r.anchor == "absolute" and r.gran in DAY_GRANS and r.earliest]
    first_day = min(dated, default=None)
    if first_day is not None:
        for i, (m, r) in enumerate(zip(mentions, base)):
            if m.f.get("k") in ("weekday", "deictic") and m.tense in ("past", "none", "present"):
                clues.append(_clue_story(i, m, first_day))
    return clues


def _clue_bound(m: Mention, r: Res, *, upper: bool) -> Clue:
    day = r.latest if upper else r.earliest
    if upper:
        check = lambda h, d, res: d <= day  # noqa: E731
        word = "on or before"
    else:
        check = lambda h, d, res: d >= day  # noqa: E731
        word = "on or after"
    weight = PAST_BOUND_WEIGHT if not upper and m.tense == "past" else 1
    return Clue("explicit_" + ("upper" if upper else "lower"), weight, m.sentence_id, m.start, m.end, m.text, check,
                lambda h, d, res: f"'{m.text}' ({m.tense}) → published {word} {day}", day)


def _clue_story(i: int, m: Mention, first_day: date) -> Clue:
    """A weekday told in the past in a story that opens with a dated event falls on or after that event."""
    def check(h, d, res):
        r = res[i]
        if h.summit is not None or r.earliest is None:
            return None
        return r.earliest >= first_day
    return Clue("story", 1, m.sentence_id, m.start, m.end, m.text, check,
                lambda h, d, res: f"'{m.text}' ({m.tense}) = {res[i].value}, on or after the story's first date "
                                  f"{first_day}", reads=i, when=lambda h: h.summit is None)


def _clue_summit_ahead(i: int, m: Mention, s: Sentence) -> Clue:
    """ "The summit opens on Thursday", "Modi flies to Qingdao for the summit on Saturday": not yet begun."""
    def check(h, d, res):
        r = res[i]
        if h.summit is None or r.earliest is None or not about(s, h.summit["city"]):
            return None
        if not h.summit["start"] <= r.earliest <= h.summit["end"]:
            return None
        return d <= r.earliest
    return Clue("summit_ahead", 1, m.sentence_id, m.start, m.end, m.text, check,
                lambda h, d, res: f"'{m.text}' ({m.tense}) = {res[i].value}, a summit day still ahead "
                                  f"→ published on or before it", reads=i,
                when=lambda h: h.summit is not None and about(s, h.summit["city"]))


def _clue_attribution_day(m: Mention) -> Clue:
    """ "the ministry said Tuesday" in news about a summit: a wire report comes out on the day of what it reports."""
    wd = m.f["wd"]
    names = list(P.WEEKDAYS)
    return Clue("attribution_day", 1, m.sentence_id, m.start, m.end, m.text,
                lambda h, d, res: None if h.summit is None else d.weekday() == wd,
                lambda h, d, res: f"'... {m.text}' said on the day reported → a {names[wd].title()}",
                when=lambda h: h.summit is not None, soft=True)


def _clue_summit_story(i: int, m: Mention) -> Clue:
    """A weekday told in the past, in a text about a summit, names a day of the summit's days or close to them."""
    def check(h, d, res):
        r = res[i]
        if h.summit is None or r.earliest is None:
            return None
        return (h.summit["start"] - timedelta(days=STORY_DAYS) <= r.earliest
                <= h.summit["end"] + timedelta(days=STORY_DAYS))

    def describe(h, d, res):
        ok = check(h, d, res)
        near = "near" if ok else "not near"
        return f"'{m.text}' ({m.tense}) = {res[i].value}, {near} the summit's days"
    return Clue("summit_story", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                when=lambda h: h.summit is not None, soft=True)


def _clue_weekday_abs(m: Mention, r: Res) -> Clue:
    names = list(P.WEEKDAYS)
    return Clue("weekday", 2, m.sentence_id, m.start, m.end, m.text, lambda h, d, res: False,
                lambda h, d, res: f"'{m.text}': {r.earliest} is a {names[r.earliest.weekday()].title()}, "
                                  f"not a {names[m.f['wd']].title()}")


def _clue_caption(i: int, m: Mention, *, dated: bool) -> Clue:
    """A photo is taken before it is published: a caption's date with its year bounds the date firmly."""
    def check(h, d, res):
        r = res[i]
        return None if r.earliest is None else r.earliest <= d
    return Clue("caption", CAPTION_DATED_WEIGHT if dated else 1, m.sentence_id, m.start, m.end, m.text, check,
                lambda h, d, res: f"photo caption '{m.text}' = {res[i].value} → published on or after it",
                reads=i)


def _clue_weekday(i: int, m: Mention) -> Clue:
    names = list(P.WEEKDAYS)

    def check(h, d, res):
        r = res[i]
        return None if r.earliest is None else r.earliest.weekday() == m.f["wd"]
    return Clue("weekday", 2, m.sentence_id, m.start, m.end, m.text, check,
                lambda h, d, res: f"'{m.text}' → {res[i].value}, a {names[res[i].earliest.weekday()].title()}"
                if res[i].earliest else f"'{m.text}'", reads=i)


def _clue_summit_day(i: int, m: Mention, s: Sentence) -> Clue:
    def window(h: Hyp) -> tuple[date, date] | None:
        if h.summit is None or not about(s, h.summit["city"]):
            return None
        st, en = h.summit["start"], h.summit["end"]
        if s.relation == "before":
            return st - timedelta(days=SUMMIT_MARGIN_DAYS), st
        if s.relation == "after":
            return en, en + timedelta(days=SUMMIT_MARGIN_DAYS)
        if s.edge == "opens" and not s.arrival:
            return st, st
        if s.edge == "closes" and not s.departure:
            return en, en
        lo = st - timedelta(days=ARRIVAL_DAYS_BEFORE if s.arrival else 0)
        hi = en + timedelta(days=1 if s.departure else 0)
        return lo, hi

    def check(h, d, res):
        w = window(h)
        r = res[i]
        if w is None or r.earliest is None:
            return None
        return w[0] <= r.earliest <= w[1]

    def describe(h, d, res):
        rel = {"before": "before", "after": "after"}.get(s.relation, {"opens": "on the first day of",
                                                                      "closes": "on the last day of"}.get(s.edge, "during"))
        if check(h, d, res) is False:
            sm = h.summit
            return (f"'{m.text}' ({m.tense}) = {res[i].value}, not {rel} summit {sm['summit_id']} "
                    f"({sm['start']}..{sm['end']})")
        return f"'{m.text}' ({m.tense}) = {res[i].value}, {rel} the summit"
    return Clue("summit_day", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                when=lambda h: h.summit is not None and about(s, h.summit["city"]))


def _clue_summit_period(i: int, m: Mention, s: Sentence) -> Clue:
    def applies(h: Hyp) -> bool:
        city = h.summit["city"]
        return about(s, city) and (m.clause in s.sco_clauses or m.clause in city_clauses(s).get(city, set()))

    def check(h, d, res):
        if h.summit is None or not applies(h):
            return None
        r = res[i]
        if r.earliest is None:
            return None
        return r.earliest <= h.summit["end"] and r.latest >= h.summit["start"]

    def describe(h, d, res):
        if check(h, d, res) is False:
            sm = h.summit
            return f"'{m.text}' = {res[i].value}, which misses summit {sm['summit_id']} ({sm['start']}..{sm['end']})"
        return f"'{m.text}' = {res[i].value}, which takes in the summit"
    return Clue("summit_period", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                when=lambda h: h.summit is not None and applies(h))


def _clue_summit_ago(i: int, m: Mention, s: Sentence, summits: list[dict]) -> Clue:
    """"Astana, which hosted the summit seven years ago": the city held another summit then."""
    def earlier(h: Hyp, res: list[Res]) -> list[dict]:
        r = res[i]
        lo, hi = r.earliest or r.latest, r.latest or r.earliest
        return [o for o in summits if o["city"] == h.summit["city"] and o is not h.summit
                and lo.year - 1 <= o["start"].year <= hi.year + 1]

    def check(h, d, res):
        if h.summit is None or h.summit["city"] not in s.cities or res[i].earliest is None and res[i].latest is None:
            return None
        return bool(earlier(h, res))

    def describe(h, d, res):
        found = earlier(h, res)
        if found:
            return f"'{m.text}' = {res[i].value}: {h.summit['city']} hosted summit {found[0]['summit_id']} then"
        return f"'{m.text}' = {res[i].value}: no summit in {h.summit['city']} then"
    return Clue("summit_ago", 1, m.sentence_id, m.start, m.end, m.text, check, describe, reads=i,
                when=lambda h: h.summit is not None and h.summit["city"] in s.cities)


def _clue_summit_tense(s: Sentence, *, future: bool) -> Clue:
    snippet = s.text if len(s.text) <= 60 else s.text[:57] + "..."

    def check(h, d, res):
        if h.summit is None or not about(s, h.summit["city"]):
            return None
        return d <= h.summit["end"] if future else d >= h.summit["start"]

    def describe(h, d, res):
        sm = h.summit
        if future:
            return f"future tense about summit {sm['summit_id']} ('{snippet}') → published on or before {sm['end']}"
        return f"past tense about summit {sm['summit_id']} ('{snippet}') → published on or after {sm['start']}"
    kind = "summit_future" if future else "summit_past"
    return Clue(kind, 1, s.sentence_id, s.start, s.start + len(s.text), s.text, check, describe,
                when=lambda h: h.summit is not None and about(s, h.summit["city"]))


def _clue_summit_now(s: Sentence) -> Clue:
    """ "Leaders are meeting in Ufa", "X is attending the summit": published during the summit."""
    snippet = s.text if len(s.text) <= 60 else s.text[:57] + "..."

    def check(h, d, res):
        if h.summit is None or not about(s, h.summit["city"]):
            return None
        return h.summit["start"] <= d <= h.summit["end"]
    return Clue("summit_now", 1, s.sentence_id, s.start, s.start + len(s.text), s.text, check,
                lambda h, d, res: f"present progressive about summit {h.summit['summit_id']} ('{snippet}') "
                                  f"→ published during it",
                when=lambda h: h.summit is not None and about(s, h.summit["city"]))


def _names_other_year(m: Mention, r: Res) -> bool:
    """Return whether a timex names a year other than the DCT's ("in 2017", "last year")."""
    if r.anchor == "absolute" and r.gran in ("year", "month", "decade"):
        return True
    return m.f.get("k") == "rel_unit" and m.f["unit"] == "year" and m.f["off"] != 0

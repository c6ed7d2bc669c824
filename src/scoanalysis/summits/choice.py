"""The points each summit collects from an article's text, and the choice among them (see the package docstring)."""

from __future__ import annotations

import functools
import math
import os
from collections import defaultdict
from datetime import date
from typing import NamedTuple

import pandas as pd

from .. import reference
from ..patterns import summits as P
from ..text import fold
from . import dating as D
from . import reading as C

#: Evidence weights; a summit needs MIN_SCORE points to be assigned.
WEIGHTS = {
    "city": 3.0, "lead_city": 1.5, "summit_in_city": 3.0, "dateline": 1.5, "host_country": 1.5,
    "host_country_at_summit": 3.0, "month_day": 4.0, "year_at_summit": 3.0, "year": 1.5,
    "year_consistent": 1.5, "later_year": -6.0, "since_year": -4.0, "since_same_year": -2.0,
    "near_published": 4.0, "other_summit": -5.0,
}
#: Share of its points a clue found only in captions gives.
CAPTION_SHARE = 0.5
MIN_SCORE = 3.0
#: Points by which the best summit must beat the next one; closer calls are left unassigned.
MIN_MARGIN = 0.5
_FUTURE_YEAR_SLACK = 1
#: Days between publication and a summit within which the date counts as a clue.
_NEAR_DAYS = 60
#: Lines at the top of an article in which a dateline may stand.
_DATELINE_LINES = 8


class _Row(NamedTuple):
    """The columns of one summit the scoring reads."""

    summit_id: str
    city: str
    city_aliases: tuple
    country: str
    start: date
    end: date
    year: int
    ordinal: int | None
    format: str


def summit_evidence(text: str, *, summits: pd.DataFrame | None = None, published: pd.Timestamp | None = None,
                    reference_dir: str | os.PathLike | None = None, captions: str = "") -> pd.DataFrame:
    """Return one row per summit with the points the article `text` gives it.

    Parameters
    ----------
    text : the article's text (non-boilerplate text and headline), one sentence or more a line.
    summits : the summits table; default the reference summits of `reference_dir`.
    published : the publication date, if known.
    reference_dir : folder of reference CSVs (default data/reference).
    captions : the article's photo captions, one a line; they count less and cannot decide alone.

    Returns
    -------
    pandas.DataFrame
        Columns: summit_id, score, evidence (``;``-joined clues such as
        ``in Samarkand x3``), sorted by score, best first.
    """
    ref = reference.load_reference(reference_dir)
    sents = _read(fold(text), fold(captions or ""), _published(published))
    table = _evidence(sents, _rows(summits, reference_dir), _published(published), ref)
    return pd.DataFrame([row[:3] for row in table], columns=["summit_id", "score", "evidence"])


def _published(published) -> pd.Timestamp | None:
    return None if published is None or pd.isna(published) else pd.Timestamp(published)


def _rows(summits: pd.DataFrame | None, reference_dir) -> list[_Row]:
    """The summits the scoring reads: of `summits`, else of the reference."""
    if summits is not None:
        return _summit_rows(summits)
    return _reference_rows(str(reference_dir) if reference_dir else None)


def _summit_rows(summits: pd.DataFrame) -> list[_Row]:
    """One _Row per summit of the summits table (ordinal and format may be absent)."""
    n = len(summits)
    ordinals = summits["ordinal"].tolist() if "ordinal" in summits else [None] * n
    formats = summits["format"].tolist() if "format" in summits else [""] * n
    out = []
    for sid, city, aliases, country, start, end, year, ordinal, form in zip(
            *(summits[c].tolist() for c in ("summit_id", "city", "city_aliases", "country", "start", "end", "year")),
            ordinals, formats):
        start = pd.Timestamp(start).date()
        end = start if end is None or pd.isna(end) else pd.Timestamp(end).date()
        ordinal = None if ordinal is None or pd.isna(ordinal) else int(ordinal)
        out.append(_Row(str(sid), str(city), tuple(aliases) if isinstance(aliases, (list, tuple)) else (),
                        str(country), start, end, int(year), ordinal, form if isinstance(form, str) else ""))
    return out


@functools.lru_cache(maxsize=4)
def _reference_rows(reference_dir: str | None) -> list[_Row]:
    """``_summit_rows`` of the reference summits in `reference_dir` (default data/reference)."""
    return _summit_rows(reference.summits(folder=reference_dir))


def _read(folded: str, folded_captions: str, published: pd.Timestamp | None) -> list[C.Sentence]:
    """The article's sentences, then its captions'; with a publication date, a sentence naming the summit
    with only earlier (later) years than the publication's speaks of an earlier (later) meeting."""
    sents = C.read(folded) + C.read(folded_captions, caption=True)
    if published is None:
        return sents
    out = []
    for s in sents:
        years = [y for y, k in C.years_of(s.text) if k == "year"]
        if s.current and s.summit_kinds and years:
            if max(years) < published.year:
                s = s.moved(past=True)
            elif min(years) > published.year:
                s = s.moved(past=False)
        out.append(s)
    return out


# --- the points --------------------------------------------------------------------------------------

class _Tally:
    """Points and clues per summit."""

    def __init__(self):
        self.points: dict[str, float] = defaultdict(float)
        self.clues: dict[str, list[str]] = defaultdict(list)
        self.against: dict[str, list[str]] = defaultdict(list)

    def add(self, summit_id: str, points: float, clue: str) -> None:
        self.points[summit_id] += points
        self.clues[summit_id].append(clue)
        if points < 0:
            self.against[summit_id].append(clue)


def _evidence(sents: list[C.Sentence], rows: list[_Row], published, ref) -> list[tuple]:
    """(summit_id, score, evidence, the clues against it) per summit, best first (ties in table order)."""
    tally = _Tally()
    sents = _mark_earlier(sents, rows)
    support = [s for s in sents if s.current and not s.about_other_meeting]
    _places(support, rows, ref, tally)
    _dateline(sents, rows, tally)
    _dates_and_years(sents, support, rows, tally)
    _other_summits(sents, rows, tally)
    for table in (C.ordinal_points(sents, rows), C.virtual_points(sents, rows), D.office_points(sents, rows, ref)):
        for sid, (points, clue) in table.items():
            tally.add(sid, points, clue)
    for sid, items in D.membership_points(sents, rows, ref).items():
        for points, clue in items:
            tally.add(sid, points, clue)
    if published is not None:
        day = published.date()
        for r in rows:
            gap = max((r.start - day).days, (day - r.end).days, 0)
            if gap <= _NEAR_DAYS:
                tally.add(r.summit_id, WEIGHTS["near_published"] * (1 - gap / (_NEAR_DAYS + 1)),
                          f"published {gap} days from the summit")
    out = [(r.summit_id, round(tally.points[r.summit_id], 3), ";".join(tally.clues[r.summit_id]),
            ";".join(tally.against[r.summit_id])) for r in rows]
    out.sort(key=lambda t: t[1], reverse=True)  # stable: ties keep the table's order
    return out


def _city_hits(sents: list[C.Sentence], names: tuple[str, ...]) -> tuple[list[C.Sentence], list[C.Sentence]]:
    """The sentences using one of a city's `names` as a place (once per use), and those placing a summit there."""
    places, summit_in = [], []
    for s in sents:
        low = s.text.lower()
        for n in names:
            if n and n.lower() in low:
                places.extend([s] * len(P.city_as_place(n).findall(s.text)))
                if s.summit_kinds and P.summit_in_city(n).search(s.text) and s not in summit_in:
                    summit_in.append(s)
    return places, summit_in


def _places(support: list[C.Sentence], rows: list[_Row], ref, tally: _Tally) -> None:
    """City, capital and host-country points for each summit."""
    countries = _countries(ref)
    cache: dict[tuple, tuple] = {}
    hosts: dict[str, list] = {}  # country -> the sentences naming it as the host
    for r in rows:
        names = (r.city, *r.city_aliases)
        if names not in cache:
            places, summit_in = _city_hits(support, names)
            names_, demonyms, capital = countries.get(r.country, ((r.country,), (), ""))
            if capital and capital.lower() in {n.lower() for n in names}:
                rx = P.capital_of(names_, demonyms)
                placed = {id(s) for s in places}
                places += [s for s in support if id(s) not in placed and "capital" in s.text.lower()
                           for _ in rx.finditer(s.text)]
            cache[names] = (places, summit_in)
        places, summit_in = cache[names]
        weight = sum(CAPTION_SHARE if s.caption else 1.0 for s in places)
        if weight:
            tally.add(r.summit_id, WEIGHTS["city"] * (1 + math.log(max(weight, 1.0))) * min(weight, 1.0),
                      f"in {r.city} x{len(places)}")
            if any(s.lead for s in places):
                tally.add(r.summit_id, WEIGHTS["lead_city"], f"{r.city} in the lead")
        if summit_in:
            share = 1.0 if any(not s.caption for s in summit_in) else CAPTION_SHARE
            tally.add(r.summit_id, WEIGHTS["summit_in_city"] * share, f"summit in {r.city}")
        elif any(s.summit_kinds and not s.caption for s in places):
            tally.add(r.summit_id, WEIGHTS["summit_in_city"] / 2, f"{r.city} with the summit")
        if r.country not in hosts:
            names_, demonyms, _ = countries.get(r.country, ((r.country,), (), ""))
            host, words = P.country_as_host(names_, demonyms), [w.lower() for w in (*names_, *demonyms) if w]
            hosts[r.country] = [s for s in support if not s.caption and any(w in s.text.lower() for w in words)
                                and host.search(s.text)]
        hits = hosts[r.country]
        if hits:
            at_summit = any(s.summit_kinds for s in hits)
            tally.add(r.summit_id, WEIGHTS["host_country_at_summit" if at_summit else "host_country"],
                      f"host country {r.country}")


def _dateline(sents: list[C.Sentence], rows: list[_Row], tally: _Tally) -> None:
    """Points for the summits in the city of the article's dateline ("ASTANA, Kazakhstan --")."""
    top = "\n".join(s.text for s in sents[:_DATELINE_LINES] if not s.caption)
    cities = {m.group("city").lower() for m in P.DATELINE.finditer(top)}
    for r in rows:
        if cities & {n.lower() for n in (r.city, *r.city_aliases) if n}:
            tally.add(r.summit_id, WEIGHTS["dateline"], f"dateline {r.city}")


def _dates_and_years(sents: list[C.Sentence], support: list[C.Sentence], rows: list[_Row], tally: _Tally) -> None:
    """Points for day-and-month phrases on a summit's days and for years that fit it (or do not)."""
    month_days: dict[tuple[int, int], float] = {}
    at_summit, named = set(), set()
    for s in support:
        share = CAPTION_SHARE if s.caption else 1.0
        for m in P.MONTH_DAY.finditer(s.text):
            month = P.MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
            day = int(m.group("day") or m.group("day2"))
            if 1 <= day <= 31:
                month_days[(month, day)] = max(month_days.get((month, day), 0.0), share)
        if s.caption:
            continue
        for y, kind in C.years_of(s.text):
            if kind == "year":
                (at_summit if s.summit_kinds else named).add(y)
    at_summit |= C.anniversary_years(support)
    years, floor = C.bound_years(sents)
    horizon = max((r.year for r in rows), default=0) + _FUTURE_YEAR_SLACK + 1  # later years are plans ("2030")
    latest = max((y for y in years if y <= horizon), default=None)
    for r in rows:
        hits = [share for md, share in month_days.items() if md in _summit_days(r.start, r.end)]
        if hits:
            tally.add(r.summit_id, WEIGHTS["month_day"] * max(hits), "date on the summit's days")
        if r.year in at_summit:
            tally.add(r.summit_id, WEIGHTS["year_at_summit"], f"year {r.year} at the summit")
        elif r.year in named:
            tally.add(r.summit_id, WEIGHTS["year"], f"year {r.year}")
        if latest is not None and latest > r.year + _FUTURE_YEAR_SLACK:
            tally.add(r.summit_id, WEIGHTS["later_year"], f"mentions {latest}, after the summit")
        elif latest is not None and r.year not in years and latest <= r.year and tally.points[r.summit_id] > 0:
            # the latest year the text names is consistent; nearer years fit better
            tally.add(r.summit_id, WEIGHTS["year_consistent"] / (1 + (r.year - latest)), f"latest year named {latest}")
        if floor is not None and r.year <= floor:
            tally.add(r.summit_id, WEIGHTS["since_year" if r.year < floor else "since_same_year"],
                      f"the story is after {floor}")


def _candidates(text: str, rows: list[_Row]) -> list[_Row]:
    """The summits `text` may speak of: those of its years (and cities), else those of its cities."""
    years = {y for y, k in C.years_of(text) if k == "year"}
    summit, low = bool(P.SUMMIT_WORD.search(text)), text.lower()
    in_city = [r for r in rows if any(n and n.lower() in low and (
        P.city_as_place(n).search(text) or (summit and P.summit_in_city(n).search(text))) for n in (r.city, *r.city_aliases))]
    if years:
        return [r for r in rows if r.year in years and (not in_city or r in in_city)]
    return in_city


def _identify(text: str, rows: list[_Row]) -> _Row | None:
    """The one summit `text` identifies: by year (and city), or by a city that hosted one summit only."""
    found = _candidates(text, rows)
    return found[0] if len(found) == 1 else None


def _mark_earlier(sents: list[C.Sentence], rows: list[_Row]) -> list[C.Sentence]:
    """The sentences, with one naming a dated summit earlier than the text's own moved to the past.

    The text's own summit is one of those a sentence reports in one city, not as still to
    come, and the latest of them counts: "The SCO summit in Tianjin opened on Sunday. At the SCO
    summit in Astana in July 2024, Belarus joined": the Astana sentence speaks of an
    earlier summit.
    """
    found = [(i, _candidates(s.text, rows)) for i, s in enumerate(sents)
             if s.current and not s.caption and s.summit_kinds and not s.about_other_meeting]
    reported = [max(r.start for r in c) for i, c in found
                if c and len({r.city for r in c}) == 1 and not P.FUTURE.search(sents[i].text)]
    if not reported:
        return sents
    latest = max(reported)
    out = list(sents)
    for i, c in found:
        if len(c) == 1 and c[0].start < latest and any(k == "year" for _, k in C.years_of(sents[i].text)):
            out[i] = sents[i].moved(past=True)
    return out


def _misnumbered(sents: list[C.Sentence], rows: list[_Row]) -> str | None:
    """Why a numbered meeting placed in a city is no summit: no summit there had that number.

    "the 17th SCO Summit in Dushanbe": the summits in Dushanbe were the 8th, 14th and 21st
    (the one after the number counts, for outlets that skip 2001), so this is another
    council's meeting.
    """
    for s in sents:
        if s.caption or not s.current:
            continue
        numbers = C.ordinals(s.text)
        places = [r for r in rows if numbers and any(P.summit_in_city(n).search(s.text) or P.city_as_place(n).search(s.text)
                                                     for n in (r.city, *r.city_aliases) if n)]
        if numbers and places and not any(r.ordinal in (n, n + 1) for r in places for n in numbers):
            return (f"a meeting numbered {numbers[0]} in {places[0].city}, where no summit had that number: "
                    "another council's meeting")
    return None


def _other_summits(sents: list[C.Sentence], rows: list[_Row], tally: _Tally) -> None:
    """Points off the summits at or before one the text calls earlier, or at or after one it calls later.

    The summit spoken of is the one its clause identifies (`_identify`).
    """
    done: set[tuple[str, bool]] = set()
    for s in sents:
        if s.caption:
            continue
        for past, text in ((True, s.past_text), (False, s.later_text)):
            other = _identify(text, rows) if text.strip() and not P.OTHER_ORG.search(text) else None
            if other is None or (other.summit_id, past) in done:
                continue
            done.add((other.summit_id, past))
            for r in rows:
                if (past and r.start <= other.start) or (not past and r.start >= other.start):
                    tally.add(r.summit_id, WEIGHTS["other_summit"],
                              f"{'after' if past else 'before'} {other.summit_id}, which it mentions")


@functools.lru_cache(maxsize=1024)
def _summit_days(start, end) -> frozenset:
    """The (month, day) pairs from `start` to `end`."""
    return frozenset((x.month, x.day) for x in pd.date_range(start, end, freq="D"))


# --- the choice ----------------------------------------------------------------------------------------

def assign_summit(text: str, *, summits: pd.DataFrame | None = None, published: pd.Timestamp | None = None,
                  reference_dir: str | os.PathLike | None = None, captions: str = "") -> tuple[str | None, float, str]:
    """Return (summit_id, score in [0, 1], evidence) for one article's text.

    Parameters
    ----------
    text : the article's text (non-boilerplate text and headline), one sentence or more a line.
    summits : the summits table; default the reference summits of `reference_dir` (read once).
    published : the publication date, if known.
    reference_dir : folder of reference CSVs (default data/reference).
    captions : the article's photo captions, one a line; they count less and cannot decide alone.

    Returns
    -------
    tuple
        (summit_id, score, evidence). The summit is None, with score 0 and the reason as
        evidence, when the article does not name the SCO outside its captions, speaks of no
        meeting of its leaders, is about another kind of meeting (reading.meeting_verdict),
        when no summit collects MIN_SCORE points, or when two summits score within MIN_MARGIN of
        each other. The score is the best summit's share of the points, damped when the
        evidence is thin.
    """
    return _assign(text, _rows(summits, reference_dir), published, captions=captions, reference_dir=reference_dir)




def _assign(text: str, rows: list[_Row], published, *, captions: str = "",
            reference_dir=None) -> tuple[str | None, float, str]:
    """``assign_summit`` against the summits `rows`."""
    folded, folded_captions = fold(text), fold(captions or "")
    if not P.SCO.search(folded):
        if P.SCO.search(folded_captions):
            return None, 0.0, "names the SCO only in photo captions"
        return None, 0.0, "does not name the SCO"
    published = _published(published)
    sents = _read(folded, folded_captions, published)
    verdict = C.meeting_verdict(sents) or _misnumbered(sents, rows)
    if verdict:
        return None, 0.0, verdict
    if not P.SUMMIT_WORD.search(folded):
        return None, 0.0, "speaks of no meeting of SCO leaders"
    table = _evidence(sents, rows, published, reference.load_reference(reference_dir))
    best_id, best_score, best_evidence, _ = table[0]
    if best_score < MIN_SCORE:
        return None, 0.0, f"no summit reaches {MIN_SCORE} points (best {best_id} {best_score}: {best_evidence})"
    runner = max(float(table[1][1]), 0.0) if len(table) > 1 else 0.0
    if best_score - runner < MIN_MARGIN:
        tied = [row[0] for row in table if row[1] >= best_score - MIN_MARGIN]
        return None, 0.0, f"ambiguous between {', '.join(tied)} ({best_evidence})"
    margin = best_score / (best_score + runner)
    strength = 1 - math.exp(-best_score / 6)
    runner_up = ""
    if len(table) > 1:
        runner_up = f"; next {table[1][0]} {table[1][1]}" + (f", against it: {table[1][3]}" if table[1][3] else "")
    return str(best_id), round(float(margin * strength), 3), f"{best_evidence} ({best_score} points{runner_up})"


def assign(articles: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the summit of every article in `articles`.

    Parameters
    ----------
    articles : article_id, text and optionally published and captions. Not modified.
    summits : the summits table; default the reference summits.

    Returns
    -------
    pandas.DataFrame
        Columns: article_id, summit_id (None when none fits), summit_score, summit_evidence
        (as ``assign_summit`` gives them).
    """
    table = _rows(summits, None)
    rows = []
    for row in articles.itertuples(index=False):
        published = getattr(row, "published", None)
        captions = getattr(row, "captions", "")
        sid, score, evidence = _assign(row.text, table, published, captions=captions if isinstance(captions, str) else "")
        rows.append((row.article_id, sid, score, evidence))
    return pd.DataFrame(rows, columns=["article_id", "summit_id", "summit_score", "summit_evidence"])


@functools.lru_cache(maxsize=4)
def _countries(ref) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], str]]:
    """Each country name -> (its names, its demonyms, its capital), from the reference."""
    return {c.name: ((c.name, *c.aliases), tuple(c.demonyms), c.capital) for c in ref.countries.values()}

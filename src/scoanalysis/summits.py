"""Which SCO summit each article is about, scored from the evidence in its text.

The score of a summit adds up clues found in the article's non-boilerplate text
(and its headline and captions): the host city (or its other names), the host
country, day-and-month phrases that fall on the summit's days, years that fit the
summit's year, and, when the publication date is known, how close it is to the
summit. A city counts only where the text uses it as a place ("arrived in
Samarkand", "the Astana summit"), not where a capital stands for its government
("Beijing and Moscow agreed"). Years the text mentions bound the summit from below: an article that
speaks of 2022 in the past is not about the 2017 summit. An article that never
names the SCO or a summit gets no summit.
"""

from __future__ import annotations

import bisect
import functools
import math
import os
from collections import Counter

import pandas as pd

from . import reference
from .exceptions import ScoanalysisError
from .patterns import summits as P
from .text import fold

#: Evidence weights; a summit needs MIN_SCORE points to be assigned.
WEIGHTS = {
    "city": 3.0, "summit_in_city": 3.0, "country": 1.0, "month_day": 4.0, "year": 3.0,
    "year_consistent": 1.5, "later_year": -6.0, "near_published": 4.0,
}
MIN_SCORE = 3.0
#: Points by which the best summit must beat the next one; closer calls are left unassigned.
MIN_MARGIN = 0.5
_FUTURE_YEAR_SLACK = 1


def summit_evidence(text: str, *, summits: pd.DataFrame | None = None, published: pd.Timestamp | None = None,
                    reference_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return one row per summit with the points the article `text` gives it.

    Parameters
    ----------
    text : the article's text (non-boilerplate text, headline and captions).
    summits : the summits table; default the reference summits of `reference_dir`.
    published : the publication date, if known.
    reference_dir : folder of reference CSVs (default data/reference), read when `summits` is None.

    Returns
    -------
    pandas.DataFrame
        Columns: summit_id, score, evidence (``;``-joined clues such as
        ``in Samarkand x3``), sorted by score, best first.
    """
    return pd.DataFrame(_evidence(fold(text), _rows(summits, reference_dir), published),
                        columns=["summit_id", "score", "evidence"])


def _rows(summits: pd.DataFrame | None, reference_dir) -> list[tuple]:
    """The summits the scoring reads, one tuple per summit: of `summits`, else of the reference."""
    if summits is not None:
        return _summit_rows(summits)
    return _reference_rows(str(reference_dir) if reference_dir else None)


def _summit_rows(summits: pd.DataFrame) -> list[tuple]:
    """The columns of the summits table ``_evidence`` reads, as one tuple per summit."""
    return list(zip(*(summits[c].tolist() for c in ("summit_id", "city", "city_aliases", "country", "start", "end", "year"))))


@functools.lru_cache(maxsize=4)
def _reference_rows(reference_dir: str | None) -> list[tuple]:
    """``_summit_rows`` of the reference summits in `reference_dir` (default data/reference)."""
    return _summit_rows(reference.summits(folder=reference_dir))


def _evidence(folded: str, summits: list[tuple], published) -> list[tuple]:
    """(summit_id, score, evidence) per summit for the folded text, best first (ties in table order).

    `summits` is the summits table's ``_summit_rows``.
    """
    lower = folded.lower()
    years = Counter(int(m.group()) for m in P.YEAR.finditer(folded))
    month_days = []
    for m in P.MONTH_DAY.finditer(folded):
        month = P.MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        if 1 <= day <= 31:
            month_days.append((month, day))
    max_year = max(years) if years else None
    demonyms = _demonyms()
    places: dict[str, int] = {}  # per name: how often the text uses it as a place
    summit_in: dict[str, bool] = {}
    layout = _Layout(folded)
    words: dict[str, int] = {}
    known = published is not None and not pd.isna(published)
    published = pd.Timestamp(published) if known else None
    rows = []
    for summit_id, city, city_aliases, country, start, end, year in summits:
        score, clues = 0.0, []
        names = [n for n in (city, *city_aliases) if n and n.lower() in lower]  # cheap filter first
        n_city = 0
        for n in names:
            if n not in places:
                places[n] = layout.count_places(n)
            n_city += places[n]
        if n_city:
            score += WEIGHTS["city"] * (1 + math.log(n_city))
            clues.append(f"in {city} x{n_city}")
        for n in names:
            if n not in summit_in:
                summit_in[n] = layout.summit_in(n)
            if summit_in[n]:
                score += WEIGHTS["summit_in_city"]
                clues.append(f"summit in {city}")
                break
        country_words = [str(country).lower(), *demonyms.get(str(country), [])]
        for w in country_words:
            if w not in words:
                words[w] = _count_word(lower, w)
            if words[w]:
                score += WEIGHTS["country"]
                clues.append(f"country:{country}")
                break
        days = _summit_days(start, end) if month_days else frozenset()
        hits = [(m, d) for m, d in month_days if (m, d) in days]
        if hits:
            score += WEIGHTS["month_day"]
            clues.append(f"date:{hits[0][0]:02d}-{hits[0][1]:02d}")
        if year in years:
            score += WEIGHTS["year"]
            clues.append(f"year:{year}")
        if max_year is not None and max_year > year + _FUTURE_YEAR_SLACK:
            score += WEIGHTS["later_year"]
            clues.append(f"mentions {max_year}, after the summit")
        elif max_year is not None and n_city and year not in years and max_year <= year:
            # the latest year the text names is consistent; nearer years fit better
            score += WEIGHTS["year_consistent"] / (1 + (year - max_year))
            clues.append(f"latest year named {max_year}")
        if known:
            gap = abs((published - pd.Timestamp(start)).days)
            if gap <= 60:
                score += WEIGHTS["near_published"] * (1 - gap / 61)
                clues.append(f"published {gap} days from opening")
        rows.append((summit_id, round(score, 3), ";".join(clues)))
    rows.sort(key=lambda r: r[1], reverse=True)  # stable: ties keep the table's order
    return rows


class _Layout:
    """Where a folded text may hold a city pattern's match, so that only those stretches are searched.

    Every match of ``city_as_place`` holds the city name and, around it, only word characters
    and white space up to it (the locative phrase) or after it ("Astana summit"); every match
    of ``summit_in_city`` holds the name and no ``.`` or ``;`` before it. So each match lies in
    a window around an occurrence of the name bounded by characters that are not word
    characters (or the text's ends), and searching the merged windows finds exactly the
    matches a search of the whole text finds.
    """

    def __init__(self, folded: str):
        self.text = folded
        self._breaks: list[int] | None = None
        self._stops: list[int] | None = None

    @property
    def breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in P.NOT_WORD_OR_SPACE.finditer(self.text)]
        return self._breaks

    @property
    def stops(self) -> list[int]:
        if self._stops is None:
            self._stops = [m.start() for m in P.SENTENCE_STOP.finditer(self.text)]
        return self._stops

    def _occurrences(self, name: str) -> list[tuple[int, int]]:
        """Every (start, end) where the name matches, overlapping ones included."""
        rx, out, pos = P.city_name(name), [], 0
        while True:
            m = rx.search(self.text, pos)
            if m is None:
                return out
            out.append(m.span())
            pos = m.start() + 1

    @staticmethod
    def _after(positions: list[int], i: int) -> int:
        """Just past the last position before `i`, or 0."""
        k = bisect.bisect_left(positions, i)
        return positions[k - 1] + 1 if k else 0

    def _before(self, positions: list[int], i: int) -> int:
        """The first position at or after `i`, or the text's end."""
        k = bisect.bisect_left(positions, i)
        return positions[k] if k < len(positions) else len(self.text)

    def _windows(self, name: str, starts: list[int]) -> list[tuple[int, int]]:
        merged: list[list[int]] = []
        for s, e in self._occurrences(name):
            lo, hi = self._after(starts, s), self._before(self.breaks, e)
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        return [(lo, hi) for lo, hi in merged]

    def count_places(self, name: str) -> int:
        """len(P.city_as_place(name).findall(text))."""
        pattern = P.city_as_place(name)
        return sum(len(pattern.findall(self.text, lo, hi)) for lo, hi in self._windows(name, self.breaks))

    def summit_in(self, name: str) -> bool:
        """bool(P.summit_in_city(name).search(text)): the text speaks of a summit in the city."""
        pattern = P.summit_in_city(name)
        return any(pattern.search(self.text, lo, hi) for lo, hi in self._windows(name, self.stops))


@functools.lru_cache(maxsize=1024)
def _summit_days(start, end) -> frozenset:
    """The (month, day) pairs from `start` to `end`."""
    return frozenset((x.month, x.day) for x in pd.date_range(start, end, freq="D"))


def assign_summit(text: str, *, summits: pd.DataFrame | None = None, published: pd.Timestamp | None = None,
                  reference_dir: str | os.PathLike | None = None) -> tuple[str | None, float, str]:
    """Return (summit_id, score in [0, 1], evidence) for one article's text.

    Parameters
    ----------
    text : the article's text (non-boilerplate text, headline and captions).
    summits : the summits table; default the reference summits of `reference_dir` (read once).
    published : the publication date, if known.
    reference_dir : folder of reference CSVs (default data/reference), read when `summits` is None.

    Returns
    -------
    tuple
        (summit_id, score, evidence). The summit is None when the article does not name
        the SCO or speaks of no meeting of its leaders, when no summit collects MIN_SCORE
        points, or when two summits score within MIN_MARGIN of each other (a city that
        hosted several, and nothing to tell them apart); the evidence then says which.
        The score is the best summit's share of the points, damped when the evidence is thin.
    """
    return _assign(text, _rows(summits, reference_dir), published)




def _assign(text: str, summits: list[tuple], published) -> tuple[str | None, float, str]:
    """``assign_summit`` against the summits table's ``_summit_rows``."""
    folded = fold(text)
    if not P.SCO.search(folded):
        return None, 0.0, "does not name the SCO"
    if not P.SUMMIT_WORD.search(folded):
        return None, 0.0, "speaks of no meeting of SCO leaders"
    table = _evidence(folded, summits, published)
    best_id, best_score, best_evidence = table[0]
    if best_score < MIN_SCORE:
        return None, 0.0, f"no summit reaches {MIN_SCORE} points (best {best_id} {best_score})"
    runner = max(float(table[1][1]), 0.0) if len(table) > 1 else 0.0
    if best_score - runner < MIN_MARGIN:
        tied = [sid for sid, score, _ in table if score >= best_score - MIN_MARGIN]
        return None, 0.0, f"ambiguous between {', '.join(tied)} ({best_evidence})"
    margin = best_score / (best_score + runner)
    strength = 1 - math.exp(-best_score / 6)
    return str(best_id), round(float(margin * strength), 3), str(best_evidence)


def assign(articles: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the summit of every article in `articles`.

    Parameters
    ----------
    articles : article_id, text and optionally published. Not modified.
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
        sid, score, evidence = _assign(row.text, table, published)
        rows.append((row.article_id, sid, score, evidence))
    return pd.DataFrame(rows, columns=["article_id", "summit_id", "summit_score", "summit_evidence"])


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, list[str]]:
    """Return each country name's demonyms in lower case ("Uzbekistan" -> ["uzbek", "uzbekistani"])."""
    try:
        table = reference.load("countries")
    except ScoanalysisError:
        return {}
    return {row.name: [d.lower() for d in row.demonyms] for row in table.itertuples(index=False)}


def _count_word(haystack: str, needle: str) -> int:
    if not needle:
        return 0
    count, i = 0, haystack.find(needle)
    while i >= 0:
        before = haystack[i - 1] if i > 0 else " "
        after = haystack[i + len(needle)] if i + len(needle) < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            count += 1
        i = haystack.find(needle, i + 1)
    return count

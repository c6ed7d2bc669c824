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

import functools
import math
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


def summit_evidence(text: str, *, summits: pd.DataFrame, published: pd.Timestamp | None = None) -> pd.DataFrame:
    """Return one row per summit with the points the article `text` gives it.

    Columns: summit_id, score, evidence (``;``-joined clues such as
    ``city:Samarkand x3``), sorted by score, best first.
    """
    folded = fold(text)
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
    rows = []
    for s in summits.itertuples(index=False):
        score, clues = 0.0, []
        names = [n for n in (s.city, *s.city_aliases) if n and n.lower() in lower]  # cheap filter first
        n_city = sum(len(P.city_as_place(n).findall(folded)) for n in names)
        if n_city:
            score += WEIGHTS["city"] * (1 + math.log(n_city))
            clues.append(f"in {s.city} x{n_city}")
        if any(_summit_in(folded, n) for n in names):
            score += WEIGHTS["summit_in_city"]
            clues.append(f"summit in {s.city}")
        country_words = [str(s.country).lower(), *demonyms.get(str(s.country), [])]
        if any(_count_word(lower, w) for w in country_words):
            score += WEIGHTS["country"]
            clues.append(f"country:{s.country}")
        days = {(x.month, x.day) for x in pd.date_range(s.start, s.end, freq="D")} if month_days else set()
        hits = [(m, d) for m, d in month_days if (m, d) in days]
        if hits:
            score += WEIGHTS["month_day"]
            clues.append(f"date:{hits[0][0]:02d}-{hits[0][1]:02d}")
        if s.year in years:
            score += WEIGHTS["year"]
            clues.append(f"year:{s.year}")
        if max_year is not None and max_year > s.year + _FUTURE_YEAR_SLACK:
            score += WEIGHTS["later_year"]
            clues.append(f"mentions {max_year}, after the summit")
        elif max_year is not None and n_city and s.year not in years and max_year <= s.year:
            # the latest year the text names is consistent; nearer years fit better
            score += WEIGHTS["year_consistent"] / (1 + (s.year - max_year))
            clues.append(f"latest year named {max_year}")
        if published is not None and not pd.isna(published):
            gap = abs((pd.Timestamp(published) - pd.Timestamp(s.start)).days)
            if gap <= 60:
                score += WEIGHTS["near_published"] * (1 - gap / 61)
                clues.append(f"published {gap} days from opening")
        rows.append((s.summit_id, round(score, 3), ";".join(clues)))
    return pd.DataFrame(rows, columns=["summit_id", "score", "evidence"]).sort_values(
        "score", ascending=False, kind="stable"
    ).reset_index(drop=True)


def assign_summit(text: str, *, summits: pd.DataFrame, published: pd.Timestamp | None = None) -> tuple[str | None, float, str]:
    """Return (summit_id, score in [0, 1], evidence) for one article's text.

    The summit is None when the article does not name the SCO or speaks of no
    meeting of its leaders,
    when no summit collects MIN_SCORE points, or when two summits score within
    MIN_MARGIN of each other (a city that hosted several, and nothing to tell them apart). The score is the best summit's share
    of the points, damped when the evidence is thin.
    """
    folded = fold(text)
    if not P.SCO.search(folded):
        return None, 0.0, "does not name the SCO"
    if not P.SUMMIT_WORD.search(folded):
        return None, 0.0, "speaks of no meeting of SCO leaders"
    table = summit_evidence(text, summits=summits, published=published)
    best = table.iloc[0]
    if best["score"] < MIN_SCORE:
        return None, 0.0, f"no summit reaches {MIN_SCORE} points (best {best['summit_id']} {best['score']})"
    runner = max(float(table.iloc[1]["score"]), 0.0) if len(table) > 1 else 0.0
    if best["score"] - runner < MIN_MARGIN:
        tied = table.loc[table["score"] >= best["score"] - MIN_MARGIN, "summit_id"].tolist()
        return None, 0.0, f"ambiguous between {', '.join(tied)} ({best['evidence']})"
    margin = best["score"] / (best["score"] + runner)
    strength = 1 - math.exp(-best["score"] / 6)
    return str(best["summit_id"]), round(float(margin * strength), 3), str(best["evidence"])


def assign(articles: pd.DataFrame, *, summits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the summit of every article in `articles` (columns article_id, text, optional published).

    Columns: article_id, summit_id (empty when none fits), summit_score, summit_evidence.
    """
    table = reference.summits() if summits is None else summits
    rows = []
    for row in articles.itertuples(index=False):
        published = getattr(row, "published", None)
        sid, score, evidence = assign_summit(row.text, summits=table, published=published)
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


def _summit_in(folded: str, city: str) -> bool:
    """Return True when the text speaks of a summit in `city` ("summit in Astana", "the Astana summit")."""
    return bool(P.summit_in_city(city).search(folded))


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

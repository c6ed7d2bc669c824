"""What an article brings to its sentences' events: its summit, its date, and the reference summits.

``SummitIndex`` holds what the readers look up of the summits table: each summit's
days, a pattern for its city's names, the city a description names, the opening day
relative_days counts from. The reference table's index is built once per folder.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import reference
from ..text import fold


@dataclass(frozen=True, slots=True)
class SummitIndex:
    """The summits table as the event readers look it up, keyed by summit_id in table order."""

    spans: dict[str, tuple[date, date]]
    cities: dict[str, re.Pattern]  # on folded text; only summits with a city name
    city_names: dict[str, object]  # the city of each summit's first row
    starts: dict[str, pd.Timestamp]

    @classmethod
    def of(cls, summit_table: pd.DataFrame) -> SummitIndex:
        """Return the index of a summits table (summit_id, start, end, city, city_aliases where present)."""
        spans, cities = {}, {}
        for r in summit_table.itertuples(index=False):
            a, b = pd.Timestamp(r.start), pd.Timestamp(r.end) if not pd.isna(r.end) else pd.Timestamp(r.start)
            spans[r.summit_id] = (a.date(), b.date())
            names = [r.city] + list(getattr(r, "city_aliases", []) or [])
            names = [n for n in names if isinstance(n, str) and n]
            if names:
                alternatives = "|".join(re.escape(fold(n)) for n in sorted(names, key=len, reverse=True))
                cities[r.summit_id] = re.compile(rf"\b(?:{alternatives})\b")
        city_names: dict[str, object] = {}
        for sid, city in zip(summit_table["summit_id"].tolist(), summit_table["city"].tolist()):
            city_names.setdefault(sid, city)
        starts = {sid: pd.Timestamp(a) for sid, (a, _) in spans.items()}
        return cls(spans=spans, cities=cities, city_names=city_names, starts=starts)


@functools.lru_cache(maxsize=4)
def reference_summit_index(reference_dir: str | None) -> SummitIndex:
    """Return the index of the reference summits in `reference_dir` (None: data/reference)."""
    return SummitIndex.of(reference.summits(folder=reference_dir))


#: An article's summit_id ("" when it has none) and publication date (None when unknown).
ArticleMeta = tuple[str, "pd.Timestamp | None"]


def article_meta(summit_id, published) -> ArticleMeta:
    """Return what the readers use of one article's row: its summit_id or "", its date or None."""
    pub = None if published is None or pd.isna(published) else pd.Timestamp(published)
    return (summit_id if isinstance(summit_id, str) and summit_id else "", pub)


def articles_meta(articles: pd.DataFrame) -> dict[str, ArticleMeta]:
    """Return `article_meta` of every row of an articles table (article_id; summit_id, published where present)."""
    n = len(articles)
    cols = articles.columns
    records = zip(articles["article_id"].tolist(),
                  articles["summit_id"].tolist() if "summit_id" in cols else [None] * n,
                  articles["published"].tolist() if "published" in cols else [None] * n)
    return {str(aid): article_meta(sid, pub) for aid, sid, pub in records}


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What one article brings to its sentences: its id, its summit, its date, the summits' index."""

    article_id: str
    summit_id: str
    published: pd.Timestamp | None
    summits: SummitIndex

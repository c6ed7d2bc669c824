"""The notebooks' parameters checked in their first cell: a summit the reference does not know, or one without articles.

`check_summit` and `check_summits` raise the package's ParameterError with the
summits that have articles in the tables, before any heading or table is shown.
A known summit that no article is about raises SummitWithoutArticles, a
ParameterError whose message is the one sentence the report shows instead of its
empty sections (report.render keeps the page up to that cell).
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import reference, summaries
from ..exceptions import ParameterError


class SummitWithoutArticles(ParameterError):
    """A summit the reference knows, but that no article in the tables is about."""


def summits_with_articles(tables: summaries.Summaries, *, table: str = "summary_articles") -> list[str]:
    """Return the ids of the summits that have articles in `tables` (by `table`'s summit_id), in reference order."""
    present = set(tables[table]["summit_id"].dropna())
    return [s for s in reference.summit_ids() if s in present]


def check_summit(tables: summaries.Summaries, summit_id: str) -> None:
    """Raise ParameterError for a `summit_id` the reference does not know, SummitWithoutArticles for one without articles.

    Both messages list the summits that have articles in `tables`.
    """
    have = summits_with_articles(tables)
    if summit_id not in reference.summit_ids():
        raise ParameterError(f"unknown summit_id {summit_id!r}; {_choices(tables, have)}.")
    if summit_id not in have:
        raise SummitWithoutArticles(f"No article in these tables is about the summit {summit_id}; {_choices(tables, have)}.")


def check_summits(tables: summaries.Summaries, summit_ids: Iterable[str]) -> None:
    """Raise ParameterError naming the first of `summit_ids` the reference does not know, with the summits that have articles.

    The summits with articles are found from the articles table, read only then.
    """
    known = set(reference.summit_ids())
    unknown = [s for s in summit_ids if s not in known]
    if unknown:
        have = summits_with_articles(tables, table="articles")
        raise ParameterError(f"unknown summit_id {unknown[0]!r}; {_choices(tables, have)}.")


def _choices(tables: summaries.Summaries, have: list[str]) -> str:
    where = f" in {tables.folder}" if tables.folder is not None else ""
    if not have:
        return f"no summit has articles{where}; build the tables with `scoanalysis build` first"
    return f"summits with articles{where}: {', '.join(have)}"

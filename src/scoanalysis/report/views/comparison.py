"""Views comparing summits and outlets: coverage, quotations, themes, distinctive words and tone.

Each function takes the summaries (summaries.load_summaries) first and returns a new
DataFrame or a Markdown string. The framing views leave out articles that repeat
another unless told otherwise (`originals_only`), so a story re-published counts once.
"""

from __future__ import annotations

import pandas as pd

from ... import summaries
from ...exceptions import ParameterError
from ...reference import FOCUS_SUMMITS


def coverage_line(tables: summaries.Summaries, summit_ids=FOCUS_SUMMITS) -> str:
    """Return one Markdown sentence comparing how much coverage each summit has, and what is counted.

    Each story counts once when `tables` went through summaries.originals (articles
    that repeat another left out), every article otherwise; the sentence says which.
    """
    a = tables["articles"]
    bits = []
    for sid in summit_ids:
        sub = a[a["summit_id"] == sid]
        bits.append(f"{sid}: {len(sub)} article{'s' * (len(sub) != 1)}, {int(sub['n_words'].sum()):,} words")
    rule = ("each story counted once: articles that repeat another are left out" if tables.originals_only
            else "every article counted, repeats of another included")
    return f"Coverage by summit ({rule}) — " + "; ".join(bits) + "."


def quoted_by_summit(tables: summaries.Summaries, summit_ids=FOCUS_SUMMITS) -> pd.DataFrame:
    """Return how many quotations each speaker has in each summit's coverage (speakers × summits).

    From summary_quoted (quotations with a speaker, not scare quotes); most quoted first.
    """
    q = tables["summary_quoted"]
    q = q[q["summit_id"].isin(summit_ids)].astype({"count": "int64"})
    table = q.pivot_table(index="speaker", columns="summit_id", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[s for s in summit_ids if s in table.columns])
    return table.assign(total=table.sum(axis=1)).sort_values("total", ascending=False).drop(columns="total")


def theme_overview(tables: summaries.Summaries, *, by: str = "summit_id", originals_only: bool = True) -> pd.DataFrame:
    """Return the share of prose sentences touching each theme, groups as rows, themes as columns (%).

    `by` is summit_id or outlet. With `originals_only`, articles that repeat
    another (duplicate_of) are left out so a story re-published counts once.
    """
    shares = summaries.theme_shares(summaries.originals(tables, include_duplicates=not originals_only), by=by)
    table = shares.pivot(index="group", columns="theme", values="share") * 100
    table = table[list(dict.fromkeys(shares["theme"]))].round(0)
    table.columns = [c.replace("_", " ") for c in table.columns]
    return table.reset_index().rename(columns={"group": by.replace("_id", "")})


def distinctive_overview(tables: summaries.Summaries, *, by: str = "summit_id", n: int = 10,
                         originals_only: bool = True) -> pd.DataFrame:
    """Return each group's `n` most distinctive words (Fightin' Words), one row per group: group, words (z).

    The summaries count words by summit only: `by` other than summit_id raises ParameterError.
    """
    if by != "summit_id":
        raise ParameterError(f"the summaries count words by summit only, not by {by!r}; "
                             "framing.distinctive_words counts the sentences table by any column.")
    words = summaries.distinctive_words(summaries.originals(tables, include_duplicates=not originals_only))
    top = words.groupby("group").head(n)
    return (
        top.assign(label=top["term"] + " (" + top["z"].round(1).astype(str) + ")")
        .groupby("group")["label"].apply(", ".join).rename("distinctive words (z)").reset_index()
        .rename(columns={"group": by.replace("_id", "")})
    )


def tone_overview(tables: summaries.Summaries, *, by: str = "summit_id", originals_only: bool = True) -> pd.DataFrame:
    """Return the tone of each group for display: sentences, mean compound, % positive, % negative, driving words."""
    t = summaries.tone(summaries.originals(tables, include_duplicates=not originals_only), by=by)
    return pd.DataFrame({
        by.replace("_id", ""): t["group"],
        "sentences": t["n_sentences"],
        "mean compound": t["compound_mean"].round(2),
        "% positive": (t["positive_share"] * 100).round(0),
        "% negative": (t["negative_share"] * 100).round(0),
        "positive words": t["positive_words"].str.replace(";", ", "),
        "negative words": t["negative_words"].str.replace(";", ", "),
    })


def tone_by_actor_overview(tables: summaries.Summaries, *, n: int = 15, include_duplicates: bool = False) -> pd.DataFrame:
    """Return the tone of the sentences naming each of the `n` most mentioned actors, with the words that drive it."""
    tone = summaries.tone_by_actor(summaries.originals(tables, include_duplicates=include_duplicates)).head(n)
    return pd.DataFrame({
        "actor": tone["name"], "kind": tone["entity_type"], "sentences": tone["n_sentences"],
        "mean compound": tone["compound_mean"].round(2),
        "% positive": (tone["positive_share"] * 100).round(0), "% negative": (tone["negative_share"] * 100).round(0),
        "negative words": tone["negative_words"].fillna("").str.replace(";", ", "),
    })

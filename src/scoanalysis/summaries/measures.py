"""Counts and framing measures read from the summaries, equal to what the whole tables give.

Each reader returns what text.term_counts and the framing functions return from the
sentences, entities and quotes tables, with the same numbers, by summing the summary
rows of the groups asked for (duplicates' rows too, unless the mapping went through
read.originals).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import framing
from ..exceptions import ParameterError
from .catalog import DIMENSIONS
from .read import Summaries


def article_counts(tables: Summaries, *, include_duplicates: bool = False) -> pd.Series:
    """Return how many articles each summit has, indexed by summit_id (summits with none left out).

    The rule every report states: each story counts once, so an article that repeats
    another (``duplicate_of`` set) is left out, unless `include_duplicates` (or the
    mapping already went through read.originals). Originals are counted from the
    articles table; every article, repeats included, from summary_articles's n_rows
    without reading the articles table.
    """
    if include_duplicates and not tables.originals_only:
        s = tables["summary_articles"]
        return s.groupby("summit_id", sort=False)["n_rows"].max().astype(int).sort_values(ascending=False, kind="stable")
    a = tables["articles"]
    if not tables.originals_only and not include_duplicates:
        a = a[a["duplicate_of"].isna()]
    return a["summit_id"].value_counts()


def _grouped(frame: pd.DataFrame, column: str, *, summit_ids=None, others: str | None = "none") -> pd.Series:
    """Return each row's group: its `column` value, "none" when empty; with `summit_ids`, others pooled as `others` (None: dropped)."""
    values = frame[column].astype(object).where(frame[column].notna(), None)
    if summit_ids is not None:
        values = values.where(values.isin(list(summit_ids)), None)
        if others is None:
            return values
    return values.where(values.notna(), "none" if summit_ids is None else others)


def term_counts(tables: Mapping[str, pd.DataFrame], *, summit_ids=None) -> pd.DataFrame:
    """Return content-word counts per summit from summary_terms: columns group, term, count.

    As text.term_counts(sentences, by=summit of each article): articles without a summit
    form the group ``none``. With `summit_ids`, only those summits' groups. Sorted by group,
    then count (most first), then term. Rows of duplicates count unless `tables` went
    through read.originals.
    """
    t = tables["summary_terms"]
    groups = _grouped(t, "summit_id", summit_ids=summit_ids, others=None)
    counts = t.assign(group=groups).dropna(subset=["group"]).groupby(["group", "term"])["count"].sum().reset_index()
    counts = counts[counts["count"] > 0]
    counts["count"] = counts["count"].astype(int)
    return counts.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def distinctive_words(tables: Mapping[str, pd.DataFrame], *, summit_ids=None, **options) -> pd.DataFrame:
    """Return framing.distinctive_words of each summit's coverage from summary_terms (same columns).

    With `summit_ids`, the other articles form one group, ``none``, as when
    framing.distinctive_words is given the summit of each article only for those summits.
    `options` go to framing.distinctive_words (prior, min_count).
    """
    t = tables["summary_terms"]
    counts = (t.assign(group=_grouped(t, "summit_id", summit_ids=summit_ids))
              .groupby(["group", "term"])["count"].sum().reset_index())
    return framing.distinctive_words(counts[counts["count"] > 0], **options)


def theme_shares(tables: Mapping[str, pd.DataFrame], *, by: str = "summit_id", summit_ids=None) -> pd.DataFrame:
    """Return framing.theme_shares per group from summary_themes (same columns: group, theme, n_sentences, ...).

    `by` is summit_id or outlet; articles without one form the group ``none``, and with
    `summit_ids` so do the articles of other summits.
    """
    lexicon = framing.theme_lexicon()
    themes = list(dict.fromkeys(lexicon["theme"]))
    totals = _by(tables["summary_tone"], by, summit_ids).groupby("group")["n_sentences"].sum()
    totals = totals[totals > 0].sort_index()
    hits = _by(tables["summary_themes"], by, summit_ids).groupby(["group", "theme"])[["n_sentences", "n_articles"]].sum()
    terms = _by(tables["summary_theme_terms"], by, summit_ids).groupby(["group", "theme", "term"])["count"].sum()
    terms = terms[terms > 0].reset_index().sort_values(["group", "theme", "count", "term"],
                                                       ascending=[True, True, False, True], kind="stable")
    top = {k: ";".join(f"{t}:{c}" for t, c in zip(g["term"].head(framing.N_DRIVERS), g["count"].head(framing.N_DRIVERS)))
           for k, g in terms.groupby(["group", "theme"], sort=False)}
    rows = []
    for group, total in totals.items():
        for theme in themes:
            n, arts = hits.loc[(group, theme)] if (group, theme) in hits.index else (0, 0)
            rows.append((group, theme, int(n), int(total), int(n) / total if total else 0.0, int(arts),
                         top.get((group, theme), "")))
    return pd.DataFrame(rows, columns=framing.SHARE_COLUMNS)


def tone(tables: Mapping[str, pd.DataFrame], *, by: str = "summit_id", summit_ids=None) -> pd.DataFrame:
    """Return framing.tone per group from summary_tone and summary_tone_words (same columns).

    `by` is summit_id or outlet; groups as in `theme_shares`.
    """
    sums = _by(tables["summary_tone"], by, summit_ids).groupby("group")[
        ["n_sentences", "compound_sum", "n_positive", "n_negative"]].sum()
    sums = sums[sums["n_sentences"] > 0].sort_index()
    words = _by(tables["summary_tone_words"], by, summit_ids).groupby(["group", "word"])["valence"].sum()
    rows = []
    for group, r in sums.iterrows():
        drivers = words.loc[group].to_dict() if group in words.index.get_level_values(0) else {}
        rows.append((group, *framing.summary_from(int(r["n_sentences"]), float(r["compound_sum"]), int(r["n_positive"]),
                                                  int(r["n_negative"]), drivers)))
    return pd.DataFrame(rows, columns=framing.TONE_COLUMNS)


def tone_by_actor(tables: Mapping[str, pd.DataFrame], *, min_sentences: int = 2) -> pd.DataFrame:
    """Return framing.tone_by_actor from summary_actors (same columns), for the ACTOR_ROWS most mentioned actors.

    Sorted by n_sentences (most first), then entity_id; only the actors the summary
    keeps, so the first ACTOR_ROWS rows equal framing.tone_by_actor's.
    """
    a = tables["summary_actors"]
    if a.empty:
        return pd.DataFrame(columns=framing.ACTOR_TONE_COLUMNS)
    first = a.sort_values("first_seen").drop_duplicates("entity_id").set_index("entity_id")["entity_type"]
    sums = a.groupby("entity_id")[["n_sentences", "n_articles", "compound_sum", "n_positive", "n_negative"]].sum()
    sums = sums[sums["n_sentences"] >= min_sentences]
    names = tables["summary_actor_names"].groupby(["entity_id", "name"])["n_sentences"].sum().reset_index()
    names = names.sort_values(["entity_id", "n_sentences", "name"], ascending=[True, False, True]).drop_duplicates("entity_id")
    names = names.set_index("entity_id")["name"]
    words = tables["summary_actor_words"].groupby(["entity_id", "word"])["valence"].sum()
    rows = []
    for entity_id, r in sums.iterrows():
        drivers = words.loc[entity_id].to_dict() if entity_id in words.index.get_level_values(0) else {}
        summary = framing.summary_from(int(r["n_sentences"]), float(r["compound_sum"]), int(r["n_positive"]),
                                       int(r["n_negative"]), drivers)
        rows.append((entity_id, names.get(entity_id), first.get(entity_id), int(r["n_sentences"]),
                     int(r["n_articles"]), *summary[1:]))
    out = pd.DataFrame(rows, columns=framing.ACTOR_TONE_COLUMNS)
    return out.sort_values(["n_sentences", "entity_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def mention_counts(tables: Mapping[str, pd.DataFrame], *, summit_ids=None, entity_type: str | None = "person",
                   key: str = "name") -> pd.DataFrame:
    """Return mentions counted per summit and entity from summary_mentions: columns group, term, count.

    As counting the entities table's mentions by the summit of their article would: `key`
    name (term is the name) or entity_id; articles without a summit, and with `summit_ids` those of other summits,
    are left out. Sorted by group, then term.
    """
    m = tables["summary_mentions"]
    if entity_type is not None:
        m = m[m["entity_type"] == entity_type]
    m = m.assign(group=_grouped(m, "summit_id", summit_ids=summit_ids, others=None)).dropna(subset=["group"])
    m = m[m["summit_id"].notna()]
    counts = m.groupby(["group", key])["count"].sum().reset_index().rename(columns={key: "term"})
    counts["count"] = counts["count"].astype(int)
    return counts.sort_values(["group", "term"], kind="stable").reset_index(drop=True)


def entity_names(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Return each entity's name at its first mention (in the tables' order), from summary_mentions."""
    m = tables["summary_mentions"].sort_values("first_seen", kind="stable").drop_duplicates("entity_id")
    return dict(zip(m["entity_id"], m["name"]))


def _by(frame: pd.DataFrame, by: str, summit_ids) -> pd.DataFrame:
    if by not in DIMENSIONS:
        raise ParameterError(f"summaries are grouped by {' or '.join(DIMENSIONS)}, not {by!r}.")
    chosen = frame[frame["by"] == by]
    return chosen.assign(group=_grouped(chosen, "group", summit_ids=summit_ids if by == "summit_id" else None))

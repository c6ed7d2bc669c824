"""Figures of the corpus and of one summit: summits on a time axis, articles, sentence kinds, terms, people.

Each function takes a DataFrame (a summary, a contract table, or a view's output)
first and returns a Figure.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import ListedColormap

from ... import schema
from ...reference import FOCUS_SUMMITS
from .common import MAX_ROWS, PALETTE, bar_panels, empty_figure, summit_colors


def summit_timeline(summits: pd.DataFrame, *, articles: pd.DataFrame | None = None, counts: pd.Series | None = None,
                    highlight=FOCUS_SUMMITS):
    """Return a figure of every SCO summit on one time axis, highlighted ones labelled.

    `summits` is the reference table (summit_id, start, city, format). With
    `articles` (a summit_id column) or `counts` (articles per summit_id, as
    summaries.article_counts gives), each summit's marker is sized by how many
    articles it has. One marker per summit.
    """
    table = summits.sort_values("start")
    if counts is None:
        counts = (
            articles["summit_id"].value_counts() if articles is not None and len(articles) else pd.Series(dtype=int)
        )
    colors = summit_colors(table["summit_id"])
    fig, ax = plt.subplots(figsize=(10, 2.8))
    labelled = 0
    for s in table.itertuples(index=False):
        focus = s.summit_id in highlight
        n = int(counts.get(s.summit_id, 0))
        ax.scatter(
            s.start, 0, s=60 + 60 * n, zorder=3,
            color=colors[s.summit_id] if focus else "0.75",
            edgecolor="black" if n else "none", marker="o" if s.format == "in_person" else "s",
        )
        if focus or n:
            label = f"{s.city} {s.start.year}" + (f"\n{n} article{'s' * (n != 1)}" if n else "")
            ax.annotate(label, (s.start, 0), xytext=(0, 18 if labelled % 2 == 0 else -34), textcoords="offset points",
                        ha="center", fontsize=9, fontweight="bold" if focus else "normal")
            labelled += 1
    ax.axhline(0, color="0.6", lw=1, zorder=1)
    ax.set_yticks([])
    ax.set_ylim(-1, 1)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_title("SCO heads-of-state summits (circle: in person, square: virtual)", fontsize=11, loc="left")
    fig.tight_layout()
    return fig


def articles_per_summit(articles: pd.DataFrame):
    """Return a bar chart of articles and words per summit (articles without a summit as 'none').

    One bar per summit in each of two panels.
    """
    frame = articles.assign(summit=articles["summit_id"].fillna("none"))
    per = frame.groupby("summit", sort=True).agg(articles=("article_id", "size"), words=("n_words", "sum"))
    colors = summit_colors([s for s in per.index if s != "none"])
    palette = [colors.get(s, "0.6") for s in per.index]
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.6 * len(per) + 1.6), sharey=True)
    for ax, col, title in zip(axes, ("articles", "words"), ("Articles", "Words after boilerplate removal")):
        ax.barh(per.index, per[col], color=palette)
        ax.set_title(title, fontsize=11, loc="left")
        ax.bar_label(ax.containers[0], fmt="{:,.0f}", padding=3, fontsize=9)
        ax.margins(x=0.2)
        sns.despine(ax=ax)
    axes[0].invert_yaxis()
    fig.tight_layout()
    return fig


#: Articles (bars) sentence_kinds draws; the rest are counted in its title.
MAX_ARTICLE_BARS = 60


def sentence_kinds(kinds: pd.DataFrame, *, max_articles: int = MAX_ARTICLE_BARS):
    """Return a stacked bar chart of sentence kinds (body, headline, caption, debris...) per article.

    `kinds` holds sentence counts (article_id, kind, n_sentences: the summary_kinds
    table). One bar segment per (article, kind) present; the first `max_articles`
    articles (by id), the title says how many there are.
    """
    table = kinds.pivot_table(index="article_id", columns="kind", values="n_sentences", aggfunc="sum", fill_value=0)
    n_articles = len(table)
    table = table.sort_index().head(max_articles)
    table = table.loc[:, table.sum() > 0]
    order = [k for k in ("headline", "dek", "body", "byline", "caption", "credit", "disclaimer", "duplicate", "prompt", "debris") if k in table.columns]
    table = table[order + [c for c in table.columns if c not in order]]
    fig, ax = plt.subplots(figsize=(10, 0.45 * len(table) + 1.5))
    left = pd.Series(0, index=table.index)
    for i, kind in enumerate(table.columns):
        ax.barh(table.index, table[kind], left=left, color=PALETTE[i % len(PALETTE)], label=kind)
        left = left + table[kind]
    ax.invert_yaxis()
    ax.set_xlabel("sentences")
    ax.legend(ncol=min(len(table.columns), 5), fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.25 if len(table) < 4 else -0.12), frameon=False)
    ax.set_title("What each article is made of" + (f" (the first {len(table):,} of {n_articles:,} articles)"
                                                   if len(table) < n_articles else ""), fontsize=11, loc="left")
    sns.despine(ax=ax)
    fig.tight_layout()
    return fig


def top_terms(terms: pd.DataFrame, *, n: int = 12):
    """Return small multiples of the most frequent terms, one panel per group.

    `terms` has columns group, term, count (summaries.term_counts or
    summaries.mention_counts). At most `n` bars per panel.
    """
    return bar_panels(terms, value="count", n=n, empty="no terms")


STATUS_ORDER = ("attended", "expected", "represented", "absent")


def attendance_matrix(attendance: pd.DataFrame, *, summit_ids=FOCUS_SUMMITS, max_people: int = MAX_ROWS):
    """Return a heatmap of people × summits, each cell coloured and labelled by attendance status.

    `attendance` is the attendance table. Stand-ins are named in the cell
    ("sent S. Jaishankar"); blank cells mean the articles say nothing. One
    labelled cell per (person, summit) row of the table, for the `max_people`
    people with the most evidence sentences over these summits (the title says how
    many are left out).
    """
    table = attendance[attendance["summit_id"].isin(summit_ids)]
    columns = [s for s in summit_ids]
    if table.empty:
        return empty_figure("no attendance found for these summits")
    names = dict(zip(table["entity_id"], table["name"]))
    sentences = schema.evidence_counts(table) if "evidence" in table else 1  # n_evidence where the lists were cut
    weight = table.assign(n=sentences).groupby("entity_id", sort=False)["n"].sum()
    everyone = len(weight)
    kept = set(weight.sort_values(ascending=False, kind="stable").index[:max_people])
    table = table[table["entity_id"].isin(kept)]
    order = table.assign(rank=table["status"].map({s: i for i, s in enumerate(STATUS_ORDER)}))
    people = order.sort_values(["rank", "name"])["entity_id"].drop_duplicates().tolist()
    codes = np.full((len(people), len(columns)), np.nan)
    labels = [["" for _ in columns] for _ in people]
    for r in table.itertuples(index=False):
        i, j = people.index(r.entity_id), columns.index(r.summit_id)
        codes[i, j] = STATUS_ORDER.index(r.status)
        label = r.status
        if r.status == "represented" and r.represented_by:
            label = f"sent {names.get(r.represented_by, r.represented_by)}"
        labels[i][j] = label
    colors = [PALETTE[2], PALETTE[8], PALETTE[1], PALETTE[3]]
    fig, ax = plt.subplots(figsize=(2.3 * len(columns) + 3, 0.38 * len(people) + 1.4))
    sns.heatmap(codes, ax=ax, cmap=ListedColormap(colors), vmin=-0.5, vmax=len(STATUS_ORDER) - 0.5, cbar=False,
                linewidths=1, linecolor="white", annot=np.array(labels, dtype=object), fmt="",
                annot_kws={"fontsize": 8}, mask=np.isnan(codes))
    ax.set_xticks([j + 0.5 for j in range(len(columns))], columns, rotation=0)
    ax.set_yticks([i + 0.5 for i in range(len(people))], [names[p] for p in people], rotation=0)
    left_out = f"; the {len(people)} of {everyone:,} people with the most evidence" if everyone > len(people) else ""
    return _finish_grid(fig, ax, "Who attended (grey: not mentioned)" + left_out)


def quote_counts(counts: pd.DataFrame, *, max_speakers: int = MAX_ROWS):
    """Return a heatmap of quotations per speaker (rows) and summit (columns), counts written in the cells.

    `counts` is views.quoted_by_summit output (most quoted first). One labelled cell
    per non-zero count, for its first `max_speakers` speakers (the title says how
    many are left out).
    """
    if counts.empty:
        return empty_figure("nobody is quoted in these summits' coverage")
    everyone, counts = len(counts), counts.head(max_speakers)
    fig, ax = plt.subplots(figsize=(2.2 * counts.shape[1] + 3, 0.38 * len(counts) + 1.4))
    sns.heatmap(counts, ax=ax, cmap="Blues", annot=counts.where(counts > 0), fmt=".0f", cbar=False,
                linewidths=1, linecolor="white", mask=counts == 0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    left_out = f"; the {len(counts)} most quoted of {everyone:,}" if everyone > len(counts) else ""
    return _finish_grid(fig, ax, "Quotations per speaker (grey: not quoted)" + left_out)


def _finish_grid(fig, ax, title: str):
    """Return `fig` with its people-by-summit grid finished: summits on top, grey where empty, the title left."""
    ax.xaxis.tick_top()
    ax.set_facecolor("0.96")
    ax.set_title(title, fontsize=11, loc="left", pad=24)
    fig.tight_layout()
    return fig


RELATION_ORDER = ("duplicate", "near_duplicate", "translation_variant")


def duplicate_pairs_map(pairs: pd.DataFrame):
    """Return a scatter of article pairs: sentences aligned (x) against words shared verbatim (y).

    `pairs` is the duplicates table with duplicates.duplicate_pairs's extra columns
    (aligned_share, word_jaccard). Duplicates sit top right, lightly edited copies
    high, re-translations bottom right. One marker per pair, coloured by relation.
    """
    if pairs.empty or not {"aligned_share", "word_jaccard"} <= set(pairs.columns):
        return empty_figure("no duplicate pairs")
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for i, rel in enumerate(RELATION_ORDER):
        sub = pairs[pairs["relation"] == rel]
        if len(sub):
            ax.scatter(sub["aligned_share"], sub["word_jaccard"], s=60, color=PALETTE[i], label=rel.replace("_", " "),
                       edgecolor="black", linewidth=0.5, zorder=3)
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("share of the shorter article's sentences aligned in order")
    ax.set_ylabel("5-word shingles shared (Jaccard)")
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    ax.set_title("How pairs of articles repeat each other", fontsize=11, loc="left")
    sns.despine(ax=ax)
    fig.tight_layout()
    return fig

"""Figures drawn from the tables: each function takes a DataFrame first and returns a Figure.

Colours come from seaborn's colour-blind-safe palette. Functions never change
their input and never save files; the caller (a notebook) decides where figures go.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

PALETTE = sns.color_palette("colorblind")
FOCUS_SUMMITS = ("2014-dushanbe", "2022-samarkand", "2024-astana")


def summit_colors(summit_ids) -> dict[str, tuple]:
    """Return a stable colour for each summit id (focus summits first)."""
    ordered = list(dict.fromkeys([*FOCUS_SUMMITS, *sorted(summit_ids)]))
    return {sid: PALETTE[i % len(PALETTE)] for i, sid in enumerate(ordered)}


def summit_timeline(summits: pd.DataFrame, *, articles: pd.DataFrame | None = None, highlight=FOCUS_SUMMITS):
    """Return a figure of every SCO summit on one time axis, highlighted ones labelled.

    `summits` is the reference table (summit_id, start, city, format). With
    `articles`, each summit's marker is sized by how many articles it has.
    One marker per summit.
    """
    table = summits.sort_values("start")
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


def sentence_kinds(sentences: pd.DataFrame):
    """Return a stacked bar chart of sentence kinds (body, headline, caption, debris...) per article.

    One bar segment per (article, kind) present.
    """
    table = sentences.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
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
    ax.set_title("What each article is made of", fontsize=11, loc="left")
    sns.despine(ax=ax)
    fig.tight_layout()
    return fig


def top_terms(terms: pd.DataFrame, *, n: int = 12):
    """Return small multiples of the most frequent terms, one panel per group.

    `terms` has columns group, term, count (from text.term_counts). At most `n`
    bars per panel.
    """
    groups = list(dict.fromkeys(terms["group"]))
    if not groups:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.text(0.5, 0.5, "no terms", ha="center", va="center")
        ax.axis("off")
        return fig
    colors = summit_colors(groups)
    fig, axes = plt.subplots(1, len(groups), figsize=(3.6 * len(groups) + 0.5, 0.32 * n + 1.4), squeeze=False)
    for ax, group in zip(axes[0], groups):
        top = terms[terms["group"] == group].nlargest(n, "count").iloc[::-1]
        ax.barh(top["term"], top["count"], color=colors.get(group, PALETTE[0]))
        ax.set_title(str(group), fontsize=10, loc="left")
        ax.tick_params(labelsize=9)
        sns.despine(ax=ax)
    fig.tight_layout()
    return fig


STATUS_ORDER = ("attended", "expected", "represented", "absent")


def attendance_matrix(attendance: pd.DataFrame, *, summit_ids=FOCUS_SUMMITS):
    """Return a heatmap of people × summits, each cell coloured and labelled by attendance status.

    `attendance` is the attendance table. Stand-ins are named in the cell
    ("sent S. Jaishankar"); blank cells mean the articles say nothing. One
    labelled cell per (person, summit) row of the table.
    """
    import numpy as np
    from matplotlib.colors import ListedColormap

    table = attendance[attendance["summit_id"].isin(summit_ids)]
    columns = [s for s in summit_ids]
    if table.empty:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.text(0.5, 0.5, "no attendance found for these summits", ha="center", va="center")
        ax.axis("off")
        return fig
    names = dict(zip(table["entity_id"], table["name"]))
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
    ax.xaxis.tick_top()
    ax.set_facecolor("0.96")
    ax.set_title("Who attended (grey: not mentioned)", fontsize=11, loc="left", pad=24)
    fig.tight_layout()
    return fig


def mention_counts(entities: pd.DataFrame, *, by: pd.Series, entity_type: str = "person", n: int = 10):
    """Return small multiples of the most mentioned entities of `entity_type`, one panel per group.

    `by` maps article_id to a group (e.g. summit_id). At most `n` bars per panel.
    """
    chosen = entities[entities["entity_type"] == entity_type]
    counts = (
        chosen.assign(group=chosen["article_id"].map(by))
        .dropna(subset=["group"])
        .groupby(["group", "name"]).size().rename("count").reset_index()
        .rename(columns={"name": "term"})
    )
    return top_terms(counts, n=n)


def quote_counts(counts: pd.DataFrame):
    """Return a heatmap of quotations per speaker (rows) and summit (columns), counts written in the cells.

    `counts` is views.quoted_by_summit output. One labelled cell per non-zero count.
    """
    if counts.empty:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.text(0.5, 0.5, "nobody is quoted in these summits' coverage", ha="center", va="center")
        ax.axis("off")
        return fig
    fig, ax = plt.subplots(figsize=(2.2 * counts.shape[1] + 3, 0.38 * len(counts) + 1.4))
    sns.heatmap(counts, ax=ax, cmap="Blues", annot=counts.where(counts > 0), fmt=".0f", cbar=False,
                linewidths=1, linecolor="white", mask=counts == 0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.set_facecolor("0.96")
    ax.set_title("Quotations per speaker (grey: not quoted)", fontsize=11, loc="left", pad=24)
    fig.tight_layout()
    return fig


# --- duplicates and framing -------------------------------------------------------------

RELATION_ORDER = ("duplicate", "near_duplicate", "translation_variant")


def _empty(message: str):
    fig, ax = plt.subplots(figsize=(6, 1.5))
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.axis("off")
    return fig


def duplicate_pairs_map(pairs: pd.DataFrame):
    """Return a scatter of article pairs: sentences aligned (x) against words shared verbatim (y).

    `pairs` is the duplicates table with compare.duplicate_pairs's extra columns
    (aligned_share, word_jaccard). Duplicates sit top right, lightly edited copies
    high, re-translations bottom right. One marker per pair, coloured by relation.
    """
    if pairs.empty or not {"aligned_share", "word_jaccard"} <= set(pairs.columns):
        return _empty("no duplicate pairs")
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


def theme_heatmap(shares: pd.DataFrame):
    """Return a heatmap of theme shares: groups (rows) × themes (columns), cells in percent.

    `shares` comes from framing.theme_shares (group, theme, share, n_sentences). Each
    cell is labelled with the percentage and the sentence count. One cell per row.
    """
    if shares.empty:
        return _empty("no theme shares")
    themes = list(dict.fromkeys(shares["theme"]))
    table = shares.pivot(index="group", columns="theme", values="share")[themes] * 100
    counts = shares.pivot(index="group", columns="theme", values="n_sentences")[themes]
    labels = np.array([[f"{p:.0f}%\n({int(c)})" for p, c in zip(rp, rc)] for rp, rc in zip(table.values, counts.values)], dtype=object)
    fig, ax = plt.subplots(figsize=(1.25 * len(themes) + 2.5, 0.7 * len(table) + 1.8))
    sns.heatmap(table, ax=ax, cmap="Blues", vmin=0, annot=labels, fmt="", annot_kws={"fontsize": 8},
                linewidths=1, linecolor="white", cbar_kws={"label": "% of prose sentences"})
    ax.set_xticks(np.arange(len(themes)) + 0.5, [t.replace("_", " ") for t in themes], rotation=30, ha="right")
    ax.set_yticks(np.arange(len(table)) + 0.5, table.index, rotation=0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title("Share of sentences touching each theme (sentence count)", fontsize=11, loc="left")
    fig.tight_layout()
    return fig


def distinctive_words_chart(words: pd.DataFrame, *, n: int = 10):
    """Return small multiples of each group's most distinctive words (Fightin' Words z-scores).

    `words` comes from framing.distinctive_words (group, term, z, count). At most `n`
    bars per panel; the dashed line marks z = 1.96.
    """
    groups = list(dict.fromkeys(words["group"]))
    if not groups:
        return _empty("no words")
    colors = summit_colors(groups)
    fig, axes = plt.subplots(1, len(groups), figsize=(3.6 * len(groups) + 0.5, 0.32 * n + 1.5), squeeze=False)
    for ax, group in zip(axes[0], groups):
        top = words[words["group"] == group].nlargest(n, "z").iloc[::-1]
        ax.barh(top["term"], top["z"], color=colors.get(group, PALETTE[0]))
        ax.axvline(1.96, color="0.4", lw=0.8, ls="--")
        ax.set_title(str(group), fontsize=10, loc="left")
        ax.set_xlabel("z (log-odds, informative prior)", fontsize=8)
        ax.tick_params(labelsize=9)
        sns.despine(ax=ax)
    fig.tight_layout()
    return fig


def tone_bars(tone: pd.DataFrame):
    """Return diverging bars of each group's share of positive and negative sentences (VADER).

    `tone` comes from framing.tone (group, positive_share, negative_share,
    compound_mean, n_sentences). One pair of bars per group, mean compound in the label.
    """
    if tone.empty:
        return _empty("no tone")
    table = tone.iloc[::-1]
    labels = [f"{g}\nmean {c:+.2f}, n={int(n)}" for g, c, n in zip(table["group"], table["compound_mean"], table["n_sentences"])]
    fig, ax = plt.subplots(figsize=(7.5, 0.6 * len(table) + 1.6))
    ax.barh(labels, table["positive_share"] * 100, color=PALETTE[2], label="positive sentences")
    ax.barh(labels, -table["negative_share"] * 100, color=PALETTE[3], label="negative sentences")
    ax.axvline(0, color="0.3", lw=0.8)
    ax.set_xlabel("% of prose sentences (negative to the left)")
    ax.tick_params(axis="y", labelsize=9)
    ax.legend(frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.22))
    ax.set_title("Tone of coverage (VADER compound >= 0.05 positive, <= -0.05 negative)", fontsize=11, loc="left")
    sns.despine(ax=ax, left=True)
    fig.tight_layout()
    return fig

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
from matplotlib.lines import Line2D

from . import schema
from .patterns.events import EVENT_TYPES
from .reference import FOCUS_SUMMITS

PALETTE = sns.color_palette("colorblind")


def summit_colors(summit_ids) -> dict[str, tuple]:
    """Return a stable colour for each summit id (focus summits first)."""
    ordered = list(dict.fromkeys([*FOCUS_SUMMITS, *sorted(summit_ids)]))
    return {sid: PALETTE[i % len(PALETTE)] for i, sid in enumerate(ordered)}


def _empty(message: str):
    """Return a small figure that says there is nothing to draw, and why."""
    fig, ax = plt.subplots(figsize=(6, 1.5))
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.axis("off")
    return fig


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


def sentence_kinds(sentences: pd.DataFrame, *, max_articles: int = MAX_ARTICLE_BARS):
    """Return a stacked bar chart of sentence kinds (body, headline, caption, debris...) per article.

    `sentences` is the sentences table, or sentence counts (article_id, kind,
    n_sentences: summaries' summary_kinds). One bar segment per (article, kind) present;
    the first `max_articles` articles (by id), the title says how many there are.
    """
    if "n_sentences" in sentences.columns and "text" not in sentences.columns:
        table = sentences.pivot_table(index="article_id", columns="kind", values="n_sentences", aggfunc="sum",
                                      fill_value=0)
    else:
        table = sentences.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
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

    `terms` has columns group, term, count (from text.term_counts). At most `n`
    bars per panel.
    """
    return _bar_panels(terms, value="count", n=n, empty="no terms")


def _bar_panels(frame: pd.DataFrame, *, value: str, n: int, empty: str, xlabel: str | None = None,
                line: float | None = None):
    """Return one panel per group of `frame` (group, term, `value`) with its `n` largest terms as bars."""
    groups = list(dict.fromkeys(frame["group"]))
    if not groups:
        return _empty(empty)
    colors = summit_colors(groups)
    fig, axes = plt.subplots(1, len(groups), figsize=(3.6 * len(groups) + 0.5, 0.32 * n + 1.5), squeeze=False)
    for ax, group in zip(axes[0], groups):
        top = frame[frame["group"] == group].nlargest(n, value).iloc[::-1]
        ax.barh(top["term"], top[value], color=colors.get(group, PALETTE[0]))
        if line is not None:
            ax.axvline(line, color="0.4", lw=0.8, ls="--")
        ax.set_title(str(group), fontsize=10, loc="left")
        if xlabel:
            ax.set_xlabel(xlabel, fontsize=8)
        ax.tick_params(labelsize=9)
        sns.despine(ax=ax)
    fig.tight_layout()
    return fig


STATUS_ORDER = ("attended", "expected", "represented", "absent")
#: Rows (people, speakers) a heatmap shows at most: beyond that it is too tall to read.
MAX_ROWS = 40


def attendance_matrix(attendance: pd.DataFrame, *, summit_ids=FOCUS_SUMMITS, max_people: int = MAX_ROWS):
    """Return a heatmap of people × summits, each cell coloured and labelled by attendance status.

    `attendance` is the attendance table. Stand-ins are named in the cell
    ("sent S. Jaishankar"); blank cells mean the articles say nothing. One
    labelled cell per (person, summit) row of the table, for the `max_people`
    people with the most evidence sentences over these summits (the title says how
    many are left out).
    """
    import numpy as np
    from matplotlib.colors import ListedColormap

    table = attendance[attendance["summit_id"].isin(summit_ids)]
    columns = [s for s in summit_ids]
    if table.empty:
        return _empty("no attendance found for these summits")
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
    ax.xaxis.tick_top()
    ax.set_facecolor("0.96")
    title = "Who attended (grey: not mentioned)"
    if everyone > len(people):
        title += f"; the {len(people)} of {everyone:,} people with the most evidence"
    ax.set_title(title, fontsize=11, loc="left", pad=24)
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


def quote_counts(counts: pd.DataFrame, *, max_speakers: int = MAX_ROWS):
    """Return a heatmap of quotations per speaker (rows) and summit (columns), counts written in the cells.

    `counts` is views.quoted_by_summit output (most quoted first). One labelled cell
    per non-zero count, for its first `max_speakers` speakers (the title says how
    many are left out).
    """
    if counts.empty:
        return _empty("nobody is quoted in these summits' coverage")
    everyone, counts = len(counts), counts.head(max_speakers)
    fig, ax = plt.subplots(figsize=(2.2 * counts.shape[1] + 3, 0.38 * len(counts) + 1.4))
    sns.heatmap(counts, ax=ax, cmap="Blues", annot=counts.where(counts > 0), fmt=".0f", cbar=False,
                linewidths=1, linecolor="white", mask=counts == 0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.set_facecolor("0.96")
    title = "Quotations per speaker (grey: not quoted)"
    if everyone > len(counts):
        title += f"; the {len(counts)} most quoted of {everyone:,}"
    ax.set_title(title, fontsize=11, loc="left", pad=24)
    fig.tight_layout()
    return fig


# --- duplicates and framing -------------------------------------------------------------

RELATION_ORDER = ("duplicate", "near_duplicate", "translation_variant")


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
    return _bar_panels(words, value="z", n=n, empty="no words", xlabel="z (log-odds, informative prior)", line=1.96)


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


# --- events and timelines ---------------------------------------------------------------

#: Marker shape of each event type (shapes differ where colours repeat).
EVENT_MARKERS = dict(zip(EVENT_TYPES, ("*", "o", "s", ">", "D", "P", "X", "^", "v", "<", "h", "p", "d", "8")))
#: Colour of each event type.
EVENT_COLORS = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(EVENT_TYPES)}
#: Colours of the membership statuses, in stacking order.
STATUS_COLORS = {"member": PALETTE[0], "observer": PALETTE[1], "dialogue_partner": PALETTE[2]}
_STATUS_LABELS = {"member": "members", "observer": "observers", "dialogue_partner": "dialogue partners"}


def absolute_timeline(table: pd.DataFrame, *, highlight=FOCUS_SUMMITS):
    """Return the SCO's history on one axis: summits as landmarks (top row), events in one row per type.

    `table` is ``timeline.absolute_timeline`` output. Summit markers are grey,
    the highlighted summits in their colour and labelled with city and year; an
    event's marker has the colour of the summit whose coverage tells it and a
    line runs over its days when it spans more than one. One marker per row of
    `table` (PathCollection offsets), one label per highlighted summit present.
    """
    if table.empty:
        return _empty("no summits or events to show")
    summits = table[table["kind"] == "summit"]
    events = table[table["kind"] == "event"]
    types = [t for t in EVENT_TYPES if t in set(events["event_type"])] + sorted(set(events["event_type"]) - set(EVENT_TYPES))
    rows = ["SCO summits", *types]
    y = {name: len(rows) - 1 - i for i, name in enumerate(rows)}
    colors = summit_colors(table["summit_id"].dropna().unique())
    fig, ax = plt.subplots(figsize=(11, 0.42 * len(rows) + 1.9))
    if len(summits):
        focus = summits["summit_id"].isin(highlight).to_numpy()
        ax.scatter(summits["date"], [y["SCO summits"]] * len(summits), s=np.where(focus, 90, 40), marker="o", zorder=3,
                   color=[colors.get(s, "0.7") if f else "0.75" for s, f in zip(summits["summit_id"], focus)],
                   edgecolor="black", linewidth=np.where(focus, 0.8, 0))
        for i, r in enumerate(summits[focus].itertuples(index=False)):  # alternate above and below: no overlap
            ax.annotate(r.label, (r.date, y["SCO summits"]), xytext=(0, 9 if i % 2 == 0 else -17),
                        textcoords="offset points", ha="center", fontsize=9, fontweight="bold")
    for kind in types:
        sub = events[events["event_type"] == kind]
        spans = sub[sub["end"] > sub["date"]]
        if len(spans):
            ax.hlines([y[kind]] * len(spans), spans["date"], spans["end"], color="0.55", lw=2.5, alpha=0.6, zorder=2)
        ax.scatter(sub["date"], [y[kind]] * len(sub), marker=EVENT_MARKERS.get(kind, "o"), s=55, zorder=3,
                   color=[colors.get(s, "0.4") if isinstance(s, str) else "0.4" for s in sub["summit_id"]],
                   edgecolor="black", linewidth=0.5)
    ax.set_yticks([y[r] for r in rows], rows, fontsize=9)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="0.92")
    sns.despine(ax=ax, left=True)
    lanes = sorted(dict.fromkeys(events["summit_id"].dropna()))
    if lanes:
        handles = [Line2D([], [], marker="o", ls="", color=colors.get(s, "0.4"), markeredgecolor="black", label=s) for s in lanes]
        ax.legend(handles=handles, title="told in coverage of", fontsize=8, title_fontsize=8, frameon=False,
                  loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title("The SCO from its founding: summits and the events the articles date", fontsize=11, loc="left")
    fig.tight_layout()
    return fig


def aligned_timeline(table: pd.DataFrame, *, summit_ids=None, window: tuple[int, int] | None = None):
    """Return one lane per summit with its events placed by days from the summit's opening (symlog scale).

    `table` is ``timeline.aligned_timeline`` output. Event types differ by marker
    shape and colour (legend on the right); markers on the same day of a lane are
    spread vertically; a line runs over an event's days when it spans more than
    one. The x axis is linear within a week of the opening and logarithmic beyond.
    `window` (first, last day) drops rows outside it. One marker per row kept
    (PathCollection offsets).
    """
    data = table if window is None else table[(table["relative_days"] >= window[0]) & (table["relative_days"] <= window[1])]
    if data.empty:
        return _empty("no dated events to align")
    lanes = list(summit_ids) if summit_ids is not None else list(dict.fromkeys(data["summit_id"]))
    data = data[data["summit_id"].isin(lanes)]
    ypos = {s: len(lanes) - 1 - i for i, s in enumerate(lanes)}
    x = data["relative_days"].astype(float).to_numpy()
    x_end = data["relative_end"].astype(float).to_numpy()
    base = data["summit_id"].map(ypos).astype(float).to_numpy()
    y = base + _spread(data["summit_id"].to_numpy(), x)
    fig, ax = plt.subplots(figsize=(11, 1.2 * len(lanes) + 1.8))
    ax.hlines(list(ypos.values()), np.nanmin(np.append(x, -7)) * 1.1, np.nanmax(np.append(x_end, 7)) * 1.1,
              color="0.9", lw=1, zorder=1)
    ax.axvline(0, color="0.35", lw=1, ls="--", zorder=1)
    wide = x_end > x
    if wide.any():
        ax.hlines(y[wide], x[wide], x_end[wide], color="0.6", lw=2, alpha=0.35, zorder=2)
    kinds = [t for t in EVENT_TYPES if t in set(data["event_type"])] + sorted(set(data["event_type"]) - set(EVENT_TYPES))
    types = data["event_type"].to_numpy()
    for kind in kinds:
        pick = types == kind
        ax.scatter(x[pick], y[pick], marker=EVENT_MARKERS.get(kind, "o"), s=60, color=EVENT_COLORS.get(kind, "0.4"),
                   edgecolor="black", linewidth=0.5, zorder=3, label=kind)
    ax.set_xscale("symlog", linthresh=7, linscale=1.0)
    lo, hi = min(np.nanmin(x), -7), max(np.nanmax(x_end), 7)
    ticks = [t for t in (-3650, -365, -30, -7, 0, 7, 30, 365) if lo * 1.2 <= t <= hi * 1.2]
    ax.set_xticks(ticks, [_day_label(t) for t in ticks], fontsize=9)
    ax.set_xlim(lo * 1.25 if lo < 0 else -8, hi * 1.25)
    ax.set_yticks(list(ypos.values()), list(ypos), fontsize=9)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_xlabel("days from the summit's opening (linear within a week, logarithmic beyond)", fontsize=9)
    sns.despine(ax=ax, left=True)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="event type", title_fontsize=8)
    ax.set_title("What each summit's coverage looks back on and ahead to", fontsize=11, loc="left")
    fig.tight_layout()
    return fig


def membership(by_year: pd.DataFrame, *, accessions: pd.DataFrame | None = None):
    """Return stacked bars of members, observers and dialogue partners per year, accessions from the text marked.

    `by_year` is ``timeline.membership_by_year`` output; `accessions` is
    ``timeline.accession_events`` output: one triangle above the year's bar per
    accession, labelled with the country when it is the year's only one. One bar
    per (year, status) (patches), one marker per accession row (PathCollection
    offsets).
    """
    if by_year.empty:
        return _empty("no membership data")
    years = by_year["year"].astype(int).to_numpy()
    fig, ax = plt.subplots(figsize=(11, 3.8))
    bottom = np.zeros(len(by_year))
    for status, color in STATUS_COLORS.items():
        values = by_year[status].astype(float).fillna(0).to_numpy()
        ax.bar(years, values, bottom=bottom, color=color, width=0.8, label=_STATUS_LABELS[status])
        bottom = bottom + values
    if accessions is not None and len(accessions):
        totals = dict(zip(years, bottom))
        acc_years = accessions["year"].astype(int).to_numpy()
        per_year = pd.Series(acc_years).value_counts()
        stack = {}
        xs, ys = [], []
        for yr in acc_years:
            k = stack.get(yr, 0)
            stack[yr] = k + 1
            xs.append(yr)
            ys.append(totals.get(yr, 0) + 1.2 + 1.3 * k)
        ax.scatter(xs, ys, marker="v", s=70, color="black", zorder=3, label="accession reported in the articles")
        for (yr, yv), country in zip(zip(xs, ys), accessions["country_id"]):
            if per_year.get(yr, 0) == 1 and isinstance(country, str):
                ax.annotate(country.replace("-", " ").title(), (yr, yv), xytext=(0, 7), textcoords="offset points",
                            ha="center", fontsize=8)
    ax.set_xticks(years[::2], [str(y) for y in years[::2]], fontsize=9)
    ax.set_ylabel("states", fontsize=9)
    ax.margins(y=0.15)
    sns.despine(ax=ax)
    ax.legend(fontsize=8, frameon=False, loc="upper left", ncol=4)
    ax.set_title("SCO members, observers and dialogue partners at the end of each year", fontsize=11, loc="left")
    fig.tight_layout()
    return fig


def event_types_by_summit(profile: pd.DataFrame, *, summit_ids=None):
    """Return a heatmap of event types (rows) per summit (columns), the count written in each non-empty cell.

    `profile` is ``timeline.coverage_profile`` output (rows of dimension
    ``event_type`` are used). One label per non-zero (type, summit) count.
    """
    counts = _matrix(profile, "event_type", summit_ids)
    if counts.empty:
        return _empty("no dated events in these summits' coverage")
    order = [t for t in EVENT_TYPES if t in counts.index] + sorted(set(counts.index) - set(EVENT_TYPES))
    return _heatmap(counts.loc[order], "What happened, by summit: dated events per type", fmt=".0f")


def actors_by_summit(profile: pd.DataFrame, *, summit_ids=None, n: int = 12):
    """Return a heatmap of the `n` most mentioned actors (rows) per summit (columns), mentions written in the cells.

    `profile` is ``timeline.coverage_profile`` output (rows of dimension
    ``actor``); rows are the actors with the most mentions over the summits
    shown. One label per non-zero (actor, summit) count.
    """
    counts = _matrix(profile, "actor", summit_ids)
    if counts.empty:
        return _empty("no actors in these summits' coverage")
    top = counts.sum(axis=1).sort_values(ascending=False).head(n).index
    return _heatmap(counts.loc[top], "Who the coverage is about: mentions per summit", fmt=".0f")


# --------------------------------------------------------------------------- helpers


def _matrix(profile: pd.DataFrame, dimension: str, summit_ids) -> pd.DataFrame:
    rows = profile[profile["dimension"] == dimension]
    if summit_ids is not None:
        rows = rows[rows["summit_id"].isin(list(summit_ids))]
    if rows.empty:
        return pd.DataFrame()
    table = rows.pivot_table(index="name", columns="summit_id", values="count", aggfunc="sum", fill_value=0)
    cols = list(summit_ids) if summit_ids is not None else sorted(table.columns)
    return table.reindex(columns=[c for c in cols if c in table.columns]).astype(int)


def _heatmap(counts: pd.DataFrame, title: str, *, fmt: str):
    fig, ax = plt.subplots(figsize=(2.2 * counts.shape[1] + 3.2, 0.38 * len(counts) + 1.5))
    sns.heatmap(counts, ax=ax, cmap="Blues", annot=counts.where(counts > 0), fmt=fmt, cbar=False,
                linewidths=1, linecolor="white", mask=counts == 0, annot_kws={"fontsize": 9})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.tick_params(axis="y", rotation=0, labelsize=9)
    ax.set_facecolor("0.96")
    ax.set_title(title + " (grey: none)", fontsize=11, loc="left", pad=24)
    fig.tight_layout()
    return fig


def _spread(lanes: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Vertical offsets that keep markers of the same lane and day apart (0, +0.18, -0.18, +0.36...)."""
    out = np.zeros(len(x))
    seen: dict[tuple, int] = {}
    for i, key in enumerate(zip(lanes, x)):
        k = seen.get(key, 0)
        seen[key] = k + 1
        step = (k + 1) // 2
        out[i] = 0.0 if k == 0 else (0.18 * step if k % 2 else -0.18 * step)
    return out


def _day_label(days: int) -> str:
    if days == 0:
        return "opening"
    sign = "\u2212" if days < 0 else "+"
    n = abs(days)
    if n >= 365:
        return f"{sign}{round(n / 365)} y"
    return f"{sign}{n} d"



def save(fig, data: pd.DataFrame, name: str, folder: str | None):
    """Return `fig` after saving it as ``folder/name.png`` beside the table it was drawn from (``name.csv``).

    An empty `folder` saves nothing (interactive use); reports pass their figures folder.
    """
    if folder:
        from pathlib import Path

        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        fig.savefig(path / f"{name}.png", dpi=110, bbox_inches="tight")
        data.to_csv(path / f"{name}.csv", index=False)
    return fig

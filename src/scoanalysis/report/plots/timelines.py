"""Figures of the comparative timeline: the SCO's history, lanes aligned on each summit, membership, profiles.

Each function takes what a summaries.timeline function returns and returns a Figure.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D

from ...patterns.events import EVENT_TYPES
from ...reference import FOCUS_SUMMITS
from .common import PALETTE, empty_figure, heatmap, summit_colors

#: Marker shape of each event type (shapes differ where colours repeat).
EVENT_MARKERS = dict(zip(EVENT_TYPES, ("*", "o", "s", ">", "D", "P", "X", "^", "v", "<", "h", "p", "d", "8")))
#: Colour of each event type.
EVENT_COLORS = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(EVENT_TYPES)}
#: Colours of the membership statuses, in stacking order.
STATUS_COLORS = {"member": PALETTE[0], "observer": PALETTE[1], "dialogue_partner": PALETTE[2]}
_STATUS_LABELS = {"member": "members", "observer": "observers", "dialogue_partner": "dialogue partners"}


def absolute_timeline(table: pd.DataFrame, *, highlight=FOCUS_SUMMITS):
    """Return the SCO's history on one axis: summits as landmarks (top row), events in one row per type.

    `table` is ``summaries.timeline.absolute_timeline`` output. Summit markers are grey,
    the highlighted summits in their colour and labelled with city and year; an
    event's marker has the colour of the summit whose coverage tells it and a
    line runs over its days when it spans more than one. One marker per row of
    `table` (PathCollection offsets), one label per highlighted summit present.
    """
    if table.empty:
        return empty_figure("no summits or events to show")
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

    `table` is ``summaries.timeline.aligned_timeline`` output. Event types differ by marker
    shape and colour (legend on the right); markers on the same day of a lane are
    spread vertically; a line runs over an event's days when it spans more than
    one. The x axis is linear within a week of the opening and logarithmic beyond.
    `window` (first, last day) drops rows outside it. One marker per row kept
    (PathCollection offsets).
    """
    data = table if window is None else table[(table["relative_days"] >= window[0]) & (table["relative_days"] <= window[1])]
    if data.empty:
        return empty_figure("no dated events to align")
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

    `by_year` is ``summaries.timeline.membership_by_year`` output; `accessions` is
    ``summaries.timeline.accession_events`` output: one triangle above the year's bar per
    accession, labelled with the country when it is the year's only one. One bar
    per (year, status) (patches), one marker per accession row (PathCollection
    offsets).
    """
    if by_year.empty:
        return empty_figure("no membership data")
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

    `profile` is ``summaries.timeline.coverage_profile`` output (rows of dimension
    ``event_type`` are used). One label per non-zero (type, summit) count.
    """
    counts = _matrix(profile, "event_type", summit_ids)
    if counts.empty:
        return empty_figure("no dated events in these summits' coverage")
    order = [t for t in EVENT_TYPES if t in counts.index] + sorted(set(counts.index) - set(EVENT_TYPES))
    return heatmap(counts.loc[order], "What happened, by summit: dated events per type", fmt=".0f")


def actors_by_summit(profile: pd.DataFrame, *, summit_ids=None, n: int = 12):
    """Return a heatmap of the `n` most mentioned actors (rows) per summit (columns), mentions written in the cells.

    `profile` is ``summaries.timeline.coverage_profile`` output (rows of dimension
    ``actor``); rows are the actors with the most mentions over the summits
    shown. One label per non-zero (actor, summit) count.
    """
    counts = _matrix(profile, "actor", summit_ids)
    if counts.empty:
        return empty_figure("no actors in these summits' coverage")
    top = counts.sum(axis=1).sort_values(ascending=False).head(n).index
    return heatmap(counts.loc[top], "Who the coverage is about: mentions per summit", fmt=".0f")



def _matrix(profile: pd.DataFrame, dimension: str, summit_ids) -> pd.DataFrame:
    rows = profile[profile["dimension"] == dimension]
    if summit_ids is not None:
        rows = rows[rows["summit_id"].isin(list(summit_ids))]
    if rows.empty:
        return pd.DataFrame()
    table = rows.pivot_table(index="name", columns="summit_id", values="count", aggfunc="sum", fill_value=0)
    cols = list(summit_ids) if summit_ids is not None else sorted(table.columns)
    return table.reindex(columns=[c for c in cols if c in table.columns]).astype(int)


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

"""What the figures share: the colour-blind-safe palette, summit colours, bar panels, heatmaps, saving.

Colours come from seaborn's colour-blind-safe palette. Figure functions never change
their input and never save files; `save` is the notebook's choice.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ...reference import FOCUS_SUMMITS

PALETTE = sns.color_palette("colorblind")
#: Rows (people, speakers) a heatmap shows at most: beyond that it is too tall to read.
MAX_ROWS = 40


def summit_colors(summit_ids) -> dict[str, tuple]:
    """Return a stable colour for each summit id (focus summits first)."""
    ordered = list(dict.fromkeys([*FOCUS_SUMMITS, *sorted(summit_ids)]))
    return {sid: PALETTE[i % len(PALETTE)] for i, sid in enumerate(ordered)}


def empty_figure(message: str):
    """Return a small figure that says there is nothing to draw, and why."""
    fig, ax = plt.subplots(figsize=(6, 1.5))
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.axis("off")
    return fig


def bar_panels(frame: pd.DataFrame, *, value: str, n: int, empty: str, xlabel: str | None = None,
                line: float | None = None):
    """Return one panel per group of `frame` (group, term, `value`) with its `n` largest terms as bars."""
    groups = list(dict.fromkeys(frame["group"]))
    if not groups:
        return empty_figure(empty)
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


def heatmap(counts: pd.DataFrame, title: str, *, fmt: str):
    """Return a heatmap of `counts` (rows × summits), each non-zero count written in its cell, zeros grey."""
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


def save(fig, data: pd.DataFrame, name: str, folder: str | None):
    """Return `fig` after saving it as ``folder/name.png`` beside the table it was drawn from (``name.csv``).

    An empty `folder` saves nothing (interactive use); reports pass their figures folder.
    """
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        fig.savefig(path / f"{name}.png", dpi=110, bbox_inches="tight")
        data.to_csv(path / f"{name}.csv", index=False)
    return fig

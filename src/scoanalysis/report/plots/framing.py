"""Figures of framing: theme shares, distinctive words and tone per group.

Each function takes what summaries.theme_shares, summaries.distinctive_words or
summaries.tone return (the framing functions' columns) and returns a Figure.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from .common import PALETTE, bar_panels, empty_figure


def theme_heatmap(shares: pd.DataFrame):
    """Return a heatmap of theme shares: groups (rows) × themes (columns), cells in percent.

    `shares` comes from summaries.theme_shares (group, theme, share, n_sentences). Each
    cell is labelled with the percentage and the sentence count. One cell per row.
    """
    if shares.empty:
        return empty_figure("no theme shares")
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

    `words` comes from summaries.distinctive_words (group, term, z, count). At most `n`
    bars per panel; the dashed line marks z = 1.96.
    """
    return bar_panels(words, value="z", n=n, empty="no words", xlabel="z (log-odds, informative prior)", line=1.96)


def tone_bars(tone: pd.DataFrame):
    """Return diverging bars of each group's share of positive and negative sentences (VADER).

    `tone` comes from summaries.tone (group, positive_share, negative_share,
    compound_mean, n_sentences). One pair of bars per group, mean compound in the label.
    """
    if tone.empty:
        return empty_figure("no tone")
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

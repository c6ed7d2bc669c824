"""The framing figures draw a cell or a bar per group and theme, word or tone."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import scoanalysis as sa  # noqa: E402
from scoanalysis import summaries  # noqa: E402
from scoanalysis.report import plots  # noqa: E402

pytestmark = pytest.mark.usefixtures("close_figures")


def test_theme_heatmap_labels_one_cell_per_group_and_theme(seed_tables_dir):
    shares = summaries.theme_shares(sa.load_summaries(seed_tables_dir))
    fig = plots.theme_heatmap(shares)
    assert len(fig.axes[0].texts) == len(shares) and all("%\n(" in t.get_text() for t in fig.axes[0].texts)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [t.replace("_", " ") for t in dict.fromkeys(shares["theme"])]


def test_distinctive_words_chart_draws_at_most_n_bars_per_group():
    words = pd.DataFrame({"group": ["a"] * 4 + ["b"] * 2, "term": list("wxyzuv"), "z": [3.0, 2.5, 1.0, -1.0, 2.0, 0.5],
                          "count": [5, 4, 3, 1, 2, 1]})
    fig = plots.distinctive_words_chart(words, n=3)
    assert [len(ax.patches) for ax in fig.axes] == [3, 2]
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["a", "b"]


def test_tone_bars_draw_a_positive_and_a_negative_bar_per_group():
    tone = pd.DataFrame({"group": ["a", "b"], "n_sentences": [10, 4], "compound_mean": [0.2, -0.1],
                         "positive_share": [0.5, 0.25], "negative_share": [0.1, 0.5]})
    fig = plots.tone_bars(tone)
    widths = sorted(round(p.get_width()) for p in fig.axes[0].patches)
    assert widths == [-50, -10, 25, 50]


@pytest.mark.parametrize("figure", ["theme_heatmap", "distinctive_words_chart", "tone_bars"])
def test_framing_figures_say_so_when_there_is_nothing_to_draw(figure):
    fig = getattr(plots, figure)(pd.DataFrame(columns=["group", "theme", "term", "share", "z", "n_sentences"]))
    assert fig.axes[0].texts and fig.axes[0].texts[0].get_text().startswith("no ")

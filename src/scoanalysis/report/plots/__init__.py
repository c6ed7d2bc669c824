"""Figures for the reports: each function takes a DataFrame first and returns a matplotlib Figure.

* `corpus`: summits on a time axis, articles per summit, sentence kinds, top terms,
  attendance and quotation heatmaps, duplicate pairs;
* `framing`: theme shares, distinctive words, tone;
* `timelines`: the SCO's history, lanes aligned on each summit, membership, coverage profiles;
* `common`: the palette, summit colours, and `save` (a figure beside the table it was drawn from).
"""

from .common import PALETTE, save, summit_colors
from .corpus import (articles_per_summit, attendance_matrix, duplicate_pairs_map, quote_counts, sentence_kinds,
                     summit_timeline, top_terms)
from .framing import distinctive_words_chart, theme_heatmap, tone_bars
from .timelines import absolute_timeline, actors_by_summit, aligned_timeline, event_types_by_summit, membership

__all__ = [
    "PALETTE", "summit_colors", "save",
    "summit_timeline", "articles_per_summit", "sentence_kinds", "top_terms", "attendance_matrix", "quote_counts",
    "duplicate_pairs_map",
    "theme_heatmap", "distinctive_words_chart", "tone_bars",
    "absolute_timeline", "aligned_timeline", "membership", "event_types_by_summit", "actors_by_summit",
]

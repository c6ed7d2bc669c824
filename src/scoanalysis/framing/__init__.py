"""Framing: which themes coverage touches, which words set a group apart, and its tone.

Three measures, each per group of articles (a summit, an outlet; `by` maps article_id to
the group):

* themes (`themes`): the share of a group's prose sentences that touch each theme of the
  documented lexicon data/reference/themes.csv (`theme_mentions`, `theme_shares`);
* distinctive words (`words`): the log-odds ratio with an informative Dirichlet prior of
  Monroe, Colaresi & Quinn (2008), each group against all the others (`distinctive_words`);
* tone (`sentiment`): VADER sentence scores through NLTK's analyser, per group (`tone`) and per
  actor (`tone_by_actor`), with the lexicon words that drive each score.

Sentences are the prose ones (not boilerplate). Articles that repeat others (duplicates,
translation variants) count as often as they occur: drop them first
(articles.duplicate_of) to count each story once.
"""

from .common import N_DRIVERS, GroupBy
from .themes import MENTION_COLUMNS, SHARE_COLUMNS, THEME_COLUMNS, THEMES_FILE, theme_lexicon, theme_mentions, theme_shares
from .sentiment import (ACTOR_TONE_COLUMNS, NEGATIVE_COMPOUND, POSITIVE_COMPOUND, TONE_COLUMNS, analyzer, sentence_tone,
                   summary_from, tone, tone_by_actor)
from .words import DISTINCTIVE_COLUMNS, PRIOR_SHARE, distinctive_words

__all__ = [
    "GroupBy", "N_DRIVERS",
    "THEMES_FILE", "THEME_COLUMNS", "MENTION_COLUMNS", "SHARE_COLUMNS", "theme_lexicon", "theme_mentions", "theme_shares",
    "DISTINCTIVE_COLUMNS", "PRIOR_SHARE", "distinctive_words",
    "TONE_COLUMNS", "ACTOR_TONE_COLUMNS", "POSITIVE_COMPOUND", "NEGATIVE_COMPOUND", "analyzer", "sentence_tone", "tone",
    "tone_by_actor", "summary_from",
]

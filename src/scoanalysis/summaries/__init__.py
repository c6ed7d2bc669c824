"""Summaries: small tables the reports read instead of the large ones, written by the build.

* `catalog`: the summary tables, what one row is and what is capped, and the limits
  (HEAD_ROWS, EVIDENCE_SENTENCES) the build and the reports share;
* `contributions`: what each partition's articles contribute, keyed by article (`write_part`);
* `write` (with `folds`): the contributions summed per summit, outlet and duplicate or not
  at the end of the build (`write_summaries`), and the evidence sentences' text (`write_evidence`);
* `read`: the read-only mapping the reports take (`load_summaries`, `Summaries`,
  `originals`) and the few sentences they look up;
* `measures`: term counts, themes, distinctive words, tone and mentions from the
  summaries, equal to what the whole tables give;
* `timeline`, `timelinejs`: the comparative timeline as tables, and its TimelineJS exports.
"""

from .catalog import ACTOR_ROWS, EVIDENCE_SENTENCES, EVIDENCE_TABLES, HEAD_ROWS, PARTS, SMALL_TABLES
from .contributions import contributions
from .measures import (article_counts, distinctive_words, entity_names, mention_counts, term_counts, theme_shares,
                       tone, tone_by_actor)
from .catalog import SUMMARY_TABLES
from .contributions import write_part
from .read import Summaries, article_sentences, frame_head, load_summaries, originals, sentence_texts
from .write import write_evidence, write_summaries

__all__ = [
    "ACTOR_ROWS", "EVIDENCE_SENTENCES", "EVIDENCE_TABLES", "HEAD_ROWS", "PARTS", "SMALL_TABLES", "SUMMARY_TABLES",
    "contributions", "write_part", "write_summaries", "write_evidence",
    "Summaries", "load_summaries", "originals", "frame_head", "sentence_texts", "article_sentences",
    "article_counts", "term_counts", "distinctive_words", "theme_shares", "tone", "tone_by_actor", "mention_counts",
    "entity_names",
]

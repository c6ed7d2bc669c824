"""Display-ready tables and one-line narratives for the report notebooks, read from the summaries only.

Each view takes the summaries (summaries.load_summaries, a read-only mapping) first, or
a table the summaries.timeline functions return, and gives a new DataFrame (or a
Markdown or HTML string) shaped for reading, not for further analysis:

* `articles`: the corpus overview (articles, page furniture, repeats, translation, contradictions);
* `summit`: one summit's profile (facts, articles, dated statements, quotations, attendance);
* `comparison`: summits and outlets side by side (coverage, quotations, themes, words, tone);
* `timeline`: events with their evidence and the timelines' tables;
* `common`: `show` (a report table, rows capped) and what the views share.
"""

from .articles import (article_overview, boilerplate, contradictions, corpus_line, duplicates_overview,
                       pairs_side_by_side, problems, problems_line, publication_evidence, side_by_side,
                       translation_clues)
from .common import MAX_EVIDENCE, SHOW_ROWS, show
from .comparison import (coverage_line, distinctive_overview, quoted_by_summit, theme_overview, tone_by_actor_overview,
                         tone_overview)
from .summit import (dated_statements, summit_articles, summit_attendance, summit_count_line, summit_facts,
                     summit_quotes)
from .timeline import (absolute_table, accessions_table, aligned_line, aligned_table, events_line, events_table,
                       membership_line, profile_line)

__all__ = [
    "SHOW_ROWS", "MAX_EVIDENCE", "show",
    "article_overview", "corpus_line", "publication_evidence", "boilerplate", "problems", "problems_line",
    "duplicates_overview", "side_by_side", "pairs_side_by_side", "translation_clues", "contradictions",
    "summit_facts", "summit_count_line", "summit_articles", "summit_attendance", "dated_statements", "summit_quotes",
    "coverage_line", "quoted_by_summit", "theme_overview", "distinctive_overview", "tone_overview",
    "tone_by_actor_overview",
    "events_table", "absolute_table", "aligned_table", "accessions_table", "events_line", "aligned_line",
    "membership_line", "profile_line",
]

"""The summary tables: what each row is, what is capped, and the limits the build and the reports share.

The reports chart term counts, themes, tone and mentions, and list a few hundred rows of
dated statements, quotes, page furniture and translation clues. The summary tables hold
exactly that, so a report costs what the summaries weigh, not what the corpus does: their
sizes depend on the vocabulary, the lexicons and the numbers of summits, outlets, actors
and articles, never on the number of sentences or mentions. Columns: schema.TABLES.
"""

from __future__ import annotations

#: Rows kept of each capped list (per summit for dated statements and quotes): at least
#: what a report table shows (report.views.SHOW_ROWS).
HEAD_ROWS = 300
#: Actors whose tone is summarised: the most mentioned, over all articles and over
#: originals only (the union of both lists); a report shows the first 15.
ACTOR_ROWS = 100
#: Kinds of entity whose tone is summarised (framing.tone_by_actor's default).
ACTOR_TYPES = ("person", "country")
#: The groupings of articles that themes and tone are summed over.
DIMENSIONS = ("summit_id", "outlet")
#: Evidence sentences a report quotes per attendance or events row (report.views.MAX_EVIDENCE):
#: their text is in summary_evidence, so no report looks sentences up for them.
EVIDENCE_SENTENCES = 10
#: The tables whose rows cite evidence sentences (an ``evidence`` list of ``article_id:sentence_id``).
EVIDENCE_TABLES = ("attendance", "events")
#: Folder under the build's parts folder where the partitions' contributions go.
PARTS = "summary"

#: Summary table name -> what one row is and what is capped (columns: schema.SUMMARY_TABLES).
SUMMARY_TABLES: dict[str, str] = {
    "summary_terms": "content word counted per (summit, duplicate or not) as text.term_counts counts it; "
                     "every word, no cap (bounded by the vocabulary)",
    "summary_tone": "prose sentences of a group (by summit_id or outlet): count, summed VADER compound, "
                    "positive and negative counts",
    "summary_tone_words": "VADER lexicon word's summed valence per group (bounded by the lexicon)",
    "summary_themes": "sentences and articles touching each theme per group",
    "summary_theme_terms": "matches of each lexicon term per group and theme",
    "summary_actors": f"tone of the prose sentences naming an actor ({', '.join(ACTOR_TYPES)}); only the "
                      f"{ACTOR_ROWS} actors in most sentences (all articles, and originals only) with 2 or more",
    "summary_actor_names": "sentences naming an actor of summary_actors by each name",
    "summary_actor_words": "summed VADER valence of each word in the sentences naming an actor of summary_actors",
    "summary_mentions": "mentions of an entity by one name per summit; first_seen orders the first mention "
                        "(bounded by the entities)",
    "summary_quoted": "quotations (not scare quotes) with a speaker, per summit and speaker",
    "summary_kinds": "sentences of each kind per article (one row per article and kind)",
    "summary_articles": f"articles placed at a summit, with their first body sentence (lead): the first {HEAD_ROWS} "
                        "per summit, in the articles table's order; n_rows counts them all",
    "summary_dated": f"date phrases that denote days, in calendar order: the first {HEAD_ROWS} per summit; "
                     "n_rows counts them all",
    "summary_quotes": f"quotations by article and offset: the first {HEAD_ROWS} per summit; n_rows counts them all",
    "summary_boilerplate": f"sentences flagged as page furniture: the first {HEAD_ROWS}; n_rows counts them all",
    "summary_translation": f"clues of machine translation (translation.translation_evidence): the first {HEAD_ROWS}; "
                           "n_rows counts them all",
    "summary_evidence": f"text of the sentences a report quotes as evidence: the first {EVIDENCE_SENTENCES} of each "
                        f"row of {' and '.join(EVIDENCE_TABLES)} (bounded by their rows)",
}
#: The contract tables a report reads whole: one row per article, event, summit and person, pair, claim, problem.
SMALL_TABLES = ("articles", "events", "attendance", "duplicates", "claims", "problems")

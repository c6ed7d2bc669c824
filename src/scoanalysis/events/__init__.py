"""Dated events: sentences that report something happening on days a reader can name.

Per article, ``event_mentions`` reads each sentence once: a mention is a *trigger*
from the lexicon (patterns.events: summit sessions, meetings, visits, arrivals,
statements, accessions, agreements, foundings, attacks, clashes, disengagements,
elections, sanctions...) tied to a *date* of the same sentence (or, under strict
conditions, of the sentence before), with its actors, places, description and status.
Over the corpus, ``events`` merges the mentions that tell the same event into one row
of the contract's events table and gives each a readable id.

Where each decision lives:

* ``mentions``: the mentions table of one or many articles (``article_event_mentions``
  is the build's per-article entry, ``event_mentions`` the tables' one);
* ``sentence``: one sentence's mentions, summits snapped to the reference, umbrellas dropped;
* ``dates``: which dates can date an event (timexes, coordinations, summit anchors);
* ``triggers``: which words are triggers;
* ``pairing``: which date dates which trigger, and when a sentence borrows a date;
* ``describe``: actors, places, description and status;
* ``clusters`` and ``merge``: merging mentions into events, and ``independent_groups``
  for merging a batch at a time;
* ``numbering``: event ids and the events table's columns;
* ``records``, ``context``, ``inputs``, ``clauses``: the records passed between them,
  an article's summit and date, the per-sentence inputs, clause boundaries.
"""

from __future__ import annotations

from .clusters import MIN_ACTOR_OVERLAP, MIN_DESCRIPTION_OVERLAP
from .describe import ACTOR_TYPES, MAX_DESCRIPTION
from .merge import events, independent_groups, merged_mentions
from .mentions import MENTION_COLUMNS, SKIP_KINDS, article_event_mentions, event_mentions, mentions_table
from .numbering import EVENT_COLUMNS, NUMBERING_ORDER, event_id, iter_evidence, number_events
from .pairing import MAX_COST


__all__ = [
    "ACTOR_TYPES", "EVENT_COLUMNS", "MAX_COST", "MAX_DESCRIPTION", "MENTION_COLUMNS", "MIN_ACTOR_OVERLAP",
    "MIN_DESCRIPTION_OVERLAP", "NUMBERING_ORDER", "SKIP_KINDS", "article_event_mentions", "event_id", "mentions_table",
    "event_mentions", "events", "independent_groups", "iter_evidence", "merged_mentions", "number_events",
]

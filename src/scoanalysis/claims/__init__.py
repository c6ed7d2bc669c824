"""Claims: what articles state about memberships, offices, member counts, founding and summit dates.

``extract_claims`` reads each sentence with its entity mentions and returns its
subject–predicate–object statements: a state is, becomes or joined a member (observer,
dialogue partner) of an organisation; a person holds the office whose title stands
before their name; an organisation has N members or was founded in a year; a summit
took place on a day. ``check_claims`` sets the claims against the reference tables at
each article's date and against each other, and returns the claims that conflict,
both sides of every contradiction, each pointing at what it conflicts with.

Where each part lives:

* ``extract``: the claims table of one or many articles (``claim_rows`` is the
  build's per-article entry);
* ``statements``: the pattern families a sentence is read for; ``sentence``: the
  masked sentence and the collector that makes claim rows;
* ``check``: the conflicts table; ``verdicts``: what the reference says of one claim;
  ``conflicts``: which claims contradict each other;
* ``facts``: the reference facts both read (memberships.csv for the SCO, any
  ``<org>_members.csv`` beside it with the same columns, offices, roles, summits);
* ``kinds``: the predicates and the families they are checked in.
"""

from __future__ import annotations

from .check import CONFLICT_COLUMNS, MAX_LISTED, check_claims
from .extract import CLAIM_COLUMNS, claim_rows, claims_table, extract_claims
from .kinds import PREDICATES


__all__ = ["CLAIM_COLUMNS", "CONFLICT_COLUMNS", "MAX_LISTED", "PREDICATES", "check_claims", "claim_rows", "claims_table",
           "extract_claims"]

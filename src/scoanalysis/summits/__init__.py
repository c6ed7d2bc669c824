"""Which SCO summit each article is about, scored from the evidence in its text.

The article is read sentence by sentence (reading.read): its headline and lead,
its captions, passages on the organisation's history, and sentences about an earlier
or a later meeting than the story's ("previously", "the last SCO summit in Tashkent",
"next year's meeting") are told apart, and each meeting it names is a summit of heads of
state, a ministers' or heads-of-government meeting, or another organisation's.

An article gets no summit when it does not name the SCO outside its captions, speaks of
no meeting of its leaders, is about a ministers' or heads-of-government meeting or
another organisation's, or names the SCO in one passing sentence (reading.meeting_verdict).

Otherwise each summit collects points from the sentences that may describe the story's
own meeting: the host city used as a place ("arrived in Samarkand", "the Astana summit",
"the Kazakh capital") rather than for its government ("Beijing and Moscow agreed"), more
in the lead; a dateline; the host country as the meeting's place ("Kazakhstan hosts",
"a meeting in Kazakhstan"); day-and-month phrases on the summit's days; the summit's
year, more when printed with the summit; the summit's number ("the 24th session"); a
meeting said to be virtual; the publication date, when known, near the summit; and, from
dating, states said to join and leaders named with offices they held then. Points
are taken off a summit earlier than a year the story names or bounds ("for the first time
since 2008"), one at or before a summit the text calls earlier (at or after one it calls
later), and one at which a named leader was not in office or a listed state had not the
status the text gives it. Captions count half and cannot decide alone.

* ``reading``: the article read sentence by sentence, and the verdict of no summit;
* ``dating``: offices and memberships as clues to the time of the story;
* ``choice``: the points per summit and the choice (``assign_summit``, ``summit_evidence``, ``assign``).
"""

from .choice import MIN_MARGIN, MIN_SCORE, WEIGHTS, assign, assign_summit, summit_evidence

__all__ = ["MIN_MARGIN", "MIN_SCORE", "WEIGHTS", "assign", "assign_summit", "summit_evidence"]

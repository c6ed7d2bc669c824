"""Tying dates to triggers: which date of a sentence dates which trigger, and when a sentence borrows one.

Every (trigger, date) pair of a sentence gets a cost: the characters between them,
plus 10 per comma, 60 per semicolon, colon, dash or long parenthesis, 40 per
subordinate clause opener ("who", "which", "while", "but"...), 25 when a coordinator
stands between a date and a later trigger ("in March and bombings in June"), 30 when
the trigger is the purpose of another event ("travel to Moscow for talks"), and 200
when a later date is given to something else in between ("sanctions linked to the
invasion in 2022", "since", "following"). A date inside a relative or subordinate
clause ("the war, which Russia launched in 2022, dominated the talks") dates only a
trigger of that clause. Pairs are taken cheapest first, each trigger and each date
once, up to ``MAX_COST``. A trigger without a date is no event; a date without a
trigger is background and no event.

A sentence with triggers but no date of its own may take the one date of the
sentence before it in the same paragraph, when that date dated nothing there, both
are in the past tense and that sentence had no event ("These threats were
highlighted earlier this year. ... The worst terrorist attack ... took place at a
concert hall in Moscow.").
"""

from __future__ import annotations

from ..patterns import events as P
from .clauses import subordinate_clause
from .records import Carry, DateUnit, TriggerHit

#: Highest cost at which a date is still tied to a trigger.
MAX_COST = 100
#: Sentence kinds that never lend their date to the next sentence.
NO_CARRY_KINDS = frozenset({"headline", "dek", "caption"})


def cost(folded: str, t: TriggerHit, u: DateUnit) -> float:
    """Return the cost of dating trigger `t` by unit `u` (infinite when `u` cannot date `t`)."""
    if u.source == "summit" and u.start <= t.start and t.end <= u.end:
        return float("inf")  # a summit is not dated by its own anchor
    if u.end <= t.start:
        gap, after = folded[u.end:t.start], False
    elif t.end <= u.start:
        gap, after = folded[t.end:u.start], True
    else:
        gap, after = "", False
    sub = subordinate_clause(folded, u.start)
    if sub and not (sub[0] <= t.start < sub[1]):
        return float("inf")  # a date inside a relative or subordinate clause dates only what is in it
    total = len(gap.strip()) + 10 * gap.count(",") + 60 * len(P.STRONG_BREAK.findall(gap))
    total += 40 * len(P.SUBORDINATE.findall(gap))
    if not after and P.COORDINATOR.search(gap):
        total += 25  # the date closes one conjunct, the trigger opens another: "in March and bombings in June"
    if after:
        for b in P.BLOCKER.finditer(gap):
            if b.start() <= 2 and P.OWN_RELATIVE.match(b.group()):
                continue  # the trigger's own relative clause: "the session that began last week"
            total += 200
            break
    if P.PURPOSE_BEFORE.search(folded[max(0, t.start - 40):t.start]):
        total += 30
    return total


def pair(folded: str, trigs: list[TriggerHit], units: list[DateUnit]) -> list[tuple[TriggerHit, DateUnit]]:
    """Return the (trigger, date) pairs of a sentence, cheapest first chosen, in order of the trigger."""
    costs = sorted(((cost(folded, t, u), i, j) for i, t in enumerate(trigs) for j, u in enumerate(units)),
                   key=lambda c: (c[0], c[1], c[2]))
    used_t, used_u, out = set(), set(), []
    for c, i, j in costs:
        if c > MAX_COST:
            break
        if i in used_t or j in used_u:
            continue
        used_t.add(i)
        used_u.add(j)
        out.append((trigs[i], units[j]))
    return sorted(out, key=lambda p: p[0].start)


def can_inherit(folded: str, trigs: list[TriggerHit], carry: Carry, para: int) -> bool:
    """Return whether a sentence without a date of its own takes the one left by the sentence before."""
    return (
        carry.paragraph_id == para
        and carry.kind not in NO_CARRY_KINDS
        and len(carry.unused) == 1
        and carry.unused[0].source == "timex"
        and not carry.had_events
        and carry.past
        and carry.unused[0].tense == "past"
        and not P.FUTURE.search(folded)
        and not P.MODAL.search(folded[:trigs[0].start])
    )

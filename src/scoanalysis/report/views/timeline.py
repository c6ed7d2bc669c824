"""Views of the comparative timeline: events with their evidence, the timelines' tables, one-line narratives.

`events_table` takes the summaries (summaries.load_summaries); the other tables take
what the summaries.timeline functions return, in the order their figures draw them.
"""

from __future__ import annotations

import pandas as pd

from ... import schema, summaries
from ...reference import FOCUS_SUMMITS
from .common import MAX_EVIDENCE, SHOW_ROWS, day_window, evidence_texts, headed, lane_lists, more


def events_table(tables: summaries.Summaries, *, summit_ids=None) -> pd.DataFrame:
    """Return the events with their evidence, for reading.

    Columns: days (calendar days, ``2024-07-03 to 2024-07-04``), type, what
    (description), who (actors by name), date as written, status, coverage of
    (summits whose articles tell it), evidence (each evidence sentence prefixed
    with ``article:sentence``), event (event_id). With `summit_ids`, only events
    told in those summits' coverage. Sorted by days. Each evidence cell quotes
    MAX_EVIDENCE sentences and counts the rest; the first SHOW_ROWS events, their
    total in ``attrs["n_rows"]``. Actors are named as first mentioned (summary_mentions).
    """
    all_events = tables["events"]
    if summit_ids is not None:
        keep = [not set(summit_ids).isdisjoint(row) for row in lane_lists(all_events)]
        all_events = all_events[keep]
    names = summaries.entity_names(tables)
    ev = all_events.head(SHOW_ROWS)
    sentences = evidence_texts(tables, [r for refs in ev["evidence"] for r in schema.evidence_refs(refs, MAX_EVIDENCE)])

    def evidence(refs, total) -> str:
        out = [f"[{aid[:3]}:{sid}] {sentences.get((aid, sid), '')}" for aid, sid in schema.evidence_refs(refs, MAX_EVIDENCE)]
        return " | ".join(out + more(total, MAX_EVIDENCE))

    return headed(pd.DataFrame({
        "days": day_window(ev["earliest"], ev["latest"]),
        "type": ev["event_type"],
        "what": ev["description"],
        "who": ev["actors"].map(lambda a: ", ".join(names.get(x, x) for x in schema.as_list(a))),
        "date as written": ev["date_text"],
        "status": ev["status"] if "status" in ev else "",
        "coverage of": [", ".join(row) for row in lane_lists(ev)],
        "evidence": [evidence(refs, total) for refs, total in zip(ev["evidence"], schema.evidence_counts(ev))],
        "event": ev["event_id"],
    }), all_events)


def absolute_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return the events of ``summaries.timeline.absolute_timeline`` for the table under its figure.

    Columns: days, type, what (label), coverage of, event; in the figure's order
    (by date). Summit landmarks are left out: the figure labels the highlighted ones.
    """
    ev = table[table["kind"] == "event"]
    return pd.DataFrame({
        "days": day_window(ev["date"], ev["end"]), "type": ev["event_type"], "what": ev["label"],
        "coverage of": ev["summit_id"].fillna(""), "event": ev["event_id"],
    }).reset_index(drop=True)


def aligned_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``summaries.timeline.aligned_timeline`` for the table under its figure.

    Columns: summit (the lane), from opening (``−10 d``, ``day 0``, ``+2 d``, or a
    range), days (calendar), type, what, event; lane by lane, by days.
    """
    return pd.DataFrame({
        "summit": table["summit_id"],
        "from opening": [_relative(a, b) for a, b in zip(table["relative_days"], table["relative_end"])],
        "days": day_window(table["earliest"], table["latest"]),
        "type": table["event_type"], "what": table["label"], "event": table["event_id"],
    }).reset_index(drop=True)


def accessions_table(accessions: pd.DataFrame) -> pd.DataFrame:
    """Return ``summaries.timeline.accession_events`` for reading: days, country, what, in reference data, evidence, event.

    The evidence cell names the first MAX_EVIDENCE sentences (``article:sentence``) and counts the rest.
    """
    return pd.DataFrame({
        "days": day_window(accessions["earliest"], accessions["latest"]),
        "country": accessions["country_id"].fillna("").map(lambda c: c.replace("-", " ").title()),
        "what": accessions["label"],
        "in reference data": accessions["in_reference"].map({True: "yes", False: "no"}).fillna(""),
        "evidence": [schema.evidence_line(refs, MAX_EVIDENCE, total=total)
                     for refs, total in zip(accessions["evidence"], schema.evidence_counts(accessions))],
        "event": accessions["event_id"],
    }).reset_index(drop=True)


def events_line(tables: dict[str, pd.DataFrame], summit_ids=FOCUS_SUMMITS) -> str:
    """Return one Markdown sentence: how many dated events each summit's coverage reports, and the oldest."""
    ev = tables["events"]
    if ev.empty:
        return "The articles date no events."
    bits, lanes = [], lane_lists(ev)
    for sid in summit_ids:
        n = sum(sid in row for row in lanes)
        bits.append(f"{sid}: {n} event{'s' * (n != 1)}")
    oldest = ev.sort_values("earliest").iloc[0]
    merged = int((ev["n_articles"] > 1).sum()) if "n_articles" in ev else 0
    return (f"The articles date **{len(ev)} events** ({'; '.join(bits)}). "
            f"The oldest is “{oldest['description']}” ({_years(oldest['earliest'], oldest['latest'])}); "
            f"{merged} event{'s are' if merged != 1 else ' is'} told by more than one article.")


def aligned_line(table: pd.DataFrame) -> str:
    """Return one Markdown sentence per lane: how far back and ahead each summit's coverage reaches."""
    if table.empty:
        return "No event could be placed relative to a summit."
    lines = []
    for sid, lane in table.groupby("summit_id", sort=False):
        before = int((lane["relative_days"] < 0).sum())
        after = int((lane["relative_days"] > 0).sum())
        at = len(lane) - before - after
        text = (f"- **{sid}**: {before} event{'s' * (before != 1)} before the opening, {at} on the opening day, "
                f"{after} after")
        if before:
            back = lane.loc[lane["relative_days"].idxmin()]
            text += f"; furthest back: “{back['label']}” ({_relative(back['relative_days'], back['relative_end'])})"
        if after:
            ahead = lane.loc[lane["relative_days"].idxmax()]
            text += f"; furthest ahead: “{ahead['label']}” ({_relative(ahead['relative_days'], ahead['relative_end'])})"
        lines.append(text + ".")
    return "\n".join(lines)


def membership_line(by_year: pd.DataFrame, accessions: pd.DataFrame | None = None) -> str:
    """Return one Markdown sentence on how the SCO grew and which accessions the articles report."""
    if by_year.empty:
        return "No membership data."
    first, last = by_year.iloc[0], by_year.iloc[-1]
    text = (f"From {first['year']} to {last['year']} the SCO went from {first['member']} members to {last['member']}, "
            f"with {last['observer']} observers and {last['dialogue_partner']} dialogue partners at the end.")
    if accessions is not None and len(accessions):
        told = ", ".join(f"{str(c).replace('-', ' ').title()} ({y})" for c, y in zip(accessions["country_id"], accessions["year"]))
        text += f" The articles report {len(accessions)} accession{'s' * (len(accessions) != 1)}: {told}."
    return text


def profile_line(profile: pd.DataFrame, summit_ids=FOCUS_SUMMITS) -> str:
    """Return one Markdown sentence per summit: its most frequent event type and its most mentioned actor."""
    lines = []
    for sid in summit_ids:
        sub = profile[profile["summit_id"] == sid]
        types = sub[sub["dimension"] == "event_type"]
        actors = sub[sub["dimension"] == "actor"]
        if len(types):
            top = types[types["count"] == types["count"].max()]
            kind = (f"most frequent event type{'s' * (len(top) > 1)}: {', '.join(f'*{n}*' for n in top['name'])} "
                    f"({top['count'].iloc[0]}{' each' if len(top) > 1 else ''})")
        else:
            kind = "no dated events"
        who = f"the most mentioned actor is {actors.iloc[0]['name']} ({actors.iloc[0]['count']} mentions)" if len(actors) else "no actors"
        lines.append(f"- **{sid}**: {kind}; {who}.")
    return "\n".join(lines)


def _relative(a, b) -> str:
    def one(d) -> str:
        d = int(d)
        sign = "\u2212" if d < 0 else "+"
        if abs(d) >= 365:
            return f"{sign}{abs(d) / 365.25:.1f} y"
        return "day 0" if d == 0 else f"{sign}{abs(d)} d"
    if pd.isna(a):
        return ""
    return one(a) if pd.isna(b) or int(a) == int(b) else f"{one(a)} to {one(b)}"


def _years(lo, hi) -> str:
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    return str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"

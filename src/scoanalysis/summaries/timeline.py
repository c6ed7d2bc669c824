"""The comparative timeline as tables, built from the events table and the summaries.

Every function takes the events table (``events.events``, or the events.csv a build
wrote) first and returns a new DataFrame; inputs are never changed.

* ``absolute_timeline``: the SCO from its founding to 2025 on one axis, every summit
  of the reference table as a landmark and the articles' events between them.
* ``aligned_timeline``: one lane per summit, events placed by days relative to that
  summit's opening (an event told by articles about two summits is in both lanes).
* ``membership_by_year`` / ``accession_events``: members, observers and dialogue
  partners per year from the reference memberships, and the accessions the
  articles report.
* ``coverage_profile``: what each summit's coverage is about, event types and
  actors (from summary_mentions) counted side by side.

The TimelineJS exports of the same events are in `timelinejs`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import schema

#: Columns of ``absolute_timeline``.
ABSOLUTE_COLUMNS = ["date", "end", "kind", "summit_id", "event_type", "label", "event_id"]
#: Columns of ``aligned_timeline``.
ALIGNED_COLUMNS = ["summit_id", "relative_days", "relative_end", "event_type", "label", "event_id", "earliest", "latest"]
#: Membership statuses, in stacking order.
STATUSES = ("member", "observer", "dialogue_partner")
#: Columns of ``membership_by_year``.
MEMBERSHIP_COLUMNS = ["year", *STATUSES, "total", "changes"]
#: Columns of ``accession_events``.
ACCESSION_COLUMNS = ["event_id", "year", "earliest", "latest", "country_id", "label", "evidence", "n_evidence",
                     "in_reference"]
#: Columns of ``coverage_profile``.
PROFILE_COLUMNS = ["summit_id", "dimension", "key", "name", "count", "share"]
#: Longest label, in characters.
LABEL_CHARS = 60


def absolute_timeline(
    events: pd.DataFrame,
    *,
    summits: pd.DataFrame,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    label_chars: int = LABEL_CHARS,
) -> pd.DataFrame:
    """Return the SCO's timeline on one axis: every summit as a landmark, then the articles' events.

    Parameters
    ----------
    events
        The events table (event_id, summit_id, event_type, earliest, latest, description).
    summits
        The reference summits (summit_id, city, start, end).
    start, end
        The period shown; default from January 1 of the first summit's year (the
        founding) to December 31 of the last summit's year. Events are kept when
        their days overlap it.
    label_chars
        Longest label; longer descriptions are cut at a word and end with "…".

    Returns
    -------
    DataFrame with columns date (first day), end (last day), kind (``summit`` or
    ``event``), summit_id (the landmark's, or the summit whose coverage tells the
    event), event_type (``summit`` for landmarks), label, event_id (empty for
    landmarks); sorted by date, landmarks before events on the same day.
    """
    table = summits.sort_values("start")
    lo = pd.Timestamp(start) if start is not None else pd.Timestamp(year=int(table["start"].min().year), month=1, day=1)
    hi = pd.Timestamp(end) if end is not None else pd.Timestamp(year=int(table["end"].max().year), month=12, day=31)
    table = table[(table["start"] <= hi) & (table["end"] >= lo)]
    marks = pd.DataFrame({
        "date": table["start"].to_numpy(), "end": table["end"].to_numpy(), "kind": "summit",
        "summit_id": table["summit_id"].to_numpy(), "event_type": "summit",
        "label": [f"{c} {s.year}" for c, s in zip(table["city"], table["start"])], "event_id": None,
    })
    ev = dated_events(events)
    ev = ev[(ev["earliest"] <= hi) & (ev["latest"] >= lo)]
    rows = pd.DataFrame({
        "date": ev["earliest"].to_numpy(), "end": ev["latest"].to_numpy(), "kind": "event",
        "summit_id": ev["summit_id"].to_numpy(), "event_type": ev["event_type"].to_numpy(),
        "label": [short_label(d, label_chars) for d in ev["description"]], "event_id": ev["event_id"].to_numpy(),
    })
    out = pd.concat([marks, rows], ignore_index=True) if len(rows) else marks
    out["_rank"] = (out["kind"] == "event").astype(int)
    out = out.sort_values(["date", "_rank", "event_id"], kind="stable", na_position="first").drop(columns="_rank")
    return _typed(out.reset_index(drop=True), ABSOLUTE_COLUMNS, dates=("date", "end"))


def aligned_timeline(
    events: pd.DataFrame,
    *,
    summits: pd.DataFrame,
    summit_ids=None,
    label_chars: int = LABEL_CHARS,
) -> pd.DataFrame:
    """Return the events in one lane per summit, placed by days relative to that summit's opening.

    An event belongs to the lane of every summit whose coverage tells it (the
    ``summit_ids`` list column when present, else ``summit_id``).

    Parameters
    ----------
    events
        The events table.
    summits
        The reference summits (summit_id, start).
    summit_ids
        Lanes to keep, in this order (default every summit that has events, in
        calendar order).
    label_chars
        Longest label.

    Returns
    -------
    DataFrame with columns summit_id (the lane), relative_days (first day minus the
    lane's opening), relative_end (last day minus the opening), event_type, label,
    event_id, earliest, latest; sorted by lane, then relative_days.
    """
    starts = summits.set_index("summit_id")["start"]
    calendar = {sid: i for i, sid in enumerate(summits.sort_values("start")["summit_id"])}
    ev = dated_events(events)
    rows = []
    for r in ev.to_dict("records"):
        lanes = event_lanes(r)
        for lane in dict.fromkeys(lanes):
            if lane not in starts.index:
                continue
            opening = starts[lane]
            rows.append({
                "summit_id": lane, "relative_days": (r["earliest"] - opening).days,
                "relative_end": (r["latest"] - opening).days, "event_type": r["event_type"],
                "label": short_label(r["description"], label_chars), "event_id": r["event_id"],
                "earliest": r["earliest"], "latest": r["latest"],
            })
    out = pd.DataFrame(rows, columns=ALIGNED_COLUMNS)
    order = list(summit_ids) if summit_ids is not None else sorted(set(out["summit_id"]), key=lambda s: calendar.get(s, 10_000))
    out = out[out["summit_id"].isin(order)]
    out["_lane"] = out["summit_id"].map({s: i for i, s in enumerate(order)})
    out = out.sort_values(["_lane", "relative_days", "relative_end", "event_id"], kind="stable").drop(columns="_lane")
    out = _typed(out.reset_index(drop=True), ALIGNED_COLUMNS, dates=("earliest", "latest"))
    for col in ("relative_days", "relative_end"):
        out[col] = out[col].astype("Int64")
    return out


def membership_by_year(memberships: pd.DataFrame, *, start: int = 2001, end: int = 2025) -> pd.DataFrame:
    """Return how many states held each SCO status at the end of each year.

    Parameters
    ----------
    memberships
        The reference memberships (country_id, status, start, end); a status counts
        for a year when it started on or before December 31 and had not ended by then.
    start, end
        First and last year.

    Returns
    -------
    DataFrame with one row per year: year, member, observer, dialogue_partner
    (counts), total, changes (what started that year, e.g. ``india: member;
    pakistan: member``).
    """
    m = memberships.copy()
    m["start"] = pd.to_datetime(m["start"])
    m["end"] = pd.to_datetime(m["end"])
    rows = []
    for year in range(int(start), int(end) + 1):
        cut = pd.Timestamp(year=year, month=12, day=31)
        held = m[(m["start"] <= cut) & (m["end"].isna() | (m["end"] > cut))]
        counts = {s: int((held["status"] == s).sum()) for s in STATUSES}
        began = m[m["start"].dt.year == year].sort_values(["start", "country_id"])
        changes = "; ".join(f"{c}: {s}" for c, s in zip(began["country_id"], began["status"]))
        rows.append({"year": year, **counts, "total": sum(counts.values()), "changes": changes})
    out = pd.DataFrame(rows, columns=MEMBERSHIP_COLUMNS)
    for col in ("year", *STATUSES, "total"):
        out[col] = out[col].astype("Int64")
    return out


def accession_events(events: pd.DataFrame, *, memberships: pd.DataFrame | None = None,
                     label_chars: int = LABEL_CHARS) -> pd.DataFrame:
    """Return the accessions the articles report, one row per accession event.

    Parameters
    ----------
    events
        The events table; rows of event_type ``accession`` are kept.
    memberships
        The reference memberships; with them, country_id is the first actor that
        has a membership row and in_reference says whether the reference records a
        status that began within the event's years.
    label_chars
        Longest label.

    Returns
    -------
    DataFrame with columns event_id, year (of earliest), earliest, latest,
    country_id, label, evidence (list), n_evidence (how many references the event
    has: the list's length, or the events' ``n_evidence`` when their lists were cut),
    in_reference (boolean, empty without memberships); sorted by earliest.
    """
    ev = dated_events(events)
    ev = ev[ev["event_type"] == "accession"]
    known = set(memberships["country_id"]) if memberships is not None else set()
    rows = []
    for r in ev.to_dict("records"):
        actors = [a for a in schema.as_list(r.get("actors")) if a != "sco"]
        country = next((a for a in actors if a in known), actors[0] if actors else None)
        in_ref = pd.NA
        if memberships is not None and country:
            starts = pd.to_datetime(memberships.loc[memberships["country_id"] == country, "start"])
            in_ref = bool(((starts.dt.year >= r["earliest"].year) & (starts.dt.year <= r["latest"].year)).any())
        evidence = schema.as_list(r.get("evidence"))
        rows.append({"event_id": r["event_id"], "year": r["earliest"].year, "earliest": r["earliest"],
                     "latest": r["latest"], "country_id": country, "label": short_label(r["description"], label_chars),
                     "evidence": evidence, "n_evidence": schema.evidence_count(evidence, r.get(schema.EVIDENCE_COUNT)),
                     "in_reference": in_ref})
    out = pd.DataFrame(rows, columns=ACCESSION_COLUMNS)
    out = _typed(out.sort_values(["earliest", "event_id"], kind="stable").reset_index(drop=True), ACCESSION_COLUMNS,
                 dates=("earliest", "latest"))
    out["year"] = out["year"].astype("Int64")
    out["in_reference"] = out["in_reference"].astype("boolean")
    out["n_evidence"] = out["n_evidence"].astype("Int64")
    return out


def coverage_profile(
    events: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    summit_ids=None,
    entity_types=("person", "country", "organization"),
) -> pd.DataFrame:
    """Return what each summit's coverage is about: event types and actors counted per summit.

    Parameters
    ----------
    events
        The events table; an event counts for every summit whose coverage tells it.
    mentions
        Mention counts per summit: summit_id, entity_id, entity_type, name, count,
        first_seen (the order of first mention), as summary_mentions holds them.
    summit_ids
        Summits to keep, in this order (default every summit with articles, by id).
    entity_types
        Entity types counted as actors.

    Returns
    -------
    DataFrame in long form with columns summit_id, dimension (``event_type`` or
    ``actor``), key (the event type or entity_id), name (display name), count, and
    share (count over the summit's total for that dimension); sorted by summit,
    dimension, count (largest first).
    """
    ev = dated_events(events)
    rows = []
    for r in ev.to_dict("records"):
        lanes = event_lanes(r)
        for lane in dict.fromkeys(lanes):
            rows.append({"summit_id": lane, "dimension": "event_type", "key": r["event_type"], "name": r["event_type"]})
    types = pd.DataFrame(rows, columns=["summit_id", "dimension", "key", "name"])
    ent = mentions[mentions["entity_type"].isin(entity_types)].sort_values("first_seen", kind="stable")
    actors = pd.DataFrame({
        "summit_id": ent["summit_id"].to_numpy(), "dimension": "actor", "key": ent["entity_id"].to_numpy(),
        "name": ent["name"].to_numpy(), "n": ent["count"].to_numpy(),
    })
    both = pd.concat([types.assign(n=1), actors], ignore_index=True)
    both = both[both["summit_id"].notna() & (both["summit_id"].astype(str) != "")]
    if summit_ids is not None:
        both = both[both["summit_id"].isin(list(summit_ids))]
    if both.empty:
        return _typed(pd.DataFrame(columns=PROFILE_COLUMNS), PROFILE_COLUMNS)
    names = both.drop_duplicates(["dimension", "key"]).set_index(["dimension", "key"])["name"]
    counts = both.groupby(["summit_id", "dimension", "key"])["n"].sum().astype(int).rename("count").reset_index()
    counts["name"] = [names.get((d, k), k) for d, k in zip(counts["dimension"], counts["key"])]
    totals = counts.groupby(["summit_id", "dimension"])["count"].transform("sum")
    counts["share"] = counts["count"] / totals
    order = list(summit_ids) if summit_ids is not None else sorted(counts["summit_id"].unique())
    counts["_s"] = counts["summit_id"].map({s: i for i, s in enumerate(order)})
    counts["_d"] = (counts["dimension"] == "actor").astype(int)
    counts = counts.sort_values(["_s", "_d", "count", "key"], ascending=[True, True, False, True], kind="stable")
    out = counts.drop(columns=["_s", "_d"]).reset_index(drop=True)[PROFILE_COLUMNS]
    out["count"] = out["count"].astype("Int64")
    return out


def event_lanes(r: Mapping) -> list[str]:
    """Return the summits whose coverage tells event `r` (a row as a mapping): its summit_ids list, else its summit_id."""
    return schema.as_list(r.get("summit_ids")) or ([r["summit_id"]] if isinstance(r.get("summit_id"), str) else [])


def dated_events(events: pd.DataFrame) -> pd.DataFrame:
    """Return the events that have both dates, as timestamps, sorted by earliest, latest, event_id."""
    ev = events.copy()
    if ev.empty:
        for c in ("event_id", "summit_id", "event_type", "earliest", "latest", "description"):
            if c not in ev.columns:
                ev[c] = pd.Series(dtype=object)
    ev["earliest"] = pd.to_datetime(ev["earliest"])
    ev["latest"] = pd.to_datetime(ev["latest"])
    ev = ev[ev["earliest"].notna() & ev["latest"].notna()]
    return ev.sort_values(["earliest", "latest", "event_id"], kind="stable")


def _typed(frame: pd.DataFrame, columns: list[str], *, dates=()) -> pd.DataFrame:
    out = frame.reindex(columns=columns)
    for c in dates:
        out[c] = pd.to_datetime(out[c]).astype("datetime64[ns]")
    return out


def short_label(text, n: int) -> str:
    """Return `text` (empty for none) cut to at most `n` characters at a word, ending with "…" when cut."""
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    if len(text) <= n:
        return text
    return text[:n].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"

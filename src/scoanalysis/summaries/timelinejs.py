"""The comparative timeline exported for journalists' tools: TimelineJS3 JSON and its Google Sheets CSV.

``timelinejs`` gives one ``group`` per focus summit; ``timeline_rows`` the same slides in
the columns of TimelineJS's Google Sheets template; ``write_exports`` writes both beside
the tables, atomically, and the template's rows as Parquet too.
"""

from __future__ import annotations

import csv
import html
import json
import os
from pathlib import Path

import pandas as pd

from .. import schema, storage
from ..reference import FOCUS_SUMMITS
from .timeline import LABEL_CHARS, dated_events, event_lanes, short_label

#: Columns of TimelineJS's Google Sheets template, the layout of timeline.csv.
TIMELINE_CSV_COLUMNS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
]
#: Evidence references a TimelineJS slide names; the rest are counted ("and 12 more").
SLIDE_EVIDENCE = 10


def timelinejs(
    events: pd.DataFrame,
    *,
    summits: pd.DataFrame,
    focus=FOCUS_SUMMITS,
    title: str | None = None,
) -> dict:
    """Return the comparative timeline in TimelineJS3 JSON format, one ``group`` per summit.

    Parameters
    ----------
    events
        The events table; events of the coverage of a `focus` summit are kept (an
        event told about two focus summits appears in the first one's group).
    summits
        The reference summits (summit_id, city, country, start, end, host_leader).
    focus
        The summits compared, in order; each gets a landmark slide (unless an event
        of the table already is that summit) and an era spanning its days.
    title
        Headline of the title slide (default names the focus summits).

    Returns
    -------
    dict with ``title`` (a slide), ``events`` (slides with start_date and, for
    ranges, end_date as {"year", "month", "day"} integers at the event's
    granularity, text {"headline", "text"} HTML-escaped, group (summit_id),
    unique_id (event_id), display_date), ``eras`` and ``scale`` ("human").
    """
    focus = list(focus)
    table = summits.set_index("summit_id")
    known = [s for s in focus if s in table.index]
    ev = dated_events(events)
    slides, seen_refs = [], set()
    for r in ev.to_dict("records"):
        lanes = event_lanes(r)
        group = next((s for s in known if s in lanes), None)
        if group is None:
            continue
        if isinstance(r.get("summit_ref"), str) and r.get("summit_ref"):
            seen_refs.add(r["summit_ref"])
        slides.append(_slide(r, group))
    for sid in known:
        if sid in seen_refs:
            continue
        s = table.loc[sid]
        slides.append({
            "start_date": _date_obj(s["start"]),
            **({"end_date": _date_obj(s["end"])} if s["end"] != s["start"] else {}),
            "text": {"headline": html.escape(f"SCO summit in {s['city']} ({s['start'].year})"),
                     "text": html.escape(f"Heads of state of the SCO meet in {s['city']}, {s['country']}; "
                                         f"host: {s['host_leader']}.")},
            "group": sid, "unique_id": f"summit-{sid}",
            "display_date": _display(s["start"], s["end"]),
        })
    slides.sort(key=lambda sl: (sl["start_date"]["year"], sl["start_date"].get("month", 0), sl["start_date"].get("day", 0),
                                sl["unique_id"]))
    eras = [{
        "start_date": _date_obj(table.loc[sid, "start"]), "end_date": _date_obj(table.loc[sid, "end"]),
        "text": {"headline": html.escape(f"{table.loc[sid, 'city']} {table.loc[sid, 'start'].year}")},
    } for sid in known]
    names = ", ".join(f"{table.loc[s, 'city']} {table.loc[s, 'start'].year}" for s in known)
    return {
        "title": {"text": {
            "headline": html.escape(title or f"SCO summits compared: {names}"),
            "text": html.escape(f"{len(slides)} dated events reported in the articles, grouped by the summit whose "
                                "coverage tells them. Built by scoanalysis from the text of the articles."),
        }},
        "events": slides,
        "eras": eras,
        "scale": "human",
    }


def timeline_rows(timeline: dict) -> pd.DataFrame:
    """Return the slides of a ``timelinejs`` dict as rows of TimelineJS's Google Sheets template.

    Columns: Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display
    Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type
    (``title``, empty for events, ``era``), Group, Background.
    """
    rows = []
    t = timeline.get("title")
    if t:
        rows.append({"Headline": t["text"].get("headline", ""), "Text": t["text"].get("text", ""), "Type": "title"})
    for sl in timeline.get("events", []):
        rows.append({**_sheet_date(sl["start_date"], ""), **_sheet_date(sl.get("end_date"), "End "),
                     "Display Date": sl.get("display_date", ""), "Headline": sl["text"]["headline"],
                     "Text": sl["text"]["text"], "Group": sl.get("group", "")})
    for era in timeline.get("eras", []):
        rows.append({**_sheet_date(era["start_date"], ""), **_sheet_date(era["end_date"], "End "),
                     "Headline": era["text"]["headline"], "Type": "era"})
    return pd.DataFrame(rows, columns=TIMELINE_CSV_COLUMNS).astype(object).fillna("").astype(str)


def write_exports(
    events: pd.DataFrame,
    out: str | os.PathLike,
    *,
    summits: pd.DataFrame,
    focus=FOCUS_SUMMITS,
) -> dict[str, Path]:
    """Write ``timeline.json`` (TimelineJS3), ``timeline.csv`` (its Google Sheets template) and its Parquet twin into `out`.

    ``timeline.parquet`` holds the rows of timeline.csv as text, NULL where a CSV cell
    is empty. Each file is written to a temporary file in `out` and moved into place
    (``os.replace``), so a reader never sees half a file. Returns the paths by
    file name.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    data = timelinejs(events, summits=summits, focus=focus)
    rows = timeline_rows(data)
    json_path, csv_path = folder / "timeline.json", folder / "timeline.csv"

    def write_json(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")

    def write_csv(tmp: str) -> None:
        rows.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)

    storage.atomic_write(json_path, write_json)
    storage.atomic_write(csv_path, write_csv)
    parquet_path = storage.write_text_parquet(rows, folder / "timeline.parquet")
    return {"timeline.json": json_path, "timeline.csv": csv_path, "timeline.parquet": parquet_path}


def _slide(r: dict, group: str) -> dict:
    lo, hi = r["earliest"], r["latest"]
    slide = {"start_date": _date_obj(lo, hi)}
    if _granularity(lo, hi) == "range":
        slide["end_date"] = _date_obj(hi)
    evidence = schema.evidence_line(r.get("evidence"), SLIDE_EVIDENCE, total=r.get(schema.EVIDENCE_COUNT))
    detail = f"{r['event_type']} · {_display(lo, hi)} (“{r.get('date_text') or ''}”) · evidence: {evidence}"
    slide.update({
        "text": {"headline": html.escape(short_label(r["description"], LABEL_CHARS)),
                 "text": f"<p>{html.escape(str(r['description']))}</p><p><small>{html.escape(detail)}</small></p>"},
        "group": group,
        "unique_id": str(r["event_id"]),
        "display_date": _display(lo, hi),
    })
    return slide


def _granularity(lo: pd.Timestamp, hi: pd.Timestamp) -> str:
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    if lo == hi:
        return "day"
    if lo.day == 1 and hi == lo + pd.offsets.MonthEnd(0):
        return "month"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return "year"
    return "range"


def _date_obj(lo, hi=None) -> dict:
    lo = pd.Timestamp(lo)
    gran = _granularity(lo, hi) if hi is not None else "day"
    if gran == "year":
        return {"year": int(lo.year)}
    if gran == "month":
        return {"year": int(lo.year), "month": int(lo.month)}
    return {"year": int(lo.year), "month": int(lo.month), "day": int(lo.day)}


def _display(lo, hi) -> str:
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    gran = _granularity(lo, hi)
    if gran == "day":
        return f"{lo.day} {lo:%B %Y}"
    if gran == "month":
        return f"{lo:%B %Y}"
    if gran == "year":
        return str(lo.year)
    if lo.year == hi.year and lo.month == hi.month:
        return f"{lo.day}–{hi.day} {lo:%B %Y}"
    if lo.year == hi.year:
        return f"{lo.day} {lo:%B} – {hi.day} {hi:%B %Y}"
    return f"{lo.day} {lo:%B %Y} – {hi.day} {hi:%B %Y}"


def _sheet_date(d: dict | None, prefix: str) -> dict:
    if not d:
        return {}
    return {f"{prefix}{k.title()}": str(d[k]) if k in d else "" for k in ("year", "month", "day")}

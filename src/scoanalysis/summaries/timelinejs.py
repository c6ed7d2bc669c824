"""The comparative timeline exported for journalists' tools: TimelineJS3 JSON and its Google Sheets CSV.

``timelinejs`` gives one ``group`` per focus summit, labelled as its era is ("Astana 2024");
``timeline_rows`` the same slides in the columns of TimelineJS's Google Sheets template;
``write_exports`` writes both beside the tables, atomically, and the template's rows as
Parquet too. A slide's headline is the event's description cut at a phrase boundary
(``headline``); its text carries the whole description and names each evidence
sentence's article by headline and outlet.
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
from .timeline import dated_events, event_lanes

#: Columns of TimelineJS's Google Sheets template, the layout of timeline.csv.
TIMELINE_CSV_COLUMNS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
]
#: Evidence references a TimelineJS slide names; the rest are counted ("and 12 more").
SLIDE_EVIDENCE = 10
#: Longest slide headline, in characters.
HEADLINE_CHARS = 60
#: Words a phrase starts with: a headline is cut before one of them, never after.
_PHRASE_STARTS = frozenset(
    "about across after against along amid among and around as at because before behind between but by despite "
    "during for from in including into like near on onto or over since than that through to toward towards under "
    "until upon when where which while who whom whose with within without".split()
)
#: Words a headline must not end on (it would read as cut); "of" also starts a weaker phrase boundary.
_FUNCTION_WORDS = _PHRASE_STARTS | frozenset("a an the of its their his her this these those is are was were be "
                                             "been has have had will would can could".split())
#: Punctuation stripped from the end of a cut headline.
_TRAILING = " ,;:–—-…"


def timelinejs(
    events: pd.DataFrame,
    *,
    summits: pd.DataFrame,
    focus=FOCUS_SUMMITS,
    title: str | None = None,
    articles: pd.DataFrame | None = None,
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
    articles
        The articles table (article_id, headline, outlet): evidence references are
        shown as the article's headline and outlet with the sentence number; without
        it, as ``article_id:sentence_id``.

    Returns
    -------
    dict with ``title`` (a slide), ``events`` (slides with start_date and, for
    ranges, end_date as {"year", "month", "day"} integers at the event's
    granularity, text {"headline", "text"} HTML-escaped, group (the summit's
    label, "City Year", as its era's headline), unique_id (event_id),
    display_date), ``eras`` and ``scale`` ("human").
    """
    focus = list(focus)
    table = summits.set_index("summit_id")
    known = [s for s in focus if s in table.index]
    labels = {sid: f"{table.loc[sid, 'city']} {table.loc[sid, 'start'].year}" for sid in known}
    names_of = _article_names(articles)
    ev = dated_events(events)
    slides, seen_refs = [], set()
    for r in ev.to_dict("records"):
        lanes = event_lanes(r)
        group = next((s for s in known if s in lanes), None)
        if group is None:
            continue
        if isinstance(r.get("summit_ref"), str) and r.get("summit_ref"):
            seen_refs.add(r["summit_ref"])
        slides.append(_slide(r, labels[group], names_of))
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
            "group": labels[sid], "unique_id": f"summit-{sid}",
            "display_date": _display(s["start"], s["end"]),
        })
    slides.sort(key=lambda sl: (sl["start_date"]["year"], sl["start_date"].get("month", 0), sl["start_date"].get("day", 0),
                                sl["unique_id"]))
    eras = [{
        "start_date": _date_obj(table.loc[sid, "start"]), "end_date": _date_obj(table.loc[sid, "end"]),
        "text": {"headline": html.escape(labels[sid])},
    } for sid in known]
    names = ", ".join(labels[s] for s in known)
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
    articles: pd.DataFrame | None = None,
) -> dict[str, Path]:
    """Write ``timeline.json`` (TimelineJS3), ``timeline.csv`` (its Google Sheets template) and its Parquet twin into `out`.

    ``timeline.parquet`` holds the rows of timeline.csv as text, NULL where a CSV cell
    is empty. Evidence is named from `articles`, or else from the articles table already
    written in `out` (none there: by reference). Each file is written to a temporary
    file in `out` and moved into place (``os.replace``), so a reader never sees half a
    file. Returns the paths by file name.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if articles is None and (folder / "articles.csv").is_file():
        articles = storage.read_table("articles", folder)
    data = timelinejs(events, summits=summits, focus=focus, articles=articles)
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


def headline(description: str, *, limit: int = HEADLINE_CHARS) -> str:
    """Return `description` as a slide headline of at most `limit` characters that reads whole.

    A description that fits is kept (less a trailing ellipsis). A longer one is cut
    at a word boundary before the last phrase that starts within the limit (a
    preposition, conjunction or relative word: "... was established | by China"),
    never after a function word or inside quotation marks; cuts before "of" are
    taken only when no other leaves half the limit. A first word longer than the
    limit is cut with an ellipsis.
    """
    text = " ".join(str(description).split()).rstrip(_TRAILING)
    if len(text) <= limit:
        return text
    words = text.split(" ")
    strong = weak = plain = 0  # the longest cut before a phrase, before "of" or a participle, anywhere
    for k in range(1, len(words)):
        head = " ".join(words[:k]).rstrip(_TRAILING)
        if len(head) > limit:
            break
        if _bare(words[k - 1]) in _FUNCTION_WORDS or head.count("“") != head.count("”") or head.count('"') % 2:
            continue
        nxt = _bare(words[k])
        if nxt in _PHRASE_STARTS or words[k - 1][-1] in ",;:":
            strong = k
        elif nxt == "of" or nxt.endswith("ing"):
            weak = k
        else:
            plain = k
    long_enough = [k for k in (strong, weak) if k and len(" ".join(words[:k])) >= limit // 2]
    best = long_enough[0] if long_enough else max(strong, weak) or plain
    if not best:
        return text[: limit - 1].rstrip(_TRAILING) + "…"
    return " ".join(words[:best]).rstrip(_TRAILING)


def _bare(word: str) -> str:
    return word.strip("“”\"'‘’(),;:.…").lower()


def _article_names(articles: pd.DataFrame | None) -> dict[str, str]:
    """Return each article's name for evidence: “headline” (outlet), either alone, or nothing when it has neither."""
    if articles is None or not len(articles):
        return {}
    names = {}
    for aid, head, outlet in zip(articles["article_id"], articles["headline"], articles["outlet"]):
        head = head if isinstance(head, str) and head.strip() else ""
        outlet = outlet if isinstance(outlet, str) and outlet.strip() else ""
        name = " ".join(part for part in (f"“{head}”" if head else "", f"({outlet})" if head and outlet else outlet) if part)
        if name:
            names[str(aid)] = name
    return names


def _evidence(value, total, names: dict[str, str]) -> str:
    """Return the first SLIDE_EVIDENCE references of an evidence cell, each article named once with its sentence numbers."""
    refs = schema.as_list(value)
    if not names:
        return schema.evidence_line(refs, SLIDE_EVIDENCE, total=total)
    count = schema.evidence_count(refs, total)
    grouped: dict[str, list[str]] = {}
    for ref in refs[:SLIDE_EVIDENCE]:
        aid, _, sid = str(ref).rpartition(":")
        grouped.setdefault(aid or str(ref), []).append(sid)
    parts = []
    for aid, sids in grouped.items():
        name = names.get(aid, f"article {aid}")
        parts.append(f"{name}, sentence{'s' * (len(sids) > 1)} {', '.join(sids)}")
    more = f" (and {count - SLIDE_EVIDENCE:,} more)" if count > SLIDE_EVIDENCE else ""
    return "; ".join(parts) + more


def _slide(r: dict, group: str, names: dict[str, str]) -> dict:
    lo, hi = r["earliest"], r["latest"]
    slide = {"start_date": _date_obj(lo, hi)}
    if _granularity(lo, hi) == "range":
        slide["end_date"] = _date_obj(hi)
    evidence = _evidence(r.get("evidence"), r.get(schema.EVIDENCE_COUNT), names)
    detail = f"{r['event_type']} · {_display(lo, hi)} (“{r.get('date_text') or ''}”) · evidence: {evidence}"
    slide.update({
        "text": {"headline": html.escape(headline(r["description"])),
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

"""Display-ready tables and one-line narratives for the report notebooks.

Each function takes the dict of tables from `load_tables` first and returns a
new DataFrame (or a Markdown string) shaped for reading, not for further analysis.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import compare, frames, framing, reference, schema, summaries
from . import timeline as tl
from .reference import FOCUS_SUMMITS



#: Rows a report table shows; the rest are counted in its caption (the tables hold them all).
SHOW_ROWS = 300
#: Evidence sentences a cell quotes (attendance, events); the rest are counted in the cell.
#: The build writes their text to summary_evidence.
MAX_EVIDENCE = summaries.EVIDENCE_SENTENCES


def show(frame: pd.DataFrame, *, precision: int = 2, max_rows: int | None = SHOW_ROWS):
    """Return `frame` styled for a report: no index, cell text HTML-escaped, numbers rounded ("(none)" when empty).

    At most `max_rows` rows are shown (None: all), with a caption saying how many
    were left out, so a report's size does not grow with the corpus. A frame that is
    itself the head of a longer list (read from a summary) says how long in
    ``frame.attrs["n_rows"]``.
    """
    if frame.empty:
        from IPython.display import Markdown

        return Markdown("_(none)_")
    total = max(int(frame.attrs.get("n_rows", len(frame))), len(frame))
    shown = frame if max_rows is None or len(frame) <= max_rows else frame.head(max_rows)
    styled = shown.style.hide(axis="index").format(escape="html", precision=precision, na_rep="")
    if len(shown) < total:
        styled = styled.set_caption(f"The first {len(shown):,} of {total:,} rows; the built tables "
                                    "(data/processed) hold them all.")
    return styled


def article_overview(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return one row per article for display.

    Columns: article, headline, outlet, published, how dated, summit, score,
    sentences, words, boilerplate sentences, machine-translated, repeats.
    """
    a = tables["articles"]
    return pd.DataFrame(
        {
            "article": a["article_id"],
            "headline": a["headline"].fillna("(none)"),
            "outlet": a["outlet"].fillna(""),
            "published": a["published"].dt.strftime("%Y-%m-%d").fillna(""),
            "how dated": a["published_source"].fillna("unknown"),
            "possible days": _window(a["published_earliest"], a["published_latest"]),
            "summit": a["summit_id"].fillna("(none)"),
            "score": a["summit_score"].round(2),
            "sentences": a["n_sentences"],
            "words": a["n_words"],
            "boilerplate sentences": a["n_boilerplate"],
            "machine-translated": a["translated"].map({True: "yes", False: "no"}).fillna(""),
            "repeats": a["duplicate_of"].fillna(""),
        }
    )


def boilerplate(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return every sentence flagged as page furniture: article, sentence, kind, text.

    From summaries (no sentences table in `tables`): the first summaries.HEAD_ROWS, their
    total in ``attrs["n_rows"]``.
    """
    if "sentences" not in tables:
        flagged = tables["summary_boilerplate"]
        return _headed(flagged[["article_id", "sentence_id", "kind", "text"]].rename(
            columns={"article_id": "article", "sentence_id": "sentence"}), flagged)
    s = tables["sentences"]
    flagged = s[s["is_boilerplate"].astype(bool)]
    return flagged[["article_id", "sentence_id", "kind", "text"]].rename(
        columns={"article_id": "article", "sentence_id": "sentence"}
    ).reset_index(drop=True)


def summit_facts(summit_id: str) -> pd.DataFrame:
    """Return the reference facts of one summit as a two-column table (fact, value)."""
    s = _summit(summit_id)
    days = (s["end"] - s["start"]).days + 1
    facts = {
        "summit": summit_id,
        "city": s["city"],
        "country": s["country"],
        "dates": f"{s['start']:%d %B %Y}" + (f" to {s['end']:%d %B %Y} ({days} days)" if days > 1 else ""),
        "host": s["host_leader"],
        "format": str(s["format"]).replace("_", " "),
        "source": s["source"],
    }
    return pd.DataFrame({"fact": list(facts), "value": [str(v) for v in facts.values()]})


def summit_articles(tables: dict[str, pd.DataFrame], summit_id: str) -> pd.DataFrame:
    """Return the articles assigned to `summit_id`: article, headline, published, score, words, lead.

    From summaries (no sentences table), the first summaries.HEAD_ROWS of them
    (summary_articles), their total in ``attrs["n_rows"]``: the articles table is not read.
    """
    if "sentences" in tables:
        a = tables["articles"]
        chosen = source = a[a["summit_id"] == summit_id]
        s = tables["sentences"]
        body = s[(s["kind"] == "body")].sort_values(["article_id", "sentence_id"])
        leads = chosen["article_id"].map(body.groupby("article_id")["text"].first())
    else:
        s = tables["summary_articles"]
        chosen = source = s[s["summit_id"] == summit_id]
        leads = chosen["lead"]
    return _headed(pd.DataFrame(
        {
            "article": chosen["article_id"],
            "headline": chosen["headline"].fillna("(none)"),
            "published": chosen["published"].dt.strftime("%Y-%m-%d").fillna("unknown"),
            "score": chosen["summit_score"].round(2),
            "words": chosen["n_words"],
            "lead sentence": leads.fillna(""),
        }
    ), source)


def corpus_line(tables: dict[str, pd.DataFrame]) -> str:
    """Return one Markdown sentence that sums up the corpus."""
    a = tables["articles"]
    n = len(a)
    assigned = a["summit_id"].notna().sum()
    summits = a["summit_id"].dropna().value_counts()
    parts = ", ".join(f"{k} ({v})" for k, v in summits.items())
    trans = int(a["translated"].fillna(False).astype(bool).sum())
    boiler = int(a["n_boilerplate"].fillna(0).sum())
    return (
        f"The corpus holds **{n} articles** with **{int(a['n_words'].sum()):,} words** of prose. "
        f"{assigned} are placed at a summit: {parts or 'none'}. "
        f"{trans} read as machine-translated; {boiler} sentences were flagged as page furniture and left out of counts."
    )


def coverage_line(tables: dict[str, pd.DataFrame], summit_ids=FOCUS_SUMMITS) -> str:
    """Return one Markdown sentence comparing how much coverage each summit has."""
    a = tables["articles"]
    bits = []
    for sid in summit_ids:
        sub = a[a["summit_id"] == sid]
        bits.append(f"{sid}: {len(sub)} article{'s' * (len(sub) != 1)}, {int(sub['n_words'].sum()):,} words")
    return "Coverage by summit — " + "; ".join(bits) + "."


def _summit(summit_id: str) -> pd.Series:
    from .exceptions import ParameterError

    table = reference.summits().set_index("summit_id")
    if summit_id not in table.index:
        raise ParameterError(f"unknown summit_id {summit_id!r}; use one of data/reference/summits.csv.")
    return table.loc[summit_id]


def summit_attendance(tables: dict[str, pd.DataFrame], summit_id: str) -> pd.DataFrame:
    """Return who attended `summit_id` for display: name, country, role, status, stand-in, evidence sentences.

    Sorted by status and name. From summaries (no sentences table), the first SHOW_ROWS
    people, their total in ``attrs["n_rows"]``: only their evidence sentences are read.
    """
    a = tables["attendance"]
    chosen = a[a["summit_id"] == summit_id].sort_values(["status", "name"])
    shown = chosen if "sentences" in tables else chosen.head(SHOW_ROWS)
    names = dict(zip(a["entity_id"], a["name"]))
    sentences = _texts(tables, [r for refs in shown["evidence"] for r in schema.evidence_refs(refs, MAX_EVIDENCE)])
    def evidence(refs, total):
        texts = [sentences.get(ref, "") for ref in schema.evidence_refs(refs, MAX_EVIDENCE)]
        return " | ".join(texts + _more(total))
    return _headed(pd.DataFrame({
        "name": shown["name"],
        "country": shown["country"],
        "role at the summit": shown["role"],
        "status": shown["status"],
        "sent in their place": shown["represented_by"].fillna("").map(lambda e: names.get(e, e) if e else ""),
        "evidence": [evidence(refs, total) for refs, total in zip(shown["evidence"], schema.evidence_counts(shown))],
    }), chosen)



def publication_evidence(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return how each article's publication date was found: article, published, how, window, clues."""
    a = tables["articles"]
    return pd.DataFrame({
        "article": a["article_id"],
        "published": a["published"].dt.strftime("%Y-%m-%d").fillna("unknown"),
        "how": a["published_source"].fillna("unknown"),
        "possible days": _window(a["published_earliest"], a["published_latest"]),
        "clues": a["published_evidence"].fillna(""),
    })


def dated_statements(tables: dict[str, pd.DataFrame], summit_id: str) -> pd.DataFrame:
    """Return the dated statements of the summit's articles in calendar order.

    Columns: days (the calendar days the phrase denotes), phrase (as written),
    value (TIMEX3), article, sentence (the statement). Durations and vague
    references, which denote no days, are left out. From summaries: the first
    summaries.HEAD_ROWS, their total in ``attrs["n_rows"]``.
    """
    if "timexes" not in tables:
        t = tables["summary_dated"]
        t = t[t["summit_id"] == summit_id]
        return _headed(pd.DataFrame({
            "days": _window(t["earliest"], t["latest"]), "phrase": t["text"], "value": t["value"],
            "article": t["article_id"], "sentence": t["sentence"].fillna(""),
        }), t)
    ids = set(tables["articles"].loc[tables["articles"]["summit_id"] == summit_id, "article_id"])
    t = tables["timexes"]
    t = t[t["article_id"].isin(ids) & t["earliest"].notna()].sort_values(["earliest", "latest", "article_id", "start"])
    sentences = tables["sentences"].set_index(["article_id", "sentence_id"])["text"]
    return pd.DataFrame({
        "days": _window(t["earliest"], t["latest"]),
        "phrase": t["text"],
        "value": t["value"],
        "article": t["article_id"],
        "sentence": [sentences.get((a, s), "") for a, s in zip(t["article_id"], t["sentence_id"])],
    }).reset_index(drop=True)


def summit_quotes(tables: dict[str, pd.DataFrame], summit_id: str) -> pd.DataFrame:
    """Return who is quoted in the summit's articles and their words: speaker, cue, kind, quote, article.

    From summaries: the first summaries.HEAD_ROWS, their total in ``attrs["n_rows"]``.
    """
    if "quotes" not in tables:
        q = tables["summary_quotes"]
        q = q[q["summit_id"] == summit_id]
    else:
        ids = set(tables["articles"].loc[tables["articles"]["summit_id"] == summit_id, "article_id"])
        q = tables["quotes"]
        q = q[q["article_id"].isin(ids)].sort_values(["article_id", "start"])
    return _headed(pd.DataFrame({
        "speaker": q["speaker"].fillna("(no speaker: a term in quotation marks)"),
        "cue": q["cue"].fillna(""),
        "kind": q["quote_kind"],
        "quote": q["quote"],
        "article": q["article_id"],
    }), q)


def quoted_by_summit(tables: dict[str, pd.DataFrame], summit_ids=FOCUS_SUMMITS) -> pd.DataFrame:
    """Return how many quotations each speaker has in each summit's coverage (speakers × summits)."""
    if "quotes" not in tables:
        q = tables["summary_quoted"]
        q = q[q["summit_id"].isin(summit_ids)].astype({"count": "int64"})
        table = q.pivot_table(index="speaker", columns="summit_id", values="count", aggfunc="sum", fill_value=0)
    else:
        q = tables["quotes"].merge(tables["articles"][["article_id", "summit_id"]], on="article_id")
        q = q[q["summit_id"].isin(summit_ids) & q["speaker"].notna() & (q["quote_kind"] != "scare")]
        table = q.pivot_table(index="speaker", columns="summit_id", values="quote", aggfunc="count", fill_value=0)
    table = table.reindex(columns=[s for s in summit_ids if s in table.columns])
    return table.assign(total=table.sum(axis=1)).sort_values("total", ascending=False).drop(columns="total")


def _window(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    lo = earliest.dt.strftime("%Y-%m-%d")
    hi = latest.dt.strftime("%Y-%m-%d")
    return lo.where(lo == hi, lo + " to " + hi).fillna("")



def problems(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return what the build skipped or handled specially: severity, file, problem, fix (errors first)."""
    p = tables.get("problems")
    if p is None or p.empty:
        return pd.DataFrame({"severity": [], "file": [], "problem": [], "fix": []})
    out = p.assign(file=p["file"].fillna("").map(lambda f: "/".join(Path(f).parts[-2:])))
    return out.sort_values(["severity", "file"])[["severity", "file", "problem", "fix"]].reset_index(drop=True)


def problems_line(tables: dict[str, pd.DataFrame]) -> str:
    """Return one Markdown sentence saying how many inputs were skipped or handled."""
    p = tables.get("problems")
    if p is None or p.empty:
        return "Every input was read without a problem."
    errors = int((p["severity"] == "error").sum())
    return (f"**{errors} input(s) were skipped** and {len(p) - errors} handled with a warning; "
            "the table says what and how to fix it.")


# --- duplicates, translation, contradictions, framing ----------------------------------

def duplicates_overview(tables: dict[str, pd.DataFrame], pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per pair of repeating articles: both articles and headlines, relation, similarity.

    `pairs` defaults to tables["duplicates"]; pass compare.duplicate_pairs's output to
    show its extra columns (aligned sentences) too.
    """
    pairs = tables["duplicates"] if pairs is None else pairs
    heads = tables["articles"].set_index("article_id")["headline"].fillna("(none)")
    out = pd.DataFrame({
        "article a": pairs["article_a"],
        "headline a": pairs["article_a"].map(heads),
        "article b": pairs["article_b"],
        "headline b": pairs["article_b"].map(heads),
        "relation": pairs["relation"].str.replace("_", " "),
        "similarity": pairs["similarity"].astype(float).round(2),
    })
    if "aligned_sentences" in pairs.columns:
        out["sentences aligned"] = [
            f"{int(k)} of {int(min(a, b))}" for k, a, b in zip(pairs["aligned_sentences"], pairs["n_sentences_a"], pairs["n_sentences_b"])
        ]
    return out.reset_index(drop=True)


def side_by_side(tables: dict[str, pd.DataFrame], article_a: str, article_b: str) -> str:
    """Return an HTML table of two articles' body sentences aligned side by side, changes marked.

    Words only in a are struck through (``<del>``), words only in b underlined (``<ins>``);
    all text is HTML-escaped by compare.align. Unmatched sentences stand alone on their side.
    """
    s = tables["sentences"] if "sentences" in tables else summaries.article_sentences(tables.folder, [article_a, article_b])
    rows = compare.align(s[s["article_id"] == article_a], s[s["article_id"] == article_b])
    body = "\n".join(
        f'<tr class="{r.status}"><td>{r.html_a}</td><td>{r.html_b}</td></tr>' for r in rows.itertuples(index=False)
    )
    return (
        '<table class="side-by-side">\n'
        f"<thead><tr><th>{html.escape(article_a)}</th><th>{html.escape(article_b)}</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def translation_clues(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return every clue of machine translation: article, sentence, clue, text (with context).

    From summaries: the first summaries.HEAD_ROWS, their total in ``attrs["n_rows"]``.
    """
    ev = tables["summary_translation"] if "sentences" not in tables else compare.translation_evidence(tables["sentences"])
    return _headed(ev[["article_id", "sentence_id", "clue", "text"]].rename(
        columns={"article_id": "article", "sentence_id": "sentence"}
    ).assign(clue=lambda f: f["clue"].str.replace("_", " ")), ev)


def theme_overview(tables: dict[str, pd.DataFrame], *, by: str = "summit_id", originals_only: bool = True) -> pd.DataFrame:
    """Return the share of prose sentences touching each theme, groups as rows, themes as columns (%).

    `by` is a column of the articles table. With `originals_only`, articles that repeat
    another (duplicate_of) are left out so a story re-published counts once.
    """
    if "sentences" not in tables:
        shares = summaries.theme_shares(originals(tables, include_duplicates=not originals_only), by=by)
    else:
        sents, mapping = _framing_input(tables, by=by, originals_only=originals_only)
        shares = framing.theme_shares(sents, by=mapping)
    table = shares.pivot(index="group", columns="theme", values="share") * 100
    table = table[list(dict.fromkeys(shares["theme"]))].round(0)
    table.columns = [c.replace("_", " ") for c in table.columns]
    return table.reset_index().rename(columns={"group": by.replace("_id", "")})


def distinctive_overview(tables: dict[str, pd.DataFrame], *, by: str = "summit_id", n: int = 10, originals_only: bool = True) -> pd.DataFrame:
    """Return each group's `n` most distinctive words (Fightin' Words), one row per group: group, words (z)."""
    if "sentences" not in tables:
        if by != "summit_id":
            from .exceptions import ParameterError

            raise ParameterError(f"the summaries count words by summit only, not by {by!r}; "
                                 "pass the whole tables (sa.load_tables()) to group by another column.")
        words = summaries.distinctive_words(originals(tables, include_duplicates=not originals_only))
    else:
        sents, mapping = _framing_input(tables, by=by, originals_only=originals_only)
        words = framing.distinctive_words(sents, by=mapping)
    top = words.groupby("group").head(n)
    return (
        top.assign(label=top["term"] + " (" + top["z"].round(1).astype(str) + ")")
        .groupby("group")["label"].apply(", ".join).rename("distinctive words (z)").reset_index()
        .rename(columns={"group": by.replace("_id", "")})
    )


def tone_overview(tables: dict[str, pd.DataFrame], *, by: str = "summit_id", originals_only: bool = True) -> pd.DataFrame:
    """Return the tone of each group for display: sentences, mean compound, % positive, % negative, driving words."""
    if "sentences" not in tables:
        t = summaries.tone(originals(tables, include_duplicates=not originals_only), by=by)
    else:
        sents, mapping = _framing_input(tables, by=by, originals_only=originals_only)
        t = framing.tone(sents, by=mapping)
    return pd.DataFrame({
        by.replace("_id", ""): t["group"],
        "sentences": t["n_sentences"],
        "mean compound": t["compound_mean"].round(2),
        "% positive": (t["positive_share"] * 100).round(0),
        "% negative": (t["negative_share"] * 100).round(0),
        "positive words": t["positive_words"].str.replace(";", ", "),
        "negative words": t["negative_words"].str.replace(";", ", "),
    })


def _framing_input(tables: dict[str, pd.DataFrame], *, by: str, originals_only: bool) -> tuple[pd.DataFrame, pd.Series]:
    a = tables["articles"]
    if originals_only and "duplicate_of" in a.columns:
        a = a[a["duplicate_of"].isna()]
    mapping = pd.Series(a[by].astype(object).where(a[by].notna(), "none").values, index=a["article_id"].values)
    s = tables["sentences"]
    return s[s["article_id"].isin(mapping.index)], mapping


def contradictions(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return every statement that disagrees with another article or the reference, both sides shown.

    Columns: article, statement (the sentence), claim (subject predicate object),
    conflicts with, note.
    """
    # a report (no sentences table) shows the first SHOW_ROWS and reads no more of the claims than those
    c = claims = tables["claims"] if "sentences" in tables else summaries.head(tables, "claims", SHOW_ROWS)
    sentences = _texts(tables, zip(c["article_id"], c["sentence_id"]))
    return _headed(pd.DataFrame({
        "article": c["article_id"],
        "statement": [sentences.get((a, s), "") for a, s in zip(c["article_id"], c["sentence_id"])],
        "claim": c["subject"].astype(str) + " " + c["predicate"].astype(str).str.replace("_", " ") + " " + c["object"].astype(str),
        "conflicts with": c["conflicts_with"].map(lambda v: ", ".join(v) if isinstance(v, list) else str(v or "")),
        "note": c["note"].fillna(""),
    }), claims)


def originals(tables: dict[str, pd.DataFrame], *, include_duplicates: bool = False) -> dict[str, pd.DataFrame]:
    """Return `tables` with articles that repeat another left out (a story counts once), unless `include_duplicates`."""
    if include_duplicates:
        return tables
    a = tables["articles"]
    keep = frames.text_set(a.loc[a["duplicate_of"].isna(), "article_id"])  # made once for every table

    def original(name: str, frame: pd.DataFrame) -> pd.DataFrame:
        if _kept_whole(name, frame.columns):
            return frame
        if "article_id" in frame.columns and name not in _WHOLE:
            return frame[frames.text_isin(frame["article_id"], keep)]
        return frame[~frame["is_duplicate"].astype(bool)]

    def original_head(name: str, rows: int) -> pd.DataFrame:
        first = summaries.head(tables, name, rows)
        if _kept_whole(name, first.columns):  # its head, without reading the rest (claims)
            return first
        return summaries.frame_head(original(name, tables[name]), rows)

    if isinstance(tables, summaries.Tables):  # still read each table only when first asked for
        out = summaries.Tables()
        for name in tables:
            out.lazy(name, lambda name=name: original(name, tables[name]),
                     head=lambda rows, name=name: original_head(name, rows))
    else:
        out = type(tables)((name, original(name, frame)) for name, frame in tables.items())
    if hasattr(tables, "folder"):
        out.folder = tables.folder
    if isinstance(out, summaries.Tables):
        out.originals_only = True
    return out


#: Tables with an article_id that `originals` keeps whole: claims, and the evidence sentences'
#: text (looked up by the rows that cite them, whatever article they are in).
_WHOLE = ("claims", "summary_evidence")


def _kept_whole(name: str, columns) -> bool:
    """Return whether `originals` keeps every row of table `name` with these columns (_WHOLE, reference-like tables)."""
    return ("article_id" not in columns or name in _WHOLE) and "is_duplicate" not in columns


def pairs_side_by_side(tables: dict[str, pd.DataFrame], *, max_pairs: int = 20) -> str:
    """Return HTML with, for the first `max_pairs` pairs of repeating articles, their sentences aligned side by side (escaped).

    Pairs beyond `max_pairs` are counted in a closing line (the duplicates table lists them all).
    """
    pairs = tables["duplicates"]
    if pairs.empty:
        return "<p>No two articles repeat each other.</p>"
    parts = []
    for p in pairs.head(max_pairs).itertuples(index=False):
        title = f"{p.article_a} and {p.article_b}: {str(p.relation).replace('_', ' ')} (similarity {float(p.similarity):.2f})"
        parts.append(f"<h4>{html.escape(title)}</h4>\n" + side_by_side(tables, p.article_a, p.article_b))
    if len(pairs) > max_pairs:
        parts.append(f"<p>{len(pairs) - max_pairs:,} more pairs are listed in the duplicates table.</p>")
    return "\n".join(parts)


def tone_by_actor_overview(tables: dict[str, pd.DataFrame], *, n: int = 15, include_duplicates: bool = False) -> pd.DataFrame:
    """Return the tone of the sentences naming each of the `n` most mentioned actors, with the words that drive it."""
    t = originals(tables, include_duplicates=include_duplicates)
    if "sentences" not in t:
        tone = summaries.tone_by_actor(t).head(n)
    else:
        body = t["sentences"][~t["sentences"]["is_boilerplate"].astype(bool)]
        tone = framing.tone_by_actor(body, t["entities"]).head(n)
    return pd.DataFrame({
        "actor": tone["name"], "kind": tone["entity_type"], "sentences": tone["n_sentences"],
        "mean compound": tone["compound_mean"].round(2),
        "% positive": (tone["positive_share"] * 100).round(0), "% negative": (tone["negative_share"] * 100).round(0),
        "negative words": tone["negative_words"].fillna("").str.replace(";", ", "),
    })


# --- events and timelines ---------------------------------------------------------------

def events_table(tables: dict[str, pd.DataFrame], *, summit_ids=None) -> pd.DataFrame:
    """Return every event with its evidence, for reading.

    Columns: days (calendar days, ``2024-07-03 to 2024-07-04``), type, what
    (description), who (actors by name), date as written, status, coverage of
    (summits whose articles tell it), evidence (each evidence sentence prefixed
    with ``article:sentence``), event (event_id). With `summit_ids`, only events
    told in those summits' coverage. Sorted by days. Each evidence cell quotes
    MAX_EVIDENCE sentences and counts the rest; from summaries, the first SHOW_ROWS
    events, their total in ``attrs["n_rows"]``.
    """
    all_events = tables["events"]
    if summit_ids is not None:
        keep = [not set(summit_ids).isdisjoint(row) for row in _lane_lists(all_events)]
        all_events = all_events[keep]
    if "entities" in tables:
        names = tables["entities"].drop_duplicates("entity_id").set_index("entity_id")["name"].to_dict() if len(tables["entities"]) else {}
        ev = all_events
    else:
        names = summaries.entity_names(tables)
        ev = all_events.head(SHOW_ROWS)
    sentences = _texts(tables, [r for refs in ev["evidence"] for r in schema.evidence_refs(refs, MAX_EVIDENCE)])

    def evidence(refs, total) -> str:
        out = [f"[{aid[:3]}:{sid}] {sentences.get((aid, sid), '')}" for aid, sid in schema.evidence_refs(refs, MAX_EVIDENCE)]
        return " | ".join(out + _more(total))

    return _headed(pd.DataFrame({
        "days": _window(ev["earliest"], ev["latest"]),
        "type": ev["event_type"],
        "what": ev["description"],
        "who": ev["actors"].map(lambda a: ", ".join(names.get(x, x) for x in schema.as_list(a))),
        "date as written": ev["date_text"],
        "status": ev["status"] if "status" in ev else "",
        "coverage of": [", ".join(row) for row in _lane_lists(ev)],
        "evidence": [evidence(refs, total) for refs, total in zip(ev["evidence"], schema.evidence_counts(ev))],
        "event": ev["event_id"],
    }), all_events)


def absolute_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return the events of ``timeline.absolute_timeline`` for the table under its figure.

    Columns: days, type, what (label), coverage of, event; in the figure's order
    (by date). Summit landmarks are left out: the figure labels the highlighted ones.
    """
    ev = table[table["kind"] == "event"]
    return pd.DataFrame({
        "days": _window(ev["date"], ev["end"]), "type": ev["event_type"], "what": ev["label"],
        "coverage of": ev["summit_id"].fillna(""), "event": ev["event_id"],
    }).reset_index(drop=True)


def aligned_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``timeline.aligned_timeline`` for the table under its figure.

    Columns: summit (the lane), from opening (``−10 d``, ``day 0``, ``+2 d``, or a
    range), days (calendar), type, what, event; lane by lane, by days.
    """
    return pd.DataFrame({
        "summit": table["summit_id"],
        "from opening": [_relative(a, b) for a, b in zip(table["relative_days"], table["relative_end"])],
        "days": _window(table["earliest"], table["latest"]),
        "type": table["event_type"], "what": table["label"], "event": table["event_id"],
    }).reset_index(drop=True)


def accessions_table(accessions: pd.DataFrame) -> pd.DataFrame:
    """Return ``timeline.accession_events`` for reading: days, country, what, in reference data, evidence, event.

    The evidence cell names the first MAX_EVIDENCE sentences (``article:sentence``) and counts the rest.
    """
    return pd.DataFrame({
        "days": _window(accessions["earliest"], accessions["latest"]),
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
    bits, lanes = [], _lane_lists(ev)
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


# --------------------------------------------------------------------------- helpers


def _headed(frame: pd.DataFrame, source: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with a fresh index and, in ``attrs["n_rows"]``, how many rows the list has in all.

    `source` is the list it was made from: a summary's head (its n_rows column) or a whole table.
    """
    out = frame.reset_index(drop=True)
    if "n_rows" in source.attrs:  # a head (summaries.head)
        out.attrs["n_rows"] = source.attrs["n_rows"]
    elif "n_rows" in source.columns:
        out.attrs["n_rows"] = int(source["n_rows"].max()) if len(source) else 0
    else:
        out.attrs["n_rows"] = len(source)
    return out


def _more(total: int) -> list[str]:
    """Return ["(and N more sentences)"] for a row of `total` evidence references past the MAX_EVIDENCE quoted."""
    n = total - MAX_EVIDENCE
    return [f"(and {n:,} more sentences)"] if n > 0 else []


def _texts(tables: dict[str, pd.DataFrame], refs) -> pd.Series:
    """Return the text of the sentences `refs` indexed by (article_id, sentence_id).

    From the sentences table when `tables` holds it; else from summary_evidence (the
    attendance and events rows' evidence, written by the build) and, for any sentence
    not there, read from the tables' folder (summaries.sentence_texts): only those
    articles' rows.
    """
    if "sentences" in tables:
        s = tables["sentences"]
        return s.set_index(["article_id", "sentence_id"])["text"] if len(s) else pd.Series(dtype=str)
    refs = list(dict.fromkeys((str(a), int(s)) for a, s in refs))
    known = pd.Series(dtype=object, index=pd.MultiIndex.from_tuples([], names=["article_id", "sentence_id"]))
    if "summary_evidence" in tables and len(tables["summary_evidence"]):
        known = tables["summary_evidence"].set_index(["article_id", "sentence_id"])["text"].fillna("")
    missing = [r for r in refs if r not in known.index]
    if not missing:
        return known
    return pd.concat([known, summaries.sentence_texts(tables.folder, missing)])


def _lane_lists(events: pd.DataFrame) -> list[list[str]]:
    """Return each event's lanes (_lanes), reading only the two columns they come from."""
    columns = [c for c in ("summit_ids", "summit_id") if c in events.columns]
    if not columns:
        return [[] for _ in range(len(events))]
    return [_lanes(dict(zip(columns, values))) for values in zip(*(events[c] for c in columns))]


def _lanes(r: dict) -> list[str]:
    lanes = schema.as_list(r.get("summit_ids"))
    if not lanes and isinstance(r.get("summit_id"), str):
        lanes = [r["summit_id"]]
    return lanes


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

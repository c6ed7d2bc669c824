"""Views of one summit's profile: its reference facts, articles, dated statements, quotations and attendance.

Each function takes the summaries (summaries.load_summaries) and a summit_id and
returns a new DataFrame shaped for reading: the summit's rows of the summary tables,
the first of them when the list is capped, its length in ``attrs["n_rows"]``.
"""

from __future__ import annotations

import pandas as pd

from ... import reference, schema, summaries
from ...exceptions import ParameterError
from .common import MAX_EVIDENCE, SHOW_ROWS, day_window, evidence_texts, headed, more


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


def _summit(summit_id: str) -> pd.Series:
    table = reference.summits().set_index("summit_id")
    if summit_id not in table.index:
        raise ParameterError(f"unknown summit_id {summit_id!r}; use one of data/reference/summits.csv.")
    return table.loc[summit_id]


def summit_articles(tables: summaries.Summaries, summit_id: str) -> pd.DataFrame:
    """Return the articles assigned to `summit_id`: article, headline, published, score, words, lead sentence.

    The first summaries.HEAD_ROWS of them (summary_articles), their total in
    ``attrs["n_rows"]``: the articles table is not read.
    """
    s = tables["summary_articles"]
    chosen = s[s["summit_id"] == summit_id]
    return headed(pd.DataFrame(
        {
            "article": chosen["article_id"],
            "headline": chosen["headline"].fillna("(none)"),
            "published": chosen["published"].dt.strftime("%Y-%m-%d").fillna("unknown"),
            "score": chosen["summit_score"].round(2),
            "words": chosen["n_words"],
            "lead sentence": chosen["lead"].fillna(""),
        }
    ), chosen)


def summit_count_line(tables: summaries.Summaries, summit_id: str) -> str:
    """Return one Markdown sentence: how many articles are about `summit_id`, how many of them repeat another.

    Says the rule of the counts on every page and in the charts: each story once
    (summaries.article_counts), so an article that repeats another is listed below
    but not counted again.
    """
    a = tables["articles"]
    sub = a[a["summit_id"] == summit_id]
    n, repeats = len(sub), sub[sub["duplicate_of"].notna()]
    if not n:
        return "No article is about this summit."
    line = f"{n} article{'s are' if n != 1 else ' is'} about this summit"
    if not len(repeats):
        return line + ", each a story of its own; every count and chart counts each story once."
    which = ", ".join(f"{r} repeats {o}" for r, o in zip(repeats["article_id"], repeats["duplicate_of"]))
    stories = n - len(repeats)
    return (f"{line}: {stories} {'story' if stories == 1 else 'stories'} and {len(repeats)} "
            f"{'article that repeats' if len(repeats) == 1 else 'articles that repeat'} another ({which}). "
            f"Every count and chart counts each story once, so this summit counts {stories} "
            f"article{'s' * (stories != 1)}; the list below shows all {n}.")


def summit_attendance(tables: summaries.Summaries, summit_id: str) -> pd.DataFrame:
    """Return who attended `summit_id` for display: name, country, role, status, stand-in, evidence sentences.

    Sorted by status and name; the first SHOW_ROWS people, their total in
    ``attrs["n_rows"]``. Each evidence cell quotes MAX_EVIDENCE sentences and counts
    the rest; only the shown people's evidence sentences are looked up.
    """
    a = tables["attendance"]
    chosen = a[a["summit_id"] == summit_id].sort_values(["status", "name"])
    shown = chosen.head(SHOW_ROWS)
    names = dict(zip(a["entity_id"], a["name"]))
    sentences = evidence_texts(tables, [r for refs in shown["evidence"] for r in schema.evidence_refs(refs, MAX_EVIDENCE)])

    def evidence(refs, total):
        texts = [sentences.get(ref, "") for ref in schema.evidence_refs(refs, MAX_EVIDENCE)]
        return " | ".join(texts + more(total, MAX_EVIDENCE))

    return headed(pd.DataFrame({
        "name": shown["name"],
        "country": shown["country"],
        "role at the summit": shown["role"],
        "status": shown["status"],
        "sent in their place": shown["represented_by"].fillna("").map(lambda e: names.get(e, e) if e else ""),
        "evidence": [evidence(refs, total) for refs, total in zip(shown["evidence"], schema.evidence_counts(shown))],
    }), chosen)


def dated_statements(tables: summaries.Summaries, summit_id: str) -> pd.DataFrame:
    """Return the dated statements of the summit's articles in calendar order.

    Columns: days (the calendar days the phrase denotes), phrase (as written),
    value (TIMEX3), article, sentence (the statement). Durations and vague
    references, which denote no days, are left out. The first summaries.HEAD_ROWS
    (summary_dated), their total in ``attrs["n_rows"]``.
    """
    t = tables["summary_dated"]
    t = t[t["summit_id"] == summit_id]
    return headed(pd.DataFrame({
        "days": day_window(t["earliest"], t["latest"]), "phrase": t["text"], "value": t["value"],
        "article": t["article_id"], "sentence": t["sentence"].fillna(""),
    }), t)


def summit_quotes(tables: summaries.Summaries, summit_id: str) -> pd.DataFrame:
    """Return who is quoted in the summit's articles and their words: speaker, cue, kind, quote, article.

    The first summaries.HEAD_ROWS (summary_quotes), their total in ``attrs["n_rows"]``.
    """
    q = tables["summary_quotes"]
    q = q[q["summit_id"] == summit_id]
    return headed(pd.DataFrame({
        "speaker": q["speaker"].fillna("(no speaker: a term in quotation marks)"),
        "cue": q["cue"].fillna(""),
        "kind": q["quote_kind"],
        "quote": q["quote"],
        "article": q["article_id"],
    }), q)

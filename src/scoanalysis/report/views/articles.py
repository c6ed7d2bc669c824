"""Views of the corpus overview: the articles, what the cleaning flagged, repeats, translation, contradictions.

Each function takes the summaries (summaries.load_summaries) first and returns a new
DataFrame, a Markdown string or HTML, shaped for reading.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ... import summaries
from .aligned import aligned_html
from .common import SHOW_ROWS, day_window, evidence_texts, headed


def article_overview(tables: summaries.Summaries) -> pd.DataFrame:
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
            "possible days": day_window(a["published_earliest"], a["published_latest"]),
            "summit": a["summit_id"].fillna("(none)"),
            "score": a["summit_score"].round(2),
            "sentences": a["n_sentences"],
            "words": a["n_words"],
            "boilerplate sentences": a["n_boilerplate"],
            "machine-translated": a["translated"].map({True: "yes", False: "no"}).fillna(""),
            "repeats": a["duplicate_of"].fillna(""),
        }
    )


def corpus_line(tables: summaries.Summaries, *, include_duplicates: bool = False) -> str:
    """Return one Markdown paragraph that sums up the corpus, with the rule its counts follow.

    Articles by summit count each story once (summaries.article_counts): an article
    that repeats another is left out, unless `include_duplicates`; the paragraph says
    which, and how many articles repeat another.
    """
    a = tables["articles"]
    n = len(a)
    repeats = int(a["duplicate_of"].notna().sum())
    counts = summaries.article_counts(tables, include_duplicates=include_duplicates)
    parts = ", ".join(f"{k} ({v})" for k, v in counts.items())
    trans = int(a["translated"].fillna(False).astype(bool).sum())
    boiler = int(a["n_boilerplate"].fillna(0).sum())
    told = (f"{_articles(repeats)} {'repeats' if repeats == 1 else 'repeat'} another, so it tells "
            f"{n - repeats:,} {'story' if n - repeats == 1 else 'stories'}. " if repeats else "")
    rule = ("Counting every article, repeats included" if include_duplicates or not repeats
            else "Counting each story once (repeats left out, as in every chart and on every page)")
    return (
        f"The corpus holds **{_articles(n)}** with **{int(a['n_words'].sum()):,} words** of prose. {told}"
        f"{rule}, {int(counts.sum()):,} {'is' if int(counts.sum()) == 1 else 'are'} placed at a summit: "
        f"{parts or 'none'}. "
        f"{trans} read as machine-translated; {boiler} sentences were flagged as page furniture and left out of counts."
    )


def _articles(n: int) -> str:
    return f"{n:,} article{'s' * (n != 1)}"


def publication_evidence(tables: summaries.Summaries) -> pd.DataFrame:
    """Return how each article's publication date was found: article, published, how, window, clues."""
    a = tables["articles"]
    return pd.DataFrame({
        "article": a["article_id"],
        "published": a["published"].dt.strftime("%Y-%m-%d").fillna("unknown"),
        "how": a["published_source"].fillna("unknown"),
        "possible days": day_window(a["published_earliest"], a["published_latest"]),
        "clues": a["published_evidence"].fillna(""),
    })


def boilerplate(tables: summaries.Summaries) -> pd.DataFrame:
    """Return the sentences flagged as page furniture: article, sentence, kind, text.

    The first summaries.HEAD_ROWS (summary_boilerplate), their total in ``attrs["n_rows"]``.
    """
    flagged = tables["summary_boilerplate"]
    return headed(flagged[["article_id", "sentence_id", "kind", "text"]].rename(
        columns={"article_id": "article", "sentence_id": "sentence"}), flagged)


def problems(tables: summaries.Summaries) -> pd.DataFrame:
    """Return what the build skipped or handled specially: severity, file, problem, fix (errors first)."""
    p = tables.get("problems")
    if p is None or p.empty:
        return pd.DataFrame({"severity": [], "file": [], "problem": [], "fix": []})
    out = p.assign(file=p["file"].fillna("").map(lambda f: "/".join(Path(f).parts[-2:])))
    return out.sort_values(["severity", "file"])[["severity", "file", "problem", "fix"]].reset_index(drop=True)


def problems_line(tables: summaries.Summaries) -> str:
    """Return one Markdown sentence saying how many inputs were skipped or handled."""
    p = tables.get("problems")
    if p is None or p.empty:
        return "Every input was read without a problem."
    errors = int((p["severity"] == "error").sum())
    return (f"**{errors} input(s) were skipped** and {len(p) - errors} handled with a warning; "
            "the table says what and how to fix it.")


def duplicates_overview(tables: summaries.Summaries, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per pair of repeating articles: both articles and headlines, relation, similarity.

    `pairs` defaults to tables["duplicates"]; pass duplicates.duplicate_pairs's output to
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


def side_by_side(tables: summaries.Summaries, article_a: str, article_b: str) -> str:
    """Return an HTML table of two articles' body sentences aligned side by side, changes marked.

    The two articles' sentences are read from the tables' folder (summaries.article_sentences).
    Words only in a are struck through (``<del>``), words only in b underlined (``<ins>``);
    all text is HTML-escaped by aligned.aligned_html. Unmatched sentences stand alone on their side.
    """
    s = summaries.article_sentences(tables.folder, [article_a, article_b])
    rows = aligned_html(s[s["article_id"] == article_a], s[s["article_id"] == article_b])
    body = "\n".join(
        f'<tr class="{r.status}"><td>{r.html_a}</td><td>{r.html_b}</td></tr>' for r in rows.itertuples(index=False)
    )
    return (
        '<table class="side-by-side">\n'
        f"<thead><tr><th>{html.escape(article_a)}</th><th>{html.escape(article_b)}</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def pairs_side_by_side(tables: summaries.Summaries, *, max_pairs: int = 20) -> str:
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


def translation_clues(tables: summaries.Summaries) -> pd.DataFrame:
    """Return the clues of machine translation: article, sentence, clue, text (with context).

    The first summaries.HEAD_ROWS (summary_translation), their total in ``attrs["n_rows"]``.
    """
    ev = tables["summary_translation"]
    return headed(ev[["article_id", "sentence_id", "clue", "text"]].rename(
        columns={"article_id": "article", "sentence_id": "sentence"}
    ).assign(clue=lambda f: f["clue"].str.replace("_", " ")), ev)


def contradictions(tables: summaries.Summaries) -> pd.DataFrame:
    """Return the statements that disagree with another article or the reference, both sides shown.

    Columns: article, statement (the sentence), claim (subject predicate object),
    conflicts with, note. The first SHOW_ROWS claims, read without the rest of the
    claims table, their total in ``attrs["n_rows"]``.
    """
    c = tables.head("claims", SHOW_ROWS)
    sentences = evidence_texts(tables, zip(c["article_id"], c["sentence_id"]))
    return headed(pd.DataFrame({
        "article": c["article_id"],
        "statement": [sentences.get((a, s), "") for a, s in zip(c["article_id"], c["sentence_id"])],
        "claim": c["subject"].astype(str) + " " + c["predicate"].astype(str).str.replace("_", " ") + " " + c["object"].astype(str),
        "conflicts with": c["conflicts_with"].map(lambda v: ", ".join(v) if isinstance(v, list) else str(v or "")),
        "note": c["note"].fillna(""),
    }), c)

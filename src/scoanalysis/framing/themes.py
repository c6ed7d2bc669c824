"""Themes: which themes of the documented lexicon (data/reference/themes.csv) each prose sentence touches.

`theme_mentions` lists every match, `theme_shares` the share of each group's prose
sentences touching each theme. The lexicon is compiled once per theme (one alternation
of its plain terms, one regex per part of each ``&`` term).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import paths
from ..exceptions import ReferenceDataError
from ..patterns import framing as P
from ..text import fold
from .common import N_DRIVERS, GroupBy, groups_of, prose

THEMES_FILE = "themes.csv"
THEME_COLUMNS = ["theme", "term", "note", "source"]
MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "theme", "term", "text"]
SHARE_COLUMNS = ["group", "theme", "n_sentences", "n_total", "share", "n_articles", "top_terms"]


def theme_lexicon(*, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return the theme lexicon: one row per (theme, term).

    Read from ``themes.csv`` in `folder` (default data/reference). Columns: theme, term (lower
    case; ``*`` ends a word with any ending; ``&`` joins parts that must all occur in one
    sentence), note, source. Raises ReferenceDataError when the file is missing, lacks
    columns, or holds a term that breaks that syntax.
    """
    return _themes(str(Path(folder) if folder else paths.REFERENCE)).copy()


@lru_cache(maxsize=None)
def _themes(folder: str) -> pd.DataFrame:
    file = Path(folder) / THEMES_FILE
    if not file.is_file():
        raise ReferenceDataError(f"{file} does not exist; restore it from the repository (git checkout -- {file}).")
    frame = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in THEME_COLUMNS if c not in frame.columns]
    if missing:
        raise ReferenceDataError(f"{file} lacks columns {missing}; it needs {THEME_COLUMNS}.")
    bad = frame[~frame["term"].map(lambda t: bool(P.TERM_SYNTAX.match(t)))]
    if len(bad):
        raise ReferenceDataError(
            f"{file}: term {bad['term'].iloc[0]!r} ({bad['theme'].iloc[0]}) is not lower-case words with an optional "
            "trailing * per word and & between parts; correct it."
        )
    return frame


def theme_mentions(sentences: pd.DataFrame, *, themes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return every place a prose sentence touches a theme, one row per (sentence, theme, term).

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, start, end, text, is_boilerplate).
    themes : the lexicon (theme, term); default data/reference/themes.csv.

    Returns
    -------
    DataFrame with columns article_id, sentence_id, start, end (offsets of the term's first
    match in the raw text; for a term with ``&``, from its first part to its last), theme,
    term, text (the matched text). Matching ignores case; where two terms of a theme match
    at one place, the longer one is reported.
    """
    key = _lexicon_key(themes)
    compiled, needles = _compiled(key), _needles(key)
    rows = []
    for s in prose(sentences).itertuples(index=False):
        low = fold(s.text).lower()
        for (theme, alternation, terms, conjunctions), (plain_needles, part_needles) in zip(compiled, needles):
            if alternation is not None and plain_needles is not None and not any(n in low for n in plain_needles):
                alternation = None  # no term of the theme can start anywhere in the sentence
            seen: set[str] = set()
            for m in alternation.finditer(low) if alternation is not None else ():
                term = terms[m.lastgroup]
                if term not in seen:
                    seen.add(term)
                    rows.append((s.article_id, s.sentence_id, s.start + m.start(), s.start + m.end(), theme, term, s.text[m.start():m.end()]))
            for (term, parts), needles_of_parts in zip(conjunctions, part_needles):
                spans = []
                for part, needle in zip(parts, needles_of_parts):  # every part must match: stop at the first that does not
                    m = part.search(low) if needle in low else None
                    if m is None:
                        break
                    spans.append(m.span())
                if len(spans) == len(parts):
                    a, b = min(x for x, _ in spans), max(y for _, y in spans)
                    rows.append((s.article_id, s.sentence_id, s.start + a, s.start + b, theme, term, s.text[a:b]))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def theme_shares(sentences: pd.DataFrame, *, by: GroupBy, themes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return, per group and theme, the share of the group's prose sentences that touch the theme.

    Parameters
    ----------
    sentences : the sentences table; boilerplate sentences are left out.
    by : article_id -> group (a Series or mapping, e.g. articles' summit_id or outlet), or
        the name of a column of `sentences`. Articles without a group form the group ``none``.
    themes : the lexicon; default data/reference/themes.csv.

    Returns
    -------
    DataFrame with one row per (group, theme), every theme listed for every group: group,
    theme, n_sentences (sentences touching it), n_total (prose sentences of the group),
    share (n_sentences / n_total), n_articles (articles with at least one such sentence),
    top_terms (the N_DRIVERS terms matched most often, ties alphabetically, ``term:count``,
    ``;``-separated).
    """
    lexicon = themes if themes is not None else theme_lexicon()
    theme_names = list(dict.fromkeys(lexicon["theme"]))
    kept = prose(sentences)
    groups = groups_of(kept, by)
    totals = groups.groupby(groups, sort=True).size()
    mentions = theme_mentions(kept, themes=lexicon)
    key = kept.assign(group=groups)[["article_id", "sentence_id", "group"]]
    mentions = mentions.merge(key, on=["article_id", "sentence_id"], how="left")
    rows = []
    for group, total in totals.items():
        sub = mentions[mentions["group"] == group]
        for theme in theme_names:
            hits = sub[sub["theme"] == theme]
            n = hits[["article_id", "sentence_id"]].drop_duplicates().shape[0]
            counted = hits["term"].value_counts()
            top = counted.rename_axis("term").reset_index().sort_values(
                ["count", "term"], ascending=[False, True], kind="stable").set_index("term")["count"].head(N_DRIVERS)
            rows.append((
                group, theme, n, int(total), n / total if total else 0.0, hits["article_id"].nunique(),
                ";".join(f"{t}:{c}" for t, c in top.items()),
            ))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def _lexicon_key(themes_table: pd.DataFrame | None) -> tuple[tuple[str, str], ...]:
    table = themes_table if themes_table is not None else theme_lexicon()
    return tuple(zip(table["theme"], table["term"]))


@lru_cache(maxsize=16)
def _compiled(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern | None, dict[str, str], list[tuple[str, list[re.Pattern]]]]]:
    """Compile the lexicon once per theme: one alternation of its plain terms, longest first
    (so "u.s.-led" wins over "u.s."; the group name tells which term matched), and one regex
    per part of each ``&`` term."""
    out = []
    for theme, terms in _by_theme(pairs).items():
        plain = sorted((t for t in terms if "&" not in t), key=lambda t: (-len(t.rstrip("*")), t))
        names = {f"t{k}": t for k, t in enumerate(plain)}
        branches = "|".join(f"(?P<{name}>{_term_body(t)}){P.TERM_RIGHT_EDGE}" for name, t in names.items())
        # the left edge sits outside the alternation: checked once per place, not once per term
        alternation = re.compile(f"{P.TERM_LEFT_EDGE}(?:{branches})") if plain else None
        conjunctions = [(t, [re.compile(_term_regex(part)) for part in t.split("&")]) for t in terms if "&" in t]
        out.append((theme, alternation, names, conjunctions))
    return out


def _by_theme(pairs: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    """The lexicon's terms by theme, themes in order of first appearance (the order _compiled and _needles share)."""
    by_theme: dict[str, list[str]] = defaultdict(list)
    for theme, term in pairs:
        by_theme[theme].append(term)
    return by_theme


@lru_cache(maxsize=8)
def _needles(pairs: tuple[tuple[str, str], ...]) -> list[tuple[tuple[str, ...] | None, list[list[str]]]]:
    """For each theme of `_compiled` (same order), the literal text every match must contain.

    A term's match begins with its first word's first piece (the letters before any
    hyphen or wildcard) verbatim, so a sentence holding none of a theme's pieces cannot
    match it: a substring test, far cheaper than the alternation. Per theme: the pieces of
    its plain terms (None when one is empty: no test), and per ``&`` term the piece of each part.
    """
    def piece(term: str) -> str:
        return term.strip().split()[0].rstrip("*").split("-")[0]

    out = []
    for theme, terms in _by_theme(pairs).items():
        plain = {piece(t) for t in terms if "&" not in t}
        parts = [[piece(part) for part in t.split("&")] for t in terms if "&" in t]
        out.append((None if "" in plain else tuple(sorted(plain)), parts))
    return out


def _term_regex(term: str) -> str:
    return P.TERM_LEFT_EDGE + _term_body(term) + P.TERM_RIGHT_EDGE


def _term_body(term: str) -> str:
    words = []
    for word in term.strip().split():
        wild = word.endswith("*")
        body = word.rstrip("*")
        body = P.TERM_HYPHEN.join(re.escape(piece) for piece in body.split("-"))
        words.append(body + (P.TERM_WILDCARD if wild else ""))
    return P.TERM_SPACE.join(words)


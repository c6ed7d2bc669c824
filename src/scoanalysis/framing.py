"""Framing: which themes coverage touches, which words set a group apart, and its tone.

Three measures, each per group of articles (a summit, an outlet; `by` maps article_id to
the group):

* themes: the share of a group's prose sentences that touch each theme of the documented
  lexicon data/reference/themes.csv (`theme_mentions`, `theme_shares`);
* distinctive words: the log-odds ratio with an informative Dirichlet prior of Monroe,
  Colaresi & Quinn (2008), each group against all the others (`distinctive_words`);
* tone: VADER sentence scores through NLTK's analyser, per group (`tone`) and per actor
  (`tone_by_actor`), with the lexicon words that drive each score.

Sentences are the prose ones (not boilerplate). Articles that repeat others (duplicates,
translation variants) count as often as they occur: drop them first
(articles.duplicate_of) to count each story once.
"""

from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping

import pandas as pd

from . import paths
from .exceptions import ReferenceDataError
from .patterns import framing as P
from .text import fold, term_counts

GroupBy = pd.Series | Mapping[str, str] | str

THEMES_FILE = "themes.csv"
THEME_COLUMNS = ["theme", "term", "note", "source"]
MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "theme", "term", "text"]
SHARE_COLUMNS = ["group", "theme", "n_sentences", "n_total", "share", "n_articles", "top_terms"]
DISTINCTIVE_COLUMNS = ["group", "term", "count", "count_other", "delta", "z"]
TONE_COLUMNS = [
    "group", "n_sentences", "compound_mean", "positive_share", "negative_share", "positive_words", "negative_words",
]
ACTOR_TONE_COLUMNS = [
    "entity_id", "name", "entity_type", "n_sentences", "n_articles", "compound_mean",
    "positive_share", "negative_share", "positive_words", "negative_words",
]
#: VADER's conventional cut-offs: compound >= 0.05 is positive, <= -0.05 negative.
POSITIVE_COMPOUND = 0.05
NEGATIVE_COMPOUND = -0.05
#: How many driver words are listed per group.
N_DRIVERS = 5
#: Default prior size a_0 of distinctive_words, as a share of the corpus's word count n: a
#: prior worth a tenth of the corpus steadies words seen a handful of times without
#: swamping any group (with a_0 = n the prior outweighs every group of a small corpus).
PRIOR_SHARE = 0.1


# --- themes --------------------------------------------------------------------------------------------

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
    for s in _prose(sentences).itertuples(index=False):
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
    prose = _prose(sentences)
    groups = _groups(prose, by)
    totals = groups.groupby(groups, sort=True).size()
    mentions = theme_mentions(prose, themes=lexicon)
    key = prose.assign(group=groups)[["article_id", "sentence_id", "group"]]
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


# --- distinctive words ---------------------------------------------------------------------------------

def distinctive_words(
    counts_or_sentences: pd.DataFrame,
    *,
    by: GroupBy | None = None,
    prior: float | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Return each group's words scored by how much more (or less) it uses them than the other groups.

    The statistic is the log-odds ratio with an informative Dirichlet prior of Monroe,
    Colaresi & Quinn (2008, "Fightin' Words", eq. 22), group i against all other groups j
    pooled::

        delta_w = log((y_w^i + a_w) / (n^i + a_0 - y_w^i - a_w))
                - log((y_w^j + a_w) / (n^j + a_0 - y_w^j - a_w))
        var_w  ~= 1 / (y_w^i + a_w) + 1 / (y_w^j + a_w)
        z_w     = delta_w / sqrt(var_w)

    where y_w^i is the count of w in group i, n^i the group's total count, and the prior
    a_w = a_0 * y_w / n is the whole corpus's word distribution scaled to a_0 pseudo-counts.

    Parameters
    ----------
    counts_or_sentences : term counts (columns group, term, count, as from
        text.term_counts) or the sentences table (then counted with text.term_counts).
    by : with sentences, article_id -> group (Series or mapping) or a column of `sentences`.
    prior : a_0, the prior's total pseudo-count. Default PRIOR_SHARE * n (a tenth of the
        corpus's word count); smaller values shrink less (rare words reach higher z),
        larger ones more, and ``prior=n`` uses the corpus counts themselves as prior.
    min_count : leave out terms used fewer times than this in the whole corpus.

    Returns
    -------
    DataFrame with columns group, term, count (y_w^i), count_other (y_w^j), delta, z, one
    row per (group, term) of the vocabulary, sorted by group, then z (largest first). z
    above 1.96 marks a word the group uses distinctly more than the rest.
    """
    counts = _term_table(counts_or_sentences, by=by)
    wide = counts.pivot_table(index="term", columns="group", values="count", aggfunc="sum", fill_value=0)
    total = wide.sum(axis=1)
    wide = wide[total >= min_count]
    total = total[total >= min_count]
    n = float(total.sum())
    if n == 0 or wide.shape[1] == 0:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    a0 = float(prior) if prior is not None else PRIOR_SHARE * n
    alpha = a0 * total / n
    frames = []
    for group in wide.columns:
        yi = wide[group].astype(float)
        yj = total - yi
        ni, nj = float(yi.sum()), n - float(yi.sum())
        delta = (
            ((yi + alpha) / (ni + a0 - yi - alpha)).map(math.log)
            - ((yj + alpha) / (nj + a0 - yj - alpha)).map(math.log)
        )
        var = 1 / (yi + alpha) + 1 / (yj + alpha)
        frames.append(pd.DataFrame({
            "group": group, "term": wide.index, "count": yi.astype(int).values, "count_other": yj.astype(int).values,
            "delta": delta.values, "z": (delta / var.map(math.sqrt)).values,
        }))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def _term_table(counts_or_sentences: pd.DataFrame, *, by: GroupBy | None) -> pd.DataFrame:
    frame = counts_or_sentences
    if {"group", "term", "count"} <= set(frame.columns):
        return frame[["group", "term", "count"]]
    if "text" not in frame.columns:
        raise ValueError("distinctive_words needs term counts (group, term, count) or sentences (article_id, text).")
    if by is None:
        raise ValueError("distinctive_words needs `by` (article_id -> group) to count the sentences by group.")
    mapping = _mapping(frame, by)
    return term_counts(frame, by=mapping)


# --- tone ----------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def analyzer():
    """Return NLTK's VADER analyser loaded with the lexicon shipped in the vaderSentiment wheel.

    NLTK looks for ``sentiment/vader_lexicon.zip`` in its data path (a download), and
    since 3.9 its loader refuses paths outside that data path, so the lexicon text is read
    from the installed vaderSentiment package (importlib.resources; no network, nothing
    written) and handed to the analyser. Same lexicon (Hutto & Gilbert 2014), same
    scoring as ``SentimentIntensityAnalyzer()``.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")

    class _PackagedLexiconAnalyzer(SentimentIntensityAnalyzer):
        def __init__(self, lexicon_text: str) -> None:  # the parent's __init__ only loads the file
            self.lexicon_file = "\n".join(line for line in lexicon_text.splitlines() if line.strip())
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    return _PackagedLexiconAnalyzer(lexicon)


def sentence_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the VADER scores of every prose sentence, with the words that drive each.

    Columns: article_id, sentence_id, compound (-1..1), pos, neu, neg (shares), drivers
    (list of (word, valence) for the lexicon words that scored, valence after VADER's
    boosters, negation and "but" rules: the per-word terms that VADER sums into compound).
    Multi-word proper names ("United States", "International Criminal Court") are blanked
    before scoring, so their words do not count as sentiment.
    """
    vader = analyzer()
    rows = []
    for s in _prose(sentences).itertuples(index=False):
        scores, drivers = _score(vader, str(s.text))
        rows.append((s.article_id, s.sentence_id, scores["compound"], scores["pos"], scores["neu"], scores["neg"], drivers))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "compound", "pos", "neu", "neg", "drivers"])


def tone(sentences: pd.DataFrame, *, by: GroupBy) -> pd.DataFrame:
    """Return the tone of each group's prose sentences (VADER), with the words that drive it.

    Parameters
    ----------
    sentences : the sentences table (or sentence_tone's output, to score once).
    by : article_id -> group (Series or mapping), or a column of `sentences`.

    Returns
    -------
    DataFrame with columns group, n_sentences, compound_mean, positive_share and
    negative_share (sentences with compound >= 0.05 / <= -0.05), positive_words and
    negative_words (the N_DRIVERS words with the largest summed valence of each sign,
    ``word:sum``, ``;``-separated).
    """
    scored = _scored(sentences)
    groups = _groups(scored, by) if not isinstance(by, str) else _groups_from(sentences, scored, by)
    rows = [(group, *_summary(frame)) for group, frame in scored.groupby(groups, sort=True)]
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


def tone_by_actor(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    entity_types: tuple[str, ...] | None = ("person", "country"),
    min_sentences: int = 2,
) -> pd.DataFrame:
    """Return the tone of the sentences that mention each actor, with the words that drive it.

    Parameters
    ----------
    sentences : the sentences table (or sentence_tone's output).
    entities : the entities table (article_id, sentence_id, entity_id, entity_type, name).
    entity_types : which kinds of entity count as actors (None: all).
    min_sentences : leave out actors mentioned in fewer sentences.

    Returns
    -------
    DataFrame with columns entity_id, name, entity_type, n_sentences (distinct prose
    sentences mentioning the actor), n_articles, compound_mean, positive_share,
    negative_share, positive_words, negative_words (as in `tone`), sorted by n_sentences
    (most first). A sentence's tone is the sentence's, not a judgement of the actor.
    """
    scored = _scored(sentences)
    ents = entities if entity_types is None else entities[entities["entity_type"].isin(entity_types)]
    ents = ents[["article_id", "sentence_id", "entity_id", "entity_type", "name"]].drop_duplicates(
        ["article_id", "sentence_id", "entity_id"]
    )
    joined = ents.merge(scored, on=["article_id", "sentence_id"], how="inner")
    rows = []
    for entity_id, frame in joined.groupby("entity_id", sort=True):
        if len(frame) < min_sentences:
            continue
        rows.append((
            entity_id, frame["name"].mode().iloc[0], frame["entity_type"].iloc[0], len(frame),
            frame["article_id"].nunique(), *_summary(frame)[1:],
        ))
    out = pd.DataFrame(rows, columns=ACTOR_TONE_COLUMNS)
    return out.sort_values(["n_sentences", "entity_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _score(vader, text: str) -> tuple[dict, list[tuple[str, float]]]:
    """VADER's polarity_scores, step by step, keeping each token's valence (NLTK 3.8-3.10 logic).

    Multi-word proper names are blanked first (TITLE_CASE_NAME): "United States" is not praise.
    """
    text = P.TITLE_CASE_NAME.sub(lambda m: P.NON_SPACE_RUN.sub("_", m.group()), text)
    c = vader.constants
    senti = _senti_text_class()(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    tokens = senti.words_and_emoticons
    first: dict[str, int] = {}
    for idx, token in enumerate(tokens):
        first.setdefault(token, idx)
    valences: list[float] = []
    for item in tokens:
        i = first[item]
        if (i < len(tokens) - 1 and item.lower() == "kind" and tokens[i + 1].lower() == "of") or item.lower() in c.BOOSTER_DICT:
            valences.append(0)
            continue
        valences = vader.sentiment_valence(0, senti, item, i, valences)
    valences = vader._but_check(tokens, valences)
    scores = vader.score_valence(valences, text)
    drivers = []
    for token, v in zip(tokens, valences):
        word = P.DRIVER_EDGES.sub("", token).lower()
        if v and word:
            drivers.append((word, round(float(v), 4)))
    return scores, drivers


def _scored(sentences: pd.DataFrame) -> pd.DataFrame:
    return sentences if "compound" in sentences.columns and "drivers" in sentences.columns else sentence_tone(sentences)


def _summary(frame: pd.DataFrame) -> tuple:
    compound = frame["compound"].astype(float)
    sums: dict[str, float] = defaultdict(float)
    for drivers in frame["drivers"]:
        for word, v in drivers:
            sums[word] += v
    return summary_from(len(frame), float(compound.sum()), int((compound >= POSITIVE_COMPOUND).sum()),
                        int((compound <= NEGATIVE_COMPOUND).sum()), sums)


def summary_from(n: int, compound_sum: float, n_positive: int, n_negative: int, valences: Mapping[str, float]) -> tuple:
    """Return the tone of `n` sentences from their sums, as a tuple in TONE_COLUMNS order without the group.

    `compound_sum` is their summed VADER compound, `n_positive` / `n_negative` how many
    score >= POSITIVE_COMPOUND / <= NEGATIVE_COMPOUND, `valences` each driver word's
    summed valence. Sums add up over sentences, articles and groups (summaries.py
    keeps them per article and group), so any grouping's tone follows from them.
    """
    # VADER's scores have 4 decimals: rounding the sums to 4 makes them independent of the order of summing
    valences = {w: round(float(v), 4) for w, v in valences.items()}
    pos = sorted(((w, v) for w, v in valences.items() if v > 0), key=lambda x: (-x[1], x[0]))[:N_DRIVERS]
    neg = sorted(((w, v) for w, v in valences.items() if v < 0), key=lambda x: (x[1], x[0]))[:N_DRIVERS]
    return (
        n,
        round(round(compound_sum, 4) / n, 4) if n else float("nan"),
        round(n_positive / n, 4) if n else float("nan"),
        round(n_negative / n, 4) if n else float("nan"),
        ";".join(f"{w}:{v:+.2f}" for w, v in pos),
        ";".join(f"{w}:{v:+.2f}" for w, v in neg),
    )


# --- shared --------------------------------------------------------------------------------------------

def _prose(sentences: pd.DataFrame) -> pd.DataFrame:
    if "is_boilerplate" not in sentences.columns:
        return sentences
    return sentences[~sentences["is_boilerplate"].fillna(False).astype(bool)]


def _mapping(frame: pd.DataFrame, by: GroupBy) -> pd.Series:
    if isinstance(by, str):
        pairs = frame[["article_id", by]].drop_duplicates("article_id")
        return pd.Series(pairs[by].values, index=pairs["article_id"].values)
    return by if isinstance(by, pd.Series) else pd.Series(dict(by), dtype=object)


def _groups(frame: pd.DataFrame, by: GroupBy) -> pd.Series:
    if isinstance(by, str):
        return frame[by].astype(object).where(frame[by].notna(), "none").rename("group")
    mapping = by if isinstance(by, pd.Series) else pd.Series(dict(by), dtype=object)
    return frame["article_id"].map(mapping).astype(object).where(lambda g: g.notna(), "none").rename("group")


def _groups_from(sentences: pd.DataFrame, scored: pd.DataFrame, column: str) -> pd.Series:
    """Groups for scored sentences when `by` names a column of the unscored sentences table."""
    if column in scored.columns:
        return _groups(scored, column)
    key = sentences.set_index(["article_id", "sentence_id"])[column]
    values = [key.get((a, s)) for a, s in zip(scored["article_id"], scored["sentence_id"])]
    return pd.Series(values, index=scored.index, dtype=object).where(lambda g: g.notna(), "none").rename("group")


@lru_cache(maxsize=1)
def _senti_text_class():
    """NLTK's SentiText with its word list found without the (punctuation x word) dictionaries.

    SentiText maps each token that is one of VADER's punctuation marks (PUNC_LIST) glued to
    a punctuation-free word of the text ("cat," or ",cat") to that word, by building every
    such combination for every word. All of PUNC_LIST is punctuation and the words hold
    none, so a token maps only when its whole leading (or trailing) punctuation run is in
    PUNC_LIST and the rest is one of the words: checked here token by token. Same list.
    """
    import string

    from nltk.sentiment.vader import SentiText

    marks = frozenset(string.punctuation)

    class _SentiText(SentiText):
        def _words_and_emoticons(self):
            words = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
            punctuation = set(self.PUNC_LIST)
            out = []
            for we in self.text.split():
                if len(we) <= 1:
                    continue
                if we not in words:
                    k = 0
                    while k < len(we) and we[k] in marks:
                        k += 1
                    if k and we[:k] in punctuation and we[k:] in words:
                        we = we[k:]
                    else:
                        k = len(we)
                        while k > 0 and we[k - 1] in marks:
                            k -= 1
                        if k < len(we) and we[k:] in punctuation and we[:k] in words:
                            we = we[:k]
                out.append(we)
            return out

    return _SentiText

"""Tone: VADER sentence scores through NLTK's analyser, per group and per actor, with the words that drive them.

The lexicon is the one shipped in the vaderSentiment wheel (no download). Scores are
kept with each token's valence, so a group's tone and its driving words follow from
sums that add up over sentences, articles and groups (`summary_from`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Mapping

import pandas as pd

from ..patterns import framing as P
from .common import N_DRIVERS, GroupBy, groups_of, prose

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
    for s in prose(sentences).itertuples(index=False):
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
    groups = groups_of(scored, by) if not isinstance(by, str) else _groups_from(sentences, scored, by)
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
    summed valence. Sums add up over sentences, articles and groups (the summaries
    keep them per article and group), so any grouping's tone follows from them.
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


def _groups_from(sentences: pd.DataFrame, scored: pd.DataFrame, column: str) -> pd.Series:
    """Groups for scored sentences when `by` names a column of the unscored sentences table."""
    if column in scored.columns:
        return groups_of(scored, column)
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

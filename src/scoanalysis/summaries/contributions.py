"""What each partition contributes to the summaries, keyed by article, written as Parquet parts.

Each partition of the build writes its articles' contributions (`write_part`): term
counts, theme hits, VADER tone sums and counts, tone around each actor, mentions, quotes
per speaker, plus the candidate rows of the capped lists. `write.write_summaries` sums
them per group once duplicates are known.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .. import framing, schema, storage, text
from ..translation import EVIDENCE_COLUMNS, translation_evidence
from .catalog import ACTOR_TYPES, PARTS


def contributions(sentences: pd.DataFrame, *, entities: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                  timexes: pd.DataFrame | None = None, translation: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Return what some articles contribute to the summaries, each frame keyed by article_id.

    Parameters
    ----------
    sentences, entities, quotes, timexes : the articles' rows of those tables.
    translation : translation_evidence of `sentences`, when already at hand.

    Returns
    -------
    Frames by name: terms (article_id, term, count); prose (article_id, n_sentences,
    compound_sum, n_positive, n_negative); tone_words (article_id, word, valence); themes
    (article_id, theme, n_sentences); theme_terms (article_id, theme, term, count); actors
    (article_id, entity_id, entity_type, n_sentences, compound_sum, n_positive, n_negative);
    actor_names (article_id, entity_id, name, n_sentences); actor_words (article_id,
    entity_id, word, valence); mentions (article_id, entity_id, entity_type, name, count, in
    order of first mention); quoted (article_id, speaker, count); kinds (article_id, kind,
    n_sentences); leads (article_id, lead); and the candidate rows of the capped lists:
    dated, quotes, boilerplate, translation.
    """
    entities = entities if entities is not None and len(entities) else schema.empty("entities")
    quotes = quotes if quotes is not None and len(quotes) else schema.empty("quotes")
    timexes = timexes if timexes is not None and len(timexes) else schema.empty("timexes")
    sentences = sentences if len(sentences) else schema.empty("sentences")
    out: dict[str, pd.DataFrame] = {}
    ids = pd.Series(sentences["article_id"].unique(), index=sentences["article_id"].unique(), dtype=object)
    terms = text.term_counts(sentences, by=ids) if len(sentences) else pd.DataFrame(columns=["group", "term", "count"])
    out["terms"] = terms.rename(columns={"group": "article_id"})
    scored = framing.sentence_tone(sentences)
    scored = scored.assign(positive=scored["compound"] >= framing.POSITIVE_COMPOUND,
                           negative=scored["compound"] <= framing.NEGATIVE_COMPOUND)
    out["prose"] = _tone_sums(scored, ["article_id"])
    out["tone_words"] = _word_sums(scored, ["article_id"])
    mentions = framing.theme_mentions(sentences)
    out["themes"] = (mentions.drop_duplicates(["article_id", "sentence_id", "theme"])
                     .groupby(["article_id", "theme"], sort=False).size().rename("n_sentences").reset_index())
    out["theme_terms"] = mentions.groupby(["article_id", "theme", "term"], sort=False).size().rename("count").reset_index()
    actors = entities[entities["entity_type"].isin(ACTOR_TYPES)]
    actors = actors[["article_id", "sentence_id", "entity_id", "entity_type", "name"]].drop_duplicates(
        ["article_id", "sentence_id", "entity_id"])
    joined = actors.merge(scored, on=["article_id", "sentence_id"], how="inner")
    keys = ["article_id", "entity_id"]
    sums = _tone_sums(joined, keys)
    types = joined.groupby(keys, sort=False)["entity_type"].first().reset_index()
    out["actors"] = types.merge(sums, on=keys)[["article_id", "entity_id", "entity_type", "n_sentences",
                                                "compound_sum", "n_positive", "n_negative"]]
    out["actor_names"] = joined.groupby(keys + ["name"], sort=False).size().rename("n_sentences").reset_index()
    out["actor_words"] = _word_sums(joined, keys)
    # page furniture (bylines, captions, credits, share buttons) is left out of every count the reports show
    in_prose = _in_prose(sentences)
    prose_entities = entities[in_prose(entities)]
    out["mentions"] = (prose_entities.groupby(["article_id", "entity_id", "entity_type", "name"], sort=False, dropna=False)
                       .size().rename("count").reset_index())
    said = quotes[quotes["speaker"].notna() & (quotes["quote_kind"] != "scare") & in_prose(quotes)]
    out["quoted"] = said.groupby(["article_id", "speaker"], sort=False).size().rename("count").reset_index()
    out["kinds"] = sentences.groupby(["article_id", "kind"]).size().rename("n_sentences").reset_index()
    body = sentences[sentences["kind"] == "body"].sort_values(["article_id", "sentence_id"])
    out["leads"] = body.groupby("article_id")["text"].first().rename("lead").reset_index()
    texts = sentences.set_index(["article_id", "sentence_id"])["text"]
    dated = timexes[timexes["earliest"].notna()]
    out["dated"] = pd.DataFrame({
        "article_id": dated["article_id"], "sentence_id": dated["sentence_id"], "start": dated["start"],
        "text": dated["text"], "value": dated["value"], "earliest": dated["earliest"], "latest": dated["latest"],
        "sentence": [texts.get((a, s), "") for a, s in zip(dated["article_id"], dated["sentence_id"])],
    })
    out["quotes"] = quotes[["article_id", "start", "speaker", "cue", "quote_kind", "quote"]]
    flagged = sentences[sentences["is_boilerplate"].fillna(False).astype(bool)]
    out["boilerplate"] = flagged[["article_id", "sentence_id", "kind", "text"]]
    if translation is None:
        translation = translation_evidence(sentences)
    out["translation"] = translation[["article_id", "sentence_id", "start", "clue", "text"]]
    return {name: frame.reset_index(drop=True) for name, frame in out.items()}


def write_part(frames: dict[str, list[pd.DataFrame]], folder: str | os.PathLike, index: int) -> None:
    """Write partition `index`'s contributions (`contributions` of its frames) under ``folder/summary/<name>/``.

    `frames` holds the partition's frames of the large tables by name (sentences,
    entities, timexes, quotes; and translation, the articles' translation_evidence, which
    is found again when absent), each a list of per-article frames. One Parquet file per
    contribution; they are summed by `write_summaries`.
    """
    def joined(name: str) -> pd.DataFrame:
        parts = [f for f in frames.get(name, []) if len(f)]
        frame = schema.conform(pd.concat(parts, ignore_index=True), name) if parts else schema.empty(name)
        for col, kind in schema.TABLES[name].columns.items():  # as read back from CSV: an empty text is none
            if kind == "str":
                frame[col] = frame[col].mask(frame[col] == "")
        return frame

    translation = None  # the per-article step's clues, when handed over: not found again
    if "translation" in frames:
        clues = [f for f in frames["translation"] if len(f)]
        translation = pd.concat(clues, ignore_index=True) if clues else pd.DataFrame(columns=EVIDENCE_COLUMNS)
    parts = contributions(joined("sentences"), entities=joined("entities"), quotes=joined("quotes"),
                          timexes=joined("timexes"), translation=translation)
    for name, frame in parts.items():
        target = Path(folder) / PARTS / name
        target.mkdir(parents=True, exist_ok=True)
        storage.atomic_write(target / f"{index:08d}.parquet", lambda tmp, f=frame: f.to_parquet(tmp, index=False))


def _tone_sums(scored: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    grouped = scored.groupby(keys, sort=False)
    return pd.DataFrame({
        "n_sentences": grouped.size(), "compound_sum": grouped["compound"].sum(),
        "n_positive": grouped["positive"].sum().astype(int), "n_negative": grouped["negative"].sum().astype(int),
    }).reset_index() if len(scored) else pd.DataFrame(columns=[*keys, "n_sentences", "compound_sum", "n_positive", "n_negative"])


def _word_sums(scored: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    rows = [(*k, word, v) for *k, drivers in zip(*(scored[c] for c in keys), scored["drivers"]) for word, v in drivers]
    frame = pd.DataFrame(rows, columns=[*keys, "word", "valence"])
    return frame.groupby([*keys, "word"], sort=False)["valence"].sum().reset_index()


def _in_prose(sentences: pd.DataFrame):
    """Return a test of a frame's rows (article_id, sentence_id): True for those not in a boilerplate sentence."""
    flagged = sentences[sentences["is_boilerplate"].fillna(False).astype(bool)]
    furniture = pd.MultiIndex.from_arrays([flagged["article_id"].astype(object), flagged["sentence_id"].astype("int64")])

    def test(frame: pd.DataFrame):
        if not len(furniture) or not len(frame):
            return pd.Series(True, index=frame.index)
        keys = pd.MultiIndex.from_arrays([frame["article_id"].astype(object), frame["sentence_id"].astype("int64")])
        return pd.Series(~keys.isin(furniture), index=frame.index)

    return test

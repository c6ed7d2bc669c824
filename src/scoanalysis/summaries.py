"""Summaries: small tables the reports read instead of the large ones.

The reports chart term counts, themes, tone and mentions, and list a few hundred rows of
dated statements, quotes, page furniture and translation clues. Computing those from the
sentences, entities, timexes and quotes tables makes every report cost as much as the
corpus. Instead `build` computes them once:

* each partition writes its articles' *contributions* (`write_part`): term counts, theme
  hits, VADER tone sums and counts, tone around each actor, mentions, quotes per speaker,
  keyed by article_id, plus the candidate rows of the capped lists;
* at the end of the build (`write_summaries`), when duplicates are known, the parts are
  read one at a time and summed per group: per summit, per outlet, and whether the
  article repeats another (``is_duplicate``), so that a report can count each story once
  or not by summing rows.

The summary tables' sizes depend on the vocabulary, the lexicons and the numbers of
summits, outlets, actors and articles, never on the number of sentences or mentions;
what is capped is said in each table's description (SUMMARY_TABLES). The readers
(`term_counts`, `theme_shares`, `distinctive_words`, `tone`, `tone_by_actor`,
`mention_counts`) return what text.term_counts and the framing functions return from the
whole tables, with the same numbers.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from . import compare, frames, framing, heap, schema, text
from .exceptions import TableError

#: Rows kept of each capped list (per summit for dated statements and quotes): at least
#: what a report table shows (views.SHOW_ROWS).
HEAD_ROWS = 300
#: Actors whose tone is summarised: the most mentioned, over all articles and over
#: originals only (the union of both lists); a report shows the first 15.
ACTOR_ROWS = 100
#: Kinds of entity whose tone is summarised (framing.tone_by_actor's default).
ACTOR_TYPES = ("person", "country")
#: The groupings of articles that themes and tone are summed over.
DIMENSIONS = ("summit_id", "outlet")
#: Running sums are folded (summed into one frame) this many frames at a time (see _Folds).
_FOLD = 16
#: Evidence sentences a report quotes per attendance or events row (views.MAX_EVIDENCE): their
#: text is in summary_evidence, so no report looks sentences up for them.
EVIDENCE_SENTENCES = 10
#: The tables whose rows cite evidence sentences (an ``evidence`` list of ``article_id:sentence_id``).
EVIDENCE_TABLES = ("attendance", "events")
#: Folder under the build's parts folder where the partitions' contributions go.
PARTS = "summary"

#: Summary table name -> what one row is and what is capped (columns: schema.SUMMARY_TABLES).
SUMMARY_TABLES: dict[str, str] = {
    "summary_terms": "content word counted per (summit, duplicate or not) as text.term_counts counts it; "
                     "every word, no cap (bounded by the vocabulary)",
    "summary_tone": "prose sentences of a group (by summit_id or outlet): count, summed VADER compound, "
                    "positive and negative counts",
    "summary_tone_words": "VADER lexicon word's summed valence per group (bounded by the lexicon)",
    "summary_themes": "sentences and articles touching each theme per group",
    "summary_theme_terms": "matches of each lexicon term per group and theme",
    "summary_actors": f"tone of the prose sentences naming an actor ({', '.join(ACTOR_TYPES)}); only the "
                      f"{ACTOR_ROWS} actors in most sentences (all articles, and originals only) with 2 or more",
    "summary_actor_names": "sentences naming an actor of summary_actors by each name",
    "summary_actor_words": "summed VADER valence of each word in the sentences naming an actor of summary_actors",
    "summary_mentions": "mentions of an entity by one name per summit; first_seen orders the first mention "
                        "(bounded by the entities)",
    "summary_quoted": "quotations (not scare quotes) with a speaker, per summit and speaker",
    "summary_kinds": "sentences of each kind per article (one row per article and kind)",
    "summary_articles": f"articles placed at a summit, with their first body sentence (lead): the first {HEAD_ROWS} "
                        "per summit, in the articles table's order; n_rows counts them all",
    "summary_dated": f"date phrases that denote days, in calendar order: the first {HEAD_ROWS} per summit; "
                     "n_rows counts them all",
    "summary_quotes": f"quotations by article and offset: the first {HEAD_ROWS} per summit; n_rows counts them all",
    "summary_boilerplate": f"sentences flagged as page furniture: the first {HEAD_ROWS}; n_rows counts them all",
    "summary_translation": f"clues of machine translation (compare.translation_evidence): the first {HEAD_ROWS}; "
                           "n_rows counts them all",
    "summary_evidence": f"text of the sentences a report quotes as evidence: the first {EVIDENCE_SENTENCES} of each "
                        f"row of {' and '.join(EVIDENCE_TABLES)} (bounded by their rows)",
}
#: The contract tables a report reads whole: one row per article, event, summit and person, pair, claim, problem.
SMALL_TABLES = ("articles", "events", "attendance", "duplicates", "claims", "problems")


# --- build: the partitions' contributions ----------------------------------------------------------------


def contributions(sentences: pd.DataFrame, *, entities: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                  timexes: pd.DataFrame | None = None, translation: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Return what some articles contribute to the summaries, each frame keyed by article_id.

    Parameters
    ----------
    sentences, entities, quotes, timexes : the articles' rows of those tables.
    translation : compare.translation_evidence of `sentences`, when already at hand.

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
    out["mentions"] = (entities.groupby(["article_id", "entity_id", "entity_type", "name"], sort=False, dropna=False)
                       .size().rename("count").reset_index())
    said = quotes[quotes["speaker"].notna() & (quotes["quote_kind"] != "scare")]
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
        translation = compare.translation_evidence(sentences)
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
        translation = pd.concat(clues, ignore_index=True) if clues else pd.DataFrame(columns=compare.EVIDENCE_COLUMNS)
    parts = contributions(joined("sentences"), entities=joined("entities"), quotes=joined("quotes"),
                          timexes=joined("timexes"), translation=translation)
    for name, frame in parts.items():
        target = Path(folder) / PARTS / name
        target.mkdir(parents=True, exist_ok=True)
        schema.atomic_write(target / f"{index:08d}.parquet", lambda tmp, f=frame: f.to_parquet(tmp, index=False))


def write_summaries(folder: str | os.PathLike, out: str | os.PathLike, *, articles: pd.DataFrame) -> list[Path]:
    """Write every summary table under `out` (CSV and Parquet) from the contributions in ``folder/summary``.

    Streams: the parts are read one at a time (the actor words twice) and summed per
    group; `articles` (article_id, summit_id, outlet, duplicate_of, and for
    summary_articles headline, published, summit_score, n_words; in the articles
    table's order) says each article's groups. Returns the CSV paths written.
    """
    source = Path(folder) / PARTS
    where, groups = _group_lookup(articles)

    def parts(name: str):
        for k, path in enumerate(sorted((source / name).glob("*.parquet")) if (source / name).is_dir() else []):
            if k % TRIM_EVERY == 0:
                heap.trim()
            frame = pd.read_parquet(path)
            yield _with_groups(frame, where, groups) if "article_id" in frame.columns else frame

    sums = {name: _Sum(by) for name, by in [
        ("terms", ["summit_id", "is_duplicate", "term"]),
        ("quoted", ["summit_id", "is_duplicate", "speaker"]),
        ("actors", ["entity_id", "is_duplicate"]),
        ("actor_names", ["entity_id", "is_duplicate", "name"]),
    ]}
    for dim in DIMENSIONS:
        sums[("prose", dim)] = _Sum([dim, "is_duplicate"])
        sums[("tone_words", dim)] = _Sum([dim, "is_duplicate", "word"])
        sums[("themes", dim)] = _Sum([dim, "is_duplicate", "theme"])
        sums[("theme_terms", dim)] = _Sum([dim, "is_duplicate", "theme", "term"])
    for name in ("terms", "quoted", "actor_names"):
        for frame in parts(name):
            sums[name].add(frame)
    for name in ("prose", "tone_words", "themes", "theme_terms"):
        for frame in parts(name):
            frame = frame.assign(n_articles=1) if name == "themes" else frame
            for dim in DIMENSIONS:
                sums[(name, dim)].add(frame.drop(columns=[d for d in DIMENSIONS if d != dim]))
    seen = 0
    types: dict[tuple[str, bool], tuple[int, str]] = {}
    for frame in parts("actors"):
        frame = frame.assign(n_articles=1, first_seen=range(seen, seen + len(frame)))
        seen += len(frame)
        for e, d, t, f in zip(frame["entity_id"], frame["is_duplicate"], frame["entity_type"], frame["first_seen"]):
            types.setdefault((e, bool(d)), (f, t))
        sums["actors"].add(frame.drop(columns=["entity_type", "first_seen"]))
    actors = sums["actors"].result()
    actors["entity_type"] = [types[(e, bool(d))][1] for e, d in zip(actors["entity_id"], actors["is_duplicate"])]
    actors["first_seen"] = [types[(e, bool(d))][0] for e, d in zip(actors["entity_id"], actors["is_duplicate"])]
    chosen = frames.text_set(_top_actors(actors))
    actors = actors[frames.text_isin(actors["entity_id"], chosen)]
    names = sums["actor_names"].result()
    words = _Sum(["entity_id", "is_duplicate", "word"])
    for frame in parts("actor_words"):
        words.add(frame[frames.text_isin(frame["entity_id"], chosen)])
    mentions, seen = _Folds(_fold_mentions), 0
    for frame in parts("mentions"):
        frame = frame.assign(first_seen=range(seen, seen + len(frame)))
        seen += len(frame)
        mentions.add(frame.groupby(["summit_id", "is_duplicate", "entity_id", "entity_type", "name"], dropna=False,
                                   sort=False).agg(count=("count", "sum"), first_seen=("first_seen", "min")))
    mentions = mentions.result()
    tables = {
        "summary_terms": sums["terms"].result(),
        "summary_quoted": sums["quoted"].result(),
        "summary_actors": actors,
        "summary_actor_names": names[frames.text_isin(names["entity_id"], chosen)],
        "summary_actor_words": words.result(),
        "summary_mentions": mentions.reset_index() if mentions is not None else None,
        "summary_tone": _stack(sums, "prose"),
        "summary_tone_words": _stack(sums, "tone_words"),
        "summary_themes": _stack(sums, "themes"),
        "summary_theme_terms": _stack(sums, "theme_terms"),
        "summary_kinds": parts("kinds"),  # a row an article or more: written a chunk at a time
        "summary_articles": _summit_articles(articles, parts("leads")),
        "summary_dated": _head(parts("dated"), ["earliest", "latest", "article_id", "start"], per="summit_id"),
        "summary_quotes": _head(parts("quotes"), ["article_id", "start"], per="summit_id"),
        "summary_boilerplate": _head(parts("boilerplate"), None),
        "summary_translation": _head(parts("translation"), ["article_id", "sentence_id", "start"]),
    }
    written = []
    for name, frame in tables.items():
        columns = list(schema.TABLES[name].columns)
        if not isinstance(frame, pd.DataFrame) and frame is not None:
            written.append(_write_chunked(frame, name, out, spill=Path(folder) / "_tables", columns=columns))
            continue
        frame = frame if frame is not None and len(frame) else pd.DataFrame(columns=columns)
        for col in ("compound_sum", "valence"):  # VADER scores have 4 decimals: so do their sums, whatever the order
            if col in frame.columns:
                frame = frame.assign(**{col: frame[col].astype(float).round(4)})
        written.append(schema.write_table(frame[columns], name, out))
    return written


def write_evidence(out: str | os.PathLike) -> Path:
    """Write summary_evidence under `out` from the attendance, events and sentences tables there; return the CSV path.

    Called by `build` once those tables are written. Its rows are the sentences that
    the first EVIDENCE_SENTENCES references of each attendance and events row name,
    sorted by article and sentence; the sentences are read from sentences.parquet a
    few row groups at a time (schema.parquet_rows), only those that hold one of them.
    """
    refs: set[tuple[str, int]] = set()
    for name in EVIDENCE_TABLES:
        refs.update(_cited(Path(out) / schema.TABLES[name].file))
    columns = list(schema.TABLES["summary_evidence"].columns)
    frame = pd.DataFrame(columns=columns)
    if refs:
        frame = schema.parquet_rows(_sentences_file(out), sorted({a for a, _ in refs}), columns=columns, refs=refs)
        frame = frame.sort_values(["article_id", "sentence_id"], kind="stable")
    return schema.write_table(frame, "summary_evidence", out)


def _cited(file: Path) -> set[tuple[str, int]]:
    """Return the first EVIDENCE_SENTENCES references of each row's evidence in table CSV `file`.

    Reads the evidence column of the Parquet file beside it, a row group at a time
    (the whole table, lists and all, would cost 200 MB at 100,000 articles); the
    CSV when there is none.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    refs: set[tuple[str, int]] = set()
    twin = file.with_suffix(".parquet")
    if not twin.is_file():
        for value in schema.read_table(file.stem, file.parent)["evidence"]:
            refs.update(schema.evidence_refs(value, EVIDENCE_SENTENCES))
        return refs
    reader = pq.ParquetFile(twin)
    for g in range(reader.num_row_groups):
        column = reader.read_row_group(g, columns=["evidence"]).column("evidence").combine_chunks()
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            refs.update(schema.evidence_refs(pc.list_flatten(pc.list_slice(column, 0, EVIDENCE_SENTENCES)).to_pylist()))
        else:
            for value in column.to_pylist():
                refs.update(schema.evidence_refs(value, EVIDENCE_SENTENCES))
    return refs


def _summit_articles(articles: pd.DataFrame, leads) -> pd.DataFrame:
    """Return the first HEAD_ROWS articles of each summit (in `articles`'s order) with their lead and the summit's total.

    `leads` are the partitions' frames of (article_id, lead), read one at a time; only
    the chosen articles' leads are kept. Columns: schema.SUMMARY_TABLES["summary_articles"].
    """
    assigned = articles[articles["summit_id"].notna()]
    first = assigned.groupby("summit_id", sort=False).head(HEAD_ROWS)
    wanted = frames.text_set(first["article_id"])  # made once: isin would convert it for every partition
    found: dict[str, str] = {}
    for frame in leads:
        frame = frame[frames.text_isin(frame["article_id"], wanted)]
        found.update(zip(frame["article_id"], frame["lead"]))
    return pd.DataFrame({
        "summit_id": first["summit_id"],
        "article_id": first["article_id"],
        "headline": first["headline"],
        "published": first["published"],
        "summit_score": first["summit_score"],
        "n_words": first["n_words"],
        "lead": first["article_id"].map(found),
        "n_rows": first["summit_id"].map(assigned["summit_id"].value_counts()),
    }).reset_index(drop=True)


def _write_chunked(frames, name: str, out, *, spill: Path, columns: list[str]) -> Path:
    """Write table `name` under `out` from `frames` (its rows in order, any extra columns dropped); return the CSV path.

    The frames are pooled into parts of about CHUNK_ROWS rows written under `spill`,
    then joined (schema.combine_parts): a chunk is in memory at a time, not the table.
    """
    pending, n, k = [], 0, 0
    for frame in frames:
        pending.append(frame[columns])
        n += len(frame)
        if n >= CHUNK_ROWS:
            schema.write_part(pd.concat(pending, ignore_index=True), name, spill, k)
            pending, n, k = [], 0, k + 1
    if pending:
        schema.write_part(pd.concat(pending, ignore_index=True), name, spill, k)
    path = schema.combine_parts(name, spill, out)
    shutil.rmtree(spill / name, ignore_errors=True)
    return path


#: Parts read between two heap.trim() calls (the pages freed by the parts already summed go back).
TRIM_EVERY = 16
#: Rows of a per-article summary table (summary_kinds) written as one part.
CHUNK_ROWS = 50_000


def _group_lookup(articles: pd.DataFrame) -> tuple[pd.Index, dict[str, np.ndarray]]:
    """Return the articles' ids (an Index, hashed once) and their groups: summit_id, outlet, is_duplicate.

    `articles` has article_id, summit_id, outlet, duplicate_of; the arrays follow its rows.
    """
    def named(col: str) -> np.ndarray:
        return articles[col].astype(object).where(articles[col].notna(), None).to_numpy(object)

    groups = {"summit_id": named("summit_id"), "outlet": named("outlet"),
              "is_duplicate": articles["duplicate_of"].notna().to_numpy(bool)}
    return pd.Index(articles["article_id"].astype(object)), groups


def _with_groups(frame: pd.DataFrame, where: pd.Index, groups: dict[str, np.ndarray]) -> pd.DataFrame:
    """Return the rows of `frame` whose article_id is in `where`, in order, with a column per `groups` entry.

    `groups` holds arrays aligned with `where` (row k describes article where[k]): an
    inner merge on article_id, in the time of `frame` alone.
    """
    at = where.get_indexer(frame["article_id"])
    kept = at >= 0
    if not kept.all():
        frame, at = frame[kept], at[kept]
    frame = frame.reset_index(drop=True)
    columns = {"article_id": frame["article_id"].astype(object),  # as the merge gives, dtypes kept
               **{col: pd.Series(values[at], dtype=values.dtype) for col, values in groups.items()}}
    return frame.assign(**columns)


class _Sum:
    """A running group-by sum over frames added one at a time (folded every few frames)."""

    def __init__(self, by: list[str]):
        self.by, self.folds = by, _Folds(self._fold)

    def add(self, frame: pd.DataFrame) -> None:
        if len(frame):
            values = [c for c in frame.columns if c not in self.by and c not in ("article_id", "summit_id", "outlet")]
            self.folds.add(frame.groupby(self.by, dropna=False, sort=False)[values].sum())

    def _fold(self, frames: list[pd.DataFrame]) -> pd.DataFrame:
        return pd.concat(frames).groupby(level=list(range(len(self.by))), dropna=False, sort=False).sum()

    def result(self) -> pd.DataFrame:
        folded = self.folds.result()
        if folded is None:
            return pd.DataFrame(columns=self.by)
        return folded.reset_index().sort_values(self.by, kind="stable", na_position="first").reset_index(drop=True)


class _Folds:
    """Frames added one at a time and folded (`fold`: a list of frames -> one) _FOLD at a time, in levels.

    _FOLD frames of one level fold into one frame of the next, so each row is folded
    about log(parts) / log(_FOLD) times: folding everything every _FOLD parts would
    fold the growing total again each time (time growing with the square of the corpus).
    The frames stay in the order they came (older levels first), as groupby's
    first-appearance order needs.
    """

    def __init__(self, fold):
        self.fold, self.levels = fold, [[]]

    def add(self, frame: pd.DataFrame) -> None:
        self.levels[0].append(frame)
        k = 0
        while len(self.levels[k]) >= _FOLD:
            folded, self.levels[k] = self.fold(self.levels[k]), []
            if k + 1 == len(self.levels):
                self.levels.append([])
            self.levels[k + 1].append(folded)
            k += 1

    def result(self) -> pd.DataFrame | None:
        """Return every frame added folded into one (None when none was)."""
        frames = [f for level in reversed(self.levels) for f in level]
        return self.fold(frames) if frames else None


def _fold_mentions(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(frames).groupby(level=[0, 1, 2, 3, 4], dropna=False, sort=False).agg(
        count=("count", "sum"), first_seen=("first_seen", "min"))


def _stack(sums: dict, name: str) -> pd.DataFrame:
    frames = []
    for dim in DIMENSIONS:
        frame = sums[(name, dim)].result()
        if len(frame):
            frames.append(frame.rename(columns={dim: "group"}).assign(by=dim))
    return pd.concat(frames, ignore_index=True) if frames else None


def _top_actors(actors: pd.DataFrame) -> set[str]:
    """Return the ACTOR_ROWS actors in most sentences (2 or more), over all articles and over originals, joined."""
    chosen: set[str] = set()
    if "n_sentences" not in actors.columns:  # no actor named in any prose sentence
        return chosen
    for frame in (actors, actors[~actors["is_duplicate"].astype(bool)]):
        totals = frame.groupby("entity_id")["n_sentences"].sum()
        totals = totals[totals >= 2].reset_index().sort_values(["n_sentences", "entity_id"], ascending=[False, True])
        chosen |= set(totals["entity_id"].head(ACTOR_ROWS))
    return chosen


def _head(frames, order: list[str] | None, *, per: str | None = None) -> pd.DataFrame | None:
    """Return the first HEAD_ROWS rows of `frames` in `order` (None: as they come), per `per`, with n_rows."""
    kept, counts = None, defaultdict(int)
    for frame in frames:
        if per is not None:
            frame = frame[frame[per].notna()]
            for key, n in frame[per].value_counts().items():
                counts[key] += int(n)
        else:
            counts[None] += len(frame)
        if order is None and kept is not None and len(kept) >= HEAD_ROWS:
            continue
        both = frame if kept is None else pd.concat([kept, frame], ignore_index=True)
        if order is not None:
            both = both.sort_values(order, kind="stable")
        kept = both.groupby(per, sort=False).head(HEAD_ROWS) if per else both.head(HEAD_ROWS)
    if kept is None or kept.empty:
        return None
    return kept.assign(n_rows=kept[per].map(counts) if per else counts[None]).reset_index(drop=True)


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


# --- reading ---------------------------------------------------------------------------------------------


class Tables(dict):
    """Tables by name, as load_summaries returns them, each read when first asked for; remembers their folder.

    A report reads only the tables its cells use (a summit profile never reads claims),
    so what it costs does not follow the tables it does not need. Iterating, ``items()``
    or ``values()`` read every table.
    """

    folder: Path | None = None
    #: Whether articles that repeat another were left out (views.originals): the totals
    #: written at build time (n_rows) then count rows these tables no longer hold.
    originals_only: bool = False

    def __init__(self, tables=(), *, loaders: dict | None = None):
        super().__init__(tables)
        self._loaders = dict(loaders or {})
        self._heads: dict = {}

    def lazy(self, name: str, loader, *, head=None) -> None:
        """Make `loader()` give table `name` when it is first asked for; `head(n)` its first n rows (see `head`)."""
        dict.pop(self, name, None)
        self._loaders[name] = loader
        self._heads.pop(name, None)
        if head is not None:
            self._heads[name] = head

    def head(self, name: str, rows: int) -> pd.DataFrame:
        """Return the first `rows` rows of table `name`, and in ``attrs["n_rows"]`` how many it has.

        A table not read yet is not read whole for it when its loader came with a
        `head` (load_summaries's tables do: only the Parquet row groups that hold
        those rows are read).
        """
        if not dict.__contains__(self, name) and name in self._heads:
            return self._heads[name](rows)
        return frame_head(self[name], rows)

    def __missing__(self, name):
        if name not in self._loaders:
            raise KeyError(name)
        frame = self[name] = self._loaders.pop(name)()
        return frame

    def __contains__(self, name) -> bool:
        return dict.__contains__(self, name) or name in self._loaders

    def __iter__(self):
        yield from [*dict.keys(self), *(k for k in self._loaders if not dict.__contains__(self, k))]

    def __len__(self) -> int:
        return len(set(dict.keys(self)) | set(self._loaders))

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def get(self, name, default=None):
        return self[name] if name in self else default


def load_summaries(path: str | os.PathLike | None = None) -> Tables:
    """Return what the reports read from the tables folder `path` (default data/processed).

    The small contract tables whole (articles, events, attendance, duplicates, claims,
    problems) and every summary table (SUMMARY_TABLES), each read when a cell first uses
    it (see Tables). Events and attendance keep the first EVIDENCE_SENTENCES references
    of each evidence list (those whose text summary_evidence holds) and count them all
    in ``n_evidence``: their lists grow with the corpus, the reports quote no more;
    `schema.load_tables` reads them whole. Not the sentences, entities,
    timexes or quotes, whose rows the views read from the Parquet files when they show a
    few (`sentence_texts`). Raises TableError naming the file and the fix when the folder
    was built before summaries existed.
    """
    from .paths import tables_dir

    folder = tables_dir(path)
    if not folder.is_dir():
        raise TableError(f"tables folder {folder} does not exist; run `scoanalysis build --out {folder}` first.")
    for name in SUMMARY_TABLES:  # a folder built before summaries existed says so now, not in some later cell
        if not (folder / schema.TABLES[name].file).is_file():
            schema.load_tables(folder, tables=[name])
    tables = Tables()
    for name in (*SMALL_TABLES, *SUMMARY_TABLES):
        tables.lazy(name, functools.partial(_read_one, folder, name), head=functools.partial(_read_head, folder, name))
    tables.folder = folder
    return tables


def _read_one(folder: Path, name: str) -> pd.DataFrame:
    if name in EVIDENCE_TABLES:
        return schema.read_table(name, folder, evidence_limit=EVIDENCE_SENTENCES)
    return schema.load_tables(folder, tables=[name])[name]


def _read_head(folder: Path, name: str, rows: int) -> pd.DataFrame:
    if name == "problems" and not (folder / "problems.csv").is_file():
        return frame_head(schema.empty("problems"), rows)
    return schema.read_head(name, folder, rows, evidence_limit=EVIDENCE_SENTENCES if name in EVIDENCE_TABLES else None)


def head(tables: dict[str, pd.DataFrame], name: str, rows: int) -> pd.DataFrame:
    """Return the first `rows` rows of table `name`, and in ``attrs["n_rows"]`` how many rows it has in all.

    A Tables (load_summaries) reads only those rows of a table it has not read yet.
    """
    return tables.head(name, rows) if isinstance(tables, Tables) else frame_head(tables[name], rows)


def frame_head(frame: pd.DataFrame, rows: int) -> pd.DataFrame:
    """Return the first `rows` rows of `frame`, and in ``attrs["n_rows"]`` how many rows it has."""
    out = frame.head(rows).copy()
    out.attrs["n_rows"] = len(frame)
    return out


def sentence_texts(folder: str | os.PathLike, refs) -> pd.Series:
    """Return the text of the sentences `refs` ((article_id, sentence_id) pairs), indexed by them.

    Reads only the row groups of sentences.parquet that hold those articles, so the cost
    depends on how many articles are asked for, not on the corpus.
    """
    refs = list(dict.fromkeys((str(a), int(s)) for a, s in refs))
    if not refs:
        return pd.Series(dtype=object, index=pd.MultiIndex.from_tuples([], names=["article_id", "sentence_id"]))
    ids = sorted({a for a, _ in refs})
    rows = schema.parquet_rows(_sentences_file(folder), ids, columns=["article_id", "sentence_id", "text"], refs=set(refs))
    texts = rows.set_index(["article_id", "sentence_id"])["text"]
    return texts[~texts.index.duplicated()]


def _sentences_file(folder: str | os.PathLike) -> Path:
    file = Path(folder) / "sentences.parquet"
    if not file.is_file():
        raise TableError(f"{file} does not exist; rebuild the tables with `scoanalysis build --out {folder}`.")
    return file


def article_counts(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Return how many articles each summit has, indexed by summit_id (summits with none left out).

    From summary_articles's n_rows when `tables` has no articles table read yet (a
    Tables from load_summaries), so a summit profile never reads the articles table;
    from the articles table when repeats were left out (views.originals), as n_rows
    counts them.
    """
    if (isinstance(tables, Tables) and not tables.originals_only and not dict.__contains__(tables, "articles")
            and "summary_articles" in tables):
        s = tables["summary_articles"]
        return s.groupby("summit_id", sort=False)["n_rows"].max().astype(int).sort_values(ascending=False, kind="stable")
    return tables["articles"]["summit_id"].value_counts()


def article_sentences(folder: str | os.PathLike, article_ids) -> pd.DataFrame:
    """Return the rows of sentences.parquet of the articles `article_ids` (every column, typed)."""
    file = _sentences_file(folder)
    ids = sorted({str(a) for a in article_ids})
    if not ids:
        return schema.empty("sentences")
    return schema.conform(schema.parquet_rows(file, ids), "sentences")


def _grouped(frame: pd.DataFrame, column: str, *, summit_ids=None, others: str | None = "none") -> pd.Series:
    """Return each row's group: its `column` value, "none" when empty; with `summit_ids`, others pooled as `others` (None: dropped)."""
    values = frame[column].astype(object).where(frame[column].notna(), None)
    if summit_ids is not None:
        values = values.where(values.isin(list(summit_ids)), None)
        if others is None:
            return values
    return values.where(values.notna(), "none" if summit_ids is None else others)


def term_counts(tables: dict[str, pd.DataFrame], *, summit_ids=None) -> pd.DataFrame:
    """Return content-word counts per summit from summary_terms: columns group, term, count.

    As text.term_counts(sentences, by=summit of each article): articles without a summit
    form the group ``none``. With `summit_ids`, only those summits' groups. Sorted by group,
    then count (most first), then term. Rows of duplicates count unless `tables` went
    through views.originals.
    """
    t = tables["summary_terms"]
    groups = _grouped(t, "summit_id", summit_ids=summit_ids, others=None)
    counts = t.assign(group=groups).dropna(subset=["group"]).groupby(["group", "term"])["count"].sum().reset_index()
    counts = counts[counts["count"] > 0]
    counts["count"] = counts["count"].astype(int)
    return counts.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def distinctive_words(tables: dict[str, pd.DataFrame], *, summit_ids=None, **options) -> pd.DataFrame:
    """Return framing.distinctive_words of each summit's coverage from summary_terms (same columns).

    With `summit_ids`, the other articles form one group, ``none``, as when
    framing.distinctive_words is given the summit of each article only for those summits.
    `options` go to framing.distinctive_words (prior, min_count).
    """
    t = tables["summary_terms"]
    counts = (t.assign(group=_grouped(t, "summit_id", summit_ids=summit_ids))
              .groupby(["group", "term"])["count"].sum().reset_index())
    return framing.distinctive_words(counts[counts["count"] > 0], **options)


def theme_shares(tables: dict[str, pd.DataFrame], *, by: str = "summit_id", summit_ids=None) -> pd.DataFrame:
    """Return framing.theme_shares per group from summary_themes (same columns: group, theme, n_sentences, ...).

    `by` is summit_id or outlet; articles without one form the group ``none``, and with
    `summit_ids` so do the articles of other summits.
    """
    lexicon = framing.theme_lexicon()
    themes = list(dict.fromkeys(lexicon["theme"]))
    totals = _by(tables["summary_tone"], by, summit_ids).groupby("group")["n_sentences"].sum()
    totals = totals[totals > 0].sort_index()
    hits = _by(tables["summary_themes"], by, summit_ids).groupby(["group", "theme"])[["n_sentences", "n_articles"]].sum()
    terms = _by(tables["summary_theme_terms"], by, summit_ids).groupby(["group", "theme", "term"])["count"].sum()
    terms = terms[terms > 0].reset_index().sort_values(["group", "theme", "count", "term"],
                                                       ascending=[True, True, False, True], kind="stable")
    top = {k: ";".join(f"{t}:{c}" for t, c in zip(g["term"].head(framing.N_DRIVERS), g["count"].head(framing.N_DRIVERS)))
           for k, g in terms.groupby(["group", "theme"], sort=False)}
    rows = []
    for group, total in totals.items():
        for theme in themes:
            n, arts = hits.loc[(group, theme)] if (group, theme) in hits.index else (0, 0)
            rows.append((group, theme, int(n), int(total), int(n) / total if total else 0.0, int(arts),
                         top.get((group, theme), "")))
    return pd.DataFrame(rows, columns=framing.SHARE_COLUMNS)


def tone(tables: dict[str, pd.DataFrame], *, by: str = "summit_id", summit_ids=None) -> pd.DataFrame:
    """Return framing.tone per group from summary_tone and summary_tone_words (same columns).

    `by` is summit_id or outlet; groups as in `theme_shares`.
    """
    sums = _by(tables["summary_tone"], by, summit_ids).groupby("group")[
        ["n_sentences", "compound_sum", "n_positive", "n_negative"]].sum()
    sums = sums[sums["n_sentences"] > 0].sort_index()
    words = _by(tables["summary_tone_words"], by, summit_ids).groupby(["group", "word"])["valence"].sum()
    rows = []
    for group, r in sums.iterrows():
        drivers = words.loc[group].to_dict() if group in words.index.get_level_values(0) else {}
        rows.append((group, *framing.summary_from(int(r["n_sentences"]), float(r["compound_sum"]), int(r["n_positive"]),
                                                  int(r["n_negative"]), drivers)))
    return pd.DataFrame(rows, columns=framing.TONE_COLUMNS)


def tone_by_actor(tables: dict[str, pd.DataFrame], *, min_sentences: int = 2) -> pd.DataFrame:
    """Return framing.tone_by_actor from summary_actors (same columns), for the ACTOR_ROWS most mentioned actors.

    Sorted by n_sentences (most first), then entity_id; only the actors the summary
    keeps, so the first ACTOR_ROWS rows equal framing.tone_by_actor's.
    """
    a = tables["summary_actors"]
    if a.empty:
        return pd.DataFrame(columns=framing.ACTOR_TONE_COLUMNS)
    first = a.sort_values("first_seen").drop_duplicates("entity_id").set_index("entity_id")["entity_type"]
    sums = a.groupby("entity_id")[["n_sentences", "n_articles", "compound_sum", "n_positive", "n_negative"]].sum()
    sums = sums[sums["n_sentences"] >= min_sentences]
    names = tables["summary_actor_names"].groupby(["entity_id", "name"])["n_sentences"].sum().reset_index()
    names = names.sort_values(["entity_id", "n_sentences", "name"], ascending=[True, False, True]).drop_duplicates("entity_id")
    names = names.set_index("entity_id")["name"]
    words = tables["summary_actor_words"].groupby(["entity_id", "word"])["valence"].sum()
    rows = []
    for entity_id, r in sums.iterrows():
        drivers = words.loc[entity_id].to_dict() if entity_id in words.index.get_level_values(0) else {}
        summary = framing.summary_from(int(r["n_sentences"]), float(r["compound_sum"]), int(r["n_positive"]),
                                       int(r["n_negative"]), drivers)
        rows.append((entity_id, names.get(entity_id), first.get(entity_id), int(r["n_sentences"]),
                     int(r["n_articles"]), *summary[1:]))
    out = pd.DataFrame(rows, columns=framing.ACTOR_TONE_COLUMNS)
    return out.sort_values(["n_sentences", "entity_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def mention_counts(tables: dict[str, pd.DataFrame], *, summit_ids=None, entity_type: str | None = "person",
                   key: str = "name") -> pd.DataFrame:
    """Return mentions counted per summit and entity from summary_mentions: columns group, term, count.

    As plots.mention_counts counts the entities table: `key` name (term is the name) or
    entity_id; articles without a summit, and with `summit_ids` those of other summits,
    are left out. Sorted by group, then term.
    """
    m = tables["summary_mentions"]
    if entity_type is not None:
        m = m[m["entity_type"] == entity_type]
    m = m.assign(group=_grouped(m, "summit_id", summit_ids=summit_ids, others=None)).dropna(subset=["group"])
    m = m[m["summit_id"].notna()]
    counts = m.groupby(["group", key])["count"].sum().reset_index().rename(columns={key: "term"})
    counts["count"] = counts["count"].astype(int)
    return counts.sort_values(["group", "term"], kind="stable").reset_index(drop=True)


def entity_names(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Return each entity's name at its first mention (in the tables' order), from summary_mentions."""
    m = tables["summary_mentions"].sort_values("first_seen", kind="stable").drop_duplicates("entity_id")
    return dict(zip(m["entity_id"], m["name"]))


def _by(frame: pd.DataFrame, by: str, summit_ids) -> pd.DataFrame:
    if by not in DIMENSIONS:
        from .exceptions import ParameterError

        raise ParameterError(f"summaries are grouped by {' or '.join(DIMENSIONS)}, not {by!r}.")
    chosen = frame[frame["by"] == by]
    return chosen.assign(group=_grouped(chosen, "group", summit_ids=summit_ids if by == "summit_id" else None))

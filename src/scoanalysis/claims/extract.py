"""Claims from sentences: what articles state about memberships, offices, member counts, founding and summit dates.

``claims_from_columns`` is the build's per-article entry (the sentences' and entities'
columns read once for every layer); ``extract_claims`` takes the tables. Each
sentence's statements come from statements.py, read with what its article brings
(the bloc it names most, its date, the states and people named before).
"""

from __future__ import annotations

import functools
import os
from collections import namedtuple
from typing import Iterator, Mapping

import pandas as pd

from ..frames import Columns, from_columns
from ..schema import NOT_CONTENT_KINDS
from .facts import ReferenceFacts, is_missing, reference_facts
from .sentence import ArticleState
from .statements import sentence_claims

#: Columns of ``extract_claims``.
CLAIM_COLUMNS = [
    "claim_id", "article_id", "sentence_id", "start", "end", "subject", "predicate", "object",
    "text", "subject_name", "object_name", "scope", "qualifier", "claim_date", "polarity", "tense", "hedged",
]
#: Sentence kinds that state nothing (page furniture).
SKIP_KINDS = NOT_CONTENT_KINDS


def extract_claims(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    dates: Mapping[str, pd.Timestamp | None],
    reference_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Return the claims the sentences state, one row per subject–predicate–object statement.

    Parameters
    ----------
    sentences : the sentences table (article_id, sentence_id, start, end, text, kind).
    entities : the entity mentions of those sentences (entities.entities): article_id,
        sentence_id, start, end, entity_id, entity_type, name, mention_kind, country_id.
    dates : each article's date (publication, else its summit's opening): the day
        the claim is made at; None where unknown.
    reference_dir : folder of reference CSVs (default data/reference).

    Returns
    -------
    DataFrame with columns claim_id (``article_id:sentence_id:n``, n counting the
    sentence's claims by position), article_id, sentence_id, start, end (offsets into
    the raw text of the span stating the claim), subject (entity_id, or a literal),
    predicate (see PREDICATES), object (entity_id, office value, number, year, ISO day
    or literal), text (the span), subject_name, object_name, scope (the state or
    organisation of an office, the organisation joined, the region counted), qualifier
    (the title as written, "full", ...), claim_date, polarity (positive, negative),
    tense (past, present, future), hedged ("may become", "wants to join"). The inputs
    are not changed.
    """
    return claims_table(claim_rows(Columns(sentences), Columns(entities), dates=dates, reference_dir=reference_dir))


def claim_rows(sentences: Columns, entities: Columns, *, dates: Mapping[str, pd.Timestamp | None],
               reference_dir: str | os.PathLike | None = None) -> list[dict]:
    """Return the claims of the sentences and entities tables given as ``frames.Columns``, as records: the build's entry.

    One dict per claim with the keys CLAIM_COLUMNS, in the table's order; `claims_table`
    makes the table of them (of one article or of many, concatenated). The tables'
    column names must be unique.
    """
    ref = reference_facts(str(reference_dir) if reference_dir else None)
    rows: list[dict] = []
    records = _records(entities)  # fresh dicts: the mentions get offsets, the input is not touched
    by_sentence: dict[tuple, list[dict]] = {}
    by_article: dict = {}
    for r in records:
        if not is_missing(r["article_id"]):
            by_article.setdefault(r["article_id"], []).append(r)
    for r in sorted((r for r in records if not is_missing(r["article_id"])),
                    key=lambda r: (r["article_id"], r["sentence_id"], r["start"])):
        by_sentence.setdefault((r["article_id"], r["sentence_id"]), []).append(r)
    for aid, group in _sentence_groups(sentences):
        date = dates.get(aid)
        date = None if date is None or pd.isna(date) else pd.Timestamp(date)
        article = ArticleState(topic=_topic(by_article.get(aid, []), ref), date=date)
        for s in group:
            mentions = by_sentence.get((aid, s.sentence_id), [])
            if getattr(s, "kind", "body") not in SKIP_KINDS:
                found = sentence_claims(s, mentions, article, ref)
                found.sort(key=lambda c: (c["start"], c["end"], c["subject"], c["predicate"]))
                for n, claim in enumerate(found):
                    claim["claim_id"] = f"{aid}:{s.sentence_id}:{n}"
                rows.extend(found)
            article = article.after(mentions)
    return rows


def claims_table(rows: list[dict]) -> pd.DataFrame:
    """Return the claims table (CLAIM_COLUMNS, claim_date ``datetime64``) of claim records (`claim_rows`)."""
    if not rows:
        return _empty_claims().copy()
    data = {c: [r[c] for r in rows] for c in CLAIM_COLUMNS}
    data["claim_date"] = pd.to_datetime(pd.Series(data["claim_date"]))
    return from_columns(data, CLAIM_COLUMNS)


@functools.lru_cache(maxsize=1)
def _empty_claims() -> pd.DataFrame:
    frame = pd.DataFrame([], columns=CLAIM_COLUMNS)
    frame["claim_date"] = pd.to_datetime(frame["claim_date"])
    frame["hedged"] = frame["hedged"].astype(bool)
    return frame


def _records(frame: Columns) -> list[dict]:
    """The rows of a frame (its ``frames.Columns``) as dicts of Python values (as ``to_dict("records")``)."""
    columns = list(frame.names)
    return [dict(zip(columns, row)) for row in zip(*(frame[c] for c in columns))]


@functools.lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]):
    """The namedtuple type ``itertuples(index=False)`` gives rows with these columns."""
    return namedtuple("Pandas", columns, rename=True)


def _sentence_groups(sentences: Columns) -> Iterator[tuple[str, list]]:
    """Yield (article_id, its sentences in sentence_id order as itertuples-like rows), articles in order of appearance."""
    columns = tuple(sentences.names)
    row = _row_type(columns)
    values = [sentences[c] for c in columns]
    groups: dict = {}
    for aid, r in zip(sentences["article_id"], zip(*values)):
        if not is_missing(aid):
            groups.setdefault(aid, []).append(row._make(r))
    for aid, group in groups.items():
        group.sort(key=lambda r: r.sentence_id)
        yield aid, group


def _topic(mentions: list[dict], ref: ReferenceFacts) -> str | None:
    """The bloc the article names most (first named on a tie): what "the organization" stands for."""
    counts: dict = {}
    for m in mentions:
        if m["entity_type"] == "organization" and m["entity_id"] in ref.blocs:
            counts[m["entity_id"]] = counts.get(m["entity_id"], 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return str(next(k for k, n in counts.items() if n == best))

"""Quotations: quoted spans found in sentences and attributed to speakers through cue verbs.

Each paragraph is scanned for quotation marks (`marks`); each quotation is then read
against the reporter's words around it, with every quotation masked out (`context`), to
find its cue (said, told, according to...) and the speaker that cue introduces
(`speakers`, `attribution`); speakers are linked to the article's entity mentions or to
the names in its text, and pronouns to the people they stand for (`resolution`). Each
quotation becomes one `records.Quote`, with offsets into the raw article text
(`extract`), and `records.frame` makes the table.

Speakers are who the text says speaks: the person a medium quotes ("state media quoted
Xi as saying"), a body or a document under its own phrase ("the Foreign Office", "the
declaration"), the person a role phrase or a pronoun stands for; names, slogans, terms and
headlines are nobody's speech (kind ``scare``).

Text: ``quote`` is everything inside the marks, trailing comma or period included
(“identical and close.”); ``cue`` is the cue as written, lower case, a phrasal verb
without what stands between its parts ("called last week for" → "called for"). Scare
quotes have no speaker and no cue. The modules' docstrings give the rules of each step.
"""

from __future__ import annotations

import pandas as pd

from ..frames import Columns
from ..schema import DEBRIS_KINDS
from .extract import article_records
from .marks import QuoteSpan, quote_spans
from .records import QUOTE_COLUMNS, Quote, frame, missing
from .resolution import EntityMentions

#: Sentence kinds that are never searched for quotations.
SKIPPED_KINDS = DEBRIS_KINDS


def quotes(sentences: pd.DataFrame, *, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per quotation found in `sentences`, with its speaker and cue.

    Parameters
    ----------
    sentences
        The sentences table (see ``text.sentences``): article_id, sentence_id, start,
        end, text (the raw text at start:end), paragraph_id, kind. Sentences of kind
        ``debris`` or ``prompt`` are skipped. Not modified.
    entities
        The mentions table (article_id, start, end, entity_id, entity_type, name, and
        optionally gender ``m``/``f``, mention_kind and country_id), or None. With it,
        speakers take canonical names and entity ids (a body named by its seat, mention_kind
        ``metonym``, keeps the phrase: "the Kremlin"); without it, names are read from the
        text. Not modified.

    Returns
    -------
    pandas.DataFrame
        Columns (``QUOTE_COLUMNS``): article_id; sentence_id (where the quotation
        starts); start, end (offsets into the raw article text of the quoted text inside
        the marks, so ``raw[start:end] == quote``); quote; speaker (canonical name, or the
        phrase naming an unnamed source, empty if none); speaker_id (entity_id or empty);
        cue (the cue as written, lower case: said, told, according to, called for...);
        quote_kind (``direct``, ``partial`` or ``scare``); speaker_text (the mention as
        written: "he", "Ms. Fallon"); speaker_start, speaker_end, cue_start, cue_end
        (raw offsets, missing when none); nested (inside another quotation); balanced
        (false when a mark was missing).

    Examples
    --------
    >>> from scoanalysis import text
    >>> s = text.split_sentences("“We will win,” Mr. Putin said.").assign(article_id="a")
    >>> quotes(s)[["quote", "speaker", "cue", "quote_kind"]].values.tolist()
    [['We will win,', 'Putin', 'said', 'direct']]
    """
    if sentences is None or not len(sentences):
        return frame([])
    return article_quotes(Columns(sentences), entities)


def article_quotes(sentences: Columns, entities: pd.DataFrame | Columns | None) -> pd.DataFrame:
    """Return ``quotes`` from the sentences' columns: what the build calls for each article.

    Parameters
    ----------
    sentences
        The sentences table (one article's or more) as ``frames.Columns``: article_id,
        sentence_id, start, end, text, and optionally paragraph_id (else each sentence is
        its own paragraph) and kind.
    entities
        The mentions table as a frame or ``frames.Columns``, or None; as for ``quotes``.

    Returns
    -------
    pandas.DataFrame
        The quotes table (columns ``QUOTE_COLUMNS``), articles in their first sentence's order.
    """
    if not sentences.n:
        return frame([])
    n_entities = 0 if entities is None else entities.n if isinstance(entities, Columns) else len(entities)
    mentions = EntityMentions.by_article(entities) if n_entities else {}
    key = sentences["paragraph_id"] if "paragraph_id" in sentences else sentences["sentence_id"]
    kinds = sentences["kind"] if "kind" in sentences else None
    groups: dict = {}
    for i, (aid, k, s, e, t, sid) in enumerate(zip(sentences["article_id"], key, sentences["start"], sentences["end"],
                                                   sentences["text"], sentences["sentence_id"])):
        if kinds is not None and kinds[i] in SKIPPED_KINDS:
            continue
        if missing(aid):
            continue
        groups.setdefault(aid, []).append((k, s, e, t, sid))
    records: list[Quote] = []
    for aid, group in groups.items():
        records.extend(article_records(str(aid), group, mentions.get(str(aid))))
    return frame(records)



__all__ = ["QUOTE_COLUMNS", "Quote", "QuoteSpan", "SKIPPED_KINDS", "article_quotes", "quote_spans", "quotes"]

"""The stage's entry points: one article's dates for the build, and the three corpus-wide functions over it.

``article_dates`` is what the build runs per article; ``timexes``, ``infer_published``
and ``date_conflicts`` run the same per-article steps over every article of a
sentences frame and put the records together.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Mapping

import pandas as pd

from .calendar import to_date
from .extract import article_mentions, by_article
from .officials import officials_index
from .published import Article, published_row
from .ranges import join_ranges
from .resolve import resolve_all
from .stamps import page_stamps, settle_orders, stamp_timexes
from .summit_index import summit_index
from .table import conflict_frame, published_frame, published_record, timex_frame


def _published(aid: str, art: Article, given) -> dict:
    """Return the ``infer_published`` row of `art` with `given` (its metadata date, or None) first."""
    return published_row(aid, art.infer(), to_date(given))


def _dct(row: dict) -> date | None:
    """Return the day an article's timexes resolve against: its published date unless that is unknown."""
    return row["published"] if row["published_source"] != "unknown" else None


def _sentence_texts(rows) -> dict[int, tuple[int, str]]:
    """Return (start, raw text) per sentence_id of an article's rows."""
    return {int(r.sentence_id): (int(r.start), r.text) for r in rows}


def _conflict_rows(art: Article, given) -> list[dict]:
    """Return the ``date_conflicts`` rows of `art` with publication date `given` (none when `given` is empty)."""
    dct = to_date(given)
    return art.conflicts(dct) if dct is not None else []


def article_dates(
    sentences: pd.DataFrame,
    *,
    summits: pd.DataFrame | None,
    given: date | pd.Timestamp | None,
    reference_dir: str | os.PathLike | None = None,
) -> tuple[dict | None, pd.DataFrame, pd.DataFrame]:
    """Return one article's publication record, its timexes and its date conflicts, the article read once.

    Parameters
    ----------
    sentences
        One article's sentences, as for ``timexes`` (ValueError for several articles).
    summits
        As for ``infer_published``.
    given
        The publication date of the article's metadata, or None.
    reference_dir
        As for ``infer_published``.

    Returns
    -------
    The article's ``infer_published`` row as a dict (dates ``Timestamp`` in ns or NaT,
    the score an int64; None when there are no sentences); its ``timexes``, resolved
    against that row's published date unless its source is ``unknown``; its
    ``date_conflicts`` with `given` (an empty frame without columns when `given` is None).
    """
    groups = by_article(sentences)
    if len(groups) > 1:
        raise ValueError(f"article_dates reads one article's sentences, not {len(groups)} articles'")
    if not groups:
        return None, timex_frame([]), (conflict_frame([]) if given is not None else pd.DataFrame())
    (aid, rows), = groups
    art = Article.build(aid, rows, summit_index(summits), officials=officials_index(reference_dir))
    row = _published(aid, art, given)
    record = published_record(row)
    dct = _dct(row)
    times = timex_frame(join_ranges(list(zip(art.mentions, art.resolved_all(dct))), _sentence_texts(rows))
                        + stamp_timexes(aid, rows, art.stamps, art.mentions, dct))
    if given is None:
        return record, times, pd.DataFrame()
    return record, times, conflict_frame(_conflict_rows(art, given))


def timexes(sentences: pd.DataFrame, *, published: Mapping[str, date | pd.Timestamp | None] | None = None) -> pd.DataFrame:
    """Return every temporal expression of `sentences`, resolved against each article's DCT.

    Parameters
    ----------
    sentences
        Columns article_id, sentence_id, start, end, text (``raw[start:end]``), kind and
        paragraph_id (see ``text.sentences``). Sentences of kind ``debris`` and
        ``prompt`` are skipped; captions and other boilerplate are searched.
    published
        Publication date (DCT) per article_id; a missing or empty date leaves relative
        expressions unresolved.

    Returns
    -------
    The dates of publication lines and datelines that no pattern finds in running text
    ("Publish Date: 09/07/15", "2019/06/14", "UFA, July 9.") come as well, rule
    ``stamp``, read as the page reads them (see ``infer_published``).

    DataFrame, one row per timex, columns: article_id, sentence_id, start, end (offsets
    into the raw article), text, timex_type (DATE, TIME, DURATION, SET), value (TIMEX3),
    earliest, latest (``datetime64[ns]``, NaT when none or when the day does not fit it:
    before 1678 or after 2261, as "the 5th century", whose value stays ``04``), anchor (``absolute``, ``dct``,
    the ``start:end`` of the timex it was resolved against, or empty), mod (TIMEX3 mod),
    granularity (day, week, month, year...), tense (past, present, future, modal, none),
    rule (the pattern that found it) and freq (for sets).
    """
    published = published or {}
    found = []
    for aid, rows in by_article(sentences):
        mentions = article_mentions(aid, rows)
        dct = to_date(published.get(aid))
        res = resolve_all(mentions, dct)
        found.extend(join_ranges(list(zip(mentions, res)), _sentence_texts(rows)))
        dated = {r.earliest for r in res if r.anchor == "absolute" and r.gran == "day" and r.earliest}
        found.extend(stamp_timexes(aid, rows, settle_orders(page_stamps(rows), dated), mentions, dct))
    return timex_frame(found)


def infer_published(
    sentences: pd.DataFrame,
    *,
    summits: pd.DataFrame | None = None,
    metadata: Mapping[str, date | pd.Timestamp | None] | None = None,
    reference_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Return each article's publication date and the window of days its text allows.

    The text is read for clues: the page's publication line ("Published: 9th June
    2018", "09:40, 10 June 2018 | GMT +8", "Publish Date: 09/07/15", a
    numeric date read day or month first as the page's other dates and the summit's
    days support); its update line, archive stamp or site header, which only bound the
    date from above unless nothing else dates the page; a wire dateline, with or
    without its year ("UFA, July 9. /Agency/."); explicit dates and years and their
    tense ("established in 2001" sets a lower bound, firmly when told in the past);
    summit host cities, which with the reference summits give candidate days (a summit
    article is assumed published within a week of the summit, more where it says "last
    month"); weekdays and yearless dates said to fall on the summit ("the session on
    Wednesday and Thursday", "arrived in Samarkand on Friday", "opens today"), which
    must match its real days; "this week" next to the summit; the tense of sentences
    about the summit (future: not yet over; past: begun; "is attending": going on);
    photo captions (taken before publication); people named by a title of office
    ("President Sooronbay Jeenbekov"), in office then. Each candidate day is scored by the
    clues it satisfies; the best days form the window, and the best day among them is
    the one nearest the summit's eve, day or morrow as the tense says (a preview just
    after the latest event it tells of).

    Parameters
    ----------
    sentences
        As for ``timexes``.
    summits
        The summits reference table (``reference.summits()``); None reads it, and an
        empty frame disables summit clues.
    metadata
        Publication dates known from metadata; where given they are ``published``
        (source ``metadata``) and the window is still computed from the text.
    reference_dir
        The reference folder whose people and terms of office are read (default
        ``data/reference``): a person called by a title of office ("President X") was in
        office when the text was written.

    Returns
    -------
    DataFrame, one row per article: article_id, published (the single best day),
    published_earliest, published_latest (the window), published_source
    (``metadata``, ``inferred`` or ``unknown``), published_evidence (the clues used),
    published_summit_id (the summit the clues point to, or empty), published_score.
    Raises ``pandas.errors.OutOfBoundsDatetime`` when a day does not fit ``datetime64[ns]``.
    """
    metadata = metadata or {}
    index, officials = summit_index(summits), officials_index(reference_dir)
    records = [published_record(_published(aid, Article.build(aid, rows, index, officials=officials), metadata.get(aid)))
               for aid, rows in by_article(sentences)]
    return published_frame(records)


def date_conflicts(
    sentences: pd.DataFrame,
    published: Mapping[str, date | pd.Timestamp | None] | pd.DataFrame,
    *,
    summits: pd.DataFrame | None = None,
    reference_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Return the spans whose dates disagree with the given publication dates.

    A conflict is a clue of ``infer_published`` that the given date breaks: a past
    event dated after publication, a future one before it, a weekday that does not
    match its date ("Friday 2022-09-17"), a day said to be the summit's that is not,
    a photo dated after publication, a dateline naming another day.

    Parameters
    ----------
    sentences
        As for ``timexes``.
    published
        Publication date per article_id, or a frame with article_id and published
        columns (e.g. the articles table).
    summits, reference_dir
        As for ``infer_published``.

    Returns
    -------
    DataFrame with columns article_id, sentence_id, start, end, text (the span in the
    raw article) and note (what disagrees, in words).
    """
    if isinstance(published, pd.DataFrame):
        published = dict(zip(published["article_id"], published["published"]))
    index, officials = summit_index(summits), officials_index(reference_dir)
    rows = []
    for aid, sents in by_article(sentences):
        if to_date(published.get(aid)) is not None:
            rows.extend(_conflict_rows(Article.build(aid, sents, index, officials=officials), published.get(aid)))
    return conflict_frame(rows)

"""The corpus-level steps a build runs on its workers: events, claims and attendance, a bucket at a time.

Each step reads the partitions' inputs files one bucket (or batch) at a time
(inputs.Inputs), computes its rows with the stage's own function on that bucket, and
merges the buckets back into the table's order (spill.merge_sorted), writing the
table as parts; `step_table` then combines them into the staging folder. Every
contradiction is between claims of one subject, every attendance row is about one
person, and events.independent_groups splits the event mentions into groups that
merge without each other: so bucket by bucket gives the tables all at once would.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from .. import attendance, claims, events, heap, reference, schema, storage
from . import spill
from .inputs import Inputs

#: Event groups (events.independent_groups) are pooled into batches (at least this many) merged one at a time.
EVENT_BATCHES = 32
#: Event mentions per batch: larger corpora get more batches (a group is never split).
MENTIONS_PER_BATCH = 5_000


def step_table(step, name: str, inputs: Inputs, parts, staging, **options):
    """Return what corpus-level `step` returns after it wrote table `name`'s parts and they were combined into `staging`.

    `step` is write_attendance, write_events or write_claims, called as
    ``step(inputs, parts, **options)``; run on a worker (or here) beside the other
    steps: each writes only its own table.
    """
    heap.lean()
    found = step(inputs, parts, **options)
    heap.trim()
    combine(name, parts, staging)
    return found


def combine(name: str, parts, staging) -> None:
    """Join table `name`'s parts into `staging` (storage.combine_parts), then give the memory it freed back."""
    heap.lean()
    storage.combine_parts(name, parts, staging)
    heap.trim()


def write_attendance(inputs: Inputs, parts) -> None:
    """Write the attendance table as parts: attendance.attendance bucket by bucket (a person's rows are in one).

    Its rows are one per (summit, person), sorted by both; the buckets' results are
    merged in that order.
    """
    def bucket(b: int):
        found = inputs.bucket("attendance", b)
        if found.empty:
            return []
        table = attendance.attendance(found, entities=inputs.bucket("names", b))
        return spill.records(table)

    rows = spill.merge_sorted((bucket(b) for b in range(inputs.buckets)),
                              key=lambda r: (r["summit_id"], r["entity_id"]), spill=Path(parts) / "_merge" / "attendance")
    spill.write_chunks(rows, "attendance", parts, columns=attendance.ATTENDANCE_COLUMNS)


def write_events(inputs: Inputs, parts, *, summits: pd.DataFrame) -> pd.DataFrame:
    """Write the events table as parts, merging the mentions group by group; return the events the timeline shows.

    events.independent_groups splits the mentions into groups that merge without
    each other; they are pooled into batches of about MENTIONS_PER_BATCH mentions (at
    least EVENT_BATCHES batches), and each batch's mentions are gathered (one pass over
    the partitions' mentions writes them into batch files) and merged
    (events.merged_mentions). The batches' events are merged in numbering order and
    numbered a day at a time (events.number_events). Returns the events of the
    timeline's summits (reference.FOCUS_SUMMITS), what it reads.
    """
    projection = mention_keys(inputs)
    if projection.empty:
        spill.write_chunks(iter(()), "events", parts, columns=events.EVENT_COLUMNS)
        return schema.empty("events")
    group = events.independent_groups(projection).to_numpy()
    del projection
    sizes = np.bincount(group[group >= 0]) if (group >= 0).any() else np.zeros(0, dtype=np.int64)
    total = int(sizes.sum())
    batches = max(EVENT_BATCHES, -(-total // MENTIONS_PER_BATCH))
    batch_of = np.minimum(np.cumsum(sizes) * batches // (total + 1), batches - 1)
    batch = np.where(group >= 0, batch_of[np.maximum(group, 0)] if len(sizes) else 0, -1)
    folder = Path(parts) / "_merge" / "mentions"
    files = spill.Spill(folder, batches)
    offset = 0
    for _, frame in inputs.whole("event_mentions"):
        mine = batch[offset:offset + len(frame)]
        offset += len(frame)
        for b in np.unique(mine[mine >= 0]).tolist():
            files.append(b, frame[mine == b])

    def merged(b: int):
        frames = list(files.read(b))
        if not frames:
            return []
        found = events.merged_mentions(pd.concat(frames, ignore_index=True), summits=summits)
        return spill.records(found)

    key = lambda r: tuple(r[c] for c in events.NUMBERING_ORDER)  # noqa: E731
    ordered = spill.merge_sorted((merged(b) for b in range(batches)), key=key, spill=Path(parts) / "_merge" / "events")
    focus_ids = set(reference.FOCUS_SUMMITS)
    focus: list[pd.DataFrame] = []

    def numbered():
        for _, day in itertools.groupby(ordered, key=lambda r: r["earliest"]):
            table = events.number_events(pd.DataFrame(list(day)))
            lanes = [schema.as_list(ids) or ([sid] if isinstance(sid, str) else [])
                     for ids, sid in zip(table["summit_ids"], table["summit_id"])]
            shown = table[[bool(focus_ids & set(lane)) for lane in lanes]]
            if len(shown):
                focus.append(shown)
            yield from table.to_dict("records")

    spill.write_chunks(numbered(), "events", parts, columns=events.EVENT_COLUMNS)
    shutil.rmtree(folder, ignore_errors=True)
    return pd.concat(focus, ignore_index=True) if focus else schema.empty("events")


def mention_keys(inputs: Inputs) -> pd.DataFrame:
    """Return what events.independent_groups reads of every event mention, in corpus order (24 bytes a mention).

    Columns: event_type and summit_ref (categorical; "" for none), earliest, latest.
    """
    names: dict[str, dict[str, int]] = {"event_type": {}, "summit_ref": {}}
    pieces = []
    for _, frame in inputs.whole("event_mentions"):
        piece = {col: np.fromiter((seen.setdefault(v if isinstance(v, str) else "", len(seen)) for v in frame[col]),
                                  dtype=np.int32, count=len(frame)) for col, seen in names.items()}
        for col in ("earliest", "latest"):
            piece[col] = pd.to_datetime(frame[col]).to_numpy(dtype="datetime64[D]")
        pieces.append(piece)
    if not pieces:
        return pd.DataFrame()
    return pd.DataFrame({
        **{col: pd.Categorical.from_codes(np.concatenate([p[col] for p in pieces]), categories=list(seen))
           for col, seen in names.items()},
        **{col: np.concatenate([p[col] for p in pieces]) for col in ("earliest", "latest")},
    })


def write_claims(inputs: Inputs, parts, *, articles: pd.DataFrame, reference_dir=None) -> None:
    """Write the claims table as parts: claims.check_claims subject bucket by subject bucket, then the date claims.

    Every contradiction is between claims of one subject, so each bucket is checked on
    its own; the buckets' rows are merged back into the order of the claims (partition,
    then row), as checking them all at once gives.
    """
    dates = article_dates(articles, reference_dir=reference_dir)

    def bucket(b: int):
        said = inputs.bucket("claims", b)
        if said.empty:
            return []
        position = dict(zip(said["claim_id"], said["_position"]))
        known = dates.reindex(said["article_id"].unique())
        checked = claims.check_claims(said.drop(columns="_position"),
                                      dates={a: None if pd.isna(d) else d for a, d in known.items()},
                                      reference_dir=reference_dir)
        checked["_position"] = checked["claim_id"].map(position)
        return spill.records(checked)

    ordered = spill.merge_sorted((bucket(b) for b in range(inputs.buckets)), key=lambda r: r["_position"],
                                 spill=Path(parts) / "_merge" / "claims")
    published = articles.set_index("article_id")["published"]

    def dated():
        n = 0
        for _, found in inputs.whole("date_conflicts"):
            yield from date_claims(found, published, first=n).to_dict("records")
            n += len(found)

    def chunks():
        # as one table: the checked claims, then the date claims (schema.empty when there are none)
        seen = False
        for rows in spill.batched(ordered, spill.CHUNK_ROWS):
            seen = True
            yield pd.concat([pd.DataFrame(rows, columns=claims.CONFLICT_COLUMNS), schema.empty("claims")],
                            ignore_index=True)
        for rows in spill.batched(dated(), spill.CHUNK_ROWS):
            seen = True
            yield pd.concat([pd.DataFrame(columns=claims.CONFLICT_COLUMNS), pd.DataFrame(rows)], ignore_index=True)
        if not seen:
            yield pd.concat([pd.DataFrame(columns=claims.CONFLICT_COLUMNS), schema.empty("claims")], ignore_index=True)

    for k, frame in enumerate(chunks()):  # every row has a count (0 for date claims): a whole number in every part
        storage.write_part(frame.astype({"n_conflicting_claims": "int64"}), "claims", parts, k)


def article_dates(articles: pd.DataFrame, *, reference_dir=None) -> pd.Series:
    """Return each article's date, by article_id: its publication date, else its summit's opening, else NaT.

    A datetime Series, not a dictionary of Timestamps (170 bytes an article).
    """
    starts = reference.summits(folder=reference_dir).set_index("summit_id")["start"]
    summit = articles["summit_id"].astype(object)
    opening = pd.to_datetime(summit.where(summit.map(lambda s: isinstance(s, str)), None).map(starts))
    published = pd.to_datetime(articles["published"])
    return pd.Series(published.where(published.notna(), opening).to_numpy(), index=articles["article_id"].to_numpy(object))


def date_claims(conflicts: pd.DataFrame, published: pd.Series, *, first: int = 0) -> pd.DataFrame:
    """Return claims rows for spans whose dates disagree with the publication date the analyst gave.

    `conflicts` are temporal.date_conflicts rows; `published` the articles' dates by
    article_id; `first` the number of date conflicts before these in the corpus (claim
    ids number them all). Columns: the claims table's (schema.TABLES["claims"]), and
    n_conflicting_claims (0: such a span contradicts the metadata, not another claim).
    """
    if not len(conflicts):
        return schema.empty("claims").assign(n_conflicting_claims=pd.Series(dtype="int64"))
    rows = []
    for n, c in enumerate(conflicts.itertuples(index=False), start=first):
        given = published.get(c.article_id)
        rows.append({
            "claim_id": f"{c.article_id}:{c.sentence_id}:date{n}", "article_id": c.article_id,
            "sentence_id": c.sentence_id, "start": c.start, "end": c.end, "subject": c.article_id,
            "predicate": "date_is", "object": c.text, "conflicts_with": ["metadata:published"],
            "note": f"{c.note} (articles.csv gives {pd.Timestamp(given):%Y-%m-%d})" if given is not None and not pd.isna(given) else c.note,
            "n_conflicting_claims": 0,
        })
    return pd.DataFrame(rows)

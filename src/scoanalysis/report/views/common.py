"""What the views share: the report's table style, the row and evidence limits, and small formatters.

`show` styles any frame for a report and caps its rows; `headed` records how long the
list a shown frame comes from is; `evidence_texts` finds the text of the sentences a
view quotes, from summary_evidence first and from the tables' folder for the rest.
"""

from __future__ import annotations

import pandas as pd

from ... import summaries
from ...summaries.timeline import event_lanes

#: Rows a report table shows; the rest are counted in its caption (the tables hold them all).
SHOW_ROWS = 300
#: Evidence sentences a cell quotes (attendance, events); the rest are counted in the cell.
#: The build writes their text to summary_evidence.
MAX_EVIDENCE = summaries.EVIDENCE_SENTENCES
#: A cell with a run of more characters than this without a space (ids, evidence lists) gets the class
#: ``wrap``: the report's stylesheet lets it break anywhere, so a table of ids fits a narrow column.
LONG_TOKEN = 16
#: A cell of more characters than this gets the class ``prose``: the stylesheet keeps its column wide
#: enough to read when the table is narrower than its text (it scrolls in its box instead).
PROSE_CHARS = 60


def show(frame: pd.DataFrame, *, precision: int = 2, max_rows: int | None = SHOW_ROWS):
    """Return `frame` styled for a report: no index, cell text HTML-escaped, numbers rounded ("(none)" when empty).

    At most `max_rows` rows are shown (None: all), with a caption saying how many
    were left out, so a report's size does not grow with the corpus. A frame that is
    itself the head of a longer list (read from a summary) says how long in
    ``frame.attrs["n_rows"]``. Cells holding a word longer than LONG_TOKEN characters
    get the class ``wrap``, cells longer than PROSE_CHARS the class ``prose``.
    """
    if frame.empty:
        from IPython.display import Markdown

        return Markdown("_(none)_")
    total = max(int(frame.attrs.get("n_rows", len(frame))), len(frame))
    shown = frame if max_rows is None or len(frame) <= max_rows else frame.head(max_rows)
    styled = shown.style.hide(axis="index").format(escape="html", precision=precision, na_rep="")
    if shown.index.is_unique and shown.columns.is_unique:
        styled = styled.set_td_classes(shown.map(_wrap_class))
    if len(shown) < total:
        styled = styled.set_caption(f"The first {len(shown):,} of {total:,} rows; the built tables "
                                    "(data/processed) hold them all.")
    return styled


def _wrap_class(value) -> str:
    if not isinstance(value, str):
        return ""
    long_word = any(len(word) > LONG_TOKEN for word in value.split())
    return " ".join(c for c, on in (("wrap", long_word), ("prose", len(value) > PROSE_CHARS)) if on)


def headed(frame: pd.DataFrame, source: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with a fresh index and, in ``attrs["n_rows"]``, how many rows the list has in all.

    `source` is the list it was made from: a summary's head (its n_rows column or
    attribute) or a whole table.
    """
    out = frame.reset_index(drop=True)
    if "n_rows" in source.attrs:  # a head (Summaries.head)
        out.attrs["n_rows"] = source.attrs["n_rows"]
    elif "n_rows" in source.columns:
        out.attrs["n_rows"] = int(source["n_rows"].max()) if len(source) else 0
    else:
        out.attrs["n_rows"] = len(source)
    return out


def more(total: int, quoted: int) -> list[str]:
    """Return ["(and N more sentences)"] for a row of `total` evidence references past the `quoted` ones."""
    n = total - quoted
    return [f"(and {n:,} more sentences)"] if n > 0 else []


def evidence_texts(tables: summaries.Summaries, refs) -> pd.Series:
    """Return the text of the sentences `refs` ((article_id, sentence_id) pairs) indexed by them.

    From summary_evidence (the attendance and events rows' evidence, written by the
    build) and, for any sentence not there, read from the tables' folder
    (summaries.sentence_texts): only those articles' rows.
    """
    refs = list(dict.fromkeys((str(a), int(s)) for a, s in refs))
    known = pd.Series(dtype=object, index=pd.MultiIndex.from_tuples([], names=["article_id", "sentence_id"]))
    if "summary_evidence" in tables and len(tables["summary_evidence"]):
        known = tables["summary_evidence"].set_index(["article_id", "sentence_id"])["text"].fillna("")
    missing = [r for r in refs if r not in known.index]
    if not missing:
        return known
    return pd.concat([known, summaries.sentence_texts(tables.folder, missing)])


def day_window(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    """Return each row's calendar days: ``2024-07-03``, or ``2024-07-03 to 2024-07-04`` for a range."""
    lo = earliest.dt.strftime("%Y-%m-%d")
    hi = latest.dt.strftime("%Y-%m-%d")
    return lo.where(lo == hi, lo + " to " + hi).fillna("")


def lane_lists(events: pd.DataFrame) -> list[list[str]]:
    """Return each event's lanes (summaries.timeline.event_lanes), reading only the two columns they come from."""
    columns = [c for c in ("summit_ids", "summit_id") if c in events.columns]
    if not columns:
        return [[] for _ in range(len(events))]
    return [event_lanes(dict(zip(columns, values))) for values in zip(*(events[c] for c in columns))]

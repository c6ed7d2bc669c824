"""Reading the summaries: the read-only mapping the reports take, its heads, and the few sentences they quote.

`load_summaries` returns a `Summaries`: the small contract tables and every summary
table by name, each read when a cell first uses it, so a report costs only the tables
it reads. `originals` gives the same mapping with the articles that repeat another left
out (a story counts once); which of the two a mapping is, is its `originals_only` value.
The large tables are never read whole: `sentence_texts` and `article_sentences` read
the row groups of sentences.parquet that hold the articles asked for.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from .. import frames, schema, storage
from ..exceptions import TableError
from .catalog import EVIDENCE_SENTENCES, EVIDENCE_TABLES, SMALL_TABLES, SUMMARY_TABLES

#: Tables with an article_id that `originals` keeps whole: claims, and the evidence sentences'
#: text (looked up by the rows that cite them, whatever article they are in).
_WHOLE = ("claims", "summary_evidence")


class Summaries(Mapping):
    """Tables by name, each read when first asked for and kept; a read-only mapping.

    Parameters
    ----------
    read : name -> DataFrame, called once per table, the first time it is asked for.
    names : the tables the mapping holds, in order.
    head : (name, rows) -> the first rows of a table, its length in ``attrs["n_rows"]``,
        without reading it whole (default: the table read whole, then cut).
    folder : the tables' folder, where the views look up the sentences they quote.
    originals_only : whether articles that repeat another were left out (`originals`):
        the totals written at build time (n_rows) then count rows these tables no longer hold.

    Iterating, ``items()`` or ``values()`` read every table.
    """

    __slots__ = ("_names", "_read", "_head", "_folder", "_originals_only")

    def __init__(self, read: Callable[[str], pd.DataFrame], names: Iterable[str], *,
                 head: Callable[[str, int], pd.DataFrame] | None = None, folder: str | os.PathLike | None = None,
                 originals_only: bool = False):
        self._names = tuple(dict.fromkeys(names))
        self._read = functools.lru_cache(maxsize=None)(read)
        self._head = head
        self._folder = Path(folder) if folder is not None else None
        self._originals_only = bool(originals_only)

    @classmethod
    def of(cls, tables: Mapping[str, pd.DataFrame], *, folder: str | os.PathLike | None = None,
           originals_only: bool = False) -> Summaries:
        """Return a Summaries holding the frames of `tables` (already read)."""
        held = dict(tables)
        return cls(held.__getitem__, held, folder=folder, originals_only=originals_only)

    @property
    def folder(self) -> Path | None:
        """The tables' folder (None for frames held in memory)."""
        return self._folder

    @property
    def originals_only(self) -> bool:
        """Whether the articles that repeat another were left out."""
        return self._originals_only

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        return self._read(name)

    def __contains__(self, name) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def head(self, name: str, rows: int) -> pd.DataFrame:
        """Return the first `rows` rows of table `name`, and in ``attrs["n_rows"]`` how many it has.

        load_summaries's tables read only the Parquet row groups that hold those rows.
        """
        if name not in self._names:
            raise KeyError(name)
        return self._head(name, rows) if self._head is not None else frame_head(self[name], rows)


def load_summaries(path: str | os.PathLike | None = None) -> Summaries:
    """Return what the reports read from the tables folder `path` (default data/processed).

    The small contract tables whole (articles, events, attendance, duplicates, claims,
    problems) and every summary table (SUMMARY_TABLES), each read when a cell first uses
    it (see Summaries). Events and attendance keep the first EVIDENCE_SENTENCES references
    of each evidence list (those whose text summary_evidence holds) and count them all
    in ``n_evidence``: their lists grow with the corpus, the reports quote no more;
    `storage.load_tables` reads them whole. Not the sentences, entities, timexes or
    quotes, whose rows the views read from the Parquet files when they show a few
    (`sentence_texts`). Raises TableError naming the file and the fix when the folder
    was built before summaries existed.
    """
    from ..paths import tables_dir

    folder = tables_dir(path)
    if not folder.is_dir():
        raise TableError(f"tables folder {folder} does not exist; run `scoanalysis build --out {folder}` first.")
    for name in SUMMARY_TABLES:  # a folder built before summaries existed says so now, not in some later cell
        if not (folder / schema.TABLES[name].file).is_file():
            storage.load_tables(folder, tables=[name])
    return Summaries(functools.partial(_read_one, folder), (*SMALL_TABLES, *SUMMARY_TABLES),
                     head=functools.partial(_read_head, folder), folder=folder)


def _read_one(folder: Path, name: str) -> pd.DataFrame:
    if name in EVIDENCE_TABLES:
        return storage.read_table(name, folder, evidence_limit=EVIDENCE_SENTENCES)
    return storage.load_tables(folder, tables=[name])[name]


def _read_head(folder: Path, name: str, rows: int) -> pd.DataFrame:
    if name == "problems" and not (folder / "problems.csv").is_file():
        return frame_head(schema.empty("problems"), rows)
    return storage.read_head(name, folder, rows, evidence_limit=EVIDENCE_SENTENCES if name in EVIDENCE_TABLES else None)


def frame_head(frame: pd.DataFrame, rows: int) -> pd.DataFrame:
    """Return the first `rows` rows of `frame`, and in ``attrs["n_rows"]`` how many rows it has."""
    out = frame.head(rows).copy()
    out.attrs["n_rows"] = len(frame)
    return out


def originals(tables: Summaries, *, include_duplicates: bool = False) -> Summaries:
    """Return `tables` with articles that repeat another left out (a story counts once), unless `include_duplicates`.

    Tables with an article_id keep the rows of original articles; summed summaries keep
    their rows with ``is_duplicate`` false; claims, the evidence sentences and tables of
    neither kind are kept whole. Each table is still read only when first asked for
    (the articles table now: it says which articles are originals). The result's
    `originals_only` is true.
    """
    if include_duplicates or tables.originals_only:
        return tables
    a = tables["articles"]
    keep = frames.text_set(a.loc[a["duplicate_of"].isna(), "article_id"])  # made once for every table

    def original(name: str) -> pd.DataFrame:
        frame = tables[name]
        if _kept_whole(name, frame.columns):
            return frame
        if "article_id" in frame.columns and name not in _WHOLE:
            return frame[frames.text_isin(frame["article_id"], keep)]
        return frame[~frame["is_duplicate"].astype(bool)]

    def original_head(name: str, rows: int) -> pd.DataFrame:
        first = tables.head(name, rows)
        if _kept_whole(name, first.columns):  # its head, without reading the rest (claims)
            return first
        return frame_head(original(name), rows)

    return Summaries(original, tables, head=original_head, folder=tables.folder, originals_only=True)


def _kept_whole(name: str, columns) -> bool:
    """Return whether `originals` keeps every row of table `name` with these columns (_WHOLE, reference-like tables)."""
    return ("article_id" not in columns or name in _WHOLE) and "is_duplicate" not in columns


def sentence_texts(folder: str | os.PathLike, refs) -> pd.Series:
    """Return the text of the sentences `refs` ((article_id, sentence_id) pairs), indexed by them.

    Reads only the row groups of sentences.parquet that hold those articles, so the cost
    depends on how many articles are asked for, not on the corpus.
    """
    refs = list(dict.fromkeys((str(a), int(s)) for a, s in refs))
    if not refs:
        return pd.Series(dtype=object, index=pd.MultiIndex.from_tuples([], names=["article_id", "sentence_id"]))
    ids = sorted({a for a, _ in refs})
    rows = storage.parquet_rows(sentences_file(folder), ids, columns=["article_id", "sentence_id", "text"], refs=set(refs))
    texts = rows.set_index(["article_id", "sentence_id"])["text"]
    return texts[~texts.index.duplicated()]


def article_sentences(folder: str | os.PathLike, article_ids) -> pd.DataFrame:
    """Return the rows of sentences.parquet of the articles `article_ids` (every column, typed)."""
    file = sentences_file(folder)
    ids = sorted({str(a) for a in article_ids})
    if not ids:
        return schema.empty("sentences")
    return schema.conform(storage.parquet_rows(file, ids), "sentences")


def sentences_file(folder: str | os.PathLike) -> Path:
    """Return the path of sentences.parquet in `folder`; raise TableError saying to rebuild when it is missing."""
    file = Path(folder) / "sentences.parquet"
    if not file.is_file():
        raise TableError(f"{file} does not exist; rebuild the tables with `scoanalysis build --out {folder}`.")
    return file

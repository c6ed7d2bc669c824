"""Reading a corpus folder: raw article texts plus the analyst's optional metadata.

A corpus folder holds ``raw/*.txt`` (one article per file, UTF-8; the file stem is
the ``article_id``) and, optionally, ``articles.csv`` with what the analyst knows
about each article. Raw files are only ever opened for reading.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pandas as pd

from .exceptions import CorpusError, MetadataError

METADATA_FILE = "articles.csv"
RAW_DIR = "raw"
#: Metadata columns the package reads; any may be absent. Others are kept as given.
METADATA_COLUMNS = ("article_id", "outlet", "headline", "url", "published", "notes")


@dataclass(frozen=True)
class Article:
    """One raw article: its id, path relative to the corpus folder, text and metadata."""

    article_id: str
    path: str
    text: str
    sha256: str
    meta: dict = field(default_factory=dict)


def raw_files(corpus: str | os.PathLike) -> list[Path]:
    """Return the raw article files of `corpus`, sorted by path.

    Raises CorpusError when the folder or its ``raw/`` subfolder is missing, when it
    holds no ``.txt`` file, or when two files share a stem (and so an article_id).
    """
    folder = Path(corpus)
    raw = folder / RAW_DIR
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist; pass --corpus with a folder holding raw/*.txt.")
    if not raw.is_dir():
        raise CorpusError(f"{raw} does not exist; put the articles as .txt files in {raw}.")
    files = sorted(p for p in raw.rglob("*") if p.is_file() and p.suffix.lower() == ".txt")
    if not files:
        raise CorpusError(f"{raw} holds no .txt file; add the articles there as plain-text files.")
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            raise CorpusError(
                f"{path} and {seen[path.stem]} share the article_id {path.stem!r}; rename one of them."
            )
        seen[path.stem] = path
    return files


def read_text(path: str | os.PathLike) -> tuple[str, str]:
    """Return the text of one raw file and the SHA-256 of its bytes.

    The bytes are decoded as UTF-8 (a byte-order mark is dropped); line ends are
    kept as they are, so offsets count characters of the file as written.
    Raises CorpusError for a missing, unreadable, undecodable or empty file.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise CorpusError(f"{path} does not exist; check the file name.") from None
    except OSError as exc:
        raise CorpusError(f"{path} cannot be read ({exc.strerror}); check its permissions.") from None
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path} is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "re-save it as UTF-8 text."
        ) from None
    if "\x00" in text:
        raise CorpusError(f"{path} contains NUL bytes and looks binary; replace it with the article's plain text.")
    if not text.strip():
        raise CorpusError(f"{path} is empty; put the article's text in it or remove it.")
    return text, digest


def read_metadata(corpus: str | os.PathLike, *, ids: set[str] | None = None) -> pd.DataFrame:
    """Return the analyst's metadata of `corpus` (its articles.csv), one row per article.

    Columns: article_id, outlet, headline, url, published (datetime64), notes, and any
    others the file has. An absent file gives an empty frame. Raises MetadataError
    for a file without an ``article_id`` (or ``path``) column, duplicate ids,
    unparseable dates, or ids that match no raw file when `ids` is given.
    """
    file = Path(corpus) / METADATA_FILE
    if not file.is_file():
        return pd.DataFrame({c: pd.Series(dtype="string") for c in METADATA_COLUMNS}).assign(
            published=pd.Series(dtype="datetime64[ns]")
        )
    try:
        meta = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except UnicodeDecodeError:
        raise MetadataError(f"{file} is not valid UTF-8; re-save it as UTF-8 CSV.") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise MetadataError(f"{file} is not a readable CSV ({exc}); fix the file or remove it.") from None
    meta.columns = [str(c).strip().lower() for c in meta.columns]
    if "article_id" not in meta.columns:
        if "path" not in meta.columns:
            raise MetadataError(
                f"{file} has no article_id column; add one holding each raw file's name without .txt."
            )
        meta["article_id"] = meta["path"].map(lambda p: Path(str(p)).stem if isinstance(p, str) else None)
    meta["article_id"] = meta["article_id"].str.strip()
    meta = meta[meta["article_id"].notna() & (meta["article_id"] != "")]
    dup = meta["article_id"].duplicated()
    if dup.any():
        raise MetadataError(
            f"{file} lists article_id {meta.loc[dup, 'article_id'].iloc[0]!r} more than once; keep one row per article."
        )
    if ids is not None:
        unknown = sorted(set(meta["article_id"]) - ids)
        if unknown:
            raise MetadataError(
                f"{file} has rows for {unknown}, which match no file in raw/; fix the id or add the file."
            )
    for col in METADATA_COLUMNS:
        if col not in meta.columns:
            meta[col] = None
    parsed = pd.to_datetime(meta["published"], errors="coerce", format="ISO8601")
    bad = meta["published"].notna() & parsed.isna()
    if bad.any():
        row = meta.loc[bad].iloc[0]
        raise MetadataError(
            f"{file}: published {row['published']!r} for {row['article_id']!r} is not a date; "
            "write it as YYYY-MM-DD."
        )
    meta["published"] = parsed.dt.tz_localize(None) if parsed.dt.tz is not None else parsed
    return meta.reset_index(drop=True)


def iter_corpus(corpus: str | os.PathLike) -> Iterator[Article]:
    """Yield the corpus's articles one at a time, each with its metadata row as a dict.

    Validates metadata against the raw files before reading any text, so a bad
    metadata file fails fast. Raises CorpusError or MetadataError naming the file.
    """
    folder = Path(corpus)
    files = raw_files(folder)
    meta = read_metadata(folder, ids={p.stem for p in files})
    rows = {r["article_id"]: _clean_meta(r) for r in meta.to_dict("records")}
    for path in files:
        text, digest = read_text(path)
        yield Article(
            article_id=path.stem,
            path=path.relative_to(folder).as_posix(),
            text=text,
            sha256=digest,
            meta=rows.get(path.stem, {}),
        )


def read_corpus(corpus: str | os.PathLike) -> pd.DataFrame:
    """Return the corpus as a DataFrame, one row per article.

    Columns: article_id, path, text, sha256, n_chars, then the metadata columns
    outlet, headline, url, published, notes (empty where the analyst gave none).
    """
    records = []
    for art in iter_corpus(corpus):
        row = {"article_id": art.article_id, "path": art.path, "text": art.text, "sha256": art.sha256,
               "n_chars": len(art.text)}
        for col in METADATA_COLUMNS[1:]:
            row[col] = art.meta.get(col)
        records.append(row)
    frame = pd.DataFrame.from_records(records)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


def _clean_meta(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
            continue
        if isinstance(value, pd.Timestamp):
            value = value.date()
        out[key] = value
    return out

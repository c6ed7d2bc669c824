"""Reading a corpus folder: raw article texts plus the analyst's optional metadata.

A corpus folder holds ``raw/*.txt`` (one article per file; the file stem is the
``article_id``) and, optionally, ``articles.csv`` with what the analyst knows
about each article. Raw files are only ever opened for reading.

Two ways to read it:

* strict (``problems=None``): the first unreadable file or bad metadata row raises
  CorpusError / MetadataError naming the file and the fix;
* lenient (pass a list as ``problems``): each problem is appended as a `Problem`
  and the rest is read. Errors skip the file or metadata row; warnings note a
  documented handling (a legacy encoding decoded, an unknown metadata column).

How files are decoded: UTF-8 (a byte-order mark is dropped); UTF-16/32 when a
byte-order mark says so; otherwise Windows-1252, then Latin-1, each with a
warning. Files with NUL bytes or the signature of a PDF, image or archive are
binary and skipped; files over `MAX_ARTICLE_BYTES` are skipped. Line ends are
kept as written, so offsets count characters of the decoded file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pandas as pd

from .exceptions import CorpusError, MetadataError
from .paths import MAX_ARTICLE_BYTES, METADATA_FILE, RAW_DIR  # also read as corpus.<name> (pipeline)

#: Metadata columns the package reads; any may be absent.
METADATA_COLUMNS = ("article_id", "outlet", "headline", "url", "published", "notes", "summit_id")
#: Other names accepted for metadata columns (lower case).
_COLUMN_ALIASES = {"id": "article_id", "file": "path", "filename": "path", "date": "published", "publisher": "outlet",
                   "title": "headline", "source": "outlet"}
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"PK\x03\x04", b"\x1f\x8b",
                      b"II*\x00", b"MM\x00*", b"BM", b"RIFF", b"\x7fELF", b"\xd0\xcf\x11\xe0")
#: Share of NUL bytes up to which a file is text with stray NULs (scraped pages have a few); beyond, binary.
MAX_NUL_SHARE = 0.01
#: Byte-order marks and the encodings they announce; UTF-32 LE first, since its mark begins with UTF-16 LE's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Article:
    """One raw article: its id, path relative to the corpus folder, text and metadata."""

    article_id: str
    path: str
    text: str
    sha256: str
    meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    nul_bytes: int = 0  # stray NUL bytes of the file, read as spaces


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input: which file, how bad, what, and how to fix it."""

    file: str
    article_id: str
    severity: str  # "error" (skipped) or "warning" (handled, see the message)
    problem: str
    fix: str

    def message(self) -> str:
        """Return the problem as one line: file, problem, fix."""
        return f"{self.file}: {self.problem}; {self.fix}"


def raw_files(corpus: str | os.PathLike, *, problems: list[Problem] | None = None) -> list[Path]:
    """Return the raw article files of `corpus`, sorted by path, one per article_id.

    Raises CorpusError when the folder or its ``raw/`` subfolder is missing or holds
    no ``.txt`` file. Two files with one stem (and so one article_id) raise too, or,
    with `problems`, the later one is skipped and reported.
    """
    folder = Path(corpus)
    raw = folder / RAW_DIR
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist; pass --corpus with a folder holding raw/*.txt.")
    if not raw.is_dir():
        raise CorpusError(f"{raw} does not exist; put the articles as .txt files in {raw}.")
    files = sorted(p for p in raw.rglob("*") if p.is_file() and p.suffix.lower() == ".txt" and not p.name.startswith("."))
    if not files:
        raise CorpusError(f"{raw} holds no .txt file; add the articles there as plain-text files.")
    seen: dict[str, Path] = {}
    out = []
    for path in files:
        if path.stem in seen:
            problem = Problem(str(path), path.stem, "error", f"shares the article_id {path.stem!r} with {seen[path.stem]}",
                              "rename one of them")
            if problems is None:
                raise CorpusError(problem.message())
            problems.append(problem)
            continue
        seen[path.stem] = path
        out.append(path)
    return out


def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding) for the bytes of one article file.

    Stray NUL bytes (a scraped page's, at most MAX_NUL_SHARE of the bytes) are read as
    spaces, one character each, so offsets still count the file's characters. Raises
    CorpusError for binary data (more NUL bytes than that, a PDF/image/archive
    signature) and for text that is empty once decoded.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise CorpusError(f"{name} starts with a {encoding} byte-order mark but does not decode; re-save it as UTF-8.") from None
            return _nonempty(text.lstrip("\ufeff"), name), encoding
    nuls = data.count(b"\x00")
    if data.startswith(_BINARY_SIGNATURES) or nuls > MAX_NUL_SHARE * len(data):
        kind = "a PDF" if data.startswith(b"%PDF") else "binary data (an image, archive or document)"
        raise CorpusError(f"{name} holds {kind}, not text; replace it with the article's plain text.")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # stray NUL bytes of a scraped page: each read as a space, so offsets stay those of the file
        return _nonempty(text.replace("\x00", " ") if nuls else text, name), encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def read_text(path: str | os.PathLike, *, max_bytes: int = MAX_ARTICLE_BYTES) -> tuple[str, str, str, int]:
    """Return (text, SHA-256 of the bytes, encoding, number of stray NUL bytes read as spaces) of one raw file.

    Raises CorpusError for a missing, unreadable, oversized, binary or empty file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CorpusError(
                f"{path} is {size / 2**20:.1f} MB, more than the {max_bytes / 2**20:.0f} MB an article can be; "
                "check that it is one article, or raise --max-bytes."
            )
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise CorpusError(f"{path} does not exist; check the file name.") from None
    except OSError as exc:
        raise CorpusError(f"{path} cannot be read ({exc.strerror}); check its permissions.") from None
    text, encoding = decode(data, name=str(path))
    return text, hashlib.sha256(data).hexdigest(), encoding, data.count(b"\x00")


def read_metadata(
    corpus: str | os.PathLike, *, ids: set[str] | None = None, problems: list[Problem] | None = None
) -> pd.DataFrame:
    """Return the analyst's metadata of `corpus` (its articles.csv), one row per article.

    Columns: article_id, outlet, headline, url, published (datetime64), notes,
    summit_id. An absent file gives an empty frame. Without `problems`, raises
    MetadataError for a file without an ``article_id`` (or ``path``) column,
    duplicate ids, unparseable dates, or ids that match no raw file (when `ids`
    is given); with `problems`, such rows are reported and dropped (a bad date is
    reported and left empty), and unknown columns are reported as ignored.
    """
    file = Path(corpus) / METADATA_FILE
    empty = pd.DataFrame({c: pd.Series(dtype="string") for c in METADATA_COLUMNS})
    empty["published"] = pd.Series(dtype="datetime64[ns]")
    if not file.is_file():
        return empty

    def fail(article_id: str, problem: str, fix: str, severity: str = "error") -> None:
        p = Problem(str(file), article_id, severity, problem, fix)
        if problems is None and severity == "error":
            raise MetadataError(p.message())
        if problems is not None:
            problems.append(p)

    try:
        meta = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail("", "is not valid UTF-8", "re-save it as UTF-8 CSV")
        return empty
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        fail("", f"is not a readable CSV ({str(exc).strip()})", "fix the file or remove it")
        return empty
    meta.columns = [_COLUMN_ALIASES.get(str(c).strip().lower(), str(c).strip().lower()) for c in meta.columns]
    if "article_id" not in meta.columns:
        if "path" not in meta.columns:
            fail("", "has no article_id column", "add one holding each raw file's name without .txt")
            return empty
        meta["article_id"] = meta["path"].map(lambda p: Path(str(p)).stem if isinstance(p, str) else None)
    unknown = [c for c in meta.columns if c not in METADATA_COLUMNS and c != "path"]
    if unknown:
        fail("", f"has columns the package does not read: {unknown}", "they are ignored; see README for the columns", "warning")
    meta["article_id"] = meta["article_id"].str.strip()
    meta = meta[meta["article_id"].notna() & (meta["article_id"] != "")]
    dup = meta["article_id"].duplicated(keep="first")
    for aid in meta.loc[dup, "article_id"]:
        fail(aid, f"lists article_id {aid!r} more than once", "keep one row per article")
    meta = meta[~dup]
    if ids is not None:
        for aid in sorted(set(meta["article_id"]) - ids):
            fail(aid, f"has a row for {aid!r}, which matches no file in raw/", "fix the id or add the file")
        meta = meta[meta["article_id"].isin(ids)]
    for col in METADATA_COLUMNS:
        if col not in meta.columns:
            meta[col] = None
    parsed = pd.to_datetime(meta["published"], errors="coerce", format="ISO8601", utc=True).dt.tz_localize(None)
    for aid, value in meta.loc[meta["published"].notna() & parsed.isna(), ["article_id", "published"]].itertuples(index=False):
        fail(aid, f"published {value!r} for {aid!r} is not a date", "write it as YYYY-MM-DD")
    meta["published"] = parsed.dt.normalize()
    return meta[list(METADATA_COLUMNS)].reset_index(drop=True)


@dataclass(frozen=True)
class Entry:
    """One raw file of a corpus before its text is read: its id, path relative to the corpus folder, metadata."""

    article_id: str
    path: str
    meta: dict = field(default_factory=dict)


def list_corpus(corpus: str | os.PathLike, *, problems: list[Problem] | None = None) -> list[Entry]:
    """Return the corpus's raw files with their metadata rows, in path order, without reading any text.

    Metadata is checked against the raw files. Without `problems` the first problem
    raises CorpusError or MetadataError naming the file; with it, problems are appended
    and the offending row skipped.
    """
    folder = Path(corpus)
    files = raw_files(folder, problems=problems)
    meta = read_metadata(folder, ids={p.stem for p in files}, problems=problems)
    rows = {r["article_id"]: _clean_meta(r) for r in meta.to_dict("records")}
    return [Entry(p.stem, p.relative_to(folder).as_posix(), rows.get(p.stem, {})) for p in files]


def read_entry(
    corpus: str | os.PathLike, entry: Entry, *, problems: list[Problem] | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article | None:
    """Return the article of `entry` (a file of the corpus folder `corpus`) with its text, or None if it cannot be used.

    A file that cannot be read raises CorpusError without `problems`; with it, the
    problem is appended and None returned. Text that is not UTF-8 is decoded (see
    decode) and, with `problems`, noted as a warning.
    """
    path = Path(corpus) / entry.path
    try:
        text, digest, encoding, nuls = read_text(path, max_bytes=max_bytes)
    except CorpusError as exc:
        if problems is None:
            raise
        problems.append(Problem(str(path), path.stem, "error", str(exc).split(";")[0].replace(f"{path} ", "", 1),
                                str(exc).split(";", 1)[-1].strip().rstrip(".")))
        return None
    if encoding not in ("utf-8", "utf-8-sig") and problems is not None:
        problems.append(Problem(str(path), path.stem, "warning", f"is not UTF-8; decoded as {encoding}",
                                "re-save it as UTF-8 to be sure every character is right"))
    article = Article(article_id=entry.article_id, path=entry.path, text=text, sha256=digest, meta=entry.meta,
                      encoding=encoding, nul_bytes=nuls)
    if article.nul_bytes and problems is not None:
        problems.append(nul_problem(str(path), article.article_id, article.nul_bytes))
    return article


def nul_problem(file: str, article_id: str, n: int) -> Problem:
    """Return the warning for a file with `n` stray NUL bytes (read as spaces)."""
    return Problem(file, article_id, "warning", f"holds {n} stray NUL byte{'s' if n != 1 else ''}",
                   "they are read as spaces; remove them from the file if you can")



def iter_corpus(
    corpus: str | os.PathLike, *, problems: list[Problem] | None = None, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Article]:
    """Yield the corpus's articles one at a time, each with its metadata row as a dict.

    Metadata is checked against the raw files before any text is read. Without
    `problems` the first problem raises CorpusError or MetadataError naming the
    file; with it, problems are appended and the offending file or row skipped.
    """
    for entry in list_corpus(corpus, problems=problems):
        article = read_entry(corpus, entry, problems=problems, max_bytes=max_bytes)
        if article is not None:
            yield article


def read_corpus(corpus: str | os.PathLike) -> pd.DataFrame:
    """Return the corpus as a DataFrame, one row per article (strict: the first problem raises).

    Columns: article_id, path, text, sha256, n_chars, encoding, then the metadata
    columns outlet, headline, url, published, notes, summit_id (empty where none).
    """
    records = []
    for art in iter_corpus(corpus):
        row = {"article_id": art.article_id, "path": art.path, "text": art.text, "sha256": art.sha256,
               "n_chars": len(art.text), "encoding": art.encoding}
        for col in METADATA_COLUMNS[1:]:
            row[col] = art.meta.get(col)
        records.append(row)
    frame = pd.DataFrame.from_records(records)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


def _nonempty(text: str, name: str) -> str:
    if not text.strip():
        raise CorpusError(f"{name} is empty; put the article's text in it or remove it.")
    return text


def _clean_meta(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
            continue
        if isinstance(value, pd.Timestamp):
            value = value.date()
        out[key] = value
    return out

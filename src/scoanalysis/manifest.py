"""Fingerprints of what a build or a report was made from, the manifests that keep them, and the lock.

A run writes a manifest (JSON) beside its outputs: the SHA-256 of every input, the
package version and a digest of its source code, and timings. The next run
compares; what is unchanged is not redone. A lock file in the output folder keeps
two runs from writing there at once. Nothing here imports pandas, so an
up-to-date check costs little more than reading the inputs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__, paths
from .exceptions import LockedError

MANIFEST = "manifest.json"
LOCK = ".lock"


def file_digest(path: str | os.PathLike) -> str:
    """Return the SHA-256 hex digest of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def digests(paths: Iterable[Path], *, root: Path) -> dict[str, str]:
    """Return {path relative to `root`: SHA-256} for the files in `paths`, sorted by path."""
    return {p.relative_to(root).as_posix(): file_digest(p) for p in sorted(paths) if p.is_file()}


def combined(*parts) -> str:
    """Return one SHA-256 over JSON-serialisable `parts` (dicts are taken in key order)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def source_digest() -> str:
    """Return a digest of the package's own source files and version: code changes invalidate outputs."""
    here = Path(__file__).parent
    files = sorted(p for p in here.rglob("*.py"))
    return combined(__version__, {p.relative_to(here).as_posix(): file_digest(p) for p in files})


#: Where a tables folder's manifest records its CSV files: {name: {"sha256", "size", "mtime_ns"}} (table_files).
TABLE_FILES = "table_files"


def table_files(tables_path: str | os.PathLike) -> dict[str, dict]:
    """Return {file name: {"sha256", "size", "mtime_ns"}} of the CSV tables in folder `tables_path`, each file hashed.

    The build records it in the folder's manifest, so that `table_digests` need not
    read the files again.
    """
    out = {}
    for path in sorted(Path(tables_path).glob("*.csv")):
        if path.is_file():
            st = path.stat()
            out[path.name] = {"sha256": file_digest(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    return out


def table_digests(tables_path: str | os.PathLike) -> dict[str, str]:
    """Return {file name: SHA-256} of the CSV tables in folder `tables_path`.

    A file whose size and modification time (to the nanosecond) are those the folder's
    manifest recorded (TABLE_FILES, written by the build) takes the recorded digest
    without being read: the tables of 100,000 articles are 1.6 GB of CSV, 1.1 s to
    hash. Any other file (edited by hand, copied without its times, or not recorded)
    is hashed.
    """
    folder = Path(tables_path)
    known = read(folder).get(TABLE_FILES)
    known = known if isinstance(known, dict) else {}
    out = {}
    for path in sorted(folder.glob("*.csv")):
        if not path.is_file():
            continue
        st, seen = path.stat(), known.get(path.name)
        if (isinstance(seen, dict) and seen.get("sha256") and seen.get("size") == st.st_size
                and seen.get("mtime_ns") == st.st_mtime_ns):
            out[path.name] = seen["sha256"]
        else:
            out[path.name] = file_digest(path)
    return out


def read(folder: str | os.PathLike) -> dict:
    """Return the manifest of `folder`, or an empty dict when there is none or it is unreadable."""
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write(folder: str | os.PathLike, data: dict) -> Path:
    """Write `data` (plus version and time) as the manifest of `folder`, atomically; return its path."""
    folder = Path(folder)
    data = {"package_version": __version__, "written_at": now(), **data}
    path = folder / MANIFEST
    fd, tmp = tempfile.mkstemp(prefix=".manifest.", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True, default=str)
        fh.write("\n")
    os.replace(tmp, path)
    return path


def now() -> str:
    """Return the current UTC time as an ISO 8601 string (seconds)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@contextlib.contextmanager
def locked(folder: str | os.PathLike) -> Iterator[Path]:
    """Hold an exclusive lock on `folder` for the duration; raise LockedError if another run holds it.

    The lock is `filelock.FileLock` on ``folder/.lock`` (an OS lock on the open file, so
    a run that is killed lets go of it), taken without waiting; the file records the
    holder's process id and start time and is deleted when the lock is let go. A lock
    taken on a file that another run deleted meanwhile is taken again on the new file.
    When this call created `folder` and the body raises, the folder is removed again:
    a failed run into a new folder leaves nothing behind.
    """
    folder = Path(folder)
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK
    try:
        lock = _acquire(path)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        path.write_text(f"{os.getpid()} {now()}\n", encoding="utf-8")
        yield path
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still held: a run waiting on this file finds it gone and takes a new one
        lock.release()


def _acquire(path: Path):
    """Return a held FileLock on `path`, checking it is on the file now at `path` (not one deleted meanwhile)."""
    from filelock import FileLock, Timeout  # here: an up-to-date check takes no lock

    for _ in range(5):
        lock = FileLock(path, timeout=0, is_singleton=False)
        try:
            lock.acquire()
        except Timeout:
            raise LockedError(
                f"another scoanalysis run is writing to {path.parent} (lock {path}); wait for it to finish and run again."
            ) from None
        if _same_file(lock, path):
            return lock
        lock.release()
    raise LockedError(f"the lock {path} keeps changing; another run is starting in {path.parent}: run again later.")


def _same_file(lock, path: Path) -> bool:
    """Whether the file `lock` holds open is the one at `path` (False when it was deleted or replaced)."""
    fd = getattr(lock, "_context", None) and getattr(lock._context, "lock_file_fd", None)
    if fd is None:
        return path.exists()
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def build_fingerprint(corpus_dir: str | os.PathLike, *, reference_dir: str | os.PathLike | None = None, max_bytes: int = 0) -> dict:
    """Return the hashes of everything a build reads: raw files, metadata, reference data, code.

    Keys: inputs (relative path -> SHA-256), source (code digest), digest (one hash of all).
    """
    folder = Path(corpus_dir)
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    raw_dir = folder / paths.RAW_DIR
    raw = [p for p in raw_dir.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"] if raw_dir.is_dir() else []
    inputs = digests(raw + [folder / paths.METADATA_FILE], root=folder)
    inputs.update({f"reference/{k}": v for k, v in digests(list(ref.glob("*.csv")), root=ref).items()})
    source = source_digest()
    return {"inputs": inputs, "source": source, "digest": combined(inputs, source, max_bytes)}


def is_current(out: str | os.PathLike, digest: str) -> bool:
    """Return True when `out` holds a manifest with this input digest and every output it lists."""
    out = Path(out)
    previous = read(out)
    listed = previous.get("outputs") or []
    return bool(listed) and previous.get("fingerprint") == digest and all((out / name).is_file() for name in listed)


def report_fingerprint(tables_path: str | os.PathLike, *, notebooks_dir: str | os.PathLike, summit_ids=None,
                       hashes: dict[str, str] | None = None, templates_dir: str | os.PathLike | None = None) -> str:
    """Return one hash of everything the reports read: the tables' files, the notebooks, the code and page templates, the summits asked for.

    `hashes`: the tables' CSV files' digests (`table_digests`), when already computed.
    `templates_dir`: the page templates (default: the package's report/templates).
    """
    tables_path, notebooks_dir = Path(tables_path), Path(notebooks_dir)
    templates = Path(templates_dir) if templates_dir else Path(__file__).parent / "report" / "templates"
    return combined(
        hashes if hashes is not None else table_digests(tables_path),
        digests(list(notebooks_dir.glob("*.ipynb")), root=notebooks_dir),
        source_digest(),
        digests([p for p in templates.rglob("*") if p.is_file()], root=templates),
        sorted(summit_ids or []),
    )

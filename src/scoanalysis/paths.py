"""Where the project's folders are: found from this file, overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    env = os.environ.get("SCOANALYSIS_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    return Path.cwd()


ROOT = _find_root()
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
REFERENCE = Path(os.environ.get("SCOANALYSIS_REFERENCE", DATA / "reference"))
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"


#: A corpus folder holds its articles in RAW_DIR and, optionally, the analyst's METADATA_FILE.
RAW_DIR = "raw"
METADATA_FILE = "articles.csv"
#: A news article is never this large; a bigger raw file is skipped (override with --max-bytes).
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def tables_dir(path: str | os.PathLike | None = None) -> Path:
    """Return the folder of derived tables: `path` if given, else data/processed."""
    return Path(path) if path else PROCESSED

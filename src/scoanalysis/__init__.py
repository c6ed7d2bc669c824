"""scoanalysis: news about Shanghai Cooperation Organization summits, turned into tables and reports."""

__version__ = "0.1.0"

from .exceptions import (  # noqa: E402
    CorpusError,
    MetadataError,
    ParameterError,
    ReferenceDataError,
    ReportError,
    ScoanalysisError,
    TableError,
)
from .schema import load_tables  # noqa: E402


def build(corpus_dir, out, **options):
    """Return the tables built from `corpus_dir` and written under `out` (see scoanalysis.pipeline.build)."""
    from .pipeline import build as _build

    return _build(corpus_dir, out, **options)


__all__ = [
    "__version__",
    "build",
    "load_tables",
    "ScoanalysisError",
    "CorpusError",
    "MetadataError",
    "ReferenceDataError",
    "ParameterError",
    "TableError",
    "ReportError",
]

"""scoanalysis: news about Shanghai Cooperation Organization summits, turned into tables and reports."""

__version__ = "0.1.0"

from .exceptions import (  # noqa: E402
    CorpusError,
    LockedError,
    MetadataError,
    ParameterError,
    ReferenceDataError,
    ReportError,
    ScoanalysisError,
    TableError,
)


def load_tables(path=None, **options):
    """Return every table in folder `path` (default data/processed) as DataFrames (see scoanalysis.storage.load_tables)."""
    from .storage import load_tables as _load_tables

    return _load_tables(path, **options)


def load_summaries(path=None):
    """Return the small tables and summaries the reports read from folder `path` (see scoanalysis.summaries.load_summaries)."""
    from .summaries import load_summaries as _load_summaries

    return _load_summaries(path)


def evaluate(gold, tables=None):
    """Return how well the tables in folder `tables` (default data/processed) agree with gold file `gold` (see scoanalysis.evaluate)."""
    from . import paths
    from .evaluation import evaluate as _evaluate

    return _evaluate(gold, paths.PROCESSED if tables is None else tables)


def __getattr__(name):
    # `sa.build(corpus, out, **options)`: the subpackage scoanalysis.build is callable (see build.run.build)
    if name == "build":
        import importlib

        return importlib.import_module(".build", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "__version__",
    "build",
    "evaluate",
    "load_tables",
    "load_summaries",
    "ScoanalysisError",
    "CorpusError",
    "MetadataError",
    "ReferenceDataError",
    "ParameterError",
    "TableError",
    "ReportError",
    "LockedError",
]

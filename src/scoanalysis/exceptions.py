"""Exceptions raised for problems a user can cause and fix."""


class ScoanalysisError(Exception):
    """Base class of every error the package raises on purpose."""


class CorpusError(ScoanalysisError):
    """A raw article cannot be read: missing, undecodable, empty or duplicated."""


class MetadataError(ScoanalysisError):
    """The analyst's metadata file (articles.csv) is malformed or names no file."""


class ReferenceDataError(ScoanalysisError):
    """A reference table under data/reference is missing or malformed."""


class ParameterError(ScoanalysisError):
    """A parameter given to a command or function has a value that cannot be used."""


class TableError(ScoanalysisError):
    """A derived table is missing or breaks its contract."""


class ReportError(ScoanalysisError):
    """A report notebook failed to run or to convert to HTML."""


class LockedError(ScoanalysisError):
    """Another run holds the lock on the output folder."""

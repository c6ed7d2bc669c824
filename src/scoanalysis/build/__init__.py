"""Building the tables: the per-article step, partitions, engines, the corpus-level steps, and `build`.

- article: the per-article step (`analyse_article`, `ArticleRecords`);
- partitions: a partition of articles analysed, its parts written (`analyse_partition`), the per-article cache;
- inputs: the corpus-level inputs file each partition writes, read a bucket at a time;
- engines: one process, N processes or Dask behind one Executor (`Workers`);
- duplicates, corpus_steps: the corpus-level steps (duplicates; events, claims, attendance);
- spill: spilling a step's buckets to disk and merging them back in order;
- run: `build` (lock, staging, manifest, the order of the steps).

The names below are imported when first used, so importing this package loads none
of the stages.
"""

from __future__ import annotations

import importlib
import sys
import types

#: Exported name -> the module of this package that defines it.
_EXPORTS = {
    "build": "run",
    "analyse_article": "article",
    "ArticleRecords": "article",
    "analyse_partition": "partitions",
    "PARTITION": "partitions",
    "PART_TABLES": "partitions",
    "ENGINES": "engines",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(types.ModuleType):
    def __call__(self, corpus_dir, out, **options):
        """Return build(corpus_dir, out, **options) (see run.build)."""
        return __getattr__("build")(corpus_dir, out, **options)


# `scoanalysis.build(corpus, out)` calls the package: a subpackage and a function cannot share
# the attribute `scoanalysis.build`, so the package itself is callable.
sys.modules[__name__].__class__ = _Package

"""The build's names under `scoanalysis.pipeline`, for the callers that import them from here (see scoanalysis.build).

Every name is loaded from its module in scoanalysis.build when first used; setting
one (a test's ``pipeline.PARTITION = 8``) sets it in that module, where the build
reads it.
"""

from __future__ import annotations

import importlib
import sys
import types

#: Old name -> (module of scoanalysis.build, its name there).  # integration alias: scoanalysis.build.*
_MOVED = {
    "build": ("run", "build"),
    "PUNKT_SAMPLE_CHARS": ("run", "PUNKT_SAMPLE_CHARS"),
    "analyse_article": ("article", "analyse_article"),
    "ArticleRecords": ("article", "ArticleRecords"),
    "analyse_partition": ("partitions", "analyse_partition"),
    "PARTITION": ("partitions", "PARTITION"),
    "PART_TABLES": ("partitions", "PART_TABLES"),
    "ENGINES": ("engines", "ENGINES"),
    "BUCKETS": ("inputs", "BUCKETS"),
    "ARTICLES_PER_BUCKET": ("inputs", "ARTICLES_PER_BUCKET"),
    "EVENT_BATCHES": ("corpus_steps", "EVENT_BATCHES"),
    "MENTIONS_PER_BATCH": ("corpus_steps", "MENTIONS_PER_BATCH"),
    "CHUNK_ROWS": ("spill", "CHUNK_ROWS"),
    "MERGE_ROWS": ("spill", "MERGE_ROWS"),
    "TRIM_PARTITIONS": ("duplicates", "TRIM_PARTITIONS"),
    "PAIR_SLICE": ("duplicates", "PAIR_SLICE"),
}


def _module(name: str):
    return importlib.import_module(f"scoanalysis.build.{_MOVED[name][0]}")


def __getattr__(name: str):
    if name in _MOVED:
        return getattr(_module(name), _MOVED[name][1])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Shim(types.ModuleType):
    def __setattr__(self, name: str, value) -> None:
        if name in _MOVED:
            setattr(_module(name), _MOVED[name][1], value)
        else:
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Shim

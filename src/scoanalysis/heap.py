"""scoanalysis.build.heap (giving freed memory back to the system) under its name here, for schema and summaries."""

from .build.heap import LEAN_BLOCK, lean, trim  # noqa: F401  # integration alias: scoanalysis.build.heap

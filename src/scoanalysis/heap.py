"""Old place of scoanalysis.build.heap (giving freed memory back to the system), kept for its callers."""

from .build.heap import LEAN_BLOCK, lean, trim  # noqa: F401  # integration alias: scoanalysis.build.heap

"""heap: trimming the heap and the lean allocator settings are safe to call anywhere."""

from __future__ import annotations

from scoanalysis import heap


def test_trim_and_lean_run_on_any_platform():
    heap.trim()
    heap.trim()
    heap.lean()  # glibc: large blocks mapped on their own; Arrow on the system pool
    import pyarrow as pa

    assert pa.default_memory_pool().backend_name == "system"

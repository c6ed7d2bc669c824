"""Fixtures of the summaries' tests: built tables and events written by hand (tests/built_tables.py)."""

from built_tables import events_frame, own_tables_dir, seed_tables_dir, summits, synthetic_tables_dir  # noqa: F401

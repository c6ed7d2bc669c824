"""manifest: the lock on an output folder, and the fingerprints a run compares."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scoanalysis import manifest
from scoanalysis.exceptions import LockedError


def test_a_held_lock_gives_locked_error_and_is_free_again_after(tmp_path):
    out = tmp_path / "out"
    with manifest.locked(out) as path:
        assert path == out / manifest.LOCK and path.read_text().split()[0] == str(os.getpid())
        with pytest.raises(LockedError, match="another scoanalysis run is writing to"):
            with manifest.locked(out):
                pass
    with manifest.locked(out):  # released on leaving, also after the failed attempt
        pass


def test_a_lock_held_by_another_process_gives_locked_error(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom scoanalysis import manifest\n"
         f"with manifest.locked({str(out)!r}):\n    print('held', flush=True)\n    sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError):
            with manifest.locked(out):
                pass
    finally:
        holder.communicate("")
    with manifest.locked(out):  # the other process ended: the lock is free
        pass


def test_combined_digest_is_independent_of_key_order():
    assert manifest.combined({"a": 1, "b": 2}, "x") == manifest.combined({"b": 2, "a": 1}, "x")
    assert manifest.combined({"a": 1}) != manifest.combined({"a": 2})


def test_the_report_fingerprint_follows_tables_notebooks_templates_and_summits(tmp_path):
    tables, notebooks, templates = tmp_path / "tables", tmp_path / "notebooks", tmp_path / "templates"
    for folder in (tables, notebooks, templates):
        folder.mkdir()
    (tables / "articles.csv").write_text("article_id\na\n", encoding="utf-8")
    (notebooks / "01.ipynb").write_text("{}", encoding="utf-8")
    (templates / "page.html.j2").write_text("<html>", encoding="utf-8")

    def fingerprint(**options):
        return manifest.report_fingerprint(tables, notebooks_dir=notebooks, templates_dir=templates, **options)

    first = fingerprint()
    assert fingerprint() == first
    (templates / "page.html.j2").write_text("<html lang=en>", encoding="utf-8")
    after_template = fingerprint()
    assert after_template != first
    (notebooks / "01.ipynb").write_text('{"cells": []}', encoding="utf-8")
    after_notebook = fingerprint()
    assert after_notebook != after_template
    (tables / "articles.csv").write_text("article_id\nb\n", encoding="utf-8")
    assert fingerprint() != after_notebook
    assert fingerprint(summit_ids=["2024-astana"]) != fingerprint()


def test_the_lock_file_does_not_outlive_the_run(tmp_path):
    out = tmp_path / "out"
    with manifest.locked(out) as path:
        assert path.is_file()
    assert out.is_dir() and list(out.iterdir()) == []
    with pytest.raises(ValueError):
        with manifest.locked(out):
            raise ValueError("the run failed")
    assert out.is_dir() and list(out.iterdir()) == []  # a folder that existed before stays, without the lock


def test_a_failed_run_removes_the_folder_it_created(tmp_path):
    out = tmp_path / "new" / "out"
    with pytest.raises(ValueError):
        with manifest.locked(out):
            (out / ".staging-1").mkdir()
            raise ValueError("the run failed")
    assert not out.exists()


def test_a_lock_taken_on_a_file_deleted_meanwhile_is_not_counted_as_held(tmp_path):
    from filelock import FileLock

    path = tmp_path / manifest.LOCK
    lock = FileLock(path, timeout=0, is_singleton=False)
    lock.acquire()
    try:
        assert manifest._same_file(lock, path)
        path.unlink()  # the run that held it let go and deleted it, after this one opened it
        assert not manifest._same_file(lock, path)
        path.write_text("", encoding="utf-8")  # a third run's new file
        assert not manifest._same_file(lock, path)
    finally:
        lock.release()

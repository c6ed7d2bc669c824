"""Nothing lost, nothing half-written: incremental builds, the lock, interrupted runs, raw files untouched."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from scoanalysis import cli, manifest
from scoanalysis.build.run import build

from conftest import ROOT, write_corpus

pytestmark = pytest.mark.slow  # every test here builds a corpus


def _raw_hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "raw").iterdir())}


def _out_hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture
def seeds(tmp_path):
    dest = tmp_path / "corpus"
    shutil.copytree(ROOT / "data" / "raw", dest / "raw")
    return dest


def test_second_build_with_nothing_changed_does_nothing(seeds, tmp_path, caplog):
    out = tmp_path / "out"
    build(seeds, out)
    first = manifest.read(out)
    assert first["analysed"] == 5 and first["reused"] == 0
    assert set(first["inputs"]) >= {f"raw/{p.name}" for p in (seeds / "raw").iterdir()}
    assert first["package_version"] and first["seconds"] > 0
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.csv")}
    build(seeds, out)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.csv")} == before
    assert manifest.read(out)["written_at"] == first["written_at"]


def test_changing_one_article_reanalyses_only_that_article(seeds, tmp_path):
    out = tmp_path / "out"
    build(seeds, out)
    target = seeds / "raw" / "004_3df29d9bc2d73539.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nKarimov said the talks went well.\n", encoding="utf-8")
    tables = build(seeds, out)
    m = manifest.read(out)
    assert (m["analysed"], m["reused"]) == (1, 4)
    # the result equals a build from scratch
    fresh = build(seeds, tmp_path / "fresh", force=True)
    for name in ("articles", "sentences", "entities"):
        a = tables[name].drop(columns=[c for c in ("sha256",) if c in tables[name]])
        b = fresh[name].drop(columns=[c for c in ("sha256",) if c in fresh[name]])
        assert a.equals(b), name


def test_cli_build_up_to_date_exits_0_and_lock_held_exits_3(seeds, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["build", "--corpus", str(seeds), "--out", str(out), "--quiet"]) == 0
    assert cli.main(["build", "--corpus", str(seeds), "--out", str(out)]) == 0
    assert "up to date" in capsys.readouterr().out
    with manifest.locked(out):
        assert cli.main(["build", "--corpus", str(seeds), "--out", str(out), "--force"]) == 3
    assert "another scoanalysis run" in capsys.readouterr().err


def test_killed_build_leaves_previous_tables_whole(tmp_path):
    corpus = write_corpus(tmp_path / "c", {f"a{i:04d}": (
        f"SCO Summit Story {i}\n\nLeaders met in Astana on Wednesday for the SCO summit. "
        "Vladimir Putin and Xi Jinping held talks on the sidelines. " * 30) for i in range(300)})
    out = tmp_path / "out"
    small = write_corpus(tmp_path / "small", {"x": "The SCO summit in Astana opened."})
    build(small, out)
    before = _out_hashes(out)
    proc = subprocess.Popen([sys.executable, "-m", "scoanalysis.cli", "build", "--corpus", str(corpus), "--out", str(out),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)
    assert proc.poll() is None, "the build finished before it could be interrupted; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _out_hashes(out) == before
    # the next run is not blocked by the dead run's lock
    small.joinpath("raw", "y.txt").write_text("Leaders met in Bishkek for the SCO summit.", encoding="utf-8")
    assert cli.main(["build", "--corpus", str(small), "--out", str(out), "--quiet"]) == 0
    assert _out_hashes(out) != before


@pytest.mark.parametrize("command", [["build"], ["build", "--force"]])
def test_raw_files_are_never_changed(seeds, tmp_path, command):
    before = _raw_hashes(seeds)
    os.chmod(seeds / "raw" / "000_0e1afe955a39ce53.txt", 0o444)
    cli.main([*command, "--corpus", str(seeds), "--out", str(tmp_path / "out"), "--quiet"])
    assert _raw_hashes(seeds) == before
    assert sorted(p.name for p in (seeds / "raw").iterdir()) == sorted(before)

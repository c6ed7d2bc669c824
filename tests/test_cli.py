"""The command line: help that says what each command does and how it exits, and failed runs that leave nothing behind."""

from __future__ import annotations

import os
import re

import pytest

from scoanalysis import cli, manifest


@pytest.mark.parametrize("command", ["build", "report", "evaluate"])
def test_each_command_help_has_a_description_and_the_exit_codes(command, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main([command, "--help"])
    assert exited.value.code == 0
    page = capsys.readouterr().out
    description = page.split("\n\n")[1]
    assert not description.startswith(("options:", "positional")) and len(description.split()) > 10, description
    codes = page[page.index("exit codes:"):]
    assert re.search(r"^  0  ", codes, re.M) and re.search(r"^  1  ", codes, re.M) and re.search(r"^  2  ", codes, re.M)
    if command != "evaluate":
        assert re.search(r"^  3  .*lock", codes, re.M)


def test_every_folder_default_is_shown_absolute(capsys):
    args = cli._parser().parse_args(["build"])
    for name in ("corpus", "out", "reference"):
        assert os.path.isabs(getattr(args, name)), name
    with pytest.raises(SystemExit):
        cli.main(["build", "--help"])
    page = "".join(capsys.readouterr().out.split())  # help wraps lines at spaces and hyphens, paths too
    assert "".join(f"folder of reference CSVs (default: {args.reference})".split()) in page


def test_relative_paths_are_made_absolute_before_use(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", "--tables", "missing", "--out", "reports"]) == 1
    assert f"tables folder {tmp_path / 'missing'} does not exist" in capsys.readouterr().err


def test_report_on_an_empty_tables_folder_says_they_were_never_built(tmp_path, capsys):
    tables, out = tmp_path / "tables", tmp_path / "reports"
    tables.mkdir()
    assert cli.main(["report", "--tables", str(tables), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "never built" in err and "scoanalysis build" in err and str(tables) in err
    assert "older version" not in err
    assert not out.exists()  # no output folder, so no lock and no log either
    assert list(tables.iterdir()) == []


@pytest.mark.parametrize("tables", ["missing", "empty"])
def test_a_failed_report_into_an_existing_folder_leaves_no_lock_or_log(tmp_path, tables, capsys):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "reports"
    out.mkdir()
    (out / "01-corpus-overview.html").write_text("previous report", encoding="utf-8")
    assert cli.main(["report", "--tables", str(tmp_path / tables), "--out", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["01-corpus-overview.html"]
    assert "scoanalysis report: error:" in capsys.readouterr().err


def test_a_failure_is_appended_to_a_log_that_already_exists(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "scoanalysis.log").write_text("an earlier run\n", encoding="utf-8")
    assert cli.main(["report", "--tables", str(tmp_path / "missing"), "--out", str(out), "--quiet"]) == 1
    lines = (out / "scoanalysis.log").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "an earlier run" and "ERROR" in lines[1] and "does not exist" in lines[1]
    assert sorted(p.name for p in out.iterdir()) == ["scoanalysis.log"]


@pytest.mark.parametrize("corpus", ["missing", "no-raw", "empty-raw"])
def test_a_build_of_a_missing_or_empty_corpus_creates_no_output_folder(tmp_path, corpus, capsys):
    (tmp_path / "no-raw").mkdir()
    (tmp_path / "empty-raw" / "raw").mkdir(parents=True)
    out = tmp_path / "tables"
    assert cli.main(["build", "--corpus", str(tmp_path / corpus), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "scoanalysis build: error:" in err and str(tmp_path / corpus) in err
    assert not out.exists()


def test_a_build_of_a_missing_corpus_leaves_an_existing_output_folder_as_it_was(tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "articles.csv").write_text("article_id\na\n", encoding="utf-8")
    assert cli.main(["build", "--corpus", str(tmp_path / "missing"), "--out", str(out), "--quiet"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["articles.csv"]
    assert not (out / manifest.LOCK).exists()


def test_report_jobs_below_one_is_a_parameter_error(tmp_path, capsys):
    assert cli.main(["report", "--tables", str(tmp_path), "--out", str(tmp_path / "r"), "--jobs", "0"]) == 1
    assert "--jobs 0" in capsys.readouterr().err

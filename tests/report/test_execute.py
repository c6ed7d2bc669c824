"""Rendering reports: papermill on a small fixture corpus, standalone HTML, failures that keep old reports."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from scoanalysis import report
from scoanalysis.report import execute
from scoanalysis.exceptions import ParameterError, ReportError

from conftest import ROOT


def test_plan_has_one_profile_per_summit_with_articles(fixture_tables):
    jobs = report.plan(fixture_tables)
    assert [j.stem for j in jobs] == [
        "01-corpus-overview", "02-summit-profile-2019-bishkek", "02-summit-profile-2024-astana", "03-comparative-timeline",
    ]


def test_unknown_summit_is_a_parameter_error(fixture_tables):
    with pytest.raises(ParameterError, match="unknown summit_id .2099-atlantis.; summits with articles in .*: 2019-bishkek, 2024-astana"):
        report.plan(fixture_tables, summit_ids=["2099-atlantis"])


@pytest.mark.slow
def test_render_writes_standalone_html_with_figures(rendered_reports):
    out, written, lines = rendered_reports
    names = [p.name for p in written]
    assert names == ["01-corpus-overview.html", "02-summit-profile-2019-bishkek.html",
                     "03-comparative-timeline.html", "index.html"]
    assert len([line for line in lines if line.endswith(" s")]) == 3
    for path in written[:-1]:
        page = path.read_text(encoding="utf-8")
        assert path.stat().st_size < report.MAX_REPORT_BYTES
        assert "<img" in page and "data:image/png;base64," in page
        # no code, nothing fetched from the network
        assert "load_tables" not in page
        assert not re.search(r"""(src|href)=["']https?://""", page)
        assert "Traceback" not in page
    profile = written[1].read_text(encoding="utf-8")
    assert "Bishkek" in profile and "Kyrgyzstan" in profile
    index = written[-1].read_text(encoding="utf-8")
    for name in names[:-1]:
        assert f'href="{name}"' in index
    assert "3 articles" in index
    figures = sorted(p.name for p in (out / "figures").iterdir())
    assert figures and all(f"{p.rsplit('.', 1)[0]}.csv" in figures for p in figures if p.endswith(".png"))
    assert not list(out.glob(".staging-*"))


@pytest.mark.slow
def test_second_render_with_nothing_changed_renders_nothing(rendered_reports, fixture_tables):
    out, written, _ = rendered_reports
    before = {p.name: p.stat().st_mtime_ns for p in written}
    lines = []
    assert report.render(fixture_tables, out, summit_ids=["2019-bishkek"], progress=lines.append) == []
    assert lines == [f"reports in {out} are up to date; nothing to do"]
    assert {p.name: p.stat().st_mtime_ns for p in written} == before
    m = json.loads((out / "manifest.json").read_text())
    assert set(m["reports"]) == {"01-corpus-overview", "02-summit-profile-2019-bishkek", "03-comparative-timeline"}
    assert all(r["seconds"] > 0 for r in m["reports"].values())
    assert m["package_version"] and m["inputs"]  # the raw inputs' hashes, from the tables' manifest


@pytest.mark.slow
def test_failing_notebook_names_the_cell_and_keeps_previous_reports(fixture_tables, tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    nb_path = notebooks / "01-corpus-overview.ipynb"
    nb = json.loads(nb_path.read_text())
    nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "boom", "metadata": {}, "outputs": [],
                        "source": ["raise ValueError('deliberate failure')"]})
    nb_path.write_text(json.dumps(nb))
    out = tmp_path / "reports"
    out.mkdir()
    (out / "01-corpus-overview.html").write_text("previous report")
    with pytest.raises(ReportError) as info:
        report.render(fixture_tables, out, notebooks_dir=notebooks, summit_ids=["2019-bishkek"])
    message = str(info.value)
    assert "01-corpus-overview.ipynb" in message and "ValueError" in message and "deliberate failure" in message
    assert "cell" in message
    assert (out / "01-corpus-overview.html").read_text() == "previous report"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["01-corpus-overview.html"]


def test_what_a_report_kernel_imports_leaves_out_the_rendering_machinery():
    """The notebooks' first cells import the package, its views and plots: not nbformat, nbconvert or papermill."""
    import os
    import subprocess
    import sys

    code = ("import sys\nimport scoanalysis as sa\nfrom scoanalysis import reference, summaries\n"
            "from scoanalysis.report import parameters, plots, views\nfrom scoanalysis.summaries import timeline\n"
            "print(sorted(m for m in ('nbformat', 'nbconvert', 'papermill', 'jsonschema') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "MPLBACKEND": "Agg"})
    assert done.stdout.strip() == "[]"


def test_reports_render_the_longest_first():
    jobs = [report.Job(report.OVERVIEW, {}, "o", ""), report.Job(report.PROFILE, {}, "p", ""),
            report.Job(report.TIMELINE, {}, "t", "")]
    assert [j.stem for j in sorted(jobs, key=execute._expected_seconds, reverse=True)] == ["t", "o", "p"]


@pytest.mark.slow
def test_render_from_another_folder_with_relative_paths_writes_the_figures_there(fixture_tables, tmp_path, monkeypatch):
    """What `make report` does: relative --tables and --out; the kernels run in notebooks/ and must not write there."""
    import os

    from scoanalysis import cli

    def tree(folder):
        return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))

    notebooks = tree(ROOT / "notebooks")
    monkeypatch.chdir(tmp_path)
    tables = os.path.relpath(fixture_tables, tmp_path)
    assert cli.main(["report", "--tables", tables, "--out", "reports", "--summit", "2019-bishkek",
                     "--summit", "2001-shanghai", "--jobs", "2", "--quiet"]) == 0
    out = tmp_path / "reports"
    figures = sorted(p.name for p in (out / "figures").iterdir())
    assert "absolute-timeline.png" in figures and "absolute-timeline.csv" in figures
    assert tree(ROOT / "notebooks") == notebooks
    assert sorted(p.name for p in out.iterdir()) == [
        "01-corpus-overview.html", "02-summit-profile-2001-shanghai.html", "02-summit-profile-2019-bishkek.html",
        "03-comparative-timeline.html", "figures", "index.html", "manifest.json", "scoanalysis.log"]
    # a summit without articles: one sentence, not a page of empty sections
    page = (out / "02-summit-profile-2001-shanghai.html").read_text(encoding="utf-8")
    assert "No article in these tables is about the summit 2001-shanghai" in page and "2019-bishkek, 2024-astana" in page
    assert "(none)" not in page and "Dated statements" not in page and "Traceback" not in page
    assert "Error" not in page and "papermill" not in page

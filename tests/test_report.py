"""Rendering reports: papermill on a small fixture corpus, standalone HTML, failures that keep old reports."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from scoanalysis import report
from scoanalysis.exceptions import ParameterError, ReportError
from scoanalysis.pipeline import build

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def fixture_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    build(FIXTURE, out)
    return out


def test_plan_has_one_profile_per_summit_with_articles(fixture_tables):
    jobs = report.plan(fixture_tables)
    assert [j.stem for j in jobs] == [
        "01-corpus-overview", "02-summit-profile-2019-bishkek", "02-summit-profile-2024-astana", "03-comparative-timeline",
    ]


def test_unknown_summit_is_a_parameter_error(fixture_tables):
    with pytest.raises(ParameterError, match="unknown summit_id '2099-atlantis'"):
        report.plan(fixture_tables, summit_ids=["2099-atlantis"])


@pytest.mark.slow
def test_render_writes_standalone_html_with_figures(fixture_tables, tmp_path):
    lines = []
    written = report.render(fixture_tables, tmp_path, summit_ids=["2019-bishkek"], progress=lines.append)
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
    assert "2 articles" in index
    assert not list(tmp_path.glob(".staging-*"))


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

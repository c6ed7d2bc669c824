"""Rendering reports: papermill on a small fixture corpus, standalone HTML, failures that keep old reports."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from scoanalysis import report
from scoanalysis.exceptions import ParameterError, ReportError

from conftest import ROOT


def test_plan_has_one_profile_per_summit_with_articles(fixture_tables):
    jobs = report.plan(fixture_tables)
    assert [j.stem for j in jobs] == [
        "01-corpus-overview", "02-summit-profile-2019-bishkek", "02-summit-profile-2024-astana", "03-comparative-timeline",
    ]


def test_unknown_summit_is_a_parameter_error(fixture_tables):
    with pytest.raises(ParameterError, match="unknown summit_id '2099-atlantis'"):
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
def test_article_text_is_escaped_in_reports(rendered_reports):
    out, written, _ = rendered_reports
    for path in written:
        page = path.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
        assert "<b onmouseover" not in page
    overview = (out / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in overview  # shown as text
    assert "script-src" not in overview and "default-src 'none'" in overview


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


def test_a_whole_corpus_report_is_keyed_by_the_table_files_without_reading_them(fixture_tables, tmp_path):
    from scoanalysis import manifest, paths, summaries

    folder = shutil.copytree(fixture_tables, tmp_path / "tables")
    tables = summaries.load_summaries(folder)
    overview = report.plan(folder, articles=tables["articles"])[0]
    assert overview.notebook == report.OVERVIEW

    def digest():
        return report._job_digest(overview, tables, paths.NOTEBOOKS, table_hashes=manifest.table_digests(folder))

    before = digest()
    assert digest() == before and not dict.__contains__(tables, "claims")
    claims = folder / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest() != before


def test_a_profile_is_keyed_by_its_summits_rows_and_the_evidence_they_cite(fixture_tables, tmp_path):
    from scoanalysis import manifest, paths, schema, summaries

    folder = tmp_path / "tables"
    shutil.copytree(fixture_tables, folder)
    jobs = {j.parameters.get("summit_id"): j for j in report.plan(folder)}

    def digests():
        tables = summaries.load_summaries(folder)
        hashes = manifest.table_digests(folder)
        return {sid: report._job_digest(job, tables, paths.NOTEBOOKS, table_hashes=hashes)
                for sid, job in jobs.items() if sid}

    before = digests()
    assert set(before) == {"2019-bishkek", "2024-astana"}
    attendance = schema.read_table("attendance", folder)
    astana = attendance[attendance["summit_id"] == "2024-astana"]
    cited = {ref for refs in astana["evidence"] for ref in schema.evidence_refs(refs)}
    elsewhere = {ref for refs in attendance.loc[attendance["summit_id"] != "2024-astana", "evidence"]
                 for ref in schema.evidence_refs(refs)}
    evidence = schema.read_table("summary_evidence", folder)
    keys = list(zip(evidence["article_id"], evidence["sentence_id"]))
    mine = [k for k in keys if k in cited and k not in elsewhere]
    assert mine, "the fixture has evidence only Astana's attendance cites"
    evidence.loc[keys.index(mine[0]), "text"] = "A sentence edited by hand."
    schema.write_table(evidence, "summary_evidence", folder)
    after = digests()
    assert after["2024-astana"] != before["2024-astana"]
    assert after["2019-bishkek"] == before["2019-bishkek"]


def test_table_digests_take_the_builds_record_and_hash_only_the_files_changed_since(fixture_tables, tmp_path,
                                                                                     monkeypatch):
    from scoanalysis import manifest

    folder = shutil.copytree(fixture_tables, tmp_path / "tables")  # copied with their times
    recorded = manifest.read(folder)[manifest.TABLE_FILES]
    names = sorted(p.name for p in folder.glob("*.csv"))
    assert sorted(recorded) == names and "claims.csv" in names
    assert all(recorded[n]["sha256"] == manifest.file_digest(folder / n) for n in names)
    hashed, real = [], manifest.file_digest
    monkeypatch.setattr(manifest, "file_digest", lambda path: hashed.append(Path(path).name) or real(path))
    assert manifest.table_digests(folder) == {n: recorded[n]["sha256"] for n in names}
    assert hashed == []  # nothing read
    claims, events = folder / "claims.csv", folder / "events.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(events, ns=(events.stat().st_atime_ns, events.stat().st_mtime_ns + 1000))  # touched, not changed
    digests = manifest.table_digests(folder)
    assert sorted(hashed) == ["claims.csv", "events.csv"]
    assert digests["claims.csv"] == real(claims) != recorded["claims.csv"]["sha256"]
    assert digests["events.csv"] == recorded["events.csv"]["sha256"]
    (folder / "manifest.json").unlink()  # no record: every file is hashed, to the same digests
    hashed.clear()
    assert manifest.table_digests(folder) == digests and sorted(hashed) == names

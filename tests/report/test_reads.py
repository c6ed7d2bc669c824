"""The report cache key: the tables each notebook declares it reads, by summit for a profile."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from scoanalysis import manifest, paths, report, schema, storage, summaries
from scoanalysis.exceptions import ReportError
from scoanalysis.summaries import read


def _digests(folder, notebooks=paths.NOTEBOOKS):
    """Each report's digest (by stem) for the tables in `folder`, as render computes it."""
    tables = summaries.load_summaries(folder)
    hashes = manifest.table_digests(folder)
    return {job.stem: report.job_digest(Path(notebooks) / f"{job.notebook}.ipynb", job.parameters, tables,
                                        table_hashes=hashes) for job in report.plan(folder)}


def test_every_notebook_declares_the_tables_it_reads():
    for path in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        reads = report.notebook_reads(path)
        assert reads.tables and set(reads.tables) <= set(schema.TABLES), path.name
        assert set(reads.by_summit) <= set(reads.tables)
    profile = report.notebook_reads(paths.NOTEBOOKS / f"{report.PROFILE}.ipynb")
    assert "summary_articles" in profile.tables and "summary_articles" not in profile.by_summit  # every summit's count
    assert {"attendance", "summary_dated", "summary_evidence"} <= set(profile.by_summit)


def test_a_whole_corpus_report_is_keyed_by_the_table_files_without_reading_them(fixture_tables, tmp_path, monkeypatch):
    folder = shutil.copytree(fixture_tables, tmp_path / "tables")
    tables = summaries.load_summaries(folder)
    overview = report.plan(folder, articles=tables["articles"])[0]
    assert overview.notebook == report.OVERVIEW
    asked = []
    real = read._read_one
    monkeypatch.setattr(read, "_read_one", lambda folder, name: asked.append(name) or real(folder, name))
    tables = summaries.load_summaries(folder)

    def digest():
        return report.job_digest(paths.NOTEBOOKS / f"{overview.notebook}.ipynb", overview.parameters, tables,
                                 table_hashes=manifest.table_digests(folder))

    before = digest()
    assert digest() == before and asked == []  # keyed by the files' digests: nothing read
    claims = folder / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest() != before


def test_editing_a_table_a_notebook_does_not_declare_does_not_re_key_it(fixture_tables, tmp_path):
    folder = shutil.copytree(fixture_tables, tmp_path / "tables")
    overview = report.notebook_reads(paths.NOTEBOOKS / f"{report.OVERVIEW}.ipynb")
    timeline = report.notebook_reads(paths.NOTEBOOKS / f"{report.TIMELINE}.ipynb")
    assert "summary_tone" not in overview.tables and "summary_tone" in timeline.tables
    before = _digests(folder)
    tone = folder / "summary_tone.csv"
    tone.write_text(tone.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = _digests(folder)
    assert after[report.OVERVIEW] == before[report.OVERVIEW]
    assert after[report.TIMELINE] != before[report.TIMELINE]
    profiles = [stem for stem in before if stem.startswith(report.PROFILE)]
    assert profiles and all(after[stem] == before[stem] for stem in profiles)


def test_the_declaration_is_the_key_a_table_left_out_of_it_no_longer_re_keys(fixture_tables, tmp_path):
    folder = shutil.copytree(fixture_tables, tmp_path / "tables")
    notebooks = shutil.copytree(paths.NOTEBOOKS, tmp_path / "notebooks")
    path = notebooks / f"{report.OVERVIEW}.ipynb"
    nb = json.loads(path.read_text())
    nb["metadata"]["scoanalysis"]["reads"].remove("claims")
    path.write_text(json.dumps(nb))
    before = _digests(folder, notebooks)
    claims = folder / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _digests(folder, notebooks)[report.OVERVIEW] == before[report.OVERVIEW]
    assert _digests(folder)[report.OVERVIEW] != _digests(folder, notebooks)[report.OVERVIEW]


def test_a_profile_is_keyed_by_its_summits_rows_and_the_evidence_they_cite(fixture_tables, tmp_path):
    folder = tmp_path / "tables"
    shutil.copytree(fixture_tables, folder)
    before = _digests(folder)
    astana, bishkek = f"{report.PROFILE}-2024-astana", f"{report.PROFILE}-2019-bishkek"
    assert {astana, bishkek} <= set(before)
    attendance = storage.read_table("attendance", folder)
    cited = {ref for refs in attendance.loc[attendance["summit_id"] == "2024-astana", "evidence"]
             for ref in schema.evidence_refs(refs)}
    elsewhere = {ref for refs in attendance.loc[attendance["summit_id"] != "2024-astana", "evidence"]
                 for ref in schema.evidence_refs(refs)}
    evidence = storage.read_table("summary_evidence", folder)
    keys = list(zip(evidence["article_id"], evidence["sentence_id"]))
    mine = [k for k in keys if k in cited and k not in elsewhere]
    assert mine, "the fixture has evidence only Astana's attendance cites"
    evidence.loc[keys.index(mine[0]), "text"] = "A sentence edited by hand."
    storage.write_table(evidence, "summary_evidence", folder)
    after = _digests(folder)
    assert after[astana] != before[astana]
    assert after[bishkek] == before[bishkek]
    dated = storage.read_table("summary_dated", folder)  # a row of Astana's dated statements
    row = dated.index[dated["summit_id"] == "2024-astana"][0]
    dated.loc[row, "sentence"] = "Edited by hand on 3 July 2024."
    storage.write_table(dated, "summary_dated", folder)
    again = _digests(folder)
    assert again[astana] != after[astana] and again[bishkek] == after[bishkek]


@pytest.mark.parametrize("meta, message", [
    ({}, "declares no tables"),
    ({"reads": ["articles", "no_such_table"]}, "unknown table 'no_such_table'"),
    ({"reads": ["articles"], "reads_by_summit": ["summary_dated"]}, "reads 'summary_dated' by summit"),
    ({"reads": ["claims"], "reads_by_summit": ["claims"]}, "reads 'claims' by summit"),
])
def test_a_bad_declaration_is_a_report_error_naming_the_notebook(tmp_path, meta, message):
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps({"cells": [], "metadata": {"scoanalysis": meta}, "nbformat": 4, "nbformat_minor": 5}))
    with pytest.raises(ReportError, match=f"bad.ipynb.*{message}"):
        report.notebook_reads(path)
    with pytest.raises(ReportError, match="does not exist; restore it"):
        report.notebook_reads(tmp_path / "missing.ipynb")


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

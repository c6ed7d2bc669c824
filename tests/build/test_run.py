"""build.run: `build` and the command line on temporary copies of the corpus."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from scoanalysis import cli, load_tables, schema
from scoanalysis.build import corpus_steps, partitions, run
from scoanalysis.build.run import build

from conftest import write_corpus


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "raw").iterdir())}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import ROOT
    import shutil

    root = tmp_path_factory.mktemp("build")
    shutil.copytree(ROOT / "data" / "raw", root / "corpus" / "raw")
    shutil.copy(ROOT / "data" / "articles.csv", root / "corpus" / "articles.csv")
    before = _hashes(root / "corpus")
    tables = build(root / "corpus", root / "out")
    return root, tables, before


def test_build_writes_every_contract_table_with_its_header(built):
    root, tables, _ = built
    for name, table in schema.TABLES.items():
        csv = root / "out" / f"{name}.csv"
        assert csv.is_file(), name
        header = csv.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[: len(table.columns)] == list(table.columns)
        assert (root / "out" / f"{name}.parquet").is_file()


def test_build_leaves_raw_files_untouched(built):
    root, _, before = built
    assert _hashes(root / "corpus") == before


def test_articles_table_is_complete(built):
    _, tables, _ = built
    a = tables["articles"]
    assert len(a) == 5
    assert a["article_id"].is_unique
    assert (a["n_sentences"] > 10).all() and (a["n_words"] > 300).all()
    assert a["published_source"].isin(["metadata", "inferred", "unknown"]).all()
    assert a["summit_id"].tolist() == ["2022-samarkand", "2022-samarkand", "2024-astana", "2024-astana", "2014-dushanbe"]
    assert a.loc[2, "byline"] == "Emma Burrows, Associated Press"
    # n_sentences counts the prose only
    s = tables["sentences"]
    prose = s[~s["is_boilerplate"]].groupby("article_id").size()
    assert a.set_index("article_id")["n_sentences"].to_dict() == prose.to_dict()
    # machine translation flagged from evidence: a disclaimer, garbled capitals
    assert a.set_index("article_id")["translated"].to_dict() == {
        "000_0e1afe955a39ce53": False, "001_dd488588730cc6da": True, "002_31059493dcc32406": False,
        "003_4d584bb8d7e03168": True, "004_3df29d9bc2d73539": False,
    }


def test_build_finds_the_translation_pair_contradictions_and_attendance(built):
    _, tables, _ = built
    pairs = tables["duplicates"]
    assert pairs[["article_a", "article_b", "relation"]].values.tolist() == [
        ["000_0e1afe955a39ce53", "001_dd488588730cc6da", "translation_variant"]]
    assert tables["articles"].set_index("article_id")["duplicate_of"].fillna("").to_dict()["001_dd488588730cc6da"] == \
        "000_0e1afe955a39ce53"
    claims = tables["claims"]
    nato = claims[(claims["subject"] == "belarus") & (claims["object"] == "nato")]
    assert len(nato) == 1 and "reference:memberships" in nato.iloc[0]["conflicts_with"]
    assert set(nato.iloc[0]["conflicts_with"]) & set(claims["claim_id"])  # the other side is a row too
    att = tables["attendance"].set_index(["summit_id", "entity_id"])
    assert att.loc[("2024-astana", "narendra-modi"), "status"] == "represented"
    assert att.loc[("2024-astana", "narendra-modi"), "represented_by"] == "subrahmanyam-jaishankar"
    assert att.loc[("2014-dushanbe", "islam-karimov"), "status"] == "attended"
    assert len(tables["quotes"]) > 30 and len(tables["timexes"]) > 50
    ev = tables["events"].set_index("event_id")
    gogra = ev[ev["description"].str.contains("Gogra", na=False)]
    assert gogra["earliest"].tolist() == [pd.Timestamp("2022-09-05")] and gogra["latest"].tolist() == [pd.Timestamp("2022-09-11")]
    assert len(gogra.iloc[0]["evidence"]) == 2  # one event, told by both translations


def test_build_exports_the_timeline_for_timelinejs(built):
    import json

    root, tables, _ = built
    data = json.loads((root / "out" / "timeline.json").read_text(encoding="utf-8"))
    groups = {e.get("group") for e in data["events"]}
    assert {"Dushanbe 2014", "Samarkand 2022", "Astana 2024"} <= groups
    assert all("year" in e["start_date"] for e in data["events"])
    assert (root / "out" / "timeline.csv").read_text(encoding="utf-8").count("\n") > 10


def test_sentences_table_carries_offsets_into_the_raw_text(built):
    from conftest import ROOT

    _, tables, _ = built
    s = tables["sentences"]
    for aid, group in s.groupby("article_id"):
        raw = (ROOT / "data" / "raw" / f"{aid}.txt").read_text(encoding="utf-8")
        assert all(raw[a:b] == t for a, b, t in zip(group["start"], group["end"], group["text"]))


def test_load_tables_returns_proper_dtypes(built):
    root, _, _ = built
    tables = load_tables(root / "out")
    assert set(tables) == set(schema.TABLES) - set(schema.SUMMARY_TABLES)  # summaries: load_summaries
    assert str(tables["articles"]["published"].dtype).startswith("datetime64")
    assert str(tables["sentences"]["is_boilerplate"].dtype) == "boolean"
    assert str(tables["articles"]["n_words"].dtype) == "Int64"


def test_metadata_published_date_is_used(tmp_path):
    folder = write_corpus(
        tmp_path / "c",
        {"a": "SCO Leaders Meet\n\nThe SCO summit in Bishkek opened on Friday with all leaders present.\n"},
        metadata="article_id,outlet,published\na,Example News,2019-06-14\n",
    )
    tables = build(folder, tmp_path / "out")
    row = tables["articles"].iloc[0]
    assert row["published"] == pd.Timestamp("2019-06-14")
    assert row["published_source"] == "metadata"
    assert row["outlet"] == "Example News"
    assert row["summit_id"] == "2019-bishkek"


def test_cli_build_and_its_errors(tmp_path, capsys):
    folder = write_corpus(tmp_path / "c", {"a": "The SCO met. Leaders talked."})
    assert cli.main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert (tmp_path / "out" / "articles.csv").is_file()
    capsys.readouterr()

    (folder / "articles.csv").write_text("article_id,outlet\nghost,Nowhere\n", encoding="utf-8")
    before = (tmp_path / "out" / "articles.csv").read_bytes()
    assert cli.main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2
    assert "articles.csv" in err[0] and "ghost" in err[0] and "fix the id" in err[0]
    assert "--keep-going" in err[1]
    # the readable rest is built, complete files only, and the problem is on record
    assert (tmp_path / "out" / "articles.csv").read_bytes() == before
    problems = pd.read_csv(tmp_path / "out" / "problems.csv")
    assert problems[["article_id", "severity"]].values.tolist() == [["ghost", "error"]]
    assert cli.main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--keep-going", "--quiet"]) == 0


def test_build_skips_bad_files_and_builds_the_rest(tmp_path, capsys):
    folder = write_corpus(tmp_path / "c", {
        "good one": "SCO Summit Opens\n\nThe SCO summit in Astana opened on Wednesday.",
        "blank": "   \n\n",
        "caf\u00e9": "Leaders met in Bishkek for the SCO summit.",
    }, metadata="article_id,published,summit_id,colour\ngood one,2024-07-03,2099-atlantis,red\nblank,yesterday,,\n")
    (folder / "raw" / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (folder / "raw" / "legacy.txt").write_bytes("Caf\u00e9 talk in Dushanbe at the SCO summit.".encode("cp1252"))
    (folder / "raw" / "page.txt").write_text(
        "<html><body><h1>SCO in Astana</h1><p>Xi Jinping arrived in Astana.</p><script>alert(1)</script></body></html>",
        encoding="utf-8")
    tables = build(folder, tmp_path / "out")
    assert sorted(tables["articles"]["article_id"]) == ["caf\u00e9", "good one", "legacy", "page"]
    problems = tables["problems"]
    assert set(zip(problems["article_id"].fillna(""), problems["severity"])) == {
        ("blank", "error"), ("scan", "error"), ("legacy", "warning"), ("page", "warning"),
        ("good one", "warning"), ("", "warning"),
    }
    good = tables["articles"].set_index("article_id").loc["good one"]
    assert good["summit_id"] == "2024-astana"  # the unknown summit_id is reported and ignored
    page = tables["sentences"][tables["sentences"]["article_id"] == "page"]
    assert not page["text"].str.contains("alert").any()
    assert cli.main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out2")]) == 1
    assert "scan.txt" in capsys.readouterr().err


def test_cli_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["build", "--no-such-option"])
    assert info.value.code == 2


def test_one_process_build_counts_each_partition_as_it_is_analysed(tmp_path, monkeypatch):
    story = ("Leaders Gather in Astana\n\nPresident Kassym-Jomart Tokayev welcomed the leaders of the Shanghai "
             "Cooperation Organization to Astana on July 4, 2024, for the summit.\n")
    folder = write_corpus(tmp_path / "c", {f"a{i}": story.replace("leaders", f"{i} leaders") for i in range(5)})
    analysed, seen = [], []
    real = partitions.analyse_partition

    def counting(index, entries, settings):
        analysed.append(index)
        return real(index, entries, settings)

    class Bar:
        def update(self, n):
            seen.append((len(analysed), n))

        def close(self):
            pass

    monkeypatch.setattr(partitions, "PARTITION", 2)
    monkeypatch.setattr(partitions, "analyse_partition", counting)
    monkeypatch.setattr(run, "_progress", lambda total: Bar())
    tables = build(folder, tmp_path / "out")
    assert len(tables["articles"]) == 5
    assert seen == [(1, 2), (2, 2), (3, 1)]  # the bar moves after each partition, not once all are done


def test_build_whose_corpus_step_fails_leaves_the_previous_tables_whole(tmp_path, monkeypatch):
    story = ("Leaders Gather in Astana\n\nPresident Kassym-Jomart Tokayev welcomed the leaders of the Shanghai "
             "Cooperation Organization to Astana on July 4, 2024, for the summit.\n")
    folder = write_corpus(tmp_path / "c", {"a": story})
    build(folder, tmp_path / "out")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}
    (folder / "raw" / "b.txt").write_text(story.replace("July 4", "July 3"), encoding="utf-8")

    def failing(inputs, parts, **options):
        raise RuntimeError("claims step failed")

    monkeypatch.setattr(corpus_steps, "write_claims", failing)
    with pytest.raises(RuntimeError, match="claims step failed"):
        build(folder, tmp_path / "out")
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")} == before
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".staging")]


def test_scoanalysis_build_still_builds_once_the_subpackage_of_that_name_is_imported(tmp_path):
    import scoanalysis
    import scoanalysis.build  # noqa: F401 - makes the attribute scoanalysis.build this package
    from scoanalysis.exceptions import ParameterError

    folder = write_corpus(tmp_path / "c", {"a": "The SCO met."})
    with pytest.raises(ParameterError, match="unknown engine 'spark'"):
        scoanalysis.build(folder, tmp_path / "out", engine="spark")


def test_unknown_engine_is_a_parameter_error(tmp_path):
    from scoanalysis.exceptions import ParameterError

    folder = write_corpus(tmp_path / "c", {"a": "The SCO met."})
    with pytest.raises(ParameterError, match="unknown engine 'spark'"):
        build(folder, tmp_path / "out", engine="spark")


def test_partition_size_does_not_change_the_tables(tmp_path, monkeypatch):
    from conftest import ROOT
    import shutil

    shutil.copytree(ROOT / "data" / "raw", tmp_path / "c" / "raw")
    whole = build(tmp_path / "c", tmp_path / "whole")
    monkeypatch.setattr(partitions, "PARTITION", 2)
    parted = build(tmp_path / "c", tmp_path / "parted", force=True)
    assert len(list((tmp_path / "c" / "raw").iterdir())) == 5  # three partitions of 2, 2 and 1
    for name in whole:
        assert whole[name].equals(parted[name]), name
    for name in partitions.PART_TABLES:
        assert (tmp_path / "whole" / f"{name}.csv").read_bytes() == (tmp_path / "parted" / f"{name}.csv").read_bytes()
    leftovers = [p for p in (tmp_path / "parted").iterdir() if p.name.startswith(".staging")]
    assert leftovers == []


def test_build_without_loading_returns_only_the_problems(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": "The SCO met in Astana on July 4, 2024."})
    (folder / "raw" / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    result = build(folder, tmp_path / "out", load=False)
    assert list(result) == ["problems"]
    assert result["problems"]["article_id"].tolist() == ["bad"]
    assert (tmp_path / "out" / "sentences.csv").is_file()


def test_a_build_removes_the_summary_tables_an_older_version_wrote_and_nothing_else(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": "The SCO met in Astana on July 4, 2024."})
    out = tmp_path / "out"
    out.mkdir()
    for name in ("summary_leads.csv", "summary_leads.parquet", "my_notes.csv", "summary_leads.txt"):
        (out / name).write_text("article_id,lead\na,old\n", encoding="utf-8")
    build(folder, out, load=False)
    assert not (out / "summary_leads.csv").exists() and not (out / "summary_leads.parquet").exists()
    assert (out / "my_notes.csv").is_file() and (out / "summary_leads.txt").is_file()
    assert all((out / f"{name}.csv").is_file() for name in schema.SUMMARY_TABLES)
    assert "summary_leads.csv" not in json.loads((out / "manifest.json").read_text())["outputs"]


def test_cached_articles_keep_their_warnings(tmp_path):
    folder = write_corpus(tmp_path / "c", {})
    (folder / "raw" / "a.txt").write_bytes(b"The SCO met in Astana on July 4, 2024. Caf\xe9 \x93talks\x94.")
    first = build(folder, tmp_path / "out")["problems"]
    again = build(folder, tmp_path / "out", force=True)["problems"]
    assert first["problem"].str.contains("not UTF-8").sum() == 1
    assert again["problem"].tolist() == first["problem"].tolist()


def test_main_process_keeps_no_claims_or_mentions(tmp_path):
    from conftest import ROOT
    import dataclasses
    import shutil

    shutil.copytree(ROOT / "data" / "raw", tmp_path / "c" / "raw")
    seen, signatures = [], []
    real = run._run_partitions

    def spy(*args, **kwargs):
        seen.extend(real(*args, **kwargs))
        signatures.extend((h.words.dtype, h.stems.dtype, h.words.shape, len(h.signed)) for h in seen)
        return seen

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(run, "_run_partitions", spy)
        build(tmp_path / "c", tmp_path / "out", load=False)
    for handed in seen:
        fields = {f.name for f in dataclasses.fields(handed)}
        assert not fields & {"claims", "event_mentions", "attendance", "date_conflicts", "names"}
        assert list(handed.articles.columns) == ["article_id", "published", "summit_id"]
        assert handed.words is None and handed.stems is None  # dropped once the duplicates step pooled them
    for words, stems, shape, n in signatures:
        assert words == stems == "uint32" and shape == (n, 128)


def test_input_digests_are_looked_up_and_given_back_whole():
    given = {"raw/b.txt": "b" * 64, "raw/a.txt": "a" * 64, "raw/ünï/ç.txt": "c" * 64, "articles.csv": "d" * 64}
    table = run.Digests(given)
    assert {p: table.get(p) for p in given} == given
    assert table.get("raw/missing.txt") is None and table.get("raw/a.tx") is None and table.get("zzz") is None
    assert table.to_dict() == given


@pytest.mark.slow
def test_a_page_with_stray_nul_bytes_is_built_with_a_warning_also_from_the_cache(tmp_path):
    folder = write_corpus(tmp_path / "corpus", {"clean": "Leaders gathered in Bishkek for the summit on Friday."})
    (folder / "raw" / "scraped.txt").write_bytes(
        b"SCO leaders meet\n\nThe leaders met in Bishkek\x00 on Friday, officials said." + b" More text." * 20)
    for out in ("first", "again"):
        assert cli.main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
        problems = pd.read_csv(tmp_path / "out" / "problems.csv")
        assert problems[["article_id", "severity", "problem"]].values.tolist() == [
            ["scraped", "warning", "holds 1 stray NUL byte"]], out
        if out == "first":  # a second run takes the article from the cache and says it again
            (folder / "raw" / "clean.txt").write_text("Leaders gathered in Bishkek on Friday.", encoding="utf-8")
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv")
    raw = (folder / "raw" / "scraped.txt").read_bytes().decode("utf-8")
    for r in sentences[sentences["article_id"] == "scraped"].itertuples():
        assert raw[r.start:r.end].replace("\x00", " ") == r.text

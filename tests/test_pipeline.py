"""`build` and the command line on a temporary copy of the corpus."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from scoanalysis import cli, load_tables, schema
from scoanalysis.pipeline import build

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
    assert {"2014-dushanbe", "2022-samarkand", "2024-astana"} <= groups
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


def test_two_processes_give_the_same_tables_as_one(tmp_path):
    from conftest import ROOT
    import shutil

    shutil.copytree(ROOT / "data" / "raw", tmp_path / "c" / "raw")
    one = build(tmp_path / "c", tmp_path / "one")
    two = build(tmp_path / "c", tmp_path / "two", jobs=2)
    for name in one:
        assert one[name].equals(two[name]), name
    for name in schema.SUMMARY_TABLES:  # the reports' summaries too, byte for byte
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes(), name


@pytest.mark.slow
def test_dask_and_process_engines_give_the_same_tables_as_one_process(tmp_path, seed_sentences):
    from scoanalysis import synthetic

    corpus = synthetic.write_synthetic_corpus(seed_sentences, tmp_path / "synth", n=200, seed=7)
    one = build(corpus, tmp_path / "one")
    two = build(corpus, tmp_path / "two", jobs=2)
    dask = build(corpus, tmp_path / "dask", jobs=2, engine="dask")
    assert len(one["articles"]) == 200 and len(one["timexes"]) > 200 and len(one["entities"]) > 1000
    for name in one:
        assert one[name].equals(two[name]), name
        assert one[name].equals(dask[name]), name
    for name in schema.SUMMARY_TABLES:
        summary = (tmp_path / "one" / f"{name}.csv").read_bytes()
        assert summary == (tmp_path / "two" / f"{name}.csv").read_bytes() == (tmp_path / "dask" / f"{name}.csv").read_bytes(), name
    assert (tmp_path / "dask" / "articles.parquet").is_file()


def test_synthetic_corpus_is_deterministic(seed_sentences):
    from scoanalysis import synthetic

    a = list(synthetic.synthetic_articles(seed_sentences, n=5, seed=3))
    b = list(synthetic.synthetic_articles(seed_sentences, n=5, seed=3))
    assert a == b and len({t for _, t in a}) == 5


def test_one_process_build_counts_each_partition_as_it_is_analysed(tmp_path, monkeypatch):
    from scoanalysis import pipeline

    story = ("Leaders Gather in Astana\n\nPresident Kassym-Jomart Tokayev welcomed the leaders of the Shanghai "
             "Cooperation Organization to Astana on July 4, 2024, for the summit.\n")
    folder = write_corpus(tmp_path / "c", {f"a{i}": story.replace("leaders", f"{i} leaders") for i in range(5)})
    analysed, seen = [], []
    real = pipeline.analyse_partition

    def counting(index, entries, settings):
        analysed.append(index)
        return real(index, entries, settings)

    class Bar:
        def update(self, n):
            seen.append((len(analysed), n))

        def close(self):
            pass

    monkeypatch.setattr(pipeline, "PARTITION", 2)
    monkeypatch.setattr(pipeline, "analyse_partition", counting)
    monkeypatch.setattr(pipeline, "_progress", lambda total: Bar())
    tables = build(folder, tmp_path / "out")
    assert len(tables["articles"]) == 5
    assert seen == [(1, 2), (2, 2), (3, 1)]  # the bar moves after each partition, not once all are done


def test_build_whose_corpus_step_fails_leaves_the_previous_tables_whole(tmp_path, monkeypatch):
    from scoanalysis import pipeline

    story = ("Leaders Gather in Astana\n\nPresident Kassym-Jomart Tokayev welcomed the leaders of the Shanghai "
             "Cooperation Organization to Astana on July 4, 2024, for the summit.\n")
    folder = write_corpus(tmp_path / "c", {"a": story})
    build(folder, tmp_path / "out")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}
    (folder / "raw" / "b.txt").write_text(story.replace("July 4", "July 3"), encoding="utf-8")

    def failing(inputs, parts, **options):
        raise RuntimeError("claims step failed")

    monkeypatch.setattr(pipeline, "_claims", failing)
    with pytest.raises(RuntimeError, match="claims step failed"):
        build(folder, tmp_path / "out")
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")} == before
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".staging")]


def test_failed_partition_in_a_process_stops_the_build_without_the_queued_partitions(tmp_path, monkeypatch):
    import multiprocessing
    import time

    from scoanalysis import pipeline

    if multiprocessing.get_start_method() != "fork":  # the patched step below reaches the workers by fork
        pytest.skip("needs the fork start method")
    story = ("Leaders Gather in Astana\n\nPresident Kassym-Jomart Tokayev welcomed the leaders of the Shanghai "
             "Cooperation Organization to Astana on July 4, 2024, for the summit.\n")
    folder = write_corpus(tmp_path / "c", {f"a{i:02d}": story.replace("leaders", f"{i} leaders") for i in range(80)})
    seen = tmp_path / "seen"
    seen.mkdir()
    real = pipeline.analyse_article

    def slow_or_failing(article, **kwargs):
        if article.article_id == "a00":
            raise RuntimeError("cannot analyse a00")
        (seen / article.article_id).touch()
        time.sleep(0.1)  # a partition takes half a second: the failure is seen long before the queue could empty
        return real(article, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_article", slow_or_failing)
    monkeypatch.setattr(pipeline, "PARTITION", 5)  # 16 partitions of 5 (two processes alone would make 8 of 10)
    with pytest.raises(RuntimeError, match="cannot analyse a00"):
        build(folder, tmp_path / "out", jobs=2)
    # The pool hands out at most 2 running + 3 queued partitions past the failed one (25 articles, 30 if
    # a refill races the failure); without the cancelling, all 75 other articles would be analysed.
    assert len(list(seen.iterdir())) <= 40, sorted(p.name for p in seen.iterdir())
    assert not (tmp_path / "out" / "articles.csv").exists()


def test_renewed_pool_runs_the_next_tasks_on_new_spawned_processes():
    import os
    from concurrent.futures import ProcessPoolExecutor

    from scoanalysis import pipeline

    pool = pipeline._Pool(None, executor=ProcessPoolExecutor(max_workers=1), jobs=1)
    try:
        before = pool.submit(os.getpid).result()
        pool.renew()
        after = pool.submit(os.getpid).result()
        assert after != before and after != os.getpid()
        assert pool.executor._mp_context.get_start_method() == "spawn"  # shares no page of this process
    finally:
        pool.executor.shutdown()


def test_pool_is_released_only_when_every_task_is_done():
    import os
    import time
    from concurrent.futures import ProcessPoolExecutor

    from scoanalysis import pipeline

    pool = pipeline._Pool(None, executor=ProcessPoolExecutor(max_workers=1), jobs=1)
    try:
        done = pool.submit(os.getpid)
        done.result()
        running = pool.submit(time.sleep, 2)
        assert not pool.release([done, running])
        assert pool.submit(os.getpid).result() > 0  # still taking tasks
        running.result()
        assert pool.release([done, running])
        with pytest.raises(RuntimeError):
            pool.submit(os.getpid)
    finally:
        pool.executor.shutdown()
    assert not pipeline._Pool(None).release([])  # one process: nothing to stop


def test_unknown_engine_is_a_parameter_error(tmp_path):
    from scoanalysis.exceptions import ParameterError

    folder = write_corpus(tmp_path / "c", {"a": "The SCO met."})
    with pytest.raises(ParameterError, match="unknown engine 'spark'"):
        build(folder, tmp_path / "out", engine="spark")


def test_claim_counts_are_whole_numbers_beside_date_claims(tmp_path):
    raw = ("SCO Leaders Meet in Qingdao\n\nChinese President Xi Jinping welcomed leaders of the Shanghai Cooperation "
           "Organization to Qingdao on Saturday for a two-day summit.\n")
    nato = "Belarus joins NATO\n\nBelarus became a full member of NATO at the summit in Astana on Thursday, July 4, 2024.\n"
    folder = write_corpus(tmp_path / "c", {"q": raw, "n1": nato, "n2": nato.replace("Thursday, ", "")},
                          metadata="article_id,published\nq,2018-06-20\n")
    claims = build(folder, tmp_path / "out")["claims"]
    assert {"date_is", "becomes_member_of"} <= set(claims["predicate"])
    assert claims["n_conflicting_claims"].dtype.kind == "i"
    assert claims.loc[claims["predicate"] == "becomes_member_of", "n_conflicting_claims"].tolist() == [0, 0]
    written = (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert all(not line.endswith((",0.0", ",1.0")) for line in written)


def test_metadata_date_the_text_disagrees_with_becomes_a_claim(tmp_path):
    raw = ("SCO Leaders Meet in Qingdao\n\nChinese President Xi Jinping welcomed leaders of the Shanghai Cooperation "
           "Organization to Qingdao on Saturday for a two-day summit.\n\nThe leaders are expected to sign a declaration on Sunday.\n")
    folder = write_corpus(tmp_path / "c", {"q": raw}, metadata="article_id,published\nq,2018-06-20\n")
    tables = build(folder, tmp_path / "out")
    claims = tables["claims"]
    dated = claims[claims["predicate"] == "date_is"]
    assert len(dated) >= 1
    assert all(c == ["metadata:published"] for c in dated["conflicts_with"])
    assert dated["note"].str.contains("2018-06-20").all()
    assert tables["articles"].iloc[0]["summit_id"] == "2018-qingdao"
    assert (dated["n_conflicting_claims"] == 0).all()  # it contradicts the metadata, not another claim
    # the same text with the right date gives no such claim
    (folder / "articles.csv").write_text("article_id,published\nq,2018-06-09\n", encoding="utf-8")
    assert not (build(folder, tmp_path / "out")["claims"]["predicate"] == "date_is").any()


def test_partition_size_does_not_change_the_tables(tmp_path, monkeypatch):
    from conftest import ROOT
    import shutil

    from scoanalysis import pipeline

    shutil.copytree(ROOT / "data" / "raw", tmp_path / "c" / "raw")
    whole = build(tmp_path / "c", tmp_path / "whole")
    monkeypatch.setattr(pipeline, "PARTITION", 2)
    parted = build(tmp_path / "c", tmp_path / "parted", force=True)
    assert len(list((tmp_path / "c" / "raw").iterdir())) == 5  # three partitions of 2, 2 and 1
    for name in whole:
        assert whole[name].equals(parted[name]), name
    for name in pipeline.PART_TABLES:
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


def test_varied_synthetic_corpus_keeps_the_cues_and_plants_republications(seed_sentences):
    from scoanalysis import compare, synthetic, text

    plain = dict(synthetic.synthetic_articles(seed_sentences, n=60, seed=5))
    varied = dict(synthetic.synthetic_articles(seed_sentences, n=60, seed=5, vary_words=0.8, repeat=0.1))
    assert varied == dict(synthetic.synthetic_articles(seed_sentences, n=60, seed=5, vary_words=0.8, repeat=0.1))
    protected = synthetic._pattern_words()
    assert {"said", "summit", "attend", "monday"} <= protected
    words = lambda texts: {w for t in texts for w in synthetic._LOWER_WORD.findall(t)}
    assert words(varied.values()) - words(plain.values()) == set()  # swaps come from the corpus's own words
    paragraphs = {aid: set(t.strip().split("\n\n")) for aid, t in varied.items()}
    repeated = [a for a in paragraphs if any(a > b and paragraphs[a] < paragraphs[b] for b in paragraphs)]
    assert repeated, "repeat=0.1 re-publishes some earlier articles with a paragraph dropped"
    sents = text.sentences(pd.DataFrame({"article_id": list(varied), "text": list(varied.values())}))
    pairs = compare.duplicate_pairs(sents)
    assert len(pairs) >= 3 and set(pairs["relation"]) <= {"duplicate", "near_duplicate"}
    with pytest.raises(ValueError, match="vary_words"):
        next(synthetic.synthetic_articles(seed_sentences, n=1, vary_words=2.0))


def _all_at_once(corpus_dir, out):
    """Return events, attendance and claims computed from every article's records at once, written to `out` and read back."""
    from scoanalysis import attendance, claims, corpus, events, paths, pipeline, reference, text

    entries = corpus.list_corpus(corpus_dir, problems=[])
    tok = text.train_punkt(pipeline._sample(corpus_dir, entries, max_bytes=paths.MAX_ARTICLE_BYTES))
    read = (corpus.read_entry(corpus_dir, e, problems=[], max_bytes=paths.MAX_ARTICLE_BYTES) for e in entries)
    records = [pipeline.analyse_article(a, tokenizer=tok) for a in read if a is not None]
    articles = pd.DataFrame([r.article for r in records])

    def gathered(name):
        frames = [getattr(r, name) for r in records if len(getattr(r, name))]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    people = [r.entities[r.entities["entity_type"] == "person"].drop_duplicates("entity_id") for r in records]
    names = pd.DataFrame([n for p in people for n in zip(p["entity_id"], p["name"])], columns=["entity_id", "name"])
    tables = {
        "attendance": attendance.attendance(gathered("attendance"), entities=names),
        "events": events.events(gathered("event_mentions"), summits=reference.summits()),
        "claims": pd.concat([claims.check_claims(gathered("claims"), dates=pipeline._article_dates(articles)),
                             pipeline._date_claims(gathered("date_conflicts"), articles.set_index("article_id")["published"])],
                            ignore_index=True),
    }
    for name, frame in tables.items():
        schema.write_table(frame, name, out)
    return tables


def _assert_corpus_steps_by_bucket_equal_all_at_once(corpus_dir, tmp_path, monkeypatch):
    from scoanalysis import pipeline

    _all_at_once(corpus_dir, tmp_path / "once")
    default = build(corpus_dir, tmp_path / "default")
    monkeypatch.setattr(pipeline, "BUCKETS", 3)  # few buckets, small batches and chunks: every merge has work
    monkeypatch.setattr(pipeline, "EVENT_BATCHES", 2)
    monkeypatch.setattr(pipeline, "MENTIONS_PER_BATCH", 40)
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 7)
    monkeypatch.setattr(pipeline, "MERGE_ROWS", 3)
    few = build(corpus_dir, tmp_path / "few", force=True)
    for name in default:
        assert default[name].equals(few[name]), name
    for name in ("attendance", "events", "claims"):
        once = (tmp_path / "once" / f"{name}.csv").read_bytes()
        assert once == (tmp_path / "default" / f"{name}.csv").read_bytes(), name
        assert once == (tmp_path / "few" / f"{name}.csv").read_bytes(), name
        assert len(once.splitlines()) > 3, name  # the corpus has some of each
    return default


def test_corpus_steps_by_bucket_equal_all_at_once_on_the_seeds(corpus_copy, tmp_path, monkeypatch):
    raw = ("SCO Leaders Meet in Qingdao\n\nChinese President Xi Jinping welcomed leaders of the Shanghai Cooperation "
           "Organization to Qingdao on Saturday for a two-day summit.\n\nThe leaders are expected to sign a declaration on Sunday.\n")
    (corpus_copy / "raw" / "q.txt").write_text(raw, encoding="utf-8")  # with a date the text disagrees with
    with open(corpus_copy / "articles.csv", "a", encoding="utf-8") as fh:
        fh.write("q,,,,2018-06-20,\n")
    tables = _assert_corpus_steps_by_bucket_equal_all_at_once(corpus_copy, tmp_path, monkeypatch)
    assert (tables["claims"]["predicate"] == "date_is").any()  # date claims follow the checked ones


@pytest.mark.slow
def test_corpus_steps_by_bucket_equal_all_at_once_on_a_synthetic_corpus(tmp_path, seed_sentences, monkeypatch):
    from scoanalysis import synthetic

    corpus = synthetic.write_synthetic_corpus(seed_sentences, tmp_path / "synth", n=200, seed=11, vary_words=0.8,
                                              repeat=0.05)
    tables = _assert_corpus_steps_by_bucket_equal_all_at_once(corpus, tmp_path, monkeypatch)
    assert tables["articles"]["duplicate_of"].notna().any()  # the planted re-publications are found


def test_main_process_keeps_no_claims_or_mentions(tmp_path):
    from conftest import ROOT
    import dataclasses
    import shutil

    from scoanalysis import pipeline

    shutil.copytree(ROOT / "data" / "raw", tmp_path / "c" / "raw")
    seen, signatures = [], []
    real = pipeline._run_partitions

    def spy(*args, **kwargs):
        seen.extend(real(*args, **kwargs))
        signatures.extend((h.words.dtype, h.stems.dtype, h.words.shape, len(h.signed)) for h in seen)
        return seen

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "_run_partitions", spy)
        build(tmp_path / "c", tmp_path / "out", load=False)
    for handed in seen:
        fields = {f.name for f in dataclasses.fields(handed)}
        assert not fields & {"claims", "event_mentions", "attendance", "date_conflicts", "names"}
        assert list(handed.articles.columns) == ["article_id", "published", "summit_id"]
        assert handed.words is None and handed.stems is None  # dropped once the duplicates step pooled them
    for words, stems, shape, n in signatures:
        assert words == stems == "uint32" and shape == (n, 128)


def test_signatures_are_pooled_in_corpus_order_and_dropped_from_the_partitions():
    import numpy as np

    from scoanalysis import pipeline

    rng = np.random.default_rng(0)
    results = []
    for index, n in enumerate([3, 0, 2, 4]):  # the second partition signed no article
        words = rng.integers(0, 2**32, (n, 128), dtype=np.uint32) if n else None
        stems = rng.integers(0, 2**32, (n, 128), dtype=np.uint32) if n else None
        results.append(pipeline._Partition(index, signed=[f"p{index}a{k}" for k in range(n)], words=words, stems=stems))
    expected_words = np.concatenate([r.words for r in results if r.signed])
    expected_stems = np.concatenate([r.stems for r in results if r.signed])
    words, stems = pipeline._pooled_signatures(results)
    assert words.dtype == np.uint32 and words.shape == (9, 128)
    assert (words == expected_words).all() and (stems == expected_stems).all()
    assert all(r.words is None and r.stems is None for r in results)


def test_input_digests_are_looked_up_and_given_back_whole():
    from scoanalysis import pipeline

    given = {"raw/b.txt": "b" * 64, "raw/a.txt": "a" * 64, "raw/ünï/ç.txt": "c" * 64, "articles.csv": "d" * 64}
    table = pipeline._Digests(given)
    assert {p: table.get(p) for p in given} == given
    assert table.get("raw/missing.txt") is None and table.get("raw/a.tx") is None and table.get("zzz") is None
    assert table.to_dict() == given
    assert pipeline._Digests({}).get("raw/a.txt") is None and pipeline._Digests({}).to_dict() == {}

"""build.engines: one process, two processes and Dask give the same results; the process engine's memory handling."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from scoanalysis import corpus, paths, schema
from scoanalysis.build import engines, partitions
from scoanalysis.build.run import build

from conftest import ROOT, write_corpus


def test_two_processes_give_the_same_tables_as_one(tmp_path):
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


def _settings(tmp_path, name, tokenizer) -> partitions.Settings:
    return partitions.Settings(corpus_dir=str(ROOT / "data"), tokenizer=tokenizer, reference_dir=None,
                               max_bytes=paths.MAX_ARTICLE_BYTES, parts=str(tmp_path / name / "parts"),
                               cache=str(tmp_path / name / "cache"), context="test", buckets=3)


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_and_two_processes_give_the_same_partitions(tmp_path, seed_tokenizer):
    entries = corpus.list_corpus(ROOT / "data", problems=[])
    chunks = [[(e, None) for e in entries[i:i + 2]] for i in range(0, len(entries), 2)]  # 2, 2 and 1 articles
    handed = {}
    for name, jobs in (("one", 1), ("two", 2)):
        settings = _settings(tmp_path, name, seed_tokenizer)
        with engines.open_workers(settings, jobs=jobs, engine="process", scheduler=None) as workers:
            handed[name] = list(workers.map_partitions(chunks))
    one, two = handed["one"], handed["two"]
    assert [r.index for r in one] == [r.index for r in two] == [0, 1, 2]
    for a, b in zip(one, two):
        assert a.articles.equals(b.articles) and a.signed == b.signed and a.problems == b.problems
        assert (a.words == b.words).all() and (a.stems == b.stems).all() and a.words.dtype == np.uint32
        assert a.sections.keys() == b.sections.keys()
        assert all((a.sections[k] == b.sections[k]).all() for k in a.sections)
        assert (a.analysed, a.reused) == (b.analysed, b.reused) == (len(chunks[a.index]), 0)
    parts = _files(tmp_path / "one" / "parts")
    assert parts == _files(tmp_path / "two" / "parts")  # every part and inputs file, byte for byte
    assert {"sentences/00000002.parquet", "articles/00000000.parquet", "_inputs/00000001.pkl"} <= set(parts)


def test_in_process_tasks_run_when_their_result_is_asked_for():
    ran = []
    executor = engines.InProcessExecutor()
    first = executor.submit(ran.append, 1)
    failing = executor.submit(int, "x")
    cancelled = executor.submit(ran.append, 3)
    assert ran == [] and not first.done()
    assert first.result() is None and ran == [1] and first.done()
    for _ in range(2):  # raised on every call, as a worker's future does
        with pytest.raises(ValueError):
            failing.result()
    assert isinstance(failing.exception(), ValueError)
    assert cancelled.cancel() and cancelled.cancelled() and ran == [1]
    results = executor.map(lambda k: ran.append(k) or k, [4, 5])
    assert ran == [1] and next(results) == 4 and ran == [1, 4]  # one task at a time, as the build takes them
    executor.shutdown()
    with pytest.raises(RuntimeError):
        executor.submit(ran.append, 6)



def test_failed_partition_in_a_process_stops_the_build_without_the_queued_partitions(tmp_path, monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":  # the patched step below reaches the workers by fork
        pytest.skip("needs the fork start method")
    story = ("Leaders Gather in Astana\n\nPresident Kassym-Jomart Tokayev welcomed the leaders of the Shanghai "
             "Cooperation Organization to Astana on July 4, 2024, for the summit.\n")
    folder = write_corpus(tmp_path / "c", {f"a{i:02d}": story.replace("leaders", f"{i} leaders") for i in range(80)})
    seen = tmp_path / "seen"
    seen.mkdir()
    real = partitions.analyse_article

    def slow_or_failing(article, **kwargs):
        if article.article_id == "a00":
            raise RuntimeError("cannot analyse a00")
        (seen / article.article_id).touch()
        time.sleep(0.1)  # a partition takes half a second: the failure is seen long before the queue could empty
        return real(article, **kwargs)

    monkeypatch.setattr(partitions, "analyse_article", slow_or_failing)
    monkeypatch.setattr(partitions, "PARTITION", 5)  # 16 partitions of 5 (two processes alone would make 8 of 10)
    with pytest.raises(RuntimeError, match="cannot analyse a00"):
        build(folder, tmp_path / "out", jobs=2)
    # The pool hands out at most 2 running + 3 queued partitions past the failed one (25 articles, 30 if
    # a refill races the failure); without the cancelling, all 75 other articles would be analysed.
    assert len(list(seen.iterdir())) <= 40, sorted(p.name for p in seen.iterdir())
    assert not (tmp_path / "out" / "articles.csv").exists()


def test_renewed_workers_run_the_next_tasks_on_new_spawned_processes():
    with engines._processes(None, jobs=1) as workers:
        before = workers.submit(os.getpid).result()
        workers.renew()
        after = workers.submit(os.getpid).result()
        assert after != before and after != os.getpid()
        assert workers.executor._mp_context.get_start_method() == "spawn"  # shares no page of this process


def test_workers_are_released_only_when_every_task_is_done():
    with engines._processes(None, jobs=1) as workers:
        done = workers.submit(os.getpid)
        done.result()
        running = workers.submit(time.sleep, 2)
        assert not workers.release([done, running])
        assert workers.submit(os.getpid).result() > 0  # still taking tasks
        running.result()
        assert workers.release([done, running])
        with pytest.raises(RuntimeError):
            workers.submit(os.getpid)
    in_process = engines.Workers(engines.InProcessExecutor(), settings=None)
    assert not in_process.release([]) and in_process.renew() is None  # one process: nothing to stop or renew
    assert in_process.submit(os.getpid).result() == os.getpid()

"""benchmarks/bench_timeml.py reads TimeML as TempEval-3 defines it and scores the tagger as its scorer does."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-06-12" temporalFunction="false" functionInDocument="CREATION_TIME">June 12, 2019</TIMEX3></DCT>
<TITLE>Leaders gather</TITLE>
<TEXT>Leaders of the bloc arrived in Bishkek on <TIMEX3 tid="t1" type="DATE" value="2019-06-13">Thursday</TIMEX3> \
for a <TIMEX3 tid="t2" type="DURATION" value="P2D">two-day</TIMEX3> meeting &amp; talks.
The previous summit was held in <TIMEX3 tid="t3" type="DATE" value="2018">2018</TIMEX3>, \
officials said <TIMEX3 tid="t4" type="DATE" value="2019-06-11">yesterday</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_timeml", ROOT / "benchmarks" / "bench_timeml.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture
def doc(bench, tmp_path):
    path = tmp_path / "test001.tml"
    path.write_text(DOC, encoding="utf-8")
    return bench.read_tml(path)


def test_a_timeml_document_is_read_with_its_text_offsets_entities_and_dct(doc):
    assert doc.doc_id == "TEST001" and doc.dct == "2019-06-12"
    assert "Leaders gather" not in doc.text and "meeting & talks." in doc.text  # TITLE apart, entities decoded
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.gold] == [
        ("Thursday", "DATE", "2019-06-13"), ("two-day", "DURATION", "P2D"), ("2018", "DATE", "2018"),
        ("yesterday", "DATE", "2019-06-11")]


def test_the_tagger_scores_on_its_own_sentence_as_the_official_scorer_counts(bench, doc):
    bench.tag([doc], bench.punkt_for([doc]))
    score = bench.score_doc(doc, mapped=False)
    figures = score.figures()
    assert score.gold == 4 and score.relaxed >= 3  # Thursday, 2018 and yesterday at least
    assert figures["value F1"] == pytest.approx(figures["value acc"] * figures["relaxed F1"])
    assert figures["relaxed F1"] >= figures["strict F1"]
    ours = {doc.text[t.start:t.end]: t.value for t in doc.ours}
    assert ours.get("yesterday") == "2019-06-11" and ours.get("2018") == "2018"


def test_each_gold_timex_pairs_with_at_most_one_of_ours(bench):
    gold = [bench.Timex(0, 10, "", "DATE", "x"), bench.Timex(20, 30, "", "DATE", "y")]
    ours = [bench.Timex(0, 5, "", "DATE", "x"), bench.Timex(3, 12, "", "DATE", "x"), bench.Timex(25, 26, "", "DATE", "z")]
    pairs = bench.pair(gold, ours)
    assert len(pairs) == 2 and len({i for i, _ in pairs}) == 2 and len({j for _, j in pairs}) == 2

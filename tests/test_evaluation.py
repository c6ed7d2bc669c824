"""scoanalysis evaluate: scores hand-made tables against a hand-made gold file."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from scoanalysis import ParameterError, TableError, cli
from scoanalysis.evaluation import evaluate, fold, read_gold

GOLD = {
    "articles": {
        "a1": {"summit": "2024-astana", "dct": ["2024-07-03", "2024-07-04"], "translated": False},
        "a2": {"summit": "", "dct": ["2021-07-13", "2021-07-13"]},
        "a3": {"summit": "2014-dushanbe"},
    },
    "timexes": [
        ["a1", "wednesday", [["2024-07-03", "2024-07-03"]], "relative"],
        ["a1", "july 4, 2024", [["2024-07-04", "2024-07-04"]], "easy"],
        ["a2", "4th", [["2021-07-04", "2021-07-04"]], "hard"],
    ],
    "quotes": [
        ["a1", "We will deepen \u201ccooperation\u201d", "Kassym-Jomart Tokayev"],
        ["a1", "The summit opens", "Kremlin"],
        ["a2", "Not in the tables", "Someone"],
    ],
    "not_person_quotes": [["a1", "SCO plus"], ["a1", "Palace of Independence"]],
    "person_aliases": {"Kassym-Jomart Tokayev": ["Tokayev"], "Recep Tayyip Erdo\u011fan": ["Erdogan"]},
    "attendance": {
        "2024-astana": {"attended": ["Kassym-Jomart Tokayev", "Recep Tayyip Erdo\u011fan"], "absent": ["Narendra Modi"],
                        "expected_ok": True},
        "2014-dushanbe": {"attended": ["Xi Jinping"], "absent": []},
    },
}


def _tables() -> dict[str, pd.DataFrame]:
    return {
        "articles": pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                                  "summit_id": ["2024-astana", "2021-dushanbe", "2014-dushanbe"],
                                  "published": ["2024-07-04", "2021-07-13", ""],
                                  "translated": ["false", "true", "false"]}),
        "timexes": pd.DataFrame({"article_id": ["a1", "a1", "a2"],
                                 "text": ["on Wednesday", "July  4, 2024", "4th"],
                                 "earliest": ["2024-07-03", "2024-07-04", "2021-06-04"],
                                 "latest": ["2024-07-03", "2024-07-04", "2021-06-04"]}),
        "quotes": pd.DataFrame({"article_id": ["a1", "a1", "a1", "a1"],
                                "quote": ['We will deepen "cooperation" with all', "The summit opens today",
                                          "SCO plus", "Palace of Independence"],
                                "speaker": ["President Tokayev", "Russia", "Vladimir Putin", "Vladimir Putin"],
                                "quote_kind": ["direct", "direct", "scare", "partial"]}),
        "attendance": pd.DataFrame({"summit_id": ["2024-astana", "2024-astana", "2024-astana", "2014-dushanbe"],
                                    "name": ["Kassym-Jomart Tokayev", "Recep Tayyip Erdogan", "Narendra Modi",
                                             "Xi Jinping"],
                                    "status": ["expected", "attended", "represented", "expected"]}),
    }


def _measures(result) -> dict[str, tuple[int, int]]:
    return {m.name.strip(): (m.right, m.total) for m in result.measures}


def test_every_measure_counts_what_the_gold_and_the_tables_agree_on():
    got = _measures(evaluate(GOLD, _tables()))
    assert got["summit"] == (2, 3)  # a2 is about no summit; the tables give one
    assert got["published"] == (2, 2)  # a3 has no window and is not scored
    assert got["translated"] == (1, 1)
    assert got["date phrases"] == (2, 3) and got["hard"] == (0, 1)
    assert got["quotes found"] == (2, 3)
    assert got["quote speakers"] == (1, 3)  # "President Tokayev" contains an alias; "Russia" is not the Kremlin
    assert got["not-person quotes"] == (1, 2)  # a scare quote with a speaker is fine, a partial one is not
    # expected counts for Astana (expected_ok), not for Dushanbe; represented counts as absent; accents fold
    assert got["attendance facts"] == (3, 4)


def test_each_miss_names_the_article_the_gold_and_the_tables():
    misses = evaluate(GOLD, _tables()).misses
    summit = [m for m in misses if m.measure == "summit"]
    assert [(m.article_id, m.gold, m.tables) for m in summit] == [("a2", "(none)", "2021-dushanbe")]
    hard = next(m for m in misses if m.measure.startswith("date phrases"))
    assert hard.article_id == "a2" and "2021-07-04" in hard.gold and "2021-06-04" in hard.tables
    assert any(m.measure == "attendance facts" and m.article_id == "2014-dushanbe" and m.tables == "expected"
               for m in misses)
    assert [m.measure for m in misses] == sorted((m.measure for m in misses), key=[
        "summit", "published", "translated", "date phrases (hard)", "quotes found", "quote speakers",
        "not-person quotes", "attendance facts"].index)


def test_fold_ignores_case_accents_quote_marks_and_spacing():
    assert fold("  Erdo\u011fan \u201cSAID\u201d\n\u2018no\u2019 ") == "erdogan \"said\" 'no'"
    assert fold(None) == "" and fold(float("nan")) == ""


def test_the_command_prints_the_measures_and_json_and_exits_0(tmp_path, capsys):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    tables = tmp_path / "tables"
    tables.mkdir()
    for name, frame in _tables().items():
        frame.to_csv(tables / f"{name}.csv", index=False)
    assert cli.main(["evaluate", "--gold", str(gold), "--tables", str(tables)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["summit", "2", "/", "3", "66.7%"]
    assert "a2  gold: (none)  tables: 2021-dushanbe" in out
    assert cli.main(["evaluate", "--gold", str(gold), "--tables", str(tables), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {m["name"]: m["right"] for m in data["measures"]}["attendance facts"] == 3
    assert {"measure", "article_id", "gold", "tables"} == set(data["misses"][0])


def test_a_bad_gold_file_or_tables_folder_names_the_file_and_the_fix(tmp_path, capsys):
    with pytest.raises(ParameterError, match="does not exist"):
        read_gold(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ParameterError, match="bad.json is not JSON"):
        read_gold(bad)
    good = tmp_path / "gold.json"
    good.write_text(json.dumps(GOLD), encoding="utf-8")
    with pytest.raises(TableError, match="scoanalysis build"):
        evaluate(good, tmp_path / "no-tables")
    assert cli.main(["evaluate", "--gold", str(bad), "--tables", str(tmp_path)]) == 1
    assert "bad.json" in capsys.readouterr().err

"""The tables built from tests/fixtures/corpus equal, byte for byte, the committed golden tables.

The golden tables are the contract's examples made concrete: a change that alters any
output (a rule, a column, a number's formatting, the order of rows) shows up here as the
name of the table that changed. When a change of output is intended, rebuild them with
`make golden` and commit the new files with the change that explains them.
"""

from __future__ import annotations

import difflib

import pytest

from conftest import ROOT

GOLDEN = ROOT / "tests" / "fixtures" / "golden"
NAMES = sorted(p.name for p in GOLDEN.iterdir() if p.suffix in {".csv", ".json"})

pytestmark = pytest.mark.slow


def test_the_golden_folder_holds_every_table():
    assert {"articles.csv", "sentences.csv", "timexes.csv", "quotes.csv", "attendance.csv",
            "events.csv", "timeline.json"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_fixture_build_writes_the_golden_table(fixture_tables, name):
    built, golden = (fixture_tables / name).read_bytes(), (GOLDEN / name).read_bytes()
    if built != golden:
        diff = difflib.unified_diff(golden.decode().splitlines(), built.decode().splitlines(),
                                    "golden/" + name, "built/" + name, lineterm="", n=0)
        pytest.fail("\n".join(list(diff)[:40]))


def test_the_build_writes_no_table_the_golden_folder_lacks(fixture_tables):
    built = {p.name for p in fixture_tables.iterdir() if p.suffix == ".csv"} | {"timeline.json"}
    assert built <= set(NAMES)

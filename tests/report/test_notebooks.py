"""The report notebooks: thin, reading only bounded tables, and reading exactly what their metadata declares."""

from __future__ import annotations

import json

import matplotlib
import nbformat
import pytest

from scoanalysis import paths, report, summaries
from scoanalysis.summaries import read

matplotlib.use("Agg")

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))


def test_notebooks_read_only_bounded_tables():
    for path in NOTEBOOKS:
        code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
        assert "load_summaries" in code and "load_tables" not in code, path.name
        for name in ("sentences", "entities", "timexes", "quotes"):
            assert f'["{name}"]' not in code, (path.name, name)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_reads_the_tables_it_declares(path, fixture_tables, monkeypatch, tmp_path):
    """Its cells run in this process on the fixture tables read no table outside its declaration, and use every one."""
    import matplotlib.pyplot as plt

    asked = []
    real_one, real_head = read._read_one, read._read_head
    monkeypatch.setattr(read, "_read_one", lambda folder, name: asked.append(name) or real_one(folder, name))
    monkeypatch.setattr(read, "_read_head", lambda folder, name, rows: asked.append(name) or real_head(folder, name, rows))
    for name in ("sentence_texts", "article_sentences"):
        real = getattr(summaries, name)
        monkeypatch.setattr(summaries, name, lambda folder, refs, real=real: asked.append("sentences") or real(folder, refs))
    nb = nbformat.read(str(path), as_version=4)
    namespace = {"__name__": "__main__"}
    parameters = {"tables_dir": str(fixture_tables), "summit_id": "2024-astana", "figures_dir": str(tmp_path)}
    for k, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        exec(compile(cell.source, f"{path.name}[{k}]", "exec"), namespace)
        if k == 0:  # the parameters cell, then what papermill would inject
            namespace.update({key: value for key, value in parameters.items() if key in namespace})
    plt.close("all")
    declared = report.notebook_reads(path)
    assert set(asked) <= set(declared.tables), sorted(set(asked) - set(declared.tables))
    assert set(declared.tables) - set(asked) <= {"sentences"}, sorted(set(declared.tables) - set(asked))


def _summaries(summit_ids):
    import pandas as pd

    frame = pd.DataFrame({"summit_id": summit_ids, "article_id": [f"a{i}" for i in range(len(summit_ids))]})
    return summaries.Summaries.of({"summary_articles": frame, "articles": frame})


def test_an_unknown_summit_lists_the_summits_that_have_articles():
    from scoanalysis.exceptions import ParameterError
    from scoanalysis.report import parameters

    tables = _summaries(["2024-astana", "2019-bishkek", None])
    with pytest.raises(ParameterError, match=r"unknown summit_id '2099-atlantis'; summits with articles: 2019-bishkek, 2024-astana\.$"):
        parameters.check_summit(tables, "2099-atlantis")
    with pytest.raises(ParameterError, match="unknown summit_id 'astana'; summits with articles: 2019-bishkek, 2024-astana"):
        parameters.check_summits(tables, ["2024-astana", "astana"])
    parameters.check_summit(tables, "2024-astana")
    parameters.check_summits(tables, ["2024-astana", "2001-shanghai"])  # the comparison may show a summit without articles


def test_a_known_summit_without_articles_is_said_in_one_sentence():
    from scoanalysis.exceptions import ParameterError
    from scoanalysis.report import parameters

    with pytest.raises(parameters.SummitWithoutArticles) as info:
        parameters.check_summit(_summaries(["2024-astana"]), "2001-shanghai")
    assert isinstance(info.value, ParameterError)
    assert str(info.value) == "No article in these tables is about the summit 2001-shanghai; summits with articles: 2024-astana."


@pytest.mark.slow
def test_an_unknown_summit_id_fails_in_the_first_cell_after_the_parameters(fixture_tables):
    from scoanalysis.exceptions import ParameterError

    path = paths.NOTEBOOKS / "02-summit-profile.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    namespace = {"__name__": "__main__"}
    exec(compile(code[0].source, "parameters", "exec"), namespace)
    namespace.update(tables_dir=str(fixture_tables), summit_id="2099-atlantis")
    with pytest.raises(ParameterError) as info:
        exec(compile(code[1].source, "first cell", "exec"), namespace)
    assert "2099-atlantis" in str(info.value) and "2019-bishkek, 2024-astana" in str(info.value)

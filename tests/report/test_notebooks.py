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

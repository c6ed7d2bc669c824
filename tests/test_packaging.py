"""Project files agree with each other: dependencies, notebooks, Makefile, README."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml

from conftest import ROOT


def _name(requirement: str) -> str:
    """Return the distribution name of a requirement ("dask[distributed]>=1" -> "dask")."""
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    wanted |= {_name(r) for r in project["optional-dependencies"]["dev"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"pip", "python"}
    assert listed == wanted


def test_user_fixed_packages_are_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {_name(r) for r in project["dependencies"]}
    assert {"pandas", "matplotlib", "seaborn", "jupyterlab", "nltk", "papermill"} <= names
    assert project["scripts"]["scoanalysis"] == "scoanalysis.cli:main"


NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_report_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == ["01-corpus-overview", "02-summit-profile", "03-comparative-timeline"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin(path):
    nb = json.loads(path.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and code[0] is tagged[0]
    for cell in code:
        src = "".join(cell["source"])
        assert not re.search(r"^\s*(def|class) ", src, re.M)
        assert not re.search(r"['\"](\.\./|/|data/|reports/)", src), src
        assert not cell.get("outputs"), "notebooks are committed without outputs"
    for line in "".join(tagged[0]["source"]).splitlines():
        assert re.match(r"^\w+: \w+ = .+  # .+", line), line
    assert nb["cells"][0]["cell_type"] == "markdown" and nb["cells"][0]["source"][0].startswith("# ")


def test_makefile_targets_are_documented():
    text = (ROOT / "Makefile").read_text()
    for target in ("help", "report", "test", "lab"):
        assert re.search(rf"^{target}:.*## ", text, re.M), target


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[:1500]
    assert head.index("make report") < head.index("make test")


def test_readme_is_short_and_links_only_files_of_the_repository():
    readme = (ROOT / "README.md").read_text()
    assert len(readme.splitlines()) <= 200
    assert "../" not in readme
    for path in re.findall(r"`((?:docs|benchmarks|data/reference|notebooks)/[\w./-]+\.\w+)`", readme):
        assert (ROOT / path).exists(), path

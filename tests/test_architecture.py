"""The package's layout keeps its promises: data flows one way, no module holds several concerns' worth of lines."""

from __future__ import annotations

import ast
import functools

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "scoanalysis"
#: Each top-level module or subpackage on its floor; a floor imports only from floors below
#: it or its own (docs/architecture.md). The version string in scoanalysis/__init__ is read
#: by the manifest and the report from any floor.
FLOORS = [
    {"exceptions", "paths", "patterns", "heap", "frames"},
    {"schema", "storage", "text", "corpus", "reference", "manifest"},
    {"temporal", "entities", "summits", "quotes", "claims", "events", "attendance", "duplicates", "translation",
     "framing"},
    {"summaries"},
    {"build"},
    {"report"},
    {"evaluation", "synthetic", "cli", "__init__"},
]
MAX_LINES = 600


def _unit(module: str) -> str:
    """Return the top-level module or subpackage of `module` ("__init__" for a name scoanalysis/__init__ defines)."""
    parts = module.split(".")
    if len(parts) < 2 or not ((PACKAGE / f"{parts[1]}.py").exists() or (PACKAGE / parts[1]).is_dir()):
        return "__init__"
    return parts[1]


@functools.cache
def _imports() -> dict[str, set[str]]:
    """Return each top-level unit of the package with the units its modules import."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = parts[:-1] if parts[-1] != "__init__" else parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        unit = _unit(".".join(parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[:len(package) - (node.level - 1)] + ([node.module] if node.module else [])
                targets = [".".join(base + [a.name]) if not node.module and len(base) == 1 else ".".join(base)
                           for a in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scoanalysis"):
                targets = [node.module + ("." + a.name if node.module == "scoanalysis" else "") for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("scoanalysis")]
            found.setdefault(unit, set()).update(_unit(t) for t in targets if t.startswith("scoanalysis"))
    return found


def _floor(unit: str) -> int:
    return next(i for i, floor in enumerate(FLOORS) if unit in floor)


def test_every_unit_of_the_package_has_a_floor():
    units = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" or (p / "__init__.py").exists())}
    assert units == set().union(*FLOORS)


@pytest.mark.parametrize("unit", sorted(set().union(*FLOORS)))
def test_imports_go_down_the_floors_only(unit):
    upward = sorted(d for d in _imports().get(unit, ()) if d != unit and d != "__init__" and _floor(d) > _floor(unit))
    assert not upward, f"{unit} (floor {_floor(unit)}) imports from higher floors: {upward}"


def test_no_module_is_over_600_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long

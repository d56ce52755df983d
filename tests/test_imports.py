"""Every module under macros/ imports, and no two modules import each other, even indirectly.

The import graph is read from the source with `ast`: every `import` counts, also one inside a
function or under `if TYPE_CHECKING:`, since those are the usual ways of hiding a cycle that is
still there (model.py and posterdata.py did both). A cycle is a strongly connected component of
more than one module; the message names its modules and one path round it.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "macros"


def module_files(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for a package folder and everything under it."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports."""
    files = module_files(package)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join(parent + ([node.module] if node.module else []))
                # `from . import loader` imports a module; `from .model import Node` a name of one.
                targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that reach one another (Tarjan's strongly connected components),
    as one path round it: [a, b, ..., a]."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while (w := stack.pop()) != v:
                group.add(w)
            if group:
                found.append(_path_round(graph, v, group | {v}))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _path_round(graph: dict[str, set[str]], start: str, group: set[str]) -> list[str]:
    """A shortest path from `start` back to itself inside `group` (breadth first)."""
    paths = [[start]]
    while paths:
        path = paths.pop(0)
        for w in sorted(graph[path[-1]] & group):
            if w == start:
                return [*path, start]
            if w not in path:
                paths.append([*path, w])
    raise AssertionError(f"no path round {start}")


@pytest.mark.parametrize("module", sorted(module_files(PACKAGE)))
def test_module_imports(module):
    importlib.import_module(module)


def test_no_import_cycle():
    found = cycles(import_graph(PACKAGE))
    assert found == [], "import cycles: " + "; ".join(" -> ".join(c) for c in found) + (
        ". Move what both need into one of them or a third module (the data classes go in the model).")


def test_the_cycle_check_sees_a_hidden_cycle_and_passes_a_chain(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from .b import B\n", encoding="utf-8")
    (package / "b.py").write_text("from . import c\n", encoding="utf-8")
    (package / "c.py").write_text("def f():\n    from pkg.a import A\n", encoding="utf-8")
    (package / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n",
                                  encoding="utf-8")
    assert cycles(import_graph(package)) == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]
    # Negative control: without c's deferred import the same modules form a chain.
    (package / "c.py").write_text("def f():\n    return 1\n", encoding="utf-8")
    assert cycles(import_graph(package)) == []

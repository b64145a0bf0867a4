"""The import graph of the project's own modules: no circle, and data flows one way.

Layers, from the bottom (docs/architecture.md): the table schemas; the core types
(``pipeline.model``, ``errors``, ``options``, ``version``); the normalisers; reading;
segmentation; the extractors; orchestration, export and evaluation; the CLI and the
package's public API. A module may import its own layer and the layers below, never above.
Imports are read from the source with :mod:`ast` — at module level and inside functions
alike (a lazy import is still a dependency), except under ``if TYPE_CHECKING:``. The parent
packages a dotted import runs first are not counted: a package's ``__init__`` is judged by
its own imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("schemas", "pipeline", "extractors")

#: (prefix, layer): the first prefix that a module name starts with gives its layer.
LAYERS: tuple[tuple[str, int], ...] = (
    ("schemas", 0),
    ("pipeline.model", 1), ("pipeline.errors", 1), ("pipeline.options", 1), ("pipeline.version", 1),
    ("pipeline.normalize", 2),
    ("pipeline.read", 3),
    ("pipeline.segment", 4),
    ("extractors", 5),
    ("pipeline.runner", 6), ("pipeline.link", 6), ("pipeline.export", 6), ("pipeline.evaluate", 6),
    ("pipeline.review", 6),
    ("pipeline.cli", 7), ("pipeline.__main__", 7), ("pipeline", 7),
)


def _modules() -> dict[str, Path]:
    mods = {}
    for pkg in PACKAGES:
        for path in sorted((REPO / pkg).rglob("*.py")):
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            mods[".".join(parts)] = path
    return mods


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """Project modules that ``module`` imports."""
    is_pkg = path.name == "__init__.py"
    found: set[str] = set()

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if (target := resolve(alias.name)):
                        found.add(target)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = module.split(".")
                    base = base if is_pkg else base[:-1]
                    base = base[:len(base) - (child.level - 1)]
                    prefix = ".".join(base + ([child.module] if child.module else []))
                else:
                    prefix = child.module or ""
                for alias in child.names:
                    target = resolve(f"{prefix}.{alias.name}") if f"{prefix}.{alias.name}" in known \
                        else resolve(prefix)
                    if target:
                        found.add(target)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = _modules()
    return {m: _imports(m, p, set(mods)) for m, p in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), or a self-loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def _layer(module: str) -> int:
    for prefix, layer in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return layer
    raise AssertionError(f"{module} has no layer in tests/test_architecture.LAYERS")


def test_architecture_no_import_circle(graph: dict[str, set[str]]) -> None:
    assert _cycles(graph) == []


def test_architecture_imports_only_downwards(graph: dict[str, set[str]]) -> None:
    upward = sorted((m, t) for m, targets in graph.items() for t in targets if _layer(t) > _layer(m))
    assert upward == []


@pytest.mark.parametrize("edges, expected", [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set()}, []),
])
def test_architecture_cycle_finder(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert _cycles(edges) == expected


def test_architecture_reads_lazy_and_relative_imports(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pipeline.cli\n"
                   "def f():\n    from pipeline.read import ocr\n    from . import x\n", encoding="utf-8")
    known = {"pipeline.read", "pipeline.read.ocr", "pipeline.cli", "pipeline.segment.x", "pipeline.segment"}
    assert _imports("pipeline.segment.m", src, known) == {"pipeline.read.ocr", "pipeline.segment.x"}


def test_architecture_evaluation_reads_tables_not_readers(graph: dict[str, set[str]]) -> None:
    """pipeline.evaluate measures what a run wrote: it imports no extractor, reader or
    segmenter (a coverage cue that shared a reader's pattern could not see its blind spot)."""
    readers = ("extractors", "pipeline.read", "pipeline.segment", "pipeline.runner")
    found = sorted((m, t) for m, targets in graph.items() if m.startswith("pipeline.evaluate")
                   for t in targets if any(t == r or t.startswith(r + ".") for r in readers))
    assert found == []

"""The package's shape, as docs/architecture.md draws it, kept by its import graph.

Every ``import`` in ``resumeconv/`` (module level or inside a function) is an edge. The rules:
readers and writers never import each other, nothing imports the CLI but the CLI, only
``cli/`` starts processes, handles signals or prints, and there are no cycles.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

ROOT = REPO
PACKAGE = ROOT / "resumeconv"

#: Edges that break a rule today, each with the open work that removes it. The test fails
#: when one is no longer there, so this list can only shrink.
PENDING: dict[tuple[str, str], str] = {}

#: Modules of the standard library that only the CLI may use: worker processes, signals.
PROCESS_MODULES = ("multiprocessing", "concurrent.futures", "signal")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _trees() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


TREES = _trees()


def _imported(name: str, tree: ast.Module) -> set[str]:
    """Every module ``name`` imports (ours resolved to a module of the package, others as
    written), ``from package import submodule`` counted as the submodule."""
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return found


def _ours(module: str) -> str | None:
    while module and module not in MODULES:
        module = module.rpartition(".")[0]
    return module or None


GRAPH = {
    name: {m for m in map(_ours, _imported(name, tree)) if m and m != name}
    for name, tree in TREES.items()
}
EXTERNAL = {name: _imported(name, tree) for name, tree in TREES.items()}


def _edges(source: str, target: str) -> list[tuple[str, str]]:
    return sorted(
        (a, b)
        for a, targets in GRAPH.items()
        if a.startswith(source)
        for b in targets
        if b.startswith(target)
    )


def _rule(source: str, target: str) -> list[tuple[str, str]]:
    return [edge for edge in _edges(source, target) if edge not in PENDING]


def test_the_graph_sees_the_package() -> None:
    """A rule over an empty graph would pass for nothing: the known edges are found."""
    assert "resumeconv.exporters.pdf" in MODULES
    assert "resumeconv.api" in GRAPH["resumeconv.cli"]
    assert "resumeconv.formats" in GRAPH["resumeconv.api"]


def test_writers_never_import_readers() -> None:
    assert _rule("resumeconv.exporters", "resumeconv.importers") == []


def test_readers_never_import_writers() -> None:
    assert _rule("resumeconv.importers", "resumeconv.exporters") == []


def test_validation_imports_no_reader_or_writer() -> None:
    assert _rule("resumeconv.validation", "resumeconv.importers") == []
    assert _rule("resumeconv.validation", "resumeconv.exporters") == []


def test_only_the_cli_imports_the_cli() -> None:
    outside = [
        (a, b) for a, b in _edges("resumeconv", "resumeconv.cli") if a.split(".")[1] != "cli"
    ]
    assert [edge for edge in outside if edge[0] != "resumeconv.__main__"] == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("resumeconv.cli")))
def test_only_the_cli_knows_about_processes_and_prints(name: str) -> None:
    """The library returns values and raises errors; the CLI runs workers and talks."""
    used = [m for m in EXTERNAL[name] if m.startswith(PROCESS_MODULES)]
    calls = [
        ast.unparse(node.func)
        for node in ast.walk(TREES[name])
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) in ("print", "os.getpid", "os.fork", "sys.exit")
    ]
    streams = [
        ast.unparse(node)
        for node in ast.walk(TREES[name])
        if isinstance(node, ast.Attribute) and ast.unparse(node) in ("sys.stdout", "sys.stderr")
    ]
    if name == "resumeconv.__main__":  # `python -m resumeconv` hands its exit status on
        calls = [c for c in calls if c != "sys.exit"]
    assert (used, calls, streams) == ([], [], [])


def test_no_import_cycles() -> None:
    """Strongly connected components of the graph (Tarjan), none bigger than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert cycles == []


def test_pending_exceptions_are_still_needed() -> None:
    """An exception whose edge is gone must be deleted from PENDING (the list only shrinks)."""
    stale = [edge for edge in PENDING if edge[1] not in GRAPH.get(edge[0], set())]
    assert stale == []

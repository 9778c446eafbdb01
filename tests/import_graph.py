"""The import graph of the ``liquidsite`` package, read from the source with ``ast``.

An edge ``a -> b`` means module ``a`` imports ``b``. Imports that run when the
module is imported (top level, class bodies, ``try``/``if`` at top level) are
told apart from imports inside functions, which run only when called, and from
imports under ``if TYPE_CHECKING:``, which never run (only the type checker's). Importing ``p.q.r`` first
runs the packages ``p`` and ``p.q``, so those are edges too (except from modules
inside them: a package is always imported before its modules).

Run ``python3 tests/import_graph.py [ROOT]`` to print the strongly connected
components (import cycles) of each graph and of their unions.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Iterator

PACKAGE = "liquidsite"
ROOT = Path(__file__).resolve().parent.parent


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


AT_IMPORT, IN_FUNCTION, TYPE_ONLY = "at import", "in function", "type only"


def _imports(tree: ast.AST, where: str = AT_IMPORT) -> Iterator[tuple[ast.stmt, str]]:
    """Each import statement of *tree* and when it runs: at import, in a function, never (typing)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, where
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                yield from _imports(ast.Module([child], []), TYPE_ONLY)
            for child in node.orelse:
                yield from _imports(ast.Module([child], []), where)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _imports(node, IN_FUNCTION if where == AT_IMPORT else where)
        else:
            yield from _imports(node, where)


def _targets(node: ast.stmt, module: str, is_package: bool, known: dict[str, Path]) -> Iterator[str]:
    """The package modules *node* (in *module*) imports, their parent packages included."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[:len(base) - node.level + 1]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        names = [prefix]
        names += [f"{prefix}.{alias.name}" for alias in node.names if f"{prefix}.{alias.name}" in known]
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            candidate = ".".join(parts[:end])
            if candidate in known and candidate != module and not module.startswith(candidate + "."):
                yield candidate  # a package enclosing *module* is already importing: not an edge


def import_graph(root: Path = ROOT) -> dict[str, dict[str, set[str]]]:
    """The edges of each kind of import: ``AT_IMPORT``, ``IN_FUNCTION``, ``TYPE_ONLY``."""
    known = modules(root)
    graphs: dict[str, dict[str, set[str]]] = {
        kind: {name: set() for name in known} for kind in (AT_IMPORT, IN_FUNCTION, TYPE_ONLY)}
    for name, path in known.items():
        tree = ast.parse(path.read_text(), str(path))
        for node, kind in _imports(tree):
            graphs[kind][name].update(_targets(node, name, path.name == "__init__.py", known))
    return graphs


def union(*graphs: dict[str, set[str]]) -> dict[str, set[str]]:
    return {name: set().union(*(graph[name] for graph in graphs)) for name in graphs[0]}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of *graph* with more than one module (Tarjan), largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found, key=lambda component: (-len(component), component))


def _print(title: str, graph: dict[str, set[str]]) -> None:
    components = cycles(graph)
    print(f"{title}: {sum(map(len, graph.values()))} edges, {len(components)} cycle(s)")
    for component in components:
        print(f"  {len(component)} modules: {', '.join(component)}")


def main(root: Path = ROOT) -> int:
    graphs = import_graph(root)
    _print("imports run at import time", graphs[AT_IMPORT])
    _print("imports inside functions", graphs[IN_FUNCTION])
    _print("both", union(graphs[AT_IMPORT], graphs[IN_FUNCTION]))
    _print("both, and `if TYPE_CHECKING:` imports", union(*graphs.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))

"""The package's layout: imports flow one way, families stay in their rooms, heavy imports stay out.

The import graph is read from the source (every ``import`` statement, including
those under ``TYPE_CHECKING`` and inside functions), so that a cycle or a
reach back up the data flow fails here before it bites at run time.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "rectmodel"
PYPROJECT = PACKAGE.parents[1] / "pyproject.toml"


def _floors() -> dict[str, int]:
    """The floor of each top-level module, read from the import-linter layers contract in pyproject.toml.

    The data flows one way: a module may import only from its own floor or below. The contract
    lists the floors top first; a name in parentheses is one the contract allows to be absent.
    """
    contracts = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    (layers,) = (c["layers"] for c in contracts if c.get("id") == "layers")
    floors = {"__init__": len(layers)}  # the face re-exports from every floor
    for height, floor in enumerate(reversed(layers)):
        for name in re.split(r"[|:]", floor):
            floors[name.strip().strip("()")] = height
    return floors


LAYERS = _floors()

# A module ``rectmodel/x.py`` or package ``rectmodel/x/`` is tested in ``tests/test_x.py`` (a leading
# underscore dropped), except where named here.
TEST_FILES = {
    "sql": "test_sqlite.py",  # the module writes SQLite; its tests open the export in SQLite and DuckDB
    "__main__": None,  # ``python -m rectmodel`` only calls cli.main (tests/test_cli.py runs it)
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, source: str, modules: dict[str, Path], *, is_package: bool = False) -> set[str]:
    """The package's modules that *name* imports, resolved to modules (not names inside them)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            targets = [f"{stem}.{alias.name}" for alias in node.names] + [stem]
        else:
            continue
        for imported in targets:
            module = imported
            while module and module not in modules:
                module = module.rpartition(".")[0]
            if module and module != name:
                found.add(module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: _imports(name, path.read_text("utf-8"), modules, is_package=path.name == "__init__.py")
        for name, path in modules.items()
    }


def _layer(module: str) -> int:
    parts = module.split(".")
    key = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS[key]


def _drawn_floors() -> str:
    """The floors as docs/architecture.md draws them: top first, each with its height."""
    contracts = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    (layers,) = (c["layers"] for c in contracts if c.get("id") == "layers")
    return "\n".join(f"{len(layers) - 1 - i:>2}  {floor}" for i, floor in enumerate(layers))


def test_the_architecture_page_draws_the_floors_of_the_contract() -> None:
    page = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text("utf-8")
    drawn = page.split("<!-- floors:", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    assert drawn == _drawn_floors(), "redraw the floors in docs/architecture.md from [tool.importlinter]"


def test_every_module_has_a_layer() -> None:
    unknown = sorted({m.split(".")[1] for m in _modules() if "." in m} - set(LAYERS))
    assert unknown == [], f"add these to the layers contract in pyproject.toml: {unknown}"


def test_imports_never_reach_back_up_the_data_flow() -> None:
    upward = [
        f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})"
        for module, targets in _graph().items()
        for target in targets
        if target != "rectmodel" and _layer(target) > _layer(module)
    ]
    assert upward == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every back edge of a depth-first walk, as the cycle it closes (a package and its members excepted)."""
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target.startswith(node + ".") or node.startswith(target + "."):
                continue  # a package and its own members: the face re-exports, members share helpers
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


def test_the_package_has_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    """The checks above can fail: two modules importing each other are found, relative imports resolved."""
    modules = {"p.a": Path("a.py"), "p.b": Path("b.py"), "p.c": Path("c.py")}
    graph = {
        "p.a": _imports("p.a", "from .b import x\n", modules),
        "p.b": _imports("p.b", "from . import c\nimport p.a\n", modules),
        "p.c": _imports("p.c", "import os\n", modules),
    }
    assert graph == {"p.a": {"p.b"}, "p.b": {"p.a", "p.c"}, "p.c": set()}
    assert _cycles(graph) == [["p.a", "p.b", "p.a"]]


@pytest.mark.parametrize("path", sorted((PACKAGE / "rules").glob("*.py")), ids=lambda p: p.name)
def test_no_rule_module_imports_the_graph_or_networkx(path: Path) -> None:
    imports = _imports(_module_name(path), path.read_text("utf-8"), _modules())
    assert "rectmodel.graph" not in {".".join(m.split(".")[:2]) for m in imports}
    tree = ast.parse(path.read_text("utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(n.split(".")[0] == "networkx" for n in names)


def test_import_rectmodel_loads_no_heavy_dependency() -> None:
    """``import rectmodel`` stays light: the graph, strategies, schema checks and notice files import theirs on use."""
    code = "import sys, rectmodel; print(' '.join(sorted(m for m in sys.modules if '.' not in m)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    heavy = {"networkx", "hypothesis", "jsonschema", "docx", "trafilatura", "lxml", "pypdf"}
    assert heavy & set(out) == set()


def test_every_module_has_a_test_file_of_its_own() -> None:
    tests = Path(__file__).resolve().parent
    tops = sorted({p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.glob("*") if _is_module(p)})
    expected = {top: TEST_FILES.get(top, f"test_{top.lstrip('_')}.py") for top in tops if top != "__init__"}
    missing = sorted(f"{top}: tests/{name}" for top, name in expected.items() if name and not (tests / name).exists())
    assert missing == []
    assert set(TEST_FILES) <= set(tops), "TEST_FILES names a module that is gone"


def _is_module(path: Path) -> bool:
    return (path.suffix == ".py") or (path / "__init__.py").exists()

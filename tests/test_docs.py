"""The examples in the package's docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, settings

import rectmodel

from support import ROOT

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(rectmodel.__path__, "rectmodel.") if m.name != "rectmodel.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        n for n in vars(rectmodel) if not n.startswith("_") and not isinstance(getattr(rectmodel, n), type(rectmodel))
    }
    assert public == set(rectmodel.__all__) - {"__version__"}
    for name in rectmodel.__all__:
        assert getattr(rectmodel, name).__doc__ or name == "__version__", f"{name} has no docstring"


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", path.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", ["property-testing.md"])
def test_docs_page_examples_run(page: str) -> None:
    blocks = _python_blocks(ROOT / "docs" / page)
    assert blocks, f"{page} has no python example"
    for block in blocks:
        exec(compile(block, f"docs/{page}", "exec"), {"__name__": f"docs_{page}"})


def test_the_docs_example_catches_a_broken_tool() -> None:
    """The worked example's properties are not vacuous: a gate that lets everything through fails them."""
    namespace: dict[str, Any] = {"__name__": "docs_example"}
    block = _python_blocks(ROOT / "docs" / "property-testing.md")[0]
    definitions = block.split("\ntest_one_row_per_measure()")[0]
    previous = settings.default
    settings.register_profile("docs-no-shrink", settings(previous, phases=[Phase.generate]))
    settings.load_profile("docs-no-shrink")  # the example's @settings inherit it: fail fast, no shrinking
    try:
        exec(compile(definitions, "docs/property-testing.md", "exec"), namespace)
    finally:
        settings.register_profile("docs-previous", previous)
        settings.load_profile("docs-previous")
    namespace["import_gate"] = lambda ledger: True
    with pytest.raises(AssertionError):
        namespace["test_gate_refuses_each_kind_of_broken_ledger"]()

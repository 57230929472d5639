"""The examples in the package's docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import rectmodel

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

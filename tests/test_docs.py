"""The examples in the package's docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, settings

import rectmodel
from rectmodel.cli import main

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
        n for n in dir(rectmodel) if not n.startswith("_") and not isinstance(getattr(rectmodel, n), type(rectmodel))
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


def _doctest_page(path: Path) -> doctest.TestResults:
    """Run the ``>>>`` examples of a page's python blocks as one doctest (the blocks share names), from the root."""
    text = "\n".join(_python_blocks(path))
    test = doctest.DocTestParser().get_doctest(text, {"__name__": path.stem}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("page", ["quickstart-developer.md"])
def test_quickstart_doctests_pass(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples load examples/… as a reader in a checkout would
    result = _doctest_page(ROOT / "docs" / page)
    assert result.attempted > 0, f"{page} has no doctest"
    assert result.failed == 0


def _console_sessions(text: str) -> list[tuple[list[str], str]]:
    """Each ``$ rectmodel …`` command of the page's console blocks, with the output printed under it."""
    sessions: list[tuple[list[str], str]] = []
    for block in re.findall(r"^```console\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        for command, output in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, flags=re.MULTILINE):
            sessions.append((shlex.split(command), output))
    return sessions


def test_clerk_quickstart_commands_print_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command of the clerk's quickstart, run in order in an empty folder, prints exactly its shown output."""
    text = (ROOT / "docs" / "quickstart-clerk.md").read_text(encoding="utf-8")
    for name, content in re.findall(r"^`([^`]+\.txt)`:\n\n```text\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    sessions = _console_sessions(text)
    assert len(sessions) >= 3
    for argv, shown in sessions:
        assert argv[0] == "rectmodel"
        main(argv[1:])
        captured = capsys.readouterr()
        assert captured.out + captured.err == shown, f"update docs/quickstart-clerk.md: $ {shlex.join(argv)}"


def _in_a_fresh_process(code: str, lazy: tuple[str, ...], module: str) -> None:
    """Run *code* in a new interpreter after checking that ``import rectmodel`` left *lazy* unloaded;
    then that *module* refuses a name it lacks with ``AttributeError``."""
    code = (
        f"import sys, rectmodel\nlazy = {lazy!r}\n"
        "assert not [m for m in lazy if m in sys.modules], sorted(sys.modules)\n"
        f"{code}"
        f"try:\n    {module}.nothing\nexcept AttributeError as e:\n    assert 'nothing' in str(e)\n"
        "else:\n    raise SystemExit('no AttributeError')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_import_rectmodel_loads_the_words_of_messages_only_when_one_is_first_rendered() -> None:
    """The tables of words (the command line's, the lexicons, the renderer) load on first use, by their names."""
    code = (
        "issue = rectmodel.LoadIssue('not-json', '', {'reason': 'Expecting value'}, line=1, column=1)\n"
        "error = rectmodel.LoadError([issue], source='a.json')\n"
        "assert 'a.json' in str(error) and issue.message('zh') != issue.message('en'), str(error)\n"
        "from rectmodel.messages import CliText, say\n"
        "assert say(CliText.NONE, 'zh') and all(m in sys.modules for m in lazy)\n"
    )
    lazy = ("rectmodel.messages._core", "rectmodel.messages.cli", "rectmodel.messages.lexicons")
    _in_a_fresh_process(code, lazy, "rectmodel.messages")


def test_import_rectmodel_loads_neither_the_rules_nor_annotation_until_they_are_used() -> None:
    """What the package loads on first use still comes by its public name (SPEC 1's lazy attributes)."""
    code = (
        "from rectmodel import validate, annotate, reconcile\n"
        "assert validate is rectmodel.rules.validate and all(m in sys.modules for m in lazy)\n"
    )
    _in_a_fresh_process(code, ("rectmodel.rules", "rectmodel.annotation", "rectmodel.reconciliation"), "rectmodel")

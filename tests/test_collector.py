"""The collector is paused while rectmodel builds what has no cycle, and left as it was found."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectmodel._collector import paused
from rectmodel.batch import validate_many

from support import minimal_document


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_the_collector_is_off_inside_and_on_again_after() -> None:
    gc.enable()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_an_exception_inside_still_restores_the_collector() -> None:
    gc.enable()
    with pytest.raises(KeyError), paused():
        raise KeyError("x")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_batch_pauses_the_collector_only_while_it_works(tmp_path: Path) -> None:
    gc.enable()
    paths = []
    for k in range(3):
        path = tmp_path / f"{k}.json"
        path.write_text(json.dumps(minimal_document(id=f"r{k}")), encoding="utf-8")
        paths.append(str(path))
    seen = []
    for _ in validate_many(paths, jobs=1):
        seen.append(gc.isenabled())  # the caller's code runs with the collector as it left it
    assert seen == [True, True, True]
    assert gc.isenabled()


def test_validating_a_ledger_straight_after_loads_starts_no_collection_over_it() -> None:
    """loads leaves its objects young; validate (and the import of the rules it makes on first use)
    pauses the collector before allocating anything, so no collection rescans the ledger there."""
    import subprocess
    import sys

    code = """
import gc, json, rectmodel
doc = {"inspections": [{"id": "r", "problems": [
    {"id": f"P{i % 2999}", "title": "t", "measures": [{"id": f"M{i}", "text": "m"}]} for i in range(3000)]}]}
data = json.dumps(doc).encode()
ledger = rectmodel.loads(data)
starts = []
gc.callbacks.append(lambda phase, info: starts.append(info["generation"]) if phase == "start" else None)
report = rectmodel.validate(ledger)
gc.callbacks.clear()
print(len(starts), sorted({d.rule for d in report.diagnostics if d.severity.value == "error"}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert out == ["0", "['duplicate-id']"]  # no collection; and the rules did run (P0 is there twice)

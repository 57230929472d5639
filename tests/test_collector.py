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

"""Golden files: what the reader gets from each seed notice, committed and compared in full.

A change in what is read — a fact, a count, a date, a group, a problem, a measure, a state, a
diagnostic and its line — shows as a diff of ``tests/golden/<seed>.json``. The notices' prose is
not committed (the seeds stay in ``../shared``): each text the notice words (titles, descriptions,
measures, notes) is kept as its length and a digest, so a change in the words read still shows.

To accept a change on purpose: ``RECTMODEL_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review
the diff.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from rectmodel import dumps
from rectmodel.notices import read

from support import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
_WORDED = frozenset({"title", "description", "text", "note"})  # the notice's own prose


def _digest(text: str) -> str:
    return f"{len(text)} chars sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def _masked(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _masked(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, str) and key in _WORDED:
        return _digest(value)
    return value


def golden_of(path: Path) -> dict[str, Any]:
    """The reading of one notice as committed: the ledger (prose digested) and the diagnostics."""
    result = read(path)
    return {
        "ledger": _masked(json.loads(dumps(result.ledger))),
        "diagnostics": [
            {"line": d.line, "severity": str(d.severity), "code": str(d.params.get("code")), "pointer": d.pointer}
            for d in result.diagnostics
        ],
        "lines": dict(sorted(result.lines.items())),
        "placed": {str(k): v for k, v in sorted(result.placed.items())},
    }


SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_FILES, reason="needs ../shared/seeds")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_each_seed_reads_as_its_golden_file(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    got = golden_of(path)
    if os.environ.get("RECTMODEL_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.is_file(), f"no golden file for {path.name}: run with RECTMODEL_UPDATE_GOLDEN=1"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_every_golden_file_has_its_seed_or_is_kept_for_one() -> None:
    stems = {p.stem for p in GOLDEN.glob("*.json")}
    assert stems, "tests/golden/ is empty"
    if SEED_FILES:
        assert stems == {p.stem for p in SEED_FILES}

"""Shared paths and builders for the test suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SEEDS = ROOT.parent / "shared" / "seeds"


def minimal_document(**inspection: Any) -> dict[str, Any]:
    """A smallest valid document with one inspection; keyword arguments override its fields."""
    base: dict[str, Any] = {"id": "i1", "kind": "regular", "inspector": "市委第一巡察组", "target": "某局党组"}
    base.update(inspection)
    return {"inspections": [base]}

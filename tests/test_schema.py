"""The committed JSON Schema is the model's, and every example obeys it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from rectmodel.schema import SCHEMA_ID, SCHEMA_VERSION, json_schema, json_schema_text

from support import EXAMPLES, ROOT

COMMITTED = ROOT / "schemas" / "ledger.schema.json"


def test_committed_schema_is_what_the_model_generates() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_schema_text(), (
        "run: rectmodel schema -o schemas/ledger.schema.json"
    )


def test_schema_is_draft_2020_12_with_id_and_version() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (schema["$id"], schema["version"]) == (SCHEMA_ID, SCHEMA_VERSION)
    assert SCHEMA_VERSION in SCHEMA_ID


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates_against_the_committed_schema(path: Path) -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(json.loads(path.read_bytes()))]
    assert errors == []


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ({"inspections": [{"id": "a", "kind": "regular", "inspector": "x"}]}, "$.inspections[0]"),
        ({"inspections": [], "extra": 1}, "$"),
        ({"successions": [{"old": "a", "new": "b", "date": "2021-13"}]}, "$.successions[0].date"),
        ({"inspections": [{"id": "a", "kind": "annual", "inspector": "x", "target": "y"}]}, "$.inspections[0].kind"),
    ],
)
def test_schema_rejects_what_loads_rejects(document: dict[str, object], path: str) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert [e.json_path for e in validator.iter_errors(document)] == [path]

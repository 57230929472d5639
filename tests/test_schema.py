"""The committed JSON Schema is the model's, and every example obeys it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectmodel import PartialDate
from rectmodel.schema import DATE_PATTERN, SCHEMA_ID, SCHEMA_VERSION, json_schema, json_schema_text

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
        ({"inspections": [{"kind": "regular", "inspector": "x"}]}, "$.inspections[0]"),
        ({"successions": [{"old": "a", "new": "b", "date": "0000"}]}, "$.successions[0].date"),
        ({"successions": [{"old": "a", "new": "b", "date": "2021-02-30"}]}, "$.successions[0].date"),
        ({"successions": [{"old": "a", "new": "b", "date": "2021-04-31"}]}, "$.successions[0].date"),
        (
            {
                "inspections": [
                    {
                        "id": "a",
                        "problems": [
                            {"id": "P", "title": "t", "measures": [{"id": "M", "text": "x", "deadline": "soon"}]}
                        ],
                    }
                ]
            },
            "$.inspections[0].problems[0].measures[0].deadline",
        ),
        ({"inspections": [], "extra": 1}, "$"),
        ({"successions": [{"old": "a", "new": "b", "date": "2021-13"}]}, "$.successions[0].date"),
        ({"inspections": [{"id": "a", "kind": "annual", "inspector": "x", "target": "y"}]}, "$.inspections[0].kind"),
    ],
)
def test_schema_rejects_what_loads_rejects(document: dict[str, object], path: str) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert [e.json_path for e in validator.iter_errors(document)] == [path]


@given(
    st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)
    | st.dates().map(lambda d: d.isoformat())
    | st.sampled_from(["0000", "2021-02-29", "2020-02-29", "2021-02-30", "2021-04-31", "2021-13", "9999-12-31"])
)
def test_the_date_pattern_agrees_with_loads(text: str) -> None:
    """The schema accepts a date exactly when ``loads`` does, but for 29 February of a common year."""
    try:
        PartialDate.parse(text)
        loads_accepts = True
    except ValueError:
        loads_accepts = False
    schema_accepts = re.search(DATE_PATTERN, text) is not None
    if text.endswith("-02-29"):
        assert schema_accepts
    else:
        assert schema_accepts == loads_accepts, text


def test_schema_check_reports_each_departure_located_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``rectmodel schema --check`` runs jsonschema at run time, as another language's tool would."""
    from rectmodel.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text('{"inspections": [\n  {"kind": "regular", "declared": {"problems": -1}}]}\n', encoding="utf-8")
    good = ROOT / "examples" / "jiangmen-2021.json"
    assert main(["schema", "--check", str(good)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["schema", "--check", str(bad), str(good), "--lang", "zh"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad}:2:3: 错误 load: 不符合 JSON Schema(required):缺少必填属性 'id' (/inspections/0)",
        f"{bad}:2:48: 错误 load: 不符合 JSON Schema(minimum):-1 小于最小值 0 (/inspections/0/declared/problems)",
    ]

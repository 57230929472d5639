"""validate's reporters: the REPORTERS table behind ``--format``, and SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest

from rectmodel import __version__
from rectmodel.cli import main
from rectmodel.cli._report import REPORTERS
from rectmodel.rules import RULES

from support import ROOT, minimal_document

EXAMPLES = ROOT / "examples"

# The part of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json, OASIS) that rectmodel's log uses, with
# the constraints the standard puts on it: what is required, the level names, positive lines and columns.
SARIF_SUBSET: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string", "format": "uri"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": {"$ref": "#/$defs/message"},
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {"level": {"$ref": "#/$defs/level"}},
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "level": {"enum": ["none", "note", "warning", "error"]},
        "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        "result": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"$ref": "#/$defs/level"},
                "message": {"$ref": "#/$defs/message"},
                "locations": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "physicalLocation": {
                                "type": "object",
                                "required": ["artifactLocation"],
                                "properties": {
                                    "artifactLocation": {
                                        "type": "object",
                                        "required": ["uri"],
                                        "properties": {"uri": {"type": "string", "format": "uri-reference"}},
                                    },
                                    "region": {
                                        "type": "object",
                                        "properties": {
                                            "startLine": {"type": "integer", "minimum": 1},
                                            "startColumn": {"type": "integer", "minimum": 1},
                                        },
                                    },
                                },
                            },
                            "logicalLocations": {"type": "array", "items": {"type": "object"}},
                        },
                    },
                },
                "properties": {"type": "object"},
            },
        },
    },
}


def _sarif(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["validate", "--format", "sarif", "--jobs", "1", *args])
    return code, json.loads(capsys.readouterr().out)


def test_every_format_of_validate_is_a_row_of_the_reporters_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(REPORTERS) == ["text", "json", "jsonl", "github", "sarif"]
    main(["validate", "--help"])
    assert "{text,json,jsonl,github,sarif}" in capsys.readouterr().out


def test_sarif_is_a_valid_sarif_2_1_0_log_of_every_diagnostic(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(EXAMPLES / "haizhu-2020.json"), str(EXAMPLES / "synthetic-ledger.xlsx")]
    code, log = _sarif(capsys, *files)
    assert main(["validate", "--format", "json", "--jobs", "1", *files]) == code
    expected = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("rectmodel", __version__)
    diagnostics = [d for f in expected["files"] for d in f["diagnostics"]]
    assert len(run["results"]) == len(diagnostics) > 0
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for result, d in zip(run["results"], diagnostics, strict=True):
        assert result["ruleId"] == d["rule"] == ids[result["ruleIndex"]]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[d["severity"]]
        assert result["message"]["text"] == d["message"]
        (where,) = result["locations"]
        physical = where["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == Path(d["location"]["file"]).as_uri()
        region = physical.get("region", {})
        assert region.get("startLine") == d["location"].get("line")
        assert region.get("startColumn") == d["location"].get("column")
        if "cell" in d["location"]:
            assert where["logicalLocations"][0]["name"] == f"{d['location']['sheet']}!{d['location']['cell']}"
    for rule in driver["rules"]:
        if rule["id"] in RULES:
            assert rule["shortDescription"]["text"] == RULES[rule["id"]].summary_in("en")


def test_sarif_names_relative_files_by_relative_uris_and_speaks_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("坏 台账.json").write_text('{"inspections": [{"id": "x",}]}', encoding="utf-8")
    code, log = _sarif(capsys, "坏 台账.json", "--lang", "zh")
    assert code == 2
    jsonschema.validate(log, SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "load"
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E5%9D%8F%20%E5%8F%B0%E8%B4%A6.json" == quote("坏 台账.json")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert any("\u4e00" <= c <= "\u9fff" for c in result["message"]["text"])


def test_sarif_of_a_clean_file_has_no_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(minimal_document()), encoding="utf-8")
    code, log = _sarif(capsys, str(path), "--select", "declared-count-mismatch")
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []

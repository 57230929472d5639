"""The command line: schema, stats, and load failures as located diagnostics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rectmodel.cli import main

from support import ROOT, minimal_document


def _write(tmp_path: Path, document: object, name: str = "l.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_schema_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == (ROOT / "schemas" / "ledger.schema.json").read_text(encoding="utf-8")


def test_stats_json_reports_itemized_and_declared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = minimal_document(
        start="2020-10",
        end="2020-12",
        feedback_date="2021-01-05",
        declared={"aspects": 1, "problems": 2, "completion_rate": "50%"},
        groups=[
            {"id": "A1", "level": "aspect", "title": "方面"},
            {"id": "C1", "level": "category", "title": "类", "parent": "A1"},
        ],
        problems=[
            {
                "id": "P1",
                "title": "t",
                "group": "C1",
                "measures": [{"id": "M1", "text": "x"}, {"id": "M2", "text": "y"}],
            },
            {"id": "P2", "title": "t", "level": "category", "measures": [{"id": "M3", "text": "z", "level": "task"}]},
        ],
    )
    assert main(["stats", "--format", "json", _write(tmp_path, doc)]) == 0
    (record,) = json.loads(capsys.readouterr().out)["inspections"]
    assert record == {
        "id": "i1",
        "kind": "regular",
        "inspector": "市委第一巡察组",
        "target": "某局党组",
        "start": "2020-10",
        "end": "2020-12",
        "feedback_date": "2021-01-05",
        "report_date": None,
        "itemized": {"aspects": 1, "categories": 2, "problems": 1, "tasks": 1, "measures": 2},
        "declared": {
            "aspects": 1,
            "categories": None,
            "problems": 2,
            "tasks": None,
            "measures": None,
            "completed": None,
            "in_progress": None,
            "long_term": None,
            "not_completed": None,
            "completion_rate": "50%",
        },
    }


def test_stats_text_names_the_file_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, minimal_document(declared={"problems": 3}))
    assert main(["stats", path]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [path, "  i1  regular  市委第一巡察组 → 某局党组"]
    assert "    itemized: 0 aspects, 0 categories, 0 problems, 0 tasks, 0 measures" in out
    assert "    declared: problems 3" in out


def test_unloadable_file_exits_2_with_located_load_diagnostics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, minimal_document(start="2021-13-01"))
    assert main(["stats", path, "--lang", "zh"]) == 2
    assert capsys.readouterr().err == (
        f'{path}: error load /inspections/0/start: 应为形如 2021-08-04 的日期,实为 "2021-13-01"\n'
    )


def test_non_json_file_exits_2_with_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("整改情况\n", encoding="utf-8")
    assert main(["stats", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}:1:1: error load /: not JSON: Expecting value\n"


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tmp_path / "none.json")]) == 2
    assert "No such file or directory" in capsys.readouterr().err


def test_no_command_is_a_usage_error() -> None:
    assert main([]) == 2


def test_python_dash_m_runs_the_same_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "rectmodel", "schema"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert json.loads(done.stdout)["$id"].startswith("https://")

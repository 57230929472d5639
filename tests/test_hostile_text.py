"""What every human output does with hostile document text, the order of diagnostics, and Chinese labels."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from rectmodel.cli import main

from support import ROOT

EXAMPLES = ROOT / "examples"
INSPECTOR = "x\u001b[2J\u001b]0;pwned\u0007"
TARGET = "t\u202egnp.exe"
TITLE = "p\u001b[31m红\u202e字"
# C0 controls but tab and line feed, DEL, C1 controls, line and paragraph separators, bidi controls.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _hostile(tmp_path: Path, name: str = "恶意.json") -> Path:
    document: dict[str, Any] = json.loads((EXAMPLES / "synthetic-ledger.json").read_text(encoding="utf-8"))
    x = document["inspections"][0]
    x["inspector"], x["target"], x["unit"] = INSPECTOR, TARGET, "某单位"
    x["problems"][0]["title"] = TITLE
    x["problems"][0]["measures"][0]["deadline"] = "2021-04-01"  # before the feedback: a finding on the title's problem
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _output(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    main([*argv, "--lang", "en"])
    out = capsys.readouterr()
    return out.out + out.err


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "{f}"],
        ["validate", "{f}"],
        ["validate", "--format", "github", "{f}"],
        ["history", "某单位", "{f}", "{g}"],
        ["render", "{f}"],
        ["render", "--format", "markdown", "{f}"],
        ["graph", "--format", "mermaid", "{f}"],
        ["graph", "--format", "dot", "{f}"],
        ["rules"],
    ],
    ids=" ".join,
)
def test_no_human_output_carries_a_raw_control_or_bidi_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    f, g = _hostile(tmp_path), _hostile(tmp_path, "恶意二.json")
    text = _output([a.format(f=f, g=g) for a in argv], capsys)
    assert RAW.findall(text) == []
    if argv[0] in ("stats", "history"):  # the document's text is there, escaped
        assert "\\x1b[2J" in text if argv[0] == "stats" else "p\\x1b[31m红\\u202e字" in text
        assert "\\u202e" in text


def test_validate_names_the_item_with_its_title_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _output(["validate", str(_hostile(tmp_path))], capsys)
    assert "p\\x1b[31m红\\u202e字" in text


def test_a_workbook_and_a_csv_written_show_controls_as_escapes(tmp_path: Path) -> None:
    import openpyxl

    path = _hostile(tmp_path)
    assert main(["export", str(path), "-o", str(tmp_path / "o.xlsx")]) == 0
    assert main(["export", str(path), "-o", str(tmp_path / "o.csv")]) == 0
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    cells = [v for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    rows = list(csv.reader((tmp_path / "o.csv").read_text(encoding="utf-8-sig").splitlines()))
    for texts in (cells, [c for row in rows for c in row]):
        assert [t for t in texts if RAW.search(t)] == []
        assert any("t\\u202egnp.exe" in t for t in texts)
        assert any("p\\x1b[31m红\\u202e字" in t for t in texts)


# --- document order -------------------------------------------------------------------------------


def _unordered(tmp_path: Path) -> Path:
    """A ledger whose findings the rules emit out of document order (a late deadline before an early id)."""
    document: dict[str, Any] = json.loads((EXAMPLES / "synthetic-ledger.json").read_text(encoding="utf-8"))
    x = document["inspections"][0]
    x["problems"][-1]["measures"][0]["deadline"] = "2021-04-01"  # deadline-before-feedback, late in the file
    x["problems"][0]["id"] = x["problems"][1]["id"]  # duplicate-id, early in the file
    x["declared"]["problems"] = 99  # declared-count-mismatch, at the top
    path = tmp_path / "乱序.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _key(location: dict[str, Any]) -> tuple[int, int]:
    return location.get("line", 0), location.get("column", 0)


@pytest.mark.parametrize("format", ["text", "json", "jsonl", "sarif", "github"])
def test_diagnostics_come_in_document_order_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], format: str
) -> None:
    path = _unordered(tmp_path)
    main(["validate", "--format", format, str(path)])
    out = capsys.readouterr().out
    if format == "text":
        places = [tuple(map(int, m.groups())) for m in re.finditer(r"乱序\.json:(\d+):(\d+):", out)]
    elif format == "github":
        places = [tuple(map(int, m.groups())) for m in re.finditer(r"line=(\d+),col=(\d+)", out)]
    elif format == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
        places = [(region["startLine"], region.get("startColumn", 0)) for region in regions]
    else:
        records = [json.loads(line) for line in out.splitlines()] if format == "jsonl" else [json.loads(out)]
        places = [
            _key(d["location"])
            for record in records
            for file in record.get("files", [record] if "diagnostics" in record else [])
            for d in file["diagnostics"]
        ]
    assert len(places) >= 3
    assert places == sorted(places)


def test_a_workbooks_findings_come_by_row_then_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "台账.csv"
    path.write_text(
        "序号,问题,整改措施,整改时限,整改进展\n"
        "1,问题一,措施一,2021年13月,进行中吧\n"
        "2,问题二,措施二,明年,已完成\n"
        "2,问题三,措施三,2021年9月底,正在推进\n",
        encoding="utf-8",
    )
    main(["validate", "--lang", "en", str(path)])
    cells = re.findall(r"台账\.csv:[^!\s]*!([A-Z]+)(\d+):", capsys.readouterr().out)
    rows = [(int(row), len(column), column) for column, row in cells]
    assert len(rows) >= 3
    assert rows == sorted(rows)


# --- Chinese labels -------------------------------------------------------------------------------

# A measure word right after 的: a counted word named without its number (巡察 X的条整改措施).
_STRAY_MEASURE_WORD = re.compile("的[个条项类][^0-9]")


def test_chinese_labels_put_a_measure_word_only_after_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", "--lang", "zh", *map(str, sorted(EXAMPLES.glob("*.json")))])
    out = capsys.readouterr().out
    assert _STRAY_MEASURE_WORD.findall(out) == []
    assert "声明的整改措施数" in out  # the declared count is named as a count
    assert re.search(r"声明\d+条整改措施", out)  # and counted with its measure word


def test_stats_in_chinese_counts_with_measure_words(capsys: pytest.CaptureFixture[str]) -> None:
    main(["stats", "--lang", "zh", str(EXAMPLES / "haizhu-2020.json")])
    out = capsys.readouterr().out
    assert "7个方面" in out
    assert "53条整改措施" in out
    assert _STRAY_MEASURE_WORD.findall(out) == []


def test_the_hostile_ledger_is_unchanged_by_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _hostile(tmp_path)
    before = path.read_bytes()
    for argv in (["stats", str(path)], ["validate", str(path)], ["render", str(path)]):
        main(argv)
    capsys.readouterr()
    assert path.read_bytes() == before

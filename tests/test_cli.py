"""The command line: schema, stats, and load failures as located diagnostics."""

from __future__ import annotations

import json
import os
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


def test_stats_text_in_chinese_names_kinds_dates_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = minimal_document(
        kind="lookback",
        start="2020-10",
        feedback_date="2021-01-05",
        declared={"problems": 3, "completion_rate": "50%"},
    )
    assert main(["stats", _write(tmp_path, doc), "--lang", "zh"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  i1  回头看  市委第一巡察组 → 某局党组",
        "    进驻 2020-10 至 ?、反馈 2021-01-05",
        "    逐项列出:0个方面、0类问题、0个问题、0项整改任务、0条整改措施",
        "    声明:3个问题、整改完成率 50%",
    ]


def test_unreadable_and_undecodable_files_give_load_messages_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "none.json")
    assert main(["stats", missing, "--lang", "zh"]) == 2
    assert capsys.readouterr().err == f"{missing}: 错误 load: 无法读取:文件或目录不存在\n"
    undecodable = tmp_path / "bad.json"
    undecodable.write_bytes("巡察".encode("gb18030"))  # d1 b2 decodes as UTF-8; the next byte does not
    assert main(["stats", str(undecodable)]) == 2
    assert capsys.readouterr().err == f"{undecodable}:1:3: error load: not UTF-8: invalid byte 0xb2 at offset 2\n"


def test_unloadable_file_exits_2_with_located_load_diagnostics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, minimal_document(start="2021-13-01"))
    assert main(["stats", path, "--lang", "zh"]) == 2
    start = json.dumps(minimal_document(start="2021-13-01"), ensure_ascii=False).index('"2021-13-01"') + 1
    assert capsys.readouterr().err == (
        f'{path}:1:{start}: 错误 load: 应为形如 2021-08-04 的日期,实为 "2021-13-01" (/inspections/0/start)\n'
    )


def test_non_json_file_exits_2_with_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.json"
    path.write_text("整改情况\n", encoding="utf-8")
    assert main(["stats", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}:1:1: error load: not JSON: Expecting value\n"


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tmp_path / "none.json")]) == 2
    assert "No such file or directory" in capsys.readouterr().err


def test_no_command_is_a_usage_error() -> None:
    assert main([]) == 2


def test_python_dash_m_runs_the_same_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "rectmodel", "schema"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert json.loads(done.stdout)["$id"].startswith("https://")


# validate and rules


def _run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


def test_validate_json_lists_real_discrepancies_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "xianning-2025.json")
    code, out = _run_json(["validate", "--format", "json", "--select", "declared-count-mismatch", path], capsys)
    assert code == 1
    assert out == {
        "files": [
            {
                "path": path,
                "diagnostics": [
                    {
                        "rule": "declared-count-mismatch",
                        "severity": "error",
                        "pointer": "/inspections/0/declared/measures",
                        "message": "146 measures declared, 186 itemized",
                        "params": {"count": "measures", "declared": 146, "itemized": 186},
                        "location": {"file": path, "line": 15, "column": 21},
                    }
                ],
            }
        ],
        "summary": {"errors": 1, "warnings": 0, "infos": 0, "waived": 0},
    }


def test_validate_warnings_only_exit_0_and_speak_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "jiangmen-2021.json")
    assert main(["validate", "--lang", "zh", "--select", "report-overdue", path]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:14:22: 警告 report-overdue: "
        "整改报告日期 2021-11-12 晚于反馈日期 2021-08-04 后 2 个月(应于 2021-10-04 前) "
        f"(巡察 jiangmen-zsj-2021的报告日期, /inspections/0/report_date; 参见 {path}:12:24)",
        "1 个文件:0 个错误,1 个警告,0 个提示,0 个已豁免",
    ]


def test_validate_non_json_file_exits_2_with_a_load_diagnostic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notice.json"
    path.write_text("根据市委统一部署", encoding="utf-8")
    code, out = _run_json(["validate", "--format", "json", str(path)], capsys)
    assert code == 2
    assert out["files"] == [
        {
            "path": str(path),
            "diagnostics": [
                {
                    "rule": "load",
                    "severity": "error",
                    "pointer": "",
                    "message": "not JSON: Expecting value",
                    "params": {"code": "not-json", "reason": "Expecting value"},
                    "location": {"file": str(path), "line": 1, "column": 1},
                }
            ],
        }
    ]


def test_validate_waivers_suppress_report_and_flag_unused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waivers = {
        "waivers": [
            {
                "rule": "declared-count-mismatch",
                "pointer": "/inspections/0/declared/measures",
                "justification": "146 counts the plan's measures; the notice lists the actions taken",
                "file": "xianning-2025.json",
            },
            {"rule": "report-overdue", "pointer": "/inspections/9/report_date", "justification": "stale"},
        ]
    }
    path = _write(tmp_path, waivers, "waivers.json")
    ledger = str(ROOT / "examples" / "xianning-2025.json")
    argv = ["validate", "--format", "json", "--select", "declared-count-mismatch", "--waivers", path, ledger]
    code, out = _run_json(argv, capsys)
    assert code == 0
    assert out["summary"] == {"errors": 0, "warnings": 1, "infos": 0, "waived": 1}
    assert out["files"][1]["diagnostics"][0]["rule"] == "unused-waiver"  # type: ignore[index]
    assert out["files"][1]["diagnostics"][0]["pointer"] == "/waivers/1"  # type: ignore[index]


def test_validate_bad_waivers_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, {"waivers": [{"rule": "x", "pointer": "/"}]}, "waivers.json")
    assert main(["validate", "--waivers", path, str(ROOT / "examples" / "jiangmen-2021.json")]) == 2
    assert 'missing required field "justification"' in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--select", "no-such-rule"], ["--severity", "report-overdue=fatal"]])
def test_validate_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *argv, str(ROOT / "examples" / "jiangmen-2021.json")]) == 2
    assert capsys.readouterr().err.startswith("rectmodel: ")


def test_validate_severity_override(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "xianning-2025.json")
    argv = ["validate", "--select", "declared-count-mismatch", "--severity", "declared-count-mismatch=warning", path]
    assert main(argv) == 0
    assert "warning declared-count-mismatch" in capsys.readouterr().out


def test_rules_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from rectmodel.rules import RULES

    assert main(["rules", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in listed] == list(RULES)
    assert all(set(r) == {"name", "severity", "kinds", "summary"} for r in listed)
    kinds = {r["name"]: r["kinds"] for r in listed}
    assert kinds["measure-without-responsibility"] == {
        "plan": "error",
        "ledger": "error",
        "report": None,
        "notice": None,
        "unknown": None,
    }


def test_docs_rules_md_is_generated_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "markdown"]) == 0
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == capsys.readouterr().out, (
        "run: rectmodel rules --format markdown > docs/rules.md"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_catalogue_lists_every_comparison_of_reconcile_with_an_example(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from rectmodel.reconciliation import COMPARISONS

    assert main(["rules", "--format", "markdown", "--lang", lang]) == 0
    markdown = capsys.readouterr().out
    assert main(["rules", "--lang", lang]) == 0
    table = capsys.readouterr().out
    severity = {"en": "warning", "zh": "警告"}[lang]
    for name, comparison in COMPARISONS.items():
        section = markdown.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        assert f"{name} /inspections/0" in section  # its example finding, with its message
        assert f"| [`{name}`](#{name}) |" in markdown
        (line,) = (row for row in table.splitlines() if row.startswith(f"{name} "))
        assert comparison.summary_in(lang) in line
    assert f"{severity} deadline-moved" in markdown


# never a traceback, never injected output


@pytest.mark.parametrize("target", ["dir", "missing/ledger.json"])
def test_an_unwritable_output_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    output = tmp_path if target == "dir" else tmp_path / target
    assert main(["schema", "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rectmodel: cannot write ")
    assert err.count("\n") == 1


def test_an_unwritable_file_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "ro.json"
    output.write_text("", encoding="utf-8")
    output.chmod(0o400)
    if os.access(output, os.W_OK):  # root writes anyway: make it a directory's child that cannot exist
        output = tmp_path / "ro.json" / "x.json"
    assert main(["render", str(ROOT / "examples" / "haizhu-2020.json"), "-o", str(output)]) == 2
    assert capsys.readouterr().err.startswith("rectmodel: cannot write ")


def test_a_file_name_that_is_not_utf8_is_shown_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"bad\xff.json")
    (tmp_path / name).write_text(json.dumps(minimal_document(start="2021-13")), encoding="utf-8")
    path = str(tmp_path / name)
    assert main(["validate", path]) == 2
    assert "bad\\udcff.json:1:" in capsys.readouterr().out
    assert main(["validate", "--format", "json", path]) == 2
    record = json.loads(capsys.readouterr().out)
    assert record["files"][0]["path"].endswith("bad\\xff.json")


def test_graphml_ids_that_xml_cannot_tell_apart_are_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = {"inspections": [{"id": f"a{c}", "problems": [{"id": "P1", "title": "t"}]} for c in ("\x01", "\x02")]}
    path = _write(tmp_path, doc)
    assert main(["graph", "--format", "graphml", path]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rectmodel: cannot export as graphml: ")
    assert err.count("\n") == 1


def test_an_internal_failure_exits_3_with_one_line_asking_for_a_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectmodel.cli.commands import rules

    def broken(args: object) -> int:
        raise MemoryError

    monkeypatch.setattr(rules, "run", broken)
    assert main(["rules"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("rectmodel: internal error (MemoryError")
    assert "report" in err
    assert err.count("\n") == 1


def test_traceback_prints_an_internal_failures_traceback_for_a_bug_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectmodel.cli.commands import rules

    def broken(args: object) -> int:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(rules, "run", broken)
    assert main(["rules"]) == 3
    assert "Traceback" not in capsys.readouterr().err
    assert main(["--traceback", "rules"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert "ZeroDivisionError: oops\n" in err
    assert err.splitlines()[-1].startswith("rectmodel: internal error (ZeroDivisionError: oops")


def _imported(*argv: str) -> set[str]:
    """The package's modules a whole ``rectmodel`` process imports to run *argv*."""
    code = (
        "import sys; from rectmodel.cli import main; main(sys.argv[1:]); "
        "sys.stderr.write(' '.join(m for m in sys.modules if m.startswith('rectmodel')))"
    )
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT, check=False)
    return set(done.stderr.splitlines()[-1].split())


def test_a_command_imports_only_its_own_module_and_what_it_needs() -> None:
    commands = {m for m in _imported("--help") if m.startswith("rectmodel.cli.commands.")}
    assert commands == set()
    found = _imported("validate", "examples/haizhu-2020.json")
    assert {m for m in found if m.startswith("rectmodel.cli.commands.")} == {"rectmodel.cli.commands.validate"}
    assert not {"rectmodel.sheets", "rectmodel.graph", "rectmodel.notices._parse"} & found, "no reader it needs not"


def test_document_text_cannot_forge_a_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = minimal_document()
    doc["inspections"][0]["\x1b[2Jevil\n1 file: 0 errors"] = 1  # type: ignore[index]
    path = _write(tmp_path, doc)
    assert main(["validate", path]) == 2
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert [line for line in out.splitlines() if line.startswith("1 file")] == [
        "1 file: 1 error, 0 warnings, 0 infos, 0 waived"
    ]


# workbooks wherever ledgers go


def test_workbooks_are_validated_parsed_exported_and_templated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``validate``, ``stats``, ``parse``, ``export`` and ``template`` take workbooks where they take JSON ledgers."""
    workbook = tmp_path / "台账.xlsx"
    assert main(["export", str(ROOT / "examples" / "synthetic-ledger.json"), "-o", str(workbook)]) == 0
    assert main(["validate", str(workbook)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 file: 0 errors, 0 warnings, 0 infos, 0 waived"
    assert main(["stats", str(workbook), "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)["inspections"]
    assert record["itemized"]["problems"] > 0
    out = tmp_path / "ledger.json"
    assert main(["parse", str(workbook), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["inspections"][0]["document"] == "ledger"
    csv = tmp_path / "台账.csv"
    assert main(["export", str(out), "-o", str(csv)]) == 0
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    template = tmp_path / "模板.xlsx"
    assert main(["template", "-o", str(template)]) == 0
    # the example row names no round facts: a warning each, saying which option gives it, and exit 0
    assert main(["validate", "--format", "json", str(template)]) == 0
    found = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert "missing-fact" not in {d["rule"] for d in found}
    unstated = [(d["params"]["field"], d["params"]["option"], d["severity"]) for d in found if "option" in d["params"]]
    assert unstated == [
        ("inspector", "--inspector", "warning"),
        ("target", "--target", "warning"),
        ("start", "--start", "warning"),
        ("end", "--end", "warning"),
        ("feedback_date", "--feedback-date", "warning"),
    ]
    assert main(["validate", str(template), "--inspector", "市委第一巡察组", "--target", "某局党组",
                 "--start", "2021-03-11", "--end", "2021-06-18", "--feedback-date", "2021-08-04"]) == 0  # fmt: skip


def test_a_workbook_finding_is_located_by_sheet_and_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import attrs

    import rectmodel
    from rectmodel.sheets import write

    ledger = rectmodel.load(ROOT / "examples" / "synthetic-ledger.json")
    x = ledger.inspections[0]
    p = x.problems[0]
    broken = attrs.evolve(p, measures=(attrs.evolve(p.measures[0], deadline=None), *p.measures[1:]))
    workbook = tmp_path / "台账.xlsx"
    write(attrs.evolve(ledger, inspections=(attrs.evolve(x, problems=(broken, *x.problems[1:])),)), workbook)
    assert main(["validate", "--format", "json", str(workbook)]) == 1
    (d,) = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert d["rule"] == "measure-without-deadline"
    assert set(d["location"]) == {"file", "sheet", "cell"}
    assert main(["validate", "--lang", "zh", str(workbook)]) == 1
    assert capsys.readouterr().out.startswith(f"{workbook}:{d['location']['sheet']}!{d['location']['cell']}: 错误")


def test_a_corrupt_workbook_is_one_located_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "台账.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    assert main(["validate", str(bad)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{bad}: error sheet: ")
    assert len(lines) == 2

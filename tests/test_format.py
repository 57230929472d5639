"""The command line's renderers: one line per finding as linters write it, in English or Chinese, never forged."""

from __future__ import annotations

import json
import unicodedata

from rectmodel import (
    DeclaredCounts,
    Diagnostic,
    Inspection,
    InspectionKind,
    Ledger,
    Measure,
    PartialDate,
    Problem,
    Report,
    Severity,
    Waiver,
)
from rectmodel._format import (
    describe,
    diagnostic_line,
    file_lines,
    files_json,
    inspection_stats,
    located_line,
    rules_json,
    rules_table,
    stats_lines,
    summary_line,
)
from rectmodel.errors import Location
from rectmodel.rules import RULES

D = PartialDate.parse
DUPLICATE = Diagnostic(
    "duplicate-id",
    Severity.ERROR,
    "/inspections/0/problems/1/id",
    {"kind": "problem", "id": "P1"},
    ("/inspections/0/problems/0/id",),
    Location("a.json", 5, 9),
    (Location("a.json", 3, 9),),
)
LEDGER = Ledger(
    (
        Inspection(
            "i1",
            InspectionKind.REGULAR,
            "市委第一巡察组",
            "某局党组",
            start=D("2021-03"),
            feedback_date=D("2021-06-01"),
            declared=DeclaredCounts(problems=1),
            problems=(
                Problem("P1", "议事决策机制不完善", measures=(Measure("M1", "修订规则"), Measure("M2", "培训"))),
            ),
        ),
    )
)


def test_a_diagnostic_line_is_severity_rule_pointer_and_message_in_either_language() -> None:
    assert (
        diagnostic_line(DUPLICATE)
        == 'error duplicate-id /inspections/0/problems/1/id (line 5): duplicate problem id "P1"'
    )
    assert (
        diagnostic_line(DUPLICATE, "zh") == "错误 duplicate-id /inspections/0/problems/1/id (第 5 行): 问题编号“P1”重复"
    )
    plain = Diagnostic("problem-without-measure", Severity.WARNING, "", {"problem": "P1"})
    assert diagnostic_line(plain).startswith("warning problem-without-measure /: ")


def test_only_the_severity_is_coloured_and_only_when_asked() -> None:
    coloured = diagnostic_line(DUPLICATE, colour=True)
    assert coloured.startswith("\033[31merror\033[0m duplicate-id ")
    assert coloured.replace("\033[31m", "").replace("\033[0m", "") == diagnostic_line(DUPLICATE)
    assert "\033" not in diagnostic_line(DUPLICATE)


def test_a_located_line_starts_with_the_location_so_that_editors_jump_to_it() -> None:
    line = located_line(DUPLICATE)
    assert line.startswith("a.json:5:9: error duplicate-id: ")
    assert line.endswith("(/inspections/0/problems/1/id; first at a.json:3:9)")
    assert located_line(DUPLICATE, "zh").endswith("(/inspections/0/problems/1/id; 首次出现于 a.json:3:9)")
    named = located_line(
        Diagnostic("problem-without-measure", Severity.ERROR, "/inspections/0/problems/0", {"problem": "P1"}),
        ledger=LEDGER,
    )
    assert named.endswith("(problem P1 “议事决策机制不完善”, /inspections/0/problems/0)")
    assert located_line(DUPLICATE, item="第3行").endswith("(第3行, /inspections/0/problems/1/id; first at a.json:3:9)")


def test_document_text_cannot_forge_a_line_or_drive_the_terminal() -> None:
    forged = Diagnostic(
        "duplicate-id", Severity.ERROR, "/inspections/0/problems/1/id", {"kind": "problem", "id": "P1\n\x1b[2Jok"}
    )
    for line in (diagnostic_line(forged), located_line(forged), diagnostic_line(forged, "zh")):
        assert "\n" not in line
        assert "\x1b" not in line


def test_describe_names_the_element_in_the_clerks_words() -> None:
    assert describe(LEDGER, "/inspections/0") == "inspection i1"
    assert describe(LEDGER, "/inspections/0/problems/0/measures/1") == "measure M2 of problem “议事决策机制不完善”"
    assert describe(LEDGER, "/inspections/0/problems/0/measures/1", "zh") == "问题“议事决策机制不完善”的整改措施 M2"
    assert describe(LEDGER, "/inspections/0/problems/0/history/0") == "status 1 of problem P1 “议事决策机制不完善”"
    assert describe(LEDGER, "/inspections/0/feedback_date") == "feedback date of inspection i1"


def test_describe_says_nothing_of_a_pointer_outside_the_inspections() -> None:
    for pointer in ("", "/successions/0", "/inspections/1", "/inspections/x"):
        assert describe(LEDGER, pointer) is None


def test_describe_shortens_a_long_title() -> None:
    long = Ledger((Inspection("i1", problems=(Problem("P1", "很" * 40),)),))
    described = describe(long, "/inspections/0/problems/0")
    assert described is not None
    assert "很" * 23 + "…" in described
    assert "很" * 24 not in described


def test_the_summary_line_counts_files_and_findings_in_either_language() -> None:
    summary = {"errors": 1, "warnings": 2, "infos": 0, "waived": 1}
    assert summary_line(summary, 3) == "3 files: 1 error, 2 warnings, 0 infos, 1 waived"
    assert summary_line(summary, 3, "zh") == "3 个文件:1 个错误,2 个警告,0 个提示,1 个已豁免"


def test_a_files_lines_are_its_findings_then_its_waivers_and_the_json_totals_every_file() -> None:
    waiver = Waiver("problem-without-measure", "/inspections/0/problems/0", "merged into P2")
    waived = Diagnostic("problem-without-measure", Severity.ERROR, "/inspections/0/problems/0", {"problem": "P1"})
    report = Report((DUPLICATE,), ((waived, waiver),))
    lines = file_lines("a.json", report)
    assert len(lines) == 2
    assert lines[0] == located_line(DUPLICATE)
    assert lines[1].startswith("a.json: ")
    assert "merged into P2" in lines[1]
    out = files_json([("a.json", report), ("b.json", Report(()))])
    assert [f["path"] for f in out["files"]] == ["a.json", "b.json"]
    assert out["files"][0]["diagnostics"] == [DUPLICATE.to_json()]
    assert out["summary"] == {"errors": 1, "warnings": 0, "infos": 0, "waived": 1}
    json.dumps(out)


def test_the_rule_table_lists_every_rule_in_aligned_columns_in_either_language() -> None:
    for lang in ("en", "zh"):
        table = rules_table(lang)  # type: ignore[arg-type]
        assert [line.split()[0] for line in table] == list(RULES)
        # The summaries start in one column on a terminal, where a Chinese character takes two.
        starts = {_columns(line[: line.index(RULES[line.split()[0]].summary_in(lang))]) for line in table}  # type: ignore[arg-type]
        assert len(starts) == 1


def _columns(text: str) -> int:
    """Terminal columns, counted here independently of the renderer's own count."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_the_rules_json_keeps_its_keys_and_severities_in_every_language() -> None:
    en, zh = rules_json("en"), rules_json("zh")
    assert [r["name"] for r in en] == [r["name"] for r in zh] == list(RULES)
    for a, b in zip(en, zh, strict=True):
        assert set(a) == {"name", "severity", "kinds", "summary"}
        assert (a["severity"], a["kinds"]) == (b["severity"], b["kinds"])
        assert a["summary"] != b["summary"]


def test_stats_give_who_inspected_whom_when_and_the_counts() -> None:
    record = inspection_stats(LEDGER.inspections[0])
    assert record["start"] == "2021-03"
    assert record["report_date"] is None
    assert record["itemized"] == {"aspects": 0, "categories": 0, "problems": 1, "tasks": 0, "measures": 2}
    assert record["declared"]["problems"] == 1
    assert stats_lines("a.json", LEDGER) == [
        "a.json",
        "  i1  regular  市委第一巡察组 → 某局党组",
        "    on site 2021-03 to ?, feedback 2021-06-01",
        "    itemized: 0 aspects, 0 categories, 1 problems, 0 tasks, 2 measures",
        "    declared: problems 1",
    ]
    assert stats_lines("a.json", LEDGER, "zh")[1:3] == [
        "  i1  常规巡察  市委第一巡察组 → 某局党组",
        "    进驻 2021-03 至 ?、反馈 2021-06-01",
    ]

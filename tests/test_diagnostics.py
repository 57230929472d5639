"""Diagnostics and reports: worst first, waivers set aside and counted, locations found, messages in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectmodel import Diagnostic, LoadError, LoadIssue, Report, Severity, ValidationError, Waiver, load_waivers
from rectmodel.codec import json_locator
from rectmodel.errors import LoadCode, Location

DUPLICATE = Diagnostic(
    "duplicate-id",
    Severity.ERROR,
    "/inspections/0/problems/1/id",
    {"kind": "problem", "id": "P1"},
    ("/inspections/0/problems/0/id",),
)
NO_MEASURE = Diagnostic("problem-without-measure", Severity.ERROR, "/inspections/0/problems/0", {"problem": "P1"})


def _at(severity: Severity, pointer: str) -> Diagnostic:
    return Diagnostic("problem-without-measure", severity, pointer, {"problem": pointer})


def test_severities_rank_errors_first_then_warnings_then_infos() -> None:
    assert sorted(Severity, key=lambda s: s.rank) == [Severity.ERROR, Severity.WARNING, Severity.INFO]


def test_a_message_is_rendered_from_the_parameters_in_english_or_chinese() -> None:
    assert NO_MEASURE.message() == NO_MEASURE.message("en")
    assert "P1" in NO_MEASURE.message("en")
    assert NO_MEASURE.message("zh") == "问题“P1”没有整改措施"
    assert str(NO_MEASURE) == f"error problem-without-measure /inspections/0/problems/0: {NO_MEASURE.message()}"
    assert str(Diagnostic("problem-without-measure", Severity.INFO, "", {"problem": "P1"})).startswith(
        "info problem-without-measure /:"
    )


def test_the_json_form_has_the_documented_keys_and_only_the_known_extras() -> None:
    assert NO_MEASURE.to_json() == {
        "rule": "problem-without-measure",
        "severity": "error",
        "pointer": "/inspections/0/problems/0",
        "message": NO_MEASURE.message(),
        "params": {"problem": "P1"},
    }
    located = Report((DUPLICATE,)).locate("a.json").diagnostics[0].to_json("zh")
    assert located["message"] == "问题编号“P1”重复"
    assert located["related"] == ["/inspections/0/problems/0/id"]
    assert located["location"] == {"file": "a.json"}
    json.dumps(located)  # plain JSON, whatever the parameters


def test_a_load_issue_becomes_a_located_load_error() -> None:
    issue = LoadIssue(LoadCode.MISSING_FIELD, "/inspections/0", {"field": "id"}, line=3, column=5)
    d = Diagnostic.from_load_issue(issue)
    assert (d.rule, d.severity, d.pointer) == ("load", Severity.ERROR, "/inspections/0")
    assert d.params == {"code": "missing-field", "field": "id"}
    assert (d.line, d.column) == (3, 5)
    assert d.message("zh") == issue.message("zh") == '缺少必填字段 "id"'
    assert Diagnostic.from_load_issue(LoadIssue(LoadCode.NOT_JSON, "")).location is None


def test_a_report_puts_the_worst_first_and_keeps_the_order_within_a_severity() -> None:
    found = [(Severity.INFO, "/i"), (Severity.ERROR, "/e1"), (Severity.WARNING, "/w"), (Severity.ERROR, "/e2")]
    report = Report.build(_at(*f) for f in found)
    assert [d.pointer for d in report.diagnostics] == ["/e1", "/e2", "/w", "/i"]
    assert (report.errors, report.warnings, report.infos) == (2, 1, 1)
    assert report.summary() == {"errors": 2, "warnings": 1, "infos": 1, "waived": 0}
    assert not report.ok


def test_warnings_and_infos_alone_leave_a_report_ok() -> None:
    assert Report.build([_at(Severity.WARNING, "/w"), _at(Severity.INFO, "/i")]).ok
    assert Report(()).ok


def test_a_waiver_sets_aside_exactly_its_rule_at_its_pointer_and_is_counted() -> None:
    waiver = Waiver("duplicate-id", DUPLICATE.pointer, "the register repeats it on purpose")
    report = Report.build([DUPLICATE, NO_MEASURE], [waiver, Waiver("duplicate-id", "/elsewhere", "unused")])
    assert report.diagnostics == (NO_MEASURE,)
    assert report.waived == ((DUPLICATE, waiver),)
    assert report.summary()["waived"] == 1
    assert not Waiver("problem-without-measure", DUPLICATE.pointer, "other rule").matches(DUPLICATE)


def test_a_waiver_for_one_file_matches_that_file_by_path_suffix_only() -> None:
    waiver = Waiver(NO_MEASURE.rule, NO_MEASURE.pointer, "accepted", file="ledgers/2024.json")
    assert waiver.matches(NO_MEASURE, "/home/clerk/ledgers/2024.json")
    assert waiver.matches(NO_MEASURE, r"C:\clerk\ledgers\2024.json")
    assert not waiver.matches(NO_MEASURE, "/home/clerk/ledgers/2023.json")
    assert waiver.matches(NO_MEASURE)  # no path known: the waiver applies


def test_locate_finds_each_pointer_or_its_nearest_ancestor_in_the_source() -> None:
    text = '{"inspections": [\n  {"id": "i1",\n   "problems": [{"id": "P1", "title": "t"}, {"id": "P1"}]}]}'
    report = Report.build([DUPLICATE, _at(Severity.WARNING, "/inspections/0/problems/0/measures")])
    located = report.locate("台账.json", json_locator(text))
    missing, duplicate = located.diagnostics  # in document order: the problem's start comes before its id
    assert duplicate.location is not None
    assert duplicate.location.file == "台账.json"
    assert duplicate.line == 3
    assert duplicate.related_locations[0] is not None
    assert duplicate.related_locations[0].line == 3
    assert duplicate.related_locations[0].column < duplicate.location.column  # type: ignore[operator]
    # The problem has no "measures" member: it is located at the problem itself.
    problem = json_locator(text)(["/inspections/0/problems/0"])["/inspections/0/problems/0"]
    assert missing.location == Location("台账.json", problem.line, problem.column)


def test_locate_without_a_source_locates_at_the_file_and_keeps_known_locations() -> None:
    known = Diagnostic("load", Severity.ERROR, "/x", {"code": "not-json"}, location=Location(line=2, column=1))
    report = Report.build([known, NO_MEASURE]).locate("a.json")
    # In document order: the file as a whole first, then line 2.
    assert [d.location for d in report.diagnostics] == [Location("a.json"), Location("a.json", 2, 1)]


def test_waivers_are_read_from_a_file_and_a_bad_file_lists_every_problem(tmp_path: Path) -> None:
    good = tmp_path / "waivers.json"
    good.write_text(
        json.dumps({"waivers": [{"rule": "duplicate-id", "pointer": "/a", "justification": "ok", "file": "x.json"}]}),
        encoding="utf-8",
    )
    assert load_waivers(good) == (Waiver("duplicate-id", "/a", "ok", "x.json"),)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"waivers": [{"rule": "duplicate-id"}, {"pointer": 3}]}), encoding="utf-8")
    with pytest.raises(LoadError) as raised:
        load_waivers(bad)
    assert len(raised.value.issues) >= 3


def test_validation_error_carries_the_report_and_names_its_errors() -> None:
    report = Report.build([DUPLICATE, _at(Severity.WARNING, "/w")])
    error = ValidationError(report)
    assert error.report is report
    assert str(DUPLICATE) in str(error)
    assert "/w" not in str(error)


def test_validation_error_lists_twenty_errors_and_counts_the_rest() -> None:
    error = ValidationError(Report.build([_at(Severity.ERROR, f"/e{k}") for k in range(25)]))
    listed = [line for line in str(error).splitlines() if line.startswith("  error ")]
    assert len(listed) == 20
    assert "5" in str(error).splitlines()[-1]


def test_a_pointer_the_source_does_not_know_is_located_at_its_nearest_known_ancestor() -> None:
    """A reader that knows a measure's line, not its status's, still gives the status's finding that line."""
    known = {"/inspections/0/problems/1/measures/0": Location(line=14)}
    asked: list[str] = []

    def where(pointers: object) -> dict[str, Location]:
        asked.extend(pointers)  # type: ignore[call-overload]
        return {p: known[p] for p in asked if p in known}

    status = Diagnostic("closed-without-evidence", Severity.ERROR, "/inspections/0/problems/1/measures/0/history/0")
    (located,) = Report((status,)).locate("通报.txt", where).diagnostics
    assert located.location == Location("通报.txt", line=14)
    unknown = Diagnostic("closed-without-evidence", Severity.ERROR, "/inspections/3")
    (alone,) = Report((unknown,)).locate("通报.txt", where).diagnostics
    assert alone.location == Location("通报.txt")

"""The exceptions: one root to catch, load errors that list every located issue, refusals that survive a process."""

from __future__ import annotations

import pickle

import pytest

import rectmodel
from rectmodel import LoadError, LoadIssue, OperationError, RectmodelError
from rectmodel.errors import LoadCode, Location


def test_every_error_rectmodel_raises_on_purpose_is_caught_by_the_root() -> None:
    for raised in (
        lambda: rectmodel.loads("{"),
        lambda: rectmodel.check(rectmodel.Ledger((rectmodel.Inspection("i"),))),
    ):
        with pytest.raises(RectmodelError):
            raised()
    assert issubclass(LoadError, ValueError)
    assert issubclass(OperationError, ValueError)


def test_a_load_error_lists_every_issue_with_its_place() -> None:
    issues = [
        LoadIssue(LoadCode.MISSING_FIELD, "/inspections/0", {"field": "id"}, line=2, column=3),
        LoadIssue(LoadCode.NOT_JSON, "", {"reason": "Expecting value", "line": 1, "column": 1}),
    ]
    error = LoadError(issues, source="台账.json")
    assert error.issues == tuple(issues)
    lines = str(error).splitlines()
    assert lines[0].startswith("台账.json: ")
    assert lines[1:] == [
        '  /inspections/0 (line 2, column 3): missing required field "id"',
        f"  /: {issues[1].message()}",
    ]


def test_a_load_issue_speaks_english_or_chinese() -> None:
    issue = LoadIssue(LoadCode.MISSING_FIELD, "/inspections/0", {"field": "id"})
    assert issue.message() == 'missing required field "id"'
    assert issue.message("zh") == '缺少必填字段 "id"'


def test_a_location_is_written_as_compilers_and_spreadsheets_write_it() -> None:
    assert str(Location("a.json", 12, 7)) == "a.json:12:7"
    assert str(Location("a.json", 12)) == "a.json:12"
    assert str(Location("a.json")) == "a.json"
    assert str(Location("台账.xlsx", sheet="台账", cell="C5")) == "台账.xlsx:台账!C5"
    assert str(Location(sheet="台账", cell="C5")) == "台账!C5"
    assert Location("a.json", 12).to_json() == {"file": "a.json", "line": 12}


def test_an_operation_error_says_what_was_refused_and_survives_pickling() -> None:
    error = OperationError("close", "op-already-closed", "/inspections/0/problems/2", {"item": "P3"})
    assert str(error) == 'close: /inspections/0/problems/2: "P3" is already closed'
    assert error.message("zh") == "“P3”已销号,不能重复销号"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.operation, copy.code, copy.pointer, dict(copy.params)) == (
        "close",
        "op-already-closed",
        "/inspections/0/problems/2",
        {"item": "P3"},
    )
    assert str(copy) == str(error)

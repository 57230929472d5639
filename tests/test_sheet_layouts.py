"""Workbooks as offices fill them (issue 22): round facts above the header, read by the notice's cues.

The workbooks are written by the tests in the shapes offices use; no real file is copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rectmodel import DeadlineTerm, PartialDate, validate
from rectmodel.facts import read_round_facts
from rectmodel.notices import parse
from rectmodel.sheets import SheetResult, read
from test_sheets import book

D = PartialDate.parse
N = None
HEADER = ["序号", "问题", "整改措施", "责任领导", "责任部门", "责任人", "完成时限", "完成情况"]
ROWS = [
    [1, "理论学习不深入", "制定学习计划", "张三", "办公室", "李四", "2023年9月30日", "已完成"],
    [2, "制度执行不严格", "修订制度", "张三", "财务科", "王五", "2023年10月31日", "已完成"],
]
SUBTITLE = "(市委第二巡察组于2023年3月14日至5月14日对我局党组开展常规巡察,2023年6月1日反馈巡察意见)"


def ledger(tmp_path: Path, *above: list[Any], name: str = "台账.xlsx") -> SheetResult:
    return read(book(tmp_path / name, {"整改台账": [*above, HEADER, *ROWS]}))


def facts_of(result: SheetResult) -> dict[str, Any]:
    (x,) = result.ledger.inspections
    names = ("inspector", "target", "start", "end", "feedback_date", "as_of")
    return {name: getattr(x, name) for name in names if getattr(x, name) is not None}


def where(result: SheetResult, name: str) -> str:
    return str(result.cells[f"/inspections/0/{name}"])


def sheet_codes(result: SheetResult) -> set[str]:
    return {d.params["code"] for d in result.diagnostics}


def test_a_title_names_the_unit_and_the_group_and_a_bracketed_subtitle_the_dates(tmp_path: Path) -> None:
    result = ledger(tmp_path, ["中共某市审计局党组落实市委第二巡察组反馈意见整改台账"], [SUBTITLE])
    assert facts_of(result) == {
        "inspector": "市委第二巡察组",
        "target": "中共某市审计局党组",
        "start": D("2023-03-14"),
        "end": D("2023-05-14"),
        "feedback_date": D("2023-06-01"),
    }
    assert (where(result, "target"), where(result, "start"), where(result, "feedback_date")) == (
        "整改台账!A1",
        "整改台账!A2",
        "整改台账!A2",
    )
    assert "unplaced-cell" not in sheet_codes(result)


def test_a_facts_row_of_labelled_cells(tmp_path: Path) -> None:
    row = ["巡察时间:2023年3月14日至5月14日", N, "反馈时间:2023年6月1日", N, "填报时间:2023年10月1日"]
    result = ledger(tmp_path, ["某局巡察整改台账"], row)
    assert facts_of(result) | {"target": None} == {
        "target": None,
        "start": D("2023-03-14"),
        "end": D("2023-05-14"),
        "feedback_date": D("2023-06-01"),
        "as_of": D("2023-10-01"),
    }
    assert where(result, "feedback_date") == "整改台账!C2"


def test_several_labelled_facts_in_one_cell(tmp_path: Path) -> None:
    result = ledger(
        tmp_path, ["某局巡察整改台账"], ["巡察组:区委第一巡察组    反馈时间:2023年6月1日    统计截至:2023年10月1日"]
    )
    found = facts_of(result)
    assert (found["inspector"], found["feedback_date"], found["as_of"]) == (
        "区委第一巡察组",
        D("2023-06-01"),
        D("2023-10-01"),
    )


def test_a_group_before_a_label_and_a_stamped_reporting_unit(tmp_path: Path) -> None:
    result = ledger(
        tmp_path, ["巡察整改台账"], ["市委第一巡察组反馈时间:2023年6月1日"], ["填报单位:中共某市审计局党组(盖章)"]
    )
    found = facts_of(result)
    assert (found["inspector"], found["feedback_date"], found["target"]) == (
        "市委第一巡察组",
        D("2023-06-01"),
        "中共某市审计局党组",  # the stamp mark is no part of the name
    )
    assert where(result, "inspector") == "整改台账!A2"


def test_a_title_row_and_a_notice_preamble_stating_the_same_facts_read_the_same(tmp_path: Path) -> None:
    title = "中共某市审计局党组落实市委第二巡察组反馈意见整改台账"
    sheet = facts_of(ledger(tmp_path, [title], [SUBTITLE]))
    (notice,) = parse(
        f"中共某市审计局党组关于巡察整改情况的通报\n{SUBTITLE}\n(一)针对“学习不够”的问题\n一是学习。"
    ).ledger.inspections
    assert sheet == {name: getattr(notice, name) for name in sheet}
    shared = read_round_facts([("A2", SUBTITLE)], title=title)
    assert (shared.inspector, shared.target, shared.where["start"]) == ("市委第二巡察组", "中共某市审计局党组", "A2")


def test_a_fault_free_ledger_that_states_no_round_facts_passes_with_a_warning_per_fact(tmp_path: Path) -> None:
    result = ledger(tmp_path)
    report = validate(result.ledger)
    assert "missing-fact" in {d.rule for d in report.diagnostics}  # the model holds no fact: the rule sees it
    unstated = [d for d in result.diagnostics if d.params["code"] == "fact-not-stated"]
    assert [(d.params["field"], d.params["option"], str(d.location)) for d in unstated] == [
        ("inspector", "--inspector", "整改台账!A1"),
        ("target", "--target", "整改台账!A1"),
        ("start", "--start", "整改台账!A1"),
        ("end", "--end", "整改台账!A1"),
        ("feedback_date", "--feedback-date", "整改台账!A1"),
    ]
    assert all(d.params["supersedes"] == "missing-fact" for d in unstated)


def test_the_command_line_passes_a_clean_ledger_and_still_fails_an_empty_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rectmodel.cli import main

    clean = book(tmp_path / "clean.xlsx", {"整改台账": [HEADER, *ROWS]})
    assert main(["validate", str(clean)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 file: 0 errors, 5 warnings, 0 infos, 0 waived"
    given = ["--inspector", "市委第一巡察组", "--target", "某局党组", "--start", "2023-03-14", "--end", "2023-05-14"]
    assert main(["validate", str(clean), *given, "--feedback-date", "2023-06-01"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 file: 0 errors, 0 warnings, 0 infos, 0 waived"
    empty = book(tmp_path / "empty.xlsx", {"整改台账": [HEADER]})
    assert main(["validate", str(empty)]) == 1
    out = capsys.readouterr().out
    assert "empty-document" in out
    assert "fact-not-stated" not in out


# --- responsibility in one labelled cell ---------------------------------------------------------------


def _who(tmp_path: Path, header: str, cell: str, *, measures: str = "制定学习计划") -> list[Any]:
    rows = [["序号", "问题", "整改措施", header, "完成时限"], [1, "理论学习不深入", measures, cell, "2023年9月底"]]
    result = read(book(tmp_path / "who.xlsx", {"台账": rows}))
    return [m.responsibility for p in result.ledger.inspections[0].problems for m in p.measures], result


@pytest.mark.parametrize(
    "cell",
    [
        "责任领导:张三\n责任单位:办公室、人事科\n责任人:李四、王五",
        "责任人:李四、王五;责任单位:办公室、人事科;责任领导:张三",  # any order, one line
        "牵头领导:张三 牵头单位:办公室 配合单位:人事科 具体责任人:李四、王五",  # synonyms
        "分管领导:张三\n责任部门:办公室\n协办单位:人事科\n经办人:李四\n经办人:王五",
    ],
)
@pytest.mark.parametrize("header", ["责任领导及责任单位", "责任分工", "责任主体", "责任领导"])
def test_a_labelled_responsibility_cell_is_split_into_leaders_departments_and_persons(
    tmp_path: Path, header: str, cell: str
) -> None:
    (who,), _ = _who(tmp_path, header, cell)
    assert who is not None
    assert (who.leaders, who.departments, who.persons) == (("张三",), ("办公室", "人事科"), ("李四", "王五"))


def test_a_labelled_cell_of_two_lines_is_not_split_across_two_measures(tmp_path: Path) -> None:
    found, _ = _who(tmp_path, "责任分工", "责任领导:张三\n责任单位:办公室", measures="1.制定计划\n2.开展研讨")
    assert [(w.leaders, w.departments) for w in found] == [(("张三",), ("办公室",))] * 2


def test_an_unlabelled_combined_cell_is_a_reader_warning_not_a_missing_responsibility(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (who,), result = _who(tmp_path, "责任分工", "张三 办公室")
    assert who is None  # whose names they are is not said: none is guessed
    (warning,) = [d for d in result.diagnostics if d.params["code"] == "unlabelled-responsibility"]
    assert (str(warning.location), warning.params["supersedes"]) == ("台账!D2", "measure-without-responsibility")
    from rectmodel.cli import main

    main(["validate", str(tmp_path / "who.xlsx")])
    assert "measure-without-responsibility" not in capsys.readouterr().out


# --- numbered cells per measure ------------------------------------------------------------------------


def _numbered(tmp_path: Path, deadline: str, progress: str) -> tuple[list[tuple[Any, Any]], SheetResult]:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况"],
        [1, "理论学习不深入", "1.制定学习计划\n2.开展专题研讨", "办公室", deadline, progress],
    ]
    result = read(book(tmp_path / "n.xlsx", {"台账": rows}))
    (p,) = result.ledger.inspections[0].problems
    return [(m.deadline, [s.state.value for s in m.history]) for m in p.measures], result


def test_a_deadline_and_a_progress_numbered_like_the_measures_give_each_its_own(tmp_path: Path) -> None:
    found, _ = _numbered(tmp_path, "1.2021年9月底\n2.长期坚持", "1.已完成\n2.正在推进")
    assert found == [(D("2021-09"), ["completed"]), (DeadlineTerm.LONG_TERM, ["in_progress"])]


def test_an_unnumbered_deadline_applies_to_every_measure(tmp_path: Path) -> None:
    found, _ = _numbered(tmp_path, "2021年9月底", "1.已完成\n2.正在推进")
    assert [deadline for deadline, _ in found] == [D("2021-09"), D("2021-09")]


@pytest.mark.parametrize(
    ("deadline", "progress", "cells"),
    [
        ("1.2021年9月底\n3.长期坚持", "1.已完成\n2.正在推进", ["台账!E2"]),  # numbered 1, 3
        ("1.2021年9月底\n2.长期坚持", "2.已完成\n1.正在推进", ["台账!F2"]),  # out of order
        ("1.2021年9月底\n2.长期坚持\n3.2022年1月", "1.已完成\n2.正在推进", ["台账!E2"]),  # three for two
    ],
)
def test_a_numbering_that_does_not_line_up_is_a_located_warning_never_a_shift(
    tmp_path: Path, deadline: str, progress: str, cells: list[str]
) -> None:
    found, result = _numbered(tmp_path, deadline, progress)
    warned = [d for d in result.diagnostics if d.params["code"] == "split-mismatch"]
    assert [str(d.location) for d in warned] == cells
    assert all(d.severity.value == "warning" for d in warned)
    if cells == ["台账!E2"]:
        assert [deadline for deadline, _ in found] == [None, None]  # not given to the wrong measure
    else:
        assert [history for _, history in found] == [[], []]
    report = validate(result.ledger)
    blamed = {"measure-without-deadline", "measure-without-status"} & {d.rule for d in report.diagnostics}
    assert blamed  # the model lacks the value: the rule sees it, and the reader's warning stands in for it
    assert {d.params["supersedes"] for d in warned} <= blamed


# --- problem-level state and 销号 columns ----------------------------------------------------------


def test_a_state_and_a_closure_merged_over_a_problem_are_the_problem_s_and_each_measure_keeps_its_own(
    tmp_path: Path,
) -> None:
    import datetime as dt

    header = ["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况", "整改状态", "销号时间", "佐证材料"]
    rows = [
        header,
        [
            1,
            "理论学习不深入",
            "制定学习计划",
            "办公室",
            "2021年9月底",
            "已完成",
            "已销号",
            dt.date(2021, 10, 8),
            "计划\n记录",
        ],
        [N, N, "开展专题研讨", "办公室", "长期坚持", "长期坚持", N, N, N],
        [2, "制度执行不严格", "修订制度", "财务科", "2021年10月底", "正在推进", "已完成", N, N],
    ]
    merges = {"台账": ["A2:A3", "B2:B3", "G2:G3", "H2:H3", "I2:I3"]}
    result = read(book(tmp_path / "s.xlsx", {"台账": rows}, merges=merges))
    p1, p2 = result.ledger.inspections[0].problems
    (closed,) = p1.history
    assert (closed.state.value, closed.date, closed.evidence) == ("closed", D("2021-10-08"), ("计划", "记录"))
    assert [[s.state.value for s in m.history] for m in p1.measures] == [["completed"], ["long_term"]]
    assert all(m.evidence == () for m in p1.measures)
    assert [s.state.value for s in p2.history] == ["completed"]
    found = [(d.rule, str(d.location)) for d in validate(result.ledger).locate("s.xlsx", result.locator()).diagnostics]
    assert ("status-inconsistent", "s.xlsx:台账!G4") in found  # 已完成 while its measure is 正在推进


def test_one_closure_for_a_problem_s_numbered_measures_is_the_problem_s(tmp_path: Path) -> None:
    header = ["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况", "销号情况"]
    row = [
        1,
        "理论学习不深入",
        "1.制定学习计划\n2.开展专题研讨",
        "办公室",
        "1.2021年9月底\n2.长期坚持",
        "1.已完成\n2.正在推进",
        "已销号",
    ]
    result = read(book(tmp_path / "s.xlsx", {"台账": [header, row]}))
    (p,) = result.ledger.inspections[0].problems
    assert [s.state.value for s in p.history] == ["closed"]
    assert [[s.state.value for s in m.history] for m in p.measures] == [["completed"], ["in_progress"]]
    assert "status-inconsistent" in {d.rule for d in validate(result.ledger).diagnostics}


def test_a_number_given_twice_is_a_duplicate_id_at_the_second_cell(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况"],
        [5, "问题甲", "措施甲", "办公室", "2021年9月底", "已完成"],
        [5, "问题乙", "措施乙", "办公室", "2021年9月底", "已完成"],
    ]
    result = read(book(tmp_path / "d.xlsx", {"台账": rows}))
    (duplicate,) = [d for d in result.diagnostics if d.rule == "duplicate-id"]
    assert (str(duplicate.location), duplicate.params, duplicate.related) == (
        "台账!A3",
        {"kind": "problem", "id": "5"},
        ("/inspections/0/problems/0/id",),
    )
    assert not [d for d in result.diagnostics if d.params.get("code") == "numbering-gap"]


_TWO_LEVEL = ["一级序号", "二级序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况"]


def _two_level(first: object, second: str, problem: object, measure: str) -> list[object]:
    """A row under ``_TWO_LEVEL``: its numbers, problem and measure; the same office, deadline and state."""
    return [first, second, problem, measure, "办公室", "2021年9月底", "已完成"]


def test_a_two_level_number_given_twice_is_a_duplicate_id_of_the_problem_at_its_cell(tmp_path: Path) -> None:
    rows = [
        _TWO_LEVEL,
        _two_level(1, "1.1", "问题甲", "措施甲"),
        _two_level(N, "1.2", "问题乙", "措施乙"),
        _two_level(N, "1.2", "问题丙", "措施丙"),
        _two_level(2, "2.1", "问题丁", "措施丁"),
    ]
    result = read(book(tmp_path / "d.xlsx", {"台账": rows}))
    (duplicate,) = [d for d in result.diagnostics if d.rule == "duplicate-id"]
    assert (str(duplicate.location), duplicate.pointer, duplicate.params, duplicate.related) == (
        "台账!B4",
        "/inspections/0/problems/2/id",
        {"kind": "problem", "id": "1.2"},
        ("/inspections/0/problems/1/id",),
    )


def test_a_two_level_number_repeated_among_a_problem_s_measures_is_a_duplicate_id_of_the_measure(
    tmp_path: Path,
) -> None:
    rows = [
        _TWO_LEVEL,
        _two_level(1, "1.1", "问题甲", "措施甲"),
        _two_level(N, "1.2", N, "措施乙"),
        _two_level(N, "1.2", N, "措施丙"),
        _two_level(2, "2.1", "问题丁", "措施丁"),
    ]
    result = read(book(tmp_path / "d.xlsx", {"台账": rows}, merges={"台账": ["A2:A4", "C2:C4"]}))
    assert [len(p.measures) for p in result.ledger.inspections[0].problems] == [3, 1]
    (duplicate,) = [d for d in result.diagnostics if d.rule == "duplicate-id"]
    assert (str(duplicate.location), duplicate.pointer, duplicate.params, duplicate.related) == (
        "台账!B4",
        "/inspections/0/problems/0/measures/2/id",
        {"kind": "measure", "id": "1.2"},
        ("/inspections/0/problems/0/measures/1/id",),
    )


def test_two_level_numbers_each_given_once_are_no_finding(tmp_path: Path) -> None:
    rows = [
        _TWO_LEVEL,
        _two_level(1, "1.1", "问题甲", "措施甲"),
        _two_level(N, "1.2", "问题乙", "措施乙"),
        _two_level(2, "2.1", "问题丙", "措施丙"),
        _two_level(N, "2.2", "问题丁", "措施丁"),
    ]
    result = read(book(tmp_path / "d.xlsx", {"台账": rows}))
    assert len(result.ledger.inspections[0].problems) == 4
    assert not [d for d in result.diagnostics if d.rule == "duplicate-id" or d.params.get("code") == "numbering-gap"]


def test_a_date_typed_as_text_reads_like_the_date_cells_beside_it(tmp_path: Path) -> None:
    import datetime as dt

    rows = [
        ["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况"],
        [1, "问题甲", "措施甲", "办公室", dt.date(2023, 10, 31), "已完成"],
        [2, "问题乙", "措施乙", "办公室", "2023/10/31", "已完成"],
        [3, "问题丙", "措施丙", "办公室", "2023.9.30", "已完成"],
    ]
    result = read(book(tmp_path / "t.xlsx", {"台账": rows}))
    deadlines = [m.deadline for p in result.ledger.inspections[0].problems for m in p.measures]
    assert deadlines == [D("2023-10-31"), D("2023-10-31"), D("2023-09-30")]

"""Reading and writing spreadsheet ledgers: each layout of the genre, each planted fault at its cell, round trips."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rectmodel
from rectmodel import (
    DeadlineTerm,
    DocumentKind,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    Measure,
    MeasureLevel,
    PartialDate,
    Problem,
    ProblemLevel,
    Responsibility,
    Severity,
    State,
    Status,
)
from rectmodel.sheets import SUFFIXES, SheetResult, _cells, read, read_bytes, template, write
from rectmodel.strategies import ledgers

D = PartialDate.parse
N = None
Rows = Sequence[Sequence[Any]]


def book(
    path: Path,
    sheets: Mapping[str, Rows],
    *,
    merges: Mapping[str, Sequence[str]] | None = None,
    hidden_columns: Mapping[str, Sequence[str]] | None = None,
    hidden_sheets: Sequence[str] = (),
) -> Path:
    """A workbook made with openpyxl (which can leave a formula without a saved value)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None and value != "":
                    ws.cell(r, c, value)
        for span in (merges or {}).get(name, ()):
            ws.merge_cells(span)
        for col in (hidden_columns or {}).get(name, ()):
            ws.column_dimensions[col].hidden = True
        if name in hidden_sheets:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def only(result: SheetResult) -> Inspection:
    (inspection,) = result.ledger.inspections
    return inspection


def codes(result: SheetResult) -> list[tuple[str, str | None]]:
    """Each reader diagnostic's code and cell (``sheet!cell``)."""
    return [
        (d.params["code"], None if d.location is None or d.location.cell is None else str(d.location))
        for d in result.diagnostics
    ]


def states(measure: Measure) -> list[str]:
    return [s.state.value for s in measure.history]


# --- the office's workbook: title rows, a two-row header, synonyms, merges, faults --------------------


OFFICE = [
    ["中共某区卫生健康局党组巡察反馈意见整改落实台账"],
    ["填报单位:某区卫生健康局　填报时间:2021年10月31日"],
    ["序号", "问题类别", "反馈问题", "整改举措", "责任分工", N, N, "完成时限", "整改落实情况", "是否销号",
     "佐证材料", N, "备注", "合计"],
    [N, N, N, N, "牵头领导", "责任单位", "具体责任人", N, N, N, N, N, N, N],
    ["1", "一、党的政治建设方面", "学习贯彻党的创新理论不深入　", "1.制定学习计划", "王伟", "办公室", "李芳",
     dt.date(2021, 9, 30), "已完成", "是", "学习计划\n会议记录", N, N, "=SUM(A5:A9)"],
    [N, N, N, "2.开展专题研讨", "王伟", "办公室", "张强", "2021.12.31", "正在推进", "否", N, N, "已报纪检组", N],
    ["2", N, "“三重一大”决策不规范", "修订议事规则", "赵敏、王伟", "党委办", "陈静", "长期坚持", "持续推进",
     N, N, N, N, N],
    ["4", "二、全面从严治党方面", "违规发放津补贴", "清退违规津补贴", "王伟", "财务科", "刘洋", "9月底", "基本到位",
     "2021年10月8日", "退款凭证", N, N, N],
    [],
    ["填表人:张三", N, N, "审核人:李四"],
]  # fmt: skip
OFFICE_MERGES = [
    "A1:N1", "A2:N2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:G3", "H3:H4", "I3:I4", "J3:J4", "K3:K4", "M3:M4",
    "A5:A6", "B5:B7", "C5:C6",
]  # fmt: skip


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> SheetResult:
    path = tmp_path_factory.mktemp("office") / "台账.xlsx"
    book(path, {"台账": OFFICE}, merges={"台账": OFFICE_MERGES}, hidden_columns={"台账": ["L"]})
    return read(path)


def test_office_workbook_problems_groups_and_measures(office: SheetResult) -> None:
    x = only(office)
    assert x.document is DocumentKind.LEDGER
    assert [(g.id, g.level, g.title) for g in x.groups] == [
        ("A1", GroupLevel.ASPECT, "党的政治建设方面"),
        ("A2", GroupLevel.ASPECT, "全面从严治党方面"),
    ]
    assert [(p.id, p.title, p.group, len(p.measures)) for p in x.problems] == [
        ("P1", "学习贯彻党的创新理论不深入", "A1", 2),
        ("P2", "“三重一大”决策不规范", "A1", 1),  # 问题类别 merged down over it
        ("P3", "违规发放津补贴", "A2", 1),
    ]
    m1, m2 = x.problems[0].measures
    assert (m1.id, m1.text, m2.text) == ("P1-M1", "制定学习计划", "开展专题研讨")
    assert m1.responsibility == Responsibility(("王伟",), ("办公室",), ("李芳",))
    assert x.problems[1].measures[0].responsibility == Responsibility(("赵敏", "王伟"), ("党委办",), ("陈静",))


def test_office_workbook_deadlines_states_and_closure(office: SheetResult) -> None:
    x = only(office)
    (m1, m2), (m3,), (m4,) = (p.measures for p in x.problems)
    assert [m.deadline for m in (m1, m2, m3, m4)] == [D("2021-09-30"), D("2021-12-31"), DeadlineTerm.LONG_TERM, None]
    assert states(m1) == ["completed", "closed"]  # 是否销号 是: closed after the progress
    assert states(m2) == ["in_progress"]  # 否: not closed
    assert states(m3) == ["in_progress"]
    assert states(m4) == ["closed"]
    assert m4.history[0].date == D("2021-10-08")
    assert m1.evidence == ("学习计划", "会议记录")


def test_office_workbook_facts_from_title_rows(office: SheetResult) -> None:
    x = only(office)
    assert x.target == "中共某区卫生健康局党组"
    assert x.as_of == D("2021-10-31")
    assert x.inspector is None  # never guessed


def test_office_workbook_reports_each_planted_fault_at_its_cell(office: SheetResult) -> None:
    found = codes(office)
    for expected in [
        ("formula-without-value", "台账!N5"),
        ("remark", "台账!M6"),
        ("unread-deadline", "台账!H8"),
        ("unknown-state", "台账!I8"),
        ("row-numbering-gap", "台账!A8"),
        ("footer", "台账!A10"),
        ("footer", "台账!D10"),
    ]:
        assert expected in found
    assert office.ledger.inspections[0].inspector is None  # stated nowhere: absent, and missing-fact says so
    assert not any(d.severity is Severity.ERROR for d in office.diagnostics)


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_formula_without_a_saved_value_is_found_however_the_sheet_is_compressed(
    tmp_path: Path, compression: int
) -> None:
    """The scan for formulas reads a sheet stored as well as deflated (the two ways the format allows)."""
    made = book(tmp_path / "made.xlsx", {"台账": OFFICE}, merges={"台账": OFFICE_MERGES})
    path = tmp_path / "台账.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", compression) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item), compress_type=compression)
    assert ("formula-without-value", "台账!N5") in codes(read(path))


def test_a_cell_read_wrong_names_the_part_of_its_measure(office: SheetResult) -> None:
    pointers = {d.params["code"]: d.pointer for d in office.diagnostics}
    assert pointers["unknown-state"] == "/inspections/0/problems/2/measures/0/history"
    assert pointers["unread-deadline"] == "/inspections/0/problems/2/measures/0/deadline"


def test_office_workbook_layout_is_reported(office: SheetResult) -> None:
    (layout,) = office.sheets
    assert layout.kind == "ledger"
    assert layout.header_rows == (3, 4)
    assert layout.by_measure is True
    assert layout.grouped_by == "column"
    roles = {letter: role for letter, _, role in layout.columns}
    assert roles["E"] == "leaders"
    assert roles["F"] == "departments"
    assert roles["G"] == "persons"
    assert roles["N"] is None  # 合计: not a ledger column


def test_cells_locate_what_was_read(office: SheetResult) -> None:
    cells = office.cells
    assert str(cells["/inspections/0/problems/0"]) == "台账!C5"
    assert str(cells["/inspections/0/problems/0/measures/1/deadline"]) == "台账!H6"
    assert str(cells["/inspections/0/problems/2/measures/0/responsibility/persons"]) == "台账!G8"
    assert str(cells["/inspections/0/groups/1"]) == "台账!B8"
    assert str(cells["/inspections/0/target"]) == "台账!A1"
    assert str(cells["/inspections/0/as_of"]) == "台账!A2"
    assert "/inspections/0/problems/0/measures/0/history/1" in cells  # the closure, at 是否销号
    assert str(cells["/inspections/0/problems/0/measures/0/history/1"]) == "台账!J5"
    assert all(isinstance(k, str) for k in cells)
    assert len(cells) == len(list(cells))


def test_rule_findings_are_located_at_cells(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展"],
        [1, "问题一", "措施一", N, N, "2021年12月底", "已销号"],
    ]
    result = read(book(tmp_path / "a.xlsx", {"台账": rows}))
    report = rectmodel.validate(result.ledger).locate("a.xlsx", result.locator())
    where = {d.rule: str(d.location) for d in report.diagnostics}
    assert where["measure-without-responsibility"] == "a.xlsx:台账!C2"  # the measure, as the rule points
    assert where["closed-without-evidence"] == "a.xlsx:台账!G2"  # …/history/0, at 整改进展


# --- one row per problem, measures numbered in one cell -------------------------------------------


def test_one_row_per_problem_splits_measures_and_what_lines_up(tmp_path: Path) -> None:
    rows = [
        ["序号", "存在问题", "具体措施", "分管领导", "责任科室", "责任人", "整改期限", "整改情况"],
        ["1", "学习不深入", "1.制定学习计划;\n2.开展专题研讨。", "王伟", "办公室", "1.李芳\n2.张强",
         "2021年12月底", "1.已完成\n2.正在推进"],
        ["2", "制度不健全", "一是修订制度;二是加强监督;三是开展检查", "赵敏", "党委办", "陈静、刘洋",
         "1.2021年9月\n2.2021年10月", "持续推进"],
    ]  # fmt: skip
    result = read(book(tmp_path / "b.xlsx", {"Sheet1": rows}))
    x = only(result)
    p1, p2 = x.problems
    assert [m.text for m in p1.measures] == ["制定学习计划;", "开展专题研讨。"]
    assert [m.responsibility.persons for m in p1.measures if m.responsibility] == [("李芳",), ("张强",)]
    assert [m.deadline for m in p1.measures] == [D("2021-12"), D("2021-12")]  # one deadline for both
    assert [states(m) for m in p1.measures] == [["completed"], ["in_progress"]]
    assert [m.text for m in p2.measures] == ["修订制度;", "加强监督;", "开展检查"]
    assert all(m.responsibility == Responsibility(("赵敏",), ("党委办",), ("陈静", "刘洋")) for m in p2.measures)
    assert all(m.history == () for m in p2.measures)
    assert [s.state for s in p2.history] == [State.IN_PROGRESS]  # one progress for three measures: the problem's
    assert ("split-mismatch", "Sheet1!G3") in codes(result)  # two deadlines for three measures
    assert result.sheets[0].by_measure is False


# --- section rows and categories -------------------------------------------------------------------


def test_section_rows_group_problems_and_their_counts_are_checked(tmp_path: Path) -> None:
    rows = [
        ["某局巡察整改台账"],
        ["序号", "问题", "措施", "牵头领导", "牵头部门", "时限", "进展"],
        ["一、党的政治建设方面(共2个问题)"],
        ["(一)学习不够深入"],
        [1, "理论学习流于形式", "制定计划", "王伟", "办公室", "2021年底", "已完成整改"],
        ["(二)制度执行不严"],
        [2, "三重一大不规范", "修订规则", "王伟", "办公室", "立行立改", "已完成"],
        [3, "档案管理混乱", "整理档案", "王伟", "办公室", "2021/9/30", "已完成"],
        ["二、全面从严治党方面(共1个问题)"],
        [1, "津补贴违规", "清退", "赵敏", "财务科", "常态化", "持续推进"],
    ]
    merges = ["A1:G1", "A3:G3", "A4:G4", "A6:G6", "A9:G9"]
    result = read(book(tmp_path / "c.xlsx", {"台账": rows}, merges={"台账": merges}))
    x = only(result)
    assert [(g.id, g.title, g.parent) for g in x.groups] == [
        ("A1", "党的政治建设方面", None),
        ("A1-C1", "学习不够深入", "A1"),
        ("A1-C2", "制度执行不严", "A1"),
        ("A2", "全面从严治党方面", None),
    ]
    assert [p.group for p in x.problems] == ["A1-C1", "A1-C2", "A1-C2", "A2"]
    assert [p.measures[0].deadline for p in x.problems] == [
        D("2021"),
        DeadlineTerm.IMMEDIATE,
        D("2021-09-30"),
        DeadlineTerm.ONGOING,
    ]
    assert ("section-count", "台账!A3") in codes(result)  # declares 2, lists 3
    assert ("section-count", "台账!A9") not in codes(result)
    assert not any(c == "row-numbering-gap" for c, _ in codes(result))  # 1 under a new section is a restart
    assert result.sheets[0].grouped_by == "sections"


def test_category_column_without_a_problem_column_holds_category_level_problems(tmp_path: Path) -> None:
    rows = [
        ["序号", "方面", "类别", "整改任务", "责任领导", "完成时限", "整改状态"],
        [1, "政治建设方面", "针对“学习不深入”的问题", "制定计划", "王伟", "2021年12月", "已完成"],
        [N, N, N, "开展研讨", "王伟", "2021年12月", "已完成"],
    ]
    merges = ["A2:A3", "B2:B3", "C2:C3"]
    x = only(read(book(tmp_path / "d.xlsx", {"台账": rows}, merges={"台账": merges})))
    (p,) = x.problems
    assert p.level is ProblemLevel.CATEGORY
    assert p.title == "针对“学习不深入”的问题"
    assert [m.level for m in p.measures] == [MeasureLevel.TASK, MeasureLevel.TASK]


# --- one sheet per aspect, with a cover sheet --------------------------------------------------------


def test_one_sheet_per_aspect_and_a_cover_sheet(tmp_path: Path) -> None:
    header = ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改进展", "销号时间"]
    cover = [
        ["基本情况"],
        ["巡察组", "市委第二巡察组"],
        ["被巡察党组织", "中共某市政务服务数据管理局党组"],
        ["巡察时间", "2021年3月11日至6月18日"],
        ["反馈时间", dt.date(2021, 8, 4)],
        ["巡察类型", "常规巡察"],
        ["问题数", 3],
        ["说明", "本表由办公室汇总"],
    ]
    sheets = {
        "基本情况": cover,
        "一、政治建设": [header, [1, "学习不深入", "制定计划", "王伟", "办公室", "李芳", "2021年9月30日", "已销号",
                                dt.date(2021, 9, 28)]],
        "二、组织建设": [header, [1, "支部不规范", "整顿支部", "赵敏", "组织科", "陈静", "2021年底", "正在推进", N],
                         [2, "发展党员不严", "规范程序", "赵敏", "组织科", "陈静", "2021年底", "正在推进", N]],
        "数据源": [["已完成"], ["正在推进"]],
    }  # fmt: skip
    result = read(book(tmp_path / "e.xlsx", sheets, hidden_sheets=["数据源"]))
    x = only(result)
    assert (x.inspector, x.target, x.kind) == (
        "市委第二巡察组",
        "中共某市政务服务数据管理局党组",
        InspectionKind.REGULAR,
    )
    assert (x.start, x.end, x.feedback_date) == (D("2021-03-11"), D("2021-06-18"), D("2021-08-04"))
    assert x.declared.problems == 3
    assert [(g.id, g.title) for g in x.groups] == [("A1", "政治建设"), ("A2", "组织建设")]
    assert [(p.id, p.group) for p in x.problems] == [("P1", "A1"), ("P2", "A2"), ("P3", "A2")]
    assert x.problems[0].measures[0].history[-1] == Status(State.CLOSED, D("2021-09-28"))
    assert ("closed-conflict", None) not in codes(result)
    found = codes(result)
    assert ("hidden-sheet", None) in found
    assert ("unplaced-cell", "基本情况!B8") in found or ("unplaced-cell", "基本情况!A8") in found
    assert str(result.cells["/inspections/0/problems/1"]) == "二、组织建设!B2"
    assert str(result.cells["/inspections/0/feedback_date"]) == "基本情况!B5"
    assert [s.kind for s in result.sheets] == ["cover", "ledger", "ledger", "hidden"]


def test_a_closure_date_that_disagrees_with_the_progress_is_reported(tmp_path: Path) -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任领导", "整改时限", "整改进展", "销号时间"],
        [1, "问题一", "措施一", "王伟", "2021年底", "2021年9月1日 已销号", dt.date(2021, 9, 2)],
        [2, "问题二", "措施二", "王伟", "2021年底", "已销号", "未销号"],
    ]
    result = read(book(tmp_path / "f.xlsx", {"台账": rows}))
    assert [c for c in codes(result) if c[0] == "closed-conflict"] == [
        ("closed-conflict", "台账!G2"),
        ("closed-conflict", "台账!G3"),
    ]


# --- columns: synonyms, unknown, duplicate, hidden, empty, any order --------------------------------


def test_any_column_order_unknown_and_repeated_columns(tmp_path: Path) -> None:
    rows = [
        ["整改时限", "", "责任人", "问题描述", "措施", "整改目标", "整改举措", "序号"],
        ["2021年12月", "", "李芳", "问题一", "措施一", "目标一", "另一措施", 1],
        ["2022年3月", "", "张强", "问题二", "措施二", "目标二", N, 2],
    ]
    result = read(book(tmp_path / "g.xlsx", {"台账": rows}, hidden_columns={"台账": ["B"]}))
    x = only(result)
    assert [(p.title, p.measures[0].text, p.measures[0].deadline) for p in x.problems] == [
        ("问题一", "措施一", D("2021-12")),
        ("问题二", "措施二", D("2022-03")),
    ]
    found = {
        d.params["code"]: d for d in result.diagnostics if d.params["code"] in ("unknown-column", "duplicate-column")
    }
    assert found["unknown-column"].params["range"] == "F2:F3"
    assert str(found["unknown-column"].location) == "台账!F1"
    assert found["duplicate-column"].params["range"] == "G2:G2"


def test_a_mapping_file_names_what_the_synonyms_miss(tmp_path: Path) -> None:
    rows = [["编号", "问题", "整改目标及举措", "牵头处室", "内部编号"], [1, "问题一", "措施一", "办公室", "X-1"]]
    path = book(tmp_path / "h.xlsx", {"台账": rows})
    mapping = tmp_path / "映射.toml"
    mapping.write_text(
        '[columns]\n"整改目标及举措" = "measure"\n"牵头处室" = "责任部门"\n"内部编号" = "ignore"\n', "utf-8"
    )
    result = read(path, mapping=mapping)
    (p,) = only(result).problems
    assert p.measures[0].text == "措施一"
    assert p.measures[0].responsibility == Responsibility((), ("办公室",))
    assert {c for c, _ in codes(result)} == {"fact-not-stated"}  # the rows name no round facts, nothing else


def test_a_bad_mapping_file_is_one_located_error_per_problem(tmp_path: Path) -> None:
    path = book(tmp_path / "i.xlsx", {"台账": [["问题", "措施", "时限"], ["a", "b", "2021年"]]})
    mapping = tmp_path / "bad.toml"
    mapping.write_text('sheets = "x"\n[columns]\n"牵头处室" = "dept"\n', "utf-8")
    result = read(path, mapping=mapping)
    assert result.ledger == Ledger()
    assert [(d.params["where"], d.location.line if d.location else None) for d in result.diagnostics] == [
        ("sheets", 1),
        ("columns.牵头处室", 3),
    ]
    assert all(d.severity is Severity.ERROR and d.params["code"] == "bad-mapping" for d in result.diagnostics)
    broken = tmp_path / "broken.json"
    broken.write_text('{"columns": {"a": ', "utf-8")
    (only_one,) = read(path, mapping=broken).diagnostics
    assert only_one.location is not None
    assert only_one.location.line == 1


def test_options_fill_what_the_workbook_does_not_state(tmp_path: Path) -> None:
    rows = [["某局党组巡察整改台账"], ["序号", "问题", "整改措施", "整改时限"], [1, "问题一", "措施一", "2021年底"]]
    path = book(tmp_path / "j.xlsx", {"台账": rows})
    result = read(path, inspector="市委第一巡察组", target="别的党组", feedback_date="2021-08-04", id="x1", unit="u1")
    x = only(result)
    assert (x.id, x.inspector, x.target, x.feedback_date, x.unit) == (
        "x1",
        "市委第一巡察组",
        "某局党组",
        D("2021-08-04"),
        "u1",
    )
    (differs,) = [d for d in result.diagnostics if d.params["code"] == "option-differs"]
    assert differs.params["stated"] == "某局党组"
    assert differs.pointer == "/inspections/0/target"
    assert only(read(path)).id == "j"  # the file's stem


# --- files that are not what they say --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a workbook at all", "not-a-workbook"),
        (b"PK\x03\x04" + b"\x00" * 64, "not-a-workbook"),
        (b'{"inspections": []}', "not-a-workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512, "encrypted"),
    ],
)
def test_a_file_that_is_not_a_workbook_gives_one_diagnostic(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(content)
    result = read(path)
    (diagnostic,) = result.diagnostics
    assert (diagnostic.params["code"], diagnostic.severity) == (code, Severity.ERROR)
    assert "\n" not in diagnostic.message()
    assert result.ledger == Ledger()


def test_a_workbook_without_a_ledger_table_says_so(tmp_path: Path) -> None:
    result = read(book(tmp_path / "k.xlsx", {"说明": [["本表为填表说明"], ["请按要求填写"]]}))
    found = codes(result)
    assert ("no-table", None) in found
    assert ("unread-sheet", None) in found
    assert only(result).problems == ()


# --- CSV: encodings, formula-like text -------------------------------------------------------------

CSV_TEXT = (
    "巡察整改台账\r\n被巡察党组织,某局党组\r\n\r\n序号,问题,整改措施,责任领导,整改时限,整改进展\r\n"
    "1,学习不深入,制定计划,王伟,2021年12月底,已完成\r\n,,开展研讨,王伟,2021年12月底,'=A1\r\n"
)


@pytest.mark.parametrize(
    ("encoding", "bom", "said"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("gb18030", b"", "gb18030"),
        ("gbk", b"", "gb18030"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
def test_csv_in_each_encoding(tmp_path: Path, encoding: str, bom: bytes, said: str) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes(bom + CSV_TEXT.encode(encoding))
    result = read(path)
    x = only(result)
    assert x.target == "某局党组"
    (p,) = x.problems
    assert [m.text for m in p.measures] == ["制定计划", "开展研讨"]
    assert p.measures[1].history == ()  # "=A1", kept as text (the writer's quote taken off), names no state
    encodings = [d for d in result.diagnostics if d.params["code"] == "encoding"]
    assert [d.params["encoding"] for d in encodings] == [said]
    assert encodings[0].severity is Severity.INFO
    assert ("unknown-state", "台账!F6") in codes(result)


def test_formula_like_text_is_written_as_text(tmp_path: Path) -> None:
    texts = ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\t制表符", "\r回车"]
    x = Inspection(
        "i1",
        inspector="=cmd|' /C calc'!A0",
        target="某局党组",
        problems=tuple(
            Problem(f"P{k}", text, measures=(Measure(f"P{k}-M1", text, responsibility=Responsibility((text,))),))
            for k, text in enumerate(texts, 1)
        ),
    )
    xlsx = tmp_path / "f.xlsx"
    write(Ledger((x,)), xlsx)
    with zipfile.ZipFile(xlsx) as archive:
        assert not any(re.search(rb"<f[ >]", archive.read(n)) for n in archive.namelist() if "worksheets" in n)
    csv_path = tmp_path / "f.csv"
    write(Ledger((x,)), csv_path, "csv")
    raw = csv_path.read_text("utf-8-sig")
    assert "'=HYPERLINK" in raw
    assert "\n=" not in raw
    assert ",=" not in raw
    assert ",+" not in raw
    assert ",@" not in raw
    for path in (xlsx, csv_path):
        back = only(read(path))
        assert back.inspector == x.inspector
        assert [p.title for p in back.problems] == [t.strip() for t in texts]


# --- the template ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_template_reads_back_as_its_example_row(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"模板.{fmt}"
    template(path, fmt)  # type: ignore[arg-type]
    result = read(path)
    x = only(result)
    assert x.document is DocumentKind.LEDGER
    (p,) = x.problems
    (m,) = p.measures
    assert m.responsibility is not None
    assert m.deadline == D("2025-12")
    assert states(m) == ["in_progress"]
    sheet = "整改台账" if fmt == "xlsx" else "模板"
    assert ("example-row", f"{sheet}!L3" if fmt == "xlsx" else f"{sheet}!L26") in codes(result)
    assert {c for c, _ in codes(result)} <= {"example-row", "encoding", "fact-not-stated"}


def test_the_written_workbook_has_the_standard_layout(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["整改台账", "基本情况"]
    ws = wb["整改台账"]
    assert [c.value for c in ws[2]] == [
        "序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改进展", "销号时间",
        "佐证材料", "备注",
    ]  # fmt: skip
    assert ws.freeze_panes == "A3"
    (validation,) = ws.data_validations.dataValidation
    assert "已完成整改" in validation.formula1
    assert "已销号" in validation.formula1
    assert ws.column_dimensions["D"].width >= 30


def test_full_dates_are_excel_dates_and_partial_ones_text(tmp_path: Path) -> None:
    measure = Measure(
        "M1",
        "措施",
        responsibility=Responsibility(("王伟",)),
        deadline=D("2021-09-30"),
        history=(Status(State.CLOSED, D("2021-10-08"), evidence=("纪要",)),),
    )
    other = attrs.evolve(measure, id="M2", deadline=D("2021-12"), history=())
    x = Inspection(
        "i", target="某局党组", feedback_date=D("2021-08"), problems=(Problem("P1", "问题", measures=(measure, other)),)
    )
    path = tmp_path / "d.xlsx"
    write(Ledger((x,)), path)
    ws = openpyxl.load_workbook(path)["整改台账"]
    assert ws["H3"].value == dt.datetime(2021, 9, 30)
    assert ws["J3"].value == dt.datetime(2021, 10, 8)
    assert ws["H4"].value == "2021年12月底"
    assert "A3:A4" in {str(r) for r in ws.merged_cells.ranges}
    assert openpyxl.load_workbook(path)["基本情况"]["B10"].value == "2021年8月"


def test_write_needs_one_inspection_or_a_choice() -> None:
    two = Ledger((Inspection("a"), Inspection("b")))
    with pytest.raises(ValueError, match="one inspection"):
        write(two, io.BytesIO())
    out = io.BytesIO()
    write(two, out, inspection="b")
    assert only(read_bytes(out.getvalue(), suffix=".xlsx", name="x")).id == "b"


# --- properties -----------------------------------------------------------------------------------


def _projection(x: Inspection) -> dict[str, Any]:
    """What a workbook holds of an inspection: everything but links and ids (groups by title and parent).

    Ids are renumbered (P1, P1-M1, A1, A1-C1) as rows and group numbers order them.
    """
    by_id = {g.id: g for g in x.groups}

    def path(gid: str | None) -> tuple[str, ...]:
        out: list[str] = []
        while gid is not None and gid in by_id:
            out.insert(0, by_id[gid].title)
            gid = by_id[gid].parent
        return tuple(out)

    facts = attrs.asdict(x, recurse=False)
    for name in ("groups", "problems", "id"):
        facts.pop(name)
    return {
        **facts,
        "groups": [(g.level, path(g.id)) for g in x.groups],
        "problems": [
            (
                p.title,
                p.level,
                p.description,
                path(p.group),
                p.history,
                [attrs.evolve(m, id="") for m in p.measures],
            )
            for p in x.problems
        ],
    }


ROUND_TRIP = ledgers(max_units=1, max_rounds=1, documents=[DocumentKind.LEDGER])


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_read_gives_back_what_write_wrote(fmt: str) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(ROUND_TRIP)
    def check(ledger: Ledger) -> None:
        out = io.BytesIO()
        write(ledger, out, fmt)  # type: ignore[arg-type]
        result = read_bytes(out.getvalue(), suffix=f".{fmt}", name="x")
        assert [d for d in result.diagnostics if d.severity is not Severity.INFO] == []
        (x,) = ledger.inspections
        back = only(result)
        assert back.id == x.id
        assert _projection(back) == _projection(x)
        assert rectmodel.validate(result.ledger).diagnostics == ()

    check()


def _accounted(result: SheetResult, grid: Sequence[Sequence[Any]], sheet: str) -> list[str]:
    """The non-empty cells of *grid* that are neither read (in ``cells``), in a header, nor in a diagnostic."""
    placed = {(loc.sheet, loc.cell) for loc in result.cells.values()}
    for d in result.diagnostics:
        if d.location is not None and d.location.cell is not None:
            placed.add((d.location.sheet, d.location.cell))
        span = d.params.get("range")
        if span and d.location is not None:
            first, last = span.split(":")
            (r0, c0), (r1, c1) = _rc(first), _rc(last)
            placed |= {(d.location.sheet, _name(r, c)) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    headers = {r - 1 for layout in result.sheets for r in layout.header_rows}
    placed |= {(layout.name, cell) for layout in result.sheets for cell in layout.structure}
    missing = []
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value in (None, "") or not str(value).strip() or r in headers:
                continue
            if (sheet, _name(r, c)) in placed:
                continue
            same = [k for k in range(r - 1, -1, -1) if c < len(grid[k]) and str(grid[k][c]).strip() not in ("", "None")]
            same = same[: next((n for n, k in enumerate(same) if str(grid[k][c]) != str(value)), len(same))]
            if not any((sheet, _name(k, c)) in placed for k in same):  # filled down: the same as a cell read above
                missing.append(f"{_name(r, c)}={value!r}")
    return missing


def _rc(name: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", name)
    assert m is not None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def _name(r: int, c: int) -> str:
    return f"{chr(65 + c)}{r + 1}"


_WORDS = st.sampled_from(
    [
        "序号", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改进展", "销号时间", "佐证材料",
        "备注", "方面", "一、党建方面", "(一)学习", "已完成", "正在推进", "已销号", "2021年12月底", "长期坚持",
        "填表人:张三", "=SUM(A1:A3)", "+1", "@x", "1.甲\n2.乙", "一是甲二是乙", "王伟、李芳", "合计", "1", "2", " ",
        "是", "否", "示例", "被巡察党组织", "某局党组", "反馈时间",
    ]
)  # fmt: skip
_CELLS = st.one_of(st.none(), _WORDS, st.text(max_size=8), st.integers(0, 30), st.dates(dt.date(1900, 3, 1)))
_ROWS = st.lists(st.lists(_CELLS, min_size=1, max_size=7), max_size=10)
_HEADERS = st.lists(
    st.sampled_from(["序号", "方面", "类别", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改进展",
                     "销号时间", "佐证材料", "备注", "整改目标", "", "是否销号", "问题描述"]),
    min_size=2,
    max_size=8,
).map(lambda words: ["问题", *words])  # fmt: skip
_GRIDS = st.one_of(
    _ROWS.filter(bool),
    st.tuples(st.lists(st.lists(_CELLS, max_size=3), max_size=2), st.permutations(["x"]), _HEADERS, _ROWS).map(
        lambda parts: [*parts[0], parts[2], *parts[3]]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid=_GRIDS, fmt=st.sampled_from(["xlsx", "csv"]))
def test_any_grid_reads_without_raising_and_every_cell_is_accounted_for(grid: list[list[Any]], fmt: str) -> None:
    grid = [[_clean(v) for v in row] for row in grid]
    if fmt == "csv":
        grid = [["" if v is None else str(v) for v in row] for row in grid]
        data = "\r\n".join(",".join('"' + v.replace('"', '""') + '"' for v in row) for row in grid).encode("utf-8")
        result = read_bytes(data, suffix=".csv", name="s")
    else:
        out = io.BytesIO()
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "s"
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(row, 1):
                if value not in (None, ""):
                    ws.cell(r, c, value)
        wb.save(out)
        result = read_bytes(out.getvalue(), suffix=".xlsx", name="s")
        grid = [[None if isinstance(v, str) and v.startswith("=") else v for v in row] for row in grid]
    assert _accounted(result, grid, "s") == []
    rectmodel.validate(result.ledger)


def _clean(value: Any) -> Any:
    """A cell value openpyxl and CSV both keep: no control characters, text stripped of what a cell trims."""
    if isinstance(value, str):
        return re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]", "", value)
    return value


def test_suffixes_are_what_the_reader_reads() -> None:
    assert {".xlsx", ".xls", ".ods", ".csv"} <= set(SUFFIXES)


EXAMPLE_JSON = Path(__file__).resolve().parents[1] / "examples" / "synthetic-ledger.json"
EXAMPLE_XLSX = EXAMPLE_JSON.with_suffix(".xlsx")


def test_the_example_workbook_is_the_writers_of_its_json_ledger(tmp_path: Path) -> None:
    """examples/synthetic-ledger.xlsx is ``write`` of examples/synthetic-ledger.json, and valid.

    Regenerate it with ``python -c "import rectmodel, rectmodel.sheets as s; s.write(rectmodel.load(
    'examples/synthetic-ledger.json'), 'examples/synthetic-ledger.xlsx')"``.
    """
    ledger = rectmodel.load(EXAMPLE_JSON)
    result = read(EXAMPLE_XLSX)
    assert result.diagnostics == ()
    assert rectmodel.validate(result.ledger).diagnostics == ()
    (x,) = ledger.inspections
    assert only(result).id == x.id
    assert _projection(only(result)) == _projection(x)
    fresh = tmp_path / "fresh.xlsx"
    write(ledger, fresh)
    assert read(fresh).ledger == result.ledger


def _ods(path: Path, name: str, rows: Rows) -> Path:
    """A minimal OpenDocument spreadsheet (no library writes one here), strings and dates."""

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, dt.date):
            iso = value.isoformat()
            head = f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
            return f"{head}<text:p>{iso}</text:p></table:table-cell>"
        text = str(value).replace("&", "&amp;").replace("<", "&lt;")
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_workbook_reads_like_an_xlsx(tmp_path: Path) -> None:
    rows = [
        ["某局党组巡察整改台账"],
        ["序号", "问题", "整改措施", "责任领导", "整改时限", "整改进展"],
        ["1", "学习不深入", "制定计划", "王伟", dt.date(2021, 9, 30), "已完成"],
        [N, N, "开展研讨", "王伟", "2021年底", "正在推进"],
    ]
    result = read(_ods(tmp_path / "台账.ods", "台账", rows))
    x = only(result)
    assert x.target == "某局党组"
    (p,) = x.problems
    assert [(m.text, m.deadline, states(m)) for m in p.measures] == [
        ("制定计划", D("2021-09-30"), ["completed"]),
        ("开展研讨", D("2021"), ["in_progress"]),
    ]
    assert str(result.cells["/inspections/0/problems/0/measures/1/deadline"]) == "台账!E4"


# --- a cell's list of names or items --------------------------------------------------------------

_LIST_ALPHABET = list("王李伟芳1.、,，;；/\n ()（）【】《》“”「」[]〔〕")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LIST_ALPHABET, max_size=24), st.booleans())
def test_a_cell_is_split_only_at_separators_no_bracket_holds_open(text: str, names: bool) -> None:
    """The split of a cell's names or items agrees with the scan of every bracket and separator in order."""
    pattern = _cells._LIST_SEPARATORS if names else _cells._ITEM_SEPARATORS
    scanned = (_cells.strip_number(part.strip()) for part in _cells._outside_brackets(text, pattern))
    assert _cells.split_list.__wrapped__(text, names=names) == tuple(part for part in scanned if part)

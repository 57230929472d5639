"""Write a ledger as the standard workbook (or CSV) an office keeps, and the empty template.

The ledger sheet 整改台账: a title row, a frozen header (序号 · 方面 · 问题 · 整改措施 ·
责任领导 · 责任部门 · 责任人 · 整改时限 · 整改进展 · 销号时间 · 佐证材料 · 备注; 类别 after 方面
where the round has categories, 整改结果 where problems have statuses of their own), one
row per measure with the problem's cells merged down its rows, full dates as Excel dates and
partial ones as text (``2021年12月底``), widths for Chinese text, and a drop-down of the state
words on 整改进展. The cover sheet 基本情况 holds the round's facts as label and value.

Every text is written as text: XlsxWriter runs with ``strings_to_formulas`` off and every
string goes through ``write_string``; a CSV cell a spreadsheet would run as a formula gets
the usual ``'`` (``rectmodel._safe.cell``); a control or bidirectional character is written as
its escape (``\\u202e``), so that no cell shows text reordered or hidden. What is written is
what ``read`` reads back, but for those characters.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
from collections.abc import Iterator, Sequence
from typing import IO, Any, Literal

import attrs

from .._lexicon import COVER_LABELS, DEADLINE_TERMS, KIND_NAMES, STATE_NAMES, date_text, deadline_text, ordinal
from .._lexicon.headers import EXAMPLE_MARKS
from .._lexicon.text import width
from .._safe import cell as safe_cell
from .._safe import visible
from ..dates import Deadline, PartialDate
from ..model import (
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    State,
    Status,
)
from ._cells import status_line

__all__ = ["Format", "template", "write"]

Format = Literal["xlsx", "csv"]
Target = str | os.PathLike[str] | IO[bytes]

LEDGER_SHEET = "整改台账"
COVER_SHEET = "基本情况"

# The cover's rows: field, in the order an office reads them.
_COVER_FIELDS = (
    "id",
    "target",
    "inspector",
    "kind",
    "round",
    "unit",
    "start",
    "end",
    "feedback_date",
    "plan_date",
    "as_of",
    "report_date",
    *(f"declared.{f.name}" for f in attrs.fields(DeclaredCounts)),
)
# Column widths (in Excel's character units) a header starts from, and the widest a column grows to.
_WIDTHS = {
    "seq": (6, 6),
    "aspect": (14, 24),
    "category": (14, 24),
    "problem": (24, 40),
    "measure": (30, 50),
    "leaders": (10, 16),
    "departments": (10, 18),
    "persons": (8, 14),
    "deadline": (13, 16),
    "progress": (24, 40),
    "problem_progress": (18, 30),
    "closed": (13, 16),
    "evidence": (16, 30),
    "remark": (8, 16),
}


@attrs.frozen
class _Column:
    role: str
    header: str


def _columns(x: Inspection) -> tuple[_Column, ...]:
    has_categories = any(g.level is GroupLevel.CATEGORY for g in x.groups)
    category_problems = any(p.level is ProblemLevel.CATEGORY for p in x.problems)
    measures = [m for p in x.problems for m in p.measures]
    tasks = bool(measures) and all(m.level is MeasureLevel.TASK for m in measures)
    columns = [_Column("seq", "序号"), _Column("aspect", "方面")]
    if has_categories:
        columns.append(_Column("category", "类别"))
    columns.append(_Column("problem", "类别" if category_problems and not has_categories else "问题"))
    columns.append(_Column("measure", "整改任务" if tasks else "整改措施"))
    columns += [
        _Column("leaders", "责任领导"),
        _Column("departments", "责任部门"),
        _Column("persons", "责任人"),
        _Column("deadline", "整改时限"),
        _Column("progress", "整改进展"),
    ]
    if any(p.history for p in x.problems):
        columns.append(_Column("problem_progress", "整改结果"))
    columns += [_Column("closed", "销号时间"), _Column("evidence", "佐证材料"), _Column("remark", "备注")]
    return tuple(columns)


_PROBLEM_ROLES = frozenset({"seq", "aspect", "category", "problem", "problem_progress"})
_MEASURED_ROWS = 300  # column widths are fitted to the text of the first rows


def _group_texts(x: Inspection) -> dict[str, tuple[str, str]]:
    """Each group's id → (aspect cell, category cell), numbered as the ledger orders them."""
    by_id = {g.id: g for g in x.groups}
    aspect_numbers: dict[str, int] = {}
    category_numbers: dict[str, int] = {}
    counts: dict[str | None, int] = {}
    for g in x.groups:
        if g.level is GroupLevel.ASPECT:
            aspect_numbers[g.id] = len(aspect_numbers) + 1
        else:
            counts[g.parent] = counts.get(g.parent, 0) + 1
            category_numbers[g.id] = counts[g.parent]
    texts = {}
    for g in x.groups:
        if g.level is GroupLevel.ASPECT:
            texts[g.id] = (f"{ordinal(aspect_numbers[g.id])}、{g.title}", "")
        else:
            parent = by_id.get(g.parent or "")
            aspect = "" if parent is None else f"{ordinal(aspect_numbers[parent.id])}、{parent.title}"
            texts[g.id] = (aspect, f"({ordinal(category_numbers[g.id])}){g.title}")
    return texts


def _unnamed_groups(x: Inspection) -> list[str]:
    """Section rows (``二、…``, ``(一)…``) for the groups no problem names: a workbook lists the others in 方面 / 类别.

    A category's aspect is written before it, so that the category is read as its.
    """
    named = {p.group for p in x.problems if p.group}
    by_id = {g.id: g for g in x.groups}
    named |= {parent for g in list(named) if g in by_id and (parent := by_id[g].parent)}
    texts = _group_texts(x)
    rows: list[str] = []
    for g in x.groups:
        if g.id in named:
            continue
        aspect, category = texts[g.id]
        if g.level is GroupLevel.CATEGORY and aspect and aspect not in rows:
            rows.append(aspect)
        rows.append(category or aspect)
    return rows


def _deadline(deadline: Deadline | None) -> str | PartialDate:
    if deadline is None:
        return ""
    if isinstance(deadline, PartialDate):
        return deadline if deadline.day is not None else deadline_text(deadline)
    return DEADLINE_TERMS[deadline][0]


def _closed(history: tuple[Status, ...]) -> str | PartialDate:
    if not history or history[-1].state is not State.CLOSED:
        return ""
    date = history[-1].date
    if date is None:
        return STATE_NAMES[State.CLOSED]
    return date if date.day is not None else date_text(date)


Cell = str | int | PartialDate


def _rows(x: Inspection, columns: Sequence[_Column], remark: str) -> Iterator[tuple[dict[str, Cell], int]]:
    """Each row's cells by role, with the number of rows its problem spans (on the problem's first row, else 0)."""
    groups = _group_texts(x)
    for i, problem in enumerate(x.problems):
        aspect, category = groups.get(problem.group or "", ("", ""))
        title = problem.title if problem.description is None else f"{problem.title}\n{problem.description}"
        head: dict[str, Cell] = {
            "seq": i + 1,
            "aspect": aspect,
            "category": category,
            "problem": title,
            "problem_progress": "\n".join(status_line(s) for s in problem.history),
        }
        measures: Sequence[Measure | None] = problem.measures or (None,)
        for j, measure in enumerate(measures):
            cells: dict[str, Cell] = dict(head) if j == 0 else {}
            if measure is not None:
                who = measure.responsibility or Responsibility()
                cells |= {
                    "measure": measure.text,
                    "leaders": "、".join(who.leaders),
                    "departments": "、".join(who.departments),
                    "persons": "、".join(who.persons),
                    "deadline": _deadline(measure.deadline),
                    "progress": "\n".join(status_line(s) for s in measure.history),
                    "closed": _closed(measure.history),
                    "evidence": "\n".join(measure.evidence),
                }
            if remark:
                cells["remark"] = remark
            yield cells, len(measures) if j == 0 else 0


def _cover(x: Inspection | None) -> Iterator[tuple[str, Cell]]:
    for field in _COVER_FIELDS:
        label = COVER_LABELS[field][0]
        if x is None:
            yield label, ""
            continue
        if field.startswith("declared."):
            value: Any = getattr(x.declared, field.removeprefix("declared."))
        else:
            value = getattr(x, field)
        if value is None:
            yield label, ""
        elif isinstance(value, InspectionKind):
            yield label, KIND_NAMES[value]
        elif isinstance(value, PartialDate):
            yield label, value if value.day is not None else date_text(value)
        else:
            yield label, value


def _title(x: Inspection | None) -> str:
    return f"{x.target}巡察整改台账" if x is not None and x.target else "巡察整改台账"


def _pick(ledger: Ledger, inspection: int | str | None) -> Inspection:
    if isinstance(inspection, str):
        for x in ledger.inspections:
            if x.id == inspection:
                return x
        raise ValueError(f"no inspection has the id {inspection!r}")
    if inspection is not None:
        return ledger.inspections[inspection]
    if len(ledger.inspections) != 1:
        raise ValueError(
            f"a workbook holds one inspection; this ledger has {len(ledger.inspections)}: name one with inspection="
        )
    return ledger.inspections[0]


def write(
    ledger: Ledger, path_or_file: Target, format: Format = "xlsx", *, inspection: int | str | None = None
) -> None:
    """Write one inspection of *ledger* as the standard ledger workbook (or CSV).

    Args:
        ledger: the ledger.
        path_or_file: a path, or a binary file open for writing.
        format: ``xlsx`` (a workbook with a cover sheet) or ``csv`` (UTF-8 with a BOM, the facts above the table).
        inspection: which inspection (its index or id); needed only when the ledger holds several.

    Raises:
        ValueError: the ledger holds no inspection, or several and *inspection* names none of them.
    """
    x = _pick(ledger, inspection)
    if format == "csv":
        _write_csv(x, path_or_file, remark="", cover=x)
    else:
        _write_xlsx(x, path_or_file, remark="", cover=x)


def template(path_or_file: Target, format: Format = "xlsx") -> None:
    """Write the empty standard ledger: its cover's labels, its header, and one example row (备注 ``示例``).

    Read back, it is a ledger of kind ``ledger`` holding just that row, which the reader flags
    with an ``example-row`` info.
    """
    x = _example()
    if format == "csv":
        _write_csv(x, path_or_file, remark=EXAMPLE_MARKS[0], cover=None)
    else:
        _write_xlsx(x, path_or_file, remark=EXAMPLE_MARKS[0], cover=None)


def _example() -> Inspection:
    measure = Measure(
        "P1-M1",
        "制定专题学习计划,每季度开展一次集中学习研讨",
        responsibility=Responsibility(("王某某(党组书记)",), ("办公室",), ("李某某",)),
        deadline=PartialDate(2025, 12),
        history=(Status(State.IN_PROGRESS, PartialDate(2025, 9, 30), "已制定学习计划"),),
        evidence=("学习计划", "会议记录"),
    )
    problem = Problem("P1", "学习贯彻党的创新理论不够深入", group="A1", measures=(measure,))
    group = Group("A1", GroupLevel.ASPECT, "贯彻落实党的路线方针政策和上级决策部署方面")
    return Inspection("template", document=DocumentKind.LEDGER, groups=(group,), problems=(problem,))


def _open(path_or_file: Target) -> tuple[IO[bytes], bool]:
    if isinstance(path_or_file, (str, os.PathLike)):
        return open(path_or_file, "wb"), True
    return path_or_file, False


def _write_csv(x: Inspection, path_or_file: Target, *, remark: str, cover: Inspection | None) -> None:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    columns = _columns(x)

    def text(value: Cell) -> str:
        if isinstance(value, PartialDate):
            return date_text(value)
        return safe_cell(visible(value)) if isinstance(value, str) else str(value)

    out.writerow([text(_title(cover))])
    for label, value in _cover(cover):
        out.writerow([label, text(value)])
    out.writerow([])
    out.writerow([c.header for c in columns])
    for cells, _ in _rows(x, columns, remark):
        out.writerow([text(cells.get(c.role, "")) for c in columns])
    for section in _unnamed_groups(x):
        out.writerow([text(section)])
    data = buffer.getvalue().encode("utf-8-sig")
    fp, owned = _open(path_or_file)
    try:
        fp.write(data)
    finally:
        if owned:
            fp.close()


def _write_xlsx(x: Inspection, path_or_file: Target, *, remark: str, cover: Inspection | None) -> None:
    import xlsxwriter  # noqa: PLC0415 -- only writing needs it (~45 ms to import); reading stays light
    import xlsxwriter.exceptions  # noqa: PLC0415

    into_file = not isinstance(path_or_file, (str, os.PathLike))
    target: Any = io.BytesIO() if into_file else os.fspath(path_or_file)  # type: ignore[arg-type]
    book = xlsxwriter.Workbook(
        target,
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False, "in_memory": True},
    )
    base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "top", "text_wrap": True}
    formats = {
        "title": book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}),
        "header": book.add_format(
            {**base, "bold": True, "bg_color": "#D9E1F2", "align": "center", "valign": "vcenter"}
        ),
        "text": book.add_format(base),
        "center": book.add_format({**base, "align": "center"}),
        "date": book.add_format({**base, "num_format": 'yyyy"年"m"月"d"日"', "align": "center"}),
        "label": book.add_format({**base, "bold": True, "bg_color": "#F2F2F2"}),
    }
    _ledger_sheet(book.add_worksheet(LEDGER_SHEET), formats, x, remark=remark, cover=cover)
    _cover_sheet(book.add_worksheet(COVER_SHEET), formats, cover)
    try:
        book.close()
    except xlsxwriter.exceptions.FileCreateError as e:  # not an OSError: the one it wraps is what went wrong
        cause = e.args[0] if e.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(e)) from None
    if into_file:
        path_or_file.write(target.getvalue())  # type: ignore[union-attr]


def _put(sheet: Any, formats: dict[str, Any], row: int, col: int, value: Cell, *, center: bool = False) -> None:
    """Write one cell as what it is: a date as an Excel date, a number as a number, text as text (never a formula)."""
    if isinstance(value, PartialDate):
        sheet.write_datetime(row, col, _dt.datetime(value.year, value.month or 1, value.day or 1), formats["date"])
    elif isinstance(value, int):
        sheet.write_number(row, col, value, formats["center"] if center else formats["text"])
    elif value:
        sheet.write_string(row, col, visible(value), formats["text"])
    else:
        sheet.write_blank(row, col, None, formats["text"])


def _ledger_sheet(sheet: Any, formats: dict[str, Any], x: Inspection, *, remark: str, cover: Inspection | None) -> None:
    columns = _columns(x)
    sheet.merge_range(0, 0, 0, len(columns) - 1, "", formats["title"])
    sheet.write_string(0, 0, visible(_title(cover)), formats["title"])
    sheet.set_row(0, 30)
    for c, column in enumerate(columns):
        sheet.write_string(1, c, column.header, formats["header"])
    sheet.freeze_panes(2, 0)
    widths = [width(c.header) + 2 for c in columns]
    row = 2
    for cells, span in _rows(x, columns, remark):
        for c, column in enumerate(columns):
            value = cells.get(column.role, "")
            if column.role in _PROBLEM_ROLES:
                if span > 1:
                    fmt = formats["center"] if column.role == "seq" else formats["text"]
                    sheet.merge_range(row, c, row + span - 1, c, "", fmt)
                if not span:
                    continue
            _put(sheet, formats, row, c, value, center=True)
            if isinstance(value, str) and row < _MEASURED_ROWS:
                widths[c] = max(widths[c], width(value) + 2)
        row += 1
    for section in _unnamed_groups(x):
        sheet.merge_range(row, 0, row, len(columns) - 1, "", formats["text"])
        sheet.write_string(row, 0, visible(section), formats["text"])
        row += 1
    for c, column in enumerate(columns):
        low, high = _WIDTHS[column.role]
        sheet.set_column(c, c, min(max(low, widths[c]), high))
    progress = next(c for c, column in enumerate(columns) if column.role == "progress")
    sheet.data_validation(
        2,
        progress,
        row + 1000,
        progress,
        {
            "validate": "list",
            "source": list(STATE_NAMES.values()),
            "show_error": False,  # a history (one dated status a line) is text the list cannot hold
            "input_title": "整改状态",
            "input_message": "选择状态,或按“日期 状态:说明”逐行填写",
        },
    )


def _cover_sheet(sheet: Any, formats: dict[str, Any], cover: Inspection | None) -> None:
    sheet.merge_range(0, 0, 0, 1, "", formats["title"])
    sheet.write_string(0, 0, COVER_SHEET, formats["title"])
    for r, (label, value) in enumerate(_cover(cover), 1):
        sheet.write_string(r, 0, label, formats["label"])
        _put(sheet, formats, r, 1, value)
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 44)

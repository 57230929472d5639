"""A workbook with its findings on it: a comment and a fill on each cell, a first sheet listing them all.

openpyxl edits the unit's own ``.xlsx``/``.xlsm``, keeping its sheets, values, formulas, formats,
merges and column widths (not its images or charts: openpyxl does not carry them over). A
``.xls``, ``.ods`` or CSV is first copied cell by cell (values as calamine reads them, merges
kept) into a new ``.xlsx``. Every text written is a string cell, never a formula.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .._safe import visible
from ..diagnostics import Diagnostic, Severity
from ..errors import Lang
from ..messages import AnnotateText, say, word
from ._common import RANK, finding_text, place

__all__ = ["write_workbook"]

_FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}
_AUTHOR = "rectmodel"
_WIDTHS = (6, 10, 28, 18, 90)


def _string(cell: Any, text: str) -> None:
    """*text* in *cell* as a string, whatever it starts with (openpyxl takes ``=…`` for a formula)."""
    cell.value = visible(text)
    cell.data_type = "s"


def _workbook(source: str) -> Any:
    import openpyxl  # noqa: PLC0415 -- openpyxl loads only to annotate a workbook

    suffix = os.path.splitext(source)[1].lower()
    if suffix in (".xlsx", ".xlsm"):
        return openpyxl.load_workbook(source, keep_vba=suffix == ".xlsm", keep_links=True)
    return _copied(source, suffix)


def _copied(source: str, suffix: str) -> Any:
    """A new workbook holding the cells of a ``.xls``, ``.ods`` or CSV file, sheet by sheet."""
    import openpyxl  # noqa: PLC0415

    from ..sheets._grid import load_bytes  # noqa: PLC0415 -- the reader's own loader: the same cells

    with open(source, "rb") as fp:
        book = load_bytes(fp.read(), suffix, os.path.splitext(os.path.basename(source))[0])
    if not book.grids:
        raise OSError(f"{source}: no sheet to annotate")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.worksheets[0])
    for grid in book.grids:
        sheet = workbook.create_sheet(grid.name[:31])
        for r, row in enumerate(grid.rows, 1):
            for c, value in enumerate(row, 1):
                if value == "":
                    continue
                cell = sheet.cell(r, c)
                if isinstance(value, str):
                    _string(cell, value)
                else:
                    cell.value = value
        for r0, c0, r1, c1 in grid.merges:
            sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        sheet.sheet_state = "hidden" if grid.hidden else "visible"
    return workbook


def _review_title(workbook: Any, lang: Lang) -> str:
    title, n = say(AnnotateText.SHEET, lang), 1
    while title in workbook.sheetnames:
        n += 1
        title = f"{say(AnnotateText.SHEET, lang)}({n})"
    return title


def _link(sheet: str, cell: str) -> str:
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{cell}"


def write_workbook(source: str, findings: Sequence[Diagnostic], output: str, lang: Lang) -> None:
    """Write *source*'s cells with *findings* marked to *output* (``.xlsx``, or ``.xlsm`` for one)."""
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet.hyperlink import Hyperlink  # noqa: PLC0415

    workbook = _workbook(source)
    at_cell: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in findings:
        where = d.location
        if where is not None and where.sheet is not None and where.sheet in workbook.sheetnames and where.cell:
            at_cell[(where.sheet, where.cell)].append(d)
    for (sheet, name), here in at_cell.items():
        cell = workbook[sheet][name]
        text = "\n".join(finding_text(d, lang) for d in here)
        comment = Comment(text, _AUTHOR)
        comment.width, comment.height = 360, 40 + 60 * len(here)
        cell.comment = comment
        worst = max(here, key=lambda d: RANK[d.severity]).severity
        cell.fill = PatternFill("solid", fgColor=_FILLS[worst])
    review = workbook.create_sheet(_review_title(workbook, lang), 0)
    headers = (AnnotateText.NUMBER, AnnotateText.SEVERITY, AnnotateText.RULE, AnnotateText.WHERE, AnnotateText.FINDING)
    for c, header in enumerate(headers, 1):
        _string(review.cell(1, c), say(header, lang))
        review.cell(1, c).font = Font(bold=True)
        review.column_dimensions[get_column_letter(c)].width = _WIDTHS[c - 1]
    for r, d in enumerate(findings, 2):
        review.cell(r, 1).value = r - 1
        _string(review.cell(r, 2), word("severity", d.severity, lang))
        review.cell(r, 2).fill = PatternFill("solid", fgColor=_FILLS[d.severity])
        _string(review.cell(r, 3), d.rule)
        where = review.cell(r, 4)
        _string(where, place(d, lang))
        if d.location is not None and (d.location.sheet, d.location.cell) in at_cell:
            where.hyperlink = Hyperlink(
                ref=where.coordinate, location=_link(d.location.sheet or "", d.location.cell or "")
            )
            where.style = "Hyperlink"
        _string(review.cell(r, 5), d.message(lang))
    review.freeze_panes = "A2"
    workbook.active = 0
    for sheet in workbook.worksheets[1:]:
        sheet.sheet_view.tabSelected = False
    workbook.save(output)

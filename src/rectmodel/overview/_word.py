"""The round report as a Word document: the same sections as the page, each table a Word table, graded cells shaded.

Charts are left to the HTML page: a picture of Chinese text needs a Chinese font on the machine
that draws it, and the tables carry every figure.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .._safe import visible
from ..errors import Lang
from ._layout import Cell, sections

if TYPE_CHECKING:
    from . import Overview

__all__ = ["write_word"]

_SHADES = {"excellent": "C6EFCE", "good": "DDEBF7", "fair": "FFEB9C", "poor": "FFC7CE"}


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _text(value: Cell) -> str:
    if isinstance(value, tuple):
        return visible(value[0])
    return visible(str(value)) if not isinstance(value, int | Decimal) else str(value)


def write_word(overview: Overview, path: str | os.PathLike[str], lang: Lang) -> None:
    """Write *overview* to *path* as a Word document."""
    import docx  # noqa: PLC0415 -- python-docx loads only to write a Word report
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415
    from docx.enum.text import WD_BREAK  # noqa: PLC0415

    document = docx.Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = page.page_height, page.page_width
    for section in sections(overview, lang):
        if section.level == 3:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(visible(section.heading), level=section.level - 1 if section.level > 1 else 0)
        for note in section.notes:
            document.add_paragraph(visible(note))
        if section.rows:
            table = document.add_table(rows=1, cols=len(section.headers))
            table.style = "Table Grid"
            for cell, header in zip(table.rows[0].cells, section.headers, strict=True):
                cell.text = visible(header)
            for row in section.rows:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = _text(value)
                    if isinstance(value, tuple):
                        _shade(cell, _SHADES[value[1]])
        elif section.empty:
            document.add_paragraph(visible(section.empty))
    document.save(os.fspath(path))

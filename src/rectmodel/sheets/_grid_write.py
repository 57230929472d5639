"""A plain table as a workbook sheet: a header, rows of text, some cells marked — for summaries people read.

What rectmodel writes that is not a ledger (the reconciliation's summary) goes through here, so
that it is written as every export is: text as text (never a formula, a number or a link),
control and bidirectional characters escaped, the header frozen, widths for Chinese text.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence

from .._lexicon.text import width
from .._safe import visible

__all__ = ["write_table"]

_MAX_WIDTH = 60


def write_table(
    path: str | os.PathLike[str],
    sheet: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    marked: Collection[tuple[int, int]] = (),
) -> None:
    """Write *rows* under *header* as the one sheet *sheet* of a new workbook at *path*.

    Args:
        marked: ``(row, column)`` of the cells to fill (0-based, counting the rows of *rows*): what changed.

    Raises:
        OSError: the file cannot be written.
    """
    import xlsxwriter  # noqa: PLC0415 -- only writing needs it
    import xlsxwriter.exceptions  # noqa: PLC0415

    book = xlsxwriter.Workbook(
        os.fspath(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False, "in_memory": True},
    )
    base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "top", "text_wrap": True}
    formats = {
        "header": book.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "align": "center"}),
        "text": book.add_format(base),
        "marked": book.add_format({**base, "bg_color": "#FFEB9C"}),
    }
    ws = book.add_worksheet(sheet)
    widths = [width(h) + 2 for h in header]
    for c, text in enumerate(header):
        ws.write_string(0, c, visible(text), formats["header"])
    marks = set(marked)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            fmt = formats["marked"] if (r, c) in marks else formats["text"]
            if text:
                ws.write_string(r + 1, c, visible(text), fmt)
                widths[c] = max(widths[c], min(width(text) + 2, _MAX_WIDTH))
            else:
                ws.write_blank(r + 1, c, None, fmt)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    ws.freeze_panes(1, 0)
    try:
        book.close()
    except xlsxwriter.exceptions.FileCreateError as e:  # not an OSError: the one it wraps is what went wrong
        cause = e.args[0] if e.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(e)) from None

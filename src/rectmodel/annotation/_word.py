"""A Word document with its findings on it: a comment on the paragraph of each line, a table at the end.

The lines a notice's findings count are the notice reader's (``notices._extract.docx_paragraphs``:
paragraphs and table cells in body order, a paragraph as many lines as its text has), so a
finding at line 12 is commented on the paragraph that gave line 12. Findings on no line are in
the table only. python-docx (1.2 or later) writes the comments.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .._safe import visible
from ..diagnostics import Diagnostic
from ..errors import Lang
from ..messages import AnnotateText, say, word
from ._common import finding_text, place

__all__ = ["write_word"]

_AUTHOR, _INITIALS = "rectmodel", "rm"


def _paragraph_of_line(document: Any) -> dict[int, Any]:
    from ..notices._extract import docx_paragraphs  # noqa: PLC0415 -- the reader's own walk: the same lines

    by_line: dict[int, Any] = {}
    line = 0
    for paragraph, text in docx_paragraphs(document):
        for _ in text.splitlines() or [""]:
            line += 1
            by_line[line] = paragraph
    return by_line


def write_word(source: str, findings: Sequence[Diagnostic], output: str, lang: Lang) -> None:
    """Write *source* with a comment per finding on its paragraph, and a findings table at the end, to *output*."""
    import docx  # noqa: PLC0415 -- python-docx loads only to annotate a Word document

    document = docx.Document(source)
    by_line = _paragraph_of_line(document)
    on: dict[int, list[Diagnostic]] = defaultdict(list)
    for d in findings:
        line = d.location.line if d.location is not None else None
        if line is not None and line in by_line:
            on[id(by_line[line])].append(d)
    paragraphs = {id(p): p for p in by_line.values()}
    for key, here in on.items():
        paragraph = paragraphs[key]
        runs = paragraph.runs or [paragraph.add_run("")]
        text = "\n".join(finding_text(d, lang) for d in here)
        document.add_comment(runs, text=text, author=_AUTHOR, initials=_INITIALS)
    heading = document.add_paragraph()
    heading.add_run(say(AnnotateText.SHEET, lang)).bold = True
    headers = (AnnotateText.NUMBER, AnnotateText.SEVERITY, AnnotateText.RULE, AnnotateText.WHERE, AnnotateText.FINDING)
    table = document.add_table(rows=1, cols=len(headers))
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = say(header, lang)
    for n, d in enumerate(findings, 1):
        cells = table.add_row().cells
        values = (str(n), word("severity", d.severity, lang), d.rule, place(d, lang), visible(d.message(lang)))
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    document.save(output)

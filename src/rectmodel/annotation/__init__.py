"""The checked file back to the unit: each finding marked on the unit's own document.

:func:`annotate` writes a copy of the file a report is about with the report's findings on it:

* a workbook (``.xlsx``, ``.xlsm``; ``.xls``, ``.ods``, ``.csv``, ``.tsv`` are written as
  ``.xlsx``) keeps every sheet, value and format; each finding is a comment on its cell (author
  ``rectmodel``), the cell filled by the worst severity there (error red, warning yellow, info
  blue), and a first sheet lists every finding with a link to its cell (findings on no cell,
  such as a round fact stated nowhere, are listed there only);
* a Word document gets each finding as a Word comment on the paragraph of its line, and a
  table of all of them at the end;
* a text, PDF, web page or JSON ledger becomes a self-contained HTML page: its lines, numbered,
  with the findings beside the line they concern.

The original is never modified; nothing a document says becomes a formula, markup or a
control character in what is written. Each format is one row of :data:`WRITERS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from attrs import frozen

from ..diagnostics import Diagnostic, Report
from ..errors import Lang
from ..messages import AnnotateText, say
from ._page import write_page
from ._word import write_word
from ._workbook import write_workbook

__all__ = ["WRITERS", "Writer", "annotate", "default_output", "findings_of", "output_suffix"]


@frozen
class Writer:
    """One annotated format: the inputs it takes, the suffix it writes, and how.

    ``write(source, findings, output, lang)`` writes *output*; it reads *source* and never writes it.
    """

    suffixes: tuple[str, ...]
    writes: str | None  # the output's suffix; None: the input's own
    write: Callable[[str, Sequence[Diagnostic], str, Lang], None]


WRITERS: tuple[Writer, ...] = (
    Writer((".xlsx", ".xlsm"), None, write_workbook),
    Writer((".xls", ".ods", ".csv", ".tsv"), ".xlsx", write_workbook),
    Writer((".docx",), ".docx", write_word),
    Writer((".txt", ".pdf", ".html", ".htm", ".xhtml", ".json"), ".html", write_page),
)


def _writer(source: str) -> Writer:
    suffix = os.path.splitext(source)[1].lower()
    for writer in WRITERS:
        if suffix in writer.suffixes:
            return writer
    return WRITERS[-1]  # any other name is read as text or JSON: its lines are a page


def output_suffix(source: str) -> str:
    """The suffix of *source*'s annotated file: ``.xlsx`` for a ``.csv``, ``.html`` for a ``.pdf`` …"""
    writer = _writer(source)
    return writer.writes or os.path.splitext(source)[1].lower()


def default_output(source: str, lang: Lang = "zh") -> str:
    """Where the annotated file of *source* goes by default: beside it, ``NAME-审核意见.xlsx``."""
    stem = os.path.splitext(source)[0]
    return f"{stem}{say(AnnotateText.SUFFIX, lang)}{output_suffix(source)}"


def findings_of(report: Report, source: str) -> list[Diagnostic]:
    """The findings of *report* that are about *source* (a batch's report may name other files too)."""
    return [d for d in report.diagnostics if d.location is None or d.location.file in (None, source)]


def annotate(source: str, report: Report, output: str | None = None, lang: Lang = "zh") -> str:
    """Write *source* with *report*'s findings marked on it, and return where it was written.

    Args:
        source: the file the report is about (a workbook, a Word document, a text, PDF, web page
            or JSON ledger); it is read, never written.
        report: its located report (``rectmodel.validate`` then ``Report.locate``, or what the
            command line prints).
        output: where to write (default :func:`default_output`); an existing file is replaced,
            so the caller decides whether it may be (the command line refuses without ``--force``).
        lang: the language of the comments and the review sheet.

    Raises:
        OSError: *source* cannot be read or *output* cannot be written.
        ValueError: *output* is *source*.
    """
    target = output or default_output(source, lang)
    if os.path.exists(target) and os.path.samefile(source, target):
        raise ValueError(f"{target}: the annotated file would overwrite the original")
    _writer(source).write(source, findings_of(report, source), target, lang)
    return target

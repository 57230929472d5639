"""What every annotated format says of a finding: its text and where it is."""

from __future__ import annotations

from .._safe import visible
from ..diagnostics import Diagnostic, Severity
from ..errors import Lang
from ..messages import AnnotateText, say, word

__all__ = ["RANK", "finding_text", "place"]

RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}  # the worst finding of a cell colours it


def finding_text(d: Diagnostic, lang: Lang) -> str:
    """``错误 rule: message``, with the document's control characters made visible."""
    return visible(f"{word('severity', d.severity, lang)} {d.rule}: {d.message(lang)}")


def place(d: Diagnostic, lang: Lang) -> str:
    """Where *d* is, as a person reads it: ``整改台账!F7``, ``12``, or the whole file."""
    where = d.location
    if where is not None and where.cell:
        return visible(f"{where.sheet}!{where.cell}" if where.sheet else where.cell)
    if where is not None and where.line is not None:
        return f"{say(AnnotateText.LINE, lang)} {where.line}"
    return say(AnnotateText.WHOLE_FILE, lang)

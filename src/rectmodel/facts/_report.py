"""The readers' one way of saying what they could not read: a rule ``parse`` diagnostic at a line."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..errors import Location
from ..messages import ParseCode

__all__ = ["parse_diagnostic"]


def parse_diagnostic(
    code: ParseCode, severity: Severity, line: int | None = None, pointer: str = "", **params: Any
) -> Diagnostic:
    """A diagnostic of a reader, at *line* of the text if it has one.

    >>> d = parse_diagnostic(ParseCode.GARBLED_TEXT, Severity.INFO, 3, text="第察组")
    >>> d.rule, d.line, d.params["code"] is ParseCode.GARBLED_TEXT
    ('parse', 3, True)
    """
    location = None if line is None else Location(line=line)
    return Diagnostic("parse", severity, pointer, {"code": code, **params}, (), location)

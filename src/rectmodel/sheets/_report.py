"""The sheet reader's one way of saying what it could not read: a rule ``sheet`` diagnostic at a cell."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..errors import Location
from ..messages import SheetCode
from ._grid import cell_name

__all__ = ["Report"]


class Report:
    """Collects a reader's diagnostics for one sheet (rule ``sheet``, located at a cell)."""

    def __init__(self, sheet: str | None, found: list[Diagnostic]) -> None:
        self.sheet = sheet
        self.found = found
        self.seen: set[tuple[object, ...]] = set()  # a cell given to several measures: once

    def __call__(
        self,
        code: SheetCode,
        severity: Severity,
        cell: tuple[int, int] | None,
        pointer: str = "",
        **params: Any,
    ) -> None:
        if cell is not None:
            # once a cell; once a cell and element where the finding stands in for a rule's there
            key = (code, cell, pointer) if "supersedes" in params else (code, cell)
            if key in self.seen:
                return
            self.seen.add(key)
        where = Location(sheet=self.sheet, cell=None if cell is None else cell_name(*cell))
        self.found.append(Diagnostic("sheet", severity, pointer, {"code": code, **params}, (), where))

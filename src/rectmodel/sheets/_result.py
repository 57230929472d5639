"""What reading a workbook gives: the ledger, the diagnostics, where everything stands, and each sheet's layout."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..diagnostics import Diagnostic, Locator
from ..errors import Location
from ..model import Ledger

__all__ = ["SheetLayout", "SheetResult"]


@attrs.frozen
class SheetLayout:
    """How the reader understood one sheet.

    Args:
        name: the sheet's name.
        kind: ``ledger`` (a table of problems), ``cover`` (the round's facts), ``hidden``, ``unread`` or ``empty``.
        header_rows: the 1-based rows of a ledger's header.
        columns: each header's column letter, text and role (None: not read).
        by_measure: one row per measure (True) or per problem (False); None for a sheet with no table.
        grouped_by: where the groups come from: ``column``, ``sections``, ``sheet`` or None.
        structure: the cells that shape the sheet and say nothing of the round themselves (a title, the
            labels of a form), as A1 names; with the header rows, the cells neither read nor reported.
    """

    name: str
    kind: str
    header_rows: tuple[int, ...] = ()
    columns: tuple[tuple[str, str, str | None], ...] = ()
    by_measure: bool | None = None
    grouped_by: str | None = None
    structure: tuple[str, ...] = ()


@attrs.frozen
class SheetResult:
    """What reading a workbook gives: a ledger that is always loadable, and what could not be placed.

    Args:
        ledger: the ledger read (one inspection of document kind ``ledger``; none if the file is unreadable).
        diagnostics: rule ``sheet`` diagnostics, each located at its sheet and cell.
        cells: where each element of the ledger was read, by JSON Pointer (computed on demand).
        sheets: how each sheet was understood.
    """

    ledger: Ledger
    diagnostics: tuple[Diagnostic, ...]
    cells: Mapping[str, Location] = attrs.field(factory=dict)
    sheets: tuple[SheetLayout, ...] = ()

    def locator(self) -> Locator:
        """Where the ledger's elements stand in the workbook (see ``Report.locate``): their sheets and cells.

        A pointer below what was read (``…/history/0/date``) is located at its nearest ancestor that was.
        """
        cells = self.cells

        def locate(pointers: Sequence[str]) -> dict[str, Location]:
            found = {}
            for pointer in pointers:
                probe = pointer
                while probe:
                    try:
                        found[pointer] = cells[probe]
                        break
                    except KeyError:
                        probe = probe.rpartition("/")[0]
            return found

        return locate

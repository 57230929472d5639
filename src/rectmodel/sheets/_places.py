"""Where each element read stands in the workbook: JSON Pointer → sheet and cell, computed on demand.

A workbook of 60,000 measures has half a million such pointers; building a ``Location`` for
each would cost more than reading the cells. The mapping keeps, per measure, its sheet and
row, and per sheet the column of each role, and makes a ``Location`` only when asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from ..errors import Location
from ._grid import cell_name

__all__ = ["MEASURE_FIELDS", "Cell", "MeasurePlace", "Places", "ProblemPlace"]

Cell = tuple[int, int, int]  # sheet index, row, column (0-based)
# A measure's pointer suffix → the roles whose column locates it, the first present wins.
MEASURE_FIELDS: dict[str, tuple[str, ...]] = {
    "": ("measure",),
    "/id": ("measure_seq", "measure"),
    "/text": ("measure",),
    "/responsibility": ("leaders", "departments", "persons"),
    "/responsibility/leaders": ("leaders",),
    "/responsibility/departments": ("departments",),
    "/responsibility/persons": ("persons",),
    "/deadline": ("deadline",),
    "/history": ("progress", "closed"),
    "/evidence": ("evidence",),
}
# sheet, row, and the cells of a measure's own (a closure's status, ``/history/2``) where they are not its row's.
MeasurePlace = tuple[int, int, dict[str, tuple[int, int]] | None]
# sheet, and the cell of each of the problem's pointer suffixes ("" the problem cell, "/title", "/group" …).
ProblemPlace = tuple[int, dict[str, tuple[int, int]]]

_PROBLEM = re.compile(r"/inspections/0/problems/([0-9]+)((?:/.*)?)")
_MEASURE = re.compile(r"/measures/([0-9]+)((?:/.*)?)")


class Places(Mapping[str, Location]):
    """JSON Pointer → the cell it was read from, for one inspection read from a workbook."""

    def __init__(
        self,
        sheets: Sequence[str],
        columns: Sequence[Mapping[str, int]],
        fixed: Mapping[str, Cell],
        problems: Sequence[ProblemPlace],
        measures: Sequence[Sequence[MeasurePlace]],
    ) -> None:
        self._sheets = sheets
        self._columns = columns
        self._fixed = fixed
        self._problems = problems
        self._measures = measures

    def _location(self, sheet: int, row: int, col: int) -> Location:
        return Location(sheet=self._sheets[sheet], cell=cell_name(row, col))

    def _measure_cell(self, i: int, j: int, suffix: str) -> Location | None:
        sheet, row, extras = self._measures[i][j]
        if extras is not None and suffix in extras:
            return self._location(sheet, *extras[suffix])
        roles = MEASURE_FIELDS.get(suffix)
        if roles is None:
            return None
        columns = self._columns[sheet]
        for role in roles:
            col = columns.get(role)
            if col is not None:
                return self._location(sheet, row, col)
        return None

    def __getitem__(self, pointer: str) -> Location:
        cell = self._fixed.get(pointer)
        if cell is not None:
            return self._location(*cell)
        m = _PROBLEM.fullmatch(pointer)
        if m is not None:
            i = int(m.group(1))
            if i < len(self._problems):
                rest = m.group(2)
                sub = _MEASURE.fullmatch(rest)
                if sub is not None:
                    j = int(sub.group(1))
                    if j < len(self._measures[i]):
                        found = self._measure_cell(i, j, sub.group(2))
                        if found is not None:
                            return found
                else:
                    sheet, cells = self._problems[i]
                    if rest in cells:
                        return self._location(sheet, *cells[rest])
        raise KeyError(pointer)

    def _keys(self) -> Iterator[str]:
        yield from self._fixed
        for i, (_, cells) in enumerate(self._problems):
            base = f"/inspections/0/problems/{i}"
            for suffix in cells:
                yield base + suffix
            for j, (sheet, _, extras) in enumerate(self._measures[i]):
                columns = self._columns[sheet]
                for suffix, roles in MEASURE_FIELDS.items():
                    if any(role in columns for role in roles):
                        yield f"{base}/measures/{j}{suffix}"
                if extras:
                    for suffix in extras:
                        if suffix not in MEASURE_FIELDS:
                            yield f"{base}/measures/{j}{suffix}"

    def __iter__(self) -> Iterator[str]:
        return self._keys()

    def __len__(self) -> int:
        return sum(1 for _ in self._keys())

    def __contains__(self, pointer: object) -> bool:
        if not isinstance(pointer, str):
            return False
        try:
            self[pointer]
        except KeyError:
            return False
        return True

"""Read spreadsheet ledgers (整改台账: ``.xlsx``, ``.xls``, ``.ods``, ``.csv``) into ledgers, and write them.

The reader is built for the genre rather than one template: the header anywhere under title
rows, header synonyms, two-row headers, one row per measure (problem cells merged down) or
one per problem (numbered measures in one cell), groups as a column, as section rows or as
one sheet each, a cover sheet of facts. What it cannot place is a diagnostic (rule ``sheet``)
at its sheet and cell; ``SheetResult.locator()`` locates the rules' findings the same way.
See ``docs/sheets.md``.

>>> import io, tempfile, pathlib
>>> from rectmodel import Ledger, Inspection, Problem, Measure, Responsibility, PartialDate
>>> from rectmodel.sheets import read, write
>>> x = Inspection("i1", inspector="市委第一巡察组", target="某局党组", problems=(
...     Problem("P1", "学习不深入", measures=(
...         Measure("P1-M1", "制定学习计划", responsibility=Responsibility(("王伟",)), deadline=PartialDate(2021, 12)),
...     )),
... ))
>>> path = pathlib.Path(tempfile.mkdtemp()) / "台账.xlsx"
>>> write(Ledger((x,)), path)
>>> result = read(path)
>>> (back,) = result.ledger.inspections
>>> back.target, back.problems[0].measures[0].deadline, str(result.cells["/inspections/0/problems/0"])
('某局党组', PartialDate(year=2021, month=12, day=None), '整改台账!C3')
"""

from ._grid_write import write_table
from ._mapping import ColumnMapping, MappingError, load_mapping
from ._read import SUFFIXES, SheetLayout, SheetResult, read, read_bytes
from ._write import Format, template, write

__all__ = [
    "SUFFIXES",
    "ColumnMapping",
    "Format",
    "MappingError",
    "SheetLayout",
    "SheetResult",
    "load_mapping",
    "read",
    "read_bytes",
    "template",
    "write",
    "write_table",
]

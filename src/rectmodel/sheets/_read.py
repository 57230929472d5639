"""Read a workbook or CSV ledger (整改台账) into a ledger, reporting by sheet and cell what it could not place.

The passes: bytes → grids (``_grid``); per sheet, grid → table (``_table``), or grid → facts
(``_facts``) for a cover sheet; table → rows (``_rows``); rows → problems (``_assemble``);
then the inspection (``_workbook``): its facts (cover sheet, then the rows above and below a table,
then the title, then the caller's options), its groups (numbered as the cells number them),
its problems and measures with ids, and where each stands (``_places``). Each pass is total.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._collector import paused
from ..dates import PartialDate
from ..diagnostics import Diagnostic, Severity
from ..errors import Location
from ..messages import SheetCode
from ..model import Ledger
from ._grid import CSV_SUFFIXES, WORKBOOK_SUFFIXES, load_bytes
from ._mapping import ColumnMapping, MappingError, load_mapping, mapping_from
from ._result import SheetLayout, SheetResult
from ._workbook import Workbook

__all__ = ["SUFFIXES", "SheetLayout", "SheetResult", "read", "read_bytes"]

SUFFIXES = (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES)
DateOption = PartialDate | str | None


def read(
    path: str | os.PathLike[str],
    *,
    mapping: str | os.PathLike[str] | Mapping[str, Any] | ColumnMapping | None = None,
    inspector: str | None = None,
    target: str | None = None,
    feedback_date: DateOption = None,
    start: DateOption = None,
    end: DateOption = None,
    id: str | None = None,
    unit: str | None = None,
) -> SheetResult:
    """Read the ledger in the workbook or CSV file *path*.

    Facts the workbook states (on a cover sheet 基本情况, in the rows above or below the table,
    in its title) win; the options fill in what it does not state, and a different option is
    reported. The inspection's id is *id*, else the cover's 台账编号, else the file's stem.

    Args:
        path: an ``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, ``.csv`` or ``.tsv`` file.
        mapping: a column mapping: a ``.toml`` or JSON file, its decoded data, or a ``ColumnMapping``.
        inspector: the inspecting group, where the workbook does not name it.
        target: the inspected party organisation, where the workbook does not name it.
        feedback_date: the feedback date (``2021-08-04`` or a ``PartialDate``), where not stated.
        start: the first day on site, where not stated.
        end: the last day on site, where not stated.
        id: the inspection's id.
        unit: a stable id of the inspected unit.

    Returns:
        the ledger, the reader's diagnostics (rule ``sheet``), and where each element stands.

    Raises:
        OSError: the file cannot be read (a file that is not a spreadsheet gives a diagnostic instead).
    """
    path = Path(path)
    data = path.read_bytes()
    return read_bytes(
        data,
        suffix=path.suffix,
        name=path.stem,
        mapping=mapping,
        options={
            "inspector": inspector,
            "target": target,
            "feedback_date": feedback_date,
            "start": start,
            "end": end,
            "unit": unit,
        },
        id=id,
    )


def read_bytes(
    data: bytes,
    *,
    suffix: str,
    name: str,
    mapping: str | os.PathLike[str] | Mapping[str, Any] | ColumnMapping | None = None,
    options: Mapping[str, Any] | None = None,
    id: str | None = None,
) -> SheetResult:
    """Read a ledger from the bytes of a file with *suffix* (``.xlsx``, ``.csv`` …); *name* is the file's stem."""
    try:
        columns = _mapping(mapping)
    except MappingError as e:
        where = Location(file=e.source, line=e.problems[0][2])
        found = tuple(
            Diagnostic(
                "sheet",
                Severity.ERROR,
                "",
                {"code": SheetCode.BAD_MAPPING, "where": place, "reason": reason},
                (),
                attrs.evolve(where, line=line),
            )
            for place, reason, line in e.problems
        )
        return SheetResult(Ledger(), found)
    with paused():  # a million cells and model objects, none in a cycle: collecting would only rescan them
        book = load_bytes(data, suffix, name)
        if not book.grids and any(d.severity is Severity.ERROR for d in book.diagnostics):
            return SheetResult(Ledger(), book.diagnostics)
        return Workbook(book, columns, dict(options or {}), id, name).read()


def _mapping(mapping: str | os.PathLike[str] | Mapping[str, Any] | ColumnMapping | None) -> ColumnMapping:
    if mapping is None:
        return ColumnMapping()
    if isinstance(mapping, ColumnMapping):
        return mapping
    if isinstance(mapping, Mapping):
        return mapping_from(dict(mapping))
    return load_mapping(mapping)

"""A workbook read sheet by sheet into one inspection, and the inspection built from what the sheets said.

Per sheet: a table (its columns, its rows, the problems drafted from them) or a cover (facts);
then the inspection: its facts (cover sheet, then the rows above and below a table, then the
title, then the caller's options, lower rank first), its groups (numbered as the cells number
them), its problems and measures with ids, and where each stands (``_places``).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..dates import PartialDate
from ..diagnostics import Diagnostic, Severity
from ..errors import Location
from ..messages import SheetCode
from ..model import DeclaredCounts, DocumentKind, Group, GroupLevel, Inspection, Ledger, Problem
from ._assemble import Draft, read_blocks
from ._cells import date_of, text_of
from ._facts import Fact, Facts, read_facts
from ._grid import Book, Grid, cell_name, column_name
from ._mapping import ColumnMapping
from ._places import Cell, MeasurePlace, Places, ProblemPlace
from ._report import Report
from ._result import SheetLayout, SheetResult
from ._rows import GroupRef, Merges, Rows, group_ref, read_rows
from ._table import Table, find_table

__all__ = ["Workbook"]

_BASE = "/inspections/0"
_TWO_LEVEL = re.compile(r"[0-9]+[.．][0-9]+\Z")  # 二级序号 as offices write it: 1.2
_TITLE_RANK = 10  # what a title says comes after every labelled fact
_TEXT_FACTS = ("target", "inspector", "kind", "round", "unit")
_DATE_FACTS = ("start", "end", "feedback_date", "plan_date", "as_of", "report_date")
# The facts every document states (rules.facts.FACTS), and the option that gives each.
_OPTIONS = {
    "inspector": "--inspector",
    "target": "--target",
    "start": "--start",
    "end": "--end",
    "feedback_date": "--feedback-date",
}


@attrs.define
class _Data:
    """One data sheet as read."""

    index: int
    grid: Grid
    table: Table
    rows: Rows
    drafts: list[Draft]
    columns: dict[str, int]
    title: tuple[int, int] | None


class Workbook:
    def __init__(self, book: Book, mapping: ColumnMapping, options: dict[str, Any], id: str | None, stem: str):
        self.book = book
        self.mapping = mapping
        self.options = options
        self.id = id
        self.stem = stem
        self.found: list[Diagnostic] = list(book.diagnostics)
        self.facts: list[tuple[int, int, Fact]] = []  # (rank, sheet index, fact); lower rank wins
        self.layouts: list[SheetLayout] = []
        self.sheets: list[str] = []
        self.data: list[_Data] = []

    def sheet_index(self, name: str) -> int:
        if name not in self.sheets:
            self.sheets.append(name)
        return self.sheets.index(name)

    def read(self) -> SheetResult:
        grids = self.book.grids
        chosen = self.mapping.sheet
        if chosen is not None and not any(g.name == chosen for g in grids):
            self.found.append(
                Diagnostic(
                    "sheet",
                    Severity.ERROR,
                    "",
                    {"code": SheetCode.BAD_MAPPING, "where": "sheet", "reason": f"no sheet is named {chosen!r}"},
                    (),
                    Location(),
                )
            )
        for grid in grids:
            report = Report(grid.name, self.found)
            for row, col, formula in grid.formulas:
                report(SheetCode.FORMULA_WITHOUT_VALUE, Severity.WARNING, (row, col), formula=formula)
            if grid.hidden:
                count, _ = _extent(grid)
                if count:
                    report(SheetCode.HIDDEN_SHEET, Severity.INFO, None, sheet=grid.name, count=count)
                self.layouts.append(SheetLayout(grid.name, "hidden"))
                continue
            if not any(v != "" and (not isinstance(v, str) or v.strip()) for row in grid.rows for v in row):
                self.layouts.append(SheetLayout(grid.name, "empty"))
                continue
            wanted = chosen is None or grid.name == chosen
            table = find_table(grid, self.mapping.columns, self.mapping.header_row) if wanted else None
            if table is not None and table.col("problem") is not None:
                self.table(grid, table, report)
            else:
                self.cover(grid, report)
        return self.assemble()

    def table(self, grid: Grid, table: Table, report: Report) -> None:
        index = self.sheet_index(grid.name)
        above = read_facts(grid, range(table.header_rows[0]), title=True)
        self.take(1, index, above, report)
        merges = Merges.of(grid)
        rows = read_rows(grid, table, merges)
        start = sum(len(d.drafts) for d in self.data)
        drafts, columns = read_blocks(grid, table, rows, merges, report, start=start, sheet=index)
        for row, col, text in rows.orphans:
            report(SheetCode.UNPLACED_CELL, Severity.WARNING, (row, col), text=text)
        below = Facts()
        if rows.footer:
            below = read_facts(grid, range(rows.footer[0], rows.footer[-1] + 1), title=False)
            self.take(1, index, attrs.evolve(below, unplaced=()), report)
            for row, col, text in below.unplaced:
                report(SheetCode.FOOTER, Severity.INFO, (row, col), text=text)
        self.columns(grid, table, rows, report)
        self.data.append(_Data(index, grid, table, rows, drafts, columns, above.title))
        grouped = "column" if table.col("aspect") is not None else "sections" if rows.sections else None
        self.layouts.append(
            SheetLayout(
                grid.name,
                "ledger",
                tuple(r + 1 for r in table.header_rows),
                tuple(
                    (column_name(c.index), c.header, c.role if c.duplicate_of is None else None) for c in table.columns
                ),
                rows.by_measure,
                grouped,
                _structure(above) + _structure(below),
            )
        )

    def columns(self, grid: Grid, table: Table, rows: Rows, report: Report) -> None:
        """Report each column not read that holds cells below the header."""
        by_index = {c.index: c for c in table.columns}
        for col, (count, first, last) in sorted(rows.others.items()):
            column = by_index.get(col)
            span = f"{cell_name(first, col)}:{cell_name(last, col)}"
            cell = column.cell if column is not None else (first, col)
            if column is not None and column.duplicate_of is not None:
                role = next((c.header for c in table.columns if c.index == column.duplicate_of), "")
                report(
                    SheetCode.DUPLICATE_COLUMN,
                    Severity.WARNING,
                    cell,
                    column=column_name(col),
                    header=column.header,
                    role=role,
                    first=column_name(column.duplicate_of),
                    count=count,
                    range=span,
                )
            else:
                report(
                    SheetCode.UNKNOWN_COLUMN,
                    Severity.WARNING,
                    cell,
                    column=column_name(col),
                    header=column.header if column is not None else "",
                    count=count,
                    range=span,
                )

    def cover(self, grid: Grid, report: Report) -> None:
        facts = read_facts(grid, range(len(grid.rows)), title=True)
        if not facts.facts and not facts.unread and not facts.labels:
            count, span = _extent(grid)
            report(SheetCode.UNREAD_SHEET, Severity.WARNING, None, sheet=grid.name, count=count, range=span)
            self.layouts.append(SheetLayout(grid.name, "unread"))
            return
        index = self.sheet_index(grid.name)
        self.take(0, index, facts, report)
        self.layouts.append(SheetLayout(grid.name, "cover", structure=_structure(facts)))

    def take(self, rank: int, sheet: int, facts: Any, report: Report) -> None:
        for fact in facts.facts:
            self.facts.append((rank + (_TITLE_RANK if fact.cell == facts.title else 0), sheet, fact))
        for fact in facts.unread:
            if fact.field in _DATE_FACTS:
                report(
                    SheetCode.BAD_DATE,
                    Severity.WARNING,
                    fact.cell,
                    f"{_BASE}/{fact.field}",
                    header=_label(self.book.grids, self.sheets[sheet], fact.cell),
                    text=fact.text,
                )
            else:
                report(SheetCode.UNPLACED_CELL, Severity.WARNING, fact.cell, text=fact.text)
        for row, col, text in facts.unplaced:
            report(SheetCode.UNPLACED_CELL, Severity.WARNING, (row, col), text=text)
        for cell, note in facts.notes:
            self.found.append(attrs.evolve(note, location=Location(sheet=report.sheet, cell=cell_name(*cell))))

    # --- the inspection ----------------------------------------------------------------------------

    def fact(self, field: str) -> tuple[Any, Cell | None]:
        """The value of *field* the workbook states first (cover, then table's surroundings, then title)."""
        stated = sorted(
            ((rank, k) for k, (rank, _, fact) in enumerate(self.facts) if fact.field == field),
        )
        if not stated:
            return None, None
        _, sheet, fact = self.facts[stated[0][1]]
        for rank, k in stated[1:]:
            _, other_sheet, other = self.facts[k]
            if rank >= _TITLE_RANK:
                continue  # a title naming what a label states: the title is not a second statement
            if other.cell == fact.cell and other_sheet == sheet:
                continue  # one cell stating two facts (a date range: its start and its end)
            severity = Severity.INFO if other.value == fact.value else Severity.WARNING
            Report(self.sheets[other_sheet], self.found)(
                SheetCode.FACT_REPEATED,
                severity,
                other.cell,
                f"{_BASE}/{field.replace('.', '/')}",
                label=_label(self.book.grids, self.sheets[other_sheet], other.cell) or field,
                text=other.text or str(other.value),
                first=fact.text or str(fact.value),
            )
        return fact.value, (sheet, *fact.cell)

    def values(self, fixed: dict[str, Cell]) -> dict[str, Any]:
        """The inspection's facts: as the workbook states them, else as the options give them."""
        report = Report(None, self.found)
        values: dict[str, Any] = {}
        for name in (*_TEXT_FACTS, *_DATE_FACTS, "id"):
            value, cell = self.fact(name)
            if value is not None:
                values[name] = value
                if cell is not None and name != "id":
                    fixed[f"{_BASE}/{name}"] = cell
        reporter, reporter_cell = self.fact("reporter")
        if "target" not in values and reporter is not None and reporter_cell is not None:
            values["target"] = reporter
            fixed[f"{_BASE}/target"] = reporter_cell
            Report(self.sheets[reporter_cell[0]], self.found)(
                SheetCode.FACT_FROM_REPORTER,
                Severity.INFO,
                reporter_cell[1:],
                f"{_BASE}/target",
                field="target",
                text=reporter,
            )
        for name, given in self.options.items():
            if given is None or given == "":
                continue
            option = _option(name, given)
            stated = values.get(name)
            if stated is None:
                values[name] = option
            elif stated != option:
                report(
                    SheetCode.OPTION_DIFFERS,
                    Severity.WARNING,
                    None,
                    f"{_BASE}/{name}",
                    field=name,
                    stated=str(stated),
                    given=str(option),
                )
        if any(data.drafts for data in self.data):
            # A round fact stated nowhere stays absent; for a ledger (the usual 台账 attached to a plan
            # states none) that is a warning saying how to give it, not missing-fact against the unit.
            sheet = next(data.grid.name for data in self.data if data.drafts)
            for name, option in _OPTIONS.items():
                if values.get(name) is None:
                    Report(sheet, self.found)(  # at the sheet's top, where a row above the header would state it
                        SheetCode.FACT_NOT_STATED,
                        Severity.WARNING,
                        (0, 0),
                        f"{_BASE}/{name}",
                        field=name,
                        option=option,
                        supersedes="missing-fact",
                    )
        declared = {}
        for field in attrs.fields(DeclaredCounts):
            value, cell = self.fact(f"declared.{field.name}")
            if value is not None:
                declared[field.name] = value
                if cell is not None:
                    fixed[f"{_BASE}/declared/{field.name}"] = cell
        values["declared"] = DeclaredCounts(**declared)
        return values

    def assemble(self) -> SheetResult:
        fixed: dict[str, Cell] = {}
        values = self.values(fixed)
        if not self.data:
            Report(None, self.found)(SheetCode.NO_TABLE, Severity.ERROR, None)
        groups, group_of, group_cells, section_ids = self.groups()
        for k, cell in enumerate(group_cells):
            fixed[f"{_BASE}/groups/{k}"] = fixed[f"{_BASE}/groups/{k}/title"] = cell
        problems: list[Problem] = []
        problem_places: list[ProblemPlace] = []
        measure_places: list[list[MeasurePlace]] = []
        for data in self.data:
            self.numbering(data)
            for draft in data.drafts:
                measures = tuple(draft.measures)
                problems.append(
                    Problem(
                        draft.id,
                        draft.title,
                        draft.level,
                        draft.description,
                        group_of.get(id(draft)),
                        measures,
                        draft.history,
                    )
                )
                problem_places.append((data.index, draft.cells))
                measure_places.append(draft.places)
        self.sections(problems, groups, section_ids)
        first = self.data[0] if self.data else None
        if first is not None:
            title = first.title or (first.table.header_rows[0], first.table.columns[0].index)
            fixed[_BASE] = (first.index, *title)
        inspection = Inspection(
            id=self.id or values.get("id") or self.stem,
            kind=values.get("kind"),
            inspector=values.get("inspector"),
            target=values.get("target"),
            document=DocumentKind.LEDGER,
            unit=values.get("unit"),
            round=values.get("round"),
            start=values.get("start"),
            end=values.get("end"),
            feedback_date=values.get("feedback_date"),
            plan_date=values.get("plan_date"),
            as_of=values.get("as_of"),
            report_date=values.get("report_date"),
            declared=values["declared"],
            groups=tuple(groups),
            problems=tuple(problems),
        )
        columns = [dict[str, int]() for _ in self.sheets]
        for data in self.data:
            columns[data.index] = data.columns
        places = Places(list(self.sheets), columns, fixed, problem_places, measure_places)
        return SheetResult(Ledger((inspection,)), tuple(self.found), places, tuple(self.layouts))

    def collect(self) -> _Named:
        """Every group the sheets name (by key, its first cell), and the group keys of each problem and section."""
        named = _Named()
        by_sheet = len(self.data) > 1 and all(
            d.table.col("aspect") is None and not any(s.group.level is GroupLevel.ASPECT for s in d.rows.sections)
            for d in self.data
        )
        for order, data in enumerate(self.data):
            sheet_aspect = None
            if by_sheet:  # one sheet per aspect, named by the sheet
                cell = data.title or (data.table.header_rows[0], data.table.columns[0].index)
                sheet_aspect = group_ref(data.grid.name, GroupLevel.ASPECT, cell)
                if sheet_aspect.number is None:
                    sheet_aspect = attrs.evolve(sheet_aspect, number=order + 1)
                named.aspects.setdefault(sheet_aspect.key, (data.index, sheet_aspect))
            for section in data.rows.sections:
                ref = section.group
                if ref.level is GroupLevel.ASPECT:
                    named.aspects.setdefault(ref.key, (data.index, ref))
                    named.sections[id(ref)] = ("a", None, ref.key)
            for section in data.rows.sections:
                ref = section.group
                if ref.level is GroupLevel.CATEGORY:
                    parent = _section_parent(data.rows, ref) or sheet_aspect
                    key = parent.key if parent is not None else None
                    named.categories.setdefault(key, {}).setdefault(ref.key, (data.index, ref))
                    named.sections[id(ref)] = ("c", key, ref.key)
            for draft in data.drafts:
                aspect = draft.aspect or sheet_aspect
                if aspect is not None:
                    named.aspects.setdefault(aspect.key, (data.index, aspect))
                akey = aspect.key if aspect is not None else None
                ckey = None
                if draft.category is not None:
                    ckey = draft.category.key
                    named.categories.setdefault(akey, {}).setdefault(ckey, (data.index, draft.category))
                named.placed.append((draft, akey, ckey))
        return named

    def groups(self) -> tuple[list[Group], dict[int, str], list[Cell], dict[int, str]]:
        """The groups the sheets name, numbered and ordered as their cells number them; each draft's and section's."""
        named = self.collect()
        aspects, categories, placed, section_keys = named.aspects, named.categories, named.placed, named.sections
        groups: list[Group] = []
        cells: list[Cell] = []
        aspect_ids: dict[Any, str] = {}
        category_ids: dict[tuple[Any, Any], str] = {}
        ordered = sorted(enumerate(aspects.items()), key=lambda e: _order(e[1][1][1], e[0]))
        for k, (_, (key, (sheet, ref))) in enumerate(ordered, 1):
            gid = f"A{k}"
            aspect_ids[key] = gid
            groups.append(Group(gid, GroupLevel.ASPECT, ref.title))
            cells.append((sheet, *ref.cell))
            self._categories(
                categories.get(key, {}), parent=gid, pkey=key, groups=groups, cells=cells, ids=category_ids
            )
        self._categories(categories.get(None, {}), parent=None, pkey=None, groups=groups, cells=cells, ids=category_ids)
        group_of: dict[int, str] = {}
        for draft, akey, ckey in placed:
            if ckey is not None and (akey, ckey) in category_ids:
                group_of[id(draft)] = category_ids[(akey, ckey)]
            elif akey is not None:
                group_of[id(draft)] = aspect_ids[akey]
        sections: dict[int, str] = {}
        for ref_id, (level, pkey, key) in section_keys.items():
            named_id = aspect_ids.get(key) if level == "a" else category_ids.get((pkey, key))
            if named_id is not None:
                sections[ref_id] = named_id
        return groups, group_of, cells, sections

    @staticmethod
    def _categories(
        found: dict[Any, tuple[int, GroupRef]],
        *,
        parent: str | None,
        pkey: Any,
        groups: list[Group],
        cells: list[Cell],
        ids: dict[tuple[Any, Any], str],
    ) -> None:
        ordered = sorted(enumerate(found.items()), key=lambda e: _order(e[1][1][1], e[0]))
        for k, (_, (key, (sheet, ref))) in enumerate(ordered, 1):
            gid = f"{parent}-C{k}" if parent else f"C{k}"
            ids[(pkey, key)] = gid
            groups.append(Group(gid, GroupLevel.CATEGORY, ref.title, parent))
            cells.append((sheet, *ref.cell))

    def sections(self, problems: list[Problem], groups: list[Group], section_ids: dict[int, str]) -> None:
        """Check the counts a section row declares (``(共3个问题)``) against the problems it heads."""
        for data in self.data:
            report = Report(data.grid.name, self.found)
            for section in data.rows.sections:
                ref = section.group
                gid = section_ids.get(id(ref))
                if ref.declared is None or gid is None:
                    continue
                ids = {gid} | {g.id for g in groups if g.parent == gid}
                found = sum(1 for p in problems if p.group in ids)
                if found != ref.declared:
                    report(
                        SheetCode.SECTION_COUNT,
                        Severity.WARNING,
                        ref.cell,
                        title=ref.title,
                        declared=ref.declared,
                        found=found,
                    )

    def duplicate(self, data: _Data, cell: tuple[int, int], *, kind: str, text: str, pointer: str, first: str) -> None:
        """``duplicate-id`` at *cell*, the second to give *text*; *first* points at the element that gave it first."""
        where = Location(sheet=data.grid.name, cell=cell_name(*cell))
        params = {"kind": kind, "id": text}
        self.found.append(Diagnostic("duplicate-id", Severity.ERROR, pointer, params, (first,), where))

    def numbering(self, data: _Data) -> None:
        """Report a 序号 that skips (a restart at 1 is allowed, as under a new section), and one given twice
        since the last restart (``5`` twice, ``1.1`` twice): ``duplicate-id`` at the second, as the rule would."""
        report = Report(data.grid.name, self.found)
        expected: int | None = None
        seen: dict[str, str] = {}  # 序号 → the pointer of the problem that has it
        second: dict[str, str] = {}  # 二级序号 ``n.m`` → the pointer of the problem or measure that has it
        for draft in data.drafts:
            pointer = f"{_BASE}/problems/{int(draft.id[1:]) - 1}"
            if draft.seq is not None and draft.seq[2] in ("1", "一"):
                seen = {}
                second = {}
            for j, row, col, text in draft.measure_seqs:
                if _TWO_LEVEL.match(text) is None:
                    continue
                # one measure a problem: the number is the problem's (一级 numbers its aspect); else its measure's
                at, kind = (
                    (pointer, "problem")
                    if j < 0 or len(draft.measures) == 1
                    else (f"{pointer}/measures/{j}", "measure")
                )
                if text in second:
                    self.duplicate(data, (row, col), kind=kind, text=text, pointer=f"{at}/id", first=second[text])
                else:
                    second[text] = f"{at}/id"
            if draft.seq is None:
                continue
            row, col, text = draft.seq
            if text in seen:
                self.duplicate(data, (row, col), kind="problem", text=text, pointer=f"{pointer}/id", first=seen[text])
                continue
            seen[text] = f"{pointer}/id"
            if not text.isdigit():
                expected = None
                continue
            number = int(text)
            if expected is not None and number not in (expected, 1):
                report(SheetCode.NUMBERING_GAP, Severity.WARNING, (row, col), expected=expected, found=number)
            expected = number + 1


@attrs.define
class _Named:
    """Groups as the cells name them, before they are numbered."""

    aspects: dict[Any, tuple[int, GroupRef]] = attrs.field(factory=dict)  # key → (sheet, first ref)
    categories: dict[Any, dict[Any, tuple[int, GroupRef]]] = attrs.field(factory=dict)  # by aspect key
    placed: list[tuple[Draft, Any, Any]] = attrs.field(factory=list)  # each problem's aspect and category keys
    sections: dict[int, tuple[str, Any, Any]] = attrs.field(factory=dict)  # a section's ref → (level, aspect, key)


def _structure(facts: Facts) -> tuple[str, ...]:
    cells = [*facts.labels, *([facts.title] if facts.title is not None else [])]
    return tuple(cell_name(r, c) for r, c in cells)


def _order(ref: GroupRef, seen: int) -> tuple[int, int, int]:
    return (0, ref.number, seen) if ref.number is not None else (1, 0, seen)


def _section_parent(rows: Rows, category: GroupRef) -> GroupRef | None:
    parent = None
    for section in rows.sections:
        if section.group is category:
            return parent
        if section.group.level is GroupLevel.ASPECT:
            parent = section.group
    return parent


def _label(grids: tuple[Grid, ...], sheet: str, cell: tuple[int, int]) -> str:
    grid = next((g for g in grids if g.name == sheet), None)
    if grid is None:
        return ""
    row = grid.rows[cell[0]]
    for c in range(cell[1] - 1, -1, -1):
        if c < len(row) and text_of(row[c]):
            return text_of(row[c])
    return text_of(row[cell[1]]).split(":")[0].split("：")[0]


def _option(name: str, given: Any) -> Any:
    if name in _DATE_FACTS and isinstance(given, str):
        try:
            return PartialDate.parse(given)
        except ValueError:
            return date_of(given) or given
    return given


def _extent(grid: Grid) -> tuple[int, str]:
    """How many cells of *grid* hold something, and the range they span."""
    count = 0
    top = left = 1 << 30
    bottom = right = -1
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value != "" and (not isinstance(value, str) or value.strip()):
                count += 1
                top, bottom = min(top, r), max(bottom, r)
                left, right = min(left, c), max(right, c)
    if not count:
        return 0, ""
    return count, f"{cell_name(top, left)}:{cell_name(bottom, right)}"

"""Pass 4, rows → problems: each block's problem, measures, responsibilities, deadlines and statuses.

One row per measure: each row with a measure cell is one measure; a cell merged down over
several measure rows is each of theirs (a responsibility, a deadline), except a progress cell
merged over them, which is the problem's status. One row per problem: the measure cell's
numbered items are the measures, and a responsibility, deadline, progress or evidence cell
whose items line up with them is split likewise; one that does not is given to each measure
whole (a progress cell to the problem). Everything else non-empty is reported with its cell.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate
from typing import TypeVar

import attrs

from .._lexicon.headers import EXAMPLE_MARKS, labelled_responsibility
from ..dates import Deadline
from ..diagnostics import Severity
from ..messages import SheetCode
from ..model import Measure, ProblemLevel, Responsibility, State, Status
from ._cells import (
    History,
    closed_by,
    date_of,
    deadline_of,
    history_of,
    numbered,
    parts_of,
    responsibility_of,
    split_items,
    split_list,
    strip_number,
    text_of,
)
from ._grid import Grid, Value
from ._places import MeasurePlace
from ._report import Report
from ._rows import Block, GroupRef, Merges, Rows, title_and_description
from ._table import Table

__all__ = ["Draft", "read_blocks"]

_T = TypeVar("_T")

_EXAMPLE = frozenset(EXAMPLE_MARKS)
_MEASURE_ROLES = (
    "leaders",
    "departments",
    "persons",
    "responsibility",
    "deadline",
    "progress",
    "closed",
    "evidence",
    "remark",
)


@attrs.frozen
class _Parsed:
    """A data sheet's measure-level columns, each read in one pass: row by row, what its cells say."""

    who: list[Responsibility | None]
    deadlines: list[Deadline | None]
    histories: list[History | None]
    evidence: list[tuple[str, ...]]


@attrs.define
class Draft:
    """A problem as read, before its group is numbered: its fields, its measures, and their cells."""

    id: str
    title: str
    description: str | None
    aspect: GroupRef | None
    category: GroupRef | None
    level: ProblemLevel
    measures: list[Measure]
    history: tuple[Status, ...]
    cells: dict[str, tuple[int, int]]
    places: list[MeasurePlace]
    seq: tuple[int, int, str] | None  # the 序号 cell and its text
    # the second-level 序号 cells (二级序号 ``1.2``): (measure index, or -1 for the problem's; row, column, text)
    measure_seqs: list[tuple[int, int, int, str]] = attrs.field(factory=list)


_WHO_ROLES = frozenset({"leaders", "departments", "persons", "responsibility"})
# The rule that would blame the unit for a measure-level cell the reader could not give to its measures.
_MEASURE_RULE = dict.fromkeys(_WHO_ROLES, "measure-without-responsibility") | {
    "deadline": "measure-without-deadline",
    "progress": "measure-without-status",
    "evidence": "closed-without-evidence",
}


def _rows_with_text(columns: list[tuple[int, list[str]]]) -> frozenset[int]:
    """The rows where any of *columns* (column, texts) has a text."""
    return frozenset(r for _, texts in columns for r, text in enumerate(texts) if text)


class _Reader:
    """Reads the blocks of one data sheet."""

    def __init__(
        self,
        grid: Grid,
        table: Table,
        rows: Rows,
        merges: Merges,
        report: Report,
        *,
        index: Callable[[], int],
        sheet: int,
    ):
        self.sheet = sheet
        self.grid = grid
        self.table = table
        self.rows = rows
        self.merges = merges
        self.report = report
        self.index = index  # the next problem's index in the inspection (for pointers)
        seqs = table.roles.get("seq", ())
        self.cols: dict[str, int] = {role: cols[0] for role, cols in table.roles.items() if cols}
        self.cols.pop("seq", None)
        if rows.seq_is_measure:
            self.cols["measure_seq"] = seqs[0]
        else:
            if seqs:
                self.cols["seq"] = seqs[0]
            if len(seqs) > 1:
                self.cols["measure_seq"] = seqs[1]
        self.closed = table.roles.get("closed", ())
        self.remarks = table.roles.get("remark", ())
        self.departments = table.roles.get("departments", ())
        # The columns a vertical merge covers (a covered cell is read from the merge's first), and the
        # texts of the measure-level columns, a column at a time (a role the sheet lacks: no text).
        self.merged = frozenset(merges.starts)
        self.columns: dict[int, list[str]] = {}
        self.none = none = [""] * len(grid.rows)
        self.measure_texts = [
            (
                role,
                none
                if role not in self.cols
                else self.column(self.cols[role], fill=role not in ("progress", "remark")),
            )
            for role in _MEASURE_ROLES
        ]
        self.more_texts = [(col, self.column(col)) for col in self.departments[1:]]
        self.closed_texts = [(col, self.column(col)) for col in self.closed]
        self.remark_texts = [(col, self.column(col, fill=False)) for col in self.remarks]
        # the rows whose 销号 or 备注 cells say something: the others need no look at them
        self.closed_rows = _rows_with_text(self.closed_texts)
        evidence = self.cols.get("evidence")
        self.closing = (*self.closed, *(() if evidence is None else (evidence,)))  # the columns that close a problem
        # the problem-level columns, with how many cells are filled down to each row (a problem's later rows: none)
        self.problem_texts = [
            (col, texts, list(accumulate(map(bool, texts))))
            for col, texts in (
                (col, self.column(col, fill=False))
                for col in map(self.cols.get, ("seq", "problem", "description", "problem_progress"))
                if col is not None
            )
        ]
        self.remark_rows = _rows_with_text(self.remark_texts)
        self.problem_cols: frozenset[int] = frozenset()  # 销号 and 佐证材料 cells that are the problem's, this block
        # One row a measure: each role's column read in one pass (a row without a measure reads as nothing);
        # what a cell says wrong is reported when its measure's pointer is known.
        texts = dict(self.measure_texts)
        self.combined, self.deadline_texts = texts["responsibility"], texts["deadline"]
        self.by_row: _Parsed | None = None
        if rows.by_measure:
            self.by_row = _Parsed(
                list(map(responsibility_of, texts["leaders"], texts["departments"], texts["persons"], self.combined)),
                [
                    deadline_of(v) if t else None
                    for v, t in zip(self.values(self.cols.get("deadline")), self.deadline_texts, strict=True)
                ],
                [history_of(t) if t else None for t in texts["progress"]],
                [split_list(t, names=False) if t else () for t in texts["evidence"]],
            )

    def column(self, col: int, *, fill: bool = True) -> list[str]:
        """Column *col*'s texts, row by row (``""`` for none); with *fill*, a cell a vertical merge covers
        reads its first cell's. Computed once a sheet (see ``ColumnTexts``)."""
        key = col if fill else ~col
        found = self.columns.get(key)
        if found is not None:
            return found
        found = self.rows.texts(col)
        if fill and col in self.merged:
            found = self.filled(found, col)
        self.columns[key] = found
        return found

    def values(self, col: int | None) -> list[Value]:
        """Column *col*'s values as the cells hold them, row by row, a covered cell reading its merge's first."""
        if col is None:
            return list(self.none)
        values = list(self.rows.texts.values(col))
        return self.filled(values, col) if col in self.merged else values

    def filled(self, own: list[_T], col: int) -> list[_T]:
        """*own*, column *col* row by row, with each empty cell a vertical merge covers read from the merge's
        first (as written there: a first cell is never itself filled)."""
        found, origin = own.copy(), self.merges.origin
        for r, value in enumerate(self.rows.texts.values(col)):
            if value == "" and (o := origin(r, col)) is not None:
                found[r] = own[o]
        return found

    def value(self, row: int, col: int | None, *, inherit: bool = True) -> tuple[Value, int]:
        """The value at *row* in *col*, from the merge's first cell where a merge covers it; and that row."""
        if col is None:
            return "", row
        cells = self.grid.rows[row]
        value = cells[col] if col < len(cells) else ""
        if value == "" and inherit:
            origin = self.merges.origin(row, col)
            if origin is not None:
                cells = self.grid.rows[origin]
                return (cells[col] if col < len(cells) else ""), origin
        return value, row

    def text(self, row: int, role: str, *, inherit: bool = True) -> str:
        col = self.cols.get(role)
        return "" if col is None else self.column(col, fill=inherit)[row]

    def block(self, block: Block) -> Draft:
        first = block.rows[0]
        cols = self.cols
        title, description = title_and_description(block.title)
        cells: dict[str, tuple[int, int]] = {}
        problem_col = cols["problem"]
        cells[""] = cells["/title"] = (first, problem_col)
        if "description" in cols:
            described = self.text(first, "description", inherit=False)
            if described:
                description = f"{description}\n{described}" if description else described
                cells["/description"] = (first, cols["description"])
        elif description:
            cells["/description"] = (first, problem_col)
        seq = None
        if "seq" in cols:
            cells["/id"] = (first, cols["seq"])
            if block.seq:
                seq = (first, cols["seq"], block.seq)
        group = block.category or block.aspect
        if (group is not None and group.cell[0] == first) or group is not None:
            cells["/group"] = group.cell
        if "measure" in cols:
            cells["/measures"] = (first, cols["measure"])
        pointer = f"/inspections/0/problems/{self.index()}"
        history: tuple[Status, ...] = ()
        if "problem_progress" in cols:
            text = self.text(first, "problem_progress", inherit=False)
            if text:
                history = self.statuses(text, (first, cols["problem_progress"]), pointer + "/history")
                cells["/history"] = (first, cols["problem_progress"])
        draft = Draft(
            f"P{self.index() + 1}",
            title,
            description,
            block.aspect,
            block.category,
            self.table.problem_level,
            [],
            history,
            cells,
            [],
            seq,
        )
        self.repeats(block)
        if self.rows.by_measure:
            self.by_measure(block, draft, pointer)
        else:
            self.by_problem(first, draft, pointer)
        return draft

    def repeats(self, block: Block) -> None:
        """Problem-level cells on a problem's later rows: the first row's filled down, else unplaced."""
        first, last_row = block.rows[0], block.rows[-1]
        contiguous = last_row - first == len(block.rows) - 1
        for col, texts, counts in self.problem_texts:
            if contiguous and counts[last_row] == counts[first]:  # the usual: a merge, its later cells empty
                continue
            last = texts[first]
            for r in block.rows[1:]:
                text = texts[r]
                if text and text != last:
                    self.report(SheetCode.UNPLACED_CELL, Severity.WARNING, (r, col), text=text)
                last = text or last

    def statuses(self, text: str, cell: tuple[int, int], pointer: str) -> tuple[Status, ...]:
        return self.known(history_of(text), cell, pointer)

    def known(self, found: History, cell: tuple[int, int], pointer: str) -> tuple[Status, ...]:
        """The statuses a progress cell gives; a cell that names no known state reported at *cell*."""
        if found.unknown is not None:
            self.report(SheetCode.UNKNOWN_STATE, Severity.WARNING, cell, pointer, text=found.unknown)
        return found.statuses

    def by_measure(self, block: Block, draft: Draft, pointer: str) -> None:
        cols = self.cols
        measure_col = cols.get("measure")
        progress_col = cols.get("progress")
        first = block.rows[0]
        # the problem's second measure row: a cell merged from the first row down over it is the problem's
        measure_texts = self.column(measure_col, fill=False) if measure_col is not None else self.none
        measures = [r for r in block.rows if measure_texts[r]] if len(block.rows) > 1 else []
        second = measures[1] if len(measures) > 1 else None

        def problem_wide(col: int) -> bool:
            return second is not None and self.merges.down.get((first, col), -1) >= second

        problem_progress = progress_col is not None and problem_wide(progress_col)
        if problem_progress and progress_col is not None:  # one progress for the problem's measures
            text = self.text(first, "progress", inherit=False)
            if text and not draft.history:
                draft.history = self.statuses(text, (first, progress_col), pointer + "/history")
                draft.cells["/history"] = (first, progress_col)
            elif text:
                self.report(SheetCode.UNPLACED_CELL, Severity.WARNING, (first, progress_col), text=text)
        # the problem's 销号, not each measure's (a problem of one measure: none)
        self.problem_cols = frozenset(filter(problem_wide, self.closing)) if second is not None else frozenset()
        self.problem_closure(first, draft, pointer)
        self.measure_rows(block, draft, pointer, measure_texts, problem_progress=problem_progress)

    def measure_rows(
        self, block: Block, draft: Draft, pointer: str, measure_texts: list[str], *, problem_progress: bool
    ) -> None:
        """The measures of a problem's rows, one a row with a measure cell, each part as its column read it."""
        cols, first = self.cols, block.rows[0]
        measure_col = cols.get("measure")
        seq_col = cols.get("measure_seq")
        seq_texts = self.column(seq_col, fill=False) if seq_col is not None else self.none
        by_row = self.by_row
        assert by_row is not None
        who_of, deadlines, histories, evidence_of = by_row.who, by_row.deadlines, by_row.histories, by_row.evidence
        combined, deadline_texts, more = self.combined, self.deadline_texts, self.more_texts
        closed_rows, remark_rows = self.closed_rows, self.remark_rows
        own_evidence = cols.get("evidence") not in self.problem_cols
        level, sheet = self.table.measure_level, self.sheet
        for r in block.rows:
            text = measure_texts[r]
            if not text:  # a cell a merge covers, or none: the row holds no measure
                covered = measure_col is not None and self.merges.origin(r, measure_col) is not None
                self.leftover(r, problem_progress or covered, draft, pointer, first=r == first)
                continue
            j = len(draft.measures)
            mpointer = f"{pointer}/measures/{j}"
            if seq_texts[r] and seq_col is not None:
                draft.measure_seqs.append((j, r, seq_col, seq_texts[r]))
            # only a cell that says something wrong, or more than its column, costs more than a look
            who, extras = who_of[r], None
            if combined[r] or more:
                who, extras = self.who(who, combined[r], r, mpointer)
            deadline = deadlines[r]
            if deadline is None and deadline_texts[r]:
                self.deadline(None, deadline_texts[r], self.value(r, cols["deadline"])[1], mpointer)
            found = None if problem_progress else histories[r]
            history: tuple[Status, ...] = () if found is None else found.statuses
            if found is not None and found.unknown is not None:
                self.known(found, (r, cols["progress"]), mpointer + "/history")
            if r in closed_rows:
                history, extras = self.closures(r, history, extras, mpointer)
            evidence = evidence_of[r] if own_evidence else ()
            draft.measures.append(
                Measure(f"{draft.id}-M{j + 1}", strip_number(text), level, who, deadline, history, evidence)
            )
            if r in remark_rows:
                self.remark(r, mpointer)
            draft.places.append((sheet, r, extras))

    def leftover(self, r: int, skip_progress: bool, draft: Draft, pointer: str, *, first: bool) -> None:
        """A problem's row with no measure cell: its progress is the problem's (on its first row); the rest unplaced."""
        for role in (*_MEASURE_ROLES, "measure_seq"):
            if role == "progress" and skip_progress:
                continue
            col = self.cols.get(role)
            text = self.text(r, role, inherit=False)
            if col is None or not text or self.merges.origin(r, col) is not None:
                continue
            if role == "progress" and first and not draft.history:
                draft.history = self.statuses(text, (r, col), pointer + "/history")
                draft.cells["/history"] = (r, col)
            elif role == "remark":
                self.remark(r, pointer)
            else:
                self.report(SheetCode.UNPLACED_CELL, Severity.WARNING, (r, col), text=text)
        for col in (*self.closed[1:], *self.remarks[1:], *self.departments[1:]):
            value, _ = self.value(r, col, inherit=False)
            if value != "" and text_of(value):
                self.report(SheetCode.UNPLACED_CELL, Severity.WARNING, (r, col), text=text_of(value))

    def by_problem(self, r: int, draft: Draft, pointer: str) -> None:
        seq_col = self.cols.get("measure_seq")
        seq = self.text(r, "measure_seq", inherit=False)
        if seq and seq_col is not None:  # one row a problem: its 二级序号 is the problem's
            draft.measure_seqs.append((-1, r, seq_col, seq))
        text = self.text(r, "measure", inherit=False)
        if not text:
            self.leftover(r, False, draft, pointer, first=True)
            return
        items = split_items(text)
        count = len(items)
        values = {role: self.text(r, role, inherit=False) for role in _MEASURE_ROLES}
        evidence_col = self.cols.get("evidence")
        self.problem_cols = frozenset(
            col
            for col in self.closing
            if count > 1 and not (col == evidence_col and parts_of(values["evidence"], count) is not None)
        )  # one 销号 for a problem's several measures: the problem's
        self.problem_closure(r, draft, pointer)
        if evidence_col in self.problem_cols:
            values["evidence"] = ""
        split: dict[str, list[str]] = {}
        if count > 1:
            for role in ("leaders", "departments", "persons", "responsibility", "deadline", "progress", "evidence"):
                if values[role] and not (role in _WHO_ROLES and labelled_responsibility(values[role])):
                    parts = parts_of(values[role], count)  # a labelled cell's lines are its labels, not its measures
                    if parts is not None:
                        split[role] = parts
                    elif numbered(values[role]):
                        # numbered otherwise than the measures: never shifted onto them, nor given to each
                        col = self.cols[role]
                        parts_found = len(values[role].strip().split("\n"))
                        self.report(
                            SheetCode.SPLIT_MISMATCH,
                            Severity.WARNING,
                            (r, col),
                            pointer,
                            parts=parts_found,
                            measures=count,
                            supersedes=_MEASURE_RULE[role],
                        )
                        values[role] = ""
            if values["progress"] and "progress" not in split:
                col = self.cols["progress"]
                if not draft.history:
                    draft.history = self.statuses(values["progress"], (r, col), pointer + "/history")
                    draft.cells["/history"] = (r, col)
                values["progress"] = ""
        for j, item in enumerate(items):
            own = {role: (split[role][j] if role in split else value) for role, value in values.items()}
            extras = self.measure(draft, item, own, r, f"{pointer}/measures/{j}", raw="deadline" not in split)
            draft.places.append((self.sheet, r, extras))
        self.remark(r, pointer)

    def remark(self, r: int, pointer: str) -> None:
        for col, texts in self.remark_texts:
            text = texts[r]
            if not text:
                continue
            if text in _EXAMPLE:
                self.report(SheetCode.EXAMPLE_ROW, Severity.INFO, (r, col), pointer, row=r + 1, text=text)
            else:
                self.report(SheetCode.REMARK, Severity.INFO, (r, col), pointer, text=text)

    def measure(
        self, draft: Draft, text: str, values: dict[str, str], r: int, pointer: str, *, raw: bool = True
    ) -> dict[str, tuple[int, int]] | None:
        """One of a row's numbered measures, from its share of the row's texts; the cells that locate its parts."""
        who = responsibility_of(values["leaders"], values["departments"], values["persons"], values["responsibility"])
        who, extras = self.who(who, values["responsibility"], r, pointer)
        deadline: Deadline | None = None
        if values["deadline"]:
            value, origin = self.value(r, self.cols["deadline"]) if raw else (values["deadline"], r)
            deadline = self.deadline(deadline_of(value), values["deadline"], origin, pointer)
        history: tuple[Status, ...] = ()
        if values["progress"]:
            history = self.statuses(values["progress"], (r, self.cols["progress"]), pointer + "/history")
        history, extras = self.closures(r, history, extras, pointer)
        evidence: tuple[str, ...] = ()
        if values["evidence"] and self.cols.get("evidence") not in self.problem_cols:
            evidence = split_list(values["evidence"], names=False)
        mid = f"{draft.id}-M{len(draft.measures) + 1}"
        draft.measures.append(Measure(mid, text, self.table.measure_level, who, deadline, history, evidence))
        return extras

    def who(
        self, who: Responsibility | None, combined: str, r: int, pointer: str
    ) -> tuple[Responsibility | None, dict[str, tuple[int, int]] | None]:
        """A measure's responsibility with row *r*'s 配合部门; a combined cell without labels reported."""
        extras: dict[str, tuple[int, int]] | None = None
        if combined and labelled_responsibility(combined) is None:
            # 责任分工 holding 张三/办公室 without labels: which name is whose cannot be told; not the unit's fault
            self.report(
                SheetCode.UNLABELLED_RESPONSIBILITY,
                Severity.WARNING,
                (r, self.cols["responsibility"]),
                pointer,
                header=self.header("responsibility"),
                text=combined,
                **({} if who else {"supersedes": "measure-without-responsibility"}),
            )
        for col, texts in self.more_texts:  # 配合部门 beside 牵头部门: more departments, each located at its cell
            if texts[r]:
                origin = self.value(r, col)[1]
                extra = split_list(texts[r], names=True)
                before = len(who.departments) if who else 0
                who = attrs.evolve(who, departments=who.departments + extra) if who else Responsibility((), extra)
                extras = {
                    **(extras or {}),
                    **{f"/responsibility/departments/{k}": (origin, col) for k in range(before, before + len(extra))},
                }
        return who, extras

    def deadline(self, deadline: Deadline | None, text: str, origin: int, pointer: str) -> Deadline | None:
        """*deadline* as read from *text*; a text that names none is reported at its cell."""
        if deadline is None:
            self.report(
                SheetCode.BAD_DEADLINE,
                Severity.WARNING,
                (origin, self.cols["deadline"]),
                pointer + "/deadline",
                header=self.header("deadline"),
                text=text,
            )
        return deadline

    def closures(
        self, r: int, history: tuple[Status, ...], extras: dict[str, tuple[int, int]] | None, pointer: str
    ) -> tuple[tuple[Status, ...], dict[str, tuple[int, int]] | None]:
        """Row *r*'s own 销号 cells applied to its measure's history; the extra cells that locate them."""
        for col, texts in self.closed_texts:
            if not texts[r] or col in self.problem_cols:
                continue
            value, origin = self.value(r, col)
            history, at = self.closure(history, value, (origin, col), pointer)
            if at is not None and extras and at in extras:  # a second 销号 column: its date, or its yes
                at += "/date" if date_of(value) is not None else "/state"
            if at is not None:
                extras = {**(extras or {}), at: (origin, col)}
        return history, extras

    def problem_closure(self, r: int, draft: Draft, pointer: str) -> None:
        """The problem's own 销号 (已销号, 销号时间) and its 佐证材料, from the cells ``problem_cols`` holds."""
        evidence_col = self.cols.get("evidence")
        for col in self.closed:
            if col not in self.problem_cols:
                continue
            value, origin = self.value(r, col)
            if value == "" or not text_of(value):
                continue
            draft.history, at = self.closure(draft.history, value, (origin, col), pointer)
            if at:
                draft.cells[at] = (origin, col)
        if evidence_col in self.problem_cols:
            text = self.text(r, "evidence")
            last = draft.history[-1] if draft.history else None
            if text and last is not None and last.state is State.CLOSED:
                evidence = split_list(text, names=False)
                draft.history = (*draft.history[:-1], attrs.evolve(last, evidence=evidence))
                draft.cells[f"/history/{len(draft.history) - 1}/evidence"] = (r, evidence_col)
            elif text:
                self.report(SheetCode.UNPLACED_CELL, Severity.WARNING, (r, evidence_col), pointer, text=text)

    def closure(
        self, history: tuple[Status, ...], value: Value, cell: tuple[int, int], pointer: str
    ) -> tuple[tuple[Status, ...], str | None]:
        """A 销号 cell applied to a history (see ``closed_by``), what it says wrong reported at *cell*."""
        history, at, fault = closed_by(history, value)
        if fault == "bad-date":
            self.report(
                SheetCode.BAD_DATE,
                Severity.WARNING,
                cell,
                pointer + "/history",
                header=self.header("closed"),
                text=text_of(value),
            )
        elif fault == "conflict":
            last = history[-1]
            date = "" if last.date is None else f" {last.date}"
            params = {"text": text_of(value), "state": last.state, "date": date}
            self.report(SheetCode.CLOSED_CONFLICT, Severity.WARNING, cell, pointer + "/history", **params)
        return history, at

    def header(self, role: str) -> str:
        col = self.cols.get(role)
        return next((c.header for c in self.table.columns if c.index == col), role)


def read_blocks(
    grid: Grid, table: Table, rows: Rows, merges: Merges, report: Report, *, start: int, sheet: int
) -> tuple[list[Draft], dict[str, int]]:
    """The problems of a data sheet's blocks, the first at index *start* of the inspection; and the role columns.

    *sheet* is the sheet's index among those the places name.
    """
    drafts: list[Draft] = []
    reader = _Reader(grid, table, rows, merges, report, index=lambda: start + len(drafts), sheet=sheet)
    for block in rows.blocks:
        drafts.append(reader.block(block))
    return drafts, reader.cols

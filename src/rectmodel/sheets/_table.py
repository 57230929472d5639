"""Pass 2, grid → table: where a sheet's header is, and which column holds what (its role).

The header is the row whose cells name the most ledger columns (by the synonyms of
``_lexicon.HEADERS``, or a user's mapping), anywhere in the first rows; a second header
row above or below it joins it where it names columns the first leaves empty or spans
with a group cell (责任分工 over 责任领导 / 责任部门 / 责任人). Roles are then settled
left to right: a second 序号 is the measures' number, a second 方面 the category, a second
问题 the description, a 类别 column with no 问题 column the problems themselves (of level
category); any other repeated role, and a header no synonym names, is reported with its cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from .._lexicon import HEADER_GROUPS, HEADERS, header_key
from .._lexicon.headers import PROBLEM_STATE_HEADERS
from ..model import MeasureLevel, ProblemLevel
from ._grid import Grid, Value

__all__ = ["ROLES", "Column", "Table", "find_table", "role_of"]

# Every role a column may have; ``ignore`` (a mapping's) reads nothing and reports nothing.
ROLES = (*HEADERS, "description", "ignore")
_EXACT = {header_key(word): role for role, words in HEADERS.items() for word in words}
_CONTAINED = sorted(
    ((header_key(word), role) for role, words in HEADERS.items() for word in words if len(word) >= 2),
    key=lambda pair: -len(pair[0]),
)
_GROUP_WORDS = frozenset(header_key(word) for word in HEADER_GROUPS)
_SCAN_ROWS = 60  # a header further down than this is not a header
_HEADER_CELL = 24  # a longer cell is data, not a column name
_MIN_ROLES = 3
_ANCHORS = frozenset({"problem", "category", "measure", "task"})


def role_of(text: str, mapping: Mapping[str, str] | None = None) -> str | None:
    """The role a header's text names, or None.

    >>> role_of("牵头领导"), role_of("责任单位（部门）"), role_of("整改目标")
    ('leaders', 'departments', None)
    """
    key = header_key(text).rstrip(":：")
    if not key or len(key) > _HEADER_CELL:
        return None
    if mapping and key in mapping:
        return mapping[key]
    role = _EXACT.get(key)
    if role is not None:
        return role
    for word, role in _CONTAINED:
        if word in key:
            return role
    return None


@attrs.frozen
class Column:
    """One column of a ledger table.

    Args:
        index: 0-based column.
        header: its header text as written (two header rows joined by ``/``), ``""`` if none.
        role: what it holds (a key of ``HEADERS``, ``description``, ``ignore``), or None if unknown.
        cell: its header cell ``(row, column)``, 0-based.
        duplicate_of: for a repeated role that is not read, the column it repeats.
    """

    index: int
    header: str
    role: str | None
    cell: tuple[int, int]
    duplicate_of: int | None = None


@attrs.frozen
class Table:
    """Where a sheet's ledger is and what its columns hold.

    Args:
        header_rows: the 0-based rows of its header (one or two).
        first_row: the first row below the header.
        columns: every column that has a header.
        roles: the columns read, by role: ``seq`` may hold two (the problems' number, then the measures').
        problem_level: ``category`` when the items are 类 (a 类别 column and no 问题 column).
        measure_level: ``task`` when the measures column is headed 整改任务.
    """

    header_rows: tuple[int, ...]
    first_row: int
    columns: tuple[Column, ...]
    roles: Mapping[str, tuple[int, ...]]
    problem_level: ProblemLevel = ProblemLevel.PROBLEM
    measure_level: MeasureLevel = MeasureLevel.MEASURE

    def col(self, role: str) -> int | None:
        """The first column of *role*, or None."""
        found = self.roles.get(role)
        return found[0] if found else None


def _row_roles(row: Sequence[Value], mapping: Mapping[str, str] | None) -> dict[int, str]:
    found = {}
    for c, value in enumerate(row):
        if isinstance(value, str) and value:
            role = role_of(value, mapping)
            if role is not None:
                found[c] = role
    return found


def _score(roles: dict[int, str]) -> int:
    distinct = set(roles.values())
    if not distinct & _ANCHORS:
        return 0
    return len(distinct)


def _covered_across(grid: Grid, row: int) -> dict[int, int]:
    """Columns of *row* covered by a horizontal merge, each with the merge's first column."""
    covered = {}
    for r0, c0, r1, c1 in grid.merges:
        if r0 <= row <= r1 and c1 > c0:
            for c in range(c0, c1 + 1):
                covered[c] = c0
    return covered


def _text(rows: Sequence[Sequence[Value]], r: int, c: int) -> str:
    if r < 0 or r >= len(rows) or c >= len(rows[r]):
        return ""
    value = rows[r][c]
    return value.strip() if isinstance(value, str) else ("" if value == "" else str(value))


def find_table(grid: Grid, mapping: Mapping[str, str] | None = None, header_row: int | None = None) -> Table | None:
    """The ledger table of *grid*, or None if no row reads as a ledger's header.

    Args:
        grid: the sheet.
        mapping: header keys (``header_key``) → role, from a user's mapping file; they win over the synonyms.
        header_row: the 0-based header row, if the mapping names it.
    """
    rows = grid.rows
    if header_row is not None:
        best = header_row if header_row < len(rows) else None
    else:
        scored = [(_score(_row_roles(rows[r], mapping)), r) for r in range(min(len(rows), _SCAN_ROWS))]
        top = max(scored, key=lambda pair: (pair[0], -pair[1]), default=(0, 0))
        best = top[1] if top[0] >= _MIN_ROLES else None
    if best is None:
        return None
    header_rows = [best]
    main = _row_roles(rows[best], mapping)
    for other in (best - 1, best + 1):
        if other < 0 or other >= len(rows) or other in header_rows:
            continue
        extra = _row_roles(rows[other], mapping)
        covered = _covered_across(grid, min(best, other))
        joins = [
            c
            for c in extra
            if c not in main
            and (
                not _text(rows, best, c)
                or header_key(_text(rows, best, c)) in _GROUP_WORDS
                or (c in covered and covered[c] != c)
            )
        ]
        long_cells = sum(1 for v in rows[other] if isinstance(v, str) and len(v.strip()) > _HEADER_CELL)
        if joins and not long_cells:
            header_rows.append(other)
            break
    header_rows.sort()
    width = max((len(rows[r]) for r in header_rows), default=0)
    columns = []
    for c in range(width):
        texts = [_text(rows, r, c) for r in header_rows]
        # a group word (责任分工) over sub-columns is no column's header; alone over its column, it is one
        lower = next((t for t in reversed(texts) if t and header_key(t) not in _GROUP_WORDS), "")
        lower = lower or next((t for t in reversed(texts) if t), "")
        if not lower:
            continue
        cell_row = next(r for r in reversed(header_rows) if _text(rows, r, c) == lower)
        upper = [t for t in texts if t and t != lower]
        header = "/".join([*upper, lower])
        columns.append(Column(c, header, role_of(lower, mapping), (cell_row, c)))
    return _settle(tuple(header_rows), header_rows[-1] + 1, columns)


# Roles a table may hold more than one column of; every other role's second column repeats it.
_MANY = frozenset({"seq", "closed", "remark", "ignore", "departments"})


def _problem_state(columns: list[Column]) -> list[Column]:
    """Beside a measure's progress (完成情况), a 整改状态 / 销号情况 column is the problem's state."""
    progress = [col for col in columns if col.role == "progress"]
    if len(progress) < 2 or any(col.role == "problem_progress" for col in columns):
        return columns
    state = next((col for col in progress if header_key(col.header.split("/")[-1]) in _PROBLEM_STATE), None)
    return [attrs.evolve(col, role="problem_progress") if col is state else col for col in columns]


_PROBLEM_STATE = frozenset(header_key(word) for word in PROBLEM_STATE_HEADERS)


def _settle(header_rows: tuple[int, ...], first_row: int, columns: list[Column]) -> Table:
    columns = _problem_state(columns)
    taken: dict[str, list[int]] = {}
    settled = []
    has_problem = any(col.role == "problem" for col in columns)
    problem_level = ProblemLevel.PROBLEM
    measure_level = MeasureLevel.MEASURE
    if not has_problem and any(col.role == "category" for col in columns):
        problem_level = ProblemLevel.CATEGORY
    for col in columns:
        role = col.role
        if role == "category" and problem_level is ProblemLevel.CATEGORY and "problem" not in taken:
            role = "problem"
        elif role == "aspect" and "aspect" in taken and "category" not in taken:
            role = "category"
        elif role == "problem" and "problem" in taken and "description" not in taken:
            role = "description"
        elif role == "task":
            if "measure" not in taken:
                measure_level = MeasureLevel.TASK
            role = "measure"
        repeated = role in taken and (role not in _MANY or (role == "seq" and len(taken["seq"]) >= 2))
        if role is not None and repeated:
            settled.append(attrs.evolve(col, role=role, duplicate_of=taken[role][0]))
            continue
        if role is not None:
            taken.setdefault(role, []).append(col.index)
        settled.append(attrs.evolve(col, role=role))
    roles = {role: tuple(found) for role, found in taken.items()}
    return Table(header_rows, first_row, tuple(settled), roles, problem_level, measure_level)

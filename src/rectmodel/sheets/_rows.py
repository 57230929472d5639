"""Pass 3, table → rows: each row below the header is a problem's row, a section, a footer, or unplaced.

A section is a row with one cell (often merged across) that heads a group: ``一、…方面(共3个问题)``
an aspect, ``(一)…`` a category. A footer (填表人, 审核人, 注:…) ends the table. Every other
row with something in it belongs to a problem: a new one where the problem cell holds a new
text, the current one where it is empty (merged down, or left blank) or repeats the text
(a merged cell filled down). The problems' rows come out as blocks; whether a sheet keeps one
row per measure (some block has several rows) or one row per problem is decided here, once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from .._lexicon import read_number
from .._lexicon.numerals import SMALL
from ..model import GroupLevel
from ._cells import ColumnTexts, strip_number, text_of
from ._grid import Grid, Value
from ._table import Table

__all__ = ["Block", "GroupRef", "Merges", "Rows", "Section", "read_rows"]

_CN = SMALL
_ASPECT_HEAD = re.compile(rf"^(?:第\s*([{_CN}0-9]{{1,3}})\s*(?:方面|部分)|([{_CN}]{{1,3}})\s*[、.．])\s*(.*)$", re.S)
_CATEGORY_HEAD = re.compile(rf"^[(（]\s*([{_CN}]{{1,3}})\s*[)）]\s*(.*)$", re.S)
_DECLARED = re.compile(rf"\s*[(（]\s*共?\s*([0-9]+|[{_CN}]{{1,3}})\s*(?:个|项|条)\s*(?:具体)?问题?\s*[)）]\s*$")
_FOOTER_STARTS = frozenset("填制审负单主分联报注说备")
_FOOTER = re.compile(
    r"^(?:填表人|填报人|制表人|审核人|审批人|审核|负责人|单位负责人|主要负责人|分管领导签字|联系人|联系电话|"
    r"填表时间|填表日期|报送时间|注\s*[:：]|说明\s*[:：]|备注\s*[:：])"
)


@attrs.frozen
class GroupRef:
    """A group as a cell names it: its number (一、 → 1) if written, its title, its cell."""

    level: GroupLevel
    number: int | None
    title: str
    cell: tuple[int, int]
    declared: int | None = None

    @property
    def key(self) -> tuple[str, int | str]:
        """What makes two cells name the same group: the number where written, else the title."""
        return ("n", self.number) if self.number is not None else ("t", self.title)


def group_ref(text: str, level: GroupLevel, cell: tuple[int, int]) -> GroupRef:
    """A group cell's text read as a group: ``一、党的建设方面(共3个问题)`` → number 1, a title, 3 declared.

    >>> ref = group_ref("一、党的建设方面(共3个问题)", GroupLevel.ASPECT, (3, 0))
    >>> ref.number, ref.title, ref.declared
    (1, '党的建设方面', 3)
    """
    declared = None
    m = _DECLARED.search(text)
    if m is not None:
        declared = read_number(m.group(1))
        text = text[: m.start()]
    number = None
    head = _CATEGORY_HEAD.match(text) if level is GroupLevel.CATEGORY else _ASPECT_HEAD.match(text)
    if head is None and level is GroupLevel.CATEGORY:
        head = _ASPECT_HEAD.match(text)
    if head is not None:
        groups = [g for g in head.groups() if g is not None]
        number = read_number(groups[0])
        text = groups[-1] if number is not None else text
    return GroupRef(level, number, text.strip(), cell, declared)


@attrs.frozen
class Section:
    """A row that heads a group."""

    group: GroupRef


@attrs.frozen
class Block:
    """The rows of one problem: its first row (where its cells are) and every row of its measures."""

    rows: tuple[int, ...]
    title: str
    seq: str
    aspect: GroupRef | None
    category: GroupRef | None


@attrs.frozen
class Rows:
    """What the rows of a table are.

    Args:
        blocks: the problems' rows, in order.
        sections: the section rows, in order.
        footer: the rows from the first footer row on.
        orphans: cells of rows before any problem (``(row, column, text)``).
        others: columns not read that hold cells: column → (cells, first row, last row).
        by_measure: one row per measure (some problem has several rows); else one row per problem.
        grouped_by_sections: the groups come from section rows.
    """

    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    footer: tuple[int, ...]
    orphans: tuple[tuple[int, int, str], ...]
    others: dict[int, tuple[int, int, int]]
    by_measure: bool
    seq_is_measure: bool
    texts: ColumnTexts  # the sheet's column texts, read once for every pass


@attrs.frozen
class Merges:
    """A sheet's merged ranges, as the passes ask of them."""

    down: dict[tuple[int, int], int]  # a vertical merge's first cell → its last row
    starts: dict[int, list[int]]  # per column, the first rows of its vertical merges, sorted
    ends: dict[int, list[int]]  # per column, their last rows, in the same order
    across: dict[tuple[int, int], int]  # a horizontal merge's first cell → its last column

    @classmethod
    def of(cls, grid: Grid) -> Merges:
        """Index the merged ranges of *grid*."""
        down: dict[tuple[int, int], int] = {}
        across: dict[tuple[int, int], int] = {}
        spans: dict[int, list[tuple[int, int]]] = {}
        for r0, c0, r1, c1 in grid.merges:
            if r1 > r0:
                for c in range(c0, c1 + 1):
                    down[(r0, c)] = r1
                    spans.setdefault(c, []).append((r0, r1))
            if c1 > c0:
                across[(r0, c0)] = c1
        starts = {}
        ends = {}
        for c, found in spans.items():
            found.sort()
            starts[c] = [a for a, _ in found]
            ends[c] = [b for _, b in found]
        return cls(down, starts, ends, across)

    def origin(self, row: int, col: int) -> int | None:
        """The first row of the vertical merge that covers ``(row, col)`` from above, or None."""
        starts = self.starts.get(col)
        if not starts:
            return None
        k = bisect.bisect_right(starts, row) - 1
        if k >= 0 and starts[k] < row <= self.ends[col][k]:
            return starts[k]
        return None


def _cell(row: Sequence[Value], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    value = row[col]
    return "" if value == "" else text_of(value)


def _is_section(cells: list[tuple[int, Value]], r: int, table: Table, merges: Merges) -> tuple[GroupLevel, str] | None:
    if len(cells) != 1:
        return None
    c, value = cells[0]
    if not isinstance(value, str):
        return None
    text = text_of(value)
    merged = merges.across.get((r, c), c) > c
    item_cols = {table.col("problem"), table.col("measure"), table.col("description")}
    if _CATEGORY_HEAD.match(text) and (merged or c not in item_cols):
        return GroupLevel.CATEGORY, text
    if _ASPECT_HEAD.match(text) and (merged or c not in item_cols or "方面" in text):
        return GroupLevel.ASPECT, text
    if merged and merges.across[(r, c)] - c >= 2 and c not in item_cols:
        return GroupLevel.ASPECT, text
    return None


@attrs.define
class _Groups:
    """The groups in force as the rows go down: set by section rows and by group columns."""

    aspect_col: int | None
    category_col: int | None
    aspect: GroupRef | None = None
    category: GroupRef | None = None
    # the group cell texts last read, by level, and the groups they named (a merge repeats its text down the rows)
    last: dict[GroupLevel, tuple[str, GroupRef]] = attrs.field(factory=dict)

    def section(self, ref: GroupRef) -> None:
        if ref.level is GroupLevel.ASPECT:
            self.aspect, self.category = ref, None
        else:
            self.category = ref

    def row(self, r: int, aspect: str, category: str) -> list[GroupRef]:
        """Take the group cells of row *r* (their texts); the groups they name that are not in force."""
        changed: list[GroupRef] = []
        for level, col, text in (
            (GroupLevel.ASPECT, self.aspect_col, aspect),
            (GroupLevel.CATEGORY, self.category_col, category),
        ):
            if not text or col is None:  # a cell a merge covers is empty: its text is its first cell's
                continue
            current = self.aspect if level is GroupLevel.ASPECT else self.category
            seen = self.last.get(level)
            if seen is not None and seen[0] == text and seen[1] is current:  # the same cell text, the same group
                continue
            ref = group_ref(text, level, (r, col))
            if current is not None and current.key == ref.key:
                self.last[level] = (text, current)
                continue
            changed.append(ref)
            self.section(ref)
            self.last[level] = (text, ref)
        return changed


@attrs.define
class _Current:
    """The problem whose rows are being gathered."""

    rows: list[int]
    title: str
    seq: str
    aspect: GroupRef | None
    category: GroupRef | None

    def block(self) -> Block:
        return Block(tuple(self.rows), self.title, self.seq, self.aspect, self.category)

    def goes_on(self, text: str, seq: str, changed: bool) -> bool:
        """Whether a row whose problem cell says *text* is more of this problem (a merged cell filled down)."""
        return not changed and text == self.title and (not seq or seq == self.seq)


def _classify(
    grid: Grid, table: Table, merges: Merges, read_cols: set[int]
) -> tuple[list[tuple[int, Section | None]], list[int], dict[int, tuple[int, int, int]]]:
    """The rows below the header: records and sections in order, the footer rows, and the cells of unread columns."""
    rows = grid.rows
    footer: list[int] = []
    order: list[tuple[int, Section | None]] = []
    others: dict[int, tuple[int, int, int]] = {}
    width = max((len(row) for row in rows), default=0)
    unread = [c for c in range(width) if c not in read_cols]
    for r in range(table.first_row, len(rows)):
        row = rows[r]
        filled = len(row) - row.count("")  # counted in C: most rows are long and full
        if not filled:
            continue
        at = 0
        while row[at] == "":  # a row has a filled cell (counted above)
            at += 1
        first = row[at]
        if type(first) is str and first.isspace():
            filled -= sum(1 for v in row if type(v) is str and v.isspace())
            if not filled:
                continue
            at = next(c for c, v in enumerate(row) if v != "" and not (type(v) is str and v.isspace()))
            first = row[at]
        if footer or (type(first) is str and first.lstrip()[:1] in _FOOTER_STARTS and _FOOTER.match(first.strip())):
            footer.append(r)
            continue
        if filled == 1 and (found := _is_section([(at, first)], r, table, merges)) is not None:
            order.append((r, Section(group_ref(found[1], found[0], (r, at)))))
            continue
        order.append((r, None))
        for c in unread:
            value = row[c] if c < len(row) else ""
            if value != "" and not (type(value) is str and value.isspace()):
                count, start, _ = others.get(c, (0, r, r))
                others[c] = (count + 1, start, r)
    return order, footer, others


def read_rows(grid: Grid, table: Table, merges: Merges) -> Rows:
    """Classify the rows below *table*'s header and gather the problems' rows into blocks."""
    rows = grid.rows
    problem_col = table.col("problem")
    seqs = table.roles.get("seq", ())
    read_cols = {c for cols in table.roles.values() for c in cols}
    order, footer, others = _classify(grid, table, merges, read_cols)
    sections = [section for _, section in order if section is not None]
    records = [r for r, section in order if section is None]
    seq_is_measure = len(seqs) == 1 and _seq_per_row(rows, records, merges, seqs[0], problem_col)
    pseq_col = None if seq_is_measure or not seqs else seqs[0]
    blocks: list[Block] = []
    orphans: list[tuple[int, int, str]] = []
    groups = _Groups(table.col("aspect"), table.col("category"))
    # each column's texts in one pass; a cell a merge covers is empty: calamine gives the value to its first cell
    texts = ColumnTexts(rows)
    aspects, categories = texts(groups.aspect_col), texts(groups.category_col)
    titles, seqs_read = texts(problem_col), texts(pseq_col)
    current: _Current | None = None
    for r, section in order:
        if section is not None:
            if current is not None:
                blocks.append(current.block())
            current = None
            groups.section(section.group)
            continue
        changed = groups.row(r, aspects[r], categories[r]) if aspects[r] or categories[r] else []
        text, seq = titles[r], seqs_read[r]
        if text and not (current is not None and current.goes_on(text, seq, bool(changed))):
            if current is not None:
                blocks.append(current.block())
            current = _Current([r], text, seq, groups.aspect, groups.category)
            continue
        # A group named on a row of no new problem heads the problems that follow; the row itself cannot hold it.
        if changed and current is not None:
            orphans += [(*ref.cell, _cell(rows[r], ref.cell[1])) for ref in changed]
        if current is not None:
            current.rows.append(r)
        else:
            orphans += [(r, c, text_of(v)) for c, v in enumerate(rows[r]) if c in read_cols and v != "" and text_of(v)]
    if current is not None:
        blocks.append(current.block())
    by_measure = any(len(block.rows) > 1 for block in blocks)
    return Rows(
        tuple(blocks), tuple(sections), tuple(footer), tuple(orphans), others, by_measure, seq_is_measure, texts
    )


def _seq_per_row(
    rows: Sequence[Sequence[Value]], records: list[int], merges: Merges, seq_col: int, problem_col: int | None
) -> bool:
    """Whether the one 序号 column numbers rows rather than problems: it is filled where the problem cell is not."""
    if problem_col is None:
        return False
    for r in records[:2000]:
        row = rows[r]
        if _cell(row, seq_col) and merges.origin(r, seq_col) is None and not _cell(row, problem_col):
            return True
    return False


def title_and_description(text: str) -> tuple[str, str | None]:
    """A problem cell: its first line the title (without a leading number), the other lines its description.

    >>> title_and_description("1.学习不深入\\n个别支部学习流于形式")
    ('学习不深入', '个别支部学习流于形式')
    """
    first, _, rest = text.partition("\n")
    return strip_number(first.strip()), rest.strip() or None

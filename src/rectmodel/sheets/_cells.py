"""What one cell says: its text, its date, its numbered items, the statuses of a progress cell.

Shared by the passes that read rows and facts, and by the writer (the forms it writes are
the forms read back): one place for the grammar of a progress line, ``[date ]word[:note]``
with ``佐证材料:…`` lines for a status's evidence.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import zip_longest
from typing import Literal, NamedTuple, cast

import attrs

from .._lexicon import STATE_NAMES, STATE_WORDS, date_text, parse_date_text, parse_deadline_text, read_number, state_in
from .._lexicon.dates import STATUS_DATE
from .._lexicon.headers import CLOSED_NO, CLOSED_YES, labelled_responsibility
from .._lexicon.numerals import INLINE_NUMBER, NOT_A_FIGURE, SMALL
from .._lexicon.states import PROGRESS_FIGURE, STATES_BY_LENGTH
from ..dates import Deadline, PartialDate
from ..model import Responsibility, State, Status
from ._grid import Value

__all__ = [
    "ColumnTexts",
    "History",
    "closed_by",
    "date_of",
    "deadline_of",
    "history_of",
    "numbered",
    "parts_of",
    "responsibility_of",
    "split_items",
    "split_list",
    "status_line",
    "strip_number",
    "text_of",
]


def text_of(value: Value) -> str:
    """A cell's text: stripped (full-width spaces too), numbers without a needless ``.0``, dates in ISO form.

    >>> text_of(3.0), text_of("\\u3000整改措施 "), text_of(2.5)
    ('3', '整改措施', '2.5')
    """
    if isinstance(value, str):
        return (value.replace("\r", "") if "\r" in value else value).strip()  # strip() knows U+3000
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (int, _dt.date, _dt.time)):
        return str(value) if isinstance(value, int) else value.isoformat()
    return str(value)


class ColumnTexts:
    """The texts of a sheet's columns, row by row (``text_of``; ``""`` for an empty or missing cell).

    Each column is read once, however many passes ask for it, and in C where it can be: the rows
    are turned into columns in one go, a column of text is stripped by ``str.strip`` mapped over
    it, and any other column reads each distinct value once. The lists returned are shared:
    a caller copies one before changing it.

    >>> texts = ColumnTexts([["序号", "整改时限"], [1.0, " 2021年9月底"], [2.0]])
    >>> texts(0), texts(1), texts(2)
    (['序号', '1', '2'], ['整改时限', '2021年9月底', ''], ['', '', ''])
    >>> ColumnTexts([[True], [1.0], [1], ["a\\r\\nb"]])(0)  # True == 1.0 == 1, but each reads as itself
    ['是', '1', '1', 'a\\nb']
    """

    __slots__ = ("_columns", "_rows", "_texts")

    def __init__(self, rows: Sequence[Sequence[Value]]):
        self._rows = rows
        self._columns: list[tuple[Value, ...]] | None = None
        self._texts: dict[int, list[str]] = {}

    def __call__(self, col: int | None) -> list[str]:
        if col is None:
            return [""] * len(self._rows)
        found = self._texts.get(col)
        if found is None:
            found = self._texts[col] = _texts(self.values(col))
        return found

    def values(self, col: int) -> Sequence[Value]:
        """Column *col*'s values as the cells hold them, row by row (``""`` for a missing cell)."""
        if self._columns is None:  # rows may differ in length (a CSV): a missing cell is empty
            self._columns = list(zip_longest(*self._rows, fillvalue=""))
        return self._columns[col] if col < len(self._columns) else ("",) * len(self._rows)


def _texts(values: Sequence[Value]) -> list[str]:
    kinds = set(map(type, values))
    if kinds == {str}:  # the usual text column
        texts = cast("Sequence[str]", values)
        if "\r" not in "".join(texts):
            return list(map(str.strip, texts))
    if bool in kinds:  # True == 1: a dict of values would not tell them apart
        return [text_of(v) for v in values]
    distinct = {v: text_of(v) for v in set(values)}
    return list(map(distinct.__getitem__, values))


def date_of(value: Value) -> PartialDate | None:
    """The date a cell holds: an Excel date, or text that names one date (see ``parse_date_text``)."""
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value.date() if isinstance(value, _dt.datetime) else value)
    if isinstance(value, str):
        return _parse_date(value)
    return None


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> PartialDate | None:
    return parse_date_text(text)


_CN = SMALL
_FIGURE = NOT_A_FIGURE
_NUMBER = re.compile(
    rf"^\s*(?:[(（]\s*([0-9]{{1,2}}|[{_CN}]{{1,3}})\s*[)）]|([0-9]{{1,2}}|[{_CN}]{{1,3}})\s*[.、．)）]{_FIGURE})\s*"
)
_ORDINAL = re.compile(rf"([{_CN}]{{1,3}})是")
_NUMBER_STARTS = frozenset("0123456789(（ \t" + _CN)
_INLINE = INLINE_NUMBER


def strip_number(text: str) -> str:
    """*text* without a leading number (``1.``, ``一、``, ``(2)``, ``一是``).

    >>> strip_number("1.学习不深入"), strip_number("(二)制度不健全"), strip_number("2021年完成")
    ('学习不深入', '制度不健全', '2021年完成')
    """
    if not text or text[0] not in _NUMBER_STARTS:
        return text
    m = _NUMBER.match(text)
    if m is not None:
        return text[m.end() :].strip()
    m = _ORDINAL.match(text)
    return text[m.end() :].lstrip(",，:： ").strip() if m is not None and m.start() == 0 else text


def _runs(numbers: list[int]) -> bool:
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


def split_items(text: str) -> list[str]:
    """The numbered items of a cell (``1.…\\n2.…``, ``一是…二是…``, ``(1)…(2)…``), or the whole text as one.

    A list counts only if its numbers run 1, 2, 3 …; text before the first number starts the first item.

    >>> split_items("1.制定学习计划;\\n2.开展专题研讨。")
    ['制定学习计划;', '开展专题研讨。']
    >>> split_items("一是健全制度;二是加强监督")
    ['健全制度;', '加强监督']
    >>> split_items("全面清理津补贴,已追回资金12.6万元")
    ['全面清理津补贴,已追回资金12.6万元']
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    marks = [(k, _NUMBER.match(line)) for k, line in enumerate(lines)]
    numbered = [(k, m) for k, m in marks if m is not None]
    if numbered and numbered[0][0] == 0:
        values = [read_number(m.group(1) or m.group(2)) or 0 for _, m in numbered]
        if _runs(values):
            items: list[str] = []
            for k, line in enumerate(lines):
                m = dict(numbered).get(k)
                if m is not None:
                    items.append(line[m.end() :].strip())
                else:
                    items[-1] = f"{items[-1]}\n{line}"
            return items
    for pattern in (_ORDINAL, _INLINE):
        found = list(pattern.finditer(text))
        values = [read_number(m.group(1)) or 0 for m in found]
        if _runs(values):
            cuts = [m.start() for m in found] + [len(text)]
            head = text[: cuts[0]].strip()
            items = [text[found[k].end() : cuts[k + 1]].strip().lstrip(",，:：").strip() for k in range(len(found))]
            if head:
                items[0] = f"{head}{items[0]}"
            return items
    return [text]


_NAME_SEPARATOR, _ITEM_SEPARATOR = "、,，;；/", ";；"  # what separates names, and items, besides a line break
_LIST_SEPARATORS = re.compile(f"[{re.escape(_NAME_SEPARATOR)}\n]+")
_ITEM_SEPARATORS = re.compile(f"[{re.escape(_ITEM_SEPARATOR)}\n]+")


@lru_cache(maxsize=65536)  # names and evidence repeat down a ledger's rows; as large as the other caches of the reader
def split_list(text: str, *, names: bool) -> tuple[str, ...]:
    """The names (split at ``、,;/`` and line breaks) or items (split at ``;`` and line breaks) of a cell.

    A separator inside brackets or quotes is part of its item (``王伟(党组书记、局长)``).

    >>> split_list("王伟(党组书记、局长)、李芳", names=True), split_list("1.会议纪要\\n2.签到表", names=False)
    (('王伟(党组书记、局长)', '李芳'), ('会议纪要', '签到表'))
    """
    lines = text
    for separator in _NAME_SEPARATOR if names else _ITEM_SEPARATOR:  # str.replace and str.split: on a cell's
        if separator in lines:  # short text, several times faster than a regular expression's split
            lines = lines.replace(separator, "\n")
    parts = lines.split("\n")
    if len(parts) == 1:
        one = strip_number(text.strip())
        return (one,) if one else ()
    if _OPENING.search(text) and not all(map(_CLOSED.fullmatch, parts)):  # a separator a bracket may hold
        parts = _outside_brackets(text, _LIST_SEPARATORS if names else _ITEM_SEPARATORS)
    return tuple(part for part in (strip_number(part.strip()) for part in parts) if part)


_OPENING = re.compile(r"[(（【《“「\[]")
_PAIRS = {"(": ")", "（": "）", "【": "】", "《": "》", "“": "”", "「": "」", "[": "]"}
_CLOSERS = frozenset(_PAIRS.values())


_BRACKETS = "".join(re.escape(c) for pair in _PAIRS.items() for c in pair)
_NOT_A_BRACKET = f"[^{_BRACKETS}]"
# A piece whose every bracket closes before the next opens (《通知》（2018年）): split there, no bracket holds a
# separator, and the scan of ``_outside_brackets`` would split the same.
_CLOSED = re.compile(  # possessive: a piece that is not closed fails in linear time
    f"(?:{_NOT_A_BRACKET}++|"
    + "|".join(f"{re.escape(o)}{_NOT_A_BRACKET}*+{re.escape(c)}" for o, c in _PAIRS.items())
    + ")*+"
)
# A bracket, a closing bracket, or one separator of the list (names) or of the items: the only characters
# the split looks at, found by one scan instead of a test per character.
_TOKENS = {
    _LIST_SEPARATORS: re.compile(f"[{_BRACKETS}]|[{re.escape(_NAME_SEPARATOR)}\n]"),
    _ITEM_SEPARATORS: re.compile(f"[{_BRACKETS}]|[{re.escape(_ITEM_SEPARATOR)}\n]"),
}


def _outside_brackets(text: str, pattern: re.Pattern[str]) -> list[str]:
    parts: list[str] = []
    depth: list[str] = []
    start = 0
    for m in _TOKENS[pattern].finditer(text):
        ch = m.group()
        if ch in _PAIRS:
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and ch not in _CLOSERS:
            k = m.start()
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    return parts


# --- progress cells ------------------------------------------------------------------------------

_EVIDENCE_LINE = re.compile(r"^(?:佐证材料|佐证)\s*[:：]\s*(.*)$")


class History(NamedTuple):  # a tuple: a ledger reads one a progress cell, tens of thousands
    """The statuses a progress cell gives; ``unknown`` holds its text when it names no known state."""

    statuses: tuple[Status, ...]
    unknown: str | None = None


def status_line(status: Status) -> str:
    """A status as one progress line: ``2021年9月30日 已完成整改:note``, then ``佐证材料:a;b`` if it has evidence.

    >>> from rectmodel import State
    >>> status_line(Status(State.CLOSED, PartialDate(2021, 10, 8), "验收合格", ("会议纪要",)))
    '2021年10月8日 已销号:验收合格\\n佐证材料:会议纪要'
    """
    line = STATE_NAMES[status.state]
    if status.date is not None:
        line = f"{date_text(status.date)} {line}"
    if status.note is not None:
        line += f":{status.note}"
    if status.evidence:
        line += "\n佐证材料:" + ";".join(status.evidence)
    return line


# One progress line: an optional date, a state word, and what follows it (``:note``, or more words).
_STATUS_LINE = re.compile(
    rf"(?:{STATUS_DATE}\s*[,，:：]?\s*)?"
    "(" + "|".join(re.escape(word) for word, _ in STATES_BY_LENGTH) + ")"
)
_STATE_OF = dict(STATE_WORDS)


@lru_cache(maxsize=4096)  # the days a ledger's progress lines name
def _date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=65536)  # a ledger repeats its progress lines ("2021年9月30日 已完成整改") down its rows
def _status(line: str) -> Status | None:
    """A progress line read as one status (``[date ]word[:note]``), or None if it does not start so."""
    m = _STATUS_LINE.match(line)
    if m is None:
        return None
    end = m.end()
    if ("%" in line or "％" in line) and PROGRESS_FIGURE.match(line, end):
        return None
    year, month, day, month2, day2, word = m.groups()
    state = _STATE_OF[word]
    if state is None:
        return None
    date = None
    if year is not None:
        month, day = month or month2, day or day2
        date = _date(int(year), None if month is None else int(month), None if day is None else int(day))
        if date is None:
            return None
    after = line[end:]
    if after[:1] in (":", "："):
        note: str | None = after[1:]
    else:
        note = line[m.start(6) :] if after.strip() else None
    return Status(state, date, note)


def history_of(text: str) -> History:
    """The statuses of a progress cell.

    Lines that each start with a state word (after a date, if any) are a history, one status
    a line; otherwise the cell is one status in prose, of the most specific state word it
    names, with the whole text as its note and no date (a date in prose may be of anything).

    >>> found = history_of("2021年9月 正在推进\\n2021年10月8日 已完成整改")
    >>> [(s.state.value, str(s.date), s.note) for s in found.statuses]
    [('in_progress', '2021-09', None), ('completed', '2021-10-08', None)]
    >>> [(s.state.value, s.note) for s in history_of("已召开专题会议,视同完成,持续整改").statuses]
    [('deemed_completed', '已召开专题会议,视同完成,持续整改')]
    >>> history_of("已召开专题会议").unknown
    '已召开专题会议'
    """
    # Not cached as a whole: a history's dated lines make most cells distinct; its lines are (``_status``).
    if "\n" not in text and (one := _status(text.strip())) is not None:  # the usual cell: one status line
        return History((one,))
    lines = list(map(str.strip, text.split("\n")))
    if len(lines) > 1 and "佐" not in text:  # the next most usual: status lines only, read in C (a Status is true)
        read = tuple(map(_status, lines))
        if all(read):
            return History(cast("tuple[Status, ...]", read))
    statuses: list[Status] = []
    for line in lines:
        if not line:
            continue
        if line[0] == "佐" and statuses and (evidence := _EVIDENCE_LINE.match(line)) is not None:
            items = split_list(evidence.group(1), names=False)
            last = statuses[-1]  # attrs.evolve, spelt out: a ledger has thousands of these lines
            statuses[-1] = Status(last.state, last.date, last.note, last.evidence + items)
            continue
        status = _status(line)
        if status is None:
            break
        statuses.append(status)
    else:
        if statuses:
            return History(tuple(statuses))
    prose = "\n".join(line for line in lines if line)
    found = state_in(prose)
    if found is None or found[1] is None:
        return History((), prose)
    return History((Status(found[1], None, prose),))


# --- a measure's cells: its deadline, who is responsible, items that line up with its siblings ---


# Offices repeat deadlines and names down thousands of rows: each distinct cell is read once, as a
# progress line is (``_status``).
# Typed: a cell holding True is not one holding 1.
@lru_cache(maxsize=65536, typed=True)
def deadline_of(value: Value) -> Deadline | None:
    return parse_deadline_text(value) if isinstance(value, str) else date_of(value)


_Names = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # leaders, departments, persons
_NOBODY: _Names = ((), (), ())


@lru_cache(maxsize=65536)  # a column's cells repeat a few names down the rows, whatever the other columns say
def _cell_names(text: str, role: str) -> _Names:
    """The names one responsibility cell gives, by role: by its labels (``责任领导:X``) where it has them,
    else all of them *role*'s (``""``: a combined column's cell without labels, nobody's)."""
    names: dict[str, list[str]] = {"leaders": [], "departments": [], "persons": []}
    labelled = labelled_responsibility(text)
    if labelled is None:
        if role:
            names[role] += split_list(text, names=True)
    else:
        for labelled_role, values in labelled.items():
            for value in values:
                names[labelled_role] += split_list(value, names=True)
    return tuple(names["leaders"]), tuple(names["departments"]), tuple(names["persons"])


def responsibility_of(leaders: str, departments: str, persons: str, combined: str = "") -> Responsibility | None:
    """Who is responsible, from the three columns and a labelled one (``责任领导:X\n责任单位:A、B``).

    A labelled cell in any of them gives each label's role its names; a combined cell without labels
    gives nobody (the caller says so).
    """
    a = _cell_names(leaders, "leaders") if leaders else _NOBODY
    b = _cell_names(departments, "departments") if departments else _NOBODY
    c = _cell_names(persons, "persons") if persons else _NOBODY
    d = _cell_names(combined, "") if combined else _NOBODY
    lead, units, people = a[0] + b[0] + c[0] + d[0], a[1] + b[1] + c[1] + d[1], a[2] + b[2] + c[2] + d[2]
    return Responsibility(lead, units, people) if lead or units or people else None


def parts_of(text: str, count: int) -> list[str] | None:
    """*text* split into *count* items (numbered 1, 2, 3 …, or one a line, unnumbered), or None if it
    does not split so: lines numbered otherwise (``2.…\n1.…``, ``1.…\n3.…``) are never split by position."""
    items = split_items(text)
    if len(items) == count:
        return items
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) == count and all(strip_number(line) == line for line in lines):
        return lines
    return None


def numbered(text: str) -> bool:
    """Whether *text* holds more than one item, or a line that starts with a number."""
    return len(split_items(text)) > 1 or any(strip_number(line.strip()) != line.strip() for line in text.split("\n"))


_Fault = Literal["bad-date", "conflict"]  # what a 销号 cell says wrong


def closed_by(history: tuple[Status, ...], value: Value) -> tuple[tuple[Status, ...], str | None, _Fault | None]:
    """A 销号 cell applied to a history: a date or a yes closes it (a history that ends closed keeps its
    status, taking the cell's date if it had none); where the cell stands (``/history/k``; ``""``: read,
    at the measure; None: not read); and what is wrong with it (``bad-date``: neither a date nor a yes
    or no; ``conflict``: it disagrees with the closed status already there), or None.

    >>> history, at, fault = closed_by((), "2021-10-08")
    >>> [(s.state.value, str(s.date)) for s in history], at, fault
    ([('closed', '2021-10-08')], '/history/0', None)
    """
    text = text_of(value)
    last = history[-1] if history else None
    closed = last is not None and last.state is State.CLOSED
    date = date_of(value)
    if date is None and text not in CLOSED_YES and text not in CLOSED_NO:
        return history, None, "bad-date"
    if text in CLOSED_NO:  # "not closed": no state to add, but the cell is read (located at the measure)
        return history, "", "conflict" if closed else None
    if closed and last is not None:
        at = f"/history/{len(history) - 1}"
        if date is not None and last.date is not None and last.date != date:
            return history, at, "conflict"
        if date is not None and last.date is None:
            history = (*history[:-1], attrs.evolve(last, date=date))
        return history, at, None
    return (*history, Status(State.CLOSED, date)), f"/history/{len(history)}", None

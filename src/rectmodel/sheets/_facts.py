"""Pass 2b, cells → facts: what a cover sheet (基本情况) or the rows above a header state of the round.

A fact is a label cell (``_lexicon.COVER_LABELS``) and the next cell to its right that
holds something, or ``label:value`` in one cell (several in one cell too: ``填报单位:某局
填报时间:2021年10月``). A title (…整改台账) may name the inspected party organisation, the
round's kind and an as-of date (截至…). What is neither is handed back unplaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._lexicon import COVER_LABELS, header_key, kind_of
from .._lexicon.dates import AS_OF, RANGE
from .._lexicon.text import simplified
from ..dates import PartialDate
from ..diagnostics import Diagnostic
from ..facts import read_round_facts
from ..facts._names import is_group, title_inspector, title_unit
from ..facts._round import in_original
from ..model import DeclaredCounts, InspectionKind
from ._cells import date_of, text_of
from ._grid import Grid, Value

__all__ = ["Fact", "Facts", "read_facts"]

_LABELS = {header_key(word): field for field, words in COVER_LABELS.items() for word in words}
_INLINE = re.compile(
    "("
    + "|".join(sorted((re.escape(w) for ws in COVER_LABELS.values() for w in ws), key=len, reverse=True))
    + r")\s*[:：]"
)
_TITLE = re.compile(r"台账|整改.*(?:清单|情况|明细|一览)|基本情况")
_ROUND_FIELDS = ("kind", "inspector", "target", "start", "end", "feedback_date", "plan_date", "as_of")
_DATES = frozenset({"start", "end", "feedback_date", "plan_date", "as_of", "report_date"})


@attrs.frozen
class Fact:
    """A fact read: its field (``target``, ``declared.problems`` …), its value, and the cell that states it."""

    field: str
    value: Any
    cell: tuple[int, int]
    text: str = ""


@attrs.frozen
class Facts:
    """What a block of cells states: facts, cells that could not be read as their field, the title, the rest."""

    facts: tuple[Fact, ...] = ()
    unread: tuple[Fact, ...] = ()  # a label's value that is not what the field holds (a date that is not one)
    title: tuple[int, int] | None = None
    unplaced: tuple[tuple[int, int, str], ...] = ()
    labels: tuple[tuple[int, int], ...] = ()  # the label cells (a form's, filled in or not)
    notes: tuple[tuple[tuple[int, int], Diagnostic], ...] = ()  # dates the cues could not read for certain


def _number(value: Value, text: str) -> int | None:
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    m = re.fullmatch(r"\s*([0-9]+)\s*(?:个|项|条|类|方面)?\s*", text)
    return int(m.group(1)) if m else None


def _value(field: str, value: Value, text: str) -> Any:
    """*value* as *field* holds it, or None if it is not that."""
    if field in _DATES:
        return date_of(value)
    if field == "kind":
        return kind_of(text)
    if field == "declared.completion_rate":
        if isinstance(value, float) and not isinstance(value, bool):
            return f"{value * 100:g}%"
        return text if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?\s*[%％]", text) else None
    if field.startswith("declared."):
        return _number(value, text)
    if field in ("reporter", "target"):
        text = _STAMP.sub("", text).strip()  # 填报单位:某局党组(盖章)
    return text or None


_STAMP = re.compile(r"\s*[(（]\s*(?:盖章|公章|章|签章|印章)\s*[)）]\s*$")


def _range(value: Value, text: str) -> tuple[PartialDate, PartialDate] | None:
    """``2021年3月11日至6月18日``: a start and an end (the end's year from the start's where it leaves it out)."""
    if not isinstance(value, str):
        return None
    parts = RANGE.split(text)
    if len(parts) != 2:
        return None
    start = date_of(parts[0])
    end = date_of(parts[1])
    if end is None and start is not None and not re.match(r"\s*\d{4}", parts[1]):
        end = date_of(f"{start.year}年{parts[1]}")
    return (start, end) if start is not None and end is not None else None


def _pairs(field: str, value: Value, text: str, cell: tuple[int, int]) -> Iterator[tuple[bool, Fact]]:
    if field == "start" and (span := _range(value, text)) is not None:
        yield True, Fact("start", span[0], cell, text)
        yield True, Fact("end", span[1], cell, text)
        return
    read = _value(field, value, text)
    yield read is not None, Fact(field, read, cell, text)


def read_facts(grid: Grid, rows: range, *, title: bool) -> Facts:
    """The facts that *rows* of *grid* state; with *title*, the first title-like cell is the table's title."""
    facts: list[Fact] = []
    unread: list[Fact] = []
    unplaced: list[tuple[int, int, str]] = []
    title_cell: tuple[int, int] | None = None
    title_text = ""
    labels: list[tuple[int, int]] = []
    for r in rows:
        row: Sequence[Value] = grid.rows[r]
        used: set[int] = set()
        for c, value in enumerate(row):
            if c in used or value == "":
                continue
            text = text_of(value)
            if not text:
                continue
            key = header_key(text).rstrip(":：")
            field = _LABELS.get(key)
            if field is not None:
                used.add(c)
                labels.append((r, c))
                target = next((k for k in range(c + 1, len(row)) if text_of(row[k])), None)
                if target is None:
                    continue  # a label with nothing beside it: a form not filled in
                used.add(target)
                for ok, fact in _pairs(field, row[target], text_of(row[target]), (r, target)):
                    (facts if ok else unread).append(fact)
                continue
            inline = list(_INLINE.finditer(text))
            if inline and inline[0].start() == 0:
                for k, m in enumerate(inline):
                    end = inline[k + 1].start() if k + 1 < len(inline) else len(text)
                    label = header_key(m.group(1))
                    part = text[m.end() : end].strip()
                    if part:
                        for ok, fact in _pairs(_LABELS[label], part, part, (r, c)):
                            (facts if ok else unread).append(fact)
                continue
            if inline and (group := _group_before(text, inline[0].start())) is not None:
                # 市委第一巡察组反馈时间:…: the group, then its labelled facts
                facts.append(Fact("inspector", group, (r, c), text))
                unplaced.append((r, c, text[inline[0].start() :]))
                continue
            if title and title_cell is None and _TITLE.search(text):
                title_cell = (r, c)
                title_text = text
                facts += _title_facts(text, (r, c))
                continue
            unplaced.append((r, c, text))
    notes: tuple[tuple[tuple[int, int], Diagnostic], ...] = ()
    if title_text or unplaced:
        labelled = {f.field for f in facts if f.cell != title_cell}
        stated, unplaced, notes = _stated(title_text, title_cell, unplaced, labelled)
        facts += stated
    return Facts(tuple(facts), tuple(unread), title_cell, tuple(unplaced), tuple(labels), notes)


def _group_before(text: str, end: int) -> str | None:
    group = text[:end].strip()
    return group if is_group(group) else None


def _stated(
    title: str, title_cell: tuple[int, int] | None, cells: list[tuple[int, int, str]], known: set[str]
) -> tuple[list[Fact], list[tuple[int, int, str]], tuple[tuple[tuple[int, int], Diagnostic], ...]]:
    """The round's facts the title and the cells that are no label state, read by the notice's cues
    (``（市委第X巡察组于…至…对我局党组开展常规巡察,…反馈巡察意见）``); the cells that stated none."""
    texts = [((r, c), text) for r, c, text in cells]
    at = dict(texts)
    round_facts = read_round_facts(texts, title=title)
    found: list[Fact] = []
    for name in _ROUND_FIELDS:
        value = getattr(round_facts, name)
        cell = round_facts.where.get(name)
        if value is None or cell is None or name in known:
            continue  # what the title alone says is read by _title_facts
        text = at.get(cell, title)
        if isinstance(value, str) and value not in text and value in title:
            continue  # 我局党组 spelled out by the title: the name stands there, and _title_facts reads it
        found.append(Fact(name, value, cell, text))
    for attribute in attrs.fields(DeclaredCounts):
        value = getattr(round_facts.declared, attribute.name)
        cell = round_facts.where.get(f"declared/{attribute.name}")
        if value is not None and cell is not None and f"declared.{attribute.name}" not in known:
            text = at.get(cell, "")
            found.append(Fact(f"declared.{attribute.name}", value, cell, text))
    used = {fact.cell for fact in found} | {cell for cell, _ in round_facts.diagnostics}
    return found, [(r, c, text) for r, c, text in cells if (r, c) not in used], round_facts.diagnostics


def _title_facts(text: str, cell: tuple[int, int]) -> list[Fact]:
    found = []
    unit = in_original(text, title_unit(simplified(text)))  # 中共某局党组巡察反馈意见整改台账
    if unit is not None:
        found.append(Fact("target", unit, cell, text))
    group = in_original(text, title_inspector(simplified(text)))  # …落实市委第二巡察组反馈意见整改台账
    if group is not None:
        found.append(Fact("inspector", group, cell, text))
    kind = kind_of(text)
    if kind is not None and kind is not InspectionKind.REGULAR:
        found.append(Fact("kind", kind, cell, text))
    m = AS_OF.search(text)
    if m is not None and (date := date_of(m.group(1))) is not None:
        found.append(Fact("as_of", date, cell, text))
    return found

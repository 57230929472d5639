"""Parse a public rectification notice (整改进展情况通报) into a ledger: five passes that never fail.

1. **lex** (``_lex``): each line gets a kind and a numbering marker; lost punctuation is recovered;
2. **outline** (``_outline``): the numbered headings as a tree; numbering gaps are checked;
3. **roles** (``_roles``): which depth holds aspects, categories, problems and measures, by scoring;
4. **facts** (``_facts``): the round's facts and declared counts from the title, preamble, narrative
   and closing, by a table of cue patterns;
5. **assemble** (this module): the ledger, with every line either in it, in recognised boilerplate,
   or in a diagnostic with its line number — ``ParseResult.placed`` says which, line by line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .._lexicon import PARTY_ORGAN, deadline_term, state_of
from ..dates import Deadline, PartialDate
from ..diagnostics import Diagnostic, Locator, Severity
from ..errors import Location
from ..messages import ParseCode
from ..model import (
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    Ledger,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    Status,
)
from ._facts import Facts, Paragraph, Place, read_facts
from ._lex import Line, LineKind, lex
from ._outline import Node, outline
from ._roles import Role, assign, group_role, is_aspect, looks_like_problem
from ._text import chinese_number, fold, read_dates

__all__ = ["ParseResult", "parse"]

_CN = "一二三四五六七八九十"
_ORDINAL_WORDS = dict(enumerate(_CN, 1))
_ORDINAL = re.compile(rf"(?:^|(?<=[。;,:!?]))\s*([{_CN}]{{1,3}})是")
_TARGETED = re.compile(r"^(?:针对|关于)?\s*[“\"‘](.+)[”\"’]\s*(?:的)?问题\s*(?:的整改)?\s*[。.,:]?\s*(.*)$")
_QUOTED_ASPECT = re.compile(r"^(?:在)?\s*[“\"](.+?)[”\"]\s*方面\s*(?:的)?(?:问题)?\s*[。.]?$")
_TITLE = re.compile(r"关于.*(?:通报|报告|情况|公告)|整改.*(?:通报|报告)|通报$")
_EARLIER = re.compile(r"上一?轮巡[察视]|上轮巡[察视]|回头看|依然存在|仍然存在|再次发现")
_UNIT_HEADING = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,30}?" + PARTY_ORGAN + r"(?:[,:、。\s]|整改|巡察|$)")
_WHO_LABELS = {
    "责任领导": "leaders",
    "牵头领导": "leaders",
    "分管领导": "leaders",
    "责任部门": "departments",
    "责任科室": "departments",
    "责任单位": "departments",
    "牵头部门": "departments",
    "责任人": "persons",
    "整改时限": "deadline",
    "完成时限": "deadline",
}
_WHO = re.compile(r"\(((?:" + "|".join(_WHO_LABELS) + r"):[^()]*)\)\s*[。.]?\s*$")
_FACT_FIELDS = frozenset(
    {"kind", "inspector", "target", "start", "end", "feedback_date", "plan_date", "as_of", "report_date"}
    | {f"declared/{field.name}" for field in attrs.fields(DeclaredCounts)}
)
_CLOSING_KINDS = frozenset({LineKind.CONTACT, LineKind.SIGNATURE, LineKind.DATE, LineKind.FURNITURE})


@attrs.frozen
class ParseResult:
    """What parsing a notice gives: a ledger that is always loadable, and what could not be placed.

    Args:
        ledger: the ledger read from the notice (one inspection, or one per unit of a round's notice).
        diagnostics: rule ``parse`` diagnostics, each with its line number.
        lines: the line each element of the ledger was read from, by JSON Pointer.
        placed: for every non-blank line, where it went: the JSON Pointer of the ledger element
            that holds its text, ``"diagnostic"`` (a diagnostic reports it), or the boilerplate it is
            (``"title"``, ``"preamble"``, ``"narrative"``, ``"heading"``, ``"closing"``).
    """

    ledger: Ledger
    diagnostics: tuple[Diagnostic, ...]
    lines: Mapping[str, int] = attrs.field(factory=dict)
    placed: Mapping[int, str] = attrs.field(factory=dict)

    def locator(self) -> Locator:
        """Where the ledger's elements stand in the notice (see ``Report.locate``): their lines."""
        return lambda pointers: {p: Location(line=self.lines[p]) for p in pointers if p in self.lines}


@attrs.define
class _Measure:
    text: str
    line: int
    history: list[Status] = attrs.field(factory=list)


@attrs.define
class _Problem:
    index: int
    title: str
    line: int
    group: str | None
    description: str | None = None
    measures: list[_Measure] = attrs.field(factory=list)
    history: list[Status] = attrs.field(factory=list)


class _Assembler:
    """Pass 5 for one inspection: groups, problems and measures from the roles of the outline."""

    def __init__(self, index: int, context: PartialDate | None) -> None:
        self.index = index
        self.context = context
        self.groups: list[Group] = []
        self.group_by_id: dict[str, Group] = {}
        self.numbering: dict[str, int] = {}  # the last number given to each kind of group id
        self.group_lines: list[int] = []
        self.problems: list[_Problem] = []
        self.diagnostics: list[Diagnostic] = []
        self.placed: dict[int, str] = {}
        self.narrative: list[Line] = []

    @property
    def base(self) -> str:
        return f"/inspections/{self.index}"

    def report(self, code: ParseCode, severity: Severity, line: int | None, pointer: str = "", **params: Any) -> None:
        location = None if line is None else Location(line=line)
        self.diagnostics.append(Diagnostic("parse", severity, pointer, {"code": code, **params}, (), location))
        if line is not None:
            self.placed.setdefault(line, "diagnostic")

    def unplaced(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.report(ParseCode.UNPLACED_TEXT, Severity.INFO, line.number, text=_excerpt(line.text))

    # --- sections ----------------------------------------------------------------------------------

    def section(self, node: Node, problems_at: int | None) -> None:
        if problems_at is None:
            assert node.line is not None
            if is_aspect(node.line.rest_folded()) and not node.children and not node.content:
                self.group(node, Role.ASPECT, None)
                self.report(ParseCode.EMPTY_GROUP, Severity.INFO, node.line.number, title=_excerpt(node.line.rest))
                return
            lines = list(node.lines())
            self.narrative += lines
            for line in lines:
                self.placed[line.number] = "narrative"
            self.report(
                ParseCode.NARRATIVE,
                Severity.INFO,
                node.line.number,
                title=_excerpt(node.line.rest),
                first=node.line.number,
                last=lines[-1].number,
            )
            return
        self.place(node, 0, problems_at, None)

    def place(self, node: Node, depth: int, problems_at: int, parent: str | None) -> None:
        """A heading above or at the problems' depth, and what is under it."""
        assert node.line is not None
        if depth == problems_at or (depth < problems_at and looks_like_problem(node)):
            self.problem(node, parent)
            return
        aspect_above = parent is not None and parent in self.group_by_id
        role = group_role(node, depth, aspect_above)
        if not node.children and role is not Role.WRAPPER:
            self.group(node, role, parent)
            self.report(ParseCode.EMPTY_GROUP, Severity.INFO, node.line.number, title=_excerpt(node.line.rest))
            self.unplaced(node.content)
            return
        if role is Role.WRAPPER:
            self.placed[node.line.number] = "heading"
            self.narrative += node.content
            for line in node.content:
                self.placed[line.number] = "narrative"
            below = parent
        else:
            below = self.group(node, role, parent)
            self.unplaced(node.content)
        for child in node.children:
            self.place(child, depth + 1, problems_at, below)

    def group(self, node: Node, role: Role, parent: str | None) -> str:
        """An aspect, or a category under the aspect *parent* (a category under a category joins its aspect)."""
        assert node.line is not None
        above = self.group_by_id.get(parent) if parent is not None else None
        if role is Role.CATEGORY:
            level = GroupLevel.CATEGORY
            parent_id = above.parent if above is not None and above.level is GroupLevel.CATEGORY else parent
            gid = f"{parent_id}-C" if parent_id else "C"
        else:
            level, parent_id, gid = GroupLevel.ASPECT, None, "A"
        self.numbering[gid] = self.numbering.get(gid, 0) + 1
        gid += str(self.numbering[gid])
        title = _aspect_title(node.line.rest) if level is GroupLevel.ASPECT else _category_title(node.line.rest)
        group = Group(gid, level, title or node.line.rest, parent_id)
        self.groups.append(group)
        self.group_by_id[gid] = group
        self.group_lines.append(node.line.number)
        self.placed[node.line.number] = f"{self.base}/groups/{len(self.groups) - 1}"
        return gid

    # --- problems and measures ---------------------------------------------------------------------

    def problem(self, node: Node, group: str | None) -> None:
        assert node.line is not None
        title, description = _problem_title(node.line.rest)
        problem = _Problem(
            len(self.problems), title or node.line.rest or node.line.text, node.line.number, group, description or None
        )
        self.problems.append(problem)
        pointer = f"{self.base}/problems/{len(self.problems) - 1}"
        self.placed[node.line.number] = pointer
        if _EARLIER.search(node.line.rest_folded()):
            self.report(ParseCode.EARLIER_ROUND, Severity.INFO, node.line.number, f"{pointer}/links")
            self.placed[node.line.number] = pointer
        started = False  # whether the measures have begun
        for line in node.content:
            started = self.within(problem, line, started)
        for child in node.children:
            self.measure_node(problem, child)

    def within(self, problem: _Problem, line: Line, started: bool) -> bool:
        """A line under a problem's heading: its status, its description, or its measures."""
        if line.kind is LineKind.STATUS:
            self.status(problem.history, line, self.problem_pointer(problem))
            return started
        if line.kind is LineKind.MEASURE_STATUS and problem.measures:
            self.status(problem.measures[-1].history, line, self.measure_pointer(problem, -1))
            return started
        if line.kind is LineKind.INTRO:
            self.placed[line.number] = self.problem_pointer(problem) if line.rest else "heading"
            self.measures(problem, line.rest, line, new=True)
            return True
        if not started and not problem.measures and not _ORDINAL.match(line.folded):
            problem.description = _join(problem.description, line.text)
            self.placed[line.number] = self.problem_pointer(problem)
            return False
        self.measures(problem, line.text, line, new=bool(_ORDINAL.match(line.folded)))
        return True

    def measure_node(self, problem: _Problem, node: Node) -> None:
        """A numbered heading under a problem: one measure, whatever lists and parts it holds."""
        assert node.line is not None
        measure = _Measure(node.line.rest, node.line.number)
        problem.measures.append(measure)
        pointer = self.measure_pointer(problem, -1)
        for sub in node.walk():
            lines = ([] if sub is node or sub.line is None else [sub.line]) + sub.content
            for line in lines:
                if line.kind in (LineKind.STATUS, LineKind.MEASURE_STATUS):
                    self.status(measure.history, line, pointer)
                else:
                    measure.text = _join(measure.text, line.text)
                    self.placed[line.number] = pointer
        self.placed[node.line.number] = pointer

    def problem_pointer(self, problem: _Problem) -> str:
        return f"{self.base}/problems/{problem.index}"

    def measure_pointer(self, problem: _Problem, k: int) -> str:
        return f"{self.problem_pointer(problem)}/measures/{k % len(problem.measures)}"

    def status(self, history: list[Status], line: Line, pointer: str) -> None:
        text = line.rest.strip().rstrip("。.")
        folded = fold(text)
        found = state_of(folded)
        if found is None or found[1] is None:
            self.report(ParseCode.UNKNOWN_STATUS, Severity.WARNING, line.number, pointer, text=_excerpt(text, 80))
            return
        dates = [r.date for r in read_dates(folded, self.context) if r.date is not None]
        history.append(Status(found[1], dates[0] if dates else None, _strip_date(text) or None))
        self.placed[line.number] = pointer

    def measures(self, problem: _Problem, text: str, line: Line, *, new: bool) -> None:
        """Measures listed in running text: ``一是…二是…``, or more of the last measure."""
        text = text.strip()
        if not text:
            return
        parts = _split_ordinals(text)
        plain = len(_ORDINAL.findall(fold(text)))
        if sum(1 for n, _ in parts if n is not None) > plain:
            self.report(
                ParseCode.GARBLED_TEXT,
                Severity.INFO,
                line.number,
                text="…是 (a marker without the punctuation before it)",
            )
        numbers = [n for n, _ in parts if n is not None]
        if numbers and any(n not in (1, m + 1) for m, n in zip([0, *numbers], numbers, strict=False)):
            found = "、".join(f"{n}是" for n in numbers)
            self.report(
                ParseCode.NUMBERING_GAP, Severity.WARNING, line.number, expected=_ordinal_gap(numbers), found=found
            )
        outer = nested = 0  # the last number of the list of measures, and of a list nested in one of them
        for k, (number, part) in enumerate(parts):
            if k == 0 and number is None and not new and problem.measures:
                problem.measures[-1].text = _join(problem.measures[-1].text, part)
                continue
            if number is not None and outer and (number == nested + 1 if nested else number == 1 and outer > 1):
                nested = number  # 二是…:一是…二是…: a list inside the second measure
                problem.measures[-1].text += _ORDINAL_WORDS.get(number, str(number)) + "是" + part
                continue
            nested = 0
            outer = number or outer
            problem.measures.append(_Measure(part, line.number))
        if problem.measures:
            self.placed[line.number] = self.measure_pointer(problem, -1)
        else:
            problem.description = _join(problem.description, text)
            self.placed[line.number] = self.problem_pointer(problem)

    def responsibility(self, text: str, line: int) -> tuple[str, Responsibility | None, Deadline | None]:
        """A trailing ``(责任领导:…;责任部门:…;责任人:…;整改时限:…)`` read out of a measure's text."""
        m = _WHO.search(fold(text))
        if m is None:
            return text, None, None
        found: dict[str, list[str]] = {"leaders": [], "departments": [], "persons": []}
        deadline: Deadline | None = None
        for part in re.split(r"[;；]", text[m.start(1) : m.end(1)]):
            label, _, _ = fold(part).partition(":")
            value = part[len(label) + 1 :].strip()
            field = _WHO_LABELS.get(label.strip())
            if field == "deadline":
                dates = [r.date for r in read_dates(fold(value), None) if r.date is not None]
                deadline = deadline_term(value) or (dates[0] if dates else None)
                if deadline is None:
                    self.report(ParseCode.IMPOSSIBLE_DATE, Severity.WARNING, line, text=value)
            elif field is not None:
                found[field] += [v.strip() for v in re.split(r"[、,，]", value) if v.strip()]
        who = Responsibility(tuple(found["leaders"]), tuple(found["departments"]), tuple(found["persons"]))
        return text[: m.start()].rstrip(), None if who.is_empty else who, deadline

    # --- the inspection ----------------------------------------------------------------------------

    def build(self, id: str, unit: str | None, facts: Facts, target: str | None) -> Inspection:
        counts = facts.declared
        if not self.problems:
            self.report(ParseCode.NO_PROBLEMS, Severity.WARNING, None, f"{self.base}/problems")
        level = ProblemLevel.PROBLEM
        if counts.categories is not None and counts.categories == len(self.problems) != counts.problems:
            level = ProblemLevel.CATEGORY  # the items are the declared 类, the specific problems only counted
        measure_count = sum(len(p.measures) for p in self.problems)
        measure_level = MeasureLevel.MEASURE
        if counts.tasks is not None and counts.tasks == measure_count != counts.measures:
            measure_level = MeasureLevel.TASK
        problems = []
        for i, p in enumerate(self.problems):
            pid = f"P{i + 1}"
            measures = []
            for j, m in enumerate(p.measures):
                text, who, deadline = self.responsibility(m.text, m.line)
                measures.append(Measure(f"{pid}-M{j + 1}", text, measure_level, who, deadline, tuple(m.history)))
            problems.append(
                Problem(
                    pid,
                    p.title,
                    level=level,
                    description=p.description or None,
                    group=p.group,
                    measures=tuple(measures),
                    history=tuple(p.history),
                )
            )
        return Inspection(
            id=id,
            kind=facts.kind,
            inspector=facts.inspector,
            target=target,
            document=DocumentKind.NOTICE,
            unit=unit,
            start=facts.start,
            end=facts.end,
            feedback_date=facts.feedback_date,
            plan_date=facts.plan_date,
            as_of=facts.as_of,
            report_date=facts.report_date,
            declared=counts,
            groups=tuple(self.groups),
            problems=tuple(problems),
        )

    def source_lines(self, facts: Facts, first: int | None) -> dict[str, int]:
        """The line of each element read, by pointer: facts, declared counts, groups, problems, measures."""
        found = {} if first is None else {self.base: first}
        for name, number in facts.lines.items():
            if name in _FACT_FIELDS:
                found[f"{self.base}/{name}"] = number
        for i, number in enumerate(self.group_lines):
            found[f"{self.base}/groups/{i}"] = number
        for i, p in enumerate(self.problems):
            found[f"{self.base}/problems/{i}"] = p.line
            for j, m in enumerate(p.measures):
                found[f"{self.base}/problems/{i}/measures/{j}"] = m.line
        return found


# --- the parts of a notice ---------------------------------------------------------------------------


@attrs.frozen
class _Parts:
    title: list[Line]
    preamble: list[Line]
    body: list[Line]
    closing: list[Line]


def _parts(lines: Sequence[Line]) -> _Parts:
    """Title, preamble, body (from the first numbered heading) and closing (after the last heading)."""
    headings = [
        k for k, line in enumerate(lines) if line.kind is LineKind.HEADING and line.marker and line.marker.certain
    ]
    first = headings[0] if headings else len(lines)
    title_end = 0
    for k, line in enumerate(lines[: min(first, 4)]):
        if line.kind is LineKind.FURNITURE or line.kind is LineKind.DATE:
            continue
        if _TITLE.search(line.folded) and "根据" not in line.folded[:6] and len(line.folded) <= 80:
            title_end = k + 1
        break
    last = headings[-1] if headings else len(lines)
    closing = next((k for k in range(last + 1, len(lines)) if lines[k].kind in _CLOSING_KINDS), len(lines))
    if not headings:
        closing = next(
            (k for k in range(title_end, len(lines)) if all(x.kind in _CLOSING_KINDS for x in lines[k:])), len(lines)
        )
    return _Parts(
        list(lines[:title_end]), list(lines[title_end:first]), list(lines[first:closing]), list(lines[closing:])
    )


def _paragraphs(lines: Iterable[Line], place: Place) -> list[Paragraph]:
    return [Paragraph(line.number, line.text, place) for line in lines]


def _unit_nodes(root: Node) -> list[Node]:
    """Headings that each name an inspected party organisation: a notice over many units (two or more)."""
    for level in (root.children, [child for node in root.children for child in node.children]):
        found = [
            node
            for node in level
            if node.line is not None
            and _UNIT_HEADING.match(node.line.rest_folded())
            and "方面" not in node.line.rest
            and "问题" not in node.line.rest
        ]
        if len(found) >= 2:
            return found
    return []


def _unit_name(text: str) -> str:
    m = re.match(rf"^(.*?{PARTY_ORGAN})", text)
    return m.group(1) if m else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse(text: str, *, id: str = "notice", unit: str | None = None) -> ParseResult:
    """Parse the text of a notice into a ledger, with what could not be placed.

    Args:
        text: the notice as plain text (one paragraph per line).
        id: the inspection's id in the ledger (a notice over many units gives ``id-1``, ``id-2``, …).
        unit: a stable id of the inspected unit, if known.

    Returns:
        the ledger, the parse diagnostics (rule ``parse``, each with its line number), the line of
        each element, and where every line went.
    """
    cleaned = _SURROGATE.sub("\ufffd", text)
    lines = list(lex(cleaned))
    parts = _parts(lines)
    tree = outline(parts.body)
    units = _unit_nodes(tree.root)
    top = _Assembler(0, None)
    for gap in tree.gaps:
        top.report(ParseCode.NUMBERING_GAP, Severity.WARNING, gap.line, expected=gap.expected, found=gap.found)
    for line in tree.recovered:
        top.report(ParseCode.GARBLED_TEXT, Severity.INFO, line.number, text=_excerpt(line.text, 12))
    if cleaned != text:  # a lone surrogate: no text can hold it; say where the first one was
        number, raw = next((n, x) for n, x in enumerate(text.splitlines(), 1) if _SURROGATE.search(x))
        top.report(ParseCode.GARBLED_TEXT, Severity.WARNING, number, text=_excerpt(_SURROGATE.sub("\ufffd", raw), 12))
    if units:
        return _aggregate(parts, tree.root, units, top, id)
    # The preamble's facts first: its declared counts weigh in the roles, its dates give the body's
    # year; the facts are read again with the narrative sections the assembly found.
    preliminary = read_facts(_facts_input(parts, []))
    declared = {k: v for k, v in attrs.asdict(preliminary.declared).items() if isinstance(v, int)}
    sections = assign(tree.root.children, declared)
    top.context = preliminary.context
    for section in sections:
        top.section(section.node, section.problems_at)
    facts = read_facts(_facts_input(parts, top.narrative))
    top.unplaced(tree.root.content)
    return _result(top, facts, parts, [(id, unit, facts.target, top, facts)])


def _facts_input(parts: _Parts, narrative: Sequence[Line]) -> list[Paragraph]:
    return [
        *_paragraphs(parts.title, Place.TITLE),
        *_paragraphs(parts.preamble, Place.PREAMBLE),
        *_paragraphs(sorted(narrative, key=lambda line: line.number), Place.NARRATIVE),
        *_paragraphs(parts.closing, Place.CLOSING),
    ]


def _aggregate(parts: _Parts, root: Node, units: list[Node], top: _Assembler, round_id: str) -> ParseResult:
    """A notice of a whole round over many units: one inspection per unit, sharing the preamble's facts.

    The counts the preamble declares are the round's (reported, not given to any unit); the
    counts a unit's own paragraphs declare are that unit's.
    """
    facts = read_facts(_facts_input(parts, []))
    if facts.declared != DeclaredCounts():
        counts = ", ".join(f"{k} {v}" for k, v in attrs.asdict(facts.declared).items() if v is not None)
        where = min((n for k, n in facts.lines.items() if k.startswith("declared/")), default=None)
        top.report(ParseCode.ROUND_COUNTS, Severity.INFO, where, counts=counts)
    shared = {k: v for k, v in facts.lines.items() if not k.startswith("declared/")}
    inside = {id(n) for unit in units for n in unit.walk()}
    for node in root.walk():
        if node.line is not None and id(node) not in inside:
            top.unplaced([node.line, *node.content])
    built = []
    for k, node in enumerate(units):
        assert node.line is not None
        builder = _Assembler(k, facts.context)
        builder.placed[node.line.number] = f"/inspections/{k}/target"
        for section in assign(node.children, {}):
            builder.section(section.node, section.problems_at)
        own = read_facts(_paragraphs([*node.content, *builder.narrative], Place.NARRATIVE))
        for line in node.content:
            builder.placed.setdefault(line.number, "narrative")
        unit_facts = attrs.evolve(
            facts,
            declared=own.declared,
            lines=shared | {k: v for k, v in own.lines.items() if k.startswith("declared/")},
            diagnostics=own.diagnostics,
        )
        built.append((f"{round_id}-{k + 1}", None, _unit_name(node.line.rest), builder, unit_facts))
    return _result(top, facts, parts, built)


def _result(
    top: _Assembler,
    facts: Facts,
    parts: _Parts,
    inspections: Sequence[tuple[str, str | None, str | None, _Assembler, Facts]],
) -> ParseResult:
    """The ledger of the assembled inspections, and where every line went."""
    diagnostics = [*top.diagnostics, *facts.diagnostics]
    placed = dict(top.placed)
    built: list[Inspection] = []
    lines: dict[str, int] = {}
    first = parts.title[0].number if parts.title else (parts.preamble[0].number if parts.preamble else None)
    for iid, unit, target, builder, own in inspections:
        built.append(builder.build(iid, unit, own, target))
        lines |= builder.source_lines(own, first)
        if builder is not top:
            diagnostics += builder.diagnostics
        if own is not facts:
            diagnostics += own.diagnostics
        for number, where in builder.placed.items():
            placed.setdefault(number, where)
        for name, number in own.lines.items():
            placed.setdefault(number, f"{builder.base}/{name}" if name in _FACT_FIELDS else "closing")
    for diagnostic in diagnostics:
        if diagnostic.location is not None and diagnostic.location.line is not None:
            placed.setdefault(diagnostic.location.line, "diagnostic")
    for line in parts.title:
        placed.setdefault(line.number, "title")
    for line in parts.preamble:
        placed.setdefault(line.number, "preamble")
    tail = _Assembler(0, None)
    for line in parts.closing:
        if line.number in facts.boilerplate or line.kind is LineKind.FURNITURE:
            placed.setdefault(line.number, "closing")
        elif line.number not in placed:
            tail.unplaced([line])
    diagnostics += tail.diagnostics
    placed |= tail.placed
    return ParseResult(Ledger(tuple(built)), tuple(diagnostics), lines, placed)


# --- wording -----------------------------------------------------------------------------------------


def _aspect_title(text: str) -> str:
    folded = fold(text).rstrip("。. ")
    m = _QUOTED_ASPECT.match(folded)
    if m:
        return text[m.start(1) : m.end(1)]
    return text.rstrip("。. ")


def _category_title(text: str) -> str:
    """A category's heading as the feedback gives it (``关于“…”的问题``), without its closing stop."""
    return text.rstrip("。. ")


def _problem_title(text: str) -> tuple[str, str]:
    folded = fold(text)
    m = _TARGETED.match(folded)
    if m:
        rest = text[m.start(2) :].strip()
        if re.fullmatch(r"(?:整改落实(?:情况)?如下|整改情况如下)\s*[:。]?", fold(rest)):
            rest = ""
        return text[m.start(1) : m.end(1)], rest
    stop = folded.find("。")
    title, description = (text, "") if stop < 0 else (text[:stop], text[stop + 1 :].strip())
    title = title.strip()
    if title.endswith("的问题") and len(title) > 5:
        title = title[:-3]
        if title.startswith(("针对", "关于")):  # 针对理论学习不深入的问题
            title = title[2:]
    return title, description


def _split_ordinals(text: str) -> list[tuple[int | None, str]]:
    """``一是…。二是…`` split into numbered parts; text before the first marker is part None."""
    folded = fold(text)
    marks = list(_ORDINAL.finditer(folded))
    if not marks:
        return [(None, text)]
    marks = _recover_marks(folded, marks)
    parts: list[tuple[int | None, str]] = []
    if folded[: marks[0].start(1)].strip():
        parts.append((None, text[: marks[0].start(1)].strip()))
    for k, m in enumerate(marks):
        end = marks[k + 1].start(1) if k + 1 < len(marks) else len(text)
        parts.append((chinese_number(m.group(1)), text[m.end() : end].strip().lstrip(",:，：").rstrip(";；,，、 ")))
    return parts


_RUN_ORDINAL = re.compile(rf"([{_CN}]{{1,3}})是")


def _recover_marks(folded: str, marks: list[re.Match[str]]) -> list[re.Match[str]]:
    """Add a marker whose punctuation before it was lost (``…委托书三是…``) where the list skips exactly it."""
    found = list(marks)
    for a, b in itertools.pairwise(marks):
        number_a, number_b = chinese_number(a.group(1)), chinese_number(b.group(1))
        if number_a is None or number_b != number_a + 2:
            continue
        word = _ORDINAL_WORDS.get(number_a + 1, "") + "是"
        between = folded[a.end() : b.start(1)]
        if between.count(word) == 1:
            m = _RUN_ORDINAL.match(folded, a.end() + between.index(word))
            if m is not None:
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _ordinal_gap(numbers: list[int]) -> str:
    missing = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers))
    return "、".join(f"{n}是" for n in missing) or "、".join(f"{n}是" for n in range(1, len(numbers) + 1))


def _join(first: str | None, more: str) -> str:
    return more if not first else f"{first}\n{more}"


def _excerpt(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _strip_date(text: str) -> str:
    return re.sub(r"\s*[((][^()()]{0,40}\d{4}[^()()]{0,40}[))]\s*$", "", text).strip()

"""Pass 5 of the notice reader, assemble: the ledger's groups, problems and measures from the roles.

For one inspection, the ``Assembler`` walks the sections the roles pass found and places every
line: in the ledger (a group, a problem, a measure, a status), in a diagnostic with its line
number, or in the narrative the facts pass reads. ``_read`` drives the five passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._lexicon import HEADERS, deadline_term, fold, ordinal, read_dates, state_at_end, state_of
from .._lexicon.numerals import INLINE_NUMBER
from ..dates import Deadline, PartialDate
from ..diagnostics import Diagnostic, Severity
from ..messages import ParseCode
from ..model import (
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    Status,
)
from ._facts import Facts
from ._lex import Line, LineKind
from ._outline import Node
from ._report import parse_diagnostic
from ._roles import Role, group_role, is_aspect, looks_like_problem
from ._wording import (
    ORDINAL,
    aspect_title,
    category_title,
    excerpt,
    join,
    ordinal_gap,
    problem_title,
    split_ordinals,
    strip_date,
)

__all__ = ["FACT_FIELDS", "Assembler"]

_EARLIER = re.compile(r"上一?轮巡[察视]|上轮巡[察视]|回头看|依然存在|仍然存在|再次发现")
# The labels of a measure's parenthesised responsibility (责任领导:…;整改时限:…): a ledger's column headers.
_WHO_LABELS = {label: role for role in ("leaders", "departments", "persons", "deadline") for label in HEADERS[role]}
_WHO = re.compile(r"\(((?:" + "|".join(_WHO_LABELS) + r"):[^()]*)\)\s*[。.]?\s*$")
FACT_FIELDS = frozenset(
    {"kind", "inspector", "target", "start", "end", "feedback_date", "plan_date", "as_of", "report_date"}
    | {f"declared/{field.name}" for field in attrs.fields(DeclaredCounts)}
)


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


def _remark(text: str) -> tuple[Status, ...]:
    """The state a measure's closing remark names (``…,已完成整改。``), in the state words of every reader."""
    found = state_at_end(fold(text))
    return () if found is None or found[1] is None else (Status(found[1], note=found[0]),)


class Assembler:
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
        self.diagnostics.append(parse_diagnostic(code, severity, line, pointer, **params))
        if line is not None:
            self.placed.setdefault(line, "diagnostic")

    def unplaced(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.report(ParseCode.UNPLACED_TEXT, Severity.INFO, line.number, text=excerpt(line.text))

    # --- sections ----------------------------------------------------------------------------------

    def section(self, node: Node, problems_at: int | None) -> None:
        if problems_at is None:
            assert node.line is not None
            if is_aspect(node.line.rest_folded()) and not node.children and not node.content:
                self.group(node, Role.ASPECT, None)
                self.report(ParseCode.EMPTY_GROUP, Severity.INFO, node.line.number, title=excerpt(node.line.rest))
                return
            lines = list(node.lines())
            self.narrative += lines
            for line in lines:
                self.placed[line.number] = "narrative"
            self.report(
                ParseCode.NARRATIVE,
                Severity.INFO,
                node.line.number,
                title=excerpt(node.line.rest),
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
            self.report(ParseCode.EMPTY_GROUP, Severity.INFO, node.line.number, title=excerpt(node.line.rest))
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
        title = aspect_title(node.line.rest) if level is GroupLevel.ASPECT else category_title(node.line.rest)
        group = Group(gid, level, title or node.line.rest, parent_id)
        self.groups.append(group)
        self.group_by_id[gid] = group
        self.group_lines.append(node.line.number)
        self.placed[node.line.number] = f"{self.base}/groups/{len(self.groups) - 1}"
        return gid

    # --- problems and measures ---------------------------------------------------------------------

    def problem(self, node: Node, group: str | None) -> None:
        assert node.line is not None
        title, description = problem_title(node.line.rest)
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
        inline = ORDINAL.search(fold(description)) if description else None
        if inline is not None and not node.children and all(x.kind is not LineKind.INTRO for x in node.content):
            # 针对…的问题。一是…二是…: the measures follow the problem in its own paragraph
            problem.description = description[: inline.start(1)].strip() or None
            self.measures(problem, description[inline.start(1) :], node.line, new=True)
            self.placed[node.line.number] = pointer
            started = True
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
        if not started and not problem.measures and not ORDINAL.match(line.folded):
            problem.description = join(problem.description, line.text)
            self.placed[line.number] = self.problem_pointer(problem)
            return False
        self.measures(problem, line.text, line, new=bool(ORDINAL.match(line.folded)))
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
                    measure.text = join(measure.text, line.text)
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
            self.report(ParseCode.UNKNOWN_STATUS, Severity.WARNING, line.number, pointer, text=excerpt(text, 80))
            return
        dates = [r.date for r in read_dates(folded, self.context) if r.date is not None]
        history.append(Status(found[1], dates[0] if dates else None, strip_date(text) or None))
        self.placed[line.number] = pointer

    def measures(self, problem: _Problem, text: str, line: Line, *, new: bool) -> None:
        """Measures listed in running text: ``一是…二是…``, or more of the last measure."""
        text = text.strip()
        if not text:
            return
        parts = split_ordinals(text)
        folded = fold(text)
        plain = len(ORDINAL.findall(folded)) or len(INLINE_NUMBER.findall(folded))
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
                ParseCode.NUMBERING_GAP, Severity.WARNING, line.number, expected=ordinal_gap(numbers), found=found
            )
        outer = nested = 0  # the last number of the list of measures, and of a list nested in one of them
        for k, (number, part) in enumerate(parts):
            if k == 0 and number is None and not new and problem.measures:
                problem.measures[-1].text = join(problem.measures[-1].text, part)
                continue
            if number is not None and outer and (number == nested + 1 if nested else number == 1 and outer > 1):
                nested = number  # 二是…:一是…二是…: a list inside the second measure
                problem.measures[-1].text += ordinal(number) + "是" + part
                continue
            nested = 0
            outer = number or outer
            problem.measures.append(_Measure(part, line.number))
        if problem.measures:
            self.placed[line.number] = self.measure_pointer(problem, -1)
        else:
            problem.description = join(problem.description, text)
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
            if not p.measures and p.description:
                # the reader's miss is not the unit's: say so here, instead of problem-without-measure
                pointer = self.problem_pointer(p)
                self.report(
                    ParseCode.MEASURES_UNPLACED,
                    Severity.WARNING,
                    p.line,
                    pointer,
                    problem=pid,
                    supersedes="problem-without-measure",
                )
            measures = []
            for j, m in enumerate(p.measures):
                text, who, deadline = self.responsibility(m.text, m.line)
                history = tuple(m.history) or _remark(text)
                measures.append(Measure(f"{pid}-M{j + 1}", text, measure_level, who, deadline, history))
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
            if name in FACT_FIELDS:
                found[f"{self.base}/{name}"] = number
        for i, number in enumerate(self.group_lines):
            found[f"{self.base}/groups/{i}"] = number
        for i, p in enumerate(self.problems):
            found[f"{self.base}/problems/{i}"] = p.line
            for j, m in enumerate(p.measures):
                found[f"{self.base}/problems/{i}/measures/{j}"] = m.line
        return found

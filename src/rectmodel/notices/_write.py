"""Write a ledger as a notice in the standard layout, as plain text or Markdown.

The layout is the one the parser reads best: a preamble with the round's dates and
the declared counts, 一、 aspects, (一) categories or problems ("针对“…”的问题"),
numbered measures with their responsibility and deadline, a 整改结果 line per
problem and a 整改进展 line per measure that has a status, the signature and the
report date. ``parse(render(ledger))`` recovers the structure, dates, counts and
current statuses of a ledger (see ``tests/test_notices.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import attrs

from .._lexicon import DEADLINE_TERMS, HEADERS, NOTICE_KIND_WORDS, NOTICE_STATE_WORDS, date_text, ordinal
from .._lexicon.numerals import SMALL
from .._safe import markdown, one_line
from ..dates import PartialDate
from ..model import (
    DeclaredCounts,
    Group,
    GroupLevel,
    Inspection,
    Ledger,
    Measure,
    Problem,
    Status,
)

__all__ = ["Format", "render"]

Format = Literal["text", "markdown"]

STATE_WORDS = NOTICE_STATE_WORDS  # the words a notice uses for each state (the shared lexicon's)


def _counts(d: DeclaredCounts) -> tuple[str, str]:
    """(what the feedback found, what the rectification reached), as a preamble words them."""
    found = ""
    if d.aspects is not None:
        found += f"{d.aspects}个方面"
    if d.categories is not None:
        found += f"{d.categories}类问题"
        if d.problems is not None:
            found += f",涉及{d.problems}项具体问题"
    elif d.problems is not None:
        found += f"{d.problems}个问题"
    elif found:
        found += "的问题"
    plan = "、".join(
        part
        for part in (
            f"{d.tasks}项整改任务" if d.tasks is not None else "",
            f"{d.measures}条整改措施" if d.measures is not None else "",
        )
        if part
    )
    outcomes = ",".join(
        part
        for part in (
            f"已完成整改{d.completed}个" if d.completed is not None else "",
            f"阶段性完成并需长期坚持的事项{d.long_term}个" if d.long_term is not None else "",
            f"正在整改{d.in_progress}个" if d.in_progress is not None else "",
            f"未完成整改{d.not_completed}个" if d.not_completed is not None else "",
            f"整改完成率{d.completion_rate}" if d.completion_rate is not None else "",
        )
        if part
    )
    reached = "".join(
        (
            f"制定了{plan}" if plan else "",
            "," if plan and outcomes else "",
            outcomes,
        )
    )
    return found, reached


def _preamble(x: Inspection) -> str:
    _, round_words = NOTICE_KIND_WORDS[x.kind]
    when = ""
    if x.start is not None and x.end is not None:
        when = f"{date_text(x.start)}至{date_text(x.end)},"
    elif x.start is not None:
        when = f"自{date_text(x.start)}起,"
    sentences = [f"根据统一部署,{when}{x.inspector or '巡察组'}对{x.target or '本单位'}进行了{round_words}"]
    if x.end is not None and x.start is None:
        sentences[-1] += f",于{date_text(x.end)}结束"
    found, reached = _counts(x.declared)
    feedback = f"{date_text(x.feedback_date)}," if x.feedback_date is not None else ""
    sentences.append(
        f"{feedback}{x.inspector or '巡察组'}向{x.target or '本单位'}反馈了巡察意见"
        + (f",指出存在{found}" if found else "")
    )
    if x.plan_date is not None:
        sentences.append(f"{date_text(x.plan_date)},制定印发了整改方案")
    as_of = f"截至{date_text(x.as_of)}," if x.as_of is not None else ""
    sentences.append(f"{as_of}{reached or '各项整改工作有序推进'}")
    sentences.append("现将整改进展情况通报如下")
    return "。".join(sentences) + "。"


def _status(label: str, status: Status | None) -> str | None:
    if status is None:
        return None
    word = STATE_WORDS[status.state]
    when = f"({date_text(status.date)})" if status.date is not None else ""
    return f"{label}:{word}{when}。"


def _measure(n: int, measure: Measure, numbering: str) -> list[str]:
    who = measure.responsibility
    details = []
    if who is not None:
        for role, names in (("leaders", who.leaders), ("departments", who.departments), ("persons", who.persons)):
            if names:
                details.append(f"{HEADERS[role][0]}:{'、'.join(names)}")
    if measure.deadline is not None:
        deadline = measure.deadline
        written = date_text(deadline) if isinstance(deadline, PartialDate) else DEADLINE_TERMS[deadline][0]
        details.append(f"{HEADERS['deadline'][0]}:{written}")
    text = measure.text + (f"({';'.join(details)})" if details else "")
    lines = [f"{numbering.format(n=n)}{text}"]
    status = _status("整改进展", measure.status)
    if status:
        lines.append(status)
    return lines


def _problem(heading: str, problem: Problem, measure_numbering: str) -> list[str]:
    lines = [f"{heading}针对“{problem.title}”的问题。{problem.description or ''}".rstrip()]
    status = _status("整改结果", problem.status)
    if status:
        lines.append(status)
    if problem.measures:
        lines.append("整改情况:")
        for j, measure in enumerate(problem.measures, 1):
            lines += _measure(j, measure, measure_numbering)
    return lines


def _groups(x: Inspection) -> tuple[list[Group], dict[str | None, list[Group]]]:
    aspects = [g for g in x.groups if g.level is GroupLevel.ASPECT]
    children: dict[str | None, list[Group]] = {}
    for g in x.groups:
        if g.level is GroupLevel.CATEGORY:
            children.setdefault(g.parent, []).append(g)
    return aspects, children


def _body(x: Inspection) -> list[str]:
    aspects, children = _groups(x)
    by_group: dict[str | None, list[Problem]] = {}
    for p in x.problems:
        by_group.setdefault(p.group, []).append(p)
    lines: list[str] = []
    counter = iter(range(1, 10_000))
    for p in by_group.get(None, []):  # ungrouped problems come first
        lines += _problem(f"({ordinal(next(counter))})", p, "{n}.")
    for a, aspect in enumerate(aspects, 1):
        title = aspect.title if aspect.title.endswith("方面") else f"“{aspect.title}”方面"
        lines.append(f"{ordinal(a)}、{title}")
        categories = children.get(aspect.id, [])
        if categories:
            for c, category in enumerate(categories, 1):
                lines.append(f"({ordinal(c)}){category.title}")
                for k, p in enumerate(by_group.get(category.id, []), 1):
                    lines += _problem(f"{k}.", p, "({n})")
            for p in by_group.get(aspect.id, []):
                lines += _problem(f"({ordinal(next(counter))})", p, "{n}.")
        else:
            for p in by_group.get(aspect.id, []):
                lines += _problem(f"({ordinal(next(counter))})", p, "{n}.")
    return lines


def _notice(x: Inspection, markdown: bool) -> list[str]:
    title_round, _ = NOTICE_KIND_WORDS[x.kind]
    title = f"{x.target or ''}关于{title_round}整改进展情况的通报"
    lines = [_preamble(x), *_body(x)]
    closing = ["欢迎广大干部群众对巡察整改落实情况进行监督。", *([x.target] if x.target else [])]
    if x.report_date is not None:
        closing.append(date_text(x.report_date))
    if not markdown:
        return [title, *lines, *closing]
    out = [f"# {title}", ""]
    for line in lines:
        if line[:1] in SMALL and "、" in line[:4]:
            out += [f"## {line}", ""]
        elif line.startswith("("):
            out += [f"### {line}", ""]
        else:
            out += [line, ""]
    return [*out, closing[0], "", *(f"{c}  " for c in closing[1:])]


def _escaped(value: Any, escape: Callable[[str], str]) -> Any:
    """*value* with every text in it (not its enums or dates) passed through *escape*."""
    if type(value) is str:
        return escape(value)
    if isinstance(value, tuple):
        return tuple(_escaped(v, escape) for v in value)
    if attrs.has(type(value)) and not isinstance(value, PartialDate):
        fields = attrs.fields(type(value))
        return attrs.evolve(value, **{f.name: _escaped(getattr(value, f.name), escape) for f in fields if f.init})
    return value


def render(ledger: Ledger | Inspection, format: Format = "text") -> str:
    """A notice for each inspection of *ledger*, in the standard layout, as plain text or Markdown.

    Several inspections are rendered one after another, separated by a line of dashes.
    Document text cannot make structure: in text, a line break inside a title becomes a
    space (so no title starts a heading of its own); in Markdown, punctuation that could
    make a heading, a link, emphasis or HTML is escaped as well.

    >>> from rectmodel import Inspection, Measure, Problem, Responsibility
    >>> x = Inspection("r1", "regular", "市委第一巡察组", "某局党组", problems=(
    ...     Problem("P1", "学习不深入", measures=(Measure("M1", "制定学习计划",
    ...             responsibility=Responsibility(departments=("办公室",))),)),))
    >>> print(render(x))  # doctest: +NORMALIZE_WHITESPACE
    某局党组关于巡察整改进展情况的通报
    根据统一部署,市委第一巡察组对某局党组进行了常规巡察。市委第一巡察组向某局党组反馈了巡察意见。各项整改工作有序推进。现将整改进展情况通报如下。
    (一)针对“学习不深入”的问题。
    整改情况:
    1.制定学习计划(责任部门:办公室)
    欢迎广大干部群众对巡察整改落实情况进行监督。
    某局党组
    """
    inspections: Sequence[Inspection] = ledger.inspections if isinstance(ledger, Ledger) else (ledger,)
    escape = markdown if format == "markdown" else one_line
    parts = ["\n".join(_notice(_escaped(x, escape), format == "markdown")) for x in inspections]
    return ("\n\n----------\n\n" if len(parts) > 1 else "").join(parts) + "\n"

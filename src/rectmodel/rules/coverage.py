"""Coverage rules: every problem has a measure; in a plan or a ledger, every measure says who, by when, how far.

A public notice or a report to the committee need not name who answers for a
measure or by when: those rules apply to plans and ledgers only (see
``DocumentKind``), and a ledger alone must give each measure's current state.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import DocumentKind, Measure, Problem
from ._registry import LEDGER_ONLY, PLAN_AND_LEDGER, Context, Fact, rule


@rule(
    "problem-without-measure",
    Severity.ERROR,
    "Every problem has at least one measure.",
    zh="每个问题至少有一条整改措施。",
    example=Fact("/inspections/0/problems/4", {"problem": "P5"}),
    scope="problem",
    kinds={DocumentKind.REPORT: Severity.WARNING, DocumentKind.NOTICE: Severity.WARNING},
)
def problem_without_measure(problem: Problem, ctx: Context) -> Iterator[Fact]:
    if not problem.measures:
        yield Fact("", {"problem": problem.id})


@rule(
    "measure-without-responsibility",
    Severity.ERROR,
    "In a plan or a ledger, every measure names who answers for it: a leader, a department or a person.",
    zh="整改方案和整改台账中,每条整改措施写明责任领导、责任部门或责任人。",
    example=Fact("/inspections/0/problems/0/measures/2", {"measure": "P1-M3"}),
    scope="measure",
    kinds=PLAN_AND_LEDGER,
)
def measure_without_responsibility(measure: Measure, ctx: Context) -> Iterator[Fact]:
    r = measure.responsibility
    if r is None or r.is_empty:
        yield Fact("", {"measure": measure.id})


@rule(
    "measure-without-deadline",
    Severity.ERROR,
    "In a plan or a ledger, every measure has a deadline (整改时限): a date, or a term such as 长期坚持.",
    zh="整改方案和整改台账中,每条整改措施有整改时限:一个日期,或“长期坚持”等说法。",
    example=Fact("/inspections/0/problems/0/measures/1", {"measure": "P1-M2"}),
    scope="measure",
    kinds=PLAN_AND_LEDGER,
)
def measure_without_deadline(measure: Measure, ctx: Context) -> Iterator[Fact]:
    if measure.deadline is None:
        yield Fact("", {"measure": measure.id})


@rule(
    "measure-without-status",
    Severity.ERROR,
    "In a ledger, every measure gives its current state (整改进展 / 完成情况).",
    zh="整改台账中,每条整改措施写明当前整改进展(完成情况)。",
    example=Fact("/inspections/0/problems/3/measures/0", {"measure": "P4-M1"}),
    scope="measure",
    kinds=LEDGER_ONLY,
)
def measure_without_status(measure: Measure, ctx: Context) -> Iterator[Fact]:
    if not measure.history:
        yield Fact("", {"measure": measure.id})

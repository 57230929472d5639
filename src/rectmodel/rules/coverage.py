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
    example=Fact("/inspections/0/problems/3/measures/0", {"measure": "P4-M1"}),
    scope="measure",
    kinds=LEDGER_ONLY,
)
def measure_without_status(measure: Measure, ctx: Context) -> Iterator[Fact]:
    if not measure.history:
        yield Fact("", {"measure": measure.id})

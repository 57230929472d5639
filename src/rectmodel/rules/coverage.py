"""Coverage rules: every problem has a measure, every measure a responsibility."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import Measure, Problem
from ._registry import Context, Fact, rule


@rule(
    "problem-without-measure",
    Severity.ERROR,
    "Every problem has at least one measure.",
    example=Fact("/inspections/0/problems/4", {"problem": "P5"}),
    scope="problem",
)
def problem_without_measure(problem: Problem, ctx: Context) -> Iterator[Fact]:
    if not problem.measures:
        yield Fact("", {"problem": problem.id})


@rule(
    "measure-without-responsibility",
    Severity.ERROR,
    "Every measure names who answers for it: a leader, a department or a person.",
    example=Fact("/inspections/0/problems/0/measures/2", {"measure": "P1-M3"}),
    scope="measure",
)
def measure_without_responsibility(measure: Measure, ctx: Context) -> Iterator[Fact]:
    r = measure.responsibility
    if r is None or r.is_empty:
        yield Fact("", {"measure": measure.id})

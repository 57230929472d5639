"""Coverage rules: every problem has a measure, every measure a responsibility."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import Inspection
from ._registry import Context, Fact, rule


@rule(
    "problem-without-measure",
    Severity.ERROR,
    "Every problem has at least one measure.",
    example=Fact("/inspections/0/problems/4", {"problem": "P5"}),
)
def problem_without_measure(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    for i, problem in enumerate(inspection.problems):
        if not problem.measures:
            yield Fact(f"/problems/{i}", {"problem": problem.id})


@rule(
    "measure-without-responsibility",
    Severity.ERROR,
    "Every measure names who answers for it: a leader, a department or a person.",
    example=Fact("/inspections/0/problems/0/measures/2", {"measure": "P1-M3"}),
)
def measure_without_responsibility(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    for i, problem in enumerate(inspection.problems):
        for j, measure in enumerate(problem.measures):
            r = measure.responsibility
            if r is None or not (r.leaders or r.departments or r.persons):
                yield Fact(f"/problems/{i}/measures/{j}", {"measure": measure.id})

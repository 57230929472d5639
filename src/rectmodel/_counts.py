"""What an inspection itemizes, counted the way its preamble would count it."""

from __future__ import annotations

from attrs import frozen

from .model import GroupLevel, Inspection, MeasureLevel, ProblemLevel

__all__ = ["Itemized", "itemize"]


@frozen
class Itemized:
    """Counts of what an inspection lists item by item.

    A problem of level ``category`` counts as a category, not as a problem; a
    measure of level ``task`` counts as a task, not as a measure.
    """

    aspects: int
    categories: int
    problems: int
    tasks: int
    measures: int


def itemize(inspection: Inspection) -> Itemized:
    """Count the groups, problems, tasks and measures *inspection* lists."""
    aspects = categories = problems = tasks = measures = 0
    for group in inspection.groups:
        if group.level is GroupLevel.ASPECT:
            aspects += 1
        else:
            categories += 1
    for problem in inspection.problems:
        if problem.level is ProblemLevel.CATEGORY:
            categories += 1
        else:
            problems += 1
        for measure in problem.measures:
            if measure.level is MeasureLevel.TASK:
                tasks += 1
            else:
                measures += 1
    return Itemized(aspects, categories, problems, tasks, measures)

"""Status rules: a problem's state agrees with its measures', histories move forward, closure has evidence."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import Inspection, State, Status
from ._registry import Context, Fact, rule


@rule(
    "status-inconsistent",
    Severity.ERROR,
    "A problem is not completed or closed while one of its measures is not done.",
    example=Fact(
        "/inspections/0/problems/1/history/0",
        {"problem": "P2", "state": "completed", "measure": "P2-M2", "measure_state": "in_progress"},
        ("/inspections/0/problems/1/measures/1/history/0",),
    ),
)
def status_inconsistent(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    for i, problem in enumerate(inspection.problems):
        if not problem.history or not problem.history[-1].state.is_finished:
            continue
        state = problem.history[-1].state
        for j, measure in enumerate(problem.measures):
            if measure.history and not measure.history[-1].state.is_done:
                params = {
                    "problem": problem.id,
                    "state": state.value,
                    "measure": measure.id,
                    "measure_state": measure.history[-1].state.value,
                }
                related = (f"/problems/{i}/measures/{j}/history/{len(measure.history) - 1}",)
                yield Fact(f"/problems/{i}/history/{len(problem.history) - 1}", params, related)


def _regressions(history: tuple[Status, ...], base: str, item: str) -> Iterator[Fact]:
    level = -1
    for k, status in enumerate(history):
        if status.state is State.REOPENED:
            level = -1
            continue
        now = status.state.progress or 0
        if now < level:
            params = {"item": item, "state": status.state.value, "previous": history[k - 1].state.value}
            yield Fact(f"{base}/history/{k}", params, (f"{base}/history/{k - 1}",))
        level = now


@rule(
    "status-regression",
    Severity.ERROR,
    "A status history does not go backwards (e.g. closed → in progress) without a recorded reopening.",
    example=Fact(
        "/inspections/0/problems/0/history/2",
        {"item": "P1", "state": "in_progress", "previous": "completed"},
        ("/inspections/0/problems/0/history/1",),
    ),
)
def status_regression(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    for i, problem in enumerate(inspection.problems):
        if len(problem.history) > 1:
            yield from _regressions(problem.history, f"/problems/{i}", problem.id)
        for j, measure in enumerate(problem.measures):
            if len(measure.history) > 1:
                yield from _regressions(measure.history, f"/problems/{i}/measures/{j}", measure.id)


@rule(
    "closed-without-evidence",
    Severity.ERROR,
    "A closed (销号) item has evidence: on its closing status, on the measure, or on its measures.",
    example=Fact("/inspections/0/problems/3/measures/0/history/1", {"item": "P4-M1"}),
)
def closed_without_evidence(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    for i, problem in enumerate(inspection.problems):
        last = problem.history[-1] if problem.history else None
        if (
            last is not None
            and last.state is State.CLOSED
            and not last.evidence
            and not any(m.evidence or (m.history and m.history[-1].evidence) for m in problem.measures)
        ):
            yield Fact(f"/problems/{i}/history/{len(problem.history) - 1}", {"item": problem.id})
        for j, measure in enumerate(problem.measures):
            current = measure.history[-1] if measure.history else None
            if current is not None and current.state is State.CLOSED and not (current.evidence or measure.evidence):
                yield Fact(f"/problems/{i}/measures/{j}/history/{len(measure.history) - 1}", {"item": measure.id})

"""Status rules: a problem's state agrees with its measures', histories move forward, closure has evidence."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import Measure, Problem, State
from ._registry import Context, Fact, rule

CLOSED = State.CLOSED  # looked up once: an enum member costs a class lookup each time on Python 3.11


@rule(
    "status-inconsistent",
    Severity.ERROR,
    example=Fact(
        "/inspections/0/problems/1/history/0",
        {"problem": "P2", "state": "completed", "measure": "P2-M2", "measure_state": "in_progress"},
        ("/inspections/0/problems/1/measures/1/history/0",),
    ),
    scope="problem",
)
def status_inconsistent(problem: Problem, ctx: Context) -> Iterator[Fact]:
    last = problem.history[-1] if problem.history else None
    if last is None or not last.state.is_finished:
        return
    for j, measure in enumerate(problem.measures):
        history = measure.history
        if history and not history[-1].state.is_done:
            params = {"problem": problem.id, "state": last.state.value, "measure": measure.id,
                      "measure_state": history[-1].state.value}  # fmt: skip
            related = (f"/measures/{j}/history/{len(history) - 1}",)
            yield Fact(f"/history/{len(problem.history) - 1}", params, related)


@rule(
    "status-regression",
    Severity.ERROR,
    example=Fact(
        "/inspections/0/problems/0/history/2",
        {"item": "P1", "state": "in_progress", "previous": "completed"},
        ("/inspections/0/problems/0/history/1",),
    ),
    scope=("problem", "measure"),
)
def status_regression(item: Problem | Measure, ctx: Context) -> Iterator[Fact]:
    history = item.history
    if len(history) < 2:
        return
    before = history[0].state.progress
    for k in range(1, len(history)):
        now = history[k].state.progress
        # A reopening (progress None) restarts the count: nothing goes back across it.
        if now is not None and before is not None and now < before:
            params = {"item": item.id, "state": history[k].state.value, "previous": history[k - 1].state.value}
            yield Fact(f"/history/{k}", params, (f"/history/{k - 1}",))
        before = now


def has_evidence(problem: Problem) -> bool:
    """Whether a problem may be closed on evidence: its current status's, its measures' or theirs."""
    last = problem.status
    return bool(last is not None and last.evidence) or any(
        m.evidence or (m.history and m.history[-1].evidence) for m in problem.measures
    )


@rule(
    "closed-without-evidence",
    Severity.ERROR,
    example=Fact("/inspections/0/problems/3/measures/0/history/1", {"item": "P4-M1"}),
    scope=("problem", "measure"),
)
def closed_without_evidence(item: Problem | Measure, ctx: Context) -> Iterator[Fact]:
    last = item.history[-1] if item.history else None
    if last is None or last.state is not CLOSED or last.evidence:
        return
    if not (item.evidence if isinstance(item, Measure) else has_evidence(item)):
        yield Fact(f"/history/{len(item.history) - 1}", {"item": item.id})

"""Date rules: the round's dates in order, deadlines and completions after feedback, reports on time."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import PartialDate, deadline_due
from ..diagnostics import Severity
from ..model import DATE_CHAIN, Inspection, Measure, Problem, Status
from ._registry import Context, Fact, rule

CHAIN = DATE_CHAIN  # the order a round's dates must keep, earliest first


def _round_dates(inspection: Inspection) -> Iterator[Fact]:
    """Facts for each round date certainly before the one stated before it in the chain."""
    previous: tuple[str, PartialDate] | None = None
    for name in CHAIN:
        date = getattr(inspection, name)
        if date is None:
            continue
        if previous is not None and date.certainly_before(previous[1]):
            params = {"field": name, "date": str(date), "before": previous[0], "other": str(previous[1])}
            yield Fact(f"/{name}", params, (f"/{previous[0]}",))
        previous = (name, date)


def _history(history: tuple[Status, ...], feedback: PartialDate | None) -> Iterator[Fact]:
    """Facts for a status dated certainly before an earlier dated one (the latest such), or done before feedback."""
    dated: list[tuple[int, PartialDate]] = []
    for k, status in enumerate(history):
        date = status.date
        if date is None:
            continue
        earlier = next(((e, d) for e, d in reversed(dated) if date.certainly_before(d)), None)
        if earlier is not None:
            params = {"field": "status", "date": str(date), "before": "status", "other": str(earlier[1])}
            yield Fact(f"/history/{k}/date", params, (f"/history/{earlier[0]}/date",))
        elif feedback is not None and status.state.is_done and date.certainly_before(feedback):
            params = {"field": "completion", "date": str(date), "before": "feedback", "other": str(feedback)}
            yield Fact(f"/history/{k}/date", params)
        dated.append((k, date))


def _may_be_out_of_order(history: tuple[Status, ...], feedback: PartialDate | None) -> bool:
    """A cheap, exact screen for the common history of one or two statuses."""
    if len(history) > 2:
        return True
    first, last = history[0].date, history[-1].date
    if first is not None and feedback is not None and first.certainly_before(feedback):
        return True
    if last is None or last is first:
        return False
    return (feedback is not None and last.certainly_before(feedback)) or (
        first is not None and last.certainly_before(first)
    )


@rule(
    "dates-out-of-order",
    Severity.ERROR,
    example=Fact(
        "/inspections/0/feedback_date",
        {"field": "feedback_date", "date": "2021-05-04", "before": "end", "other": "2021-06-18"},
        ("/inspections/0/end",),
    ),
    scope=("inspection", "problem", "measure"),
)
def dates_out_of_order(element: Inspection | Problem | Measure, ctx: Context) -> Iterator[Fact]:
    if isinstance(element, Inspection):
        yield from _round_dates(element)
        return
    feedback, history = ctx.inspection.feedback_date, element.history
    if history and _may_be_out_of_order(history, feedback):
        yield from _history(history, feedback)
    if not isinstance(element, Measure):
        return
    deadline = element.deadline
    if isinstance(deadline, PartialDate) and feedback is not None and deadline.certainly_before(feedback):
        params = {"field": "deadline", "date": str(deadline), "before": "feedback", "other": str(feedback)}
        yield Fact("/deadline", params, ("4/feedback_date",))  # up measures/j, problems/i: the inspection


@rule(
    "deadline-passed",
    Severity.WARNING,
    example=Fact(
        "/inspections/0/problems/2/measures/0/deadline",
        {"measure": "P3-M1", "deadline": "2021-10-31", "as_of": "2021-11-03", "state": "in_progress"},
    ),
    scope="measure",
)
def deadline_passed(measure: Measure, ctx: Context) -> Iterator[Fact]:
    deadline, history = measure.deadline, measure.history
    if deadline is None or not history or history[-1].state.is_done:
        return
    due = deadline_due(deadline, ctx.inspection.feedback_date)  # immediate: at feedback; long-term, ongoing: never
    as_of = ctx.inspection.as_of or ctx.inspection.report_date
    if due is not None and as_of is not None and due.certainly_before(as_of):
        state = history[-1].state
        params = {"measure": measure.id, "deadline": str(deadline), "as_of": str(as_of), "state": state.value}
        yield Fact("/deadline", params)


@rule(
    "report-overdue",
    Severity.WARNING,
    example=Fact(
        "/inspections/0/report_date",
        {"feedback": "2021-08-04", "report": "2021-11-12", "months": 2, "due": "2021-10-04"},
    ),
    scope="inspection",
)
def report_overdue(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    feedback, report = inspection.feedback_date, inspection.report_date
    if feedback is None or report is None:
        return
    due = feedback.plus_months(ctx.report_due_months)  # None past year 9999: no report can be late then
    if due is not None and report.certainly_after(due):
        params = {"feedback": str(feedback), "report": str(report), "months": ctx.report_due_months, "due": str(due)}
        yield Fact("/report_date", params, ("/feedback_date",))

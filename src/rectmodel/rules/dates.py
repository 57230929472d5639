"""Date rules: the round's dates in order, deadlines and completions after feedback, reports on time."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator

from ..dates import PartialDate, deadline_due
from ..diagnostics import Severity
from ..model import DATE_CHAIN, Inspection, Status
from ._registry import Context, Fact, rule

CHAIN = DATE_CHAIN  # the order a round's dates must keep, earliest first


def _history(history: tuple[Status, ...], base: str, feedback: PartialDate | None) -> Iterator[Fact]:
    """Facts for a status history out of date order, or done before the feedback."""
    previous: tuple[int, PartialDate] | None = None
    for k, status in enumerate(history):
        date = status.date
        if date is None:
            continue
        pointer = f"{base}/history/{k}/date"
        if previous is not None and date.certainly_before(previous[1]):
            yield Fact(
                pointer,
                {"field": "status", "date": str(date), "before": "status", "other": str(previous[1])},
                (f"{base}/history/{previous[0]}/date",),
            )
        elif feedback is not None and status.state.is_done and date.certainly_before(feedback):
            yield Fact(
                pointer, {"field": "completion", "date": str(date), "before": "feedback", "other": str(feedback)}
            )
        previous = (k, date)


def _may_be_out_of_order(history: tuple[Status, ...], feedback: PartialDate | None) -> bool:
    """A cheap, exact screen for the common history of one or two statuses."""
    if len(history) > 2:
        return True
    dates = [s.date for s in history if s.date is not None]
    if feedback is not None and any(d.certainly_before(feedback) for d in dates):
        return True
    return len(dates) == 2 and dates[1].certainly_before(dates[0])


@rule(
    "dates-out-of-order",
    Severity.ERROR,
    "On-site start ≤ end ≤ feedback ≤ plan ≤ as-of ≤ report; histories in date order; "
    "no deadline or completion before feedback. Partial dates count only when certainly out of order.",
    example=Fact(
        "/inspections/0/feedback_date",
        {"field": "feedback_date", "date": "2021-05-04", "before": "end", "other": "2021-06-18"},
        ("/inspections/0/end",),
    ),
)
def dates_out_of_order(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    previous: tuple[str, PartialDate] | None = None
    for name in CHAIN:
        date = getattr(inspection, name)
        if date is None:
            continue
        if previous is not None and date.certainly_before(previous[1]):
            params = {"field": name, "date": str(date), "before": previous[0], "other": str(previous[1])}
            yield Fact(f"/{name}", params, (f"/{previous[0]}",))
        previous = (name, date)
    feedback = inspection.feedback_date
    for i, problem in enumerate(inspection.problems):
        if problem.history:
            yield from _history(problem.history, f"/problems/{i}", feedback)
        for j, measure in enumerate(problem.measures):
            if measure.history and _may_be_out_of_order(measure.history, feedback):
                yield from _history(measure.history, f"/problems/{i}/measures/{j}", feedback)
            deadline = measure.deadline
            if isinstance(deadline, PartialDate) and feedback is not None and deadline.certainly_before(feedback):
                params = {"field": "deadline", "date": str(deadline), "before": "feedback", "other": str(feedback)}
                yield Fact(f"/problems/{i}/measures/{j}/deadline", params, ("/feedback_date",))


@rule(
    "deadline-passed",
    Severity.WARNING,
    "A measure whose deadline is before the report's as-of date (or report date) is done by then.",
    example=Fact(
        "/inspections/0/problems/2/measures/0/deadline",
        {"measure": "P3-M1", "deadline": "2021-10-31", "as_of": "2021-11-03", "state": "in_progress"},
    ),
)
def deadline_passed(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    as_of = inspection.as_of or inspection.report_date
    if as_of is None:
        return
    for i, problem in enumerate(inspection.problems):
        for j, measure in enumerate(problem.measures):
            due = None if measure.deadline is None else deadline_due(measure.deadline, inspection.feedback_date)
            if due is None or not measure.history or not due.certainly_before(as_of):
                continue
            deadline = measure.deadline
            state = measure.history[-1].state
            if not state.is_done:
                params = {"measure": measure.id, "deadline": str(deadline), "as_of": str(as_of), "state": state.value}
                yield Fact(f"/problems/{i}/measures/{j}/deadline", params)


def _add_months(date: PartialDate, months: int) -> PartialDate:
    """The last day *months* calendar months after the last day *date* may be."""
    last = date.last
    year, month = divmod(last.month - 1 + months, 12)
    year += last.year
    return PartialDate(year, month + 1, min(last.day, monthrange(year, month + 1)[1]))


@rule(
    "report-overdue",
    Severity.WARNING,
    "The rectification report comes within the configured time after feedback (default 2 months).",
    example=Fact(
        "/inspections/0/report_date",
        {"feedback": "2021-08-04", "report": "2021-11-12", "months": 2, "due": "2021-10-04"},
    ),
)
def report_overdue(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    feedback, report = inspection.feedback_date, inspection.report_date
    if feedback is None or report is None:
        return
    due = _add_months(feedback, ctx.report_due_months)
    if report.certainly_after(due):
        params = {"feedback": str(feedback), "report": str(report), "months": ctx.report_due_months, "due": str(due)}
        yield Fact("/report_date", params, ("/feedback_date",))

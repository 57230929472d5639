"""The round report's figures, computed from what the ledgers state and nothing else.

Per unit and round: problems and measures, the measures by state, completion declared and
itemized (and whether they agree), measures on time, late, overdue and long-term, evidence
coverage, findings by severity. Across all: overdue measures by department (oldest first), the
outcome distribution, the deadline timeline by month, and recurrence from the graph. A figure
a ledger does not state (no deadline, no as-of date) is left out of its count, never guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from attrs import frozen

from ..dates import DeadlineTerm, PartialDate, deadline_due
from ..diagnostics import Report, Severity
from ..model import Inspection, Ledger, Measure, State

__all__ = ["Overdue", "Round", "rounds_of", "timeline"]


@frozen
class Overdue:
    """A measure past its deadline and not done, as of its round's as-of date."""

    department: str
    unit: str
    round: str
    measure: str
    text: str
    deadline: PartialDate
    state: State


@frozen
class Round:
    """One unit's round: what its ledger says, counted."""

    path: str
    unit: str
    round: str
    inspector: str | None
    feedback_date: PartialDate | None
    as_of: PartialDate | None
    problems: int
    measures: int
    states: dict[str, int]  # a state's value (or "unstated") -> measures
    completed: int
    declared_rate: str | None
    rates_agree: bool | None  # None: no declared rate, or nothing itemized
    on_time: int
    late: int
    overdue: tuple[Overdue, ...]
    long_term: int
    with_evidence: int
    findings: dict[str, int]  # severity -> count

    @property
    def stated(self) -> int:
        """Measures whose state the ledger states (a measure with none is not counted as not done)."""
        return self.measures - self.states.get("unstated", 0)

    @property
    def completion(self) -> Decimal | None:
        """Measures completed, in percent of those whose state is stated (None: none is)."""
        return None if not self.stated else Decimal(self.completed * 100) / self.stated

    @property
    def evidence_rate(self) -> Decimal | None:
        """Of the measures completed, those with evidence, in percent."""
        return None if not self.completed else Decimal(self.with_evidence * 100) / self.completed


def _rate(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text.strip().rstrip("%％").strip())
    except InvalidOperation:
        return None


def _done_on(measure: Measure) -> PartialDate | None:
    return next((s.date for s in reversed(measure.history) if s.state.is_done and s.date is not None), None)


def _round(path: str, x: Inspection, report: Report, units: dict[str, str]) -> Round:
    from ..rules.counts import rate_matches  # noqa: PLC0415 -- the rule's own comparison of a written rate

    measures = [m for p in x.problems for m in p.measures]
    states: Counter[str] = Counter(m.history[-1].state.value if m.history else "unstated" for m in measures)
    done = [m for m in measures if m.history and m.history[-1].state.is_done]
    as_of = x.as_of or x.report_date
    unit = x.unit or units.get(x.target or "") or x.target or x.id
    on_time = late = long_term = 0
    overdue: list[Overdue] = []
    for m in measures:
        if m.deadline in (DeadlineTerm.LONG_TERM, DeadlineTerm.ONGOING):
            long_term += 1
            continue
        due = deadline_due(m.deadline, x.feedback_date) if m.deadline is not None else None
        if due is None:
            continue
        if m in done:
            finished = _done_on(m)
            if finished is not None and not finished.certainly_after(due):
                on_time += 1
            elif finished is not None:
                late += 1
        elif m.history and as_of is not None and due.certainly_before(as_of):
            departments = m.responsibility.departments if m.responsibility is not None else ()
            for department in departments or ("",):
                overdue.append(Overdue(department, unit, x.id, m.id, m.text, due, m.history[-1].state))
    rate = _rate(x.declared.completion_rate)
    agree = None if rate is None or not measures else rate_matches(rate, len(done), len(measures))
    evidence = sum(1 for m in done if m.evidence or any(s.evidence for s in m.history))
    findings = Counter(d.severity.value for d in report.diagnostics)
    return Round(
        path,
        unit,
        x.id,
        x.inspector,
        x.feedback_date,
        as_of,
        sum(1 for _ in x.problems),
        len(measures),
        dict(states),
        len(done),
        x.declared.completion_rate,
        agree,
        on_time,
        late,
        tuple(overdue),
        long_term,
        evidence,
        {s.value: findings.get(s.value, 0) for s in Severity},
    )


def units_by_target(inspections: Iterable[Inspection]) -> dict[str, str]:
    """The unit each inspected organ (``target``) is, where a document states both and no other ties the
    same organ to another unit: a notice that names only ``某局党组`` then counts under the unit id a
    ledger gives it, instead of as a second unit.

    >>> from rectmodel import Inspection
    >>> units_by_target([Inspection("a", target="某局党组", unit="mj"), Inspection("b", target="某局党组")])
    {'某局党组': 'mj'}
    """
    found: dict[str, set[str]] = {}
    for x in inspections:
        if x.unit and x.target:
            found.setdefault(x.target, set()).add(x.unit)
    return {target: next(iter(units)) for target, units in found.items() if len(units) == 1}


def rounds_of(documents: Sequence[tuple[str, Ledger, Report]]) -> list[Round]:
    """Every inspection of every document as a :class:`Round`, by unit then feedback date.

    A round's unit is the one its inspection states, else the one another document ties its organ to
    (``units_by_target``), else its organ, else its id.
    """
    units = units_by_target(x for _, ledger, _ in documents for x in ledger.inspections)
    rounds = [_round(path, x, report, units) for path, ledger, report in documents for x in ledger.inspections]
    return sorted(rounds, key=lambda r: (r.unit, r.feedback_date.isoformat() if r.feedback_date else "", r.round))


def timeline(documents: Sequence[tuple[str, Ledger, Report]]) -> list[tuple[str, int, int]]:
    """``(YYYY-MM, due, done)``: how many measures fall due each month, and how many of those are done."""
    due: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, ledger, _ in documents:
        for x in ledger.inspections:
            for m in (m for p in x.problems for m in p.measures):
                when = deadline_due(m.deadline, x.feedback_date) if m.deadline is not None else None
                if when is None or when.month is None:
                    continue
                month = f"{when.year:04d}-{when.month:02d}"
                due[month][0] += 1
                due[month][1] += bool(m.history and m.history[-1].state.is_done)
    return [(month, n, k) for month, (n, k) in sorted(due.items())]

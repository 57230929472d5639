"""Operations that keep a ledger over time: add problems and measures, record progress, close, reopen, link.

A ledger is immutable. Every operation takes one and returns a new ledger with the
change made, or raises :class:`~rectmodel.errors.OperationError` and leaves the
ledger as it was. An operation refuses any change that would give the ledger a
rule error it did not have: checks of its own name the reason first (an unknown
id, a measure nobody answers for, a state going backwards, a closing without
evidence, …); a last check runs every error rule on the result, so that a ledger
which already has errors can still be worked on but never gains one.

Items are added last, and statuses and links appended, so the pointers of what
a ledger already holds never move; a refusal of an item being added points at
where it would have been.

>>> from rectmodel import Inspection, Ledger, Measure, PartialDate, Problem, Responsibility, State, Status
>>> from rectmodel.operations import add_problem, close, record_progress
>>> D = PartialDate.parse
>>> ledger = Ledger((Inspection("r1", "regular", "市委第一巡察组", "某局党组", feedback_date=D("2021-08-04")),))
>>> fix = Measure("M1", "修订议事规则", responsibility=Responsibility(departments=("办公室",)))
>>> ledger = add_problem(ledger, "r1", Problem("P1", "议事决策不规范", measures=(fix,)))
>>> ledger = record_progress(ledger, "r1", "P1", Status(State.COMPLETED, D("2021-09-30")), measure="M1")
>>> close(ledger, "r1", "P1", date=D("2021-10-08"))
Traceback (most recent call last):
  ...
rectmodel.errors.OperationError: close: /inspections/0/problems/0: "P1" cannot be closed without evidence
>>> ledger = close(ledger, "r1", "P1", date=D("2021-10-08"), evidence=("整改报告.pdf",))
>>> status = ledger.inspections[0].problems[0].status
>>> print(status.state, status.date, status.evidence)
closed 2021-10-08 ('整改报告.pdf',)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import chain
from typing import Any

import attrs

from .dates import PartialDate
from .diagnostics import Severity
from .errors import OpCode, OperationError
from .model import Inspection, Ledger, Link, LinkKind, Measure, Problem, State, Status
from .rules import RULES, Config
from .rules._registry import Context
from .rules._walk import Location, Plan, walk
from .units import round_date

__all__ = ["add_measure", "add_problem", "close", "link", "record_progress", "reopen"]

# The rules that compare declared counts with what an inspection itemizes and its statuses.
_COUNT_RULES = ("declared-count-mismatch", "declared-sum-mismatch", "declared-rate-mismatch")

_Finding = tuple[str, str, Mapping[str, Any]]  # rule, pointer, params
_Node = tuple[str, str]  # inspection id, problem id


def _refuse(operation: str, code: str, pointer: str, /, **params: object) -> OperationError:
    return OperationError(operation, code, pointer, params)


@attrs.frozen
class _Item:
    """A problem, or one of its measures, where a ledger holds it."""

    n: int
    inspection: Inspection
    i: int
    problem: Problem
    j: int | None = None
    measure: Measure | None = None

    @property
    def pointer(self) -> str:
        base = f"/inspections/{self.n}/problems/{self.i}"
        return base if self.j is None else f"{base}/measures/{self.j}"

    @property
    def id(self) -> str:
        return self.problem.id if self.measure is None else self.measure.id

    @property
    def history(self) -> tuple[Status, ...]:
        return self.problem.history if self.measure is None else self.measure.history

    def with_status(self, status: Status) -> Problem:
        """The item's problem with *status* appended to the item's history."""
        if self.measure is None or self.j is None:
            return attrs.evolve(self.problem, history=(*self.problem.history, status))
        measure = attrs.evolve(self.measure, history=(*self.measure.history, status))
        return _with_measure(self.problem, self.j, measure)


def _with_measure(problem: Problem, j: int, measure: Measure) -> Problem:
    return attrs.evolve(problem, measures=(*problem.measures[:j], measure, *problem.measures[j + 1 :]))


def _with_problem(ledger: Ledger, n: int, i: int, problem: Problem) -> Ledger:
    """*ledger* with problem *i* of inspection *n* replaced, or appended when *i* is one past the last."""
    inspection = ledger.inspections[n]
    problems = (*inspection.problems[:i], problem, *inspection.problems[i + 1 :])
    inspection = attrs.evolve(inspection, problems=problems)
    return attrs.evolve(ledger, inspections=(*ledger.inspections[:n], inspection, *ledger.inspections[n + 1 :]))


def _find_inspection(operation: str, ledger: Ledger, inspection: str) -> tuple[int, Inspection]:
    for n, x in enumerate(ledger.inspections):
        if x.id == inspection:
            return n, x
    raise _refuse(operation, "op-unknown-inspection", "/inspections", inspection=inspection)


def _find(operation: str, ledger: Ledger, inspection: str, problem: str, measure: str | None = None) -> _Item:
    n, x = _find_inspection(operation, ledger, inspection)
    i, p = next(((i, p) for i, p in enumerate(x.problems) if p.id == problem), (None, None))
    if i is None or p is None:
        raise _refuse(operation, "op-unknown-problem", f"/inspections/{n}/problems", inspection=x.id, problem=problem)
    if measure is None:
        return _Item(n, x, i, p)
    j, m = next(((j, m) for j, m in enumerate(p.measures) if m.id == measure), (None, None))
    if j is None or m is None:
        pointer = f"/inspections/{n}/problems/{i}/measures"
        raise _refuse(operation, "op-unknown-measure", pointer, problem=p.id, measure=measure)
    return _Item(n, x, i, p, j, m)


def _done(measure: Measure) -> bool:
    """Whether a measure is done: its current state is; a measure with no status is not."""
    return bool(measure.history) and measure.history[-1].state.is_done


def _has_evidence(problem: Problem) -> bool:
    """Whether a problem could be closed on evidence: its current status's, its measures' or theirs."""
    last = problem.status
    return bool(last is not None and last.evidence) or any(
        m.evidence or (m.history and m.history[-1].evidence) for m in problem.measures
    )


def _check_step(
    operation: str,
    item: str,
    pointer: str,
    history: tuple[Status, ...],
    status: Status,
    *,
    feedback: PartialDate | None,
) -> None:
    """Refuse *status* as the next status of *history*: out of date order, done before feedback, or backwards.

    A date certainly before any earlier dated status is refused, not only one before the last
    (the rule compares with the last only, and so misses ``2021-10-01``, ``2021``, ``2021-09-01``).
    """
    date = status.date
    if date is not None:
        previous = next(
            (s.date for s in reversed(history) if s.date is not None and date.certainly_before(s.date)), None
        )
        if previous is not None:
            raise _refuse(operation, "op-before-previous", pointer, item=item, date=str(date), previous=str(previous))
        if feedback is not None and status.state.is_done and date.certainly_before(feedback):
            params = {"item": item, "field": "completion", "date": str(date), "feedback": str(feedback)}
            raise _refuse(operation, "op-before-feedback", pointer, **params)
    if history and status.state is not State.REOPENED:
        last = history[-1].state
        if last is not State.REOPENED and (status.state.progress or 0) < (last.progress or 0):
            params = {"item": item, "previous": last.value, "state": status.state.value}
            raise _refuse(operation, "op-regression", pointer, **params)


def _check_history(
    operation: str, item: str, pointer: str, history: tuple[Status, ...], feedback: PartialDate | None
) -> None:
    """Refuse a whole history that is out of order or goes backwards."""
    for k, status in enumerate(history):
        _check_step(operation, item, pointer, history[:k], status, feedback=feedback)


def _check_new_measure(operation: str, measure: Measure, pointer: str, inspection: Inspection) -> None:
    """Refuse a measure being added that nobody answers for, that lacks what its kind of document requires
    (a deadline in a plan or a ledger, a state in a ledger), due before feedback, or with a bad history."""
    feedback, kind = inspection.feedback_date, inspection.document
    if measure.responsibility is None or measure.responsibility.is_empty:
        raise _refuse(operation, "op-no-responsibility", pointer, measure=measure.id)
    if measure.deadline is None and RULES["measure-without-deadline"].severity_for(kind) is not None:
        raise _refuse(operation, OpCode.NO_DEADLINE, pointer, measure=measure.id)
    if not measure.history and RULES["measure-without-status"].severity_for(kind) is not None:
        raise _refuse(operation, OpCode.NO_STATUS, pointer, measure=measure.id)
    deadline = measure.deadline
    if isinstance(deadline, PartialDate) and feedback is not None and deadline.certainly_before(feedback):
        params = {"item": measure.id, "field": "deadline", "date": str(deadline), "feedback": str(feedback)}
        raise _refuse(operation, "op-before-feedback", pointer, **params)
    _check_history(operation, measure.id, pointer, measure.history, feedback)
    current = measure.status
    if current is not None and current.state is State.CLOSED and not (current.evidence or measure.evidence):
        raise _refuse(operation, "op-no-evidence", pointer, item=measure.id)


def _check_finished(operation: str, problem: Problem, pointer: str) -> None:
    """Refuse a problem completed or closed while a measure is not done, or closed without evidence."""
    current = problem.status
    if current is None or not current.state.is_finished:
        return
    for measure in problem.measures:
        if not _done(measure):
            ms = measure.status
            params = {
                "problem": problem.id,
                "state": current.state.value,
                "measure": measure.id,
                "measure_state": None if ms is None else ms.state.value,
            }
            raise _refuse(operation, "op-measures-not-done", pointer, **params)
    if current.state is State.CLOSED and not _has_evidence(problem):
        raise _refuse(operation, "op-no-evidence", pointer, item=problem.id)


def _check_measure_fits(operation: str, problem: Problem, measure: Measure, pointer: str) -> None:
    """Refuse a measure not done under a problem completed or closed."""
    current = problem.status
    if current is not None and current.state.is_finished and not _done(measure):
        ms = measure.status
        params = {
            "problem": problem.id,
            "state": current.state.value,
            "measure": measure.id,
            "measure_state": None if ms is None else ms.state.value,
        }
        raise _refuse(operation, "op-problem-finished", pointer, **params)


def _lineage(ledger: Ledger, unit: str) -> set[str]:
    """*unit* and every unit it continues, by the ledger's successions, transitively."""
    seen, todo = {unit}, [unit]
    while todo:
        current = todo.pop()
        for s in ledger.successions:
            if s.new == current and s.old not in seen:
                seen.add(s.old)
                todo.append(s.old)
    return seen


def _check_link(
    operation: str,
    ledger: Ledger,
    source: Inspection,
    problem: Problem,
    *,
    links: tuple[Link, ...],
    new: Link,
    pointer: str,
) -> None:
    """Refuse a link that dangles, goes to the same or a later round or another unit, or repeats one of *links*."""
    target_name = f"{new.inspection}/{new.problem}"
    rounds = {x.id: x for x in ledger.inspections}  # the last holder of an id, as dangling-reference reads it
    target = rounds.get(new.inspection)
    if target is None or all(p.id != new.problem for p in target.problems):
        raise _refuse(operation, "op-unknown-target", pointer, target=target_name)
    if new.inspection == source.id:
        raise _refuse(operation, "op-same-inspection", pointer, target=target_name)
    when, target_when = round_date(source), round_date(target)
    if when is None:
        raise _refuse(operation, "op-undated-round", pointer, inspection=source.id)
    if target_when is None:
        raise _refuse(operation, "op-undated-round", pointer, inspection=target.id)
    if not target_when.certainly_before(when):
        params = {"inspection": source.id, "date": str(when), "target": target.id, "target_date": str(target_when)}
        raise _refuse(operation, "op-not-earlier", pointer, **params)
    if source.unit is None:
        raise _refuse(operation, "op-no-unit", pointer, inspection=source.id)
    if target.unit is None:
        raise _refuse(operation, "op-no-unit", pointer, inspection=target.id)
    if target.unit not in _lineage(ledger, source.unit):
        params = {"unit": source.unit, "target": target.id, "target_unit": target.unit}
        raise _refuse(operation, "op-unrelated-units", pointer, **params)
    for k, other in enumerate(links):
        if (other.inspection, other.problem) == (new.inspection, new.problem):
            item_pointer = pointer.rsplit("/links/", 1)[0]
            raise _refuse(
                operation, "op-duplicate-link", f"{item_pointer}/links/{k}", item=problem.id, target=target_name
            )


def _path(ledger: Ledger, start: _Node, goal: _Node) -> list[_Node] | None:
    """A path of links from *start* to *goal*, if there is one."""
    graph: dict[_Node, list[_Node]] = {}
    for x in ledger.inspections:
        for p in x.problems:
            graph.setdefault((x.id, p.id), []).extend((link.inspection, link.problem) for link in p.links)
    parents: dict[_Node, _Node | None] = {start: None}
    stack = [start]
    while stack:
        node = stack.pop()
        if node == goal:
            path = [node]
            while (parent := parents[path[-1]]) is not None:
                path.append(parent)
            return path[::-1]
        for following in graph.get(node, ()):
            if following not in parents:
                parents[following] = node
                stack.append(following)
    return None


def _check_acyclic(operation: str, ledger: Ledger, source: _Node, new: Link, pointer: str) -> None:
    """Refuse a link of *ledger* (already added) from *source* that closes a cycle."""
    path = _path(ledger, (new.inspection, new.problem), source)
    if path is not None:
        cycle = " → ".join(f"{i}/{p}" for i, p in [source, *path])
        raise _refuse(operation, "op-cycle", pointer, source="/".join(source), path=cycle)


def _findings(ledger: Ledger, n: int, names: Iterable[str]) -> list[_Finding]:
    """What the rules *names* find in inspection *n* (and, for ledger rules, in the whole ledger)."""
    plan = Config(select=names).plan()  # each rule as it applies to the inspection's kind of document
    found = chain(
        walk(ledger, Context(ledger), Plan(ledger=plan.ledger)), walk(ledger, Context(ledger), plan, Location(n))
    )
    return [(f.diagnostic.rule, f.diagnostic.pointer, f.diagnostic.params) for f in found]


def _new(before: list[_Finding], after: list[_Finding]) -> list[_Finding]:
    """The findings of *after* that *before* does not have, by rule and pointer."""
    remaining = Counter((rule, pointer) for rule, pointer, _ in before)
    new: list[_Finding] = []
    for finding in after:
        key = finding[:2]
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new


def _commit(operation: str, before: Ledger, after: Ledger, n: int) -> Ledger:
    """Return *after*, the ledger with inspection *n* changed, unless it has an error *before* does not."""
    new = _new(_findings(before, n, _COUNT_RULES), _findings(after, n, _COUNT_RULES))
    if new:
        rule, pointer, params = new[0]
        raise _refuse(operation, "op-count-mismatch", pointer, rule=rule, params=dict(params))
    kind, config = after.inspections[n].document, Config()
    errors = [name for name, r in RULES.items() if config.severity(r, kind) is Severity.ERROR]
    new = _new(_findings(before, n, errors), _findings(after, n, errors))
    if new:
        rule, pointer, params = new[0]
        rules = ", ".join(dict.fromkeys(f[0] for f in new))
        pointers = ", ".join(dict.fromkeys(f[1] for f in new))
        raise _refuse(
            operation, "op-would-break", pointer, rule=rule, params=dict(params), rules=rules, pointers=pointers
        )
    return after


def _append(operation: str, ledger: Ledger, item: _Item, status: Status) -> Ledger:
    """Append *status* to the history of *item*, or refuse."""
    _check_step(operation, item.id, item.pointer, item.history, status, feedback=item.inspection.feedback_date)
    problem = item.with_status(status)
    if item.measure is None:
        _check_finished(operation, problem, item.pointer)
    else:
        assert item.j is not None
        _check_measure_fits(operation, problem, problem.measures[item.j], item.pointer)
        current = problem.status
        if current is not None and current.state is State.CLOSED and not _has_evidence(problem):
            raise _refuse(operation, "op-evidence-lost", item.pointer, problem=problem.id, measure=item.id)
    return _commit(operation, ledger, _with_problem(ledger, item.n, item.i, problem), item.n)


def add_problem(ledger: Ledger, inspection: str, problem: Problem) -> Ledger:
    """Add *problem* as the last problem of *inspection*.

    The problem comes whole: with at least one measure, each naming who answers
    for it, and with any history and links it has, all checked as if recorded
    one by one.

    Args:
        ledger: the ledger to change.
        inspection: the id of the inspection.
        problem: the problem to add.

    Returns:
        The new ledger.

    Raises:
        OperationError: ``op-unknown-inspection``; ``op-duplicate-id`` (the problem's or a measure's id is
            taken in the inspection); ``op-no-measure``; ``op-no-responsibility``; ``op-no-deadline`` (in a plan
            or a ledger), ``op-no-status`` (in a ledger); ``op-unknown-group``;
            ``op-before-feedback``, ``op-before-previous``, ``op-regression`` (a deadline or a history);
            ``op-measures-not-done``, ``op-problem-finished``, ``op-no-evidence`` (its statuses);
            a link's refusal (see :func:`link`); ``op-count-mismatch``; ``op-would-break``.
    """
    operation = "add_problem"
    n, x = _find_inspection(operation, ledger, inspection)
    pointer = f"/inspections/{n}/problems/{len(x.problems)}"
    for i, other in enumerate(x.problems):
        if other.id == problem.id:
            params = {"inspection": x.id, "kind": "problem", "id": problem.id}
            raise _refuse(operation, "op-duplicate-id", f"/inspections/{n}/problems/{i}", **params)
    if not problem.measures:
        raise _refuse(operation, "op-no-measure", pointer, problem=problem.id)
    if problem.group is not None and all(g.id != problem.group for g in x.groups):
        raise _refuse(operation, "op-unknown-group", pointer, inspection=x.id, group=problem.group)
    feedback = x.feedback_date
    taken = {
        m.id: f"/inspections/{n}/problems/{i}/measures/{j}"
        for i, p in enumerate(x.problems)
        for j, m in enumerate(p.measures)
    }
    for j, measure in enumerate(problem.measures):
        measure_pointer = f"{pointer}/measures/{j}"
        if measure.id in taken:
            params = {"inspection": x.id, "kind": "measure", "id": measure.id}
            raise _refuse(operation, "op-duplicate-id", taken[measure.id], **params)
        taken.setdefault(measure.id, measure_pointer)
        _check_new_measure(operation, measure, measure_pointer, x)
    _check_history(operation, problem.id, pointer, problem.history, feedback)
    _check_finished(operation, problem, pointer)
    for k, new in enumerate(problem.links):
        _check_link(operation, ledger, x, problem, links=problem.links[:k], new=new, pointer=f"{pointer}/links/{k}")
    after = _with_problem(ledger, n, len(x.problems), problem)
    for k, new in enumerate(problem.links):
        _check_acyclic(operation, after, (x.id, problem.id), new, f"{pointer}/links/{k}")
    return _commit(operation, ledger, after, n)


def add_measure(ledger: Ledger, inspection: str, problem: str, measure: Measure) -> Ledger:
    """Add *measure* as the last measure of *problem*.

    Args:
        ledger: the ledger to change.
        inspection: the id of the inspection.
        problem: the id of the problem.
        measure: the measure to add; it must name who answers for it.

    Returns:
        The new ledger.

    Raises:
        OperationError: ``op-unknown-inspection``, ``op-unknown-problem``; ``op-duplicate-id`` (the id is
            taken in the inspection); ``op-no-responsibility``; ``op-no-deadline`` (in a plan or a ledger),
            ``op-no-status`` (in a ledger); ``op-before-feedback``, ``op-before-previous``,
            ``op-regression`` (its deadline or history); ``op-no-evidence`` (closed without evidence);
            ``op-problem-finished`` (not done, under a completed or closed problem); ``op-count-mismatch``;
            ``op-would-break``.
    """
    operation = "add_measure"
    item = _find(operation, ledger, inspection, problem)
    x, n = item.inspection, item.n
    pointer = f"{item.pointer}/measures/{len(item.problem.measures)}"
    for i, p in enumerate(x.problems):
        for j, m in enumerate(p.measures):
            if m.id == measure.id:
                params = {"inspection": x.id, "kind": "measure", "id": measure.id}
                raise _refuse(operation, "op-duplicate-id", f"/inspections/{n}/problems/{i}/measures/{j}", **params)
    _check_new_measure(operation, measure, pointer, x)
    _check_measure_fits(operation, item.problem, measure, pointer)
    changed = attrs.evolve(item.problem, measures=(*item.problem.measures, measure))
    return _commit(operation, ledger, _with_problem(ledger, n, item.i, changed), n)


def record_progress(
    ledger: Ledger, inspection: str, problem: str, status: Status, *, measure: str | None = None
) -> Ledger:
    """Record a dated status of a problem, or of one of its measures, as its current one.

    Closing and reopening have operations of their own (:func:`close`, :func:`reopen`).
    A state may not go back (completed → in progress) without a reopening; a problem is
    not completed while a measure is not done; a measure of a completed problem stays done.

    Args:
        ledger: the ledger to change.
        inspection: the id of the inspection.
        problem: the id of the problem.
        status: the status; it must have a date.
        measure: the id of the measure, to record the measure's progress rather than the problem's.

    Returns:
        The new ledger.

    Raises:
        OperationError: ``op-unknown-inspection``, ``op-unknown-problem``, ``op-unknown-measure``;
            ``op-wrong-operation`` (closed or reopened); ``op-no-date``; ``op-before-previous``,
            ``op-before-feedback`` (done before the feedback); ``op-regression``; ``op-measures-not-done``;
            ``op-problem-finished``; ``op-evidence-lost``; ``op-count-mismatch``; ``op-would-break``.
    """
    operation = "record_progress"
    item = _find(operation, ledger, inspection, problem, measure)
    if status.state in (State.CLOSED, State.REOPENED):
        use = "close" if status.state is State.CLOSED else "reopen"
        raise _refuse(
            operation, "op-wrong-operation", item.pointer, item=item.id, state=status.state.value, operation=use
        )
    if status.date is None:
        raise _refuse(operation, "op-no-date", item.pointer, item=item.id)
    return _append(operation, ledger, item, status)


def close(
    ledger: Ledger,
    inspection: str,
    problem: str,
    *,
    date: PartialDate,
    evidence: tuple[str, ...] = (),
    measure: str | None = None,
    note: str | None = None,
) -> Ledger:
    """Close (销号) a problem or a measure: append a closed status with its evidence.

    A problem is closed only when every measure is done (a measure with no status is
    not) and there is evidence: given here, or on its measures or their current statuses.
    A measure is closed only on evidence given here or on the measure.

    Args:
        ledger: the ledger to change.
        inspection: the id of the inspection.
        problem: the id of the problem.
        date: the day (or month) of the closing.
        evidence: references to evidence (佐证材料) for the closing.
        measure: the id of the measure, to close the measure rather than the problem.
        note: the wording of the report.

    Returns:
        The new ledger.

    Raises:
        OperationError: ``op-unknown-inspection``, ``op-unknown-problem``, ``op-unknown-measure``;
            ``op-already-closed``; ``op-measures-not-done``; ``op-no-evidence``; ``op-before-previous``,
            ``op-before-feedback``; ``op-evidence-lost``; ``op-count-mismatch``; ``op-would-break``.
    """
    operation = "close"
    item = _find(operation, ledger, inspection, problem, measure)
    current = item.history[-1] if item.history else None
    if current is not None and current.state is State.CLOSED:
        raise _refuse(operation, "op-already-closed", item.pointer, item=item.id)
    status = Status(State.CLOSED, date, note, tuple(evidence))
    if item.measure is None:
        _check_finished(operation, item.with_status(status), item.pointer)
    elif not (evidence or item.measure.evidence):
        raise _refuse(operation, "op-no-evidence", item.pointer, item=item.id)
    return _append(operation, ledger, item, status)


def reopen(
    ledger: Ledger,
    inspection: str,
    problem: str,
    *,
    date: PartialDate,
    note: str | None = None,
    measure: str | None = None,
) -> Ledger:
    """Reopen a problem or a measure found not done after all: append a reopened status.

    Only a done item (completed, deemed completed, long-term or closed) is reopened.
    A measure of a completed or closed problem is reopened after the problem.

    Args:
        ledger: the ledger to change.
        inspection: the id of the inspection.
        problem: the id of the problem.
        date: when it was reopened.
        note: the wording of the report.
        measure: the id of the measure, to reopen the measure rather than the problem.

    Returns:
        The new ledger.

    Raises:
        OperationError: ``op-unknown-inspection``, ``op-unknown-problem``, ``op-unknown-measure``;
            ``op-not-done``; ``op-before-previous``; ``op-problem-finished``; ``op-count-mismatch``;
            ``op-would-break``.
    """
    operation = "reopen"
    item = _find(operation, ledger, inspection, problem, measure)
    current = item.history[-1] if item.history else None
    if current is None or not current.state.is_done:
        state = None if current is None else current.state.value
        raise _refuse(operation, "op-not-done", item.pointer, item=item.id, state=state)
    return _append(operation, ledger, item, Status(State.REOPENED, date, note))


def link(
    ledger: Ledger,
    inspection: str,
    problem: str,
    *,
    to_inspection: str,
    to_problem: str,
    kind: LinkKind,
    note: str | None = None,
) -> Ledger:
    """Link a problem to a problem of an earlier round of the same unit.

    The target's round must certainly come before the problem's: each round is dated
    by its first known date (start, end, feedback, plan, as-of, report). Its unit must
    be the problem's unit or one that unit continues, by the ledger's successions.

    Args:
        ledger: the ledger to change.
        inspection: the id of the inspection of the problem.
        problem: the id of the problem.
        to_inspection: the id of the earlier inspection.
        to_problem: the id of the problem in it.
        kind: recurrence, incomplete rectification, look-back review or related.
        note: what the report says of the link.

    Returns:
        The new ledger.

    Raises:
        OperationError: ``op-unknown-inspection``, ``op-unknown-problem``; ``op-unknown-target``;
            ``op-same-inspection``; ``op-undated-round``; ``op-not-earlier``; ``op-no-unit``;
            ``op-unrelated-units``; ``op-duplicate-link``; ``op-cycle``; ``op-would-break``.
    """
    operation = "link"
    item = _find(operation, ledger, inspection, problem)
    new = Link(kind, to_inspection, to_problem, note)
    links = item.problem.links
    pointer = f"{item.pointer}/links/{len(links)}"
    _check_link(operation, ledger, item.inspection, item.problem, links=links, new=new, pointer=pointer)
    after = _with_problem(ledger, item.n, item.i, attrs.evolve(item.problem, links=(*links, new)))
    _check_acyclic(operation, after, (item.inspection.id, item.problem.id), new, pointer)
    return _commit(operation, ledger, after, item.n)

"""Operations that keep a ledger over time: add problems and measures, record progress, close, reopen, link.

A ledger is immutable. Every operation takes one and returns a new ledger with the
change made, or raises :class:`~rectmodel.errors.OperationError` and leaves the
ledger as it was. An operation refuses any change that would give the ledger a
rule error it did not have. It checks itself only what makes sense for an edit
(an unknown id, an id taken, a missing date, a link it cannot place in time or
unit, …); for the rest it runs the error rules on the changed problem before and
after the change, and names the first new finding by one table (``_CODES``) as a
refusal of its own (a measure nobody answers for, a state going backwards, a
closing without evidence, …). A last check runs every error rule on the changed
inspection, so that a ledger which already has errors can still be worked on but
never gains one.

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

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import chain
from typing import Any

import attrs

from .dates import PartialDate
from .diagnostics import Severity
from .errors import OperationError
from .messages import OpCode
from .model import Inspection, Ledger, Link, LinkKind, Measure, Problem, State, Status
from .rules import RULES, Config
from .rules._registry import Context, link_index
from .rules._walk import Finding, Location, Plan, walk
from .units import LinkGraph, iter_links, node_key, node_name, round_date

__all__ = ["add_measure", "add_problem", "close", "link", "record_progress", "reopen"]

# The rules that compare declared counts with what an inspection itemizes and its statuses.
_COUNT_RULES = ("declared-count-mismatch", "declared-sum-mismatch", "declared-rate-mismatch")

_Finding = tuple[str, str, Mapping[str, Any]]  # rule, pointer, params


def _refuse(operation: str, code: OpCode, pointer: str, /, **params: object) -> OperationError:
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


# ---------------------------------------------------------------- rule findings as refusals


# One table reads a new rule finding as a refusal: (rule, the value of the parameter that tells
# the rule's cases apart, whether it is on the changed item or in it) → (code, parameters). A
# finding on the changed item points where the rule checked; one on the problem of a changed
# measure is the measure's doing (the problem is finished, or has lost its evidence) and points
# at the measure. A parameter comes from the rule's parameter of that name, or from ``:element``
# (the id of the element checked), ``:item`` (the id of the changed item), ``:inspection`` (the
# id of its inspection), ``:target`` (the inspection a link names), or ``:all`` (every parameter).
_CASE = {"dangling-reference": "kind", "dates-out-of-order": "field", "link-forward-in-time": "reason"}
_BEFORE_FEEDBACK = (OpCode.BEFORE_FEEDBACK, {"item": ":element", "field": "field", "date": "date", "feedback": "other"})
_CODES: dict[tuple[str, str | None, bool], tuple[OpCode, dict[str, str]]] = {
    ("measure-without-responsibility", None, True): (OpCode.NO_RESPONSIBILITY, {"measure": "measure"}),
    ("measure-without-deadline", None, True): (OpCode.NO_DEADLINE, {"measure": "measure"}),
    ("measure-without-status", None, True): (OpCode.NO_STATUS, {"measure": "measure"}),
    ("dangling-reference", "group", True): (OpCode.UNKNOWN_GROUP, {"inspection": ":inspection", "group": "target"}),
    ("dangling-reference", "link", True): (OpCode.UNKNOWN_TARGET, {"target": "target"}),
    ("dates-out-of-order", "deadline", True): _BEFORE_FEEDBACK,
    ("dates-out-of-order", "completion", True): _BEFORE_FEEDBACK,
    ("dates-out-of-order", "status", True):
        (OpCode.BEFORE_PREVIOUS, {"item": ":element", "date": "date", "previous": "other"}),
    ("status-regression", None, True): (OpCode.REGRESSION, {"item": "item", "previous": "previous", "state": "state"}),
    ("status-inconsistent", None, True): (OpCode.MEASURES_NOT_DONE, {":all": ""}),
    ("status-inconsistent", None, False): (OpCode.PROBLEM_FINISHED, {":all": ""}),
    ("closed-without-evidence", None, True): (OpCode.NO_EVIDENCE, {"item": "item"}),
    ("closed-without-evidence", None, False): (OpCode.EVIDENCE_LOST, {"problem": "item", "measure": ":item"}),
    ("link-forward-in-time", "same-round", True): (OpCode.SAME_INSPECTION, {"target": "target"}),
    ("link-forward-in-time", "later", True): (OpCode.NOT_EARLIER, {
        "inspection": ":inspection", "date": "date", "target": ":target", "target_date": "target_date"}),
    ("link-unit-mismatch", None, True):
        (OpCode.UNRELATED_UNITS, {"unit": "unit", "target": ":target", "target_unit": "target_unit"}),
}  # fmt: skip


def _refusal_params(spec: Mapping[str, str], finding: Finding, item: _Item) -> dict[str, Any]:
    """The refusal's parameters for *finding*, as *spec* (a ``_CODES`` entry) maps them."""
    params = finding.diagnostic.params
    if ":all" in spec:
        return dict(params)
    sources: dict[str, Any] = {
        ":element": getattr(finding.element, "id", None),
        ":item": item.id,
        ":inspection": item.inspection.id,
        ":target": getattr(finding.element, "inspection", None),
    }
    return {name: sources[source] if source.startswith(":") else params[source] for name, source in spec.items()}


def _problem_findings(ledger: Ledger, n: int, i: int) -> list[Finding]:
    """What the error rules find on problem *i* of inspection *n*, its measures and links (none if absent)."""
    if i >= len(ledger.inspections[n].problems):
        return []
    found = walk(ledger, Context(ledger), _plan(), Location(n, i))
    return [f for f in found if f.diagnostic.severity is Severity.ERROR]


# What an edit holds a document of unknown kind to, beyond its kind's rules: a measure added
# names who answers for it (operations keep ledgers, where measures always do).
_EDIT_POLICY = {"measure-without-responsibility:unknown": Severity.ERROR}


@functools.cache
def _plan(names: frozenset[str] | None = None) -> Plan:
    """The rules *names* (default: all) as they apply to each kind of document, as edits hold them."""
    return Config(select=names, severities=_EDIT_POLICY).plan()


def _new_findings(before: list[Finding], after: list[Finding]) -> list[Finding]:
    """The findings of *after* that *before* does not have (by rule, pointer, parameters, related)."""
    remaining = Counter(f.diagnostic for f in before)
    new: list[Finding] = []
    for finding in after:
        if remaining[finding.diagnostic] > 0:
            remaining[finding.diagnostic] -= 1
        else:
            new.append(finding)
    return new


def _within(pointer: str, item: str) -> bool:
    return pointer == item or pointer.startswith(item + "/")


def _check_rules(operation: str, before: Ledger, after: Ledger, item: _Item) -> None:
    """Refuse the change to *item* if the rules find something new on its problem, by ``_CODES``.

    Findings on the item itself (or in it) come first, then those on its problem.
    """
    new = _new_findings(_problem_findings(before, item.n, item.i), _problem_findings(after, item.n, item.i))
    ordered = sorted(new, key=lambda f: not _within(f.at, item.pointer))
    for finding in ordered:
        d = finding.diagnostic
        own = _within(finding.at, item.pointer)
        how = _CODES.get((d.rule, d.params.get(_CASE[d.rule]) if d.rule in _CASE else None, own))
        if how is not None:
            code, spec = how
            raise _refuse(operation, code, finding.at if own else item.pointer, **_refusal_params(spec, finding, item))


def _find_inspection(operation: str, ledger: Ledger, inspection: str) -> tuple[int, Inspection]:
    for n, x in enumerate(ledger.inspections):
        if x.id == inspection:
            return n, x
    raise _refuse(operation, OpCode.UNKNOWN_INSPECTION, "/inspections", inspection=inspection)


def _find(operation: str, ledger: Ledger, inspection: str, problem: str, measure: str | None = None) -> _Item:
    n, x = _find_inspection(operation, ledger, inspection)
    i, p = next(((i, p) for i, p in enumerate(x.problems) if p.id == problem), (None, None))
    if i is None or p is None:
        raise _refuse(operation, OpCode.UNKNOWN_PROBLEM, f"/inspections/{n}/problems", inspection=x.id, problem=problem)
    if measure is None:
        return _Item(n, x, i, p)
    j, m = next(((j, m) for j, m in enumerate(p.measures) if m.id == measure), (None, None))
    if j is None or m is None:
        pointer = f"/inspections/{n}/problems/{i}/measures"
        raise _refuse(operation, OpCode.UNKNOWN_MEASURE, pointer, problem=p.id, measure=measure)
    return _Item(n, x, i, p, j, m)


def _check_measures_have_status(operation: str, problem: Problem, pointer: str) -> None:
    """Refuse a problem completed or closed while a measure has no status: for an edit, that is not done.

    (A measure with a status that is not done, the rules refuse: ``status-inconsistent``.)
    """
    current = problem.status
    if current is None or not current.state.is_finished:
        return
    for measure in problem.measures:
        if measure.status is None:
            raise _refuse(operation, OpCode.MEASURES_NOT_DONE, pointer, problem=problem.id, state=current.state.value,
                          measure=measure.id, measure_state=None)  # fmt: skip


def _check_link(
    operation: str, ledger: Ledger, source: Inspection, problem: Problem, *, new: Link, pointer: str
) -> None:
    """Refuse a link the rules let pass but an edit must not make.

    The target's round must certainly be earlier (so both rounds dated), both rounds must
    name their unit, and *problem* must not already link to the target.
    """
    target = link_index(Context(ledger)).rounds.get(new.inspection)
    if target is None:
        return  # dangling: the rules refuse it
    when, target_when = round_date(source), target.date
    if when is None:
        raise _refuse(operation, OpCode.UNDATED_ROUND, pointer, inspection=source.id)
    if target_when is None:
        raise _refuse(operation, OpCode.UNDATED_ROUND, pointer, inspection=target.id)
    if not target_when.certainly_before(when):
        params = {"inspection": source.id, "date": str(when), "target": target.id, "target_date": str(target_when)}
        raise _refuse(operation, OpCode.NOT_EARLIER, pointer, **params)
    if source.unit is None:
        raise _refuse(operation, OpCode.NO_UNIT, pointer, inspection=source.id)
    if target.unit is None:
        raise _refuse(operation, OpCode.NO_UNIT, pointer, inspection=target.id)
    for k, other in enumerate(problem.links):
        if (other.inspection, other.problem) == (new.inspection, new.problem):
            item_pointer = pointer.rsplit("/links/", 1)[0]
            target_name = f"{new.inspection}/{new.problem}"
            raise _refuse(
                operation, OpCode.DUPLICATE_LINK, f"{item_pointer}/links/{k}", item=problem.id, target=target_name
            )


def _check_acyclic(operation: str, after: Ledger, item: _Item, new: Iterable[int]) -> None:
    """Refuse the links *new* (their places among the item's links in *after*) if one leads back to its problem.

    ``link-cycle`` reports one cycle per knot of links; an edit must not add any, even to a
    knot already there, so the refusal asks the link graph for a path back and names it.
    """
    graph = LinkGraph((site.source, site.target) for site in iter_links(after))
    problem = after.inspections[item.n].problems[item.i]
    source = node_key(item.inspection.id, problem.id)
    for k in new:
        path = graph.path(node_key(problem.links[k].inspection, problem.links[k].problem), source)
        if path is not None:
            cycle = " → ".join(node_name(u) for u in (source, *path))
            raise _refuse(operation, OpCode.CYCLE, f"{item.pointer}/links/{k}", source=node_name(source), path=cycle)


def _findings(ledger: Ledger, n: int, names: Iterable[str]) -> list[_Finding]:
    """What the rules *names* find in inspection *n* (and, for ledger rules, in the whole ledger)."""
    plan = _plan(frozenset(names))
    found = chain(
        walk(ledger, Context(ledger), Plan(ledger=plan.ledger)), walk(ledger, Context(ledger), plan, Location(n))
    )
    return [
        (f.diagnostic.rule, f.diagnostic.pointer, f.diagnostic.params)
        for f in found
        if f.diagnostic.severity is Severity.ERROR
    ]


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
        raise _refuse(operation, OpCode.COUNT_MISMATCH, pointer, rule=rule, params=dict(params))
    new = _new(_findings(before, n, RULES), _findings(after, n, RULES))
    if new:
        rule, pointer, params = new[0]
        rules = ", ".join(dict.fromkeys(f[0] for f in new))
        pointers = ", ".join(dict.fromkeys(f[1] for f in new))
        raise _refuse(
            operation, OpCode.WOULD_BREAK, pointer, rule=rule, params=dict(params), rules=rules, pointers=pointers
        )
    return after


def _append(operation: str, ledger: Ledger, item: _Item, status: Status) -> Ledger:
    """Append *status* to the history of *item*, or refuse."""
    problem = item.with_status(status)
    after = _with_problem(ledger, item.n, item.i, problem)
    _check_rules(operation, ledger, after, item)
    if item.measure is None:
        _check_measures_have_status(operation, problem, item.pointer)
    return _commit(operation, ledger, after, item.n)


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
            taken in the inspection); ``op-no-measure``; ``op-no-responsibility``; ``op-unknown-group``;
            ``op-before-feedback``, ``op-before-previous``, ``op-regression`` (a deadline or a history);
            ``op-measures-not-done``, ``op-no-evidence`` (its statuses); a link's refusal (see :func:`link`);
            ``op-count-mismatch``; ``op-would-break``.
    """
    operation = "add_problem"
    n, x = _find_inspection(operation, ledger, inspection)
    i = len(x.problems)
    pointer = f"/inspections/{n}/problems/{i}"
    for k, other in enumerate(x.problems):
        if other.id == problem.id:
            params = {"inspection": x.id, "kind": "problem", "id": problem.id}
            raise _refuse(operation, OpCode.DUPLICATE_ID, f"/inspections/{n}/problems/{k}", **params)
    if not problem.measures:
        raise _refuse(operation, OpCode.NO_MEASURE, pointer, problem=problem.id)
    taken = {
        m.id: f"/inspections/{n}/problems/{k}/measures/{j}"
        for k, p in enumerate(x.problems)
        for j, m in enumerate(p.measures)
    }
    for j, measure in enumerate(problem.measures):
        if measure.id in taken:
            params = {"inspection": x.id, "kind": "measure", "id": measure.id}
            raise _refuse(operation, OpCode.DUPLICATE_ID, taken[measure.id], **params)
        taken[measure.id] = f"{pointer}/measures/{j}"
    after = _with_problem(ledger, n, i, problem)
    item = _Item(n, x, i, problem)
    _check_rules(operation, ledger, after, item)
    _check_measures_have_status(operation, problem, pointer)
    for k, new in enumerate(problem.links):
        earlier = attrs.evolve(problem, links=problem.links[:k])
        _check_link(operation, after, x, earlier, new=new, pointer=f"{pointer}/links/{k}")
    _check_acyclic(operation, after, item, range(len(problem.links)))
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
            taken in the inspection); ``op-no-responsibility``; ``op-before-feedback``, ``op-before-previous``,
            ``op-regression`` (its deadline or history); ``op-no-evidence`` (closed without evidence);
            ``op-problem-finished`` (not done, under a completed or closed problem); ``op-count-mismatch``;
            ``op-would-break``.
    """
    operation = "add_measure"
    found = _find(operation, ledger, inspection, problem)
    x, n = found.inspection, found.n
    for i, p in enumerate(x.problems):
        for j, m in enumerate(p.measures):
            if m.id == measure.id:
                params = {"inspection": x.id, "kind": "measure", "id": measure.id}
                raise _refuse(operation, OpCode.DUPLICATE_ID, f"/inspections/{n}/problems/{i}/measures/{j}", **params)
    changed = attrs.evolve(found.problem, measures=(*found.problem.measures, measure))
    after = _with_problem(ledger, n, found.i, changed)
    item = _Item(n, x, found.i, changed, len(found.problem.measures), measure)
    _check_rules(operation, ledger, after, item)
    current = changed.status
    if current is not None and current.state.is_finished and measure.status is None:
        raise _refuse(operation, OpCode.PROBLEM_FINISHED, item.pointer, problem=changed.id, state=current.state.value,
                      measure=measure.id, measure_state=None)  # fmt: skip
    return _commit(operation, ledger, after, n)


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
            operation, OpCode.WRONG_OPERATION, item.pointer, item=item.id, state=status.state.value, operation=use
        )
    if status.date is None:
        raise _refuse(operation, OpCode.NO_DATE, item.pointer, item=item.id)
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
        raise _refuse(operation, OpCode.ALREADY_CLOSED, item.pointer, item=item.id)
    return _append(operation, ledger, item, Status(State.CLOSED, date, note, tuple(evidence)))


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
        raise _refuse(operation, OpCode.NOT_DONE, item.pointer, item=item.id, state=state)
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
    k = len(item.problem.links)
    after = _with_problem(ledger, item.n, item.i, attrs.evolve(item.problem, links=(*item.problem.links, new)))
    _check_rules(operation, ledger, after, item)
    _check_link(operation, after, item.inspection, item.problem, new=new, pointer=f"{item.pointer}/links/{k}")
    _check_acyclic(operation, after, item, (k,))
    return _commit(operation, ledger, after, item.n)

"""Single-fault mutators: break exactly one rule of a valid ledger, and say where.

A mutator takes a ledger that passes every rule and a ``random.Random`` that picks
the site, and returns a ``Violation``: the broken ledger with the rule and the JSON
Pointer at which ``validate`` must report it, and nothing else. Where the ledger
offers no site for the fault (no feedback date to be overdue from, say), it
returns ``None``. Every rule in ``rectmodel.rules.RULES`` has one; the test suite
fails if a rule is added without.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import PartialDate
from ..model import (
    DATE_CHAIN,
    DeclaredCounts,
    Inspection,
    Ledger,
    Link,
    LinkKind,
    Measure,
    MeasureLevel,
    Problem,
    Responsibility,
    State,
    Status,
    itemize,
)
from ..rules.counts import problem_outcomes, rate_matches
from ..units import LinkGraph, Units, node_key, round_date
from ._ledgers import DECLARABLE, declared_for, ledgers

__all__ = ["MUTATORS", "Mutator", "Violation", "violations"]

T = TypeVar("T")


@attrs.frozen
class Violation:
    """A ledger broken in one known way.

    Args:
        ledger: the broken ledger.
        rule: the one rule it breaks.
        pointer: where ``validate`` reports it.
    """

    ledger: Ledger
    rule: str
    pointer: str


class Mutator(Protocol):
    """Breaks one rule of a valid ledger at a site *rnd* picks; ``None`` if the ledger offers no site."""

    def __call__(self, ledger: Ledger, rnd: random.Random, /) -> Violation | None: ...  # pragma: no cover


MUTATORS: dict[str, Mutator] = {}


def _mutator(name: str) -> Callable[[Mutator], Mutator]:
    def register(fn: Mutator) -> Mutator:
        MUTATORS[name] = fn
        return fn

    return register


def _replace(seq: tuple[T, ...], index: int, value: T) -> tuple[T, ...]:
    return (*seq[:index], value, *seq[index + 1 :])


def _with_inspection(ledger: Ledger, n: int, inspection: Inspection) -> Ledger:
    return attrs.evolve(ledger, inspections=_replace(ledger.inspections, n, inspection))


def _with_problem(inspection: Inspection, i: int, problem: Problem) -> Inspection:
    return attrs.evolve(inspection, problems=_replace(inspection.problems, i, problem))


def _redeclare(inspection: Inspection) -> Inspection:
    """Recompute the counts the inspection declares, so that only the intended fault remains."""
    if inspection.declared == DeclaredCounts():
        return inspection
    names = [n for n in DECLARABLE if getattr(inspection.declared, n) is not None]
    rate = inspection.declared.completion_rate or ""
    decimals = len(rate.rstrip("%").partition(".")[2])
    return attrs.evolve(inspection, declared=declared_for(inspection, names, decimals))


def _pick(rnd: random.Random, items: Sequence[T]) -> T | None:
    return rnd.choice(items) if items else None


def _sites(ledger: Ledger) -> list[tuple[int, int]]:
    """(inspection, problem) index pairs."""
    return [(n, i) for n, x in enumerate(ledger.inspections) for i in range(len(x.problems))]


def _measure_sites(ledger: Ledger) -> list[tuple[int, int, int]]:
    return [
        (n, i, j)
        for n, x in enumerate(ledger.inspections)
        for i, p in enumerate(x.problems)
        for j in range(len(p.measures))
    ]


def _fresh(taken: set[str], stem: str) -> str:
    k = 1
    while f"{stem}{k}" in taken:
        k += 1
    return f"{stem}{k}"


@_mutator("duplicate-id")
def _duplicate_id(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A new problem whose one measure repeats the id of an existing measure of the inspection."""
    site = _pick(rnd, _measure_sites(ledger))
    if site is None:
        return None
    n, i, j = site
    inspection = ledger.inspections[n]
    copied = inspection.problems[i].measures[j]
    taken = {p.id for p in inspection.problems}
    # A done state keeps the new problem's measures consistent with anything; no history, no date to order.
    problem = Problem(_fresh(taken, "dup-"), "重复编号的问题", measures=(copied,), history=(Status(State.IN_PROGRESS),))
    changed = _redeclare(attrs.evolve(inspection, problems=(*inspection.problems, problem)))
    pointer = f"/inspections/{n}/problems/{len(inspection.problems)}/measures/0/id"
    return Violation(_with_inspection(ledger, n, changed), "duplicate-id", pointer)


@_mutator("dangling-reference")
def _dangling_reference(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A problem that names a group the inspection does not have."""
    site = _pick(rnd, _sites(ledger))
    if site is None:
        return None
    n, i = site
    inspection = ledger.inspections[n]
    missing = _fresh({g.id for g in inspection.groups}, "no-such-group-")
    problem = attrs.evolve(inspection.problems[i], group=missing)
    broken = _with_inspection(ledger, n, _with_problem(inspection, i, problem))
    return Violation(broken, "dangling-reference", f"/inspections/{n}/problems/{i}/group")


@_mutator("declared-count-mismatch")
def _declared_count_mismatch(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A declared count of groups, tasks or measures off by a few (not problems: they are the outcomes' total)."""
    options = []
    for n, inspection in enumerate(ledger.inspections):
        itemized = itemize(inspection)
        options += [(n, name) for name in ("aspects", "categories", "tasks", "measures") if getattr(itemized, name)]
    choice = _pick(rnd, options)
    if choice is None:
        return None
    n, name = choice
    inspection = ledger.inspections[n]
    wrong = getattr(itemize(inspection), name) + rnd.randint(1, 3)
    changed = attrs.evolve(inspection, declared=attrs.evolve(inspection.declared, **{name: wrong}))
    return Violation(
        _with_inspection(ledger, n, changed), "declared-count-mismatch", f"/inspections/{n}/declared/{name}"
    )


@_mutator("declared-count-unverifiable")
def _declared_count_unverifiable(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A count declared for a level (of groups, tasks or measures) that the inspection does not itemize."""
    options = []
    for n, inspection in enumerate(ledger.inspections):
        itemized = itemize(inspection)
        options += [(n, name) for name in ("aspects", "categories", "tasks", "measures") if not getattr(itemized, name)]
    choice = _pick(rnd, options)
    if choice is None:
        return None
    n, name = choice
    inspection = ledger.inspections[n]
    claim: dict[str, Any] = {name: rnd.randint(1, 60)}
    changed = attrs.evolve(inspection, declared=attrs.evolve(inspection.declared, **claim))
    pointer = f"/inspections/{n}/declared/{name}"
    return Violation(_with_inspection(ledger, n, changed), "declared-count-unverifiable", pointer)


def _all_with_status(inspection: Inspection) -> Inspection:
    """Give every problem without a status a ``not_started`` one (an undated first status breaks nothing)."""
    problems = tuple(
        p if p.history else attrs.evolve(p, history=(Status(State.NOT_STARTED),)) for p in inspection.problems
    )
    return attrs.evolve(inspection, problems=problems)


@_mutator("declared-sum-mismatch")
def _declared_sum_mismatch(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """Completed, long-term and in-progress counts that are each right but leave a not-started problem out."""
    site = _pick(rnd, _sites(ledger))
    if site is None:
        return None
    n, i = site
    inspection = _all_with_status(ledger.inspections[n])
    inspection = _with_problem(
        inspection, i, attrs.evolve(inspection.problems[i], history=(Status(State.NOT_STARTED),))
    )
    outcomes = problem_outcomes(inspection)  # every problem has a status now
    assert outcomes is not None
    counts: dict[str, Any] = {name: outcomes[name] for name in ("completed", "long_term", "in_progress")}
    declared = attrs.evolve(inspection.declared, problems=None, not_completed=None, completion_rate=None, **counts)
    changed = attrs.evolve(inspection, declared=declared)
    return Violation(_with_inspection(ledger, n, changed), "declared-sum-mismatch", f"/inspections/{n}/declared")


@_mutator("declared-rate-mismatch")
def _declared_rate_mismatch(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A completion rate that neither reading of the completed (and long-term) count gives."""
    n = rnd.randrange(len(ledger.inspections)) if ledger.inspections else None
    if n is None or not ledger.inspections[n].problems:
        return None
    inspection = ledger.inspections[n]
    if inspection.declared.completed is None:
        inspection = _all_with_status(inspection)
    d = inspection.declared
    outcomes = problem_outcomes(inspection) or {}  # the rule's own reading of the counts
    completed = d.completed if d.completed is not None else outcomes["completed"]
    long_term = d.long_term if d.long_term is not None else outcomes.get("long_term", 0)
    total = d.problems if d.problems is not None else len(inspection.problems)
    wrong = [
        r
        for r in range(101)
        if not (rate_matches(Decimal(r), completed, total) or rate_matches(Decimal(r), completed + long_term, total))
    ]
    changed = attrs.evolve(inspection, declared=attrs.evolve(d, completion_rate=f"{rnd.choice(wrong)}%"))
    pointer = f"/inspections/{n}/declared/completion_rate"
    return Violation(_with_inspection(ledger, n, changed), "declared-rate-mismatch", pointer)


@_mutator("dates-out-of-order")
def _dates_out_of_order(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """An on-site end the day before the on-site start (the round's earliest date)."""
    options = [n for n, x in enumerate(ledger.inspections) if any(getattr(x, f) is not None for f in DATE_CHAIN)]
    n = _pick(rnd, options)
    if n is None:
        return None
    inspection = ledger.inspections[n]
    start = inspection.start or next(d for f in DATE_CHAIN if (d := getattr(inspection, f)) is not None)
    end = PartialDate.from_date(start.first - _dt.timedelta(days=1))
    changed = attrs.evolve(inspection, start=start, end=end)
    return Violation(_with_inspection(ledger, n, changed), "dates-out-of-order", f"/inspections/{n}/end")


def _someone(inspection: Inspection) -> Responsibility:
    for problem in inspection.problems:
        for measure in problem.measures:
            if measure.responsibility is not None and not measure.responsibility.is_empty:
                return measure.responsibility
    return Responsibility(departments=("办公室",))


@_mutator("deadline-passed")
def _deadline_passed(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A new problem with a measure still in progress whose deadline fell between feedback and the as-of date."""
    options = []
    for n, x in enumerate(ledger.inspections):
        as_of = x.as_of or x.report_date
        if as_of is None:
            continue
        if x.feedback_date is None:
            options.append((n, as_of.first - _dt.timedelta(days=1)))
        elif as_of.certainly_after(x.feedback_date):
            options.append((n, x.feedback_date.last))
    choice = _pick(rnd, options)
    if choice is None:
        return None
    n, day = choice
    inspection = ledger.inspections[n]
    taken = {p.id for p in inspection.problems}
    measures = {m.id for p in inspection.problems for m in p.measures}
    pid = _fresh(taken, "late-")
    measure = Measure(
        _fresh(measures, f"{pid}-M"),
        "逾期未完成的整改措施",
        level=next((m.level for p in inspection.problems for m in p.measures), MeasureLevel.MEASURE),
        responsibility=_someone(inspection),
        deadline=PartialDate.from_date(day),
        history=(Status(State.IN_PROGRESS),),
    )
    problem = Problem(pid, "整改逾期的问题", measures=(measure,), history=(Status(State.IN_PROGRESS),))
    changed = _redeclare(attrs.evolve(inspection, problems=(*inspection.problems, problem)))
    pointer = f"/inspections/{n}/problems/{len(inspection.problems)}/measures/0/deadline"
    return Violation(_with_inspection(ledger, n, changed), "deadline-passed", pointer)


@_mutator("report-overdue")
def _report_overdue(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A report dated three months after feedback (the as-of date kept where it was, so no deadline moves)."""
    n = _pick(rnd, [n for n, x in enumerate(ledger.inspections) if x.feedback_date is not None])
    if n is None:
        return None
    inspection = ledger.inspections[n]
    feedback = inspection.feedback_date
    assert feedback is not None
    as_of = inspection.as_of
    if as_of is None:  # pin the deadline rule's date to one already shown, not the new report date
        as_of = next(d for d in (inspection.report_date, inspection.plan_date, feedback) if d is not None)
    report = PartialDate.from_date(feedback.last + _dt.timedelta(days=rnd.randint(95, 110)))
    changed = attrs.evolve(inspection, as_of=as_of, report_date=report)
    return Violation(_with_inspection(ledger, n, changed), "report-overdue", f"/inspections/{n}/report_date")


@_mutator("problem-without-measure")
def _problem_without_measure(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A problem whose measures are all taken away (its own closing evidence, if closed, stays)."""
    options = [
        (n, i)
        for n, i in _sites(ledger)
        if not (
            (p := ledger.inspections[n].problems[i]).history
            and p.history[-1].state is State.CLOSED
            and not p.history[-1].evidence
        )
    ]
    site = _pick(rnd, options)
    if site is None:
        return None
    n, i = site
    inspection = ledger.inspections[n]
    changed = _redeclare(_with_problem(inspection, i, attrs.evolve(inspection.problems[i], measures=())))
    return Violation(_with_inspection(ledger, n, changed), "problem-without-measure", f"/inspections/{n}/problems/{i}")


def _with_measure(ledger: Ledger, n: int, i: int, j: int, measure: Measure) -> Ledger:
    inspection = ledger.inspections[n]
    problem = inspection.problems[i]
    problem = attrs.evolve(problem, measures=_replace(problem.measures, j, measure))
    return _with_inspection(ledger, n, _with_problem(inspection, i, problem))


@_mutator("measure-without-responsibility")
def _measure_without_responsibility(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A measure that names nobody (no responsibility, or an empty one)."""
    site = _pick(rnd, _measure_sites(ledger))
    if site is None:
        return None
    n, i, j = site
    measure = ledger.inspections[n].problems[i].measures[j]
    nobody = rnd.choice((None, Responsibility()))
    broken = _with_measure(ledger, n, i, j, attrs.evolve(measure, responsibility=nobody))
    return Violation(broken, "measure-without-responsibility", f"/inspections/{n}/problems/{i}/measures/{j}")


@_mutator("status-inconsistent")
def _status_inconsistent(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A problem declared completed while one of its measures is still in progress (with no deadline to pass)."""
    site = _pick(rnd, _measure_sites(ledger))
    if site is None:
        return None
    n, i, j = site
    inspection = ledger.inspections[n]
    problem = inspection.problems[i]
    measure = attrs.evolve(problem.measures[j], history=(Status(State.IN_PROGRESS),), deadline=None)
    problem = attrs.evolve(problem, measures=_replace(problem.measures, j, measure), history=(Status(State.COMPLETED),))
    changed = _redeclare(_with_problem(inspection, i, problem))
    pointer = f"/inspections/{n}/problems/{i}/history/0"
    return Violation(_with_inspection(ledger, n, changed), "status-inconsistent", pointer)


@_mutator("status-regression")
def _status_regression(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A measure closed (with evidence) and then merely completed, without a reopening in between."""
    site = _pick(rnd, _measure_sites(ledger))
    if site is None:
        return None
    n, i, j = site
    measure = ledger.inspections[n].problems[i].measures[j]
    date = measure.history[-1].date if measure.history else None
    history = (Status(State.CLOSED, date, evidence=("销号审批表",)), Status(State.COMPLETED, date))
    broken = _with_measure(ledger, n, i, j, attrs.evolve(measure, history=history))
    pointer = f"/inspections/{n}/problems/{i}/measures/{j}/history/1"
    return Violation(broken, "status-regression", pointer)


@_mutator("closed-without-evidence")
def _closed_without_evidence(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A measure closed with no evidence on the status or the measure."""
    site = _pick(rnd, _measure_sites(ledger))
    if site is None:
        return None
    n, i, j = site
    inspection = ledger.inspections[n]
    problem = inspection.problems[i]
    if problem.history and problem.history[-1].state is State.CLOSED and not problem.history[-1].evidence:
        return None  # the problem's closure may rest on this measure's evidence
    measure = problem.measures[j]
    date = measure.history[-1].date if measure.history else None
    history = (
        (*measure.history, Status(State.CLOSED, date))
        if measure.history and measure.history[-1].state.is_done
        else (Status(State.CLOSED),)
    )
    broken = _with_measure(ledger, n, i, j, attrs.evolve(measure, history=history, evidence=()))
    pointer = f"/inspections/{n}/problems/{i}/measures/{j}/history/{len(history) - 1}"
    return Violation(broken, "closed-without-evidence", pointer)


def _with_link(ledger: Ledger, n: int, i: int, link: Link) -> tuple[Ledger, str]:
    """The ledger with *link* added to problem *i* of inspection *n*, and the new link's pointer."""
    inspection = ledger.inspections[n]
    problem = inspection.problems[i]
    changed = _with_problem(inspection, i, attrs.evolve(problem, links=(*problem.links, link)))
    return _with_inspection(ledger, n, changed), f"/inspections/{n}/problems/{i}/links/{len(problem.links)}"


def _ordered_rounds(ledger: Ledger, *, same_unit: bool) -> list[tuple[int, int]]:
    """(earlier, later) inspection index pairs, certainly in that order in time, of the same unit or not."""
    units = Units.of((ledger,))
    dated = [(n, x, round_date(x)) for n, x in enumerate(ledger.inspections) if x.unit is not None and x.problems]
    return [
        (m, n)
        for m, y, earlier in dated
        for n, x, later in dated
        if earlier is not None
        and later is not None
        and earlier.certainly_before(later)
        and units.same(y.unit or "", x.unit or "") is same_unit
    ]


@_mutator("link-forward-in-time")
def _link_forward_in_time(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A link from a problem to one of a later round of its unit, or to another problem of its own round."""
    graph = LinkGraph.of((ledger,))
    options: list[tuple[int, int, int, int]] = [
        (m, q, n, p)
        for m, n in _ordered_rounds(ledger, same_unit=True)
        for q in range(len(ledger.inspections[m].problems))
        for p in range(len(ledger.inspections[n].problems))
    ]
    options += [
        (n, q, n, p)
        for n, x in enumerate(ledger.inspections)
        for q in range(len(x.problems))
        for p in range(len(x.problems))
        if p != q
    ]
    rnd.shuffle(options)
    for m, q, n, p in options:
        source, target = ledger.inspections[m], ledger.inspections[n]
        if graph.path(node_key(target.id, target.problems[p].id), node_key(source.id, source.problems[q].id)):
            continue  # it would close a cycle too
        broken, pointer = _with_link(ledger, m, q, Link(LinkKind.RECURRENCE, target.id, target.problems[p].id))
        return Violation(broken, "link-forward-in-time", pointer)
    return None


@_mutator("link-unit-mismatch")
def _link_unit_mismatch(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A link to a problem of an earlier round of another unit, with no succession between them."""
    pair = _pick(rnd, _ordered_rounds(ledger, same_unit=False))
    if pair is None:
        return None
    m, n = pair
    earlier, later = ledger.inspections[m], ledger.inspections[n]
    target = rnd.choice(earlier.problems)
    i = rnd.randrange(len(later.problems))
    broken, pointer = _with_link(ledger, n, i, Link(LinkKind.RECURRENCE, earlier.id, target.id))
    return Violation(broken, "link-unit-mismatch", pointer)


@_mutator("link-cycle")
def _link_cycle(ledger: Ledger, rnd: random.Random) -> Violation | None:
    """A link back along an existing link, between two rounds whose dates are taken away (so time cannot tell)."""
    index = {x.id: n for n, x in enumerate(ledger.inspections)}
    options = [
        (n, i, link)
        for n, x in enumerate(ledger.inspections)
        for i, p in enumerate(x.problems)
        for link in p.links
        if link.inspection != x.id and link.inspection in index
    ]
    choice = _pick(rnd, options)
    if choice is None:
        return None
    n, i, link = choice
    m = index[link.inspection]
    q = next(k for k, p in enumerate(ledger.inspections[m].problems) if p.id == link.problem)
    undated: dict[str, Any] = dict.fromkeys(DATE_CHAIN)
    for k in (n, m):
        ledger = _with_inspection(ledger, k, attrs.evolve(ledger.inspections[k], **undated))
    source = ledger.inspections[n]
    broken, pointer = _with_link(ledger, m, q, Link(LinkKind.RELATED, source.id, source.problems[i].id))
    old = f"/inspections/{n}/problems/{i}/links/{ledger.inspections[n].problems[i].links.index(link)}"
    first = min(pointer, old, key=lambda s: tuple(int(part) for part in s.split("/") if part.isdigit()))
    return Violation(broken, "link-cycle", first)


@st.composite
def _violations(
    draw: Callable[[SearchStrategy[Any]], Any], names: tuple[str, ...], base: SearchStrategy[Ledger]
) -> Violation:
    ledger = draw(base)
    rnd = draw(st.randoms(use_true_random=False))
    order = draw(st.permutations(names))
    for name in order:
        found = MUTATORS[name](ledger, rnd)
        if found is not None:
            return found
    reject()  # none of these rules can be broken in this ledger
    raise AssertionError("unreachable: reject() raises")


def violations(
    rules: Sequence[str] | None = None, *, base: SearchStrategy[Ledger] | None = None
) -> SearchStrategy[Violation]:
    """Valid ledgers broken in exactly one way, by a mutator of one of *rules* (default: every rule).

    Args:
        rules: the rules to break; each needs a mutator in ``MUTATORS``.
        base: the valid ledgers to break (default: ``ledgers()``).

    Raises:
        KeyError: a rule with no mutator.
    """
    names = tuple(rules) if rules is not None else tuple(MUTATORS)
    missing = [name for name in names if name not in MUTATORS]
    if missing:
        raise KeyError(f"no mutator for {', '.join(missing)}")
    return _violations(names, base if base is not None else ledgers())

"""Single-fault mutators: break exactly one rule of a valid ledger, and say where.

A mutator takes a ledger that passes every rule and a ``random.Random`` that picks
the site, and returns a ``Violation``: the broken ledger with the rule and the JSON
Pointer at which ``validate`` must report it, and nothing else. Where the ledger
offers no site for the fault (no feedback date to be overdue from, say), it
returns ``None``. Every rule in ``rectmodel.rules.RULES`` has one; the test suite
fails if a rule is added without.

Each mutator is registered with the kind of site it breaks (an inspection, a declared
count, a problem, a measure, a pair of rounds or of problems); the registration picks
the site, and the mutator says only what it changes there and where the rule reports it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, Protocol, Self, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import DeadlineTerm, PartialDate
from ..model import (
    COUNT_LEVELS,
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
from ..rules import RULES
from ..rules.counts import problem_outcomes, rate_matches
from ..units import LinkGraph, Units, iter_links, node_key, round_date
from ._ledgers import DECLARABLE, declared_for, ledgers

__all__ = ["MUTATORS", "Mutator", "Violation", "violations"]

T = TypeVar("T")
S = TypeVar("S")


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

# What a fault gives: the broken ledger, and where the rule reports it.
Broken = tuple[Ledger, str]


def _mutator(
    rule: str, sites: Callable[[Ledger], Iterable[S]], where: Callable[[S], object] | None = None
) -> Callable[[Callable[[S, random.Random], Broken]], Mutator]:
    """Register a fault as the mutator of *rule*: made at one of the ledger's *sites* (those *where* holds)."""

    def register(fault: Callable[[S, random.Random], Broken]) -> Mutator:
        def mutate(ledger: Ledger, rnd: random.Random, /) -> Violation | None:
            found = [site for site in sites(ledger) if where is None or where(site)]
            if not found:
                return None
            broken, pointer = fault(rnd.choice(found), rnd)
            return Violation(broken, rule, pointer)

        MUTATORS[rule] = functools.update_wrapper(mutate, fault)
        return mutate

    return register


# --- sites -------------------------------------------------------------------------------------------------


def _replace(seq: tuple[T, ...], index: int, value: T) -> tuple[T, ...]:
    return (*seq[:index], value, *seq[index + 1 :])


def _redeclare(inspection: Inspection) -> Inspection:
    """Recompute the counts the inspection declares, so that only the intended fault remains."""
    if inspection.declared == DeclaredCounts():
        return inspection
    names = [n for n in DECLARABLE if getattr(inspection.declared, n) is not None]
    rate = inspection.declared.completion_rate or ""
    decimals = len(rate.rstrip("%").partition(".")[2])
    return attrs.evolve(inspection, declared=declared_for(inspection, names, decimals))


@attrs.frozen
class _Site:
    """A place in inspection *n* of a version of a ledger."""

    ledger: Ledger
    n: int

    @property
    def inspection(self) -> Inspection:
        return self.ledger.inspections[self.n]

    def on(self, ledger: Ledger) -> Self:
        """The same place in another version of the ledger."""
        return attrs.evolve(self, ledger=ledger)


@attrs.frozen
class _InspectionSite(_Site):
    """An inspection."""

    @property
    def pointer(self) -> str:
        return f"/inspections/{self.n}"

    @property
    def problems(self) -> list[_ProblemSite]:
        return [_ProblemSite(self.ledger, self.n, i) for i in range(len(self.inspection.problems))]

    def replace(self, inspection: Inspection) -> Ledger:
        """The ledger with this inspection replaced, as it is (its declared counts too)."""
        return attrs.evolve(self.ledger, inspections=_replace(self.ledger.inspections, self.n, inspection))

    def evolve(self, **changes: Any) -> Ledger:
        return self.replace(attrs.evolve(self.inspection, **changes))

    def add_problem(self, problem: Problem) -> Broken:
        """The ledger with *problem* added last (and the counts declared anew), and the problem's pointer."""
        problems = self.inspection.problems
        changed = _redeclare(attrs.evolve(self.inspection, problems=(*problems, problem)))
        return self.replace(changed), f"{self.pointer}/problems/{len(problems)}"


@attrs.frozen
class _ProblemSite(_Site):
    """Problem *i* of the inspection."""

    i: int

    @property
    def up(self) -> _InspectionSite:
        return _InspectionSite(self.ledger, self.n)

    @property
    def problem(self) -> Problem:
        return self.inspection.problems[self.i]

    @property
    def pointer(self) -> str:
        return f"/inspections/{self.n}/problems/{self.i}"

    @property
    def measures(self) -> list[_MeasureSite]:
        return [_MeasureSite(self.ledger, self.n, self.i, j) for j in range(len(self.problem.measures))]

    @property
    def key(self) -> str:
        return node_key(self.inspection.id, self.problem.id)

    def replace(self, problem: Problem) -> Ledger:
        """The ledger with this problem replaced, and the counts its inspection declares made right again."""
        problems = _replace(self.inspection.problems, self.i, problem)
        return self.up.replace(_redeclare(attrs.evolve(self.inspection, problems=problems)))

    def evolve(self, **changes: Any) -> Ledger:
        return self.replace(attrs.evolve(self.problem, **changes))

    def link_to(self, target: _ProblemSite, kind: LinkKind) -> Broken:
        """The ledger with a link from this problem to *target* added last, and the link's pointer."""
        links = self.problem.links
        link = Link(kind, target.inspection.id, target.problem.id)
        return self.evolve(links=(*links, link)), f"{self.pointer}/links/{len(links)}"


@attrs.frozen
class _MeasureSite(_Site):
    """Measure *j* of problem *i* of the inspection."""

    i: int
    j: int

    @property
    def up(self) -> _ProblemSite:
        return _ProblemSite(self.ledger, self.n, self.i)

    @property
    def measure(self) -> Measure:
        return self.inspection.problems[self.i].measures[self.j]

    @property
    def pointer(self) -> str:
        return f"/inspections/{self.n}/problems/{self.i}/measures/{self.j}"

    def evolve(self, **changes: Any) -> Ledger:
        up = self.up
        return up.evolve(measures=_replace(up.problem.measures, self.j, attrs.evolve(self.measure, **changes)))


@attrs.frozen
class _DeclaredSite:
    """The count of a level an inspection's preamble may declare, with what the inspection itemizes of it."""

    at: _InspectionSite
    level: str
    itemized: int

    @property
    def pointer(self) -> str:
        return f"{self.at.pointer}/declared/{self.level}"

    def claim(self, count: int) -> Ledger:
        """The ledger with *count* declared for the level (no other count changed)."""
        claim: dict[str, Any] = {self.level: count}
        return self.at.evolve(declared=attrs.evolve(self.at.inspection.declared, **claim))


def _inspections(ledger: Ledger) -> list[_InspectionSite]:
    return [_InspectionSite(ledger, n) for n in range(len(ledger.inspections))]


def _problems(ledger: Ledger) -> list[_ProblemSite]:
    return [site for at in _inspections(ledger) for site in at.problems]


def _measures(ledger: Ledger) -> list[_MeasureSite]:
    return [site for problem in _problems(ledger) for site in problem.measures]


def _declared_levels(ledger: Ledger) -> list[_DeclaredSite]:
    """The declarable level counts of every inspection; not problems, which are the outcomes' total."""
    sites = []
    for at in _inspections(ledger):
        itemized = itemize(at.inspection)
        sites += [_DeclaredSite(at, level, getattr(itemized, level)) for level in COUNT_LEVELS if level != "problems"]
    return sites


def _ordered_rounds(ledger: Ledger, *, same_unit: bool) -> list[tuple[_InspectionSite, _InspectionSite]]:
    """(earlier, later) rounds with problems, certainly in that order in time, of the same unit or not."""
    units = Units.of((ledger,))
    dated = [
        (at, at.inspection.unit, date)
        for at in _inspections(ledger)
        if at.inspection.problems and (date := round_date(at.inspection)) is not None
    ]
    return [
        (earlier, later)
        for earlier, unit, before in dated
        for later, later_unit, after in dated
        if unit is not None
        and later_unit is not None
        and before.certainly_before(after)
        and units.same(unit, later_unit) is same_unit
    ]


def _forward_links(ledger: Ledger) -> list[tuple[_ProblemSite, _ProblemSite]]:
    """(source, target) problems: the target of a later round of the source's unit, or another of its round.

    Only those a link would not close a cycle through, so that the link breaks no other rule.
    """
    rounds = [*_ordered_rounds(ledger, same_unit=True), *((at, at) for at in _inspections(ledger))]
    graph = LinkGraph.of((ledger,))
    return [
        (source, target)
        for earlier, later in rounds
        for source in earlier.problems
        for target in later.problems
        if source != target and graph.path(target.key, source.key) is None
    ]


def _links_between_rounds(ledger: Ledger) -> list[tuple[str, _ProblemSite, _ProblemSite]]:
    """Each link from a problem to one of another round of the ledger: its pointer, its problem, its target."""
    problems = {(site.inspection.id, site.problem.id): site for site in _problems(ledger)}
    return [
        (link.pointer, problems[link.inspection.id, link.problem], problems[link.link.inspection, link.link.problem])
        for link in iter_links(ledger)
        if link.link.inspection != link.inspection.id and (link.link.inspection, link.link.problem) in problems
    ]


# --- what each fault changes ---------------------------------------------------------------------------------


def _fresh(taken: set[str], stem: str) -> str:
    k = 1
    while f"{stem}{k}" in taken:
        k += 1
    return f"{stem}{k}"


def _closed_on_its_measures(problem: Problem) -> bool:
    """Whether the problem is closed with no evidence of its own: its closure rests on its measures' evidence."""
    return problem.status is not None and problem.status.state is State.CLOSED and not problem.status.evidence


def _all_with_status(inspection: Inspection) -> Inspection:
    """Give every problem without a status a ``not_started`` one (an undated first status breaks nothing)."""
    problems = tuple(
        p if p.history else attrs.evolve(p, history=(Status(State.NOT_STARTED),)) for p in inspection.problems
    )
    return attrs.evolve(inspection, problems=problems)


def _someone(inspection: Inspection) -> Responsibility:
    """Someone a measure of the inspection answers to already (or an office), for a new measure."""
    for problem in inspection.problems:
        for measure in problem.measures:
            if measure.responsibility is not None and not measure.responsibility.is_empty:
                return measure.responsibility
    return Responsibility(departments=("办公室",))


def _overdue_day(inspection: Inspection) -> _dt.date | None:
    """A day for a deadline to fall on: certainly before the as-of date, not certainly before feedback."""
    as_of = inspection.as_of or inspection.report_date
    feedback = inspection.feedback_date
    if as_of is None:
        return None
    if feedback is None:
        return as_of.first - _dt.timedelta(days=1)
    return feedback.last if as_of.certainly_after(feedback) else None


@_mutator("duplicate-id", _measures)
def _duplicate_id(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A new problem whose one measure repeats the id of an existing measure of the inspection."""
    at = site.up.up
    taken = {p.id for p in at.inspection.problems}
    # Unfinished and undated, the new problem agrees with its measure's state and has no date to order.
    copy = Problem(
        _fresh(taken, "dup-"), "重复编号的问题", measures=(site.measure,), history=(Status(State.IN_PROGRESS),)
    )
    broken, pointer = at.add_problem(copy)
    return broken, f"{pointer}/measures/0/id"


@_mutator("dangling-reference", _problems)
def _dangling_reference(site: _ProblemSite, rnd: random.Random) -> Broken:
    """A problem that names a group the inspection does not have."""
    missing = _fresh({g.id for g in site.inspection.groups}, "no-such-group-")
    return site.evolve(group=missing), f"{site.pointer}/group"


@_mutator("declared-count-mismatch", _declared_levels, where=lambda site: site.itemized)
def _declared_count_mismatch(site: _DeclaredSite, rnd: random.Random) -> Broken:
    """A declared count of groups, tasks or measures off by a few."""
    return site.claim(site.itemized + rnd.randint(1, 3)), site.pointer


@_mutator("declared-count-unverifiable", _declared_levels, where=lambda site: not site.itemized)
def _declared_count_unverifiable(site: _DeclaredSite, rnd: random.Random) -> Broken:
    """A count declared for a level (of groups, tasks or measures) that the inspection does not itemize."""
    return site.claim(rnd.randint(1, 60)), site.pointer


@_mutator("declared-sum-mismatch", _problems)
def _declared_sum_mismatch(site: _ProblemSite, rnd: random.Random) -> Broken:
    """Outcome counts that are each right but leave a not-started problem out (no not-completed count)."""
    at = site.up.on(site.evolve(history=(Status(State.NOT_STARTED),)))
    inspection = _all_with_status(at.inspection)
    outcomes: dict[str, Any] | None = problem_outcomes(inspection)  # every problem has a status now
    assert outcomes is not None
    del outcomes["not_completed"]
    declared = attrs.evolve(inspection.declared, problems=None, not_completed=None, completion_rate=None, **outcomes)
    return at.replace(attrs.evolve(inspection, declared=declared)), f"{at.pointer}/declared"


@_mutator("declared-rate-mismatch", _inspections, where=lambda site: site.inspection.problems)
def _declared_rate_mismatch(site: _InspectionSite, rnd: random.Random) -> Broken:
    """A completion rate that neither reading of the completed (and long-term) count gives."""
    inspection = site.inspection
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
    declared = attrs.evolve(d, completion_rate=f"{rnd.choice(wrong)}%")
    return site.replace(attrs.evolve(inspection, declared=declared)), f"{site.pointer}/declared/completion_rate"


@_mutator("dates-out-of-order", _inspections, where=lambda site: round_date(site.inspection))
def _dates_out_of_order(site: _InspectionSite, rnd: random.Random) -> Broken:
    """An on-site end the day before the on-site start (the round's earliest date)."""
    start = round_date(site.inspection)
    assert start is not None
    end = PartialDate.from_date(start.first - _dt.timedelta(days=1))
    return site.evolve(start=start, end=end), f"{site.pointer}/end"


@_mutator("deadline-passed", _inspections, where=lambda site: _overdue_day(site.inspection))
def _deadline_passed(site: _InspectionSite, rnd: random.Random) -> Broken:
    """A new problem with a measure still in progress whose deadline fell between feedback and the as-of date."""
    inspection = site.inspection
    day = _overdue_day(inspection)
    assert day is not None
    pid = _fresh({p.id for p in inspection.problems}, "late-")
    measure = Measure(
        _fresh({m.id for p in inspection.problems for m in p.measures}, f"{pid}-M"),
        "逾期未完成的整改措施",
        level=next((m.level for p in inspection.problems for m in p.measures), MeasureLevel.MEASURE),
        responsibility=_someone(inspection),
        deadline=PartialDate.from_date(day),
        history=(Status(State.IN_PROGRESS),),
    )
    problem = Problem(pid, "整改逾期的问题", measures=(measure,), history=(Status(State.IN_PROGRESS),))
    broken, pointer = site.add_problem(problem)
    return broken, f"{pointer}/measures/0/deadline"


@_mutator("report-overdue", _inspections, where=lambda site: site.inspection.feedback_date)
def _report_overdue(site: _InspectionSite, rnd: random.Random) -> Broken:
    """A report dated three months after feedback (the as-of date kept where it was, so no deadline moves)."""
    x = site.inspection
    feedback = x.feedback_date
    assert feedback is not None
    # Pin the deadline rule's date to one already shown, not the new report date.
    as_of = next(d for d in (x.as_of, x.report_date, x.plan_date, feedback) if d is not None)
    report = PartialDate.from_date(feedback.last + _dt.timedelta(days=rnd.randint(95, 110)))
    return site.evolve(as_of=as_of, report_date=report), f"{site.pointer}/report_date"


@_mutator("problem-without-measure", _problems, where=lambda site: not _closed_on_its_measures(site.problem))
def _problem_without_measure(site: _ProblemSite, rnd: random.Random) -> Broken:
    """A problem whose measures are all taken away."""
    return site.evolve(measures=()), site.pointer


def _applies(rule: str) -> Callable[[_Site], bool]:
    """Whether *rule* applies to the kind of document the site's inspection is (by default)."""
    return lambda site: RULES[rule].severity_for(site.inspection.document) is not None


@_mutator("measure-without-responsibility", _measures, where=_applies("measure-without-responsibility"))
def _measure_without_responsibility(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A measure of a plan or a ledger that names nobody (no responsibility, or an empty one)."""
    return site.evolve(responsibility=rnd.choice((None, Responsibility()))), site.pointer


@_mutator("measure-without-deadline", _measures, where=_applies("measure-without-deadline"))
def _measure_without_deadline(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A measure of a plan or a ledger with its deadline taken away."""
    return site.evolve(deadline=None), site.pointer


@_mutator(
    "measure-without-status",
    _measures,
    where=lambda site: _applies("measure-without-status")(site) and not _closed_on_its_measures(site.up.problem),
)
def _measure_without_status(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A measure of a ledger with its history taken away (not one whose evidence closes its problem)."""
    return site.evolve(history=()), site.pointer


@_mutator("missing-fact", _inspections, where=lambda site: _applies("missing-fact")(site) and site.inspection.problems)
def _missing_fact(site: _InspectionSite, rnd: random.Random) -> Broken:
    """A document of a known kind that no longer names its inspecting group or the inspected unit."""
    fact = rnd.choice(("inspector", "target"))
    return site.evolve(**{fact: None}), f"{site.pointer}/{fact}"


@_mutator("empty-document", lambda ledger: [ledger])
def _empty_document(ledger: Ledger, rnd: random.Random) -> Broken:
    """Every inspection of the document emptied: no group, no problem, no declared count."""
    emptied = tuple(attrs.evolve(x, groups=(), problems=(), declared=DeclaredCounts()) for x in ledger.inspections)
    return attrs.evolve(ledger, inspections=emptied), ""


@_mutator("status-inconsistent", _measures)
def _status_inconsistent(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A problem declared completed while one of its measures is still in progress (ongoing: no deadline to pass)."""
    problem = site.up.on(site.evolve(history=(Status(State.IN_PROGRESS),), deadline=DeadlineTerm.ONGOING))
    return problem.evolve(history=(Status(State.COMPLETED),)), f"{problem.pointer}/history/0"


@_mutator("status-regression", _measures)
def _status_regression(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A measure closed (with evidence) and then merely completed, without a reopening in between."""
    date = site.measure.status.date if site.measure.status else None
    history = (Status(State.CLOSED, date, evidence=("销号审批表",)), Status(State.COMPLETED, date))
    return site.evolve(history=history), f"{site.pointer}/history/1"


@_mutator("closed-without-evidence", _measures, where=lambda site: not _closed_on_its_measures(site.up.problem))
def _closed_without_evidence(site: _MeasureSite, rnd: random.Random) -> Broken:
    """A measure closed with no evidence on the status or the measure."""
    status = site.measure.status
    if status is not None and status.state.is_done:
        history = (*site.measure.history, Status(State.CLOSED, status.date))
    else:
        history = (Status(State.CLOSED),)
    return site.evolve(history=history, evidence=()), f"{site.pointer}/history/{len(history) - 1}"


@_mutator("link-forward-in-time", _forward_links)
def _link_forward_in_time(site: tuple[_ProblemSite, _ProblemSite], rnd: random.Random) -> Broken:
    """A link from a problem to one of a later round of its unit, or to another problem of its own round."""
    source, target = site
    return source.link_to(target, LinkKind.RECURRENCE)


@_mutator("link-unit-mismatch", functools.partial(_ordered_rounds, same_unit=False))
def _link_unit_mismatch(site: tuple[_InspectionSite, _InspectionSite], rnd: random.Random) -> Broken:
    """A link to a problem of an earlier round of another unit, with no succession between them."""
    earlier, later = site
    target = rnd.choice(earlier.problems)
    return rnd.choice(later.problems).link_to(target, LinkKind.RECURRENCE)


@_mutator("link-cycle", _links_between_rounds)
def _link_cycle(site: tuple[str, _ProblemSite, _ProblemSite], rnd: random.Random) -> Broken:
    """A link back along an existing link, between two rounds whose dates are taken away (so time cannot tell).

    Undated, the two rounds are documents of unknown kind: of a known kind, each would miss its dates.
    """
    pointer, source, target = site
    undated: dict[str, Any] = {**dict.fromkeys(DATE_CHAIN), "document": None}
    ledger = target.up.on(source.up.evolve(**undated)).evolve(**undated)
    broken, back = target.on(ledger).link_to(source, LinkKind.RELATED)
    # The rule reports a cycle at its first link in document order.
    first = min(pointer, back, key=lambda s: tuple(int(part) for part in s.split("/") if part.isdigit()))
    return broken, first


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

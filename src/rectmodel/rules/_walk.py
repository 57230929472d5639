"""The traversal: one walk over a ledger that hands each element to the rules of its scope.

Rules yield facts relative to the element they check; the walk turns them into
diagnostics with absolute pointers. A level no selected rule checks is not walked.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from attrs import field, frozen

from ..diagnostics import Diagnostic, Severity
from ..model import DocumentKind, Inspection, Ledger, Problem
from ._registry import SCOPES, Check, Context, Fact, Rule, Scope

__all__ = ["Finding", "Location", "Plan", "walk"]

_Entry = tuple[Rule, Severity]


@frozen
class _Bucket:
    """The checks of one scope, and for each the rule and severity it reports as."""

    checks: tuple[Check, ...] = ()
    entries: tuple[_Entry, ...] = ()

    def entry(self, check: Check) -> _Entry:
        return self.entries[self.checks.index(check)]


def _bucket(entries: list[_Entry], scope: Scope) -> _Bucket:
    checks: list[Check] = []
    for r, _ in entries:
        check = r.check
        if check in checks:  # two rules sharing a check: tell them apart by identity
            check = functools.partial(check)
        checks.append(check)
    return _Bucket(tuple(checks), tuple(entries))


@frozen
class Plan:
    """The rules to run, bucketed by the scope they check, each with the severity to report at.

    An inspection whose document is of a kind *by_kind* names is checked by that kind's
    plan instead (the ledger's own rules always come from this one).
    """

    ledger: _Bucket = _Bucket()
    inspection: _Bucket = _Bucket()
    group: _Bucket = _Bucket()
    problem: _Bucket = _Bucket()
    measure: _Bucket = _Bucket()
    link: _Bucket = _Bucket()
    by_kind: Mapping[DocumentKind | None, Plan] = field(factory=dict)

    @classmethod
    def of(
        cls, rules: Iterable[tuple[Rule, Severity]], by_kind: Mapping[DocumentKind | None, Plan] | None = None
    ) -> Plan:
        """The plan running *rules*, each at its severity, in the order given."""
        by_scope: dict[Scope, list[_Entry]] = {}
        for r, severity in rules:
            for scope in r.scopes:
                by_scope.setdefault(scope, []).append((r, severity))
        return cls(**{scope: _bucket(entries, scope) for scope, entries in by_scope.items()}, by_kind=by_kind or {})

    def part(self, *, across: bool) -> Plan:
        """The checks that consult other documents (*across*: links, and ledger rules marked so), or the others.

        A batch runs the others as it reads each file, and these once the index of every file is built.
        """

        def keep(bucket: _Bucket, scope: Scope) -> _Bucket:
            if scope == "link":
                return bucket if across else _Bucket()
            if scope != "ledger":
                return _Bucket() if across else bucket
            return _bucket([e for e in bucket.entries if e[0].across == across], scope)

        buckets = {scope: keep(getattr(self, scope), scope) for scope in SCOPES}
        by_kind = {kind: plan.part(across=across) for kind, plan in self.by_kind.items()}
        return Plan(**buckets, by_kind=by_kind)

    @property
    def checks_below_the_ledger(self) -> bool:
        """Whether any inspection, in any kind of document, has a rule to run."""
        own = self.inspection.checks or self.group.checks or self.problem.checks
        return bool(own or self.measure.checks or self.link.checks) or any(
            p.checks_below_the_ledger for p in self.by_kind.values()
        )


@frozen
class Location:
    """Where a restricted walk goes: one inspection, or one problem of it with its measures and links.

    Ledger rules do not run; for a problem, neither do the inspection's own rules nor its groups'.
    """

    inspection: int
    problem: int | None = None


@frozen
class Finding:
    """A diagnostic with the element it was found on: its scope, the element, its pointer."""

    diagnostic: Diagnostic
    scope: Scope
    element: Any
    at: str


def _resolve(at: str, pointer: str) -> str:
    """*pointer* (relative to the element at *at*, relative JSON Pointer, or ``#``-absolute) made absolute."""
    if not pointer or pointer[0] == "/":
        return at + pointer
    if pointer[0] == "#":
        return pointer[1:]
    up, slash, rest = pointer.partition("/")
    tokens = at.split("/")
    return "/".join(tokens[: len(tokens) - int(up)]) + slash + rest


def _finding(bucket: _Bucket, check: Check, fact: Fact, ctx: Context, element: object) -> Finding:
    rule, severity = bucket.entry(check)
    at = ctx.pointer()
    related = tuple(_resolve(at, r) for r in fact.related)
    return Finding(Diagnostic(rule.name, severity, at + fact.pointer, fact.params, related), ctx.scope, element, at)


def walk(ledger: Ledger, ctx: Context, plan: Plan, where: Location | None = None) -> Iterator[Finding]:
    """Check every element of *ledger* (or only those *where* names) with the rules of *plan*, lazily.

    Ledger rules come first, then each inspection in document order: its own rules, its
    groups', and per problem the problem's, its measures' and its links'.
    """
    if where is None:
        ctx.scope = "ledger"
        for check in plan.ledger.checks:
            for fact in check(ledger, ctx):
                yield _finding(plan.ledger, check, fact, ctx, ledger)
    whole = where is None or where.problem is None  # the inspection's own rules and its groups too
    if not plan.checks_below_the_ledger:
        return
    if where is None:
        inspections: Iterable[tuple[int, Inspection]] = enumerate(ledger.inspections)
    else:
        inspections = ((where.inspection, ledger.inspections[where.inspection]),)
    base = plan
    for n, inspection in inspections:
        plan = base.by_kind.get(inspection.document, base)
        inspection_checks, group_checks = plan.inspection.checks, plan.group.checks
        problem_checks, measure_checks, link_checks = plan.problem.checks, plan.measure.checks, plan.link.checks
        ctx.enter(n, inspection)
        if whole:
            ctx.scope = "inspection"
            for check in inspection_checks:
                for fact in check(inspection, ctx):
                    yield _finding(plan.inspection, check, fact, ctx, inspection)
            if group_checks:
                ctx.scope = "group"
                for g, group in enumerate(inspection.groups):
                    ctx.g = g
                    for check in group_checks:
                        for fact in check(group, ctx):
                            yield _finding(plan.group, check, fact, ctx, group)
        if not (problem_checks or measure_checks or link_checks):
            continue
        if where is None or where.problem is None:
            problems: Iterable[tuple[int, Problem]] = enumerate(inspection.problems)
        else:
            problems = ((where.problem, inspection.problems[where.problem]),)
        for i, problem in problems:
            ctx.i, ctx.problem = i, problem
            yield from _walk_problem(problem, ctx, plan, (problem_checks, measure_checks, link_checks))


def _walk_problem(
    problem: Problem, ctx: Context, plan: Plan, checks: tuple[tuple[Check, ...], ...]
) -> Iterator[Finding]:
    """Check one problem, its measures and its links."""
    problem_checks, measure_checks, link_checks = checks
    if problem_checks:
        ctx.scope = "problem"
        for check in problem_checks:
            for fact in check(problem, ctx):
                yield _finding(plan.problem, check, fact, ctx, problem)
    if measure_checks:
        ctx.scope = "measure"
        for j, measure in enumerate(problem.measures):
            ctx.j = j
            for check in measure_checks:
                for fact in check(measure, ctx):
                    yield _finding(plan.measure, check, fact, ctx, measure)
    if link_checks and problem.links:
        ctx.scope = "link"
        for k, link in enumerate(problem.links):
            ctx.k = k
            for check in link_checks:
                for fact in check(link, ctx):
                    yield _finding(plan.link, check, fact, ctx, link)

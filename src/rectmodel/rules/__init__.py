"""Consistency rules, and the one pass that runs them all.

Each rule family lives in its own module and registers its rules in ``RULES``.
A rule checks one kind of element (an inspection, a problem, a measure, …) and
yields bare facts with pointers relative to it; the traversal (``_walk``) walks
the ledger once, hands every element to the rules of its scope, and adds the
path, the severity and the rule name. No rule stops another.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping

from attrs import field, frozen

from ..diagnostics import Diagnostic, Report, Severity, ValidationError, Waiver
from ..model import Ledger
from . import counts, coverage, dates, identity, links, status
from ._registry import RULES, Context, Rule
from ._walk import Plan, walk

__all__ = ["RULES", "Config", "Rule", "check", "iter_diagnostics", "validate"]

_FAMILIES = (identity, counts, dates, coverage, status, links)  # imported for their registrations


def _optional_set(names: Iterable[str] | None) -> frozenset[str] | None:
    return None if names is None else frozenset(names)


@frozen
class Config:
    """Which rules run, at what severity, and with which settings.

    Args:
        select: run only these rules (None: all).
        ignore: never run these rules.
        severities: severity overrides by rule name.
        report_due_months: months after feedback by which the rectification report is due
            (2 by the 2015 inspection regulation); used by ``report-overdue``.

    Raises:
        ValueError: a rule name that is not in the registry.
    """

    select: frozenset[str] | None = field(default=None, converter=_optional_set)
    ignore: frozenset[str] = field(default=frozenset(), converter=frozenset)
    severities: Mapping[str, Severity] = field(factory=dict)
    report_due_months: int = 2

    def __attrs_post_init__(self) -> None:
        named = set(self.select or ()) | set(self.ignore) | set(self.severities)
        unknown = sorted(named - set(RULES))
        if unknown:
            raise ValueError(f"unknown rule{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")

    def rules(self) -> list[Rule]:
        """The rules this configuration runs, in registry order."""
        return [
            r for name, r in RULES.items() if (self.select is None or name in self.select) and name not in self.ignore
        ]

    def plan(self) -> Plan:
        """The rules this configuration runs, bucketed by scope, each at its severity."""
        return Plan.of((r, self.severities.get(r.name, r.severity)) for r in self.rules())


def iter_diagnostics(
    ledger: Ledger, config: Config | None = None, *, others: Iterable[Ledger] = ()
) -> Iterator[Diagnostic]:
    """Yield every diagnostic of every rule, lazily, in document order (per element, in rule order).

    The ledger is walked once: ledger-wide rules first, then each inspection, its
    groups, and each problem with its measures and links.
    *others* are documents that links of *ledger* may point into (other files of
    the same units); they are consulted, not checked.

    >>> from rectmodel import Inspection, Ledger
    >>> ledger = Ledger((Inspection("i", "regular", "市委第一巡察组", "某局党组"),) * 2)
    >>> [str(d) for d in iter_diagnostics(ledger)]
    ['error duplicate-id /inspections/1/id: duplicate inspection id "i"']
    """
    config = config or Config()
    ctx = Context(ledger, config.report_due_months, tuple(others))
    for finding in walk(ledger, ctx, config.plan()):
        yield finding.diagnostic


def validate(
    ledger: Ledger, config: Config | None = None, waivers: Iterable[Waiver] = (), *, others: Iterable[Ledger] = ()
) -> Report:
    """Run every rule and return the report: diagnostics worst first, waived ones set aside.

    *others* are documents that links of *ledger* may point into; they are consulted, not checked.
    """
    gc_was_enabled = gc.isenabled()
    # The pass builds nothing cyclic; a collection now would only rescan the ledger (straight
    # after loads, millions of young objects), as loads itself avoids doing.
    gc.disable()
    try:
        return Report.build(iter_diagnostics(ledger, config, others=others), waivers)
    finally:
        if gc_was_enabled:
            gc.enable()


def check(
    ledger: Ledger, config: Config | None = None, waivers: Iterable[Waiver] = (), *, others: Iterable[Ledger] = ()
) -> Report:
    """Validate *ledger*; return the report if it has no error.

    Raises:
        ValidationError: the ledger has errors; the exception holds the report.
    """
    report = validate(ledger, config, waivers, others=others)
    if not report.ok:
        raise ValidationError(report)
    return report

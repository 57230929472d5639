"""Consistency rules, and the one pass that runs them all.

Each rule family lives in its own module and registers its rules in ``RULES``.
A rule checks one kind of element (an inspection, a problem, a measure, …) and
yields bare facts with pointers relative to it; the traversal (``_walk``) walks
the ledger once, hands every element to the rules of its scope, and adds the
path, the severity and the rule name. No rule stops another.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from attrs import field, frozen

from .._collector import pause, resume
from ..diagnostics import Diagnostic, Report, Severity, ValidationError, Waiver
from ..errors import ConfigError
from ..messages import ConfigCode
from ..model import DocumentKind, Ledger
from ..units import LinkIndex
from . import counts, coverage, dates, facts, identity, links, status
from ._registry import RULES, Context, Rule
from ._walk import Plan, walk

__all__ = ["RULES", "Config", "Plan", "Rule", "check", "iter_diagnostics", "iter_planned", "validate"]

_FAMILIES = (identity, facts, counts, dates, coverage, status, links)  # imported for their registrations


_KINDS = ("unknown", *(k.value for k in DocumentKind))
_MAX_DUE_MONTHS = 1200  # a hundred years: beyond it a setting is a typo


def _optional_set(names: Iterable[str] | None) -> frozenset[str] | None:
    return None if names is None else frozenset(names)


@frozen
class Config:
    """Which rules run, at what severity, and with which settings.

    Args:
        select: run only these rules (None: all).
        ignore: never run these rules.
        severities: severity overrides: by rule name (in every kind of document the rule applies
            to), or by ``rule:kind`` (``measure-without-responsibility:notice``; kind ``unknown``
            for a document of unknown kind), which also makes a rule apply where it is silent.
        report_due_months: months after feedback by which the rectification report is due
            (2 by the 2015 inspection regulation); used by ``report-overdue``. From 0 to 1200.

    Raises:
        ConfigError: a rule name that is not in the registry, a kind that is not one, or months out of range
            (a ``ValueError``; ``message(lang)`` says which in English or Chinese).
    """

    select: frozenset[str] | None = field(default=None, converter=_optional_set)
    ignore: frozenset[str] = field(default=frozenset(), converter=frozenset)
    severities: Mapping[str, Severity] = field(factory=dict)
    report_due_months: int = 2

    def __attrs_post_init__(self) -> None:
        overrides = {name.partition(":")[0] for name in self.severities}
        named = set(self.select or ()) | set(self.ignore) | overrides
        unknown = sorted(named - set(RULES))
        if unknown:
            raise ConfigError(ConfigCode.UNKNOWN_RULES, {"count": len(unknown), "names": ", ".join(unknown)})
        kinds = sorted({k for name in self.severities if (k := name.partition(":")[2]) and k not in _KINDS})
        if kinds:
            raise ConfigError(ConfigCode.UNKNOWN_KIND, {"kinds": ", ".join(kinds), "known": ", ".join(_KINDS)})
        if not 0 <= self.report_due_months <= _MAX_DUE_MONTHS:
            params = {"minimum": 0, "maximum": _MAX_DUE_MONTHS, "months": self.report_due_months}
            raise ConfigError(ConfigCode.DUE_MONTHS, params)

    def rules(self) -> list[Rule]:
        """The rules this configuration runs, in registry order."""
        return [
            r for name, r in RULES.items() if (self.select is None or name in self.select) and name not in self.ignore
        ]

    def severity(self, rule: Rule, kind: DocumentKind | None) -> Severity | None:
        """The severity *rule* reports at in a document of *kind*; None where it does not run there."""
        own = self.severities.get(f"{rule.name}:{kind.value if kind is not None else 'unknown'}")
        if own is not None:
            return own
        default = rule.severity_for(kind)
        return None if default is None else self.severities.get(rule.name, default)

    def plan(self) -> Plan:
        """The rules this configuration runs, bucketed by scope, each at its severity in each kind of document."""
        rules = self.rules()

        def of_kind(kind: DocumentKind | None) -> list[tuple[Rule, Severity]]:
            found = [(r, self.severity(r, kind)) for r in rules]
            return [(r, s) for r, s in found if s is not None and r.scopes != ("ledger",)]

        by_kind: dict[DocumentKind | None, Plan] = {kind: Plan.of(of_kind(kind)) for kind in DocumentKind}
        ledger_rules = [(r, self.severities.get(r.name, r.severity)) for r in rules if r.scopes == ("ledger",)]
        return Plan.of([*ledger_rules, *of_kind(None)], by_kind)


def iter_diagnostics(
    ledger: Ledger, config: Config | None = None, *, others: Iterable[Ledger] = (), links: LinkIndex | None = None
) -> Iterator[Diagnostic]:
    """Yield every diagnostic of every rule, lazily, in document order (per element, in rule order).

    The ledger is walked once: ledger-wide rules first, then each inspection, its
    groups, and each problem with its measures and links.
    *others* are documents that links of *ledger* may point into (other files of
    the same units); they are consulted, not checked. A batch passes *links* instead:
    the index of every document, built once (``LinkIndex.of``, or its ``slice`` for *ledger*).

    >>> from rectmodel import Inspection, Ledger, Measure, Problem
    >>> problem = Problem("P1", "议事决策不规范", measures=(Measure("M1", "修订议事规则"),))
    >>> ledger = Ledger((Inspection("i", "regular", "市委第一巡察组", "某局党组", problems=(problem,)),) * 2)
    >>> [str(d) for d in iter_diagnostics(ledger)]
    ['error duplicate-id /inspections/1/id: duplicate inspection id "i"']
    """
    config = config or Config()
    return iter_planned(ledger, config, config.plan(), others=others, links=links)


def iter_planned(
    ledger: Ledger, config: Config, plan: Plan, *, others: Iterable[Ledger] = (), links: LinkIndex | None = None
) -> Iterator[Diagnostic]:
    """:func:`iter_diagnostics` with *config*'s plan made once (``config.plan()``, or a ``part`` of it).

    A batch makes the plan once per task, and runs its two parts apart: the checks within one
    document as it reads each file, those that consult other documents once every file is indexed.
    """
    ctx = Context(ledger, config.report_due_months, tuple(others), links)
    return (finding.diagnostic for finding in walk(ledger, ctx, plan))


def validate(
    ledger: Ledger,
    config: Config | None = None,
    waivers: Iterable[Waiver] = (),
    *,
    others: Iterable[Ledger] = (),
    links: LinkIndex | None = None,
) -> Report:
    """Run every rule and return the report: diagnostics worst first, waived ones set aside.

    *others* are documents that links of *ledger* may point into; they are consulted, not checked.
    *links*: their index, built once for many documents (see ``iter_diagnostics``).
    """
    # The pass builds nothing cyclic; a collection now would only rescan the ledger (straight
    # after loads, millions of young objects), as loads itself avoids doing. pause() allocates
    # nothing: the collection loads deferred is not triggered here, but at the caller's next allocation.
    was = pause()
    try:
        return Report.build(iter_diagnostics(ledger, config, others=others, links=links), waivers)
    finally:
        resume(was)


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

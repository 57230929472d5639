"""The rule registry: every rule's name, default severity, summary, check and example."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

from attrs import field, frozen

from ..diagnostics import Severity
from ..model import Inspection, Ledger

__all__ = ["RULES", "Context", "Fact", "Rule", "rule"]


@frozen
class Fact:
    """What a rule found: where (relative to its scope), the parameters, related places."""

    pointer: str
    params: Mapping[str, Any] = field(factory=dict)
    related: tuple[str, ...] = ()


@frozen
class Context:
    """What a check may consult besides the element it checks.

    Args:
        ledger: the document being checked.
        report_due_months: months after feedback by which the report is due.
        others: other documents that links may point into (not themselves checked).
    """

    ledger: Ledger
    report_due_months: int = 2
    others: tuple[Ledger, ...] = ()


InspectionCheck = Callable[[Inspection, Context], Iterable[Fact]]
LedgerCheck = Callable[[Ledger, Context], Iterable[Fact]]


@frozen
class Rule:
    """A consistency rule.

    Args:
        name: stable kebab-case name.
        severity: the default severity.
        summary: one line saying what the rule requires.
        scope: ``inspection`` checks get one inspection and give pointers relative to it;
            ``ledger`` checks get the whole ledger and give absolute pointers.
        check: the function that yields facts.
        example: an example finding, with an absolute pointer, for the documentation.
    """

    name: str
    severity: Severity
    summary: str
    scope: Literal["inspection", "ledger"]
    check: Callable[[Any, Context], Iterable[Fact]]
    example: Fact


RULES: dict[str, Rule] = {}


def rule(
    name: str,
    severity: Severity,
    summary: str,
    *,
    example: Fact,
    scope: Literal["inspection", "ledger"] = "inspection",
) -> Callable[[Callable[[Any, Context], Iterator[Fact]]], Callable[[Any, Context], Iterator[Fact]]]:
    """Register the decorated check as the rule *name*."""

    def register(check: Callable[[Any, Context], Iterator[Fact]]) -> Callable[[Any, Context], Iterator[Fact]]:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = Rule(name, severity, summary, scope, check, example)
        return check

    return register

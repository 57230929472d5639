"""The rule registry: every rule's name, default severity, summary, scope, check and example.

A rule checks one kind of element, its *scope*: the ``ledger``, an ``inspection``, a
``group``, a ``problem``, a ``measure`` or a ``link``. Its check gets the element and
a :class:`Context`, and yields bare :class:`Fact` objects whose pointers are relative
to the element; the traversal (``_walk``) hands each element to the rules of its
scope and makes the pointers absolute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal, TypeVar

from attrs import define, field, frozen

from ..diagnostics import Severity
from ..messages import SUMMARIES
from ..model import DocumentKind, Inspection, Ledger, Problem
from ..units import LinkIndex, Shard

__all__ = [
    "KNOWN_KINDS",
    "LEDGER_ONLY",
    "PLAN_AND_LEDGER",
    "RULES",
    "SCOPES",
    "Context",
    "Fact",
    "Rule",
    "Scope",
    "link_index",
    "rule",
]

Scope = Literal["ledger", "inspection", "group", "problem", "measure", "link"]
# Outermost first: the order the traversal nests them in.
SCOPES: tuple[Scope, ...] = ("ledger", "inspection", "group", "problem", "measure", "link")


@frozen
class Fact:
    """What a rule found: where (relative to the element checked), the parameters, related places.

    A related place is a JSON Pointer relative to the element (``/history/0``); a Relative
    JSON Pointer (``4/feedback_date``: four levels up from a measure is its inspection, then
    ``/feedback_date``); or, prefixed with ``#``, an absolute one (``#/inspections/0/id``).
    """

    pointer: str
    params: Mapping[str, Any] = field(factory=dict)
    related: tuple[str, ...] = ()


_T = TypeVar("_T")


@define
class Context:
    """What a check may consult besides the element it checks.

    The traversal keeps it up to date: the scope being checked, the enclosing
    inspection and problem, and where they are. Whatever several checks need of an
    inspection or of the whole validation is computed once (:meth:`once`, :meth:`index`).

    Args:
        ledger: the document being checked.
        report_due_months: months after feedback by which the report is due.
        others: other documents that links may point into (not themselves checked).
        links: what links may name across documents, built once for a batch (see
            :class:`~rectmodel.units.LinkIndex`); None: built from the document and *others*.
    """

    ledger: Ledger
    report_due_months: int = 2
    others: tuple[Ledger, ...] = ()
    links: LinkIndex | None = None
    scope: Scope = field(default="ledger", init=False)
    # The enclosing inspection and problem: set by the traversal before a check below them runs.
    inspection: Inspection = field(init=False)
    problem: Problem = field(init=False)
    # Where the current elements are: inspection, group, problem, measure, link.
    n: int = field(default=0, init=False)
    g: int = field(default=0, init=False)
    i: int = field(default=0, init=False)
    j: int = field(default=0, init=False)
    k: int = field(default=0, init=False)
    _per_inspection: dict[Callable[..., Any], Any] = field(factory=dict, init=False)
    _per_validation: dict[Callable[..., Any], Any] = field(factory=dict, init=False)

    def enter(self, n: int, inspection: Inspection) -> None:
        """Move to inspection *n* (the traversal calls this)."""
        self.n, self.inspection = n, inspection
        self._per_inspection.clear()

    def once(self, compute: Callable[[Inspection], _T]) -> _T:
        """``compute(inspection)`` for the current inspection, computed once however many checks ask."""
        try:
            return self._per_inspection[compute]  # type: ignore[no-any-return]
        except KeyError:
            value = self._per_inspection[compute] = compute(self.inspection)
            return value

    def index(self, build: Callable[[Context], _T]) -> _T:
        """``build(context)``, an index over the whole validation (documents and others), built once."""
        try:
            return self._per_validation[build]  # type: ignore[no-any-return]
        except KeyError:
            value = self._per_validation[build] = build(self)
            return value

    def pointer(self, scope: Scope | None = None) -> str:
        """The absolute pointer of the current element of *scope* (default: the one being checked)."""
        scope = scope or self.scope
        if scope == "ledger":
            return ""
        base = f"/inspections/{self.n}"
        if scope == "inspection":
            return base
        if scope == "group":
            return f"{base}/groups/{self.g}"
        base += f"/problems/{self.i}"
        if scope == "problem":
            return base
        return f"{base}/measures/{self.j}" if scope == "measure" else f"{base}/links/{self.k}"


def link_index(ctx: Context) -> LinkIndex:
    """What links may name: the batch's index, else one built from the document and the others (its own win)."""
    if ctx.links is not None:
        return ctx.links
    return LinkIndex.of(Shard.of(ledger) for ledger in (*ctx.others, ctx.ledger))


Check = Callable[[Any, Context], Iterable[Fact]]


@frozen
class Rule:
    """A consistency rule.

    Args:
        name: stable kebab-case name.
        severity: the default severity.
        summary: one line saying what the rule requires.
        summary_zh: the same line in Chinese (``rectmodel rules --lang zh``).
        scope: the element the check gets (see :data:`SCOPES`), or several; the check gives
            pointers relative to it, and may ask ``ctx.scope`` which one it has.
        check: the function that yields facts.
        example: an example finding, with an absolute pointer, for the documentation.
        kinds: the severity per kind of document (``None``: of unknown kind) where it differs
            from *severity*; ``None`` as a severity: the rule does not apply to that kind.
        across: a ledger-scope check that consults other documents (through :func:`link_index`);
            every ``link``-scope check does, so a batch runs those, and these, once the index is built.
    """

    name: str
    severity: Severity
    summary: str
    scope: Scope | tuple[Scope, ...]
    check: Check
    example: Fact
    kinds: Mapping[DocumentKind | None, Severity | None] = field(factory=dict)
    summary_zh: str = ""
    across: bool = False

    def summary_in(self, lang: str = "en") -> str:
        """The summary in ``en`` or ``zh`` (in English where the rule has no Chinese one)."""
        return self.summary_zh if lang == "zh" and self.summary_zh else self.summary

    @property
    def scopes(self) -> tuple[Scope, ...]:
        """The scopes the rule checks, as a tuple."""
        return (self.scope,) if isinstance(self.scope, str) else self.scope

    def severity_for(self, kind: DocumentKind | None) -> Severity | None:
        """The default severity in a document of *kind*; None where the rule does not apply to it."""
        return self.kinds.get(kind, self.severity)


# What a document of each kind must state is required of it alone (plans and ledgers name who
# answers for each measure, by when; a ledger also how far each has got): these rules apply to
# those kinds, and stay silent for the others and for a document of unknown kind.
PLAN_AND_LEDGER: Mapping[DocumentKind | None, Severity | None] = {
    None: None,
    DocumentKind.REPORT: None,
    DocumentKind.NOTICE: None,
}
LEDGER_ONLY: Mapping[DocumentKind | None, Severity | None] = {**PLAN_AND_LEDGER, DocumentKind.PLAN: None}
KNOWN_KINDS: Mapping[DocumentKind | None, Severity | None] = {None: None}


RULES: dict[str, Rule] = {}

_C = TypeVar("_C", bound=Callable[..., Iterator[Fact]])


def rule(
    name: str,
    severity: Severity,
    *,
    example: Fact,
    scope: Scope | tuple[Scope, ...],
    kinds: Mapping[DocumentKind | None, Severity | None] | None = None,
    across: bool = False,
) -> Callable[[_C], _C]:
    """Register the decorated check as the rule *name*, checking elements of *scope* (per kind: *kinds*).

    *across*: a ledger-scope check that consults other documents (see :class:`Rule`).

    What the rule requires, its summary, is said in the catalogue beside the messages of its
    findings (``rectmodel.messages.rules``), in English and Chinese.
    """
    summary = SUMMARIES[name]  # a KeyError here: the rule has no row in the catalogue yet

    def register(check: _C) -> _C:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        en, zh = str(summary.en), str(summary.zh)
        RULES[name] = Rule(name, severity, en, scope, check, example, dict(kinds or {}), zh, across)
        return check

    return register

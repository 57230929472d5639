"""Count rules: what a preamble declares against what the document itemizes.

Outcome counts are counted over problems (the items a notice reports on), by the
current state of each: ``completed`` takes completed, closed and deemed-completed
problems; ``long_term`` the long-term ones; ``in_progress`` those in progress or
reopened; ``not_completed`` every problem not done.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

from ..diagnostics import Severity
from ..model import COUNT_LEVELS, OUTCOME_STATES, OUTCOMES, Inspection, itemize
from ._registry import Context, Fact, rule

# Where a level is not itemized, what the document itemizes in its place.
_INSTEAD = {"problems": "categories", "categories": "problems", "measures": "tasks", "tasks": "measures"}
_RATE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*[%%]\s*")


def problem_outcomes(inspection: Inspection) -> dict[str, int] | None:
    """Outcome counts from per-problem statuses, or None unless every problem has one."""
    states = [p.history[-1].state if p.history else None for p in inspection.problems]
    if not states or None in states:
        return None
    return {name: sum(1 for s in states if s in bucket) for name, bucket in OUTCOME_STATES.items()}


@rule(
    "declared-count-mismatch",
    Severity.ERROR,
    example=Fact("/inspections/0/declared/measures", {"count": "measures", "declared": 146, "itemized": 186}),
    scope="inspection",
)
def declared_count_mismatch(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    declared = inspection.declared
    itemized = ctx.once(itemize)
    for name in COUNT_LEVELS:
        claim, have = getattr(declared, name), getattr(itemized, name)
        if claim is not None and have and claim != have:
            yield Fact(f"/declared/{name}", {"count": name, "declared": claim, "itemized": have})
    outcomes = ctx.once(problem_outcomes) if any(getattr(declared, n) is not None for n in OUTCOMES) else None
    for name, have in (outcomes or {}).items():
        claim = getattr(declared, name)
        if claim is not None and claim != have:
            yield Fact(f"/declared/{name}", {"count": name, "declared": claim, "itemized": have})


@rule(
    "declared-count-unverifiable",
    Severity.INFO,
    example=Fact(
        "/inspections/0/declared/measures",
        {"count": "measures", "declared": 53, "reason": "not-itemized", "instead": "tasks", "itemized": 45},
    ),
    scope="inspection",
)
def declared_count_unverifiable(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    declared = inspection.declared
    itemized = ctx.once(itemize)
    for name in COUNT_LEVELS:
        claim = getattr(declared, name)
        if claim is not None and not getattr(itemized, name):
            params = {"count": name, "declared": claim, "reason": "not-itemized"}
            if name in _INSTEAD and getattr(itemized, _INSTEAD[name]):
                params |= {"instead": _INSTEAD[name], "itemized": getattr(itemized, _INSTEAD[name])}
            yield Fact(f"/declared/{name}", params)
    claimed = [(name, getattr(declared, name)) for name in OUTCOMES if getattr(declared, name) is not None]
    missing = sum(1 for p in inspection.problems if not p.history) if claimed else 0
    if missing or not inspection.problems:
        for name, claim in claimed:
            params = {"count": name, "declared": claim, "reason": "no-statuses", "missing": missing}
            yield Fact(f"/declared/{name}", params)
    rate = declared.completion_rate
    if rate is not None and _RATE.fullmatch(rate) is None:
        yield Fact("/declared/completion_rate", {"count": "completion_rate", "declared": rate, "reason": "unreadable"})


def _total(inspection: Inspection) -> int | None:
    """The number of problems the outcomes are shares of: declared, else itemized."""
    if inspection.declared.problems is not None:
        return inspection.declared.problems
    return len(inspection.problems) or None


@rule(
    "declared-sum-mismatch",
    Severity.ERROR,
    example=Fact(
        "/inspections/0/declared",
        {"parts": "completed 19 + in_progress 5", "sum": 24, "total": 25},
    ),
    scope="inspection",
)
def declared_sum_mismatch(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    d = inspection.declared
    total = _total(inspection)
    open_part = ("not_completed", d.not_completed) if d.not_completed is not None else ("in_progress", d.in_progress)
    parts = [(n, v) for n, v in (("completed", d.completed), ("long_term", d.long_term), open_part) if v is not None]
    if total is None or not parts:
        return
    s = sum(v for _, v in parts)
    # Done parts alone may leave the rest unstated; with an open part they claim to cover the total.
    if s > total or (s != total and open_part[1] is not None):
        yield Fact("/declared", {"parts": " + ".join(f"{n} {v}" for n, v in parts), "sum": s, "total": total})


def rate_matches(rate: Decimal, done: int, total: int) -> bool:
    """Whether *rate* (in percent) is done/total at the precision it is written, rounded or truncated."""
    with localcontext() as context:
        context.prec = max(28, len(rate.as_tuple().digits) + 20)  # a rate written with 40 digits is still read
        exact = Decimal(done) * 100 / Decimal(total)
        step = Decimal(1).scaleb(rate.as_tuple().exponent)  # type: ignore[arg-type]
        return rate in (exact.quantize(step, ROUND_HALF_UP), exact.quantize(step, ROUND_DOWN))


@rule(
    "declared-rate-mismatch",
    Severity.ERROR,
    example=Fact("/inspections/0/declared/completion_rate", {"declared": "76%", "completed": 18, "total": 25}),
    scope="inspection",
)
def declared_rate_mismatch(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    d = inspection.declared
    m = _RATE.fullmatch(d.completion_rate or "")
    if m is None:
        return
    total = _total(inspection)
    outcomes = ctx.once(problem_outcomes)
    completed = d.completed if d.completed is not None else (outcomes or {}).get("completed")
    if not total or completed is None:
        return
    long_term = d.long_term if d.long_term is not None else (outcomes or {}).get("long_term", 0)
    rate = Decimal(m.group(1))
    # Reports count the long-term items as done or not; either reading is accepted.
    if not (rate_matches(rate, completed, total) or rate_matches(rate, completed + (long_term or 0), total)):
        yield Fact("/declared/completion_rate", {"declared": d.completion_rate, "completed": completed, "total": total})

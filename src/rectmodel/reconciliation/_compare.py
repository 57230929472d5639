"""The comparisons: what two documents of one round must agree on, each a few lines over a matched pair.

A comparison gets one :class:`Matched` pair (an inspection, a problem or a measure of the earlier
document and its counterpart in the later one, either side absent where nothing matched) and
yields :class:`Found` facts: the rule, its parameters, and where it stands on each side. The
reconciliation (``__init__``) matches, hands each pair to the comparisons of its level, and
locates every fact in both files. A comparison is a function here and a row of the catalogue
(``rectmodel.messages.reconcile``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Literal

from attrs import frozen

from .._lexicon.dates import DEADLINE_CHANGE
from ..dates import Deadline, DeadlineTerm, PartialDate
from ..diagnostics import Severity
from ..messages import COMPARISONS as WORDS
from ..model import ROUND_COUNTS, DocumentKind, Inspection, Measure, Problem, State, Status

__all__ = ["COMPARISONS", "Comparison", "Found", "Matched", "Side", "by_level"]

Level = Literal["inspection", "problem", "measure"]


@frozen
class Side:
    """One end of a pair: the element (None: nothing matched it) and its absolute pointer."""

    item: Any
    pointer: str
    inspection: Inspection
    label: str  # what the document is called in messages: its file name


@frozen
class Matched:
    """An element of the earlier document and its counterpart in the later one (``item`` None: unmatched)."""

    earlier: Side
    later: Side
    score: float = 100.0
    merged_with: str | None = None  # the id of the earlier problem whose counterpart also answers this one


@frozen
class Found:
    """A finding: its rule and parameters, on which side it stands (at *pointer*) and where on the other."""

    rule: str
    params: dict[str, Any]
    on: Literal["earlier", "later"]
    pointer: str
    other: str


Check = Callable[[Matched], Iterator[Found]]


@frozen
class Comparison:
    """One comparison: its name, default severity, the level of element it compares, and its check."""

    name: str
    severity: Severity
    levels: tuple[Level, ...]
    check: Check

    def summary_in(self, lang: str = "en") -> str:
        words = WORDS[self.name].summary
        return str(words.zh if lang == "zh" else words.en)


COMPARISONS: dict[str, Comparison] = {}


def _comparison(name: str, severity: Severity, *levels: Level) -> Callable[[Check], Check]:
    WORDS[name]  # a KeyError here: the comparison has no row in the catalogue yet

    def register(check: Check) -> Check:
        COMPARISONS[name] = Comparison(name, severity, levels, check)
        return check

    return register


def _names(m: Matched) -> dict[str, str]:
    return {"earlier": m.earlier.label, "later": m.later.label}


# --- inspections ----------------------------------------------------------------------------------


@_comparison("declared-changed", Severity.WARNING, "inspection")
def declared_changed(m: Matched) -> Iterator[Found]:
    before, after = m.earlier.item.declared, m.later.item.declared
    for name in ROUND_COUNTS:
        old, new = getattr(before, name), getattr(after, name)
        if old is not None and new is not None and old != new:
            params = {"count": name, "before": old, "after": new, **_names(m)}
            where = f"/declared/{name}"
            yield Found("declared-changed", params, "later", m.later.pointer + where, m.earlier.pointer + where)


# --- problems -------------------------------------------------------------------------------------


@_comparison("problem-dropped", Severity.ERROR, "problem")
def problem_dropped(m: Matched) -> Iterator[Found]:
    if m.later.item is None and m.merged_with is None:
        p: Problem = m.earlier.item
        params = {"problem": p.id, "title": p.title, **_names(m)}
        yield Found("problem-dropped", params, "earlier", m.earlier.pointer, m.later.pointer)


@_comparison("problems-merged", Severity.WARNING, "problem")
def problems_merged(m: Matched) -> Iterator[Found]:
    if m.later.item is not None and m.merged_with is not None:
        p: Problem = m.later.item
        params = {"problems": f"{m.merged_with}, {m.earlier.item.id}", "problem": p.id, "title": p.title, **_names(m)}
        yield Found("problems-merged", params, "later", m.later.pointer, m.earlier.pointer)


@_comparison("problem-added", Severity.INFO, "problem")
def problem_added(m: Matched) -> Iterator[Found]:
    if m.earlier.item is None:
        p: Problem = m.later.item
        params = {"problem": p.id, "title": p.title, **_names(m)}
        yield Found("problem-added", params, "later", m.later.pointer, m.earlier.pointer)


def _problem_state(p: Problem) -> State | None:
    """A problem's state: its own, else the least advanced of its measures' where every measure has one."""
    if p.history:
        return p.history[-1].state
    states = [m.history[-1].state for m in p.measures if m.history]
    if not states or len(states) < len(p.measures):
        return None
    return min(states, key=lambda s: -1 if s.progress is None else s.progress)


_CLAIMS = (DocumentKind.REPORT, DocumentKind.NOTICE)  # what tells the committee or the public how far it got


@_comparison("claim-contradicts-ledger", Severity.ERROR, "problem")
def claim_contradicts_ledger(m: Matched) -> Iterator[Found]:
    earlier, later = m.earlier.item, m.later.item
    if earlier is None or later is None or m.merged_with is not None:
        return
    if m.earlier.inspection.document is not DocumentKind.LEDGER or m.later.inspection.document not in _CLAIMS:
        return
    claimed, recorded = _problem_state(later), _problem_state(earlier)
    if claimed is not None and recorded is not None and claimed.is_done and not recorded.is_done:
        params = {"problem": later.id, "after": claimed.value, "before": recorded.value, **_names(m)}
        yield Found("claim-contradicts-ledger", params, "later", m.later.pointer, m.earlier.pointer)


# --- problems and measures ------------------------------------------------------------------------


def _last(item: Problem | Measure) -> tuple[Status | None, str]:
    return (item.history[-1], f"/history/{len(item.history) - 1}") if item.history else (None, "")


@_comparison("state-regressed", Severity.ERROR, "problem", "measure")
def state_regressed(m: Matched) -> Iterator[Found]:
    earlier, later = m.earlier.item, m.later.item
    if earlier is None or later is None:
        return
    (before, at_before), (after, at_after) = _last(earlier), _last(later)
    if before is None or after is None or any(s.state is State.REOPENED for s in later.history):
        return
    old, new = before.state.progress, after.state.progress
    if old is not None and new is not None and new < old:
        params = {"item": later.id, "before": before.state.value, "after": after.state.value, **_names(m)}
        yield Found("state-regressed", params, "later", m.later.pointer + at_after, m.earlier.pointer + at_before)


def _evidence(item: Problem | Measure) -> tuple[str, ...]:
    own = item.evidence if isinstance(item, Measure) else ()
    return own + tuple(e for s in item.history for e in s.evidence)


@_comparison("completion-unsupported", Severity.WARNING, "problem", "measure")
def completion_unsupported(m: Matched) -> Iterator[Found]:
    earlier, later = m.earlier.item, m.later.item
    if later is None:
        return
    (before, _), (after, at_after) = (_last(earlier) if earlier is not None else (None, "")), _last(later)
    if after is None or not after.state.is_done or (before is not None and before.state.is_done):
        return
    if after.date is None and not _evidence(later):
        params = {"item": later.id, "after": after.state.value, **_names(m)}
        yield Found("completion-unsupported", params, "later", m.later.pointer + at_after, m.earlier.pointer)


# --- measures -------------------------------------------------------------------------------------


@_comparison("measure-dropped", Severity.ERROR, "measure")
def measure_dropped(m: Matched) -> Iterator[Found]:
    if m.later.item is None:
        measure: Measure = m.earlier.item
        params = {"measure": measure.id, "text": measure.text, **_names(m)}
        yield Found("measure-dropped", params, "earlier", m.earlier.pointer, m.later.pointer)


def _moved(before: Deadline, after: Deadline) -> int:
    """1: *after* is later than *before* (or a date became a standing term); -1: earlier; 0: the same or unknown."""
    if isinstance(before, PartialDate) and isinstance(after, PartialDate):
        return 1 if after.last > before.last else -1 if after.last < before.last else 0
    if isinstance(before, PartialDate) and after in (DeadlineTerm.LONG_TERM, DeadlineTerm.ONGOING):
        return 1
    if before is DeadlineTerm.IMMEDIATE and isinstance(after, PartialDate):
        return 1
    return 0


def _text(deadline: Deadline) -> str:
    return deadline.isoformat() if isinstance(deadline, PartialDate) else deadline.value


@_comparison("deadline-moved", Severity.WARNING, "measure")
def deadline_moved(m: Matched) -> Iterator[Found]:
    yield from _deadline(m, 1, "deadline-moved")


@_comparison("deadline-advanced", Severity.INFO, "measure")
def deadline_advanced(m: Matched) -> Iterator[Found]:
    yield from _deadline(m, -1, "deadline-advanced")


def _deadline(m: Matched, direction: int, rule: str) -> Iterator[Found]:
    earlier, later = m.earlier.item, m.later.item
    if earlier is None or later is None or earlier.deadline is None or later.deadline is None:
        return
    if _moved(earlier.deadline, later.deadline) != direction:
        return
    if direction > 0 and any(s.note and DEADLINE_CHANGE.search(s.note) for s in later.history):
        return  # the reason is recorded
    params = {"measure": later.id, "before": _text(earlier.deadline), "after": _text(later.deadline), **_names(m)}
    yield Found(rule, params, "later", m.later.pointer + "/deadline", m.earlier.pointer + "/deadline")


@_comparison("evidence-removed", Severity.WARNING, "measure")
def evidence_removed(m: Matched) -> Iterator[Found]:
    earlier, later = m.earlier.item, m.later.item
    if earlier is None or later is None or _evidence(later) or not _evidence(earlier):
        return
    if not any(_evidence(x) for p in m.later.inspection.problems for x in p.measures):
        return  # the later document gives no evidence for any measure: it does not carry evidence at all
    params = {"item": later.id, "evidence": "、".join(_evidence(earlier)), **_names(m)}
    yield Found("evidence-removed", params, "later", m.later.pointer, m.earlier.pointer + "/evidence")


def by_level(level: Level) -> tuple[Comparison, ...]:
    """The comparisons of elements of *level*."""
    return tuple(c for c in COMPARISONS.values() if level in c.levels)

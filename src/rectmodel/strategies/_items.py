"""The parts of an inspection: responsibilities, statuses and their histories, measures, problems.

Each is drawn inside its round's hidden timeline and meets what the round's kind of
document requires of it, so the inspection it goes into stays valid.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import Deadline, DeadlineTerm, PartialDate
from ..model import (
    DocumentKind,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    State,
    Status,
)
from ._options import Draw, Texts, _choice, _ints, _one_or_any, _Options
from ._texts import _CATEGORIES, _EVIDENCE, _MEASURES, _NOTES, _PROBLEMS, _maybe_text, _text, _text_lists, _who
from ._timelines import _default_timeline, _show, _Timeline, partial_dates


@st.composite
def _responsibilities(draw: Draw, options: _Options) -> Responsibility:
    parts = draw(_ints(0 if options.allow_empty else 1, 7))  # a bit mask: leaders, departments, persons
    lists = [tuple(draw(strategy)) if parts & (1 << k) else () for k, strategy in enumerate(_who(options.texts))]
    return Responsibility(*lists)


def responsibilities(*, texts: Texts = "realistic", allow_empty: bool = False) -> SearchStrategy[Responsibility]:
    """Who answers for a measure; never empty unless *allow_empty* (an empty one breaks a rule).

    Args:
        texts: ``realistic`` names and departments, or ``any`` to add edge cases and arbitrary text.
        allow_empty: also draw a responsibility that names nobody.
    """
    return _responsibilities(_Options(texts=texts, allow_empty=allow_empty))


# The states on the progress scale (the status-regression rule's order), lowest first, and for each
# level the states that may follow it; REOPENED, off the scale, restarts it.
_PROGRESS = {s: p for s in State if (p := s.progress) is not None}


_BY_PROGRESS = sorted(_PROGRESS, key=_PROGRESS.__getitem__)
_FROM_LEVEL = {n: st.sampled_from([s for s in _BY_PROGRESS if _PROGRESS[s] >= n]) for n in _PROGRESS.values()}
_UNFINISHED = st.sampled_from([s for s in _BY_PROGRESS if not s.is_finished])
_BOOLEANS = st.booleans()
_ANY_DATE = st.none() | partial_dates()


@st.composite
def _history(
    draw: Draw, first: _dt.date, last: _dt.date, options: _Options, *, may_finish: bool = True
) -> tuple[Status, ...]:
    """A history that never regresses (except after a reopening), dated in order between first and last.

    Unless it *may_finish*, it ends in a state that is not finished (its item has a measure not done).
    """
    size = draw(_ints(1, options.max_history))
    states: list[State] = []
    level = 0
    for _ in range(size):
        if states and states[-1].is_done and draw(_ints(0, 5)) == 0:
            states.append(State.REOPENED)
            level = 0
            continue
        state = draw(_FROM_LEVEL[level])
        states.append(state)
        level = _PROGRESS[state]
    if not may_finish:
        while states and states[-1].is_finished:
            states.pop()
        if not states:
            states = [draw(_UNFINISHED)]
    span = max(0, (last - first).days)
    offsets = sorted(draw(_ints(0, span)) for _ in states)
    history = []
    for state, offset in zip(states, offsets, strict=True):
        date = _show(draw, first + _dt.timedelta(days=offset), keep=0.85)
        note = draw(_maybe_text(_NOTES, options.texts)) if draw(_ints(0, 3)) == 0 else None
        evidence: tuple[str, ...] = ()
        if state is State.CLOSED or draw(_ints(0, 4)) == 0:
            evidence = tuple(draw(_text_lists(_EVIDENCE, options.texts)))
        history.append(Status(state, date, note, evidence))
    return tuple(history)


@st.composite
def _statuses(draw: Draw, options: _Options) -> Status:
    state = draw(_choice(options.states or tuple(State)))
    evidence: tuple[str, ...] = ()
    if state is State.CLOSED or draw(_BOOLEANS):
        evidence = tuple(draw(_text_lists(_EVIDENCE, options.texts)))
    date = draw(options.dates if options.dates is not None else _ANY_DATE)
    return Status(state, date, draw(_maybe_text(_NOTES, options.texts)), evidence)


def statuses(
    *,
    states: Sequence[State] | None = None,
    dates: SearchStrategy[PartialDate | None] | None = None,
    texts: Texts = "realistic",
) -> SearchStrategy[Status]:
    """Single statuses: a state, maybe a date, a note, evidence (always evidence for ``closed``).

    Args:
        states: the states to draw from (default: every state).
        dates: the dates to draw (default: ``partial_dates()`` or none).
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    return _statuses(_Options(states=states, dates=dates, texts=texts))


@attrs.frozen
class _Needs:
    """What the document kind requires of every measure (see ``DocumentKind``)."""

    deadline: bool = False
    status: bool = False

    @classmethod
    def of(cls, document: DocumentKind | None) -> _Needs:
        plan_like = document in (DocumentKind.PLAN, DocumentKind.LEDGER)
        return cls(deadline=plan_like, status=document is DocumentKind.LEDGER)


_ONGOING_TERMS = st.sampled_from((DeadlineTerm.LONG_TERM, DeadlineTerm.ONGOING))


@st.composite
def _measure(
    draw: Draw,
    id: str,
    level: MeasureLevel,
    timeline: _Timeline,
    *,
    with_statuses: bool,
    options: _Options,
    needs: _Needs = _Needs(),
) -> Measure:
    history: tuple[Status, ...] = ()
    if needs.status or (with_statuses and draw(_ints(0, 4)) > 0):
        history = draw(_history(timeline.feedback, timeline.as_of, options))
    done = bool(history) and history[-1].state.is_done
    deadline: Deadline | None = None
    if needs.deadline or draw(_ints(0, 2)) > 0:
        if draw(_ints(0, 5)) == 5:  # a term: at once (only for what is done: it was due at feedback), or for good
            deadline = DeadlineTerm.IMMEDIATE if done and draw(_BOOLEANS) else draw(_ONGOING_TERMS)
        else:
            # A measure not done by the report has a deadline after it; a done one any time after feedback.
            base = timeline.feedback if done else timeline.report
            deadline = _show(draw, base + _dt.timedelta(days=draw(_ints(0, 365))), keep=1.0)
    evidence: tuple[str, ...] = ()
    if draw(_ints(0, 3)) == 0:
        evidence = tuple(draw(_text_lists(_EVIDENCE, options.texts)))
    return Measure(
        id=id,
        text=draw(_text(_MEASURES, options.texts)),
        level=level,
        responsibility=draw(_responsibilities(options)),
        deadline=deadline,
        history=history,
        evidence=evidence,
    )


def measures(
    *,
    id: str | None = None,
    level: MeasureLevel | None = None,
    statuses: bool = True,
    max_history: int = 3,
    texts: Texts = "realistic",
) -> SearchStrategy[Measure]:
    """Valid measures: a responsibility always, a deadline and a status history sometimes.

    Args:
        id: the measure's id (default ``M1``).
        level: ``measure`` or ``task`` (default: either).
        statuses: whether to draw status histories at all.
        max_history: the longest history to draw.
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    options = _Options(measure_level=level, statuses=statuses, max_history=max_history, texts=texts)
    return st.tuples(_one_or_any(level, MeasureLevel), _default_timeline()).flatmap(
        lambda lt: _measure(id or "M1", lt[0], lt[1], with_statuses=statuses, options=options)
    )


@st.composite
def _problem(
    draw: Draw,
    id: str,
    *,
    level: ProblemLevel,
    measure_level: MeasureLevel,
    group: str | None,
    timeline: _Timeline,
    with_statuses: bool,
    options: _Options,
    needs: _Needs = _Needs(),
) -> Problem:
    count = draw(_ints(1, options.max_measures))
    items = tuple(
        draw(
            _measure(
                f"{id}-M{j + 1}", measure_level, timeline, with_statuses=with_statuses, options=options, needs=needs
            )
        )
        for j in range(count)
    )
    history: tuple[Status, ...] = ()
    if with_statuses:
        all_done = all(m.status is not None and m.status.state.is_done for m in items)
        history = draw(_history(timeline.feedback, timeline.as_of, options, may_finish=all_done))
    titles = _CATEGORIES if level is ProblemLevel.CATEGORY else _PROBLEMS
    description = draw(_maybe_text(_PROBLEMS, options.texts)) if draw(_ints(0, 2)) == 0 else None
    return Problem(
        id=id,
        title=draw(_text(titles, options.texts)),
        level=level,
        description=description,
        group=group,
        measures=items,
        history=history,
    )


def problems(
    *,
    id: str | None = None,
    level: ProblemLevel | None = None,
    measure_level: MeasureLevel | None = None,
    statuses: bool = True,
    max_measures: int = 3,
    max_history: int = 3,
    texts: Texts = "realistic",
) -> SearchStrategy[Problem]:
    """Valid problems: at least one measure; a problem is completed or closed only if all its measures are done.

    Args:
        id: the problem's id (default ``P1``); measure ids are ``<id>-M1``, ``<id>-M2``, ….
        level: ``problem`` or ``category`` (default: either).
        measure_level: the level of its measures (default: either).
        statuses: whether to draw status histories.
        max_measures: the most measures per problem.
        max_history: the longest status history.
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    options = _Options(
        problem_level=level,
        measure_level=measure_level,
        statuses=statuses,
        max_measures=max_measures,
        max_history=max_history,
        texts=texts,
    )
    return st.tuples(
        _one_or_any(level, ProblemLevel), _one_or_any(measure_level, MeasureLevel), _default_timeline()
    ).flatmap(
        lambda x: _problem(
            id or "P1",
            level=x[0],
            measure_level=x[1],
            group=None,
            timeline=x[2],
            with_statuses=statuses,
            options=options,
        )
    )

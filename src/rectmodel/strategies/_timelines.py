"""Days: the hidden timeline of a round, the dates a ledger shows of it, and ``partial_dates()``.

A round keeps its true days (on-site → feedback → plan → as-of → report); what a
ledger shows is drawn from them: mostly the day, sometimes only its month or year.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Literal

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import PartialDate
from ._options import Draw, _ints, _Options

_EPOCH = _dt.date(2016, 1, 4)
_SPAN_DAYS = 3650


def _day(offset: int) -> _dt.date:
    return _EPOCH + _dt.timedelta(days=offset)


def _show(draw: Draw, day: _dt.date, *, keep: float = 0.9) -> PartialDate | None:
    """Show a hidden day as it would be reported: mostly the day, sometimes the month or year, sometimes not."""
    how = draw(_ints(0, 99))  # one draw: shrinks to 0, the full day
    if how >= round(100 * keep):
        return None
    if how % 10 == 8:
        return PartialDate(day.year, day.month)
    if how % 10 == 9:
        return PartialDate(day.year)
    return PartialDate.from_date(day)


@st.composite
def _partial_dates(draw: Draw, options: _Options) -> PartialDate:
    day = draw(st.dates(options.min_value, options.max_value))
    precision = draw(st.sampled_from(options.precisions))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


def partial_dates(
    *,
    min_value: _dt.date = _dt.date(2000, 1, 1),
    max_value: _dt.date = _dt.date(2030, 12, 31),
    precisions: Sequence[Literal["day", "month", "year"]] = ("day", "month", "year"),
) -> SearchStrategy[PartialDate]:
    """Partial dates whose days lie between *min_value* and *max_value*, at the given precisions.

    >>> from hypothesis import find
    >>> from rectmodel.strategies import partial_dates
    >>> find(partial_dates(precisions=["month"]), lambda d: d.year >= 2024)
    PartialDate(year=2024, month=1, day=None)
    """
    return _partial_dates(_Options(min_value=min_value, max_value=max_value, precisions=precisions))


@attrs.frozen
class _Timeline:
    """The hidden days of one round; what a ledger shows is drawn from them."""

    start: _dt.date
    end: _dt.date
    feedback: _dt.date
    plan: _dt.date
    as_of: _dt.date
    report: _dt.date


@st.composite
def _timeline(draw: Draw, not_before: _dt.date) -> _Timeline:
    start = not_before + _dt.timedelta(days=draw(_ints(0, 400)))
    end = start + _dt.timedelta(days=draw(_ints(7, 60)))
    feedback = end + _dt.timedelta(days=draw(_ints(0, 60)))
    plan = feedback + _dt.timedelta(days=draw(_ints(0, 20)))
    as_of = plan + _dt.timedelta(days=draw(_ints(7, 25)))
    report = as_of + _dt.timedelta(days=draw(_ints(0, 10)))  # within 55 days of feedback: never overdue
    return _Timeline(start, end, feedback, plan, as_of, report)


def _default_timeline() -> SearchStrategy[_Timeline]:
    return _ints(0, _SPAN_DAYS).flatmap(lambda offset: _timeline(_day(offset)))

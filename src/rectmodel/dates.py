"""Partial dates (a year, a year and month, or a full day, compared honestly) and deadlines as written."""

from __future__ import annotations

import datetime as _dt
import re
from calendar import monthrange
from enum import StrEnum
from typing import Literal, TypeAlias

from attrs import field, frozen

__all__ = ["Deadline", "DeadlineTerm", "PartialDate", "Precision", "deadline_due", "parse_deadline"]

Precision = Literal["year", "month", "day"]

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    A notice may say only ``2020年10月``; that is ``PartialDate(2020, 10)``,
    which covers every day of October 2020. Comparisons are honest: one partial
    date is *certainly before* another only when every day it may stand for
    precedes every day the other may stand for.

    >>> PartialDate.parse("2020-10").certainly_before(PartialDate.parse("2020-11-01"))
    True
    >>> PartialDate.parse("2020-10").certainly_before(PartialDate.parse("2020-10-05"))
    False
    """

    year: int
    month: int | None = None
    day: int | None = None
    _first: int = field(init=False, repr=False, eq=False, hash=False)
    _last: int = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            first = _dt.date(self.year, 1, 1)
            last = _dt.date(self.year, 12, 31)
        elif not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range")
        elif self.day is None:
            first = _dt.date(self.year, self.month, 1)
            last = _dt.date(self.year, self.month, monthrange(self.year, self.month)[1])
        else:
            first = last = _dt.date(self.year, self.month, self.day)  # raises for Feb 30
        object.__setattr__(self, "_first", first.toordinal())
        object.__setattr__(self, "_last", last.toordinal())

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: the text is not such a date, or names no real day.
        """
        m = _ISO.fullmatch(text)
        if m is None:
            raise ValueError(f"not a date: {text!r}")
        y, mo, d = m.groups()
        return cls(int(y), None if mo is None else int(mo), None if d is None else int(d))

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """The full-precision partial date of *value*."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def first(self) -> _dt.date:
        """The earliest day this date may stand for."""
        return _dt.date.fromordinal(self._first)

    @property
    def last(self) -> _dt.date:
        """The latest day this date may stand for."""
        return _dt.date.fromordinal(self._last)

    def certainly_before(self, other: PartialDate) -> bool:
        """Whether every day of *self* precedes every day of *other*."""
        return self._last < other._first

    def certainly_after(self, other: PartialDate) -> bool:
        """Whether every day of *self* follows every day of *other*."""
        return self._first > other._last

    def days_after(self, other: PartialDate) -> int:
        """The fewest days by which *self* may follow *other* (0 if it may not)."""
        return max(0, self._first - other._last)

    def plus_months(self, months: int) -> PartialDate | None:
        """The last day *months* calendar months after the last day this date may be; None past year 9999.

        >>> PartialDate.parse("2021-08").plus_months(2), PartialDate(9999, 11).plus_months(2)
        (PartialDate(year=2021, month=10, day=31), None)
        """
        last = self.last
        year, month = divmod(last.month - 1 + months, 12)
        year += last.year
        if not 1 <= year <= 9999:
            return None
        return PartialDate(year, month + 1, min(last.day, monthrange(year, month + 1)[1]))

    def isoformat(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as precise as the date is."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()


class DeadlineTerm(StrEnum):
    """A deadline written as a term rather than a date."""

    IMMEDIATE = "immediate"  # 立行立改: at once, due by the feedback
    LONG_TERM = "long_term"  # 长期坚持: kept up for good, never overdue
    ONGOING = "ongoing"  # 持续整改 / 常态化: continuing work, never overdue


Deadline: TypeAlias = PartialDate | DeadlineTerm
"""A deadline (整改时限) as a document writes it: a partial date (``2021-12`` for 2021年12月底) or a term."""


def parse_deadline(text: str) -> Deadline:
    """Read a deadline's JSON form: a partial date, or ``immediate``, ``long_term``, ``ongoing``.

    >>> parse_deadline("2021-12"), parse_deadline("long_term")
    (PartialDate(year=2021, month=12, day=None), <DeadlineTerm.LONG_TERM: 'long_term'>)

    Raises:
        ValueError: neither a date nor a term.
    """
    try:
        return DeadlineTerm(text)
    except ValueError:
        return PartialDate.parse(text)


def deadline_due(deadline: Deadline, feedback: PartialDate | None) -> PartialDate | None:
    """By when a deadline falls due: a date is its own; ``immediate`` is due at the feedback; the others never.

    >>> deadline_due(DeadlineTerm.IMMEDIATE, PartialDate(2021, 8, 4))
    PartialDate(year=2021, month=8, day=4)
    >>> deadline_due(DeadlineTerm.ONGOING, PartialDate(2021, 8, 4)) is None
    True
    """
    if isinstance(deadline, PartialDate):
        return deadline
    return feedback if deadline is DeadlineTerm.IMMEDIATE else None

"""What a strategy was asked to draw, checked once, and the small strategies every drawer shares.

Each public strategy builds one ``_Options`` and passes it down whole. Strategies used
inside a draw are made once here: building them per draw is what makes generation slow.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from typing import Any, Literal, TypeVar, get_args

import attrs
from attrs.validators import ge
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import PartialDate
from ..model import (
    DocumentKind,
    MeasureLevel,
    ProblemLevel,
    State,
)

Grouping = Literal["none", "aspects", "categories"]
Texts = Literal["realistic", "any"]
_PRECISIONS = ("day", "month", "year")
Draw = Callable[[SearchStrategy[Any]], Any]
E = TypeVar("E", bound=Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _one_of(*choices: object) -> Validator:
    """One of *choices*."""

    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in choices:
            raise ValueError(f"{attribute.name} must be one of {', '.join(map(repr, choices))}, not {value!r}")

    return check


def _some_of(*choices: object) -> Validator:
    """One or more of *choices*."""

    def check(options: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if not value or any(v not in choices for v in value):
            raise ValueError(f"{attribute.name} must name some of {', '.join(map(repr, choices))}, not {value!r}")

    return check


def _not_below(low: str) -> Validator:
    """The high end of a range: no less than the field *low*, its low end."""

    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value < getattr(options, low):
            raise ValueError(f"need {low} <= {attribute.name}, got {getattr(options, low)} > {value}")

    return check


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


_ALL_DOCUMENTS: tuple[DocumentKind | None, ...] = (None, *DocumentKind)


@attrs.frozen(kw_only=True)
class _Options:
    """What a public strategy was asked to draw, checked here once and passed down whole.

    Each public function sets the options it takes (under their public names, ``level``
    aside) and leaves the rest at these defaults, which what it draws does not read.
    """

    texts: Texts = attrs.field(default="realistic", validator=_one_of(*get_args(Texts)))
    # ledgers
    min_units: int = attrs.field(default=1, validator=ge(1))
    max_units: int = attrs.field(default=2, validator=_not_below("min_units"))
    max_rounds: int = attrs.field(default=3, validator=ge(1))
    links: bool = True
    successions: bool = True
    # inspections
    grouping: Grouping | None = attrs.field(default=None, validator=_one_of(None, *get_args(Grouping)))
    problem_level: ProblemLevel | None = attrs.field(default=None, validator=_one_of(None, *ProblemLevel))
    declared: bool | None = None
    statuses: bool | None = None
    min_problems: int = attrs.field(default=1, validator=ge(0))
    max_problems: int = attrs.field(default=4, validator=_not_below("min_problems"))
    # problems, measures
    measure_level: MeasureLevel | None = attrs.field(default=None, validator=_one_of(None, *MeasureLevel))
    max_measures: int = attrs.field(default=3, validator=ge(1))
    max_history: int = attrs.field(default=3, validator=ge(1))
    # the kinds of document drawn (None: unknown); a kind's requirements are always met
    documents: tuple[DocumentKind | None, ...] = attrs.field(
        default=_ALL_DOCUMENTS, converter=_tuple, validator=_some_of(None, *DocumentKind)
    )
    # responsibilities, statuses, partial dates
    allow_empty: bool = False
    states: tuple[State, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_tuple), validator=attrs.validators.optional(_some_of(*State))
    )
    dates: SearchStrategy[PartialDate | None] | None = None
    min_value: _dt.date = _dt.date(2000, 1, 1)
    max_value: _dt.date = attrs.field(default=_dt.date(2030, 12, 31), validator=_not_below("min_value"))
    precisions: tuple[str, ...] = attrs.field(default=_PRECISIONS, converter=_tuple, validator=_some_of(*_PRECISIONS))


@cache
def _ints(low: int, high: int) -> SearchStrategy[int]:
    """Integer strategies, made once: building strategies inside a draw is what makes generation slow."""
    return st.integers(low, high)


@cache
def _choice(items: tuple[Any, ...]) -> SearchStrategy[Any]:
    """``sampled_from`` strategies, made once (see ``_ints``)."""
    return st.sampled_from(items)


def _one_or_any(value: E | None, kinds: type[E]) -> SearchStrategy[E]:
    """The one value asked for, or any of *kinds*."""
    return st.just(value) if value is not None else st.sampled_from(tuple(kinds))

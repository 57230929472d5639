"""The office's grading of a unit's rectification: 优秀 / 较好 / 一般 / 差 per indicator, from thresholds.

The defaults (:data:`DEFAULT`) are the usual ones of offices' indicator tables; a TOML file
changes any of them::

    [completion]        # measures completed, percent of those itemized: the least for each grade
    excellent = 95
    good = 85
    fair = 70

    [carried_over]      # problems a later round found again: the most for each grade
    excellent = 0

An indicator a unit's ledgers give no figure for is not graded (shown as —), and the unit's
grade is the worst of those that are.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from attrs import frozen

__all__ = ["DEFAULT", "GRADES", "INDICATORS", "Thresholds", "ThresholdsError", "grade", "load_thresholds", "worst"]

Grade = Literal["excellent", "good", "fair", "poor"]
GRADES: tuple[Grade, ...] = ("excellent", "good", "fair", "poor")
# Each indicator, and whether a higher figure is better (a rate) or worse (a count of problems).
INDICATORS: dict[str, bool] = {"completion": True, "on_time": True, "evidence": True, "carried_over": False}


@frozen
class Thresholds:
    """Per indicator, the bound of each grade but the last (the least rate, or the most problems)."""

    bounds: Mapping[str, tuple[Decimal, Decimal, Decimal]]


DEFAULT = Thresholds(
    {
        "completion": (Decimal(95), Decimal(85), Decimal(70)),
        "on_time": (Decimal(95), Decimal(85), Decimal(70)),
        "evidence": (Decimal(95), Decimal(80), Decimal(60)),
        "carried_over": (Decimal(0), Decimal(1), Decimal(3)),
    }
)


class ThresholdsError(ValueError):
    """A thresholds file that cannot be used; ``where`` is the table or key at fault."""

    def __init__(self, path: str, where: str, reason: str) -> None:
        super().__init__(f"{path}: {where}: {reason}")
        self.path, self.where, self.reason = path, where, reason


def load_thresholds(path: str) -> Thresholds:
    """The defaults with what the TOML file at *path* changes.

    Raises:
        OSError: the file cannot be read.
        ThresholdsError: it is not TOML, names an unknown indicator or grade, gives a value that
            is not a number, or bounds that are not in order.
    """
    with open(path, "rb") as fp:
        try:
            data = tomllib.load(fp)
        except tomllib.TOMLDecodeError as e:
            raise ThresholdsError(path, "TOML", str(e)) from None
    bounds = dict(DEFAULT.bounds)
    for name, table in data.items():
        if name not in INDICATORS or not isinstance(table, dict):
            raise ThresholdsError(path, f"[{name}]", f"not an indicator: {', '.join(INDICATORS)}")
        values = dict(zip(GRADES, bounds[name], strict=False))
        for key, value in table.items():
            if key not in values:
                raise ThresholdsError(path, f"{name}.{key}", f"not a grade with a bound: {', '.join(GRADES[:3])}")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ThresholdsError(path, f"{name}.{key}", f"not a number: {value!r}")
            values[key] = Decimal(str(value))
        ordered = (values["excellent"], values["good"], values["fair"])
        if list(ordered) != sorted(ordered, reverse=INDICATORS[name]):
            raise ThresholdsError(path, f"[{name}]", "the bounds of excellent, good and fair are not in order")
        bounds[name] = ordered
    return Thresholds(bounds)


def grade(name: str, value: Decimal | int | None, thresholds: Thresholds = DEFAULT) -> Grade | None:
    """The grade of *value* for the indicator *name* (None: no figure to grade)."""
    if value is None:
        return None
    higher = INDICATORS[name]
    for g, bound in zip(GRADES, thresholds.bounds[name], strict=False):
        if (value >= bound) if higher else (value <= bound):
            return g
    return "poor"


def worst(grades: list[Grade | None]) -> Grade | None:
    """The worst of the grades given (None: none given)."""
    given = [g for g in grades if g is not None]
    return max(given, key=GRADES.index) if given else None

"""The ledger model as pydantic v2 models, as strict as ``rectmodel.loads`` can be made with pydantic.

Frozen, ``extra="forbid"``, strict mode (no ``"3"`` for 3, no ``1.0`` for 1),
sequences as tuples, enums as rectmodel's own ``StrEnum`` classes (by value
from JSON), counts as non-negative ints up to 10⁹. A field that may be absent
may not be ``null``: it is ``X | MISSING``, not ``X | None``. Dates stay
strings checked against :data:`DATE_PATTERN`; unlike rectmodel, pydantic does
not check that the day exists (``2021-02-30`` passes).
"""

from typing import Annotated, Final

from pydantic import MISSING, BaseModel, ConfigDict, Field, StringConstraints

from rectmodel.model import GroupLevel, InspectionKind, LinkKind, MeasureLevel, ProblemLevel, State

__all__ = ["DATE_PATTERN", "Ledger"]

# pydantic's default Rust regex engine: there ``$`` is the very end of the text.
DATE_PATTERN: Final = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"

Date = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
Count = Annotated[int, Field(ge=0, le=10**9)]


class _Model(BaseModel):
    """The configuration every model below inherits."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Status(_Model):
    state: State
    date: Date | MISSING = MISSING
    note: str | MISSING = MISSING
    evidence: tuple[str, ...] = ()


class Responsibility(_Model):
    leaders: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()


class Measure(_Model):
    id: str
    text: str
    level: MeasureLevel = MeasureLevel.MEASURE
    responsibility: Responsibility | MISSING = MISSING
    deadline: Date | MISSING = MISSING
    history: tuple[Status, ...] = ()
    evidence: tuple[str, ...] = ()


class Link(_Model):
    kind: LinkKind
    inspection: str
    problem: str
    note: str | MISSING = MISSING


class Problem(_Model):
    id: str
    title: str
    level: ProblemLevel = ProblemLevel.PROBLEM
    description: str | MISSING = MISSING
    group: str | MISSING = MISSING
    measures: tuple[Measure, ...] = ()
    history: tuple[Status, ...] = ()
    links: tuple[Link, ...] = ()


class Group(_Model):
    id: str
    level: GroupLevel
    title: str
    parent: str | MISSING = MISSING


class DeclaredCounts(_Model):
    aspects: Count | MISSING = MISSING
    categories: Count | MISSING = MISSING
    problems: Count | MISSING = MISSING
    tasks: Count | MISSING = MISSING
    measures: Count | MISSING = MISSING
    completed: Count | MISSING = MISSING
    in_progress: Count | MISSING = MISSING
    long_term: Count | MISSING = MISSING
    not_completed: Count | MISSING = MISSING
    completion_rate: str | MISSING = MISSING


class Inspection(_Model):
    id: str
    kind: InspectionKind
    inspector: str
    target: str
    unit: str | MISSING = MISSING
    round: str | MISSING = MISSING
    start: Date | MISSING = MISSING
    end: Date | MISSING = MISSING
    feedback_date: Date | MISSING = MISSING
    plan_date: Date | MISSING = MISSING
    as_of: Date | MISSING = MISSING
    report_date: Date | MISSING = MISSING
    declared: DeclaredCounts = DeclaredCounts()
    groups: tuple[Group, ...] = ()
    problems: tuple[Problem, ...] = ()


class Succession(_Model):
    old: str
    new: str
    date: Date | MISSING = MISSING
    note: str | MISSING = MISSING


class Ledger(_Model):
    inspections: tuple[Inspection, ...] = ()
    successions: tuple[Succession, ...] = ()

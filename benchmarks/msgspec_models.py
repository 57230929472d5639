"""The ledger model as ``msgspec.Struct`` classes, as strict as ``rectmodel.loads`` can be made with msgspec.

Frozen, unknown fields forbidden, sequences as tuples, enums as rectmodel's own
``StrEnum`` classes (decoded by value), counts as non-negative ints up to 10⁹.
A field that may be absent may not be ``null``: it is ``X | UnsetType``, not
``X | None``. Dates stay strings checked against :data:`DATE_PATTERN`; unlike
rectmodel, msgspec does not check that the day exists (``2021-02-30`` passes).
"""

from typing import Annotated, Final

import msgspec
from msgspec import UNSET, UnsetType

from rectmodel.model import GroupLevel, InspectionKind, LinkKind, MeasureLevel, ProblemLevel, State

__all__ = ["DATE_PATTERN", "Ledger", "decoder"]

# Python's ``re`` (msgspec searches with it): ``\Z``, as ``$`` would let a final newline through.
DATE_PATTERN: Final = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z"

Date = Annotated[str, msgspec.Meta(pattern=DATE_PATTERN)]
Count = Annotated[int, msgspec.Meta(ge=0, le=10**9)]


class Status(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    state: State
    date: Date | UnsetType = UNSET
    note: str | UnsetType = UNSET
    evidence: tuple[str, ...] = ()


class Responsibility(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    leaders: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()


class Measure(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    text: str
    level: MeasureLevel = MeasureLevel.MEASURE
    responsibility: Responsibility | UnsetType = UNSET
    deadline: Date | UnsetType = UNSET
    history: tuple[Status, ...] = ()
    evidence: tuple[str, ...] = ()


class Link(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    kind: LinkKind
    inspection: str
    problem: str
    note: str | UnsetType = UNSET


class Problem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    title: str
    level: ProblemLevel = ProblemLevel.PROBLEM
    description: str | UnsetType = UNSET
    group: str | UnsetType = UNSET
    measures: tuple[Measure, ...] = ()
    history: tuple[Status, ...] = ()
    links: tuple[Link, ...] = ()


class Group(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    level: GroupLevel
    title: str
    parent: str | UnsetType = UNSET


class DeclaredCounts(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    aspects: Count | UnsetType = UNSET
    categories: Count | UnsetType = UNSET
    problems: Count | UnsetType = UNSET
    tasks: Count | UnsetType = UNSET
    measures: Count | UnsetType = UNSET
    completed: Count | UnsetType = UNSET
    in_progress: Count | UnsetType = UNSET
    long_term: Count | UnsetType = UNSET
    not_completed: Count | UnsetType = UNSET
    completion_rate: str | UnsetType = UNSET


class Inspection(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    kind: InspectionKind
    inspector: str
    target: str
    unit: str | UnsetType = UNSET
    round: str | UnsetType = UNSET
    start: Date | UnsetType = UNSET
    end: Date | UnsetType = UNSET
    feedback_date: Date | UnsetType = UNSET
    plan_date: Date | UnsetType = UNSET
    as_of: Date | UnsetType = UNSET
    report_date: Date | UnsetType = UNSET
    declared: DeclaredCounts = DeclaredCounts()
    groups: tuple[Group, ...] = ()
    problems: tuple[Problem, ...] = ()


class Succession(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    old: str
    new: str
    date: Date | UnsetType = UNSET
    note: str | UnsetType = UNSET


class Ledger(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    inspections: tuple[Inspection, ...] = ()
    successions: tuple[Succession, ...] = ()


decoder: Final = msgspec.json.Decoder(Ledger)
"""The decoder the benchmark times: ``decoder.decode(data)``."""

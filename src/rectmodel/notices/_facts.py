"""TEMPORARY stand-in (not committed): replaced by the facts pass from h/facts."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

import attrs

from ..dates import PartialDate
from ..diagnostics import Diagnostic
from ..model import DeclaredCounts, InspectionKind
from ._text import declared_counts, fold, read_dates


class Place(enum.Enum):
    TITLE = "title"
    PREAMBLE = "preamble"
    NARRATIVE = "narrative"
    CLOSING = "closing"


@attrs.frozen
class Paragraph:
    number: int
    text: str
    place: Place


@attrs.frozen
class Facts:
    kind: InspectionKind | None = None
    inspector: str | None = None
    target: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    feedback_date: PartialDate | None = None
    plan_date: PartialDate | None = None
    as_of: PartialDate | None = None
    report_date: PartialDate | None = None
    declared: DeclaredCounts = DeclaredCounts()
    context: PartialDate | None = None
    signature: str | None = None
    lines: Mapping[str, int] = attrs.field(factory=dict)
    boilerplate: frozenset[int] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()


def read_facts(paragraphs: Sequence[Paragraph]) -> Facts:
    counts: dict[str, object] = {}
    lines: dict[str, int] = {}
    context = None
    for p in paragraphs:
        if p.place in (Place.PREAMBLE, Place.NARRATIVE):
            for name, value, _ in declared_counts(fold(p.text)):
                if name not in counts:
                    counts[name] = value
                    lines[f"declared/{name}"] = p.number
            if context is None:
                for r in read_dates(fold(p.text), None):
                    if r.date:
                        context = r.date
                        break
    return Facts(declared=DeclaredCounts(**counts), context=context, lines=lines)  # type: ignore[arg-type]

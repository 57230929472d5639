"""What the facts reader reads: texts with their place, their sentences with their dates, and what was found.

A text is one line of a notice (or one cell of a sheet) with the place its reader decided; the
facts reader reads it as sentences, each with the dates in it, and records what its cues found in
a ``Found``.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator
from typing import Any

import attrs

from .._lexicon import DateReading
from .._lexicon.dates import RANGE_BETWEEN
from ..dates import PartialDate
from ..diagnostics import Diagnostic, Severity
from ..messages import ParseCode
from ..model import InspectionKind
from ._report import parse_diagnostic

__all__ = ["Found", "Place", "Sentence", "sentences"]


class Place(enum.Enum):
    """Where a text stands, as its reader decided (a sheet's title is a TITLE, its facts rows a PREAMBLE)."""

    TITLE = "title"  # the heading line(s) above the text
    PREAMBLE = "preamble"  # before the first numbered heading, page furniture and addressee included
    NARRATIVE = "narrative"  # a section that itemizes no problems, or text under a heading that is none
    CLOSING = "closing"  # after the body: signature, date line, contact lines


_FINDINGS = re.compile(r"巡[察视]|反馈|指出")
_INSPECTION = re.compile(r"巡[察视]")


@attrs.define
class Sentence:
    """One sentence of a paragraph, with the dates in it (indices relative to the sentence)."""

    line: int
    place: Place
    raw: str  # as written
    folded: str  # full-width folded, same indices
    dates: list[DateReading]
    claimed: set[int] = attrs.Factory(set)  # indices into dates a cue has taken for a fact
    _starts: list[int] = attrs.field(init=False)
    _ends: list[int] = attrs.field(init=False)
    inspection: bool = attrs.field(init=False)  # it names an inspection (巡察, 巡视)
    findings: bool = attrs.field(init=False)  # it speaks of the inspection's findings
    rectification: bool = attrs.field(init=False)  # it speaks of the inspection or the rectification

    def __attrs_post_init__(self) -> None:
        self._starts = [r.start for r in self.dates]  # in order, and so are the ends: dates never overlap
        self._ends = [r.end for r in self.dates]
        # once per sentence: a cue that matches many times in a long sentence must not search it again
        self.inspection = _INSPECTION.search(self.folded) is not None
        self.findings = self.inspection or _FINDINGS.search(self.folded) is not None
        self.rectification = self.findings or "整改" in self.folded

    @property
    def of_inspection(self) -> bool:
        """Whether a statement here is the inspection's: in the preamble, or naming it."""
        return self.place is Place.PREAMBLE or self.inspection

    def date_at(self, index: int) -> int | None:
        """The date that starts at *index*, if one does."""
        k = bisect.bisect_left(self._starts, index)
        return k if k < len(self._starts) and self._starts[k] == index else None

    def date_from(self, index: int) -> int | None:
        """The first date that starts at or after *index*."""
        k = bisect.bisect_left(self._starts, index)
        return k if k < len(self._starts) else None

    def date_before(self, index: int) -> int | None:
        """The last date that ends at or before *index*."""
        k = bisect.bisect_right(self._ends, index) - 1
        return k if k >= 0 else None

    def in_range(self, k: int) -> bool:
        """Whether date *k* is one end of a ``A至B`` range."""
        return any(RANGE_BETWEEN.fullmatch(self.folded[a.end : b.start]) for a, b in self._pairs_with(k))

    def _pairs_with(self, k: int) -> Iterator[tuple[DateReading, DateReading]]:
        if k > 0:
            yield self.dates[k - 1], self.dates[k]
        if k + 1 < len(self.dates):
            yield self.dates[k], self.dates[k + 1]

    def take(self, k: int | None) -> PartialDate | None:
        """Date *k*, claimed for a fact; None if there is none, it is unread, or another fact has it."""
        if k is None or k in self.claimed or self.dates[k].date is None:
            return None
        self.claimed.add(k)
        return self.dates[k].date


@attrs.define
class Found:
    """What the cues found, first statement first."""

    dates: dict[str, PartialDate] = attrs.Factory(dict)
    texts: dict[str, str] = attrs.Factory(dict)
    counts: dict[str, Any] = attrs.Factory(dict)  # DeclaredCounts' fields: int, or str for the rate
    kinds: list[tuple[InspectionKind, int]] = attrs.Factory(list)
    named: int | None = None  # the first line that says an inspection took place
    special_group: int | None = None  # the first line naming a special inspection group (专项巡察组)
    lines: dict[str, int] = attrs.Factory(dict)
    boilerplate: set[int] = attrs.Factory(set)
    diagnostics: list[Diagnostic] = attrs.Factory(list)

    def date(self, name: str, value: PartialDate | None, line: int) -> None:
        if value is not None and name not in self.dates:
            self.dates[name] = value
            self.lines[name] = line

    def text(self, name: str, value: str | None, line: int) -> None:
        if value and name not in self.texts:
            self.texts[name] = value
            self.lines[name] = line

    def inspection(self, line: int) -> None:
        if self.named is None:
            self.named = line

    def report(self, code: ParseCode, severity: Severity, line: int, **params: Any) -> None:
        self.diagnostics.append(parse_diagnostic(code, severity, line, **params))


def sentences(line: int, place: Place, text: str, folded: str, readings: list[DateReading]) -> Iterator[Sentence]:
    """The sentences of the text at *line*, each with its dates (in one walk over both)."""
    start, k = 0, 0
    ends = [m.end() for m in re.finditer(r"[。;!?！？]", folded)]
    if not ends or ends[-1] < len(folded):
        ends.append(len(folded))
    for end in ends:
        inside = []
        while k < len(readings) and readings[k].start < end:
            r = readings[k]
            if r.start >= start:
                inside.append(attrs.evolve(r, start=r.start - start, end=r.end - start))
            k += 1
        yield Sentence(line, place, text[start:end], folded[start:end], inside)
        start = end

"""The round reader: texts read sentence by sentence through the cues, their dates in a running year context.

Both the notice reader and the sheet reader read the round's facts this way; each decides
where its texts stand (a notice's title, preamble and narrative; a sheet's title and facts rows)
and what is boilerplate around them.
"""

from __future__ import annotations

import re

import attrs

from .._lexicon import DateReading, read_dates
from .._lexicon.text import simplified
from ..dates import PartialDate
from ..diagnostics import Severity
from ..messages import ParseCode
from ..model import InspectionKind
from ._cues import _CUES
from ._names import resolve_inspector, resolve_target, title_inspector
from ._sentences import Found, Place, sentences

__all__ = ["RoundReader", "in_original"]

# A notice by the inspecting side (市委巡察办, 巡察工作领导小组) reports on others: its name is no target.
_ORGAN_OF_INSPECTION = re.compile(r"巡[察视]|纪委|监委")


def in_original(text: str, piece: str | None) -> str | None:
    """*piece*, found in ``simplified(text)``, as *text* writes it (the two have the same length)."""
    if piece is None:
        return None
    at = simplified(text).find(piece)
    return piece if at < 0 else text[at : at + len(piece)]


@attrs.define
class RoundReader:
    """The cues over texts read in order; what they found in ``found``, the year context in ``context``."""

    found: Found = attrs.Factory(Found)
    context: PartialDate | None = None  # the running year context of yearless dates

    def dates(self, line: int, folded: str, *, keep: bool = True) -> list[DateReading]:
        """The dates of a text, read in the running context; the unreadable ones reported."""
        readings = list(read_dates(folded, self.context))
        for r in readings:
            if r.date is not None:
                if keep:
                    self.context = r.date
            elif r.problem == "ambiguous":
                every = ", ".join(r.readings)
                self.found.report(ParseCode.AMBIGUOUS_DATE, Severity.WARNING, line, text=r.text, readings=every)
            else:
                self.found.report(ParseCode.IMPOSSIBLE_DATE, Severity.WARNING, line, text=r.text)
        return readings

    def sentences(self, line: int, place: Place, text: str, folded: str, readings: list[DateReading]) -> None:
        """Every cue that applies at *place* over each sentence of the text."""
        for s in sentences(line, place, text, folded, readings):
            for cue in _CUES:
                if place not in cue.places:
                    continue
                matches = cue.pattern.finditer(s.folded)
                for m in [next(matches, None)] if cue.once else matches:
                    if m is not None:
                        cue.read(s, m, self.found)

    def inspector(self, title: str, title_line: int | None) -> tuple[str | None, int | None]:
        """The inspecting group as stated, else (or repaired from) the one *title* names."""
        texts, lines = self.found.texts, self.found.lines
        names = [name for name in ("inspector", "inspector/feedback") if name in texts]
        stated = [texts[name] for name in names]
        in_title = in_original(title, title_inspector(simplified(title))) if title else None
        resolved = resolve_inspector(stated[0] if stated else None, in_title, stated[1:])
        if resolved is None:
            return None, None
        line = next((lines.get(name) for name in names if texts[name] == resolved), title_line)
        return resolved, line

    def target(self, full: str | None, full_line: int | None) -> tuple[str | None, int | None]:
        """The inspected unit as stated, spelled out by *full* where the statement is 我局 or a short name."""
        texts, lines = self.found.texts, self.found.lines
        name = "target" if "target" in texts else "target/feedback"
        stated = texts.get(name)
        if (
            stated is None
            and self.found.named is not None
            and full is not None
            and not _ORGAN_OF_INSPECTION.search(full)
        ):
            # 第一巡察组进行了巡察 (no unit named): the unit inspected is the one reporting on its rectification
            return full, full_line
        resolved = resolve_target(stated, full)
        return resolved, (lines.get(name) if resolved == stated else full_line)

    def kind(self) -> tuple[InspectionKind, int] | None:
        """Look-back over special over regular (as the text calls the round), then a special group's
        round is special; regular when an inspection is said to have taken place."""
        for kind in (InspectionKind.LOOK_BACK, InspectionKind.SPECIAL, InspectionKind.REGULAR):
            line = next((n for k, n in self.found.kinds if k is kind), None)
            if line is not None:
                return kind, line
        if self.found.special_group is not None:
            return InspectionKind.SPECIAL, self.found.special_group
        if self.found.named is not None:
            return InspectionKind.REGULAR, self.found.named
        return None

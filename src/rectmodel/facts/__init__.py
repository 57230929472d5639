"""The round's facts read from texts: who inspected whom, when, and what counts the texts declare.

The one facts reader below both the notice reader and the sheet reader. A reader hands it texts
(a notice's preamble lines, a sheet's title and facts-row cells), each with the location it stands
at; ``read_round_facts`` reads every fact by its own cue and says where each came from.

>>> f = read_round_facts([(("A", 1), "2021年3月11日至6月18日,市委第二巡察组对中共某局党组进行了巡察。")])
>>> f.inspector, f.target, str(f.start), f.where["start"]
('市委第二巡察组', '中共某局党组', '2021-03-11', ('A', 1))
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

import attrs

from .._lexicon import fold
from .._lexicon.text import simplified
from ..dates import PartialDate
from ..diagnostics import Diagnostic
from ..model import DeclaredCounts, InspectionKind
from ._names import is_unit, title_unit
from ._report import parse_diagnostic
from ._round import RoundReader, in_original
from ._sentences import Found, Place

__all__ = ["Found", "Place", "RoundFacts", "RoundReader", "is_unit", "parse_diagnostic", "read_round_facts"]

L = TypeVar("L", bound=Hashable)


@attrs.frozen
class RoundFacts(Generic[L]):
    """The round's facts some texts state, each None where none states it.

    Args:
        where: the location of the text each fact was read from, by name (``"start"``, ``"declared/problems"`` …).
        diagnostics: dates that cannot be read for certain, each with the location of its text.
    """

    kind: InspectionKind | None = None
    inspector: str | None = None
    target: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    feedback_date: PartialDate | None = None
    plan_date: PartialDate | None = None
    as_of: PartialDate | None = None
    declared: DeclaredCounts = attrs.field(factory=DeclaredCounts)
    where: Mapping[str, L] = attrs.field(factory=dict)
    diagnostics: tuple[tuple[L, Diagnostic], ...] = ()


def read_round_facts(texts: Sequence[tuple[L, str]], *, title: str = "") -> RoundFacts[L]:
    """The round's facts *texts* state, read in order as a notice's preamble is; *title* may name the
    group and the unit (``中共某局党组关于落实市委第五巡察组反馈意见…``) that 我局 or a lost character stands for.

    Never raises.
    """
    reader = RoundReader()
    for line, (_, text) in enumerate(texts, 1):  # lines from 1, as a notice's: the locations are mapped back below
        folded = fold(simplified(text))
        reader.sentences(line, Place.PREAMBLE, text, folded, reader.dates(line, folded))
    found = reader.found
    full = in_original(title, title_unit(simplified(title))) if title else None
    inspector, _ = reader.inspector(title, None)
    target, _ = reader.target(full, None)
    kind = reader.kind()
    unstated = {name for name, value in (("inspector", inspector), ("target", target)) if value is None}
    where = {name: texts[n - 1][0] for name, n in found.lines.items() if name.split("/")[0] not in unstated}
    notes = tuple((texts[d.line - 1][0], d) for d in found.diagnostics if d.line is not None)
    return RoundFacts(
        kind=None if kind is None else kind[0],
        inspector=inspector,
        target=target,
        start=found.dates.get("start"),
        end=found.dates.get("end"),
        feedback_date=found.dates.get("feedback_date"),
        plan_date=found.dates.get("plan_date"),
        as_of=found.dates.get("as_of"),
        declared=DeclaredCounts(**found.counts),
        where=where,
        diagnostics=notes,
    )

"""The round report for leaders: how far each unit has got, what is overdue and with whom, what recurs.

:func:`build_overview` counts, from the ledgers, workbooks and notices given (across units and
rounds), per unit and round: problems and measures, completion declared and itemized and
whether they agree, measures on time, late, overdue and long-term, evidence coverage, findings
by severity; across them: overdue measures by responsible department (oldest first), the
outcome distribution, the deadline timeline by month, problems found in several rounds and
those carried over unresolved (from the graph), and an indicator table per unit graded
优秀 / 较好 / 一般 / 差 by thresholds (``_grades``: defaults, or a TOML file).
:func:`write_overview` writes it as one HTML page, or as a Word document.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from ..diagnostics import Report
from ..errors import Lang
from ..graph import CarriedOver, Recurrence, build_graph, carried_over, recurring
from ..model import Ledger
from ._figures import Overdue, Round, rounds_of, timeline
from ._grades import DEFAULT, Grade, Thresholds, ThresholdsError, grade, load_thresholds, worst
from ._html import overview_html
from ._word import write_word

__all__ = [
    "DEFAULT",
    "Overview",
    "Round",
    "Thresholds",
    "ThresholdsError",
    "UnitGrade",
    "build_overview",
    "load_thresholds",
    "write_overview",
]


@frozen
class UnitGrade:
    """A unit's indicators over its rounds, and their grades."""

    unit: str
    completion: Decimal | None
    on_time: Decimal | None
    evidence: Decimal | None
    carried_over: int
    grades: dict[str, Grade | None]
    overall: Grade | None


@frozen
class Overview:
    """Everything the round report shows, as data (see the module's summary)."""

    files: int
    rounds: tuple[Round, ...]
    grades: tuple[UnitGrade, ...]
    overdue: tuple[Overdue, ...]
    outcomes: dict[str, int]
    timeline: tuple[tuple[str, int, int], ...]
    recurring: tuple[Recurrence, ...]
    carried: tuple[CarriedOver, ...]
    thresholds_source: str | None = None


def _percent(part: int, whole: int) -> Decimal | None:
    return None if not whole else Decimal(part * 100) / whole


def _unit_grade(unit: str, rounds: Sequence[Round], carried: int, thresholds: Thresholds) -> UnitGrade:
    measures = sum(r.stated for r in rounds)  # a measure whose state is not stated is not counted as not done
    completed = sum(r.completed for r in rounds)
    on_time = sum(r.on_time for r in rounds)
    due = sum(r.on_time + r.late + len(r.overdue) for r in rounds)
    evidence = sum(r.with_evidence for r in rounds)
    figures: dict[str, Decimal | int | None] = {
        "completion": _percent(completed, measures),
        "on_time": _percent(on_time, due),
        "evidence": _percent(evidence, completed),
        "carried_over": carried,
    }
    grades = {name: grade(name, value, thresholds) for name, value in figures.items()}
    return UnitGrade(
        unit,
        _percent(completed, measures),
        _percent(on_time, due),
        _percent(evidence, completed),
        carried,
        grades,
        # graded overall only on a rate the ledgers give: nothing found again alone says nothing of the work
        worst(list(grades.values())) if any(grades[name] for name in ("completion", "on_time", "evidence")) else None,
    )


def build_overview(
    documents: Sequence[tuple[str, Ledger, Report]],
    thresholds: Thresholds = DEFAULT,
    *,
    thresholds_source: str | None = None,
) -> Overview:
    """The round report's figures for *documents*: ``(path, ledger, located report)`` each."""
    rounds = rounds_of(documents)
    graph = build_graph(*(ledger for _, ledger, _ in documents))
    carried = carried_over(graph)
    by_unit: Counter[str] = Counter()
    unit_of = {(r.round): r.unit for r in rounds}
    for c in carried:
        by_unit[unit_of.get(c.problem.inspection, c.problem.unit or "")] += 1
    units = sorted({r.unit for r in rounds})
    grades = tuple(_unit_grade(u, [r for r in rounds if r.unit == u], by_unit[u], thresholds) for u in units)
    overdue = sorted(
        (o for r in rounds for o in r.overdue), key=lambda o: (o.deadline.first, o.department, o.unit, o.measure)
    )
    outcomes: Counter[str] = Counter()
    for r in rounds:
        outcomes.update(r.states)
    return Overview(
        len(documents),
        tuple(rounds),
        grades,
        tuple(overdue),
        dict(outcomes.most_common()),
        tuple(timeline(documents)),
        tuple(recurring(graph)),
        tuple(carried),
        thresholds_source,
    )


def write_overview(overview: Overview, path: str | os.PathLike[str], lang: Lang = "zh") -> None:
    """Write *overview* to *path*: a Word document if it ends in ``.docx``, else an HTML page."""
    if os.fspath(path).lower().endswith(".docx"):
        write_word(overview, path, lang)
        return
    with open(path, "w", encoding="utf-8") as fp:
        fp.write(overview_html(overview, lang))

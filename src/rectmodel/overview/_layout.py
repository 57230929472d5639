"""The round report's layout, once for every format: its sections, each a heading, notes, a table and a chart.

The HTML page (``_html``) and the Word document (``_word``) render the same sections; a cell is
text, a number, or ``(text, grade)`` for a graded cell the formats colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from attrs import frozen

from ..errors import Lang
from ..messages import OverviewText, say, word

if TYPE_CHECKING:
    from . import Overview

__all__ = ["Cell", "Chart", "Section", "sections"]

_T = OverviewText
_GRADE_WORDS = {"excellent": _T.EXCELLENT, "good": _T.GOOD, "fair": _T.FAIR, "poor": _T.POOR}

Cell = str | int | Decimal | tuple[str, str]


@frozen
class Chart:
    """A bar chart: a title, a label per group of bars, and named series of values."""

    title: str
    labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[int]]]


@frozen
class Section:
    """One part of the report. ``level`` 1 is the title, 2 a section, 3 a unit's own (a new page in print)."""

    level: int
    heading: str
    notes: Sequence[str] = ()
    headers: Sequence[str] = ()
    rows: Sequence[Sequence[Cell]] = ()
    chart: Chart | None = None
    empty: str = ""  # said when there are no rows


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.1'))}%"


def _grade(grade: str | None, lang: Lang) -> Cell:
    return "—" if grade is None else (say(_GRADE_WORDS[grade], lang), grade)


def _says(lang: Lang, *codes: OverviewText) -> list[str]:
    return [say(code, lang) for code in codes]


def sections(overview: Overview, lang: Lang) -> list[Section]:
    """The report's sections, in order, in *lang*."""
    units = sorted({r.unit for r in overview.rounds})
    none = say(_T.NONE, lang)
    basis = say(_T.BASIS, lang, files=overview.files, rounds=len(overview.rounds), units=len(units))
    out = [Section(1, say(_T.TITLE, lang), (basis,))]
    source = overview.thresholds_source or say(_T.DEFAULTS, lang)
    grades = [
        [g.unit, _pct(g.completion), _grade(g.grades["completion"], lang), _pct(g.on_time),
         _grade(g.grades["on_time"], lang), _pct(g.evidence), _grade(g.grades["evidence"], lang), g.carried_over,
         _grade(g.grades["carried_over"], lang), _grade(g.overall, lang)]
        for g in overview.grades
    ]  # fmt: skip
    headers = _says(lang, _T.UNIT, _T.COMPLETION, _T.GRADE, _T.ON_TIME_RATE, _T.GRADE, _T.EVIDENCE, _T.GRADE)
    headers += _says(lang, _T.CARRIED_COUNT, _T.GRADE, _T.OVERALL)
    notes = (say(_T.THRESHOLDS, lang, source=source),)
    out.append(Section(2, say(_T.INDICATORS, lang), notes, headers, grades, empty=none))
    labels = [word("state", s, lang) if s != "unstated" else say(_T.UNSTATED, lang) for s in overview.outcomes]
    counts = list(overview.outcomes.values())
    chart = Chart(say(_T.CHART_OUTCOMES, lang), labels, [("", counts)]) if counts else None
    rows: list[list[Cell]] = [[label, n] for label, n in zip(labels, counts, strict=True)]
    out.append(Section(2, say(_T.OUTCOMES, lang), (), _says(lang, _T.STATE, _T.COUNT), rows, chart, none))
    months = [m for m, _, _ in overview.timeline]
    due, done = [n for _, n, _ in overview.timeline], [k for _, _, k in overview.timeline]
    series = [(say(_T.DUE, lang), due), (say(_T.DONE, lang), done)]
    chart = Chart(say(_T.CHART_TIMELINE, lang), months, series) if months else None
    rows = [[m, n, k] for m, n, k in overview.timeline]
    out.append(Section(2, say(_T.TIMELINE, lang), (), _says(lang, _T.MONTH, _T.DUE, _T.DONE), rows, chart, none))
    rows = [
        [o.department or say(_T.NO_DEPARTMENT, lang), o.unit, o.round, o.measure, o.text, str(o.deadline),
         word("state", o.state.value, lang)]
        for o in overview.overdue
    ]  # fmt: skip
    headers = _says(lang, _T.DEPARTMENT, _T.UNIT, _T.ROUND, _T.MEASURE, _T.TEXT, _T.DEADLINE, _T.STATE)
    out.append(Section(2, say(_T.OVERDUE, lang), (), headers, rows, empty=none))
    rows = [
        [say(_T.IN_ROUNDS, lang, n=r.rounds), " → ".join(f"{p.inspection} {p.problem} {p.title}" for p in r.problems)]
        for r in overview.recurring
    ]
    out.append(Section(2, say(_T.RECURRING, lang), (), _says(lang, _T.ROUND, _T.PROBLEMS), rows, empty=none))
    rows = [
        [c.problem.unit or "", f"{c.problem.inspection} {c.problem.problem} {c.problem.title}",
         "; ".join(f"{p.inspection} {p.problem}" for p in c.found_again)]
        for c in overview.carried
    ]  # fmt: skip
    headers = _says(lang, _T.UNIT, _T.PROBLEMS, _T.ROUND)
    out.append(Section(2, say(_T.CARRIED, lang), (), headers, rows, empty=none))
    out.append(Section(2, say(_T.ROUNDS, lang)))
    headers = _says(
        lang, _T.ROUND, _T.INSPECTOR, _T.FEEDBACK, _T.AS_OF, _T.PROBLEMS, _T.MEASURES, _T.COMPLETED, _T.DECLARED,
        _T.ITEMIZED, _T.AGREE, _T.ON_TIME, _T.LATE, _T.OVERDUE_COUNT, _T.LONG_TERM, _T.EVIDENCE, _T.FINDINGS,
    )  # fmt: skip
    for unit in units:
        rows = []
        for r in (r for r in overview.rounds if r.unit == unit):
            agree = "—" if r.rates_agree is None else say(_T.YES if r.rates_agree else _T.NO, lang)
            findings = " / ".join(str(r.findings[s]) for s in ("error", "warning", "info"))
            rows.append([
                r.round, r.inspector or "—", str(r.feedback_date or "—"), str(r.as_of or "—"), r.problems, r.measures,
                r.completed, r.declared_rate or "—", _pct(r.completion), agree, r.on_time, r.late, len(r.overdue),
                r.long_term, _pct(r.evidence_rate), findings,
            ])  # fmt: skip
        out.append(Section(3, unit, (), headers, rows))
    return out

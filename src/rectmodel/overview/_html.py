"""The round report as one self-contained HTML page: tables, and SVG charts where matplotlib is installed.

Every piece of document text is escaped; the page loads nothing (its Content-Security-Policy
forbids scripts and requests); each unit's section starts a new page when printed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from .._safe import visible
from ..errors import Lang
from ..messages import OverviewText, say, word
from ._charts import bar_chart, can_draw

if TYPE_CHECKING:
    from . import Overview

__all__ = ["overview_html"]

_T = OverviewText
_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em 0; }
th, td { border: 1px solid #bbb; padding: 3px 8px; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; }
.excellent { background: #c6efce; } .good { background: #ddebf7; } .fair { background: #ffeb9c; }
.poor { background: #ffc7ce; }
section.unit { break-before: page; }
figure { margin: 0 0 1.5em 0; }
"""
_GRADE_WORDS = {"excellent": _T.EXCELLENT, "good": _T.GOOD, "fair": _T.FAIR, "poor": _T.POOR}


def _e(text: object) -> str:
    return html.escape(visible(str(text)), quote=True)


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.1'))}%"


def _table(lang: Lang, headers: Sequence[OverviewText], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{_e(say(h, lang))}</th>" for h in headers) + "</tr>"]
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, tuple):  # (text, css class)
                cells.append(f'<td class="{value[1]}">{_e(value[0])}</td>')
            elif isinstance(value, int | Decimal):
                cells.append(f'<td class="num">{_e(value)}</td>')
            else:
                cells.append(f"<td>{_e(value)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return out


def _grade_cell(grade: str | None, lang: Lang) -> tuple[str, str] | str:
    return "—" if grade is None else (say(_GRADE_WORDS[grade], lang), grade)


def overview_html(overview: Overview, lang: Lang) -> str:
    """The page of *overview*, in *lang*."""
    title = say(_T.TITLE, lang)
    units = sorted({r.unit for r in overview.rounds})
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(say(_T.BASIS, lang, files=overview.files, rounds=len(overview.rounds), units=len(units)))}</p>",
        f"<h2>{_e(say(_T.INDICATORS, lang))}</h2>",
    ]
    source = overview.thresholds_source or say(_T.DEFAULTS, lang)
    out.append(f"<p>{_e(say(_T.THRESHOLDS, lang, source=source))}</p>")
    grade_rows = [
        [
            g.unit,
            _pct(g.completion),
            _grade_cell(g.grades["completion"], lang),
            _pct(g.on_time),
            _grade_cell(g.grades["on_time"], lang),
            _pct(g.evidence),
            _grade_cell(g.grades["evidence"], lang),
            g.carried_over,
            _grade_cell(g.grades["carried_over"], lang),
            _grade_cell(g.overall, lang),
        ]
        for g in overview.grades
    ]
    headers = (_T.UNIT, _T.COMPLETION, _T.GRADE, _T.ON_TIME_RATE, _T.GRADE, _T.EVIDENCE, _T.GRADE)
    out += _table(lang, (*headers, _T.CARRIED_COUNT, _T.GRADE, _T.OVERALL), grade_rows)
    outcome_labels = [word("state", s, lang) if s != "unstated" else say(_T.UNSTATED, lang) for s in overview.outcomes]
    out += [f"<h2>{_e(say(_T.OUTCOMES, lang))}</h2>"]
    out += _table(lang, (_T.STATE, _T.COUNT), list(zip(outcome_labels, overview.outcomes.values(), strict=True)))
    if can_draw() and overview.outcomes:
        chart = bar_chart(say(_T.CHART_OUTCOMES, lang), outcome_labels, [("", list(overview.outcomes.values()))])
        out.append(f"<figure>{chart}</figure>")
    out += [f"<h2>{_e(say(_T.TIMELINE, lang))}</h2>"]
    out += _table(lang, (_T.MONTH, _T.DUE, _T.DONE), overview.timeline)
    if can_draw() and overview.timeline:
        months = [m for m, _, _ in overview.timeline]
        series = [(say(_T.DUE, lang), [n for _, n, _ in overview.timeline])]
        series.append((say(_T.DONE, lang), [k for _, _, k in overview.timeline]))
        out.append(f"<figure>{bar_chart(say(_T.CHART_TIMELINE, lang), months, series)}</figure>")
    out += [f"<h2>{_e(say(_T.OVERDUE, lang))}</h2>"]
    overdue_rows = [
        [o.department or say(_T.NO_DEPARTMENT, lang), o.unit, o.round, o.measure, o.text, str(o.deadline),
         word("state", o.state.value, lang)]
        for o in overview.overdue
    ]  # fmt: skip
    overdue_headers = (_T.DEPARTMENT, _T.UNIT, _T.ROUND, _T.MEASURE, _T.TEXT, _T.DEADLINE, _T.STATE)
    out += _table(lang, overdue_headers, overdue_rows) if overdue_rows else [f"<p>{_e(say(_T.NONE, lang))}</p>"]
    out += [f"<h2>{_e(say(_T.RECURRING, lang))}</h2>"]
    recurring_rows = [
        [say(_T.IN_ROUNDS, lang, n=r.rounds), " → ".join(f"{p.inspection} {p.problem} {p.title}" for p in r.problems)]
        for r in overview.recurring
    ]
    out += (
        _table(lang, (_T.ROUND, _T.PROBLEMS), recurring_rows)
        if recurring_rows
        else [f"<p>{_e(say(_T.NONE, lang))}</p>"]
    )
    out += [f"<h2>{_e(say(_T.CARRIED, lang))}</h2>"]
    carried_rows = [
        [c.problem.unit or "", f"{c.problem.inspection} {c.problem.problem} {c.problem.title}",
         "; ".join(f"{p.inspection} {p.problem}" for p in c.found_again)]
        for c in overview.carried
    ]  # fmt: skip
    out += (
        _table(lang, (_T.UNIT, _T.PROBLEMS, _T.ROUND), carried_rows)
        if carried_rows
        else [f"<p>{_e(say(_T.NONE, lang))}</p>"]
    )
    out.append(f"<h2>{_e(say(_T.ROUNDS, lang))}</h2>")
    sep = " / "
    for unit in units:
        out.append(f'<section class="unit"><h3>{_e(unit)}</h3>')
        rows = []
        for r in (r for r in overview.rounds if r.unit == unit):
            agree = "—" if r.rates_agree is None else say(_T.YES if r.rates_agree else _T.NO, lang)
            findings = sep.join(str(r.findings[s]) for s in ("error", "warning", "info"))
            rows.append([
                r.round, r.inspector or "—", str(r.feedback_date or "—"), str(r.as_of or "—"), r.problems, r.measures,
                r.completed, r.declared_rate or "—", _pct(r.completion), agree, r.on_time, r.late, len(r.overdue),
                r.long_term, _pct(r.evidence_rate), findings,
            ])  # fmt: skip
        round_headers = (
            _T.ROUND, _T.INSPECTOR, _T.FEEDBACK, _T.AS_OF, _T.PROBLEMS, _T.MEASURES, _T.COMPLETED, _T.DECLARED,
            _T.ITEMIZED, _T.AGREE, _T.ON_TIME, _T.LATE, _T.OVERDUE_COUNT, _T.LONG_TERM, _T.EVIDENCE, _T.FINDINGS,
        )  # fmt: skip
        out += [*_table(lang, round_headers, rows), "</section>"]
    out += ["</body></html>", ""]
    return "\n".join(out)

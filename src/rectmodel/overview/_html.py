"""The round report as one self-contained HTML page: its sections' tables, and SVG charts where matplotlib is installed.

Every piece of document text is escaped; the page loads nothing (its Content-Security-Policy
forbids scripts and requests); each unit's section starts a new page when printed.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from .._safe import visible
from ..errors import Lang
from ._charts import bar_chart, can_draw
from ._layout import Section, sections

if TYPE_CHECKING:
    from . import Overview

__all__ = ["overview_html"]

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


def _e(text: object) -> str:
    return html.escape(visible(str(text)), quote=True)


def _table(section: Section) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in section.headers) + "</tr>"]
    for row in section.rows:
        cells = []
        for value in row:
            if isinstance(value, tuple):  # (text, grade): coloured by its grade
                cells.append(f'<td class="{value[1]}">{_e(value[0])}</td>')
            elif isinstance(value, int | Decimal):
                cells.append(f'<td class="num">{_e(value)}</td>')
            else:
                cells.append(f"<td>{_e(value)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return [*out, "</table>"]


def overview_html(overview: Overview, lang: Lang) -> str:
    """The page of *overview*, in *lang*."""
    parts = sections(overview, lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(parts[0].heading)}</title><style>{_STYLE}</style></head><body>",
    ]
    draw = can_draw()
    for section in parts:
        if section.level == 3:
            out.append('<section class="unit">')
        out.append(f"<h{section.level}>{_e(section.heading)}</h{section.level}>")
        out += [f"<p>{_e(note)}</p>" for note in section.notes]
        if section.rows:
            out += _table(section)
        elif section.empty:
            out.append(f"<p>{_e(section.empty)}</p>")
        if section.chart is not None and draw:
            chart = section.chart
            out.append(f"<figure>{bar_chart(chart.title, chart.labels, chart.series)}</figure>")
        if section.level == 3:
            out.append("</section>")
    out += ["</body></html>", ""]
    return "\n".join(out)

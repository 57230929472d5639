"""Redraw the docs' screenshots: the round report of the bundled examples, an annotated notice page, and an
annotated workbook (its sheet drawn as an HTML table by Chromium: cells, fills and comments as openpyxl reads them).

Run from the repository root with the dev tools and Chromium installed (scripts/system-packages.sh):
``.venv/bin/python scripts/screenshots.py``. Writes docs/images/report.png, annotated.png, annotated-workbook.png.
"""

from __future__ import annotations

import html
import shutil
import sys
import tempfile
from pathlib import Path

import openpyxl
from playwright.sync_api import sync_playwright

from rectmodel.cli import main

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def _shoot(page_file: Path, out: Path, width: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("scripts/screenshots.py: Chromium is not installed (scripts/system-packages.sh)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(page_file.as_uri())
        page.screenshot(path=str(out))
        browser.close()


def _sheet_page(workbook: Path, out: Path) -> None:
    """The annotated workbook's ledger sheet as an HTML table, each comment shown under its cell's text."""
    sheet = openpyxl.load_workbook(workbook).worksheets[1]
    rows = []
    for row in sheet.iter_rows(max_row=12, max_col=9):
        cells = []
        for cell in row:
            colour = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
            style = f' style="background:#{colour[-6:]}"' if isinstance(colour, str) else ""
            note = f'<div class="c">{html.escape(cell.comment.text)}</div>' if cell.comment else ""
            cells.append(f"<td{style}>{html.escape(str(cell.value or ''))}{note}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    css = (
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:12px;margin:1em}table{border-collapse:collapse}"
        "td{border:1px solid #ccc;padding:2px 4px;vertical-align:top;max-width:220px}"
        ".c{margin-top:3px;padding:2px;background:#fffbe6;border:1px solid #e0c060;font-size:11px;white-space:pre-wrap}"
    )
    title = html.escape(f"{workbook.name} — {sheet.title}")
    out.write_text(f"<html><meta charset='utf-8'><style>{css}</style><h3>{title}</h3><table>{''.join(rows)}</table>",
                   encoding="utf-8")  # fmt: skip


def run() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "报告.html"
        main(["report", str(ROOT / "examples"), "-o", str(report), "--lang", "zh"])
        _shoot(report, IMAGES / "report.png", 1200)
        notice = Path(folder) / "通报.txt"
        shutil.copy(ROOT / "examples" / "round-report.txt", notice)
        main(["validate", str(notice), "--annotate", "--lang", "zh"])
        _shoot(Path(folder) / "通报-审核意见.html", IMAGES / "annotated.png", 1200)
        ledger = Path(folder) / "台账.xlsx"
        main(["export", str(ROOT / "examples" / "xianning-2025.json"), "-o", str(ledger)])
        main(["validate", str(ledger), "--annotate", "--lang", "zh"])
        sheet = Path(folder) / "sheet.html"
        _sheet_page(Path(folder) / "台账-审核意见.xlsx", sheet)
        _shoot(sheet, IMAGES / "annotated-workbook.png", 1400)


if __name__ == "__main__":
    run()

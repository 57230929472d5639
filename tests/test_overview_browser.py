"""The round report in a real browser: Debian's Chromium, driven by Playwright (no browser download).

The page loads with no console error and no request, shows the key figures, and prints to PDF
with each unit's section starting on a page of its own. Skips where Chromium or Playwright is
missing (scripts/system-packages.sh installs Chromium and Noto CJK where it can).
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rectmodel.cli import main

from support import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (scripts/system-packages.sh)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "报告.html"
    examples = ROOT / "examples"
    assert main(["report", str(examples), "-o", str(out), "--lang", "zh"]) == 0
    return out


def test_the_report_loads_with_no_console_error_and_no_request_and_shows_its_figures(
    browser: Any, report: Path
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    text = page.inner_text("body")
    assert errors == []
    assert requests == [report.as_uri()]  # the page itself, and nothing else
    for figure in ("巡察整改情况报告", "整改成效评价", "xugou-sjj", "财务科", "P5-M1", "2023-10-31", "优秀"):
        assert figure in text, figure
    assert page.locator("figure svg").count() == 2  # the outcome and timeline charts
    chart_text = page.locator("figure svg text").all_text_contents()
    assert any("整改" in t for t in chart_text)  # the charts' Chinese is text, in the page's font
    page.close()


def test_the_printed_report_starts_each_unit_on_a_page_of_its_own(browser: Any, report: Path) -> None:
    import pypdf

    page = browser.new_page()
    page.goto(report.as_uri())
    units = page.locator("section.unit h3").all_inner_texts()
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", landscape=True)))
    page.close()
    texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) >= len(units) + 1
    starts = []
    for unit in units:
        (found,) = [k for k, t in enumerate(texts) if t.lstrip().startswith(unit)]
        starts.append(found)
    assert starts == sorted(set(starts))  # one page each, in order

"""Redraw the docs' screenshots: the round report of the bundled examples, and an annotated notice page.

Run from the repository root with the dev tools and Chromium installed (scripts/system-packages.sh):
``.venv/bin/python scripts/screenshots.py``. Writes docs/images/report.png and docs/images/annotated.png.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

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


if __name__ == "__main__":
    run()

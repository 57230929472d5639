"""The documentation site builds offline with no warning, from the registry and the committed schema."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from rectmodel._format import diagnostic_line
from rectmodel.diagnostics import Diagnostic
from rectmodel.rules import RULES
from rectmodel.schema import SCHEMA_ID

from support import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML site, built as CI builds it: warnings are errors, and every warning is shown before failing."""
    out = tmp_path_factory.mktemp("site")
    options = ["-W", "--keep-going", "-q", "-b", "html", "-d", str(out / ".doctrees")]
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", *options, str(ROOT / "docs"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    return out


def test_site_builds_without_warnings(site: Path) -> None:
    """Every page of docs/ is in the site: the index reaches the quickstarts, the guides and the API reference."""
    pages = {p.stem for p in (ROOT / "docs").glob("*.md")}
    assert pages <= {p.stem for p in site.glob("*.html")}
    index = (site / "index.html").read_text(encoding="utf-8")
    for page in pages - {"index"}:
        assert f'href="{page}.html"' in index, f"{page}.md is not in the index's toctree"


def test_api_reference_is_generated_from_the_docstrings(site: Path) -> None:
    api = (site / "api.html").read_text(encoding="utf-8")
    for name in ("rectmodel.validate", "rectmodel.Ledger", "rectmodel.operations.close", "rectmodel.notices.parse"):
        assert f'id="{name}"' in api, name
    assert "Run every rule and return the report" in api  # a docstring's text


def test_rule_catalogue_is_generated_from_the_registry(site: Path) -> None:
    """Each rule has its section, what it requires, and its example finding in English and in Chinese."""
    page = (site / "rules.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))  # the text as read: code blocks are split into spans
    for r in RULES.values():
        assert f'id="{r.name}"' in page, r.name
        assert r.summary in text
        d = Diagnostic(r.name, r.severity, r.example.pointer, r.example.params, r.example.related)
        assert diagnostic_line(d, "en") in text
        assert diagnostic_line(d, "zh") in text


def test_schema_is_published_at_its_id(site: Path) -> None:
    """The committed schema lies in the site at the path its $id names, so that the $id resolves once published."""
    published = site / urlparse(SCHEMA_ID).path.lstrip("/")
    assert published.read_bytes() == (ROOT / "schemas" / "ledger.schema.json").read_bytes()

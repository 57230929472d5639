"""A Sphinx extension for the rectmodel site: the rule catalogue from the registry, the schema at its ``$id``.

- ``rules.md`` is rendered from the rule registry at build time (``rectmodel rules --format
  markdown``), so the site never shows a stale catalogue; the committed file, which GitHub
  shows, is kept equal to it by ``tests/test_cli.py``.
- The committed JSON Schema is copied into the built site at the path its ``$id`` names
  (``/schemas/ledger-<version>.schema.json`` under the site's root), so the ``$id`` resolves
  where the site is served at its domain's root (``.readthedocs.yaml``: one version, no translations).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pygments.lexers.special import TextLexer
from sphinx.application import Sphinx

from rectmodel._format import rules_markdown
from rectmodel.schema import SCHEMA_ID

SCHEMA = Path(__file__).parents[2] / "schemas" / "ledger.schema.json"


def schema_path() -> str:
    """Where the schema lies in the built site, relative to its root: the path of its ``$id``."""
    return urlparse(SCHEMA_ID).path.lstrip("/")


def _rules_from_registry(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname == "rules":
        source[0] = rules_markdown()


def _publish_schema(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / schema_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCHEMA, target)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks."""
    # GitHub draws ```mermaid blocks as diagrams; the site shows their source (no lexer, no script from a CDN).
    app.add_lexer("mermaid", TextLexer)
    app.connect("source-read", _rules_from_registry)
    app.connect("build-finished", _publish_schema)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

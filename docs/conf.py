"""Sphinx configuration of the rectmodel documentation site (furo, MyST Markdown, autodoc).

Built offline and with warnings as errors by ``tests/test_docs_site.py``:
``sphinx-build -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE / "_ext"), str(HERE.parent / "src")]

import rectmodel  # noqa: E402 -- after the path is set, so that a checkout builds without installing

project = "rectmodel"
author = "rectmodel developers"
copyright = "rectmodel developers"
release = version = rectmodel.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "rectmodel_docs",  # docs/_ext: the rule catalogue from the registry, the schema at its $id
]

# Text as rectmodel prints it: no curly quotes or dashes put into messages, rule summaries and commands.
smartquotes = False

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]

# MyST: anchors for `#name` links to headings (the rule catalogue links each rule to its section).
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"rectmodel {release}"

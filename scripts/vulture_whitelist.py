"""Names vulture cannot see used, each with who uses it; vulture reads this file, nothing imports it.

Attribute access on ``_`` is vulture's whitelist idiom: it marks the name used wherever it is defined.
Rules and mutators are found by their decorators and fixtures by pytest (see ``[tool.vulture]``), so they
are not listed here.
"""

from typing import Any

_: Any = None

# src/rectmodel
_.__dir__  # src/rectmodel/__init__.py: the module's dir(), which Python calls (PEP 562)
_.cancel_futures  # batch._InlineExecutor.shutdown keeps concurrent.futures.Executor's signature for its callers
_.prec  # decimal.Context.prec: rules.counts.rate_matches widens the precision of a local context
_.__call__  # strategies.Mutator: the Protocol's call signature, what a mutator is called with
_.__getattr__  # notices.__getattr__: the module hook (PEP 562) that loads the reader on first use
_.bold  # python-docx's Run.bold: annotation._word sets the findings table's heading bold
_.orientation  # python-docx's Section.orientation: overview._word lays the report's pages landscape
_.tabSelected  # openpyxl's SheetView.tabSelected: annotation._workbook leaves only the review sheet selected

# tests
_.sheet_state  # openpyxl's Worksheet.sheet_state: tests/test_sheets.py hides a sheet by setting it
_.suggested  # tests/test_suggest.py Quality: shown in the assertion message when a quality bar fails
_.recurrences  # the same

"""rectmodel: model, validate and link inspection-rectification ledgers (巡察整改台账).

The public API is what this module exports; everything else is private.

What a program that only loads and validates ledgers does not need (annotating files, reconciling
rounds) loads when first used, so that ``import rectmodel`` stays quick (SPEC 1's lazy attributes).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .codec import dump, dumps, load, loads
from .dates import Deadline, DeadlineTerm, PartialDate
from .diagnostics import Diagnostic, Report, Severity, ValidationError, Waiver, load_waivers
from .errors import LoadError, LoadIssue, OperationError, RectmodelError
from .model import (
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    Link,
    LinkKind,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    State,
    Status,
    Succession,
)
from .rules import Config, check, iter_diagnostics, validate

if TYPE_CHECKING:
    from .annotation import annotate
    from .reconciliation import ReconcileError, Reconciliation, reconcile

# Each lazy attribute, by the module that defines it.
_LAZY = {
    "annotate": ".annotation",
    "ReconcileError": ".reconciliation",
    "Reconciliation": ".reconciliation",
    "reconcile": ".reconciliation",
}

__version__ = "0.1.0"

__all__ = [
    "Config",
    "Deadline",
    "DeadlineTerm",
    "DeclaredCounts",
    "Diagnostic",
    "DocumentKind",
    "Group",
    "GroupLevel",
    "Inspection",
    "InspectionKind",
    "Ledger",
    "Link",
    "LinkKind",
    "LoadError",
    "LoadIssue",
    "Measure",
    "MeasureLevel",
    "OperationError",
    "PartialDate",
    "Problem",
    "ProblemLevel",
    "ReconcileError",
    "Reconciliation",
    "RectmodelError",
    "Report",
    "Responsibility",
    "Severity",
    "State",
    "Status",
    "Succession",
    "ValidationError",
    "Waiver",
    "__version__",
    "annotate",
    "check",
    "dump",
    "dumps",
    "iter_diagnostics",
    "load",
    "load_waivers",
    "loads",
    "reconcile",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

"""rectmodel: model, validate and link inspection-rectification ledgers (巡察整改台账).

The public API is what this module exports; everything else is private.

The model and the codec load with the package; the rules, annotating files and reconciling rounds
load when first used, so that ``import rectmodel`` stays quick (SPEC 1's lazy attributes).
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING

from ._collector import pause as _pause
from ._collector import resume as _resume
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

if _TYPE_CHECKING:
    from .annotation import annotate
    from .reconciliation import ReconcileError, Reconciliation, reconcile
    from .rules import Config, check, iter_diagnostics, validate

# Each lazy attribute, by the module that defines it.
_LAZY = {
    "Config": ".rules",
    "check": ".rules",
    "iter_diagnostics": ".rules",
    "validate": ".rules",
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


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # Importing allocates thousands of objects; straight after loads, a collection among them would scan
    # the young ledger. Paused (allocating nothing to pause), the import leaves that collection to come
    # later, where loads left it: validate(loads(data)) pays no collection for validate's import.
    was = _pause()
    try:
        value = getattr(_importlib.import_module(module, __name__), name)
    finally:
        _resume(was)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

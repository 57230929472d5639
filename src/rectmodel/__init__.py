"""rectmodel: model, validate and link inspection-rectification ledgers (巡察整改台账).

The public API is what this module exports; everything else is private.
"""

from .annotation import annotate
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
from .reconciliation import ReconcileError, Reconciliation, reconcile
from .rules import Config, check, iter_diagnostics, validate

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

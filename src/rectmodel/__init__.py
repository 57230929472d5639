"""rectmodel: model, validate and link inspection-rectification ledgers (巡察整改台账).

The public API is what this module exports; everything else is private.
"""

from .codec import dump, dumps, load, loads
from .dates import PartialDate
from .errors import LoadError, LoadIssue, RectmodelError
from .model import (
    DeclaredCounts,
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

__version__ = "0.1.0"

__all__ = [
    "DeclaredCounts",
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
    "PartialDate",
    "Problem",
    "ProblemLevel",
    "RectmodelError",
    "Responsibility",
    "State",
    "Status",
    "Succession",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
]

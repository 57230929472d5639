"""The catalogue: every word and message rectmodel shows a user, in English and Chinese.

Messages come in families, one per kind of emitter, each with its codes declared
once as a type the emitter uses (so mypy refuses an undeclared code; a test, a
declared code without a message), and each in the module of its area:

- ``readers``: load issues, ``LoadCode`` (the codec); parse findings, ``ParseCode``
  (the notice reader); sheet findings, ``SheetCode`` (the workbook reader);
- ``rules``: each rule's summary and the message of its findings, in one row keyed by the
  rule names of ``rectmodel.rules.RULES``; waiver findings, ``WaiverCode``; the
  configuration's refusals, ``ConfigCode``;
- ``reconcile``: each comparison's summary and the message of its findings, keyed by the
  names of ``rectmodel.reconciliation.COMPARISONS``; the reconciliation's refusals, ``ReconcileText``;
- ``operations``: operation refusals, ``OpCode``;
- ``cli``: the command line's and the exceptions' own words, ``CliText``;
- ``annotate``: the words of an annotated file around its findings, ``AnnotateText``;
- ``overview``: the round report's sections, columns and grades, ``OverviewText``.

Words that stand inside messages come from ``lexicons`` (domain terms, states,
inspection kinds, JSON types, reasons); ``_core`` compiles and fills the templates.

>>> render("duplicate-id", {"kind": "measure", "id": "M3"}, "zh")
'整改措施编号“M3”重复'
"""

from ._core import FAMILIES, MESSAGES, fill, reason, render, say, word
from ._message import Lang, Message
from .annotate import AnnotateText
from .cli import CliText
from .lexicons import LEXICONS
from .operations import OpCode
from .overview import OverviewText
from .readers import LoadCode, ParseCode, SheetCode
from .reconcile import COMPARISONS, ReconcileText
from .rules import CONFIG, SUMMARIES, ConfigCode, WaiverCode

__all__ = [
    "COMPARISONS",
    "CONFIG",
    "FAMILIES",
    "LEXICONS",
    "MESSAGES",
    "SUMMARIES",
    "AnnotateText",
    "CliText",
    "ConfigCode",
    "Lang",
    "LoadCode",
    "Message",
    "OpCode",
    "OverviewText",
    "ParseCode",
    "ReconcileText",
    "SheetCode",
    "WaiverCode",
    "fill",
    "reason",
    "render",
    "say",
    "word",
]

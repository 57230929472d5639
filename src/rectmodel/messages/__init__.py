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

>>> from rectmodel.messages import render
>>> render("duplicate-id", {"kind": "measure", "id": "M3"}, "zh")
'整改措施编号“M3”重复'
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING

if _TYPE_CHECKING:
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

# Each name, by the module that defines it: a module loads when one of its names is first used, so that
# ``import rectmodel`` loads the codes its exceptions carry, not every table of words (SPEC 1's lazy
# attributes, as the package's own).
_LAZY = {
    **dict.fromkeys(("FAMILIES", "MESSAGES", "fill", "reason", "render", "say", "word"), "._core"),
    **dict.fromkeys(("Lang", "Message"), "._message"),
    "AnnotateText": ".annotate",
    "CliText": ".cli",
    "LEXICONS": ".lexicons",
    "OpCode": ".operations",
    "OverviewText": ".overview",
    **dict.fromkeys(("LoadCode", "ParseCode", "SheetCode"), ".readers"),
    **dict.fromkeys(("COMPARISONS", "ReconcileText"), ".reconcile"),
    **dict.fromkeys(("CONFIG", "SUMMARIES", "ConfigCode", "WaiverCode"), ".rules"),
}

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


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

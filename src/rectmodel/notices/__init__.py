"""Read public rectification notices (整改进展情况通报) into ledgers, and write ledgers as notices.

>>> from rectmodel.notices import parse
>>> result = parse('''根据市委统一部署,2021年3月11日至6月18日,市委第二巡察组对某局党组进行了巡察。
... 8月4日反馈了意见,指出存在2个方面3个问题。
... 一、“政治建设”方面
... (一)针对“学习不深入”的问题。
... 整改情况:
... 1.制定学习计划。
... 2.开展专题研讨。''')
>>> (inspection,) = result.ledger.inspections
>>> inspection.inspector, inspection.target, str(inspection.feedback_date), inspection.declared.problems
('市委第二巡察组', '某局党组', '2021-08-04', 3)
>>> [(p.title, len(p.measures)) for p in inspection.problems]
[('学习不深入', 2)]
"""

from __future__ import annotations

from pathlib import Path

import attrs

from .._encoding import decode
from .._messages import ParseCode
from ..diagnostics import Diagnostic, Severity
from ._parse import ParseResult, parse
from ._write import Format, render

__all__ = ["Format", "ParseResult", "parse", "read", "render"]


def read(path: str | Path, *, id: str | None = None, unit: str | None = None) -> ParseResult:
    """Parse the notice in the text file *path*; the inspection's id defaults to the file's stem.

    The text may be UTF-8 (with or without a byte order mark), GB18030/GBK or UTF-16; any
    encoding but UTF-8 is reported (an ``encoding`` info, saying which was assumed and why).

    Raises:
        OSError: the file cannot be read.
    """
    path = Path(path)
    text, encoding, how = decode(path.read_bytes())
    result = parse(text, id=id or path.stem, unit=unit)
    if encoding in ("utf-8", "utf-8-sig"):
        return result
    said = Diagnostic("parse", Severity.INFO, "", {"code": ParseCode.ENCODING, "encoding": encoding, "how": how})
    return attrs.evolve(result, diagnostics=(said, *result.diagnostics))

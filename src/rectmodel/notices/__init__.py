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
from typing import TYPE_CHECKING, Any

import attrs

from ..diagnostics import Severity
from ..messages import ParseCode
from ..model import Ledger
from ._extract import FORMATS, Unextractable, extract
from ._report import parse_diagnostic
from ._write import Format, render

if TYPE_CHECKING:  # the reader's passes load on first use: the command line starts without them
    from ._read import ParseResult, parse

__all__ = ["SUFFIXES", "Format", "ParseResult", "parse", "read", "render"]

# The extensions of the files read as notices: text, Word documents, saved web pages, PDFs.
SUFFIXES = (".txt", *FORMATS)


def __getattr__(name: str) -> Any:
    if name in ("ParseResult", "parse"):
        from . import _read  # noqa: PLC0415 -- loaded on first use

        return getattr(_read, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read(path: str | Path, *, id: str | None = None, unit: str | None = None) -> ParseResult:
    """Parse the notice in the file *path*; the inspection's id defaults to the file's stem.

    The file's extension says what it is: a Word document (``.docx``: its paragraphs and table
    cells in order), a saved web page (``.html``, ``.htm``: the page's main text, without its
    navigation, header and footer), a PDF with a text layer (``.pdf``), or anything else, text.
    Text may be UTF-8 (with or without a byte order mark), GB18030/GBK or UTF-16; any encoding
    but UTF-8 is reported (an ``encoding`` info, saying which was assumed and why). How a Word
    document, web page or PDF was read is reported too (an ``extraction`` info), and its lines
    are the paragraphs read from it. A file with no text to read (corrupt, encrypted, a scanned
    PDF without a text layer, a page without a main text, empty) gives a ledger without
    inspections and one error that says why.

    Raises:
        OSError: the file cannot be read.
    """
    from ._read import ParseResult, parse  # noqa: PLC0415 -- loaded on first use

    path = Path(path)
    try:
        text, how = extract(path.read_bytes(), path.suffix)
    except Unextractable as e:
        failed = parse_diagnostic(e.code, Severity.ERROR, **e.params)
        return ParseResult(Ledger(), (failed,))
    result = parse(text, id=id or path.stem, unit=unit)
    if how["format"] != "text":
        said = parse_diagnostic(ParseCode.EXTRACTION, Severity.INFO, **how)
    elif how["encoding"] not in ("utf-8", "utf-8-sig"):
        said = parse_diagnostic(ParseCode.ENCODING, Severity.INFO, encoding=how["encoding"], how=how["how"])
    else:
        return result
    return attrs.evolve(result, diagnostics=(said, *result.diagnostics))

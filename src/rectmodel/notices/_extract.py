"""The text of a notice file: plain text, a Word document, a saved web page, or a PDF's text layer.

The parser reads lines, so every extraction gives one paragraph a line. Each says how it
read the file (the facts of an ``extraction`` diagnostic), and a file it cannot read raises
``Unextractable`` with the code and facts of the one error that says why. The libraries
load here, on first use, so that ``import rectmodel`` stays light.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import io
import logging
import re
import warnings
from collections.abc import Iterator
from typing import Any

from .._encoding import decode
from .._lexicon.numerals import SMALL
from .._lexicon.text import width
from ..messages import ParseCode

__all__ = ["FORMATS", "Unextractable", "docx_paragraphs", "extract"]

# What each suffix is read as; any other suffix is plain text.
FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}


class Unextractable(Exception):
    """A file this reader cannot get text from; ``code`` and ``params`` are its diagnostic's."""

    def __init__(self, code: ParseCode, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def extract(data: bytes, suffix: str) -> tuple[str, dict[str, Any]]:
    """The text of a file's bytes, one paragraph a line, and how it was read.

    *suffix* (``.docx``, ``.html``/``.htm``, ``.pdf``; anything else is text) says what the
    bytes are. How: ``format`` (``text``, ``docx``, ``html``, ``pdf``), the ``tool`` that read
    it and what it found (``paragraphs``, ``tables``, ``pages``), and for text and web pages the
    ``encoding`` assumed (for text also ``how``, why).

    >>> extract("一、政治建设方面".encode("gb18030"), ".txt")
    ('一、政治建设方面', {'format': 'text', 'encoding': 'gb18030', 'how': 'not UTF-8; strict GB18030'})

    Raises:
        Unextractable: the file is corrupt, encrypted, a scan without a text layer, or has no text.
    """
    format = FORMATS.get(suffix.lower(), "text")
    if format == "text":
        text, encoding, why = decode(data)
        if not text.strip():
            raise Unextractable(ParseCode.NO_TEXT, suffix=suffix.lower() or ".txt")
        if encoding == "latin-1" or _binary(text):  # no encoding fits, or controls no text holds
            raise Unextractable(ParseCode.UNREADABLE, suffix=suffix.lower() or ".txt", reason="binary data, not text")
        return text, {"format": "text", "encoding": encoding, "how": why}
    if not data.strip():
        raise Unextractable(ParseCode.NO_TEXT, suffix=suffix.lower())
    if data.startswith(_CFB):  # an OLE compound file: an encrypted Office file, or a legacy .doc
        if _ENCRYPTED in data:
            raise Unextractable(ParseCode.ENCRYPTED, suffix=suffix.lower())
        raise Unextractable(ParseCode.UNREADABLE, suffix=suffix.lower(), reason="an OLE file (a .doc?), not a .docx")
    readers = {"docx": _docx, "html": _html, "pdf": _pdf}
    with _quiet():
        try:
            lines, how = readers[format](data)
        except Unextractable:
            raise
        except Exception as e:  # a foreign file in a foreign library: any failure of it means "cannot be read"
            raise Unextractable(ParseCode.UNREADABLE, suffix=suffix.lower(), reason=_reason(e)) from None
    lines = [line.strip() for line in lines]
    if not any(lines):
        if format == "pdf":
            raise Unextractable(ParseCode.NO_TEXT_LAYER, pages=how["pages"])
        raise Unextractable(ParseCode.NO_TEXT, suffix=suffix.lower())
    return "\n".join(lines), {"format": format, **how, "paragraphs": sum(1 for line in lines if line)}


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls but tab, line breaks, form feed; DEL


def _binary(text: str) -> bool:
    """Whether decoded *text* is binary data: a NUL, or control characters in more than one character in a hundred."""
    return "\x00" in text or len(_CONTROLS.findall(text[:65536])) * 100 > min(len(text), 65536)


_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= 120 else text[:120] + "…"


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The libraries' warnings and log records about a broken file: the one diagnostic says it instead."""
    loggers = [logging.getLogger(name) for name in ("pypdf", "trafilatura", "htmldate", "courlan", "docx")]
    levels = [logger.level for logger in loggers]
    try:
        for logger in loggers:
            logger.setLevel(logging.CRITICAL)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


# --- Word ---------------------------------------------------------------------------------------


def _docx(data: bytes) -> tuple[list[str], dict[str, Any]]:
    """Paragraphs and table cells in document order (a table row by row, a merged cell once)."""
    import docx  # noqa: PLC0415 -- python-docx loads only for Word files

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    tables = [0]
    for _, text in docx_paragraphs(document, tables):
        lines.extend(text.splitlines() or [""])
    return lines, {"tool": "python-docx", "tables": tables[0]}


def docx_paragraphs(document: Any, tables: list[int] | None = None) -> Iterator[tuple[Any, str]]:
    """Each paragraph of a Word document with its text, in the order the notice reader reads them.

    A paragraph gives as many lines as its text has (``splitlines``, at least one): the lines a
    notice's diagnostics count. *tables*, where given, has its first item counted up per table.
    """
    from docx.table import Table  # noqa: PLC0415 -- python-docx loads only for Word files

    def walk(blocks: Iterator[Any]) -> Iterator[tuple[Any, str]]:
        for block in blocks:
            if isinstance(block, Table):
                if tables is not None:
                    tables[0] += 1
                for row in block.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # a merged cell is returned once per grid column it spans
                            seen.add(id(cell._tc))
                            yield from walk(cell.iter_inner_content())
            else:
                yield block, block.text

    return walk(document.iter_inner_content())


# --- web pages ----------------------------------------------------------------------------------


def _html(data: bytes) -> tuple[list[str], dict[str, Any]]:
    """The page's main text (trafilatura), without its navigation, header and footer."""
    import trafilatura  # noqa: PLC0415 -- trafilatura (and lxml) load only for web pages

    text, encoding = _decode_html(data)
    main = trafilatura.extract(
        text,
        output_format="txt",
        include_tables=True,
        include_comments=False,
        favor_recall=True,
        deduplicate=False,
        config=_trafilatura_config(),
    )
    return (main or "").splitlines(), {"tool": "trafilatura", "encoding": encoding}


@functools.cache
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config  # noqa: PLC0415 -- with trafilatura, on first use

    config = use_config()
    # A short notice is still the body: below 250 characters trafilatura would fall back to the whole page.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([-\w.:]+)""")
# What pages declare and what they mean: GB2312 and GBK pages hold characters of GB18030 beyond them.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "ascii": "utf-8", "iso8859-1": "cp1252"}


def _decode_html(data: bytes) -> tuple[str, str]:
    """A page's text, by its byte order mark, else the charset it declares, else as any text file."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _XML_ENCODING.search(data[:1024]) or _CHARSET.search(data[:4096])
        if declared is not None:
            try:
                name = codecs.lookup(declared.group(1).decode("ascii")).name
                name = _WIDER.get(name, name)
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a charset no codec knows, or one the page does not keep to
    text, encoding, _ = decode(data)
    return text, encoding


# --- PDF ----------------------------------------------------------------------------------------


def _pdf(data: bytes) -> tuple[list[str], dict[str, Any]]:
    """The text layer (pypdf), a line per visual line, the lines of a sentence broken by the margin joined."""
    import pypdf  # noqa: PLC0415 -- pypdf loads only for PDFs

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # most published PDFs forbid only copying: an empty password opens them
        except Exception:  # an encryption pypdf cannot undo without a cipher library
            opened = pypdf.PasswordType.NOT_DECRYPTED
        if opened == pypdf.PasswordType.NOT_DECRYPTED:
            raise Unextractable(ParseCode.ENCRYPTED, suffix=".pdf")
    lines: list[str] = []
    for page in reader.pages:
        lines.extend(_join_wrapped([_CJK_SPACE.sub("", line).strip() for line in page.extract_text().splitlines()]))
    return lines, {"tool": "pypdf", "pages": len(reader.pages)}


_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A space the text layer puts between two Chinese characters (or their punctuation) is not the author's.
_CJK_SPACE = re.compile(f"(?<=[{_CJK}])[ \u00a0\t]+(?=[{_CJK}])")
# A line that ends a sentence or a heading, and one that begins an item: the margin broke neither.
_ENDS = (*"\u3002;\uff1b:\uff1a!\uff01?\uff1f\u2026\u201d\u300d\u300f)\uff09", "方面", "问题")
_STARTS = re.compile(
    rf"^(?:[{SMALL}]+[、是.．]|[(（][{SMALL}\d]+[)）]|\d+[.．、]|第[{SMALL}\d]+|[①-⑳]"
    r"|整改(?:情况|结果|措施|进展|时限)|责任(?:领导|部门|科室|人))"
)
_FULL = 4  # a line within two Chinese characters of the widest on its page reaches the right margin
_NARROW = 40  # pages whose widest line is narrower than twenty Chinese characters are not wrapped text


def _width(line: str) -> int:
    return width(line, ambiguous=2)  # a PDF sets ambiguous characters full width, in CJK fonts


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join a line to the next where the margin broke a sentence: the line fills the page's width,
    ends no sentence, and the next line begins no item. Anything less certain stays a line of its own."""
    widest = max(map(_width, lines), default=0)
    if widest < _NARROW:
        return lines
    joined: list[str] = []
    carry = ""
    for k, line in enumerate(lines):
        latin = carry[-1:].isascii() and carry[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum()
        carry += (" " if latin else "") + line  # words of a Latin script were broken at a space
        following = lines[k + 1] if k + 1 < len(lines) else ""
        wrapped = (
            _width(line) >= widest - _FULL and not line.endswith(_ENDS) and following and not _STARTS.match(following)
        )
        if not wrapped:
            joined.append(carry)
            carry = ""
    if carry:
        joined.append(carry)
    return joined

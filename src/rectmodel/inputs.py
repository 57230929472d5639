"""The inputs rectmodel reads: how each format is recognised, which reader reads it, with which options.

One row of :data:`FORMATS` per format, and one :func:`read` for every caller (the command line,
:func:`~rectmodel.batch.validate_many`): a path or the bytes of standard input in, a :class:`Read`
out, or :class:`Unloadable` with the located report that says why not. Adding a format is a row and
its reader.

>>> format_of("台账.xlsx").name, format_of("通报.pdf").name, format_of("台账.json").name
('sheet', 'notice', 'json')
>>> sniff(b'{"inspections": []}'), sniff(b"%PDF-1.7"), sniff(b"a,b\\n1,2", "sheet")
('.json', '.pdf', '.csv')
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
from attrs import frozen

from .diagnostics import Diagnostic, Locator, Pinned, Report, Severity
from .errors import LoadCode, LoadError, LoadIssue, Location, RectmodelError
from .messages import SheetCode
from .model import Ledger

__all__ = [
    "FORMATS",
    "Format",
    "Input",
    "NoticeOptions",
    "Options",
    "Read",
    "SheetOptions",
    "Unloadable",
    "Unsupported",
    "format_of",
    "load_failures",
    "read",
    "renamed",
    "sniff",
    "suffixes",
    "supported",
]

Input = Literal["auto", "json", "notice", "sheet"]


@frozen
class SheetOptions:
    """How to read a workbook: a column mapping file and the facts its cells do not give (see ``sheets.read``)."""

    mapping: str | None = None
    inspector: str | None = None
    target: str | None = None
    feedback_date: str | None = None
    start: str | None = None
    end: str | None = None


@frozen
class NoticeOptions:
    """How to read a notice: the inspection's id (default: the file's stem) and unit (see ``notices.read``)."""

    id: str | None = None
    unit: str | None = None


@frozen
class Options:
    """What the files are (``auto``: by extension, or by content for standard input), and each reader's options."""

    input: Input = "auto"
    sheet: SheetOptions = SheetOptions()
    notice: NoticeOptions = NoticeOptions()


class Unloadable(RectmodelError):
    """A file that cannot be read or loaded, with the located report that says why."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report


class Unsupported(RectmodelError):
    """Bytes that read as no format rectmodel knows (a zip archive that is no Office or OpenDocument file)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@frozen
class Read:
    """What reading one input gives: plain data that pickles, so a worker can hand it on.

    Args:
        ledger: the ledger read.
        report: the reader's own findings (a notice's lines it could not place, a workbook's cells), not
            yet located.
        where: where the ledger's elements stand in the file (see ``Report.locate``).
    """

    ledger: Ledger
    report: Report = attrs.field(factory=lambda: Report(()))
    where: Locator | None = None


# --- picklable locators: a closure would not cross to another process ------------------------------


@frozen
class _InJson:
    data: bytes
    spans: Sequence[tuple[int, int]] | None = None

    def __call__(self, pointers: Sequence[str]) -> Mapping[str, Location]:
        from .codec import json_locator  # noqa: PLC0415 -- the byte scan loads only when a diagnostic needs it

        return json_locator(self.data, spans=self.spans)(pointers)


# Up to this size a JSON text is cheaper to send on than to scan for the places another process may ask.
_SEND_BYTES = 16 * 1024


def portable(where: Locator | None, pointers: Iterable[str]) -> Locator | None:
    """A locator to hand another process, which will ask it of *pointers* at most: *where* itself for a
    small JSON text (its bytes), else what *where* says of them now (:class:`~rectmodel.diagnostics.Pinned`)."""
    if isinstance(where, _InJson) and len(where.data) <= _SEND_BYTES:
        return where
    return Pinned.of(where, pointers)


@frozen
class _InResult:
    """The locator of a reader's result (a notice's lines, a workbook's cells)."""

    result: Any

    def __call__(self, pointers: Sequence[str]) -> Mapping[str, Location]:
        located: Mapping[str, Location] = self.result.locator()(pointers)
        return located


# --- the readers ----------------------------------------------------------------------------------


def load_failures(e: LoadError | OSError | UnicodeDecodeError) -> tuple[Diagnostic, ...]:
    """Why a file could not be loaded, read, or (a notice) decoded, as diagnostics of rule ``load``."""
    if isinstance(e, LoadError):
        issues = e.issues
    elif isinstance(e, UnicodeDecodeError):
        issues = (LoadIssue(LoadCode.NOT_UTF8, "", {"byte": e.object[e.start], "offset": e.start}),)
    else:
        issues = (LoadIssue(LoadCode.UNREADABLE, "", {"reason": e.strerror or str(e)}),)
    return tuple(Diagnostic.from_load_issue(issue) for issue in issues)


def _empty() -> tuple[Diagnostic, ...]:
    return (Diagnostic.from_load_issue(LoadIssue(LoadCode.EMPTY, "", {})),)


def _openable(path: str) -> None:
    """Raise :class:`Unloadable` where *path* is missing, a folder, or empty: one message for every format."""
    try:
        info = os.stat(path)
    except OSError as e:  # no such file, no permission on a folder above it, a name too long
        raise Unloadable(Report(load_failures(e)).locate(path)) from None
    if stat.S_ISDIR(info.st_mode):
        folder = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        raise Unloadable(Report(load_failures(folder)).locate(path))
    if info.st_size == 0 and stat.S_ISREG(info.st_mode):
        raise Unloadable(Report(_empty()).locate(path))


def _read_json(path: str, options: Options) -> Read:
    from .codec import loads_with_spans  # noqa: PLC0415 -- keeps this module's import light

    try:
        with open(path, "rb") as fp:
            data = fp.read()
    except OSError as e:
        raise Unloadable(Report(load_failures(e)).locate(path)) from None
    try:
        ledger, spans = loads_with_spans(data, source=path)
    except LoadError as e:
        raise Unloadable(Report(load_failures(e)).locate(path, _InJson(data))) from None
    return Read(ledger, Report(()), _InJson(data, spans))


def _read_notice(path: str, options: Options) -> Read:
    from .notices import read as read_notice  # noqa: PLC0415 -- the notice reader loads only for notices

    try:
        result = read_notice(path, **attrs.asdict(options.notice, filter=lambda _, v: v is not None))
    except (OSError, UnicodeDecodeError) as e:
        raise Unloadable(Report(load_failures(e)).locate(path)) from None
    if not result.ledger.inspections:  # no text to read: corrupt, encrypted, a scan, empty
        raise Unloadable(Report(result.diagnostics).locate(path))
    return Read(result.ledger, Report(result.diagnostics), _InResult(result))


def _read_sheet(path: str, options: Options) -> Read:
    from .sheets import read as read_sheet  # noqa: PLC0415 -- the spreadsheet engines load only for workbooks

    try:
        sheet = read_sheet(path, **attrs.asdict(options.sheet, filter=lambda _, v: v is not None))
    except OSError as e:  # no such file, a folder, no permission: as for every other format
        raise Unloadable(Report(load_failures(e)).locate(path)) from None
    unread = not sheet.ledger.inspections and any(d.severity is Severity.ERROR for d in sheet.diagnostics)
    if unread or any(d.params.get("code") == SheetCode.NO_TABLE for d in sheet.diagnostics):  # not a ledger
        raise Unloadable(Report(sheet.diagnostics).locate(path, sheet.locator()))
    return Read(sheet.ledger, Report(sheet.diagnostics), _InResult(sheet))


# --- recognising standard input's bytes -----------------------------------------------------------

_BOM = b"\xef\xbb\xbf"


@frozen
class _Head:
    """The start of standard input's bytes, as the sniffers look at it."""

    data: bytes
    text: bytes  # the first KiB without a byte order mark and leading white space
    zipped: tuple[str, ...] | None  # a zip archive's member names (an Office or OpenDocument file); None: not a zip

    @classmethod
    def of(cls, data: bytes) -> _Head:
        names: tuple[str, ...] | None = None
        if data.startswith(b"PK\x03\x04"):
            import io  # noqa: PLC0415 -- only for standard input
            import zipfile  # noqa: PLC0415 -- only for standard input

            try:
                names = tuple(zipfile.ZipFile(io.BytesIO(data)).namelist())
            except (zipfile.BadZipFile, OSError):
                names = ()
        return cls(data, data[:1024].removeprefix(_BOM).lstrip(), names)


def _json_sniff(head: _Head) -> str | None:
    return ".json" if head.text[:1] in (b"{", b"[") else None


def _notice_sniff(head: _Head) -> str | None:
    if head.zipped is not None:
        return ".docx" if any(n.startswith("word/") for n in head.zipped) else None
    if head.text.startswith(b"%PDF"):
        return ".pdf"
    if head.text[:512].lower().startswith((b"<!doctype html", b"<html")):
        return ".html"
    return None


def _sheet_sniff(head: _Head) -> str | None:
    if head.zipped is not None:
        if any(n.startswith("xl/") for n in head.zipped):
            return ".xlsx"
        return ".ods" if "content.xml" in head.zipped else None
    return ".xls" if head.data.startswith(b"\xd0\xcf\x11\xe0") else None  # an OLE compound file


# --- the table ------------------------------------------------------------------------------------


@frozen
class Format:
    """One input format.

    Args:
        name: its ``--input`` choice.
        suffixes: the file extensions read as it (lower case).
        sniff: the extension standard input's bytes read as, if they look like this format; else None.
        fallback: the extension of bytes read as this format by ``--input`` that no sniffer recognises
            (by whether they are a zip archive).
        reader: reads a path into a :class:`Read`, or raises :class:`Unloadable`.
        options: the type of its options in :class:`Options`.
    """

    name: Input
    suffixes: tuple[str, ...]
    sniff: Callable[[_Head], str | None]
    fallback: tuple[str, str]  # (not a zip, a zip)
    reader: Callable[[str, Options], Read]
    options: type | None


# In the order standard input is sniffed. A path whose extension no row claims is read as JSON.
FORMATS: tuple[Format, ...] = (
    Format("json", (".json",), _json_sniff, (".json", ".json"), _read_json, None),
    Format(
        "notice",
        (".txt", ".docx", ".html", ".htm", ".xhtml", ".pdf"),
        _notice_sniff,
        (".txt", ".docx"),
        _read_notice,
        NoticeOptions,
    ),
    Format(
        "sheet",
        (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv"),
        _sheet_sniff,
        (".csv", ".xlsx"),
        _read_sheet,
        SheetOptions,
    ),
)
_BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}


def suffixes() -> tuple[str, ...]:
    """Every file extension rectmodel reads: ledger JSON, notices and workbooks."""
    return tuple(s for f in FORMATS for s in f.suffixes)


def format_of(path: str, input: str = "auto") -> Format:
    """The format of *path*: by *input*, else by its extension (JSON where no format claims it)."""
    if input != "auto":
        return _BY_NAME[input]
    suffix = os.path.splitext(path)[1].lower()
    return next((f for f in FORMATS if suffix in f.suffixes), _BY_NAME["json"])


def supported(path: str, input: str = "auto") -> bool:
    """Whether rectmodel reads *path*: by *input*, by its extension, or (no known extension) JSON by content.

    A missing or unreadable file counts as supported: reading it says what is wrong.
    """
    if input != "auto" or path == "-" or path.lower().endswith(suffixes()) or not os.path.isfile(path):
        return True
    try:
        with open(path, "rb") as fp:
            head = fp.read(256)
    except OSError:
        return True
    return head.removeprefix(_BOM).lstrip()[:1] in (b"{", b"[")


def sniff(data: bytes, input: str = "auto") -> str | None:
    """The file extension the bytes *data* read as (standard input has no name), given ``--input``; None: none."""
    head = _Head.of(data)
    rows = FORMATS if input == "auto" else (_BY_NAME[input],)
    for row in rows:
        suffix = row.sniff(head)
        if suffix is not None:
            return suffix
    if input == "auto":
        return None if head.zipped is not None else ".txt"
    return rows[0].fallback[head.zipped is not None]


def renamed(report: Report, old: str, new: str) -> Report:
    """*report* with the file *old* called *new* in its locations (standard input's temporary file: ``-``)."""

    def rename(where: Location | None) -> Location | None:
        return attrs.evolve(where, file=new) if where is not None and where.file == old else where

    def renamed(d: Diagnostic) -> Diagnostic:
        return attrs.evolve(d, location=rename(d.location), related_locations=tuple(map(rename, d.related_locations)))

    return Report(tuple(map(renamed, report.diagnostics)), tuple((renamed(d), w) for d, w in report.waived))


def read(source: str | bytes, options: Options | None = None, *, name: str = "-") -> Read:
    """The ledger in *source*, the reader's findings, and where its elements stand.

    Args:
        source: a path (a ledger JSON file, a notice or a workbook), or the bytes of one.
        options: what the input is and how to read it (default: by its extension or content).
        name: what bytes are called in the locations of an :class:`Unloadable`'s report.

    Raises:
        Unloadable: the input cannot be read or loaded; its located report says why.
        Unsupported: the bytes read as no format rectmodel knows.
    """
    options = options or Options()
    if isinstance(source, str):
        _openable(source)
        return format_of(source, options.input).reader(source, options)
    if not source.strip():
        raise Unloadable(Report(_empty()).locate(name))
    suffix = sniff(source, options.input)
    if suffix is None:
        raise Unsupported(name)
    import tempfile  # noqa: PLC0415 -- only for bytes

    with tempfile.TemporaryDirectory(prefix="rectmodel-") as folder:
        path = os.path.join(folder, f"stdin{suffix}")  # a notice's inspection is named by the file's stem
        with open(path, "wb") as fp:
            fp.write(source)
        try:
            return format_of(path, options.input).reader(path, options)
        except Unloadable as e:
            raise Unloadable(renamed(e.report, path, name)) from None

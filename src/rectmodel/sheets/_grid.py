"""Pass 1, bytes → grids: every sheet's cell values and merged ranges, and what the file itself says.

A workbook is read with calamine (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``); a CSV with the
standard library, once its encoding is found (a BOM, strict UTF-8, UTF-16 without a BOM,
strict GB18030, then charset-normalizer's guess). Calamine leaves out a formula cell that
has no saved value, so an ``.xlsx``'s sheet XML is scanned for such cells: they are
reported, never read as empty. A file that cannot be read gives one diagnostic and no grid.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Sequence
from typing import Any

import attrs
import python_calamine as calamine

from .._encoding import decode
from ..diagnostics import Diagnostic, Severity
from ..errors import Location
from ..messages import SheetCode

__all__ = ["Book", "Grid", "Value", "cell_name", "column_name", "load_bytes", "parse_cell"]

Value = str | float | int | bool | _dt.date | _dt.datetime | _dt.time | _dt.timedelta
CSV_SUFFIXES = (".csv", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@attrs.frozen
class Grid:
    """One sheet's cells as the file holds them.

    Args:
        name: the sheet's name (the file's stem for a CSV).
        rows: cell values, row by row from A1 (``""`` for an empty cell); rows may differ in length.
        merges: merged ranges as ``(first row, first column, last row, last column)``, 0-based, inclusive.
        hidden: whether the sheet is hidden.
        formulas: cells holding a formula with no saved value: ``(row, column, formula)``.
    """

    name: str
    rows: Sequence[Sequence[Value]]
    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden: bool = False
    formulas: tuple[tuple[int, int, str], ...] = ()


@attrs.frozen
class Book:
    """What loading gives: the grids, the format read, and what loading found (an encoding, an error)."""

    grids: tuple[Grid, ...]
    format: str
    diagnostics: tuple[Diagnostic, ...] = ()


def column_name(col: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``."""
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_name(row: int, col: int) -> str:
    """The A1 name of a 0-based cell: ``(4, 2)`` → ``C5``.

    >>> cell_name(4, 2), cell_name(0, 27)
    ('C5', 'AB1')
    """
    return f"{column_name(col)}{row + 1}"


_CELL = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)")


def parse_cell(name: str) -> tuple[int, int]:
    """The 0-based ``(row, column)`` of an A1 name: ``C5`` → ``(4, 2)``.

    Raises:
        ValueError: not an A1 name.
    """
    m = _CELL.fullmatch(name)
    if m is None:
        raise ValueError(f"not a cell name: {name!r}")
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def _fail(code: SheetCode, **params: Any) -> Book:
    return Book((), "", (Diagnostic("sheet", Severity.ERROR, "", {"code": code, **params}, (), Location()),))


_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def load_bytes(data: bytes, suffix: str, name: str) -> Book:
    """Read *data* (the bytes of a file named with *suffix*) into grids; never raises for bad content."""
    suffix = suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _load_csv(data, name, "\t" if suffix == ".tsv" else None)
    if data.startswith(_CFB) and _ENCRYPTED in data:
        return _fail(SheetCode.ENCRYPTED)
    return _load_workbook(data, suffix)


def _load_workbook(data: bytes, suffix: str) -> Book:
    formulas: dict[str, tuple[tuple[int, int, str], ...]] = {}
    # The scan inflates the sheets' XML, which zlib does without the GIL: beside calamine, it costs little.
    scan = threading.Thread(target=lambda: formulas.update(_missing_values(data))) if data.startswith(b"PK") else None
    if scan is not None:
        scan.start()
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        metadata = book.sheets_metadata
        sheets = [book.get_sheet_by_index(k) for k in range(len(metadata))]
        rows = [sheet.to_python(skip_empty_area=False) for sheet in sheets]
        merges = [sheet.merged_cell_ranges or [] for sheet in sheets]
    except calamine.PasswordError:
        return _fail(SheetCode.ENCRYPTED)
    except Exception as e:  # a foreign file in a foreign library: any failure of it means "cannot be read"
        return _fail(SheetCode.UNREADABLE, reason=_reason(e))
    finally:
        if scan is not None:
            scan.join()
    grids = tuple(
        Grid(
            meta.name,
            sheet_rows,
            tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet_merges),
            meta.visible != calamine.SheetVisibleEnum.Visible,
            formulas.get(meta.name, ()),
        )
        for meta, sheet_rows, sheet_merges in zip(metadata, rows, merges, strict=True)
    )
    fmt = "ods" if data.startswith(b"PK") and b"opendocument" in data[:100] else suffix.lstrip(".") or "xlsx"
    return Book(grids, fmt)


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= 120 else text[:120] + "…"


_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"[^>]*?\br:id=\"([^\"]*)\"")
_SHEET_ENTRY_REVERSED = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]*)\"[^>]*?\bname=\"([^\"]*)\"")
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?/?>")
_ATTRIBUTE = re.compile(rb"\b(Id|Target)=\"([^\"]*)\"")
_FORMULA = re.compile(rb"<(?:x:)?f[ >/]")


def _missing_values(data: bytes) -> dict[str, tuple[tuple[int, int, str], ...]]:
    """The cells of each sheet of an ``.xlsx`` that hold a formula and no saved value, by sheet name.

    Calamine reads a formula's saved value and leaves out a formula that has none (a file
    written by a library, never opened in Excel); only the sheet XML tells such a cell from
    an empty one.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return {}
            workbook = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
            targets = {}
            for m in _RELATION.finditer(rels):
                attributes = dict(_ATTRIBUTE.findall(m.group(0)))
                if b"Id" in attributes and b"Target" in attributes:
                    target = attributes[b"Target"].decode("utf-8", "replace")
                    targets[attributes[b"Id"]] = target.lstrip("/") if target.startswith("/") else "xl/" + target
            entries = [(n, i) for n, i in _SHEET_ENTRY.findall(workbook)]
            entries += [(n, i) for i, n in _SHEET_ENTRY_REVERSED.findall(workbook) if (n, i) not in entries]
            found: dict[str, tuple[tuple[int, int, str], ...]] = {}
            for raw_name, rid in entries:
                part = targets.get(rid)
                if part is None or part not in names:
                    continue
                xml = _inflate(data, archive.getinfo(part)) or archive.read(part)
                cells = _formula_cells(xml) if _has_formula(xml) else ()
                if cells:
                    found[_unescape(raw_name.decode("utf-8", "replace"))] = cells
            return found
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return {}  # calamine read it; a part it did not need is not ours to judge


def _inflate(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A deflated part of the archive *data* in one ``zlib`` call, or None for any other kind of part.

    One call runs the whole inflate without the GIL, beside calamine on another core;
    ``ZipFile.read`` inflates in small steps, each waiting for the GIL calamine holds.
    """
    start = info.header_offset
    encrypted = info.flag_bits & 0x1
    if encrypted or info.compress_type != zipfile.ZIP_DEFLATED or data[start : start + 4] != b"PK\x03\x04":
        return None
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    start += 30 + name_length + extra_length
    try:
        part = memoryview(data)[start : start + info.compress_size]
        return zlib.decompress(part, -zlib.MAX_WBITS, min(info.file_size, 1 << 28) or 1)
    except zlib.error:
        return None  # ZipFile.read names the fault, or reads what this did not


def _has_formula(xml: bytes) -> bool:
    """Whether a sheet's cells (``sheetData``) hold an ``<f>`` element.

    A lowercase ``f`` is rare among the cells' markup (``<c r="F3" s="2" t="s"><v>5</v></c>``),
    so finding each one (``memchr``) beats a search for ``<f``, whose ``<`` is in every tag.
    """
    at, end = xml.find(b"sheetData"), xml.rfind(b"sheetData")
    if at < 0 or end <= at:
        at, end = 0, len(xml)
    while (at := xml.find(b"f", at + 1, end)) >= 0:
        if xml[at + 1 : at + 2] in (b" ", b">", b"/") and (xml[at - 1 : at] == b"<" or xml[at - 3 : at] == b"<x:"):
            return True
    return False


_CELL_REF = re.compile(rb"\br=\"([A-Z]+[0-9]+)\"")
_VALUE = re.compile(rb"<(?:x:)?v>[^<]+</(?:x:)?v>|<(?:x:)?is>")
_FORMULA_TEXT = re.compile(rb"<(?:x:)?f[^>]*>([^<]*)</(?:x:)?f>")


def _formula_cells(xml: bytes) -> tuple[tuple[int, int, str], ...]:
    found = []
    for m in _FORMULA.finditer(xml):
        start = max(xml.rfind(b"<c ", 0, m.start()), xml.rfind(b"<x:c ", 0, m.start()))
        ends = [e for e in (xml.find(b"</c>", m.end()), xml.find(b"</x:c>", m.end())) if e >= 0]
        if start < 0 or not ends:
            continue
        cell = xml[start : min(ends)]
        ref = _CELL_REF.search(cell)
        if ref is None or _VALUE.search(cell):
            continue
        text = _FORMULA_TEXT.search(cell)
        formula = "=" + _unescape(text.group(1).decode("utf-8", "replace")) if text and text.group(1) else "="
        row, col = parse_cell(ref.group(1).decode("ascii"))
        found.append((row, col, formula))
    return tuple(found)


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


# --- CSV ---------------------------------------------------------------------------------------------


def _load_csv(data: bytes, name: str, delimiter: str | None) -> Book:
    text, encoding, how = decode(data)
    if delimiter is None:
        head = text[:8192]
        counts = {d: head.count(d) for d in (",", "\t", ";")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    rows: list[list[Value]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([_unquote(cell) for cell in row])
    except csv.Error as e:
        return _fail(SheetCode.UNREADABLE, reason=_reason(e))
    info = Diagnostic(
        "sheet", Severity.INFO, "", {"code": SheetCode.ENCODING, "encoding": encoding, "how": how}, (), Location()
    )
    return Book((Grid(name, rows),), "csv", (info,))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _unquote(cell: str) -> str:
    """A CSV cell's text without the ``'`` a writer puts before text a spreadsheet would run as a formula."""
    if cell.startswith("'") and cell[1:2] and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell

"""A user's column mapping: which header text means which column, for a layout the synonyms miss.

A small JSON or TOML file::

    # 台账映射.toml
    sheet = "整改台账"        # optional: read only this sheet as the ledger
    header_row = 3            # optional: the (1-based) header row, where it cannot be found
    [columns]
    "整改目标及措施" = "measure"
    "牵头处室" = "责任部门"    # a role, or any header the reader knows for it
    "内部编号" = "ignore"      # a column to leave unread, without a diagnostic

Every problem is reported at once, with where it is (the key's path, and its line).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from typing import Any

import attrs

from .._lexicon import header_key
from ..errors import RectmodelError
from ._table import ROLES, role_of

__all__ = ["ColumnMapping", "MappingError", "load_mapping", "mapping_from"]


@attrs.frozen
class ColumnMapping:
    """A validated mapping: header key (``header_key``) → role, and where the ledger sheet and header are.

    Args:
        columns: header key → role.
        sheet: the sheet to read as the ledger, if named.
        header_row: the 0-based header row, if named.
    """

    columns: Mapping[str, str] = attrs.field(factory=dict)
    sheet: str | None = None
    header_row: int | None = None


class MappingError(RectmodelError, ValueError):
    """A mapping file is not valid; ``problems`` lists each as ``(where, reason, line)``."""

    def __init__(self, source: str | None, problems: list[tuple[str, str, int | None]]):
        self.source = source
        self.problems = problems
        head = f"{source}: " if source else ""
        super().__init__(head + "; ".join(f"{where}: {reason}" for where, reason, _ in problems))


_KEYS = ("columns", "sheet", "header_row")


def _line_of(text: str, key: str) -> int | None:
    """The line where *key* first appears as a key (quoted or bare), 1-based; None if it does not."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*[=:]", line):
            return number
    return None


def mapping_from(data: Any, text: str = "", source: str | None = None) -> ColumnMapping:
    """Validate decoded mapping *data* (from a file whose *text* locates keys by line).

    Raises:
        MappingError: every problem found.
    """
    problems: list[tuple[str, str, int | None]] = []
    if not isinstance(data, dict):
        raise MappingError(source, [("(top)", "expected a table of columns, sheet, header_row", 1)])
    for key in data:
        if key not in _KEYS:
            problems.append((str(key), f"unknown key; expected one of {', '.join(_KEYS)}", _line_of(text, str(key))))
    columns: dict[str, str] = {}
    raw = data.get("columns", {})
    if not isinstance(raw, dict):
        problems.append(("columns", "expected a table of header → role", _line_of(text, "columns")))
        raw = {}
    for header, role in raw.items():
        where = f"columns.{header}"
        if not isinstance(role, str):
            problems.append((where, f"expected a role name, got {role!r}", _line_of(text, header)))
            continue
        name = role.strip()
        if name not in ROLES:
            known = role_of(name)
            if known is None:
                reason = f"unknown role {role!r}; expected one of {', '.join(ROLES)} or a known header"
                problems.append((where, reason, _line_of(text, header)))
                continue
            name = known
        key = header_key(header).rstrip(":：")
        if not key:
            problems.append((where, "an empty header", _line_of(text, header)))
            continue
        columns[key] = name
    sheet = data.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        problems.append(("sheet", f"expected a sheet name, got {sheet!r}", _line_of(text, "sheet")))
        sheet = None
    row = data.get("header_row")
    if row is not None and (isinstance(row, bool) or not isinstance(row, int) or row < 1):
        problems.append(("header_row", f"expected a row number from 1, got {row!r}", _line_of(text, "header_row")))
        row = None
    if problems:
        raise MappingError(source, problems)
    return ColumnMapping(columns, sheet, None if row is None else row - 1)


def load_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """Read and validate a mapping file (``.toml``, else JSON).

    Raises:
        MappingError: the file is not a valid mapping (every problem, with its line).
        OSError: the file cannot be read.
    """
    source = os.fspath(path)
    with open(path, "rb") as fp:
        raw = fp.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise MappingError(source, [("(file)", f"not UTF-8: byte {raw[e.start]:#x} at offset {e.start}", None)]) from e
    try:
        data = tomllib.loads(text) if source.lower().endswith(".toml") else json.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise MappingError(source, [("(file)", f"not TOML: {e}", _toml_line(str(e)))]) from e
    except json.JSONDecodeError as e:
        raise MappingError(source, [("(file)", f"not JSON: {e.msg}", e.lineno)]) from e
    return mapping_from(data, text, source)


def _toml_line(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None

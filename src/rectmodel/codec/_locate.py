"""Where a JSON Pointer's value stands in the JSON text: its line and column.

Loading never pays for this: it runs only for the diagnostics being reported, in
one pass over the text (as bytes: a large document is never decoded whole) that stops
once every wanted pointer is found. Strings are
skipped whole by a regular expression, so the pass is a Python step per token, not
per character.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from .._pointer import escape
from ..errors import Location

__all__ = ["json_locator", "locate"]

# A string, a structural character, or a run of anything else (numbers, true, false, null).
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)


def _unquote(token: bytes) -> str:
    """A JSON string token's value (as the codec keys it); the token itself if it is malformed."""
    if b"\\" not in token and len(token) > 1 and token[-1:] == b'"':
        try:
            return token[1:-1].decode("utf-8")  # no escape: the text between the quotes is the value
        except UnicodeDecodeError:
            pass
    text = token.decode("utf-8", "replace")
    try:
        value = json.loads(text)
    except ValueError:
        return text.strip('"')
    return value if isinstance(value, str) else text


def locate(
    text: str | bytes, pointers: Iterable[str], *, spans: Sequence[tuple[int, int]] | None = None
) -> dict[str, tuple[int, int]]:
    """The 1-based (line, column) of each pointer's value in *text* (a missing member: its object's).

    *spans*, the byte ranges of the top-level inspections as the codec proved them when it read
    the document in parts, let a large document's few named inspections be scanned alone.

    A pointer that does not resolve at all (nothing along it exists) is absent from the result.

    >>> text = '{"a": [1,\\n  {"b": "x"}]}'
    >>> locate(text, ["/a/1/b", "/a/1/c", "", "/z"])
    {'': (1, 1), '/a/1/b': (2, 9), '/a/1/c': (2, 3), '/z': (1, 1)}
    """
    wanted = set(pointers)
    # Each wanted pointer and its ancestors: a missing member falls back to the nearest one found.
    prefixes: set[str] = set()
    for pointer in wanted:
        parts = pointer.split("/")
        prefixes.update("/".join(parts[:k]) for k in range(1, len(parts) + 1))
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # a byte order mark is no character of line 1
    found = _scan_all(data, prefixes, bom, spans) if wanted else {}
    result: dict[str, tuple[int, int]] = {}
    for pointer in wanted:
        probe = pointer
        while probe not in found and probe:
            probe = probe.rpartition("/")[0]
        if probe in found:
            result[pointer] = found[probe]
    return dict(sorted(result.items()))


class _Frame:
    """An open container: its pointer, and the next index (array) or the last key (object)."""

    __slots__ = ("expecting_key", "index", "is_array", "key", "pointer")

    def __init__(self, pointer: str, is_array: bool) -> None:
        self.pointer = pointer
        self.is_array = is_array
        self.index = 0
        self.key = ""
        self.expecting_key = not is_array


class _Cursor:
    """Line and column of a position, moved forward only: each byte is counted once."""

    __slots__ = ("column", "column_at", "line", "scanned", "text")

    def __init__(self, text: bytes, skip: int) -> None:
        self.text = text
        self.line, self.scanned = 1, skip
        self.column_at, self.column = skip, 1  # the last position whose column is known, on its line

    def at(self, start: int) -> tuple[int, int]:
        """The (line, column) of *start*, at or after every position asked before."""
        text = self.text
        newlines = text.count(b"\n", self.scanned, start)
        if newlines:
            self.line += newlines
            self.column_at, self.column = text.rindex(b"\n", self.scanned, start) + 1, 1
        self.scanned = start
        # Characters since the last known column (one line of a compact file may be the whole file).
        self.column += len(text[self.column_at : start].decode("utf-8", "replace"))
        self.column_at = start
        return self.line, self.column


def _scan(
    text: bytes,
    prefixes: set[str],
    found: dict[str, tuple[int, int]],
    cursor: _Cursor,
    *,
    span: tuple[int, int],
    stack: list[_Frame],
    pending: str | None,
) -> None:
    """Record the positions of the values at *prefixes* in ``text[span[0]:span[1]]``, stopping once
    all are found; *stack* and *pending* say where in the document the span starts."""
    for match in _TOKEN.finditer(text, *span):
        start, token = match.start(), match.group()
        first = chr(token[0])
        if pending is not None and first not in ",:]}":
            if pending in prefixes and pending not in found:
                found[pending] = cursor.at(start)
                if len(found) == len(prefixes):
                    return
            if first in "{[":
                stack.append(_Frame(pending, first == "["))
                pending = f"{pending}/0" if first == "[" else None
            else:
                pending = None
            continue
        if not stack:
            continue
        top = stack[-1]
        if first in "]}":
            stack.pop()
            pending = None
        elif first == ",":
            if top.is_array:
                top.index += 1
                pending = f"{top.pointer}/{top.index}"
            else:
                top.expecting_key = True
        elif first == ":":
            pending = f"{top.pointer}/{escape(top.key)}"
        elif first == '"' and top.expecting_key:
            top.key = _unquote(token)
            top.expecting_key = False


_INSPECTION_POINTER = re.compile(r"/inspections/(\d+)(?:/|$)")


def _scan_all(
    text: bytes, prefixes: set[str], skip: int, spans: Sequence[tuple[int, int]] | None
) -> dict[str, tuple[int, int]]:
    """The positions of the values at *prefixes*: the whole text in one pass, or, given the spans of
    the inspections (proved when the document was read in parts), only the inspections named."""
    found: dict[str, tuple[int, int]] = {}
    cursor = _Cursor(text, skip)
    inside = [m for p in prefixes if p not in ("", "/inspections") and (m := _INSPECTION_POINTER.match(p))]
    if spans is None or len(inside) < len(prefixes) - ("" in prefixes) - ("/inspections" in prefixes):
        _scan(text, prefixes, found, cursor, span=(skip, len(text)), stack=[], pending="")
        return found
    if "" in prefixes:
        found[""] = cursor.at(text.index(b"{", skip))
    if "/inspections" in prefixes:
        found["/inspections"] = cursor.at(text.index(b"[", skip))
    named: dict[int, set[str]] = {}
    for m in inside:
        named.setdefault(int(m.group(1)), set()).add(m.string)
    for n in sorted(named):
        if n < len(spans):  # each scan stops once its inspection's pointers are found (often near its start)
            array = _Frame("/inspections", True)
            array.index = n
            local: dict[str, tuple[int, int]] = {}
            _scan(text, named[n], local, cursor, span=spans[n], stack=[array], pending=f"/inspections/{n}")
            found |= local
    return found


def json_locator(
    text: str | bytes, *, spans: Sequence[tuple[int, int]] | None = None
) -> Callable[[Sequence[str]], Mapping[str, Location]]:
    """A locator (see ``Report.locate``) for a document loaded from the JSON *text* (or its UTF-8 bytes).

    >>> json_locator('{"inspections": [\\n  {"id": 1}]}')(["/inspections/0/id"])
    {'/inspections/0/id': Location(file=None, line=2, column=10, sheet=None, cell=None)}
    """

    def where(pointers: Sequence[str]) -> Mapping[str, Location]:
        return {
            pointer: Location(line=line, column=column)
            for pointer, (line, column) in locate(text, pointers, spans=spans).items()
        }

    return where

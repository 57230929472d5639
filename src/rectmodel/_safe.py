"""Document text made safe for where it is shown: a terminal, Markdown, a line of a text file, a spreadsheet cell.

A ledger's text comes from documents nobody here wrote. Shown raw, it could move
the cursor or clear the screen (terminal escapes), print a fake summary line (a
newline), turn into a heading, a link or HTML (Markdown), or run as a formula when
an office opens the workbook. Each function keeps the text readable and takes
away its power to make structure.

>>> terminal("ok\\x1b[2J\\n1 file: 0 errors")
'ok\\\\x1b[2J\\\\n1 file: 0 errors'
>>> print(markdown("[x](javascript:alert(1)) <script>"))
\\[x\\](javascript:alert(1)) \\<script\\>
>>> print(markdown("## 标题"), markdown("1. 一项"))
\\## 标题 1\\. 一项
>>> one_line("第一行\\n## 第二行")
'第一行 ## 第二行'
>>> cell("=HYPERLINK(1)"), cell("正常文字")
("'=HYPERLINK(1)", '正常文字')
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["cell", "json_safe", "markdown", "one_line", "terminal", "visible"]

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls, lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&])")  # inline: emphasis, code, links, HTML, tables, entities
_BLOCK_START = re.compile(r"^(\s*)([#>+=-])|^(\s*[0-9]+)([.)])")  # a heading, quote, list or rule


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """*text* with every control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text).replace("\\x0a", "\\n").replace("\\x09", "\\t").replace("\\x0d", "\\r")


def visible(text: str) -> str:
    """*text* with every control character but tab and line breaks written as an escape: for a cell of a sheet.

    >>> visible("t\\u202egnp.exe\\n第二行")
    't\\\\u202egnp.exe\\n第二行'
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in "\t\n\r" else _escape(m), text)


def one_line(text: str) -> str:
    """*text* on one line: each run of line breaks becomes a space, other controls are escaped."""
    return terminal(_BREAKS.sub(" ", text))


def markdown(text: str) -> str:
    """*text* as literal Markdown on one line: punctuation that could make structure or HTML is escaped."""
    escaped = _MARKDOWN.sub(r"\\\1", one_line(text).strip())  # leading spaces would make a code block
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}", escaped)


def json_safe(value: Any) -> Any:
    """*value* (JSON data) with every lone surrogate in its texts written as an escape.

    A file name that is not UTF-8 reaches Python as lone surrogates (``bad\\udcff.json``);
    no JSON writer can encode them, so they are shown as the bytes they stand for.

    >>> json_safe({"path": "bad\\udcff.json"})
    {'path': 'bad\\\\xff.json'}
    """
    if isinstance(value, str):
        if _SURROGATES.search(value) is None:
            return value
        return value.encode(
            "utf-8", "surrogateescape" if _ESCAPED_BYTES.fullmatch(_only_surrogates(value)) else "surrogatepass"
        ).decode("utf-8", "backslashreplace")
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


_SURROGATES = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]*")


def _only_surrogates(text: str) -> str:
    return "".join(_SURROGATES.findall(text))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(text: str) -> str:
    """*text* for a CSV cell: a leading ``'`` where a spreadsheet would read the text as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text

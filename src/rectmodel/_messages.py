"""Message templates in English and Chinese: the one place text is made.

Each code maps to a pair of ``str.format`` templates. Parameters that need a
localised word (a JSON type name) are given as keys of ``_WORDS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_WORDS: dict[str, tuple[str, str]] = {
    "string": ("a string", "字符串"),
    "integer": ("an integer", "整数"),
    "number": ("a number", "数"),
    "object": ("an object", "对象"),
    "array": ("an array", "数组"),
    "boolean": ("a boolean", "布尔值"),
    "null": ("null", "null"),
    "date": ("a date like 2021-08-04", "形如 2021-08-04 的日期"),
}

_LOCALISED = frozenset({"expected", "got"})

TEMPLATES: dict[str, tuple[str, str]] = {
    # Load issues.
    "not-utf8": (
        "not UTF-8: invalid byte 0x{byte:02x} at offset {offset}",
        "不是 UTF-8 编码:偏移 {offset} 处的字节 0x{byte:02x} 无效",
    ),
    "not-json": ("not JSON: {reason}", "不是合法的 JSON:{reason}"),
    "duplicate-key": ('duplicate key "{key}"', '重复的键 "{key}"'),
    "wrong-type": ("expected {expected}, got {got}", "应为{expected},实为 {got}"),
    "bad-date": ("expected {expected}, got {got}", "应为{expected},实为 {got}"),
    "bad-value": ("expected one of {choices}, got {got}", "应为 {choices} 之一,实为 {got}"),
    "out-of-range": (
        "expected an integer from {minimum} to {maximum}, got {got}",
        "应为 {minimum} 至 {maximum} 之间的整数,实为 {got}",
    ),
    "unknown-field": ('unknown field "{field}"', '未知字段 "{field}"'),
    "missing-field": ('missing required field "{field}"', '缺少必填字段 "{field}"'),
}


def render(code: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """Render the message of *code* from *params* in ``en`` or ``zh``."""
    index = 1 if lang == "zh" else 0
    try:
        template = TEMPLATES[code][index]
    except KeyError:
        return f"{code} {dict(params)}"
    values = {k: _WORDS[v][index] if k in _LOCALISED and v in _WORDS else v for k, v in params.items()}
    return template.format(**values)

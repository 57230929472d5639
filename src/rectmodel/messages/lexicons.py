"""The lexicons: the words that stand inside messages, looked up by a template's format spec.

``{field:term}`` a domain word, ``{n}{what:count}`` a counted one (with its measure word),
``{state:state}`` a state, ``{kind:kind}`` an inspection kind,
``{got:type}`` a JSON type, ``{severity:severity}``, ``{kind:document}``, and ``{reason:reason}``
a reason a library or the system gives in English, translated where known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import DocumentKind, InspectionKind, State
from ._message import Message, msg

__all__ = ["LEXICONS", "REASONS", "REASON_PATTERNS"]

_TYPES: dict[str, Message] = {
    "string": msg("a string", "字符串"),
    "integer": msg("an integer", "整数"),
    "number": msg("a number", "数"),
    "object": msg("an object", "对象"),
    "array": msg("an array", "数组"),
    "boolean": msg("a boolean", "布尔值"),
    "null": msg("null", "null"),  # written so in Chinese too
    "date": msg("a date like 2021-08-04", "形如 2021-08-04 的日期"),
    "deadline": msg(
        "a date like 2021-08-04, or immediate, long_term or ongoing",
        "形如 2021-08-04 的日期,或 immediate、long_term、ongoing",
    ),
}

# What is counted, after its number: in Chinese with its measure word (3个方面, 5条整改措施).
_COUNTS: dict[str, Message] = {
    "aspects": msg("aspects", "个方面"),
    "categories": msg("categories", "类问题"),
    "problems": msg("problems", "个问题"),
    "tasks": msg("tasks", "项整改任务"),
    "measures": msg("measures", "条整改措施"),
    "completed": msg("completed", "个已完成"),
    "in_progress": msg("in progress", "个正在整改"),
    "long_term": msg("long-term", "个需长期坚持"),
    "not_completed": msg("not completed", "个未完成"),
    "completion_rate": msg("completion rate", "整改完成率"),
}

_TERMS: dict[str, Message] = {
    # what is counted, named without a number (a field: 巡察 X的整改措施), so without a measure word
    "aspects": msg("aspects", "方面"),
    "categories": msg("categories", "问题类别"),
    "problems": msg("problems", "问题"),
    "tasks": msg("tasks", "整改任务"),
    "measures": msg("measures", "整改措施"),
    "completed": msg("completed", "已完成"),
    "in_progress": msg("in progress", "正在整改"),
    "long_term": msg("long-term", "需长期坚持"),
    "not_completed": msg("not completed", "未完成"),
    "completion_rate": msg("completion rate", "整改完成率"),
    # kinds of id
    "inspection": msg("inspection", "巡察"),
    "group": msg("group", "分组"),
    "problem": msg("problem", "问题"),
    "measure": msg("measure", "整改措施"),
    # fields
    "start": msg("on-site start", "进驻日期"),
    "end": msg("on-site end", "巡察结束日期"),
    "feedback_date": msg("feedback date", "反馈日期"),
    "feedback": msg("feedback date", "反馈日期"),
    "plan_date": msg("plan date", "整改方案日期"),
    "as_of": msg("as-of date", "截至日期"),
    "report_date": msg("report date", "报告日期"),
    "status": msg("previous status", "上一状态"),
    "completion": msg("completion", "完成日期"),
    "deadline": msg("deadline", "整改时限"),
    "inspector": msg("inspecting group", "巡察组"),
    "target": msg("inspected party organisation", "被巡察党组织"),
    # operations that record a state of their own
    "close": msg("close", "销号"),
    "reopen": msg("reopen", "重新打开"),
}

_STATES: dict[str, Message] = {
    State.NOT_STARTED: msg("not started", "未启动"),
    State.IN_PROGRESS: msg("in progress", "正在整改"),
    State.COMPLETED: msg("completed", "已完成整改"),
    State.DEEMED_COMPLETED: msg("deemed completed", "视同完成"),
    State.LONG_TERM: msg("long-term", "阶段性完成、需长期坚持"),
    State.CLOSED: msg("closed", "已销号"),
    State.REOPENED: msg("reopened", "重新整改"),
}

# In English the value itself, as ``stats --format json`` and ``history --format json`` give it.
_KINDS: dict[str, Message] = {
    InspectionKind.REGULAR: msg("regular", "常规巡察"),
    InspectionKind.SPECIAL: msg("special", "专项巡察"),
    InspectionKind.LOOK_BACK: msg("lookback", "回头看"),
}

_SEVERITIES: dict[str, Message] = {  # keyed by Severity's values
    "error": msg("error", "错误"),
    "warning": msg("warning", "警告"),
    "info": msg("info", "提示"),
}

# The kinds of document, and ``unknown`` where a document does not say which it is.
_DOCUMENTS: dict[str, Message] = {
    DocumentKind.PLAN: msg("plan", "整改方案"),
    DocumentKind.LEDGER: msg("ledger", "整改台账"),
    DocumentKind.REPORT: msg("report", "整改情况报告"),
    DocumentKind.NOTICE: msg("notice", "整改进展情况通报"),
    "unknown": msg("unknown", "未注明"),
}

# What the JSON parsers (the stdlib's ``JSONDecodeError.msg``, orjson's) and the system
# (``OSError.strerror``) say, in English whatever the locale: the common ones, translated.
REASONS: dict[str, Message] = {
    en: msg(en, zh)
    for en, zh in (
        # json
        ("Expecting value", "此处应为一个值"),
        ("Expecting property name enclosed in double quotes", "此处应为双引号括起的键名"),
        ("Expecting ',' delimiter", "此处应为逗号“,”"),
        ("Expecting ':' delimiter", "此处应为冒号“:”"),
        ("Unterminated string starting at", "字符串未结束"),
        ("Extra data", "文档结束后还有多余内容"),
        ("Invalid control character at", "字符串中有非法的控制字符"),
        ("Invalid \\escape", "非法的转义序列"),
        ("Invalid \\uXXXX escape", "非法的 \\uXXXX 转义序列"),
        ("Illegal trailing comma before end of object", "对象末尾多了一个逗号"),
        ("Illegal trailing comma before end of array", "数组末尾多了一个逗号"),
        ("Unexpected UTF-8 BOM (decode using utf-8-sig)", "文件以 UTF-8 字节顺序标记(BOM)开头"),
        # orjson
        ("Input is a zero-length, empty document", "文档为空"),
        ("unexpected character, expected ':' after key", "键名后应为冒号“:”"),
        ("unexpected character, expected a string key", "此处应为双引号括起的键名"),
        ("unexpected character, expected a JSON value", "此处应为一个值"),
        ("unexpected character", "意外的字符"),
        ("unexpected end of data", "文档意外结束"),
        ("unexpected content after document", "文档结束后还有多余内容"),
        ("unexpected control character in string", "字符串中有非法的控制字符"),
        ("invalid escaped sequence in string", "字符串中有非法的转义序列"),
        ("trailing comma is not allowed", "末尾不允许有逗号"),
        ("depth limit exceeded", "嵌套层数过多"),
        ("UTF-8 byte order mark (BOM) is not supported", "文件以 UTF-8 字节顺序标记(BOM)开头"),
        ("invalid literal, expected 'true'", "此处应为 true"),
        ("invalid literal, expected 'false'", "此处应为 false"),
        ("invalid literal, expected 'null'", "此处应为 null"),
        ("str is not valid UTF-8: surrogates not allowed", "字符串中有 UTF-8 无法表示的代理字符"),
        # ours
        ("a lone surrogate in a string: text no UTF-8 can hold", "字符串中有孤立的代理字符:UTF-8 无法表示"),
        ("an OLE file (a .doc?), not a .docx", "这是 OLE 文件(.doc?),不是 .docx"),
        # the libraries reading notices and workbooks
        ("File is not a zip file", "不是 zip 文件"),
        ("Cannot detect file format", "无法识别文件格式"),
        ("binary data, not text", "这是二进制数据,不是文本"),
        # a column mapping file's (``sheets._mapping``): where a problem is, and what it is
        ("(top)", "(顶层)"),
        ("(file)", "(文件本身)"),
        ("expected a table of columns, sheet, header_row", "应为含 columns、sheet、header_row 的表"),
        ("expected a table of header → role", "应为“表头 → 角色”的表"),
        ("an empty header", "表头为空"),
        # tomllib's (a mapping file in TOML)
        ("Invalid statement", "无效的语句"),
        ("Invalid value", "无效的值"),
        ("Invalid initial character for a key part", "键名的首字符无效"),
        ("Invalid hex value", "无效的十六进制值"),
        ("Invalid date or datetime", "无效的日期或日期时间"),
        ("Unterminated string", "字符串未结束"),
        ("Unclosed array", "数组未闭合"),
        ("Unclosed inline table", "内联表未闭合"),
        ("Cannot overwrite a value", "不能覆盖已有的值"),
        ("Expected '=' after a key in a key/value pair", "键值对中键名后应为“=”"),
        ("Expected ']' at the end of a table declaration", "表头声明末尾应为“]”"),
        ("Expected ']]' at the end of an array declaration", "数组表声明末尾应为“]]”"),
        ("Expected newline or end of document after a statement", "语句后应换行或结束文档"),
        ("Unescaped '\\' in a string", "字符串中有未转义的“\\”"),
        # the system's (strerror)
        ("No such file or directory", "文件或目录不存在"),
        ("Permission denied", "没有权限"),
        ("Is a directory", "这是一个目录"),
        ("Not a directory", "不是目录"),
        ("File name too long", "文件名过长"),
        ("No space left on device", "磁盘空间不足"),
        ("Read-only file system", "文件系统只读"),
        ("File exists", "文件已存在"),
    )
}

# Reasons with a part that varies: a pattern, and the Chinese with the pattern's groups.
REASON_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"nested deeper than (\d+) levels"), "嵌套超过 {0} 层"),
    (re.compile(r"(NaN|-?Infinity) is not a JSON value"), "{0} 不是合法的 JSON 值"),
    (re.compile(r"unexpected character, expected ',' or '([]}])'"), "此处应为逗号“,”或“{0}”"),
    # jsonschema's (``schema --check``)
    (re.compile(r"('.*') is a required property"), "缺少必填属性 {0}"),
    (re.compile(r"(.*) is less than the minimum of (.*)"), "{0} 小于最小值 {1}"),
    (re.compile(r"(.*) is greater than the maximum of (.*)"), "{0} 大于最大值 {1}"),
    (re.compile(r"(.*) is not of type (.*)"), "{0} 的类型不是 {1}"),
    # a column mapping file's; a group that is a reason itself is translated in turn
    (re.compile(r"unknown key; expected one of (.*)"), "未知的键;应为 {0} 之一"),
    (re.compile(r"expected a role name, got (.*)"), "应为角色名,实为 {0}"),
    (
        re.compile(r"unknown role (.*); expected one of (.*) or a known header"),
        "未知的角色 {0};应为 {1} 之一,或已知的表头",
    ),
    (re.compile(r"expected a sheet name, got (.*)"), "应为工作表名,实为 {0}"),
    (re.compile(r"expected a row number from 1, got (.*)"), "应为从 1 起的行号,实为 {0}"),
    (re.compile(r"no sheet is named (.*)"), "没有名为 {0} 的工作表"),
    (re.compile(r"not UTF-8: byte (0x[0-9a-f]+) at offset (\d+)"), "不是 UTF-8 编码:偏移 {1} 处的字节 {0} 无效"),
    (re.compile(r"not JSON: (.*)"), "不是合法的 JSON:{0}"),
    (re.compile(r"not TOML: (.*)"), "不是合法的 TOML:{0}"),
    # tomllib's
    (re.compile(r"(.*) \(at line (\d+), column (\d+)\)"), "{0}(第 {1} 行第 {2} 列)"),
    (re.compile(r"(.*) \(at end of document\)"), "{0}(文档末尾)"),
    (re.compile(r"Cannot declare (.*) twice"), "不能重复声明 {0}"),
    (re.compile(r"Cannot redefine namespace (.*)"), "不能重新定义表 {0}"),
    (re.compile(r"Cannot mutate immutable namespace (.*)"), "不能修改不可变的表 {0}"),
    (re.compile(r"Duplicate inline table key (.*)"), "内联表的键 {0} 重复"),
    (re.compile(r"Illegal character (.*)"), "非法字符 {0}"),
    (re.compile(r"Found invalid character (.*)"), "无效字符 {0}"),
    (re.compile(r"Expected ('.*')"), "此处应为 {0}"),
)

# A deadline written as a term (a date is shown as it is).
_DEADLINES: dict[str, Message] = {
    "immediate": msg("immediate", "立行立改"),
    "long_term": msg("long-term", "长期坚持"),
    "ongoing": msg("ongoing", "持续整改"),
}

LEXICONS: dict[str, Mapping[str, Message]] = {
    "type": _TYPES,
    "term": _TERMS,
    "count": _COUNTS,
    "deadline": _DEADLINES,
    "state": _STATES,
    "kind": _KINDS,
    "severity": _SEVERITIES,
    "document": _DOCUMENTS,
    "reason": REASONS,
}

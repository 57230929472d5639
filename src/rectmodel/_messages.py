"""The catalogue: every word and message rectmodel shows a user, in English and Chinese.

Messages come in families, one per kind of emitter, each with its codes declared
once as a type the emitter uses (so mypy refuses an undeclared code; a test, a
declared code without a message):

- load issues, ``LoadCode`` (the codec);
- rule findings, keyed by the rule names of ``rectmodel.rules.RULES``;
- parse findings, ``ParseCode`` (the notice reader);
- sheet findings, ``SheetCode`` (the workbook reader);
- operation refusals, ``OpCode``;
- waiver findings, ``WaiverCode``;
- the command line's and the exceptions' own words, ``CliText``.

Words that stand inside messages come from lexicons: domain terms, states,
inspection kinds and JSON types. A template names the lexicon a parameter is
looked up in by its format spec:

- ``{field:term}`` a domain word (a count, a date field, an id's kind, an operation);
- ``{state:state}`` a rectification state; ``{kind:kind}`` an inspection kind;
- ``{got:type}`` a JSON type name (a value that names none is shown as is);
- ``{severity:severity}`` a severity; ``{kind:document}`` a kind of document;
- ``{reason:reason}`` a reason a library or the system gives in English (a JSON parser's
  syntax error, an ``OSError``'s ``strerror``): translated where known, else shown as is;
- ``{n:plural}`` ``s`` unless *n* is 1, for English counts;
- ``{finding}`` (a field, not a spec): the message of the finding ``rule`` with ``params``.

>>> render("duplicate-id", {"kind": "measure", "id": "M3"}, "zh")
'整改措施编号“M3”重复'
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, Literal, NamedTuple

from .model import DocumentKind, InspectionKind, State

__all__ = [
    "FAMILIES",
    "LEXICONS",
    "MESSAGES",
    "CliText",
    "Lang",
    "LoadCode",
    "Message",
    "OpCode",
    "ParseCode",
    "SheetCode",
    "WaiverCode",
    "fill",
    "reason",
    "render",
    "say",
    "word",
]

Lang = Literal["en", "zh"]
Params = Mapping[str, Any]
# A template, or a function of the parameters that picks one (where the wording branches on them).
Text = str | Callable[[Params], str]


class Message(NamedTuple):
    """One message in both languages, with parameters that render it without a real finding.

    A pair, so that ``(en, zh)`` is a message without examples.
    """

    en: Text
    zh: Text
    examples: tuple[Params, ...] = ()


def _m(en: Text, zh: Text, *examples: Params) -> Message:
    return Message(en, zh, examples)


# --- lexicons ------------------------------------------------------------------------------------

_TYPES: dict[str, Message] = {
    "string": _m("a string", "字符串"),
    "integer": _m("an integer", "整数"),
    "number": _m("a number", "数"),
    "object": _m("an object", "对象"),
    "array": _m("an array", "数组"),
    "boolean": _m("a boolean", "布尔值"),
    "null": _m("null", "null"),  # written so in Chinese too
    "date": _m("a date like 2021-08-04", "形如 2021-08-04 的日期"),
    "deadline": _m(
        "a date like 2021-08-04, or immediate, long_term or ongoing",
        "形如 2021-08-04 的日期,或 immediate、long_term、ongoing",
    ),
}

_TERMS: dict[str, Message] = {
    # counts
    "aspects": _m("aspects", "个方面"),
    "categories": _m("categories", "类问题"),
    "problems": _m("problems", "个问题"),
    "tasks": _m("tasks", "项整改任务"),
    "measures": _m("measures", "条整改措施"),
    "completed": _m("completed", "个已完成"),
    "in_progress": _m("in progress", "个正在整改"),
    "long_term": _m("long-term", "个需长期坚持"),
    "not_completed": _m("not completed", "个未完成"),
    "completion_rate": _m("completion rate", "整改完成率"),
    # kinds of id
    "inspection": _m("inspection", "巡察"),
    "group": _m("group", "分组"),
    "problem": _m("problem", "问题"),
    "measure": _m("measure", "整改措施"),
    # fields
    "start": _m("on-site start", "进驻日期"),
    "end": _m("on-site end", "巡察结束日期"),
    "feedback_date": _m("feedback date", "反馈日期"),
    "feedback": _m("feedback date", "反馈日期"),
    "plan_date": _m("plan date", "整改方案日期"),
    "as_of": _m("as-of date", "截至日期"),
    "report_date": _m("report date", "报告日期"),
    "status": _m("previous status", "上一状态"),
    "completion": _m("completion", "完成日期"),
    "deadline": _m("deadline", "整改时限"),
    "inspector": _m("inspecting group", "巡察组"),
    "target": _m("inspected party organisation", "被巡察党组织"),
    # operations that record a state of their own
    "close": _m("close", "销号"),
    "reopen": _m("reopen", "重新打开"),
}

_STATES: dict[str, Message] = {
    State.NOT_STARTED: _m("not started", "未启动"),
    State.IN_PROGRESS: _m("in progress", "正在整改"),
    State.COMPLETED: _m("completed", "已完成整改"),
    State.DEEMED_COMPLETED: _m("deemed completed", "视同完成"),
    State.LONG_TERM: _m("long-term", "阶段性完成、需长期坚持"),
    State.CLOSED: _m("closed", "已销号"),
    State.REOPENED: _m("reopened", "重新整改"),
}

# In English the value itself, as ``stats --format json`` and ``history --format json`` give it.
_KINDS: dict[str, Message] = {
    InspectionKind.REGULAR: _m("regular", "常规巡察"),
    InspectionKind.SPECIAL: _m("special", "专项巡察"),
    InspectionKind.LOOK_BACK: _m("look_back", "回头看"),
}

_SEVERITIES: dict[str, Message] = {  # keyed by Severity's values
    "error": _m("error", "错误"),
    "warning": _m("warning", "警告"),
    "info": _m("info", "提示"),
}

# The kinds of document, and ``unknown`` where a document does not say which it is.
_DOCUMENTS: dict[str, Message] = {
    DocumentKind.PLAN: _m("plan", "整改方案"),
    DocumentKind.LEDGER: _m("ledger", "整改台账"),
    DocumentKind.REPORT: _m("report", "整改情况报告"),
    DocumentKind.NOTICE: _m("notice", "整改进展情况通报"),
    "unknown": _m("unknown", "未注明"),
}

# What the JSON parsers (the stdlib's ``JSONDecodeError.msg``, orjson's) and the system
# (``OSError.strerror``) say, in English whatever the locale: the common ones, translated.
_REASONS: dict[str, Message] = {
    en: _m(en, zh)
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
_REASON_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"nested deeper than (\d+) levels"), "嵌套超过 {0} 层"),
    (re.compile(r"(NaN|-?Infinity) is not a JSON value"), "{0} 不是合法的 JSON 值"),
    (re.compile(r"unexpected character, expected ',' or '([]}])'"), "此处应为逗号“,”或“{0}”"),
    # jsonschema's (``schema --check``)
    (re.compile(r"('.*') is a required property"), "缺少必填属性 {0}"),
    (re.compile(r"(.*) is less than the minimum of (.*)"), "{0} 小于最小值 {1}"),
    (re.compile(r"(.*) is greater than the maximum of (.*)"), "{0} 大于最大值 {1}"),
    (re.compile(r"(.*) is not of type (.*)"), "{0} 的类型不是 {1}"),
)

LEXICONS: dict[str, Mapping[str, Message]] = {
    "type": _TYPES,
    "term": _TERMS,
    "state": _STATES,
    "kind": _KINDS,
    "severity": _SEVERITIES,
    "document": _DOCUMENTS,
    "reason": _REASONS,
}

# --- load issues ---------------------------------------------------------------------------------


class LoadCode(StrEnum):
    """Why a document could not be loaded (``LoadIssue.code``)."""

    NOT_UTF8 = "not-utf8"
    NOT_JSON = "not-json"
    UNREADABLE = "unreadable"
    DUPLICATE_KEY = "duplicate-key"
    WRONG_TYPE = "wrong-type"
    BAD_DATE = "bad-date"
    BAD_VALUE = "bad-value"
    OUT_OF_RANGE = "out-of-range"
    UNKNOWN_FIELD = "unknown-field"
    MISSING_FIELD = "missing-field"
    SCHEMA = "schema"


_EXPECTED = ("expected {expected:type}, got {got:type}", "应为{expected:type},实为 {got:type}")

_LOAD: dict[str, Message] = {  # keyed by LoadCode
    LoadCode.NOT_UTF8: _m(
        "not UTF-8: invalid byte 0x{byte:02x} at offset {offset}",
        "不是 UTF-8 编码:偏移 {offset} 处的字节 0x{byte:02x} 无效",
        {"byte": 0xB0, "offset": 26},
    ),
    LoadCode.NOT_JSON: _m("not JSON: {reason}", "不是合法的 JSON:{reason:reason}", {"reason": "Expecting value"}),
    LoadCode.UNREADABLE: _m(
        "cannot be read: {reason}", "无法读取:{reason:reason}", {"reason": "No such file or directory"}
    ),
    LoadCode.DUPLICATE_KEY: _m('duplicate key "{key}"', '重复的键 "{key}"', {"key": "id"}),
    LoadCode.WRONG_TYPE: _m(*_EXPECTED, {"expected": "array", "got": "3"}, {"expected": "string", "got": "object"}),
    LoadCode.BAD_DATE: _m(*_EXPECTED, {"expected": "date", "got": '"2021-02-30"'}),
    LoadCode.BAD_VALUE: _m(
        "expected one of {choices}, got {got:type}",
        "应为 {choices} 之一,实为 {got:type}",
        {"choices": '"aspect", "category"', "got": '"topic"'},
    ),
    LoadCode.OUT_OF_RANGE: _m(
        "expected an integer from {minimum} to {maximum}, got {got}",
        "应为 {minimum} 至 {maximum} 之间的整数,实为 {got}",
        {"minimum": 0, "maximum": 10_000_000, "got": -1},
    ),
    LoadCode.UNKNOWN_FIELD: _m('unknown field "{field}"', '未知字段 "{field}"', {"field": "titel"}),
    LoadCode.MISSING_FIELD: _m('missing required field "{field}"', '缺少必填字段 "{field}"', {"field": "id"}),
    LoadCode.SCHEMA: _m(
        "does not match the JSON Schema ({keyword}): {reason}",
        "不符合 JSON Schema({keyword}):{reason:reason}",
        {"keyword": "required", "reason": "'id' is a required property"},
    ),
}

# --- rule findings (examples: each rule's own, in the registry; here only further branches) ------

_DANGLING = {
    "group": ('group "{target}" does not exist', "分组“{target}”不存在"),
    "parent": ('parent group "{target}" does not exist', "上级分组“{target}”不存在"),
    "parent-not-aspect": ('parent group "{target}" is not an aspect', "上级分组“{target}”不是“方面”"),
    "link": ('linked problem "{target}" does not exist', "关联的问题“{target}”不存在"),
}


_DANGLING_OTHER = ('{kind:term} "{target}" does not exist', "{kind:term}“{target}”不存在")


# Rule findings an operation refuses to bring about, said once for both families.
_NO_MEASURE = ('problem "{problem}" has no measure', "问题“{problem}”没有整改措施")
_NO_RESPONSIBILITY = (
    'measure "{measure}" names no responsible leader, department or person',
    "整改措施“{measure}”未明确责任领导、责任部门或责任人",
)
_CANNOT_ADD = ",不能添加"


def _dangling(index: int) -> Callable[[Params], str]:
    return lambda p: _DANGLING.get(p["kind"], _DANGLING_OTHER)[index]


_PARTS_ZH = {"completed": "已完成", "long_term": "需长期坚持", "in_progress": "正在整改", "not_completed": "未完成"}


def _sum_zh(p: Params) -> str:
    """``declared-sum-mismatch`` in Chinese: the parts (``completed 19 + in_progress 5``) named in Chinese."""
    parts = " + ".join(
        f"{_PARTS_ZH.get(name, name)} {value}"
        for name, _, value in (part.partition(" ") for part in p["parts"].split(" + "))
    )
    return f"声明的分项 {_literal(parts)} 合计 {{sum}},与总数 {{total}} 不符"


def _literal(text: str) -> str:
    """*text* as a template that renders as itself."""
    return text.replace("{", "{{").replace("}", "}}")


def _unverifiable_en(p: Params) -> str:
    if p["reason"] == "unreadable":
        return 'completion rate "{declared}" cannot be read as a percentage'
    if p["reason"] == "no-statuses":
        return "{declared} {count:term} declared, but {missing} problems have no status to check it against"
    instead = " (it itemizes {itemized} {instead:term})" if "instead" in p else ""
    return "{declared} {count:term} declared, but the document does not itemize {count:term}" + instead


def _unverifiable_zh(p: Params) -> str:
    if p["reason"] == "unreadable":
        return "整改完成率“{declared}”无法识别为百分比"
    if p["reason"] == "no-statuses":
        return "声明{declared}{count:term},但有 {missing} 个问题未给出整改状态,无法核对"
    instead = "(仅逐项列出 {itemized}{instead:term})" if "instead" in p else ""
    return "声明{declared}{count:term},但正文未逐项列出,无法核对" + instead


_RULES: dict[str, Message] = {
    "duplicate-id": _m('duplicate {kind:term} id "{id}"', "{kind:term}编号“{id}”重复"),
    "dangling-reference": _m(
        _dangling(0),
        _dangling(1),
        *({"kind": kind, "target": "A9"} for kind in (*_DANGLING, "measure")),
    ),
    "link-forward-in-time": _m(
        lambda p: (
            'link to "{target}", a problem of the same round, not of an earlier one'
            if p.get("reason") == "same-round"
            else 'link to "{target}" of a round dated {target_date}, not before this round ({date})'
        ),
        lambda p: (
            "关联的问题“{target}”属于本轮巡察,而非此前轮次"
            if p.get("reason") == "same-round"
            else "关联的问题“{target}”所在轮次({target_date})不早于本轮({date})"
        ),
        {"target": "round-2020/P2", "reason": "same-round"},
    ),
    "link-unit-mismatch": _m(
        'link to "{target}" of unit "{target_unit}", but this round is of unit "{unit}" and no succession relates them',
        "关联的问题“{target}”属于单位“{target_unit}”,本轮为单位“{unit}”,且未声明二者的沿革关系",
    ),
    "link-cycle": _m("links form a cycle of {length}: {cycle}", "关联形成循环(共 {length} 处):{cycle}"),
    "declared-count-mismatch": _m(
        "{declared} {count:term} declared, {itemized} itemized",
        "声明{declared}{count:term},实际列出{itemized}{count:term}",
    ),
    "declared-count-unverifiable": _m(
        _unverifiable_en,
        _unverifiable_zh,
        {"count": "completion_rate", "declared": "约九成", "reason": "unreadable"},
        {"count": "completed", "declared": 24, "reason": "no-statuses", "missing": 3},
        {"count": "problems", "declared": 28, "reason": "not-itemized"},
    ),
    "declared-sum-mismatch": _m(
        "declared parts {parts} add up to {sum}, not the declared total {total}",
        _sum_zh,
    ),
    "declared-rate-mismatch": _m(
        "completion rate {declared} does not match {completed} of {total}",
        "整改完成率 {declared} 与 {total} 项中完成 {completed} 项不符",
    ),
    "dates-out-of-order": _m(
        "{field:term} {date} is before the {before:term} {other}", "{field:term} {date} 早于{before:term} {other}"
    ),
    "problem-without-measure": _m(*_NO_MEASURE),
    "measure-without-responsibility": _m(*_NO_RESPONSIBILITY),
    "measure-without-deadline": _m('measure "{measure}" has no deadline', "整改措施“{measure}”未明确整改时限"),
    "measure-without-status": _m(
        'measure "{measure}" gives no current state', "整改措施“{measure}”未填写整改进展(当前状态)"
    ),
    "missing-fact": _m("the document does not state the {fact:term}", "文件未载明{fact:term}"),
    "empty-document": _m(
        "the document itemizes nothing and declares nothing ({inspections} inspection{inspections:plural})",
        "文件既未逐项列出问题,也未声明任何数量({inspections} 轮巡察)",
    ),
    "status-inconsistent": _m(
        'problem "{problem}" is {state:state} but its measure "{measure}" is {measure_state:state}',
        "问题“{problem}”状态为{state:state},但其整改措施“{measure}”状态为{measure_state:state}",
    ),
    "status-regression": _m(
        '"{item}" goes back from {previous:state} to {state:state} without a reopening',
        "“{item}”的状态由{previous:state}退回{state:state},且未记录重新整改",
    ),
    "closed-without-evidence": _m('"{item}" is closed without evidence', "“{item}”已销号但无佐证材料"),
    "deadline-passed": _m(
        'measure "{measure}" was due {deadline} and is still {state:state} as of {as_of}',
        "整改措施“{measure}”时限为 {deadline},截至 {as_of} 仍为{state:state}",
    ),
    "report-overdue": _m(
        "report of {report} comes more than {months} months after feedback on {feedback} (due {due})",
        "整改报告日期 {report} 晚于反馈日期 {feedback} 后 {months} 个月(应于 {due} 前)",
    ),
}

# --- parse findings ------------------------------------------------------------------------------


class ParseCode(StrEnum):
    """What the notice reader could not place or read (``params["code"]`` of a ``parse`` diagnostic)."""

    AMBIGUOUS_DATE = "ambiguous-date"
    ENCODING = "notice-encoding"
    EXTRACTION = "notice-extraction"
    UNREADABLE = "notice-unreadable"
    ENCRYPTED = "notice-encrypted"
    NO_TEXT_LAYER = "notice-scanned"
    NO_TEXT = "notice-no-text"
    IMPOSSIBLE_DATE = "impossible-date"
    GARBLED_TEXT = "garbled-text"
    NARRATIVE = "narrative"
    EMPTY_GROUP = "empty-group"
    NUMBERING_GAP = "numbering-gap"
    UNKNOWN_STATUS = "unknown-status"
    UNPLACED_TEXT = "unplaced-text"
    NO_PROBLEMS = "no-problems"
    EARLIER_ROUND = "earlier-round"
    ROUND_COUNTS = "round-counts"


# What each extraction says it read (``format`` picks the wording).
_EXTRACTION_EN = {
    "docx": "read the Word document with {tool}: {paragraphs} paragraph{paragraphs:plural}, "
    "{tables} table{tables:plural}",
    "html": "read the web page's main text with {tool} ({encoding}): {paragraphs} paragraph{paragraphs:plural}; "
    "navigation, header and footer left out",
    "pdf": "read the PDF's text layer with {tool}: {pages} page{pages:plural}, "
    "{paragraphs} paragraph{paragraphs:plural}",
}
_EXTRACTION_ZH = {
    "docx": "已用 {tool} 读取 Word 文档:{paragraphs} 段,{tables} 个表格",
    "html": "已用 {tool} 提取网页正文({encoding} 编码):{paragraphs} 段,导航栏、页眉和页脚未采用",
    "pdf": "已用 {tool} 读取 PDF 文字层:{pages} 页,{paragraphs} 段",
}

_PARSE: dict[str, Message] = {  # keyed by ParseCode
    ParseCode.AMBIGUOUS_DATE: _m(
        'date "{text}" can be read as {readings}; left out',
        "日期“{text}”可理解为 {readings},无法确定,未采用",
        {"text": "3月4日", "readings": "2021-03-04, 2022-03-04"},
    ),
    ParseCode.IMPOSSIBLE_DATE: _m(
        '"{text}" names no real day; left out', "“{text}”不是有效日期,未采用", {"text": "2021年2月30日"}
    ),
    ParseCode.GARBLED_TEXT: _m(
        'characters seem lost in publishing here: "{text}"', "此处疑有文字在发布时丢失:“{text}”", {"text": "市委第察组"}
    ),
    ParseCode.NARRATIVE: _m(
        'section "{title}" (lines {first}–{last}) is narrative, not itemized problems; '
        "only its dates and counts are read",
        "“{title}”部分(第 {first}–{last} 行)为叙述性内容,未逐项列出问题,仅提取其中的日期和数量",
        {"title": "整改工作基本情况", "first": 7, "last": 12},
    ),
    ParseCode.EMPTY_GROUP: _m(
        'heading "{title}" has no problems under it', "标题“{title}”下没有列出问题", {"title": "一、政治建设方面"}
    ),
    ParseCode.NUMBERING_GAP: _m(
        "numbering skips: expected {expected}, found {found}",
        "编号不连续:应为 {expected},实为 {found}",
        {"expected": "2是", "found": "1是、3是"},
    ),
    ParseCode.UNKNOWN_STATUS: _m(
        'status "{text}" names no known state; not recorded',
        "整改结果“{text}”无法识别为已知状态,未记录",
        {"text": "基本落实"},
    ),
    ParseCode.UNPLACED_TEXT: _m(
        'text not placed in the ledger: "{text}"', "未能归入台账的文字:“{text}”", {"text": "第 2 页 共 5 页"}
    ),
    ParseCode.NO_PROBLEMS: _m("no itemized problems found", "未找到逐项列出的问题", {}),
    ParseCode.EARLIER_ROUND: _m(
        "the problem was found in an earlier round; link it to that round's problem",
        "该问题在上一轮巡察中已反馈,请关联上一轮的对应问题",
        {},
    ),
    ParseCode.ENCODING: _m(
        "the notice is not UTF-8: read as {encoding} ({how})",
        "通报不是 UTF-8 编码:按 {encoding} 读取({how})",
        {"encoding": "gb18030", "how": "not UTF-8; strict GB18030"},
    ),
    ParseCode.EXTRACTION: _m(
        lambda p: _EXTRACTION_EN[p["format"]],
        lambda p: _EXTRACTION_ZH[p["format"]],
        {"format": "docx", "tool": "python-docx", "paragraphs": 57, "tables": 2},
        {"format": "html", "tool": "trafilatura", "paragraphs": 1, "encoding": "gb18030"},
        {"format": "pdf", "tool": "pypdf", "paragraphs": 120, "pages": 3},
    ),
    ParseCode.UNREADABLE: _m(
        "cannot be read as a {suffix} file: {reason}",
        "无法作为 {suffix} 文件读取:{reason:reason}",
        {"suffix": ".docx", "reason": "File is not a zip file"},
    ),
    ParseCode.ENCRYPTED: _m(
        "the {suffix} file is encrypted (password-protected); save an unprotected copy to read it",
        "{suffix} 文件已加密(设有密码),请另存为未加密的副本后再读取",
        {"suffix": ".pdf"},
    ),
    ParseCode.NO_TEXT_LAYER: _m(
        "the PDF has no text layer ({pages} page{pages:plural} of images, a scan?): "
        "reading it needs OCR, which rectmodel does not do",
        "PDF 没有文字层(共 {pages} 页图像,疑为扫描件):需先经 OCR 文字识别,本工具不支持",
        {"pages": 4},
    ),
    ParseCode.NO_TEXT: _m(
        "no notice text found in the {suffix} file",
        "{suffix} 文件中未找到通报正文",
        {"suffix": ".html"},
    ),
    ParseCode.ROUND_COUNTS: _m(
        "counts declared for the round as a whole, not for any one unit, are left out: {counts}",
        "以下数量为整轮巡察合计,不属于任一被巡察单位,未采用:{counts}",
        {"counts": "aspects 4, problems 35"},
    ),
}

# --- sheet findings ------------------------------------------------------------------------------


class SheetCode(StrEnum):
    """What the workbook reader could not read or place (``params["code"]`` of a ``sheet`` diagnostic)."""

    ENCODING = "encoding"
    UNREADABLE = "not-a-workbook"
    ENCRYPTED = "encrypted"
    NO_TABLE = "no-table"
    HIDDEN_SHEET = "hidden-sheet"
    UNREAD_SHEET = "unread-sheet"
    UNKNOWN_COLUMN = "unknown-column"
    DUPLICATE_COLUMN = "duplicate-column"
    UNPLACED_CELL = "unplaced-cell"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    UNKNOWN_STATE = "unknown-state"
    BAD_DATE = "unread-date"
    BAD_DEADLINE = "unread-deadline"
    NUMBERING_GAP = "row-numbering-gap"
    SECTION_COUNT = "section-count"
    CLOSED_CONFLICT = "closed-conflict"
    SPLIT_MISMATCH = "split-mismatch"
    EXAMPLE_ROW = "example-row"
    REMARK = "remark"
    FOOTER = "footer"
    OPTION_DIFFERS = "option-differs"
    FACT_FROM_REPORTER = "fact-from-reporter"
    FACT_REPEATED = "fact-repeated"
    BAD_MAPPING = "bad-mapping"


_SHEET: dict[str, Message] = {  # keyed by SheetCode
    SheetCode.ENCODING: _m(
        "read as {encoding} ({how})", "按 {encoding} 编码读取({how})", {"encoding": "gb18030", "how": "not UTF-8"}
    ),
    SheetCode.UNREADABLE: _m(
        "cannot be read as a spreadsheet: {reason}", "无法作为电子表格读取:{reason}", {"reason": "not a zip file"}
    ),
    SheetCode.ENCRYPTED: _m(
        "the workbook is encrypted (password-protected); save an unprotected copy to read it",
        "工作簿已加密(设有密码),请另存为未加密的副本后再读取",
        {},
    ),
    SheetCode.NO_TABLE: _m(
        "no sheet has a ledger header (a row naming columns such as number, problem, measure, deadline)",
        "未找到台账表头(含“序号”“问题”“整改措施”“整改时限”等列名的行)",
        {},
    ),
    SheetCode.HIDDEN_SHEET: _m(
        'hidden sheet "{sheet}" is not read ({count} cells)',
        "隐藏工作表“{sheet}”未读取(共 {count} 个单元格)",
        {"sheet": "数据源", "count": 12},
    ),
    SheetCode.UNREAD_SHEET: _m(
        'sheet "{sheet}" holds neither a ledger nor its facts; its {count} cells ({range}) are not read',
        "工作表“{sheet}”既不是台账也不是基本情况,其 {count} 个单元格({range})未读取",
        {"sheet": "填表说明", "count": 6, "range": "A1:B3"},
    ),
    SheetCode.UNKNOWN_COLUMN: _m(
        'column {column} ("{header}") is not a ledger column; its {count} cells ({range}) are not read',
        "第 {column} 列(“{header}”)不是台账列,其 {count} 个单元格({range})未读取",
        {"column": "F", "header": "整改目标", "count": 28, "range": "F4:F31"},
    ),
    SheetCode.DUPLICATE_COLUMN: _m(
        'column {column} ("{header}") repeats the {role} column {first}; its {count} cells ({range}) are not read',
        "第 {column} 列(“{header}”)与第 {first} 列同为“{role}”列,其 {count} 个单元格({range})未读取",
        {"column": "H", "header": "整改举措", "role": "整改措施", "first": "D", "count": 9, "range": "H4:H12"},
    ),
    SheetCode.UNPLACED_CELL: _m(
        'cell not placed in the ledger: "{text}"', "未能归入台账的单元格:“{text}”", {"text": "合计"}
    ),
    SheetCode.FORMULA_WITHOUT_VALUE: _m(
        "formula {formula} has no saved value; open the workbook in Excel and save it to compute it",
        "公式 {formula} 没有保存的计算结果,请在 Excel 中打开并保存后再读取",
        {"formula": "=COUNTA(D4:D30)"},
    ),
    SheetCode.UNKNOWN_STATE: _m(
        '"{text}" names no known state (completed, in progress, closed …); not recorded',
        "“{text}”无法识别为已知整改状态(已完成、正在推进、已销号等),未记录",
        {"text": "基本到位"},
    ),
    SheetCode.BAD_DATE: _m(
        '{header} "{text}" is not one date with its year (like 2021-09-30 or 2021-12); left out',
        "{header}“{text}”不是一个带年份的日期(如 2021年9月30日、2021年12月底),未采用",
        {"header": "反馈时间", "text": "八月"},
    ),
    SheetCode.BAD_DEADLINE: _m(
        '{header} "{text}" is neither one date with its year (like 2021-09-30 or 2021-12) nor a term '
        "(immediate, long-term, ongoing); left out",
        "{header}“{text}”既不是带年份的日期(如 2021年9月30日、2021年12月底),也不是立行立改、长期坚持、"
        "持续整改等时限用语,未采用",
        {"header": "整改时限", "text": "9月底"},
    ),
    SheetCode.NUMBERING_GAP: _m(
        "numbering skips: expected {expected}, found {found}",
        "序号不连续:应为 {expected},实为 {found}",
        {"expected": 4, "found": 5},
    ),
    SheetCode.SECTION_COUNT: _m(
        'section "{title}" says {declared} problem{declared:plural}, its rows list {found}',
        "分组“{title}”标明共 {declared} 个问题,实际列出 {found} 个",
        {"title": "一、党的政治建设方面", "declared": 3, "found": 2},
    ),
    SheetCode.CLOSED_CONFLICT: _m(
        'closure "{text}" disagrees with the progress, which ends {state:state}{date}',
        "销号“{text}”与整改进展(最后为{state:state}{date})不一致",
        {"text": "2021年10月8日", "state": "closed", "date": " 2021-10-09"},
    ),
    SheetCode.SPLIT_MISMATCH: _m(
        "the cell has {parts} items for {measures} measures; it is given to each measure whole",
        "该单元格有 {parts} 项,而整改措施有 {measures} 条,整体适用于每条措施",
        {"parts": 2, "measures": 3},
    ),
    SheetCode.EXAMPLE_ROW: _m(
        'row {row} is marked as an example ("{text}"); it is read like any other row',
        "第 {row} 行标注为示例(备注“{text}”),仍按普通行读取",
        {"row": 3, "text": "示例"},
    ),
    SheetCode.REMARK: _m(
        'the remark is not held in the ledger: "{text}"',
        "备注内容不在台账模型中保存:“{text}”",
        {"text": "已报县纪委监委备案"},
    ),
    SheetCode.FOOTER: _m(
        'footer not held in the ledger: "{text}"', "表尾内容不在台账模型中保存:“{text}”", {"text": "填表人:王伟"}
    ),
    SheetCode.OPTION_DIFFERS: _m(
        'the workbook states the {field:term} as "{stated}"; the option "{given}" is not used',
        "工作簿写明的{field:term}为“{stated}”,未采用参数指定的“{given}”",
        {"field": "inspector", "stated": "市委第二巡察组", "given": "市委第三巡察组"},
    ),
    SheetCode.FACT_FROM_REPORTER: _m(
        'the {field:term} is read from the reporting unit "{text}"',
        "{field:term}取自填报单位“{text}”",
        {"field": "target", "text": "某局党组"},
    ),
    SheetCode.FACT_REPEATED: _m(
        '"{label}" is stated again here as "{text}"; the first statement, "{first}", is used',
        "此处再次写明“{label}”为“{text}”,采用首次写明的“{first}”",
        {"label": "被巡察党组织", "text": "某局党组", "first": "中共某局党组"},
    ),
    SheetCode.BAD_MAPPING: _m(
        "column mapping {where}: {reason}", "列映射文件 {where}:{reason}", {"where": "columns.牵头处室", "reason": "x"}
    ),
}

# --- waivers -------------------------------------------------------------------------------------


class WaiverCode(StrEnum):
    """What is wrong with a waiver (the rule of its diagnostic)."""

    UNUSED_WAIVER = "unused-waiver"


_WAIVERS: dict[str, Message] = {  # keyed by WaiverCode
    WaiverCode.UNUSED_WAIVER: _m(
        'waiver for {rule} at "{pointer}" matched no diagnostic',
        "针对 {rule} 于“{pointer}”的豁免未匹配任何诊断",
        {"rule": "report-overdue", "pointer": "/inspections/0/report_date"},
    ),
}

# --- operation refusals --------------------------------------------------------------------------


class OpCode(StrEnum):
    """Why a ledger operation was refused (``OperationError.code``)."""

    UNKNOWN_INSPECTION = "op-unknown-inspection"
    UNKNOWN_PROBLEM = "op-unknown-problem"
    UNKNOWN_MEASURE = "op-unknown-measure"
    UNKNOWN_GROUP = "op-unknown-group"
    UNKNOWN_TARGET = "op-unknown-target"
    DUPLICATE_ID = "op-duplicate-id"
    NO_MEASURE = "op-no-measure"
    NO_RESPONSIBILITY = "op-no-responsibility"
    NO_DEADLINE = "op-no-deadline"
    NO_STATUS = "op-no-status"
    NO_DATE = "op-no-date"
    WRONG_OPERATION = "op-wrong-operation"
    BEFORE_FEEDBACK = "op-before-feedback"
    BEFORE_PREVIOUS = "op-before-previous"
    REGRESSION = "op-regression"
    MEASURES_NOT_DONE = "op-measures-not-done"
    PROBLEM_FINISHED = "op-problem-finished"
    EVIDENCE_LOST = "op-evidence-lost"
    ALREADY_CLOSED = "op-already-closed"
    NO_EVIDENCE = "op-no-evidence"
    NOT_DONE = "op-not-done"
    SAME_INSPECTION = "op-same-inspection"
    UNDATED_ROUND = "op-undated-round"
    NOT_EARLIER = "op-not-earlier"
    NO_UNIT = "op-no-unit"
    UNRELATED_UNITS = "op-unrelated-units"
    DUPLICATE_LINK = "op-duplicate-link"
    CYCLE = "op-cycle"
    COUNT_MISMATCH = "op-count-mismatch"
    WOULD_BREAK = "op-would-break"


_COUNT_FINDING = {"rule": "declared-count-mismatch", "params": {"count": "problems", "declared": 2, "itemized": 3}}

_OPERATIONS: dict[str, Message] = {  # keyed by OpCode
    OpCode.UNKNOWN_INSPECTION: _m('no inspection "{inspection}"', "巡察“{inspection}”不存在", {"inspection": "r2021"}),
    OpCode.UNKNOWN_PROBLEM: _m(
        'inspection "{inspection}" has no problem "{problem}"',
        "巡察“{inspection}”中没有问题“{problem}”",
        {"inspection": "r2021", "problem": "P9"},
    ),
    OpCode.UNKNOWN_MEASURE: _m(
        'problem "{problem}" has no measure "{measure}"',
        "问题“{problem}”中没有整改措施“{measure}”",
        {"problem": "P2", "measure": "M9"},
    ),
    OpCode.UNKNOWN_GROUP: _m(
        'inspection "{inspection}" has no group "{group}"',
        "巡察“{inspection}”中没有分组“{group}”",
        {"inspection": "r2021", "group": "A9"},
    ),
    OpCode.UNKNOWN_TARGET: _m(*_DANGLING["link"], {"target": "r2019/P9"}),
    OpCode.DUPLICATE_ID: _m(
        'inspection "{inspection}" already has a {kind:term} "{id}"',
        "巡察“{inspection}”中已有编号为“{id}”的{kind:term}",
        {"inspection": "r2021", "kind": "measure", "id": "M1"},
    ),
    OpCode.NO_MEASURE: _m(_NO_MEASURE[0], _NO_MEASURE[1] + _CANNOT_ADD, {"problem": "P4"}),
    OpCode.NO_RESPONSIBILITY: _m(_NO_RESPONSIBILITY[0], _NO_RESPONSIBILITY[1] + _CANNOT_ADD, {"measure": "M9"}),
    OpCode.NO_DEADLINE: _m(
        'measure "{measure}" has no deadline, which a plan or a ledger gives every measure',
        "整改措施“{measure}”未明确整改时限(整改方案和台账须逐条明确)" + _CANNOT_ADD,
        {"measure": "M9"},
    ),
    OpCode.NO_STATUS: _m(
        'measure "{measure}" gives no current state, which a ledger gives every measure',
        "整改措施“{measure}”未填写整改进展(台账须逐条填写)" + _CANNOT_ADD,
        {"measure": "M9"},
    ),
    OpCode.NO_DATE: _m(
        'the progress recorded for "{item}" has no date', "“{item}”的整改进展未注明日期", {"item": "M2"}
    ),
    OpCode.WRONG_OPERATION: _m(
        'record_progress cannot make "{item}" {state:state}: use {operation}',
        "“{item}”的{state:state}状态须通过{operation:term}操作记录,不能作为整改进展记录",
        {"item": "P1", "state": "closed", "operation": "close"},
        {"item": "P1", "state": "reopened", "operation": "reopen"},
    ),
    OpCode.BEFORE_FEEDBACK: _m(
        '{field:term} {date} of "{item}" is before the feedback date {feedback}',
        "“{item}”的{field:term} {date} 早于反馈日期 {feedback}",
        {"field": "completion", "date": "2021-07-01", "item": "M2", "feedback": "2021-08-04"},
    ),
    OpCode.BEFORE_PREVIOUS: _m(
        'status date {date} of "{item}" is before its previous status of {previous}',
        "“{item}”的状态日期 {date} 早于上一状态日期 {previous}",
        {"date": "2021-09-01", "item": "M9", "previous": "2021-10-01"},
    ),
    OpCode.REGRESSION: _m(
        '"{item}" cannot go back from {previous:state} to {state:state} without a reopening',
        "“{item}”的状态不能由{previous:state}退回{state:state},须先重新打开",
        {"item": "P1", "previous": "completed", "state": "in_progress"},
    ),
    OpCode.MEASURES_NOT_DONE: _m(
        lambda p: (
            'problem "{problem}" cannot be {state:state}: its measure "{measure}" '
            + ("is {measure_state:state}" if p["measure_state"] else "has no status")
        ),
        lambda p: (
            "问题“{problem}”尚有整改措施“{measure}”未完成,"
            + ("不能销号" if p["state"] == State.CLOSED else "不能记为{state:state}")
        ),
        {"problem": "P2", "state": "closed", "measure": "M3", "measure_state": None},
        {"problem": "P2", "state": "completed", "measure": "M3", "measure_state": "in_progress"},
    ),
    OpCode.PROBLEM_FINISHED: _m(
        lambda p: (
            'problem "{problem}" is {state:state}, so its measure "{measure}" cannot be '
            + ("{measure_state:state}" if p["measure_state"] else "without a status")
        ),
        lambda p: (
            "问题“{problem}”状态为{state:state},其整改措施“{measure}”不能"
            + ("为{measure_state:state}" if p["measure_state"] else "没有整改状态")
        ),
        {"problem": "P1", "state": "closed", "measure": "M9", "measure_state": "in_progress"},
        {"problem": "P1", "state": "closed", "measure": "M9", "measure_state": None},
    ),
    OpCode.EVIDENCE_LOST: _m(
        'problem "{problem}" is closed on the evidence of measure "{measure}"; the change would leave it without any',
        "问题“{problem}”凭整改措施“{measure}”的佐证材料销号,此项变更将使其失去佐证材料",
        {"problem": "P1", "measure": "M1"},
    ),
    OpCode.ALREADY_CLOSED: _m('"{item}" is already closed', "“{item}”已销号,不能重复销号", {"item": "P3"}),
    OpCode.NO_EVIDENCE: _m('"{item}" cannot be closed without evidence', "“{item}”无佐证材料,不能销号", {"item": "P2"}),
    OpCode.NOT_DONE: _m(
        lambda p: (
            '"{item}" ' + ("is {state:state}" if p["state"] else "has no status") + ": only a done item can be reopened"
        ),
        lambda p: "“{item}”" + ("状态为{state:state}" if p["state"] else "尚无整改状态") + ",未完成整改,不能重新打开",
        {"item": "P2", "state": "in_progress"},
        {"item": "P2", "state": None},
    ),
    OpCode.SAME_INSPECTION: _m(
        'linked problem "{target}" is of the same inspection; a link goes to an earlier round',
        "关联的问题“{target}”属于同一轮巡察,只能关联此前轮次的问题",
        {"target": "r2021/P1"},
    ),
    OpCode.UNDATED_ROUND: _m(
        'inspection "{inspection}" has no date to tell which round is earlier',
        "巡察“{inspection}”未注明任何日期,无法判断轮次先后",
        {"inspection": "r2019"},
    ),
    OpCode.NOT_EARLIER: _m(
        'inspection "{target}" ({target_date}) is not certainly before inspection "{inspection}" ({date})',
        "巡察“{target}”({target_date})并非确定早于巡察“{inspection}”({date})",
        {"target": "r2021", "target_date": "2021", "inspection": "r2021b", "date": "2021-06"},
    ),
    OpCode.NO_UNIT: _m(
        'inspection "{inspection}" names no unit, so its rounds cannot be related',
        "巡察“{inspection}”未注明被巡察单位,无法关联轮次",
        {"inspection": "r2019"},
    ),
    OpCode.UNRELATED_UNITS: _m(
        'unit "{target_unit}" of inspection "{target}" is neither unit "{unit}" nor a unit it continues',
        "巡察“{target}”的被巡察单位“{target_unit}”既非单位“{unit}”,也非其前身",
        {"target_unit": "u9", "target": "x2020", "unit": "u1"},
    ),
    OpCode.DUPLICATE_LINK: _m(
        '"{item}" already links to "{target}"', "“{item}”已关联问题“{target}”", {"item": "P2", "target": "r2019/P2"}
    ),
    OpCode.CYCLE: _m(
        "the link would make a cycle: {path}",
        "该关联将形成循环:{path}",
        {"path": "r2021/P2 → r2019/P2 → r2021/P2"},
    ),
    OpCode.COUNT_MISMATCH: _m(
        "the inspection declares its counts, and the change would break them: {finding}",
        "该巡察已声明数量,此项变更将使其不符:{finding}",
        _COUNT_FINDING,
    ),
    OpCode.WOULD_BREAK: _m(
        "the change would break {rules} ({pointers}): {finding}",
        "此项变更将违反规则 {rules}({pointers}):{finding}",
        {**_COUNT_FINDING, "rules": "declared-count-mismatch", "pointers": "/inspections/0/declared/problems"},
    ),
}

# --- the command line's and the exceptions' own words --------------------------------------------


class CliText(StrEnum):
    """A heading, label or line of the command line's output, or of an exception's text."""

    LIST_SEP = "list-sep"
    NONE = "none"
    # validate
    LINE = "line"
    ITEM_INSPECTION = "item-inspection"
    ITEM_GROUP = "item-group"
    ITEM_PROBLEM = "item-problem"
    ITEM_MEASURE = "item-measure"
    ITEM_STATUS = "item-status"
    ITEM_LINK = "item-link"
    ITEM_FIELD = "item-field"
    FIRST_AT = "first-at"
    SEE_ALSO = "see-also"
    INTERNAL_ERROR = "internal-error"
    CANNOT_WRITE = "cannot-write"
    CANNOT_EXPORT = "cannot-export"
    ONE_FILE_ONLY = "one-file-only"
    WAIVED = "waived"
    SUMMARY = "summary"
    PROGRESS = "progress"
    BAD_SEVERITY = "bad-severity"
    FILE_CRASHED = "file-crashed"
    NO_FILES = "no-files"
    CANNOT_READ_MANIFEST = "cannot-read-manifest"
    NO_DASK = "no-dask"
    CANNOT_CONNECT = "cannot-connect"
    # exceptions
    LOAD_FAILED = "load-failed"
    LEDGER_ERRORS = "ledger-errors"
    MORE = "more"
    # stats
    ON_SITE = "on-site"
    FEEDBACK = "feedback"
    AS_OF = "as-of"
    REPORT = "report"
    ITEMIZED = "itemized"
    ITEMIZED_COUNT = "itemized-count"
    DECLARED = "declared"
    DECLARED_COUNT = "declared-count"
    NOTHING = "nothing"
    # history
    UNIT_NAMES = "unit-names"
    HISTORY_SUMMARY = "history-summary"
    ROUNDS = "rounds"
    ROUND = "round"
    ROUND_AS = "round-as"
    RECURRING = "recurring"
    CHAIN = "chain"
    CARRIED = "carried"
    FOUND_AGAIN = "found-again"
    RECORDED_DONE = "recorded-done"
    OPEN = "open"
    UNKNOWN_UNIT = "unknown-unit"
    # peers: version, standard input, unsupported files, misspellings
    UNKNOWN_RULE = "unknown-rule"
    DID_YOU_MEAN = "did-you-mean"
    UNKNOWN_CHOICE = "unknown-choice"
    UNSUPPORTED_INPUT = "unsupported-input"
    STDIN_ONCE = "stdin-once"
    # help: the parser's texts, in the language picked before it is built
    HELP_PROG = "help-prog"
    HELP_COMMANDS = "help-commands"
    HELP_HELP = "help-help"
    HELP_VERSION = "help-version"
    HELP_TRACEBACK = "help-traceback"
    NOT_POSITIVE = "not-positive"
    HELP_LANG = "help-lang"
    HELP_INPUT = "help-input"
    HELP_OUTPUT = "help-output"
    HELP_EXITS = "help-exits"
    EXIT_0 = "exit-0"
    EXIT_0_VALIDATE = "exit-0-validate"
    EXIT_1_VALIDATE = "exit-1-validate"
    EXIT_1_SCHEMA = "exit-1-schema"
    EXIT_1_PARSE = "exit-1-parse"
    EXIT_2 = "exit-2"
    EXIT_3 = "exit-3"
    CMD_SCHEMA = "cmd-schema"
    CMD_STATS = "cmd-stats"
    CMD_VALIDATE = "cmd-validate"
    CMD_RULES = "cmd-rules"
    CMD_PARSE = "cmd-parse"
    CMD_RENDER = "cmd-render"
    CMD_GRAPH = "cmd-graph"
    CMD_HISTORY = "cmd-history"
    CMD_EXPORT = "cmd-export"
    CMD_TEMPLATE = "cmd-template"
    HELP_CHECK = "help-check"
    HELP_LEDGER = "help-ledger"
    HELP_LEDGERS = "help-ledgers"
    HELP_FILES = "help-files"
    HELP_TEXT_JSON = "help-text-json"
    HELP_VALIDATE_FORMAT = "help-validate-format"
    HELP_JOBS = "help-jobs"
    HELP_SCHEDULER = "help-scheduler"
    HELP_SELECT = "help-select"
    HELP_IGNORE = "help-ignore"
    HELP_SEVERITY = "help-severity"
    HELP_WAIVERS = "help-waivers"
    HELP_DUE_MONTHS = "help-due-months"
    HELP_RULES_FORMAT = "help-rules-format"
    HELP_PARSE_FILE = "help-parse-file"
    HELP_ID = "help-id"
    HELP_UNIT_ID = "help-unit-id"
    HELP_RENDER_FORMAT = "help-render-format"
    HELP_GRAPH_FORMAT = "help-graph-format"
    HELP_UNIT = "help-unit"
    HELP_EXPORT_FILES = "help-export-files"
    HELP_EXPORT_OUTPUT = "help-export-output"
    HELP_EXPORT_FORMAT = "help-export-format"
    HELP_INSPECTION = "help-inspection"
    HELP_TEMPLATE_OUTPUT = "help-template-output"
    HELP_TEMPLATE_FORMAT = "help-template-format"
    HELP_SHEETS = "help-sheets"
    HELP_SHEETS_ABOUT = "help-sheets-about"
    HELP_MAPPING = "help-mapping"
    HELP_INSPECTOR = "help-inspector"
    HELP_TARGET = "help-target"
    HELP_FEEDBACK_DATE = "help-feedback-date"
    HELP_START = "help-start"
    HELP_END = "help-end"
    # rules --format markdown
    RULES_TITLE = "rules-title"
    RULES_INTRO = "rules-intro"
    RULES_RULE = "rules-rule"
    RULES_REQUIRES = "rules-requires"
    RULES_DEFAULT = "rules-default"
    RULES_EXAMPLE = "rules-example"
    RULES_PARAMS = "rules-params"
    RULES_RELATED = "rules-related"


_CLI: dict[str, Message] = {  # keyed by CliText
    CliText.LIST_SEP: _m(", ", "、", {}),
    CliText.NONE: _m("none", "无", {}),
    CliText.LINE: _m("(line {line})", "(第 {line} 行)", {"line": 23}),
    CliText.ITEM_INSPECTION: _m("inspection {id}", "巡察 {id}", {"id": "jm-2021"}),
    CliText.ITEM_GROUP: _m("group {id} “{title}”", "分组 {id}“{title}”", {"id": "A1", "title": "政治建设方面"}),
    CliText.ITEM_PROBLEM: _m(
        "problem {id} “{title}”", "问题 {id}“{title}”", {"id": "P3", "title": "议事决策机制不完善"}
    ),
    CliText.ITEM_MEASURE: _m(
        "measure {id} of problem “{title}”",
        "问题“{title}”的整改措施 {id}",
        {"id": "P3-M2", "title": "议事决策机制不完善"},
    ),
    CliText.ITEM_STATUS: _m("status {n} of {item}", "{item}的第 {n} 条状态", {"n": 2, "item": "problem P3 “…”"}),
    CliText.ITEM_LINK: _m("link {n} of {item}", "{item}的第 {n} 条关联", {"n": 1, "item": "problem P3 “…”"}),
    CliText.ITEM_FIELD: _m(
        "{field:term} of {item}", "{item}的{field:term}", {"field": "deadline", "item": "measure M1"}
    ),
    CliText.FIRST_AT: _m("first at {where}", "首次出现于 {where}", {"where": "a.json:12:7"}),
    CliText.SEE_ALSO: _m("see {where}", "参见 {where}", {"where": "a.json:12:7"}),
    CliText.CANNOT_EXPORT: _m(
        "cannot export as {format}: {reason}",
        "无法导出为 {format}:{reason}",
        {"format": "graphml", "reason": "node keys 'a\\x02/P1' and another one are the same in XML"},
    ),
    CliText.INTERNAL_ERROR: _m(
        "rectmodel: internal error ({error}); this is a bug in rectmodel, please report it with the command you ran",
        "rectmodel:内部错误({error});这是 rectmodel 的缺陷,请连同所运行的命令一并报告",
        {"error": "KeyError: 'x'"},
    ),
    CliText.CANNOT_WRITE: _m(
        "rectmodel: cannot write {path}: {reason}",
        "rectmodel:无法写入 {path}:{reason:reason}",
        {"path": "out/ledger.json", "reason": "No such file or directory"},
    ),
    CliText.WAIVED: _m(
        "waived {rule} {pointer}: {justification}",
        "已豁免 {rule} {pointer}:{justification}",
        {"rule": "report-overdue", "pointer": "/inspections/0/report_date", "justification": "agreed late"},
    ),
    CliText.SUMMARY: _m(
        "{files} file{files:plural}: {errors} error{errors:plural}, {warnings} warning{warnings:plural}, "
        "{infos} info{infos:plural}, {waived} waived",
        "{files} 个文件:{errors} 个错误,{warnings} 个警告,{infos} 个提示,{waived} 个已豁免",
        {"files": 1, "errors": 0, "warnings": 1, "infos": 2, "waived": 0},
    ),
    CliText.PROGRESS: _m(
        "validating {count}/{total} {path}",
        "正在校验 {count}/{total} {path}",
        {"count": 3, "total": 9, "path": "a.json"},
    ),
    CliText.BAD_SEVERITY: _m(
        "--severity {item}: expected RULE=error|warning|info",
        "--severity {item}:应为 RULE=error|warning|info",
        {"item": "report-overdue=fatal"},
    ),
    CliText.FILE_CRASHED: _m(
        "{path}: internal error ({error}); this is a bug in rectmodel, please report it with this file",
        "{path}:内部错误({error});这是 rectmodel 的缺陷,请连同此文件一并报告",
        {"path": "2021/jm.json", "error": "KeyError: 'x'"},
    ),
    CliText.NO_FILES: _m(
        "{source} names no file to validate", "{source} 中没有可校验的文件", {"source": "reports/*.json"}
    ),
    CliText.CANNOT_READ_MANIFEST: _m(
        "cannot read the list of files {path}: {reason}",
        "无法读取文件清单 {path}:{reason:reason}",
        {"path": "files.txt", "reason": "No such file or directory"},
    ),
    CliText.NO_DASK: _m(
        "--scheduler needs Dask: pip install 'rectmodel[dask]'",
        "--scheduler 需要 Dask:pip install 'rectmodel[dask]'",
        {},
    ),
    CliText.CANNOT_CONNECT: _m(
        "cannot connect to the Dask scheduler {address}: {reason}",
        "无法连接 Dask 调度器 {address}:{reason}",
        {"address": "tcp://10.0.0.5:8786", "reason": "Timed out trying to connect"},
    ),
    CliText.LOAD_FAILED: _m(
        "{count} problem{count:plural} found while loading", "加载时发现 {count} 个问题", {"count": 1}, {"count": 2}
    ),
    CliText.LEDGER_ERRORS: _m("{count} error{count:plural} in the ledger", "台账中有 {count} 个错误", {"count": 2}),
    CliText.MORE: _m("… and {count} more", "……另有 {count} 个", {"count": 5}),
    CliText.ON_SITE: _m("on site {start} to {end}", "进驻 {start} 至 {end}", {"start": "2021-03-11", "end": "?"}),
    CliText.FEEDBACK: _m("feedback {date}", "反馈 {date}", {"date": "2021-08-04"}),
    CliText.AS_OF: _m("as of {date}", "截至 {date}", {"date": "2021-11-03"}),
    CliText.REPORT: _m("report {date}", "报告 {date}", {"date": "2021-11-12"}),
    CliText.ITEMIZED: _m("itemized: {counts}", "逐项列出:{counts}", {"counts": "3"}),
    CliText.ITEMIZED_COUNT: _m("{n} {count}", "{n}{count:term}", {"n": 3, "count": "aspects"}),
    CliText.DECLARED: _m("declared: {counts}", "声明:{counts}", {"counts": "3"}),
    CliText.DECLARED_COUNT: _m(
        "{count} {n}",
        lambda p: "{count:term} {n}" if p["count"] == "completion_rate" else "{n}{count:term}",
        {"n": 3, "count": "aspects"},
        {"n": "76%", "count": "completion_rate"},
    ),
    CliText.NOTHING: _m("nothing", "无", {}),
    CliText.UNIT_NAMES: _m("{unit} (names: {names})", "{unit} (名称: {names})", {"unit": "sjj", "names": "sjj, xxzx"}),
    CliText.HISTORY_SUMMARY: _m(
        "{problems} problems in {rounds} rounds: {recurring} recurring, {carried} carried over, {open} open",
        "{rounds} 轮巡察共 {problems} 个问题:反复出现 {recurring} 个,延续 {carried} 个,未整改完成 {open} 个",
        {"problems": 15, "rounds": 3, "recurring": 5, "carried": 3, "open": 3},
    ),
    CliText.ROUNDS: _m("Rounds", "巡察轮次", {}),
    CliText.ROUND: _m(
        "{problems} problems, {recurring} recurring, {open} open",
        "{problems} 个问题,反复出现 {recurring} 个,未整改完成 {open} 个",
        {"problems": 5, "recurring": 0, "open": 1},
    ),
    CliText.ROUND_AS: _m("(as {unit})", "(时称 {unit})", {"unit": "xxzx"}),
    CliText.RECURRING: _m("Recurring (found in two or more rounds)", "反复出现的问题(两轮及以上发现)", {}),
    CliText.CHAIN: _m("{rounds} rounds", "{rounds} 轮", {"rounds": 2}),
    CliText.CARRIED: _m("Carried over (found again by a later round)", "延续问题(后续轮次再次发现)", {}),
    CliText.FOUND_AGAIN: _m("found again by {problem}", "再次发现于 {problem}", {"problem": "2023-04-03  r2023 P1"}),
    CliText.RECORDED_DONE: _m("recorded done but found again", "已记录整改完成但再次发现", {}),
    CliText.OPEN: _m("Open (not recorded as rectified)", "未整改完成的问题", {}),
    CliText.ONE_FILE_ONLY: _m(
        "export --format {format} writes one ledger; give several files only with --format sqlite",
        "export --format {format} 只能导出一个台账;多个文件请用 --format sqlite",
        {"format": "xlsx"},
    ),
    CliText.UNKNOWN_UNIT: _m(
        "no round of unit {unit!r} in {files}",
        "{files} 中没有单位 {unit} 的巡察轮次",
        {"unit": "nowhere", "files": "a.json, b.json"},
    ),
    # peers: version, standard input, unsupported files, misspellings
    CliText.UNKNOWN_RULE: _m("unknown rule {name}", "没有名为 {name} 的规则", {"name": "report-overdu"}),
    CliText.DID_YOU_MEAN: _m(
        "{message}; did you mean {matches}?", "{message};是否要用 {matches}?", {"message": "…", "matches": "x, y"}
    ),
    CliText.UNKNOWN_CHOICE: _m("invalid choice: {value!r}", "无效的选项:{value}", {"value": "validat"}),
    CliText.UNSUPPORTED_INPUT: _m(
        "{path}: not a file rectmodel reads; it reads ledger JSON (.json), notices (.txt, .docx, .html, .htm, .pdf) "
        "and workbooks (.xlsx, .xls, .ods, .csv), and - for standard input; --input json|notice|sheet says what "
        "a file is",
        "{path}:不是 rectmodel 能读取的文件;可读取 JSON 台账(.json)、通报(.txt、.docx、.html、.htm、.pdf)"
        "和台账表格(.xlsx、.xls、.ods、.csv),- 表示标准输入;可用 --input json|notice|sheet 指明文件类型",
        {"path": "photo.png"},
    ),
    CliText.STDIN_ONCE: _m("- (standard input) can be given only once", "- (标准输入)只能给出一次", {}),
    # help
    CliText.HELP_PROG: _m(
        "Model, validate and convert inspection-rectification ledgers (Chinese: xuncha zhenggai taizhang): "
        "ledger JSON, public notices and workbooks.",
        "巡察整改台账的模型、校验与转换:JSON 台账、整改情况通报和台账表格。",
        {},
    ),
    CliText.HELP_COMMANDS: _m("commands", "命令", {}),
    CliText.HELP_HELP: _m("show this help and exit", "显示此帮助并退出", {}),
    CliText.HELP_VERSION: _m("show the version and exit", "显示版本号并退出", {}),
    CliText.HELP_TRACEBACK: _m(
        "on an internal error, print the traceback too (for a bug report)",
        "内部错误时同时打印回溯信息(用于报告缺陷)",
        {},
    ),
    CliText.NOT_POSITIVE: _m("expected a positive number, not {text}", "应为正整数,而不是 {text}", {"text": "0"}),
    CliText.HELP_LANG: _m("language of the messages: en or zh", "消息语言:en(英文)或 zh(中文)", {}),
    CliText.HELP_INPUT: _m(
        "what the files are: ledger JSON, notice, workbook (sheet), or auto: by extension, "
        "and by content for standard input",
        "文件类型:JSON 台账、通报(notice)、台账表格(sheet),或 auto:按扩展名判断,标准输入按内容判断",
        {},
    ),
    CliText.HELP_OUTPUT: _m("write to this file instead of standard output", "写入此文件而非标准输出", {}),
    CliText.HELP_EXITS: _m("exit codes:", "退出码:", {}),
    CliText.EXIT_0: _m("success", "成功", {}),
    CliText.EXIT_0_VALIDATE: _m("no errors (warnings allowed)", "没有错误(可以有警告)", {}),
    CliText.EXIT_1_VALIDATE: _m("a file has errors", "文件中有错误", {}),
    CliText.EXIT_1_SCHEMA: _m(
        "with --check: a document departs from the schema", "使用 --check 时:有文件不符合 JSON Schema", {}
    ),
    CliText.EXIT_1_PARSE: _m("the reader found errors in the file", "读取时发现错误", {}),
    CliText.EXIT_2: _m(
        "usage error, or a file that cannot be read, loaded or written",
        "用法错误,或文件无法读取、加载或写入",
        {},
    ),
    CliText.EXIT_3: _m("rectmodel itself failed (a bug: please report it)", "rectmodel 自身出错(属于缺陷,请报告)", {}),
    CliText.CMD_SCHEMA: _m(
        "print the JSON Schema of a ledger document, or check files against it",
        "输出台账文件的 JSON Schema,或据此检查文件",
        {},
    ),
    CliText.CMD_STATS: _m(
        "what a ledger declares and itemizes, per inspection", "按巡察列出台账声明的和逐项列出的数量", {}
    ),
    CliText.CMD_VALIDATE: _m(
        "check ledgers, notices and workbooks against every consistency rule",
        "按全部一致性规则校验台账、通报和台账表格",
        {},
    ),
    CliText.CMD_RULES: _m("list every rule with its default severity", "列出全部规则及其默认级别", {}),
    CliText.CMD_PARSE: _m(
        "read a public notice (text, Word, web page, PDF) or a ledger workbook into a ledger JSON",
        "将整改情况通报(文本、Word、网页、PDF)或台账表格读取为 JSON 台账",
        {},
    ),
    CliText.CMD_RENDER: _m("write a ledger as a notice in the standard layout", "将台账按标准格式写成整改情况通报", {}),
    CliText.CMD_GRAPH: _m("export the graph of problems and links across rounds", "导出跨轮次的问题及关联图", {}),
    CliText.CMD_HISTORY: _m(
        "what the rounds of one unit found, found again and left open",
        "某单位历轮巡察发现、再次发现和尚未整改完成的问题",
        {},
    ),
    CliText.CMD_EXPORT: _m(
        "write a ledger as a workbook people can edit (.xlsx) or as CSV, or ledgers as an SQLite database",
        "将台账导出为可编辑的表格(.xlsx)或 CSV,或将多个台账导出为 SQLite 数据库",
        {},
    ),
    CliText.CMD_TEMPLATE: _m(
        "write the empty standard ledger workbook with one example row", "生成带一行示例的空白标准台账表格", {}
    ),
    CliText.HELP_CHECK: _m(
        "check documents against the schema, as a tool in another language would",
        "按 JSON Schema 检查文件,与其他语言的工具所做的相同",
        {},
    ),
    CliText.HELP_LEDGER: _m(
        "a ledger: JSON, a notice or a workbook; - for standard input",
        "台账:JSON、通报或台账表格;- 表示标准输入",
        {},
    ),
    CliText.HELP_LEDGERS: _m(
        "ledgers: JSON, notices or workbooks; - for standard input",
        "台账:JSON、通报或台账表格;- 表示标准输入",
        {},
    ),
    CliText.HELP_FILES: _m(
        "ledger JSON files, notices (.txt, .docx, .html, .pdf) or workbooks (.xlsx, .xls, .ods, .csv); "
        "a directory (every such file under it), a glob pattern (expanded here), @LIST (a file of paths, "
        "one a line), or - for standard input",
        "JSON 台账、通报(.txt、.docx、.html、.pdf)或台账表格(.xlsx、.xls、.ods、.csv);"
        "目录(其下所有此类文件)、通配模式(由本程序展开)、@清单(每行一个路径的文件),或 - 表示标准输入",
        {},
    ),
    CliText.HELP_TEXT_JSON: _m("output format: text or json", "输出格式:text(文本)或 json", {}),
    CliText.HELP_VALIDATE_FORMAT: _m(
        "text (in the order given), one JSON document, JSON Lines (one object per file as it finishes, "
        "then a summary), github (workflow annotations), or sarif (SARIF 2.1.0, for code scanning)",
        "text(按给出顺序的文本)、json(一个 JSON 文档)、jsonl(每个文件完成即输出一行,最后是汇总)、"
        "github(GitHub 工作流注释)或 sarif(SARIF 2.1.0,供代码扫描工具读取)",
        {},
    ),
    CliText.HELP_JOBS: _m(
        "worker processes (default: the cores; 1: no workers)", "工作进程数(默认:CPU 核数;1:不用工作进程)", {}
    ),
    CliText.HELP_SCHEDULER: _m(
        "run on a Dask cluster: its scheduler address; needs rectmodel[dask]",
        "在 Dask 集群上运行:调度器地址;需安装 rectmodel[dask]",
        {},
    ),
    CliText.HELP_SELECT: _m("run only these rules (comma-separated)", "只运行这些规则(以逗号分隔)", {}),
    CliText.HELP_IGNORE: _m("skip these rules (comma-separated)", "跳过这些规则(以逗号分隔)", {}),
    CliText.HELP_SEVERITY: _m(
        "override a rule's severity: error, warning or info (repeatable)",
        "改变规则的级别:error、warning 或 info(可重复)",
        {},
    ),
    CliText.HELP_WAIVERS: _m(
        "a JSON file of accepted diagnostics, with justifications", "已接受的诊断及其理由(JSON 文件)", {}
    ),
    CliText.HELP_DUE_MONTHS: _m(
        "months after feedback by which the report is due (default 2)",
        "反馈后应在几个月内报送整改报告(默认 2)",
        {},
    ),
    CliText.HELP_RULES_FORMAT: _m("output format: text, json or markdown", "输出格式:text(文本)、json 或 markdown", {}),
    CliText.HELP_PARSE_FILE: _m(
        "a notice (.txt, .docx, .html, .pdf) or a workbook (.xlsx, .xls, .ods, .csv); - for standard input",
        "通报(.txt、.docx、.html、.pdf)或台账表格(.xlsx、.xls、.ods、.csv);- 表示标准输入",
        {},
    ),
    CliText.HELP_ID: _m(
        "the inspection's id (default: the file name without extension)",
        "巡察编号(默认:不含扩展名的文件名)",
        {},
    ),
    CliText.HELP_UNIT_ID: _m("a stable id of the inspected unit", "被巡察单位的稳定编号", {}),
    CliText.HELP_RENDER_FORMAT: _m("output format: text or markdown", "输出格式:text(文本)或 markdown", {}),
    CliText.HELP_GRAPH_FORMAT: _m(
        "output format: json (node-link), graphml, mermaid or dot",
        "输出格式:json(节点-边)、graphml、mermaid 或 dot",
        {},
    ),
    CliText.HELP_UNIT: _m(
        "a unit id (any of its names, through successions)", "单位编号(可用其任一名称,含沿革前后的名称)", {}
    ),
    CliText.HELP_EXPORT_FILES: _m(
        "ledgers (JSON, notices or workbooks; - for standard input); several only with --format sqlite",
        "台账(JSON、通报或台账表格;- 表示标准输入);多个文件仅限 --format sqlite",
        {},
    ),
    CliText.HELP_EXPORT_OUTPUT: _m("the workbook, CSV or SQLite file to write", "要写入的表格、CSV 或 SQLite 文件", {}),
    CliText.HELP_EXPORT_FORMAT: _m(
        "xlsx, csv or sqlite; default: by the output's extension (.csv; .db, .sqlite, .sqlite3; else xlsx)",
        "xlsx、csv 或 sqlite;默认按输出文件扩展名判断(.csv;.db、.sqlite、.sqlite3;其余为 xlsx)",
        {},
    ),
    CliText.HELP_INSPECTION: _m(
        "which inspection, by id, when the ledger holds several (xlsx, csv)",
        "台账含多次巡察时,按编号指定其一(xlsx、csv)",
        {},
    ),
    CliText.HELP_TEMPLATE_OUTPUT: _m("the workbook (.xlsx) or CSV file to write", "要写入的表格(.xlsx)或 CSV 文件", {}),
    CliText.HELP_TEMPLATE_FORMAT: _m(
        "xlsx or csv; default: by the output's extension", "xlsx 或 csv;默认按输出文件扩展名判断", {}
    ),
    CliText.HELP_SHEETS: _m("workbooks", "台账表格", {}),
    CliText.HELP_SHEETS_ABOUT: _m(
        "facts a workbook does not state, and unusual layouts", "表格中未写明的事实,以及非标准的版式", {}
    ),
    CliText.HELP_MAPPING: _m(
        "a column mapping (TOML or JSON): header to role", "列映射文件(TOML 或 JSON):表头对应的含义", {}
    ),
    CliText.HELP_INSPECTOR: _m(
        "the inspecting group, where the workbook does not name it", "巡察组(表格中未写明时)", {}
    ),
    CliText.HELP_TARGET: _m(
        "the inspected party organisation, where the workbook does not name it",
        "被巡察党组织(表格中未写明时)",
        {},
    ),
    CliText.HELP_FEEDBACK_DATE: _m(
        "the feedback date (YYYY, YYYY-MM or YYYY-MM-DD)", "反馈日期(YYYY、YYYY-MM 或 YYYY-MM-DD)", {}
    ),
    CliText.HELP_START: _m("the first day on site", "进驻日期", {}),
    CliText.HELP_END: _m("the last day on site", "巡察结束日期", {}),
    CliText.RULES_TITLE: _m("# Rules", "# 规则", {}),
    CliText.RULES_INTRO: _m(
        "Generated from the rule registry by `rectmodel rules --format markdown`; a test keeps it in sync.\n"
        "Every rule runs in one pass and reports everything it finds; none stops another.\n"
        "\n"
        "What a document must state depends on its kind (`document`: plan {plan}, ledger {ledger},\n"
        "report {report}, notice {notice}; unknown where a document does not say). Each\n"
        "column gives the rule's default severity in that kind of document; `—` means the rule does\n"
        "not apply there. `--severity RULE=LEVEL` overrides a rule wherever it applies;\n"
        "`--severity RULE:KIND=LEVEL` in one kind only, and makes it apply there.",
        "由 `rectmodel rules --format markdown --lang zh` 根据规则登记表生成。\n"
        "所有规则一次运行完毕,报告所发现的全部问题;任何一条规则都不会中止其他规则。\n"
        "\n"
        "文档须写明哪些内容取决于其类型(`document`:{plan}、{ledger}、{report}、{notice};\n"
        "文档未注明类型时为“未注明”)。各列为该规则在该类文档中的默认严重程度;“—”表示该规则不适用于该类文档。\n"
        "`--severity 规则=级别` 在规则适用之处改变其严重程度;`--severity 规则:类型=级别` 只在一类文档中改变,"
        "并使其在该类文档中适用。",
        {"plan": "整改方案", "ledger": "整改台账", "report": "整改情况报告", "notice": "整改进展情况通报"},
    ),
    CliText.RULES_RULE: _m("rule", "规则", {}),
    CliText.RULES_REQUIRES: _m("requires", "要求", {}),
    CliText.RULES_DEFAULT: _m(
        "{summary} Default severity: **{severity}**. Applies to: {kinds}.",
        "{summary}默认严重程度:**{severity}**。适用于:{kinds}。",
        {"summary": "Every problem has at least one measure.", "severity": "error", "kinds": "plan, ledger"},
    ),
    CliText.RULES_EXAMPLE: _m("Example:", "示例:", {}),
    CliText.RULES_PARAMS: _m("Parameters: `{params}`", "参数:`{params}`", {"params": '{"problem": "P5"}'}),
    CliText.RULES_RELATED: _m("Related: `{related}`", "相关位置:`{related}`", {"related": "/inspections/0/end"}),
}

# --- the whole catalogue -------------------------------------------------------------------------

FAMILIES: dict[str, Mapping[str, Message]] = {
    "load": _LOAD,
    "rules": _RULES,
    "parse": _PARSE,
    "sheet": _SHEET,
    "waivers": _WAIVERS,
    "operations": _OPERATIONS,
    "cli": _CLI,
    **{f"lexicon {name}": lexicon for name, lexicon in LEXICONS.items()},
}

# What a diagnostic's or an error's code finds its message in; the CLI's words and the lexicons
# are looked up apart, by keys of their own.
MESSAGES: dict[str, Message] = {**_LOAD, **_RULES, **_PARSE, **_SHEET, **_WAIVERS, **_OPERATIONS}
TEMPLATES = MESSAGES  # the name tests/test_operations.py patches a rule's message into

# Diagnostics whose own ``code`` parameter says which message they carry.
_CODED_RULES = frozenset({"load", "parse", "sheet"})


_PARSER = string.Formatter()


@functools.cache
def _compile(template: str) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """*template* for ``str.format_map``, each field of ours renamed ``_0``, ``_1`` …, and those fields.

    Ours are a lexicon spec, ``plural`` and ``{finding}``; the rest is left to ``str.format``.
    """
    out: list[str] = []
    ours: list[tuple[str, str, str]] = []
    for literal, name, spec, conversion in _PARSER.parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if spec in LEXICONS or spec == "plural" or name == "finding":
            out.append(f"{{_{len(ours)}}}")
            ours.append((f"_{len(ours)}", name, spec or ""))
        else:
            out.append(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
    return "".join(out), tuple(ours)


def _value(name: str, spec: str, params: Params, lang: str) -> str:
    if name == "finding":
        return render(params["rule"], params["params"], lang)
    if spec == "plural":
        return "" if params[name] == 1 else "s"
    return word(spec, str(params[name]), lang)


def fill(message: Message, params: Params, lang: str = "en") -> str:
    """*message* in ``en`` or ``zh`` (any other language: ``en``), its template filled from *params*."""
    text = message[1] if lang == "zh" else message[0]
    template, ours = _compile(text if isinstance(text, str) else text(params))
    if not ours:
        return template.format_map(params)
    return template.format_map({**params, **{key: _value(name, spec, params, lang) for key, name, spec in ours}})


def render(code: str, params: Params, lang: str = "en") -> str:
    """Render the message of *code* (a load, rule, parse, waiver or refusal code) from *params*."""
    if code in _CODED_RULES:
        code = str(params.get("code"))
    message = MESSAGES.get(code)
    if message is None:  # a rule registered without a message: still say what it found
        return f"{code}: " + ", ".join(f"{k} {v}" for k, v in params.items())
    return fill(message, params, lang)


def say(text: CliText, lang: str = "en", /, **params: Any) -> str:
    """One of the command line's own texts, in ``en`` or ``zh``."""
    return fill(_CLI[text], params, lang)


def word(lexicon: str, value: str, lang: str = "en") -> str:
    """*value*'s name in a lexicon (``term``, ``state``, ``kind``, ``type`` …) in ``en`` or ``zh``; else *value*."""
    if lexicon == "reason":
        return reason(value, lang)
    entry = LEXICONS[lexicon].get(value)
    return value if entry is None else fill(entry, {}, lang)


def reason(text: str, lang: str = "en") -> str:
    """A parser's or the system's English *text*, in ``zh`` where it is a known one; else *text* as is.

    >>> reason("Expecting ',' delimiter", "zh")
    '此处应为逗号“,”'
    """
    if lang != "zh":
        return text
    entry = _REASONS.get(text)
    if entry is not None:
        return fill(entry, {}, lang)
    for pattern, zh in _REASON_PATTERNS:
        if match := pattern.fullmatch(text):
            return zh.format(*match.groups())
    return text

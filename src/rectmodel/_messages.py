"""Message templates in English and Chinese: the one place text is made.

Each code maps to a pair of ``str.format`` templates. Parameters that need a
localised word (a JSON type name) are given as keys of ``_WORDS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Template = tuple[str, str] | Callable[[Mapping[str, Any], int], str]

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

# Domain words, for messages that name a count, a field or an id's kind.
_TERMS: dict[str, tuple[str, str]] = {
    "aspects": ("aspects", "个方面"),
    "categories": ("categories", "类问题"),
    "problems": ("problems", "个问题"),
    "tasks": ("tasks", "项整改任务"),
    "measures": ("measures", "条整改措施"),
    "completed": ("completed", "个已完成"),
    "in_progress": ("in progress", "个正在整改"),
    "long_term": ("long-term", "个需长期坚持"),
    "not_completed": ("not completed", "个未完成"),
    "completion_rate": ("completion rate", "整改完成率"),
    "inspection": ("inspection", "巡察"),
    "group": ("group", "分组"),
    "problem": ("problem", "问题"),
    "measure": ("measure", "整改措施"),
    "start": ("on-site start", "进驻日期"),
    "end": ("on-site end", "巡察结束日期"),
    "feedback_date": ("feedback date", "反馈日期"),
    "feedback": ("feedback date", "反馈日期"),
    "plan_date": ("plan date", "整改方案日期"),
    "as_of": ("as-of date", "截至日期"),
    "report_date": ("report date", "报告日期"),
    "status": ("previous status", "上一状态"),
    "completion": ("completion", "完成日期"),
    "deadline": ("deadline", "整改时限"),
}

_STATES: dict[str, tuple[str, str]] = {
    "not_started": ("not started", "未启动"),
    "in_progress": ("in progress", "正在整改"),
    "completed": ("completed", "已完成整改"),
    "deemed_completed": ("deemed completed", "视同完成"),
    "long_term": ("long-term", "阶段性完成、需长期坚持"),
    "closed": ("closed", "已销号"),
    "reopened": ("reopened", "重新整改"),
}


def state(word: Any, index: int) -> str:
    """The English (0) or Chinese (1) name of a rectification state."""
    pair = _STATES.get(str(word))
    return pair[index] if pair else str(word)


def term(word: Any, index: int) -> str:
    """The English (0) or Chinese (1) name of a domain word; the word itself if it has none."""
    pair = _TERMS.get(str(word))
    return pair[index] if pair else str(word)


def _count_unverifiable(p: Mapping[str, Any], i: int) -> str:
    count, declared = p["count"], p["declared"]
    if p["reason"] == "unreadable":
        return (
            f'completion rate "{declared}" cannot be read as a percentage',
            f"整改完成率“{declared}”无法识别为百分比",
        )[i]
    if p["reason"] == "no-statuses":
        return (
            f"{declared} {term(count, 0)} declared, but {p['missing']} problems have no status to check it against",
            f"声明{declared}{term(count, 1)},但有 {p['missing']} 个问题未给出整改状态,无法核对",
        )[i]
    instead = f" (it itemizes {p['itemized']} {term(p['instead'], 0)})" if "instead" in p else ""
    instead_zh = f"(仅逐项列出 {p['itemized']}{term(p['instead'], 1)})" if "instead" in p else ""
    return (
        f"{declared} {term(count, 0)} declared, but the document does not itemize {term(count, 0)}{instead}",
        f"声明{declared}{term(count, 1)},但正文未逐项列出,无法核对{instead_zh}",
    )[i]


def _dates(p: Mapping[str, Any], i: int) -> str:
    field, before = term(p["field"], i), term(p["before"], i)
    return (
        f"{field} {p['date']} is before the {before} {p['other']}",
        f"{field} {p['date']} 早于{before} {p['other']}",
    )[i]


def _dangling(p: Mapping[str, Any], i: int) -> str:
    kind, target = p["kind"], p["target"]
    en = {
        "group": f'group "{target}" does not exist',
        "parent": f'parent group "{target}" does not exist',
        "parent-not-aspect": f'parent group "{target}" is not an aspect',
        "link": f'linked problem "{target}" does not exist',
    }
    zh = {
        "group": f"分组“{target}”不存在",
        "parent": f"上级分组“{target}”不存在",
        "parent-not-aspect": f"上级分组“{target}”不是“方面”",
        "link": f"关联的问题“{target}”不存在",
    }
    return (en if i == 0 else zh).get(kind, f"{kind} {target}")


TEMPLATES: dict[str, Template] = {
    # Load issues.
    "not-utf8": (
        "not UTF-8: invalid byte 0x{byte:02x} at offset {offset}",
        "不是 UTF-8 编码:偏移 {offset} 处的字节 0x{byte:02x} 无效",
    ),
    "not-json": ("not JSON: {reason}", "不是合法的 JSON:{reason}"),
    "unreadable": ("cannot be read: {reason}", "无法读取:{reason}"),
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
    # Rules.
    "duplicate-id": lambda p, i: (
        f'duplicate {term(p["kind"], 0)} id "{p["id"]}"',
        f"{term(p['kind'], 1)}编号“{p['id']}”重复",
    )[i],
    "dangling-reference": _dangling,
    "declared-count-mismatch": lambda p, i: (
        f"{p['declared']} {term(p['count'], 0)} declared, {p['itemized']} itemized",
        f"声明{p['declared']}{term(p['count'], 1)},实际列出{p['itemized']}{term(p['count'], 1)}",
    )[i],
    "declared-count-unverifiable": _count_unverifiable,
    "declared-sum-mismatch": (
        "declared parts {parts} add up to {sum}, not the declared total {total}",
        "声明的分项 {parts} 合计 {sum},与总数 {total} 不符",
    ),
    "declared-rate-mismatch": (
        "completion rate {declared} does not match {completed} of {total}",
        "整改完成率 {declared} 与 {total} 项中完成 {completed} 项不符",
    ),
    "dates-out-of-order": _dates,
    "problem-without-measure": ('problem "{problem}" has no measure', "问题“{problem}”没有整改措施"),
    "measure-without-responsibility": (
        'measure "{measure}" names no responsible leader, department or person',
        "整改措施“{measure}”未明确责任领导、责任部门或责任人",
    ),
    "status-inconsistent": lambda p, i: (
        f'problem "{p["problem"]}" is {state(p["state"], 0)} but its measure "{p["measure"]}" '
        f"is {state(p['measure_state'], 0)}",
        f"问题“{p['problem']}”状态为{state(p['state'], 1)},但其整改措施“{p['measure']}”"
        f"状态为{state(p['measure_state'], 1)}",
    )[i],
    "status-regression": lambda p, i: (
        f'"{p["item"]}" goes back from {state(p["previous"], 0)} to {state(p["state"], 0)} without a reopening',
        f"“{p['item']}”的状态由{state(p['previous'], 1)}退回{state(p['state'], 1)},且未记录重新整改",
    )[i],
    "closed-without-evidence": ('"{item}" is closed without evidence', "“{item}”已销号但无佐证材料"),
    "deadline-passed": lambda p, i: (
        f'measure "{p["measure"]}" was due {p["deadline"]} and is still {state(p["state"], 0)} as of {p["as_of"]}',
        f"整改措施“{p['measure']}”时限为 {p['deadline']},截至 {p['as_of']} 仍为{state(p['state'], 1)}",
    )[i],
    "report-overdue": (
        "report of {report} comes more than {months} months after feedback on {feedback} (due {due})",
        "整改报告日期 {report} 晚于反馈日期 {feedback} 后 {months} 个月(应于 {due} 前)",
    ),
    "unused-waiver": (
        'waiver for {rule} at "{pointer}" matched no diagnostic',
        "针对 {rule} 于“{pointer}”的豁免未匹配任何诊断",
    ),
}


def render(code: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """Render the message of *code* from *params* in ``en`` or ``zh``."""
    index = 1 if lang == "zh" else 0
    if code == "load":  # a load problem shown as a diagnostic: its own code says which
        return render(str(params.get("code")), params, lang)
    entry = TEMPLATES.get(code)
    if entry is None:
        return f"{code} {dict(params)}"
    if callable(entry):
        return entry(params, index)
    template = entry[index]
    values = {k: _WORDS[v][index] if k in _LOCALISED and v in _WORDS else v for k, v in params.items()}
    return template.format(**values)

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
    "deadline": (
        "a date like 2021-08-04, or immediate, long_term or ongoing",
        "形如 2021-08-04 的日期,或 immediate、long_term、ongoing",
    ),
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
    "inspector": ("inspecting group", "巡察组"),
    "target": ("inspected party organisation", "被巡察党组织"),
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
    "link-forward-in-time": lambda p, i: (
        (
            f'link to "{p["target"]}", a problem of the same round, not of an earlier one',
            f"关联的问题“{p['target']}”属于本轮巡察,而非此前轮次",
        )
        if p.get("reason") == "same-round"
        else (
            f'link to "{p["target"]}" of a round dated {p["target_date"]}, not before this round ({p["date"]})',
            f"关联的问题“{p['target']}”所在轮次({p['target_date']})不早于本轮({p['date']})",
        )
    )[i],
    "link-unit-mismatch": (
        'link to "{target}" of unit "{target_unit}", but this round is of unit "{unit}" and no succession relates them',
        "关联的问题“{target}”属于单位“{target_unit}”,本轮为单位“{unit}”,且未声明二者的沿革关系",
    ),
    "link-cycle": (
        "links form a cycle of {length}: {cycle}",
        "关联形成循环(共 {length} 处):{cycle}",
    ),
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
    # Notice parsing (rule "parse"; the code says which).
    "ambiguous-date": (
        'date "{text}" can be read as {readings}; left out',
        "日期“{text}”可理解为 {readings},无法确定,未采用",
    ),
    "impossible-date": ('"{text}" names no real day; left out', "“{text}”不是有效日期,未采用"),
    "garbled-text": (
        'characters seem lost in publishing here: "{text}"',
        "此处疑有文字在发布时丢失:“{text}”",
    ),
    "narrative": (
        (
            'section "{title}" (lines {first}–{last}) is narrative, not itemized problems; '
            "only its dates and counts are read"
        ),
        "“{title}”部分(第 {first}–{last} 行)为叙述性内容,未逐项列出问题,仅提取其中的日期和数量",
    ),
    "empty-group": ('heading "{title}" has no problems under it', "标题“{title}”下没有列出问题"),
    "numbering-gap": (
        "numbering skips: expected {expected}, found {found}",
        "编号不连续:应为 {expected},实为 {found}",
    ),
    "unknown-status": (
        'status "{text}" names no known state; not recorded',
        "整改结果“{text}”无法识别为已知状态,未记录",
    ),
    "unplaced-text": ('text not placed in the ledger: "{text}"', "未能归入台账的文字:“{text}”"),
    "not-found": lambda p, i: (
        f"the notice does not name the {term(p['field'], 0)} (left empty)",
        f"通报中未找到{term(p['field'], 1)}(留空)",
    )[i],
    "no-problems": ("no itemized problems found", "未找到逐项列出的问题"),
    "earlier-round": (
        "the problem was found in an earlier round; link it to that round's problem",
        "该问题在上一轮巡察中已反馈,请关联上一轮的对应问题",
    ),
    "unused-waiver": (
        'waiver for {rule} at "{pointer}" matched no diagnostic',
        "针对 {rule} 于“{pointer}”的豁免未匹配任何诊断",
    ),
    # Ledger operations.
    "op-unknown-inspection": ('no inspection "{inspection}"', "巡察“{inspection}”不存在"),
    "op-unknown-problem": (
        'inspection "{inspection}" has no problem "{problem}"',
        "巡察“{inspection}”中没有问题“{problem}”",
    ),
    "op-unknown-measure": (
        'problem "{problem}" has no measure "{measure}"',
        "问题“{problem}”中没有整改措施“{measure}”",
    ),
    "op-duplicate-id": lambda p, i: (
        f'inspection "{p["inspection"]}" already has a {term(p["kind"], 0)} "{p["id"]}"',
        f"巡察“{p['inspection']}”中已有编号为“{p['id']}”的{term(p['kind'], 1)}",
    )[i],
    "op-no-measure": ('problem "{problem}" has no measure', "问题“{problem}”没有整改措施,不能添加"),
    "op-no-responsibility": (
        'measure "{measure}" names no responsible leader, department or person',
        "整改措施“{measure}”未明确责任领导、责任部门或责任人,不能添加",
    ),
    "op-unknown-group": ('inspection "{inspection}" has no group "{group}"', "巡察“{inspection}”中没有分组“{group}”"),
    "op-no-date": ('the progress recorded for "{item}" has no date', "“{item}”的整改进展未注明日期"),
    "op-wrong-operation": lambda p, i: (
        f'record_progress cannot make "{p["item"]}" {state(p["state"], 0)}: use {p["operation"]}',
        f"“{p['item']}”的{state(p['state'], 1)}状态须通过{'销号' if p['operation'] == 'close' else '重新打开'}"
        "操作记录,不能作为整改进展记录",
    )[i],
    "op-before-feedback": lambda p, i: (
        f'{term(p["field"], 0)} {p["date"]} of "{p["item"]}" is before the feedback date {p["feedback"]}',
        f"“{p['item']}”的{term(p['field'], 1)} {p['date']} 早于反馈日期 {p['feedback']}",
    )[i],
    "op-before-previous": (
        'status date {date} of "{item}" is before its previous status of {previous}',
        "“{item}”的状态日期 {date} 早于上一状态日期 {previous}",
    ),
    "op-regression": lambda p, i: (
        f'"{p["item"]}" cannot go back from {state(p["previous"], 0)} to {state(p["state"], 0)} without a reopening',
        f"“{p['item']}”的状态不能由{state(p['previous'], 1)}退回{state(p['state'], 1)},须先重新打开",
    )[i],
    "op-measures-not-done": lambda p, i: (
        f'problem "{p["problem"]}" cannot be {state(p["state"], 0)}: its measure "{p["measure"]}" '
        + (f"is {state(p['measure_state'], 0)}" if p["measure_state"] else "has no status"),
        f"问题“{p['problem']}”尚有整改措施“{p['measure']}”未完成,"
        + ("不能销号" if p["state"] == "closed" else f"不能记为{state(p['state'], 1)}"),
    )[i],
    "op-problem-finished": lambda p, i: (
        f'problem "{p["problem"]}" is {state(p["state"], 0)}, so its measure "{p["measure"]}" cannot be '
        + (state(p["measure_state"], 0) if p["measure_state"] else "without a status"),
        f"问题“{p['problem']}”状态为{state(p['state'], 1)},其整改措施“{p['measure']}”不能"
        + (f"为{state(p['measure_state'], 1)}" if p["measure_state"] else "没有整改状态"),
    )[i],
    "op-evidence-lost": (
        'problem "{problem}" is closed on the evidence of measure "{measure}"; the change would leave it without any',
        "问题“{problem}”凭整改措施“{measure}”的佐证材料销号,此项变更将使其失去佐证材料",
    ),
    "op-already-closed": ('"{item}" is already closed', "“{item}”已销号,不能重复销号"),
    "op-no-evidence": ('"{item}" cannot be closed without evidence', "“{item}”无佐证材料,不能销号"),
    "op-not-done": lambda p, i: (
        f'"{p["item"]}" '
        + (f"is {state(p['state'], 0)}" if p["state"] else "has no status")
        + ": only a done item can be reopened",
        f"“{p['item']}”"
        + (f"状态为{state(p['state'], 1)}" if p["state"] else "尚无整改状态")
        + ",未完成整改,不能重新打开",
    )[i],
    "op-unknown-target": ('linked problem "{target}" does not exist', "关联的问题“{target}”不存在"),
    "op-same-inspection": (
        'linked problem "{target}" is of the same inspection; a link goes to an earlier round',
        "关联的问题“{target}”属于同一轮巡察,只能关联此前轮次的问题",
    ),
    "op-undated-round": (
        'inspection "{inspection}" has no date to tell which round is earlier',
        "巡察“{inspection}”未注明任何日期,无法判断轮次先后",
    ),
    "op-not-earlier": (
        'inspection "{target}" ({target_date}) is not certainly before inspection "{inspection}" ({date})',
        "巡察“{target}”({target_date})并非确定早于巡察“{inspection}”({date})",
    ),
    "op-no-unit": (
        'inspection "{inspection}" names no unit, so its rounds cannot be related',
        "巡察“{inspection}”未注明被巡察单位,无法关联轮次",
    ),
    "op-unrelated-units": (
        'unit "{target_unit}" of inspection "{target}" is neither unit "{unit}" nor a unit it continues',
        "巡察“{target}”的被巡察单位“{target_unit}”既非单位“{unit}”,也非其前身",
    ),
    "op-duplicate-link": ('"{item}" already links to "{target}"', "“{item}”已关联问题“{target}”"),
    "op-cycle": ("the link would make a cycle: {path}", "该关联将形成循环:{path}"),
    "op-count-mismatch": lambda p, i: (
        f"the inspection declares its counts, and the change would break them: {render(p['rule'], p['params'])}",
        f"该巡察已声明数量,此项变更将使其不符:{render(p['rule'], p['params'], 'zh')}",
    )[i],
    "op-would-break": lambda p, i: (
        f"the change would break {p['rules']} ({p['pointers']}): {render(p['rule'], p['params'])}",
        f"此项变更将违反规则 {p['rules']}({p['pointers']}):{render(p['rule'], p['params'], 'zh')}",
    )[i],
}


def render(code: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """Render the message of *code* from *params* in ``en`` or ``zh``."""
    index = 1 if lang == "zh" else 0
    if code in ("load", "parse"):  # a load or parse problem shown as a diagnostic: its own code says which
        return render(str(params.get("code")), params, lang)
    entry = TEMPLATES.get(code)
    if entry is None:
        return f"{code} {dict(params)}"
    if callable(entry):
        return entry(params, index)
    template = entry[index]
    values = {k: _WORDS[v][index] if k in _LOCALISED and v in _WORDS else v for k, v in params.items()}
    return template.format(**values)

"""The rules' words: each rule's one-line summary and the message of its findings, in one row.

A rule is declared in ``rectmodel.rules`` (its check, scope, severity and example finding);
what it says to a user, what it requires and what it found, is declared here, so the two
languages of both sit side by side. The examples of a finding's message are the rule's own
(in the registry); a row lists only the further branches its wording takes.

The waivers' findings and the configuration's refusals are said here too.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from ._message import Message, Params, msg

__all__ = [
    "CONFIG",
    "DANGLING",
    "FINDINGS",
    "NO_MEASURE",
    "NO_RESPONSIBILITY",
    "RULES",
    "SUMMARIES",
    "WAIVERS",
    "ConfigCode",
    "RuleWords",
    "WaiverCode",
]


class RuleWords(NamedTuple):
    """What a rule says: what it requires (``rectmodel rules``), and what a finding of it says."""

    summary: Message
    finding: Message


def _rule(summary: str, summary_zh: str, finding: Message) -> RuleWords:
    return RuleWords(Message(summary, summary_zh), finding)


# The kinds of reference ``dangling-reference`` finds missing.
DANGLING = {
    "group": ('group "{target}" does not exist', "分组“{target}”不存在"),
    "parent": ('parent group "{target}" does not exist', "上级分组“{target}”不存在"),
    "parent-not-aspect": ('parent group "{target}" is not an aspect', "上级分组“{target}”不是“方面”"),
    "link": ('linked problem "{target}" does not exist', "关联的问题“{target}”不存在"),
}


_DANGLING_OTHER = ('{kind:term} "{target}" does not exist', "{kind:term}“{target}”不存在")


# Rule findings an operation refuses to bring about, said once for both families.
NO_MEASURE = ('problem "{problem}" has no measure', "问题“{problem}”没有整改措施")
NO_RESPONSIBILITY = (
    'measure "{measure}" names no responsible leader, department or person',
    "整改措施“{measure}”未明确责任领导、责任部门或责任人",
)


def _dangling(index: int) -> Callable[[Params], str]:
    return lambda p: DANGLING.get(p["kind"], _DANGLING_OTHER)[index]


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
        return "声明{declared}{count:count},但有 {missing} 个问题未给出整改状态,无法核对"
    instead = "(仅逐项列出 {itemized}{instead:count})" if "instead" in p else ""
    return "声明{declared}{count:count},但正文未逐项列出,无法核对" + instead


RULES: dict[str, RuleWords] = {
    "duplicate-id": _rule(
        "Inspection ids are unique in a document; group, problem and measure ids are unique in their inspection.",
        "巡察编号在文档内唯一;分组、问题和整改措施编号在其所属巡察内唯一。",
        msg('duplicate {kind:term} id "{id}"', "{kind:term}编号“{id}”重复"),
    ),
    "dangling-reference": _rule(
        "Every group, parent and link a document names exists (a category's parent is an aspect); "
        "links may point into the other documents validated with it.",
        "文档提到的每个分组、上级和关联都存在(类别的上级是方面);关联可以指向一并校验的其他文档。",
        msg(
            _dangling(0),
            _dangling(1),
            *({"kind": kind, "target": "A9"} for kind in (*DANGLING, "measure")),
        ),
    ),
    "link-forward-in-time": _rule(
        "A link points to a problem of an earlier round: not the same round, not one certainly at or after it.",
        "关联指向更早一轮巡察的问题:不是同一轮,也不是确定在其之时或之后的一轮。",
        msg(
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
    ),
    "link-unit-mismatch": _rule(
        "A link joins rounds of the same unit, or of units a declared succession relates (renamed, merged).",
        "关联连接同一单位的巡察轮次,或已声明沿革关系(更名、合并)的单位的轮次。",
        msg(
            'link to "{target}" of unit "{target_unit}", '
            'but this round is of unit "{unit}" and no succession relates them',
            "关联的问题“{target}”属于单位“{target_unit}”,本轮为单位“{unit}”,且未声明二者的沿革关系",
        ),
    ),
    "link-cycle": _rule(
        "Links never lead from a problem back to itself (a cycle cannot run backwards in time).",
        "关联不会从一个问题绕回其自身(循环无法在时间上倒流)。",
        msg("links form a cycle of {length}: {cycle}", "关联形成循环(共 {length} 处):{cycle}"),
    ),
    "declared-count-mismatch": _rule(
        "Each declared count (aspects, categories, problems, tasks, measures, outcomes) equals what is itemized.",
        "声明的各项数量(方面、类别、问题、任务、措施、整改结果)与逐项列出的一致。",
        msg(
            "{declared} {count:term} declared, {itemized} itemized",
            "声明{declared}{count:count},实际列出{itemized}{count:count}",
        ),
    ),
    "declared-count-unverifiable": _rule(
        "A count is declared for a level the document does not itemize, or outcomes without per-problem statuses.",
        "声明了正文未逐项列出的层级的数量,或声明了整改结果却没有逐个问题的状态。",
        msg(
            _unverifiable_en,
            _unverifiable_zh,
            {"count": "completion_rate", "declared": "约九成", "reason": "unreadable"},
            {"count": "completed", "declared": 24, "reason": "no-statuses", "missing": 3},
            {"count": "problems", "declared": 28, "reason": "not-itemized"},
        ),
    ),
    "declared-sum-mismatch": _rule(
        "Declared outcome parts (completed, long-term, and in progress or not completed) add up to the declared total.",
        "声明的整改结果各部分(已完成、需长期坚持、正在整改或未完成)之和等于声明的总数。",
        msg(
            "declared parts {parts} add up to {sum}, not the declared total {total}",
            _sum_zh,
        ),
    ),
    "declared-rate-mismatch": _rule(
        "A declared completion rate equals completed / total at the precision it is written.",
        "声明的整改完成率按其书写精度等于已完成数除以总数。",
        msg(
            "completion rate {declared} does not match {completed} of {total}",
            "整改完成率 {declared} 与 {total} 项中完成 {completed} 项不符",
        ),
    ),
    "dates-out-of-order": _rule(
        "On-site start ≤ end ≤ feedback ≤ plan ≤ as-of ≤ report; histories in date order; "
        "no deadline or completion before feedback. Partial dates count only when certainly out of order.",
        "进驻 ≤ 结束 ≤ 反馈 ≤ 整改方案 ≤ 截至日期 ≤ 报告;状态记录按日期先后排列;整改时限和完成日期不早于反馈日期。"
        "不完整的日期只在确定顺序颠倒时才算。",
        msg("{field:term} {date} is before the {before:term} {other}", "{field:term} {date} 早于{before:term} {other}"),
    ),
    "problem-without-measure": _rule(
        "Every problem has at least one measure.",
        "每个问题至少有一条整改措施。",
        msg(*NO_MEASURE),
    ),
    "measure-without-responsibility": _rule(
        "In a plan or a ledger, every measure names who answers for it: a leader, a department or a person.",
        "整改方案和整改台账中,每条整改措施写明责任领导、责任部门或责任人。",
        msg(*NO_RESPONSIBILITY),
    ),
    "measure-without-deadline": _rule(
        "In a plan or a ledger, every measure has a deadline (整改时限): a date, or a term such as 长期坚持.",
        "整改方案和整改台账中,每条整改措施有整改时限:一个日期,或“长期坚持”等说法。",
        msg('measure "{measure}" has no deadline', "整改措施“{measure}”未明确整改时限"),
    ),
    "measure-without-status": _rule(
        "In a ledger, every measure gives its current state (整改进展 / 完成情况).",
        "整改台账中,每条整改措施写明当前整改进展(完成情况)。",
        msg('measure "{measure}" gives no current state', "整改措施“{measure}”未填写整改进展(当前状态)"),
    ),
    "missing-fact": _rule(
        "A plan, ledger, report or notice states the inspecting group, the inspected unit, "
        "the on-site period and the feedback date.",
        "整改方案、整改台账、整改情况报告和整改进展情况通报写明巡察组、被巡察单位、进驻期间和反馈日期。",
        msg("the document does not state the {fact:term}", "文件未载明{fact:term}"),
    ),
    "empty-document": _rule(
        "A document itemizes or declares something: problems, groups or counts.",
        "文档逐项列出或声明了内容:问题、分组或数量。",
        msg(
            "the document itemizes nothing and declares nothing ({inspections} inspection{inspections:plural})",
            "文件既未逐项列出问题,也未声明任何数量({inspections} 轮巡察)",
        ),
    ),
    "status-inconsistent": _rule(
        "A problem is not completed or closed while one of its measures is not done.",
        "问题的整改措施尚未完成时,问题本身不得为已完成或已销号。",
        msg(
            'problem "{problem}" is {state:state} but its measure "{measure}" is {measure_state:state}',
            "问题“{problem}”状态为{state:state},但其整改措施“{measure}”状态为{measure_state:state}",
        ),
    ),
    "status-regression": _rule(
        "A status history does not go backwards (e.g. closed → in progress) without a recorded reopening.",
        "状态记录不倒退(如由已销号回到正在整改),除非记录了重新整改。",
        msg(
            '"{item}" goes back from {previous:state} to {state:state} without a reopening',
            "“{item}”的状态由{previous:state}退回{state:state},且未记录重新整改",
        ),
    ),
    "closed-without-evidence": _rule(
        "A closed (销号) item has evidence: on its closing status, on the measure, or on its measures.",
        "已销号的事项有佐证材料:在其销号状态上、在整改措施上,或在其各条整改措施上。",
        msg('"{item}" is closed without evidence', "“{item}”已销号但无佐证材料"),
    ),
    "deadline-passed": _rule(
        "A measure whose deadline is before the report's as-of date (or report date) is done by then.",
        "整改时限早于报告截至日期(或报告日期)的整改措施,届时应已完成。",
        msg(
            'measure "{measure}" was due {deadline} and is still {state:state} as of {as_of}',
            "整改措施“{measure}”时限为 {deadline},截至 {as_of} 仍为{state:state}",
        ),
    ),
    "report-overdue": _rule(
        "The rectification report comes within the configured time after feedback (default 2 months).",
        "整改情况报告在反馈后规定期限内报送(默认 2 个月)。",
        msg(
            "report of {report} comes more than {months} months after feedback on {feedback} (due {due})",
            "整改报告日期 {report} 晚于反馈日期 {feedback} 后 {months} 个月(应于 {due} 前)",
        ),
    ),
}

FINDINGS: dict[str, Message] = {name: words.finding for name, words in RULES.items()}
SUMMARIES: dict[str, Message] = {name: words.summary for name, words in RULES.items()}

# --- waivers -------------------------------------------------------------------------------------


class WaiverCode(StrEnum):
    """What is wrong with a waiver (the rule of its diagnostic)."""

    UNUSED_WAIVER = "unused-waiver"


WAIVERS: dict[str, Message] = {  # keyed by WaiverCode
    WaiverCode.UNUSED_WAIVER: msg(
        'waiver for {rule} at "{pointer}" matched no diagnostic',
        "针对 {rule} 于“{pointer}”的豁免未匹配任何诊断",
        {"rule": "report-overdue", "pointer": "/inspections/0/report_date"},
    ),
}

# --- the configuration of a validation -----------------------------------------------------------


class ConfigCode(StrEnum):
    """Why a validation's configuration (``rectmodel.Config``) was refused (``ConfigError.code``)."""

    UNKNOWN_RULES = "config-unknown-rules"
    UNKNOWN_KIND = "config-unknown-kind"
    DUE_MONTHS = "config-due-months"


CONFIG: dict[str, Message] = {  # keyed by ConfigCode
    ConfigCode.UNKNOWN_RULES: msg(
        "unknown rule{count:plural}: {names}",
        "未知规则:{names}",
        {"count": 1, "names": "no-such-rule"},
        {"count": 2, "names": "no-such-rule, report-late"},
    ),
    ConfigCode.UNKNOWN_KIND: msg(
        "unknown document kind: {kinds} (one of {known})",
        "未知的文件类型:{kinds}(应为 {known} 之一)",
        {"kinds": "memo", "known": "plan, ledger, report, notice, unknown"},
    ),
    ConfigCode.DUE_MONTHS: msg(
        "report_due_months must be from {minimum} to {maximum}, not {months}",
        "报送整改报告的期限应为 {minimum} 至 {maximum} 个月,实为 {months}",
        {"minimum": 0, "maximum": 1200, "months": 5000},
    ),
}

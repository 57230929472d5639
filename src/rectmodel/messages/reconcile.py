"""The reconciliation's words: each comparison's summary and the message of its findings, in one row.

A comparison (``rectmodel.reconciliation``) checks two documents of one round against each other;
what it requires and what it found are said here, in English and Chinese side by side, as the
rules' are in ``rules``.
"""

from __future__ import annotations

from ._message import Message, msg
from .rules import RuleWords

__all__ = ["COMPARED", "COMPARISONS", "REFUSALS", "ReconcileText"]


def _row(summary: str, summary_zh: str, finding: Message) -> RuleWords:
    return RuleWords(Message(summary, summary_zh), finding)


COMPARISONS: dict[str, RuleWords] = {
    "problem-dropped": _row(
        "Every problem of an earlier document of the round is answered in the later ones.",
        "本轮前一份文件中的每个问题,在后续文件中都有回应。",
        msg(
            'problem {problem} "{title}" of {earlier} is missing from {later}',
            "{earlier} 中的问题 {problem}“{title}”在 {later} 中缺失",
            {"problem": "P3", "title": "议事决策机制不完善", "earlier": "整改方案", "later": "整改台账"},
        ),
    ),
    "problems-merged": _row(
        "Two problems of an earlier document are not answered by one problem of a later one.",
        "前一份文件中的两个问题,不在后续文件中合并为一个问题。",
        msg(
            'problems {problems} of {earlier} are answered by one problem {problem} "{title}" in {later}',
            "{earlier} 中的问题 {problems} 在 {later} 中合并为一个问题 {problem}“{title}”",
            {
                "problems": "P3, P4",
                "problem": "P3",
                "title": "议事决策机制不完善",
                "earlier": "整改方案",
                "later": "整改台账",
            },
        ),
    ),
    "problem-added": _row(
        "A problem that a later document adds is pointed out (information).",
        "后续文件新增的问题予以提示。",
        msg(
            'problem {problem} "{title}" of {later} has no counterpart in {earlier}',
            "{later} 中的问题 {problem}“{title}”在 {earlier} 中没有对应问题",
            {"problem": "P9", "title": "公务用车管理不规范", "earlier": "整改方案", "later": "整改台账"},
        ),
    ),
    "measure-dropped": _row(
        "Every measure of an earlier document is kept in the later ones.",
        "前一份文件中的每条整改措施,在后续文件中都予以保留。",
        msg(
            'measure {measure} "{text}" of {earlier} is missing from {later}',
            "{earlier} 中的整改措施 {measure}“{text}”在 {later} 中缺失",
            {"measure": "P1-M2", "text": "建立学习考勤制度", "earlier": "整改方案", "later": "整改台账"},
        ),
    ),
    "deadline-moved": _row(
        "A deadline is not moved later, nor to 长期坚持, without a recorded reason.",
        "整改时限未经说明不得推迟,也不得改为长期坚持。",
        msg(
            "deadline of {measure} moved from {before:deadline} in {earlier} to {after:deadline} in {later}, "
            "with no reason recorded",
            "整改措施 {measure} 的整改时限由 {earlier} 的 {before:deadline} "
            "改为 {later} 的 {after:deadline},未说明理由",
            {
                "measure": "P1-M2",
                "before": "2021-09-30",
                "after": "2021-12-31",
                "earlier": "整改方案",
                "later": "整改台账",
            },
        ),
    ),
    "deadline-advanced": _row(
        "A deadline brought forward is pointed out (information).",
        "整改时限提前的予以提示。",
        msg(
            "deadline of {measure} brought forward from {before:deadline} in {earlier} to {after:deadline} in {later}",
            "整改措施 {measure} 的整改时限由 {earlier} 的 {before:deadline} 提前至 {later} 的 {after:deadline}",
            {
                "measure": "P1-M2",
                "before": "2021-12-31",
                "after": "2021-09-30",
                "earlier": "整改方案",
                "later": "整改台账",
            },
        ),
    ),
    "state-regressed": _row(
        "A state does not go backwards between versions without a recorded reopening.",
        "整改状态在前后版本之间不得倒退,除非记录了重新打开。",
        msg(
            "{item} is {after:state} in {later} but was {before:state} in {earlier}",
            "{item} 在 {earlier} 中为“{before:state}”,在 {later} 中却为“{after:state}”",
            {
                "item": "P1-M1",
                "before": "completed",
                "after": "in_progress",
                "earlier": "台账(9月)",
                "later": "台账(10月)",
            },
        ),
    ),
    "claim-contradicts-ledger": _row(
        "A report or a public notice claims a problem done only where the latest ledger says so.",
        "整改报告或通报称问题已完成的,最新台账也应如此记载。",
        msg(
            "{later} reports problem {problem} as {after:state}, but {earlier} has it {before:state}",
            "{later} 称问题 {problem} “{after:state}”,但 {earlier} 记载为“{before:state}”",
            {
                "problem": "P2",
                "after": "completed",
                "before": "in_progress",
                "earlier": "整改台账",
                "later": "整改报告",
            },
        ),
    ),
    "declared-changed": _row(
        "A count declared for the round is the same in every document of it.",
        "同一轮次各文件声明的数量应当一致。",
        msg(
            "{earlier} declares {before} {count:term}, {later} declares {after}",
            "{earlier} 声明{before}{count:count},{later} 声明{after}{count:count}",
            {"count": "measures", "before": 146, "after": 150, "earlier": "整改方案", "later": "整改报告"},
        ),
    ),
    "evidence-removed": _row(
        "Evidence given in an earlier document is still given in the later ones.",
        "前一份文件列明的佐证材料,后续文件中仍应列明。",
        msg(
            "{item} lists evidence ({evidence}) in {earlier} but none in {later}",
            "{item} 在 {earlier} 中列有佐证材料({evidence}),在 {later} 中却没有",
            {"item": "P1-M1", "evidence": "学习计划", "earlier": "台账(9月)", "later": "台账(10月)"},
        ),
    ),
    "completion-unsupported": _row(
        "A completion newly claimed comes with evidence or a completion date.",
        "新称已完成的整改,应附佐证材料或完成日期。",
        msg(
            "{item} is newly {after:state} in {later} with neither evidence nor a date",
            "{item} 在 {later} 中新称“{after:state}”,既无佐证材料也无完成日期",
            {"item": "P1-M1", "after": "completed", "later": "整改台账"},
        ),
    ),
}

COMPARED: dict[str, Message] = {name: words.finding for name, words in COMPARISONS.items()}


class ReconcileText:
    """Codes of the reconciliation's own refusals (``ReconcileError.code``)."""

    DIFFERENT_ROUNDS = "reconcile-different-rounds"
    TOO_FEW = "reconcile-too-few"


REFUSALS: dict[str, Message] = {
    ReconcileText.DIFFERENT_ROUNDS: msg(
        "{earlier} and {later} share no inspection (by id, or by inspector, target and feedback date): "
        "they are not of one round; give --force to compare them anyway",
        "{earlier} 与 {later} 没有共同的巡察(按编号,或按巡察组、被巡察单位和反馈日期):不属于同一轮次;"
        "如仍要比对,请加 --force",
        {"earlier": "方案.json", "later": "报告.txt"},
    ),
    ReconcileText.TOO_FEW: msg(
        "reconciling needs two documents or more, got {count}",
        "对账至少需要两份文件,实际只有 {count} 份",
        {"count": 1},
    ),
}

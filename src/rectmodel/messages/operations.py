"""The operations' refusals: why an edit of a ledger was refused (``OperationError``).

A refusal for a finding a rule would report reuses that rule's words (``rules``).
"""

from __future__ import annotations

from enum import StrEnum

from ..model import State
from ._message import Message, msg
from .rules import DANGLING, NO_MEASURE, NO_RESPONSIBILITY

__all__ = ["OPERATIONS", "OpCode"]

_CANNOT_ADD = ",不能添加"


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

OPERATIONS: dict[str, Message] = {  # keyed by OpCode
    OpCode.UNKNOWN_INSPECTION: msg('no inspection "{inspection}"', "巡察“{inspection}”不存在", {"inspection": "r2021"}),
    OpCode.UNKNOWN_PROBLEM: msg(
        'inspection "{inspection}" has no problem "{problem}"',
        "巡察“{inspection}”中没有问题“{problem}”",
        {"inspection": "r2021", "problem": "P9"},
    ),
    OpCode.UNKNOWN_MEASURE: msg(
        'problem "{problem}" has no measure "{measure}"',
        "问题“{problem}”中没有整改措施“{measure}”",
        {"problem": "P2", "measure": "M9"},
    ),
    OpCode.UNKNOWN_GROUP: msg(
        'inspection "{inspection}" has no group "{group}"',
        "巡察“{inspection}”中没有分组“{group}”",
        {"inspection": "r2021", "group": "A9"},
    ),
    OpCode.UNKNOWN_TARGET: msg(*DANGLING["link"], {"target": "r2019/P9"}),
    OpCode.DUPLICATE_ID: msg(
        'inspection "{inspection}" already has a {kind:term} "{id}"',
        "巡察“{inspection}”中已有编号为“{id}”的{kind:term}",
        {"inspection": "r2021", "kind": "measure", "id": "M1"},
    ),
    OpCode.NO_MEASURE: msg(NO_MEASURE[0], NO_MEASURE[1] + _CANNOT_ADD, {"problem": "P4"}),
    OpCode.NO_RESPONSIBILITY: msg(NO_RESPONSIBILITY[0], NO_RESPONSIBILITY[1] + _CANNOT_ADD, {"measure": "M9"}),
    OpCode.NO_DEADLINE: msg(
        'measure "{measure}" has no deadline, which a plan or a ledger gives every measure',
        "整改措施“{measure}”未明确整改时限(整改方案和台账须逐条明确)" + _CANNOT_ADD,
        {"measure": "M9"},
    ),
    OpCode.NO_STATUS: msg(
        'measure "{measure}" gives no current state, which a ledger gives every measure',
        "整改措施“{measure}”未填写整改进展(台账须逐条填写)" + _CANNOT_ADD,
        {"measure": "M9"},
    ),
    OpCode.NO_DATE: msg(
        'the progress recorded for "{item}" has no date', "“{item}”的整改进展未注明日期", {"item": "M2"}
    ),
    OpCode.WRONG_OPERATION: msg(
        'record_progress cannot make "{item}" {state:state}: use {operation}',
        "“{item}”的{state:state}状态须通过{operation:term}操作记录,不能作为整改进展记录",
        {"item": "P1", "state": "closed", "operation": "close"},
        {"item": "P1", "state": "reopened", "operation": "reopen"},
    ),
    OpCode.BEFORE_FEEDBACK: msg(
        '{field:term} {date} of "{item}" is before the feedback date {feedback}',
        "“{item}”的{field:term} {date} 早于反馈日期 {feedback}",
        {"field": "completion", "date": "2021-07-01", "item": "M2", "feedback": "2021-08-04"},
    ),
    OpCode.BEFORE_PREVIOUS: msg(
        'status date {date} of "{item}" is before its previous status of {previous}',
        "“{item}”的状态日期 {date} 早于上一状态日期 {previous}",
        {"date": "2021-09-01", "item": "M9", "previous": "2021-10-01"},
    ),
    OpCode.REGRESSION: msg(
        '"{item}" cannot go back from {previous:state} to {state:state} without a reopening',
        "“{item}”的状态不能由{previous:state}退回{state:state},须先重新打开",
        {"item": "P1", "previous": "completed", "state": "in_progress"},
    ),
    OpCode.MEASURES_NOT_DONE: msg(
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
    OpCode.PROBLEM_FINISHED: msg(
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
    OpCode.EVIDENCE_LOST: msg(
        'problem "{problem}" is closed on the evidence of measure "{measure}"; the change would leave it without any',
        "问题“{problem}”凭整改措施“{measure}”的佐证材料销号,此项变更将使其失去佐证材料",
        {"problem": "P1", "measure": "M1"},
    ),
    OpCode.ALREADY_CLOSED: msg('"{item}" is already closed', "“{item}”已销号,不能重复销号", {"item": "P3"}),
    OpCode.NO_EVIDENCE: msg(
        '"{item}" cannot be closed without evidence', "“{item}”无佐证材料,不能销号", {"item": "P2"}
    ),
    OpCode.NOT_DONE: msg(
        lambda p: (
            '"{item}" ' + ("is {state:state}" if p["state"] else "has no status") + ": only a done item can be reopened"
        ),
        lambda p: "“{item}”" + ("状态为{state:state}" if p["state"] else "尚无整改状态") + ",未完成整改,不能重新打开",
        {"item": "P2", "state": "in_progress"},
        {"item": "P2", "state": None},
    ),
    OpCode.SAME_INSPECTION: msg(
        'linked problem "{target}" is of the same inspection; a link goes to an earlier round',
        "关联的问题“{target}”属于同一轮巡察,只能关联此前轮次的问题",
        {"target": "r2021/P1"},
    ),
    OpCode.UNDATED_ROUND: msg(
        'inspection "{inspection}" has no date to tell which round is earlier',
        "巡察“{inspection}”未注明任何日期,无法判断轮次先后",
        {"inspection": "r2019"},
    ),
    OpCode.NOT_EARLIER: msg(
        'inspection "{target}" ({target_date}) is not certainly before inspection "{inspection}" ({date})',
        "巡察“{target}”({target_date})并非确定早于巡察“{inspection}”({date})",
        {"target": "r2021", "target_date": "2021", "inspection": "r2021b", "date": "2021-06"},
    ),
    OpCode.NO_UNIT: msg(
        'inspection "{inspection}" names no unit, so its rounds cannot be related',
        "巡察“{inspection}”未注明被巡察单位,无法关联轮次",
        {"inspection": "r2019"},
    ),
    OpCode.UNRELATED_UNITS: msg(
        'unit "{target_unit}" of inspection "{target}" is neither unit "{unit}" nor a unit it continues',
        "巡察“{target}”的被巡察单位“{target_unit}”既非单位“{unit}”,也非其前身",
        {"target_unit": "u9", "target": "x2020", "unit": "u1"},
    ),
    OpCode.DUPLICATE_LINK: msg(
        '"{item}" already links to "{target}"', "“{item}”已关联问题“{target}”", {"item": "P2", "target": "r2019/P2"}
    ),
    OpCode.CYCLE: msg(
        "the link would make a cycle: {path}",
        "该关联将形成循环:{path}",
        {"path": "r2021/P2 → r2019/P2 → r2021/P2"},
    ),
    OpCode.COUNT_MISMATCH: msg(
        "the inspection declares its counts, and the change would break them: {finding}",
        "该巡察已声明数量,此项变更将使其不符:{finding}",
        _COUNT_FINDING,
    ),
    OpCode.WOULD_BREAK: msg(
        "the change would break {rules} ({pointers}): {finding}",
        "此项变更将违反规则 {rules}({pointers}):{finding}",
        {**_COUNT_FINDING, "rules": "declared-count-mismatch", "pointers": "/inspections/0/declared/problems"},
    ),
}

"""Column and label synonyms: the headers a ledger's table writes, the labels a cover sheet states."""

from __future__ import annotations

import re

from .text import nfkc

__all__ = [
    "CLOSED_NO",
    "CLOSED_YES",
    "COVER_LABELS",
    "EXAMPLE_MARKS",
    "HEADERS",
    "HEADER_GROUPS",
    "PROBLEM_STATE_HEADERS",
    "header_key",
    "labelled_responsibility",
]

# The column a header names, by role, the writer's header first. A header is matched after
# ``header_key`` (full-width folded, spaces and asterisks taken out); a role may hold several
# columns (two 序号, 方面 then 类). ``task`` is a measure column whose items are 整改任务.
HEADERS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "问题序号", "措施序号", "问题编号", "序", "一级序号", "二级序号"),
    "aspect": ("方面", "问题方面", "所属方面", "反馈方面", "问题类别", "问题领域", "领域", "板块"),
    "category": ("类别", "类", "问题类", "问题类型", "问题分类", "类型"),
    "problem": (
        "问题",
        "反馈问题",
        "存在问题",
        "问题描述",
        "具体问题",
        "问题清单",
        "巡察反馈问题",
        "巡视反馈问题",
        "问题表现",
        "主要问题",
        "问题内容",
        "发现问题",
        "反馈的问题",
    ),
    "measure": ("整改措施", "整改举措", "具体措施", "措施", "整改措施及目标", "主要措施", "具体整改措施"),
    "task": ("整改任务", "任务", "具体任务"),
    "leaders": ("责任领导", "牵头领导", "分管领导", "牵头负责领导", "负责领导", "领导", "责任校领导", "包案领导"),
    "departments": (
        "责任部门",
        "责任单位",
        "责任科室",
        "牵头单位",
        "牵头部门",
        "责任处室",
        "牵头科室",
        "责任股室",
        "配合部门",
        "配合单位",
        "协办单位",
    ),
    "persons": ("责任人", "具体责任人", "直接责任人", "经办人"),
    # one column for all three, its cells labelled (责任领导:X 责任单位:A 责任人:Y)
    "responsibility": (
        "责任分工",
        "责任领导及责任单位",
        "责任领导及责任部门",
        "责任单位及责任人",
        "责任部门及责任人",
        "责任领导及责任人",
        "责任领导、责任单位及责任人",
        "责任领导、责任部门、责任人",
        "责任主体",
        "责任单位和责任人",
    ),
    "deadline": ("整改时限", "完成时限", "完成时间", "整改期限", "时限", "计划完成时间", "整改时间", "完成期限"),
    "progress": (
        "整改进展",
        "整改情况",
        "完成情况",
        "整改落实情况",
        "整改状态",
        "进展情况",
        "推进情况",
        "落实情况",
        "整改进度",
        "目前进展",
        "整改完成情况",
        "进展",
        "状态",
    ),
    "problem_progress": ("整改结果", "问题整改结果", "问题整改情况"),
    "closed": ("销号时间", "销号", "是否销号", "销号情况", "销号日期"),
    "evidence": ("佐证材料", "佐证", "证明材料", "整改佐证材料", "佐证资料", "支撑材料", "佐证材料清单"),
    "remark": ("备注", "说明"),
}

# What a row's remark says of an example row (a template's 示例), the writer's word first.
EXAMPLE_MARKS = ("示例", "例", "样例", "填写示例", "示例行", "举例")
# What a 是否销号 cell says: closed, or not closed.
CLOSED_YES = frozenset({"是", "已销号", "销号", "√", "✓", "✔", "Y", "y", "yes", "已"})
CLOSED_NO = frozenset({"否", "未销号", "×", "✗", "N", "n", "no", "未", "无", "待销号"})

# A progress column that, beside another (完成情况 / 整改进展 per measure), holds the problem's state.
PROBLEM_STATE_HEADERS = ("整改状态", "销号情况", "问题整改状态", "销号状态", "状态")

# Header cells that stand over a group of columns in a two-row header (责任分工 over 责任领导 / 责任部门 / 责任人).
HEADER_GROUPS = ("责任分工", "责任主体", "整改责任", "责任落实", "责任", "整改责任分工", "责任分解")

# The labels of the facts a cover sheet (基本情况) or a title row states, by field, the writer's label first.
COVER_LABELS: dict[str, tuple[str, ...]] = {
    "target": ("被巡察党组织", "被巡察单位", "被巡察党组织名称", "巡察对象", "被巡视党组织", "被巡视单位"),
    "inspector": ("巡察组", "巡视组", "派出巡察组", "巡察组名称"),
    "kind": ("巡察类型", "巡察类别", "巡察方式", "巡视类型"),
    "round": ("巡察轮次", "轮次", "巡视轮次"),
    "start": ("进驻时间", "巡察时间", "巡察期间", "进驻日期", "巡视时间"),
    "end": ("结束时间", "离场时间", "巡察结束时间"),
    "feedback_date": ("反馈时间", "反馈日期", "反馈意见时间", "反馈会时间"),
    "plan_date": ("整改方案印发时间", "方案印发时间", "整改方案时间", "整改方案日期"),
    "as_of": ("截至时间", "截止时间", "统计截至", "截至日期", "填报时间", "填报日期"),
    "report_date": ("报告时间", "报告日期", "整改报告时间"),
    "id": ("台账编号",),
    "unit": ("单位编号", "单位代码"),
    "reporter": ("填报单位",),
    "declared.aspects": ("方面数", "反馈问题方面数"),
    "declared.categories": ("类问题数", "问题类别数"),
    "declared.problems": ("问题数", "反馈问题数", "问题总数"),
    "declared.tasks": ("整改任务数",),
    "declared.measures": ("整改措施数",),
    "declared.completed": ("已完成数", "已完成整改数"),
    "declared.in_progress": ("正在整改数",),
    "declared.long_term": ("需长期坚持数", "长期坚持数"),
    "declared.not_completed": ("未完成数",),
    "declared.completion_rate": ("整改完成率", "完成率"),
}

_SPACES = re.compile(r"[\s*＊]+")


def header_key(text: str) -> str:
    """A header cell's text as headers are matched: full-width folded, no spaces, no ``*`` (a required mark).

    >>> header_key(" 整改 措施＊ "), header_key("责任领导（分管）")
    ('整改措施', '责任领导(分管)')
    """
    return _SPACES.sub("", nfkc(text))


# A cell or a bracket that labels who is responsible (责任领导:X 责任单位:A、B 责任人:Y): each label is
# a header of its role, any order, ``:`` or ``:``, on one line or several.
_WHO_ROLES = ("leaders", "departments", "persons")
_WHO_LABEL = {header_key(word): role for role in _WHO_ROLES for word in HEADERS[role]}
_WHO_LABELS = re.compile(
    r"(?:^|(?<=[\s;；,，。]))("
    + "|".join(sorted((re.escape(w) for role in _WHO_ROLES for w in HEADERS[role]), key=len, reverse=True))
    + r")\s*[:：]"
)


def labelled_responsibility(text: str) -> dict[str, list[str]] | None:
    """The values of each role a labelled cell names, in order; None unless *text* starts with a label.

    The values are as written (``A、B``): the caller splits them into names.

    >>> labelled_responsibility("责任领导：张三\\n责任单位：办公室、人事科\\n责任人：李四")
    {'leaders': ['张三'], 'departments': ['办公室、人事科'], 'persons': ['李四']}
    >>> labelled_responsibility("牵头领导:赵六 配合单位:审计科") == {'leaders': ['赵六'], 'departments': ['审计科']}
    True
    >>> labelled_responsibility("张三") is None
    True
    """
    marks = list(_WHO_LABELS.finditer(text))
    if not marks or text[: marks[0].start()].strip():
        return None
    found: dict[str, list[str]] = {}
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        value = text[m.end() : end].strip().strip(";；,，。").strip()
        if value:
            found.setdefault(_WHO_LABEL[header_key(m.group(1))], []).append(value)
    return found

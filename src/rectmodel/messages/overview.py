"""The round report's words: its sections, columns, grades and notes, in English and Chinese."""

from __future__ import annotations

from enum import StrEnum

from ._message import Message, msg

__all__ = ["OVERVIEW", "OverviewText"]


class OverviewText(StrEnum):
    """A heading, column or note of the round report (``rectmodel report``)."""

    TITLE = "overview-title"
    BASIS = "overview-basis"
    ROUNDS = "overview-rounds"
    INDICATORS = "overview-indicators"
    OVERDUE = "overview-overdue"
    OUTCOMES = "overview-outcomes"
    TIMELINE = "overview-timeline"
    RECURRING = "overview-recurring"
    CARRIED = "overview-carried"
    UNIT = "overview-unit"
    ROUND = "overview-round"
    INSPECTOR = "overview-inspector"
    FEEDBACK = "overview-feedback"
    AS_OF = "overview-as-of"
    PROBLEMS = "overview-problems"
    MEASURES = "overview-measures"
    COMPLETED = "overview-completed"
    DECLARED = "overview-declared"
    ITEMIZED = "overview-itemized"
    AGREE = "overview-agree"
    ON_TIME = "overview-on-time"
    LATE = "overview-late"
    OVERDUE_COUNT = "overview-overdue-count"
    LONG_TERM = "overview-long-term"
    EVIDENCE = "overview-evidence"
    FINDINGS = "overview-findings"
    DEPARTMENT = "overview-department"
    MEASURE = "overview-measure"
    TEXT = "overview-text"
    DEADLINE = "overview-deadline"
    STATE = "overview-state"
    MONTH = "overview-month"
    DUE = "overview-due"
    DONE = "overview-done"
    COUNT = "overview-count"
    COMPLETION = "overview-completion"
    ON_TIME_RATE = "overview-on-time-rate"
    CARRIED_COUNT = "overview-carried-count"
    OVERALL = "overview-overall"
    GRADE = "overview-grade"
    YES = "overview-yes"
    NO = "overview-no"
    NONE = "overview-none"
    NO_DEPARTMENT = "overview-no-department"
    UNSTATED = "overview-unstated"
    IN_ROUNDS = "overview-in-rounds"
    THRESHOLDS = "overview-thresholds"
    DEFAULTS = "overview-defaults"
    CHART_OUTCOMES = "overview-chart-outcomes"
    CHART_TIMELINE = "overview-chart-timeline"
    EXCELLENT = "overview-excellent"
    GOOD = "overview-good"
    FAIR = "overview-fair"
    POOR = "overview-poor"


OVERVIEW: dict[str, Message] = {  # keyed by OverviewText
    OverviewText.TITLE: msg("Rectification report", "巡察整改情况报告", {}),
    OverviewText.BASIS: msg(
        "From {files} files: {rounds} rounds of {units} units.",
        "依据 {files} 份文件:{units} 个单位、{rounds} 轮巡察。",
        {"files": 3, "rounds": 3, "units": 3},
    ),
    OverviewText.ROUNDS: msg("Units and rounds", "各单位整改情况", {}),
    OverviewText.INDICATORS: msg("Indicators and grades", "整改成效评价", {}),
    OverviewText.OVERDUE: msg(
        "Overdue measures by department, oldest first", "逾期未完成的整改措施(按责任部门,最早到期的在前)", {}
    ),
    OverviewText.OUTCOMES: msg("Outcomes of the measures", "整改措施进展分布", {}),
    OverviewText.TIMELINE: msg("Deadlines by month", "整改时限分布(按月)", {}),
    OverviewText.RECURRING: msg("Problems found in several rounds", "多轮巡察均发现的问题", {}),
    OverviewText.CARRIED: msg("Problems carried over unresolved", "整改不到位、被再次发现的问题", {}),
    OverviewText.UNIT: msg("unit", "单位", {}),
    OverviewText.ROUND: msg("round", "巡察", {}),
    OverviewText.INSPECTOR: msg("inspection group", "巡察组", {}),
    OverviewText.FEEDBACK: msg("feedback", "反馈日期", {}),
    OverviewText.AS_OF: msg("as of", "截至日期", {}),
    OverviewText.PROBLEMS: msg("problems", "问题数", {}),
    OverviewText.MEASURES: msg("measures", "措施数", {}),
    OverviewText.COMPLETED: msg("completed", "已完成", {}),
    OverviewText.DECLARED: msg("declared completion", "声明的完成率", {}),
    OverviewText.ITEMIZED: msg("itemized completion", "逐项统计的完成率", {}),
    OverviewText.AGREE: msg("agree", "是否一致", {}),
    OverviewText.ON_TIME: msg("on time", "按期完成", {}),
    OverviewText.LATE: msg("done late", "逾期完成", {}),
    OverviewText.OVERDUE_COUNT: msg("overdue", "逾期未完成", {}),
    OverviewText.LONG_TERM: msg("long-term", "长期坚持", {}),
    OverviewText.EVIDENCE: msg("evidence coverage", "佐证材料覆盖率", {}),
    OverviewText.FINDINGS: msg("findings (errors / warnings / infos)", "审核发现(错误/警告/提示)", {}),
    OverviewText.DEPARTMENT: msg("department", "责任部门", {}),
    OverviewText.MEASURE: msg("measure", "整改措施", {}),
    OverviewText.TEXT: msg("what it says", "内容", {}),
    OverviewText.DEADLINE: msg("deadline", "整改时限", {}),
    OverviewText.STATE: msg("state", "整改进展", {}),
    OverviewText.MONTH: msg("month", "月份", {}),
    OverviewText.DUE: msg("falling due", "到期", {}),
    OverviewText.DONE: msg("of them done", "其中已完成", {}),
    OverviewText.COUNT: msg("measures", "措施数", {}),
    OverviewText.COMPLETION: msg("completion", "完成率", {}),
    OverviewText.ON_TIME_RATE: msg("on time", "按期完成率", {}),
    OverviewText.CARRIED_COUNT: msg("found again", "被再次发现", {}),
    OverviewText.OVERALL: msg("overall", "综合评价", {}),
    OverviewText.GRADE: msg("grade", "评价", {}),
    OverviewText.YES: msg("yes", "是", {}),
    OverviewText.NO: msg("no", "否", {}),
    OverviewText.NONE: msg("none", "无", {}),
    OverviewText.NO_DEPARTMENT: msg("(no department stated)", "(未明确责任部门)", {}),
    OverviewText.UNSTATED: msg("not stated", "未填写", {}),
    OverviewText.IN_ROUNDS: msg("found in {n} rounds", "{n} 轮巡察均发现", {"n": 3}),
    OverviewText.THRESHOLDS: msg(
        "Grades by the thresholds of {source}: the worst indicator grades the unit.",
        "评价按 {source} 的标准:以各项指标中最差的一项作为综合评价。",
        {"source": "默认标准"},
    ),
    OverviewText.DEFAULTS: msg("the defaults", "默认标准", {}),
    OverviewText.CHART_OUTCOMES: msg("Measures by state", "整改措施进展", {}),
    OverviewText.CHART_TIMELINE: msg("Measures falling due each month", "每月到期的整改措施", {}),
    OverviewText.EXCELLENT: msg("excellent", "优秀", {}),
    OverviewText.GOOD: msg("good", "较好", {}),
    OverviewText.FAIR: msg("fair", "一般", {}),
    OverviewText.POOR: msg("poor", "差", {}),
}

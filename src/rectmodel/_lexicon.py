"""The Chinese words of the genre, shared by every reader and writer: one place per word list."""

from __future__ import annotations

import re
import unicodedata

from .dates import Deadline, DeadlineTerm, PartialDate
from .model import State

__all__ = [
    "COVER_LABELS",
    "DEADLINE_TERMS",
    "HEADERS",
    "HEADER_GROUPS",
    "NOTICE_STATE_WORDS",
    "PARTY_ORGAN",
    "STATE_ALONE",
    "STATE_NAMES",
    "STATE_WORDS",
    "deadline_term",
    "header_key",
    "parse_date_text",
    "parse_deadline_text",
    "state_at_start",
    "state_in",
    "state_of",
]

# Deadline terms as documents write them, the writer's word first.
DEADLINE_TERMS: dict[DeadlineTerm, tuple[str, ...]] = {
    DeadlineTerm.IMMEDIATE: ("立行立改", "立即整改", "即知即改", "立查立改"),
    DeadlineTerm.LONG_TERM: ("长期坚持", "长期", "长期推进", "长期整改"),
    DeadlineTerm.ONGOING: ("持续整改", "常态化", "持续推进", "持续落实", "常态长效", "长效"),
}


def deadline_term(text: str) -> DeadlineTerm | None:
    """The term a deadline's text names (``长期坚持`` → ``long_term``), or None.

    >>> deadline_term(" 长期坚持 "), deadline_term("2021年底")
    (<DeadlineTerm.LONG_TERM: 'long_term'>, None)
    """
    words = text.strip()
    for term, forms in DEADLINE_TERMS.items():
        if any(form in words for form in forms):
            return term
    return None


# --- spreadsheet ledgers (整改台账) ------------------------------------------------------------------

# The column a header names, by role, the writer's header first. A header is matched after
# ``header_key`` (full-width folded, spaces and asterisks taken out); a role may hold several
# columns (two 序号, 方面 then 类). ``task`` is a measure column whose items are 整改任务.
HEADERS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "问题序号", "措施序号", "问题编号", "序"),
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

# The writer's word for each state: what a progress line starts with, and the drop-down's choices.
STATE_NAMES: dict[State, str] = {
    State.NOT_STARTED: "未启动",
    State.IN_PROGRESS: "正在推进",
    State.COMPLETED: "已完成整改",
    State.DEEMED_COMPLETED: "视同完成",
    State.LONG_TERM: "长期坚持",
    State.CLOSED: "已销号",
    State.REOPENED: "重新整改",
}

# State words as ledgers write them, most specific first; None: a word that names no state (未销号 says
# only that an item is not closed). A progress text none of them names is reported, not guessed.
STATE_WORDS: tuple[tuple[str, State | None], ...] = (
    ("未销号", None),
    ("已销号", State.CLOSED),
    ("销号", State.CLOSED),
    ("重新整改", State.REOPENED),
    ("重新打开", State.REOPENED),
    ("视同完成", State.DEEMED_COMPLETED),
    ("基本完成", State.DEEMED_COMPLETED),
    ("基本落实", State.DEEMED_COMPLETED),
    ("阶段性完成", State.LONG_TERM),
    ("需长期坚持", State.LONG_TERM),
    ("长期坚持", State.LONG_TERM),
    ("长期推进", State.LONG_TERM),
    ("未完成", State.IN_PROGRESS),
    ("尚未启动", State.NOT_STARTED),
    ("未启动", State.NOT_STARTED),
    ("未开始", State.NOT_STARTED),
    ("立行立改", State.COMPLETED),
    ("已完成整改", State.COMPLETED),
    ("已完成", State.COMPLETED),
    ("完成整改", State.COMPLETED),
    ("整改完成", State.COMPLETED),
    ("已整改", State.COMPLETED),
    ("已办结", State.COMPLETED),
    ("已落实", State.COMPLETED),
    ("正在推进", State.IN_PROGRESS),
    ("持续推进", State.IN_PROGRESS),
    ("正在整改", State.IN_PROGRESS),
    ("持续整改", State.IN_PROGRESS),
    ("推进中", State.IN_PROGRESS),
    ("整改中", State.IN_PROGRESS),
    ("进行中", State.IN_PROGRESS),
)
# The words a notice writes for each state; every one reads back (``state_of``) to its state.
NOTICE_STATE_WORDS: dict[State, str] = {
    State.NOT_STARTED: "尚未启动",
    State.IN_PROGRESS: "正在推进",
    State.COMPLETED: "已完成整改",
    State.DEEMED_COMPLETED: "视同完成,持续整改",
    State.LONG_TERM: "阶段性完成,需长期坚持",
    State.CLOSED: "已销号",
    State.REOPENED: "重新整改",
}

# The party organs that are inspected and sign notices (中共某局党组), as a regex alternation.
PARTY_ORGAN = "(?:党组|党委|党工委|党总支|党支部)"

# Words that name a state only when they are the whole status (整改状态:完成); inside a sentence
# (计划年底前完成) they name none.
STATE_ALONE: dict[str, State] = {"完成": State.COMPLETED, "完结": State.COMPLETED, "办结": State.COMPLETED}
_BY_LENGTH = sorted(STATE_WORDS, key=lambda pair: -len(pair[0]))
_PROGRESS_FIGURE = re.compile(r"\s*[0-9０-９.]+\s*[%％]")  # 已完成80%: a figure of progress, not a state


def state_at_start(text: str) -> tuple[str, State | None] | None:
    """The state word *text* starts with (the longest), and its state; None if it starts with none.

    >>> state_at_start("已完成整改:召开专题会议")
    ('已完成整改', <State.COMPLETED: 'completed'>)
    >>> state_at_start("召开专题会议") is None
    True
    """
    for word, state in _BY_LENGTH:
        if text.startswith(word) and not _PROGRESS_FIGURE.match(text, len(word)):
            return word, state
    return None


def state_of(text: str) -> tuple[str, State | None] | None:
    """The state a status text names: the whole text if a word alone (``完成``), else the word in it.

    >>> state_of("完成"), state_of("计划年底前完成")
    (('完成', <State.COMPLETED: 'completed'>), None)
    """
    words = text.strip().rstrip("。.;；")
    if words in STATE_ALONE:
        return words, STATE_ALONE[words]
    return state_in(text)


def state_in(text: str) -> tuple[str, State | None] | None:
    """The most specific state word anywhere in *text*, and its state; None if it names none.

    >>> state_in("已召开专题会议3次,视同完成,持续整改")
    ('视同完成', <State.DEEMED_COMPLETED: 'deemed_completed'>)
    >>> state_in("已完成80%,正在推进")
    ('正在推进', <State.IN_PROGRESS: 'in_progress'>)
    """
    for word, state in STATE_WORDS:
        at = text.find(word)
        while at >= 0:
            if not _PROGRESS_FIGURE.match(text, at + len(word)):
                return word, state
            at = text.find(word, at + 1)
    return None


_SPACES = re.compile(r"[\s*＊]+")


def header_key(text: str) -> str:
    """A header cell's text as headers are matched: full-width folded, no spaces, no ``*`` (a required mark).

    >>> header_key(" 整改 措施＊ "), header_key("责任领导（分管）")
    ('整改措施', '责任领导(分管)')
    """
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# Dates as cells write them: 2021年9月30日, 2021.9.30, 2021/9/30, 2021-9-30, 20210930, 2021年12月(底), 2021年(底).
_DAY = re.compile(r"(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月|[./\-])\s*(\d{1,2})\s*[日号]?")
_PACKED = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_MONTH = re.compile(r"(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月份?)?(?:底|末|前|中旬|下旬|上旬)?")
_YEAR = re.compile(r"(\d{4})\s*年(?:底|末|前|内|度)?")
_OTHER_DIGITS = re.compile(r"\d")


def parse_date_text(text: str) -> PartialDate | None:
    """The one date a cell's text names, as precise as it is written; None if it names none or several.

    ``2021年12月底`` is the month 2021-12 and ``2021年底`` the year 2021: a month's or a year's end
    is any day of it, as a partial date compares.

    >>> [str(parse_date_text(t)) for t in ("2021年9月30日", "2021.9.30", "2021/9/30", "20210930")]
    ['2021-09-30', '2021-09-30', '2021-09-30', '2021-09-30']
    >>> [str(parse_date_text(t)) for t in ("2021年12月底前", "2021年底", "2021-12")]
    ['2021-12', '2021', '2021-12']
    >>> parse_date_text("2021年2月30日"), parse_date_text("9月底"), parse_date_text("2021年9月、2022年3月")
    (None, None, None)
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    found: list[PartialDate] = []
    rest = folded
    for pattern, parts in ((_DAY, 3), (_PACKED, 3), (_MONTH, 2), (_YEAR, 1)):
        for m in pattern.finditer(rest):
            numbers = [int(g) for g in m.groups()[:parts]]
            try:
                found.append(PartialDate(*numbers))
            except ValueError:
                return None
        rest = pattern.sub(" ", rest)
    if len(found) != 1 or _OTHER_DIGITS.search(rest):
        return None
    return found[0]


def parse_deadline_text(text: str) -> Deadline | None:
    """A deadline as a cell writes it: a date (see ``parse_date_text``) or a term; None if neither.

    >>> parse_deadline_text("2021年12月底"), parse_deadline_text("长期坚持")
    (PartialDate(year=2021, month=12, day=None), <DeadlineTerm.LONG_TERM: 'long_term'>)
    """
    date = parse_date_text(text)
    if date is not None:
        return date
    if _OTHER_DIGITS.search(unicodedata.normalize("NFKC", text)):
        return None  # a date it could not read: not a term, whatever words come with it
    return deadline_term(text)

"""Progress words: the state a ledger's or a notice's progress text names, and the words writers use."""

from __future__ import annotations

import re

from ..model import State

__all__ = [
    "NOTICE_STATE_WORDS",
    "PROGRESS_FIGURE",
    "STATES_BY_LENGTH",
    "STATE_ALONE",
    "STATE_NAMES",
    "STATE_WORDS",
    "state_at_end",
    "state_at_start",
    "state_in",
    "state_of",
]

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

# Words that name a state only when they are the whole status (整改状态:完成); inside a sentence
# (计划年底前完成) they name none.
STATE_ALONE: dict[str, State] = {"完成": State.COMPLETED, "完结": State.COMPLETED, "办结": State.COMPLETED}
STATES_BY_LENGTH = sorted(STATE_WORDS, key=lambda pair: -len(pair[0]))
PROGRESS_FIGURE = re.compile(r"\s*[0-9０-９.]+\s*[%％]")  # 已完成80%: a figure of progress, not a state


def state_at_start(text: str) -> tuple[str, State | None] | None:
    """The state word *text* starts with (the longest), and its state; None if it starts with none.

    >>> state_at_start("已完成整改:召开专题会议")
    ('已完成整改', <State.COMPLETED: 'completed'>)
    >>> state_at_start("召开专题会议") is None
    True
    """
    for word, state in STATES_BY_LENGTH:
        if text.startswith(word) and not PROGRESS_FIGURE.match(text, len(word)):
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
            if not PROGRESS_FIGURE.match(text, at + len(word)):
                return word, state
            at = text.find(word, at + 1)
    return None


# A progress remark that closes a measure's text (…,已完成整改。 …,正在持续推进中): its last clause, short,
# ending with a state word and at most one of these; anything longer is the measure's own wording.
_REMARK_CLAUSE = 14
_REMARK_TAILS = ("", "中", "了", "到位")
_CLAUSE_BREAK = re.compile(r"[,，;；。:：!！?？]")


def state_at_end(text: str) -> tuple[str, State | None] | None:
    """The state the remark closing *text* names: a short last clause that ends with a state word.

    A measure's own wording (``持续推进作风建设``) names no state; its closing remark does.

    >>> state_at_end("制定学习计划,已完成整改。")
    ('已完成整改', <State.COMPLETED: 'completed'>)
    >>> state_at_end("建立调研制度,正在持续推进中")
    ('持续推进', <State.IN_PROGRESS: 'in_progress'>)
    >>> state_at_end("持续推进作风建设。") is None
    True
    """
    body = text.rstrip(" 。.;；,，")
    start = len(body)
    while start > 0 and len(body) - start <= _REMARK_CLAUSE and not _CLAUSE_BREAK.match(body, start - 1):
        start -= 1
    clause = body[start:].strip()
    if not clause or len(clause) > _REMARK_CLAUSE:
        return None
    for word, state in STATES_BY_LENGTH:
        at = clause.rfind(word)
        if at >= 0 and clause[at + len(word) :] in _REMARK_TAILS:
            return word, state
    return None

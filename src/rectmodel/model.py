"""The ledger model: inspections, their groups, problems, measures and statuses.

Every class is an immutable, slotted attrs class. Sequences are tuples. A field
that a report does not state is ``None`` (or an empty tuple): the model never
guesses a status, a level or a day.
"""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen

from .dates import Deadline, PartialDate

__all__ = [
    "ROUND_COUNTS",
    "DeclaredCounts",
    "DocumentKind",
    "Group",
    "GroupLevel",
    "Inspection",
    "InspectionKind",
    "Ledger",
    "Link",
    "LinkKind",
    "Measure",
    "MeasureLevel",
    "Problem",
    "ProblemLevel",
    "Responsibility",
    "State",
    "Status",
    "Succession",
]


# A round's dates, in the order they must keep (earliest first).
DATE_CHAIN = ("start", "end", "feedback_date", "plan_date", "as_of", "report_date")


class InspectionKind(StrEnum):
    """What kind of round an inspection is."""

    REGULAR = "regular"  # 常规巡察
    SPECIAL = "special"  # 专项巡察
    LOOK_BACK = "lookback"  # 巡察"回头看"


class DocumentKind(StrEnum):
    """What kind of document an inspection was read from; it decides what the document must state."""

    PLAN = "plan"  # 整改方案: every measure with its responsibility and deadline
    LEDGER = "ledger"  # 整改台账: as a plan, and every measure's current state
    REPORT = "report"  # 整改情况报告, to the committee: what was done, outcome counts
    NOTICE = "notice"  # 整改进展情况通报, to the public: facts, counts, what was done


class GroupLevel(StrEnum):
    """The grouping levels of feedback, outermost first."""

    ASPECT = "aspect"  # 方面
    CATEGORY = "category"  # 类


class ProblemLevel(StrEnum):
    """How fine an itemized problem is.

    Some reports itemize only categories of problems (方面 → 类 → measures) and
    declare the number of specific problems without listing them; such an item
    is a problem of level ``category``.
    """

    PROBLEM = "problem"  # 具体问题
    CATEGORY = "category"  # 类问题, itemized without its specific problems


class MeasureLevel(StrEnum):
    """Whether an itemized measure is a task (整改任务) or a measure (整改措施)."""

    MEASURE = "measure"
    TASK = "task"


class State(StrEnum):
    """The state of a problem's or a measure's rectification."""

    NOT_STARTED = "not_started"  # 未启动
    IN_PROGRESS = "in_progress"  # 正在推进 / 持续推进
    COMPLETED = "completed"  # 已完成整改 / 完成整改 / 立行立改
    DEEMED_COMPLETED = "deemed_completed"  # 视同完成,持续整改
    LONG_TERM = "long_term"  # 阶段性完成并需长期坚持
    CLOSED = "closed"  # 已销号
    REOPENED = "reopened"  # 重新打开: a closed or completed item found not done

    @property
    def is_done(self) -> bool:
        """Whether the state counts as rectified (completed, deemed, long-term, closed)."""
        return self in _DONE

    @property
    def is_finished(self) -> bool:
        """Whether the state says the work is over (completed or closed): every measure must then be done."""
        return self in _FINISHED

    @property
    def progress(self) -> int | None:
        """How far along the state is (0 not started … 3 closed); None for ``reopened``, which restarts the count.

        A history may not go down this scale without a recorded reopening.
        """
        return _PROGRESS.get(self)


_DONE = frozenset({State.COMPLETED, State.DEEMED_COMPLETED, State.LONG_TERM, State.CLOSED})
_FINISHED = frozenset({State.COMPLETED, State.CLOSED})
_PROGRESS = {
    State.NOT_STARTED: 0,
    State.IN_PROGRESS: 1,
    State.COMPLETED: 2,
    State.DEEMED_COMPLETED: 2,
    State.LONG_TERM: 2,
    State.CLOSED: 3,
}
# The outcome counts a report declares, each with the current states of the problems it counts.
OUTCOME_STATES: dict[str, frozenset[State]] = {
    "completed": frozenset({State.COMPLETED, State.CLOSED, State.DEEMED_COMPLETED}),
    "in_progress": frozenset({State.IN_PROGRESS, State.REOPENED}),
    "long_term": frozenset({State.LONG_TERM}),
    "not_completed": frozenset({State.NOT_STARTED, State.IN_PROGRESS, State.REOPENED}),
}


class LinkKind(StrEnum):
    """How a problem relates to a problem of an earlier round."""

    RECURRENCE = "recurrence"  # 上一轮…本轮依然存在
    INCOMPLETE_RECTIFICATION = "incomplete_rectification"  # 片面整改 / 未落实整改
    LOOK_BACK_REVIEW = "look_back_review"  # 回头看 reviewing an earlier problem
    RELATED = "related"


@frozen
class Status:
    """A state of rectification, as of a date where one is given.

    Args:
        state: the state.
        date: when the state was reached or reported, if stated.
        note: the wording of the report, e.g. ``视同完成,持续整改``.
        evidence: references to evidence (佐证材料).
    """

    state: State
    date: PartialDate | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()


@frozen
class Responsibility:
    """Who answers for a measure: leaders, departments and persons.

    Args:
        leaders: responsible or lead leaders (责任领导 / 牵头领导).
        departments: responsible departments (责任部门 / 责任科室).
        persons: responsible persons (责任人).
    """

    leaders: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether nobody at all is named."""
        return not (self.leaders or self.departments or self.persons)


@frozen
class Measure:
    """A corrective measure (整改措施) or task (整改任务) of a problem.

    Args:
        id: unique within its inspection.
        text: what is to be done, or was done.
        level: ``task`` where the report counts it as a 整改任务.
        responsibility: who answers for it, if stated.
        deadline: 整改时限, if stated: a partial date (``2021-12`` for 2021年12月底) or a term
            (``immediate`` 立行立改, ``long_term`` 长期坚持, ``ongoing`` 持续整改 / 常态化).
        history: its states in date order; the last is the current one.
        evidence: references to evidence (佐证材料).
    """

    id: str
    text: str
    level: MeasureLevel = MeasureLevel.MEASURE
    responsibility: Responsibility | None = None
    deadline: Deadline | None = None
    history: tuple[Status, ...] = ()
    evidence: tuple[str, ...] = ()

    @property
    def status(self) -> Status | None:
        """The current status: the last of the history, if any."""
        return self.history[-1] if self.history else None


@frozen
class Link:
    """A link from a problem to a problem of an earlier round.

    Args:
        kind: recurrence, incomplete rectification, look-back review or related.
        inspection: the id of the earlier inspection.
        problem: the id of the problem in that inspection.
        note: what the report says of the link.
    """

    kind: LinkKind
    inspection: str
    problem: str
    note: str | None = None


@frozen
class Problem:
    """A problem found by the inspection (问题 / 具体问题).

    Args:
        id: unique within its inspection.
        title: the problem as the feedback names it.
        level: ``category`` where the item stands for a whole 类 of problems.
        description: the detail the feedback gives, if any.
        group: the id of its innermost group (aspect or category), if grouped.
        measures: its measures, in order.
        history: its states in date order; the last is the current one.
        links: links to problems of earlier rounds.
    """

    id: str
    title: str
    level: ProblemLevel = ProblemLevel.PROBLEM
    description: str | None = None
    group: str | None = None
    measures: tuple[Measure, ...] = ()
    history: tuple[Status, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def status(self) -> Status | None:
        """The current status: the last of the history, if any."""
        return self.history[-1] if self.history else None


@frozen
class Group:
    """A grouping level of the feedback: an aspect (方面) or a category (类).

    Groups are listed in report order. A category may name its aspect as parent.

    Args:
        id: unique within its inspection.
        level: aspect (方面) or category (类).
        title: the heading as the feedback gives it.
        parent: the id of the aspect a category belongs to.
    """

    id: str
    level: GroupLevel
    title: str
    parent: str | None = None


# The levels a preamble counts, outermost first, and the outcomes it counts (``DeclaredCounts`` fields).
COUNT_LEVELS = ("aspects", "categories", "problems", "tasks", "measures")
OUTCOMES = tuple(OUTCOME_STATES)


@frozen
class DeclaredCounts:
    """The counts a report's preamble declares, kept as claimed, never derived.

    Args:
        aspects: 方面 declared.
        categories: 类 declared.
        problems: problems (具体问题) declared.
        tasks: 整改任务 declared.
        measures: 整改措施 declared.
        completed: items declared completed (已完成整改).
        in_progress: items declared in progress (正在整改).
        long_term: items declared done for now but to be kept up (需长期坚持).
        not_completed: items declared not completed (未完成).
        completion_rate: the completion rate as written, e.g. ``"76%"``, ``"98.71%"``.
    """

    aspects: int | None = None
    categories: int | None = None
    problems: int | None = None
    tasks: int | None = None
    measures: int | None = None
    completed: int | None = None
    in_progress: int | None = None
    long_term: int | None = None
    not_completed: int | None = None
    completion_rate: str | None = None


# The declared counts that are the round's (what was fed back and planned): the same in every document
# of a round. How many are completed, in progress or not, and the rate, are progress: they change.
ROUND_COUNTS = ("aspects", "categories", "problems", "tasks", "measures")


@frozen
class Inspection:
    """One inspection round of one unit, with its feedback and rectification.

    Args:
        id: unique within the document.
        kind: regular, special or look-back, if the document says.
        inspector: the inspecting body (巡察组), if the document names it.
        target: the inspected party organisation (被巡察党组织), if the document names it.
        document: the kind of document it was read from (plan, ledger, report, notice); None if unknown.
        unit: a stable id of the inspected unit, so that rounds can be related.
        round: the round's label as the report gives it.
        start: first day on site.
        end: last day on site.
        feedback_date: when the feedback (反馈意见) was given.
        plan_date: when the rectification plan (整改方案) was issued.
        as_of: the date the progress report speaks as of (截至…).
        report_date: the date of the progress or final report.
        declared: counts declared by the report's preamble.
        groups: aspects and categories in report order.
        problems: problems in report order.
    """

    id: str
    kind: InspectionKind | None = None
    inspector: str | None = None
    target: str | None = None
    document: DocumentKind | None = None
    unit: str | None = None
    round: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    feedback_date: PartialDate | None = None
    plan_date: PartialDate | None = None
    as_of: PartialDate | None = None
    report_date: PartialDate | None = None
    declared: DeclaredCounts = DeclaredCounts()
    groups: tuple[Group, ...] = ()
    problems: tuple[Problem, ...] = ()


@frozen
class Succession:
    """A unit that continues another one (renamed, merged): ``old`` → ``new``.

    Args:
        old: the stable id of the earlier unit.
        new: the stable id of the unit that continues it.
        date: when the succession took effect.
        note: what changed (renamed, merged into, split from).
    """

    old: str
    new: str
    date: PartialDate | None = None
    note: str | None = None


@frozen
class Ledger:
    """A document: one or more inspections, with the unit successions it declares.

    Args:
        inspections: the inspection rounds the document records.
        successions: unit successions (renamed or merged units) it declares.
    """

    inspections: tuple[Inspection, ...] = ()
    successions: tuple[Succession, ...] = ()


@frozen
class Itemized:
    """Counts of what an inspection lists item by item.

    A problem of level ``category`` counts as a category, not as a problem; a
    measure of level ``task`` counts as a task, not as a measure.
    """

    aspects: int
    categories: int
    problems: int
    tasks: int
    measures: int


def itemize(inspection: Inspection) -> Itemized:
    """Count the groups, problems, tasks and measures *inspection* lists."""
    aspects = categories = problems = tasks = measures = 0
    for group in inspection.groups:
        if group.level is GroupLevel.ASPECT:
            aspects += 1
        else:
            categories += 1
    for problem in inspection.problems:
        if problem.level is ProblemLevel.CATEGORY:
            categories += 1
        else:
            problems += 1
        for measure in problem.measures:
            if measure.level is MeasureLevel.TASK:
                tasks += 1
            else:
                measures += 1
    return Itemized(aspects, categories, problems, tasks, measures)

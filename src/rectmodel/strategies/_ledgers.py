"""Hypothesis strategies for valid ledgers (the implementation behind ``rectmodel.strategies``).

Every ledger drawn here passes every rule with no error, warning or info. The
generator keeps a hidden timeline per round (on-site → feedback → plan → as-of →
report, rounds of a unit months apart), draws statuses and deadlines inside it,
and only then drops or coarsens the dates it shows; the rules compare partial
dates honestly, so coarsening never makes a valid ledger invalid.

Everything is drawn from integers, lists and ``sampled_from`` so that a failing
example shrinks to a ledger of one inspection, one problem and one measure, with
the first realistic title of each list.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import cache
from typing import Any, Literal, TypeVar, get_args

import attrs
from attrs.validators import ge
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import Deadline, DeadlineTerm, PartialDate
from ..model import (
    COUNT_LEVELS,
    OUTCOMES,
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    Link,
    LinkKind,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    State,
    Status,
    Succession,
    itemize,
)
from ..rules.counts import problem_outcomes

Grouping = Literal["none", "aspects", "categories"]
Texts = Literal["realistic", "any"]
_PRECISIONS = ("day", "month", "year")
Draw = Callable[[SearchStrategy[Any]], Any]
E = TypeVar("E", bound=Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_EPOCH = _dt.date(2016, 1, 4)
_SPAN_DAYS = 3650

# Realistic wording, first item the simplest (it is what examples shrink to).
_ASPECTS = (
    "贯彻落实党的路线方针政策和上级决策部署方面",
    "落实全面从严治党主体责任方面",
    "落实新时代党的组织路线方面",
    "落实意识形态工作责任制方面",
    "落实巡视巡察整改和主题教育整改方面",
)
_CATEGORIES = (
    "针对“政治站位不够高”的问题",
    "针对“监督执纪不够严”的问题",
    "关于“基层党组织建设薄弱”的问题",
    "针对“财务管理不规范”的问题",
)
_PROBLEMS = (
    "学习贯彻习近平新时代中国特色社会主义思想不够深入",
    "“三重一大”事项集体决策制度落实不到位",
    "违规发放津补贴问题仍有发生",
    "基层党组织“三会一课”制度执行不严格",
    "上一轮巡察反馈的公务用车管理问题本轮巡察依然存在",
    "干部选拔任用程序不规范,档案材料缺失",
    "专项资金使用效益不高,项目推进缓慢",
    "意识形态阵地管理存在薄弱环节",
)
_MEASURES = (
    "制定专题学习计划,每季度开展一次集中学习研讨",
    "修订“三重一大”事项决策实施办法,逐项对照整改",
    "全面清理违规发放的津补贴,已追回资金12.6万元",
    "建立问题清单、任务清单、责任清单,实行销号管理",
    "开展警示教育大会,通报典型案例3起",
    "完善干部档案,补齐缺失材料",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗欧阳"
_GIVEN = ("伟", "芳", "秀英", "敏", "静", "强", "磊", "军", "洋", "建华", "丽")
_TITLES = ("", "党组书记", "局长", "副局长", "纪检组长", "办公室主任")
_DEPARTMENTS = ("办公室", "组织人事科", "财务审计科", "机关党委", "政策法规科", "纪检监察组")
_INSPECTORS = ("市委第一巡察组", "区委第三巡察组", "县委巡察办", "市委专项巡察组", "省委第五巡视组")
_TARGETS = ("中共某市住房和城乡建设局党组", "某区卫生健康局党委", "某县税务局党委", "某镇党委")
_ROUNDS = ("十四届市委第三轮巡察", "2024年第一轮巡察", "巡察“回头看”")
_NOTES = ("视同完成,持续整改", "已完成整改", "正在推进", "阶段性完成,需长期坚持")
_EVIDENCE = ("会议纪要", "整改台账", "文件:某发〔2021〕12号", "培训签到表")
# Edge cases for text fields: quoting, brackets, line breaks, pointer characters, the empty string.
_EDGES = ("", " ", "“引号”与「括号」", 'a "quoted" <tag> & [x]', "第一行\n第二行", "a/b~c", "☃ 𝔘𝔫𝔦", "\t")


def _one_of(*choices: object) -> Validator:
    """One of *choices*."""

    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in choices:
            raise ValueError(f"{attribute.name} must be one of {', '.join(map(repr, choices))}, not {value!r}")

    return check


def _some_of(*choices: object) -> Validator:
    """One or more of *choices*."""

    def check(options: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if not value or any(v not in choices for v in value):
            raise ValueError(f"{attribute.name} must name some of {', '.join(map(repr, choices))}, not {value!r}")

    return check


def _not_below(low: str) -> Validator:
    """The high end of a range: no less than the field *low*, its low end."""

    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value < getattr(options, low):
            raise ValueError(f"need {low} <= {attribute.name}, got {getattr(options, low)} > {value}")

    return check


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


_ALL_DOCUMENTS: tuple[DocumentKind | None, ...] = (None, *DocumentKind)


@attrs.frozen(kw_only=True)
class _Options:
    """What a public strategy was asked to draw, checked here once and passed down whole.

    Each public function sets the options it takes (under their public names, ``level``
    aside) and leaves the rest at these defaults, which what it draws does not read.
    """

    texts: Texts = attrs.field(default="realistic", validator=_one_of(*get_args(Texts)))
    # ledgers
    min_units: int = attrs.field(default=1, validator=ge(1))
    max_units: int = attrs.field(default=2, validator=_not_below("min_units"))
    max_rounds: int = attrs.field(default=3, validator=ge(1))
    links: bool = True
    successions: bool = True
    # inspections
    grouping: Grouping | None = attrs.field(default=None, validator=_one_of(None, *get_args(Grouping)))
    problem_level: ProblemLevel | None = attrs.field(default=None, validator=_one_of(None, *ProblemLevel))
    declared: bool | None = None
    statuses: bool | None = None
    min_problems: int = attrs.field(default=1, validator=ge(0))
    max_problems: int = attrs.field(default=4, validator=_not_below("min_problems"))
    # problems, measures
    measure_level: MeasureLevel | None = attrs.field(default=None, validator=_one_of(None, *MeasureLevel))
    max_measures: int = attrs.field(default=3, validator=ge(1))
    max_history: int = attrs.field(default=3, validator=ge(1))
    # the kinds of document drawn (None: unknown); a kind's requirements are always met
    documents: tuple[DocumentKind | None, ...] = attrs.field(
        default=_ALL_DOCUMENTS, converter=_tuple, validator=_some_of(None, *DocumentKind)
    )
    # responsibilities, statuses, partial dates
    allow_empty: bool = False
    states: tuple[State, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_tuple), validator=attrs.validators.optional(_some_of(*State))
    )
    dates: SearchStrategy[PartialDate | None] | None = None
    min_value: _dt.date = _dt.date(2000, 1, 1)
    max_value: _dt.date = attrs.field(default=_dt.date(2030, 12, 31), validator=_not_below("min_value"))
    precisions: tuple[str, ...] = attrs.field(default=_PRECISIONS, converter=_tuple, validator=_some_of(*_PRECISIONS))


@cache
def _text(realistic: tuple[str, ...], texts: Texts) -> SearchStrategy[str]:
    words = st.sampled_from(realistic)
    if texts == "realistic":
        return words
    return st.one_of(words, st.sampled_from(_EDGES), st.text(max_size=40))


@cache
def _maybe_text(realistic: tuple[str, ...], texts: Texts) -> SearchStrategy[str | None]:
    return st.none() | _text(realistic, texts)


@cache
def _text_lists(realistic: tuple[str, ...], texts: Texts) -> SearchStrategy[list[str]]:
    return st.lists(_text(realistic, texts), min_size=1, max_size=2)


@cache
def _ints(low: int, high: int) -> SearchStrategy[int]:
    """Integer strategies, made once: building strategies inside a draw is what makes generation slow."""
    return st.integers(low, high)


@cache
def _choice(items: tuple[Any, ...]) -> SearchStrategy[Any]:
    """``sampled_from`` strategies, made once (see ``_ints``)."""
    return st.sampled_from(items)


def _day(offset: int) -> _dt.date:
    return _EPOCH + _dt.timedelta(days=offset)


def _show(draw: Draw, day: _dt.date, *, keep: float = 0.9) -> PartialDate | None:
    """Show a hidden day as it would be reported: mostly the day, sometimes the month or year, sometimes not."""
    how = draw(_ints(0, 99))  # one draw: shrinks to 0, the full day
    if how >= round(100 * keep):
        return None
    if how % 10 == 8:
        return PartialDate(day.year, day.month)
    if how % 10 == 9:
        return PartialDate(day.year)
    return PartialDate.from_date(day)


@st.composite
def _partial_dates(draw: Draw, options: _Options) -> PartialDate:
    day = draw(st.dates(options.min_value, options.max_value))
    precision = draw(st.sampled_from(options.precisions))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


def partial_dates(
    *,
    min_value: _dt.date = _dt.date(2000, 1, 1),
    max_value: _dt.date = _dt.date(2030, 12, 31),
    precisions: Sequence[Literal["day", "month", "year"]] = ("day", "month", "year"),
) -> SearchStrategy[PartialDate]:
    """Partial dates whose days lie between *min_value* and *max_value*, at the given precisions.

    >>> from hypothesis import find
    >>> from rectmodel.strategies import partial_dates
    >>> find(partial_dates(precisions=["month"]), lambda d: d.year >= 2024)
    PartialDate(year=2024, month=1, day=None)
    """
    return _partial_dates(_Options(min_value=min_value, max_value=max_value, precisions=precisions))


@cache
def _who(texts: Texts) -> tuple[SearchStrategy[list[str]], ...]:
    """Lists of leaders, departments and persons."""
    name = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.sampled_from(_GIVEN))
    if texts == "any":
        name = st.one_of(name, st.sampled_from(_EDGES), st.text(max_size=10))
    leader = st.builds(lambda n, t: n + t, name, st.sampled_from(_TITLES))
    return tuple(st.lists(s, min_size=1, max_size=2) for s in (leader, _text(_DEPARTMENTS, texts), name))


@st.composite
def _responsibilities(draw: Draw, options: _Options) -> Responsibility:
    parts = draw(_ints(0 if options.allow_empty else 1, 7))  # a bit mask: leaders, departments, persons
    lists = [tuple(draw(strategy)) if parts & (1 << k) else () for k, strategy in enumerate(_who(options.texts))]
    return Responsibility(*lists)


def responsibilities(*, texts: Texts = "realistic", allow_empty: bool = False) -> SearchStrategy[Responsibility]:
    """Who answers for a measure; never empty unless *allow_empty* (an empty one breaks a rule).

    Args:
        texts: ``realistic`` names and departments, or ``any`` to add edge cases and arbitrary text.
        allow_empty: also draw a responsibility that names nobody.
    """
    return _responsibilities(_Options(texts=texts, allow_empty=allow_empty))


# The states on the progress scale (the status-regression rule's order), lowest first, and for each
# level the states that may follow it; REOPENED, off the scale, restarts it.
_PROGRESS = {s: p for s in State if (p := s.progress) is not None}
_BY_PROGRESS = sorted(_PROGRESS, key=_PROGRESS.__getitem__)
_FROM_LEVEL = {n: st.sampled_from([s for s in _BY_PROGRESS if _PROGRESS[s] >= n]) for n in _PROGRESS.values()}
_UNFINISHED = st.sampled_from([s for s in _BY_PROGRESS if not s.is_finished])
_BOOLEANS = st.booleans()
_ANY_DATE = st.none() | partial_dates()


@st.composite
def _history(
    draw: Draw, first: _dt.date, last: _dt.date, options: _Options, *, may_finish: bool = True
) -> tuple[Status, ...]:
    """A history that never regresses (except after a reopening), dated in order between first and last.

    Unless it *may_finish*, it ends in a state that is not finished (its item has a measure not done).
    """
    size = draw(_ints(1, options.max_history))
    states: list[State] = []
    level = 0
    for _ in range(size):
        if states and states[-1].is_done and draw(_ints(0, 5)) == 0:
            states.append(State.REOPENED)
            level = 0
            continue
        state = draw(_FROM_LEVEL[level])
        states.append(state)
        level = _PROGRESS[state]
    if not may_finish:
        while states and states[-1].is_finished:
            states.pop()
        if not states:
            states = [draw(_UNFINISHED)]
    span = max(0, (last - first).days)
    offsets = sorted(draw(_ints(0, span)) for _ in states)
    history = []
    for state, offset in zip(states, offsets, strict=True):
        date = _show(draw, first + _dt.timedelta(days=offset), keep=0.85)
        note = draw(_maybe_text(_NOTES, options.texts)) if draw(_ints(0, 3)) == 0 else None
        evidence: tuple[str, ...] = ()
        if state is State.CLOSED or draw(_ints(0, 4)) == 0:
            evidence = tuple(draw(_text_lists(_EVIDENCE, options.texts)))
        history.append(Status(state, date, note, evidence))
    return tuple(history)


@st.composite
def _statuses(draw: Draw, options: _Options) -> Status:
    state = draw(_choice(options.states or tuple(State)))
    evidence: tuple[str, ...] = ()
    if state is State.CLOSED or draw(_BOOLEANS):
        evidence = tuple(draw(_text_lists(_EVIDENCE, options.texts)))
    date = draw(options.dates if options.dates is not None else _ANY_DATE)
    return Status(state, date, draw(_maybe_text(_NOTES, options.texts)), evidence)


def statuses(
    *,
    states: Sequence[State] | None = None,
    dates: SearchStrategy[PartialDate | None] | None = None,
    texts: Texts = "realistic",
) -> SearchStrategy[Status]:
    """Single statuses: a state, maybe a date, a note, evidence (always evidence for ``closed``).

    Args:
        states: the states to draw from (default: every state).
        dates: the dates to draw (default: ``partial_dates()`` or none).
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    return _statuses(_Options(states=states, dates=dates, texts=texts))


@attrs.frozen
class _Timeline:
    """The hidden days of one round; what a ledger shows is drawn from them."""

    start: _dt.date
    end: _dt.date
    feedback: _dt.date
    plan: _dt.date
    as_of: _dt.date
    report: _dt.date


@st.composite
def _timeline(draw: Draw, not_before: _dt.date) -> _Timeline:
    start = not_before + _dt.timedelta(days=draw(_ints(0, 400)))
    end = start + _dt.timedelta(days=draw(_ints(7, 60)))
    feedback = end + _dt.timedelta(days=draw(_ints(0, 60)))
    plan = feedback + _dt.timedelta(days=draw(_ints(0, 20)))
    as_of = plan + _dt.timedelta(days=draw(_ints(7, 25)))
    report = as_of + _dt.timedelta(days=draw(_ints(0, 10)))  # within 55 days of feedback: never overdue
    return _Timeline(start, end, feedback, plan, as_of, report)


def _default_timeline() -> SearchStrategy[_Timeline]:
    return _ints(0, _SPAN_DAYS).flatmap(lambda offset: _timeline(_day(offset)))


def _one_or_any(value: E | None, kinds: type[E]) -> SearchStrategy[E]:
    """The one value asked for, or any of *kinds*."""
    return st.just(value) if value is not None else st.sampled_from(tuple(kinds))


@attrs.frozen
class _Needs:
    """What the document kind requires of every measure (see ``DocumentKind``)."""

    deadline: bool = False
    status: bool = False

    @classmethod
    def of(cls, document: DocumentKind | None) -> _Needs:
        plan_like = document in (DocumentKind.PLAN, DocumentKind.LEDGER)
        return cls(deadline=plan_like, status=document is DocumentKind.LEDGER)


_ONGOING_TERMS = st.sampled_from((DeadlineTerm.LONG_TERM, DeadlineTerm.ONGOING))


@st.composite
def _measure(
    draw: Draw,
    id: str,
    level: MeasureLevel,
    timeline: _Timeline,
    *,
    with_statuses: bool,
    options: _Options,
    needs: _Needs = _Needs(),
) -> Measure:
    history: tuple[Status, ...] = ()
    if needs.status or (with_statuses and draw(_ints(0, 4)) > 0):
        history = draw(_history(timeline.feedback, timeline.as_of, options))
    done = bool(history) and history[-1].state.is_done
    deadline: Deadline | None = None
    if needs.deadline or draw(_ints(0, 2)) > 0:
        if draw(_ints(0, 5)) == 5:  # a term: at once (only for what is done: it was due at feedback), or for good
            deadline = DeadlineTerm.IMMEDIATE if done and draw(_BOOLEANS) else draw(_ONGOING_TERMS)
        else:
            # A measure not done by the report has a deadline after it; a done one any time after feedback.
            base = timeline.feedback if done else timeline.report
            deadline = _show(draw, base + _dt.timedelta(days=draw(_ints(0, 365))), keep=1.0)
    evidence: tuple[str, ...] = ()
    if draw(_ints(0, 3)) == 0:
        evidence = tuple(draw(_text_lists(_EVIDENCE, options.texts)))
    return Measure(
        id=id,
        text=draw(_text(_MEASURES, options.texts)),
        level=level,
        responsibility=draw(_responsibilities(options)),
        deadline=deadline,
        history=history,
        evidence=evidence,
    )


def measures(
    *,
    id: str | None = None,
    level: MeasureLevel | None = None,
    statuses: bool = True,
    max_history: int = 3,
    texts: Texts = "realistic",
) -> SearchStrategy[Measure]:
    """Valid measures: a responsibility always, a deadline and a status history sometimes.

    Args:
        id: the measure's id (default ``M1``).
        level: ``measure`` or ``task`` (default: either).
        statuses: whether to draw status histories at all.
        max_history: the longest history to draw.
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    options = _Options(measure_level=level, statuses=statuses, max_history=max_history, texts=texts)
    return st.tuples(_one_or_any(level, MeasureLevel), _default_timeline()).flatmap(
        lambda lt: _measure(id or "M1", lt[0], lt[1], with_statuses=statuses, options=options)
    )


@st.composite
def _problem(
    draw: Draw,
    id: str,
    *,
    level: ProblemLevel,
    measure_level: MeasureLevel,
    group: str | None,
    timeline: _Timeline,
    with_statuses: bool,
    options: _Options,
    needs: _Needs = _Needs(),
) -> Problem:
    count = draw(_ints(1, options.max_measures))
    items = tuple(
        draw(
            _measure(
                f"{id}-M{j + 1}", measure_level, timeline, with_statuses=with_statuses, options=options, needs=needs
            )
        )
        for j in range(count)
    )
    history: tuple[Status, ...] = ()
    if with_statuses:
        all_done = all(m.status is not None and m.status.state.is_done for m in items)
        history = draw(_history(timeline.feedback, timeline.as_of, options, may_finish=all_done))
    titles = _CATEGORIES if level is ProblemLevel.CATEGORY else _PROBLEMS
    description = draw(_maybe_text(_PROBLEMS, options.texts)) if draw(_ints(0, 2)) == 0 else None
    return Problem(
        id=id,
        title=draw(_text(titles, options.texts)),
        level=level,
        description=description,
        group=group,
        measures=items,
        history=history,
    )


def problems(
    *,
    id: str | None = None,
    level: ProblemLevel | None = None,
    measure_level: MeasureLevel | None = None,
    statuses: bool = True,
    max_measures: int = 3,
    max_history: int = 3,
    texts: Texts = "realistic",
) -> SearchStrategy[Problem]:
    """Valid problems: at least one measure; a problem is completed or closed only if all its measures are done.

    Args:
        id: the problem's id (default ``P1``); measure ids are ``<id>-M1``, ``<id>-M2``, ….
        level: ``problem`` or ``category`` (default: either).
        measure_level: the level of its measures (default: either).
        statuses: whether to draw status histories.
        max_measures: the most measures per problem.
        max_history: the longest status history.
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    options = _Options(
        problem_level=level,
        measure_level=measure_level,
        statuses=statuses,
        max_measures=max_measures,
        max_history=max_history,
        texts=texts,
    )
    return st.tuples(
        _one_or_any(level, ProblemLevel), _one_or_any(measure_level, MeasureLevel), _default_timeline()
    ).flatmap(
        lambda x: _problem(
            id or "P1",
            level=x[0],
            measure_level=x[1],
            group=None,
            timeline=x[2],
            with_statuses=statuses,
            options=options,
        )
    )


# What a preamble may declare: every field of ``DeclaredCounts``.
DECLARABLE = tuple(f.name for f in attrs.fields(DeclaredCounts))
_DECLARABLE_SETS = st.sets(st.sampled_from(DECLARABLE))
_PROBLEM_LEVELS = _one_or_any(None, ProblemLevel)
_MEASURE_LEVELS = _one_or_any(None, MeasureLevel)
_GROUPINGS: SearchStrategy[Grouping] = st.sampled_from(get_args(Grouping))


def declared_for(inspection: Inspection, names: Sequence[str], decimals: int = 0) -> DeclaredCounts:
    """The declared counts a correct preamble would give for *names*, leaving out what it could not state.

    A level is declared only if the inspection itemizes it, outcomes only if every
    problem has a status, in-progress only where it completes the sum, the rate only
    with a total; everything else named is left absent.
    """
    itemized = itemize(inspection)
    values: dict[str, Any] = {}
    for name in COUNT_LEVELS:
        if name in names and getattr(itemized, name):
            values[name] = getattr(itemized, name)
    total = values.get("problems", len(inspection.problems))
    outcomes = problem_outcomes(inspection)  # None unless every problem has a status
    if outcomes is not None and total == len(inspection.problems):
        for name in OUTCOMES:
            if name in names:
                values[name] = outcomes[name]
        # With an open part (not completed, else in progress), the declared parts claim to add up to the
        # total; drop an open part that would not (it leaves out not-started problems, or a part is absent).
        for open_part in ("not_completed", "in_progress"):
            if open_part in values:
                done = sum(values.get(n, 0) for n in ("completed", "long_term"))
                if done + values[open_part] == total:
                    break
                del values[open_part]
        if "completion_rate" in names and total:
            rate = (Decimal(outcomes["completed"]) * 100 / total).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
            values["completion_rate"] = f"{rate}%"
    return DeclaredCounts(**values)


@st.composite
def _inspection(
    draw: Draw,
    id: str,
    *,
    kind: InspectionKind,
    unit: str | None,
    timeline: _Timeline,
    id_style: str,
    options: _Options,
) -> Inspection:
    level = options.problem_level or draw(_PROBLEM_LEVELS)
    measure_level = options.measure_level or draw(_MEASURE_LEVELS)  # one level per inspection, as reports do
    how: Grouping = options.grouping or draw(_GROUPINGS)
    if level is ProblemLevel.CATEGORY and how == "categories":
        how = "aspects"  # category-level problems are themselves the categories
    with_statuses = draw(_BOOLEANS) if options.statuses is None else options.statuses
    # A ledger states every measure's progress: not drawn where statuses are not wanted.
    documents = tuple(d for d in options.documents if not (options.statuses is False and d is DocumentKind.LEDGER))
    document = draw(_choice(documents or (None,)))
    needs = _Needs.of(document)
    with_statuses = with_statuses or needs.status
    stated = 1.0 if document is not None else 0.9  # a document of a known kind states who, whom and when
    groups: list[Group] = []
    if how != "none":
        for a in range(draw(_ints(1, 3))):
            groups.append(Group(f"A{a + 1}", GroupLevel.ASPECT, draw(_text(_ASPECTS, options.texts))))
            if how == "categories":
                for c in range(draw(_ints(1, 2))):
                    title = draw(_text(_CATEGORIES, options.texts))
                    groups.append(Group(f"A{a + 1}-C{c + 1}", GroupLevel.CATEGORY, title, f"A{a + 1}"))
    innermost = [g.id for g in groups if g.level is (GroupLevel.CATEGORY if how == "categories" else GroupLevel.ASPECT)]
    count = draw(_ints(options.min_problems, options.max_problems))
    if not count and not groups:  # a document that itemizes nothing is empty (an error): it lists an aspect at least
        groups.append(Group("A1", GroupLevel.ASPECT, draw(_text(_ASPECTS, options.texts))))
    items = []
    for i in range(count):
        group = draw(st.sampled_from(innermost)) if innermost else None
        items.append(
            draw(
                _problem(
                    id_style.format(i + 1),
                    level=level,
                    measure_level=measure_level,
                    group=group,
                    timeline=timeline,
                    with_statuses=with_statuses,
                    options=options,
                    needs=needs,
                )
            )
        )
    inspection = Inspection(
        id=id,
        kind=kind,
        inspector=draw(_text(_INSPECTORS, options.texts)),
        target=draw(_text(_TARGETS, options.texts)),
        document=document,
        unit=unit,
        round=draw(_maybe_text(_ROUNDS, options.texts)),
        start=_show(draw, timeline.start, keep=stated),
        end=_show(draw, timeline.end, keep=stated),
        feedback_date=_show(draw, timeline.feedback, keep=max(stated, 0.95)),
        plan_date=_show(draw, timeline.plan, keep=0.6),
        as_of=_show(draw, timeline.as_of, keep=0.7),
        report_date=_show(draw, timeline.report),
        groups=tuple(groups),
        problems=tuple(items),
    )
    if options.declared is False or (options.declared is None and not draw(_BOOLEANS)):
        return inspection
    names = draw(_DECLARABLE_SETS)
    counts = declared_for(inspection, sorted(names), draw(_ints(0, 2)))
    return attrs.evolve(inspection, declared=counts)


_ID_STYLE_CHOICE = st.sampled_from(("P{}", "问题{}", "p/{}~x"))


def inspections(
    *,
    id: str = "i1",
    kind: InspectionKind | None = None,
    unit: str | None = "unit-1",
    grouping: Grouping | None = None,
    problem_level: ProblemLevel | None = None,
    statuses: bool | None = None,
    declared: bool | None = None,
    min_problems: int = 1,
    max_problems: int = 5,
    max_measures: int = 3,
    max_history: int = 3,
    documents: Sequence[DocumentKind | None] | None = None,
    texts: Texts = "realistic",
) -> SearchStrategy[Inspection]:
    """Valid inspections of one round, with dates in order and counts that agree.

    Args:
        id: the inspection's id.
        kind: regular, special or look-back (default: any).
        unit: the unit id (``None`` for none).
        grouping: ``none``, ``aspects`` or ``categories`` (aspects and categories); default any.
        problem_level: ``problem``, or ``category`` for reports that itemize only 类 (default any).
        statuses: whether problems and measures carry status histories (default: either).
        declared: whether the preamble declares counts (default: either); declared counts always agree.
        min_problems: the fewest problems.
        max_problems: the most problems.
        max_measures: the most measures per problem.
        max_history: the longest status history.
        documents: the kinds of document to draw (``None`` for unknown; default: any); each
            states what its kind must (a plan's and a ledger's measures have deadlines, a
            ledger's a status; a known kind gives the on-site period and the feedback date).
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.
    """
    options = _Options(
        documents=_ALL_DOCUMENTS if documents is None else documents,
        grouping=grouping,
        problem_level=problem_level,
        statuses=statuses,
        declared=declared,
        min_problems=min_problems,
        max_problems=max_problems,
        max_measures=max_measures,
        max_history=max_history,
        texts=texts,
    )
    return st.tuples(_one_or_any(kind, InspectionKind), _default_timeline(), _ID_STYLE_CHOICE).flatmap(
        lambda x: _inspection(id, kind=x[0], unit=unit, timeline=x[1], id_style=x[2], options=options)
    )


_LINK_KIND_CHOICE = st.sampled_from((LinkKind.RECURRENCE, LinkKind.INCOMPLETE_RECTIFICATION, LinkKind.RELATED))
_ROUND_KINDS = st.sampled_from((InspectionKind.REGULAR, InspectionKind.SPECIAL))


@st.composite
def _unit(draw: Draw, id_style: str, options: _Options) -> tuple[list[Inspection], list[Succession]]:
    """The rounds of one unit, with the placeholder unit ``unit-X`` and ids ``uX-r1``, ``uX-r2``, …."""
    unit = "unit-X"
    renamed = False
    not_before = _day(draw(_ints(0, 800)))
    rounds: list[Inspection] = []
    declared: list[Succession] = []
    for r in range(options.max_rounds):
        if r and not draw(_BOOLEANS):  # one more round? (shrinks to no)
            break
        timeline = draw(_timeline(not_before))
        # The next round starts well after this one's report (and after any mutation of its dates).
        not_before = timeline.report + _dt.timedelta(days=draw(_ints(150, 700)))
        if r and options.successions and not renamed and draw(_ints(0, 3)) == 0:
            day = timeline.start - _dt.timedelta(days=draw(_ints(1, 100)))
            note = draw(_maybe_text(("更名", "机构改革合并"), options.texts))
            declared.append(Succession(unit, f"{unit}-renamed", _show(draw, day), note))
            unit, renamed = f"{unit}-renamed", True
        kind = InspectionKind.LOOK_BACK if r and draw(_ints(0, 3)) == 0 else draw(_ROUND_KINDS)
        inspection = draw(
            _inspection(f"uX-r{r + 1}", kind=kind, unit=unit, timeline=timeline, id_style=id_style, options=options)
        )
        if options.links and rounds:
            inspection = _with_links(draw, inspection, rounds, options.texts)
        rounds.append(inspection)
    return rounds, declared


def _relabel(
    inspections: list[Inspection], successions: list[Succession], k: int
) -> tuple[list[Inspection], list[Succession]]:
    """Give the placeholder unit ``X`` its number *k*."""

    def unit(name: str) -> str:
        return name.replace("unit-X", f"unit-{k}", 1)

    def round_id(name: str) -> str:
        return name.replace("uX-", f"u{k}-", 1)

    relabelled = []
    for x in inspections:
        problems = tuple(
            attrs.evolve(p, links=tuple(attrs.evolve(link, inspection=round_id(link.inspection)) for link in p.links))
            if p.links
            else p
            for p in x.problems
        )
        relabelled.append(attrs.evolve(x, id=round_id(x.id), unit=unit(x.unit or "") or None, problems=problems))
    return relabelled, [attrs.evolve(s, old=unit(s.old), new=unit(s.new)) for s in successions]


@st.composite
def _ledger(draw: Draw, options: _Options) -> Ledger:
    unit = _unit(draw(_ID_STYLE_CHOICE), options)
    found: list[Inspection] = []
    declared: list[Succession] = []
    units = draw(st.lists(unit, min_size=options.min_units, max_size=options.max_units))
    for k, (drawn, drawn_successions) in enumerate(units, 1):
        rounds, renamed = _relabel(drawn, drawn_successions, k)
        found += rounds
        declared += renamed
    return Ledger(tuple(found), tuple(declared))


def _with_links(draw: Draw, inspection: Inspection, earlier: list[Inspection], texts: Texts) -> Inspection:
    targets = [(x.id, p.id) for x in earlier for p in x.problems]
    look_back = inspection.kind is InspectionKind.LOOK_BACK
    linked = []
    for problem in inspection.problems:
        chosen = draw(st.lists(st.sampled_from(targets), max_size=2, unique=True)) if targets else []
        made = []
        for target_inspection, target_problem in chosen:
            kind = LinkKind.LOOK_BACK_REVIEW if look_back else draw(_LINK_KIND_CHOICE)
            note = draw(_maybe_text(("上一轮巡察反馈,本轮巡察依然存在", "片面整改"), texts))
            made.append(Link(kind, target_inspection, target_problem, note))
        linked.append(attrs.evolve(problem, links=tuple(made)))
    return attrs.evolve(inspection, problems=tuple(linked))


def ledgers(
    *,
    min_units: int = 1,
    max_units: int = 2,
    max_rounds: int = 3,
    links: bool = True,
    successions: bool = True,
    grouping: Grouping | None = None,
    problem_level: ProblemLevel | None = None,
    statuses: bool | None = None,
    declared: bool | None = None,
    min_problems: int = 1,
    max_problems: int = 4,
    max_measures: int = 3,
    max_history: int = 3,
    documents: Sequence[DocumentKind | None] | None = None,
    texts: Texts = "realistic",
) -> SearchStrategy[Ledger]:
    """Valid ledgers: one or more units, each inspected in one or more rounds months apart.

    Every ledger passes every rule with no error, warning or info. Later rounds may link
    their problems to problems of earlier rounds of the same unit; a unit may be renamed
    between rounds, with the succession declared.

    Args:
        min_units: the fewest units.
        max_units: the most units.
        max_rounds: the most rounds per unit.
        links: whether later rounds link problems to earlier ones.
        successions: whether a unit may be renamed between rounds.
        grouping: ``none``, ``aspects`` or ``categories`` for every inspection (default: any).
        problem_level: ``problem`` or ``category`` for every inspection (default: any).
        statuses: whether status histories are drawn (default: either, per inspection).
        declared: whether preambles declare counts (default: either, per inspection).
        min_problems: the fewest problems per inspection.
        max_problems: the most problems per inspection.
        max_measures: the most measures per problem.
        max_history: the longest status history.
        documents: the kinds of document to draw, per inspection (``None`` for unknown; default: any).
        texts: ``realistic`` wording, or ``any`` to add edge cases and arbitrary text.

    >>> from hypothesis import given, settings
    >>> from rectmodel import validate
    >>> from rectmodel.strategies import ledgers
    >>> @settings(max_examples=20)
    ... @given(ledgers(max_units=1, max_rounds=2))
    ... def test_valid(ledger):
    ...     assert validate(ledger).diagnostics == ()
    >>> test_valid()
    """
    return _ledger(
        _Options(
            min_units=min_units,
            max_units=max_units,
            max_rounds=max_rounds,
            links=links,
            successions=successions,
            grouping=grouping,
            problem_level=problem_level,
            statuses=statuses,
            declared=declared,
            min_problems=min_problems,
            max_problems=max_problems,
            max_measures=max_measures,
            max_history=max_history,
            documents=_ALL_DOCUMENTS if documents is None else documents,
            texts=texts,
        )
    )

"""Hypothesis strategies for valid inspections and ledgers: rounds of units, their links and successions.

Every ledger drawn here passes every rule with no error, warning or info. The
generator keeps a hidden timeline per round (on-site → feedback → plan → as-of →
report, rounds of a unit months apart), draws statuses and deadlines inside it,
and only then drops or coarsens the dates it shows; the rules compare partial
dates honestly, so coarsening never makes a valid ledger invalid. The timeline
lives in ``_timelines``, the parts of an inspection in ``_items``, the wording in
``_texts``.

Everything is drawn from integers, lists and ``sampled_from`` so that a failing
example shrinks to a ledger of one inspection, one problem and one measure, with
the first realistic title of each list.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, get_args

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

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
    MeasureLevel,
    ProblemLevel,
    Succession,
    itemize,
)
from ..rules.counts import problem_outcomes
from ._items import _BOOLEANS, _Needs, _problem
from ._options import _ALL_DOCUMENTS, Draw, Grouping, Texts, _choice, _ints, _one_or_any, _Options
from ._texts import _ASPECTS, _CATEGORIES, _INSPECTORS, _ROUNDS, _TARGETS, _maybe_text, _text
from ._timelines import _day, _default_timeline, _show, _Timeline, _timeline

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

"""Edits between two versions of a round's document, and the findings reconciling them must give.

``round_edits()`` draws a valid ledger of one inspection (the earlier version), edits it the
way an office revises a plan or a ledger, and returns both versions with the findings
``rectmodel.reconcile(before, after)`` must report: exactly one per real edit, none for an
edit that only restyles or reorders.

Each edit of a problem is registered here with a name and says what it does in its
docstring; a problem gets at most one, so that edits never meet (no deadline moves on a
problem that is dropped). The real edits drop a problem, drop a measure, move a dated
deadline later or earlier; a wording edit appends 的问题 (or takes it away), changes the
punctuation or puts numbering in front. Over the whole inspection, problems may be added,
the problems reordered and renumbered (problem and measure ids alike, P1 → Q1 and P1-M1 →
Q1-M1), and the declared counts are stated anew, so that a count changes where what it
counts did (declared-changed).

Matching is kept unambiguous: problem titles within the document, and measure texts within
a problem, are made unlike each other (a fuzzy score below the reconciliation's threshold,
80), and an added problem's title is unlike every other; a draw where a reworded title
comes too near another is rejected.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs
from hypothesis import note, reject
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy
from rapidfuzz import fuzz

from .._lexicon.dates import DEADLINE_CHANGE
from ..dates import PartialDate
from ..model import ROUND_COUNTS, DeclaredCounts, Inspection, Ledger, Measure, Problem
from ..operations import add_problem
from ._ledgers import ledgers
from ._mutators import _closed_on_its_measures, _fresh, _redeclare, _replace
from ._options import Draw, _choice, _ints
from ._texts import _CATEGORIES, _MEASURES, _PROBLEMS

__all__ = ["RoundEdits", "round_edits"]

# The least fuzzy score at which the reconciliation matches two texts (rectmodel.reconciliation.THRESHOLD;
# the strategies sit below the reconciliation and do not import it).
_THRESHOLD = 80.0
_NOT_WORDS = re.compile(r"[\W_]+")

# Titles and measures to give where the drawn ones are too alike, and to add: unlike the lists of ``_texts``.
_MORE_PROBLEMS = (
    "公务接待超标准、超范围问题突出",
    "选人用人把关不严,带病提拔时有发生",
    "党费收缴使用管理不规范",
    "政府采购程序执行不到位",
    "信访举报件办理不及时",
    "安全生产主体责任落实不到位",
    "国有资产底数不清,出租出借未经审批",
    "“四风”隐形变异问题仍然存在",
    "基层减负要求落实不到位,文山会海反弹",
    "惠民补贴发放审核把关不严",
)
_MORE_MEASURES = (
    "召开专题民主生活会,深入查摆问题根源",
    "对照政策逐笔核查,建立长效监管机制",
    "组织开展业务培训两期,提升履职能力",
    "制定资产管理办法,全面清查登记造册",
)
_TITLES = (*_PROBLEMS, *_CATEGORIES, *_MORE_PROBLEMS)
_TEXTS = (*_MEASURES, *_MORE_MEASURES)
_SUFFIX = "的问题"
_NUMBERING = ("1.", "(一)", "一、", "第一项", "(二)")
_RENUMBERING = (None, "P{}", "Q{}", "问题{}")  # None: the ids are kept

Finding = tuple[str, str]  # (rule, the id of the problem or measure it is about, or the declared count)


class RoundEdits(NamedTuple):
    """Two versions of a round's document and what reconciling them must find.

    Args:
        before: the earlier version, a valid ledger of one inspection.
        after: the later version: *before* edited, still valid.
        expected: the findings of ``reconcile(before, after)``, each (rule, id): the id of the
            problem or measure in the version the finding stands in (problem-dropped and
            measure-dropped in *before*, the others in *after*), or the declared count's name.
    """

    before: Ledger
    after: Ledger
    expected: frozenset[Finding]


def _key(text: str) -> str:
    """*text* as the reconciliation compares it (a text without leading numbering): NFKC, words only, folded."""
    return _NOT_WORDS.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _alike(a: str, b: str) -> float:
    """How alike two texts are as the reconciliation scores them, 0–100."""
    return float(fuzz.ratio(_key(a), _key(b)))


def _unlike(text: str, others: Sequence[str]) -> bool:
    return all(_alike(text, other) < _THRESHOLD for other in others)


def _distinct(texts: Sequence[str], spare: Sequence[str]) -> list[str]:
    """*texts* with each too like one before it replaced by the first *spare* text unlike all of them."""
    kept: list[str] = []
    for text in texts:
        given = text if _unlike(text, kept) else next((s for s in spare if _unlike(s, [*kept, *texts])), "")
        if not given:
            reject()  # more items than unlike texts to give them
        kept.append(given)
    return kept


def _unambiguous(inspection: Inspection) -> Inspection:
    """The inspection with its problem titles unlike each other, and each problem's measure texts too."""
    titles = _distinct([p.title for p in inspection.problems], _TITLES)
    problems = []
    for problem, title in zip(inspection.problems, titles, strict=True):
        texts = _distinct([m.text for m in problem.measures], _TEXTS)
        measures = tuple(attrs.evolve(m, text=t) for m, t in zip(problem.measures, texts, strict=True))
        problems.append(attrs.evolve(problem, title=title, measures=measures))
    return attrs.evolve(inspection, problems=tuple(problems))


# --- the edits of one problem -----------------------------------------------------------------------------


@attrs.frozen
class _Done:
    """What an edit made of a problem: the problem in the later version (None: dropped), and what it gives.

    *dropped* are findings on the earlier version (by its ids), *changed* on the later one (by the ids
    before any renumbering); *compared* is the title as the reconciliation compares it, where the edit
    only restyles it (punctuation or numbering the comparison leaves out).
    """

    problem: Problem | None
    dropped: tuple[Finding, ...] = ()
    changed: tuple[Finding, ...] = ()
    compared: str | None = None


_Edit = Callable[[Draw, Inspection, Problem], _Done | None]  # None: the problem offers no site for it
_EDITS: dict[str, _Edit] = {}


def _edit(name: str) -> Callable[[_Edit], _Edit]:
    """Register an edit of one problem under *name* (the first registered, keep, is what examples shrink to)."""

    def register(edit: _Edit) -> _Edit:
        _EDITS[name] = edit
        return edit

    return register


def _with_measure(problem: Problem, j: int, measure: Measure) -> Problem:
    return attrs.evolve(problem, measures=_replace(problem.measures, j, measure))


@_edit("keep")
def _keep(draw: Draw, inspection: Inspection, problem: Problem) -> _Done:
    """The problem left as it is."""
    return _Done(problem)


@_edit("drop-problem")
def _drop_problem(draw: Draw, inspection: Inspection, problem: Problem) -> _Done:
    """The problem taken out."""
    return _Done(None, dropped=(("problem-dropped", problem.id),))


@_edit("drop-measure")
def _drop_measure(draw: Draw, inspection: Inspection, problem: Problem) -> _Done | None:
    """One measure taken out of a problem that keeps at least one (not one whose evidence closes the problem)."""
    if len(problem.measures) < 2 or _closed_on_its_measures(problem):
        return None
    j = draw(_ints(0, len(problem.measures) - 1))
    measures = (*problem.measures[:j], *problem.measures[j + 1 :])
    return _Done(attrs.evolve(problem, measures=measures), dropped=(("measure-dropped", problem.measures[j].id),))


def _dated(problem: Problem, fits: Callable[[Measure, PartialDate], bool]) -> list[int]:
    """The measures of *problem* with a dated deadline that *fits*."""
    return [j for j, m in enumerate(problem.measures) if isinstance(m.deadline, PartialDate) and fits(m, m.deadline)]


def _unexplained(measure: Measure, deadline: PartialDate) -> bool:
    """Whether no progress note of the measure records why a deadline changed (that would excuse a postponement)."""
    return not any(s.note and DEADLINE_CHANGE.search(s.note) for s in measure.history)


@_edit("postpone")
def _postpone(draw: Draw, inspection: Inspection, problem: Problem) -> _Done | None:
    """A measure's dated deadline moved later (to a day), with no reason recorded."""
    sites = _dated(problem, _unexplained)
    if not sites:
        return None
    j = sites[draw(_ints(0, len(sites) - 1))]
    measure = problem.measures[j]
    assert isinstance(measure.deadline, PartialDate)
    day = measure.deadline.last + _dt.timedelta(days=draw(_ints(1, 365)))
    moved = attrs.evolve(measure, deadline=PartialDate.from_date(day))
    return _Done(_with_measure(problem, j, moved), changed=(("deadline-moved", measure.id),))


def _earliest(inspection: Inspection, measure: Measure, deadline: PartialDate) -> _dt.date:
    """The earliest day the measure's deadline may be brought forward to and stay valid.

    Not before feedback (dates-out-of-order), nor, for a measure not done, before the as-of
    date (deadline-passed); at most a year earlier.
    """
    floors = [deadline.last - _dt.timedelta(days=365)]
    if inspection.feedback_date is not None:
        floors.append(inspection.feedback_date.first)
    as_of = inspection.as_of or inspection.report_date
    if measure.history and not measure.history[-1].state.is_done and as_of is not None:
        floors.append(as_of.first)
    return max(floors)


@_edit("bring-forward")
def _bring_forward(draw: Draw, inspection: Inspection, problem: Problem) -> _Done | None:
    """A measure's dated deadline brought forward (to a day), where it can be without passing or preceding feedback."""
    sites = _dated(problem, lambda m, d: _earliest(inspection, m, d) < d.last)
    if not sites:
        return None
    j = sites[draw(_ints(0, len(sites) - 1))]
    measure = problem.measures[j]
    assert isinstance(measure.deadline, PartialDate)
    latest = measure.deadline.last - _dt.timedelta(days=1)
    day = latest - _dt.timedelta(days=draw(_ints(0, (latest - _earliest(inspection, measure, measure.deadline)).days)))
    moved = attrs.evolve(measure, deadline=PartialDate.from_date(day))
    return _Done(_with_measure(problem, j, moved), changed=(("deadline-advanced", measure.id),))


@_edit("reword")
def _reword(draw: Draw, inspection: Inspection, problem: Problem) -> _Done | None:
    """The title with 的问题 appended (or taken away where it ends so), where it stays alike enough to match."""
    title = problem.title
    reworded = title.removesuffix(_SUFFIX) if title.endswith(_SUFFIX) else title + _SUFFIX
    if _alike(reworded, title) < _THRESHOLD:
        return None
    return _Done(attrs.evolve(problem, title=reworded))


@_edit("repunctuate")
def _repunctuate(draw: Draw, inspection: Inspection, problem: Problem) -> _Done:
    """The title ending with 。 (or no longer), or its commas made semicolons: the same words."""
    title = problem.title
    if "," in title and draw(_ints(0, 1)):
        restyled = title.replace(",", ";")
    else:
        restyled = title.removesuffix("。") if title.endswith("。") else title + "。"
    return _Done(attrs.evolve(problem, title=restyled), compared=title)


@_edit("number")
def _number(draw: Draw, inspection: Inspection, problem: Problem) -> _Done:
    """The title with numbering in front (1. (一) 一、 第一项), which the comparison leaves out."""
    numbering = draw(_choice(_NUMBERING))
    return _Done(attrs.evolve(problem, title=numbering + problem.title), compared=problem.title)


_EDIT_NAMES = _choice(tuple(_EDITS))


# --- the whole inspection ---------------------------------------------------------------------------------


def _completion_unsupported(problem: Problem) -> bool:
    """Whether an added problem claims completion with neither a date nor evidence (completion-unsupported)."""
    last = problem.history[-1] if problem.history else None
    return (
        last is not None and last.state.is_done and last.date is None and not any(s.evidence for s in problem.history)
    )


def _added(draw: Draw, inspection: Inspection, titles: list[str], taken: set[str]) -> Problem:
    """A new problem like one of the inspection's (its measures, group and history), under a title unlike all."""
    template = inspection.problems[draw(_ints(0, len(inspection.problems) - 1))]
    fresh = [t for t in _TITLES if _unlike(t, titles)]
    if not fresh:
        reject()
    title = fresh[draw(_ints(0, len(fresh) - 1))]
    id = _fresh(taken, "N")
    measures = tuple(attrs.evolve(m, id=f"{id}-M{j + 1}") for j, m in enumerate(template.measures))
    return attrs.evolve(template, id=id, title=title, measures=measures, links=())


def _renumbered(problems: Sequence[Problem], style: str) -> tuple[list[Problem], dict[str, str]]:
    """The problems numbered anew in order in *style*, their measures after them; and each old id's new one."""
    renamed: dict[str, str] = {}
    out = []
    for k, problem in enumerate(problems):
        id = style.format(k + 1)
        renamed[problem.id] = id
        measures = []
        for j, measure in enumerate(problem.measures):
            renamed[measure.id] = f"{id}-M{j + 1}"
            measures.append(attrs.evolve(measure, id=renamed[measure.id]))
        out.append(attrs.evolve(problem, id=id, measures=tuple(measures)))
    return out, renamed


def _declared_changes(before: DeclaredCounts, after: DeclaredCounts) -> set[Finding]:
    changed = set()
    for name in ROUND_COUNTS:  # the round's counts; those of progress change by design
        old, new = getattr(before, name), getattr(after, name)
        if old is not None and new is not None and old != new:
            changed.add(("declared-changed", name))
    return changed


@st.composite
def _round_edits(draw: Draw, base: SearchStrategy[Ledger]) -> RoundEdits:
    ledger = draw(base)
    if len(ledger.inspections) != 1:
        reject()
    x = _unambiguous(ledger.inspections[0])
    before = attrs.evolve(ledger, inspections=(x,))
    additions = draw(_ints(0, 2)) if x.problems else 0
    done: list[tuple[int, _Done]] = []
    for i, problem in enumerate(x.problems):
        name = draw(_EDIT_NAMES)
        last_one = i == len(x.problems) - 1 and additions == 0 and all(d.problem is None for _, d in done)
        if name == "drop-problem" and last_one:
            name = "keep"  # a document with nothing in it is empty (an error): keep one problem
        edited = _EDITS[name](draw, x, problem) or _Done(problem)
        note(f"{problem.id}: {name if edited.problem is not problem else 'keep'}")
        done.append((i, edited))
    kept = [(i, d.problem, d.compared) for i, d in done if d.problem is not None]
    expected: set[Finding] = {f for _, d in done for f in d.dropped}
    changed: list[Finding] = [f for _, d in done for f in d.changed]
    # The problems added go last, through the operation that adds a problem (the counts are declared anew below).
    stripped = attrs.evolve(x, problems=tuple(p for _, p, _ in kept), declared=DeclaredCounts())
    after = attrs.evolve(before, inspections=(stripped,))
    titles = [*(p.title for p in x.problems), *(p.title for _, p, _ in kept)]
    taken = {p.id for p in x.problems} | {m.id for p in x.problems for m in p.measures}
    # Each later problem's counterpart (None: added) and the title it is compared by.
    compared: list[tuple[int | None, str]] = [(i, title or p.title) for i, p, title in kept]
    for _ in range(additions):
        new = _added(draw, x, titles, taken)
        note(f"{new.id}: added ({new.title})")
        after = add_problem(after, x.id, new)
        titles.append(new.title)
        taken |= {new.id, *(m.id for m in new.measures)}
        compared.append((None, new.title))
        changed.append(("problem-added", new.id))
        if _completion_unsupported(new):
            changed.append(("completion-unsupported", new.id))
    # Every earlier problem is like its counterpart and unlike every other later one (else reject).
    for i, problem in enumerate(x.problems):
        for counterpart, title in compared:
            if (_alike(problem.title, title) >= _THRESHOLD) != (counterpart == i):
                reject()
    problems = list(after.inspections[0].problems)
    order = draw(st.permutations(range(len(problems))))
    problems = [problems[k] for k in order]
    renamed: dict[str, str] = {}
    style = draw(_choice(_RENUMBERING))
    note(f"order {order}, ids {style or 'kept'}")
    if style is not None:
        problems, renamed = _renumbered(problems, style)
    y = _redeclare(attrs.evolve(after.inspections[0], problems=tuple(problems), declared=x.declared))
    after = attrs.evolve(after, inspections=(y,))
    expected |= {(rule, renamed.get(id, id)) for rule, id in changed}
    expected |= _declared_changes(x.declared, y.declared)
    return RoundEdits(before, after, frozenset(expected))


def round_edits(base: SearchStrategy[Ledger] | None = None) -> SearchStrategy[RoundEdits]:
    """Two versions of a round's document, the later one edited, with the findings reconciling them must give.

    Each problem of the earlier version is kept, dropped, loses a measure, has a dated deadline
    moved later or brought forward, or has its title reworded (的问题 appended, punctuation,
    numbering); problems may be added (with titles unlike the others), and the problems
    reordered and renumbered. The declared counts are stated anew, so both versions stay valid.
    ``expected`` holds one finding per real edit (``problem-dropped``, ``measure-dropped``,
    ``deadline-moved``, ``deadline-advanced``, ``problem-added``, ``declared-changed`` for each
    count of the round that changed; ``completion-unsupported`` too for an added problem claimed done with
    neither date nor evidence) and none for rewording, reordering or renumbering.

    Args:
        base: the earlier versions: ledgers of one inspection with realistic wording (default:
            ``ledgers(max_units=1, max_rounds=1)``); a draw of more inspections is rejected.

    >>> from hypothesis import given, settings
    >>> from rectmodel import reconcile
    >>> from rectmodel.strategies import round_edits
    >>> @settings(max_examples=10)
    ... @given(round_edits())
    ... def test_findings_are_the_edits(edits):
    ...     found = reconcile(edits.before, edits.after).report.diagnostics
    ...     assert {d.rule for d in found} == {rule for rule, _ in edits.expected}
    >>> test_findings_are_the_edits()
    """
    return _round_edits(base if base is not None else ledgers(max_units=1, max_rounds=1, texts="realistic"))

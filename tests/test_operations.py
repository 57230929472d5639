"""Ledger operations: each returns a new ledger with the change, or refuses precisely and changes nothing."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import event, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

import rectmodel
from rectmodel import (
    DeadlineTerm,
    DeclaredCounts,
    Group,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    Link,
    LinkKind,
    Measure,
    PartialDate,
    Problem,
    RectmodelError,
    Responsibility,
    Severity,
    State,
    Status,
    Succession,
)
from rectmodel import operations as ops
from rectmodel.errors import OperationError
from rectmodel.messages import MESSAGES, OpCode
from rectmodel.rules import RULES, Rule
from rectmodel.rules._registry import Fact
from rectmodel.strategies import ledgers

D = PartialDate.parse
WHO = Responsibility(("张三",), ("办公室",), ("李四",))
NOBODY = Responsibility()
PROOF = ("整改台账.pdf",)
CJK = re.compile(r"[\u4e00-\u9fff]")


def status(state: State, date: str, *, evidence: tuple[str, ...] = ()) -> Status:
    return Status(state, D(date), evidence=evidence)


def measure(id_: str, *history: Status, deadline: str = "2021-12-31", **kw: Any) -> Measure:
    return Measure(id_, "建立制度并抓好落实", responsibility=WHO, deadline=D(deadline), history=history, **kw)


def rounds() -> Ledger:
    """Three rounds of one unit (renamed u0 → u1 in 2020) and one round of another unit.

    r2019 declares its counts; r2021/P3 is closed on the evidence of its measure's status;
    every rule is kept.
    """
    r2019 = Inspection(
        "r2019",
        InspectionKind.REGULAR,
        "市委第三巡察组",
        "某局党组",
        unit="u0",
        start=D("2019-03-04"),
        end=D("2019-04-30"),
        feedback_date=D("2019-06-10"),
        plan_date=D("2019-07"),
        as_of=D("2019-07-31"),
        report_date=D("2019-08-05"),
        declared=DeclaredCounts(aspects=1, problems=2, measures=3, completed=1, completion_rate="50%"),
        groups=(Group("A1", GroupLevel.ASPECT, "党的领导弱化"),),
        problems=(
            Problem(
                "P1",
                "议事决策不规范",
                group="A1",
                measures=(
                    measure("M1", status(State.COMPLETED, "2019-07-20"), deadline="2019-09-30"),
                    measure("M2", status(State.COMPLETED, "2019-07-22"), deadline="2019-09-30"),
                ),
                history=(status(State.COMPLETED, "2019-07-25"),),
            ),
            Problem(
                "P2",
                "制度建设不完善",
                group="A1",
                measures=(measure("M3", status(State.IN_PROGRESS, "2019-07"), deadline="2019-09-30"),),
                history=(status(State.IN_PROGRESS, "2019-07"),),
            ),
        ),
    )
    r2021 = Inspection(
        "r2021",
        InspectionKind.REGULAR,
        "市委第二巡察组",
        "某局党组",
        unit="u1",
        start=D("2021-03-11"),
        end=D("2021-06-18"),
        feedback_date=D("2021-08-04"),
        plan_date=D("2021-08"),
        as_of=D("2021-10"),
        report_date=D("2021-10-04"),
        groups=(Group("A1", GroupLevel.ASPECT, "方面"), Group("C1", GroupLevel.CATEGORY, "类", parent="A1")),
        problems=(
            Problem(
                "P1",
                "议事决策仍不规范",
                group="C1",
                measures=(
                    measure("M1", status(State.COMPLETED, "2021-09-30")),
                    measure("M2", status(State.IN_PROGRESS, "2021-09")),
                ),
                history=(status(State.IN_PROGRESS, "2021-09"),),
                links=(Link(LinkKind.RECURRENCE, "r2019", "P2"),),
            ),
            Problem("P2", "学习制度落实不严", group="A1", measures=(measure("M3"),)),
            Problem(
                "P3",
                "采购管理不规范",
                measures=(measure("M4", status(State.COMPLETED, "2021-09-01", evidence=PROOF)),),
                history=(status(State.COMPLETED, "2021-09-10"), status(State.CLOSED, "2021-09-20")),
            ),
        ),
    )
    r2023 = Inspection(
        "r2023",
        InspectionKind.LOOK_BACK,
        "市委第一巡察组",
        "某局党组",
        unit="u1",
        start=D("2023-04-03"),
        end=D("2023-05-12"),
        feedback_date=D("2023-06-20"),
        problems=(
            Problem(
                "P1",
                "整改不到位",
                measures=(measure("M1", status(State.NOT_STARTED, "2023-07-01"), deadline="2023-12-31"),),
                links=(Link(LinkKind.INCOMPLETE_RECTIFICATION, "r2021", "P1"),),
            ),
        ),
    )
    x2020 = Inspection(
        "x2020",
        InspectionKind.SPECIAL,
        "市委第四巡察组",
        "另一局党组",
        unit="u9",
        start=D("2020-05"),
        problems=(Problem("Q1", "财务管理不规范", measures=(measure("M1"),)),),
    )
    return Ledger((r2019, r2021, r2023, x2020), (Succession("u0", "u1", D("2020-01"), "更名"),))


def new_problem(id_: str = "P4", **kw: Any) -> Problem:
    return Problem(id_, **({"title": "新发现的问题", "measures": (measure("M9"),)} | kw))


def refused(call: Callable[[Ledger], Ledger], ledger: Ledger | None = None) -> OperationError:
    """The refusal *call* gives on *ledger* (the rounds by default), checking it changed nothing."""
    ledger = rounds() if ledger is None else ledger
    before = rectmodel.dumps(ledger)
    with pytest.raises(OperationError) as info:
        call(ledger)
    assert rectmodel.dumps(ledger) == before
    e = info.value
    en, zh = e.message("en"), e.message("zh")
    assert en
    assert en != zh
    assert CJK.search(zh), zh
    assert "{" not in en + zh
    assert "None" not in en + zh
    assert str(e) == f"{e.operation}: {e.pointer}: {en}"
    return e


def test_the_rounds_keep_every_rule() -> None:
    assert list(rectmodel.iter_diagnostics(rounds())) == []


def test_operations_are_exported() -> None:
    assert set(ops.__all__) == {"add_problem", "add_measure", "record_progress", "close", "reopen", "link"}
    for name in ops.__all__:
        assert getattr(ops, name).__doc__


# success


def _unchanged(ledger: Ledger) -> None:
    assert ledger == rounds()


def test_add_problem_appends_it_whole() -> None:
    ledger = rounds()
    problem = new_problem(group="C1", links=(Link(LinkKind.RELATED, "r2019", "P1"),))
    after = ops.add_problem(ledger, "r2021", problem)
    assert after.inspections[1].problems[-1] == problem
    assert after.inspections[1].problems[:-1] == ledger.inspections[1].problems
    assert after.inspections[0] is ledger.inspections[0]
    _unchanged(ledger)
    assert rectmodel.validate(after).errors == 0


def test_add_measure_appends_it() -> None:
    ledger = rounds()
    new = measure("M9", status(State.IN_PROGRESS, "2021-09-15"))
    after = ops.add_measure(ledger, "r2021", "P1", new)
    assert after.inspections[1].problems[0].measures[-1] == new
    _unchanged(ledger)


def test_a_done_measure_may_join_a_closed_problem() -> None:
    new = measure("M9", status(State.COMPLETED, "2021-09-15"))
    after = ops.add_measure(rounds(), "r2021", "P3", new)
    assert after.inspections[1].problems[2].measures[-1] == new


def test_record_progress_of_measures_then_of_their_problem() -> None:
    ledger = rounds()
    done = status(State.COMPLETED, "2021-10-01")
    after = ops.record_progress(ledger, "r2021", "P1", done, measure="M2")
    assert after.inspections[1].problems[0].measures[1].history[-1] == done
    after = ops.record_progress(after, "r2021", "P1", status(State.COMPLETED, "2021-10-02"))
    assert after.inspections[1].problems[0].status == status(State.COMPLETED, "2021-10-02")
    _unchanged(ledger)
    assert rectmodel.validate(after).errors == 0


def test_record_progress_within_the_declared_counts() -> None:
    # Long-term counts neither as completed nor as in progress, and the rate may count it either way.
    after = ops.record_progress(rounds(), "r2019", "P2", status(State.LONG_TERM, "2019-08"))
    assert after.inspections[0].problems[1].status == status(State.LONG_TERM, "2019-08")


def test_close_a_measure_then_its_problem_on_the_measures_evidence() -> None:
    ledger = rounds()
    after = ops.close(ledger, "r2021", "P1", date=D("2021-10-01"), evidence=PROOF, measure="M1", note="销号")
    assert after.inspections[1].problems[0].measures[0].status == Status(State.CLOSED, D("2021-10-01"), "销号", PROOF)
    after = ops.record_progress(after, "r2021", "P1", status(State.LONG_TERM, "2021-10-02"), measure="M2")
    after = ops.close(after, "r2021", "P1", date=D("2021-10-03"))
    assert after.inspections[1].problems[0].status == Status(State.CLOSED, D("2021-10-03"))
    _unchanged(ledger)
    assert rectmodel.validate(after).errors == 0


def test_close_a_problem_with_evidence_given() -> None:
    after = ops.close(rounds(), "r2019", "P1", date=D("2019-07-30"), evidence=PROOF)
    assert after.inspections[0].problems[0].status == Status(State.CLOSED, D("2019-07-30"), evidence=PROOF)


def test_reopen_a_closed_problem_then_its_measure() -> None:
    ledger = rounds()
    after = ops.reopen(ledger, "r2021", "P3", date=D("2021-10-01"), note="回头看发现反弹")
    assert after.inspections[1].problems[2].status == Status(State.REOPENED, D("2021-10-01"), "回头看发现反弹")
    after = ops.reopen(after, "r2021", "P3", date=D("2021-10-02"), measure="M4")
    after = ops.record_progress(after, "r2021", "P3", status(State.IN_PROGRESS, "2021-10-03"), measure="M4")
    assert after.inspections[1].problems[2].measures[0].status == status(State.IN_PROGRESS, "2021-10-03")
    _unchanged(ledger)
    assert rectmodel.validate(after).errors == 0


def test_link_to_an_earlier_round_of_the_unit_it_continues() -> None:
    ledger = rounds()
    after = ops.link(ledger, "r2023", "P1", to_inspection="r2019", to_problem="P1", kind=LinkKind.RECURRENCE)
    assert after.inspections[2].problems[0].links == (
        Link(LinkKind.INCOMPLETE_RECTIFICATION, "r2021", "P1"),
        Link(LinkKind.RECURRENCE, "r2019", "P1"),
    )
    _unchanged(ledger)


def test_partial_round_dates_link_only_when_certainly_earlier() -> None:
    ledger = rounds()
    x = attrs.evolve(ledger.inspections[3], unit="u1", start=D("2021"))  # may be the same year as r2021
    ledger = attrs.evolve(ledger, inspections=(*ledger.inspections[:3], x))
    e = refused(
        lambda L: ops.link(L, "r2021", "P2", to_inspection="x2020", to_problem="Q1", kind=LinkKind.RELATED), ledger
    )
    assert (e.code, e.params["target_date"], e.params["date"]) == ("op-not-earlier", "2021", "2021-03-11")
    after = ops.link(ledger, "r2023", "P1", to_inspection="x2020", to_problem="Q1", kind=LinkKind.RELATED)
    assert after.inspections[2].problems[0].links[-1] == Link(LinkKind.RELATED, "x2020", "Q1")


# refusals


def _undated_r2019(ledger: Ledger) -> Ledger:
    x = attrs.evolve(ledger.inspections[0], start=None, end=None, feedback_date=None, plan_date=None, as_of=None,
                     report_date=None)  # fmt: skip
    return attrs.evolve(ledger, inspections=(x, *ledger.inspections[1:]))


def _no_unit_r2019(ledger: Ledger) -> Ledger:
    return attrs.evolve(ledger, inspections=(attrs.evolve(ledger.inspections[0], unit=None), *ledger.inspections[1:]))


def _forward_link(ledger: Ledger) -> Ledger:
    """r2019/P2 linked to r2021/P2, a later round: a link-forward-in-time error, as loaded ledgers may have."""
    p2 = attrs.evolve(ledger.inspections[0].problems[1], links=(Link(LinkKind.RELATED, "r2021", "P2"),))
    x = attrs.evolve(ledger.inspections[0], problems=(ledger.inspections[0].problems[0], p2))
    return attrs.evolve(ledger, inspections=(x, *ledger.inspections[1:]))


def _with_p2_measure_done(ledger: Ledger) -> Ledger:
    return ops.record_progress(ledger, "r2019", "P2", status(State.COMPLETED, "2019-07-25"), measure="M3")


def _link(source: str, problem: str, target: str, target_problem: str) -> Callable[[Ledger], Ledger]:
    return lambda L: ops.link(
        L, source, problem, to_inspection=target, to_problem=target_problem, kind=LinkKind.RECURRENCE
    )


def _as_kind(kind: rectmodel.DocumentKind) -> Callable[[Ledger], Ledger]:
    """The r2021 round as a document of *kind*, stating what that kind must: a deadline and a state per measure."""

    def prepare(ledger: Ledger) -> Ledger:
        x = ledger.inspections[1]

        def fill(p: Problem) -> Problem:
            done = p.status is not None and p.status.state.is_finished
            state = status(State.COMPLETED if done else State.IN_PROGRESS, "2021-09-01")
            measures = tuple(
                attrs.evolve(m, deadline=m.deadline or DeadlineTerm.ONGOING, history=m.history or (state,))
                for m in p.measures
            )
            return attrs.evolve(p, measures=measures)

        x = attrs.evolve(x, document=kind, problems=tuple(fill(p) for p in x.problems))
        return attrs.evolve(ledger, inspections=(ledger.inspections[0], x, *ledger.inspections[2:]))

    return prepare


P21 = "/inspections/1/problems"
LATER = Link(LinkKind.RELATED, "r2023", "P1")

REFUSALS: list[tuple[str, Callable[[Ledger], Ledger], Callable[[Ledger], Ledger] | None, str, str]] = [
    # (name, call, prepare the rounds, code, pointer)
    ("unknown inspection", lambda L: ops.add_problem(L, "r2099", new_problem()), None,
     "op-unknown-inspection", "/inspections"),
    ("unknown problem", lambda L: ops.add_measure(L, "r2021", "P9", measure("M9")), None,
     "op-unknown-problem", P21),
    ("unknown measure", lambda L: ops.close(L, "r2021", "P1", date=D("2021-10"), evidence=PROOF, measure="M9"),
     None, "op-unknown-measure", f"{P21}/0/measures"),
    ("problem id taken", lambda L: ops.add_problem(L, "r2021", new_problem("P2")), None,
     "op-duplicate-id", f"{P21}/1"),
    ("measure id taken, new problem", lambda L: ops.add_problem(L, "r2021", new_problem(measures=(measure("M3"),))),
     None, "op-duplicate-id", f"{P21}/1/measures/0"),
    ("measure id twice in a new problem",
     lambda L: ops.add_problem(L, "r2021", new_problem(measures=(measure("M9"), measure("M9")))), None,
     "op-duplicate-id", f"{P21}/3/measures/0"),
    ("measure id taken", lambda L: ops.add_measure(L, "r2021", "P1", measure("M4")), None,
     "op-duplicate-id", f"{P21}/2/measures/0"),
    ("no measure", lambda L: ops.add_problem(L, "r2021", new_problem(measures=())), None,
     "op-no-measure", f"{P21}/3"),
    ("no deadline in a plan", lambda L: ops.add_measure(L, "r2021", "P1", attrs.evolve(measure("M9"), deadline=None)),
     _as_kind(rectmodel.DocumentKind.PLAN), "op-no-deadline", f"{P21}/0/measures/2"),
    ("no status in a ledger", lambda L: ops.add_measure(L, "r2021", "P1", attrs.evolve(measure("M9"), history=())),
     _as_kind(rectmodel.DocumentKind.LEDGER), "op-no-status", f"{P21}/0/measures/2"),
    ("no responsibility", lambda L: ops.add_measure(L, "r2021", "P1", attrs.evolve(measure("M9"), responsibility=None)),
     None, "op-no-responsibility", f"{P21}/0/measures/2"),
    ("empty responsibility",
     lambda L: ops.add_problem(L, "r2021", new_problem(measures=(attrs.evolve(measure("M9"), responsibility=NOBODY),))),
     None, "op-no-responsibility", f"{P21}/3/measures/0"),
    ("unknown group", lambda L: ops.add_problem(L, "r2021", new_problem(group="C9")), None,
     "op-unknown-group", f"{P21}/3"),
    ("deadline before feedback", lambda L: ops.add_measure(L, "r2021", "P2", measure("M9", deadline="2021-07-31")),
     None, "op-before-feedback", f"{P21}/1/measures/1"),
    ("completion before feedback",
     lambda L: ops.record_progress(L, "r2021", "P2", status(State.COMPLETED, "2021-07"), measure="M3"), None,
     "op-before-feedback", f"{P21}/1/measures/0"),
    ("closing before the previous status", lambda L: ops.close(L, "r2021", "P1", date=D("2021-08-01"), evidence=PROOF,
                                                    measure="M1"), None, "op-before-previous", f"{P21}/0/measures/0"),
    ("closing before feedback",
     lambda L: ops.close(L, "r2021", "P2", date=D("2021-08-01"), evidence=PROOF, measure="M3"), None,
     "op-before-feedback", f"{P21}/1/measures/0"),
    ("before the previous status",
     lambda L: ops.record_progress(L, "r2021", "P1", status(State.IN_PROGRESS, "2021-08-20"), measure="M2"), None,
     "op-before-previous", f"{P21}/0/measures/1"),
    ("reopened before the closing", lambda L: ops.reopen(L, "r2021", "P3", date=D("2021-09-19")), None,
     "op-before-previous", f"{P21}/2"),
    ("history out of order in a new measure",
     lambda L: ops.add_measure(L, "r2021", "P2", measure("M9", status(State.IN_PROGRESS, "2021-10"),
                                                          status(State.COMPLETED, "2021-09-30"))), None,
     "op-before-previous", f"{P21}/1/measures/1"),
    ("regression", lambda L: ops.record_progress(L, "r2021", "P1", status(State.NOT_STARTED, "2021-10"),
                                                  measure="M1"), None, "op-regression", f"{P21}/0/measures/0"),
    ("regression in a new problem",
     lambda L: ops.add_problem(L, "r2021", new_problem(history=(status(State.IN_PROGRESS, "2021-09"),
                                                               status(State.NOT_STARTED, "2021-10")))), None,
     "op-regression", f"{P21}/3"),
    ("problem completed, measure in progress",
     lambda L: ops.record_progress(L, "r2021", "P1", status(State.COMPLETED, "2021-10")), None,
     "op-measures-not-done", f"{P21}/0"),
    ("problem closed, measure without status", lambda L: ops.close(L, "r2021", "P2", date=D("2021-10"),
                                                                    evidence=PROOF), None,
     "op-measures-not-done", f"{P21}/1"),
    ("new problem completed, measure not started",
     lambda L: ops.add_problem(L, "r2021", new_problem(history=(status(State.COMPLETED, "2021-10"),))), None,
     "op-measures-not-done", f"{P21}/3"),
    ("undone measure for a closed problem", lambda L: ops.add_measure(L, "r2021", "P3", measure("M9")), None,
     "op-problem-finished", f"{P21}/2/measures/1"),
    ("measure of a closed problem reopened", lambda L: ops.reopen(L, "r2021", "P3", date=D("2021-10"), measure="M4"),
     None, "op-problem-finished", f"{P21}/2/measures/0"),
    ("evidence lost", lambda L: ops.record_progress(L, "r2021", "P3", status(State.LONG_TERM, "2021-10"),
                                                     measure="M4"), None, "op-evidence-lost", f"{P21}/2/measures/0"),
    ("evidence lost on closing a measure", lambda L: ops.close(L, "r2021", "P3", date=D("2021-10"), measure="M4"),
     None, "op-no-evidence", f"{P21}/2/measures/0"),
    ("already closed", lambda L: ops.close(L, "r2021", "P3", date=D("2021-10"), evidence=PROOF), None,
     "op-already-closed", f"{P21}/2"),
    ("problem closed without evidence", lambda L: ops.close(L, "r2019", "P1", date=D("2019-07-30")), None,
     "op-no-evidence", "/inspections/0/problems/0"),
    ("measure closed without evidence",
     lambda L: ops.close(L, "r2021", "P1", date=D("2021-10"), measure="M1"), None,
     "op-no-evidence", f"{P21}/0/measures/0"),
    ("new measure closed without evidence",
     lambda L: ops.add_measure(L, "r2021", "P1", measure("M9", status(State.CLOSED, "2021-10"))), None,
     "op-no-evidence", f"{P21}/0/measures/2"),
    ("reopen in progress", lambda L: ops.reopen(L, "r2021", "P1", date=D("2021-10")), None,
     "op-not-done", f"{P21}/0"),
    ("reopen without status", lambda L: ops.reopen(L, "r2021", "P2", date=D("2021-10"), measure="M3"), None,
     "op-not-done", f"{P21}/1/measures/0"),
    ("record a closing", lambda L: ops.record_progress(L, "r2021", "P1", Status(State.CLOSED, D("2021-10"))), None,
     "op-wrong-operation", f"{P21}/0"),
    ("record a reopening", lambda L: ops.record_progress(L, "r2021", "P3", Status(State.REOPENED, D("2021-10"))),
     None, "op-wrong-operation", f"{P21}/2"),
    ("undated progress", lambda L: ops.record_progress(L, "r2021", "P1", Status(State.IN_PROGRESS), measure="M2"),
     None, "op-no-date", f"{P21}/0/measures/1"),
    ("link target missing", _link("r2021", "P2", "r2019", "P9"), None, "op-unknown-target", f"{P21}/1/links/0"),
    ("link target round missing", _link("r2021", "P2", "r2018", "P1"), None, "op-unknown-target", f"{P21}/1/links/0"),
    ("link within the round", _link("r2021", "P2", "r2021", "P1"), None, "op-same-inspection", f"{P21}/1/links/0"),
    ("link to a later round", _link("r2021", "P2", "r2023", "P1"), None, "op-not-earlier", f"{P21}/1/links/0"),
    ("link in a new problem to a later round", lambda L: ops.add_problem(L, "r2021", new_problem(links=(LATER,))),
     None, "op-not-earlier", f"{P21}/3/links/0"),
    ("link to an undated round", _link("r2021", "P2", "r2019", "P1"), _undated_r2019,
     "op-undated-round", f"{P21}/1/links/0"),
    ("link to a round without unit", _link("r2021", "P2", "r2019", "P1"), _no_unit_r2019,
     "op-no-unit", f"{P21}/1/links/0"),
    ("link to another unit", _link("r2021", "P2", "x2020", "Q1"), None, "op-unrelated-units", f"{P21}/1/links/0"),
    ("link twice", _link("r2021", "P1", "r2019", "P2"), None, "op-duplicate-link", f"{P21}/0/links/0"),
    ("link twice in a new problem",
     lambda L: ops.add_problem(L, "r2021", new_problem(links=(Link(LinkKind.RELATED, "r2019", "P1"),) * 2)), None,
     "op-duplicate-link", f"{P21}/3/links/0"),
    ("link closing a cycle", _link("r2021", "P2", "r2019", "P2"), _forward_link, "op-cycle", f"{P21}/1/links/0"),
    ("declared problems", lambda L: ops.add_problem(L, "r2019", new_problem(group="A1")), None,
     "op-count-mismatch", "/inspections/0/declared/problems"),
    ("declared completed",
     lambda L: ops.record_progress(L, "r2019", "P2", status(State.DEEMED_COMPLETED, "2019-07-28")),
     _with_p2_measure_done, "op-count-mismatch", "/inspections/0/declared/completed"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "prepare", "code", "pointer"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_refusal(
    call: Callable[[Ledger], Ledger], prepare: Callable[[Ledger], Ledger] | None, code: str, pointer: str
) -> None:
    ledger = rounds() if prepare is None else prepare(rounds())
    expected = {"link-forward-in-time"} if prepare is _forward_link else set()  # operations work on such ledgers too
    assert {
        d.rule for d in rectmodel.validate(ledger).diagnostics if d.severity is rectmodel.Severity.ERROR
    } == expected
    e = refused(call, ledger)
    assert (e.code, e.pointer) == (code, pointer), str(e)


def test_every_refusal_code_is_tested_and_has_both_templates() -> None:
    source = Path(ops.__file__).read_text(encoding="utf-8")
    codes = {OpCode[name].value for name in re.findall(r"OpCode\.([A-Z_]+)", source)}
    tested = {r[3] for r in REFUSALS} | {"op-would-break"}
    assert codes == tested
    assert codes <= set(MESSAGES)


def test_refusal_messages_name_the_facts() -> None:
    e = refused(REFUSALS[[r[0] for r in REFUSALS].index("problem closed, measure without status")][1])
    assert e.operation == "close"
    assert e.params == {"problem": "P2", "state": "closed", "measure": "M3", "measure_state": None}
    assert e.message() == 'problem "P2" cannot be closed: its measure "M3" has no status'
    assert e.message("zh") == "问题“P2”尚有整改措施“M3”未完成,不能销号"
    e = refused(_link("r2021", "P2", "x2020", "Q1"))
    assert e.message("zh") == "巡察“x2020”的被巡察单位“u9”既非单位“u1”,也非其前身"
    e = refused(_link("r2021", "P2", "r2019", "P2"), _forward_link(rounds()))
    assert e.params["path"] == "r2021/P2 → r2019/P2 → r2021/P2"
    e = refused(lambda L: ops.add_problem(L, "r2019", new_problem(group="A1")))
    assert e.message() == (
        "the inspection declares its counts, and the change would break them: 2 problems declared, 3 itemized"
    )
    assert e.message("zh") == "该巡察已声明数量,此项变更将使其不符:声明2个问题,实际列出3个问题"


def test_operation_error_is_a_value_error_and_pickles() -> None:
    e = refused(lambda L: ops.reopen(L, "r2021", "P1", date=D("2021-10")))
    assert isinstance(e, ValueError)
    assert isinstance(e, RectmodelError)
    copy = pickle.loads(pickle.dumps(e))
    assert (copy.operation, copy.code, copy.pointer, copy.params, str(copy)) == (
        e.operation, e.code, e.pointer, e.params, str(e),
    )  # fmt: skip


def test_an_existing_error_does_not_block_other_changes() -> None:
    ledger = rounds()
    broken = attrs.evolve(ledger.inspections[1].problems[1], measures=())  # problem-without-measure
    x = attrs.evolve(ledger.inspections[1], problems=(*ledger.inspections[1].problems[:1], broken,
                                                      *ledger.inspections[1].problems[2:]))  # fmt: skip
    ledger = attrs.evolve(ledger, inspections=(ledger.inspections[0], x, *ledger.inspections[2:]))
    assert rectmodel.validate(ledger).errors == 1
    after = ops.record_progress(ledger, "r2021", "P1", status(State.COMPLETED, "2021-10"), measure="M2")
    after = ops.add_measure(after, "r2021", "P2", measure("M9"))
    assert rectmodel.validate(after).errors == 0


def test_a_date_before_any_earlier_status_is_refused_not_only_before_the_last() -> None:
    vague = measure("M9", status(State.IN_PROGRESS, "2021-10-01"), Status(State.IN_PROGRESS, D("2021")))
    ledger = ops.add_measure(rounds(), "r2021", "P2", vague)
    late = status(State.IN_PROGRESS, "2021-09-01")
    e = refused(lambda L: ops.record_progress(L, "r2021", "P2", late, measure="M9"), ledger)
    assert (e.code, e.params["previous"]) == ("op-before-previous", "2021-10-01")
    # The rule says the same: it compares with every earlier dated status, not only the last.
    x = ledger.inspections[1]
    p2 = x.problems[1]
    m9 = attrs.evolve(vague, history=(*vague.history, late))
    p2 = attrs.evolve(p2, measures=(*p2.measures[:-1], m9))
    x = attrs.evolve(x, problems=(x.problems[0], p2, *x.problems[2:]))
    report = rectmodel.validate(attrs.evolve(ledger, inspections=(ledger.inspections[0], x, *ledger.inspections[2:])))
    m9_at = f"{P21}/1/measures/1/history"
    assert [(d.rule, d.pointer, d.params["other"], d.related) for d in report.diagnostics] == [
        ("dates-out-of-order", f"{m9_at}/2/date", "2021-10-01", (f"{m9_at}/0/date",))
    ]


def test_a_link_closing_a_second_cycle_through_a_knot_is_refused() -> None:
    # link-cycle reports one cycle per knot of links; an edit may add none, even to a knot already there.
    ledger = _forward_link(rounds())
    ledger = ops.link(ledger, "r2021", "P2", to_inspection="r2019", to_problem="P1", kind=LinkKind.RELATED)
    p1 = attrs.evolve(ledger.inspections[0].problems[0], links=(Link(LinkKind.RELATED, "r2021", "P2"),))
    x = attrs.evolve(ledger.inspections[0], problems=(p1, *ledger.inspections[0].problems[1:]))
    ledger = attrs.evolve(ledger, inspections=(x, *ledger.inspections[1:]))  # r2019/P1 ⇄ r2021/P2: a knot
    assert [d.rule for d in rectmodel.validate(ledger).diagnostics if d.rule == "link-cycle"] == ["link-cycle"]
    e = refused(_link("r2021", "P2", "r2019", "P2"), ledger)
    assert (e.code, e.pointer, e.params["path"]) == ("op-cycle", f"{P21}/1/links/1", "r2021/P2 → r2019/P2 → r2021/P2")


def test_a_new_error_of_any_rule_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def untitled(inspection: Inspection, ctx: object) -> Any:
        for i, p in enumerate(inspection.problems):
            if p.title == "待定":
                yield Fact(f"/problems/{i}/title", {"problem": p.id})

    example = Fact("/inspections/0/problems/0/title", {"problem": "P1"})
    monkeypatch.setitem(RULES, "no-placeholder-title", Rule("no-placeholder-title", Severity.ERROR, "",
                                                            "inspection", untitled, example))  # fmt: skip
    monkeypatch.setitem(MESSAGES, "no-placeholder-title", ('problem "{problem}" is untitled', "问题“{problem}”无标题"))
    e = refused(lambda L: ops.add_problem(L, "r2021", new_problem(title="待定")))
    assert (e.code, e.pointer) == ("op-would-break", f"{P21}/3/title")
    assert e.params["rules"] == "no-placeholder-title"
    assert e.message() == (f'the change would break no-placeholder-title ({P21}/3/title): problem "P4" is untitled')
    assert e.message("zh") == f"此项变更将违反规则 no-placeholder-title({P21}/3/title):问题“P4”无标题"


# The state machine: random operations on a valid ledger keep it valid.


def initial_ledgers() -> st.SearchStrategy[Ledger]:
    """The ledgers the machine starts from."""
    return st.one_of(st.just(rounds()), ledgers())


def _rarely(data: st.DataObject, label: str) -> bool:
    """True about once in twenty draws (at a middle value: Hypothesis favours the ends of a range)."""
    return data.draw(st.integers(0, 19), label=label) == 7


def _pick(data: st.DataObject, existing: list[str], missing: str, label: str) -> str:
    """Mostly one of *existing*, now and then *missing*."""
    if existing and not _rarely(data, f"no such {label}?"):
        return data.draw(st.sampled_from(existing), label=label)
    return missing


def _round_date(x: Inspection) -> PartialDate | None:
    dates = (x.start, x.end, x.feedback_date, x.plan_date, x.as_of, x.report_date)
    return next((d for d in dates if d is not None), None)


def _last_date(history: tuple[Status, ...]) -> PartialDate | None:
    return next((s.date for s in reversed(history) if s.date is not None), None)


class LedgerMachine(RuleBasedStateMachine):
    """Apply random operations; a refusal leaves the ledger as it was, a success keeps it valid."""

    def __init__(self) -> None:
        super().__init__()
        self.ledger = Ledger()
        self.fresh = 0

    @initialize(ledger=initial_ledgers())
    def start(self, ledger: Ledger) -> None:
        self.ledger = ledger

    # Drawing plausible arguments from the current ledger.

    def new_id(self, prefix: str) -> str:
        self.fresh += 1
        return f"{prefix}{self.fresh}"

    def inspection(self, inspection_id: str) -> Inspection | None:
        return next((x for x in self.ledger.inspections if x.id == inspection_id), None)

    def draw_target(self, data: st.DataObject, *, measure: bool) -> tuple[str, str, str | None]:
        x_id = _pick(data, [x.id for x in self.ledger.inspections], "no-such-round", "inspection")
        x = self.inspection(x_id)
        p_id = _pick(data, [p.id for p in x.problems] if x else [], "no-such-problem", "problem")
        if not measure:
            return x_id, p_id, None
        p = next((p for p in x.problems if p.id == p_id), None) if x else None
        return x_id, p_id, _pick(data, [m.id for m in p.measures] if p else [], "no-such-measure", "measure")

    def anchor(self, x_id: str, p_id: str, m_id: str | None) -> PartialDate | None:
        """The date to draw new dates around: the item's last, else the round's feedback or first date."""
        x = self.inspection(x_id)
        if x is None:
            return None
        p = next((p for p in x.problems if p.id == p_id), None)
        m = next((m for m in p.measures if m.id == m_id), None) if p and m_id else None
        item = m or p
        last = _last_date(item.history) if item else None
        return last or x.feedback_date or x.start or x.end or x.plan_date or x.as_of or x.report_date

    def draw_date(self, data: st.DataObject, anchor: PartialDate | None) -> PartialDate:
        day = (anchor.last if anchor else dt.date(2021, 1, 1)) + dt.timedelta(days=data.draw(st.integers(-20, 60)))
        if data.draw(st.integers(0, 4), label="month only?") == 0:
            return PartialDate(day.year, day.month)
        return PartialDate.from_date(day)

    def draw_link_target(self, data: st.DataObject, x_id: str) -> tuple[str, str]:
        """Mostly a problem of a round certainly earlier than *x_id*'s, else any problem, or none."""
        x = self.inspection(x_id)
        when = _round_date(x) if x else None
        earlier = [
            (y.id, p.id)
            for y in self.ledger.inspections
            if when is not None and (d := _round_date(y)) is not None and d.certainly_before(when)
            for p in y.problems
        ]
        if earlier and data.draw(st.integers(0, 2), label="an earlier round?") != 1:
            return data.draw(st.sampled_from(earlier), label="link to")
        targets = [(y.id, p.id) for y in self.ledger.inspections for p in y.problems] + [("r0", "P0")]
        return data.draw(st.sampled_from(targets), label="link to")

    def draw_history(self, data: st.DataObject, anchor: PartialDate | None) -> tuple[Status, ...]:
        history: list[Status] = []
        for _ in range(data.draw(st.integers(0, 2), label="statuses")):
            state = data.draw(st.sampled_from([*State, State.COMPLETED, State.IN_PROGRESS]))
            date = self.draw_date(data, _last_date(tuple(history)) or anchor)
            evidence = () if _rarely(data, "no evidence?") else PROOF
            history.append(Status(state, date, evidence=evidence))
        return tuple(history)

    def draw_measure(self, data: st.DataObject, x: Inspection | None) -> Measure:
        taken = [m.id for p in x.problems for m in p.measures] if x else []
        m_id = data.draw(st.sampled_from(taken)) if taken and _rarely(data, "id taken?") else self.new_id("new-M")
        responsibility = data.draw(st.sampled_from([None, NOBODY])) if _rarely(data, "nobody?") else WHO
        anchor = x.feedback_date if x else None
        deadline = self.draw_date(data, anchor) if data.draw(st.booleans()) else None
        history = self.draw_history(data, anchor) if data.draw(st.integers(0, 2)) == 0 else ()
        return Measure(m_id, "整改措施", responsibility=responsibility, deadline=deadline, history=history)

    def apply(self, name: str, change: Callable[[Ledger], Ledger]) -> Ledger | None:
        """Apply *change*; keep its result, or on a refusal check it and keep the ledger as it was."""
        before = self.ledger
        text = rectmodel.dumps(before)
        try:
            after: Ledger | OperationError = change(before)
        except OperationError as e:
            after = e
        assert rectmodel.dumps(before) == text, "the input ledger changed"
        if isinstance(after, OperationError):
            event(f"{name}: {after.code}")
            note(str(after))
            assert after.operation == name
            assert after.code != "op-would-break", f"an explicit check is missing: {after}"
            assert after.message("en")
            assert CJK.search(after.message("zh"))
            return None
        event(f"{name}: ok")
        assert after != before
        assert len(after.inspections) == len(before.inspections)
        self.ledger = after
        return after

    # The operations.

    @rule(data=st.data())
    def add_problem(self, data: st.DataObject) -> None:
        x_id = _pick(data, [x.id for x in self.ledger.inspections], "no-such-round", "inspection")
        x = self.inspection(x_id)
        existing = [p.id for p in x.problems] if x else []
        p_id = data.draw(st.sampled_from(existing)) if existing and _rarely(data, "id taken?") else self.new_id("new-P")
        groups = [g.id for g in x.groups] if x else []
        group = "no-such-group" if _rarely(data, "no such group?") else data.draw(st.sampled_from([None, *groups]))
        count = 0 if _rarely(data, "no measure?") else data.draw(st.integers(1, 2), label="measures")
        measures = tuple(self.draw_measure(data, x) for _ in range(count))
        history = self.draw_history(data, x.feedback_date if x else None) if data.draw(st.integers(0, 2)) == 0 else ()
        links: tuple[Link, ...] = ()
        if data.draw(st.integers(0, 2)) == 0:
            to_x, to_p = self.draw_link_target(data, x_id)
            links = (Link(data.draw(st.sampled_from(LinkKind)), to_x, to_p),)
        problem = Problem(p_id, "问题", group=group, measures=measures, history=history, links=links)
        after = self.apply("add_problem", lambda L: ops.add_problem(L, x_id, problem))
        if after is not None:
            assert next(y for y in after.inspections if y.id == x_id).problems[-1] == problem

    @rule(data=st.data())
    def add_measure(self, data: st.DataObject) -> None:
        x_id, p_id, _ = self.draw_target(data, measure=False)
        new = self.draw_measure(data, self.inspection(x_id))
        after = self.apply("add_measure", lambda L: ops.add_measure(L, x_id, p_id, new))
        if after is not None:
            x = next(y for y in after.inspections if y.id == x_id)
            assert next(p for p in x.problems if p.id == p_id).measures[-1] == new

    def changed_item(self, ledger: Ledger, x_id: str, p_id: str, m_id: str | None) -> Problem | Measure:
        x = next(y for y in ledger.inspections if y.id == x_id)
        p = next(p for p in x.problems if p.id == p_id)
        return p if m_id is None else next(m for m in p.measures if m.id == m_id)

    def draw_item(self, data: st.DataObject) -> tuple[str, str, str | None]:
        x_id, p_id, m_id = self.draw_target(data, measure=True)
        return (x_id, p_id, m_id if data.draw(st.integers(0, 2), label="of a measure?") else None)

    @rule(data=st.data())
    def record_progress(self, data: st.DataObject) -> None:
        x_id, p_id, m_id = self.draw_item(data)
        state = data.draw(st.sampled_from([*State, State.IN_PROGRESS, State.COMPLETED, State.COMPLETED]))
        date = None if _rarely(data, "undated?") else self.draw_date(data, self.anchor(x_id, p_id, m_id))
        new = Status(state, date, note=data.draw(st.sampled_from([None, "持续推进"])))
        after = self.apply("record_progress", lambda L: ops.record_progress(L, x_id, p_id, new, measure=m_id))
        if after is not None:
            assert self.changed_item(after, x_id, p_id, m_id).history[-1] == new

    @rule(data=st.data())
    def close(self, data: st.DataObject) -> None:
        x_id, p_id, m_id = self.draw_item(data)
        date = self.draw_date(data, self.anchor(x_id, p_id, m_id))
        evidence = () if data.draw(st.integers(0, 3)) == 1 else PROOF
        after = self.apply("close", lambda L: ops.close(L, x_id, p_id, date=date, evidence=evidence, measure=m_id))
        if after is not None:
            assert self.changed_item(after, x_id, p_id, m_id).history[-1] == Status(State.CLOSED, date, None, evidence)

    @rule(data=st.data())
    def reopen(self, data: st.DataObject) -> None:
        done = [
            (x.id, p.id, m.id if m else None)
            for x in self.ledger.inspections
            for p in x.problems
            for m in (None, *p.measures)
            if (m or p).history
            and (m or p).history[-1].state.is_done
            and (m is None or not (p.history and p.history[-1].state in (State.COMPLETED, State.CLOSED)))
        ]
        if done and data.draw(st.integers(0, 2), label="a done item?") != 1:
            x_id, p_id, m_id = data.draw(st.sampled_from(done), label="done item")
        else:
            x_id, p_id, m_id = self.draw_item(data)
        date = self.draw_date(data, self.anchor(x_id, p_id, m_id))
        after = self.apply("reopen", lambda L: ops.reopen(L, x_id, p_id, date=date, measure=m_id))
        if after is not None:
            assert self.changed_item(after, x_id, p_id, m_id).history[-1] == Status(State.REOPENED, date)

    @rule(data=st.data())
    def link(self, data: st.DataObject) -> None:
        x_id, p_id, _ = self.draw_target(data, measure=False)
        to_x, to_p = self.draw_link_target(data, x_id)
        kind = data.draw(st.sampled_from(LinkKind))
        after = self.apply("link", lambda L: ops.link(L, x_id, p_id, to_inspection=to_x, to_problem=to_p, kind=kind))
        if after is not None:
            problem = self.changed_item(after, x_id, p_id, None)
            assert isinstance(problem, Problem)
            assert problem.links[-1] == Link(kind, to_x, to_p)

    @invariant()
    def keeps_every_error_rule(self) -> None:
        errors = [str(d) for d in rectmodel.validate(self.ledger).diagnostics if d.severity is Severity.ERROR]
        assert errors == []

    @invariant()
    def round_trips(self) -> None:
        assert rectmodel.loads(rectmodel.dumps(self.ledger)) == self.ledger


LedgerMachine.TestCase.settings = settings(stateful_step_count=20, deadline=None)
TestLedgerOperations = LedgerMachine.TestCase

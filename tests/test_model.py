"""The model: immutable values, and the invariants it states once for every rule, reader and writer."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from rectmodel import (
    Group,
    GroupLevel,
    Inspection,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    State,
    Status,
)
from rectmodel import strategies as S
from rectmodel.model import COUNT_LEVELS, DATE_CHAIN, OUTCOME_STATES, OUTCOMES, DeclaredCounts, itemize


def test_ledger_values_are_frozen() -> None:
    measure = Measure("M1", "整改")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        measure.text = "别的"  # type: ignore[misc]


def test_equal_values_are_equal_and_hash_alike() -> None:
    a = Problem("P1", "问题", measures=(Measure("M1", "整改"),))
    b = Problem("P1", "问题", measures=(Measure("M1", "整改"),))
    assert a == b
    assert hash(a) == hash(b)
    assert a != attrs.evolve(a, title="另一问题")


def test_done_states_are_the_rectified_ones_and_finished_ones_are_done() -> None:
    done = {s for s in State if s.is_done}
    finished = {s for s in State if s.is_finished}
    assert done == {State.COMPLETED, State.DEEMED_COMPLETED, State.LONG_TERM, State.CLOSED}
    assert finished == {State.COMPLETED, State.CLOSED}
    assert finished <= done


def test_progress_orders_the_states_and_a_reopening_is_off_the_scale() -> None:
    assert State.NOT_STARTED.progress == 0
    assert State.NOT_STARTED.progress < State.IN_PROGRESS.progress < State.COMPLETED.progress  # type: ignore[operator]
    assert State.COMPLETED.progress == State.DEEMED_COMPLETED.progress == State.LONG_TERM.progress
    assert State.CLOSED.progress == max(p for s in State if (p := s.progress) is not None)
    assert State.REOPENED.progress is None


def test_every_declared_outcome_names_the_states_it_counts() -> None:
    assert set(OUTCOMES) == set(OUTCOME_STATES)
    assert set(OUTCOMES) | set(COUNT_LEVELS) | {"completion_rate"} == {f.name for f in attrs.fields(DeclaredCounts)}
    # Every state is counted as completed, as long-term, or as not completed: the three cover a report.
    for state in State:
        counted = [name for name in ("completed", "long_term", "not_completed") if state in OUTCOME_STATES[name]]
        assert len(counted) == 1, state
    assert OUTCOME_STATES["in_progress"] <= OUTCOME_STATES["not_completed"]


def test_the_date_chain_names_the_inspection_dates_in_the_order_they_happen() -> None:
    fields = [f.name for f in attrs.fields(Inspection)]
    assert set(DATE_CHAIN) <= set(fields)
    assert sorted(DATE_CHAIN, key=fields.index) == list(DATE_CHAIN)
    assert DATE_CHAIN[0] == "start"
    assert DATE_CHAIN[-1] == "report_date"


def test_the_current_status_is_the_last_of_the_history() -> None:
    history = (Status(State.IN_PROGRESS), Status(State.COMPLETED))
    assert Measure("M1", "整改", history=history).status == Status(State.COMPLETED)
    assert Problem("P1", "问题", history=history).status == Status(State.COMPLETED)
    assert Measure("M1", "整改").status is None
    assert Problem("P1", "问题").status is None


def test_a_responsibility_is_empty_only_when_it_names_nobody() -> None:
    assert Responsibility().is_empty
    assert not Responsibility(departments=("办公室",)).is_empty
    assert not Responsibility(persons=("王伟",)).is_empty
    assert not Responsibility(leaders=("张强局长",)).is_empty


def test_itemize_counts_as_a_preamble_counts() -> None:
    """A category-level problem counts as a category, a task as a task, not as a problem or a measure."""
    inspection = Inspection(
        "i1",
        groups=(
            Group("A1", GroupLevel.ASPECT, "方面一"),
            Group("A1-C1", GroupLevel.CATEGORY, "类一", "A1"),
            Group("A2", GroupLevel.ASPECT, "方面二"),
        ),
        problems=(
            Problem("P1", "问题", group="A1-C1", measures=(Measure("M1", "措施"), Measure("M2", "措施"))),
            Problem(
                "P2",
                "一类问题",
                level=ProblemLevel.CATEGORY,
                group="A2",
                measures=(Measure("M3", "任务", level=MeasureLevel.TASK),),
            ),
        ),
    )
    counts = itemize(inspection)
    assert (counts.aspects, counts.categories, counts.problems, counts.tasks, counts.measures) == (2, 2, 1, 1, 2)
    assert itemize(Inspection("empty")) == itemize(Inspection("other"))
    assert attrs.astuple(itemize(Inspection("empty"))) == (0, 0, 0, 0, 0)


@given(S.inspections())
def test_itemized_counts_add_up_to_what_the_inspection_lists(inspection: Inspection) -> None:
    counts = itemize(inspection)
    assert counts.aspects + counts.categories >= len(inspection.groups)
    assert counts.problems + counts.categories == len(inspection.problems) + sum(
        g.level is GroupLevel.CATEGORY for g in inspection.groups
    )
    assert counts.tasks + counts.measures == sum(len(p.measures) for p in inspection.problems)

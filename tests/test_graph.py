"""The graph across rounds: link rules, cross-file references, and queries with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectmodel import (
    Inspection,
    InspectionKind,
    Ledger,
    Link,
    LinkKind,
    PartialDate,
    Problem,
    State,
    Status,
    Succession,
    dump,
    validate,
)
from rectmodel.cli import main
from rectmodel.graph import (
    build_graph,
    carried_over,
    node_key,
    recurrence_chain,
    recurring,
    unit_history,
)

D = PartialDate.parse
LINK_RULES = {"link-forward-in-time", "link-unit-mismatch", "link-cycle", "dangling-reference"}


def _round(id_: str, unit: str | None, start: str | None, *problems: Problem, kind: str = "regular") -> Inspection:
    return Inspection(
        id_,
        InspectionKind(kind),
        "市委巡察组",
        "某局党组",
        unit=unit,
        start=D(start) if start else None,
        problems=problems,
    )


def _p(id_: str, *links: Link, state: State | None = None, title: str = "") -> Problem:
    history = (Status(state),) if state else ()
    return Problem(id_, title or f"问题{id_}", history=history, links=links)


def _link(inspection: str, problem: str, kind: LinkKind = LinkKind.RECURRENCE) -> Link:
    return Link(kind, inspection, problem)


def _found(ledger: Ledger, others: tuple[Ledger, ...] = ()) -> set[tuple[str, str]]:
    return {(d.rule, d.pointer) for d in validate(ledger, others=others).diagnostics if d.rule in LINK_RULES}


# --- rules ---------------------------------------------------------------------------------------------


def test_links_back_in_time_within_a_unit_are_clean() -> None:
    ledger = Ledger(
        (_round("r1", "ju", "2019-04", _p("P1")), _round("r2", "ju", "2022-05", _p("P1", _link("r1", "P1"))))
    )
    assert _found(ledger) == set()


def test_link_to_a_later_round_is_forward_in_time() -> None:
    ledger = Ledger(
        (_round("r1", "ju", "2019-04", _p("P1", _link("r2", "P1"))), _round("r2", "ju", "2022-05", _p("P1")))
    )
    (d,) = [d for d in validate(ledger).diagnostics if d.rule == "link-forward-in-time"]
    assert d.pointer == "/inspections/0/problems/0/links/0"
    assert d.params == {"target": "r2/P1", "reason": "later", "date": "2019-04", "target_date": "2022-05"}
    assert "2022-05" in d.message("zh")


def test_link_within_the_same_round_is_forward_in_time() -> None:
    ledger = Ledger((_round("r1", "ju", None, _p("P1", _link("r1", "P2")), _p("P2")),))
    assert _found(ledger) == {("link-forward-in-time", "/inspections/0/problems/0/links/0")}


def test_overlapping_partial_dates_do_not_count_as_forward() -> None:
    """2022 and 2022-05 may be either order: the rule only speaks when every reading agrees."""
    ledger = Ledger((_round("r1", "ju", "2022-05", _p("P1")), _round("r2", "ju", "2022", _p("P1", _link("r1", "P1")))))
    assert _found(ledger) == set()
    undated = Ledger((_round("r1", "ju", None, _p("P1")), _round("r2", "ju", None, _p("P1", _link("r1", "P1")))))
    assert _found(undated) == set()


def test_link_across_units_needs_a_succession() -> None:
    rounds = (_round("r1", "xxzx", "2019-04", _p("P1")), _round("r2", "sjj", "2022-05", _p("P1", _link("r1", "P1"))))
    assert _found(Ledger(rounds)) == {("link-unit-mismatch", "/inspections/1/problems/0/links/0")}
    renamed = Ledger(rounds, (Succession("xxzx", "sjj", D("2021-01")),))
    assert _found(renamed) == set()
    two_steps = Ledger(rounds, (Succession("xxzx", "mid"), Succession("mid", "sjj")))
    assert _found(two_steps) == set()
    no_unit = Ledger((_round("r1", None, "2019-04", _p("P1")), rounds[1]))
    assert _found(no_unit) == set()


def test_succession_declared_in_another_file_counts() -> None:
    rounds = (_round("r1", "xxzx", "2019-04", _p("P1")), _round("r2", "sjj", "2022-05", _p("P1", _link("r1", "P1"))))
    assert _found(Ledger(rounds), others=(Ledger((), (Succession("xxzx", "sjj"),)),)) == set()


def test_cycle_is_reported_once_at_its_first_link() -> None:
    ledger = Ledger(
        (
            _round("r1", "ju", None, _p("P1", _link("r2", "P1"))),
            _round("r2", "ju", None, _p("P1", _link("r1", "P1"))),
        )
    )
    (d,) = [d for d in validate(ledger).diagnostics if d.rule == "link-cycle"]
    assert d.pointer == "/inspections/0/problems/0/links/0"
    assert d.related == ("/inspections/1/problems/0/links/0",)
    assert d.params["length"] == 2
    assert d.params["cycle"] in ("r1/P1 → r2/P1 → r1/P1", "r2/P1 → r1/P1 → r2/P1")


def test_self_link_is_a_cycle_and_same_round() -> None:
    ledger = Ledger((_round("r1", "ju", None, _p("P1", _link("r1", "P1"))),))
    assert _found(ledger) == {
        ("link-cycle", "/inspections/0/problems/0/links/0"),
        ("link-forward-in-time", "/inspections/0/problems/0/links/0"),
    }


def test_a_chain_without_cycle_is_clean() -> None:
    ledger = Ledger(
        (
            _round("r1", "ju", "2017", _p("P1")),
            _round("r2", "ju", "2019", _p("P1", _link("r1", "P1"))),
            _round("r3", "ju", "2022", _p("P1", _link("r2", "P1"), _link("r1", "P1"))),
        )
    )
    assert _found(ledger) == set()


def test_links_into_another_file_resolve_and_dangle_when_missing() -> None:
    earlier = Ledger((_round("r1", "ju", "2019-04", _p("P1")),))
    later = Ledger((_round("r2", "ju", "2022-05", _p("P1", _link("r1", "P1")), _p("P2", _link("r1", "P9"))),))
    assert _found(later) == {
        ("dangling-reference", "/inspections/0/problems/0/links/0"),
        ("dangling-reference", "/inspections/0/problems/1/links/0"),
    }
    assert _found(later, others=(earlier,)) == {("dangling-reference", "/inspections/0/problems/1/links/0")}


def test_cli_validate_resolves_links_across_the_files_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    earlier = tmp_path / "2019.json"
    later = tmp_path / "2022.json"
    dump(Ledger((_round("r1", "ju", "2019-04", _p("P1")),)), earlier)
    dump(Ledger((_round("r2", "ju", "2022-05", _p("P1", _link("r1", "P1"))),)), later)
    main(["validate", "--format", "json", "--select", ",".join(sorted(LINK_RULES)), str(later)])
    alone = json.loads(capsys.readouterr().out)
    assert [d["rule"] for f in alone["files"] for d in f["diagnostics"]] == ["dangling-reference"]
    assert main(["validate", "--select", ",".join(sorted(LINK_RULES)), str(earlier), str(later)]) == 0


# --- graph and queries ----------------------------------------------------------------------------


def _history_ledger() -> Ledger:
    """Four rounds of a unit renamed between the second and the third, with one unrelated unit."""
    return Ledger(
        (
            _round(
                "2016",
                "xxzx",
                "2016-03",
                _p("A", state=State.CLOSED, title="公车私用"),
                _p("B", state=State.COMPLETED),
                _p("C"),
            ),
            _round(
                "2019",
                "xxzx",
                "2019-05",
                _p("A", _link("2016", "A"), state=State.IN_PROGRESS, title="公车私用依然存在"),
                _p("D", _link("2016", "B", LinkKind.RELATED), state=State.COMPLETED),
            ),
            _round(
                "2022",
                "sjj",
                "2022-06",
                _p("A", _link("2019", "A", LinkKind.INCOMPLETE_RECTIFICATION), title="公车管理片面整改"),
                _p("E", _link("2016", "C")),
            ),
            _round("2023", "sjj", "2023-09", _p("A", _link("2022", "A", LinkKind.LOOK_BACK_REVIEW)), kind="lookback"),
            _round("x2020", "other", "2020-01", _p("Z")),
        ),
        (Succession("xxzx", "sjj", D("2021-01")),),
    )


def test_graph_has_a_node_per_problem_and_an_edge_per_link() -> None:
    graph = build_graph(_history_ledger())
    assert graph.number_of_nodes() == 9
    assert graph.number_of_edges() == 5
    a = graph.nodes[node_key("2022", "A")]
    assert (a["unit"], a["lineage"], a["date"], a["kind"], a["title"]) == (
        "sjj",
        "sjj",
        "2022-06",
        "regular",
        "公车管理片面整改",
    )
    assert graph.nodes[node_key("2016", "A")]["status"] == "closed"
    assert [d["kind"] for _, _, d in graph.out_edges(node_key("2022", "A"), data=True)] == ["incomplete_rectification"]
    assert graph.has_edge(node_key("2022", "A"), node_key("2019", "A"))  # later → earlier


def test_graph_keeps_links_to_missing_problems_and_escapes_keys() -> None:
    ledger = Ledger((_round("a/b", "u", None, _p("~1", _link("gone", "P1"))),))
    graph = build_graph(ledger)
    assert node_key("a/b", "~1") == "a~1b/~01"
    assert graph.nodes[node_key("gone", "P1")]["missing"] is True
    assert graph.number_of_edges() == 1


def test_graph_from_many_files_joins_them() -> None:
    ledger = _history_ledger()
    parts = [Ledger(ledger.inspections[:2], ledger.successions), Ledger(ledger.inspections[2:])]
    whole, split = build_graph(ledger), build_graph(*parts)
    assert set(whole.nodes) == set(split.nodes)
    assert sorted(whole.edges) == sorted(split.edges)
    assert not any(missing for _, missing in split.nodes(data="missing"))


def test_recurrence_chain_follows_recurring_links_both_ways_in_time_order() -> None:
    graph = build_graph(_history_ledger())
    chain = recurrence_chain(graph, "2019", "A")
    assert [(p.inspection, p.problem) for p in chain] == [("2016", "A"), ("2019", "A"), ("2022", "A"), ("2023", "A")]
    assert [p.unit for p in chain] == ["xxzx", "xxzx", "sjj", "sjj"]
    # ``related`` is not "the same problem": D stays alone.
    assert [(p.inspection, p.problem) for p in recurrence_chain(graph, "2019", "D")] == [("2019", "D")]
    with pytest.raises(KeyError):
        recurrence_chain(graph, "2019", "nope")


def test_recurring_problems_by_number_of_rounds() -> None:
    graph = build_graph(_history_ledger())
    found = recurring(graph, 2)
    assert [(r.rounds, [p.inspection + "/" + p.problem for p in r.problems]) for r in found] == [
        (4, ["2016/A", "2019/A", "2022/A", "2023/A"]),
        (2, ["2016/C", "2022/E"]),
    ]
    assert [r.rounds for r in recurring(graph, 3)] == [4]
    assert recurring(graph, 5) == []
    assert recurring(graph, 2, unit="other") == []
    assert len(recurring(graph, 2, unit="xxzx")) == 2  # an old name finds the lineage


def test_carried_over_marks_closures_a_later_round_contradicts() -> None:
    graph = build_graph(_history_ledger())
    found = carried_over(graph)
    assert [(c.problem.inspection, c.problem.problem, c.recorded_done) for c in found] == [
        ("2016", "A", True),  # closed in 2016, found again in 2019
        ("2016", "C", False),
        ("2019", "A", False),
    ]
    assert [(p.inspection, p.problem) for p in found[0].found_again] == [("2019", "A")]
    # The look-back review of 2022/A alone does not carry it over; related links do not either.
    assert ("2022", "A") not in {(c.problem.inspection, c.problem.problem) for c in found}


def test_unit_history_follows_the_succession() -> None:
    graph = build_graph(_history_ledger())
    history = unit_history(graph, "xxzx")
    assert history.unit == "sjj"
    assert history.names == ("sjj", "xxzx")
    assert [(r.inspection, r.unit, r.kind, r.problems, r.recurring, r.open) for r in history.rounds] == [
        ("2016", "xxzx", "regular", 3, 0, 1),
        ("2019", "xxzx", "regular", 2, 1, 1),
        ("2022", "sjj", "regular", 2, 2, 2),
        ("2023", "sjj", "lookback", 1, 1, 1),
    ]
    assert history.problems == 8
    assert history.recurring == 2
    assert [(p.inspection, p.problem) for p in history.open] == [
        ("2016", "C"),
        ("2019", "A"),
        ("2022", "A"),
        ("2022", "E"),
        ("2023", "A"),
    ]
    assert len(history.carried_over) == 3
    assert unit_history(graph, "sjj") == history
    with pytest.raises(KeyError):
        unit_history(graph, "nobody")


def test_the_multi_round_example_has_three_rounds_recurrences_and_a_look_back() -> None:
    from rectmodel import load

    from support import ROOT

    ledger = load(ROOT / "examples" / "synthetic-multi-round.json")
    graph = build_graph(ledger)
    (unit,) = {x.unit for x in ledger.inspections if x.unit} - {s.old for s in ledger.successions}
    history = unit_history(graph, unit)
    assert len(history.rounds) >= 3
    assert "lookback" in {r.kind for r in history.rounds}
    assert recurring(graph, 2, unit=unit)

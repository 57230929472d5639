"""Rounds across time: unit lineages, round dates, node keys, and the link graph the link rules and batches share."""

from __future__ import annotations

import pytest

from rectmodel import Inspection, InspectionKind, Ledger, Link, LinkKind, PartialDate, Problem, Succession
from rectmodel.units import LinkGraph, LinkIndex, Shard, Units, iter_links, node_key, node_name, round_date

D = PartialDate.parse


def _linked(id_: str, unit: str, *links: Link, start: str | None = None) -> Inspection:
    return Inspection(id_, unit=unit, start=D(start) if start else None, problems=(Problem("P1", "问题", links=links),))


def test_units_follow_renamings_mergers_and_splits() -> None:
    units = Units(
        [Succession("a", "b"), Succession("b", "c"), Succession("x", "c"), Succession("s", "t1"), Succession("s", "t2")]
    )
    assert {units.lineage(u) for u in ("a", "b", "c", "x")} == {"c"}
    assert units.members("c") == ("a", "b", "c", "x")
    assert units.lineage("s") == units.lineage("t2") == "t1+t2"
    assert units.same("a", "x")
    assert not units.same("a", "s")
    assert units.lineage("alone") == "alone"


def test_units_of_ledgers_gather_the_successions_of_every_document() -> None:
    first, second = Ledger(successions=(Succession("a", "b"),)), Ledger(successions=(Succession("b", "c"),))
    assert Units.of([first, second]).same("a", "c")
    assert not Units.of([first]).same("a", "c")


def test_round_date_is_the_earliest_stated() -> None:
    assert round_date(Inspection("r")) is None
    x = Inspection("r", InspectionKind.REGULAR, "组", "单位", feedback_date=D("2021-08-04"), report_date=D("2021-10"))
    assert round_date(x) == D("2021-08-04")
    assert round_date(Inspection("r", start=D("2020"), feedback_date=D("2019-01-01"))) == D("2020")


@pytest.mark.parametrize(
    ("inspection", "problem"), [("2024", "P1"), ("2024/一", "P~1"), ("a/b", "c/d"), ("~0", "~1"), ("", "")]
)
def test_a_node_key_names_one_problem_and_reads_back(inspection: str, problem: str) -> None:
    key = node_key(inspection, problem)
    assert key.count("/") == 1  # the separator is the only slash: ids are escaped as in JSON Pointer
    assert node_name(key) == f"{inspection}/{problem}"


def test_node_keys_of_different_problems_differ() -> None:
    assert node_key("a/b", "c") != node_key("a", "b/c")


def test_iter_links_yields_every_link_where_the_document_holds_it() -> None:
    earlier = Link(LinkKind.RECURRENCE, "r1", "P1")
    related = Link(LinkKind.RELATED, "r1", "P2")
    ledger = Ledger((Inspection("r1"), _linked("r2", "u", earlier, related)))
    sites = list(iter_links(ledger))
    assert [s.pointer for s in sites] == ["/inspections/1/problems/0/links/0", "/inspections/1/problems/0/links/1"]
    assert [(s.source, s.target) for s in sites] == [("r2/P1", "r1/P1"), ("r2/P1", "r1/P2")]
    assert sites[0].link is earlier


def test_a_link_graph_finds_a_path_and_says_when_there_is_none() -> None:
    graph = LinkGraph([("c", "b"), ("b", "a"), ("c", "x")])
    assert graph.path("c", "a") == ["c", "b", "a"]
    assert graph.path("a", "a") == ["a"]
    assert graph.path("a", "c") is None
    assert graph.path("nowhere", "a") is None


def test_a_link_graph_gives_one_cycle_per_knot_and_none_for_a_chain() -> None:
    assert list(LinkGraph([("c", "b"), ("b", "a")]).cycles()) == []
    assert list(LinkGraph([("a", "a")]).cycles()) == [["a"]]
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y"), ("y", "x")]
    cycles = list(LinkGraph(edges).cycles())
    assert sorted(sorted(c) for c in cycles) == [["a", "b", "c"], ["x", "y"]]
    for cycle in cycles:  # each is a real cycle: every step is an edge, and the last leads back to the first
        assert all(step in edges for step in zip(cycle, [*cycle[1:], cycle[0]], strict=True))


def test_a_long_chain_of_links_does_not_exhaust_the_stack() -> None:
    n = 20_000
    graph = LinkGraph((str(k + 1), str(k)) for k in range(n))
    assert list(graph.cycles()) == []
    graph.add("0", str(n))
    (cycle,) = graph.cycles()
    assert len(cycle) == n + 1


def test_a_link_index_slices_out_what_one_document_consults() -> None:
    """A batch sends each file only the rounds its links name, their lineages and the cycles it is on."""
    first = Ledger((_linked("r1", "old", Link(LinkKind.RECURRENCE, "r2", "P1"), start="2019"),))
    second = Ledger(
        (_linked("r2", "new", Link(LinkKind.RECURRENCE, "r1", "P1"), start="2022"), Inspection("r3", unit="other")),
        (Succession("old", "new"),),
    )
    shards = [Shard.of(first), Shard.of(second)]
    index = LinkIndex.of(shards)
    assert set(index.rounds) == {"r1", "r2", "r3"}
    assert index.same("old", "new")
    assert not index.same("old", "other")
    assert [sorted(c) for c in index.cycles] == [["r1/P1", "r2/P1"]]
    part = index.slice(shards[0])
    assert set(part.rounds) == {"r2"}
    assert part.rounds["r2"].date == D("2022")
    assert part.lineages == {"old": index.lineage("old"), "new": index.lineage("new")}
    assert part.cycles == index.cycles
    assert LinkIndex.of([Shard.of(Ledger((Inspection("r9"),)))]).slice(Shard.of(first)).cycles == ()

"""Building the graph across rounds from ledgers, and the queries over it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import attrs
import networkx as nx

from .._pointer import escape
from ..model import Inspection, Ledger, LinkKind, State
from ..units import RECURRING_KINDS, Units, node_key, round_date

__all__ = [
    "CarriedOver",
    "ProblemRef",
    "Recurrence",
    "RoundSummary",
    "UnitHistory",
    "build_graph",
    "carried_over",
    "recurrence_chain",
    "recurring",
    "unit_history",
]


def _attributes(inspection: Inspection, units: Units) -> dict[str, Any]:
    """Node attributes shared by every problem of an inspection (no ``None``: GraphML has no null)."""
    attributes: dict[str, Any] = {"inspection": inspection.id, "kind": str(inspection.kind)}
    if inspection.unit is not None:
        attributes["unit"] = inspection.unit
        attributes["lineage"] = units.lineage(inspection.unit)
    if inspection.round is not None:
        attributes["round"] = inspection.round
    date = round_date(inspection)
    if date is not None:
        attributes["date"] = date.isoformat()
    return attributes


def build_graph(*ledgers: Ledger) -> nx.MultiDiGraph[str]:
    """A directed multigraph of every problem of *ledgers* and every link between them.

    Nodes (see ``node_key``) carry ``inspection``, ``problem``, ``title``, ``level``,
    ``kind`` (of the round), ``unit``, ``lineage`` (the unit's stable id through
    successions), ``round``, ``date`` (the round's, ISO) and ``status`` (the current
    state) where known. An edge runs from the linking (later) problem to the linked
    (earlier) one, with ``kind`` and ``note``. A link whose target no ledger holds
    still gets its edge, to a node with ``missing=True``, so that nothing is lost.
    The graph's ``units`` attribute holds the ``Units`` of the declared successions.
    """
    units = Units.of(ledgers)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(units=units)
    edges: list[tuple[str, str, dict[str, Any]]] = []
    for ledger in ledgers:
        for inspection in ledger.inspections:
            shared = _attributes(inspection, units)
            escaped = escape(inspection.id)
            for problem in inspection.problems:
                key = f"{escaped}/{escape(problem.id)}"
                attributes = {**shared, "problem": problem.id, "title": problem.title, "level": str(problem.level)}
                if problem.history:
                    attributes["status"] = str(problem.history[-1].state)
                graph.add_node(key, **attributes)
                for link in problem.links:
                    data: dict[str, Any] = {"kind": str(link.kind)}
                    if link.note is not None:
                        data["note"] = link.note
                    edges.append((key, node_key(link.inspection, link.problem), data))
                    if not graph.has_node(edges[-1][1]):
                        graph.add_node(edges[-1][1], inspection=link.inspection, problem=link.problem, missing=True)
    for source, target, data in edges:
        graph.add_edge(source, target, **data)
    for node in [n for n, missing in graph.nodes(data="missing") if missing and "title" in graph.nodes[n]]:
        del graph.nodes[node]["missing"]
    return graph


@attrs.frozen
class ProblemRef:
    """A problem as the queries return it.

    Args:
        inspection: its inspection's id.
        problem: its id.
        title: its title ("" if the problem is only known as a link's target).
        unit: its round's unit, if stated.
        date: its round's date (see ``round_date``), if stated.
        status: its current state, if stated.
    """

    inspection: str
    problem: str
    title: str = ""
    unit: str | None = None
    date: str | None = None
    status: str | None = None

    @property
    def is_open(self) -> bool:
        """Whether it is not recorded as rectified (no status, or one not done)."""
        return self.status is None or not State(self.status).is_done


def _ref(graph: nx.MultiDiGraph[str], node: str) -> ProblemRef:
    a = graph.nodes[node]
    return ProblemRef(a["inspection"], a["problem"], a.get("title", ""), a.get("unit"), a.get("date"), a.get("status"))


def _order(graph: nx.MultiDiGraph[str], node: str) -> tuple[str, str, str]:
    a = graph.nodes[node]
    return (a.get("date", ""), a["inspection"], a["problem"])


def _recurring_view(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    def keep(u: str, v: str, k: Any) -> bool:
        return graph.edges[u, v, k]["kind"] in RECURRING_KINDS

    view: nx.MultiDiGraph[str] = nx.subgraph_view(graph, filter_edge=keep)
    return view


def recurrence_chain(graph: nx.MultiDiGraph[str], inspection: str, problem: str) -> list[ProblemRef]:
    """Every problem that is the same problem as this one, in any round, earliest round first.

    Follows recurrence, incomplete-rectification and look-back links both ways (not
    ``related`` ones). A problem no link names is a chain of one.

    Raises:
        KeyError: no such problem in the graph.
    """
    node = node_key(inspection, problem)
    if node not in graph:
        raise KeyError(f"no problem {problem!r} in inspection {inspection!r}")
    component = nx.node_connected_component(_recurring_view(graph).to_undirected(as_view=True), node)
    return [_ref(graph, n) for n in sorted(component, key=lambda n: _order(graph, n))]


@attrs.frozen
class Recurrence:
    """A problem found in several rounds.

    Args:
        rounds: how many distinct rounds found it.
        problems: the problem in each round, earliest first.
    """

    rounds: int
    problems: tuple[ProblemRef, ...]


def _chains(graph: nx.MultiDiGraph[str]) -> Iterator[list[str]]:
    view = _recurring_view(graph).to_undirected(as_view=True)
    for component in nx.connected_components(view):
        yield sorted(component, key=lambda n: _order(graph, n))


def recurring(graph: nx.MultiDiGraph[str], k: int = 2, *, unit: str | None = None) -> list[Recurrence]:
    """Problems found in *k* or more rounds, most rounds first; of one unit's lineage if *unit* is given."""
    units: Units = graph.graph.get("units") or Units()
    lineage = units.lineage(unit) if unit is not None else None
    found = []
    for chain in _chains(graph):
        rounds = len({graph.nodes[n]["inspection"] for n in chain})
        if rounds < k:
            continue
        if lineage is not None and not any(graph.nodes[n].get("lineage") == lineage for n in chain):
            continue
        found.append(Recurrence(rounds, tuple(_ref(graph, n) for n in chain)))
    found.sort(key=lambda r: (-r.rounds, r.problems[0].date or "", r.problems[0].inspection, r.problems[0].problem))
    return found


@attrs.frozen
class CarriedOver:
    """A problem that a later round found again: never rectified, or rectified only on paper.

    Args:
        problem: the earlier problem.
        found_again: the later problems that link to it as recurring, earliest first.
        recorded_done: whether its own record claims it rectified (a closure the later round contradicts).
    """

    problem: ProblemRef
    found_again: tuple[ProblemRef, ...]
    recorded_done: bool


def carried_over(graph: nx.MultiDiGraph[str], *, unit: str | None = None) -> list[CarriedOver]:
    """Problems carried over unresolved: found again by a later round's recurrence or incomplete-rectification link.

    A look-back review alone does not count (it may confirm the rectification), nor
    does ``related``. Of one unit's lineage if *unit* is given; earliest first.
    """
    units: Units = graph.graph.get("units") or Units()
    lineage = units.lineage(unit) if unit is not None else None
    again: dict[str, list[str]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        if data["kind"] in (LinkKind.RECURRENCE, LinkKind.INCOMPLETE_RECTIFICATION):
            again[target].append(source)
    found = []
    for node in sorted(again, key=lambda n: _order(graph, n)):
        if lineage is not None and graph.nodes[node].get("lineage") != lineage:
            continue
        ref = _ref(graph, node)
        later = tuple(_ref(graph, n) for n in sorted(set(again[node]), key=lambda n: _order(graph, n)))
        found.append(CarriedOver(ref, later, not ref.is_open))
    return found


@attrs.frozen
class RoundSummary:
    """One round of a unit's history.

    Args:
        inspection: the inspection's id.
        kind: regular, special or lookback.
        unit: the unit id the round names (an earlier name, after a renaming).
        date: the round's date, if stated.
        problems: how many problems it itemizes.
        recurring: how many of them link to a problem of an earlier round as recurring.
        open: how many are not recorded as rectified.
    """

    inspection: str
    kind: str
    unit: str
    date: str | None
    problems: int
    recurring: int
    open: int


@attrs.frozen
class UnitHistory:
    """What the rounds of one unit (through its successions) found and left open.

    Args:
        unit: the lineage's stable id.
        names: every unit id of the lineage.
        rounds: its rounds, earliest first.
        problems: how many problems all rounds itemize.
        recurring: how many problems recur (chains found in two or more rounds).
        open: the problems not recorded as rectified, earliest first.
        carried_over: the problems a later round found again.
    """

    unit: str
    names: tuple[str, ...]
    rounds: tuple[RoundSummary, ...]
    problems: int
    recurring: int
    open: tuple[ProblemRef, ...]
    carried_over: tuple[CarriedOver, ...]


def unit_history(graph: nx.MultiDiGraph[str], unit: str) -> UnitHistory:
    """The history of *unit* (any of its names) across every round in the graph.

    Raises:
        KeyError: no round of this unit (or of its lineage) is in the graph.
    """
    units: Units = graph.graph.get("units") or Units()
    lineage = units.lineage(unit)
    nodes = [n for n, a in graph.nodes(data=True) if a.get("lineage") == lineage and "title" in a]
    if not nodes:
        raise KeyError(f"no round of unit {unit!r} in the graph")
    by_round: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        by_round[graph.nodes[node]["inspection"]].append(node)
    recurring_kinds = {k.value for k in RECURRING_KINDS}
    rounds = []
    for inspection, members in by_round.items():
        first = graph.nodes[members[0]]
        linked = sum(
            1 for n in members if any(data["kind"] in recurring_kinds for _, _, data in graph.out_edges(n, data=True))
        )
        still_open = sum(1 for n in members if _ref(graph, n).is_open)
        rounds.append(
            RoundSummary(inspection, first["kind"], first["unit"], first.get("date"), len(members), linked, still_open)
        )
    rounds.sort(key=lambda r: (r.date or "", r.inspection))
    own: nx.MultiDiGraph[str] = graph.subgraph(nodes)  # a view: the queries below need not scan other units
    chains = recurring(own, 2, unit=unit)
    open_ = tuple(_ref(graph, n) for n in sorted(nodes, key=lambda n: _order(graph, n)) if _ref(graph, n).is_open)
    return UnitHistory(
        lineage,
        units.members(lineage),
        tuple(rounds),
        len(nodes),
        len(chains),
        open_,
        tuple(carried_over(own, unit=unit)),
    )

"""Link rules: links point back in time, within one unit (or its successors), without cycles.

Links may point into other documents: ``validate(..., others=...)`` (and
``rectmodel validate`` with several files) resolves them against every document.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..diagnostics import Severity
from ..graph import Units, node_key, round_date
from ..model import Inspection, Ledger
from ._registry import Context, Fact, rule


def _inspections(ctx: Context) -> dict[str, Inspection]:
    """Every inspection a link may name, by id: the document's own first, then the other documents'."""
    found: dict[str, Inspection] = {}
    for ledger in (*ctx.others, ctx.ledger):  # the document's own win
        for inspection in ledger.inspections:
            found[inspection.id] = inspection
    return found


def _links(ledger: Ledger) -> Iterator[tuple[str, Inspection, str, str, str]]:
    """(pointer, source inspection, source problem id, target inspection id, target problem id) of every link."""
    for n, inspection in enumerate(ledger.inspections):
        for i, problem in enumerate(inspection.problems):
            for k, link in enumerate(problem.links):
                yield f"/inspections/{n}/problems/{i}/links/{k}", inspection, problem.id, link.inspection, link.problem


@rule(
    "link-forward-in-time",
    Severity.ERROR,
    "A link points to a problem of an earlier round: not the same round, not one certainly at or after it.",
    example=Fact(
        "/inspections/0/problems/2/links/0",
        {"target": "round-2023/P4", "reason": "later", "date": "2020-04", "target_date": "2023-05-08"},
    ),
    scope="ledger",
)
def link_forward_in_time(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    index = _inspections(ctx)
    for pointer, source, _, target_id, target_problem in _links(ledger):
        target = index.get(target_id)
        if target is None:
            continue  # dangling-reference says so
        name = f"{target_id}/{target_problem}"
        if target.id == source.id:
            yield Fact(pointer, {"target": name, "reason": "same-round"})
            continue
        ours, theirs = round_date(source), round_date(target)
        if ours is not None and theirs is not None and theirs.first >= ours.last:
            yield Fact(pointer, {"target": name, "reason": "later", "date": str(ours), "target_date": str(theirs)})


@rule(
    "link-unit-mismatch",
    Severity.ERROR,
    "A link joins rounds of the same unit, or of units a declared succession relates (renamed, merged).",
    example=Fact(
        "/inspections/1/problems/0/links/0",
        {"target": "round-2020/P1", "unit": "sjj", "target_unit": "wjw"},
    ),
    scope="ledger",
)
def link_unit_mismatch(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    index = _inspections(ctx)
    units = Units.of((*ctx.others, ledger))
    for pointer, source, _, target_id, target_problem in _links(ledger):
        target = index.get(target_id)
        if target is None or source.unit is None or target.unit is None:
            continue
        if not units.same(source.unit, target.unit):
            params = {"target": f"{target_id}/{target_problem}", "unit": source.unit, "target_unit": target.unit}
            yield Fact(pointer, params)


@rule(
    "link-cycle",
    Severity.ERROR,
    "Links never lead from a problem back to itself (a cycle cannot run backwards in time).",
    example=Fact(
        "/inspections/0/problems/0/links/0",
        {"cycle": "round-2020/P1 → round-2023/P2 → round-2020/P1", "length": 2},
        ("/inspections/1/problems/1/links/0",),
    ),
    scope="ledger",
)
def link_cycle(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    ours = list(_links(ledger))
    if not ours:
        return
    graph: nx.DiGraph[str] = nx.DiGraph()
    for other in ctx.others:
        for _, source, problem, target_id, target_problem in _links(other):
            graph.add_edge(node_key(source.id, problem), node_key(target_id, target_problem))
    where: dict[tuple[str, str], list[str]] = {}
    for pointer, source, problem, target_id, target_problem in ours:
        edge = (node_key(source.id, problem), node_key(target_id, target_problem))
        graph.add_edge(*edge)
        where.setdefault(edge, []).append(pointer)
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1:
            (node,) = component
            if not graph.has_edge(node, node):
                continue
        inside = sorted(
            (p for edge, pointers in where.items() if edge[0] in component and edge[1] in component for p in pointers),
            key=_document_order,
        )
        if not inside:
            continue  # a cycle wholly in other documents: theirs to report
        cycle = nx.find_cycle(graph.subgraph(component))
        names = [graph_name(u) for u, _ in cycle] + [graph_name(cycle[0][0])]
        yield Fact(inside[0], {"cycle": " → ".join(names), "length": len(cycle)}, tuple(inside[1:]))


def graph_name(node: str) -> str:
    """A node key shown as ``inspection/problem`` (unescaped, for messages)."""
    inspection, _, problem = node.partition("/")
    return f"{_unescape(inspection)}/{_unescape(problem)}"


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _document_order(pointer: str) -> tuple[int, ...]:
    return tuple(int(part) for part in pointer.split("/") if part.isdigit())

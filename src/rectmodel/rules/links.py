"""Link rules: links point back in time, within one unit (or its successors), without cycles.

Links may point into other documents: ``validate(..., others=...)`` (and
``rectmodel validate`` with several files) resolves them against every document.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import Ledger, Link
from ..units import iter_links, node_name, round_date
from ._registry import Context, Fact, link_index, rule


@rule(
    "link-forward-in-time",
    Severity.ERROR,
    example=Fact(
        "/inspections/0/problems/2/links/0",
        {"target": "round-2023/P4", "reason": "later", "date": "2020-04", "target_date": "2023-05-08"},
    ),
    scope="link",
)
def link_forward_in_time(link: Link, ctx: Context) -> Iterator[Fact]:
    source, target = ctx.inspection, ctx.index(link_index).rounds.get(link.inspection)
    if target is None:
        return  # dangling-reference says so
    name = f"{link.inspection}/{link.problem}"
    if target.id == source.id:
        yield Fact("", {"target": name, "reason": "same-round"})
        return
    ours, theirs = round_date(source), target.date
    if ours is not None and theirs is not None and theirs.first >= ours.last:
        yield Fact("", {"target": name, "reason": "later", "date": str(ours), "target_date": str(theirs)})


@rule(
    "link-unit-mismatch",
    Severity.ERROR,
    example=Fact(
        "/inspections/1/problems/0/links/0",
        {"target": "round-2020/P1", "unit": "sjj", "target_unit": "wjw"},
    ),
    scope="link",
)
def link_unit_mismatch(link: Link, ctx: Context) -> Iterator[Fact]:
    source, target = ctx.inspection, ctx.index(link_index).rounds.get(link.inspection)
    if target is None or source.unit is None or target.unit is None:
        return
    if not ctx.index(link_index).same(source.unit, target.unit):
        yield Fact("", {"target": f"{target.id}/{link.problem}", "unit": source.unit, "target_unit": target.unit})


@rule(
    "link-cycle",
    Severity.ERROR,
    example=Fact(
        "/inspections/0/problems/0/links/0",
        {"cycle": "round-2020/P1 → round-2023/P2 → round-2020/P1", "length": 2},
        ("/inspections/1/problems/1/links/0",),
    ),
    scope="ledger",
    across=True,
)
def link_cycle(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    if ctx.links is not None and not ctx.links.cycles:
        return  # a batch's index (or its slice) holds no cycle: nothing to look for in this file
    ours = list(iter_links(ledger))
    if not ours:
        return
    where: dict[tuple[str, str], list[str]] = {}
    for site in ours:
        where.setdefault((site.source, site.target), []).append(site.pointer)
    for cycle in ctx.index(link_index).cycles:
        component = set(cycle)
        inside = sorted(
            (p for edge, pointers in where.items() if edge[0] in component and edge[1] in component for p in pointers),
            key=_document_order,
        )
        if not inside:
            continue  # a cycle wholly in other documents: theirs to report
        names = [node_name(u) for u in (*cycle, cycle[0])]
        yield Fact(inside[0], {"cycle": " → ".join(names), "length": len(cycle)}, tuple(inside[1:]))


def _document_order(pointer: str) -> tuple[int, ...]:
    return tuple(int(part) for part in pointer.split("/") if part.isdigit())

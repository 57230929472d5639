"""Identity rules: ids are unique where they must be, and every reference resolves."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..diagnostics import Severity
from ..model import GroupLevel, Ledger
from ._registry import Context, Fact, rule


def _duplicates(kind: str, items: Iterable[tuple[str, str]]) -> Iterator[Fact]:
    """Facts for every (id, pointer) whose id an earlier item already holds."""
    first: dict[str, str] = {}
    for id_, pointer in items:
        if id_ in first:
            yield Fact(pointer, {"kind": kind, "id": id_}, (first[id_],))
        else:
            first[id_] = pointer


def _unique(ids: list[str]) -> bool:
    return len(set(ids)) == len(ids)


@rule(
    "duplicate-id",
    Severity.ERROR,
    "Inspection ids are unique in a document; group, problem and measure ids are unique in their inspection.",
    example=Fact("/inspections/0/problems/7/id", {"kind": "problem", "id": "P3"}, ("/inspections/0/problems/2/id",)),
    scope="ledger",
)
def duplicate_id(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    yield from _duplicates("inspection", ((x.id, f"/inspections/{n}/id") for n, x in enumerate(ledger.inspections)))
    for n, inspection in enumerate(ledger.inspections):
        base = f"/inspections/{n}"
        yield from _duplicates("group", ((g.id, f"{base}/groups/{i}/id") for i, g in enumerate(inspection.groups)))
        yield from _duplicates(
            "problem", ((p.id, f"{base}/problems/{i}/id") for i, p in enumerate(inspection.problems))
        )
        yield from _duplicates(
            "measure",
            (
                (m.id, f"{base}/problems/{i}/measures/{j}/id")
                for i, p in enumerate(inspection.problems)
                for j, m in enumerate(p.measures)
            ),
        )


@rule(
    "dangling-reference",
    Severity.ERROR,
    "Every group, parent and link a document names exists (a category's parent is an aspect); "
    "links may point into the other documents validated with it.",
    example=Fact("/inspections/1/problems/0/links/0", {"kind": "link", "target": "round-2020/P9"}),
    scope="ledger",
)
def dangling_reference(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    problems = {x.id: {p.id for p in x.problems} for other in ctx.others for x in other.inspections}
    problems |= {x.id: {p.id for p in x.problems} for x in ledger.inspections}
    for n, inspection in enumerate(ledger.inspections):
        base = f"/inspections/{n}"
        levels = {g.id: g.level for g in inspection.groups}
        for i, group in enumerate(inspection.groups):
            if group.parent is not None and levels.get(group.parent) is not GroupLevel.ASPECT:
                kind = "parent" if group.parent not in levels else "parent-not-aspect"
                yield Fact(f"{base}/groups/{i}/parent", {"kind": kind, "target": group.parent})
        for i, problem in enumerate(inspection.problems):
            if problem.group is not None and problem.group not in levels:
                yield Fact(f"{base}/problems/{i}/group", {"kind": "group", "target": problem.group})
            for k, link in enumerate(problem.links):
                if link.problem not in problems.get(link.inspection, ()):
                    target = f"{link.inspection}/{link.problem}"
                    yield Fact(f"{base}/problems/{i}/links/{k}", {"kind": "link", "target": target})

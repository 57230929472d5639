"""Identity rules: ids are unique where they must be, and every reference resolves."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..diagnostics import Severity
from ..model import Group, GroupLevel, Inspection, Ledger, Link, Problem
from ._registry import Context, Fact, link_index, rule


def _repeats(kind: str, ids: list[str], places: Callable[[], list[str]]) -> Iterator[Fact]:
    """Facts for every id of *ids* an earlier one repeats; *places* gives their pointers, asked only then."""
    if len(set(ids)) == len(ids):
        return
    where = places()
    first: dict[str, str] = {}
    for id_, pointer in zip(ids, where, strict=True):
        if id_ in first:
            yield Fact(f"{pointer}/id", {"kind": kind, "id": id_}, (f"{first[id_]}/id",))
        else:
            first[id_] = pointer


@rule(
    "duplicate-id",
    Severity.ERROR,
    example=Fact("/inspections/0/problems/7/id", {"kind": "problem", "id": "P3"}, ("/inspections/0/problems/2/id",)),
    scope=("ledger", "inspection"),
)
def duplicate_id(element: Ledger | Inspection, ctx: Context) -> Iterator[Fact]:
    # Uniqueness belongs to a namespace, as jsonschema's uniqueItems to an array: the
    # document for inspection ids, the inspection for the ids it holds.
    if isinstance(element, Ledger):
        xs = element.inspections
        yield from _repeats("inspection", [x.id for x in xs], lambda: [f"/inspections/{n}" for n in range(len(xs))])
        return
    groups, problems = element.groups, element.problems
    yield from _repeats("group", [g.id for g in groups], lambda: [f"/groups/{i}" for i in range(len(groups))])
    yield from _repeats("problem", [p.id for p in problems], lambda: [f"/problems/{i}" for i in range(len(problems))])
    yield from _repeats(
        "measure",
        [m.id for p in problems for m in p.measures],
        lambda: [f"/problems/{i}/measures/{j}" for i, p in enumerate(problems) for j in range(len(p.measures))],
    )


def group_levels(inspection: Inspection) -> dict[str, GroupLevel]:
    """The level of each group of *inspection*, by id."""
    return {g.id: g.level for g in inspection.groups}


@rule(
    "dangling-reference",
    Severity.ERROR,
    example=Fact("/inspections/1/problems/0/links/0", {"kind": "link", "target": "round-2020/P9"}),
    scope=("group", "problem", "link"),
)
def dangling_reference(element: Group | Problem | Link, ctx: Context) -> Iterator[Fact]:
    if isinstance(element, Problem):
        if element.group is not None and element.group not in ctx.once(group_levels):
            yield Fact("/group", {"kind": "group", "target": element.group})
    elif isinstance(element, Link):
        target = ctx.index(link_index).rounds.get(element.inspection)
        if target is None or element.problem not in target.problems:
            yield Fact("", {"kind": "link", "target": f"{element.inspection}/{element.problem}"})
    elif element.parent is not None and ctx.once(group_levels).get(element.parent) is not GroupLevel.ASPECT:
        kind = "parent" if element.parent not in ctx.once(group_levels) else "parent-not-aspect"
        yield Fact("/parent", {"kind": kind, "target": element.parent})

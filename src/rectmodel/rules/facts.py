"""Fact rules: a document says who inspected whom and when, and is not empty.

Every kind of document must state the inspecting group, the inspected unit, the
on-site period and the feedback date; a fact it does not state is absent from the
model (never guessed) and ``missing-fact`` says so. A document of unknown kind is
not held to it. A document that itemizes nothing and declares nothing is an error
whatever its kind: an empty page never passes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import DeclaredCounts, Inspection, Ledger
from ._registry import KNOWN_KINDS, Context, Fact, rule

# The facts of a round every document states: who inspected whom, on site when, feedback when.
FACTS = ("inspector", "target", "start", "end", "feedback_date")


@rule(
    "missing-fact",
    Severity.ERROR,
    example=Fact("/inspections/0/feedback_date", {"fact": "feedback_date"}),
    scope="inspection",
    kinds=KNOWN_KINDS,
)  # an empty inspection is left to empty-document
def missing_fact(inspection: Inspection, ctx: Context) -> Iterator[Fact]:
    if _empty(inspection):
        return  # an empty document is one finding (empty-document), not six
    for name in FACTS:
        if getattr(inspection, name) is None:
            yield Fact(f"/{name}", {"fact": name})


def _empty(inspection: Inspection) -> bool:
    return not (inspection.problems or inspection.groups) and inspection.declared == DeclaredCounts()


@rule(
    "empty-document",
    Severity.ERROR,
    example=Fact("", {"inspections": 0}),
    scope="ledger",
)
def empty_document(ledger: Ledger, ctx: Context) -> Iterator[Fact]:
    if all(_empty(x) for x in ledger.inspections):
        yield Fact("", {"inspections": len(ledger.inspections)})

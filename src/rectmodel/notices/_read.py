"""Parse a public rectification notice (整改进展情况通报) into a ledger: five passes that never fail.

1. **lex** (``_lex``): each line gets a kind and a numbering marker; lost punctuation is recovered;
2. **outline** (``_outline``): the numbered headings as a tree; numbering gaps are checked;
3. **roles** (``_roles``): which depth holds aspects, categories, problems and measures, by scoring;
4. **facts** (``_facts``): the round's facts and declared counts from the title, preamble, narrative
   and closing, by a table of cue patterns;
5. **assemble** (``_assemble``): the ledger, with every line either in it, in recognised boilerplate,
   or in a diagnostic with its line number — ``ParseResult.placed`` says which, line by line.

This module drives them: it cuts the notice into title, preamble, body and closing, and gives
each inspection (one, or one per unit of a round's notice) its assembler and its facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._lexicon import PARTY_ORGAN, fold
from .._lexicon.text import without_readings
from ..diagnostics import Diagnostic, Locator, Severity
from ..errors import Location
from ..messages import ParseCode
from ..model import DeclaredCounts, Ledger
from ._assemble import FACT_FIELDS, Assembler
from ._facts import Facts, FactsReader, Paragraph, Place, read_facts
from ._lex import Line, LineKind, lex
from ._outline import Node, outline
from ._roles import assign
from ._wording import excerpt

__all__ = ["ParseResult", "parse"]

_TITLE = re.compile(r"关于.*(?:通报|报告|情况|公告)|整改.*(?:通报|报告)|通报$")
_UNIT_HEADING = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,30}?" + PARTY_ORGAN + r"(?:[,:、。\s]|整改|巡察|$)")
_CLOSING_KINDS = frozenset({LineKind.CONTACT, LineKind.SIGNATURE, LineKind.DATE, LineKind.FURNITURE})


@attrs.frozen
class ParseResult:
    """What parsing a notice gives: a ledger that is always loadable, and what could not be placed.

    Args:
        ledger: the ledger read from the notice (one inspection, or one per unit of a round's notice).
        diagnostics: rule ``parse`` diagnostics, each with its line number.
        lines: the line each element of the ledger was read from, by JSON Pointer.
        placed: for every non-blank line, where it went: the JSON Pointer of the ledger element
            that holds its text, ``"diagnostic"`` (a diagnostic reports it), or the boilerplate it is
            (``"title"``, ``"preamble"``, ``"narrative"``, ``"heading"``, ``"closing"``).
    """

    ledger: Ledger
    diagnostics: tuple[Diagnostic, ...]
    lines: Mapping[str, int] = attrs.field(factory=dict)
    placed: Mapping[int, str] = attrs.field(factory=dict)

    def locator(self) -> Locator:
        """Where the ledger's elements stand in the notice (see ``Report.locate``): their lines."""
        return lambda pointers: {p: Location(line=self.lines[p]) for p in pointers if p in self.lines}


# --- the parts of a notice ---------------------------------------------------------------------------


@attrs.frozen
class _Parts:
    title: list[Line]
    preamble: list[Line]
    body: list[Line]
    closing: list[Line]


def _parts(lines: Sequence[Line]) -> _Parts:
    """Title, preamble, body (from the first numbered heading) and closing (after the last heading)."""
    headings = [
        k for k, line in enumerate(lines) if line.kind is LineKind.HEADING and line.marker and line.marker.certain
    ]
    first = _lost_first(lines, headings[0]) if headings else len(lines)
    title_end = 0
    for k, line in enumerate(lines[: min(first, 4)]):
        if line.kind is LineKind.FURNITURE or line.kind is LineKind.DATE:
            continue
        if _TITLE.search(line.folded) and "根据" not in line.folded[:6] and len(line.folded) <= 80:
            title_end = k + 1
        break
    last = headings[-1] if headings else len(lines)
    closing = next((k for k in range(last + 1, len(lines)) if lines[k].kind in _CLOSING_KINDS), len(lines))
    if not headings:
        closing = next(
            (k for k in range(title_end, len(lines)) if all(x.kind in _CLOSING_KINDS for x in lines[k:])), len(lines)
        )
    return _Parts(
        list(lines[:title_end]), list(lines[title_end:first]), list(lines[first:closing]), list(lines[closing:])
    )


def _lost_first(lines: Sequence[Line], first: int) -> int:
    """The body's start: the first certain heading, or the heading before it that it continues
    (``(一针对…`` then ``(二)``)."""
    marker = lines[first].marker
    assert marker is not None
    for k in range(first - 1, -1, -1):
        other = lines[k].marker
        if lines[k].kind is LineKind.HEADING and other is not None:
            lost = other.style is marker.style and other.ordinal == marker.ordinal - 1
            return k if lost else first
    return first


def _paragraphs(lines: Iterable[Line], place: Place) -> list[Paragraph]:
    return [Paragraph(line.number, line.text, place, line.kind) for line in lines]


def _unit_nodes(root: Node) -> list[Node]:
    """Headings that each name an inspected party organisation: a notice over many units (two or more)."""
    for level in (root.children, [child for node in root.children for child in node.children]):
        found = [
            node
            for node in level
            if node.line is not None
            and _UNIT_HEADING.match(node.line.rest_folded())
            and "方面" not in node.line.rest
            and "问题" not in node.line.rest
        ]
        if len(found) >= 2:
            return found
    return []


def _unit_name(text: str) -> str:
    m = re.match(rf"^(.*?{PARTY_ORGAN})", text)
    return m.group(1) if m else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse(text: str, *, id: str = "notice", unit: str | None = None) -> ParseResult:
    """Parse the text of a notice into a ledger, with what could not be placed.

    Args:
        text: the notice as plain text (one paragraph per line).
        id: the inspection's id in the ledger (a notice over many units gives ``id-1``, ``id-2``, …).
        unit: a stable id of the inspected unit, if known.

    Returns:
        the ledger, the parse diagnostics (rule ``parse``, each with its line number), the line of
        each element, and where every line went.
    """
    unsurrogated = _SURROGATE.sub("\ufffd", text)
    cleaned = without_readings(unsurrogated)  # 根據(jù) → 根據: lines are kept, so are line numbers
    lines = list(lex(cleaned))
    _report_conversions(top := Assembler(0, None), unsurrogated, cleaned, lines)
    parts = _parts(lines)
    tree = outline(parts.body)
    units = _unit_nodes(tree.root)
    for gap in tree.gaps:
        top.report(ParseCode.NUMBERING_GAP, Severity.WARNING, gap.line, expected=gap.expected, found=gap.found)
    for line in tree.recovered:
        top.report(ParseCode.GARBLED_TEXT, Severity.INFO, line.number, text=excerpt(line.text, 12))
    if unsurrogated != text:  # a lone surrogate: no text can hold it; say where the first one was
        number, raw = next((n, x) for n, x in enumerate(text.splitlines(), 1) if _SURROGATE.search(x))
        top.report(ParseCode.GARBLED_TEXT, Severity.WARNING, number, text=excerpt(_SURROGATE.sub("\ufffd", raw), 12))
    if units:
        return _aggregate(parts, tree.root, units, top, id)
    # The preamble's facts first: its declared counts weigh in the roles, its dates give the body's
    # year; the same reader then goes on with the narrative sections the assembly found, and the closing.
    reader = FactsReader()
    reader.read(_head(parts))
    declared = {k: v for k, v in attrs.asdict(reader.declared()).items() if isinstance(v, int)}
    sections = assign(tree.root.children, declared)
    top.context = reader.context_of_body()
    for section in sections:
        top.section(section.node, section.problems_at)
    reader.read(_paragraphs(sorted(top.narrative, key=lambda line: line.number), Place.NARRATIVE))
    reader.read(_paragraphs(parts.closing, Place.CLOSING))
    facts = reader.facts()
    top.unplaced(tree.root.content)
    return _result(top, facts, parts, [(id, unit, facts.target, top, facts)])


def _report_conversions(top: Assembler, raw: str, cleaned: str, lines: Sequence[Line]) -> None:
    """Say, once each, that inline readings were left out and traditional characters read as simplified."""
    if raw != cleaned:
        changed = [n for n, (a, b) in enumerate(zip(raw.splitlines(), cleaned.splitlines(), strict=True), 1) if a != b]
        top.report(ParseCode.CONVERTED, Severity.INFO, changed[0], conversion="readings", lines=len(changed))
    converted = [line.number for line in lines if fold(line.text) != line.folded]
    if converted:
        top.report(ParseCode.CONVERTED, Severity.INFO, converted[0], conversion="t2s", lines=len(converted))


def _head(parts: _Parts) -> list[Paragraph]:
    """The title's and the preamble's paragraphs, which the facts pass reads before the body is placed."""
    return [*_paragraphs(parts.title, Place.TITLE), *_paragraphs(parts.preamble, Place.PREAMBLE)]


def _aggregate(parts: _Parts, root: Node, units: list[Node], top: Assembler, round_id: str) -> ParseResult:
    """A notice of a whole round over many units: one inspection per unit, sharing the preamble's facts.

    The counts the preamble declares are the round's (reported, not given to any unit); the
    counts a unit's own paragraphs declare are that unit's.
    """
    facts = read_facts([*_head(parts), *_paragraphs(parts.closing, Place.CLOSING)])
    if facts.declared != DeclaredCounts():
        counts = ", ".join(f"{k} {v}" for k, v in attrs.asdict(facts.declared).items() if v is not None)
        where = min((n for k, n in facts.lines.items() if k.startswith("declared/")), default=None)
        top.report(ParseCode.ROUND_COUNTS, Severity.INFO, where, counts=counts)
    shared = {k: v for k, v in facts.lines.items() if not k.startswith("declared/")}
    inside = {id(n) for unit in units for n in unit.walk()}
    for node in root.walk():
        if node.line is not None and id(node) not in inside:
            top.unplaced([node.line, *node.content])
    built = []
    for k, node in enumerate(units):
        assert node.line is not None
        builder = Assembler(k, facts.context)
        builder.placed[node.line.number] = f"/inspections/{k}/target"
        for section in assign(node.children, {}):
            builder.section(section.node, section.problems_at)
        own = read_facts(_paragraphs([*node.content, *builder.narrative], Place.NARRATIVE))
        for line in node.content:
            builder.placed.setdefault(line.number, "narrative")
        unit_facts = attrs.evolve(
            facts,
            declared=own.declared,
            lines=shared | {k: v for k, v in own.lines.items() if k.startswith("declared/")},
            diagnostics=own.diagnostics,
        )
        built.append((f"{round_id}-{k + 1}", None, _unit_name(node.line.rest), builder, unit_facts))
    return _result(top, facts, parts, built)


def _result(
    top: Assembler,
    facts: Facts,
    parts: _Parts,
    inspections: Sequence[tuple[str, str | None, str | None, Assembler, Facts]],
) -> ParseResult:
    """The ledger of the assembled inspections, and where every line went."""
    built = [builder.build(iid, unit, own, target) for iid, unit, target, builder, own in inspections]
    diagnostics = [*top.diagnostics, *facts.diagnostics]
    placed = dict(top.placed)
    lines: dict[str, int] = {}
    first = parts.title[0].number if parts.title else (parts.preamble[0].number if parts.preamble else None)
    for _, _, _, builder, own in inspections:
        lines |= builder.source_lines(own, first)
        if builder is not top:
            diagnostics += builder.diagnostics
        if own is not facts:
            diagnostics += own.diagnostics
        for number, where in builder.placed.items():
            placed.setdefault(number, where)
        for name, number in own.lines.items():
            placed.setdefault(number, f"{builder.base}/{name}" if name in FACT_FIELDS else "closing")
    for diagnostic in diagnostics:
        if diagnostic.location is not None and diagnostic.location.line is not None:
            placed.setdefault(diagnostic.location.line, "diagnostic")
    for line in parts.title:
        placed.setdefault(line.number, "title")
    for line in parts.preamble:
        placed.setdefault(line.number, "preamble")
    tail = Assembler(0, None)
    for line in parts.closing:
        if line.number in facts.boilerplate or line.kind is LineKind.FURNITURE:
            placed.setdefault(line.number, "closing")
        elif line.number not in placed:
            tail.unplaced([line])
    diagnostics += tail.diagnostics
    placed |= tail.placed
    return ParseResult(Ledger(tuple(built)), tuple(diagnostics), lines, placed)

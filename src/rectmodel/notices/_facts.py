"""The facts pass: the round's facts a notice states, read from paragraphs the structural passes placed.

The structural passes (lex, outline, roles) decide where each paragraph stands: the title, the
preamble, a narrative section, the closing. This pass reads, from those paragraphs only, who
inspected whom and when, the dates of the feedback, the plan and the report, and the counts the
notice declares. Facts come from a table of cues (``_CUES``): each is a pattern over one sentence
and a reader that says which facts the match gives. Nothing is read from a paragraph's position
alone, and a fact the notice does not state stays None.

Choices worth knowing:

- A date only counts for a fact when it is attached to the phrase stating it: the on-site period
  is the range (or the one date) before ``对…进行了巡察``; the feedback date is the date of a
  sentence that *gives* feedback (``向…反馈``, ``反馈了``, ``于…反馈``) and stands next to it, never
  a date another cue already took (``…进行了巡察,并反馈了巡察意见`` gives no feedback date).
- Page furniture (``发布时间:2023-05-06 来源:… 字号 打印 关闭``) is boilerplate. Its date is never
  the year of the preamble's yearless dates; it gives the report date only when the closing has no
  date line (a page's publication date is the notice's date when nothing else dates it).
- The inspected unit named as 我局 / 本单位, or by a short name (市市场监管局党组) that the title's or
  the signature's full name spells out, is that full name; with neither, the target is None.
- An inspector's name that lost characters in publishing (市委第察组) is repaired from the title when
  the title names a group it is a part of (市委第五巡察组); the loss is still reported.
- Counts are read only from sentences about the inspection's findings (巡察, 反馈, 指出) or their
  rectification (整改, 完成); ``_text.declared_counts`` knows the phrasings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._lexicon import DateReading, fold, read_dates
from .._lexicon.furniture import CONTACT, FURNITURE_IN, PUBLISHED
from .._lexicon.text import simplified
from ..dates import PartialDate
from ..diagnostics import Diagnostic, Severity
from ..facts import Place, RoundReader
from ..facts._names import GARBLED, body_unit, is_unit, title_unit
from ..facts._round import in_original
from ..messages import ParseCode
from ..model import DeclaredCounts, InspectionKind
from ._lex import LineKind

__all__ = ["Facts", "FactsReader", "Paragraph", "Place", "read_facts"]


@attrs.frozen
class Facts:
    """The round's facts a notice states; a fact it does not state is None.

    Args:
        kind: regular, special or look-back; None when nothing says an inspection took place.
        inspector: the inspecting group (巡察组).
        target: the inspected party organisation.
        start: first day on site.
        end: last day on site.
        feedback_date: when the feedback was given.
        plan_date: when the rectification plan was issued.
        as_of: the date the report speaks as of (截至…).
        report_date: the date of the notice (its closing date line, else the page's date).
        declared: the counts the notice declares.
        context: the date the body's yearless dates take their year from, read in the preamble: the
            feedback date (the body tells what was done since), else the last on-site day, else the
            preamble's last date; never a page's date.
        signature: the signing organisation of the closing.
        lines: where each fact was read, by name (``"start"``, ``"declared/problems"`` …).
        boilerplate: the lines recognised as boilerplate: title, furniture, addressee, signature,
            date line, contact lines.
        diagnostics: rule ``parse`` diagnostics, each with its line: dates that cannot be read for
            certain, characters lost in publishing.
    """

    kind: InspectionKind | None = None
    inspector: str | None = None
    target: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    feedback_date: PartialDate | None = None
    plan_date: PartialDate | None = None
    as_of: PartialDate | None = None
    report_date: PartialDate | None = None
    declared: DeclaredCounts = attrs.field(factory=DeclaredCounts)
    context: PartialDate | None = None
    signature: str | None = None
    lines: Mapping[str, int] = attrs.field(factory=dict)
    boilerplate: frozenset[int] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class Paragraph:
    """One line of the notice with its place.

    Args:
        number: its 1-based line number in the source.
        text: the text as written (stripped).
        place: where it stands.
        kind: what the lexer found the line to be (furniture, a date line, a contact …).
    """

    number: int
    text: str
    place: Place
    kind: LineKind = LineKind.TEXT


# --- boilerplate ----------------------------------------------------------------------------------

_ADDRESSEE = re.compile(r"^[^,。;:]{2,40}:$")
_NOT_ADDRESSEE = re.compile(r"如下|现将|通报|公布|报告|情况")
_DATE_LABEL = re.compile(r"^(?:发布)?(?:日期|时间)?\s*:?\s*$")


def _is_furniture(folded: str) -> bool:
    return len(folded) <= 120 and "。" not in folded and FURNITURE_IN.search(folded) is not None


def _is_addressee(folded: str) -> bool:
    return _ADDRESSEE.match(folded) is not None and _NOT_ADDRESSEE.search(folded) is None


def _date_line(folded: str, context: PartialDate | None) -> DateReading | None:
    """The date a line consists of (``2021年11月12日``, ``日期:2025-09-24``), if it is only that."""
    readings = list(read_dates(folded, context))
    if len(readings) != 1:
        return None
    r = readings[0]
    rest = (folded[: r.start] + folded[r.end :]).strip()
    return r if _DATE_LABEL.match(rest) else None


# --- the pass -------------------------------------------------------------------------------------


@attrs.define
class FactsReader(RoundReader):
    """The facts pass, paragraph by paragraph, each read once.

    The assembly needs the preamble's facts before it places the body (its declared counts weigh
    in the roles, its dates give the body's year), and the narrative sections only once it has
    placed it: it reads the title and the preamble, asks for ``declared()`` and ``context_of_body()``,
    then reads the narrative and the closing and takes the ``facts()``.
    """

    preamble_context: PartialDate | None = None  # the preamble's last date
    preamble: set[int] = attrs.Factory(set)  # the lines of the preamble's text
    title: list[Paragraph] = attrs.Factory(list)
    signature: tuple[str, int] | None = None
    in_body: tuple[str, int] | None = None  # the unit as the body first names it
    published: tuple[PartialDate, int] | None = None

    def read(self, paragraphs: Iterable[Paragraph]) -> None:
        """Read *paragraphs*, in order, after those read before."""
        for p in paragraphs:
            self.paragraph(p)

    def declared(self) -> DeclaredCounts:
        """The counts declared in the paragraphs read so far."""
        return DeclaredCounts(**self.found.counts)

    def paragraph(self, p: Paragraph) -> None:
        folded = fold(simplified(p.text))  # the cues read simplified characters; names are sliced from p.text
        if p.place is Place.TITLE:
            self.title.append(p)
            self.found.boilerplate.add(p.number)
            self.paragraph_sentences(p, folded, [])
        elif p.place is Place.CLOSING:
            self.closing(p, folded)
        elif p.place is Place.PREAMBLE and (
            p.kind is LineKind.FURNITURE
            or _is_furniture(folded)
            or _is_addressee(folded)
            or _date_line(folded, None) is not None  # a date alone in the head: the page's (2024-01-18)
        ):
            self.furniture(p, folded)
        else:
            if self.published is None and (m := PUBLISHED.search(folded)):
                self.published_in(p, folded, m.end())
            readings = self.paragraph_dates(p, folded)
            if p.place is Place.PREAMBLE:
                self.preamble_context = self.context
                self.preamble.add(p.number)
            self.paragraph_sentences(p, folded, readings)
            if self.in_body is None and (span := body_unit(folded)) is not None:
                self.in_body = (p.text[span[0] : span[1]], p.number)
            if m := GARBLED.search(folded):
                excerpt = p.text[max(0, m.start() - 6) : m.end() + 6]
                self.found.report(ParseCode.GARBLED_TEXT, Severity.INFO, p.number, text=excerpt)

    def paragraph_dates(self, p: Paragraph, folded: str, *, keep: bool = True) -> list[DateReading]:
        return self.dates(p.number, folded, keep=keep)

    def paragraph_sentences(self, p: Paragraph, folded: str, readings: list[DateReading]) -> None:
        self.sentences(p.number, p.place, p.text, folded, readings)

    def furniture(self, p: Paragraph, folded: str) -> None:
        """Page furniture or an addressee: boilerplate; a furniture date is the page's, not the text's."""
        self.found.boilerplate.add(p.number)
        if self.published is None and (_is_furniture(folded) or _date_line(folded, None) is not None):
            dated = [r.date for r in self.paragraph_dates(p, folded, keep=False) if r.date is not None]
            if dated:
                self.published = (dated[0], p.number)

    def published_in(self, p: Paragraph, folded: str, at: int) -> None:
        """The page's date where its label runs into the text (``…通报发布时间2023年7月28日 来源:…``)."""
        first = next(read_dates(folded[at : at + 24], None), None)
        if first is not None and first.start == 0 and first.date is not None:
            self.published = (first.date, p.number)

    def closing(self, p: Paragraph, folded: str) -> None:
        """Signature, date line, contact lines and furniture are boilerplate; other lines are left as they are."""
        if CONTACT.search(folded):
            self.found.boilerplate.add(p.number)
        elif _is_furniture(folded):
            self.furniture(p, folded)
        elif (r := _date_line(folded, self.context)) is not None:
            self.found.boilerplate.add(p.number)
            if r.date is None:
                self.paragraph_dates(p, folded, keep=False)  # reported
            else:
                self.found.date("report_date", r.date, p.number)
        elif self.signature is None and len(folded) <= 40 and is_unit(folded.strip()):
            self.found.boilerplate.add(p.number)
            self.signature = (p.text, p.number)

    def facts(self) -> Facts:
        found = self.found
        title = "".join(p.text for p in self.title)
        title_line = self.title[0].number if self.title else None
        if self.published is not None and "report_date" not in found.dates:
            found.date("report_date", *self.published)
        full = in_original(title, title_unit(simplified(title))) if title else None
        full_line = title_line
        for named in (self.signature, self.in_body):
            if full is None and named is not None:
                full, full_line = named
        inspector = self.inspector(title, title_line)
        target = self.target(full, full_line)
        names = ("inspector", "target")  # their lines are those of the statement resolved, below
        lines = {k: v for k, v in found.lines.items() if k.split("/")[0] not in names}
        for name, (value, line) in (("inspector", inspector), ("target", target)):
            if value is not None and line is not None:
                lines[name] = line
        kind = self.kind()
        if kind is not None:
            lines["kind"] = kind[1]
        if self.signature is not None:
            lines["signature"] = self.signature[1]
        return Facts(
            kind=None if kind is None else kind[0],
            inspector=inspector[0],
            target=target[0],
            start=found.dates.get("start"),
            end=found.dates.get("end"),
            feedback_date=found.dates.get("feedback_date"),
            plan_date=found.dates.get("plan_date"),
            as_of=found.dates.get("as_of"),
            report_date=found.dates.get("report_date"),
            declared=self.declared(),
            context=self.context_of_body(),
            signature=None if self.signature is None else self.signature[0],
            lines=lines,
            boilerplate=frozenset(found.boilerplate),
            diagnostics=tuple(found.diagnostics),
        )

    def context_of_body(self) -> PartialDate | None:
        """The preamble's feedback date, else its last on-site day, else its last date.

        The body tells what was done after the feedback: a yearless 11月1日 in it follows the
        feedback of 8月4日 in the same year, even when the preamble's last date is 截至11月3日.
        """
        for name in ("feedback_date", "end"):
            if self.found.lines.get(name) in self.preamble:
                return self.found.dates[name]
        return self.preamble_context


def read_facts(paragraphs: Sequence[Paragraph]) -> Facts:
    """The round's facts the title, preamble, narrative and closing paragraphs of a notice state.

    Never raises: a fact the paragraphs do not state is None, a date that cannot be read for
    certain is reported, not guessed.

    >>> facts = read_facts([
    ...     Paragraph(1, "中共某局党组关于巡察整改情况的通报", Place.TITLE),
    ...     Paragraph(2, "2021年3月11日至6月18日,市委第二巡察组对我局党组进行了巡察,并反馈了意见。", Place.PREAMBLE),
    ... ])
    >>> facts.inspector, facts.target, str(facts.start), str(facts.end), facts.feedback_date
    ('市委第二巡察组', '中共某局党组', '2021-03-11', '2021-06-18', None)
    """
    reader = FactsReader()
    reader.read(paragraphs)
    return reader.facts()

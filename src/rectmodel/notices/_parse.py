"""Parse a public rectification notice (整改进展情况通报) into a ledger, reporting what it could not place.

The parser works line by line on a copy of the text with full-width punctuation
folded to ASCII (one character for one, so slices of the original keep their
wording). It classifies each line (numbered heading of which style, status line,
measures introduction, signature, …), finds which sections itemize problems and
at which heading level, and reads groups, problems, measures and statuses from
there; the preamble and narrative sections give the round's facts and the
declared counts. Every line ends up in the ledger, in a recognised piece of
boilerplate, or in a diagnostic with its line number.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from .._lexicon import deadline_term
from .._messages import ParseCode
from ..dates import Deadline, PartialDate
from ..diagnostics import Diagnostic, Locator, Severity
from ..errors import Location
from ..model import (
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    InspectionKind,
    Ledger,
    Measure,
    MeasureLevel,
    Problem,
    ProblemLevel,
    Responsibility,
    State,
    Status,
)
from ._text import DateReading, chinese_number, declared_counts, fold, read_dates

__all__ = ["ParseResult", "parse"]

_CN = "一二三四五六七八九十"
_ORDINAL_WORDS = dict(enumerate(_CN, 1))
_H1 = re.compile(rf"^([{_CN}]+)[、.]\s*(.*)$")
_H2 = re.compile(rf"^\(([{_CN}]+)\)\s*(.*)$")
_H3 = re.compile(r"^(\d{1,3})[.、]\s*(?!\d+(?:\.\d+)?\s*[%万亿元])(.*)$")
_H3_LOST = re.compile(r"^(\d{1,3})(?=[\u4e00-\u9fff“《])(?![年月日号个项条次名人家万元余%])(.*)$")
_H4 = re.compile(r"^\((\d{1,3})\)\s*(.*)$")
_H3_NAMED = re.compile(r"^问题\s*(\d{1,3})\s*[.、:]?\s*(.*)$")  # 问题46上一轮巡察反馈:…
_ASPECT_LINE = re.compile(rf"^第([{_CN}]+)方面(?:问题)?\s*[,:,:、]?\s*(.*)$")
_STATUS = re.compile(r"^(?:整改结果|整改状态|完成情况)\s*[:：]\s*(.*)$|^整改结果\s*(.+)$")
_MEASURE_STATUS = re.compile(r"^(?:整改进展|进展情况)\s*[:：]\s*(.*)$")
_INTRO = re.compile(r"^(?:整改情况|整改措施|主要措施|整改落实情况|具体措施)\s*[:：]?\s*(.*)$")
_ORDINAL = re.compile(rf"(?:^|(?<=[。;,:]))\s*([{_CN}]+)是")
_TARGETED = re.compile(r"^(?:针对|关于)\s*[“\"‘](.+)[”\"’]\s*(?:的)?问题\s*[。.]?\s*(.*)$")
_QUOTED_ASPECT = re.compile(r"^(?:在)?\s*[“\"](.+?)[”\"]\s*方面\s*(?:问题)?\s*[。.]?$")
_CLOSING = re.compile(r"欢迎广大干部群众|联系方式|联系电话|邮政编码|电子邮箱|来信请寄")
_PARTY = re.compile(r"(?:党组|党委|党工委|党总支|党支部|委员会)$")
_DATE_LINE = re.compile(
    r"^(?:日期\s*[:：]\s*)?(\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?$|\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})"
)
_TITLE = re.compile(r"关于.*(?:通报|报告|情况|公告)|整改.*(?:通报|报告)")
_INSPECTOR = re.compile(r"([\u4e00-\u9fff0-9]{2,24}?(?:组|办))(?:对|于)")
_TARGET = re.compile(r"对\s*([^,。;]{2,60}?)\s*(?:进行了|开展了|开展|进行|实施了)[^,。;]{0,12}?(?:巡察|巡视|回头看)")
_WHO_LABELS = {
    "责任领导": "leaders",
    "牵头领导": "leaders",
    "分管领导": "leaders",
    "责任部门": "departments",
    "责任科室": "departments",
    "责任单位": "departments",
    "牵头部门": "departments",
    "责任人": "persons",
    "整改时限": "deadline",
    "完成时限": "deadline",
}
_WHO = re.compile(r"\(((?:" + "|".join(_WHO_LABELS) + r"):[^()]*)\)\s*[。.]?\s*$")
_GARBLED = re.compile(rf"第[察巡轮]|第\s*组|[{_CN}]是(?=[{_CN}]是)")

# Status words, most specific first; a status line none of them names is reported, not guessed.
_STATE_WORDS: tuple[tuple[str, State], ...] = (
    ("已销号", State.CLOSED),
    ("销号", State.CLOSED),
    ("视同完成", State.DEEMED_COMPLETED),
    ("阶段性完成", State.LONG_TERM),
    ("长期坚持", State.LONG_TERM),
    ("重新整改", State.REOPENED),
    ("立行立改", State.COMPLETED),
    ("已完成", State.COMPLETED),
    ("完成整改", State.COMPLETED),
    ("已整改", State.COMPLETED),
    ("正在推进", State.IN_PROGRESS),
    ("持续推进", State.IN_PROGRESS),
    ("正在整改", State.IN_PROGRESS),
    ("推进中", State.IN_PROGRESS),
    ("未启动", State.NOT_STARTED),
    ("尚未启动", State.NOT_STARTED),
)


@attrs.frozen
class ParseResult:
    """What parsing a notice gives: a ledger that is always loadable, and what could not be placed.

    Args:
        ledger: the ledger read from the notice (one inspection).
        diagnostics: rule ``parse`` diagnostics, each with its line number.
        lines: the line each element of the ledger was read from, by JSON Pointer.
    """

    ledger: Ledger
    diagnostics: tuple[Diagnostic, ...]
    lines: Mapping[str, int] = attrs.field(factory=dict)

    def locator(self) -> Locator:
        """Where the ledger's elements stand in the notice (see ``Report.locate``): their lines."""
        return lambda pointers: {p: Location(line=self.lines[p]) for p in pointers if p in self.lines}


@attrs.define
class _Line:
    number: int
    text: str  # as written, stripped
    folded: str  # full-width folded, same indices
    kind: str = "text"
    ordinal: int | None = None
    rest: str = ""  # the text after the marker, as written


def _rest(line: _Line, match: re.Match[str], group: int) -> str:
    return line.text[match.start(group) :].strip()


def _classify(line: _Line) -> None:
    f = line.folded
    for kind, pattern in (
        ("h1", _H1),
        ("h2", _H2),
        ("h4", _H4),
        ("aspect", _ASPECT_LINE),
        ("h3", _H3),
        ("h3", _H3_NAMED),
    ):
        m = pattern.match(f)
        if m:
            number = m.group(1)
            line.kind, line.ordinal, line.rest = kind, chinese_number(number), _rest(line, m, 2)
            return
    if m := _STATUS.match(f):
        line.kind, line.rest = "status", _rest(line, m, 1 if m.group(1) is not None else 2)
    elif m := _MEASURE_STATUS.match(f):
        line.kind, line.rest = "measure-status", _rest(line, m, 1)
    elif m := _INTRO.match(f):
        line.kind, line.rest = "intro", _rest(line, m, 1)
    elif m := _H3_LOST.match(f):
        line.kind, line.ordinal, line.rest = "h3?", int(m.group(1)), _rest(line, m, 2)
    elif _CLOSING.search(f):
        line.kind = "closing"
    elif _DATE_LINE.match(f) and len(f) <= 30:
        line.kind = "date"
    elif len(f) <= 40 and _PARTY.search(f) and "," not in f and "。" not in f:
        line.kind = "signature"


class _Parser:
    def __init__(self, text: str, id: str, unit: str | None):
        self.id = id
        self.unit = unit
        self.diagnostics: list[Diagnostic] = []
        self.lines = [
            _Line(n, raw.strip(), fold(raw.strip())) for n, raw in enumerate(text.splitlines(), 1) if raw.strip()
        ]
        for line in self.lines:
            _classify(line)
        self.facts: dict[str, Any] = {}
        self.fact_lines: dict[str, int] = {}
        self.group_lines: list[int] = []
        self.counts: dict[str, Any] = {}
        self.groups: list[Group] = []
        self.problems: list[dict[str, Any]] = []
        self.expected: dict[str, int] = {}  # the next number of each heading style
        self.index = 0  # this inspection's place in the ledger, for pointers

    # --- diagnostics -------------------------------------------------------------------------------

    def report(self, code: ParseCode, severity: Severity, line: int | None, pointer: str = "", **params: Any) -> None:
        location = None if line is None else Location(line=line)
        self.diagnostics.append(Diagnostic("parse", severity, pointer, {"code": code, **params}, (), location))

    # --- the round's facts -------------------------------------------------------------------------

    def dates(self, line: _Line) -> list[DateReading]:
        readings = list(read_dates(line.folded, self.facts.get("context")))
        for r in readings:
            if r.date is not None:
                self.facts["context"] = r.date
            elif r.problem == "ambiguous":
                self.report(
                    ParseCode.AMBIGUOUS_DATE, Severity.WARNING, line.number, text=r.text, readings=", ".join(r.readings)
                )
            else:
                self.report(ParseCode.IMPOSSIBLE_DATE, Severity.WARNING, line.number, text=r.text)
        return readings

    def set_fact(self, name: str, value: Any, line: int) -> None:
        if name not in self.facts and value is not None:
            self.facts[name] = value
            self.fact_lines[name] = line

    def read_narrative(self, line: _Line) -> None:
        """Facts a paragraph of narrative may state: dates of the round, who inspected whom, counts."""
        f = line.folded
        readings = self.dates(line)
        for sentence_start, sentence in _sentences(f):
            inside = [r for r in readings if sentence_start <= r.start < sentence_start + len(sentence)]
            if "巡察" in sentence or "巡视" in sentence or "回头看" in sentence:
                m = _TARGET.search(sentence)
                if m and "target" not in self.facts:
                    self.set_fact(
                        "target", _slice(line, sentence_start + m.start(1), sentence_start + m.end(1)), line.number
                    )
                    inspector = _INSPECTOR.search(sentence[: m.start()] + "对")
                    if inspector and ("察" in inspector.group(1) or "视" in inspector.group(1)):
                        start = sentence_start + inspector.start(1)
                        self.set_fact("inspector", _slice(line, start, start + len(inspector.group(1))), line.number)
                    span = _range(sentence, inside, sentence_start)
                    if span is not None:
                        self.set_fact("start", span[0], line.number)
                        self.set_fact("end", span[1], line.number)
                    lone = [r for r in inside if r.date and r.start < sentence_start + m.start()]
                    if (
                        span is None
                        and len(lone) == 1
                        and "反馈" not in sentence[: m.start()]
                        and not f[lone[0].end : lone[0].end + 4].startswith(("结束", "离场"))
                    ):
                        self.set_fact("start", lone[0].date, line.number)  # "2022年5月,…对…进行了巡察"
                    for r in inside:
                        preceding = f[max(0, r.start - 1) : r.start]
                        following = f[r.end : r.end + 4]
                        if preceding == "自" and following.startswith(("起", "进驻")):
                            self.set_fact("start", r.date, line.number)
                        elif following.startswith(("结束", "离场")):
                            self.set_fact("end", r.date, line.number)
            if "反馈" in sentence:
                before = [r for r in inside if r.start < sentence_start + sentence.index("反馈") and r.date]
                if before:
                    self.set_fact("feedback_date", before[-1].date, line.number)
            if "整改方案" in sentence and re.search(r"制定|印发|出台", sentence):
                dated = [r for r in inside if r.date and r.start < sentence_start + sentence.index("整改方案")]
                if dated:
                    self.set_fact("plan_date", dated[0].date, line.number)
            for marker in ("截至", "截止"):
                at = sentence.find(marker)
                if at >= 0:
                    after = [r for r in inside if r.start >= sentence_start + at and r.date]
                    if after and after[0].start - (sentence_start + at) <= 4:
                        self.set_fact("as_of", after[0].date, line.number)
        for name, value, _ in declared_counts(f):
            if name not in self.counts:
                self.counts[name] = value
                self.fact_lines[f"declared.{name}"] = line.number
        if m := _GARBLED.search(f):
            self.report(ParseCode.GARBLED_TEXT, Severity.INFO, line.number, text=f[max(0, m.start() - 6) : m.end() + 6])

    # --- structure ---------------------------------------------------------------------------------

    def run(self) -> ParseResult:
        lines = self.lines
        start = 0
        if lines and _TITLE.search(lines[0].folded) and "根据" not in lines[0].folded[:6]:
            self.facts["title"] = lines[0].text
            start = 1
        body_start = next((k for k in range(start, len(lines)) if lines[k].kind in _HEADINGS), len(lines))
        tail_start = self.tail(body_start)
        for line in lines[start:body_start]:
            if line.kind == "date" and "report_date" not in self.facts:  # a publication date above the text
                self.publication(line)
            else:
                self.read_narrative(line)
        units = _unit_headings(lines[body_start:tail_start])
        if units:
            return self.aggregate(lines[body_start:tail_start], units, lines[tail_start:])
        self.body(lines[body_start:tail_start])
        self.closing(lines[tail_start:])
        return self.build()

    def aggregate(self, body: list[_Line], units: list[_Line], tail: list[_Line]) -> ParseResult:
        """A notice of a whole round over many units: one inspection per unit, sharing the preamble's facts."""
        self.closing(tail)
        shared = {k: v for k, v in self.facts.items() if k not in ("target", "context")}
        shared["kind"] = self.kind()
        if self.counts:
            counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
            self.report(
                ParseCode.ROUND_COUNTS,
                Severity.INFO,
                self.fact_lines.get("declared." + next(iter(self.counts))),
                counts=counts,
            )
        inspections: list[Inspection] = []
        diagnostics = list(self.diagnostics)
        lines: dict[str, int] = {}
        starts = [body.index(u) for u in units] + [len(body)]
        if starts[0] > 0:
            for line in body[: starts[0]]:
                self.report(ParseCode.UNPLACED_TEXT, Severity.INFO, line.number, text=_excerpt(line.text))
            diagnostics = list(self.diagnostics)
        for k, (a, b) in enumerate(itertools.pairwise(starts)):
            head = body[a]
            sub = _Parser("", f"{self.id}-{k + 1}", None)
            sub.index = k
            sub.lines = body[a + 1 : b]
            sub.facts = {**shared, "target": _unit_name(head.rest), "context": self.facts.get("context")}
            sub.body(sub.lines)
            result = sub.build()
            inspections += result.ledger.inspections
            diagnostics += result.diagnostics
            lines |= result.lines
        return ParseResult(Ledger(tuple(inspections)), tuple(diagnostics), lines)

    def body(self, lines: list[_Line]) -> None:
        sections = [(section, _candidates(section)) for section in _sections(lines)]
        evidenced = Counter(
            c.kind.rstrip("?") for section, candidates in sections for c in candidates if _has_items(section, c)
        )
        usual = evidenced.most_common(1)[0][0] if evidenced else None  # the document's usual problem heading
        for section, candidates in sections:
            self.section(section, candidates, usual)

    def publication(self, line: _Line) -> None:
        for r in self.dates(line):
            if r.date is not None:
                self.facts.setdefault("published", r.date)
                self.fact_lines.setdefault("published", line.number)
                return

    def tail(self, body_start: int) -> int:
        """Where the closing part starts: the first closing, signature or date line after the last heading."""
        last_heading = max((k for k, x in enumerate(self.lines) if x.kind in _HEADINGS), default=body_start - 1)
        for k in range(max(body_start, last_heading + 1), len(self.lines)):
            if self.lines[k].kind in ("closing", "signature", "date"):
                return k
        return len(self.lines)

    def closing(self, lines: Sequence[_Line]) -> None:
        signed = False
        for line in lines:
            if line.kind == "closing":
                continue
            if line.kind == "signature" and not signed:
                signed = True
                self.facts.setdefault("signature", line.text)
                continue
            if line.kind == "date" and "report_date" not in self.facts:
                readings = [r for r in self.dates(line) if r.date is not None]
                if readings:
                    self.set_fact("report_date", readings[0].date, line.number)
                    continue
            self.report(ParseCode.UNPLACED_TEXT, Severity.INFO, line.number, text=_excerpt(line.text))

    def section(self, lines: list[_Line], candidates: list[_Line], usual: str | None) -> None:
        head = lines[0]
        if head.kind == "h1":
            self.check_numbering(head, "h1", self.expected)
        if not candidates:
            if head.kind == "h1" and _is_aspect(head.rest):
                self.aspect(head, None)
                self.report(ParseCode.EMPTY_GROUP, Severity.INFO, head.number, title=_excerpt(head.rest))
                return
            for line in lines:
                self.read_narrative(line)
            title = head.rest if head.kind in _HEADINGS else head.text
            last = lines[-1].number
            self.report(
                ParseCode.NARRATIVE, Severity.INFO, head.number, title=_excerpt(title), first=head.number, last=last
            )
            return
        levels = Counter(c.kind.rstrip("?") for c in candidates if _has_items(lines, c))
        if not levels and usual is not None:  # only empty headings here: read them as the rest of the notice
            levels = Counter({usual: 1})
        levels = levels or Counter(c.kind.rstrip("?") for c in candidates)
        self.itemized(lines, levels.most_common(1)[0][0])

    def itemized(self, lines: list[_Line], level: str) -> None:
        """A section that itemizes problems as headings of style *level*."""
        rank = _RANK[level]
        aspect: str | None = None
        category: str | None = None
        problem: dict[str, Any] | None = None
        item_rank: int | None = None  # the heading style of the current problem's measures
        for line in lines:
            kind = line.kind
            if kind == "h3?":  # a number whose separator was lost: an item only where the numbering expects it
                kind = "h3" if line.ordinal == self.expected.get("h3", 1) and rank <= _RANK["h3"] else "text"
                if kind == "h3":
                    self.report(ParseCode.GARBLED_TEXT, Severity.INFO, line.number, text=_excerpt(line.text, 12))
            if kind in _HEADINGS and kind != "h1" and line.ordinal is not None:
                self.check_numbering(line, kind, self.expected)
            if kind in _HEADINGS and _RANK[kind] < rank:
                problem = None
                if kind == "aspect" or _is_aspect(line.rest):
                    aspect, category = self.aspect(line, None), None
                elif kind != "h1":  # an h1 here is the section's own heading, a wrapper like 二、问题整改落实情况
                    category = self.category(line, aspect)
            elif kind == level:
                problem, item_rank = self.problem(line, category or aspect), None
            elif problem is None:
                self.read_narrative(line)
            else:
                item_rank = self.within(problem, kind, line, item_rank)

    def within(self, problem: dict[str, Any], kind: str, line: _Line, item_rank: int | None) -> int | None:
        """Place a line under a problem: a status, a measure, more of a measure, or the description."""
        if kind == "status":
            self.status(problem, line)
        elif kind == "measure-status" and problem["measures"]:
            self.status(problem["measures"][-1], line)
        elif kind in _HEADINGS and (item_rank is None or _RANK[kind] <= item_rank):
            problem["measures"].append({"text": line.rest, "history": [], "line": line.number})
            return _RANK[kind]  # a numbered item is one measure, whatever lists it holds
        elif kind in _HEADINGS:  # a sub-item (1)(2) of a numbered measure
            problem["measures"][-1]["text"] = _join(problem["measures"][-1]["text"], line.text)
        elif kind == "intro":
            self.measures(problem, line.rest, line, new=True)
        elif kind == "text" and not problem["measures"] and not _ORDINAL.match(line.folded):
            problem["description"] = _join(problem.get("description"), line.text)
        else:
            self.measures(problem, line.text, line, new=bool(_ORDINAL.match(line.folded)))
        return item_rank

    def check_numbering(self, line: _Line, kind: str, expected: dict[str, int]) -> None:
        assert line.ordinal is not None
        want = expected.get(kind, 1)
        if line.ordinal not in (want, 1):
            self.report(ParseCode.NUMBERING_GAP, Severity.WARNING, line.number, expected=want, found=line.ordinal)
        expected[kind] = line.ordinal + 1  # numbering may run on across higher headings or restart at 1

    def aspect(self, line: _Line, parent: str | None) -> str:
        gid = f"A{sum(1 for g in self.groups if g.level is GroupLevel.ASPECT) + 1}"
        self.groups.append(Group(gid, GroupLevel.ASPECT, _aspect_title(line.rest)))
        self.group_lines.append(line.number)
        return gid

    def category(self, line: _Line, aspect: str | None) -> str:
        siblings = sum(1 for g in self.groups if g.level is GroupLevel.CATEGORY and g.parent == aspect)
        gid = f"{aspect or 'C'}-C{siblings + 1}" if aspect else f"C{siblings + 1}"
        self.groups.append(Group(gid, GroupLevel.CATEGORY, line.rest.rstrip("。. "), aspect))
        self.group_lines.append(line.number)
        return gid

    def problem(self, line: _Line, group: str | None) -> dict[str, Any]:
        title, description = _problem_title(line.rest)
        problem: dict[str, Any] = {
            "id": f"P{len(self.problems) + 1}",
            "title": title,
            "description": description,
            "group": group,
            "measures": [],
            "history": [],
            "line": line.number,
        }
        self.problems.append(problem)
        if re.search(r"上一?轮巡[察视]|上轮巡[察视]|回头看|依然存在|仍然存在|再次发现", fold(line.rest)):
            self.report(
                ParseCode.EARLIER_ROUND,
                Severity.INFO,
                line.number,
                f"/inspections/{self.index}/problems/{len(self.problems) - 1}/links",
            )
        return problem

    def status(self, item: dict[str, Any], line: _Line) -> None:
        text = line.rest.strip().rstrip("。.")
        folded = fold(text)
        state = next((s for word, s in _STATE_WORDS if word in folded), None)
        dates = [r.date for r in self.dates(_Line(line.number, text, folded)) if r.date is not None]
        if state is None:
            self.report(ParseCode.UNKNOWN_STATUS, Severity.WARNING, line.number, text=_excerpt(text))
            item.setdefault("notes", []).append(text)
            return
        item["history"].append(Status(state, dates[0] if dates else None, _strip_date(text) or None))

    def measures(self, problem: dict[str, Any], text: str, line: _Line, *, new: bool) -> None:
        text = text.strip()
        if not text:
            return
        parts = _split_ordinals(text)
        plain = len(_ORDINAL.findall(fold(text)))
        recovered = sum(1 for n, _ in parts if n is not None) - plain
        if recovered:
            self.report(
                ParseCode.GARBLED_TEXT,
                Severity.INFO,
                line.number,
                text="…是 (a marker without the punctuation before it)",
            )
        numbers = [n for n, _ in parts if n is not None]
        if numbers and any(n not in (1, m + 1) for m, n in zip([0, *numbers], numbers, strict=False)):
            found = "、".join(f"{n}是" for n in numbers)
            self.report(
                ParseCode.NUMBERING_GAP, Severity.WARNING, line.number, expected=_ordinal_gap(numbers), found=found
            )
        outer = nested = 0  # the last number of the list of measures, and of a list nested in one of them
        for k, (number, part) in enumerate(parts):
            if k == 0 and number is None and not new and problem["measures"]:
                problem["measures"][-1]["text"] = _join(problem["measures"][-1]["text"], part)
                continue
            if number is not None and outer and (number == nested + 1 if nested else number == 1 and outer > 1):
                nested = number  # 二是…:一是…二是…: a list inside the second measure
                marker = _ORDINAL_WORDS.get(number, str(number)) + "是"
                problem["measures"][-1]["text"] += marker + part
                continue
            nested = 0
            outer = number or outer
            problem["measures"].append({"text": part, "history": [], "line": line.number})

    def responsibility(self, text: str, line: int) -> tuple[str, Responsibility | None, Deadline | None]:
        """A trailing ``(责任领导:…;责任部门:…;责任人:…;整改时限:…)`` read out of a measure's text."""
        m = _WHO.search(fold(text))
        if m is None:
            return text, None, None
        found: dict[str, list[str]] = {"leaders": [], "departments": [], "persons": []}
        deadline: Deadline | None = None
        for part in re.split(r"[;]", text[m.start(1) : m.end(1)]):
            label, _, value = fold(part).partition(":")
            value = part[len(label) + 1 :].strip()
            field = _WHO_LABELS.get(label.strip())
            if field == "deadline":
                dates = [r.date for r in read_dates(fold(value), None) if r.date is not None]
                deadline = deadline_term(value) or (dates[0] if dates else None)
                if deadline is None:
                    self.report(ParseCode.IMPOSSIBLE_DATE, Severity.WARNING, line, text=value)
            elif field is not None:
                found[field] += [v.strip() for v in re.split(r"[、,]", value) if v.strip()]
        who = Responsibility(tuple(found["leaders"]), tuple(found["departments"]), tuple(found["persons"]))
        return text[: m.start()].rstrip(), None if who.is_empty else who, deadline

    # --- the ledger --------------------------------------------------------------------------------

    def kind(self) -> InspectionKind | None:
        """Regular, special or look-back, from the title and the first lines; None if no round is named."""
        if "inspector" not in self.facts and not any("巡察" in x.folded or "巡视" in x.folded for x in self.lines):
            return None  # nothing says an inspection took place: no kind to tell
        text = " ".join(line.folded for line in self.lines[:3]) + self.facts.get("title", "")
        text = text.replace(self.facts.get("inspector", "\0"), "")  # 市委专项巡察组 names the group, not the round
        if "回头看" in text:
            return InspectionKind.LOOK_BACK
        if re.search(r"专项巡[察视](?![组办])", text):
            return InspectionKind.SPECIAL
        return InspectionKind.REGULAR

    def build(self) -> ParseResult:
        facts = self.facts
        if "report_date" not in facts and "published" in facts:
            facts["report_date"] = facts["published"]
        if not self.problems:
            self.report(ParseCode.NO_PROBLEMS, Severity.WARNING, None, f"/inspections/{self.index}/problems")
        counts = DeclaredCounts(**self.counts)
        level = ProblemLevel.PROBLEM
        if counts.categories is not None and counts.categories == len(self.problems) != counts.problems:
            level = ProblemLevel.CATEGORY  # the items are the declared 类, the specific problems only counted
        for p in self.problems:
            for m in p["measures"]:
                m["text"], m["responsibility"], m["deadline"] = self.responsibility(m["text"], m["line"])
        measure_count = sum(len(p["measures"]) for p in self.problems)
        measure_level = MeasureLevel.MEASURE
        if counts.tasks is not None and counts.tasks == measure_count != counts.measures:
            measure_level = MeasureLevel.TASK
        problems = []
        for p in self.problems:
            pid = p["id"]
            measures = tuple(
                Measure(
                    f"{pid}-M{j + 1}",
                    m["text"],
                    level=measure_level,
                    responsibility=m["responsibility"],
                    deadline=m["deadline"],
                    history=tuple(m["history"]),
                )
                for j, m in enumerate(p["measures"])
            )
            problems.append(
                Problem(
                    pid,
                    p["title"],
                    level=level,
                    description=p["description"] or None,
                    group=p["group"],
                    measures=measures,
                    history=tuple(p["history"]),
                )
            )
        kind = facts.get("kind") or self.kind()
        inspection = Inspection(
            id=self.id,
            kind=kind,
            inspector=facts.get("inspector"),
            target=facts.get("target"),
            document=DocumentKind.NOTICE,
            unit=self.unit,
            start=facts.get("start"),
            end=facts.get("end"),
            feedback_date=facts.get("feedback_date"),
            plan_date=facts.get("plan_date"),
            as_of=facts.get("as_of"),
            report_date=facts.get("report_date"),
            declared=counts,
            groups=tuple(self.groups),
            problems=tuple(problems),
        )
        return ParseResult(Ledger((inspection,)), tuple(self.diagnostics), self.source_lines())

    def source_lines(self) -> dict[str, int]:
        """The line of each element read, by pointer: facts, declared counts, groups, problems, measures."""
        base = f"/inspections/{self.index}"
        found = {base: self.lines[0].number} if self.lines else {}
        for name, number in self.fact_lines.items():
            found[f"{base}/{name.replace('declared.', 'declared/')}"] = number
        for i, number in enumerate(self.group_lines):
            found[f"{base}/groups/{i}"] = number
        for i, p in enumerate(self.problems):
            found[f"{base}/problems/{i}"] = p["line"]
            for j, m in enumerate(p["measures"]):
                found[f"{base}/problems/{i}/measures/{j}"] = m["line"]
        return found


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "aspect"})
_RANK = {"h1": 0, "aspect": 1, "h2": 2, "h3": 3, "h4": 4}


_UNIT_HEADING = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff]{2,30}?(?:党组|党委|党工委|党总支|党支部)(?:[,:、。\s]|整改|巡察|$)"
)


def _unit_headings(lines: list[_Line]) -> list[_Line]:
    """Headings that each name an inspected party organisation: a notice over many units (two or more)."""
    for kind in ("h1", "h2"):
        found = [
            line
            for line in lines
            if line.kind == kind
            and _UNIT_HEADING.match(line.folded[len(line.folded) - len(line.rest) :])
            and "方面" not in line.rest
            and "问题" not in line.rest
        ]
        if len(found) >= 2:
            return found
    return []


def _unit_name(text: str) -> str:
    m = re.match(r"^(.*?(?:党组|党委|党工委|党总支|党支部))", text)
    return m.group(1) if m else text


def _sections(lines: list[_Line]) -> Iterator[list[_Line]]:
    """The body split at its top-level headings (一、二、…), or whole if it has none."""
    current: list[_Line] = []
    for line in lines:
        if line.kind == "h1" and current:
            yield current
            current = []
        current.append(line)
    if current:
        yield current


def _candidates(lines: list[_Line]) -> list[_Line]:
    """The headings of a section that look like problems (not the categories that hold them)."""
    found = []
    for k, line in enumerate(lines):
        if line.kind not in ("h2", "h3", "h4", "h3?"):
            continue
        folded = fold(line.rest)
        follower = next((x for x in lines[k + 1 :] if x.kind not in ("text",)), None)
        followed = follower is not None and follower.kind in ("status", "intro")
        if _TARGETED.match(folded) or re.search(r"问题\s*[。.]?\s*$", folded) or followed:
            found.append(line)
    ranked = {id(line) for line in found}
    kept = []
    for k, line in enumerate(lines):
        if id(line) not in ranked:
            continue
        follower = next((x for x in lines[k + 1 :] if x.kind not in ("text",)), None)
        holds = (
            follower is not None
            and id(follower) in ranked
            and _RANK.get(follower.kind.rstrip("?"), 0) > _RANK[line.kind.rstrip("?")]
        )
        if not holds:  # a heading whose first item is a deeper problem heading is a category
            kept.append(line)
    return kept


def _has_items(lines: list[_Line], heading: _Line) -> bool:
    k = lines.index(heading)
    follower = next((x for x in lines[k + 1 :] if x.kind != "text"), None)
    if follower is None:
        return k + 1 < len(lines)
    if follower.kind in ("status", "intro", "measure-status"):
        return True
    return follower.kind.rstrip("?") in _RANK and _RANK[follower.kind.rstrip("?")] > _RANK[heading.kind.rstrip("?")]


def _is_aspect(text: str) -> bool:
    folded = fold(text).rstrip("。. ")
    return folded.endswith(("方面", "方面问题", "方面的问题")) or bool(_QUOTED_ASPECT.match(folded))


def _aspect_title(text: str) -> str:
    m = _QUOTED_ASPECT.match(fold(text).rstrip("。. "))
    if m:
        return text[m.start(1) : m.end(1)]
    return text.rstrip("。. ")


def _problem_title(text: str) -> tuple[str, str]:
    folded = fold(text)
    m = _TARGETED.match(folded)
    if m:
        return text[m.start(1) : m.end(1)], text[m.start(2) :].strip()
    stop = folded.find("。")
    title, description = (text, "") if stop < 0 else (text[:stop], text[stop + 1 :].strip())
    title = title.strip()
    for suffix in ("的问题", "问题"):
        if title.endswith(suffix) and len(title) > len(suffix) + 2 and suffix == "的问题":
            title = title[: -len(suffix)]
    return title, description


def _split_ordinals(text: str) -> list[tuple[int | None, str]]:
    """``一是…。二是…`` split into numbered parts; text before the first marker is part None."""
    folded = fold(text)
    marks = list(_ORDINAL.finditer(folded))
    if not marks:
        return [(None, text)]
    marks = _recover_marks(folded, marks)
    parts: list[tuple[int | None, str]] = []
    if folded[: marks[0].start(1)].strip():
        parts.append((None, text[: marks[0].start(1)].strip()))
    for k, m in enumerate(marks):
        end = marks[k + 1].start(1) if k + 1 < len(marks) else len(text)
        parts.append((chinese_number(m.group(1)), text[m.end() : end].strip().lstrip(",:，：").rstrip(";；,，、 ")))
    return parts


def _recover_marks(folded: str, marks: list[re.Match[str]]) -> list[re.Match[str]]:
    """Add a marker whose punctuation before it was lost (``…委托书三是…``) where the list skips exactly it."""
    found = list(marks)
    for a, b in itertools.pairwise(marks):
        number_a, number_b = chinese_number(a.group(1)), chinese_number(b.group(1))
        if number_a is None or number_b != number_a + 2:
            continue
        word = _ORDINAL_WORDS.get(number_a + 1, "") + "是"
        between = folded[a.end() : b.start(1)]
        if between.count(word) == 1:
            at = a.end() + between.index(word)
            m = re.compile(rf"([{_CN}]+)是").match(folded, at)
            if m is not None:
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _ordinal_gap(numbers: list[int]) -> str:
    missing = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers))
    return "、".join(f"{n}是" for n in missing) or "、".join(f"{n}是" for n in range(1, len(numbers) + 1))


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in re.finditer(r"[。;!?]", text):
        yield start, text[start : m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def _range(sentence: str, readings: list[DateReading], offset: int) -> tuple[PartialDate, PartialDate] | None:
    """The first ``date 至 date`` of a sentence."""
    for a, b in itertools.pairwise(readings):
        between = sentence[a.end - offset : b.start - offset]
        if a.date and b.date and re.fullmatch(r"\s*(?:至|到|—|-|~)\s*", between):
            return a.date, b.date
    return None


def _slice(line: _Line, start: int, end: int) -> str:
    return line.text[start:end].strip()


def _join(first: str | None, more: str) -> str:
    return more if not first else f"{first}\n{more}"


def _excerpt(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _strip_date(text: str) -> str:
    return re.sub(r"\s*[((][^()()]*\d{4}[^()()]*[))]\s*$", "", text).strip()


def parse(text: str, *, id: str = "notice", unit: str | None = None) -> ParseResult:
    """Parse the text of a notice into a ledger of one inspection, with what could not be placed.

    Args:
        text: the notice as plain text (one paragraph per line).
        id: the inspection's id in the ledger.
        unit: a stable id of the inspected unit, if known.

    Returns:
        the ledger and the parse diagnostics (rule ``parse``), each with its line number.
    """
    return _Parser(text, id, unit).run()

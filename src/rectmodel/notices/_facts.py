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

import bisect
import enum
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .._lexicon import PARTY_ORGAN
from ..dates import PartialDate
from ..diagnostics import Diagnostic, Severity
from ..errors import Location
from ..messages import ParseCode
from ..model import DeclaredCounts, InspectionKind
from ._text import DateReading, declared_counts, fold, read_dates

__all__ = ["Facts", "Paragraph", "Place", "read_facts"]


class Place(enum.Enum):
    """Where a paragraph stands in the notice, as the structural passes decided."""

    TITLE = "title"  # the heading line(s) above the text
    PREAMBLE = "preamble"  # before the first numbered heading, page furniture and addressee included
    NARRATIVE = "narrative"  # a section that itemizes no problems, or text under a heading that is none
    CLOSING = "closing"  # after the body: signature, date line, contact lines


@attrs.frozen
class Paragraph:
    """One line of the notice with its place.

    Args:
        number: its 1-based line number in the source.
        text: the text as written (stripped).
        place: where it stands.
    """

    number: int
    text: str
    place: Place


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


# --- what a cue sees and what it finds ---------------------------------------------------------------


@attrs.define
class _Sentence:
    """One sentence of a paragraph, with the dates in it (indices relative to the sentence)."""

    line: int
    place: Place
    raw: str  # as written
    folded: str  # full-width folded, same indices
    dates: list[DateReading]
    claimed: set[int] = attrs.Factory(set)  # indices into dates a cue has taken for a fact
    _starts: list[int] = attrs.field(init=False)
    _ends: list[int] = attrs.field(init=False)
    inspection: bool = attrs.field(init=False)  # it names an inspection (巡察, 巡视)
    findings: bool = attrs.field(init=False)  # it speaks of the inspection's findings
    rectification: bool = attrs.field(init=False)  # it speaks of the inspection or the rectification

    def __attrs_post_init__(self) -> None:
        self._starts = [r.start for r in self.dates]  # in order, and so are the ends: dates never overlap
        self._ends = [r.end for r in self.dates]
        # once per sentence: a cue that matches many times in a long sentence must not search it again
        self.inspection = _INSPECTION.search(self.folded) is not None
        self.findings = self.inspection or _FINDINGS.search(self.folded) is not None
        self.rectification = self.findings or "整改" in self.folded

    @property
    def of_inspection(self) -> bool:
        """Whether a statement here is the inspection's: in the preamble, or naming it."""
        return self.place is Place.PREAMBLE or self.inspection

    def date_at(self, index: int) -> int | None:
        """The date that starts at *index*, if one does."""
        k = bisect.bisect_left(self._starts, index)
        return k if k < len(self._starts) and self._starts[k] == index else None

    def date_from(self, index: int) -> int | None:
        """The first date that starts at or after *index*."""
        k = bisect.bisect_left(self._starts, index)
        return k if k < len(self._starts) else None

    def date_before(self, index: int) -> int | None:
        """The last date that ends at or before *index*."""
        k = bisect.bisect_right(self._ends, index) - 1
        return k if k >= 0 else None

    def in_range(self, k: int) -> bool:
        """Whether date *k* is one end of a ``A至B`` range."""
        return any(_RANGE.fullmatch(self.folded[a.end : b.start]) for a, b in self._pairs_with(k))

    def _pairs_with(self, k: int) -> Iterator[tuple[DateReading, DateReading]]:
        if k > 0:
            yield self.dates[k - 1], self.dates[k]
        if k + 1 < len(self.dates):
            yield self.dates[k], self.dates[k + 1]

    def take(self, k: int | None) -> PartialDate | None:
        """Date *k*, claimed for a fact; None if there is none, it is unread, or another fact has it."""
        if k is None or k in self.claimed or self.dates[k].date is None:
            return None
        self.claimed.add(k)
        return self.dates[k].date


@attrs.define
class _Found:
    """What the cues found, first statement first."""

    dates: dict[str, PartialDate] = attrs.Factory(dict)
    texts: dict[str, str] = attrs.Factory(dict)
    counts: dict[str, Any] = attrs.Factory(dict)  # DeclaredCounts' fields: int, or str for the rate
    kinds: list[tuple[InspectionKind, int]] = attrs.Factory(list)
    named: int | None = None  # the first line that says an inspection took place
    special_group: int | None = None  # the first line naming a special inspection group (专项巡察组)
    lines: dict[str, int] = attrs.Factory(dict)
    boilerplate: set[int] = attrs.Factory(set)
    diagnostics: list[Diagnostic] = attrs.Factory(list)

    def date(self, name: str, value: PartialDate | None, line: int) -> None:
        if value is not None and name not in self.dates:
            self.dates[name] = value
            self.lines[name] = line

    def text(self, name: str, value: str | None, line: int) -> None:
        if value and name not in self.texts:
            self.texts[name] = value
            self.lines[name] = line

    def inspection(self, line: int) -> None:
        if self.named is None:
            self.named = line

    def report(self, code: ParseCode, severity: Severity, line: int, **params: Any) -> None:
        params = {"code": code, **params}
        self.diagnostics.append(Diagnostic("parse", severity, "", params, (), Location(line=line)))


Reader = Callable[[_Sentence, re.Match[str], _Found], None]


@attrs.frozen
class _Cue:
    """A pattern over one sentence and the facts a match gives.

    Args:
        gives: the facts the reader may set (documentation, and what the tests check).
        pattern: matched over the folded sentence; every match is read (``once``: the first only).
        read: sets the facts from the match and the sentence's dates.
        places: where the cue applies.
        once: read only the first match of a sentence.
    """

    gives: tuple[str, ...]
    pattern: re.Pattern[str]
    read: Reader
    places: frozenset[Place]
    once: bool = False


# --- the cue readers ----------------------------------------------------------------------------------

_RANGE = re.compile(r"\s*(?:至|到|—|-|~|－)\s*")
_QUOTE = "\"“”'‘’"
_SUFFIX = rf"(?:{PARTY_ORGAN}|委员会|局|院|委|办|中心|校|所|站|公司|厅|部|会)"
_ORGANISATION = re.compile(rf"(?:{_SUFFIX}|单位|镇|乡|街道|村|社区|集团|医院|学校|大学|馆|队)$")
_SELF = re.compile(rf"^(?:我|本)(?:单位|{_SUFFIX}){PARTY_ORGAN}?$")
_GENERIC_TARGET = re.compile(r"^被巡[察视]|^各")


def _on_site(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``(date,) X组对Y进行了(专项)巡察(“回头看”)``: the target, the inspector, the on-site period, the kind."""
    target = _clean_target(s.raw[m.start("target") : m.end("target")])
    if not _ORGANISATION.search(target):
        return  # 对已完成的整改事项开展巡察整改督查: not a unit inspected
    found.inspection(s.line)
    found.text("target", target, s.line)
    found.text("inspector", _subject(s, m.start()), s.line)
    _on_site_period(s, m.start(), found)
    said = s.folded[m.start("how") : min(len(s.folded), m.end() + 6)]
    if re.search(rf"回头看|巡[察视][{_QUOTE}]?\s*回头看", said):
        found.kinds.append((InspectionKind.LOOK_BACK, s.line))
    elif re.search(r"专项巡[察视](?![组办])", said):
        found.kinds.append((InspectionKind.SPECIAL, s.line))


def _on_site_period(s: _Sentence, anchor: int, found: _Found) -> None:
    """The range before *anchor* (``A至B``), else one date opening a clause (``2022年5月,``)."""
    last = s.date_before(anchor)
    if last is None:
        return
    before = [k for k in range(max(0, last - 3), last + 1) if k not in s.claimed]  # the clauses just before
    for a, b in itertools.pairwise(before):
        if b == a + 1 and _RANGE.fullmatch(s.folded[s.dates[a].end : s.dates[b].start]):
            found.date("start", s.take(a), s.line)
            found.date("end", s.take(b), s.line)
            return
    if len(before) == 1 and before[0] == last and not s.in_range(last):
        k = before[0]
        start = s.dates[k].start
        prev = s.folded[max(0, start - 8) : start].rstrip()  # a short look back keeps the pass linear
        opens = prev[-1:] in ",;:于自从在" if prev else start <= 8  # a clause's time: 2022年5月, / …组于2022年5月
        if opens and not _ENDED.match(s.folded, s.dates[k].end):
            found.date("start", s.take(k), s.line)


_ENDED = re.compile(r"\s*(?:巡[察视])?(?:结束|离场|撤离)")
_STARTED = re.compile(r"\s*(?:起|开始|进驻|入驻)")


def _started(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``自2021年3月11日起`` / ``于…进驻``: the first day on site."""
    k = s.date_at(m.end())
    if k is not None and _STARTED.match(s.folded, s.dates[k].end):
        found.date("start", s.take(k), s.line)


def _ended(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``6月18日(巡察)结束`` / ``离场``: the last day on site."""
    k = s.date_before(m.start())
    if k is not None and m.start() - s.dates[k].end <= 4 and _ENDED.fullmatch(s.folded, s.dates[k].end, m.end()):
        found.date("end", s.take(k), s.line)


def _as_of(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``截至11月3日``: the date the report speaks as of."""
    if not s.rectification:
        return  # 截至2021年底,全市…: a date of something else
    k = s.date_from(m.end())
    if (
        k is not None
        and s.dates[k].start <= m.end() + 4
        and not s.folded[m.end() : s.dates[k].start].strip(" 到至于目前")
    ):
        found.date("as_of", s.take(k), s.line)


def _plan(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``2021年9月,制定印发了整改方案``: the plan's date, the one attached to the verb."""
    found.date("plan_date", s.take(_attached(s, m.start())), s.line)


def _feedback_on(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``于2025210(向…)反馈``: the feedback date after 于, if no other date stands before 反馈."""
    k = s.date_at(m.start("at"))
    if not s.of_inspection or k is None or s.in_range(k) or (k + 1 < len(s.dates) and s.dates[k + 1].start < m.end()):
        return
    found.inspection(s.line)
    found.date("feedback_date", s.take(k), s.line)


def _feedback_given(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``8月4日,X组向Y反馈了意见``: the feedback date attached to the verb, its giver and receiver."""
    giver = _subject(s, m.start())
    if giver is None and not s.of_inspection:
        return  # 群众反馈了意见: not the inspection's feedback
    found.inspection(s.line)
    found.date("feedback_date", s.take(_attached(s, m.start())), s.line)
    found.text("inspector/feedback", giver, s.line)
    if m.group("to"):
        to = _clean_target(s.raw[m.start("to") : m.end("to")])
        named = _ORGANISATION.search(to) and not _GENERIC_TARGET.match(to)
        found.text("target/feedback", to if named else None, s.line)


def _feedback_dated(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """``反馈时间为2021年8月4日``."""
    if not s.of_inspection:
        return
    found.inspection(s.line)
    found.date("feedback_date", s.take(s.date_at(m.start("at"))), s.line)


def _kind(kind: InspectionKind | None, *, special_group: bool = False) -> Reader:
    def read(s: _Sentence, m: re.Match[str], found: _Found) -> None:
        found.inspection(s.line)
        if kind is not None:
            found.kinds.append((kind, s.line))
        if special_group and found.special_group is None:
            found.special_group = s.line

    return read


_FINDINGS = re.compile(r"巡[察视]|反馈|指出")
_INSPECTION = re.compile(r"巡[察视]")
_FINDING_COUNTS = frozenset({"aspects", "categories", "problems"})


def _counts(s: _Sentence, m: re.Match[str], found: _Found) -> None:
    """Declared counts: of the findings where the sentence speaks of them, else of the rectification."""
    for name, value, _ in declared_counts(s.folded):
        if (s.findings or name not in _FINDING_COUNTS) and name not in found.counts:
            found.counts[name] = value
            found.lines[f"declared/{name}"] = s.line


def _attached(s: _Sentence, index: int) -> int | None:
    """The date attached to the phrase at *index*: the nearest before it, in its clause or the one before.

    None when that date is another fact's, one end of a range, or more than one comma away.
    """
    k = s.date_before(index)
    if k is None or k in s.claimed or s.in_range(k):
        return None
    near = index - s.dates[k].end <= 80  # a date further away belongs to another phrase (and the look stays short)
    return k if near and s.folded.count(",", s.dates[k].end, index) <= 1 else None


_READ = frozenset({Place.PREAMBLE, Place.NARRATIVE})
_HEADED = frozenset({Place.TITLE, Place.PREAMBLE})
_VERB = r"(?:进行了|开展了|进行|开展|实施了|实施)"

# The table: which phrase gives which fact. Order matters within a sentence: a cue that takes a
# date claims it, so the on-site period and the as-of date are taken before the feedback looks.
_CUES: tuple[_Cue, ...] = (
    _Cue(
        ("target", "inspector", "start", "end", "kind"),
        re.compile(rf"对(?P<target>[^,。;:]{{1,60}}?)\s*{_VERB}(?P<how>[^,。;]{{0,30}}?)巡[察视]"),
        _on_site,
        _READ,
    ),
    _Cue(("start",), re.compile(r"(?:自|从|于)\s*"), _started, _READ),
    _Cue(("end",), re.compile(r"(?:巡[察视])?(?:结束|离场|撤离)"), _ended, _READ),
    _Cue(("as_of",), re.compile(r"截至|截止"), _as_of, _READ),
    _Cue(("plan_date",), re.compile(r"(?:制定|印发|出台|审定)[^,。;]{0,30}?整改(?:工作)?方案"), _plan, _READ),
    _Cue(("feedback_date",), re.compile(r"于\s*(?P<at>\d)[^,。;]{0,60}?反馈"), _feedback_on, _READ),
    _Cue(
        ("feedback_date", "inspector", "target"),
        re.compile(r"(?:分别)?向(?P<to>[^,。;]{1,40}?)(?:分别)?反馈|反馈了"),
        _feedback_given,
        _READ,
    ),
    _Cue(
        ("feedback_date",),
        re.compile(r"反馈(?:时间|日期)\s*(?:为|是)?\s*:?\s*(?P<at>\d)"),
        _feedback_dated,
        _READ,
    ),
    _Cue(
        ("kind",),
        re.compile(rf"巡[察视]\s*[{_QUOTE}]?\s*回头看|回头看\s*[{_QUOTE}]?\s*(?:专项)?巡[察视]"),
        _kind(InspectionKind.LOOK_BACK),
        _HEADED,
        once=True,
    ),
    _Cue(("kind",), re.compile(r"专项巡[察视](?![组办])"), _kind(InspectionKind.SPECIAL), _HEADED, once=True),
    # 市委营商环境专项巡察组: a special group's round is special, unless the text calls it 常规巡察.
    _Cue(("kind",), re.compile(r"专项巡[察视][组办]"), _kind(None, special_group=True), _HEADED, once=True),
    _Cue(("kind",), re.compile(r"常规巡[察视]"), _kind(InspectionKind.REGULAR), _HEADED, once=True),
    _Cue(("kind",), re.compile(r"巡[察视]"), _kind(None), _HEADED, once=True),
    _Cue(
        ("declared",),
        re.compile(r"巡[察视]|反馈|指出|整改|完成"),
        _counts,
        _READ,
        once=True,
    ),
)


# --- names: the inspecting group and the inspected unit ---------------------------------------------

_BOUNDARY = ",;:!?()。"
_LEADING = re.compile(r"(?:[\d\s年月日号至到\-—~]|上旬|中旬|下旬|初|底|末|份|根据|按照|由|经|受|接受|配合|并|同时)+")
_TAIL = re.compile(r"(?:于|自|从|在)?[\d\s年月日号至到\-—~旬上中下初底末份]*(?:分别|先后|依次|正式|共同)?\s*")
_GARBLED = re.compile(r"第\s*[察轮组]|第巡")


def _subject(s: _Sentence, end: int) -> str | None:
    """The inspecting group that is the subject of the clause ending at *end* (``市委第二巡察组于…``)."""
    window = max(0, end - 80)  # no group's name is longer: a bounded look keeps the pass linear
    start = max((s.folded.rfind(ch, window, end) + 1 for ch in _BOUNDARY), default=window)
    start = max(start, window)
    k = max(s.folded.rfind("组", start, end), s.folded.rfind("办", start, end))  # 巡察组, or 巡察办 itself
    if k < 0 or not _TAIL.fullmatch(s.folded, k + 1, end):
        return None
    lead = _LEADING.match(s.folded, start, k)
    name = s.raw[lead.end() if lead else start : k + 1].strip()
    return name if _is_group(name) else None


def _is_group(name: str) -> bool:
    """Whether *name* names an inspecting group: ``…巡察组`` (or ``…巡察办``) with whose it is (市委, 第二 …)."""
    return (
        3 <= len(name) <= 60
        and name.endswith(("组", "办"))
        and ("察" in name or "视" in name)
        and re.search(r"委|中央|第|\d", name) is not None
    )


_TITLE_CUTS = re.compile(r"关于|落实|贯彻|对|的|[,;:()《》\s]")


def _title_inspector(title: str) -> str | None:
    """The inspecting group a title names (``…关于落实市委第五巡察组巡察反馈意见…``)."""
    folded = fold(title)
    start = 0
    for cut in [*_TITLE_CUTS.finditer(folded), None]:
        end = len(folded) if cut is None else cut.start()
        piece = title[start:end]
        if len(piece) <= 120:
            for k, ch in enumerate(piece):
                if ch == "组" and _is_group(piece[: k + 1]):
                    return piece[: k + 1]
        start = end if cut is None else cut.end()
    return None


def _title_unit(title: str) -> str | None:
    """The organisation a title is written by: ``中共某某局党组`` of ``中共某某局党组关于…的通报``."""
    at = title.find("关于")
    unit = title[:at].strip() if at > 0 else ""
    return unit if _is_unit(unit) else None


def _is_unit(text: str) -> bool:
    return 2 <= len(text) <= 60 and re.search(rf"{_SUFFIX}$", text) is not None and not re.search(r"[,。;:]", text)


def _clean_target(text: str) -> str:
    return text.strip().strip(_QUOTE).strip()


def _abbreviates(short: str, full: str) -> bool:
    """Whether *short* is *full* written shorter (``市市场监管局党组`` of ``中共江门市市场监督管理局党组``)."""
    bare_short, bare_full = short.removeprefix("中共"), full.removeprefix("中共")
    if bare_short == bare_full or len(short) >= len(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)  # a subsequence: every character, in order


def _resolve_target(stated: str | None, full: str | None) -> str | None:
    """The inspected unit: as stated, unless the statement is 我局 or a short form of *full*."""
    if stated is None:
        return None
    if _SELF.match(stated):
        return full
    if full is not None and _abbreviates(stated, full):
        return full
    return stated


def _resolve_inspector(stated: str | None, title: str | None) -> str | None:
    """The inspecting group: as stated, repaired from the title's where the statement lost characters."""
    if stated is None:
        return title
    if title is not None and _GARBLED.search(fold(stated)) and _abbreviates(stated, title):
        return title
    return stated


# --- boilerplate ----------------------------------------------------------------------------------

_FURNITURE = re.compile(
    r"^(?:发布时间|发布日期|日期|时间|来源|信息来源|文章来源|作者|浏览次数|点击数|阅读次数|访问次数|责任编辑|编辑)\s*:"
    r"|字号|【\s*(?:打印|关闭)|(?:^|\s)(?:打印|关闭|打印本页|关闭窗口)(?:\s|$)|浏览次数|分享到"
)
_ADDRESSEE = re.compile(r"^[^,。;:]{2,40}:$")
_NOT_ADDRESSEE = re.compile(r"如下|现将|通报|公布|报告|情况")
_CONTACT = re.compile(r"欢迎广大干部群众|联系方式|联系电话|邮政编码|电子邮箱|来信请寄|通信地址|通讯地址|邮政信箱")
_DATE_LABEL = re.compile(r"^(?:发布)?(?:日期|时间)?\s*:?\s*$")


def _is_furniture(folded: str) -> bool:
    return len(folded) <= 120 and "。" not in folded and _FURNITURE.search(folded) is not None


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
class _Reader:
    found: _Found = attrs.Factory(_Found)
    context: PartialDate | None = None  # the running year context of yearless dates
    preamble_context: PartialDate | None = None  # the preamble's last date
    preamble: set[int] = attrs.Factory(set)  # the lines of the preamble's text
    title: list[Paragraph] = attrs.Factory(list)
    signature: tuple[str, int] | None = None
    published: tuple[PartialDate, int] | None = None

    def paragraph(self, p: Paragraph) -> None:
        folded = fold(p.text)
        if p.place is Place.TITLE:
            self.title.append(p)
            self.found.boilerplate.add(p.number)
            self.sentences(p, folded, [])
        elif p.place is Place.CLOSING:
            self.closing(p, folded)
        elif p.place is Place.PREAMBLE and (_is_furniture(folded) or _is_addressee(folded)):
            self.furniture(p, folded)
        else:
            readings = self.dates(p, folded)
            if p.place is Place.PREAMBLE:
                self.preamble_context = self.context
                self.preamble.add(p.number)
            self.sentences(p, folded, readings)
            if m := _GARBLED.search(folded):
                excerpt = p.text[max(0, m.start() - 6) : m.end() + 6]
                self.found.report(ParseCode.GARBLED_TEXT, Severity.INFO, p.number, text=excerpt)

    def dates(self, p: Paragraph, folded: str, *, keep: bool = True) -> list[DateReading]:
        """The dates of a paragraph, read in the running context; the unreadable ones reported."""
        readings = list(read_dates(folded, self.context))
        for r in readings:
            if r.date is not None:
                if keep:
                    self.context = r.date
            elif r.problem == "ambiguous":
                every = ", ".join(r.readings)
                self.found.report(ParseCode.AMBIGUOUS_DATE, Severity.WARNING, p.number, text=r.text, readings=every)
            else:
                self.found.report(ParseCode.IMPOSSIBLE_DATE, Severity.WARNING, p.number, text=r.text)
        return readings

    def sentences(self, p: Paragraph, folded: str, readings: list[DateReading]) -> None:
        for s in _sentences(p, folded, readings):
            for cue in _CUES:
                if p.place not in cue.places:
                    continue
                matches = cue.pattern.finditer(s.folded)
                for m in [next(matches, None)] if cue.once else matches:
                    if m is not None:
                        cue.read(s, m, self.found)

    def furniture(self, p: Paragraph, folded: str) -> None:
        """Page furniture or an addressee: boilerplate; a furniture date is the page's, not the text's."""
        self.found.boilerplate.add(p.number)
        if _is_furniture(folded) and self.published is None:
            dated = [r.date for r in self.dates(p, folded, keep=False) if r.date is not None]
            if dated:
                self.published = (dated[0], p.number)

    def closing(self, p: Paragraph, folded: str) -> None:
        """Signature, date line, contact lines and furniture are boilerplate; other lines are left as they are."""
        if _CONTACT.search(folded):
            self.found.boilerplate.add(p.number)
        elif _is_furniture(folded):
            self.furniture(p, folded)
        elif (r := _date_line(folded, self.context)) is not None:
            self.found.boilerplate.add(p.number)
            if r.date is None:
                self.dates(p, folded, keep=False)  # reported
            else:
                self.found.date("report_date", r.date, p.number)
        elif self.signature is None and len(folded) <= 40 and _is_unit(folded.strip()):
            self.found.boilerplate.add(p.number)
            self.signature = (p.text, p.number)

    def facts(self) -> Facts:
        found = self.found
        title = "".join(p.text for p in self.title)
        title_line = self.title[0].number if self.title else None
        if self.published is not None and "report_date" not in found.dates:
            found.date("report_date", *self.published)
        full = _title_unit(title) if title else None
        full_line = title_line
        if full is None and self.signature is not None:
            full, full_line = self.signature
        inspector = self.inspector(title, title_line)
        target = self.target(full, full_line)
        names = ("inspector", "target")  # their lines are those of the statement resolved, below
        lines = {k: v for k, v in found.lines.items() if k.split("/")[0] not in names}
        lines |= {k: v for k, v in (("inspector", inspector[1]), ("target", target[1])) if v is not None}
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
            declared=DeclaredCounts(**found.counts),
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

    def inspector(self, title: str, title_line: int | None) -> tuple[str | None, int | None]:
        texts, lines = self.found.texts, self.found.lines
        name = "inspector" if "inspector" in texts else "inspector/feedback"
        stated = texts.get(name)
        in_title = _title_inspector(title) if title else None
        resolved = _resolve_inspector(stated, in_title)
        return resolved, (lines.get(name) if resolved == stated else title_line)

    def target(self, full: str | None, full_line: int | None) -> tuple[str | None, int | None]:
        texts, lines = self.found.texts, self.found.lines
        name = "target" if "target" in texts else "target/feedback"
        stated = texts.get(name)
        resolved = _resolve_target(stated, full)
        return resolved, (lines.get(name) if resolved == stated else full_line)

    def kind(self) -> tuple[InspectionKind, int] | None:
        """Look-back over special over regular (as the text calls the round), then a special group's
        round is special; regular when an inspection is said to have taken place."""
        for kind in (InspectionKind.LOOK_BACK, InspectionKind.SPECIAL, InspectionKind.REGULAR):
            line = next((n for k, n in self.found.kinds if k is kind), None)
            if line is not None:
                return kind, line
        if self.found.special_group is not None:
            return InspectionKind.SPECIAL, self.found.special_group
        if self.found.named is not None:
            return InspectionKind.REGULAR, self.found.named
        return None


def _sentences(p: Paragraph, folded: str, readings: list[DateReading]) -> Iterator[_Sentence]:
    """The sentences of a paragraph, each with its dates (in one walk over both)."""
    start, k = 0, 0
    ends = [m.end() for m in re.finditer(r"[。;!?！？]", folded)]
    if not ends or ends[-1] < len(folded):
        ends.append(len(folded))
    for end in ends:
        inside = []
        while k < len(readings) and readings[k].start < end:
            r = readings[k]
            if r.start >= start:
                inside.append(attrs.evolve(r, start=r.start - start, end=r.end - start))
            k += 1
        yield _Sentence(p.number, p.place, p.text[start:end], folded[start:end], inside)
        start = end


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
    reader = _Reader()
    for p in paragraphs:
        reader.paragraph(p)
    return reader.facts()

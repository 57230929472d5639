"""The facts pass's cues: which phrase of a sentence gives which fact, and the readers that take it.

``_CUES`` is the table: each cue is a pattern over one sentence and a reader that says which
facts a match gives. Order matters within a sentence: a cue that takes a date claims it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import attrs

from .._lexicon.dates import RANGE_BETWEEN
from .._lexicon.text import QUOTES
from ..model import InspectionKind
from ._counts import declared_counts
from ._names import clean_target, names_unit, subject
from ._sentences import Found, Place, Sentence

Reader = Callable[[Sentence, re.Match[str], Found], None]


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


def _on_site(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``(date,) X组对Y进行了(专项)巡察(“回头看”)``: the target, the inspector, the on-site period, the kind.

    Each fact by its own cue: a unit of a form the table does not know costs the target only, as
    long as a group is the sentence's subject (``X组于A至B,对Y开展巡察``: the group before the dates).
    """
    target = clean_target(s.raw[m.start("target") : m.end("target")])
    named = names_unit(target)
    group = subject(s, m.start()) or _group_before_dates(s, m.start())
    if not named and group is None:
        return  # 对已完成的整改事项开展巡察整改督查: not a unit inspected
    _on_site_period(s, m.start(), found)
    found.inspection(s.line)
    found.text("target", target if named else None, s.line)
    found.text("inspector", group, s.line)
    _round_kind(s, m, found)


def _on_site_unnamed(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``(date,) 第一巡察组进行了巡察``: the group and its period, where the sentence names no unit."""
    if _group_on_site(s, m, found):
        _round_kind(s, m, found)


def _alongside(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``X专项巡察组配合省委第十一巡视组…开展了巡察``: the group is X, on site in the dates before it."""
    _group_on_site(s, m, found)


def _group_on_site(s: Sentence, m: re.Match[str], found: Found) -> bool:
    """The group that is the subject before the cue, and the period before it; whether there is one."""
    group = subject(s, m.start())
    if group is None:
        return False
    _on_site_period(s, m.start(), found)
    found.inspection(s.line)
    found.text("inspector", group, s.line)
    return True


def _round_kind(s: Sentence, m: re.Match[str], found: Found) -> None:
    said = s.folded[m.start("how") : min(len(s.folded), m.end() + 6)]
    if re.search(rf"回头看|巡[察视][{QUOTES}]?\s*回头看", said):
        found.kinds.append((InspectionKind.LOOK_BACK, s.line))
    elif re.search(r"专项巡[察视](?![组办])", said):
        found.kinds.append((InspectionKind.SPECIAL, s.line))


def _group_before_dates(s: Sentence, anchor: int) -> str | None:
    """The group named before the on-site dates: ``市委第七巡察组于2023年3月14日至5月14日,对…``."""
    last = s.date_before(anchor)
    if last is None:
        return None
    first = (
        last - 1
        if last > 0 and RANGE_BETWEEN.fullmatch(s.folded[s.dates[last - 1].end : s.dates[last].start])
        else last
    )
    return subject(s, s.dates[first].start)


def _on_site_period(s: Sentence, anchor: int, found: Found) -> None:
    """The range before *anchor* (``A至B``), else one date opening a clause (``2022年5月,``)."""
    last = s.date_before(anchor)
    if last is None:
        return
    before = [k for k in range(max(0, last - 3), last + 1) if k not in s.claimed]  # the clauses just before
    for a, b in itertools.pairwise(before):
        if b == a + 1 and RANGE_BETWEEN.fullmatch(s.folded[s.dates[a].end : s.dates[b].start]):
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


def _started(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``自2021年3月11日起`` / ``于…进驻``: the first day on site."""
    k = s.date_at(m.end())
    if k is not None and _STARTED.match(s.folded, s.dates[k].end):
        found.date("start", s.take(k), s.line)


def _ended(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``6月18日(巡察)结束`` / ``离场``: the last day on site."""
    k = s.date_before(m.start())
    if k is not None and m.start() - s.dates[k].end <= 4 and _ENDED.fullmatch(s.folded, s.dates[k].end, m.end()):
        found.date("end", s.take(k), s.line)


def _as_of(s: Sentence, m: re.Match[str], found: Found) -> None:
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


def _plan(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``2021年9月,制定印发了整改方案``: the plan's date, the one attached to the verb."""
    found.date("plan_date", s.take(_attached(s, m.start())), s.line)


def _feedback_on(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``于2025210(向…)反馈``: the feedback date after 于, if no other date stands before 反馈."""
    k = s.date_at(m.start("at"))
    if not s.of_inspection or k is None or s.in_range(k) or (k + 1 < len(s.dates) and s.dates[k + 1].start < m.end()):
        return
    found.inspection(s.line)
    found.date("feedback_date", s.take(k), s.line)


def _feedback_given(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``8月4日,X组向Y反馈了意见``: the feedback date attached to the verb, its giver and receiver."""
    giver = subject(s, m.start())
    if giver is None and not s.of_inspection:
        return  # 群众反馈了意见: not the inspection's feedback
    found.inspection(s.line)
    found.date("feedback_date", s.take(_attached(s, m.start())), s.line)
    found.text("inspector/feedback", giver, s.line)
    if m.group("to"):
        to = clean_target(s.raw[m.start("to") : m.end("to")])
        named = names_unit(to)
        found.text("target/feedback", to if named else None, s.line)


def _feedback_after_date(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``2023年6月1日反馈巡察意见``: a date written right before the verb, in a sentence of the inspection."""
    k = s.date_before(m.start())
    if not s.inspection or k is None or s.dates[k].end != m.start() or s.in_range(k):
        return
    found.inspection(s.line)
    found.date("feedback_date", s.take(k), s.line)


def _feedback_dated(s: Sentence, m: re.Match[str], found: Found) -> None:
    """``反馈时间为2021年8月4日``."""
    if not s.of_inspection:
        return
    found.inspection(s.line)
    found.date("feedback_date", s.take(s.date_at(m.start("at"))), s.line)


def _kind(kind: InspectionKind | None, *, special_group: bool = False) -> Reader:
    def read(s: Sentence, m: re.Match[str], found: Found) -> None:
        found.inspection(s.line)
        if kind is not None:
            found.kinds.append((kind, s.line))
        if special_group and found.special_group is None:
            found.special_group = s.line

    return read


_FINDING_COUNTS = frozenset({"aspects", "categories", "problems"})


def _counts(s: Sentence, m: re.Match[str], found: Found) -> None:
    """Declared counts: of the findings where the sentence speaks of them, else of the rectification."""
    for name, value, _ in declared_counts(s.folded):
        if (s.findings or name not in _FINDING_COUNTS) and name not in found.counts:
            found.counts[name] = value
            found.lines[f"declared/{name}"] = s.line


def _attached(s: Sentence, index: int) -> int | None:
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
    _Cue(
        ("inspector", "start", "end", "kind"),
        re.compile(rf"{_VERB}(?P<how>[^,。;对]{{0,8}}?)巡[察视](?![组办])"),
        _on_site_unnamed,
        _READ,
    ),
    _Cue(("inspector", "start", "end"), re.compile(r"配合[^,。;]{2,30}?[组办]"), _alongside, _READ),
    _Cue(("start",), re.compile(r"(?:自|从|于)\s*"), _started, _READ),
    _Cue(("end",), re.compile(r"(?:巡[察视])?(?:结束|离场|撤离)"), _ended, _READ),
    _Cue(("as_of",), re.compile(r"截至|截止"), _as_of, _READ),
    _Cue(("plan_date",), re.compile(r"(?:制定|印发|出台|审定)[^,。;]{0,30}?整改(?:工作)?方案"), _plan, _READ),
    _Cue(("feedback_date",), re.compile(r"于\s*(?P<at>\d)[^,。;]{0,60}?反馈"), _feedback_on, _READ),
    _Cue(("feedback_date",), re.compile(r"(?<=日)\s*反馈(?=(?:巡察|巡视)?意见)"), _feedback_after_date, _READ),
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
        re.compile(rf"巡[察视]\s*[{QUOTES}]?\s*回头看|回头看\s*[{QUOTES}]?\s*(?:专项)?巡[察视]"),
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

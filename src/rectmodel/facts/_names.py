"""Names in a notice: the inspecting group and the inspected unit, as stated, in the title and signed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._lexicon import PARTY_ORGAN, fold
from .._lexicon.dates import DATE_CHARS, MONTH_PART, PART_CHARS
from .._lexicon.numerals import SMALL
from .._lexicon.text import QUOTES, simplified
from ._sentences import Sentence

__all__ = [
    "GARBLED",
    "GENERIC_TARGET",
    "ORGANISATION",
    "body_unit",
    "clean_target",
    "is_group",
    "is_unit",
    "names_unit",
    "resolve_inspector",
    "resolve_target",
    "subject",
    "title_inspector",
    "title_unit",
]

_SUFFIX = rf"(?:{PARTY_ORGAN}|委员会|局|院|委|办|中心|校|所|站|公司|厅|部|会)"
# An inspected unit as the genre names it: an organ (党组, 局, 办 …), a people's organisation (工商联,
# 社科联, 妇联, 科协, 联合会), an organ's offices (政协机关), a place (某市, 某区, 开发区), or several
# village organisations counted (等5个村级党组织).
ORGANISATION = re.compile(
    rf"(?:{_SUFFIX}|单位|镇|乡|街道|村|社区|集团|医院|学校|大学|馆|队|联|协|联合会|机关|园区|组织"
    r"|(?<![全各本该])(?<=..)[省市县区旗州])$"
)
# (含县融媒体中心、县社科联): the bodies inspected with the unit, part of what was inspected.
_INCLUDING = re.compile(r"\s*[(（]\s*(?:含|包括)[^()（）]*[)）]\s*$")
_SELF = re.compile(rf"^(?:我|本)(?:单位|{_SUFFIX}){PARTY_ORGAN}?$")
GENERIC_TARGET = re.compile(r"^被巡[察视]|^各")

_BOUNDARY = ",;:!?()。"
_LEADING = re.compile(rf"(?:[{DATE_CHARS}]|{MONTH_PART}|根据|按照|由|经|受|接受|配合|并|同时)+")
_TAIL = re.compile(rf"(?:于|自|从|在)?[{DATE_CHARS}{PART_CHARS}]*(?:分别|先后|依次|正式|共同)?\s*")
GARBLED = re.compile(r"第\s*[察轮组]|第巡")


def subject(s: Sentence, end: int) -> str | None:
    """The inspecting group that is the subject of the clause ending at *end* (``市委第二巡察组于…``)."""
    window = max(0, end - 80)  # no group's name is longer: a bounded look keeps the pass linear
    start = max((s.folded.rfind(ch, window, end) + 1 for ch in _BOUNDARY), default=window)
    start = max(start, window)
    alongside = s.folded.find("配合", start, end)
    if alongside >= 0:  # X巡察组配合省委第十一巡视组…: the subject is X
        end = alongside
    k = max(s.folded.rfind("组", start, end), s.folded.rfind("办", start, end))  # 巡察组, or 巡察办 itself
    if k < 0 or not ((alongside >= 0 and k + 1 == end) or _TAIL.fullmatch(s.folded, k + 1, end)):
        return None
    lead = _LEADING.match(s.folded, start, k)
    name = s.raw[lead.end() if lead else start : k + 1].strip()
    return name if is_group(name) else None


def is_group(name: str) -> bool:
    """Whether *name* names an inspecting group: ``…巡察组`` (or ``…巡察办``) with whose it is (市委, 第二,
    获嘉县… …)."""
    name = simplified(name)
    return (
        3 <= len(name) <= 60
        and name.endswith(("组", "办"))
        and ("察" in name or "视" in name)
        and re.search(r"委|中央|第|\d|..[省市县区州旗]", name) is not None
    )


_TITLE_CUTS = re.compile(r"关于|落实|贯彻|对|的|[,;:()《》\s]")


def title_inspector(title: str) -> str | None:
    """The inspecting group a title names (``…关于落实市委第五巡察组巡察反馈意见…``)."""
    folded = fold(title)
    start = 0
    for cut in [*_TITLE_CUTS.finditer(folded), None]:
        end = len(folded) if cut is None else cut.start()
        piece = title[start:end]
        if len(piece) <= 120:
            for k, ch in enumerate(piece):
                if ch == "组" and is_group(piece[: k + 1]):
                    return piece[: k + 1]
        start = end if cut is None else cut.end()
    return None


def title_unit(title: str) -> str | None:
    """The organisation a title is written by: ``中共某某局党组`` of ``中共某某局党组关于…的通报``, or of
    a ledger's ``中共某某局党组落实市委第二巡察组反馈意见整改台账``.

    >>> title_unit("中共某某局党组落实市委第二巡察组反馈意见整改台账")
    '中共某某局党组'
    """
    at = title.find("关于")  # the writer's name ends at 关于; a ledger's title may have none
    if at < 0 and (m := _TITLE_UNIT_END.search(title)) is not None:
        at = m.start()
    unit = title[:at].strip() if at > 0 else ""
    return unit if is_unit(unit) else None


_TITLE_UNIT_END = re.compile(r"落实|贯彻|巡[察视]|反馈|整改")


# Where a body names the unit that writes it: a plan title it quotes (《中共某某党组关于…的整改方案》),
# or the subject of a sentence on how it set about the work (县委宣传部高度重视…).
_QUOTED_TITLE = re.compile(r"《([^《》]{4,60}?)关于[^《》]{2,80}》")
_SUBJECT_UNIT = re.compile(
    r"(?:^|(?<=[。;!?]))\s*([\u4e00-\u9fff]{4,40}?)"
    r"(?=高度重视|始终|坚持|认真|严格|第一时间|立即|迅速|切实|召开|成立|深入|把整改|将整改|针对)"
)


def body_unit(folded: str) -> tuple[int, int] | None:
    """Where *folded* (simplified) names the unit that writes it, as a span; None where it does not.

    >>> text = "县委宣传部高度重视巡察整改工作。"
    >>> span = body_unit(text); text[span[0] : span[1]]
    '县委宣传部'
    >>> text = "严格落实《中共某某区民政局党组关于巡察整改的实施方案》要求。"
    >>> span = body_unit(text); text[span[0] : span[1]]
    '中共某某区民政局党组'
    >>> body_unit("局党组高度重视巡察整改工作。") is None
    True
    """
    for pattern in (_QUOTED_TITLE, _SUBJECT_UNIT):
        for m in pattern.finditer(folded):
            name = m.group(1)
            if is_unit(name) and not is_group(name) and not _SELF.match(name) and not name.startswith(("该", "各")):
                return m.span(1)
    return None


def is_unit(text: str) -> bool:
    text = simplified(text)
    return 2 <= len(text) <= 60 and re.search(rf"{_SUFFIX}$", text) is not None and not re.search(r"[,。;:]", text)


# (以下简称"市检察院党组") / (下称…) / (含县融媒体中心): a gloss after the name, not part of it.
_GLOSS = re.compile(r"\s*[(（]\s*(?:以下简称|以下称|下称|简称)[^()（）]*[)）]\s*$")


def names_unit(target: str) -> bool:
    """Whether *target* names an inspected unit (not ``各单位``, not ``已完成的整改事项``).

    >>> names_unit("县委宣传部(含县融媒体中心、县社科联)"), names_unit("湖北省"), names_unit("被巡察单位")
    (True, True, False)
    """
    core = _INCLUDING.sub("", simplified(target))
    return ORGANISATION.search(core) is not None and not GENERIC_TARGET.match(core)


def clean_target(text: str) -> str:
    """The unit as named, without quotes around it or a gloss of how the text will call it."""
    return _GLOSS.sub("", text.strip()).strip().strip(QUOTES).strip()


def _abbreviates(short: str, full: str) -> bool:
    """Whether *short* is *full* written shorter (``市市场监管局党组`` of ``中共江门市市场监督管理局党组``)."""
    bare_short, bare_full = short.removeprefix("中共"), full.removeprefix("中共")
    if bare_short == bare_full or len(short) >= len(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)  # a subsequence: every character, in order


def resolve_target(stated: str | None, full: str | None) -> str | None:
    """The inspected unit: as stated, unless the statement is 我局 or a short form of *full*, the unit
    named in full elsewhere (a notice that names itself nowhere else is 我局党组's, as it says).

    >>> resolve_target("我局党组", "中共某市司法局党组"), resolve_target("我局党组", None)
    ('中共某市司法局党组', '我局党组')
    """
    if stated is None:
        return None
    if _SELF.match(simplified(stated)):
        return stated if full is None else full
    if full is not None and _abbreviates(stated, full):
        return full
    return stated


_GROUP_NUMERAL = re.compile(rf"[{SMALL}0-9]")


def resolve_inspector(stated: str | None, title: str | None, others: Sequence[str] = ()) -> str | None:
    """The inspecting group: as stated, repaired from the title's where the statement lost characters,
    and the fullest name of it wins (``省委第一巡视组`` over a later ``省委巡视组``).

    *others* are the other statements of the group (the feedback sentence's, the title's), weaker.

    >>> resolve_inspector("省委巡视组", None, ["省委第一巡视组"])
    '省委第一巡视组'
    >>> resolve_inspector("市委第二巡察组", None, ["市委巡察组"])
    '市委第二巡察组'
    """
    if stated is None:
        stated, others = (others[0], others[1:]) if others else (title, ())
        if stated is None:
            return None
    if title is not None and GARBLED.search(fold(stated)) and _abbreviates(stated, title):
        return title
    numbered = len(_GROUP_NUMERAL.findall(stated))
    for other in (*others, *([title] if title else [])):
        if len(_GROUP_NUMERAL.findall(other)) > numbered and _abbreviates(stated, other):
            return other
    return stated

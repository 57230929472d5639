"""Pass 1, lex: each line of a notice gets a kind and, if numbered, a numbering marker.

Punctuation lost in publishing is recovered here, once: a number run into its text
(``3修订完善…``) or a parenthesis that lost its closing half (``(三针对…``) gives a
marker that is *uncertain*; the outline pass accepts it only where the numbering
expects exactly that number. Every pattern is anchored or bounded, so lexing is
linear in the length of the text.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import attrs

from .._lexicon import PARTY_ORGAN, fold, read_number
from .._lexicon.dates import DATE_LINE
from .._lexicon.furniture import CONTACT, FURNITURE_LINE
from .._lexicon.numerals import HEADING
from .._lexicon.text import simplified

__all__ = ["Line", "LineKind", "Marker", "Style", "lex"]

_CN = HEADING


class Style(enum.Enum):
    """A numbering style; the outline gives each style its depth from where it first appears."""

    CN_COMMA = "一、"
    CN_PAREN = "(一)"
    ARABIC_DOT = "1."
    ARABIC_PAREN = "(1)"
    ARABIC_HALF = "1)"
    CIRCLED = "①"
    ASPECT_WORD = "第一方面"
    PROBLEM_WORD = "问题1"


class LineKind(enum.Enum):
    """What a line is, before the outline and the roles say where it belongs."""

    HEADING = "heading"  # starts with a numbering marker
    STATUS = "status"  # 整改结果:… / 整改状态:… of the item above
    MEASURE_STATUS = "measure-status"  # 整改进展:… of the last measure
    INTRO = "intro"  # 整改情况:… / 整改措施:…, what follows are measures
    CONTACT = "contact"  # 联系电话… / 欢迎广大干部群众…监督
    DATE = "date"  # a line that is only a date
    SIGNATURE = "signature"  # 中共某某局党组
    FURNITURE = "furniture"  # a web page's furniture: 发布时间, 来源, 字号, 打印, 关闭
    TEXT = "text"


@attrs.frozen
class Marker:
    """A numbering marker: its style, its number, and whether its punctuation was intact."""

    style: Style
    ordinal: int
    certain: bool = True


@attrs.frozen
class Line:
    """One non-blank line of the notice.

    Args:
        number: its line number in the source, from 1.
        text: as written, stripped.
        folded: ``text`` in simplified characters, full-width digits and punctuation made ASCII (same indices).
        kind: what the line is.
        marker: its numbering marker, if it starts with one.
        rest: the text after the marker or label, as written.
    """

    number: int
    text: str
    folded: str
    kind: LineKind = LineKind.TEXT
    marker: Marker | None = None
    rest: str = ""

    def rest_folded(self) -> str:
        """``rest`` with full-width punctuation made ASCII (``rest`` ends the line: a slice of ``folded``)."""
        return self.folded[len(self.folded) - len(self.rest) :]


_NOT_A_HEADING_AFTER_NUMBER = r"(?!\d+(?:\.\d+)?\s*[%万亿元])"  # 1.5万元, 3.2% are figures, not items
# (pattern, style); group 1 is the number, group 2 the text after the marker.
_MARKERS: tuple[tuple[re.Pattern[str], Style], ...] = (
    (re.compile(rf"^([{_CN}]{{1,4}})\s*[、.]\s*(.*)$"), Style.CN_COMMA),
    (re.compile(rf"^\(\s*([{_CN}]{{1,4}})\s*\)\s*(.*)$"), Style.CN_PAREN),
    (re.compile(r"^\(\s*(\d{1,3})\s*\)\s*(.*)$"), Style.ARABIC_PAREN),
    (re.compile(rf"^第([{_CN}]{{1,4}})方面(?:问题)?\s*[,:、.]?\s*(.*)$"), Style.ASPECT_WORD),
    (re.compile(rf"^(\d{{1,3}})\s*[.、]\s*{_NOT_A_HEADING_AFTER_NUMBER}(.*)$"), Style.ARABIC_DOT),
    (re.compile(r"^(\d{1,3})\)\s*(.*)$"), Style.ARABIC_HALF),
    (re.compile(r"^问题\s*(\d{1,3})\s*[.、:]?\s*(.*)$"), Style.PROBLEM_WORD),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Markers whose punctuation was lost: 3修订… (a number run into text, not 3月/3个/3项…), (三针对… (no ")").
_LOST: tuple[tuple[re.Pattern[str], Style], ...] = (
    (re.compile(r"^(\d{1,3})(?=[\u4e00-\u9fff“《\"])(?![年月日号个项条次名人家万元余%届期批])(.*)$"), Style.ARABIC_DOT),
    (re.compile(rf"^\(([{_CN}]{{1,4}})(?=[^\s{_CN})\d])(.*)$"), Style.CN_PAREN),
    (re.compile(r"^\((\d{1,3})(?=[\u4e00-\u9fff“])(.*)$"), Style.ARABIC_PAREN),
)

_LABELS = r"(?:整改结果|整改状态|完成情况|整改进度|办理结果|目前状态)"
_STATUS = re.compile(rf"^{_LABELS}\s*:\s*(.*)$|^整改结果\s*(.+)$")
_MEASURE_STATUS = re.compile(r"^(?:整改进展|进展情况)\s*:\s*(.*)$")
_INTRO = re.compile(
    r"^(?:整改情况|整改措施|主要措施|整改落实情况|具体措施|整改举措|采取措施|落实情况)\s*(?:如下)?\s*[:]?\s*(.*)$"
)
_SIGNATURE = re.compile(rf"(?:{PARTY_ORGAN}|委员会|领导小组|办公室)$")


def _marker(line: str) -> tuple[Marker, int] | None:
    """The marker *line* (folded) starts with, and where its text starts."""
    if line[:1] in _CIRCLED:
        return Marker(Style.CIRCLED, _CIRCLED.index(line[0]) + 1), 1
    for patterns, certain in ((_MARKERS, True), (_LOST, False)):
        for pattern, style in patterns:
            m = pattern.match(line)
            if m is not None:
                ordinal = read_number(m.group(1))
                if ordinal is not None and ordinal > 0:
                    return Marker(style, ordinal, certain), m.start(2)
    return None


def _classify(number: int, text: str) -> Line:
    folded = fold(simplified(text))  # the cues read simplified characters; the ledger keeps the text as written
    found = _marker(folded)
    if found is not None:
        marker, at = found
        return Line(number, text, folded, LineKind.HEADING, marker, text[at:].strip())
    for pattern, kind in (
        (_STATUS, LineKind.STATUS),
        (_MEASURE_STATUS, LineKind.MEASURE_STATUS),
        (_INTRO, LineKind.INTRO),
    ):
        m = pattern.match(folded)
        if m is not None:
            group = next(k for k in range(1, (m.lastindex or 1) + 1) if m.group(k) is not None)
            return Line(number, text, folded, kind, None, text[m.start(group) :].strip())
    if FURNITURE_LINE.match(folded) and len(folded) <= 80:
        return Line(number, text, folded, LineKind.FURNITURE)
    if CONTACT.search(folded):
        return Line(number, text, folded, LineKind.CONTACT)
    if len(folded) <= 30 and DATE_LINE.match(folded):
        return Line(number, text, folded, LineKind.DATE)
    if len(folded) <= 40 and _SIGNATURE.search(folded) and not re.search(r"[,。;:]", folded):
        return Line(number, text, folded, LineKind.SIGNATURE)
    return Line(number, text, folded)


def lex(text: str) -> Iterator[Line]:
    """The non-blank lines of *text*, each with its kind and marker."""
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if stripped:
            yield _classify(number, stripped)

"""Dates as documents write them: the one grammar every reader reads them with, and the one writer.

Notices and ledgers write a date in Chinese (``2021年9月30日``, ``二〇二一年十一月十二日``), with
full-width digits (folded before reading), with the spaces a PDF's text layer puts between its parts
(``2022 年 3 月 8 日``), at a month's part (``3月中旬``, ``12月底``: month precision), at a year's
end (``2021年底``, ``年底前``: year precision), in ranges (``至``, ``—``, ``-``, ``~``), and with the
separators publishing lost (``20241021日``). Deadlines may be terms (``长期坚持``) instead of dates.

- ``read_dates`` reads every date in a line of running text, a yearless date taking its year from
  the date before it (notices);
- ``parse_date_text`` reads the one date a cell names, or none (ledgers);
- ``date_text`` and ``deadline_text`` write a date as both read it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..dates import Deadline, DeadlineTerm, PartialDate
from .numerals import DIGITS, SMALL, read_digits, read_number
from .text import nfkc

__all__ = [
    "AS_OF",
    "DATE_CHARS",
    "DATE_LINE",
    "DEADLINE_CHANGE",
    "DEADLINE_TERMS",
    "MONTH_PART",
    "PART_CHARS",
    "RANGE",
    "RANGE_BETWEEN",
    "STATUS_DATE",
    "DateReading",
    "date_text",
    "deadline_term",
    "deadline_text",
    "parse_date_text",
    "parse_deadline_text",
    "read_dates",
]


def _any(words: tuple[str, ...]) -> str:
    return "|".join(words)


# A month's part: the date is known to the month (3月中旬, 12月底, 9月份).
_MONTH_PARTS = ("上旬", "中旬", "下旬", "初", "底", "末", "份")
MONTH_PART = rf"(?:{_any(_MONTH_PARTS)})"
# What may follow a month in a ledger's cell (2021年12月底前), and a year (2021年底, 2021年度).
_MONTH_ENDS = ("底", "末", "前", "中旬", "下旬", "上旬")
_YEAR_ENDS = ("底", "末", "前", "内", "度")
# After a year with no month, these make it a year's part a notice does not read as a date (截至2021年底).
_YEAR_PART_AFTER = re.compile(r"[度底初末]|[0-9]")
# The words and signs that join the two ends of a range (2021年3月11日至6月18日, 3月—5月). Between two
# dates already found any of them joins (RANGE_BETWEEN); where a range is split out of a cell's text
# (RANGE), a single hyphen is a date's own separator (2021-9-30) unless it stands between spaces.
_RANGE_WORDS = ("至", "到", "—", "–", "~", "～")
RANGE_BETWEEN = re.compile(rf"\s*(?:{_any(_RANGE_WORDS)}|－|-)\s*")
RANGE = re.compile(rf"\s*(?:{_any(_RANGE_WORDS)}|－{{1,2}}|-{{2}}|\s-\s)\s*")
# The characters of a written date and its ranges, and those of a month's parts, for patterns that skip
# over a date (``[{DATE_CHARS}{PART_CHARS}]*``).
DATE_CHARS = r"\d\s年月日号至到\-—~"
PART_CHARS = "旬上中下初底末份"
_YEAR_DIGITS = "〇零" + DIGITS[1:]
# A line that is only a date (a notice's signature date, a page's 日期:2025-09-24).
DATE_LINE = re.compile(
    r"^(?:日期\s*:\s*)?(?:\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?|\d{4}-\d{1,2}-\d{1,2})\s*$"
)
# The date a ledger's progress line starts with: groups year, month, day (Chinese) or month, day (2021.9.30).
STATUS_DATE = (
    r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?|年|[./\-]\s*(\d{1,2})(?:\s*[./\-]\s*(\d{1,2}))?)"
)
# The date a cover's 截至… states (截至2021年10月).
AS_OF = re.compile(r"(?:截至|截止)\s*(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)")

# Deadline terms as documents write them, the writer's word first.
DEADLINE_TERMS: dict[DeadlineTerm, tuple[str, ...]] = {
    DeadlineTerm.IMMEDIATE: ("立行立改", "立即整改", "即知即改", "立查立改"),
    DeadlineTerm.LONG_TERM: ("长期坚持", "长期", "长期推进", "长期整改"),
    DeadlineTerm.ONGOING: ("持续整改", "常态化", "持续推进", "持续落实", "常态长效", "长效"),
}


def deadline_term(text: str) -> DeadlineTerm | None:
    """The term a deadline's text names (``长期坚持`` → ``long_term``), or None.

    >>> deadline_term(" 长期坚持 "), deadline_term("2021年底")
    (<DeadlineTerm.LONG_TERM: 'long_term'>, None)
    """
    words = text.strip()
    for term, forms in DEADLINE_TERMS.items():
        if any(form in words for form in forms):
            return term
    return None


@attrs.frozen
class DateReading:
    """A date found in the text, with where it is; ``date`` is None when it could not be read for certain.

    Args:
        date: the date, or None if ambiguous or impossible.
        start: index of its first character in the line.
        end: index after its last character.
        text: the text as written.
        problem: ``ambiguous`` or ``impossible`` when ``date`` is None.
        readings: for an ambiguous date, every reading it allows.
    """

    date: PartialDate | None
    start: int
    end: int
    text: str
    problem: str | None = None
    readings: tuple[str, ...] = ()


# 2022年11月15市委: a day whose 日 was lost, read where a word (not a measure word, a unit or a
# separator) follows it directly.
_DAY_LOST = r"(?P<dl>\d{1,2})(?=[^\d\s个项条次人名件天年月日号%.,:;、)(。])"

# 2021年3月11日, 3月11日, 2020年10月, 2021年 (with a month or day) and the forms publishing mangles:
# 20241021日 (年 and 月 lost), 202435日 (年 and 月 lost, one-digit month and day), 1212日 (月 lost),
# 2025210 (all lost); PDF extraction's spaces (2022 年 3 月 8 日); and a month's part (3月中旬, 12月底),
# which leaves the date at month precision. PDF extraction also spaces the digits themselves (2 0 2 3年3月1 4日).
_DATE = re.compile(
    r"(?P<y>\d(?: ?\d){3})\s*年(?:\s*(?P<m>\d ?\d?)\s*月(?:\s*(?P<d>\d ?\d?)\s*[日号]|"
    + MONTH_PART
    + r"|"
    + _DAY_LOST
    + r")?)?"
    r"|(?<![\d.])(?P<m2>\d ?\d?)\s*月(?:\s*(?P<d2>\d ?\d?)\s*[日号]|" + MONTH_PART + r")?"
    r"|(?<![\d.])(?P<packed>\d{5,8})(?P<day>日)?(?![\d.%])"
    r"|(?<![\d.])(?P<short>\d{3,4})日"
    # 巡察91区委巡察组反馈, 至1031县委第三巡察组: a month and day that lost 月 and 日, before a committee's name
    r"|(?<![\d.])(?P<bare>\d{2,4})(?=[省市区县州旗盟]委)"
    r"|(?<![\d.])(?P<iso>(?:19|20)\d{2}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,2})(?![\d.])"
    # 二〇二一年十一月十二日, as official documents date their signature
    rf"|(?P<cy>[{_YEAR_DIGITS}]{{4}})\s*年\s*(?P<cm>[{SMALL}]{{1,2}})\s*月"
    rf"(?:\s*(?P<cd>[{SMALL}]{{1,3}})\s*[日号])?"
)


def _int(digits: str) -> int:
    """The number of *digits* written with PDF extraction's spaces between them (``1 4``)."""
    return int(digits.replace(" ", ""))


def _valid(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _split(digits: str, year: int | None) -> tuple[list[PartialDate], int | None]:
    """Every reading of month and day packed without separators: ``111`` is 1-11 or 11-1."""
    found = []
    for cut in range(1, len(digits)):
        month, day = digits[:cut], digits[cut:]
        if len(month) > 2 or len(day) > 2:
            continue
        if year is not None and (date := _valid(year, int(month), int(day))) is not None:
            found.append(date)
    return found, year


def _lost(m: re.Match[str], context: PartialDate | None) -> list[PartialDate] | None:
    """Every reading of a date whose 年/月 were lost (``20241021日``, ``202435日``, ``1212日``); None: no date."""
    digits = m.group("packed") or m.group("short") or m.group("bare")
    lost = len(digits) >= 7 or (len(digits) == 6 and m.group("day") is not None)  # 202435日: 2024-03-05
    if m.group("packed") and lost and 1990 <= int(digits[:4]) <= 2100:
        return _split(digits[4:], int(digits[:4]))[0]
    if not (m.group("short") or m.group("bare")) or context is None:
        return None
    found = []
    for r in _split(digits, context.year)[0]:
        if context.month is None or (r.month or 0, r.day or 0) >= (context.month, context.day or 0):
            found.append(r)
        elif (later := _valid(r.year + 1, r.month or 1, r.day)) is not None:
            found.append(later)  # a packed date earlier in the year than the one before: next year's
    return found


def read_dates(line: str, context: PartialDate | None) -> Iterator[DateReading]:
    """Every date in *line*, in order; a date without a year takes it from the date before it.

    A yearless date earlier in the year than the date before it is read as the next
    year's (notices run in time order). Dates whose separators were lost in publishing
    are read where only one reading is possible, else reported as ambiguous.

    >>> [str(r.date) for r in read_dates("2021年3月11日至6月18日", None)]
    ['2021-03-11', '2021-06-18']
    >>> [str(r.date) for r in read_dates("20241021日至1212日", None)]
    ['2024-10-21', '2024-12-12']
    >>> [(r.date, r.readings) for r in read_dates("于2024111日", None)]
    [(None, ('2024-01-11', '2024-11-01'))]
    >>> [str(r.date) for r in read_dates("2022 年 3 月中旬至5月下旬,二〇二二年十二月三十日", None)]
    ['2022-03', '2022-05', '2022-12-30']

    Bare digits before a committee's name (``巡察91区委巡察组反馈``: 9月1日) are a month and day only
    on a line whose dates lost their separators before them, and only where one reading is possible:

    >>> [str(r.date) for r in read_dates("2023814日至1031县委第三巡察组对某中心开展了巡察", None)]
    ['2023-08-14', '2023-10-31']
    >>> [str(r.date) for r in read_dates("2023年8月14日,1031县委", None)]
    ['2023-08-14']
    >>> [str(r.date) for r in read_dates("2023814日至111县委", None)]
    ['2023-08-14']
    """
    lossy = False  # a date of this line read from digits that lost 年, 月 or 日
    for m in _DATE.finditer(line):
        text = m.group(0)
        if m.group("bare") and not lossy:
            continue
        if m.group("y"):
            year = _int(m.group("y"))
            if m.group("m") is None:
                if not _YEAR_PART_AFTER.match(line, m.end()) and "年" in text:
                    date = PartialDate(year) if 1900 < year < 2200 else None
                    if date is None:
                        continue
                    yield DateReading(date, m.start(), m.end(), text)
                    context = date
                continue
            day = m.group("d") or m.group("dl")
            date = _valid(year, _int(m.group("m")), _int(day) if day else None)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        elif m.group("m2"):
            if context is None:
                continue  # a month with no year anywhere before: not a date we can place
            month, day = _int(m.group("m2")), _int(m.group("d2")) if m.group("d2") else None
            year = context.year
            if context.month is not None and (month, day or 1) < (context.month, context.day or 1):
                year += 1
            date = _valid(year, month, day)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        elif m.group("cy"):
            year = read_digits(m.group("cy")) or 0
            numbers = read_number(m.group("cm")), read_number(m.group("cd") or "")
            date = None if numbers[0] is None else _valid(year, numbers[0], numbers[1])
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        elif m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split(m.group("sep")))
            date = _valid(y, mo, d)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        else:
            readings = _lost(m, context)
            if readings is None:
                continue  # a number, not a date
            if len(readings) == 1:
                yield DateReading(readings[0], m.start(), m.end(), text)
                context, lossy = readings[0], True
            elif readings and not m.group("bare"):  # bare digits that may be two dates may be none
                yield DateReading(None, m.start(), m.end(), text, "ambiguous", tuple(str(r) for r in readings))


# Dates as cells write them: 2021年9月30日, 2021.9.30, 2021/9/30, 2021-9-30, 20210930, 2021年12月(底), 2021年(底).
_DAY = re.compile(r"(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月|[./\-])\s*(\d{1,2})\s*[日号]?")
_PACKED = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_MONTH = re.compile(rf"(\d{{4}})\s*(?:年|[./\-])\s*(\d{{1,2}})\s*(?:月份?)?(?:{_any(_MONTH_ENDS)})?")
_YEAR = re.compile(rf"(\d{{4}})\s*年(?:{_any(_YEAR_ENDS)})?")
_OTHER_DIGITS = re.compile(r"\d")


def parse_date_text(text: str) -> PartialDate | None:
    """The one date a cell's text names, as precise as it is written; None if it names none or several.

    ``2021年12月底`` is the month 2021-12 and ``2021年底`` the year 2021: a month's or a year's end
    is any day of it, as a partial date compares.

    >>> [str(parse_date_text(t)) for t in ("2021年9月30日", "2021.9.30", "2021/9/30", "20210930")]
    ['2021-09-30', '2021-09-30', '2021-09-30', '2021-09-30']
    >>> [str(parse_date_text(t)) for t in ("2021年12月底前", "2021年底", "2021-12")]
    ['2021-12', '2021', '2021-12']
    >>> parse_date_text("2021年2月30日"), parse_date_text("9月底"), parse_date_text("2021年9月、2022年3月")
    (None, None, None)
    """
    folded = nfkc(text).strip()
    found: list[PartialDate] = []
    rest = folded
    for pattern, parts in ((_DAY, 3), (_PACKED, 3), (_MONTH, 2), (_YEAR, 1)):
        for m in pattern.finditer(rest):
            numbers = [int(g) for g in m.groups()[:parts]]
            try:
                found.append(PartialDate(*numbers))
            except ValueError:
                return None
        rest = pattern.sub(" ", rest)
    if len(found) != 1 or _OTHER_DIGITS.search(rest):
        return None
    return found[0]


def parse_deadline_text(text: str) -> Deadline | None:
    """A deadline as a cell writes it: a date (see ``parse_date_text``) or a term; None if neither.

    >>> parse_deadline_text("2021年12月底"), parse_deadline_text("长期坚持")
    (PartialDate(year=2021, month=12, day=None), <DeadlineTerm.LONG_TERM: 'long_term'>)
    """
    date = parse_date_text(text)
    if date is not None:
        return date
    if _OTHER_DIGITS.search(nfkc(text)):
        return None  # a date it could not read: not a term, whatever words come with it
    return deadline_term(text)


def date_text(date: PartialDate) -> str:
    """A date as documents write it: ``2021年9月30日``, ``2021年9月``, ``2021年``, as precise as it is.

    >>> date_text(PartialDate(2021, 9, 30)), date_text(PartialDate(2020, 10)), date_text(PartialDate(2020))
    ('2021年9月30日', '2020年10月', '2020年')
    """
    if date.month is None:
        return f"{date.year}年"
    if date.day is None:
        return f"{date.year}年{date.month}月"
    return f"{date.year}年{date.month}月{date.day}日"


def deadline_text(date: PartialDate) -> str:
    """A deadline as text: a day as ``date_text``, a month ``2021年12月底``, a year ``2021年底``.

    >>> deadline_text(PartialDate(2021, 12)), deadline_text(PartialDate(2021))
    ('2021年12月底', '2021年底')
    """
    if date.month is None:
        return f"{date.year}年底"
    if date.day is None:
        return f"{date.year}年{date.month}月底"
    return date_text(date)


# Words that record why a deadline changed (申请延期, 推迟至, 顺延, 调整时限): a moved deadline with one
# of them in its measure's progress notes has its reason recorded.
DEADLINE_CHANGE = re.compile("延期|推迟|顺延|延长|调整时限|调整整改时限|时限调整")

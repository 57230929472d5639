"""Reading the words of a notice: punctuation, Chinese numerals, dates and declared counts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..dates import PartialDate

__all__ = ["DateReading", "chinese_number", "declared_counts", "fold", "read_dates"]

# Full-width and variant punctuation → ASCII, one character for one, so that indices stay valid.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "\uff08": "(",  # （
        "\uff09": ")",  # ）
        "\uff1a": ":",  # ：
        "\uff0c": ",",  # ，
        "\uff1b": ";",  # ；
        "\uff0e": ".",  # ．
        "\uff05": "%",  # ％
        "\ufe6a": "%",  # ﹪
        "\uff0d": "-",  # －
        "\uff5e": "~",  # ～
        "\u3000": " ",
        "\u2002": " ",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """*text* with full-width digits and punctuation made ASCII (same length, same indices)."""
    return text.translate(_FOLD)


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL = r"[0-9]+|[零〇一二两三四五六七八九十百千]+"


def chinese_number(text: str) -> int | None:
    """The value of ``28``, ``二十八``, ``十``, ``一百零五``; None if *text* is not a number.

    >>> chinese_number("二十八"), chinese_number("十一"), chinese_number("146"), chinese_number("一百零五")
    (28, 11, 146, 105)
    """
    if text.isascii() and text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0) if text else None


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


# 2021年3月11日, 3月11日, 2020年10月, 2021年 (with a month or day) and the forms publishing mangles:
# 20241021日 (年 and 月 lost), 1212日 (月 lost), 2025210 (all lost).
_DATE = re.compile(
    r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?"
    r"|(?<![\d.])(?P<m2>\d{1,2})月(?:(?P<d2>\d{1,2})[日号])?"
    r"|(?<![\d.])(?P<packed>\d{5,8})日?(?![\d.%])"
    r"|(?<![\d.])(?P<short>\d{3,4})日"
    r"|(?P<iso>\d{4}-\d{1,2}-\d{1,2})"
)


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
    """
    for m in _DATE.finditer(line):
        text = m.group(0)
        if m.group("y"):
            year = int(m.group("y"))
            if m.group("m") is None:
                if not re.match(r"[度底初末]|[0-9]", line[m.end() :]) and "年" in text:
                    date = PartialDate(year) if 1900 < year < 2200 else None
                    if date is None:
                        continue
                    yield DateReading(date, m.start(), m.end(), text)
                    context = date
                continue
            date = _valid(year, int(m.group("m")), int(m.group("d")) if m.group("d") else None)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        elif m.group("m2"):
            if context is None:
                continue  # a month with no year anywhere before: not a date we can place
            month, day = int(m.group("m2")), int(m.group("d2")) if m.group("d2") else None
            year = context.year
            if context.month is not None and (month, day or 1) < (context.month, context.day or 1):
                year += 1
            date = _valid(year, month, day)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        elif m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            date = _valid(y, mo, d)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        else:
            digits = m.group("packed") or m.group("short")
            if m.group("packed") and len(digits) >= 7 and 1990 <= int(digits[:4]) <= 2100:
                readings, _ = _split(digits[4:], int(digits[:4]))
            elif m.group("short") and context is not None:
                readings, _ = _split(digits, context.year)
                readings = [
                    r
                    if context.month is None or (r.month or 0, r.day or 0) >= (context.month, context.day or 0)
                    # a packed date earlier in the year than the one before: next year's
                    else PartialDate(r.year + 1, r.month, r.day)
                    for r in readings
                ]
            else:
                continue  # a number, not a date
            if len(readings) == 1:
                yield DateReading(readings[0], m.start(), m.end(), text)
                context = readings[0]
            elif readings:
                yield DateReading(None, m.start(), m.end(), text, "ambiguous", tuple(str(r) for r in readings))


def _numbered(pattern: str, names: tuple[str, ...]) -> str:
    for name in names:
        pattern = pattern.replace("#", f"(?P<{name}>{NUMERAL})", 1)
    return pattern


# Declared counts: (pattern, {group: field}). Numbers in Arabic or Chinese numerals.
_N = "#"  # a numeral; the #s of a pattern take its names in order
_COUNTS: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = tuple(
    (re.compile(_numbered(pattern, names)), dict(zip(names, fields, strict=True)))
    for pattern, names, fields in (
        (_N + r"个?方面", ("a",), ("aspects",)),
        (_N + r"类问题", ("c",), ("categories",)),
        (_N + r"(?:项|个|条)(?:具体)?问题", ("p",), ("problems",)),
        (r"(?:反馈|发现|指出)(?:了)?(?:具体)?问题" + _N + r"(?:个|项|条)", ("p",), ("problems",)),
        (_N + r"项整改措施,细化为" + _N + r"条具体(?:整改)?措施", ("t", "m"), ("tasks", "measures")),
        (_N + r"(?:项|个)整改任务", ("t",), ("tasks",)),
        (_N + r"(?:条|项)(?:具体)?整改措施", ("m",), ("measures",)),
        (r"已(?:经)?完成整改(?:事项|问题)?" + _N + r"(?:个|项|条)", ("d",), ("completed",)),
        (r"已完成(?:整改)?的?(?:事项|问题)" + _N + r"(?:个|项|条)", ("d",), ("completed",)),
        (
            r"(?:阶段性完成|需长期坚持|长期坚持)[^,。;]{0,12}?(?:事项|问题)" + _N + r"(?:个|项|条)",
            ("l",),
            ("long_term",),
        ),
        (r"(?:正在整改|正在推进|持续推进)(?:事项|问题)?" + _N + r"(?:个|项|条)", ("i",), ("in_progress",)),
        (r"未完成(?:整改)?(?:事项|问题)?" + _N + r"(?:个|项|条)", ("n",), ("not_completed",)),
    )
)
_RATE = re.compile(r"(?:整改)?完成率(?:为|达到?)?\s*([0-9]+(?:\.[0-9]+)?%)")


def declared_counts(text: str) -> Iterator[tuple[str, int | str, int]]:
    """(field, value, index) of every count *text* declares, in text order.

    >>> [(f, v) for f, v, _ in declared_counts("存在三个方面9类问题,涉及28项具体问题")]
    [('aspects', 3), ('categories', 9), ('problems', 28)]
    >>> [(f, v) for f, v, _ in declared_counts("已完成整改19个,正在整改6个,整改完成率76%")]
    [('completed', 19), ('in_progress', 6), ('completion_rate', '76%')]
    """
    found: list[tuple[int, int, str, int | str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, fields in _COUNTS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # a longer pattern already read this text (97项整改措施,细化为171条…)
            numbers = {fields[name]: chinese_number(m.group(name)) for name in fields}
            values = {name: n for name, n in numbers.items() if n is not None}
            if len(values) < len(numbers):
                continue
            taken.append((m.start(), m.end()))
            for name, number in values.items():
                found.append((m.start(_group_of(fields, name)), m.end(), name, number))
    found += [(m.start(), m.end(), "completion_rate", m.group(1)) for m in _RATE.finditer(text)]
    for start, _, name, value in sorted(found):
        yield name, value, start


def _group_of(fields: dict[str, str], field: str) -> str:
    """The regex group that holds *field*."""
    return next(group for group, name in fields.items() if name == field)

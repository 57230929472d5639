"""Reading the words of a notice: punctuation, Chinese numerals, dates and declared counts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

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
# 20241021日 (年 and 月 lost), 202435日 (年 and 月 lost, one-digit month and day), 1212日 (月 lost),
# 2025210 (all lost); PDF extraction's spaces (2022 年 3 月 8 日); and a month's part (3月中旬, 12月底),
# which leaves the date at month precision.
_PART = r"(?:上旬|中旬|下旬|初|底|末|份)"
_DATE = re.compile(
    r"(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号]|" + _PART + r")?)?"
    r"|(?<![\d.])(?P<m2>\d{1,2})\s*月(?:\s*(?P<d2>\d{1,2})\s*[日号]|" + _PART + r")?"
    r"|(?<![\d.])(?P<packed>\d{5,8})(?P<day>日)?(?![\d.%])"
    r"|(?<![\d.])(?P<short>\d{3,4})日"
    r"|(?P<iso>\d{4}-\d{1,2}-\d{1,2})"
    # 二〇二一年十一月十二日, as official documents date their signature
    r"|(?P<cy>[〇零一二三四五六七八九]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月"
    r"(?:\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*[日号])?"
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


def _lost(m: re.Match[str], context: PartialDate | None) -> list[PartialDate] | None:
    """Every reading of a date whose 年/月 were lost (``20241021日``, ``202435日``, ``1212日``); None: no date."""
    digits = m.group("packed") or m.group("short")
    lost = len(digits) >= 7 or (len(digits) == 6 and m.group("day") is not None)  # 202435日: 2024-03-05
    if m.group("packed") and lost and 1990 <= int(digits[:4]) <= 2100:
        return _split(digits[4:], int(digits[:4]))[0]
    if not m.group("short") or context is None:
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
        elif m.group("cy"):
            year = int("".join(str(_DIGITS[ch]) for ch in m.group("cy")))
            numbers = chinese_number(m.group("cm")), chinese_number(m.group("cd") or "")
            date = None if numbers[0] is None else _valid(year, numbers[0], numbers[1])
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        elif m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            date = _valid(y, mo, d)
            yield DateReading(date, m.start(), m.end(), text, None if date else "impossible")
            context = date or context
        else:
            readings = _lost(m, context)
            if readings is None:
                continue  # a number, not a date
            if len(readings) == 1:
                yield DateReading(readings[0], m.start(), m.end(), text)
                context = readings[0]
            elif readings:
                yield DateReading(None, m.start(), m.end(), text, "ambiguous", tuple(str(r) for r in readings))


# A count's numeral: a whole number (never the tail of a longer one), not an ordinal or a determiner
# (第一, 每一项, 另一方面, 这一问题, 同一, 逐一, 统一, 唯一, 任一, 单一), bounded so that a line of digits
# is read in linear time.
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_COUNT_NUMERAL = (
    rf"(?<![0-9{_CN_DIGITS}每第另这同该逐统唯任单])"
    rf"(?:[0-9]{{1,5}}(?![0-9])|[{_CN_DIGITS}]{{1,8}}(?![{_CN_DIGITS}]))"
)
_EACH = r"\s*(?:个(?!月)|项|条)"  # the measure word after a count (个月 is a duration, not a count)
_ADJECTIVE = r"(?:具体|突出|主要|共性)?"


def _numbered(pattern: str, names: tuple[str, ...]) -> str:
    for name in names:
        pattern = pattern.replace("#", rf"(?P<{name}>{_COUNT_NUMERAL})\s*", 1)
    return pattern.replace("@", _EACH)


# Declared counts: (pattern, {group: field}), most specific first: a text one pattern read is not read
# again by a later one. ``#`` is a numeral (Arabic or Chinese, spaces allowed after it), ``@`` a
# measure word (个 项 条). A 大项 is the level between 方面 and the specific problems (小项 / 具体问题),
# that is a category (类); an aspect count is one only when problems or a further count follow it
# (三个方面9类问题, 7方面25个问题), never 一方面…另一方面 or 五个方面着力.
_COUNTS: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = tuple(
    (re.compile(_numbered(pattern, names)), dict(zip(names, fields, strict=True)))
    for pattern, names, fields in (
        (
            r"#(?:项|条|个)整改(?:任务|措施|举措)\s*[,、]?\s*(?:并|又)?\s*(?:进一步)?细化(?:为|成|出)了?\s*#"
            r"(?:条|项|个)\s*(?:具体)?(?:整改)?(?:措施|举措)",
            ("t", "m"),
            ("tasks", "measures"),
        ),
        (rf"#个?\s*大?方面(?=\s*的?\s*{_ADJECTIVE}\s*问题|\s*[0-9{_CN_DIGITS}])", ("a",), ("aspects",)),
        (rf"#大?类\s*{_ADJECTIVE}\s*问题", ("c",), ("categories",)),
        (r"#个?\s*大项", ("c",), ("categories",)),
        (r"#个?\s*小项", ("p",), ("problems",)),
        (rf"#(?:项|个|条)\s*{_ADJECTIVE}\s*问题", ("p",), ("problems",)),
        (r"(?:反馈|发现|指出|梳理出?)了?\s*(?:具体)?问题\s*#@", ("p",), ("problems",)),
        (r"未完成(?:整改)?(?:的)?(?:事项|问题|任务)?\s*#@", ("n",), ("not_completed",)),
        (r"(?<!未)(?:已经?)?完成整改(?:的)?(?:事项|问题|任务)?\s*#@", ("d",), ("completed",)),
        (r"整改完成\s*#@", ("d",), ("completed",)),
        (r"(?<!未)已完成(?:整改)?的?(?:事项|问题|任务)\s*#@", ("d",), ("completed",)),
        (r"(?:阶段性完成|需长期坚持|长期坚持)[^,。;]{0,12}?(?:事项|问题)\s*#@", ("l",), ("long_term",)),
        (r"(?:阶段性完成|需长期坚持)\s*#@", ("l",), ("long_term",)),
        (r"(?:正在整改|正在推进|持续推进)(?:的)?(?:事项|问题)?\s*#@", ("i",), ("in_progress",)),
        (r"#(?:项|个|条)\s*整改任务", ("t",), ("tasks",)),
        (r"整改任务\s*#@", ("t",), ("tasks",)),
        (r"#(?:条|项|个)\s*(?:具体)?整改(?:措施|举措)", ("m",), ("measures",)),
        (r"整改(?:措施|举措)\s*#@", ("m",), ("measures",)),
    )
)
_RATE = re.compile(r"(?:整改)?完成率(?:为|达到?)?\s*([0-9]{1,3}(?:\.[0-9]{1,4})?\s*%)")
# 一个问题、一个方案 / 一项措施一名责任人: 一 in a parallel phrase counts nothing.
_PARALLEL_AFTER = re.compile(r"\s*[、,;]?\s*一\s*[个项条套名张份本]")
_PARALLEL_BEFORE = re.compile(r"一\s*[个项条套名张份本][^,。;0-9]{0,8}$")


def declared_counts(text: str) -> Iterator[tuple[str, int | str, int]]:
    """(field, value, index) of every count *text* declares, in text order.

    The patterns know the genre's phrasings (see ``_COUNTS``); what decides whether a sentence
    speaks of the inspection's findings at all is the caller's (the facts pass).

    >>> [(f, v) for f, v, _ in declared_counts("存在三个方面9类问题,涉及28项具体问题")]
    [('aspects', 3), ('categories', 9), ('problems', 28)]
    >>> [(f, v) for f, v, _ in declared_counts("已完成整改19个,正在整改6个,整改完成率76%")]
    [('completed', 19), ('in_progress', 6), ('completion_rate', '76%')]
    >>> [(f, v) for f, v, _ in declared_counts("制定了60项整改措施,并细化为118条具体措施")]
    [('tasks', 60), ('measures', 118)]
    >>> list(declared_counts("一方面加强学习,另一方面坚持一个问题、一个方案"))
    []
    """
    found: list[tuple[int, str, int | str]] = []
    taken = bytearray(len(text))  # 1 where a pattern already read the text (97项整改措施,细化为171条…)
    for pattern, fields in _COUNTS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            read = [(m.start(group), name, chinese_number(m.group(group))) for group, name in fields.items()]
            counts = [(at, name, value) for at, name, value in read if value is not None]
            if len(counts) < len(read) or _parallel(text, m, fields):
                continue
            taken[m.start() : m.end()] = b"\1" * (m.end() - m.start())
            found += counts
    found += [(m.start(), "completion_rate", m.group(1).replace(" ", "")) for m in _RATE.finditer(text)]
    for start, name, value in sorted(found, key=lambda x: x[0]):
        yield name, value, start


def _parallel(text: str, m: re.Match[str], fields: Mapping[str, str]) -> bool:
    """Whether a count of 一 stands in a parallel phrase (一个问题、一个方案), which counts nothing."""
    if len(fields) != 1:
        return False
    group = next(iter(fields))
    if m.group(group) != "一":
        return False
    before = _PARALLEL_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return bool(_PARALLEL_AFTER.match(text, m.end()) or before)

"""Reading the counts a notice declares (三个方面9类问题, 已完成整改19个); numerals and dates are the lexicon's."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .._lexicon.numerals import NUMERALS, read_number

__all__ = ["declared_counts"]

# A count's numeral: a whole number (never the tail of a longer one), not an ordinal or a determiner
# (第一, 每一项, 另一方面, 这一问题, 同一, 逐一, 统一, 唯一, 任一, 单一), bounded so that a line of digits
# is read in linear time.
_CN_DIGITS = NUMERALS
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
        # 7项问题,细化分解为20个具体问题 / 6项共11个问题: the first count is of the categories.
        (
            rf"#(?:项|类|个)\s*{_ADJECTIVE}\s*问题\s*[,、]?\s*(?:并|又)?\s*(?:进一步)?细化(?:分解)?(?:为|成|出)了?\s*#"
            rf"(?:个|项|条)\s*{_ADJECTIVE}\s*问题",
            ("c", "p"),
            ("categories", "problems"),
        ),
        (rf"#(?:项|类)\s*共\s*#(?:个|项|条)\s*{_ADJECTIVE}\s*问题", ("c", "p"), ("categories", "problems")),
        (
            rf"#个?\s*大?方面(?=\s*的?\s*{_ADJECTIVE}\s*问题|\s*的?\s*[0-9{_CN_DIGITS}]|\s*[、,]\s*[0-9{_CN_DIGITS}]"
            r"|\s*共?\s*(?:发现|反馈|指出|存在)[^,。;]{0,8}?问题)",
            ("a",),
            ("aspects",),
        ),
        (rf"#大?类\s*{_ADJECTIVE}\s*问题", ("c",), ("categories",)),
        (r"#个?\s*大项", ("c",), ("categories",)),
        (r"#个?\s*小项", ("p",), ("problems",)),
        (rf"#(?:项|个|条)\s*{_ADJECTIVE}\s*问题", ("p",), ("problems",)),
        (r"(?:反馈|发现|指出|梳理出?)了?\s*(?:具体|各类|各项)?问题\s*#@", ("p",), ("problems",)),
        (r"未完成(?:整改)?(?:的)?(?:事项|问题|任务)?\s*#@", ("n",), ("not_completed",)),
        (r"(?<!未)(?:已经?)?完成整改(?:的)?(?:事项|问题|任务)?\s*#@", ("d",), ("completed",)),
        (r"整改完成\s*#@", ("d",), ("completed",)),
        (r"(?<!未)已(?:经)?整改(?:落实|到位)\s*#@", ("d",), ("completed",)),
        (r"(?<!未)已完成(?:整改)?的?(?:事项|问题|任务)\s*#@", ("d",), ("completed",)),
        (r"(?:阶段性完成|需长期坚持|长期坚持)[^,。;]{0,12}?(?:事项|问题)\s*#@", ("l",), ("long_term",)),
        (r"(?:阶段性完成|需长期坚持)\s*#@", ("l",), ("long_term",)),
        (r"(?:正在整改|正在推进|持续推进)(?:的)?(?:事项|问题)?\s*#@", ("i",), ("in_progress",)),
        (r"#(?:项|个|条)\s*整改任务", ("t",), ("tasks",)),
        (r"整改任务\s*#@", ("t",), ("tasks",)),
        (r"#(?:条|项|个)\s*(?:具体)?整改(?:措施|举措)", ("m",), ("measures",)),
        (r"整改(?:措施|举措)\s*#@", ("m",), ("measures",)),
        (r"制定(?:了)?\s*(?:整改)?(?:措施|举措)\s*#@", ("m",), ("measures",)),
        (r"制定(?:了)?\s*#(?:条|项|个)\s*(?:具体)?(?:措施|举措)", ("m",), ("measures",)),
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
            read = [(m.start(group), name, read_number(m.group(group))) for group, name in fields.items()]
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

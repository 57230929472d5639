"""Chinese numerals: the one reader and the one writer, and the alphabets the readers' patterns use.

A document writes a number as digits (``28``), in Chinese (``二十八``, ``一百零五``, ``两千``,
``〇``), mixed (``2十``), or digit by digit as a year is signed (``二〇二一``). Every reader reads
them with ``read_number`` (or ``read_digits`` for the year form), every writer writes them with
``write_number`` or ``ordinal``.
"""

from __future__ import annotations

import re

__all__ = [
    "DIGITS",
    "HEADING",
    "INLINE_NUMBER",
    "NOT_A_FIGURE",
    "NUMERALS",
    "SMALL",
    "ordinal",
    "read_digits",
    "read_number",
    "write_number",
]

# The digits one to nine as written, in order; 〇 is zero as a year writes it, 零 inside a number.
SMALL = "一二三四五六七八九十"  # what numbers a heading or an item (一、, (十二), 三是): one to ninety-nine
_ONE_TO_NINE = SMALL[:-1]
DIGITS = "〇" + _ONE_TO_NINE
HEADING = SMALL + "百"  # a heading's numeral in a long notice (一百零一、)
NUMERALS = "零〇" + _ONE_TO_NINE[0] + "二两" + _ONE_TO_NINE[2:] + "十百千"  # every character of a count's numeral
# A figure after an item's number makes a decimal (12.6万元), not an item; a date after it (1.2021年9月) does not.
NOT_A_FIGURE = r"(?![0-9]{1,3}(?:\.[0-9]+)?\s*(?:%|％|万|亿|元|个|项|人|次|家|条|倍))(?![0-9]+\.)"
# An item numbered inside running text (``制定计划;2.开展学习``): group 1 is its number.
INLINE_NUMBER = re.compile(rf"(?:^|(?<=[;；。,，\s]))([0-9]{{1,2}})[.、．]{NOT_A_FIGURE}")
# An item's leading numbering, one or more deep: (一) 1. 第三条 (a title compared across documents
# drops it, since each document numbers its items its own way).
LEADING_NUMBERING = re.compile(rf"^(?:\s*(?:[(（]?[0-9{HEADING}]+[)）、.．]|第[{HEADING}0-9]+[条项个]))+")
_VALUE = {"零": 0, "〇": 0, "两": 2, **{ch: k for k, ch in enumerate(_ONE_TO_NINE, 1)}}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WAN = "万"


def read_digits(text: str) -> int | None:
    """A number written digit by digit, as a year is signed (``二〇二一`` → 2021); None if not one.

    >>> read_digits("二〇二一"), read_digits("二零二五"), read_digits("二十")
    (2021, 2025, None)
    """
    if not text or any(ch not in _VALUE or ch == "两" for ch in text):
        return None
    return int("".join(str(_VALUE[ch]) for ch in text))


def _digit(ch: str) -> int | None:
    if ch in _VALUE:
        return _VALUE[ch]
    return int(ch) if ch.isascii() and ch.isdigit() else None


def _below_wan(text: str) -> int | None:
    """A number below ten thousand: 千, 百, 十 and the ones, in that order, with 零 for a skipped place."""
    if text.isascii() and text.isdigit():
        return int(text)
    if text in ("零", "〇"):
        return 0
    total, digit, last, zero = 0, None, 10_000, False
    for ch in text:
        value = _digit(ch)
        if value == 0:
            if digit is not None or total == 0:
                return None  # 一零 or a leading 零: not a number
            zero = True
        elif value is not None:
            if digit is not None:
                return None  # two digits in a row (一一): not a number
            digit = value
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last:
                return None  # places must fall (十百 is not a number)
            if digit is None:
                if unit != 10:
                    return None  # 百 alone says no count of hundreds
                digit = 1  # 十二, 一百十: a ten alone is one ten
            total, last, digit, zero = total + digit * unit, unit, None, False
        else:
            return None
    if digit is not None:
        # 一百五 and 两千五 say the next place down (150, 2500); after 零 (一百零五) the digit is the ones.
        total += digit * (last // 10 if last in (100, 1000) and not zero else 1)
    elif zero:
        return None  # a trailing 零 (一百零): not a number
    return total


def read_number(text: str) -> int | None:
    """The value of a number as documents write it; None if *text* is not one.

    Digits (``146``), Chinese (``二十八``, ``十一``, ``一百零五``, ``两千``, ``〇``), below a hundred
    thousand (``三万零五``), and mixed (``2十``: a digit before a place).

    >>> read_number("二十八"), read_number("十一"), read_number("146"), read_number("一百零五")
    (28, 11, 146, 105)
    >>> read_number("两"), read_number("一百"), read_number("〇"), read_number("2十"), read_number("九万九千九百九十九")
    (2, 100, 0, 20, 99999)
    >>> read_number("一一"), read_number("第"), read_number("")
    (None, None, None)
    """
    if not text:
        return None
    if text.count(_WAN) > 1:
        return None
    if _WAN not in text:
        return _below_wan(text)
    high_text, low_text = text.split(_WAN)
    high = _below_wan(high_text) if high_text else None
    if not high:
        return None
    if not low_text:
        return high * 10_000
    if low_text[0] in "零〇":
        low = _below_wan(low_text[1:])
        return None if low is None or low >= 1000 else high * 10_000 + low
    if len(low_text) == 1 and (lone := _digit(low_text)) is not None:
        return high * 10_000 + lone * 1000  # 三万五: 35000
    low = _below_wan(low_text)
    return None if low is None or low < 1000 else high * 10_000 + low


def _write_below_wan(n: int, *, leading: bool) -> str:
    out, zero = "", False
    for unit in (1000, 100, 10, 1):
        d, n = divmod(n, unit)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        word = "" if unit == 10 and d == 1 and leading and not out else _ONE_TO_NINE[d - 1]
        out += word + {1000: "千", 100: "百", 10: "十", 1: ""}[unit]
    return out


def write_number(n: int) -> str:
    """*n* in Chinese numerals as an official document writes it (0 … 99,999,999; else the digits).

    >>> write_number(0), write_number(10), write_number(105), write_number(110), write_number(10010)
    ('零', '十', '一百零五', '一百一十', '一万零一十')
    """
    if not 0 <= n < 100_000_000:
        return str(n)
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    if not high:
        return _write_below_wan(low, leading=True)
    text = _write_below_wan(high, leading=True) + _WAN
    if low:
        text += ("零" if low < 1000 else "") + _write_below_wan(low, leading=False)
    return text


def ordinal(n: int) -> str:
    """一 … 九十九, as headings and items are numbered (一、, (十二)); beyond, the digits.

    >>> ordinal(1), ordinal(10), ordinal(12), ordinal(25), ordinal(100)
    ('一', '十', '十二', '二十五', '100')
    """
    return write_number(n) if 1 <= n <= 99 else str(n)

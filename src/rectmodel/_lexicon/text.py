"""The characters of Chinese text: folding full-width forms, traditional to simplified, display width, quotes."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import opencc  # type: ignore[import-untyped]

__all__ = ["QUOTES", "fold", "nfkc", "simplified", "width", "without_readings"]

# The quotation marks documents put around a title or a name (“…”, ‘…’, "…", '…').
QUOTES = "\"“”'‘’"

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
    """*text* with full-width digits and punctuation made ASCII (same length, same indices).

    >>> fold("（２０２１）：")
    '(2021):'
    """
    return text.translate(_FOLD)


def nfkc(text: str) -> str:
    """*text* in compatibility form (full-width letters, digits and punctuation folded), as cells are matched.

    >>> nfkc("２０２１年（分管）")
    '2021年(分管)'
    """
    return unicodedata.normalize("NFKC", text)


def width(text: str, *, ambiguous: int = 1) -> int:
    """The columns *text* takes in a fixed-width font: two for a wide (CJK) character.

    A character of ambiguous width (``"A"``: ①, ·, …) takes *ambiguous* columns: one on a
    terminal, two in the CJK fonts a PDF sets Chinese in. A text of several lines is as wide
    as its widest line.

    >>> width("整改ab"), width("①"), width("①", ambiguous=2), width("一二\\n三")
    (6, 1, 2, 4)
    """
    wide = "WFA" if ambiguous == 2 else "WF"
    return max(sum(2 if unicodedata.east_asian_width(c) in wide else 1 for c in line) for line in text.split("\n"))


@functools.cache
def _t2s() -> Any:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """*text* in simplified characters, character for character: the same length, so every index into
    it is one into *text* (``巡察組`` → ``巡察组``); a character OpenCC would change into more or fewer stays.

    >>> simplified("市委第二巡察組對市婦聯進行了巡察")
    '市委第二巡察组对市妇联进行了巡察'
    """
    if text.isascii():
        return text
    converted = str(_t2s().convert(text))
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := str(_t2s().convert(ch))) == 1 else ch for ch in text)


# A pinyin reading a copy writes after a character (根據(jù)): lowercase letters with tone marks, in brackets.
_READING = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü\u00e0-\u00fc\u0101-\u01dc]{1,7}[)）]")


def without_readings(text: str) -> str:
    """*text* without the inline pinyin readings some copies carry; lines are kept, so line numbers hold.

    >>> without_readings("根據(jù)省委統(tǒng)一部署")
    '根據省委統一部署'
    """
    return _READING.sub("", text)

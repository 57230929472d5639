"""The characters of Chinese text: folding full-width forms, display width, quotes."""

from __future__ import annotations

import unicodedata

__all__ = ["QUOTES", "fold", "nfkc", "width"]

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

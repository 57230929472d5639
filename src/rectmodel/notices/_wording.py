"""The wording of a notice's headings and items: titles as the feedback gives them, and 一是…二是… lists."""

from __future__ import annotations

import itertools
import re

from .._lexicon import fold, ordinal, read_number
from .._lexicon.numerals import INLINE_NUMBER, SMALL
from .._lexicon.text import simplified

__all__ = [
    "ORDINAL",
    "aspect_title",
    "category_title",
    "excerpt",
    "join",
    "ordinal_gap",
    "problem_title",
    "split_ordinals",
    "strip_date",
]

_CN = SMALL
ORDINAL = re.compile(rf"(?:^|(?<=[。;,:!?]))\s*([{_CN}]{{1,3}})是")
# The quoted name is the title only where the quotes hold all of it: 针对“学习不深入”的问题, but not
# 关于“四风”问题仍有发生的问题 (a quoted phrase inside the title).
_TARGETED = re.compile(
    r"^(?:针对|关于)?\s*[“\"‘](.+)[”\"’]\s*(?:的)?问题\s*(?:的整改)?(?=$|[\s。.,:;]|整改)\s*[。.,:]?\s*(.*)$"
)
_QUOTED_ASPECT = re.compile(r"^(?:在)?\s*[“\"](.+?)[”\"]\s*方面\s*(?:的)?(?:问题)?\s*[。.]?$")


def aspect_title(text: str) -> str:
    folded = _folded(text).rstrip("。. ")
    m = _QUOTED_ASPECT.match(folded)
    if m:
        return text[m.start(1) : m.end(1)]
    return text.rstrip("。. ")


def category_title(text: str) -> str:
    """A category's heading as the feedback gives it (``关于“…”的问题``), without its closing stop."""
    return text.rstrip("。. ")


def problem_title(text: str) -> tuple[str, str]:
    folded = _folded(text)
    m = _TARGETED.match(folded)
    if m:
        rest = text[m.start(2) :].strip()
        if re.fullmatch(r"(?:整改落实(?:情况)?如下|整改情况如下)\s*[:。]?", fold(rest)):
            rest = ""
        return text[m.start(1) : m.end(1)], rest
    stop = folded.find("。")
    end = len(text) if stop < 0 else stop
    description = "" if stop < 0 else text[stop + 1 :].strip()
    begin = len(folded[:end]) - len(folded[:end].lstrip())
    end = len(folded[:end].rstrip())
    if folded[begin:end].endswith("的问题") and end - begin > 5:
        end -= 3
        if folded.startswith(("针对", "关于"), begin):  # 针对理论学习不深入的问题
            begin += 2
    return text[begin:end], description


def _folded(text: str) -> str:
    """*text* as the wording patterns read it: simplified, ASCII punctuation; the same indices as *text*."""
    return fold(simplified(text))


def split_ordinals(text: str) -> list[tuple[int | None, str]]:
    """``一是…。二是…`` split into numbered parts; text before the first marker is part None."""
    folded = _folded(text)
    marks = list(ORDINAL.finditer(folded))
    if marks:
        marks = _recover_marks(folded, marks)
    else:
        # 1.…;2.…;3.…: items numbered on one line count only where their numbers run 1, 2, 3 …
        marks = list(INLINE_NUMBER.finditer(folded))
        if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
            return [(None, text)]
    parts: list[tuple[int | None, str]] = []
    if folded[: marks[0].start(1)].strip():
        parts.append((None, text[: marks[0].start(1)].strip()))
    for k, m in enumerate(marks):
        end = marks[k + 1].start(1) if k + 1 < len(marks) else len(text)
        parts.append((read_number(m.group(1)), text[m.end() : end].strip().lstrip(",:，：").rstrip(";；,，、 ")))
    return parts


_RUN_ORDINAL = re.compile(rf"([{_CN}]{{1,3}})是")


def _recover_marks(folded: str, marks: list[re.Match[str]]) -> list[re.Match[str]]:
    """Add a marker whose punctuation before it was lost (``…委托书三是…``) where the list skips exactly it."""
    found = list(marks)
    for a, b in itertools.pairwise(marks):
        number_a, number_b = read_number(a.group(1)), read_number(b.group(1))
        if number_a is None or number_b != number_a + 2:
            continue
        word = ordinal(number_a + 1) + "是"
        between = folded[a.end() : b.start(1)]
        if between.count(word) == 1:
            m = _RUN_ORDINAL.match(folded, a.end() + between.index(word))
            if m is not None:
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def ordinal_gap(numbers: list[int]) -> str:
    missing = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers))
    return "、".join(f"{n}是" for n in missing) or "、".join(f"{n}是" for n in range(1, len(numbers) + 1))


def join(first: str | None, more: str) -> str:
    return more if not first else f"{first}\n{more}"


def excerpt(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


def strip_date(text: str) -> str:
    return re.sub(r"\s*[((][^()()]{0,40}\d{4}[^()()]{0,40}[))]\s*$", "", text).strip()

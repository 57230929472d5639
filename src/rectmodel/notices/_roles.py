"""Pass 3, roles: which depth of the outline holds aspects, categories, problems and measures.

Each top-level section is scored on its own (a notice's first section often tells
the work done under ``(一)(二)(三)`` and its second itemizes problems under the same
style). Every depth of a section gets a score from features of its headings:

- a problem's wording (``针对“…”的问题``, ``“…”的问题``, ``…问题``, ``问题12``): +2;
- a status line (``整改结果:…``) or a measures introduction (``整改情况:``) under it: +3;
- measures listed inline (``一是…二是…``) under it: +1;
- an aspect's wording (``…方面``, ``第一方面``): −3;
- holding headings worded as problems (a category or an aspect): −2.

The best-scoring depth holds the problems; a section where no depth scores above
zero is narrative. Then the counts the preamble declares weigh in: if the problems so
found do not number as declared, and reading every section one level deeper (or
shallower) gives exactly the declared number, that reading wins. Above the problems,
headings worded as aspects are aspects, a section's own heading that only wraps them
(``二、问题整改落实情况``) is a wrapper, and the other levels are categories; below
them, headings are measures, and deeper ones are parts of their measure.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence

import attrs

from .._lexicon.numerals import SMALL
from ._lex import LineKind, Style
from ._outline import Node

__all__ = ["Role", "Section", "assign", "first_sentence", "is_aspect", "promote_unmarked"]


class Role(enum.Enum):
    """What a heading above its section's problems is (the depth alone says problem or measure)."""

    WRAPPER = "wrapper"  # a section's own heading: 二、问题整改落实情况
    ASPECT = "aspect"
    CATEGORY = "category"


_PROBLEM_WORDING = re.compile(
    r"^(?:针对|关于)?\s*[“\"].+[”\"]\s*的?问题|问题\s*[。.,;]?\s*(?:整改落实如下|的整改)?[。.:]?$"
)
_ASPECT_WORDING = re.compile(r"方面(?:的|存在的)?(?:问题|突出问题)?\s*[。.:]?$|^在?\s*[“\"].+?[”\"]\s*方面")
_CATEGORY_WORDING = re.compile(r"^关于\s*[“\"]")
_WRAPPER_WORDING = re.compile(r"情况|落实|整改|问题清单|反馈意见")
_INLINE_ORDINAL = re.compile(rf"(?:^|[。;,:])\s*[{SMALL}]+是")


def is_aspect(text: str) -> bool:
    """Whether a heading's text (folded) is worded as an aspect: ``…方面``, ``“…”方面的问题``."""
    return bool(_ASPECT_WORDING.search(text.rstrip("。. ")))


def first_sentence(text: str) -> str:
    """A heading's text up to its first full stop: a heading may hold its whole paragraph (``…的问题。一是…``)."""
    stop = text.find("。")
    return text if stop < 0 else text[: stop + 1]


def _wording(node: Node) -> int:
    if node.line is None:
        return 0
    text = node.line.rest_folded()
    if node.style is Style.ASPECT_WORD or is_aspect(text):
        return -3
    if node.style is Style.PROBLEM_WORD or any(_PROBLEM_WORDING.search(t) for t in (text, first_sentence(text))):
        return 2
    return 0


def _evidence(node: Node) -> int:
    """What the lines directly under a heading say of it: +3 for a status or measures introduction.

    Measures listed inline (``一是…``) under it, or in its own paragraph after its first sentence: +1.
    """
    kinds = {line.kind for line in node.content}
    score = 3 if kinds & {LineKind.STATUS, LineKind.INTRO} else 0
    own = "" if node.line is None else node.line.rest_folded()
    if _INLINE_ORDINAL.search(own[len(first_sentence(own)) :]) or any(
        line.kind is LineKind.TEXT and _INLINE_ORDINAL.search(line.folded) for line in node.content
    ):
        score += 1
    return score


# An unnumbered paragraph that states a problem and lists its measures: 针对…的问题。一是…
_UNMARKED_PROBLEM = re.compile(r"^(?:针对|关于)[^。]{2,80}?问题\s*[。:,]")


def promote_unmarked(section: Node) -> None:
    """Make a heading's only problem, written without a marker, a node of its own.

    ``2.关于“…”的问题`` holding just ``针对…的问题。一是…`` where other headings of its level hold
    ``(1)针对…`` ``(2)…``: the paragraph is a problem one level below, as theirs are.
    """
    nodes = list(section.walk())
    holding = {node.depth for node in nodes if any(_wording(child) > 0 for child in node.children)}
    for node in nodes:
        if node.children or not node.content or node.depth not in holding:
            continue
        head = node.content[0]
        if head.kind is LineKind.TEXT and _UNMARKED_PROBLEM.match(head.folded):
            line = attrs.evolve(head, kind=LineKind.HEADING, rest=head.text)
            node.children.append(Node(line, node.depth + 1, node.content[1:]))
            node.content = []


def _score(node: Node) -> int:
    score = _wording(node) + _evidence(node)
    if any(_wording(child) > 0 for child in node.children):
        score -= 2  # it holds problems: a category or an aspect
    return score


@attrs.frozen
class Section:
    """A top-level section and the relative depth (0 = its own heading) that holds its problems."""

    node: Node
    problems_at: int | None  # None: narrative


def _levels(node: Node) -> list[list[Node]]:
    levels: list[list[Node]] = [[node]]
    while True:
        below = [child for parent in levels[-1] for child in parent.children]
        if not below:
            return levels
        levels.append(below)


_ENOUGH = 2  # inline 一是 alone (+1) does not make a section's paragraphs problems


def _best_depth(node: Node) -> tuple[int | None, list[int], list[int]]:
    """The depth of the section's problems (None: narrative), and the count and score of each depth."""
    levels = _levels(node)
    scores = [sum(_score(n) for n in level) for level in levels]
    counts = [len(level) for level in levels]
    best = max(range(len(levels)), key=lambda d: (scores[d], d))
    return (best if scores[best] >= _ENOUGH else None), counts, scores


def assign(sections: Sequence[Node], declared: Mapping[str, int]) -> list[Section]:
    """The problem depth of each top-level section; the declared counts decide close calls.

    If the problems found do not number as ``problems`` declares (nor as ``categories`` does:
    a notice may itemize its 类 and only count the specific problems), and reading every
    section one level deeper or shallower gives exactly the declared number, with evidence
    there at least half as strong, that reading wins. Where no section shows any evidence, a
    depth whose headings number exactly as declared holds the problems.
    """
    for node in sections:
        promote_unmarked(node)
    found = [_best_depth(node) for node in sections]
    chosen = [depth for depth, _, _ in found]
    want = declared.get("problems")
    if want is not None and all(d is None for d in chosen):  # no evidence at all: the count alone decides
        deepest = max((len(counts) for _, counts, _ in found), default=0)
        depths = [[d if d < len(counts) else None for _, counts, _ in found] for d in range(deepest)]
        chosen = next((ds for ds in depths if _total(found, ds) == want), chosen)
    elif want is not None and _total(found, chosen) not in (want, declared.get("categories")):
        for shift in (1, -1):
            shifted = [None if d is None else d + shift for d in chosen]
            if all(_close(f, d, s) for f, d, s in zip(found, chosen, shifted, strict=True)) and (
                _total(found, shifted) == want
            ):
                chosen = shifted
                break
    return [Section(node, depth) for node, depth in zip(sections, chosen, strict=True)]


def _close(found: tuple[int | None, list[int], list[int]], depth: int | None, shifted: int | None) -> bool:
    """Whether the evidence at *shifted* is at least half as strong as at *depth*."""
    _, counts, scores = found
    if depth is None or shifted is None:
        return depth is shifted
    return 0 <= shifted < len(counts) and scores[shifted] > 0 and 2 * scores[shifted] >= scores[depth]


def _total(found: Sequence[tuple[int | None, list[int], list[int]]], depths: Sequence[int | None]) -> int:
    return sum(counts[d] for (_, counts, _), d in zip(found, depths, strict=True) if d is not None and d < len(counts))


def group_role(node: Node, relative_depth: int, has_aspect_above: bool) -> Role:
    """The role of a heading above its section's problems."""
    text = "" if node.line is None else node.line.rest_folded()
    if node.style is Style.ASPECT_WORD or is_aspect(text):
        return Role.ASPECT
    if relative_depth == 0 and (
        (_WRAPPER_WORDING.search(text) and not _CATEGORY_WORDING.match(text)) or _holds_aspects(node)
    ):
        return Role.WRAPPER
    if has_aspect_above or _CATEGORY_WORDING.match(text):
        return Role.CATEGORY
    return Role.ASPECT


def _holds_aspects(node: Node) -> bool:
    return any(
        child.style is Style.ASPECT_WORD or is_aspect(child.line.rest_folded()) for child in node.children if child.line
    )


def looks_like_problem(node: Node) -> bool:
    """A heading above the problems' depth that reads as a problem itself and holds no problems."""
    return _score(node) > 0 and not any(_score(child) > 0 for child in node.children)

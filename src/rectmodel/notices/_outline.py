"""Pass 2, outline: the numbered headings of a notice's body as a tree.

A style's depth is fixed where it first appears under its parent, as reStructuredText
fixes a section adornment's level: a heading whose style is open above it closes
everything below that heading and becomes its sibling; a style not open above it
opens a level below the current one. So ``一、`` → ``(一)`` → ``1.`` nest in the order a
notice first uses them, and a notice that numbers its aspects ``第一方面`` under ``二、``
and its problems ``(一)`` under those nests them that way, whatever another section did.

Numbering is checked here, once: a heading continues its previous sibling's number,
or starts a list at 1, or continues the last number of its style anywhere (notices
number problems straight through their aspects). A heading of a style never seen
before that continues an open list's number exactly (``问题46`` after ``45.``) is that list's next
item in another dress. A marker whose punctuation was lost
is a heading only where it continues the numbering exactly, or, the first of its style, where the
next sibling continues it (``(一针对…`` then ``(二)``); otherwise it is text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from ._lex import Line, LineKind, Style

__all__ = ["Gap", "Node", "outline"]


@attrs.define(eq=False)
class Node:
    """A heading and what stands under it: lines of its own (``content``), then its sub-headings.

    The root has no line; its content is empty (the preamble is read before the outline).
    """

    line: Line | None
    depth: int
    content: list[Line] = attrs.field(factory=list)
    children: list[Node] = attrs.field(factory=list)

    @property
    def style(self) -> Style | None:
        """The numbering style of its heading."""
        return None if self.line is None or self.line.marker is None else self.line.marker.style

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order (iteratively: no recursion limit)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def lines(self) -> Iterator[Line]:
        """Every line of this subtree in document order: heading, content, then the sub-headings'."""
        for node in self.walk():
            if node.line is not None:
                yield node.line
            yield from node.content


@attrs.frozen
class Gap:
    """A heading whose number does not follow: where, what the numbering expected, what it found."""

    line: int
    expected: int
    found: int
    style: Style


@attrs.frozen
class Outline:
    """The tree, the numbering gaps, and the lost-punctuation markers taken as headings."""

    root: Node
    gaps: tuple[Gap, ...]
    recovered: tuple[Line, ...]


def outline(lines: Sequence[Line]) -> Outline:
    """Build the tree of *lines* (the body, without preamble and closing)."""
    root = Node(None, -1)
    stack = [root]
    last_of_style: dict[Style | str, int] = {}
    gaps: list[Gap] = []
    recovered: list[Line] = []
    for index, line in enumerate(lines):
        marker = line.marker
        if line.kind is not LineKind.HEADING or marker is None:
            stack[-1].content.append(line)
            continue
        open_at = next((k for k in range(len(stack) - 1, 0, -1) if stack[k].style is marker.style), None)
        if open_at is None and marker.ordinal > 1 and marker.style not in last_of_style:  # 问题46 after 45.
            open_at = next(
                (
                    k
                    for k in range(len(stack) - 1, 0, -1)
                    if _family(stack[k].style) == _family(marker.style) and _ordinal(stack[k]) + 1 == marker.ordinal
                ),
                None,
            )
        expected = {1} if open_at is None else {_ordinal(stack[open_at]) + 1}
        for key in (marker.style, _family(marker.style)):
            if key in last_of_style:
                expected.add(last_of_style[key] + 1)
        if not marker.certain:
            known = marker.style in last_of_style or _continued(lines, index, {node.style for node in stack})
            if marker.ordinal not in expected or not known:
                stack[-1].content.append(attrs.evolve(line, kind=LineKind.TEXT, marker=None, rest=""))
                continue
            recovered.append(line)
        if marker.ordinal not in expected and marker.ordinal != 1:
            want = min(expected, key=lambda n: abs(n - marker.ordinal))
            gaps.append(Gap(line.number, want, marker.ordinal, marker.style))
        if open_at is not None:
            del stack[open_at:]
        node = Node(line, len(stack) - 1)
        stack[-1].children.append(node)
        stack.append(node)
        last_of_style[marker.style] = last_of_style[_family(marker.style)] = marker.ordinal
    _lift_statuses(root)
    return Outline(root, tuple(gaps), tuple(recovered))


def _continued(lines: Sequence[Line], index: int, above: set[Style | None]) -> bool:
    """Whether a later sibling continues the numbering of the uncertain marker at *index* (``(一针对…`` then ``(二)``).

    The sibling is the next certain heading of the same style before any heading of a style open above.
    """
    marker = lines[index].marker
    assert marker is not None
    for line in lines[index + 1 :]:
        other = line.marker
        if line.kind is not LineKind.HEADING or other is None or not other.certain:
            continue
        if other.style is marker.style:
            return other.ordinal == marker.ordinal + 1
        if other.style in above:
            return False
    return False


def _lift_statuses(root: Node) -> None:
    """Give a list's closing status to the item that holds the list.

    ``1.… 2.… 整改状态:完成``: when only the last sub-item has a status, at its end, and it has
    no sub-items of its own, the status is the whole item's above them, not the last sub-item's.
    """
    for node in root.walk():
        if node.line is None or not node.children:
            continue
        last = node.children[-1]
        if last.children or any(x.kind is LineKind.STATUS for c in node.children[:-1] for x in c.content):
            continue
        tail = len(last.content)
        while tail and last.content[tail - 1].kind is LineKind.STATUS:
            tail -= 1
        if tail < len(last.content) and not any(x.kind is LineKind.STATUS for x in last.content[:tail]):
            node.content += last.content[tail:]
            del last.content[tail:]


def _ordinal(node: Node) -> int:
    return 0 if node.line is None or node.line.marker is None else node.line.marker.ordinal


_ARABIC = frozenset({Style.ARABIC_DOT, Style.ARABIC_PAREN, Style.ARABIC_HALF, Style.PROBLEM_WORD, Style.CIRCLED})


def _family(style: Style | None) -> str:
    return "arabic" if style in _ARABIC else "chinese"

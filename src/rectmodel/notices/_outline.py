"""Pass 2, outline: the numbered headings of a notice's body as a tree.

A style's depth is fixed where it first appears under its parent, as reStructuredText
fixes a section adornment's level: a heading whose style is open above it closes
everything below that heading and becomes its sibling; a style not open above it
opens a level below the current one. So ``一、`` → ``(一)`` → ``1.`` nest in the order a
notice first uses them, and a notice that numbers its aspects ``第一方面`` under ``二、``
and its problems ``(一)`` under those nests them that way, whatever another section did.

Numbering is checked here, once: a heading continues its previous sibling's number,
or starts a list at 1, or continues the last number of its style anywhere (notices
number problems straight through their aspects). A marker whose punctuation was lost
is a heading only where it continues the numbering exactly; otherwise it is text.
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

    def last_line(self) -> int:
        """The number of the subtree's last line."""
        last = 0
        for line in self.lines():
            last = line.number
        return last


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
    last_of_style: dict[Style, int] = {}
    gaps: list[Gap] = []
    recovered: list[Line] = []
    for line in lines:
        marker = line.marker
        if line.kind is not LineKind.HEADING or marker is None:
            stack[-1].content.append(line)
            continue
        open_at = next((k for k in range(len(stack) - 1, 0, -1) if stack[k].style is marker.style), None)
        expected = {1} if open_at is None else {_ordinal(stack[open_at]) + 1}
        if marker.style in last_of_style:
            expected.add(last_of_style[marker.style] + 1)
        if not marker.certain:
            if marker.ordinal not in expected or marker.style not in last_of_style:
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
        last_of_style[marker.style] = marker.ordinal
    return Outline(root, tuple(gaps), tuple(recovered))


def _ordinal(node: Node) -> int:
    return 0 if node.line is None or node.line.marker is None else node.line.marker.ordinal

"""Document text cannot forge structure: terminal escapes, Markdown/HTML, line breaks, formulas."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from rectmodel._safe import cell, markdown, one_line, terminal

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NASTY = st.text(
    st.sampled_from(list("#>-+=*_`[]()<>!|~&\\:/. 0123456789abc问题\n\r\t\x1b\u202e\u2028")) | st.characters(),
    max_size=40,
)


@given(_NASTY)
def test_terminal_text_has_no_control_character(text: str) -> None:
    assert _CONTROL.search(terminal(text)) is None
    assert _CONTROL.search(one_line(text)) is None


def test_a_forged_summary_line_stays_on_its_line() -> None:
    assert terminal("\x1b[2Jevil\n1 file: 0 errors") == "\\x1b[2Jevil\\n1 file: 0 errors"


@given(_NASTY)
@example("    indented code")
@example("1) list")
@example("<script>alert(1)</script>")
@example("[x](javascript:alert(1))")
@example("标题\n## 二级标题")
@example("---")
def test_markdown_text_is_one_paragraph_of_plain_text(text: str) -> None:
    """Whatever the text, CommonMark reads it back as one paragraph with no link, HTML, emphasis or code."""
    tokens = MarkdownIt("commonmark").parse(markdown(text))
    if not tokens:
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    kinds = {child.type for child in tokens[1].children or []}
    assert kinds <= {"text", "softbreak", "hardbreak"}, kinds


@given(st.text(max_size=20))
def test_no_cell_starts_like_a_formula(text: str) -> None:
    assert not cell(text).startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
    assert cell(text).removeprefix("'") == text or cell(text) == text

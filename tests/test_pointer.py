"""The one JSON Pointer escape (RFC 6901): any id survives being a reference token."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rectmodel._pointer import escape, unescape


def test_tilde_and_slash_are_escaped_as_rfc_6901_says() -> None:
    assert escape("a/b~c") == "a~1b~0c"
    assert escape("~1") == "~01"
    assert unescape("~01") == "~1"
    assert unescape("a~1b~0c") == "a/b~c"


@given(st.text(alphabet="ab~/01", max_size=20))
def test_any_id_reads_back_and_its_token_has_no_slash(part: str) -> None:
    assert "/" not in escape(part)
    assert unescape(escape(part)) == part

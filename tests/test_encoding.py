"""The one decoder of text files: the encodings offices save in, each read back and named with the reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectmodel._encoding import decode

# A CSV ledger: UTF-16 without a mark is known by the NUL bytes of its ASCII (digits, commas, dates).
TEXT = "序号,问题,整改时限\n1,“三重一大”制度落实不到位,2024-12-31\n2,公务用车管理不规范,2025-06-30\n"


@pytest.mark.parametrize(
    ("data", "encoding", "why"),
    [
        (TEXT.encode("utf-8"), "utf-8", "strict UTF-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig", "byte order mark"),
        (TEXT.encode("utf-16"), "utf-16", "byte order mark"),
        (TEXT.encode("utf-16-le"), "utf-16-le", "no byte order mark; NUL bytes of UTF-16"),
        (TEXT.encode("utf-16-be"), "utf-16-be", "no byte order mark; NUL bytes of UTF-16"),
        (TEXT.encode("gb18030"), "gb18030", "not UTF-8; strict GB18030"),
        (TEXT.encode("gbk"), "gb18030", "not UTF-8; strict GB18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_each_encoding_offices_use_reads_back_the_text_and_says_why(data: bytes, encoding: str, why: str) -> None:
    assert decode(data) == (TEXT, encoding, why)


def test_the_byte_order_mark_is_not_part_of_the_text() -> None:
    text, _, _ = decode(b"\xef\xbb\xbf" + "序号".encode())
    assert text == "序号"


def test_a_broken_byte_order_mark_falls_through_to_the_other_checks() -> None:
    """A UTF-16 mark followed by an odd byte cannot be UTF-16: the text is still read, not refused."""
    text, encoding, _ = decode(b"\xff\xfeabc")
    assert encoding != "utf-16"
    assert text.endswith("abc")


def test_bytes_that_gb18030_reads_as_private_use_characters_are_not_taken_for_chinese() -> None:
    data = b"\xaa\xa1\xaa\xa2" * 10
    assert data.decode("gb18030").startswith("\ue000\ue001")  # valid GB18030, but its user-defined area
    _, encoding, why = decode(data)
    assert encoding != "gb18030"
    assert why == "guessed by charset-normalizer"


def test_big5_is_guessed_and_read_back() -> None:
    data = "巡察整改情況通報,問題已經全部完成整改。" * 4
    assert decode(data.encode("big5")) == (data, "big5", "guessed by charset-normalizer")


@given(st.text(max_size=200))
def test_any_text_saved_as_utf8_reads_back_exactly(text: str) -> None:
    assert decode(text.encode("utf-8"))[0] == text


@given(st.binary(max_size=200))
def test_any_bytes_decode_to_some_text_and_a_named_encoding(data: bytes) -> None:
    text, encoding, why = decode(data)
    assert isinstance(text, str)
    assert encoding
    assert why

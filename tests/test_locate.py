"""Locating a JSON Pointer in the JSON text: line and column of the value, for diagnostics."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectmodel.codec._locate import locate

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{index}")


def _value_at(text: str, line: int, column: int) -> Any:
    offset = sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + column - 1
    value, _ = json.JSONDecoder().raw_decode(text, offset)
    return value


@given(_JSON, st.sampled_from([None, 0, 2]), st.booleans())
def test_every_pointer_is_located_at_its_value(tree: Any, indent: int | None, ascii_only: bool) -> None:
    text = json.dumps(tree, indent=indent, ensure_ascii=ascii_only)
    pointers = dict(_walk(tree, ""))
    found = locate(text, pointers)
    assert set(found) == set(pointers)
    for pointer, (line, column) in found.items():
        assert _value_at(text, line, column) == pointers[pointer], pointer


def test_a_missing_member_is_located_at_its_nearest_existing_ancestor() -> None:
    text = '{\n  "inspections": [\n    {"id": "a"}\n  ]\n}\n'
    assert locate(text, ["/inspections/0/kind", "/inspections/0/id", "/inspections/3"]) == {
        "/inspections/0/id": (3, 12),
        "/inspections/0/kind": (3, 5),
        "/inspections/3": (2, 18),
    }


def test_keys_with_escapes_and_slashes_resolve() -> None:
    text = '{"a/b": {"c~d": 1, "\\u0065": [true]}}'
    assert locate(text, ["/a~1b/c~0d", "/a~1b/e/0"]) == {"/a~1b/c~0d": (1, 17), "/a~1b/e/0": (1, 31)}


def test_locating_is_linear_in_the_text() -> None:
    """Twice the text costs about twice the tokens: the scan never backtracks (count tokens, not time)."""
    from rectmodel.codec import _locate

    small = json.dumps({"xs": [{"a": "字" * 20, "b": [1, 2]}] * 1000})
    large = json.dumps({"xs": [{"a": "字" * 20, "b": [1, 2]}] * 10000})
    tokens = [sum(1 for _ in _locate._TOKEN.finditer(t.encode())) for t in (small, large)]
    assert 9.5 <= tokens[1] / tokens[0] <= 10.5
    assert locate(large, ["/xs/9999/b/1"])["/xs/9999/b/1"][0] == 1


def test_bytes_and_text_locate_alike_columns_in_characters() -> None:
    text = '{"a": "字字字", "b": [1,\n  "第二行", {"c": 2}]}'
    pointers = ["/a", "/b/1", "/b/2/c", "/b/9"]
    assert (
        locate(text.encode(), pointers)
        == locate(text, pointers)
        == {
            "/a": (1, 7),
            "/b/1": (2, 3),
            "/b/2/c": (2, 16),
            "/b/9": (1, 19),  # absent: its array
        }
    )
    assert locate(b"\xef\xbb\xbf" + text.encode(), ["/a"]) == {"/a": (1, 7)}  # the mark is no column


def test_many_pointers_on_one_long_line_locate_in_linear_time() -> None:
    """A compact file is one line: columns are counted on from the last one found, not from the line's start."""
    import time

    def run(n: int) -> float:
        text = json.dumps({"xs": [{"a": "字" * 20} for _ in range(n)]}, ensure_ascii=False, separators=(",", ":"))
        pointers = [f"/xs/{k}/a" for k in range(n)]
        began = time.perf_counter()
        found = locate(text.encode(), pointers)
        took = time.perf_counter() - began
        assert found[f"/xs/{n - 1}/a"] == (1, len(text) - 24)  # the last value's column, in characters
        return took

    run(200)  # warm up
    assert run(20_000) / run(2_000) < 30


@pytest.mark.parametrize("indent", [None, 2])
def test_scanning_only_the_named_inspections_finds_what_the_whole_scan_finds(
    indent: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectmodel.codec import _json

    monkeypatch.setattr(_json, "_IN_PARTS_FROM", 0)
    document = {"inspections": [{"id": f"i{n}", "problems": [{"id": "P1", "title": "问题" * n}]} for n in range(5)]}
    data = b"\xef\xbb\xbf" + json.dumps(document, ensure_ascii=False, indent=indent).encode()
    _, spans = _json.loads_with_spans(data)
    assert len(spans or ()) == 5
    pointers = ["", "/inspections", "/inspections/3/problems/0/title", "/inspections/1/kind", "/inspections/4/id"]
    assert locate(data, pointers, spans=spans) == locate(data, pointers)
    assert locate(data, ["/successions/0"], spans=spans) == locate(data, ["/successions/0"])  # outside: all scanned

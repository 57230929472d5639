"""The codec: strict loading with located issues, and a lossless canonical round trip."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rectmodel
from rectmodel import Ledger, LoadError, State, loads

from support import minimal_document


def _issues(data: Any) -> list[str]:
    """The issues of loading *data* (a dict is dumped to JSON first), as ``pointer: message``."""
    raw = json.dumps(data, ensure_ascii=False) if isinstance(data, dict) else data
    with pytest.raises(LoadError) as info:
        rectmodel.loads(raw)
    return [str(issue) for issue in info.value.issues]


def _measure(**fields: Any) -> dict[str, Any]:
    return {"id": "m", "text": "整改措施", **fields}


def _deep(deadline: Any) -> dict[str, Any]:
    problems = [{"id": f"p{i}", "title": "问题", "measures": [_measure(id="m0"), _measure(id="m1")]} for i in range(4)]
    problems[3]["measures"][1]["deadline"] = deadline
    return minimal_document(problems=problems)


def test_bad_date_is_reported_with_its_pointer_and_value() -> None:
    assert _issues(_deep("2021-13-01")) == [
        "/inspections/0/problems/3/measures/1/deadline: expected a date like 2021-08-04, "
        'or immediate, long_term or ongoing, got "2021-13-01"'
    ]


def test_bad_date_message_in_chinese() -> None:
    with pytest.raises(LoadError) as info:
        rectmodel.loads(json.dumps(_deep("2021-02-30")))
    (issue,) = info.value.issues
    assert (issue.code, issue.pointer) == ("bad-date", "/inspections/0/problems/3/measures/1/deadline")
    assert issue.message("zh") == '应为形如 2021-08-04 的日期,或 immediate、long_term、ongoing,实为 "2021-02-30"'


def test_wrong_type_names_expected_and_given() -> None:
    assert _issues(minimal_document(problems={"id": "p"})) == [
        "/inspections/0/problems: expected an array, got an object"
    ]
    assert _issues(minimal_document(declared={"problems": "25"})) == [
        '/inspections/0/declared/problems: expected an integer, got "25"'
    ]
    assert _issues(minimal_document(inspector=7)) == ["/inspections/0/inspector: expected a string, got 7"]


def test_null_is_not_an_absent_value() -> None:
    assert _issues(minimal_document(unit=None)) == ["/inspections/0/unit: expected a string, got null"]


def test_negative_count_is_out_of_range() -> None:
    assert _issues(minimal_document(declared={"measures": -1})) == [
        "/inspections/0/declared/measures: expected an integer from 0 to 1000000000, got -1"
    ]


def test_unknown_field_is_reported_at_the_field() -> None:
    assert _issues(minimal_document(problems=[{"id": "p", "title": "t", "statuz": []}])) == [
        '/inspections/0/problems/0/statuz: unknown field "statuz"'
    ]


def test_missing_field_is_reported_where_it_belongs() -> None:
    assert _issues({"inspections": [{"kind": "regular", "inspector": "组"}]}) == [
        '/inspections/0/id: missing required field "id"'
    ]


def test_bad_enum_value_lists_choices() -> None:
    doc = minimal_document(problems=[{"id": "p", "title": "t", "history": [{"state": "done"}]}])
    choices = ", ".join(f'"{s.value}"' for s in State)
    assert _issues(doc) == [f'/inspections/0/problems/0/history/0/state: expected one of {choices}, got "done"']


def test_every_problem_is_reported_at_once() -> None:
    doc = {
        "inspections": [
            {"id": 1, "kind": "regular", "inspector": "组", "target": "局", "start": "2021-3-11"},
            {"id": "b", "kind": "regular", "inspector": "组", "target": "局", "extra": True},
        ],
        "successions": [{"old": "a"}],
    }
    assert _issues(doc) == [
        "/inspections/0/id: expected a string, got 1",
        '/inspections/0/start: expected a date like 2021-08-04, got "2021-3-11"',
        '/inspections/1/extra: unknown field "extra"',
        '/successions/0/new: missing required field "new"',
    ]


def test_duplicate_key_is_found_even_deep_inside() -> None:
    raw = '{"inspections": [{"id": "a", "kind": "regular", "inspector": "x", "target": "y", "target": "z"}]}'
    assert _issues(raw) == ['/inspections/0/target: duplicate key "target"']


def test_duplicate_key_is_found_when_colons_are_escaped() -> None:
    raw = '{"inspections": [], "successions": [{"old": "a\\u003ab", "new": "c", "new": "d"}]}'
    assert _issues(raw) == ['/successions/0/new: duplicate key "new"']


def test_escaped_colon_without_duplicates_loads() -> None:
    raw = '{"successions": [{"old": "a\\u003ab", "new": "c"}]}'
    assert rectmodel.loads(raw).successions[0].old == "a:b"


def test_not_json_gives_line_and_column() -> None:
    with pytest.raises(LoadError) as info:
        rectmodel.loads('{\n  "inspections": [\n    {"id": "a",,}\n  ]\n}')
    (issue,) = info.value.issues
    assert (issue.code, issue.pointer, issue.line, issue.column) == ("not-json", "", 3, 16)
    assert str(issue) == "/ (line 3, column 16): not JSON: Expecting property name enclosed in double quotes"


def test_not_utf8_gives_offset_and_line() -> None:
    with pytest.raises(LoadError) as info:
        rectmodel.loads(b'{"inspections": [],\n"x": "\xff"}')
    (issue,) = info.value.issues
    assert (issue.code, issue.line, issue.column) == ("not-utf8", 2, 7)
    assert issue.message() == "not UTF-8: invalid byte 0xff at offset 26"
    assert issue.message("zh") == "不是 UTF-8 编码:偏移 26 处的字节 0xff 无效"


def test_error_names_its_source_and_counts_problems() -> None:
    with pytest.raises(LoadError, match=r"^plan\.json: 2 problems found while loading") as info:
        rectmodel.loads('{"inspections": 1, "x": 2}', source="plan.json")
    assert info.value.source == "plan.json"
    assert isinstance(info.value, rectmodel.RectmodelError)


def test_byte_order_mark_is_accepted() -> None:
    assert rectmodel.loads(b"\xef\xbb\xbf" + json.dumps(minimal_document()).encode()).inspections[0].id == "i1"


def test_load_and_dump_accept_paths_and_files(tmp_path: Any) -> None:
    ledger = rectmodel.loads(json.dumps(minimal_document(start="2020-10")))
    path = tmp_path / "l.json"
    rectmodel.dump(ledger, path)
    assert rectmodel.load(path) == ledger
    buffer = io.BytesIO()
    rectmodel.dump(ledger, buffer)
    assert rectmodel.load(io.BytesIO(buffer.getvalue())) == ledger
    assert buffer.getvalue().decode() == rectmodel.dumps(ledger)


def test_dumps_is_canonical_and_omits_defaults() -> None:
    doc = minimal_document(
        start="2020-10",
        problems=[
            {"title": "t", "id": "p", "level": "problem", "measures": [{"text": "x", "id": "m", "evidence": []}]}
        ],
    )
    text = rectmodel.dumps(rectmodel.loads(json.dumps(doc)))
    assert json.loads(text) == minimal_document(
        start="2020-10", problems=[{"id": "p", "title": "t", "measures": [{"id": "m", "text": "x"}]}]
    )
    assert text.endswith("}\n")
    assert rectmodel.dumps(rectmodel.loads(text)) == text


# Fuzzing: whatever the input, loads answers with a ledger or a LoadError, never anything else.

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def _loads_or_load_error(data: bytes | str) -> None:
    issues: tuple[rectmodel.LoadIssue, ...] = ()
    try:
        rectmodel.loads(data)
    except LoadError as e:
        issues = e.issues
        assert issues, "a LoadError always lists what is wrong"
    for issue in issues:
        assert issue.pointer == "" or issue.pointer.startswith("/")
        assert issue.message()
        assert issue.message("zh")


@settings(max_examples=3 * settings.default.max_examples)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_a_ledger_or_a_load_error(data: bytes) -> None:
    _loads_or_load_error(data)


@settings(max_examples=3 * settings.default.max_examples)
@given(json_values)
def test_arbitrary_json_gives_a_ledger_or_a_load_error(value: Any) -> None:
    _loads_or_load_error(json.dumps(value))


@settings(max_examples=3 * settings.default.max_examples)
@given(
    st.dictionaries(
        st.sampled_from(["id", "kind", "inspector", "target", "start", "declared", "problems", "groups", "x"]),
        json_values,
    )
)
def test_near_miss_inspections_give_a_ledger_or_a_load_error(inspection: dict[str, Any]) -> None:
    _loads_or_load_error(json.dumps({"inspections": [inspection]}))


def test_generated_structuring_code_shows_in_tracebacks() -> None:
    """The fast path's generated source is registered in linecache, as attrs does for its methods."""
    import inspect

    from rectmodel.codec._structure import make_structure_fn

    fn = make_structure_fn(Ledger)
    assert "def structure_Ledger" in inspect.getsource(fn)


def test_a_bug_in_the_fast_path_propagates_instead_of_hiding_behind_the_slow_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a refusal falls back to the slow pass; any other exception is a bug and surfaces."""
    from rectmodel.codec import _json, _structure

    def broken(value: object) -> object:
        raise RuntimeError("bug in a converter")

    monkeypatch.setattr(_structure, "_date", broken)
    monkeypatch.setattr(_structure, "_date_cache", {})
    monkeypatch.setitem(_json._structure_fns, Ledger, _structure.make_structure_fn(Ledger))
    doc = b'{"inspections": [{"id": "i", "kind": "regular", "inspector": "a", "target": "b", "start": "2021-01"}]}'
    with pytest.raises(RuntimeError, match="bug in a converter"):
        loads(doc)


_SYNTAX_CODES = {"not-json", "not-utf8"}


def _assert_located(data: bytes | str) -> None:
    """Loading raises only LoadError, whose every issue has a pointer, and a line and column for text problems."""
    issues: tuple[Any, ...] = ()
    try:
        loads(data)
    except LoadError as e:
        issues = tuple(e.issues)
        assert issues
    for issue in issues:
        assert isinstance(issue.pointer, str)
        if issue.code in _SYNTAX_CODES and not issue.pointer:
            assert (issue.line, issue.column) != (None, None), issue
            assert issue.line is not None, issue
        assert issue.message("en")
        assert issue.message("zh")


_SCALARS = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "1" + "0" * 30, "-1", "1.5", '"\\ud800"', "null"])


@given(
    depth=st.integers(0, 3000),
    opener=st.sampled_from(["[", '{"a":', '{"inspections":']),
    closed=st.booleans(),
    scalar=_SCALARS,
)
def test_nested_and_huge_json_gives_located_load_errors(depth: int, opener: str, closed: bool, scalar: str) -> None:
    closer = "]" if opener == "[" else "}"
    _assert_located(opener * depth + scalar + (closer * depth if closed else ""))


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_malformed_input_gives_located_load_errors(data: bytes | str) -> None:
    _assert_located(data)


@given(st.data())
def test_a_value_out_of_place_in_a_ledger_is_located(data: st.DataObject) -> None:
    doc = minimal_document(problems=[{"id": "p", "title": "t"}])
    text = json.dumps(doc)
    spots = [m.end() for m in re.finditer(r'": ', text)]
    spot = data.draw(st.sampled_from(spots))
    scalar = data.draw(_SCALARS | st.sampled_from(["[" * 300 + "]" * 300, "{}", "[]", '"x"']))
    end = re.compile(r'"(?:[^"\\]|\\.)*"|[^,}\]]+').match(text, spot)
    assert end is not None
    _assert_located(text[:spot] + scalar + text[end.end() :])


# --- a large ledger, one inspection at a time ----------------------------------------------------


@pytest.fixture
def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every document in parts, however small (the path large ledgers take)."""
    from rectmodel.codec import _json

    monkeypatch.setattr(_json, "_IN_PARTS_FROM", 0)


def _three_inspections() -> dict[str, Any]:
    document = minimal_document()
    first = document["inspections"][0]
    first["problems"] = [{"id": "P1", "title": "甲", "measures": [{"id": "P1-M1", "text": "乙"}]}]
    document["inspections"] = [first, {**first, "id": "i2"}, {"id": "i3"}]
    document["successions"] = [{"old": "u1", "new": "u2", "date": "2021-01"}]
    return document


@pytest.mark.usefixtures("in_parts")
@pytest.mark.parametrize("indent", [None, 2])
def test_a_ledger_read_in_parts_is_the_ledger_read_whole(indent: int | None) -> None:
    text = json.dumps(
        _three_inspections(), ensure_ascii=False, indent=indent, separators=None if indent else (",", ":")
    )
    ledger = loads(text)
    assert [x.id for x in ledger.inspections] == ["i1", "i2", "i3"]
    assert len(ledger.successions) == 1
    assert ledger.inspections[1].problems[0].measures[0].text == "乙"


@pytest.mark.usefixtures("in_parts")
@pytest.mark.parametrize(
    "edit",
    [
        lambda d: {"successions": d["successions"], "inspections": d["inspections"]},  # inspections not first
        lambda d: {**d, "inspections": [{"id": "i1", "problems": [{"id": "P1", "measures": [], "title": "甲"}]}]},
    ],
    ids=["inspections-not-first", "members-in-another-order"],
)
def test_documents_written_otherwise_are_read_whole_and_the_same(edit: Any) -> None:
    document = edit(_three_inspections())
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    assert rectmodel.dumps(loads(text)) == rectmodel.dumps(loads(text.encode()))  # and no error either way


@pytest.mark.usefixtures("in_parts")
def test_in_parts_still_refuses_duplicate_keys_and_bad_values_with_pointers() -> None:
    text = json.dumps(_three_inspections(), ensure_ascii=False, separators=(",", ":"))
    duplicated = text.replace('"text":"乙"', '"text":"乙","text":"丙"', 1)
    with pytest.raises(LoadError) as e:
        loads(duplicated)
    assert [i.code for i in e.value.issues] == ["duplicate-key"]
    bad = text.replace('"id":"i3"', '"id":"i3","kind":"weekly"')
    with pytest.raises(LoadError) as e:
        loads(bad)
    assert [i.pointer for i in e.value.issues] == ["/inspections/2/kind"]


def test_the_duplicate_key_screen_counts_members_and_escaped_quotes_send_it_to_the_exact_check() -> None:
    from rectmodel.codec._json import _may_have_duplicate_keys

    assert not _may_have_duplicate_keys(b'{"a":1,"b":"x:y"}', 2)
    assert _may_have_duplicate_keys(b'{"a":1,"a":2}', 1)  # the parsed object kept one of two
    assert _may_have_duplicate_keys(b'{"a":"say \\":\\" here"}', 1)  # a quote escaped: check exactly
    assert loads('{"inspections":[{"id":"i\\":1","kind":"regular"}]}').inspections[0].id == 'i":1'


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_in_parts_and_whole_agree_on_any_edit_of_a_document(data: st.DataObject) -> None:
    from rectmodel.codec import _json

    text = json.dumps(
        _three_inspections(), ensure_ascii=False, separators=(",", ":"), indent=data.draw(st.sampled_from([None, 1]))
    )
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 3))
    text = text[:at] + data.draw(st.sampled_from(["", "}", ",", '"', "{", "]", '"id":"x",', "\\"])) + text[at + cut :]

    def outcome(threshold: int) -> Any:
        saved, _json._IN_PARTS_FROM = _json._IN_PARTS_FROM, threshold
        try:
            return rectmodel.dumps(loads(text))
        except LoadError as e:
            return [(i.code, i.pointer) for i in e.issues]
        finally:
            _json._IN_PARTS_FROM = saved

    assert outcome(0) == outcome(1 << 60)


@pytest.mark.usefixtures("in_parts")
def test_python_json_dumps_default_spacing_is_read_in_parts_too() -> None:
    from rectmodel.codec import _json

    text = json.dumps(_three_inspections(), ensure_ascii=False).encode()  # ", " and ": " between tokens
    members = [0]
    ledger = _json._ledger_in_parts(text, members)
    assert ledger is not None
    assert [x.id for x in ledger.inspections] == ["i1", "i2", "i3"]
    assert loads(text) == ledger


@pytest.mark.parametrize("deadline", [["2020-01"], {}, {"a": 1}, [], 1.5, True])
def test_a_deadline_that_is_not_a_string_is_a_located_bad_date(deadline: Any) -> None:
    issues = _issues(_deep(deadline))
    assert len(issues) == 1
    assert issues[0].startswith("/inspections/0/problems/3/measures/1/deadline: ")
    assert "deadline" in issues[0]


def _places(value: Any, pointer: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a JSON tree: each object member and array item, the root excluded."""
    places: list[tuple[str | int, ...]] = []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        places.append((*pointer, key))
        places.extend(_places(child, (*pointer, key)))
    return places


def _replaced(tree: Any, place: tuple[str | int, ...], value: Any) -> Any:
    tree = json.loads(json.dumps(tree))
    parent = tree
    for key in place[:-1]:
        parent = parent[key]
    parent[place[-1]] = value
    return tree


_SYNTHETIC = json.loads((Path(__file__).parents[1] / "examples" / "synthetic-ledger.json").read_text("utf-8"))
_SYNTHETIC_PLACES = _places(_SYNTHETIC)


@settings(max_examples=5 * settings.default.max_examples)
@given(st.sampled_from(_SYNTHETIC_PLACES), json_values)
def test_any_json_value_in_any_fields_place_gives_a_ledger_or_a_load_error(
    place: tuple[str | int, ...], value: Any
) -> None:
    _loads_or_load_error(json.dumps(_replaced(_SYNTHETIC, place, value), ensure_ascii=False))

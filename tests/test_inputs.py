"""The inputs table: each format recognised by its extension or its bytes, read by its reader with typed options."""

from __future__ import annotations

import io
import pickle
import zipfile
from pathlib import Path

import pytest

from rectmodel.errors import RectmodelError
from rectmodel.inputs import (
    FORMATS,
    NoticeOptions,
    Options,
    Read,
    SheetOptions,
    Unloadable,
    Unsupported,
    format_of,
    read,
    sniff,
    suffixes,
    supported,
)

from support import ROOT

EXAMPLES = ROOT / "examples"


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name in names:
            z.writestr(name, "x")
    return buffer.getvalue()


def test_the_table_claims_exactly_the_extensions_its_readers_read() -> None:
    from rectmodel import notices, sheets

    by_name = {f.name: f for f in FORMATS}
    assert set(by_name) == {"json", "notice", "sheet"}
    assert set(by_name["notice"].suffixes) == set(notices.SUFFIXES)
    assert set(by_name["sheet"].suffixes) == set(sheets.SUFFIXES)
    assert len(suffixes()) == len(set(suffixes())), "one extension, one format"


@pytest.mark.parametrize(
    ("name", "format"),
    [("a.json", "json"), ("a.JSON", "json"), ("台账.xlsx", "sheet"), ("a.tsv", "sheet"), ("通报.PDF", "notice"),
     ("a.htm", "notice"), ("a.txt", "notice"), ("ledger", "json"), ("a.yaml", "json")],
)  # fmt: skip
def test_a_path_is_read_as_the_format_its_extension_names_else_json(name: str, format: str) -> None:
    assert format_of(name).name == format


def test_input_overrides_the_extension() -> None:
    assert format_of("a.txt", "sheet").name == "sheet"
    assert format_of("a.xlsx", "json").name == "json"


@pytest.mark.parametrize(
    ("data", "input", "suffix"),
    [
        (b'\xef\xbb\xbf  {"inspections": []}', "auto", ".json"),
        (b"[]", "auto", ".json"),
        (b"anything", "json", ".json"),
        (b"%PDF-1.7 ...", "auto", ".pdf"),
        (b"<!DOCTYPE html><html>", "auto", ".html"),
        (b"\xd0\xcf\x11\xe0rest", "auto", ".xls"),
        (b"\xd0\xcf\x11\xe0rest", "notice", ".txt"),
        (b"%PDF-1.7", "sheet", ".csv"),
        ("一、问题".encode(), "auto", ".txt"),
        (b"a,b\n1,2", "sheet", ".csv"),
        (_zip("word/document.xml"), "auto", ".docx"),
        (_zip("word/document.xml", "xl/workbook.xml"), "auto", ".docx"),
        (_zip("xl/workbook.xml"), "auto", ".xlsx"),
        (_zip("content.xml"), "auto", ".ods"),
        (_zip("xl/workbook.xml"), "notice", ".docx"),
        (_zip("word/document.xml"), "sheet", ".xlsx"),
        (_zip("other.txt"), "auto", None),
    ],
)
def test_standard_input_is_recognised_by_its_bytes(data: bytes, input: str, suffix: str | None) -> None:
    assert sniff(data, input) == suffix


def test_a_file_with_an_unknown_extension_is_supported_only_if_it_holds_json(tmp_path: Path) -> None:
    yes, no = tmp_path / "ledger.data", tmp_path / "notes.data"
    yes.write_text(' {"inspections": []}', encoding="utf-8")
    no.write_text("hello", encoding="utf-8")
    assert supported(str(yes))
    assert not supported(str(no))
    assert supported(str(no), "notice"), "--input says what it is"
    assert supported(str(tmp_path / "missing.data")), "reading it says what is wrong"


def test_reading_json_gives_the_ledger_and_where_its_elements_stand() -> None:
    got = read(str(EXAMPLES / "haizhu-2020.json"))
    assert got.ledger.inspections[0].id == "haizhu-zsj-2019"
    assert got.report.diagnostics == ()
    assert got.where is not None
    assert got.where(["/inspections/0/id"])["/inspections/0/id"].line is not None


@pytest.mark.parametrize("name", ["haizhu-2020.json", "synthetic-ledger.xlsx"])
def test_what_is_read_pickles_with_its_locator_so_a_worker_can_hand_it_on(name: str) -> None:
    got = read(str(EXAMPLES / name))
    back = pickle.loads(pickle.dumps(got))
    assert isinstance(back, Read)
    assert back.ledger == got.ledger
    assert back.where is not None
    assert got.where is not None
    pointer = "/inspections/0/problems/0"
    assert back.where([pointer]) == got.where([pointer])


def test_a_notice_read_from_a_file_is_located_by_its_lines(tmp_path: Path) -> None:
    from rectmodel.cli import main

    notice = tmp_path / "通报.txt"
    assert main(["render", str(EXAMPLES / "jiangmen-2021.json"), "-o", str(notice)]) == 0
    got = read(str(notice), Options(notice=NoticeOptions(id="my-id")))
    assert got.ledger.inspections[0].id == "my-id"
    assert got.where is not None
    assert got.where(["/inspections/0"])["/inspections/0"].line is not None


def test_sheet_options_reach_the_workbook_reader(tmp_path: Path) -> None:
    import attrs

    from rectmodel.sheets import write

    ledger = read(str(EXAMPLES / "synthetic-ledger.xlsx")).ledger
    path = tmp_path / "台账.csv"
    write(attrs.evolve(ledger, inspections=(attrs.evolve(ledger.inspections[0], target=None),)), path, "csv")
    assert read(str(path)).ledger.inspections[0].target is None
    got = read(str(path), Options(sheet=SheetOptions(target="某局党组")))
    assert got.ledger.inspections[0].target == "某局党组"


def test_bytes_read_as_what_they_hold_and_failures_name_the_input_as_given() -> None:
    data = (EXAMPLES / "haizhu-2020.json").read_bytes()
    assert read(data).ledger == read(str(EXAMPLES / "haizhu-2020.json")).ledger
    with pytest.raises(Unloadable) as caught:
        read(b'{"inspections": [{"id": 1}]}', name="-")
    (first, *_) = caught.value.report.diagnostics
    assert first.rule == "load"
    assert first.location is not None
    assert first.location.file == "-"


def test_bytes_of_no_known_format_are_unsupported() -> None:
    with pytest.raises(Unsupported):
        read(_zip("other.txt"))


def test_a_missing_file_is_unloadable_with_a_located_reason(tmp_path: Path) -> None:
    path = str(tmp_path / "missing.json")
    with pytest.raises(Unloadable) as caught:
        read(path)
    (d,) = caught.value.report.diagnostics
    assert d.rule == "load"
    assert d.location is not None
    assert d.location.file == path


def test_the_inputs_errors_are_rectmodel_errors() -> None:
    assert issubclass(Unloadable, RectmodelError)
    assert issubclass(Unsupported, RectmodelError)


def test_each_format_names_the_type_of_its_options() -> None:
    by_name = {f.name: f for f in FORMATS}
    assert by_name["sheet"].options is SheetOptions
    assert by_name["notice"].options is NoticeOptions
    assert {f.name for f in FORMATS if f.options is not None} == {"sheet", "notice"}

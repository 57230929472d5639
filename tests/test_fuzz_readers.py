"""Fuzzing every reader: whatever bytes a file holds, the answer is a ledger or a ``RectmodelError``.

Three kinds of input per format: arbitrary bytes; a real-shaped file of the format mutated
(bytes flipped, cut short, spliced; for zip formats, a member's XML mutated and the archive
rebuilt so that the mutation reaches the parser); and hostile XML (a billion laughs, an
external entity). What is read must round-trip through ``dumps``/``loads``, and what the
command line prints about it must carry no raw control or bidi character. Sized by the
Hypothesis profile in conftest.py (``ci``: derandomized, a few seconds per property).
"""

from __future__ import annotations

import io
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rectmodel import RectmodelError, dumps, loads
from rectmodel.cli import main
from rectmodel.inputs import read, suffixes

from support import ROOT

EXAMPLES = ROOT / "examples"
_FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("一、政治建设方面")
    document.add_paragraph("1.理论学习不深入。整改措施:制定学习计划。整改时限:2021年9月底。已完成。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(20, 780, "1. Theory study is not deep.")
    page.save()
    return out.getvalue()


_NOTICE = "一、政治建设方面\n1.理论学习不深入。整改措施:制定学习计划。整改时限:2021年9月底。已完成。\n"


def _base(suffix: str) -> bytes:
    """A readable file of the format *suffix* names, as the mutations' starting point."""
    if suffix == ".json":
        return (EXAMPLES / "synthetic-ledger.json").read_bytes()
    if suffix in (".xlsx", ".xlsm"):
        return (EXAMPLES / "synthetic-ledger.xlsx").read_bytes()
    if suffix in (".csv", ".tsv"):
        sep = "," if suffix == ".csv" else "\t"
        header = ["序号", "问题", "整改措施", "整改时限", "完成情况"]
        rows = [header, ["1", "理论学习不深入", "制定学习计划", "2021年9月底", "已完成"]]
        return "".join(sep.join(row) + "\n" for row in rows).encode()
    if suffix == ".txt":
        return _NOTICE.encode()
    if suffix in (".html", ".htm", ".xhtml"):
        body = "".join(f"<p>{line}</p>" for line in _NOTICE.splitlines())
        return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()
    if suffix == ".docx":
        return _docx_bytes()
    if suffix == ".pdf":
        return _pdf_bytes()
    return b""  # .xls, .ods: no writer here; arbitrary bytes only


_SUFFIXES = suffixes()
_ZIPPED = (".xlsx", ".xlsm", ".docx")


def _read_or_refuse(path: Path) -> None:
    """Read *path*: a refusal must be a RectmodelError, and a ledger read must round-trip."""
    try:
        got = read(str(path))
    except RectmodelError as e:
        event(f"refused: {type(e).__name__}")
        return
    event("read")
    assert loads(dumps(got.ledger)) == got.ledger


def _is_raw_control(ch: str) -> bool:
    return ch not in "\n\t" and (unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u200d")


def _printed_cleanly(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    assert "bug" not in err
    assert not [ch for ch in out + err if _is_raw_control(ch)], (out + err)[:400]


def test_the_fuzzed_suffixes_are_every_format_rectmodel_reads() -> None:
    assert {".json", ".txt", ".docx", ".html", ".pdf", ".xlsx", ".xlsm", ".xls", ".ods", ".csv"} <= set(_SUFFIXES)


@pytest.mark.parametrize("suffix", _SUFFIXES)
@_FUZZ
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_are_read_or_refused_with_a_rectmodel_error(suffix: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _read_or_refuse(path)


def _mutate(base: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(base)
    for offset, length, new in cuts:
        at = offset % max(len(out), 1)
        out[at : at + length] = new
    return bytes(out)


_CUTS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 16), st.binary(max_size=8)), min_size=1, max_size=4)


@pytest.mark.parametrize("suffix", [s for s in _SUFFIXES if _base(s)])
@_FUZZ
@given(cuts=_CUTS, truncate=st.none() | st.floats(0.0, 1.0))
def test_a_mutated_file_of_each_format_is_read_or_refused_with_a_rectmodel_error(
    suffix: str, cuts: list[tuple[int, int, bytes]], truncate: float | None, tmp_path: Path
) -> None:
    data = _mutate(_base(suffix), cuts)
    if truncate is not None:
        data = data[: int(len(data) * truncate)]
    path = tmp_path / f"mutated{suffix}"
    path.write_bytes(data)
    _read_or_refuse(path)


def _rezip(base: bytes, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, change.get(name, zin.read(name)))
    return out.getvalue()


def _xml_members(base: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        return [n for n in z.namelist() if n.endswith(".xml")]


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
@_FUZZ
@given(data=st.data())
def test_a_zip_whose_xml_is_mutated_is_read_or_refused_and_printed_without_raw_controls(
    suffix: str, data: st.DataObject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = _base(suffix)
    member = data.draw(st.sampled_from(_xml_members(base)), label="member")
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        xml = z.read(member)
    text = st.text(st.characters(codec="utf-8"), max_size=6).map(str.encode)
    cuts = data.draw(st.lists(st.tuples(st.integers(0, len(xml)), st.integers(0, 12), text), max_size=3), label="cuts")
    path = tmp_path / f"mutated{suffix}"
    path.write_bytes(_rezip(base, {member: _mutate(xml, cuts)}))
    _read_or_refuse(path)
    _printed_cleanly(path, capsys)


_CONTROLS = st.text(st.sampled_from("\x00\x07\x1b[]2J;\u202e\u2066\u200f\x9b\r\x08abc一"), min_size=1, max_size=10)


@pytest.mark.parametrize("suffix", [".txt", ".csv"])
@_FUZZ
@given(junk=_CONTROLS)
def test_control_and_bidi_characters_in_a_document_are_printed_escaped(
    suffix: str, junk: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if suffix == ".txt":
        content = _NOTICE.replace("理论学习", f"理论{junk}学习")
    else:
        content = f"序号,问题,整改措施,整改时限\n1,理论{junk.replace(',', '')}学习不深入,制定{junk}计划,2021年9月底\n"
    path = tmp_path / f"hostile{suffix}"
    path.write_text(content, encoding="utf-8", newline="")
    _printed_cleanly(path, capsys)


# --- hostile XML --------------------------------------------------------------------------------

SECRET = "SECRET-XXE-CONTENT"
_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def _xxe(secret: Path) -> str:
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'


def _with_dtd(xml: bytes, dtd: str, at_text: bytes, ref: str) -> bytes:
    """*xml* with *dtd* after its declaration and the entity *ref* where *at_text* first stands."""
    head, _, rest = xml.partition(b"?>")
    body = (head + b"?>" + dtd.encode() + rest) if rest else (dtd.encode() + xml)
    return body.replace(at_text, ref.encode() + at_text, 1)


def _hostile(suffix: str, dtd: str, ref: str) -> bytes:
    if suffix == ".docx":
        base = _docx_bytes()
        with zipfile.ZipFile(io.BytesIO(base)) as z:
            xml = z.read("word/document.xml")
        return _rezip(base, {"word/document.xml": _with_dtd(xml, dtd, "理论".encode(), ref)})
    if suffix == ".xlsx":
        base = _base(".xlsx")
        with zipfile.ZipFile(io.BytesIO(base)) as z:
            xml = z.read("xl/sharedStrings.xml")
        return _rezip(base, {"xl/sharedStrings.xml": _with_dtd(xml, dtd, b"<t>", ref)})
    page = _base(".html").decode()
    return ('<?xml version="1.0"?>' + dtd + page.replace("理论", ref + "理论", 1)).encode()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html"])
def test_an_external_entity_is_never_resolved(suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / f"xxe{suffix}"
    path.write_bytes(_hostile(suffix, _xxe(secret), "&xxe;"))
    code = main(["parse", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert SECRET not in out + err
    assert "Traceback" not in err
    assert "bug" not in err


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html"])
def test_a_billion_laughs_is_refused_or_left_unexpanded(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"laughs{suffix}"
    path.write_bytes(_hostile(suffix, _LAUGHS, "&lol9;"))
    copy = tmp_path / "copy"
    shutil.copy(path, copy)
    code = main(["parse", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "lollollol" not in out + err  # a billion laughs expanded would be a gigabyte of them
    assert "Traceback" not in err
    assert "bug" not in err
    assert path.read_bytes() == copy.read_bytes()

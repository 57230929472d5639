"""Notices in Word, web-page and PDF files read as their text does; a file without text is one clear error.

Each builder writes a notice's text in a format the way offices do (a paragraph per line, a
saved page with its site around the body, a PDF with a text layer in a Chinese CID font),
and the file must parse to the very ledger the text parses to.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectmodel import Ledger, Severity, loads
from rectmodel.cli import main
from rectmodel.notices import ParseResult, parse, read
from rectmodel.notices._extract import extract

from support import SEEDS

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")

NOTICE = """\
中共某市某局党组关于巡察整改进展情况的通报
根据市委统一部署,2021年3月11日至6月18日,市委第二巡察组对某局党组进行了巡察。2021年8月4日,市委第二巡察组向我局党组反馈了意见,指出存在2个方面3个问题。截至2021年11月3日,已全部采取措施开展整改。
一、“政治建设”方面
(一)针对“学习不深入”的问题。
整改情况:
1.制定学习计划,把习近平新时代中国特色社会主义思想纳入党组理论学习中心组学习的重点内容,每月至少集中学习一次,并结合本局实际制定年度学习计划和专题研讨安排,确保学习内容系统、学习时间充足。
2.开展专题研讨。
(二)针对“民主集中制执行不到位”的问题。
整改情况:
1.修订《党组议事规则》。
二、“作风建设”方面
(一)针对“调查研究不够”的问题。
整改情况:
1.建立领导班子成员基层联系点制度。
2.每季度开展一次专题调研。
中共某市某局党组
2021年11月10日
"""

# --- builders: the same text, written as offices write it -------------------------------------------


def docx_bytes(text: str, *, table: bool = False) -> bytes:
    """A Word document, a paragraph per line; with *table*, the lines of the aspects in a two-column table."""
    import docx

    document = docx.Document()
    lines = text.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("一、")) if table else len(lines)
    end = next(k for k, line in enumerate(lines) if line.startswith("二、")) if table else len(lines)
    for line in lines[:start]:
        document.add_paragraph(line)
    if table:
        inside = lines[start:end]
        grid = document.add_table(rows=(len(inside) + 1) // 2 + 1, cols=2)
        for k, line in enumerate(inside):
            grid.cell(k // 2, k % 2).text = line
        merged = grid.cell(len(grid.rows) - 1, 0).merge(grid.cell(len(grid.rows) - 1, 1))
        merged.text = lines[end]  # one line in a cell merged across the row: read once
        end += 1
    for line in lines[end:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_bytes(text: str, charset: str = "utf-8") -> bytes:
    """A saved government page: navigation, a site header, the notice in an article, a footer."""
    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>关于巡察整改进展情况的通报_某市人民政府门户网站</title></head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jg">机构概况</a></li>
<li><a href="/gk">政务公开</a></li><li><a href="/bs">办事服务</a></li></ul></div>
<header><div class="logo">某市人民政府门户网站</div></header>
<div class="main"><div class="position">当前位置:首页 &gt; 政务公开 &gt; 通知公告</div>
<article>{body}</article></div>
<footer><p>主办单位:某市人民政府办公室 版权所有 粤ICP备12345678号</p><p>网站标识码4407000001</p></footer>
</body></html>"""
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # Adobe's CID font: no font file to ship
    return "STSong-Light"


def pdf_bytes(text: str) -> bytes:
    """A PDF whose paragraphs do not wrap (a page as wide as the longest), so each is one visual line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font, size = _cid_font(), 4
    lines = [line for line in text.splitlines() if line.strip()]
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(max(stringWidth(line, font, size) for line in lines) + 40, 600))
    y = 580
    for line in lines:
        if y < 20:
            page.showPage()
            y = 580
        page.setFont(font, size)
        page.drawString(20, y, line)
        y -= 2 * size
    page.save()
    return out.getvalue()


def wrapped_pdf_bytes(text: str) -> bytes:
    """An A4-wide PDF whose long paragraphs wrap at the margin (mid-sentence), as a word processor lays them out."""
    from xml.sax.saxutils import escape as xml_escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName=_cid_font(), fontSize=10.5, leading=16, wordWrap="CJK")
    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph(xml_escape(line), style) for line in text.splitlines() if line.strip()])
    return out.getvalue()


BUILDERS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "docx": (".docx", docx_bytes),
    "docx-table": (".docx", lambda text: docx_bytes(text, table=True)),
    "html": (".html", html_bytes),
    "htm-gb2312": (".htm", lambda text: html_bytes(text, "gb2312")),
    "pdf": (".pdf", pdf_bytes),
    "pdf-wrapped": (".pdf", wrapped_pdf_bytes),
}


def _write(tmp_path: Path, suffix: str, data: bytes, name: str = "通报") -> Path:
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(data)
    return path


# --- the same ledger as the text ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_a_notice_file_parses_to_the_ledger_of_its_text(tmp_path: Path, kind: str) -> None:
    suffix, build = BUILDERS[kind]
    result = read(_write(tmp_path, suffix, build(NOTICE)), id="n1")
    assert result.ledger == parse(NOTICE, id="n1").ledger
    assert len(result.ledger.inspections[0].problems) == 3
    said = result.diagnostics[0]
    assert (said.params["code"], said.severity) == ("notice-extraction", Severity.INFO)
    assert said.params["format"] == {".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}[suffix]


@needs_seeds
@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
def test_the_seed_notices_parse_to_the_ledgers_of_their_text(tmp_path: Path, kind: str) -> None:
    """A page shows runs of white space as one space (HTML collapses them): that is the page's text."""
    suffix, build = BUILDERS[kind]
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text("utf-8")
        if kind == "html":
            text = "\n".join(" ".join(line.split()) for line in text.splitlines())
        result = read(_write(tmp_path, suffix, build(text), seed.stem))
        assert result.ledger == parse(text, id=seed.stem).ledger, seed.name


def test_a_short_page_is_its_body_not_the_whole_page() -> None:
    """Below 250 characters trafilatura would take the whole page, navigation included; a notice may be short."""
    text, _ = extract(html_bytes("一、“政治建设”方面\n(一)针对“学习不深入”的问题。"), ".html")
    assert text == "一、“政治建设”方面\n(一)针对“学习不深入”的问题。"


def test_the_diagnostic_says_which_extraction_was_used(tmp_path: Path) -> None:
    docx = read(_write(tmp_path, ".docx", docx_bytes(NOTICE, table=True))).diagnostics[0]
    assert docx.params == {
        "code": "notice-extraction",
        "format": "docx",
        "tool": "python-docx",
        "tables": 1,
        "paragraphs": len([line for line in NOTICE.splitlines() if line]),
    }
    assert docx.message("en").startswith("read the Word document with python-docx: 17 paragraphs, 1 table")
    assert docx.message("zh").startswith("已用 python-docx 读取 Word 文档")
    pdf = read(_write(tmp_path, ".pdf", pdf_bytes(NOTICE))).diagnostics[0]
    assert pdf.message("en") == "read the PDF's text layer with pypdf: 1 page, 17 paragraphs"
    page = read(_write(tmp_path, ".htm", html_bytes(NOTICE, "gb2312"))).diagnostics[0]
    assert (page.params["tool"], page.params["encoding"]) == ("trafilatura", "gb18030")  # gb2312 read as its superset
    assert "gb18030" in page.message("zh")


def test_a_page_gives_its_body_without_the_site_around_it() -> None:
    text, how = extract(html_bytes(NOTICE, "gb2312"), ".html")
    assert text.splitlines() == [line for line in NOTICE.splitlines() if line]
    for chrome in ("首页", "机构概况", "门户网站", "当前位置", "版权所有", "网站标识码"):
        assert chrome not in text
    assert how["encoding"] == "gb18030"


def test_a_page_without_a_declared_charset_is_decoded_as_a_text_file() -> None:
    page = html_bytes(NOTICE).replace(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', b"")
    gbk = page.decode("utf-8").encode("gb18030")
    assert extract(gbk, ".html")[0] == extract(page, ".html")[0]
    assert extract(gbk, ".html")[1]["encoding"] == "gb18030"


def test_a_pdf_loses_the_spaces_it_put_between_chinese_characters_and_keeps_the_others() -> None:
    text, _ = extract(pdf_bytes("整改 情况:2022 年 3 月 完成 ABC 系统"), ".pdf")
    assert text == "整改情况:2022 年 3 月完成 ABC 系统"


def test_a_pdf_joins_a_sentence_the_margin_broke_and_nothing_else() -> None:
    text, _ = extract(wrapped_pdf_bytes(NOTICE), ".pdf")
    assert text.splitlines() == [line for line in NOTICE.splitlines() if line]


def test_text_files_still_say_only_a_non_utf8_encoding(tmp_path: Path) -> None:
    assert read(_write(tmp_path, ".txt", NOTICE.encode())).diagnostics == parse(NOTICE).diagnostics
    gbk = read(_write(tmp_path, ".txt", NOTICE.encode("gb18030"))).diagnostics[0]
    assert gbk.params == {"code": "notice-encoding", "encoding": "gb18030", "how": "not UTF-8; strict GB18030"}


# --- files without text: one located error ------------------------------------------------------------


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 400, 600, fill=1)  # a page of picture, no text
    page.showPage()
    page.rect(50, 50, 400, 600, fill=1)
    page.save()
    return out.getvalue()


def _encrypted_pdf(user_password: str, algorithm: str = "RC4-128") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes(NOTICE)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


UNREADABLE = [
    pytest.param(".docx", b"PK\x03\x04 not a zip", "notice-unreadable", id="docx-corrupt"),
    pytest.param(".docx", docx_bytes(NOTICE)[:2000], "notice-unreadable", id="docx-truncated"),
    pytest.param(".docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "notice-unreadable", id="doc-legacy"),
    pytest.param(
        ".docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512,
        "notice-encrypted",
        id="docx-encrypted",
    ),
    pytest.param(".docx", docx_bytes(""), "notice-no-text", id="docx-empty"),
    pytest.param(".pdf", b"%PDF-1.4 garbage", "notice-unreadable", id="pdf-corrupt"),
    pytest.param(".pdf", _encrypted_pdf("secret"), "notice-encrypted", id="pdf-encrypted"),
    pytest.param(".pdf", _scanned_pdf(), "notice-scanned", id="pdf-scanned"),
    pytest.param(".html", b"<html><body><div><img src='scan.png'></div></body></html>", "notice-no-text", id="html"),
    pytest.param(".html", b"  \n", "notice-no-text", id="html-empty"),
    pytest.param(".pdf", b"  \n", "notice-no-text", id="pdf-empty"),
]


@pytest.mark.parametrize(("suffix", "data", "code"), UNREADABLE)
def test_a_file_without_text_gives_one_error_and_no_inspection(
    tmp_path: Path, suffix: str, data: bytes, code: str
) -> None:
    result = read(_write(tmp_path, suffix, data))
    (error,) = result.diagnostics
    assert (error.params["code"], error.severity) == (code, Severity.ERROR)
    assert result.ledger == Ledger()
    for lang in ("en", "zh"):
        assert "\n" not in error.message(lang)


@pytest.mark.parametrize(("suffix", "data", "code"), UNREADABLE)
def test_the_cli_says_why_in_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, data: bytes, code: str
) -> None:
    path = _write(tmp_path, suffix, data)
    assert main(["parse", str(path)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{path}: error parse: ")
    assert main(["validate", "--lang", "zh", str(path)]) == 2
    (error,) = read(path).diagnostics
    assert error.params["code"] == code
    assert capsys.readouterr().out.startswith(f"{path}: 错误 parse: {error.message('zh')}\n")


def test_a_scanned_pdf_is_said_to_need_ocr(tmp_path: Path) -> None:
    (error,) = read(_write(tmp_path, ".pdf", _scanned_pdf())).diagnostics
    assert error.params == {"code": "notice-scanned", "pages": 2}
    assert "OCR" in error.message("en")
    assert "OCR" in error.message("zh")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128"])
def test_a_pdf_locked_only_against_copying_opens_with_the_empty_password(tmp_path: Path, algorithm: str) -> None:
    result = read(_write(tmp_path, ".pdf", _encrypted_pdf("", algorithm)), id="n1")
    assert result.ledger == parse(NOTICE, id="n1").ledger


# --- the command line --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["docx", "htm-gb2312", "pdf"])
def test_the_cli_reads_notice_files_by_extension_or_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    suffix, build = BUILDERS[kind]
    path = _write(tmp_path, suffix, build(NOTICE), "n1")
    out = tmp_path / "ledger.json"
    assert main(["parse", str(path), "-o", str(out)]) == 0
    assert loads(out.read_bytes()) == parse(NOTICE, id="n1").ledger
    assert "notice-extraction" not in capsys.readouterr().err  # infos are said in words
    assert main(["validate", "--format", "json", str(path)]) in (0, 1)
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert any(d["params"].get("code") == "notice-extraction" for d in report["diagnostics"])
    assert main(["validate", "--input", "notice", str(path)]) in (0, 1)
    capsys.readouterr()


# --- corrupt bytes: a result or one clean error, never a traceback ----------------------------------

VALID = {suffix: build(NOTICE) for suffix, build in ((".docx", docx_bytes), (".html", html_bytes), (".pdf", pdf_bytes))}


@st.composite
def _damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[suffix])
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return suffix, bytes(data)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_damaged())
def test_damaged_files_give_a_result_or_one_clean_error(tmp_path: Path, damaged: tuple[str, bytes]) -> None:
    suffix, data = damaged
    path = _write(tmp_path, suffix, data)
    result = read(path)
    assert isinstance(result, ParseResult)
    if not result.ledger.inspections:
        (error,) = result.diagnostics
        assert error.severity is Severity.ERROR
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            assert main(["parse", str(path)]) == 2
        assert len(stderr.getvalue().splitlines()) == 1

"""The checked file back to the unit: every finding on it exactly once, at its place, read back by a second library."""

from __future__ import annotations

import hashlib
import io
import shutil
from collections import Counter
from pathlib import Path

import attrs
import openpyxl
import pytest

import rectmodel
from rectmodel import annotate
from rectmodel.annotation import default_output
from rectmodel.cli import main
from rectmodel.inputs import read
from rectmodel.sheets import write

from support import ROOT

EXAMPLES = ROOT / "examples"
HOSTILE = '=HYPERLINK("http://evil.example","点击")'


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _report(path: Path) -> rectmodel.Report:
    got = read(str(path))
    return rectmodel.validate(got.ledger).locate(str(path), got.where)


def _faulty_workbook(tmp_path: Path) -> Path:
    """The Xianning ledger as a workbook (measures without deadlines or owners), one title a formula's text."""
    ledger = rectmodel.load(str(EXAMPLES / "xianning-2025.json"))
    x = ledger.inspections[0]
    hostile = attrs.evolve(x.problems[0], title=HOSTILE)
    ledger = rectmodel.Ledger((attrs.evolve(x, problems=(hostile, *x.problems[1:])),))
    path = tmp_path / "台账.xlsx"
    write(ledger, path)
    return path


def test_each_finding_of_a_workbook_is_a_comment_on_its_cell_filled_by_the_worst_severity(tmp_path: Path) -> None:
    source = _faulty_workbook(tmp_path)
    before = _sha(source)
    report = _report(source)
    written = annotate(str(source), report)
    assert written == str(tmp_path / "台账-审核意见.xlsx")
    assert _sha(source) == before
    book = openpyxl.load_workbook(written)
    assert book.sheetnames[0] == "审核意见"
    on_cells = [d for d in report.diagnostics if d.location is not None and d.location.cell]
    assert on_cells
    comments = Counter[str]()
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    assert cell.comment.author == "rectmodel"
                    for line in cell.comment.text.splitlines():
                        comments[f"{sheet.title}!{cell.coordinate} {line}"] += 1
    for d in on_cells:
        assert d.location is not None
        key = f"{d.location.sheet}!{d.location.cell} 错误 {d.rule}: {d.message('zh')}"
        if d.severity is rectmodel.Severity.ERROR:
            assert comments[key] == 1, key
            assert book[d.location.sheet or ""][d.location.cell or ""].fill.fgColor.rgb.endswith("FFC7CE")
    assert sum(comments.values()) == len(on_cells)


def test_the_review_sheet_lists_every_finding_once_with_a_link_to_its_cell_and_no_formula(tmp_path: Path) -> None:
    source = _faulty_workbook(tmp_path)
    report = _report(source)
    review = openpyxl.load_workbook(annotate(str(source), report)).worksheets[0]
    rows = list(review.iter_rows(min_row=2))
    assert len(rows) == len(report.diagnostics)
    for row, d in zip(rows, report.diagnostics, strict=True):
        assert row[2].value == d.rule
        assert row[4].value == d.message("zh")
        if d.location is not None and d.location.cell:
            assert row[3].value == f"{d.location.sheet}!{d.location.cell}"
            assert row[3].hyperlink.location == f"'{d.location.sheet}'!{d.location.cell}"
        for cell in row:
            assert cell.data_type != "f"


def test_document_text_in_a_finding_is_written_as_text_never_as_a_formula_or_a_control(tmp_path: Path) -> None:
    source = tmp_path / "台账.xlsx"
    shutil.copy(EXAMPLES / "synthetic-ledger.xlsx", source)
    sheet = openpyxl.load_workbook(source).sheetnames[0]
    where = rectmodel.diagnostics.Location(str(source), sheet=sheet, cell="B3")
    params = {"kind": "problem", "id": HOSTILE + "\x07"}
    hostile = rectmodel.Diagnostic("duplicate-id", rectmodel.Severity.ERROR, "/inspections/0/problems/0", params)
    report = rectmodel.Report((attrs.evolve(hostile, location=where),))
    book = openpyxl.load_workbook(annotate(str(source), report))
    (row,) = book.worksheets[0].iter_rows(min_row=2)
    assert HOSTILE in str(row[4].value)
    assert "\\x07" in str(row[4].value)
    assert row[4].data_type == "s"
    assert HOSTILE in book[sheet]["B3"].comment.text


def test_a_workbook_keeps_its_other_cells_values_and_formulas(tmp_path: Path) -> None:
    source = tmp_path / "台账.xlsx"
    shutil.copy(EXAMPLES / "synthetic-ledger.xlsx", source)
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[0]
    sheet["Z1"] = "=1+1"
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=3))
    sheet.add_chart(chart, "AB2")
    book.save(source)
    original = openpyxl.load_workbook(source)
    written = openpyxl.load_workbook(annotate(str(source), _report(source), lang="en"))
    assert written.sheetnames == ["Review", *original.sheetnames]
    for name in original.sheetnames:
        ours = [[c.value for c in row] for row in written[name].iter_rows()]
        theirs = [[c.value for c in row] for row in original[name].iter_rows()]
        assert ours == theirs
    assert written[original.sheetnames[0]]["Z1"].value == "=1+1"


def test_a_csv_is_annotated_as_a_workbook_of_its_cells(tmp_path: Path) -> None:
    source = tmp_path / "台账.csv"
    rows = "序号,问题,整改措施,整改时限\n1,理论学习不深入,制定学习计划,\n2,'X',\"=1+2\",2021年9月\n"
    source.write_text(rows.replace("'X'", HOSTILE.replace('"', '""').join('""')), encoding="utf-8")
    report = _report(source)
    written = annotate(str(source), report)
    assert written.endswith("台账-审核意见.xlsx")
    book = openpyxl.load_workbook(written)
    assert book.worksheets[1]["B2"].value == "理论学习不深入"
    for name, value in (("B3", HOSTILE), ("C3", "=1+2")):  # a CSV's text stays text in the workbook made of it
        assert book.worksheets[1][name].value == value
        assert book.worksheets[1][name].data_type == "s"
    assert len(list(book.worksheets[0].iter_rows(min_row=2))) == len(report.diagnostics)


def _docx(path: Path, lines: list[str]) -> None:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))


def test_each_finding_of_a_word_document_is_a_comment_on_its_paragraph_and_a_row_of_the_table(
    tmp_path: Path,
) -> None:
    import docx

    source = tmp_path / "通报.docx"
    _docx(source, (EXAMPLES / "round-report.txt").read_text(encoding="utf-8").splitlines())
    before = _sha(source)
    report = _report(source)
    written = annotate(str(source), report, lang="en")
    assert _sha(source) == before
    document = docx.Document(written)
    comments = [line for c in document.comments for line in c.text.splitlines()]
    lined = [d for d in report.diagnostics if d.location is not None and d.location.line is not None]
    assert lined
    assert sorted(comments) == sorted(f"{d.severity.value} {d.rule}: {d.message('en')}" for d in lined)
    assert {c.author for c in document.comments} == {"rectmodel"}
    table = document.tables[-1]
    assert len(table.rows) == 1 + len(report.diagnostics)
    assert [r.cells[2].text for r in table.rows[1:]] == [d.rule for d in report.diagnostics]


def test_a_text_notice_becomes_a_page_with_each_finding_beside_its_line_and_its_text_escaped(tmp_path: Path) -> None:
    source = tmp_path / "通报.txt"
    text = (EXAMPLES / "round-report.txt").read_text(encoding="utf-8")
    hostile = text.replace("中共某市政务服务管理局党组关于", "<script>alert(1)</script>\x1b[2J关于", 1)
    source.write_text(hostile, encoding="utf-8")
    report = _report(source)
    page = Path(annotate(str(source), report)).read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J" in page
    assert "\x1b" not in page
    import html

    for d in report.diagnostics:
        said = html.escape(f"{rectmodel.messages.word('severity', d.severity, 'zh')} {d.rule}: {d.message('zh')}")
        assert page.count(said) == 1, said
        if d.location is not None and d.location.line is not None:
            row = page.split(f'<tr id="L{d.location.line}"', 1)[1].split("</tr>", 1)[0]
            assert said in row


def test_the_command_writes_beside_each_file_and_never_over_an_existing_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _faulty_workbook(tmp_path)
    notice = tmp_path / "通报.txt"
    shutil.copy(EXAMPLES / "round-report.txt", notice)
    assert main(["validate", str(source), str(notice), "--annotate", "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert f"已写出审核意见文件 {tmp_path / '台账-审核意见.xlsx'}" in err
    assert (tmp_path / "通报-审核意见.html").is_file()
    stamp = _sha(tmp_path / "台账-审核意见.xlsx")
    assert main(["validate", str(source), "--annotate", "--lang", "zh"]) == 2  # it exists: refused before reading
    assert "--force" in capsys.readouterr().err
    assert _sha(tmp_path / "台账-审核意见.xlsx") == stamp
    assert main(["validate", str(source), "--annotate", "--force", "-o", str(tmp_path / "out.xlsx")]) == 1
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames[0] == "审核意见"  # Chinese, in an English locale
    assert main(["validate", str(source), "--annotate", "--lang", "en"]) == 1
    assert openpyxl.load_workbook(tmp_path / "台账-review.xlsx").sheetnames[0] == "Review"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["first.json", "-o", "x.xlsx"], "--annotate"),
        (["first.json", "second.json", "--annotate", "-o", "x.xlsx"], "-o"),
        (["first.json", "-", "--annotate"], "--annotate"),
    ],
)
def test_annotate_options_that_cannot_work_are_refused_with_exit_2(
    argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "haizhu-2020.json", tmp_path / "first.json")
    shutil.copy(EXAMPLES / "haizhu-2020.json", tmp_path / "second.json")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{}")))
    assert main(["validate", *argv]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.json", "second.json"]


def test_the_default_output_is_beside_the_original_and_named_for_the_review() -> None:
    assert default_output("台账/巡察台账.xls") == "台账/巡察台账-审核意见.xlsx"
    assert default_output("通报.pdf", "en") == "通报-review.html"
    assert default_output("通报.docx") == "通报-审核意见.docx"


_NOTICE = (EXAMPLES / "round-report.txt").read_text(encoding="utf-8")
_ROWS = [
    ["序号", "问题", "整改措施", "整改时限"],
    ["1", "理论学习不深入", "制定学习计划", ""],
    ["2", "制度执行不严", "", "2021年9月"],
]


def _input(kind: str, folder: Path) -> Path:
    """A file of *kind* with findings in it, as a unit sends one."""
    if kind == "xlsx":
        path = _faulty_workbook(folder)
    elif kind == "xlsm":
        path = _faulty_workbook(folder).rename(folder / "台账.xlsm")
    elif kind == "ods":
        from test_sheets import _ods

        path = _ods(folder / "台账.ods", "台账", _ROWS)  # type: ignore[arg-type]
    elif kind in ("csv", "tsv"):
        sep = "," if kind == "csv" else "\t"
        path = folder / f"台账.{kind}"
        path.write_text("".join(sep.join(row) + "\n" for row in _ROWS), encoding="utf-8")
    elif kind == "docx":
        path = folder / "通报.docx"
        _docx(path, _NOTICE.splitlines())
    elif kind == "pdf":
        from test_extract import pdf_bytes

        path = folder / "通报.pdf"
        path.write_bytes(pdf_bytes(_NOTICE))
    elif kind == "html":
        path = folder / "通报.html"
        body = "".join(f"<p>{line}</p>" for line in _NOTICE.splitlines())
        path.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", encoding="utf-8")
    elif kind == "json":
        path = folder / "ledger.json"
        shutil.copy(EXAMPLES / "xianning-2025.json", path)
    else:
        path = folder / "通报.txt"
        path.write_text(_NOTICE, encoding="utf-8")
    return path


def _listed(written: Path) -> int:
    """How many findings the annotated file lists (its review sheet, its findings table, or its page)."""
    if written.suffix in (".xlsx", ".xlsm"):
        return len(list(openpyxl.load_workbook(written).worksheets[0].iter_rows(min_row=2)))
    if written.suffix == ".docx":
        import docx

        return len(docx.Document(str(written)).tables[-1].rows) - 1
    return written.read_text(encoding="utf-8").count('<p class="f ')


@pytest.mark.parametrize(
    ("kind", "suffix"),
    [("xlsx", ".xlsx"), ("xlsm", ".xlsm"), ("ods", ".xlsx"), ("csv", ".xlsx"), ("tsv", ".xlsx"), ("docx", ".docx"),
     ("pdf", ".html"), ("html", ".html"), ("json", ".html"), ("txt", ".html")],
)  # fmt: skip
def test_every_input_form_is_annotated_with_every_finding_listed_once(kind: str, suffix: str, tmp_path: Path) -> None:
    source = _input(kind, tmp_path)
    before = _sha(source)
    report = _report(source)
    assert report.diagnostics
    written = Path(annotate(str(source), report, lang="en"))
    assert written.suffix == suffix
    assert written.name == f"{source.stem}-review{suffix}"
    assert _listed(written) == len(report.diagnostics)
    assert _sha(source) == before


def test_document_text_in_a_word_document_and_its_findings_table_is_kept_as_text(tmp_path: Path) -> None:
    import docx

    source = tmp_path / "通报.docx"
    _docx(source, _NOTICE.replace("中共某市政务服务管理局党组关于", f"{HOSTILE}<w:p/>关于", 1).splitlines())
    report = _report(source)
    document = docx.Document(annotate(str(source), report))
    assert document.paragraphs[0].text.startswith(f"{HOSTILE}<w:p/>关于")
    assert len(document.tables[-1].rows) == 1 + len(report.diagnostics)

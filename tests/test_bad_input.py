"""Bad input and bad output paths, as a clerk meets them: one documented answer per case, never "a bug".

The table of cases is docs/cli.md's "When a file cannot be read or written"; a test checks
that each case here is a row there with the same exit code. The matrix runs every command
over every input kind it reads and every way a file can be wrong, and every ``-o`` over
every way a place to write can be wrong.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rectmodel.cli import main

from support import ROOT

EXAMPLES = ROOT / "examples"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # permissions do not stop root

# --- files of each kind, written by the tests ------------------------------------------------------


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、政治建设方面")
    document.add_paragraph("1.理论学习不深入。整改措施:制定学习计划。")
    document.save(str(path))


def _good(kind: str, path: Path) -> Path:
    """A readable file of *kind* at *path*."""
    if kind == "json":
        shutil.copy(EXAMPLES / "synthetic-ledger.json", path)
    elif kind == "xlsx":
        shutil.copy(EXAMPLES / "synthetic-ledger.xlsx", path)
    elif kind == "csv":
        path.write_text("序号,问题,整改措施,整改时限\n1,理论学习不深入,制定学习计划,2021年9月底\n", encoding="utf-8")
    elif kind == "txt":
        path.write_text("一、政治建设方面\n1.理论学习不深入。整改措施:制定学习计划。\n", encoding="utf-8")
    elif kind == "html":
        path.write_text("<html><body><p>一、政治建设方面</p><p>1.理论学习不深入。</p></body></html>", encoding="utf-8")
    elif kind == "docx":
        _docx(path)
    else:  # pragma: no cover - every kind is listed above
        raise AssertionError(kind)
    return path


KINDS = ("json", "xlsx", "csv", "txt", "html", "docx")
ZIPPED = ("xlsx", "docx")


def _garbage() -> bytes:
    rng = random.Random(23)
    return bytes(rng.randrange(256) for _ in range(3000))


def _truncated(kind: str, path: Path) -> Path:
    whole = _good(kind, path.with_name("whole." + kind)).read_bytes()
    path.write_bytes(whole[: len(whole) // 3])
    return path


def _wrong_typed(_: str, path: Path) -> Path:
    path.write_text('{"inspections": [{"id": 3, "problems": "none"}]}', encoding="utf-8")
    return path


# How a file can be wrong: a name, and a function that makes such a file of a kind (None: no file).
Maker = Callable[[str, Path], Path | None]
BAD: dict[str, Maker] = {
    "missing": lambda kind, path: None,
    "directory": lambda kind, path: (path.mkdir(), path)[1],
    "empty": lambda kind, path: (path.write_bytes(b""), path)[1],
    "garbage": lambda kind, path: (path.write_bytes(_garbage()), path)[1],
}

# The commands that read files, with the arguments around the file.
COMMANDS: dict[str, Callable[[str, Path], list[str]]] = {
    "validate": lambda f, out: ["validate", f],
    "parse": lambda f, out: ["parse", f, "-o", str(out / "parsed.json")],
    "stats": lambda f, out: ["stats", f],
    "export": lambda f, out: ["export", f, "-o", str(out / "out.xlsx")],
    "render": lambda f, out: ["render", f, "-o", str(out / "out.txt")],
    "graph": lambda f, out: ["graph", f, "-o", str(out / "out.json")],
    "history": lambda f, out: ["history", "某单位", f],
    "schema": lambda f, out: ["schema", "--check", f],
}


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([*argv, "--lang", "en"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _no_bug(text: str) -> None:
    assert "Traceback" not in text
    assert "internal error" not in text
    assert "bug" not in text


def _cases() -> list[tuple[str, str, str]]:
    cases = [(command, kind, bad) for command in COMMANDS for kind in KINDS for bad in BAD]
    cases += [(command, kind, "truncated") for command in COMMANDS for kind in ZIPPED]
    cases += [(command, "json", "wrong-typed") for command in COMMANDS if command != "schema"]
    return cases


@pytest.mark.parametrize(("command", "kind", "bad"), _cases())
def test_every_command_answers_every_bad_input_with_exit_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str, bad: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = tmp_path / f"台账 {bad}.{kind}"
    make = {"truncated": _truncated, "wrong-typed": _wrong_typed}.get(bad) or BAD[bad]
    made = make(kind, path)
    before = _digest(path) if made is not None else None
    code, text = _run(COMMANDS[command](str(path), out), capsys)
    assert code == 2, text
    assert str(path) in text
    _no_bug(text)
    assert list(out.iterdir()) == []  # nothing written where the command failed
    assert (_digest(path) if made is not None else None) == before  # the input unchanged


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"history"}))  # history: below, with a unit it names
@pytest.mark.parametrize("kind", KINDS)
def test_a_file_named_with_spaces_and_chinese_is_read_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    out = tmp_path / "输出 目录"
    out.mkdir()
    path = _good(kind, tmp_path / f"某局 巡察 台账.{kind}")
    before = _digest(path)
    code, text = _run(COMMANDS[command](str(path), out), capsys)
    assert code in (0, 1), text  # read: the document's own findings decide between 0 and 1
    _no_bug(text)
    assert _digest(path) == before


def test_history_reads_a_file_named_with_spaces_and_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _good("json", tmp_path / "某局 巡察 台账.json")
    code, text = _run(["history", "某市政务服务管理局", str(path)], capsys)
    assert code == 0, text
    assert "某市政务服务管理局" in text


@pytest.mark.skipif(IS_ROOT, reason="permissions do not stop root from reading a file")
@pytest.mark.parametrize("kind", KINDS)
def test_a_file_without_read_permission_is_exit_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = _good(kind, tmp_path / f"locked.{kind}")
    path.chmod(0)
    try:
        code, text = _run(["validate", str(path)], capsys)
    finally:
        path.chmod(0o644)
    assert code == 2
    assert f"{path}: error load: cannot be read: Permission denied" in text


# --- outputs --------------------------------------------------------------------------------------

WRITERS: dict[str, Callable[[str], list[str]]] = {
    "parse": lambda o: ["parse", str(EXAMPLES / "synthetic-ledger.json"), "-o", o],
    "render": lambda o: ["render", str(EXAMPLES / "synthetic-ledger.json"), "-o", o],
    "graph": lambda o: ["graph", str(EXAMPLES / "synthetic-ledger.json"), "-o", o],
    "schema": lambda o: ["schema", "-o", o],
    "export-xlsx": lambda o: ["export", str(EXAMPLES / "synthetic-ledger.json"), "-o", o],
    "export-csv": lambda o: ["export", str(EXAMPLES / "synthetic-ledger.json"), "--format", "csv", "-o", o],
    "export-sqlite": lambda o: ["export", str(EXAMPLES / "synthetic-ledger.json"), "--format", "sqlite", "-o", o],
    "template": lambda o: ["template", "-o", o],
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_output_in_a_folder_that_does_not_exist_is_exit_2_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], writer: str
) -> None:
    target = tmp_path / "no such folder" / "输出.xlsx"
    code, text = _run(WRITERS[writer](str(target)), capsys)
    assert code == 2
    assert f"cannot write {target}: No such file or directory" in text
    _no_bug(text)
    assert not target.parent.exists()


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_output_that_is_a_folder_is_exit_2_and_the_folder_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], writer: str
) -> None:
    target = tmp_path / "a folder"
    target.mkdir()
    code, text = _run(WRITERS[writer](str(target)), capsys)
    assert code == 2
    assert f"cannot write {target}: Is a directory" in text
    _no_bug(text)
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_existing_output_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], writer: str
) -> None:
    target = tmp_path / "已有.out"
    target.write_bytes(b"the clerk's own file")
    code, text = _run(WRITERS[writer](str(target)), capsys)
    assert code == 2
    assert f"{target} exists; give --force to replace it" in text
    assert target.read_bytes() == b"the clerk's own file"
    assert main([*WRITERS[writer](str(target)), "--force"]) == 0
    assert target.read_bytes() != b"the clerk's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["已有.out"]  # no temporary file left beside it


@pytest.mark.skipif(IS_ROOT, reason="permissions do not stop root from writing")
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_output_in_a_read_only_folder_is_exit_2_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], writer: str
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, text = _run(WRITERS[writer](str(folder / "o.out")), capsys)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
    assert code == 2
    assert f"cannot write {folder / 'o.out'}: Permission denied" in text


def test_an_output_that_is_the_input_is_refused_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _good("json", tmp_path / "台账.json")
    before = _digest(path)
    code, text = _run(["parse", str(path), "-o", str(path), "--force"], capsys)
    assert code == 2
    assert "rectmodel never writes over its input" in text
    assert _digest(path) == before


def test_a_failing_writer_leaves_no_half_written_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "two.xlsx"
    code, _ = _run(["export", str(EXAMPLES / "synthetic-multi-round.json"), "-o", str(target)], capsys)
    assert code == 2  # several inspections and no --inspection: refused after the output was claimed
    assert list(tmp_path.iterdir()) == []


# --- the documented table -------------------------------------------------------------------------

# Each case of docs/cli.md's table: its first cell, how to make it, the command, the exit code,
# and what the message says (in English; the Chinese is the message table's).
TABLE: list[tuple[str, Callable[[Path], Path], str, int, str]] = [
    ("no such file", lambda d: d / "无.xlsx", "validate", 2, "error load: cannot be read: No such file or directory"),
    ("a folder given as a file", lambda d: (d / "d.json").mkdir() or d / "d.json", "stats", 2, "Is a directory"),
    ("an empty file (0 bytes), any kind", lambda d: _empty(d / "e.csv"), "validate", 2, "the file is empty"),
    ("JSON of blanks only", lambda d: _text(d / "b.json", " \n"), "validate", 2, "the file is empty"),
    ("empty standard input", lambda d: d, "stdin", 2, "-: error load: the file is empty"),
    ("notice text of blanks only", lambda d: _text(d / "b.txt", " \n"), "validate", 2, "no notice text found"),
    ("binary data named .txt", lambda d: _bytes(d / "g.txt"), "validate", 2, "binary data, not text"),
    ("not JSON", lambda d: _text(d / "n.json", "{x"), "validate", 2, "error load: not JSON"),
    ("JSON of the wrong shape", lambda d: _wrong_typed("json", d / "w.json"), "validate", 2, "expected a string"),
    ("a workbook that is not one", lambda d: _bytes(d / "g.xlsx"), "validate", 2, "cannot be read as a spreadsheet"),
    (
        "a workbook with no ledger table",
        lambda d: _text(d / "t.csv", "说明\n"),
        "validate",
        2,
        "no sheet has a ledger header",
    ),
    ("a truncated Word file", lambda d: _truncated("docx", d / "t.docx"), "validate", 2, "cannot be read as a .docx"),
    ("a missing waivers file", lambda d: d / "无.json", "waivers", 2, "无.json: error load: cannot be read"),
    (
        "a waivers file that is not JSON",
        lambda d: _text(d / "豁免.json", "x"),
        "waivers",
        2,
        "豁免.json:1:1: error load: not JSON",
    ),
]


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _bytes(path: Path) -> Path:
    path.write_bytes(_garbage())
    return path


@pytest.mark.parametrize(("case", "make", "how", "exit", "says"), TABLE, ids=[row[0] for row in TABLE])
def test_each_documented_failure_gives_its_exit_code_and_message(  # noqa: PLR0917 -- one argument per column
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    make: Callable[[Path], Path],
    how: str,
    exit: int,
    says: str,
) -> None:
    path = str(make(tmp_path))
    if how == "stdin":
        import io
        import sys

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
        argv = ["validate", "-"]
    elif how == "waivers":
        argv = ["validate", str(EXAMPLES / "synthetic-ledger.json"), "--waivers", path]
    else:
        argv = [how, path]
    code, text = _run(argv, capsys)
    assert code == exit, text
    assert says in text
    assert "(/)" not in text  # a pointer to the whole of a file that is no ledger means nothing
    _no_bug(text)


def test_the_documented_table_lists_every_case_with_its_exit_code() -> None:
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| ")}
    for case, _, _, exit, says in TABLE:
        assert case in rows, case
        cells = [c.strip() for c in rows[case].split("|")]
        assert f"`{exit}`" in cells, case
        assert says.split(": ")[-1] in rows[case], case

"""The command line behaves like its peers: --version, help with exit codes, standard input, "did you mean",
GitHub annotations, and a pre-commit hook."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rectmodel import __version__
from rectmodel.cli import COMMANDS, main
from rectmodel.cli._parser import parser
from rectmodel.cli._report import escape as _escape
from test_extract import NOTICE, docx_bytes, html_bytes, pdf_bytes

from support import ROOT

CJK = re.compile(r"[\u3400-\u9fff]")
JIANGMEN = ROOT / "examples" / "jiangmen-2021.json"
WORKBOOK = ROOT / "examples" / "synthetic-ledger.xlsx"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# --version and help


def test_version_prints_the_package_version_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"rectmodel {__version__}\n"


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_has_a_description_exit_codes_and_help_for_every_option(lang: str) -> None:
    commands = _commands(parser(lang, COMMANDS))  # type: ignore[arg-type]
    assert set(commands) == {"schema", "stats", "validate", "rules", "parse", "export", "template", "render",
                             "graph", "history", "reconcile", "report"}  # fmt: skip
    heading = "exit codes:" if lang == "en" else "退出码:"
    for name, command in commands.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no help"
        text = command.format_help()
        exits = text[text.index(heading) :]
        for code in ("0", "2", "3"):
            assert re.search(rf"^  {code}  \S", exits, re.M), f"{name}: exit code {code} not explained"
        if lang == "zh":
            assert CJK.search(command.description or ""), name
    assert "1  " in commands["validate"].format_help().split(heading)[1]


def test_top_level_help_shows_no_raw_markup(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "validate" in text
    assert not re.search(r"`|\*\*|\]\(|^#", text, re.M), text


def test_help_is_chinese_when_the_locale_or_lang_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["validate", "--help"]) == 0
    assert "只运行这些规则" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["stats", "--help", "--lang", "zh"]) == 0
    assert "退出码" in capsys.readouterr().out
    assert main(["stats", "--help"]) == 0
    assert "exit codes:" in capsys.readouterr().out


# every input, and standard input


def _inputs(tmp_path: Path) -> dict[str, Path]:
    files = {"json": JIANGMEN, "xlsx": WORKBOOK}
    for suffix, data in ((".txt", NOTICE.encode()), (".docx", docx_bytes(NOTICE)), (".html", html_bytes(NOTICE))):
        path = tmp_path / f"notice{suffix}"
        path.write_bytes(data)
        files[suffix[1:]] = path
    return files


@pytest.mark.parametrize("kind", ["json", "xlsx", "txt", "docx", "html"])
def test_every_command_reads_every_kind_of_input(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_inputs(tmp_path)[kind])
    assert main(["stats", path, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["inspections"]
    assert main(["render", path]) == 0
    assert main(["graph", path]) == 0
    assert main(["parse", path, "-o", str(tmp_path / "out.json")]) in (0, 1)
    assert main(["export", path, "-o", str(tmp_path / "out.db")]) == 0
    assert main(["export", path, "-o", str(tmp_path / "out.xlsx")]) == 0
    assert main(["validate", path]) in (0, 1)
    assert main(["schema", "--check", path]) == 0
    assert "not JSON" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(JIANGMEN.read_bytes(), id="json"),
        pytest.param(b"\xef\xbb\xbf \n" + JIANGMEN.read_bytes(), id="json-with-bom"),
        pytest.param(NOTICE.encode(), id="notice-text"),
        pytest.param(docx_bytes(NOTICE), id="docx"),
        pytest.param(html_bytes(NOTICE), id="html"),
        pytest.param(pdf_bytes(NOTICE), id="pdf"),
        pytest.param(WORKBOOK.read_bytes(), id="xlsx"),
    ],
)
def test_standard_input_is_read_by_what_its_content_is(
    data: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, data)
    assert main(["stats", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["inspections"]
    _stdin(monkeypatch, data)
    assert main(["validate", "--format", "json", "-"]) in (0, 1)
    (record,) = json.loads(capsys.readouterr().out)["files"]
    assert record["path"] == "-"
    assert all(d["location"]["file"] == "-" for d in record["diagnostics"])


def test_input_overrides_what_standard_input_is_sniffed_as(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"[1, 2]")
    assert main(["stats", "-"]) == 2
    assert capsys.readouterr().err.startswith("-:1:1: error load: ")  # read as JSON: a ledger is an object
    _stdin(monkeypatch, NOTICE.encode())
    assert main(["stats", "--input", "notice", "-", "--format", "json"]) == 0


def test_a_ledger_that_cannot_be_loaded_from_standard_input_is_located_in_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b'{"inspections": 3}')
    assert main(["stats", "-"]) == 2
    assert capsys.readouterr().err.startswith("-:1:17: error load: ")


@pytest.mark.parametrize(
    ("name", "data"),
    [("photo.png", b"\x89PNG\r\n\x1a\n"), ("archive.zip", b"PK\x03\x04 not an office file"), ("notes", b"text")],
)
def test_an_unsupported_file_is_told_what_is_supported(
    name: str, data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for argv in (["stats", str(path)], ["validate", str(path), str(JIANGMEN)], ["graph", str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"{path}: not a file rectmodel reads" in err
        assert ".xlsx" in err
        assert ".docx" in err
        assert "not JSON" not in err
    assert main(["stats", str(path), "--lang", "zh"]) == 2
    assert "不是 rectmodel 能读取的文件" in capsys.readouterr().err


def test_an_unsupported_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG")
    assert main(["validate", "--format", "json", str(path), str(JIANGMEN)]) == 2
    assert [f["path"] for f in json.loads(capsys.readouterr().out)["files"]] == [str(JIANGMEN)]


def test_a_json_ledger_without_an_extension_is_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledger"
    path.write_bytes(JIANGMEN.read_bytes())
    assert main(["stats", str(path)]) == 0


def test_unsupported_standard_input_says_what_is_supported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"PK\x03\x04 not an office file")
    assert main(["stats", "-"]) == 2
    assert capsys.readouterr().err.startswith("rectmodel: -: not a file rectmodel reads")


# did you mean


@pytest.mark.parametrize(
    "option", [["--select", "report-overdu"], ["--ignore", "report-overdu"], ["--severity", "report-overdu=info"]]
)
def test_a_misspelt_rule_name_gets_a_suggestion(option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *option, str(JIANGMEN)]) == 2
    assert capsys.readouterr().err == "rectmodel: unknown rule report-overdu; did you mean report-overdue?\n"
    assert main(["validate", "--lang", "zh", *option, str(JIANGMEN)]) == 2
    assert capsys.readouterr().err == "rectmodel: 没有名为 report-overdu 的规则;是否要用 report-overdue?\n"


def test_a_rule_name_like_none_is_unknown_without_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--select", "zzzz", str(JIANGMEN)]) == 2
    assert capsys.readouterr().err == "rectmodel: unknown rule zzzz\n"


def test_a_misspelt_command_or_choice_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validat", str(JIANGMEN)]) == 2
    assert "did you mean validate?" in capsys.readouterr().err
    assert main(["validate", "--format", "gihtub", str(JIANGMEN)]) == 2
    assert "did you mean github?" in capsys.readouterr().err
    assert main(["stat", "x.json", "--lang", "zh"]) == 2
    assert "是否要用 stats?" in capsys.readouterr().err


# --format github


def test_github_escapes_data_and_properties_as_github_reads_them() -> None:
    assert _escape("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert _escape("a:b,c%", True) == "a%3Ab%2Cc%25"


def test_github_annotations_for_a_json_file_carry_line_and_column(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "examples" / "xianning-2025.json")
    assert main(["validate", "--format", "github", "--select", "declared-count-mismatch", path]) == 1
    first, summary = capsys.readouterr().out.splitlines()
    file = path.replace(":", "%3A")
    assert first == (
        f"::error file={file},line=15,col=21,title=declared-count-mismatch::"
        "146 measures declared, 186 itemized (/inspections/0/declared/measures)"
    )
    assert summary == "1 file: 1 error, 0 warnings, 0 infos, 0 waived"


def test_github_annotations_for_a_notice_carry_lines_and_levels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.replace("一、", "三、", 1), encoding="utf-8")
    main(["validate", "--format", "github", "--lang", "zh", str(path)])
    lines = capsys.readouterr().out.splitlines()[:-1]
    assert lines
    for line in lines:
        match = re.fullmatch(r"::(error|warning|notice) file=([^,]+)(?:,line=(\d+))?,title=([a-z-]+)::(.+)", line)
        assert match, line
        assert match[2] == str(path).replace(":", "%3A")
    assert any(",line=" in line for line in lines)


def test_github_annotations_for_a_workbook_name_the_sheet_and_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import attrs

    import rectmodel
    from rectmodel.sheets import write

    ledger = rectmodel.load(ROOT / "examples" / "synthetic-ledger.json")
    x = ledger.inspections[0]
    p = x.problems[0]
    broken = attrs.evolve(p, measures=(attrs.evolve(p.measures[0], deadline=None), *p.measures[1:]))
    workbook = tmp_path / "台账.xlsx"
    write(attrs.evolve(ledger, inspections=(attrs.evolve(x, problems=(broken, *x.problems[1:])),)), workbook)
    assert main(["validate", "--format", "github", str(workbook)]) == 1
    (line, _) = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        rf"::error file={re.escape(str(workbook))},title=measure-without-deadline::[^!:]+![A-Z]+\d+: .+", line
    ), line


# pre-commit


def _git(*argv: str, cwd: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *argv], cwd=cwd, check=True, capture_output=True, env=env)


def test_the_pre_commit_hook_file_declares_one_serial_run_over_ledgers_and_notices() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: rectmodel-validate" in text
    assert "entry: rectmodel validate" in text
    assert "require_serial: true" in text
    assert "pass_filenames: true" in text
    files = re.search(r"^\s*files: '(.+)'$", text, re.M)
    assert files
    for name in ("台账.xlsx", "a/b.json", "通报.docx", "n.txt", "p.PDF", "x.htm", "y.csv", "z.ods"):
        assert re.search(files[1], name), name
    assert not re.search(files[1], "photo.png")


@pytest.mark.pre_commit
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_pre_commit_hook_runs_on_a_throwaway_repository(tmp_path: Path) -> None:
    """``pre-commit try-repo`` installs this repository and validates every ledger in one run."""
    pytest.importorskip("pre_commit")
    if not (ROOT / ".git").exists():
        pytest.skip("this checkout is not a git repository")
    repo = tmp_path / "office"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / "good.json").write_bytes(JIANGMEN.read_bytes())
    (repo / "bad.json").write_bytes((ROOT / "examples" / "xianning-2025.json").read_bytes())
    _git("add", ".", cwd=repo)
    _git("commit", "-qm", "ledgers", cwd=repo)
    argv = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "rectmodel-validate", "--all-files"]
    done = subprocess.run(argv, cwd=repo, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error declared-count-mismatch" in done.stdout
    assert "2 files: " in done.stdout  # one run over both files

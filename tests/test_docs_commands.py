"""Every ``rectmodel`` command in the README's and the docs' shell blocks works as written.

Each page's commands run in order in an empty folder that holds a copy of ``examples/`` and
the files the pages name as a user's own (``台账.xlsx``, ``通报.docx``, ``plan.json``, ``标准.toml``, …): a
command exits 0 or 1 (1: it found something), never 2 or 3, and nothing is left in the
repository. A command that needs a Dask cluster is only checked to name options that exist.
"""

from __future__ import annotations

import glob
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

from rectmodel.cli import main

from support import ROOT

_NOTICE = (
    "中共某市某局党组关于巡察整改进展情况的通报\n"
    "2021年7月15日,市委第三巡察组向中共某市某局党组反馈了巡察意见。\n"
    "一、政治建设方面\n"
    "1.理论学习不深入。整改措施:制定学习计划。整改时限:2021年9月底。整改进展:已完成。\n"
)
_PAGES = ["README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md"))]


def _commands(page: str) -> list[str]:
    text = (ROOT / page).read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"^```(?:sh|bash|shell)\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            command = re.split(r"\s+#\s", line, maxsplit=1)[0].strip()
            if command.startswith("rectmodel "):
                lines.append(command)
    return lines


_RUN = [(page, command) for page in _PAGES for command in _commands(page)]


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in _NOTICE.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def _pdf(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(1200, 600))
    page.setFont("STSong-Light", 8)
    for k, line in enumerate(_NOTICE.splitlines()):
        page.drawString(20, 580 - 12 * k, line)
    page.save()
    path.write_bytes(out.getvalue())


def _a_users_folder(folder: Path) -> None:
    """The files the pages name as the reader's own, beside a copy of the examples."""
    shutil.copytree(ROOT / "examples", folder / "examples")
    shutil.copy(ROOT / "examples" / "synthetic-ledger.xlsx", folder / "台账.xlsx")
    shutil.copy(ROOT / "examples" / "synthetic-ledger.json", folder / "plan.json")
    (folder / "waivers.json").write_text('{"waivers": []}', encoding="utf-8")
    (folder / "标准.toml").write_text("[completion]\nexcellent = 90\n", encoding="utf-8")
    (folder / "台账").mkdir()
    shutil.copy(ROOT / "examples" / "synthetic-ledger.json", folder / "台账" / "ledger.json")
    (folder / "通报.txt").write_text(_NOTICE, encoding="utf-8")
    (folder / "通报.htm.txt").write_text(_NOTICE, encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in _NOTICE.splitlines())
    (folder / "通报.html").write_text(f"<html><meta charset='utf-8'><body>{body}</body></html>", encoding="utf-8")
    _docx(folder / "通报.docx")
    _pdf(folder / "通报.pdf")


def test_the_pages_have_commands_to_run() -> None:
    assert {page for page, _ in _RUN} >= {"README.md", "docs/notices.md"}
    assert len(_RUN) >= 10


@pytest.mark.parametrize("page", sorted({page for page, _ in _RUN}))
def test_every_documented_command_runs_as_written_and_leaves_nothing_in_the_repository(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in ROOT.iterdir())
    _a_users_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    for command in _commands(page):
        words, _, target = command.partition(" > ")
        argv = [a for word in shlex.split(words)[1:] for a in (sorted(glob.glob(word)) if "*" in word else [word])]
        if "--scheduler" in argv:  # needs a cluster: its options must exist
            assert main([argv[0], "--help"]) == 0
            shown = capsys.readouterr().out
            assert all(a in shown for a in argv if a.startswith("--")), command
            continue
        code = main(argv)
        captured = capsys.readouterr()
        assert code in (0, 1), f"{page}: $ {command}\n{captured.err}"
        assert "Traceback" not in captured.err, command
        assert "bug" not in captured.err, command
        if target:
            (tmp_path / target.strip()).write_text(captured.out, encoding="utf-8")
    assert sorted(p.name for p in ROOT.iterdir()) == before

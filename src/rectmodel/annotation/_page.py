"""A text, PDF, web page or JSON ledger as one HTML page: its lines numbered, each finding beside its line.

The lines are those the findings count: a notice's text as the notice reader extracts it
(``notices._extract.extract``: a PDF's text layer, a web page's main text), a JSON file's own
lines. The page is self-contained (no script, no request: its Content-Security-Policy forbids
them) and every piece of document text is escaped.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from collections.abc import Sequence

from .._safe import visible
from ..diagnostics import Diagnostic, Report
from ..errors import Lang
from ..messages import AnnotateText, say, word
from ._common import RANK

__all__ = ["write_page"]

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 2px 8px; border-bottom: 1px solid #eee; }
td.n { color: #888; text-align: right; width: 3em; }
td.t { white-space: pre-wrap; width: 55%; }
.error { background: #ffc7ce; } .warning { background: #ffeb9c; } .info { background: #ddebf7; }
p.f { margin: 0 0 4px 0; padding: 2px 6px; }
"""


def _lines(source: str) -> list[str]:
    with open(source, "rb") as fp:
        data = fp.read()
    suffix = os.path.splitext(source)[1].lower()
    if suffix == ".json":
        return data.decode("utf-8-sig", errors="replace").splitlines()
    from ..notices._extract import Unextractable, extract  # noqa: PLC0415 -- the reader's own text: the same lines

    try:
        text, _ = extract(data, suffix)
    except Unextractable:
        return []
    return text.splitlines()


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _finding(d: Diagnostic, lang: Lang) -> str:
    severity = d.severity.value
    said = f"{word('severity', d.severity, lang)} {d.rule}: {d.message(lang)}"
    return f'<p class="f {severity}">{_e(said)}</p>'


def write_page(source: str, findings: Sequence[Diagnostic], output: str, lang: Lang) -> None:
    """Write the HTML page of *source*'s lines with *findings* beside them to *output*."""
    lines = _lines(source)
    at: dict[int, list[Diagnostic]] = defaultdict(list)
    loose: list[Diagnostic] = []
    for d in findings:
        line = d.location.line if d.location is not None else None
        (at[line] if line is not None and 1 <= line <= len(lines) else loose).append(d)
    title = say(AnnotateText.TITLE, lang, file=os.path.basename(source))
    counts = Report(tuple(findings)).summary()
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(say(AnnotateText.SUMMARY, lang, **counts))}</p>",
        *(_finding(d, lang) for d in loose),
        "<table>",
        f"<tr><th>{_e(say(AnnotateText.LINE, lang))}</th><th>{_e(say(AnnotateText.TEXT, lang))}</th>"
        f"<th>{_e(say(AnnotateText.FINDING, lang))}</th></tr>",
    ]
    for n, text in enumerate(lines, 1):
        here = at.get(n, [])
        worst = max(here, key=lambda d: RANK[d.severity]).severity.value if here else ""
        notes = "".join(_finding(d, lang) for d in here)
        out.append(
            f'<tr id="L{n}" class="{worst}"><td class="n">{n}</td><td class="t">{_e(text)}</td><td>{notes}</td></tr>'
        )
    out += ["</table>", "</body></html>", ""]
    with open(output, "w", encoding="utf-8") as fp:
        fp.write("\n".join(out))

"""Renderers: diagnostics as text or JSON, and the rule registry as a table or Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .diagnostics import Diagnostic, Report, Severity
from .errors import Lang
from .rules import RULES

__all__ = ["diagnostic_line", "files_json", "rules_json", "rules_markdown", "summary_line"]

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


def diagnostic_line(d: Diagnostic, lang: Lang = "en", colour: bool = False) -> str:
    """``severity rule pointer: message``, the severity coloured on a terminal."""
    severity = f"{_COLOURS[d.severity]}{d.severity}\033[0m" if colour else str(d.severity)
    where = f" (line {d.line})" if d.line is not None else ""
    return f"{severity} {d.rule} {d.pointer or '/'}{where}: {d.message(lang)}"


def summary_line(summary: dict[str, int], files: int) -> str:
    """One line that counts what was found."""

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (
        f"{n(files, 'file')}: {n(summary['errors'], 'error')}, {n(summary['warnings'], 'warning')}, "
        f"{n(summary['infos'], 'info')}, {summary['waived']} waived"
    )


def files_json(results: Sequence[tuple[str, Report]], lang: Lang = "en") -> dict[str, Any]:
    """The documented JSON output of ``rectmodel validate``."""
    files = []
    total = {"errors": 0, "warnings": 0, "infos": 0, "waived": 0}
    for path, report in results:
        files.append({"path": path, "diagnostics": [d.to_json(lang) for d in report.diagnostics]})
        for key, value in report.summary().items():
            total[key] += value
    return {"files": files, "summary": total}


def rules_json() -> list[dict[str, str]]:
    """Every rule: name, default severity, one-line summary."""
    return [{"name": r.name, "severity": r.severity.value, "summary": r.summary} for r in RULES.values()]


def rules_markdown() -> str:
    """``docs/rules.md``: every rule with its severity, summary and an example in both languages."""
    out = [
        "# Rules",
        "",
        "Generated from the rule registry by `rectmodel rules --format markdown`; a test keeps it in sync.",
        "Every rule runs in one pass and reports everything it finds; none stops another.",
        "",
        "| rule | default severity | requires |",
        "|---|---|---|",
    ]
    out += [f"| [`{r.name}`](#{r.name}) | {r.severity} | {r.summary} |" for r in RULES.values()]
    for r in RULES.values():
        d = Diagnostic(r.name, r.severity, r.example.pointer, r.example.params, r.example.related)
        out += [
            "",
            f"## {r.name}",
            "",
            f"{r.summary} Default severity: **{r.severity}**.",
            "",
            "Example:",
            "",
            "```",
            diagnostic_line(d, "en"),
            diagnostic_line(d, "zh"),
            "```",
            "",
            f"Parameters: `{json.dumps(dict(r.example.params), ensure_ascii=False)}`",
        ]
        if d.related:
            out.append(f"Related: `{', '.join(d.related)}`")
    return "\n".join(out) + "\n"

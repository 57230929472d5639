"""Renderers for the command line: diagnostics, summaries, stats, histories and the rule registry.

Every word comes from the catalogue (``_messages``). ``validate``'s text keeps one line
format in every language, so that scripts can read it: only the messages are translated.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._messages import CliText, say, word
from .dates import PartialDate
from .diagnostics import Diagnostic, Report, Severity
from .errors import Lang
from .model import Inspection, Ledger, itemize
from .rules import RULES

if TYPE_CHECKING:
    from .graph import ProblemRef, Recurrence, UnitHistory

__all__ = [
    "diagnostic_line",
    "files_json",
    "history_lines",
    "inspection_stats",
    "located_line",
    "results_lines",
    "rules_json",
    "rules_markdown",
    "rules_table",
    "stats_lines",
    "summary_line",
]

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}

# --- diagnostics ---------------------------------------------------------------------------------


def diagnostic_line(d: Diagnostic, lang: Lang = "en", colour: bool = False) -> str:
    """``severity rule pointer: message``, the severity coloured on a terminal."""
    severity = f"{_COLOURS[d.severity]}{d.severity}\033[0m" if colour else str(d.severity)
    where = f" {say(CliText.LINE, line=d.line)}" if d.line is not None else ""
    return f"{severity} {d.rule} {d.pointer or '/'}{where}: {d.message(lang)}"


def located_line(path: str, d: Diagnostic, lang: Lang = "en") -> str:
    """``path:line:column: severity rule pointer: message``, as compilers write to standard error."""
    where = path + (f":{d.line}" if d.line is not None else "") + (f":{d.column}" if d.column is not None else "")
    return f"{where}: {d.severity} {d.rule} {d.pointer or '/'}: {d.message(lang)}"


def summary_line(summary: dict[str, int], files: int) -> str:
    """One line that counts what was found."""
    return say(CliText.SUMMARY, "en", files=files, **summary)


def results_lines(
    results: Sequence[tuple[str, Report]], files: int, lang: Lang = "en", colour: bool = False
) -> list[str]:
    """The text of ``rectmodel validate``: each file, its diagnostics and waivers, then the summary."""
    out = []
    for path, report in results:
        out.append(path)
        out.extend(f"  {diagnostic_line(d, lang, colour)}" for d in report.diagnostics)
        out.extend(
            f"  {say(CliText.WAIVED, rule=d.rule, pointer=d.pointer, justification=w.justification)}"
            for d, w in report.waived
        )
    out.append(summary_line(files_json(results)["summary"], files))
    return out


def files_json(results: Sequence[tuple[str, Report]], lang: Lang = "en") -> dict[str, Any]:
    """The documented JSON output of ``rectmodel validate``."""
    files = []
    total = {"errors": 0, "warnings": 0, "infos": 0, "waived": 0}
    for path, report in results:
        files.append({"path": path, "diagnostics": [d.to_json(lang) for d in report.diagnostics]})
        for key, value in report.summary().items():
            total[key] += value
    return {"files": files, "summary": total}


# --- the rule registry ---------------------------------------------------------------------------


def rules_json() -> list[dict[str, str]]:
    """Every rule: name, default severity, one-line summary."""
    return [{"name": r.name, "severity": r.severity.value, "summary": r.summary} for r in RULES.values()]


def rules_table() -> list[str]:
    """Every rule, one line each: name, default severity, summary, in columns."""
    width = max(len(name) for name in RULES)
    return [f"{r.name:<{width}}  {r.severity:<7}  {r.summary}" for r in RULES.values()]


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


# --- stats ---------------------------------------------------------------------------------------


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else value.isoformat()


def inspection_stats(inspection: Inspection) -> dict[str, Any]:
    """The ``stats`` record of one inspection: identity, dates, itemized and declared counts."""
    return {
        "id": inspection.id,
        "kind": None if inspection.kind is None else inspection.kind.value,
        "inspector": inspection.inspector,
        "target": inspection.target,
        "start": _date(inspection.start),
        "end": _date(inspection.end),
        "feedback_date": _date(inspection.feedback_date),
        "report_date": _date(inspection.report_date),
        "itemized": attrs.asdict(itemize(inspection)),
        "declared": attrs.asdict(inspection.declared),
    }


def stats_lines(path: str, ledger: Ledger, lang: Lang = "en") -> list[str]:
    """The text of ``rectmodel stats``: per inspection, who inspected whom, when, and the counts."""
    sep = say(CliText.LIST_SEP, lang)
    out = [path]
    for inspection in ledger.inspections:
        rec = inspection_stats(inspection)
        out.append(f"  {rec['id']}  {word('kind', rec['kind'], lang)}  {rec['inspector']} → {rec['target']}")
        clauses = [say(CliText.ON_SITE, lang, start=rec["start"] or "?", end=rec["end"] or "?")]
        clauses = clauses if rec["start"] or rec["end"] else []
        dates = ((CliText.FEEDBACK, rec["feedback_date"]), (CliText.AS_OF, _date(inspection.as_of)))
        for text, value in (*dates, (CliText.REPORT, rec["report_date"])):
            clauses += [say(text, lang, date=value)] if value else []
        if clauses:
            out.append("    " + sep.join(clauses))
        itemized = sep.join(say(CliText.ITEMIZED_COUNT, lang, count=k, n=v) for k, v in rec["itemized"].items())
        out.append("    " + say(CliText.ITEMIZED, lang, counts=itemized))
        declared = sep.join(
            say(CliText.DECLARED_COUNT, lang, count=k, n=v) for k, v in rec["declared"].items() if v is not None
        )
        out.append("    " + say(CliText.DECLARED, lang, counts=declared or say(CliText.NOTHING, lang)))
    return out


# --- history -------------------------------------------------------------------------------------


def history_lines(history: UnitHistory, chains: Sequence[Recurrence], lang: Lang = "en") -> list[str]:
    """The text of ``rectmodel history``: names, rounds, recurring chains, carried-over and open problems."""

    def problem(ref: ProblemRef) -> str:
        status = f" [{word('state', ref.status, lang)}]" if ref.status else ""
        return f"{ref.date or '?':<10}  {ref.inspection} {ref.problem}  {ref.title}{status}"

    def section(heading: CliText, lines: list[str]) -> list[str]:
        return ["", say(heading, lang), *(lines or [f"  {say(CliText.NONE, lang)}"])]

    names = say(CliText.LIST_SEP, lang).join(history.names)
    out = [say(CliText.UNIT_NAMES, lang, unit=history.unit, names=names)]
    counts = {"rounds": len(history.rounds), "carried": len(history.carried_over), "open": len(history.open)}
    out.append(say(CliText.HISTORY_SUMMARY, lang, problems=history.problems, recurring=history.recurring, **counts))
    kind_width = max(_width(word("kind", r.kind, lang)) for r in history.rounds)
    id_width = max(_width(r.inspection) for r in history.rounds)
    rounds = []
    for r in history.rounds:
        counted = say(CliText.ROUND, lang, problems=r.problems, recurring=r.recurring, open=r.open)
        alias = f" {say(CliText.ROUND_AS, lang, unit=r.unit)}" if r.unit != history.unit else ""
        kind, inspection = _pad(word("kind", r.kind, lang), kind_width), _pad(r.inspection, id_width)
        rounds.append(f"  {r.date or '?':<10}  {kind}  {inspection}  {counted}{alias}")
    out += ["", say(CliText.ROUNDS, lang), *rounds]
    recurring = []
    for chain in chains:
        recurring.append(f"  {say(CliText.CHAIN, lang, rounds=chain.rounds)}:")
        recurring.extend(f"    {problem(p)}" for p in chain.problems)
    out += section(CliText.RECURRING, recurring)
    carried = []
    for c in history.carried_over:
        mark = f"  ← {say(CliText.RECORDED_DONE, lang)}" if c.recorded_done else ""
        carried.append(f"  {problem(c.problem)}{mark}")
        carried.extend(f"    {say(CliText.FOUND_AGAIN, lang, problem=problem(p))}" for p in c.found_again)
    out += section(CliText.CARRIED, carried)
    out += section(CliText.OPEN, [f"  {problem(p)}" for p in history.open])
    return out


def _width(text: str) -> int:
    """Columns *text* takes on a terminal: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))

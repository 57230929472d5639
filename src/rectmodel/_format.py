"""Renderers for the command line: diagnostics, summaries, stats, histories and the rule registry.

Every word comes from the catalogue (``messages``). ``validate``'s text keeps one line
format in every language: the words (severity, message, item) are translated, the rule
names, pointers and locations are not. Scripts read ``--format json``, whose keys and
values stay the same in every language (only its messages are translated).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._lexicon.text import width as display_width
from ._safe import terminal
from .dates import PartialDate
from .diagnostics import Diagnostic, Report, Severity
from .errors import Lang
from .messages import COMPARISONS, CliText, say, word
from .model import DocumentKind, Inspection, Ledger, itemize
from .rules import RULES, Rule

if TYPE_CHECKING:
    from .graph import ProblemRef, Recurrence, UnitHistory

__all__ = [
    "ComparisonRow",
    "comparisons_table",
    "describe",
    "diagnostic_line",
    "file_lines",
    "files_json",
    "history_lines",
    "inspection_stats",
    "located_line",
    "rules_json",
    "rules_markdown",
    "rules_table",
    "stats_lines",
    "summary_line",
]

_READERS = frozenset({"load", "parse", "sheet"})  # the rules of the readers' findings
_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}

# --- diagnostics ---------------------------------------------------------------------------------


def diagnostic_line(d: Diagnostic, lang: Lang = "en", colour: bool = False) -> str:
    """``severity rule pointer: message``, the severity coloured on a terminal (document text escaped)."""
    severity = _severity(d.severity, lang, colour)
    where = f" {say(CliText.LINE, lang, line=d.line)}" if d.line is not None else ""
    return f"{severity} {d.rule} {terminal(d.pointer or '/')}{where}: {terminal(d.message(lang))}"


def located_line(
    d: Diagnostic, lang: Lang = "en", colour: bool = False, ledger: Ledger | None = None, *, item: str | None = None
) -> str:
    """``file:line:column: severity rule: message (item, pointer; first at …)``, as compilers and linters write.

    The location comes first so that editors jump to it; the item is named from *ledger*
    where given (else *item*: named where the ledger was read); every piece of document text
    is escaped, so that none can forge a line.
    """
    severity = _severity(d.severity, lang, colour)
    where = terminal(str(d.location)) if d.location is not None else ""
    notes = []
    item = describe(ledger, d.pointer, lang) if ledger is not None else item
    if item:
        notes.append(item)
    if d.pointer not in ("", "/") or d.rule not in _READERS:  # a reader's finding on the file as a whole: no pointer
        notes.append(d.pointer or "/")
    tail = "; ".join(
        say(CliText.FIRST_AT if d.rule == "duplicate-id" else CliText.SEE_ALSO, lang, where=str(r))
        for r in d.related_locations
        if r is not None and (r.line is not None or r.cell is not None)
    )
    detail = ", ".join(notes) + (f"; {tail}" if tail else "")
    detail = f" ({terminal(detail)})" if detail else ""
    return f"{where}: {severity} {d.rule}: {terminal(d.message(lang))}{detail}"


def _severity(severity: Severity, lang: Lang, colour: bool) -> str:
    text = word("severity", severity, lang)
    return f"{_COLOURS[severity]}{text}\033[0m" if colour else text


def _short(title: str, limit: int = 24) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def describe(ledger: Ledger, pointer: str, lang: Lang = "en") -> str | None:
    """The element at *pointer* in the clerk's words: ``measure P1-M2 of problem “议事决策机制不完善”``.

    None where the pointer names no inspection of *ledger*.
    """
    parts = pointer.split("/")[1:]
    if len(parts) < 2 or parts[0] != "inspections" or not parts[1].isdigit():
        return None
    n = int(parts[1])
    if n >= len(ledger.inspections):
        return None
    x = ledger.inspections[n]
    item = say(CliText.ITEM_INSPECTION, lang, id=x.id)
    rest = parts[2:]
    if len(rest) >= 2 and rest[0] == "groups" and rest[1].isdigit() and int(rest[1]) < len(x.groups):
        group = x.groups[int(rest[1])]
        item, rest = say(CliText.ITEM_GROUP, lang, id=group.id, title=_short(group.title)), rest[2:]
    elif len(rest) >= 2 and rest[0] == "problems" and rest[1].isdigit() and int(rest[1]) < len(x.problems):
        problem = x.problems[int(rest[1])]
        item, rest = say(CliText.ITEM_PROBLEM, lang, id=problem.id, title=_short(problem.title)), rest[2:]
        if len(rest) >= 2 and rest[0] == "measures" and rest[1].isdigit() and int(rest[1]) < len(problem.measures):
            measure = problem.measures[int(rest[1])]
            item = say(CliText.ITEM_MEASURE, lang, id=measure.id, title=_short(problem.title))
            rest = rest[2:]
    if len(rest) >= 2 and rest[0] in ("history", "links") and rest[1].isdigit():
        kind = CliText.ITEM_STATUS if rest[0] == "history" else CliText.ITEM_LINK
        item, rest = say(kind, lang, n=int(rest[1]) + 1, item=item), rest[2:]
    if rest[:1] == ["declared"] and len(rest) > 1:  # a count the document declares: 巡察 X声明的整改措施数
        return say(CliText.ITEM_DECLARED, lang, field=rest[1], item=item)
    if rest and not rest[0].isdigit():
        item = say(CliText.ITEM_FIELD, lang, field=rest[0], item=item)
    return item


def summary_line(summary: dict[str, int], files: int, lang: Lang = "en") -> str:
    """One line that counts what was found."""
    return say(CliText.SUMMARY, lang, files=files, **summary)


def file_lines(
    path: str,
    report: Report,
    lang: Lang = "en",
    colour: bool = False,
    ledger: Ledger | None = None,
    *,
    items: Mapping[str, Mapping[str, str]] | None = None,
) -> list[str]:
    """One file's part of ``rectmodel validate``'s text: its located diagnostics, then its waivers."""
    items = items or {}
    out = [located_line(d, lang, colour, ledger, item=items.get(d.pointer, {}).get(lang)) for d in report.diagnostics]
    out.extend(
        terminal(f"{path}: {say(CliText.WAIVED, lang, rule=d.rule, pointer=d.pointer, justification=w.justification)}")
        for d, w in report.waived
    )
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


_KIND_COLUMNS: tuple[tuple[str, DocumentKind | None], ...] = (
    *((kind.value, kind) for kind in DocumentKind),
    ("unknown", None),
)


def _by_kind(r: Rule) -> dict[str, str | None]:
    """The rule's default severity in each kind of document (None: it does not apply there)."""
    return {name: None if (s := r.severity_for(kind)) is None else s.value for name, kind in _KIND_COLUMNS}


def rules_json(lang: Lang = "en") -> list[dict[str, Any]]:
    """Every rule: name, default severity, severity per kind of document, one-line summary (in *lang*).

    The keys and the severities are the same in every language: they are data.
    """
    return [
        {"name": r.name, "severity": r.severity.value, "kinds": _by_kind(r), "summary": r.summary_in(lang)}
        for r in RULES.values()
    ]


def rules_table(lang: Lang = "en") -> list[str]:
    """Every rule, one line each: name, default severity, summary, in columns."""
    width = max(len(name) for name in RULES)
    severities = {r.name: word("severity", r.severity, lang) for r in RULES.values()}
    column = max(display_width(s) for s in severities.values())
    return [
        terminal(f"{r.name:<{width}}  {_pad(severities[r.name], column)}  {r.summary_in(lang)}") for r in RULES.values()
    ]


# A comparison of ``rectmodel reconcile``, as the catalogue lists it: name, default severity, the levels
# of element it compares (the registry is in ``reconciliation``, above this module: the caller passes it).
ComparisonRow = tuple[str, Severity, Sequence[str]]


_AT_LEVEL = {"inspection": "/inspections/0", "problem": "/inspections/0/problems/2"}


def _comparison_example(name: str, severity: Severity, levels: Sequence[str]) -> Diagnostic:
    (params, *_) = COMPARISONS[name].finding.examples or ({},)
    return Diagnostic(name, severity, _AT_LEVEL.get(levels[0], "/inspections/0/problems/2/measures/0"), params)


def comparisons_table(comparisons: Sequence[ComparisonRow], lang: Lang = "en") -> list[str]:
    """The comparisons of ``rectmodel reconcile``, one line each, in the columns of :func:`rules_table`."""
    if not comparisons:
        return []
    width = max(len(name) for name, _, _ in comparisons)
    column = max(display_width(word("severity", severity, lang)) for _, severity, _ in comparisons)
    return [
        "",
        say(CliText.RULES_COMPARISONS, lang),
        *(
            terminal(f"{name:<{width}}  {_pad(word('severity', severity, lang), column)}  {_summary(name, lang)}")
            for name, severity, _ in comparisons
        ),
    ]


def _summary(name: str, lang: Lang) -> str:
    words = COMPARISONS[name].summary
    return str(words.zh if lang == "zh" else words.en)


def _comparisons_markdown(comparisons: Sequence[ComparisonRow], lang: Lang) -> list[str]:
    sep = say(CliText.LIST_SEP, lang)
    out = [
        "",
        f"# {say(CliText.RULES_COMPARISONS, lang)}",
        "",
        say(CliText.RULES_COMPARISONS_INTRO, lang),
        "",
        f"| {say(CliText.RULES_RULE, lang)} | {say(CliText.RULES_SEVERITY, lang)} | "
        f"{say(CliText.RULES_COMPARES, lang)} | {say(CliText.RULES_REQUIRES, lang)} |",
        "|---|---|---|---|",
    ]
    for name, severity, levels in comparisons:
        compares = sep.join(word("term", level, lang) for level in levels)
        severity_word = word("severity", severity, lang)
        out.append(f"| [`{name}`](#{name}) | {severity_word} | {compares} | {_summary(name, lang)} |")
    for name, severity, levels in comparisons:
        d = _comparison_example(name, severity, levels)
        examples = [diagnostic_line(d, "en"), diagnostic_line(d, "zh")] if lang == "en" else [diagnostic_line(d, lang)]
        out += ["", f"## {name}", "", _summary(name, lang), "", say(CliText.RULES_EXAMPLE, lang), "", "```"]
        out += [*examples, "```"]
    return out


def rules_markdown(lang: Lang = "en", comparisons: Sequence[ComparisonRow] = ()) -> str:
    """``docs/rules.md``: every rule, the kinds of document it applies to, and an example.

    In English the example is given in both languages; in Chinese, in Chinese. *comparisons*
    (those of ``rectmodel reconcile``) follow the rules in a section of their own.
    """
    kinds = " | ".join(word("document", name, lang) for name, _ in _KIND_COLUMNS)
    out = [
        say(CliText.RULES_TITLE, lang),
        "",
        say(CliText.RULES_INTRO, lang, **{kind: word("document", kind, "zh") for kind in DocumentKind}),
        "",
        f"| {say(CliText.RULES_RULE, lang)} | {kinds} | {say(CliText.RULES_REQUIRES, lang)} |",
        "|---|" + "---|" * len(_KIND_COLUMNS) + "---|",
    ]
    for r in RULES.values():
        cells = " | ".join("—" if v is None else word("severity", v, lang) for v in _by_kind(r).values())
        out.append(f"| [`{r.name}`](#{r.name}) | {cells} | {r.summary_in(lang)} |")
    sep = say(CliText.LIST_SEP, lang)
    for r in RULES.values():
        d = Diagnostic(r.name, r.severity, r.example.pointer, r.example.params, r.example.related)
        applies = sep.join(word("document", name, lang) for name, v in _by_kind(r).items() if v is not None)
        severity = word("severity", r.severity, lang)
        examples = [diagnostic_line(d, "en"), diagnostic_line(d, "zh")] if lang == "en" else [diagnostic_line(d, lang)]
        out += [
            "",
            f"## {r.name}",
            "",
            say(CliText.RULES_DEFAULT, lang, summary=r.summary_in(lang), severity=severity, kinds=applies),
            "",
            say(CliText.RULES_EXAMPLE, lang),
            "",
            "```",
            *examples,
            "```",
            "",
            say(CliText.RULES_PARAMS, lang, params=json.dumps(dict(r.example.params), ensure_ascii=False)),
        ]
        if d.related:
            out.append(say(CliText.RULES_RELATED, lang, related=", ".join(d.related)))
    out += _comparisons_markdown(comparisons, lang) if comparisons else []
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
    return [terminal(line) for line in out]


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
    kind_width = max(display_width(word("kind", r.kind, lang)) for r in history.rounds)
    id_width = max(display_width(r.inspection) for r in history.rounds)
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
    return [terminal(line) for line in out]


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))

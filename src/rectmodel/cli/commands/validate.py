"""``rectmodel validate``: files checked against every rule, links resolved across all of them."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import attrs

from ..._safe import terminal
from ...diagnostics import Diagnostic, Report, Severity, Waiver, load_waivers
from ...errors import ConfigError, Lang, LoadError
from ...inputs import load_failures, renamed, supported
from ...messages import CliText, WaiverCode, say
from ...rules import RULES, Config
from .._common import (
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    STDIN,
    Failed,
    Usage,
    check_output,
    did_you_mean,
    expand_files,
    options,
    output_file,
    unsupported,
)
from .._parser import input_option, output_options, sheet_options
from .._report import REPORTERS


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=say(CliText.HELP_FILES, lang))
    input_option(parser, lang)
    parser.add_argument(
        "--format", choices=tuple(REPORTERS), default="text", help=say(CliText.HELP_VALIDATE_FORMAT, lang)
    )
    parser.add_argument("-j", "--jobs", type=_positive(lang), metavar="N", help=say(CliText.HELP_JOBS, lang))
    parser.add_argument("--scheduler", metavar="ADDRESS", help=say(CliText.HELP_SCHEDULER, lang))
    parser.add_argument("--chunk-files", type=_positive(lang), metavar="N", help=say(CliText.HELP_CHUNK_FILES, lang))
    parser.add_argument("--chunk-bytes", type=_size(lang), metavar="SIZE", help=say(CliText.HELP_CHUNK_BYTES, lang))
    parser.add_argument("--select", type=_names, metavar="RULE,...", help=say(CliText.HELP_SELECT, lang))
    parser.add_argument(
        "--ignore", type=_names, default=frozenset(), metavar="RULE,...", help=say(CliText.HELP_IGNORE, lang)
    )
    parser.add_argument(
        "--severity", action="append", default=[], metavar="RULE=LEVEL", help=say(CliText.HELP_SEVERITY, lang)
    )
    parser.add_argument("--waivers", metavar="FILE", help=say(CliText.HELP_WAIVERS, lang))
    parser.add_argument(
        "--report-due-months", type=int, default=2, metavar="N", help=say(CliText.HELP_DUE_MONTHS, lang)
    )
    parser.add_argument("--annotate", action="store_true", help=say(CliText.HELP_ANNOTATE, lang))
    output_options(parser, lang, help=CliText.HELP_ANNOTATE_OUTPUT)
    sheet_options(parser, lang)


def _positive(lang: Lang) -> Any:
    def positive(text: str) -> int:
        value = int(text)
        if value < 1:
            raise argparse.ArgumentTypeError(say(CliText.NOT_POSITIVE, lang, text=text))
        return value

    return positive


_SIZE = re.compile(r"\s*([0-9]+)\s*([KMG]?)(?:I?B)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def _size(lang: Lang) -> Any:
    """A size in bytes: ``8388608``, ``8M``, ``8MiB``, ``512k`` (binary units)."""

    def size(text: str) -> int:
        m = _SIZE.fullmatch(text)
        if m is None or int(m.group(1)) < 1:
            raise argparse.ArgumentTypeError(say(CliText.NOT_A_SIZE, lang, text=text))
        return int(m.group(1)) * _UNITS[m.group(2).upper()]

    return size


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip() for n in text.split(",") if n.strip())


def _config(args: argparse.Namespace) -> Config:
    severities = {}
    for item in args.severity:
        name, _, level = item.partition("=")
        try:
            severities[name.strip()] = Severity(level.strip())
        except ValueError:
            raise Usage(say(CliText.BAD_SEVERITY, args.lang, item=item)) from None
    named = {*(args.select or ()), *args.ignore, *(name.partition(":")[0] for name in severities)}
    unknown = sorted(named - set(RULES))
    for name in unknown:
        message = say(CliText.UNKNOWN_RULE, args.lang, name=name)
        close = difflib.get_close_matches(name, list(RULES), n=3)
        sys.stderr.write(f"rectmodel: {terminal(did_you_mean(message, close, args.lang))}\n")
    if unknown:
        raise Failed
    try:
        return Config(args.select, args.ignore, severities, args.report_due_months)
    except ConfigError as e:
        raise Usage(e.message(args.lang)) from None


def run(args: argparse.Namespace) -> int:
    config = _config(args)
    files = expand_files(args.files, args.lang)
    if files.count("-") > 1:
        raise Usage(say(CliText.STDIN_ONCE, args.lang))
    skipped = {f for f in files if not supported(f, args.input)}
    for path in sorted(skipped):
        sys.stderr.write(unsupported(path, args.lang))
    files = [f for f in files if f not in skipped]
    targets = _annotated(args, files)
    stdin = STDIN.path(args.input, args.lang) if "-" in files else None
    waivers: tuple[Waiver, ...] = ()
    output = REPORTERS[args.format](args.lang, files)
    code = EXIT_USAGE if skipped else EXIT_OK
    if args.waivers:
        try:
            waivers = load_waivers(args.waivers)
        except (LoadError, OSError) as e:
            output.add(args.waivers, Report(load_failures(e)).locate(args.waivers), first=True)
            code = EXIT_USAGE
    used: set[int] = set()
    progress = _Progress(files, args.lang)
    executor, close = _executor(args)
    try:
        from ...batch import Outcome, validate_many  # noqa: PLC0415 -- the batch machinery loads only here

        paths = [stdin if f == "-" and stdin else f for f in files]
        chunks = {
            name: value
            for name, value in (("chunk_files", args.chunk_files), ("chunk_bytes", args.chunk_bytes))
            if value is not None
        }
        found = validate_many(
            paths, config, waivers, jobs=args.jobs, executor=executor, options=options(args), **chunks
        )
        for result in found:
            if stdin is not None and result.path == stdin:
                result = attrs.evolve(result, path="-", report=renamed(result.report, stdin, "-"))  # noqa: PLW2901
            progress.step(result.path)
            if result.outcome is Outcome.CRASHED:
                code = EXIT_INTERNAL
            elif result.outcome is Outcome.UNLOADABLE:
                code = max(code, EXIT_USAGE)
            elif not result.report.ok:
                code = max(code, EXIT_ERRORS)
            used.update(waivers.index(w) for _, w in result.report.waived)
            output.result(result, progress)
            if result.path in targets and result.outcome is Outcome.CHECKED:
                _annotate(args, result.path, result.report, targets[result.path])
    finally:
        progress.done()
        close()
    unused = [
        Diagnostic(WaiverCode.UNUSED_WAIVER, Severity.WARNING, f"/waivers/{k}", {"rule": w.rule, "pointer": w.pointer})
        for k, w in enumerate(waivers)
        if k not in used
    ]
    if unused:
        output.add(args.waivers, Report(tuple(unused)))
    output.finish()
    return code


def _annotated(args: argparse.Namespace, files: Sequence[str]) -> dict[str, str]:
    """With ``--annotate``, where each file's annotated copy goes; every target checked before any file is read."""
    if not args.annotate:
        if args.output:
            raise Usage(say(CliText.OUTPUT_NEEDS_ANNOTATE, args.lang))
        return {}
    from ...annotation import default_output  # noqa: PLC0415 -- the annotators load only when asked for

    if "-" in files:
        raise Usage(say(CliText.ANNOTATE_NO_STDIN, args.lang))
    if args.output and len(files) != 1:
        raise Usage(say(CliText.ANNOTATE_ONE_OUTPUT, args.lang))
    lang = _unit_lang(args)
    targets = {path: args.output or default_output(path, lang) for path in files}
    for target in targets.values():
        check_output(argparse.Namespace(**{**vars(args), "output": target, "files": files}))
    return targets


def _unit_lang(args: argparse.Namespace) -> Lang:
    """The language of a file for the unit: Chinese, unless ``--lang`` says otherwise."""
    return "en" if getattr(args, "lang_given", None) == "en" else "zh"


def _annotate(args: argparse.Namespace, path: str, report: Report, target: str) -> None:
    from ...annotation import annotate  # noqa: PLC0415

    with output_file(argparse.Namespace(**{**vars(args), "output": target})) as temporary:
        try:
            annotate(path, report, temporary, _unit_lang(args))
        except (OSError, ValueError, KeyError) as e:
            raise Usage(say(CliText.CANNOT_ANNOTATE, args.lang, path=path, reason=str(e))) from None
    sys.stderr.write(f"rectmodel: {terminal(say(CliText.ANNOTATED, args.lang, path=target))}\n")


def _executor(args: argparse.Namespace) -> tuple[Any, Any]:
    """The Dask cluster's executor and how to let go of it, where ``--scheduler`` names one."""
    if not args.scheduler:
        return None, lambda: None
    try:
        import distributed  # noqa: PLC0415 -- Dask is optional and loads only when asked for
    except ImportError:
        raise Usage(say(CliText.NO_DASK, args.lang)) from None
    connect: Any = distributed.Client  # untyped
    try:
        client = connect(args.scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise Usage(say(CliText.CANNOT_CONNECT, args.lang, address=args.scheduler, reason=reason)) from None
    return client.get_executor(), client.close


class _Progress:
    """A progress bar on standard error, only on a terminal and for much work."""

    def __init__(self, files: Sequence[str], lang: Lang):
        self.lang = lang
        self.total = len(files)
        self.count = 0
        self.shown = sys.stderr.isatty() and (
            self.total > 5 or sum(os.path.getsize(f) for f in files if os.path.isfile(f)) > 20_000_000
        )

    def step(self, path: str) -> None:
        self.count += 1
        if self.shown:
            filled = 20 * self.count // max(self.total, 1)
            bar = "█" * filled + "░" * (20 - filled)
            text = say(CliText.PROGRESS, self.lang, count=self.count, total=self.total, path=terminal(path))
            sys.stderr.write(f"\r\033[K{bar} {text}")
            sys.stderr.flush()

    def clear(self) -> None:
        """Wipe the bar, before a line is written under it."""
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def done(self) -> None:
        self.clear()
        self.shown = False

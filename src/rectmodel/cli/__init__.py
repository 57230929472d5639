"""The command line: ``rectmodel schema``, ``rectmodel stats`` and friends.

Exit codes: 0 success, 1 the document has errors, 2 usage error or a file that
cannot be read or loaded (its problems are printed, never a traceback unless
``--traceback`` asks for one), 3 rectmodel itself failed.

A subcommand is a row of :data:`COMMANDS` and a module ``commands/<name>.py`` with
``arguments(parser, lang)`` and ``run(args) -> int``; only the module of the command
run is imported.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .._safe import terminal
from ..messages import CliText, say
from ._common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, STDIN, Failed, Usage
from ._parser import Command, argparse_words, language, parser
from ._parser import locale_lang as _locale_lang

__all__ = ["COMMANDS", "main"]

# In the order ``rectmodel --help`` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("schema", CliText.CMD_SCHEMA, (CliText.EXIT_0, CliText.EXIT_1_SCHEMA)),
    Command("stats", CliText.CMD_STATS),
    Command("validate", CliText.CMD_VALIDATE, (CliText.EXIT_0_VALIDATE, CliText.EXIT_1_VALIDATE)),
    Command("rules", CliText.CMD_RULES),
    Command("parse", CliText.CMD_PARSE, (CliText.EXIT_0, CliText.EXIT_1_PARSE)),
    Command("export", CliText.CMD_EXPORT),
    Command("template", CliText.CMD_TEMPLATE),
    Command("render", CliText.CMD_RENDER),
    Command("graph", CliText.CMD_GRAPH),
    Command("history", CliText.CMD_HISTORY),
    Command("reconcile", CliText.CMD_RECONCILE, (CliText.EXIT_0_VALIDATE, CliText.EXIT_1_RECONCILE)),
    Command("report", CliText.CMD_REPORT, (CliText.EXIT_0_REPORT,)),
)


def _chosen(argv: Sequence[str]) -> str | None:
    """The command *argv* asks for: its first word that is no option (the program's options take no value)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language(argv)
    with argparse_words(lang):
        top = parser(lang, COMMANDS, {_chosen(argv) or ""})
        try:
            args = top.parse_args(argv)
        except SystemExit as e:  # --help, --version, or a usage error argparse has printed
            return e.code if isinstance(e.code, int) else EXIT_USAGE
        if args.command is None:
            top.print_help(sys.stderr)
            return EXIT_USAGE
    if hasattr(args, "lang"):
        args.lang_given = args.lang  # what a file for the unit is written in: Chinese unless --lang says otherwise
        args.lang = args.lang or _locale_lang()
    try:
        return int(args.run(args))
    except Failed:
        return EXIT_USAGE
    except Usage as e:
        sys.stderr.write(f"rectmodel: {terminal(str(e))}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # ``rectmodel stats x | head``
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except (Exception, MemoryError, RecursionError) as e:  # a bug: one line that says so; a traceback if asked
        if args.traceback:
            import traceback  # noqa: PLC0415 -- only for a bug report

            traceback.print_exc()
        error = terminal(f"{type(e).__name__}: {e}")[:300]
        sys.stderr.write(say(CliText.INTERNAL_ERROR, getattr(args, "lang", "en"), error=error) + "\n")
        return EXIT_INTERNAL
    finally:
        STDIN.close()

"""The argument parser: the program's options, one subcommand per row of the command table, in the user's language.

A command's own arguments come from its module (``cli/commands/<name>.py``: ``arguments`` and
``run``), imported only when that command is the one asked for; every other command is listed
by its summary alone. argparse's own words (``usage:``, ``error:`` …) are translated through
gettext from the catalogue in ``locale/``.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gettext
import importlib
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any

from attrs import frozen

from ..errors import Lang
from ..messages import CliText, say
from ._common import EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, did_you_mean

__all__ = [
    "Command",
    "argparse_words",
    "input_option",
    "language",
    "locale_lang",
    "output_options",
    "parser",
    "sheet_options",
]


@frozen
class Command:
    """One subcommand: its name, its one-line summary, and what its exit codes 0 and 1 mean.

    Its module ``rectmodel.cli.commands.<name>`` holds ``arguments(parser, lang)`` and ``run(args) -> int``.
    """

    name: str
    summary: CliText
    exits: tuple[CliText, ...] = (CliText.EXIT_0,)

    def module(self) -> ModuleType:
        return importlib.import_module(f"rectmodel.cli.commands.{self.name}")


def language(argv: Sequence[str]) -> Lang:
    """The language of the help and of argparse's errors: ``--lang``, else the locale (as gettext looks it up)."""
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and k + 1 < len(argv):
            return "zh" if argv[k + 1] == "zh" else "en"
        if arg.startswith("--lang="):
            return "zh" if arg.partition("=")[2] == "zh" else "en"
    return locale_lang()


def locale_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """``zh`` where the locale is Chinese, else ``en``: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``.

    The first of them that is set (and not empty) decides, as gettext's lookup does.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


_LOCALE = os.path.join(os.path.dirname(__file__), "locale")


@contextlib.contextmanager
def argparse_words(lang: Lang) -> Iterator[None]:
    """argparse's own words in *lang* while the block runs: argparse looks them up through its module's ``_``."""
    if lang == "en":
        yield
        return
    words = gettext.translation("argparse", _LOCALE, languages=["zh_CN"])
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = words.gettext, words.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An argument parser that suggests the choice meant by a misspelt one (a command, a format)."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=3)
            if close:
                message = say(CliText.UNKNOWN_CHOICE, self.lang, value=value)
                raise argparse.ArgumentError(action, did_you_mean(message, close, self.lang))
        super()._check_value(action, value)


def _epilog(command: Command, lang: Lang) -> str:
    codes = command.exits
    meanings = [(EXIT_OK, codes[0]), *([(EXIT_ERRORS, codes[1])] if len(codes) > 1 else [])]
    meanings += [(EXIT_USAGE, CliText.EXIT_2), (EXIT_INTERNAL, CliText.EXIT_3)]
    return "\n".join([say(CliText.HELP_EXITS, lang), *(f"  {code}  {say(text, lang)}" for code, text in meanings)])


def _command(sub: Any, command: Command, lang: Lang) -> argparse.ArgumentParser:
    """A subcommand with its summary, description, exit codes, ``-h`` and ``--lang``, in *lang*."""
    summary = say(command.summary, lang)
    parser: argparse.ArgumentParser = sub.add_parser(
        command.name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ("." if lang == "en" else "。"),
        epilog=_epilog(command, lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
        lang=lang,
    )
    parser.add_argument("-h", "--help", action="help", help=say(CliText.HELP_HELP, lang))
    parser.add_argument("--lang", choices=("en", "zh"), default=None, help=say(CliText.HELP_LANG, lang))
    parser.set_defaults(command=command.name)
    return parser


def parser(lang: Lang, commands: Sequence[Command], only: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the command line in *lang*; of *commands*, those in *only* (default: all) with their arguments."""
    from .. import __version__  # noqa: PLC0415 -- the package imports this module; its version is set by then

    top = _Parser(prog="rectmodel", description=say(CliText.HELP_PROG, lang), add_help=False, lang=lang)
    top.add_argument("-h", "--help", action="help", help=say(CliText.HELP_HELP, lang))
    top.add_argument(
        "--version", action="version", version=f"rectmodel {__version__}", help=say(CliText.HELP_VERSION, lang)
    )
    top.add_argument("--traceback", action="store_true", help=say(CliText.HELP_TRACEBACK, lang))
    top.set_defaults(command=None)
    sub = top.add_subparsers(title=say(CliText.HELP_COMMANDS, lang), metavar="COMMAND")
    for command in commands:
        if only is not None and command.name not in only:
            sub.add_parser(command.name, help=say(command.summary, lang), add_help=False)
            continue
        module = command.module()
        found = _command(sub, command, lang)
        module.arguments(found, lang)
        found.set_defaults(run=module.run)
    return top


def output_options(
    parser: argparse.ArgumentParser, lang: Lang, *, required: bool = False, help: CliText = CliText.HELP_OUTPUT
) -> None:
    """``-o`` and ``--force``: the file to write, and whether an existing one may be replaced."""
    parser.add_argument("-o", "--output", required=required, help=say(help, lang))
    parser.add_argument("--force", action="store_true", help=say(CliText.HELP_FORCE, lang))


def input_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """``--input``: what the files are, where their extensions do not say."""
    parser.add_argument(
        "--input", choices=("auto", "json", "notice", "sheet"), default="auto", help=say(CliText.HELP_INPUT, lang)
    )


def sheet_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The workbook reader's options (``inputs.SheetOptions``), as a group of their own."""
    group = parser.add_argument_group(say(CliText.HELP_SHEETS, lang), say(CliText.HELP_SHEETS_ABOUT, lang))
    group.add_argument("--mapping", metavar="FILE", help=say(CliText.HELP_MAPPING, lang))
    group.add_argument("--inspector", help=say(CliText.HELP_INSPECTOR, lang))
    group.add_argument("--target", help=say(CliText.HELP_TARGET, lang))
    group.add_argument("--feedback-date", metavar="DATE", help=say(CliText.HELP_FEEDBACK_DATE, lang))
    group.add_argument("--start", metavar="DATE", help=say(CliText.HELP_START, lang))
    group.add_argument("--end", metavar="DATE", help=say(CliText.HELP_END, lang))

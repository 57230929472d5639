"""What every command shares: exit codes, the two ways a command stops, reading its inputs, writing its output."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from typing import Any

import attrs

from .._format import located_line
from .._safe import terminal
from ..diagnostics import Diagnostic, Locator, Report
from ..errors import Lang
from ..inputs import Options, Read, SheetOptions, Unloadable, Unsupported, read, sniff, supported
from ..messages import CliText, say
from ..model import Ledger

__all__ = [
    "EXIT_ERRORS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "STDIN",
    "Failed",
    "Usage",
    "cannot_write",
    "did_you_mean",
    "load",
    "load_all",
    "options",
    "print_lines",
    "print_located",
    "read_input",
    "unsupported",
    "write",
]

# 1 means "the documents have errors" and nothing else; 2, that a file or the command line is unusable;
# 3, that rectmodel itself failed (a bug to report).
EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Failed(Exception):
    """A file could not be read or loaded; the reason is already printed."""


class Usage(Exception):
    """The command line asks for something that cannot be done; the message says what."""


def did_you_mean(message: str, matches: Sequence[str], lang: Lang) -> str:
    if not matches:
        return message
    return say(CliText.DID_YOU_MEAN, lang, message=message, matches=say(CliText.LIST_SEP, lang).join(matches))


def options(args: argparse.Namespace) -> Options:
    """How the command's inputs are read: ``--input`` and the workbook options it was given."""
    sheet = SheetOptions(**{a.name: getattr(args, a.name, None) for a in attrs.fields(SheetOptions)})
    return Options(getattr(args, "input", "auto"), sheet)


def write(text: str, output: str | None, lang: Lang = "en", *, newline: str | None = None) -> None:
    """Write *text* (ending in a newline) to the file *output*, or to standard output."""
    text = text if text.endswith("\n") else text + "\n"
    if not output:
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8", newline=newline) as fp:
            fp.write(text)
    except OSError as e:
        raise cannot_write(output, e, lang) from None


def cannot_write(path: str, e: OSError, lang: Lang) -> Usage:
    reason = e.strerror or str(e)
    return Usage(say(CliText.CANNOT_WRITE, lang, path=path, reason=reason).removeprefix("rectmodel: "))


def unsupported(path: str, lang: Lang) -> str:
    """The line that says rectmodel does not read *path*."""
    return f"rectmodel: {terminal(say(CliText.UNSUPPORTED_INPUT, lang, path=path))}\n"


def print_located(path: str, diagnostics: Sequence[Diagnostic], lang: Lang, where: Locator | None = None) -> None:
    print_lines(Report(tuple(diagnostics)).locate(path, where).diagnostics, lang)


def print_lines(diagnostics: Sequence[Diagnostic], lang: Lang, stream: Any = None) -> None:
    """Located diagnostics, one line each, on standard error (or *stream*)."""
    (stream or sys.stderr).write("".join(f"{located_line(d, lang)}\n" for d in diagnostics))


class StandardInput:
    """Standard input (``-``): read once, kept in a temporary file named by what its content is."""

    def __init__(self) -> None:
        self.folder: tempfile.TemporaryDirectory[str] | None = None
        self.data = b""
        self.paths: dict[str, str] = {}

    def read(self) -> bytes:
        if self.folder is None:
            self.data = sys.stdin.buffer.read()
            self.folder = tempfile.TemporaryDirectory(prefix="rectmodel-")
        return self.data

    def path(self, input: str, lang: Lang) -> str:
        """The temporary file that holds standard input, read as *input*; ``Usage`` if it reads as nothing."""
        data = self.read()
        if input not in self.paths:
            suffix = sniff(data, input)
            if suffix is None:
                raise Usage(say(CliText.UNSUPPORTED_INPUT, lang, path="-"))
            assert self.folder is not None  # read() made it
            path = os.path.join(self.folder.name, f"stdin{suffix}")
            with open(path, "wb") as fp:
                fp.write(data)
            self.paths[input] = path
        return self.paths[input]

    def close(self) -> None:
        if self.folder is not None:
            self.folder.cleanup()
        self.__init__()  # type: ignore[misc]


STDIN = StandardInput()


def read_input(path: str, args: argparse.Namespace) -> Read:
    """The ledger in *path* (``-``: standard input), the reader's findings, and where its elements stand.

    Raises:
        Unloadable: the file cannot be read or loaded; its located diagnostics say why.
        Usage: rectmodel does not read files of this kind.
    """
    how = options(args)
    if path != "-":
        if not supported(path, how.input):
            raise Usage(say(CliText.UNSUPPORTED_INPUT, args.lang, path=path))
        found = read(path, how)
    else:
        try:
            found = read(STDIN.read(), how, name="-")
        except Unsupported:
            raise Usage(say(CliText.UNSUPPORTED_INPUT, args.lang, path="-")) from None
    # A large ledger is a million objects in the collector's youngest generation: the next
    # collection would scan them all (about a second on 300,000 measures) though none is in a
    # cycle. The command line owns its process: it moves them out of the collector's way.
    gc.freeze()
    return found


def load(path: str, args: argparse.Namespace) -> Ledger:
    """Load *path*, or print why it cannot be loaded (on standard error) and raise ``Failed``."""
    try:
        return read_input(path, args).ledger
    except Unloadable as e:
        print_lines(e.report.diagnostics, args.lang)
        raise Failed from None


def load_all(paths: Sequence[str], args: argparse.Namespace) -> list[Ledger]:
    """Load every file, printing why each one that fails cannot be loaded; ``Failed`` if any does."""
    ledgers, failed = [], False
    for path in paths:
        try:
            ledgers.append(load(path, args))
        except Failed:
            failed = True
    if failed:
        raise Failed
    return ledgers

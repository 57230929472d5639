"""What every command shares: exit codes, the two ways a command stops, reading its inputs, writing its output."""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
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
    "check_output",
    "did_you_mean",
    "expand_files",
    "load",
    "load_all",
    "options",
    "output_file",
    "print_lines",
    "print_located",
    "read_each",
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


def write(text: str, args: argparse.Namespace, *, newline: str | None = None) -> None:
    """Write *text* (ending in a newline) to the file ``args.output`` (see :func:`output_file`), or to stdout."""
    text = text if text.endswith("\n") else text + "\n"
    if not args.output:
        sys.stdout.write(text)
        return
    with output_file(args) as path, open(path, "w", encoding="utf-8", newline=newline) as fp:
        fp.write(text)


def _refused(path: str, code: int, lang: Lang) -> Usage:
    return cannot_write(path, OSError(code, os.strerror(code)), lang)


def check_output(args: argparse.Namespace) -> None:
    """Refuse, before any input is read, an ``-o`` that cannot or must not be written.

    A folder, a folder that does not exist, an input of the command (never modified), and an
    existing file without ``--force`` are refused with a ``Usage`` error naming the path.
    """
    output, lang = args.output, args.lang
    if not output:
        return
    if os.path.isdir(output):
        raise _refused(output, errno.EISDIR, lang)
    if not os.path.isdir(os.path.dirname(output) or "."):
        raise _refused(output, errno.ENOENT, lang)
    inputs = [*(getattr(args, "files", None) or ()), getattr(args, "file", None), *(getattr(args, "check", None) or ())]
    exists = os.path.exists(output)
    for given in inputs:
        if exists and given and given != "-" and os.path.exists(given) and os.path.samefile(given, output):
            raise Usage(say(CliText.OUTPUT_IS_INPUT, lang, path=output))
    if os.path.lexists(output) and not getattr(args, "force", False):
        raise Usage(say(CliText.OUTPUT_EXISTS, lang, path=output))


@contextlib.contextmanager
def output_file(args: argparse.Namespace) -> Iterator[str]:
    """A new file beside ``args.output`` to write; it replaces ``args.output`` when the block ends, whole.

    Every command's output goes through here: what :func:`check_output` refuses is refused, an
    ``OSError`` becomes a ``cannot write`` error naming the path, and a failure leaves nothing
    behind (neither a half-written file nor the temporary one).
    """
    check_output(args)
    output, lang = args.output, args.lang
    folder, name = os.path.split(output)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=os.path.splitext(name)[1], dir=folder or ".")
        os.close(fd)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as open() would have made it, not mkstemp's 0600
    except OSError as e:
        raise cannot_write(output, e, lang) from None
    try:
        yield temporary
        os.replace(temporary, output)
    except OSError as e:
        raise cannot_write(output, e, lang) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


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


def read_each(paths: Sequence[str], args: argparse.Namespace) -> tuple[list[tuple[str, Read]], bool]:
    """Read every file; print why each one that cannot be read is not (on standard error).

    Returns what was read, ``(path, Read)`` in the order given, and whether any file failed.
    """
    found, failed = [], False
    for path in paths:
        try:
            found.append((path, read_input(path, args)))
        except Unloadable as e:
            print_lines(e.report.diagnostics, args.lang)
            failed = True
    return found, failed


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


def expand_files(sources: Sequence[str], lang: Lang) -> list[str]:
    """The files named by paths, directories, glob patterns and @lists, in the order given (a missing path as is)."""
    import glob  # noqa: PLC0415 -- only for commands that take folders

    from ..inputs import suffixes  # noqa: PLC0415 -- only for directories

    files: list[str] = []
    for source in sources:
        if source.startswith("@") and len(source) > 1:
            found = _manifest(source[1:], lang)
        elif os.path.isdir(source):
            ends = suffixes()
            found = sorted(
                os.path.join(root, name)
                for root, _, names in os.walk(source)
                for name in names
                if name.lower().endswith(ends)
            )
        elif glob.has_magic(source) and not os.path.exists(source):
            found = sorted(p for p in glob.glob(source, recursive=True) if os.path.isfile(p))
        else:
            files.append(source)  # a missing file is reported as unreadable, as before
            continue
        if not found:
            raise Usage(say(CliText.NO_FILES, lang, source=source))
        files.extend(found)
    return files


def _manifest(path: str, lang: Lang) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig") as fp:
            lines = fp.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        raise Usage(say(CliText.CANNOT_READ_MANIFEST, lang, path=path, reason=reason)) from None
    base = os.path.dirname(path)
    names = (line.strip() for line in lines)
    return [os.path.join(base, name) for name in names if name and not name.startswith("#")]

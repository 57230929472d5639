"""The renderer: a message's template compiled once, filled from the parameters, in English or Chinese.

A template names the lexicon a parameter is looked up in by its format spec (``{state:state}``,
``{field:term}`` …, see ``lexicons``); ``{n:plural}`` is ``s`` unless *n* is 1, for English
counts; ``{finding}`` (a field, not a spec) is the message of the finding ``rule`` with ``params``.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from typing import Any

from ._message import Message, Params
from .annotate import ANNOTATE, AnnotateText
from .cli import CLI, CliText
from .lexicons import LEXICONS, REASON_PATTERNS, REASONS
from .operations import OPERATIONS
from .overview import OVERVIEW, OverviewText
from .readers import LOAD, PARSE, SHEET
from .reconcile import COMPARED, REFUSALS
from .rules import CONFIG, FINDINGS, WAIVERS

__all__ = ["FAMILIES", "MESSAGES", "fill", "reason", "render", "say", "word"]

FAMILIES: dict[str, Mapping[str, Message]] = {
    "load": LOAD,
    "rules": FINDINGS,
    "reconcile": COMPARED,
    "reconcile refusals": REFUSALS,
    "parse": PARSE,
    "sheet": SHEET,
    "waivers": WAIVERS,
    "operations": OPERATIONS,
    "cli": CLI,
    "annotate": ANNOTATE,
    "overview": OVERVIEW,
    "config": CONFIG,
    **{f"lexicon {name}": lexicon for name, lexicon in LEXICONS.items()},
}

# What a diagnostic's or an error's code finds its message in; the CLI's words and the lexicons
# are looked up apart, by keys of their own.
MESSAGES: dict[str, Message] = {**LOAD, **FINDINGS, **COMPARED, **PARSE, **SHEET, **WAIVERS, **OPERATIONS, **REFUSALS}

# Diagnostics whose own ``code`` parameter says which message they carry.
_CODED_RULES = frozenset({"load", "parse", "sheet"})


_PARSER = string.Formatter()


@functools.cache
def _compile(template: str) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """*template* for ``str.format_map``, each field of ours renamed ``_0``, ``_1`` …, and those fields.

    Ours are a lexicon spec, ``plural`` and ``{finding}``; the rest is left to ``str.format``.
    """
    out: list[str] = []
    ours: list[tuple[str, str, str]] = []
    for literal, name, spec, conversion in _PARSER.parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if spec in LEXICONS or spec == "plural" or name == "finding":
            out.append(f"{{_{len(ours)}}}")
            ours.append((f"_{len(ours)}", name, spec or ""))
        else:
            out.append(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
    return "".join(out), tuple(ours)


def _value(name: str, spec: str, params: Params, lang: str) -> str:
    if name == "finding":
        return render(params["rule"], params["params"], lang)
    if spec == "plural":
        return "" if params[name] == 1 else "s"
    return word(spec, str(params[name]), lang)


def fill(message: Message, params: Params, lang: str = "en") -> str:
    """*message* in ``en`` or ``zh`` (any other language: ``en``), its template filled from *params*."""
    text = message[1] if lang == "zh" else message[0]
    template, ours = _compile(text if isinstance(text, str) else text(params))
    if not ours:
        return template.format_map(params)
    return template.format_map({**params, **{key: _value(name, spec, params, lang) for key, name, spec in ours}})


def render(code: str, params: Params, lang: str = "en") -> str:
    """Render the message of *code* (a load, rule, parse, waiver or refusal code) from *params*."""
    if code in _CODED_RULES:
        code = str(params.get("code"))
    message = MESSAGES.get(code)
    if message is None:  # a rule registered without a message: still say what it found
        return f"{code}: " + ", ".join(f"{k} {v}" for k, v in params.items())
    return fill(message, params, lang)


def say(text: CliText | AnnotateText | OverviewText, lang: str = "en", /, **params: Any) -> str:
    """One of the command line's own texts (or an annotated file's, or the round report's), in ``en`` or ``zh``."""
    table = ANNOTATE if isinstance(text, AnnotateText) else OVERVIEW if isinstance(text, OverviewText) else CLI
    return fill(table[text], params, lang)


def word(lexicon: str, value: str, lang: str = "en") -> str:
    """*value*'s name in a lexicon (``term``, ``state``, ``kind``, ``type`` …) in ``en`` or ``zh``; else *value*."""
    if lexicon == "reason":
        return reason(value, lang)
    entry = LEXICONS[lexicon].get(value)
    return value if entry is None else fill(entry, {}, lang)


def reason(text: str, lang: str = "en") -> str:
    """A parser's or the system's English *text*, in ``zh`` where it is a known one; else *text* as is.

    >>> reason("Expecting ',' delimiter", "zh")
    '此处应为逗号“,”'
    """
    if lang != "zh":
        return text
    entry = REASONS.get(text)
    if entry is not None:
        return fill(entry, {}, lang)
    for pattern, zh in REASON_PATTERNS:
        if match := pattern.fullmatch(text):
            return zh.format(*(reason(group, lang) for group in match.groups()))
    return text

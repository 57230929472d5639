"""A message: one text in English and in Chinese, with parameters that render it without a real finding."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, NamedTuple

__all__ = ["Lang", "Message", "Params", "Text", "msg"]

Lang = Literal["en", "zh"]
Params = Mapping[str, Any]
# A template, or a function of the parameters that picks one (where the wording branches on them).
Text = str | Callable[[Params], str]


class Message(NamedTuple):
    """One message in both languages, with parameters that render it without a real finding.

    A pair, so that ``(en, zh)`` is a message without examples.
    """

    en: Text
    zh: Text
    examples: tuple[Params, ...] = ()


def msg(en: Text, zh: Text, *examples: Params) -> Message:
    """A message with its examples given as further arguments."""
    return Message(en, zh, examples)

"""JSON Pointer (RFC 6901) parts: the one escape of ``~`` and ``/`` the package uses."""

from __future__ import annotations

__all__ = ["escape", "unescape"]


def escape(part: str) -> str:
    """One reference token: ``~`` → ``~0``, ``/`` → ``~1``."""
    return part.replace("~", "~0").replace("/", "~1")


def unescape(part: str) -> str:
    """The id a reference token stands for."""
    return part.replace("~1", "/").replace("~0", "~")

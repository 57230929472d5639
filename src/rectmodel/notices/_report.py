"""The notice reader's one way of saying what it could not read: the facts reader's ``parse`` diagnostic at a line."""

from __future__ import annotations

from ..facts import parse_diagnostic

__all__ = ["parse_diagnostic"]

"""The cyclic garbage collector, paused while rectmodel builds what forms no cycle.

Building a ledger, or gathering a batch's results, creates containers by the hundred
thousand; a collection in the middle only rescans them. Each place that does so pauses
the collector here, and leaves it as it found it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The collector disabled inside the block, then enabled again if it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

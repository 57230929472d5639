"""The cyclic garbage collector, paused while rectmodel builds what forms no cycle.

Building a ledger, or gathering a batch's results, creates containers by the hundred
thousand; a collection in the middle only rescans them. Each place that does so pauses
the collector here, and leaves it as it found it.
"""

from __future__ import annotations

import gc
from types import TracebackType

__all__ = ["pause", "paused", "resume"]


def pause() -> bool:
    """Disable the collector; whether it was enabled (give that to :func:`resume`).

    Allocates no object, so it triggers no collection: called first thing, it keeps a pass from
    paying for what an earlier paused block built (``validate(loads(data))``: loads leaves a
    million young objects, and the first allocation with the collector on would scan them all).
    """
    was = gc.isenabled()
    gc.disable()
    return was


def resume(was: bool) -> None:
    """Enable the collector again if *was* (what :func:`pause` returned) says it was enabled."""
    if was:
        gc.enable()


class paused:  # used as a function: ``with paused():``
    """The collector disabled inside the block, then enabled again if it was.

    A class, not a generator: leaving the block allocates nothing after the collector is enabled
    again, so the first collection over what the block built comes at the caller's next allocation,
    after a caller that owns it all has had the chance to ``gc.freeze()`` it out of the way. Making
    the object is an allocation, and may itself collect: where that matters, use :func:`pause`.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = pause()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        resume(self._was_enabled)

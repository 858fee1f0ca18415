"""Abuse limits of the intake: per-sender rate, uploads at once, memory for checking, free disk.

All in memory, per server process; the quota per 24 hours is counted in the database
(:meth:`~intake.storage.base.IntakeStore.received_since`).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import shutil
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path


class SenderRate:
    """A token bucket per sender key: ``burst`` envelopes at once, refilled at ``per_minute``."""

    def __init__(self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_second = per_minute / 60.0
        self.burst = max(1, burst)
        self._clock = clock
        self._buckets: dict[bytes, tuple[float, float]] = {}

    @property
    def enabled(self) -> bool:
        """False when no rate is set (demo mode)."""
        return self.per_second > 0

    def take(self, sender: bytes) -> float:
        """Use one envelope of ``sender``'s allowance: 0 if allowed, else the seconds until the next one."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        tokens, then = self._buckets.get(sender, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.per_second)
        if tokens < 1.0:
            self._buckets[sender] = (tokens, now)
            return (1.0 - tokens) / self.per_second
        self._buckets[sender] = (tokens - 1.0, now)
        if len(self._buckets) > 20_000:  # forget senders whose bucket is full again
            full = [key for key, (t, at) in self._buckets.items()
                    if t + (now - at) * self.per_second >= self.burst]
            for key in full:
                del self._buckets[key]
        return 0.0


    def refund(self, sender: bytes) -> None:
        """Give back one envelope of ``sender``'s allowance (a resend of one already stored, answered 200)."""
        if not self.enabled or sender not in self._buckets:
            return
        tokens, then = self._buckets[sender]
        self._buckets[sender] = (min(float(self.burst), tokens + 1.0), then)


class UploadSlots:
    """How many uploads may be in progress at once; one more is refused at once, not queued."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_use = 0

    @contextlib.contextmanager
    def slot(self) -> Iterator[bool]:
        """``with slots.slot() as got:`` got is False when every slot is taken."""
        if self.in_use >= self.limit:
            yield False
            return
        self.in_use += 1
        try:
            yield True
        finally:
            self.in_use -= 1


class InMemoryReceiving:
    """Bytes of modest envelopes being received straight into memory at once (by declared size).

    Taking a share never waits: when the share is used up (many uploads, or slow clients holding
    theirs), an upload waits on disk as large ones do. So slow clients can cost at most ``total``
    bytes of memory this way, and never hold up anyone else.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.free = total

    @contextlib.contextmanager
    def hold(self, size: int) -> Iterator[bool]:
        """``with receiving.hold(n) as got:`` got is False when ``n`` bytes are not free now."""
        if size > self.free:
            yield False
            return
        self.free -= size
        try:
            yield True
        finally:
            self.free += size


class MemoryBudget:
    """Bytes of envelopes held in memory for checking at once; a larger envelope waits its turn.

    An envelope of ``n`` bytes reserves ``min(3 n, total)`` (reading it plus the checker's copies), so
    the server's memory stays bounded however many large uploads arrive together: they wait on disk.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.free = total
        self._changed = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def reserve(self, size: int) -> AsyncIterator[None]:
        """Wait until ``size`` bytes (times three, at most the whole budget) are free; hold them."""
        need = min(self.total, 3 * size)
        async with self._changed:
            await self._changed.wait_for(lambda: self.free >= need)
            self.free -= need
        try:
            yield
        finally:
            async with self._changed:
                self.free += need
                self._changed.notify_all()


def free_bytes(folders: Iterable[Path]) -> int:
    """The least free space among ``folders`` (where envelopes are spooled and stored)."""
    least = math.inf
    for folder in folders:
        with contextlib.suppress(OSError):
            least = min(least, shutil.disk_usage(folder).free)
    return int(least) if least != math.inf else 2**62

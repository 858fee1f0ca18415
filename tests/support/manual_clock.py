"""A clock the test moves by hand, with single-shot timers that fire only when it does.

``ManualClock.timer_type()`` is a fake of the part of QTimer a single-shot timer uses
(setSingleShot, setInterval, start, stop, isActive, timeout.connect), patched in where code makes its
timers (e.g. ``desktop.ui.wizard.drafts.QTimer``). Time is a boundary a test cannot wait on without
being slow or flaky on a loaded machine; with this fake, "saved within 2 seconds of the keystroke" is
checked exactly and at once, whatever the load. Everything else (widgets, key events, the vault)
stays real.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class _Timeout:
    """Stands in for QTimer.timeout: the slots connected to it."""

    def __init__(self) -> None:
        self.slots: list[Callable[[], Any]] = []

    def connect(self, slot: Callable[[], Any]) -> None:
        self.slots.append(slot)


class ManualClock:
    """Milliseconds since the test began; :meth:`advance` fires the timers that fall due, in order."""

    def __init__(self) -> None:
        self.now_ms = 0
        self._timers: list[_FakeTimer] = []

    def timer_type(self) -> type[_FakeTimer]:
        """A QTimer stand-in class bound to this clock (pass it where ``QTimer`` is looked up)."""
        clock = self

        class BoundTimer(_FakeTimer):
            def __init__(self, parent: object = None) -> None:
                super().__init__(clock)

        return BoundTimer

    def advance(self, ms: int) -> None:
        """Move the clock on by ``ms``, firing each timer at the moment it falls due."""
        end = self.now_ms + ms
        while True:
            due = [timer for timer in self._timers if timer.due_ms is not None and timer.due_ms <= end]
            if not due:
                break
            first = min(due, key=lambda timer: timer.due_ms or 0)
            self.now_ms = max(self.now_ms, first.due_ms or 0)
            first.fire()
        self.now_ms = end


class _FakeTimer:
    """A single-shot timer on a :class:`ManualClock` (only what single-shot use of QTimer needs)."""

    def __init__(self, clock: ManualClock) -> None:
        self._clock = clock
        self.interval_ms = 0
        self.single_shot = False
        self.due_ms: int | None = None
        self.timeout = _Timeout()
        clock._timers.append(self)

    def setSingleShot(self, single: bool) -> None:  # QTimer's name
        self.single_shot = single

    def setInterval(self, ms: int) -> None:  # QTimer's name
        self.interval_ms = ms

    def start(self, ms: int | None = None) -> None:
        if ms is not None:
            self.interval_ms = ms
        assert self.single_shot or self.interval_ms > 0, "a repeating 0 ms timer would never let time on"
        self.due_ms = self._clock.now_ms + self.interval_ms

    def stop(self) -> None:
        self.due_ms = None

    def isActive(self) -> bool:  # QTimer's name
        return self.due_ms is not None

    def fire(self) -> None:
        self.due_ms = None if self.single_shot else self._clock.now_ms + self.interval_ms
        for slot in list(self.timeout.slots):
            slot()

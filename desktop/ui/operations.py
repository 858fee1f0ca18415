"""The one helper for long work: run it on a worker thread, get the result on the GUI thread.

Key derivation, listing thousands of notifications, PDF rendering and network
calls go through :func:`run_in_background`, so the window never freezes. The
work function runs on a thread of a private pool and must not touch widgets;
``on_success`` / ``on_failure`` run on the GUI thread afterwards. If ``parent``
has been deleted by then (its window closed), the callbacks are skipped.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

_POOL: QThreadPool | None = None
#: Relays of operations still running; keeps them alive until their result arrives.
_PENDING: set[_Relay] = set()


def _pool() -> QThreadPool:
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(2)
    return _POOL


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry the result back across threads."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None, on_success: Callable[[Any], None],
                 on_failure: Callable[[Exception], None]) -> None:
        super().__init__()
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        _PENDING.discard(self)
        if self._parent_alive():
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, error: object) -> None:
        _PENDING.discard(self)
        assert isinstance(error, Exception)
        if self._parent_alive():
            self._on_failure(error)
        else:
            log.warning("background operation failed after its window closed: %s",
                        type(error).__name__)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # handed to on_failure on the GUI thread, never dropped
            self._relay.failed.emit(error)
            return
        self._relay.succeeded.emit(result)


def run_in_background(parent: QObject | None, fn: Callable[[], T], *,
                      on_success: Callable[[T], None],
                      on_failure: Callable[[Exception], None]) -> None:
    """Run ``fn()`` on a worker thread; deliver its result or exception on the GUI thread."""
    relay = _Relay(parent, on_success, on_failure)
    _PENDING.add(relay)
    _pool().start(_Task(fn, relay))


def pending_operations() -> int:
    """How many background operations have not delivered their result yet (tests, shutdown)."""
    return len(_PENDING)


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until the worker threads are idle (used at shutdown, never in a UI handler)."""
    return _pool().waitForDone(timeout_ms)


_gc_lock = threading.Lock()
_gc_holds = 0
_gc_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a worker builds thousands of objects.

    A full collection runs in whichever thread allocates and holds the GIL for
    100 ms or more with a large list in memory, which freezes the window. Nested
    and concurrent uses are counted; the collector resumes when the last ends.
    """
    global _gc_holds, _gc_was_enabled
    with _gc_lock:
        if _gc_holds == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holds += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holds -= 1
            if _gc_holds == 0 and _gc_was_enabled:
                gc.enable()

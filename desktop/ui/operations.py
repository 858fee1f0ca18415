"""The one helper for long work: run it on a worker thread, get the result on the GUI thread.

Key derivation, listing thousands of notifications, PDF rendering and network
calls go through :func:`run_in_background`, so the window never freezes. The
work function runs on a thread of a private pool and must not touch widgets;
``on_success`` / ``on_failure`` run on the GUI thread afterwards. If ``parent``
has been deleted by then (its window closed), the callbacks are skipped.

Nothing of an operation outlives it. The work runs on a plain Python thread pool
(``concurrent.futures``), which lets go of the function as soon as it returns;
the result travels to the GUI thread as a queued signal that carries only a
number and the result. The callbacks are held by a small object owned by
``parent`` (a Qt child): when the window is deleted they go with it, so a late
result can never reach, or keep in memory, a closed window. (Earlier each
operation was a Python ``QRunnable`` on a ``QThreadPool``; with PySide6 6.11 a
finished runnable deleted by the pool thread while the GUI thread held the GIL
was sometimes never freed, and kept its closure - notification summaries read
at unlock - alive for the rest of the day.)
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Worker threads: two, as before (key derivation and a listing may run side by side).
MAX_WORKERS = 2

_EXECUTOR: ThreadPoolExecutor | None = None
_POSTER: _Poster | None = None
_tokens = itertools.count(1)
#: Token -> the relay holding the callbacks of an operation whose result has not arrived yet, weakly:
#: a relay with an owner is kept alive by its owner alone (and goes with it, callbacks and all).
_PENDING: dict[int, weakref.ref[_Relay]] = {}
#: Relays without an owner, kept alive here until their result arrives.
_UNOWNED: dict[int, _Relay] = {}
#: Work functions started and not yet returned (for :func:`wait_for_all`).
_running = 0
_idle = threading.Condition()


class _Poster(QObject):
    """Lives on the GUI thread for the whole run; its signal carries (token, ok, result) across threads."""

    arrived = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._arrived)

    @Slot(int, bool, object)
    def _arrived(self, token: int, ok: bool, result: object) -> None:
        unowned = _UNOWNED.pop(token, None)  # held here until delivered
        ref = _PENDING.pop(token, None)
        relay = unowned if unowned is not None else (ref() if ref is not None else None)
        if relay is None or not shiboken6.isValid(relay):  # its owner was deleted: the result is dropped
            if not ok:
                log.warning("background operation failed after its window closed: %s",
                            type(result).__name__)
            return
        relay.deliver(ok, result)


class _Relay(QObject):
    """The callbacks of one operation, a Qt child of the caller's object: deleted with it.

    (No Python slot on its ``destroyed``: PySide would build the Python enums of the whole Qt
    namespace on the GUI thread the first time one is called, a 30-50 ms stall.)
    """

    def __init__(self, parent: QObject | None, on_success: Callable[[Any], None],
                 on_failure: Callable[[Exception], None]) -> None:
        super().__init__(parent)
        self._on_success: Callable[[Any], None] | None = on_success
        self._on_failure: Callable[[Exception], None] | None = on_failure

    def deliver(self, ok: bool, result: object) -> None:
        on_success, on_failure = self._on_success, self._on_failure
        self._on_success = self._on_failure = None
        self.deleteLater()
        if on_success is None or on_failure is None:
            return
        if ok:
            on_success(result)
        else:
            assert isinstance(result, Exception)
            on_failure(result)


def _forget(token: int) -> None:
    _UNOWNED.pop(token, None)
    ref = _PENDING.pop(token, None)
    relay = ref() if ref is not None else None
    if relay is not None:
        relay._on_success = relay._on_failure = None


def _executor() -> ThreadPoolExecutor:
    global _EXECUTOR
    if _EXECUTOR is None:
        _EXECUTOR = ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="underret-work")
    return _EXECUTOR


def _poster() -> _Poster:
    global _POSTER
    if _POSTER is None or not shiboken6.isValid(_POSTER):
        _POSTER = _Poster()
    return _POSTER


def _work(token: int, fn: Callable[[], object], poster: _Poster) -> None:
    """On a worker thread: run ``fn`` and post its outcome; nothing of it is kept here afterwards."""
    global _running
    try:
        try:
            result: object = fn()
            ok = True
        except Exception as error:  # handed to on_failure on the GUI thread, never dropped
            result, ok = error, False
        del fn
        if shiboken6.isValid(poster):
            poster.arrived.emit(token, ok, result)
        del result
    finally:
        with _idle:
            _running -= 1
            _idle.notify_all()


def run_in_background(parent: QObject | None, fn: Callable[[], T], *,
                      on_success: Callable[[T], None],
                      on_failure: Callable[[Exception], None]) -> None:
    """Run ``fn()`` on a worker thread; deliver its result or exception on the GUI thread.

    ``parent`` owns the callbacks: when it is deleted before the result arrives, the result is dropped.
    """
    global _running
    token = next(_tokens)
    relay = _Relay(parent, on_success, on_failure)
    _PENDING[token] = weakref.ref(relay)
    if parent is None:
        _UNOWNED[token] = relay
    del relay  # an owned relay lives as long as its owner, not as long as this call
    with _idle:
        _running += 1
    try:
        _executor().submit(_work, token, fn, _poster())
    except BaseException:
        with _idle:
            _running -= 1
        _forget(token)
        raise


def pending_operations() -> int:
    """How many background operations have not delivered their result yet (tests, shutdown); one whose
    owner was deleted meanwhile no longer counts."""
    return sum(1 for ref in list(_PENDING.values())
               if (relay := ref()) is not None and shiboken6.isValid(relay))


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until no work function is running (used at shutdown, never in a UI handler)."""
    with _idle:
        return _idle.wait_for(lambda: _running == 0, timeout_ms / 1000)


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

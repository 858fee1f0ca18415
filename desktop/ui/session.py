"""Locking the session: after idle time, on Ctrl+L, when the person leaves the PC, or on request.

The person leaving is told by the operating system (sleep, screen lock, user switch:
:mod:`desktop.ui.session_watchers`, started after the first unlock). And because a machine can
sleep or be paused without telling anyone, and Qt's timers do not count the time asleep, a
wall-clock check runs beside the idle timer: after any pause longer than the idle time (seen on the
next event of a watched window, before it is painted, or by a heartbeat) the session locks at once.
Every lock is written to the event log with its reason (``session.locked``).

How a window that shows content takes part (wizard, outbox view, dialogs)::

    services.session.locking.connect(self._on_locking)

    def _on_locking(self) -> None:
        self._save_now()                       # nothing typed may be lost
        draft_id = self._draft_id
        services.session.remember(lambda: services.open_wizard(draft_id))
        self.close()                           # or clear every field showing content

``locking`` is emitted while the vault is still open (save in it, on the GUI
thread). Then the shell closes the vault and zeroes the key. After the person
unlocks again, every remembered callback runs once, in order, and ``unlocked``
is emitted.

A PC is often shared: the unlock window lets another person open their own profile behind the lock.
What a window remembered belongs to the profile that was open (``owner``, the profile id the shell
hands to :meth:`SessionLock.finish_unlock`): it runs only when that profile unlocks again, never for
another one, and a window still holding the first profile's content (``remember(..., discard=)``) is
discarded as soon as someone else unlocks.
"""

from __future__ import annotations

import contextlib
import logging
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut, QWindow
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})

LOCK_SHORTCUT = "Ctrl+L"

#: Reasons for a lock besides the watchers' (sleep, screen_locked, user_switched).
REQUESTED = "request"
IDLE = "idle"
RESUMED = "resumed_after_pause"
#: The longest the heartbeat waits between two wall-clock checks.
HEARTBEAT_MS = 10_000

#: ``factory(lock, parent) -> (watchers, what they watch)``: starts the OS watchers.
WatcherFactory = Callable[[Callable[[str], None], QObject], "tuple[object | None, list[str]]"]


def _default_watchers(lock: Callable[[str], None], parent: QObject) -> tuple[object | None, list[str]]:
    from desktop.ui.session_watchers import start_watchers

    return start_watchers(lock, parent)


def _step(call: Callable[[], object], what: str) -> None:
    """Run one window's restore (or discard) step; a failure is logged (its kind, never content) and the
    unlock goes on with the next."""
    try:
        call()
    except Exception as error:  # one window's failure must not keep the rest, or delivery, from restarting
        log.warning("a window's %s step after unlock failed: %s", what, type(error).__name__)


class SessionLock(QObject):
    """Owns the idle timer and the lock state of the open profile.

    Input is noticed where it enters the app: on each window's platform window
    (``QWindow``), which receives every key, click, wheel and touch from the
    system before the widgets do. The app's windows are watched as they gain
    focus, so dialogs and notification windows count too. (A filter on the whole
    application would be called for every event of every object, and PySide
    would have to build Python types for Qt's internal objects as they pass:
    start-up and every window got slower.)

    ``idle_seconds`` overrides the minutes (tests and trials only); ``clock`` is the wall clock
    (``time.time``; tests move it); ``watchers`` starts the OS watchers (tests hand in their own,
    connected to test buses; ``None`` starts none).
    """

    locking = Signal()
    locked = Signal()
    unlocked = Signal()

    # Class-level answers for the event filter: Qt may ask it about an event while the instance has no
    # state of its own - before ``__init__`` has set it, or after Python's cycle collector has emptied the
    # instance (tp_clear) but before Qt has deleted the object. Then the lock is simply not active.
    _active = False
    _watching = False

    def __init__(self, idle_minutes: float = 5, parent: QObject | None = None, *,
                 idle_seconds: float | None = None, clock: Callable[[], float] = time.time,
                 watchers: WatcherFactory | None = _default_watchers) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        #: The wall clock (seconds); tests move a fake one.
        self.clock = clock
        self._last_seen = self._last_input = clock()
        self._heartbeat = QTimer(self)
        self._heartbeat.timeout.connect(self._check_clock)
        self._watcher_factory = watchers
        self._watchers: object | None = None
        #: What the OS watchers watch (empty until they have started, or where there are none).
        self.watching: list[str] = []
        #: Why the session locked last (``request``, ``idle``, ``sleep``, ``screen_locked`` …).
        self.last_reason = ""
        self._watching = False
        #: Every object the filter is installed on (weakly: a window closing must not be kept alive).
        self._watched: weakref.WeakSet[QObject] = weakref.WeakSet()
        self._idle_seconds_override = idle_seconds
        #: Profile id -> (restore, discard) pairs remembered while that profile's session locked.
        self._restore: dict[str | None, list[tuple[Callable[[], object], Callable[[], object] | None]]] = {}
        #: The profile the session is (or, when locked, was last) unlocked for; None where there is one.
        self.owner: str | None = None
        self._active = False
        self._locking_now = False
        self.set_idle_minutes(idle_minutes)

    # --- configuration -------------------------------------------------------------------------
    def set_idle_minutes(self, minutes: float) -> None:
        """Change the idle time (settings dialog); restarts the countdown."""
        seconds = self._idle_seconds_override if self._idle_seconds_override is not None else minutes * 60
        self._idle.setInterval(max(1, int(seconds * 1000)))
        self._heartbeat.setInterval(max(1, min(HEARTBEAT_MS, self._idle.interval() // 4)))
        if self._active:
            self._idle.start()

    def idle_interval_ms(self) -> int:
        return self._idle.interval()

    def install_shortcut(self, window: QWidget) -> QShortcut:
        """Give ``window`` the Ctrl+L shortcut; it works from every window of the app while
        ``window`` is visible (Qt.ApplicationShortcut)."""
        # Imported here, not at start-up: the first window needs neither (and no Qt enums).
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        shortcut = QShortcut(QKeySequence(LOCK_SHORTCUT), window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.lock)
        return shortcut

    # --- state ---------------------------------------------------------------------------------
    @property
    def is_active(self) -> bool:
        """True while a profile is unlocked."""
        return self._active

    def start(self) -> None:
        """A profile was unlocked: start watching for idle time (and, once, the OS watchers)."""
        self._active = True
        self._last_seen = self._last_input = self.clock()
        self._watch_input()
        self._idle.start()
        self._heartbeat.start()
        if self._watcher_factory is not None and self._watchers is None:
            factory, self._watcher_factory = self._watcher_factory, None
            # After this turn of the event loop: the unlock (and the first paint) come first.
            QTimer.singleShot(0, self, lambda: self._start_watchers(factory))

    def _start_watchers(self, factory: WatcherFactory) -> None:
        self._watchers, self.watching = factory(self.lock_for, self)
        from desktop.eventlog import notice

        notice("session.watching", signals=",".join(self.watching) or "none")

    def use_watchers(self, factory: WatcherFactory | None) -> None:
        """Start ``factory``'s watchers instead of the system's at the next :meth:`start` (tests: watchers
        on test buses; ``None``: none). Only before the first unlock."""
        self._watcher_factory = factory

    @property
    def watchers(self) -> object | None:
        """The OS watchers once started (None before, or where there are none)."""
        return self._watchers

    def _watch_input(self) -> None:
        """Watch every window that gains focus from now on, and the one that has it."""
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication) or self._watching:
            return
        self._watching = True
        app.focusWindowChanged.connect(self._watch_window)
        self._watch_window(app.focusWindow())

    def _watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            self._install_on(window)  # Qt installs a filter only once per object
            # The top-level widget too: a repaint is asked of it (UpdateRequest), not of its QWindow,
            # and after a long pause that first repaint must not happen before the lock.
            from PySide6.QtWidgets import QApplication

            widget = QApplication.activeWindow()
            if widget is not None and widget.windowHandle() is window:
                self._install_on(widget)

    def _install_on(self, watched: QObject) -> None:
        watched.installEventFilter(self)
        self._watched.add(watched)

    def _stop_watching_input(self) -> None:
        """No more input watching: off every window it was put on, and none for windows to come."""
        if not self._watching:
            return
        self._watching = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch_window)
        for watched in list(self._watched):
            with contextlib.suppress(RuntimeError):  # its Qt object is already gone, the filter with it
                watched.removeEventFilter(self)
        self._watched.clear()

    def remember(self, restore: Callable[[], object], *, discard: Callable[[], object] | None = None) -> None:
        """Called by a window during ``locking``: how to bring it back after the same profile unlocks.

        ``discard`` is for a window that stays in memory with the content on it (hidden, not closed):
        it is called instead, at once, when a different profile unlocks.
        """
        self._restore.setdefault(self.owner, []).append((restore, discard))

    def lock(self) -> None:
        """Lock now (Ctrl+L, the menu): windows save and close, then ``locked`` (the shell closes the
        vault)."""
        self.lock_for(REQUESTED)

    def lock_for(self, reason: str) -> None:
        """Lock now for ``reason`` (written to the event log); nothing happens when already locked."""
        if not self._active or self._locking_now:
            return
        self._locking_now = True
        try:
            self._idle.stop()
            self._heartbeat.stop()
            self._active = False
            self.last_reason = reason
            self.locking.emit()
            self.locked.emit()
        finally:
            self._locking_now = False
        from desktop.eventlog import notice

        notice("session.locked", reason=reason)

    def finish_unlock(self, owner: str | None = None) -> None:
        """The vault of profile ``owner`` is open: restart idle watching, re-open what that profile had
        open, emit ``unlocked``. ``None``: the same profile as before (a desk, demo mode, tests).

        What other profiles remembered is kept for their own next unlock; their windows still holding
        content are discarded now, so nothing of theirs is ever shown to this person.
        """
        if owner is not None:
            self.owner = owner
        self.start()
        mine = self._restore.pop(self.owner, [])
        try:
            for other in list(self._restore):
                kept: list[tuple[Callable[[], object], Callable[[], object] | None]] = []
                for restore, discard in self._restore[other]:
                    if discard is None:
                        kept.append((restore, None))
                    else:
                        _step(discard, "discard")
                if kept:
                    self._restore[other] = kept
                else:
                    del self._restore[other]
            for restore, _ in mine:
                _step(restore, "restore")
        finally:
            # Always: delivery and the windows' own notes restart on it, whatever a window failed to do.
            self.unlocked.emit()

    def stop(self) -> None:
        """The app is quitting: no more idle locking or input watching, forget restore callbacks, let the OS
        watchers go."""
        self._idle.stop()
        self._heartbeat.stop()
        self._active = False
        self._restore.clear()
        self._stop_watching_input()
        stop = getattr(self._watchers, "stop", None)
        if callable(stop):
            stop()

    # --- idle detection ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._active:
            return False
        now = self.clock()
        if now - self._last_seen > self._idle.interval() / 1000:
            # The machine (or the app) was paused longer than the idle time, and this event, perhaps
            # a paint, is the first since: lock before it is handled, so no content shows.
            self.lock_for(RESUMED)
            return True
        self._last_seen = now
        if event.type() in _INPUT_EVENTS:
            self._last_input = now
            self._idle.start()
        return False

    def _check_clock(self) -> None:
        """The heartbeat: a pause or idle time measured on the wall clock (Qt's timers stop in sleep)."""
        if not self._active:
            return
        now = self.clock()
        limit = self._idle.interval() / 1000
        if now - self._last_seen > limit:
            self.lock_for(RESUMED)
        elif now - self._last_input >= limit:
            self.lock_for(IDLE)
        else:
            self._last_seen = now

    def _on_idle(self) -> None:
        self.lock_for(IDLE)

"""Locking the session: after idle time, on Ctrl+L, or on request.

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
"""

from __future__ import annotations

import logging
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


class SessionLock(QObject):
    """Owns the idle timer and the lock state of the open profile.

    Input is noticed where it enters the app: on each window's platform window
    (``QWindow``), which receives every key, click, wheel and touch from the
    system before the widgets do. The app's windows are watched as they gain
    focus, so dialogs and notification windows count too. (A filter on the whole
    application would be called for every event of every object, and PySide
    would have to build Python types for Qt's internal objects as they pass:
    start-up and every window got slower.)

    ``idle_seconds`` overrides the minutes (tests and trials only).
    """

    locking = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(self, idle_minutes: float = 5, parent: QObject | None = None, *,
                 idle_seconds: float | None = None) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self._watching = False
        self._idle_seconds_override = idle_seconds
        self._restore: list[Callable[[], object]] = []
        self._active = False
        self._locking_now = False
        self.set_idle_minutes(idle_minutes)

    # --- configuration -------------------------------------------------------------------------
    def set_idle_minutes(self, minutes: float) -> None:
        """Change the idle time (settings dialog); restarts the countdown."""
        seconds = self._idle_seconds_override if self._idle_seconds_override is not None else minutes * 60
        self._idle.setInterval(max(1, int(seconds * 1000)))
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
        """A profile was unlocked: start watching for idle time."""
        self._active = True
        self._watch_input()
        self._idle.start()

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
            window.installEventFilter(self)  # Qt installs a filter only once per object

    def remember(self, restore: Callable[[], object]) -> None:
        """Called by a window during ``locking``: how to bring it back after unlock."""
        self._restore.append(restore)

    def lock(self) -> None:
        """Lock now: windows save and close, then ``locked`` (the shell closes the vault)."""
        if not self._active or self._locking_now:
            return
        self._locking_now = True
        try:
            self._idle.stop()
            self._active = False
            log.info("session locking")
            self.locking.emit()
            self.locked.emit()
        finally:
            self._locking_now = False

    def finish_unlock(self) -> None:
        """The vault is open again: restart idle watching, re-open what was open, emit ``unlocked``."""
        self.start()
        restore, self._restore = self._restore, []
        for callback in restore:
            callback()
        self.unlocked.emit()

    def stop(self) -> None:
        """The app is quitting: no more idle locking, forget restore callbacks."""
        self._idle.stop()
        self._active = False
        self._restore.clear()

    # --- idle detection ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _INPUT_EVENTS:
            self._idle.start()
        return False

    def _on_idle(self) -> None:
        log.info("idle time reached")
        self.lock()

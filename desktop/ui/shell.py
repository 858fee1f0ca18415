"""The window flow: first run or unlock, then the main window; lock and back again.

:class:`Shell` owns the unlock, first-run and main windows and reacts to the
session lock: on ``locked`` it hides and clears the main window, closes the
vault (zeroing the key) and shows the unlock window; after unlocking it shows
the main window again and lets the other windows restore themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.store.keys import KeyProtection
from desktop.ui.main_window import MainWindow, load_qt_namespace
from desktop.ui.messages import message_for

if TYPE_CHECKING:
    from desktop.store.profiles import ProfileInfo
    from desktop.ui.first_run_window import FirstRunWindow
    from desktop.ui.services import OpenedVault, Services
    from desktop.ui.unlock_window import UnlockWindow

log = logging.getLogger(__name__)


#: How long a keyring profile's main window waits for its first paint before opening the vault anyway.
FIRST_PAINT_WAIT_MS = 500


class Shell(QObject):
    """Decides which of first-run, unlock and main window is showing.

    ``first_window_painted`` is emitted when the main window has painted for the first time.
    """

    first_window_painted = Signal()

    def __init__(self, services: Services, *, profile_name: str | None = None) -> None:
        super().__init__()
        self.services = services
        services.shell = self
        self._profile_name = profile_name
        self.unlock_window: UnlockWindow | None = None
        self.first_run_window: FirstRunWindow | None = None
        self.main_window: MainWindow | None = None
        self._hooks_run = False
        # Before any window's own ``locking`` handler (they connect when they open, after this): a
        # dialog running its own event loop (a question, a file dialog) must end it before the window
        # it belongs to closes and is deleted under it.
        services.session.locking.connect(self._end_dialogs)
        services.session.locked.connect(self._on_locked)

    # --- start ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the first screen: first run when there is no profile, otherwise unlock.

        A profile whose key is kept in the OS keyring opens at once (starting the app is the
        person's intent to open it): the main window shows straight away, saying that the
        notifications are being opened, while the key is read and the vault opened off the GUI
        thread. If that fails, the unlock window takes over with the reason.
        """
        profiles = self.services.profiles.list()
        chosen = self._chosen_profile(profiles) if profiles else None
        if chosen is None or chosen.protection != KeyProtection.KEYRING:
            # (the keyring path installs it after the main window's first paint)
            QTimer.singleShot(0, _install_theme)
        if not profiles:
            damaged = self.services.profiles.damaged()
            if not damaged:
                self.show_first_run(can_cancel=False)
                return
            # Only damaged profiles: never the first-run screen, as if nothing were waiting here.
            window = self._unlock()
            window.select_profile(damaged[0])
            window.show()
            window.activateWindow()
            return
        assert chosen is not None
        if chosen.protection == KeyProtection.KEYRING:
            self._open_from_keyring(chosen)
            return
        window = self._unlock()
        window.select_profile(chosen.id)
        window.show()
        window.activateWindow()

    def _chosen_profile(self, profiles: list[ProfileInfo]) -> ProfileInfo:
        """The profile named on the command line (id or name), else the first one listed."""
        wanted = self._profile_name
        if wanted is not None:
            for profile in profiles:
                if wanted == profile.id or profile.display_name.casefold() == wanted.casefold():
                    return profile
            log.warning("profile given on the command line not found")
        return profiles[0]

    def _open_from_keyring(self, profile: ProfileInfo) -> None:
        # The frame first: it paints at once. After that, each in its own turn of the event loop, the
        # lists and the other areas' parts are added, and then the key is read and the vault opened
        # on a worker thread. The worker comes last: it loads a large library (keyring), and while it
        # runs the two threads take turns for the interpreter, which makes every step here slower.
        window = self._main(lists_later=True)
        started = False

        def after_first_paint() -> None:
            nonlocal started
            if started:
                return
            started = True
            in_turns([load_qt_namespace, window.complete, self._main,
                      lambda: self._read_key_and_open(profile), _install_theme])

        window.first_painted.connect(after_first_paint)
        # A window that is not painted soon (shown minimised, a locked screen) opens all the same.
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, after_first_paint)
        window.show()
        window.activateWindow()

    def _read_key_and_open(self, profile: ProfileInfo) -> None:
        from desktop.ui.operations import run_in_background

        services = self.services
        run_in_background(self, lambda: services.unlock_and_open(services.profiles, profile, None),
                          on_success=lambda opened: self._opened_from_keyring(profile, opened),
                          on_failure=lambda error: self._keyring_open_failed(profile, error))

    def _opened_from_keyring(self, profile: ProfileInfo, opened: OpenedVault) -> None:
        self.services.attach_vault(profile, opened)
        self._on_unlocked(profile.id)

    def _keyring_open_failed(self, profile: ProfileInfo, error: Exception) -> None:
        if self.main_window is not None:
            self.main_window.clear()
            self.main_window.hide()
        window = self._unlock()
        window.select_profile(profile.id)
        window.show()
        window.activateWindow()
        window.show_unlock_failure(error)

    def _unlock(self) -> UnlockWindow:
        if self.unlock_window is None:
            from desktop.ui.unlock_window import UnlockWindow  # not needed when the keyring opens the vault

            self.unlock_window = UnlockWindow(self.services)
            self.unlock_window.unlocked.connect(self._on_unlocked)
            self.unlock_window.new_profile_requested.connect(lambda: self.show_first_run(can_cancel=True))
            self.services.adopt_window(self.unlock_window)
        else:
            self.unlock_window.reload_profiles()
        return self.unlock_window

    def show_first_run(self, *, can_cancel: bool) -> FirstRunWindow:
        from desktop.ui.first_run_window import FirstRunWindow

        if self.first_run_window is not None:
            self.first_run_window.close()
            self.first_run_window.deleteLater()
        window = FirstRunWindow(self.services, can_cancel=can_cancel)
        window.created.connect(self._on_created)
        window.cancelled.connect(self._first_run_cancelled)
        self.services.adopt_window(window)
        self.first_run_window = window
        if self.unlock_window is not None:
            self.unlock_window.hide()
        window.show()
        window.activateWindow()
        window.name_edit.setFocus()
        return window

    def _first_run_cancelled(self) -> None:
        if self.first_run_window is not None:
            self.first_run_window.close()
        self._unlock().show()

    def _on_created(self, profile_id: str) -> None:
        if self.first_run_window is not None:
            self.first_run_window.close()
        self._on_unlocked(profile_id)

    # --- unlocked / locked ---------------------------------------------------------------------
    def _on_unlocked(self, profile_id: str) -> None:
        log.info("profile %s unlocked", profile_id)
        if self.unlock_window is not None:
            self.unlock_window.hide()
        window = self._main()
        window.retranslate()
        window.show()
        window.raise_()
        window.activateWindow()
        window.refresh()
        self.services.session.finish_unlock(profile_id)

    def _main(self, *, lists_later: bool = False) -> MainWindow:
        """The main window, complete with its lists and the other areas' parts (delivery badge);
        with ``lists_later`` a new window is only its frame until the next call."""
        window = self.main_window
        if window is None:
            window = self.main_window = MainWindow(self.services, lists_later=lists_later)
            window.first_painted.connect(self.first_window_painted)
            self.services.adopt_window(window)
        if not window.is_complete or not self._hooks_run:
            if lists_later:
                return window
            window.complete()
            self._hooks_run = True
            for hook in self.services.main_window_hooks:
                hook(window)
        return window

    def _on_locked(self) -> None:
        if self.main_window is not None:
            self.main_window.clear()
            self.main_window.hide()
        self._close_stragglers()
        self.services.close_vault()
        window = self._unlock()
        window.show()
        window.raise_()
        window.activateWindow()

    def _own_windows(self) -> set[QWidget | None]:
        return {self.unlock_window, self.first_run_window, self.main_window}

    def _end_dialogs(self) -> None:
        """At the start of a lock: every open dialog is answered "cancel" (``done(Rejected)``), which also
        ends a modal one's own event loop (``exec()``, a file dialog), then closed."""
        from desktop.ui.lock_windows import end_dialogs

        end_dialogs(self._own_windows())

    def _close_stragglers(self) -> None:
        """Safety net: a window that did not close itself on ``locking`` is closed now. One that refuses
        is hidden and shown again after the same profile unlocks, if it still exists then."""
        from desktop.ui.lock_windows import close_stragglers

        close_stragglers(self.services.session, self._own_windows())

    # --- quitting ------------------------------------------------------------------------------
    def may_quit(self, window: QWidget) -> bool:
        """Closing the main window quits the app; each of ``services.quit_guards`` may ask first
        (e.g. "notifications are still waiting to be sent") and return False to stay open."""
        return all(guard(window) for guard in list(self.services.quit_guards))

    def shutdown(self) -> None:
        """Stop idle locking, close the vault and zero the key (end of ``app.exec()``)."""
        from desktop.ui.operations import wait_for_all

        self.services.session.stop()
        wait_for_all()
        self.services.close_vault()

    # --- benchmark -----------------------------------------------------------------------------
    def quit_when_idle_for_benchmark(self) -> None:
        """Print the start-up milestones and quit after the last (see :mod:`desktop.ui.startup_report`)."""
        from desktop.ui.startup_report import StartupReport

        StartupReport(self)


def _install_theme() -> None:
    """Palette fixes and the focus ring (after the first paint: they re-polish every widget)."""
    from desktop.ui import theme

    theme.install()


def in_turns(steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` one per turn of the event loop, each once the one before has finished.

    Chained on 1 ms timers: Qt runs zero timers as posted events, all ahead of timers and input,
    so a chain of them would hold the window as long as all the steps together.
    """
    if not steps:
        return

    def run() -> None:
        try:
            steps[0]()
        finally:
            in_turns(steps[1:])

    QTimer.singleShot(1, run)


def show_start_problem(error: Exception) -> None:
    """Tell the person (and IT) why the app cannot start, e.g. an invalid policy."""
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("Shell", "Underret cannot start")
    box = QMessageBox(QMessageBox.Icon.Critical, title, message_for(error))
    box.setAccessibleName(title)
    box.exec()

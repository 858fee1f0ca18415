"""The desk's composition root: ``underret-desk`` builds the services and shows the windows.

Unlock (or make) the desk's profile; then the inbox, with the session lock watching idle time.
When it locks, every window showing content closes, the vault is closed and its key gone; the
unlock window comes back and, once unlocked, the windows that were open come back too.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.desk.service import DeskService, MessageSealer
from desktop.store.keys import KeyProtection
from desktop.store.profiles import ProfileDirectory
from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.inbox_window import InboxWindow
from desktop.ui.desk.unlock_window import DeskUnlockWindow, OpenedDesk
from desktop.ui.lock_windows import close_stragglers, end_dialogs
from desktop.ui.services import Translations
from desktop.ui.session import SessionLock

if TYPE_CHECKING:
    from desktop.config.policy import Policy

log = logging.getLogger(__name__)

DESK_FOLDER = "desk"
#: Minutes without input before the desk locks, unless IT's policy says (``idle_lock_minutes``).
DEFAULT_IDLE_MINUTES = 5
#: Windows: making the desk's files private waits this long after the first window (as the app's).
PRIVATE_FILES_DELAY_MS = 1000


def desk_profiles(root: Path | None = None) -> ProfileDirectory:
    """The desk's profiles: the app's profile mechanism under the desk's own folder, with the desk's vault."""
    from desktop.desk.store.vault import DeskVault

    return ProfileDirectory(root or (paths.user_data_dir() / DESK_FOLDER), vault_type=DeskVault)


def default_sealer() -> MessageSealer:
    """The message format back to notifiers (``protocol.messages``)."""
    from desktop.desk.replies import ProtocolSealer

    return ProtocolSealer()


class DeskShell:
    """Unlock window, inbox and the session lock of one running desk."""

    def __init__(self, profiles: ProfileDirectory, *, idle_minutes: float = DEFAULT_IDLE_MINUTES,
                 idle_seconds: float | None = None, sealer: MessageSealer | None = None,
                 protection: KeyProtection | None = None) -> None:
        self.profiles = profiles
        self.session = SessionLock(idle_minutes, idle_seconds=idle_seconds)
        # Before any window's own ``locking`` handler (they connect when they open, after this): a dialog
        # (an assessment, a question, a file dialog) ends before the window it belongs to closes under it.
        self.session.locking.connect(self._end_dialogs)
        self.session.locked.connect(self._on_locked)
        self._sealer = sealer if sealer is not None else default_sealer()
        self.unlock = DeskUnlockWindow(profiles, protection=protection)
        self.unlock.opened.connect(self._on_opened)
        self.context: DeskContext | None = None
        self.inbox: InboxWindow | None = None
        self._vault: object | None = None

    def start(self) -> None:
        # Desk files an older version (or a copy put back) left readable by other users of the PC are
        # made private first, as the app does: at once on Linux and macOS, on Windows (an access list per
        # file) once the window is up.
        if sys.platform == "win32":
            QTimer.singleShot(PRIVATE_FILES_DELAY_MS, self.unlock, self.profiles.make_private)
        else:
            self.profiles.make_private()
        self.unlock.show()

    def _on_opened(self, opened: OpenedDesk) -> None:
        service = DeskService(opened.vault, sealer=self._sealer)
        first = self.context is None
        if first:
            self.context = DeskContext(service, self.session)
            self.inbox = InboxWindow(self.context)
            self.session.install_shortcut(self.inbox)
        else:
            assert self.context is not None
            self.context.service = service
        self.unlock.hide()
        assert self.inbox is not None
        self.inbox.show()
        self.inbox.activateWindow()
        # What a window remembered at a lock comes back only to the desk profile that had it open:
        # another caseworker unlocking their own desk on this PC never gets it.
        if first:
            self.session.owner = opened.profile.id
            self.session.start()
        else:
            self.session.finish_unlock(opened.profile.id)
            self.context.changed.emit()

    def _end_dialogs(self) -> None:
        end_dialogs({self.unlock, self.inbox})

    def _on_locked(self) -> None:
        if self.inbox is not None:
            self.inbox.hide()  # emptied on ``locking``; the one window that stays, for the next unlock
        # Closed, not hidden: a hidden window keeps the notification it shows in memory behind the lock.
        close_stragglers(self.session, {self.unlock, self.inbox})
        if self.context is not None:
            self.context.service.close_vault()
        self.unlock.reload()
        self.unlock.show()
        self.unlock.activateWindow()

    def shutdown(self) -> None:
        """Quitting: timers stopped, windows closed, the vault closed (its key is already gone)."""
        self.session.stop()
        if self.inbox is not None:
            self.inbox.stop_timers()
            for window in self.inbox.open_windows():
                window.close()
            self.inbox.close()
            self.inbox.deleteLater()
        self.unlock.close()
        self.unlock.deleteLater()
        if self.context is not None:
            self.context.service.close_vault()


def shell_settings(policy: Policy) -> tuple[float, KeyProtection | None]:
    """What IT's policy (the app's, ``desktop.config.policy``) sets for a desk: the minutes without
    input before it locks, and how a new desk keeps its key (None: the person chooses)."""
    protection = None if policy.key_protection is None else KeyProtection(policy.key_protection)
    return float(policy.idle_lock_minutes or DEFAULT_IDLE_MINUTES), protection


def run_desk(*, language: str | None = None) -> int:
    """Start the desk's windows; returns the exit code (3: IT's policy is not valid)."""
    from desktop.config.policy import PolicyInvalid, load_policy

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("Underret desk")
    app.setOrganizationName("Underret")
    try:
        policy, _source = load_policy()
    except PolicyInvalid as error:
        from desktop.eventlog import refusal
        from desktop.ui.shell import show_start_problem

        refusal(error.message_id, file=error.details.get("file", ""),
                setting=error.details.get("setting", ""))
        Translations(app).install(language or "da")
        show_start_problem(error)
        return 3
    Translations(app).install(language or policy.default_language or "da")
    idle_minutes, protection = shell_settings(policy)
    shell = DeskShell(desk_profiles(), idle_minutes=idle_minutes, protection=protection)
    shell.start()
    code = app.exec()
    shell.shutdown()
    return code

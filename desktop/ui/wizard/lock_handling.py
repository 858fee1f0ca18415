"""The window and the session lock: saved and closed on lock, re-opened after unlock, saved on quit.

``locking`` comes while the vault is still open: the draft is saved and the
window asks the session to re-open it after the unlock. A new session must also
know again which draft is open (crash recovery reads it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow


class LockHandling:
    """Connects one :class:`WizardWindow` to the session's ``locking``/``unlocked`` and to quitting."""

    def __init__(self, window: WizardWindow) -> None:
        self._window = window
        session = window.services.session
        session.locking.connect(self._on_locking)
        session.unlocked.connect(self._note_open)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)
        self._listening = True

    def _on_locking(self) -> None:
        window = self._window
        if not window.read_only:
            window.keeper.save_now()
        draft_id = window.keeper.draft_id if not window.read_only else (
            window.document.notification_id if window.document else None)
        services = window.services
        if draft_id is not None:
            services.session.remember(lambda: services.open_wizard(draft_id))
        window.closing = True
        window.close()

    def _note_open(self) -> None:
        # A new session has just begun (unlock): it must know this draft is open again.
        window = self._window
        vault = window.services.vault
        if not window.read_only and window.keeper.draft_id is not None and vault is not None:
            vault.profile.note_open_draft(window.keeper.draft_id)

    def _on_quit(self) -> None:
        window = self._window
        if not window.read_only and window.services.vault is not None:
            window.keeper.save_now()

    def disconnect(self) -> None:
        """The window is closing: no more calls."""
        if not self._listening:
            return
        self._listening = False
        session = self._window.services.session
        session.locking.disconnect(self._on_locking)
        session.unlocked.disconnect(self._note_open)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self._on_quit)

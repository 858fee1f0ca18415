"""The window and the session lock: saved and closed on lock, re-opened after unlock, saved on quit.

``locking`` comes while the vault is still open: the draft is saved and the
window asks the session to re-open it after the unlock. A new session must also
know again which draft is open (crash recovery reads it).

When the save at lock fails (a full disk), what was typed is not dropped: it is
kept in memory (:func:`keep_unsaved`) for the same profile, the window re-opens
with it after the unlock and says it is not saved yet, and the autosave tries
again. The event log records that (ids only).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow


class Unsaved(NamedTuple):
    """What a window held when the lock came and the vault would not take it."""

    answers: dict[str, Any]
    page: str
    error: BaseException


#: (profile id, draft id or "" for a notification never saved) -> what it held. Memory only.
_UNSAVED: dict[tuple[str, str], Unsaved] = {}


def keep_unsaved(profile_id: str, draft_id: str | None, unsaved: Unsaved) -> None:
    """Keep what could not be saved at lock, for the same profile's next session."""
    _UNSAVED[(profile_id, draft_id or "")] = unsaved


def take_unsaved(profile_id: str | None, draft_id: str | None) -> Unsaved | None:
    """What a window of this profile and draft held at lock and could not save, once."""
    if profile_id is None:
        return None
    return _UNSAVED.pop((profile_id, draft_id or ""), None)


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
        services = window.services
        saved = window.read_only or window.keeper.save_now()
        draft_id = window.keeper.draft_id if not window.read_only else (
            window.document.notification_id if window.document else None)
        if not saved and services.profile is not None:
            error = window.keeper.last_error
            keep_unsaved(services.profile.id, draft_id,
                         Unsaved(copy.deepcopy(window.answers), window.page_id, error or OSError()))
            from desktop.eventlog import problem

            problem(getattr(error, "message_id", "vault.error"), draft=draft_id or "new",
                    kept="in memory until the unlock")
            services.session.remember(lambda: services.open_wizard(draft_id))
        elif draft_id is not None:
            services.session.remember(lambda: services.open_wizard(draft_id))
        window.closing = True
        window.close()

    def _note_open(self) -> None:
        # A new session has just begun (unlock): it must know this draft is open again.
        window = self._window
        vault = window.services.vault
        if not window.read_only and window.keeper.draft_id is not None and vault is not None:
            from desktop.store.errors import VaultError

            try:
                vault.profile.note_open_draft(window.keeper.draft_id)
            except VaultError:  # crash recovery's note only (a full disk): the window says the rest
                return

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

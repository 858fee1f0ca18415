"""Crash recovery: after an unclean end, offer the notification that was being written.

Each unlock marks the vault's session as open (``ProfileRepository.begin_session``);
a lock or a clean quit marks it closed. When the previous session did not end
cleanly and a draft was open, the person is asked, once, whether to open it now.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.store.errors import NotificationNotFound
from desktop.store.notifications import NotificationState

if TYPE_CHECKING:
    from desktop.ui.services import Services

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class SessionRecovery(QObject):
    """Begins and ends vault sessions and offers a recovered draft; ``offered(box)`` for tests."""

    offered = Signal(object)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self._services = services
        self.box: QMessageBox | None = None
        self.offered_draft_id: str | None = None
        services.session.unlocked.connect(self.begin)
        services.session.locking.connect(self.end)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.end)

    def begin(self) -> None:
        """The vault has just been unlocked: note the session, and offer what a crash left open."""
        vault = self._services.vault
        if vault is None:
            return
        info = vault.profile.begin_session(datetime.now(UTC))
        if info.previous_clean or info.open_draft_id is None:
            return
        try:
            summary = vault.notifications.get_summary(info.open_draft_id)
        except NotificationNotFound:
            return
        if summary.state is not NotificationState.DRAFT:
            return
        log.info("offering draft %s recovered after an unclean end", summary.id)
        self.offer(summary.id, summary.child_initials)

    def offer(self, draft_id: str, initials: str) -> None:
        """Ask "open it now or later?" without blocking the window."""
        parent = self._parent_window()
        text = translate("Wizard", "Underret was closed unexpectedly while you were writing a notification. "
                                   "Everything you wrote has been kept.")
        if initials:
            text += "\n\n" + translate("Wizard", "The child's initials: %1").replace("%1", initials)
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("Wizard", "We recovered the notification you were writing"), text,
                          QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("recoveredDraft")
        box.setAccessibleName(translate("Wizard", "We recovered the notification you were writing"))
        open_button = box.addButton(translate("Wizard", "&Open it"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(translate("Wizard", "&Later"), QMessageBox.ButtonRole.RejectRole)
        open_button.setObjectName("openRecovered")
        later.setObjectName("later")
        box.setDefaultButton(open_button)
        box.setEscapeButton(later)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        services = self._services
        box.buttonClicked.connect(
            lambda button: services.open_wizard(draft_id) if button is open_button else None)
        self.box = box
        self.offered_draft_id = draft_id
        box.open()
        self.offered.emit(box)

    def _parent_window(self) -> QWidget | None:
        shell = self._services.shell
        return shell.main_window if shell is not None else None

    def end(self) -> None:
        """Lock or clean quit: the next start will not offer anything."""
        vault = self._services.vault
        if vault is not None:
            vault.profile.end_session()

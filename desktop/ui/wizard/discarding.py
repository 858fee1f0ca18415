"""Discarding a draft: asked once (keeping it is the default), then removed from the vault."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def ask_discard(window: WizardWindow) -> QMessageBox:
    """Ask without blocking; on "Delete it" the draft is removed and the window closes."""
    title = translate("Wizard", "Discard this notification?")
    text = translate("Wizard", "What you have written will be deleted and cannot be brought back.")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("discardQuestion")
    box.setAccessibleName(title)
    delete = box.addButton(translate("Wizard", "&Delete it"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("Wizard", "&Keep it"), QMessageBox.ButtonRole.RejectRole)
    delete.setObjectName("confirmDiscard")
    keep.setObjectName("keepDraft")
    box.setDefaultButton(keep)  # Enter alone never deletes
    box.setEscapeButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: discard(window) if button is delete else None)
    window.services.adopt_window(box)  # decorated as every window (the demo banner)
    box.open()
    return box


def discard(window: WizardWindow) -> None:
    """Remove the draft from the vault and close the window."""
    window.keeper.stop()
    draft_id = window.keeper.draft_id
    services = window.services
    vault = services.require_vault()
    if draft_id is not None:
        vault.notifications.discard_draft(draft_id)
        log.info("draft %s discarded", draft_id)
    vault.profile.note_open_draft(None)
    window.keeper.draft_id = None
    services.notifications_changed.emit()
    window.closing = True
    window.close()

"""A finalised notification in the window: shown as sent, nothing editable; a correction is a new
notification that refers to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.domain.building import child_initials
from desktop.errors import UnderretError
from desktop.ui.wizard.draft_loading import CORRECTS_KEY
from desktop.ui.wizard.review import document_html
from desktop.ui.wizard.sending import tell

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow

translate = QCoreApplication.translate


def show_read_only(window: WizardWindow) -> None:
    """Show the finalised document (or why it cannot be shown) instead of the pages."""
    window.read_only = True
    window.pages.stop_building()
    if window.document is not None:
        window.document_view.setHtml(document_html(window.document))
    window.stack.setCurrentWidget(window.document_view)
    window.read_only_label.setText(window.unavailable or translate(
        "Wizard", "This notification has been finalised and can no longer be changed. "
                  "To correct it, write a correction: a new notification that refers to this one."))
    window.read_only_label.show()
    window.step_label.setText("")
    for button in (window.back_button, window.next_button, window.finalise_button, window.discard_button):
        button.hide()
    window.correct_button.setVisible(not window.unavailable)
    if window.document is not None and window.document.acute:
        # An acute notification is never only written: the numbers stay in view.
        window.acute_button.setChecked(True)
    (window.close_button if window.unavailable else window.correct_button).setFocus()


def start_correction(window: WizardWindow) -> None:
    """Open a new draft with the same answers that says which notification it corrects."""
    original = window.keeper.draft_id or window.finalised_id
    if original is None:
        return
    services = window.services
    vault = services.require_vault()
    try:
        answers = dict(vault.notifications.get_answers(original))
    except UnderretError as error:
        tell(window, translate("Wizard", "The correction could not be started"), error)
        return
    answers[CORRECTS_KEY] = original
    new_id = vault.notifications.create_draft(answers, window.form.sections[1].id, child_initials(answers))
    services.notifications_changed.emit()
    services.open_wizard(new_id)
    window.close()

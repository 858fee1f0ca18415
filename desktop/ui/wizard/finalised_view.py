"""A finalised notification in the window: shown as sent, nothing editable, its delivery live; a correction
is a new notification that refers to it.

The window shows the same delivery panel as the main window (:mod:`desktop.ui.delivery.panel`) and
keeps it up to date while it is open: "waiting", "sent", "received with reference number …", or
"refused" with what to do, as the outbox reports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from desktop.domain.building import child_initials
from desktop.domain.forms import FieldType
from desktop.domain.observations import attachment_ids
from desktop.errors import UnderretError
from desktop.ui.delivery.panel import DeliveryPanel
from desktop.ui.delivery.wording import StateWording
from desktop.ui.wizard.draft_loading import CORRECTS_KEY
from desktop.ui.wizard.review import document_html
from desktop.ui.wizard.sending import tell

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow

translate = QCoreApplication.translate


class LiveDelivery(QObject):
    """The finalised window's delivery panel, re-read whenever the notifications change."""

    def __init__(self, window: WizardWindow) -> None:
        super().__init__(window)
        self._window = window
        services = window.services
        from desktop.ui.dates import today_in_denmark

        delivery = getattr(services, "delivery", None)
        self.wording = StateWording(lambda: window.pack, getattr(delivery, "today", today_in_denmark),
                                    lambda: services.language)
        self.panel = DeliveryPanel(window)
        self.panel.setObjectName("finalisedDelivery")
        self.panel.send_again_requested.connect(self._send_again)
        # Noting the acknowledgement is done in the main window's list, where the reminder is.
        self.panel.acknowledgement_button.setEnabled(False)
        window.add_under_status(self.panel)
        services.notifications_changed.connect(self.refresh)

    def notification_id(self) -> str | None:
        window = self._window
        return window.keeper.draft_id or window.finalised_id or (
            window.document.notification_id if window.document is not None else None)

    def refresh(self) -> None:
        """Read the notification's state now and show it."""
        vault = self._window.services.vault
        notification_id = self.notification_id()
        if vault is None or notification_id is None:
            return
        try:
            summary = vault.notifications.get_summary(notification_id)
            next_attempt = vault.outbox.next_attempt_for(notification_id) if str(summary.state) == "queued" \
                else None
        except UnderretError:
            return
        details = self.wording.details(summary, next_attempt)
        self.panel.show_details(notification_id, details)
        self.panel.acknowledgement_button.hide()

    def _send_again(self, notification_id: str) -> None:
        services = self._window.services
        delivery = getattr(services, "delivery", None)
        if delivery is not None:
            delivery.send_again(notification_id)
        elif services.vault is not None and services.vault.outbox.send_again(notification_id):
            services.notifications_changed.emit()
        self.refresh()


def show_read_only(window: WizardWindow) -> None:
    """Show the finalised document (or why it cannot be shown) instead of the pages."""
    window.read_only = True
    window.pages.stop_building()
    if window.document is not None:
        window.document_view.setHtml(document_html(window.document))
    window.stack.setCurrentWidget(window.document_view)
    window.read_only_label.setText(window.unavailable or translate(
        "Wizard", "This notification is finished and locked; it can no longer be changed. "
                  "To correct it, write a correction: a new notification that refers to this one."))
    window.read_only_label.show()
    window.step_label.setText(translate("Wizard", "The finished notification"))
    window.save_label.setText("")
    # The focus goes to its new place before the buttons of a draft go: hiding the focused "Gør færdig og
    # send" would first pass it along the Tab chain ("Luk"), which a screen reader says too.
    window.correct_button.setVisible(not window.unavailable)
    # (While the question closes the window may have no focus yet; then this is where it returns.)
    target = window.close_button if window.unavailable else window.correct_button
    target.setFocus()
    for button in (window.back_button, window.next_button, window.finalise_button, window.discard_button):
        button.hide()
    from desktop.ui.wizard import sibling  # "Underret også om en søskende" (issue 14)

    sibling.attach(window)
    if window.live_delivery is None:
        window.live_delivery = LiveDelivery(window)
    window.live_delivery.refresh()
    if window.document is not None and window.document.acute:
        # An acute notification is never only written: the numbers stay in view.
        window.acute_button.setChecked(True)
    (window.close_button if window.unavailable else window.correct_button).setFocus()


def show_correction_note(window: WizardWindow) -> None:
    """A correction says at the top which notification it corrects (reference number and date)."""
    original = window.answers.get(CORRECTS_KEY)
    if not isinstance(original, str):
        return
    from desktop.ui import theme
    from desktop.ui.wizard.sending import describe_notification

    note = QLabel(translate("Wizard", "This is a correction of %1. It is sent as a new notification that "
                                      "refers to that one; write what is different.").replace(
        "%1", describe_notification(window, original)))
    note.setObjectName("correctionNote")
    note.setWordWrap(True)
    note.setContentsMargins(6, 4, 6, 4)
    theme.paint(note, theme.Tone.NOTICE)
    window.add_under_status(note)
    window.correction_note = note


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
    # The correction carries the same attachments: their bytes are copied to the new draft.
    carried = [attachment_id for _section, f in window.form.iter_fields() if f.type is FieldType.ATTACHMENTS
               for attachment_id in attachment_ids(answers.get(f.id))]
    try:
        vault.attachments.copy(original, new_id, carried)
    except UnderretError as error:
        vault.notifications.discard_draft(new_id)  # no half-made correction left behind
        tell(window, translate("Wizard", "The correction could not be started"), error)
        return
    services.notifications_changed.emit()
    services.open_wizard(new_id)
    window.close()

"""How a notification's delivery state reads in the main window's list.

One short line per notification (the list's State column) and a longer
tooltip with what the person can do: waiting, sending, received with the
municipality's reference number, sent by secure e-mail (no receipt there, the
deadline still tracked), not sent yet with the reason in plain words,
and, when the municipality's acknowledgement is overdue (6 working days,
``acknowledgement_due`` in the summary), whom to phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.domain.deadlines import is_overdue
from desktop.ui.delivery.messages import reason_text

if TYPE_CHECKING:
    from desktop.domain.packs import Contact, GuidelinePack
    from desktop.store.notifications import NotificationSummary

translate = QCoreApplication.translate

#: States in which the municipality has received the notification.
RECEIVED_STATES = frozenset({"receipted", "purged"})
# States whose acknowledgement deadline is tracked: received, or sent by secure e-mail (no receipt there).
TRACKED_STATES = RECEIVED_STATES | {"sent"}
#: States that count as "waiting" for the badge.
WAITING_STATES = frozenset({"queued", "sending"})


#: Audit event the person records when the municipality's acknowledgement has arrived (by letter or mail).
ACKNOWLEDGED_EVENT = "acknowledgement.received"


def acknowledgement_overdue(summary: NotificationSummary, today: date,
                            acknowledged: Callable[[str], bool] = lambda _id: False) -> bool:
    """The municipality's acknowledgement (6 working days after receipt) is past due and not noted.

    A notification sent by secure e-mail has no receipt; its 6 working days count
    from when the mail server accepted it.
    """
    return (str(summary.state) in TRACKED_STATES and summary.acknowledgement_due is not None
            and is_overdue(summary.acknowledgement_due, today) and not acknowledged(summary.id))


class StateWording:
    """Words for the State column; ``pack`` gives the municipality's phone number."""

    def __init__(self, pack: Callable[[], GuidelinePack | None], today: Callable[[], date],
                 language: Callable[[], str],
                 acknowledged: Callable[[str], bool] = lambda _id: False) -> None:
        self._pack = pack
        self._today = today
        self._language = language
        self.acknowledged = acknowledged

    def overdue(self, summary: NotificationSummary) -> bool:
        """Whether the person should phone the municipality about this notification."""
        return acknowledgement_overdue(summary, self._today(), self.acknowledged)

    def overdue_among(self, summaries: Iterable[NotificationSummary]) -> list[NotificationSummary]:
        """The summaries whose acknowledgement is overdue (today looked up once for the whole list)."""
        today, acknowledged = self._today(), self.acknowledged
        return [s for s in summaries if acknowledgement_overdue(s, today, acknowledged)]

    # --- the municipality's number -------------------------------------------------------------
    def contact(self) -> Contact | None:
        """Children's services of the municipality (the number to call when a deadline passes)."""
        pack = self._pack()
        if pack is None:
            return None
        # Here, not at the top: the pack models (pydantic) need not load before the first window.
        from desktop.domain.packs import ContactKind

        for kind in (ContactKind.INTAKE, ContactKind.AFTER_HOURS):
            contact = pack.contact_of(kind)
            if contact is not None and contact.phone:
                return contact
        return None

    def call_advice(self, municipality: str | None) -> str:
        """What to do when the acknowledgement is late: phone the municipality (with the number)."""
        contact = self.contact()
        if contact is not None and contact.phone:
            name = contact.name.get(self._language()) or contact.name.get("da") or municipality or ""
            return translate("Delivery", "Please phone %1 on %2 and give the reference number.") \
                .replace("%1", name).replace("%2", contact.phone)
        if municipality:
            return translate("Delivery", "Please phone children's services in %1 and give the reference "
                                         "number.").replace("%1", municipality)
        return translate("Delivery", "Please phone the municipality's children's services and give the "
                                     "reference number.")

    # --- the list ------------------------------------------------------------------------------
    def _date(self, value: date) -> str:
        return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)

    def text(self, summary: NotificationSummary) -> str | None:
        """The State column's text, or ``None`` to leave a draft to the shell's words."""
        state = str(summary.state)
        reference = summary.reference or ""
        if state == "queued":
            if summary.last_error:
                return translate("Delivery", "Waiting – not sent yet: %1").replace(
                    "%1", reason_text(summary.last_error))
            return translate("Delivery", "Waiting to send")
        if state == "sending":
            return translate("Delivery", "Sending…")
        if state == "sent":
            if summary.acknowledgement_due is None:
                return translate("Delivery", "Sent, waiting for the receipt")
            if self.overdue(summary):
                return self._mailed_overdue(summary)
            return translate("Delivery", "Sent by secure e-mail (reference %1)").replace("%1", reference)
        if state == "purged" and summary.receipted_at is None:  # sent by secure e-mail: no receipt
            if self.overdue(summary):
                return self._mailed_overdue(summary)
            return translate("Delivery", "Sent by secure e-mail (reference %1) – content removed after "
                                         "the retention period").replace("%1", reference)
        if state == "failed":
            return translate("Delivery", "Not sent – %1").replace("%1", reason_text(summary.last_error))
        if state in RECEIVED_STATES:
            if self.overdue(summary):
                return translate("Delivery", "Received (reference %1) – no acknowledgement yet. %2") \
                    .replace("%1", reference).replace("%2", self.call_advice(summary.municipality))
            if state == "purged":
                return translate("Delivery", "Received (reference %1) – content removed after the "
                                             "retention period").replace("%1", reference)
            return translate("Delivery", "Received by the municipality (reference %1)").replace(
                "%1", reference)
        return None

    def _mailed_overdue(self, summary: NotificationSummary) -> str:
        return translate("Delivery", "Sent by secure e-mail (reference %1) – no acknowledgement yet. "
                                     "%2").replace("%1", summary.reference or "").replace(
            "%2", self.call_advice(summary.municipality))

    def tooltip(self, summary: NotificationSummary) -> str | None:
        """A longer explanation with what the person can do."""
        state = str(summary.state)
        if state == "queued":
            return translate("Delivery", "The notification is stored safely on this PC and is sent "
                                         "automatically. You can also choose \"Send now\".")
        if state == "failed":
            return translate("Delivery", "The municipality did not accept the notification: %1. It is "
                                         "kept on this PC. Please phone the municipality.").replace(
                "%1", reason_text(summary.last_error))
        if state == "sent" and summary.acknowledgement_due is not None and not self.overdue(summary) \
                and not self.acknowledged(summary.id):
            return translate("Delivery", "Sent by secure e-mail. The municipality's mail server accepted it, "
                                         "but secure e-mail gives no receipt. The municipality should "
                                         "acknowledge the notification by %1.").replace(
                "%1", self._date(summary.acknowledgement_due))
        if state in TRACKED_STATES and summary.acknowledgement_due is not None:
            due = self._date(summary.acknowledgement_due)
            if self.overdue(summary):
                return translate("Delivery", "The municipality should have acknowledged the notification "
                                             "by %1. %2").replace("%1", due).replace(
                    "%2", self.call_advice(summary.municipality))
            if self.acknowledged(summary.id):
                return translate("Delivery", "You have noted that the municipality acknowledged the "
                                             "notification.")
            return translate("Delivery", "The municipality should acknowledge the notification by %1.") \
                .replace("%1", due)
        return None

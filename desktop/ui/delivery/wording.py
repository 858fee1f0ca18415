"""How a notification's delivery reads: a short state for the list, the whole truth for the panel.

The list's State column gets a short phrase that always fits (waiting, sent now,
refused, received, no acknowledgement); the delivery panel under the list gets
the whole truth in sentences: why it waits and when it is tried next, why it was
refused and what to do, with the municipality's phone number from the guideline
pack, the reference number, the time of receipt and the date the municipality's
acknowledgement is due (six working days), and whom to phone when it is late;
once the municipality's own messages have come (``desktop.outbox.replies``), its
kvittering and its § 137 orientation, each with the date and the unit.
Dates are in Danish time, in the UI language's format (:mod:`desktop.ui.dates`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.domain.deadlines import is_overdue
from desktop.ui.delivery.messages import reason_text
from desktop.ui.theme import Tone

if TYPE_CHECKING:
    from desktop.domain.packs import Contact, GuidelinePack
    from desktop.store.notifications import NotificationSummary
    from desktop.store.replies import ReplyMessage

translate = QCoreApplication.translate

#: States in which the municipality has received the notification.
RECEIVED_STATES = frozenset({"receipted", "purged"})
# States whose acknowledgement deadline is tracked: received, or sent by secure e-mail (no receipt there).
TRACKED_STATES = RECEIVED_STATES | {"sent"}
#: States that count as "waiting to be sent" (the Waiting tab and the count above the lists).
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


def _mailed(summary: NotificationSummary) -> bool:
    """Sent by secure e-mail: no signed receipt (also after its content was removed)."""
    state = str(summary.state)
    return state == "sent" or (state == "purged" and summary.receipted_at is None)


@dataclass(frozen=True)
class StateDetails:
    """The whole truth about one notification's delivery, for the panel under the list."""

    headline: str
    lines: list[str] = field(default_factory=list)
    #: The colours the panel takes (a refusal or a late acknowledgement is a danger; waiting a notice).
    tone: Tone | None = None
    #: Refused: the person can put it back in the queue once the cause is fixed.
    send_again: bool = False
    #: Received or sent: the person can note that the municipality's acknowledgement came.
    note_acknowledgement: bool = False

    def text(self) -> str:
        return " ".join([self.headline, *self.lines])


class StateWording:
    """Words for one main window's notifications; ``pack`` gives the municipality's phone number."""

    def __init__(self, pack: Callable[[], GuidelinePack | None], today: Callable[[], date],
                 language: Callable[[], str],
                 acknowledged: Callable[[str], bool] = lambda _id: False,
                 sending_runs: Callable[[], bool] = lambda: True) -> None:
        self._pack = pack
        #: Whether sending can run on this PC now (False: not set up): a notification a crash left "being
        #: sent" then waits, and is called waiting.
        self.sending_runs = sending_runs
        self._today = today
        self._language = language
        self.acknowledged = acknowledged
        self._phrase_cache: tuple[str, dict[str, str]] | None = None

    def overdue(self, summary: NotificationSummary) -> bool:
        """Whether the person should phone the municipality about this notification."""
        return acknowledgement_overdue(summary, self._today(), self.acknowledged)

    def overdue_among(self, summaries: Iterable[NotificationSummary]) -> list[NotificationSummary]:
        """The summaries whose acknowledgement is overdue (today looked up once for the whole list)."""
        today, acknowledged = self._today(), self.acknowledged
        return [s for s in summaries if acknowledgement_overdue(s, today, acknowledged)]

    # --- the municipality's number -------------------------------------------------------------
    def contact(self) -> Contact | None:
        """Children's services of the municipality (the number to call about a notification)."""
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

    def phone(self) -> str | None:
        """The municipality's phone number for notifications (from the guideline pack), if known."""
        contact = self.contact()
        return contact.phone if contact is not None else None

    def call_advice(self, municipality: str | None) -> str:
        """Phone the municipality about the notification, with the number, giving the reference number."""
        contact = self.contact()
        if contact is not None and contact.phone:
            name = contact.name.get(self._language()) or contact.name.get("da") or municipality or ""
            return translate("Delivery", "Phone %1 on %2 and give the reference number.") \
                .replace("%1", name).replace("%2", contact.phone)
        if municipality:
            return translate("Delivery", "Phone children's services in %1 and give the reference "
                                         "number.").replace("%1", municipality)
        return translate("Delivery", "Phone the municipality's children's services and give the "
                                     "reference number.")

    def _call_about_refusal(self, municipality: str | None) -> str:
        contact = self.contact()
        if contact is not None and contact.phone:
            name = contact.name.get(self._language()) or contact.name.get("da") or municipality or ""
            return translate("Delivery", "Phone %1 on %2 today and say that the notification could not be "
                                         "delivered; give them the facts by phone if the matter is "
                                         "urgent.").replace("%1", name).replace("%2", contact.phone)
        return translate("Delivery", "Phone the municipality's children's services today and say that the "
                                     "notification could not be delivered; give them the facts by phone if "
                                     "the matter is urgent.")

    # --- dates ---------------------------------------------------------------------------------
    def _date(self, value: date) -> str:
        from desktop.ui.dates import long_date

        return long_date(value, self._language())

    def _moment(self, value: datetime) -> str:
        from desktop.ui.dates import clock, danish_time, long_datetime

        if danish_time(value).date() == self._today():
            return translate("Delivery", "today %1").replace("%1", clock(value, self._language()))
        return long_datetime(value, self._language())

    # --- the list ------------------------------------------------------------------------------
    def _phrases(self) -> dict[str, str]:
        """The short phrases in the UI language (made once per language: the list asks per cell)."""
        language = self._language()
        if self._phrase_cache is None or self._phrase_cache[0] != language:
            self._phrase_cache = (language, self._make_phrases())
        return self._phrase_cache[1]

    @staticmethod
    def _make_phrases() -> dict[str, str]:
        # Literal strings in translate() calls so lupdate finds them.
        return {
            "waiting_why": translate("Delivery", "Waiting – not sent yet"),
            "waiting": translate("Delivery", "Waiting to be sent"),
            "sending": translate("Delivery", "Being sent now"),
            "refused": translate("Delivery", "Refused – phone the municipality"),
            "overdue": translate("Delivery", "No receipt – phone the municipality"),
            "acknowledged": translate("Delivery", "Receipt received"),
            "mailed_purged": translate("Delivery", "Sent by secure e-mail – content removed"),
            "sent": translate("Delivery", "Sent, not yet confirmed as received"),
            "mailed": translate("Delivery", "Sent by secure e-mail"),
            "purged": translate("Delivery", "Received – content removed"),
            "received": translate("Delivery", "Received by the municipality"),
        }

    def phrases(self) -> list[str]:
        """Every phrase the State column can show (the column is made as wide as the widest)."""
        return list(self._phrases().values())

    def text(self, summary: NotificationSummary) -> str | None:
        """The State column's short phrase, or ``None`` to leave a draft to the shell's words."""
        key = self._phrase_key(summary)
        return self._phrases()[key] if key is not None else None

    def _phrase_key(self, summary: NotificationSummary) -> str | None:
        state = str(summary.state)
        if state == "queued":
            return "waiting_why" if summary.last_error else "waiting"
        if state == "sending":
            return "sending" if self.sending_runs() else "waiting"
        if state == "failed":
            return "refused"
        if state not in TRACKED_STATES:
            return None
        if self.overdue(summary):
            return "overdue"
        if self.acknowledged(summary.id):
            return "acknowledged"
        if _mailed(summary):
            if state == "purged":
                return "mailed_purged"
            return "sent" if summary.acknowledgement_due is None else "mailed"
        return "purged" if state == "purged" else "received"

    def tooltip(self, summary: NotificationSummary) -> str | None:
        """The whole truth again (the panel under the list says the same)."""
        details = self.details(summary)
        return details.text() if details is not None else None

    # --- the panel -----------------------------------------------------------------------------
    def details(self, summary: NotificationSummary, next_attempt: datetime | None = None,
                messages: Iterable[ReplyMessage] = ()) -> StateDetails | None:
        """Everything about the notification's delivery in sentences (``None`` for a draft).

        ``messages`` are the municipality's verified messages about it (``vault.reply_keys.messages``):
        its kvittering and its § 137 orientation, said in the panel with date and unit."""
        state = str(summary.state)
        if state == "sending" and not self.sending_runs():
            state = "queued"  # left "being sent" by a crash, and nothing sends now: it waits
        municipality = summary.municipality or translate("Delivery", "the municipality")
        if state == "queued":
            lines = []
            if summary.last_error:
                lines.append(translate("Delivery", "Why: %1.").replace("%1", reason_text(summary.last_error)))
            if next_attempt is not None:
                lines.append(translate("Delivery", "Next try: %1 (or choose \u201cSend now\u201d).")
                             .replace("%1", self._moment(next_attempt)))
            lines.append(translate("Delivery", "It is kept safely on this PC and is sent by itself as soon "
                                               "as it can be. If the matter is urgent, phone the "
                                               "municipality."))
            if summary.last_error:
                headline = translate("Delivery", "Not sent yet – waiting to be sent to %1.")
            else:
                headline = translate("Delivery", "Waiting to be sent to %1.")
            headline = headline.replace("%1", municipality)
            return StateDetails(headline, lines, Tone.NOTICE if summary.last_error else None)
        if state == "sending":
            return StateDetails(translate("Delivery", "Being sent to %1 now.").replace("%1", municipality))
        if state == "failed":
            lines = [
                translate("Delivery", "Why: %1.").replace("%1", reason_text(summary.last_error)),
                translate("Delivery", "What to do: %1").replace("%1", self._call_about_refusal(
                    summary.municipality)),
                translate("Delivery", "When IT has fixed the cause, choose \u201cSend again\u201d. It is "
                                      "kept safely on this PC until then."),
            ]
            return StateDetails(translate("Delivery", "%1 did not accept the notification. It has not been "
                                                      "delivered.").replace("%1", municipality),
                                lines, Tone.DANGER, send_again=True)
        if state not in TRACKED_STATES:
            return None
        return self._delivered(summary, municipality, list(messages))

    def _message_lines(self, messages: list[ReplyMessage]) -> list[str]:
        """The kvittering and the § 137 orientation, each with its date and the unit that sent it."""
        from desktop.ui.dates import danish_time

        lines = []
        for message in messages:
            day = self._date(danish_time(message.at).date())
            if message.kind == "acknowledgement":
                lines.append(translate("Delivery", "The municipality has sent a receipt on %1 (%2).")
                             .replace("%1", day).replace("%2", message.unit))
            elif message.kind == "orientation":
                lines.append(translate("Delivery", "The municipality has told you on %1 (%2): %3")
                             .replace("%1", day).replace("%2", message.unit)
                             .replace("%3", self._outcome(message.outcome)))
        return lines

    @staticmethod
    def _outcome(outcome: str | None) -> str:
        if outcome == "investigation":
            return translate("Delivery", "the notification has led to an investigation of the child's "
                                         "situation.")
        if outcome == "support":
            return translate("Delivery", "the notification has led to support for the child or the family.")
        return translate("Delivery", "the notification has led to no measures.")

    @staticmethod
    def _reference_line(summary: NotificationSummary) -> str:
        """The reference to quote; the municipality's own number is named as theirs.

        The copy calls its own number "Referencenummer" (the one a secure mail
        carries too); the number an intake gives back is a different one, and two
        numbers under one name in the same window would contradict each other.
        """
        from protocol.references import reference_of

        reference = summary.reference or ""
        if reference == reference_of(summary.id):
            return translate("Delivery", "Reference number: %1.").replace("%1", reference)
        return translate("Delivery", "The municipality's reference number: %1.").replace("%1", reference)

    def _delivered(self, summary: NotificationSummary, municipality: str,
                   messages: list[ReplyMessage]) -> StateDetails:
        lines = []
        said = self._message_lines(messages)
        kvittering = any(m.kind == "acknowledgement" for m in messages)
        if summary.reference:
            lines.append(self._reference_line(summary))
        due = summary.acknowledgement_due
        if self.overdue(summary) and not kvittering:
            assert due is not None
            lines.append(translate("Delivery", "The municipality should have sent you a receipt by "
                                               "%1.").replace("%1", self._date(due)))
            lines.append(self.call_advice(summary.municipality))
            headline = translate("Delivery", "%1 has not sent a receipt within six working days.") \
                .replace("%1", municipality)
            return StateDetails(headline, lines, Tone.DANGER, note_acknowledgement=True)
        if _mailed(summary):
            when = summary.sent_at
            headline = translate("Delivery", "Sent to %1 by secure e-mail.").replace("%1", municipality)
            if when is not None:
                lines.insert(0, translate("Delivery", "Sent: %1.").replace("%1", self._moment(when)))
            lines.append(translate("Delivery", "Secure e-mail gives no automatic message of receipt."))
        else:
            headline = translate("Delivery", "Received by %1.").replace("%1", municipality)
            if summary.receipted_at is not None:
                lines.insert(0, translate("Delivery", "Received: %1.").replace(
                    "%1", self._moment(summary.receipted_at)))
        if str(summary.state) == "purged":
            lines.append(translate("Delivery", "The content was removed from this PC after the "
                                               "retention period; the record that the municipality "
                                               "received it is kept."))
        if said:
            # The municipality's own (verified) messages: nothing to note by hand once the kvittering came.
            lines.extend(said)
            if kvittering:
                return StateDetails(headline, lines, Tone.GOOD)
        if self.acknowledged(summary.id):
            lines.append(translate("Delivery", "You have noted that the municipality sent you a "
                                               "receipt."))
            return StateDetails(headline, lines, Tone.GOOD)
        if due is not None:
            lines.append(translate("Delivery", "The municipality must send you a receipt by %1 (six "
                                               "working days). If none comes, phone them.")
                         .replace("%1", self._date(due)))
        return StateDetails(headline, lines, Tone.GOOD, note_acknowledgement=due is not None)

    # --- alerts --------------------------------------------------------------------------------
    def alert(self, summary: NotificationSummary) -> str | None:
        """One sentence for the alert banner when the notification needs the person now, else ``None``."""
        who = summary.child_initials or "?"
        phone = self.phone()
        if str(summary.state) == "failed":
            text = translate("Delivery", "The notification about %1 was not accepted by %2: %3.").replace(
                "%1", who).replace("%2", summary.municipality or translate("Delivery", "the municipality")) \
                .replace("%3", reason_text(summary.last_error))
        elif self.overdue(summary):
            text = translate("Delivery", "No receipt from %1 for the notification about %2 "
                                         "(reference number %3).").replace(
                "%1", summary.municipality or translate("Delivery", "the municipality")).replace(
                "%2", who).replace("%3", summary.reference or "?")
        else:
            return None
        if phone:
            text += " " + translate("Delivery", "Phone %1.").replace("%1", phone)
        return text


def alert_key(summary: NotificationSummary) -> str:
    """What the person has seen when they dismiss an alert: this refusal (after the n-th attempt), or
    the late acknowledgement. A new refusal after "Send again" is a new alert."""
    if str(summary.state) == "failed":
        return f"refused.{summary.attempts}"
    return "overdue"

"""What the desk's windows use: the inbox, one notification in full, the caseworker's actions, syncing.

Qt-free and synchronous; the windows run every call on a worker thread (``run_in_background``). One
lock serialises all use of the vault, which one connection serves (``desktop.desk.core``). Syncing
with the intake is in ``desktop.desk.syncing``, enrolment in ``desktop.desk.enrolling``.

Shared status: opening, assessing, acknowledging, orienting and handing over are each claimed at
the intake first (``record_step``): the first desk to claim a step holds it, so a notification is
never handled twice; a later claim raises :class:`StepTaken` naming who did it and when. Without an
enrolled intake (a desk set up for local use) the steps are kept in the vault only. What the
caseworker writes (the assessment's note) is kept in the vault before anything goes on the wire.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Protocol

from desktop.desk.core import DeskNotSetUp, StepTaken, default_client
from desktop.desk.enrolling import Enrolling
from desktop.desk.figures import ReportFacts, YearlyReport, yearly_report
from desktop.desk.inbox_client import InboxClient, InboxUnavailable, StepAnswer
from desktop.desk.key_import import ImportedKey, import_key_file
from desktop.desk.linking import History, history
from desktop.desk.received import ReceivedNotification
from desktop.desk.store.handling import Assessment, Handling, Step
from desktop.desk.store.outgoing import OutgoingMessage
from desktop.desk.store.received import InboxRow
from desktop.desk.store.unopened import UnopenedEnvelope
from desktop.desk.store.vault import DeskVault
from desktop.desk.syncing import Syncing, SyncResult
from desktop.domain.deadlines import DANISH_TIME
from desktop.errors import UnderretError
from desktop.store.clock import utc_now
from protocol.inbox import valid_initials

log = logging.getLogger(__name__)

__all__ = ["DeskNotSetUp", "DeskService", "InboxState", "MessageSealer", "NotificationDetail",
           "SealedMessage",
           "SetupState", "StepTaken", "SyncResult", "default_client"]


@dataclass(frozen=True)
class SealedMessage:
    """A message sealed to a notifier's reply key, ready for the intake's relay."""

    message_id: str
    mailbox_id: str
    body: bytes


class MessageSealer(Protocol):
    """Signs and encrypts the messages back to a notifier (``desktop.desk.replies`` over ``protocol``)."""

    def acknowledgement(self, *, notification_id: str, reply_key: bytes, signing_key: tuple[str, bytes],
                        received_at: datetime, acknowledged_at: datetime, unit: str,
                        reference: str) -> SealedMessage: ...

    def orientation(self, *, notification_id: str, reply_key: bytes, signing_key: tuple[str, bytes],
                    decided_at: datetime, outcome: str, unit: str, reference: str) -> SealedMessage: ...


@dataclass(frozen=True)
class NotificationDetail:
    """One notification as the caseworker reads it, with what is known about the child before."""

    facts: ReceivedNotification
    handling: Handling
    history: History
    document_html: str
    file_names: tuple[str, ...]
    #: The shared steps of every linked notification (what became of each earlier one), by id.
    linked_handling: Mapping[str, Handling] = field(default_factory=dict)


@dataclass(frozen=True)
class InboxState:
    """The inbox's rows, how many are past 24 hours unassessed, and how many envelopes could not be opened."""

    rows: list[InboxRow]
    overdue: int
    unopened: int


@dataclass(frozen=True)
class SetupState:
    """What the set-up dialog shows: the keys held and the intake enrolled with ("" when none)."""

    recipient_key_ids: tuple[str, ...]
    signing_key_id: str
    intake_url: str


def _document_html(data: bytes | None, style: tuple[object, float] | None = None,
                   files: Mapping[str, bytes] | None = None) -> str:
    """The notification laid out as its printed copy, in the screen's ``style`` (colours and base size,
    ``desktop.ui.theme.document_style``; paper's when not given); the JSON itself when the layout cannot
    read it."""
    import html

    if data is None:
        return ""
    try:
        from desktop.documents.html import PAPER, PAPER_PT, Colours, render_html
        from desktop.domain.document_reading import read_document

        colours, base_pt = style if style is not None else (PAPER, PAPER_PT)
        assert isinstance(colours, Colours)
        # A v1 document is read as v2 (codes shown as labels).
        document = read_document(data)
        copy = render_html(document, colours, base_pt)
        if not document.attachments:
            return copy
        # What came with it, each checked against the checksum in notification.json; pictures shown.
        from desktop.documents.attachment_listing import received_html

        received = received_html(document.attachments, files or {}, document.language, muted=colours.muted,
                                 acute=colours.acute)
        return copy.replace("</body>", received + "</body>", 1)
    except (ValueError, UnderretError):
        try:
            pretty = json.dumps(json.loads(data), indent=2, ensure_ascii=False)
        except ValueError:
            pretty = ""
        return f"<pre>{html.escape(pretty)}</pre>"


class DeskService(Syncing, Enrolling):
    """The desk's services over one open vault (and, when enrolled, its intake)."""

    def __init__(self, vault: DeskVault, *, clock: Callable[[], datetime] = utc_now,
                 client_factory: Callable[[DeskVault], InboxClient | None] | None = None,
                 sealer: MessageSealer | None = None) -> None:
        super().__init__(vault, clock=clock, client_factory=client_factory)
        self._sealer = sealer

    @property
    def initials(self) -> str:
        with self._locked() as vault:
            return vault.settings.get("initials")

    @property
    def unit(self) -> str:
        with self._locked() as vault:
            return vault.settings.get("unit")

    def set_caseworker(self, initials: str, unit: str) -> None:
        """Who works at this desk (initials travel to the intake's shared status) and the unit's name."""
        if not valid_initials(initials):
            raise DeskNotSetUp("initials are 1-6 letters", message_id="desk.initials_invalid")
        with self._locked() as vault:
            vault.settings.set("initials", initials.upper())
            vault.settings.set("unit", unit.strip())

    def setup_state(self) -> SetupState:
        with self._locked() as vault:
            signing = vault.keys.signing_key()
            enrolled = bool(vault.settings.get("desk_credential"))
            return SetupState(tuple(vault.keys.recipient_key_ids()), signing[0] if signing else "",
                              vault.settings.get("intake_url") if enrolled else "")

    def is_enrolled(self) -> bool:
        with self._locked() as vault:
            return bool(vault.settings.get("desk_credential"))

    # --- reading -------------------------------------------------------------------------------
    def inbox(self) -> list[InboxRow]:
        with self._locked() as vault:
            return vault.received.list_inbox()

    def inbox_state(self) -> InboxState:
        """What the inbox window shows: every row (most urgent first) and the two counts above them."""
        from desktop.store.clock import to_text

        with self._locked() as vault:
            rows = vault.received.list_inbox()
            unopened = vault.unopened.count()
        now = to_text(self.now())
        overdue = sum(1 for row in rows if row.assessed_at is None and row.assessment_due <= now)
        return InboxState(rows, overdue, unopened)

    def daily_summary_due(self) -> bool:
        """True once a day (Danish date), the first time it is asked: the summary is then shown."""
        today = self.now().astimezone(DANISH_TIME).date().isoformat()
        with self._locked() as vault:
            if vault.settings.get("summary_shown_on") == today:
                return False
            vault.settings.set("summary_shown_on", today)
        return True

    def overdue_assessments(self) -> list[InboxRow]:
        """The daily summary: every notification past 24 hours without an assessment, oldest first."""
        with self._locked() as vault:
            late = set(vault.handling.overdue_assessments(self.now()))
            rows = [row for row in vault.received.list_inbox() if row.notification_id in late]
        return sorted(rows, key=lambda row: row.received_at)

    def unopened(self) -> list[UnopenedEnvelope]:
        with self._locked() as vault:
            return vault.unopened.all()

    def detail(self, notification_id: str, style: tuple[object, float] | None = None) -> NotificationDetail:
        """The notification with its history; its copy laid out in ``style`` (the screen's colours: a dark
        desktop must not get paper's light panels under its light text)."""
        with self._locked() as vault:
            facts = vault.received.get(notification_id)
            related = vault.received.related_to(facts)
            files = vault.received.files(notification_id)
            handling = vault.handling.get(notification_id)
            linked = {other.notification_id: vault.handling.get(other.notification_id) for other in related}
        return NotificationDetail(facts, handling, history(facts, related),
                                  _document_html(files.get("notification.json"), style, files),
                                  tuple(sorted(files)), linked)

    def file(self, notification_id: str, name: str) -> bytes | None:
        with self._locked() as vault:
            return vault.received.file(notification_id, name)

    # --- shared steps --------------------------------------------------------------------------
    def _claim(self, notification_id: str, step: Step) -> None:
        """Claim ``step`` at the intake (StepTaken when another desk holds it) and mirror the result."""
        initials = self.initials
        if not initials:
            raise DeskNotSetUp("no initials set for this desk", message_id="desk.no_initials")
        client = self._intake()
        if client is None:
            with self._locked() as vault:
                vault.handling.mirror(notification_id, step, self.now(), initials)
            return
        answer: StepAnswer = client.record_step(notification_id, step.value, initials)
        with self._locked() as vault:
            vault.handling.mirror(notification_id, step, answer.record.at, answer.record.initials)
        if not answer.recorded:
            raise StepTaken("another desk did this step first", initials=answer.record.initials,
                            at=answer.record.at.isoformat(), step=step.value)

    def open(self, notification_id: str) -> None:
        """Tell the other desks that this caseworker has opened the notification (first opener stays)."""
        with contextlib.suppress(StepTaken):  # somebody opened it before: reading it too is fine
            self._claim(notification_id, Step.OPENED)

    def assess(self, notification_id: str, assessment: Assessment, note: str) -> None:
        """The 24-hour assessment: the note is kept in the vault, then the step is claimed."""
        with self._locked() as vault:
            vault.handling.record_assessment(notification_id, assessment, note.strip())
        self._claim(notification_id, Step.ASSESSED)

    # --- messages back to the notifier -------------------------------------------------------------
    def _message_inputs(self, notification_id: str) -> tuple[ReceivedNotification, bytes,
                                                             tuple[str, bytes], str]:
        if self._sealer is None:
            raise DeskNotSetUp("messages cannot be sealed in this build", message_id="desk.no_message_format")
        with self._locked() as vault:
            facts = vault.received.get(notification_id)
            reply_key = vault.received.reply_key(notification_id)
            signing_key = vault.keys.signing_key()
            unit = vault.settings.get("unit")
        if reply_key is None:
            raise DeskNotSetUp("the envelope carried no reply key", message_id="desk.no_reply_key")
        if signing_key is None:
            raise DeskNotSetUp("no message-signing key imported", message_id="desk.no_signing_key")
        if not unit:
            raise DeskNotSetUp("no unit name set", message_id="desk.no_unit")
        return facts, reply_key, signing_key, unit

    def _send(self, notification_id: str, step: Step, kind: str, sealed: SealedMessage) -> None:
        """Keep the sealed message, claim the step (one desk sends it), then hand it to the intake.

        Kept first: claimed first, a vault that could not be written (disk full, the PC off between the
        two) left every desk saying "sent" about a message that exists nowhere. A refused claim discards
        it; one that failed on the way leaves it waiting, relayed only once the step is this desk's
        (:meth:`Syncing.relay_waiting`), replaced when the caseworker sends again.
        """
        with self._locked() as vault:
            vault.outgoing.add(OutgoingMessage(sealed.message_id, notification_id, sealed.mailbox_id, kind,
                                               sealed.body))
        try:
            self._claim(notification_id, step)
        except StepTaken:
            with self._locked() as vault:
                vault.outgoing.discard(sealed.message_id)
            raise
        with self._locked() as vault:
            vault.outgoing.mark_claimed(sealed.message_id)
        try:
            self.relay_waiting()
        except InboxUnavailable:
            log.info("desk: message %s waits for the intake", sealed.message_id)

    def acknowledge(self, notification_id: str) -> None:
        """"Send kvittering": signed by the municipality, encrypted to the notifier's reply key, relayed."""
        facts, reply_key, signing_key, unit = self._message_inputs(notification_id)
        assert self._sealer is not None
        sealed = self._sealer.acknowledgement(notification_id=notification_id, reply_key=reply_key,
                                              signing_key=signing_key, received_at=facts.received_at,
                                              acknowledged_at=self.now(), unit=unit,
                                              reference=facts.reference)
        self._send(notification_id, Step.ACKNOWLEDGED, "acknowledgement", sealed)

    def orient(self, notification_id: str, outcome: str) -> None:
        """The § 137 orientation: whether the notification led to an investigation, support or nothing.

        Only after the kvittering: the notifier's app stops reading its mailbox once the orientation has
        come, so a kvittering sent after it would never be read (and the app would say it is late).
        """
        with self._locked() as vault:
            acknowledged = vault.handling.get(notification_id).done(Step.ACKNOWLEDGED)
        if acknowledged is None:
            raise DeskNotSetUp("the kvittering has not been sent", message_id="desk.acknowledge_first")
        facts, reply_key, signing_key, unit = self._message_inputs(notification_id)
        assert self._sealer is not None
        sealed = self._sealer.orientation(notification_id=notification_id, reply_key=reply_key,
                                          signing_key=signing_key, decided_at=self.now(), outcome=outcome,
                                          unit=unit, reference=facts.reference)
        with self._locked() as vault:
            vault.handling.record_orientation(notification_id, outcome)
        self._send(notification_id, Step.ORIENTED, "orientation", sealed)

    # --- keys and enrolment ----------------------------------------------------------------------
    def import_key(self, path: Path) -> ImportedKey:
        """Import one key file; envelopes that waited for a key are opened."""
        with self._locked() as vault:
            imported = import_key_file(vault, path)
        if imported.kind == "recipient" and self.unopened():
            self.retry_unopened()
        return imported

    # --- hand-over -----------------------------------------------------------------------------
    def hand_over(self, notification_id: str, folder: Path) -> list[Path]:
        """Export the notification for the case system into ``folder`` and mark it handed over.

        The export is the intake's (``protocol.export``): JSON Lines and CSV with codes and Danish
        labels, the PDF and attachments beside them, into a new or empty folder, owner-only.
        """
        from protocol.export import write_export

        with self._locked() as vault:
            files = vault.received.files(notification_id)
        written = write_export(folder, [files])
        with self._locked() as vault:
            vault.audit.record("desk.handed_over", notification_id, "")
        self._claim(notification_id, Step.HANDED_OVER)
        return written

    # --- the yearly report ---------------------------------------------------------------------
    def report(self, start: date, end: date) -> tuple[YearlyReport, dict[str, str]]:
        """The figures for ``start``..``end`` (Danish dates) and the category labels seen."""
        low = datetime.combine(start, time(0), tzinfo=DANISH_TIME)
        high = datetime.combine(end + timedelta(days=1), time(0), tzinfo=DANISH_TIME)
        facts: list[ReportFacts] = []
        labels: dict[str, str] = {}
        with self._locked() as vault:
            for item in vault.received.all_facts(low, high):
                handling = vault.handling.get(item.notification_id)
                shown = history(item, vault.received.related_to(item))
                assessed = handling.done(Step.ASSESSED)
                acknowledged = handling.done(Step.ACKNOWLEDGED)
                facts.append(ReportFacts(item.received_at, item.acute, item.profession, item.age_band,
                                         item.grounds, item.categories, assessed.at if assessed else None,
                                         acknowledged.at if acknowledged else None,
                                         repeat=shown.ordinal_in_window > 1))
                for code, text in zip(item.categories, item.category_labels, strict=False):
                    if text:
                        labels.setdefault(code, text)
        return yearly_report(facts, start, end), labels



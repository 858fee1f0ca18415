"""Messages to notifiers (acknowledgements, § 137 orientations) waiting to be relayed by the intake.

A message is sealed and kept here first, before its step is claimed at the intake (a message that
could not be kept is never claimed, so no desk shows "kvittering sent" for a message that exists
nowhere); it is relayed once the step is this desk's, and sent again until the intake has it (the
message id makes a resend harmless). A claim refused (another desk sent one) discards it.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, to_text


class OutgoingMessage(NamedTuple):
    """A sealed message and the notification it answers."""

    message_id: str
    notification_id: str
    mailbox_id: str
    kind: str
    body: bytes
    #: The step it stands for is this desk's at the intake (only then is it relayed).
    claimed: bool = False


class OutgoingRepository:
    """The queue of sealed messages in one desk vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    def add(self, message: OutgoingMessage) -> None:
        """Keep a sealed message; an earlier one of the same kind for the notification that never went
        (its claim failed) is replaced, so a second press sends one message, not two."""
        with self._db.transaction() as connection:
            connection.execute("DELETE FROM outgoing_message WHERE notification_id = ? AND kind = ?"
                               " AND relayed_at IS NULL", (message.notification_id, message.kind))
            connection.execute(
                "INSERT INTO outgoing_message (message_id, notification_id, mailbox_id, kind, body,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (message.message_id, message.notification_id, message.mailbox_id, message.kind, message.body,
                 to_text(self._db.now())))
            self._audit.record(f"desk.{message.kind}_sealed", message.notification_id, message.message_id)

    def waiting(self) -> list[OutgoingMessage]:
        """Messages the intake has not confirmed yet, oldest first."""
        rows = self._db.query("SELECT message_id, notification_id, mailbox_id, kind, body, claimed_at"
                              " FROM outgoing_message WHERE relayed_at IS NULL ORDER BY created_at")
        return [OutgoingMessage(str(a), str(b), str(c), str(d), bytes(e), f is not None)
                for a, b, c, d, e, f in rows]

    def mark_claimed(self, message_id: str) -> None:
        """Its step is this desk's at the intake: the message may go."""
        with self._db.transaction() as connection:
            connection.execute("UPDATE outgoing_message SET claimed_at = ? WHERE message_id = ?"
                               " AND claimed_at IS NULL", (to_text(self._db.now()), message_id))

    def discard(self, message_id: str) -> None:
        """Drop a message not relayed yet (its step was claimed by another desk)."""
        with self._db.transaction() as connection:
            cursor = connection.execute("DELETE FROM outgoing_message WHERE message_id = ?"
                                        " AND relayed_at IS NULL", (message_id,))
            if cursor.rowcount:
                self._audit.record("desk.message_discarded", None, message_id)

    def mark_relayed(self, message_id: str) -> None:
        with self._db.transaction() as connection:
            connection.execute("UPDATE outgoing_message SET relayed_at = ? WHERE message_id = ?",
                               (to_text(self._db.now()), message_id))

    def sent_kinds(self, notification_id: str) -> set[str]:
        """Which kinds of message were sealed for a notification."""
        rows = self._db.query("SELECT DISTINCT kind FROM outgoing_message WHERE notification_id = ?",
                              (notification_id,))
        return {str(r[0]) for r in rows}

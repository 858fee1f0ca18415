"""Reply keys in the vault: the seed of each finalised notification's reply key.

Finalising makes one reply key per notification (``protocol.replies.ReplyKey``)
and seals its public half into the envelope; the 32-byte seed is written here
in the same transaction as the envelope (``NotificationRepository.finalise``),
so an envelope in the outbox always has the key that reads the answers to it.
The seed is a key, not content: it is never logged, and a content purge keeps
it (the § 137 orientation may come weeks later).

The municipality's messages back (``desktop.outbox.replies`` fetches and verifies
them) are kept here too, with how far each notification's mailbox has been read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.store.connection import VaultConnection, to_text

#: How long after finalising a notification's mailbox is still asked for messages (the § 137
#: orientation may come months later; after this, nothing more is expected).
MAILBOX_WATCH_DAYS = 365


@dataclass(frozen=True)
class ReplyMessage:
    """A verified message from the municipality about one notification (what the app shows)."""

    message_id: str
    notification_id: str
    kind: str  # "acknowledgement" | "orientation"
    sent_at: datetime
    at: datetime  # when it acknowledged, or when it decided
    unit: str
    reference: str
    outcome: str | None  # an orientation's "investigation" | "support" | "no_action"


class ReplyKeyRepository:
    """The reply key seeds of one vault's finalised notifications."""

    def __init__(self, connection: VaultConnection) -> None:
        self._db = connection

    def seed(self, notification_id: str) -> bytes | None:
        """The reply key seed of ``notification_id``; None for a draft or one finalised before format 2."""
        row = self._db.query_one("SELECT seed FROM reply_key WHERE notification_id = ?", (notification_id,))
        return None if row is None else bytes(row[0])

    def awaiting(self, since: datetime) -> list[tuple[str, bytes, int]]:
        """``(notification id, seed, mailbox cursor)`` of every notification delivered to the municipality
        whose § 137 orientation has not come yet, made after ``since`` (older ones are no longer asked)."""
        rows = self._db.query(
            "SELECT k.notification_id, k.seed, k.mailbox_cursor FROM reply_key k"
            " JOIN notification n ON n.id = k.notification_id"
            " WHERE (n.receipted_at IS NOT NULL OR n.sent_at IS NOT NULL) AND k.created_at >= ?"
            " AND NOT EXISTS (SELECT 1 FROM reply_message m WHERE m.notification_id = k.notification_id"
            " AND m.kind = 'orientation') ORDER BY k.created_at", (to_text(since),))
        return [(str(n), bytes(s), int(c)) for n, s, c in rows]

    def set_cursor(self, notification_id: str, cursor: int) -> None:
        """How far the notification's mailbox has been read (only moves forward)."""
        with self._db.transaction() as connection:
            connection.execute("UPDATE reply_key SET mailbox_cursor = ? WHERE notification_id = ?"
                               " AND mailbox_cursor < ?", (cursor, notification_id, cursor))

    def has_message(self, message_id: str) -> bool:
        return self._db.query_one("SELECT 1 FROM reply_message WHERE message_id = ?", (message_id,
                                                                                       )) is not None

    def record_message(self, message: ReplyMessage, *, audit_event: str | None = None) -> bool:
        """Keep a verified message (once per message id); ``audit_event`` is written in the same
        transaction (an acknowledgement stops the overdue reminder). False when it was already kept."""
        with self._db.transaction() as connection:
            if connection.execute("SELECT 1 FROM reply_message WHERE message_id = ?",
                                  (message.message_id,)).fetchone():
                return False
            now = to_text(self._db.now())
            connection.execute(
                "INSERT INTO reply_message (message_id, notification_id, kind, sent_at, at, unit, reference,"
                " outcome, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (message.message_id, message.notification_id, message.kind, to_text(message.sent_at),
                 to_text(message.at), message.unit, message.reference, message.outcome, now))
            if audit_event is not None:
                connection.execute("INSERT INTO audit (at, event, notification_id, detail) VALUES (?, ?, ?,"
                                   " ?)",
                                   (now, audit_event, message.notification_id, message.message_id))
        return True

    def messages(self, notification_id: str) -> list[ReplyMessage]:
        """The municipality's verified messages about one notification, oldest first."""
        rows = self._db.query(
            "SELECT message_id, notification_id, kind, sent_at, at, unit, reference, outcome"
            " FROM reply_message WHERE notification_id = ? ORDER BY at, rowid", (notification_id,))
        return [ReplyMessage(str(m), str(n), str(k), datetime.fromisoformat(s), datetime.fromisoformat(a),
                             str(u), str(r), None if o is None else str(o))
                for m, n, k, s, a, u, r, o in rows]

    def acknowledged_ids(self) -> set[str]:
        """The notifications the municipality has sent a kvittering for (the list shows them as such)."""
        rows = self._db.query("SELECT DISTINCT notification_id FROM reply_message"
                              " WHERE kind = 'acknowledgement'")
        return {str(n) for (n,) in rows}

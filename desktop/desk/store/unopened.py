"""Envelopes the desk fetched but could not open (no fitting key yet, damaged, a receipt that does not
verify), kept so that none is silently lost: the inbox names them, and they are tried again after
a key import.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, to_text


class UnopenedEnvelope(NamedTuple):
    """An envelope as fetched, and why it could not be opened (a message id)."""

    seq: int
    notification_id: str
    envelope: bytes
    receipt_json: bytes
    receipt_signature: bytes
    reason: str


class UnopenedRepository:
    """The unopened envelopes of one desk vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    def keep(self, item: UnopenedEnvelope) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO unopened (seq, notification_id, envelope, receipt_json, receipt_signature,"
                " reason, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(seq) DO UPDATE SET reason = excluded.reason",
                (item.seq, item.notification_id, item.envelope, item.receipt_json, item.receipt_signature,
                 item.reason, to_text(self._db.now())))
            self._audit.record("desk.unopened", item.notification_id, item.reason)

    def all(self) -> list[UnopenedEnvelope]:
        rows = self._db.query("SELECT seq, notification_id, envelope, receipt_json, receipt_signature,"
                              " reason FROM unopened ORDER BY seq")
        return [UnopenedEnvelope(int(a), str(b), bytes(c), bytes(d), bytes(e), str(f))
                for a, b, c, d, e, f in rows]

    def count(self) -> int:
        return int(self._db.query_one("SELECT COUNT(*) FROM unopened")[0])

    def forget(self, seq: int) -> None:
        """The envelope was opened after all (it is now a received notification)."""
        with self._db.transaction() as connection:
            connection.execute("DELETE FROM unopened WHERE seq = ?", (seq,))

    def highest_seq(self) -> int:
        return int(self._db.query_one("SELECT COALESCE(MAX(seq), 0) FROM unopened")[0])

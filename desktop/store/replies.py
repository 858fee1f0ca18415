"""Reply keys in the vault: the seed of each finalised notification's reply key.

Finalising makes one reply key per notification (``protocol.replies.ReplyKey``)
and seals its public half into the envelope; the 32-byte seed is written here
in the same transaction as the envelope (``NotificationRepository.finalise``),
so an envelope in the outbox always has the key that reads the answers to it.
The seed is a key, not content: it is never logged, and a content purge keeps
it (the § 137 orientation may come weeks later).
"""

from __future__ import annotations

from desktop.store.connection import VaultConnection


class ReplyKeyRepository:
    """The reply key seeds of one vault's finalised notifications."""

    def __init__(self, connection: VaultConnection) -> None:
        self._db = connection

    def seed(self, notification_id: str) -> bytes | None:
        """The reply key seed of ``notification_id``; None for a draft or one finalised before format 2."""
        row = self._db.query_one("SELECT seed FROM reply_key WHERE notification_id = ?", (notification_id,))
        return None if row is None else bytes(row[0])

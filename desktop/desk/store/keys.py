"""The municipality's private keys in the desk's vault: recipient keys (several ids while rotating)
and the key that signs messages back to notifiers.

Imported once from the key files municipal IT keeps (``underret-intake keygen``); afterwards
they exist only inside this encrypted vault.
"""

from __future__ import annotations

from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, to_text


class KeyRepository:
    """The private keys kept in one desk vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    def add_recipient(self, key_id: str, private_key: bytes, public_key: bytes) -> bool:
        """Keep a recipient private key; False when that key id is already here with the same key.

        Raises ValueError when the id is taken by a different key (a key id names one key for good).
        """
        with self._db.transaction() as connection:
            row = connection.execute("SELECT private_key FROM recipient_key WHERE key_id = ?",
                                     (key_id,)).fetchone()
            if row is not None:
                if bytes(row[0]) != private_key:
                    raise ValueError("this key id already names another key")
                return False
            connection.execute(
                "INSERT INTO recipient_key (key_id, private_key, public_key, imported_at)"
                " VALUES (?, ?, ?, ?)",
                (key_id, private_key, public_key, to_text(self._db.now())))
            self._audit.record("desk.key_imported", None, key_id)
        return True

    def recipient_private_keys(self) -> dict[str, bytes]:
        """Every recipient private key, by key id."""
        return {str(k): bytes(v) for k, v in self._db.query("SELECT key_id, private_key FROM recipient_key")}

    def recipient_key_ids(self) -> list[str]:
        """The ids of the recipient keys kept, in order of import."""
        rows = self._db.query("SELECT key_id FROM recipient_key ORDER BY imported_at, key_id")
        return [str(r[0]) for r in rows]

    def set_signing_key(self, key_id: str, seed: bytes, public_key: bytes) -> bool:
        """Keep the message-signing key (the newest one signs); False when it is already here."""
        with self._db.transaction() as connection:
            row = connection.execute("SELECT seed FROM signing_key WHERE key_id = ?", (key_id,)).fetchone()
            if row is not None:
                if bytes(row[0]) != seed:
                    raise ValueError("this key id already names another key")
                return False
            connection.execute(
                "INSERT INTO signing_key (key_id, seed, public_key, imported_at) VALUES (?, ?, ?, ?)",
                (key_id, seed, public_key, to_text(self._db.now())))
            self._audit.record("desk.signing_key_imported", None, key_id)
        return True

    def signing_key(self) -> tuple[str, bytes] | None:
        """(key id, seed) of the newest message-signing key, or None."""
        row = self._db.query_one(
            "SELECT key_id, seed FROM signing_key ORDER BY imported_at DESC, key_id LIMIT 1")
        return None if row is None else (str(row[0]), bytes(row[1]))

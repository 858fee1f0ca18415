"""The desk's own settings in its vault: the intake it reads, its credential, the caseworker's initials.

Kept inside the encrypted vault because the desk credential opens the municipality's inbox.
"""

from __future__ import annotations

from desktop.store.connection import VaultConnection


class DeskSettings:
    """Named text values in one desk vault."""

    #: Names in use (the only ones accepted).
    NAMES = frozenset({
        "intake_url", "intake_ca_pem", "desk_id", "desk_credential", "receipt_public_key", "initials", "unit",
        "status_cursor", "summary_shown_on",
    })

    def __init__(self, connection: VaultConnection) -> None:
        self._db = connection

    def get(self, name: str, default: str = "") -> str:
        if name not in self.NAMES:
            raise KeyError(name)
        row = self._db.query_one("SELECT value FROM desk_setting WHERE name = ?", (name,))
        return default if row is None else str(row[0])

    def set(self, name: str, value: str) -> None:
        if name not in self.NAMES:
            raise KeyError(name)
        with self._db.transaction() as connection:
            connection.execute("INSERT INTO desk_setting (name, value) VALUES (?, ?)"
                               " ON CONFLICT(name) DO UPDATE SET value = excluded.value", (name, value))

"""The desk's vault: a :class:`desktop.store.vault.Vault` with the desk's schema and repositories.

Opening, key checks, migrations, WAL and ``secure_delete`` settings, locking and the passphrase or
keyring protection of its key are the app's own code; only the tables differ.
"""

from __future__ import annotations

from typing import ClassVar

from desktop.desk.store import migrations as desk_migrations
from desktop.desk.store.handling import HandlingRepository
from desktop.desk.store.keys import KeyRepository
from desktop.desk.store.outgoing import OutgoingRepository
from desktop.desk.store.received import ReceivedRepository
from desktop.desk.store.settings import DeskSettings
from desktop.desk.store.unopened import UnopenedRepository
from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection
from desktop.store.vault import Schema, Vault


class DeskVault(Vault):
    """One desk's encrypted vault: received notifications, their handling, keys and settings."""

    schema: ClassVar[Schema] = desk_migrations

    def _attach(self, connection: VaultConnection) -> None:
        self.audit = AuditLog(connection)
        self.received = ReceivedRepository(connection, self.audit)
        self.handling = HandlingRepository(connection, self.audit)
        self.keys = KeyRepository(connection, self.audit)
        self.settings = DeskSettings(connection)
        self.outgoing = OutgoingRepository(connection, self.audit)
        self.unopened = UnopenedRepository(connection, self.audit)

    def raw_connection(self) -> object:
        """The sqlcipher3 connection (benchmarks compare the inbox with a raw query of the same rows)."""
        return self._connection.raw

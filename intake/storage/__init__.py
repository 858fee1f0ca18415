"""The intake's store: :class:`IntakeStore` over SQLite (default) or PostgreSQL, chosen by ``--db``.

``open_store("/srv/intake/intake.sqlite")`` is an SQLite file; ``open_store("postgresql://...")``
a PostgreSQL database. ``EnvelopeStore`` is the SQLite store under its earlier name.
"""

from __future__ import annotations

from pathlib import Path

from intake.storage.base import (
    EnrolmentToken,
    EnvelopeSummary,
    IntakeDatabaseUnavailable,
    IntakeStore,
    Sender,
    StoreBusy,
    StoredEnvelope,
    StoreUnavailable,
    Tx,
)
from intake.storage.postgres import is_postgres_target
from intake.storage.sqlite import SqliteStore

EnvelopeStore = SqliteStore

__all__ = [
    "EnrolmentToken",
    "EnvelopeStore",
    "EnvelopeSummary",
    "IntakeDatabaseUnavailable",
    "IntakeStore",
    "Sender",
    "SqliteStore",
    "StoreBusy",
    "StoreUnavailable",
    "StoredEnvelope",
    "Tx",
    "is_postgres_target",
    "open_store",
]


def open_store(target: str | Path, *, read_only: bool = False) -> IntakeStore:
    """The store ``--db`` names: a PostgreSQL connection string, or the path of an SQLite file.

    ``read_only``: for the commands that only read (``list``, ``decrypt``): nothing is created or
    migrated, and a missing or foreign database is refused by name.
    """
    text = str(target)
    if is_postgres_target(text):
        from intake.storage.postgres import PostgresStore

        return PostgresStore(text, read_only=read_only)
    path = Path(target)
    return SqliteStore.open_read_only(path) if read_only else SqliteStore(path)

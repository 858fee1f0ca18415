"""Numbered schema migrations of the intake's database, the same steps on SQLite and PostgreSQL.

``schema_version`` holds one row per applied migration. :func:`migrate` applies what is missing, in
order, each in its own transaction, and refuses a database made by a newer intake. An SQLite
database from before versioning (an ``envelopes`` table and no ``schema_version``) is at version 1.

To add tables (the desks' inbox, say): append a :class:`Migration` with the next number; write its
SQL for both databases (``BLOB`` vs ``BYTEA``, ``INTEGER`` vs ``BIGINT``); never change a step
that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from intake.storage.base import IntakeDatabaseUnavailable, Tx, to_text


@dataclass(frozen=True)
class Migration:
    """One step: SQL statements (``;``-separated) per database, then an optional Python step."""

    version: int
    name: str
    sqlite: str
    postgresql: str
    then: Callable[[Tx], None] | None = None


def _backfill_headers(tx: Tx) -> None:
    """Fill ``key_ids`` and ``sender_key`` of envelopes received before migration 2, one at a time."""
    from protocol.envelope import EnvelopeError, inspect

    rows = tx.execute("SELECT seq FROM envelopes WHERE sender_key IS NULL").fetchall()
    seqs = [int(row[0]) for row in rows]
    for seq in seqs:
        envelope = bytes(tx.execute("SELECT envelope FROM envelopes WHERE seq = ?", (seq,)).fetchone()[0])
        try:
            header = inspect(envelope)
        except EnvelopeError:  # checked on arrival; a copy damaged since keeps its row, shown as such
            key_ids, sender = "(damaged)", b""
        else:
            key_ids, sender = ",".join(header.key_ids), header.sender_public_key
        tx.execute("UPDATE envelopes SET key_ids = ?, sender_key = ? WHERE seq = ?", (key_ids, sender, seq))


# The desks' tables (issue 18, ``intake.desks``), written once for both databases. Nothing here is
# content: status rows are ids, steps, times and initials; relayed messages are sealed to a reply key
# and kept by mailbox id only (the intake never learns which notification a mailbox belongs to).
_DESKS_SQL = """
    CREATE TABLE desk_tokens (
        id INTEGER PRIMARY KEY,
        token_sha256 TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        used_at TEXT,
        revoked_at TEXT
    );
    CREATE TABLE desks (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        credential_sha256 TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        via TEXT NOT NULL,
        token_id INTEGER REFERENCES desk_tokens (id),
        certificate_sha256 TEXT,
        fetched_seq INTEGER NOT NULL DEFAULT 0,
        revoked_at TEXT
    );
    CREATE TABLE desk_status (
        cursor INTEGER PRIMARY KEY,
        notification_id TEXT NOT NULL,
        step TEXT NOT NULL,
        at TEXT NOT NULL,
        initials TEXT NOT NULL,
        desk_id TEXT NOT NULL REFERENCES desks (id),
        UNIQUE (notification_id, step)
    );
    CREATE TABLE relay_messages (
        cursor INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        mailbox_id TEXT NOT NULL,
        body BYTES NOT NULL,
        body_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        desk_id TEXT NOT NULL REFERENCES desks (id)
    );
    CREATE INDEX relay_messages_by_mailbox ON relay_messages (mailbox_id, cursor)
"""

# Which desk has fetched which envelope (issue 18). With numbers from a PostgreSQL sequence a lower
# number can commit after a higher one, so "every desk got up to N" is no proof; each fetch is kept.
_DESK_FETCHED_SQL = """
    CREATE TABLE desk_fetched (
        desk_id TEXT NOT NULL REFERENCES desks (id),
        seq INTEGER NOT NULL,
        PRIMARY KEY (desk_id, seq)
    )
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "envelopes as received, with their receipts",
        sqlite="""
            CREATE TABLE IF NOT EXISTS envelopes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                notification_id TEXT NOT NULL,
                envelope BLOB NOT NULL,
                envelope_sha256 TEXT NOT NULL,
                form_version TEXT NOT NULL,
                sender_fingerprint TEXT NOT NULL,
                received_at TEXT NOT NULL,
                reference TEXT NOT NULL UNIQUE,
                receipt_json BLOB NOT NULL,
                receipt_signature BLOB NOT NULL
            )""",
        postgresql="""
            CREATE TABLE IF NOT EXISTS envelopes (
                seq BIGINT PRIMARY KEY,
                idempotency_key TEXT NOT NULL UNIQUE,
                notification_id TEXT NOT NULL,
                envelope BYTEA NOT NULL,
                envelope_sha256 TEXT NOT NULL,
                form_version TEXT NOT NULL,
                sender_fingerprint TEXT NOT NULL,
                received_at TEXT NOT NULL,
                reference TEXT NOT NULL UNIQUE,
                receipt_json BYTEA NOT NULL,
                receipt_signature BYTEA NOT NULL
            )""",
    ),
    Migration(
        2,
        "sender enrolment, sizes and key ids for list, retention after the desks fetched",
        sqlite="""
            ALTER TABLE envelopes ADD COLUMN size INTEGER;
            ALTER TABLE envelopes ADD COLUMN key_ids TEXT;
            ALTER TABLE envelopes ADD COLUMN sender_key BLOB;
            ALTER TABLE envelopes ADD COLUMN fetched_by_all_at TEXT;
            UPDATE envelopes SET size = length(envelope);
            CREATE INDEX envelopes_by_sender ON envelopes (sender_key, received_at);
            CREATE INDEX envelopes_by_notification ON envelopes (notification_id);
            CREATE INDEX envelopes_fetched ON envelopes (fetched_by_all_at);
            CREATE TABLE enrolment_tokens (
                id INTEGER PRIMARY KEY,
                token_sha256 TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE TABLE senders (
                public_key BLOB PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                enrolled_at TEXT NOT NULL,
                token_id INTEGER REFERENCES enrolment_tokens (id),
                revoked_at TEXT
            )""",
        postgresql="""
            ALTER TABLE envelopes ADD COLUMN size BIGINT;
            ALTER TABLE envelopes ADD COLUMN key_ids TEXT;
            ALTER TABLE envelopes ADD COLUMN sender_key BYTEA;
            ALTER TABLE envelopes ADD COLUMN fetched_by_all_at TEXT;
            UPDATE envelopes SET size = octet_length(envelope);
            CREATE INDEX envelopes_by_sender ON envelopes (sender_key, received_at);
            CREATE INDEX envelopes_by_notification ON envelopes (notification_id);
            CREATE INDEX envelopes_fetched ON envelopes (fetched_by_all_at);
            CREATE TABLE enrolment_tokens (
                id BIGINT PRIMARY KEY,
                token_sha256 TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE TABLE senders (
                public_key BYTEA PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                enrolled_at TEXT NOT NULL,
                token_id BIGINT REFERENCES enrolment_tokens (id),
                revoked_at TEXT
            )""",
        then=_backfill_headers,
    ),
    Migration(
        3,
        "the desks' inbox: desk enrolment, shared content-free status, messages relayed to notifiers",
        sqlite=_DESKS_SQL.replace("BYTES", "BLOB"),
        postgresql=_DESKS_SQL.replace("INTEGER", "BIGINT").replace("BYTES", "BYTEA"),
    ),
    Migration(
        4,
        "PostgreSQL: envelope numbers from a sequence (no lock between writers), envelopes not compressed",
        sqlite="",  # SQLite numbers under its one write lock and never compresses
        postgresql="""
            CREATE SEQUENCE IF NOT EXISTS envelope_seq;
            SELECT setval('envelope_seq', COALESCE((SELECT MAX(seq) FROM envelopes), 0) + 1, false);
            ALTER TABLE envelopes ALTER COLUMN envelope SET STORAGE EXTERNAL""",
    ),
    Migration(
        5,
        "which desk fetched which envelope (PostgreSQL numbers may commit out of order: no range is trusted)",
        sqlite=_DESK_FETCHED_SQL,
        postgresql=_DESK_FETCHED_SQL.replace("INTEGER", "BIGINT"),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def statements(sql: str) -> list[str]:
    """The statements of a migration's SQL (no ``;`` inside literals in these scripts)."""
    return [part.strip() for part in sql.split(";") if part.strip()]


def check_not_newer(version: int, where: str) -> None:
    """Refuse a database a newer intake has migrated (this one would misread it)."""
    if version > LATEST_VERSION:
        raise IntakeDatabaseUnavailable(
            f"the intake database {where} is at schema version {version}, newer than this underret-intake "
            f"knows ({LATEST_VERSION}); update underret-intake. Nothing was changed",
            message_id="intake.database_too_new",
            file=where,
        )


def apply(tx: Tx, migration: Migration, dialect: str) -> None:
    """Run one migration's statements and Python step and record it (inside the caller's transaction)."""
    for statement in statements(migration.sqlite if dialect == "sqlite" else migration.postgresql):
        tx.execute(statement)
    if migration.then is not None:
        migration.then(tx)
    tx.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?,?,?)",
               (migration.version, migration.name, to_text(datetime.now(UTC))))


SCHEMA_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)"
)

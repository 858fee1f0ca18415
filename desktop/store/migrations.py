"""Numbered schema migrations of the vault.

``MIGRATIONS[i]`` brings a vault from schema version ``i`` to ``i + 1``. Each
runs in its own transaction together with the ``PRAGMA user_version`` bump,
so a vault is always at exactly one version. Never edit a released
migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class _Connection(Protocol):
    def execute(self, sql: str, parameters: Sequence[object] = ..., /) -> object: ...


# v1: drafts, the user's profile, the audit log and small app state.
_V1 = (
    """CREATE TABLE notification (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        child_initials TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE notification_content (
        notification_id TEXT PRIMARY KEY REFERENCES notification(id) ON DELETE CASCADE,
        page TEXT NOT NULL,
        answers_json TEXT NOT NULL
    )""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        notification_id TEXT,
        detail TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE user_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        workplace TEXT NOT NULL DEFAULT '',
        work_address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE app_state (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL
    )""",
)

# v2: finalised notifications, the outbox, receipts and retention.
_V2 = (
    "ALTER TABLE notification ADD COLUMN finalised_at TEXT",
    "ALTER TABLE notification ADD COLUMN sent_at TEXT",
    "ALTER TABLE notification ADD COLUMN receipted_at TEXT",
    "ALTER TABLE notification ADD COLUMN reference TEXT",
    "ALTER TABLE notification ADD COLUMN last_error TEXT",
    "ALTER TABLE notification ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE notification ADD COLUMN municipality TEXT",
    "ALTER TABLE notification ADD COLUMN acute INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE notification ADD COLUMN acknowledgement_due TEXT",
    "ALTER TABLE notification ADD COLUMN corrects TEXT",
    "ALTER TABLE notification ADD COLUMN content_sha256 TEXT",
    "ALTER TABLE notification ADD COLUMN purged_at TEXT",
    "ALTER TABLE notification_content ADD COLUMN document_json BLOB",
    "ALTER TABLE notification_content ADD COLUMN pdf BLOB",
    """CREATE TABLE outbox (
        notification_id TEXT PRIMARY KEY REFERENCES notification(id) ON DELETE CASCADE,
        envelope BLOB NOT NULL,
        next_attempt_at TEXT NOT NULL
    )""",
    """CREATE TABLE receipt (
        notification_id TEXT PRIMARY KEY REFERENCES notification(id) ON DELETE CASCADE,
        receipt_json BLOB NOT NULL,
        signature BLOB NOT NULL,
        received_at TEXT NOT NULL
    )""",
)

# v3: indexes for listing thousands of notifications and for the outbox scan.
_V3 = (
    "CREATE INDEX notification_newest_first ON notification(created_at, id)",
    "CREATE INDEX notification_by_state ON notification(state)",
    "CREATE INDEX outbox_by_next_attempt ON outbox(next_attempt_at)",
    "CREATE INDEX audit_by_notification ON audit(notification_id)",
)

# v4: attachments of a notification (sanitised bytes; the draft's answers list them by id).
_V4 = (
    """CREATE TABLE attachment (
        notification_id TEXT NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (notification_id, id)
    )""",
)

# v5: the reply key of each finalised notification (the 32-byte seed of protocol.replies.ReplyKey):
# what reads the municipality's acknowledgement and orientation. Kept after a content purge, because
# the orientation may come later; it goes with the notification row.
_V5 = (
    """CREATE TABLE reply_key (
        notification_id TEXT PRIMARY KEY REFERENCES notification(id) ON DELETE CASCADE,
        seed BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
)

# v6: the municipality's messages back (acknowledgement, § 137 orientation), verified and opened with
# the reply key; and how far each reply key's mailbox at the intake has been read.
_V6 = (
    """CREATE TABLE reply_message (
        message_id TEXT PRIMARY KEY,
        notification_id TEXT NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        at TEXT NOT NULL,
        unit TEXT NOT NULL,
        reference TEXT NOT NULL,
        outcome TEXT,
        fetched_at TEXT NOT NULL
    )""",
    "CREATE INDEX reply_message_by_notification ON reply_message(notification_id)",
    "ALTER TABLE reply_key ADD COLUMN mailbox_cursor INTEGER NOT NULL DEFAULT 0",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
LATEST_VERSION = len(MIGRATIONS)


def latest_version() -> int:
    """The schema version this build writes (read at call time, so tests can add a migration)."""
    return len(MIGRATIONS)


def apply_migration(connection: _Connection, from_version: int) -> None:
    """Run the statements that take a vault from ``from_version`` to ``from_version + 1``.

    The caller owns the transaction; ``user_version`` is set inside it.
    """
    for statement in MIGRATIONS[from_version]:
        connection.execute(statement)
    # PRAGMA takes no parameters; the value is our own integer.
    connection.execute(f"PRAGMA user_version = {from_version + 1:d}")

"""Numbered schema migrations of the desk's vault (its own numbering; the app's vault has its own).

``MIGRATIONS[i]`` brings a desk vault from version ``i`` to ``i + 1`` in one transaction with
the ``user_version`` bump. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from typing import Any

# v1: received notifications (whole files and the fields the inbox sorts, links and counts by),
# their handling, the municipality's keys, the desk's settings, messages waiting to be relayed, envelopes
# that could not be opened (kept to try again after a key import), audit.
_V1 = (
    """CREATE TABLE received (
        notification_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        reference TEXT NOT NULL,
        received_at TEXT NOT NULL,
        assessment_due TEXT NOT NULL,
        acknowledgement_due TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        acute INTEGER NOT NULL,
        child_name TEXT NOT NULL,
        child_cpr TEXT,
        child_birth_date TEXT,
        unborn INTEGER NOT NULL,
        age_band TEXT NOT NULL,
        grounds TEXT NOT NULL,
        categories TEXT NOT NULL,
        category_labels TEXT NOT NULL,
        notifier_name TEXT NOT NULL,
        notifier_role TEXT NOT NULL,
        profession TEXT NOT NULL,
        workplace TEXT NOT NULL,
        key_id TEXT NOT NULL,
        sender_fingerprint TEXT NOT NULL,
        envelope_sha256 TEXT NOT NULL,
        reply_key BLOB
    )""",
    "CREATE INDEX received_by_received_at ON received(received_at)",
    # Everything else the desk read from the document, apart from the inbox's columns: listing 10,000
    # rows then reads narrow pages only.
    """CREATE TABLE received_facts (
        notification_id TEXT PRIMARY KEY REFERENCES received(notification_id) ON DELETE CASCADE,
        facts_json TEXT NOT NULL
    )""",
    """CREATE TABLE received_file (
        notification_id TEXT NOT NULL REFERENCES received(notification_id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (notification_id, name)
    )""",
    """CREATE TABLE person_key (
        notification_id TEXT NOT NULL REFERENCES received(notification_id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        cpr TEXT NOT NULL,
        PRIMARY KEY (notification_id, kind, cpr)
    )""",
    "CREATE INDEX person_key_by_cpr ON person_key(cpr)",
    """CREATE TABLE handling (
        notification_id TEXT PRIMARY KEY REFERENCES received(notification_id) ON DELETE CASCADE,
        opened_at TEXT, opened_by TEXT,
        assessed_at TEXT, assessed_by TEXT,
        acknowledged_at TEXT, acknowledged_by TEXT,
        oriented_at TEXT, oriented_by TEXT,
        handed_over_at TEXT, handed_over_by TEXT,
        assessment TEXT,
        assessment_note TEXT,
        orientation TEXT
    )""",
    """CREATE TABLE recipient_key (
        key_id TEXT PRIMARY KEY,
        private_key BLOB NOT NULL,
        public_key BLOB NOT NULL,
        imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE signing_key (
        key_id TEXT PRIMARY KEY,
        seed BLOB NOT NULL,
        public_key BLOB NOT NULL,
        imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE desk_setting (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE outgoing_message (
        message_id TEXT PRIMARY KEY,
        notification_id TEXT NOT NULL REFERENCES received(notification_id) ON DELETE CASCADE,
        mailbox_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        body BLOB NOT NULL,
        created_at TEXT NOT NULL,
        relayed_at TEXT
    )""",
    """CREATE TABLE unopened (
        seq INTEGER PRIMARY KEY,
        notification_id TEXT NOT NULL,
        envelope BLOB NOT NULL,
        receipt_json BLOB NOT NULL,
        receipt_signature BLOB NOT NULL,
        reason TEXT NOT NULL,
        fetched_at TEXT NOT NULL
    )""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        notification_id TEXT,
        detail TEXT NOT NULL DEFAULT ''
    )""",
)

# v2: shared status for a notification this vault does not hold yet (its envelope waits for a key, or
# another desk handled it before this one fetched it). Kept until the notification comes, then applied:
# otherwise the cursor has moved past it and the step would never be shown here. Ids, steps, initials.
_V2 = (
    """CREATE TABLE pending_status (
        notification_id TEXT NOT NULL,
        step TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        PRIMARY KEY (notification_id, step)
    )""",
)

# v3: a message to a notifier is kept before its step is claimed at the intake, and relayed only once
# claimed (``claimed_at``). Before v3 a message was kept only after its claim: every one is claimed.
_V3 = (
    "ALTER TABLE outgoing_message ADD COLUMN claimed_at TEXT",
    "UPDATE outgoing_message SET claimed_at = created_at",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3)


def latest_version() -> int:
    """The schema version this build writes."""
    return len(MIGRATIONS)


def apply_migration(connection: Any, from_version: int) -> None:
    """Run the statements that take a desk vault from ``from_version`` to ``from_version + 1``."""
    for statement in MIGRATIONS[from_version]:
        connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {from_version + 1:d}")

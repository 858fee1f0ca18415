"""The intake's store: envelopes exactly as received (still encrypted), in SQLite.

Keyed by the Idempotency-Key (the notification UUID), so a retried POST is
stored once. The intake never decrypts; it cannot, for example, link earlier
notifications about the same child, because it never sees who the child is.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from protocol.errors import UnderretError

_SCHEMA = """
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
);
"""


@dataclass(frozen=True)
class StoredEnvelope:
    """One received envelope and the receipt that was issued for it."""

    seq: int
    idempotency_key: str
    notification_id: str
    envelope: bytes
    envelope_sha256: str
    form_version: str
    sender_fingerprint: str
    received_at: datetime
    reference: str
    receipt_json: bytes
    receipt_signature: bytes


_COLUMNS = (
    "seq, idempotency_key, notification_id, envelope, envelope_sha256, form_version, sender_fingerprint,"
    " received_at, reference, receipt_json, receipt_signature"
)


def _row(row: Any) -> StoredEnvelope:
    seq, key, nid, env, digest, form, fpr, received, ref, receipt, sig = row
    return StoredEnvelope(
        int(seq),
        str(key),
        str(nid),
        bytes(env),
        str(digest),
        str(form),
        str(fpr),
        datetime.fromisoformat(str(received)),
        str(ref),
        bytes(receipt),
        bytes(sig),
    )


class IntakeDatabaseUnavailable(UnderretError):  # noqa: N818 - what the caseworker is told
    """The file given as the intake's database is not one: missing, a folder, not SQLite, another database.

    ``message_id`` says which (``intake.database_missing``, ``intake.database_unreadable``,
    ``intake.not_an_intake_database``, ``intake.database_damaged``); the sentence names the path.
    Nothing is created or changed.
    """

    message_id = "intake.database_unavailable"


class EnvelopeStore:
    """SQLite file of received envelopes; safe to use from the server's threads.

    ``EnvelopeStore(path)`` is the server's: it creates the file and the table.
    :meth:`open_read_only` is the commands' (``list``, ``decrypt``): a mistyped path must
    not leave an empty database behind, and reading must never change what was received.
    """

    def __init__(self, path: Path, *, _connection: sqlite3.Connection | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        if _connection is not None:
            self._db = _connection
            return
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    @classmethod
    def open_read_only(cls, path: Path) -> EnvelopeStore:
        """Open an existing intake database for reading; never create or change it.

        Raises :class:`IntakeDatabaseUnavailable` naming ``path`` when there is no file there,
        when it is a folder or cannot be read, or when it is not the intake's database. (SQLite
        may add its ``-wal``/``-shm`` companions beside a database in WAL mode, as the server does.)
        """
        if not path.exists():
            raise IntakeDatabaseUnavailable(
                f"there is no intake database at {path} (no such file); check the path given to --db. "
                "Nothing was created",
                message_id="intake.database_missing",
                file=str(path),
            )
        if path.is_dir():
            raise IntakeDatabaseUnavailable(
                f"{path} is a folder, not the intake's database file; give the file the intake was "
                "started with (serve --db)",
                message_id="intake.database_unreadable",
                file=str(path),
            )
        # mode=ro: SQLite opens the file only if it exists and never writes to it.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise IntakeDatabaseUnavailable(
                f"cannot open the intake database {path} ({exc}); check that you may read it",
                message_id="intake.database_unreadable",
                file=str(path),
            ) from exc
        try:
            connection.execute("PRAGMA query_only=ON")
            table = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'envelopes'"
            ).fetchone()
        except sqlite3.Error as exc:
            connection.close()
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_CORRUPT:
                raise IntakeDatabaseUnavailable(
                    f"the intake database {path} is damaged ({exc}); restore it from the backup. It was only "
                    "read, not changed",
                    message_id="intake.database_damaged",
                    file=str(path),
                ) from exc
            raise IntakeDatabaseUnavailable(
                f"{path} is not an intake database ({exc}); give the file the intake was started with "
                "(serve --db)",
                message_id="intake.not_an_intake_database",
                file=str(path),
            ) from exc
        if table is None:
            connection.close()
            raise IntakeDatabaseUnavailable(
                f"{path} is an SQLite database, but not the intake's (it holds no envelopes); give the file "
                "the intake was started with (serve --db)",
                message_id="intake.not_an_intake_database",
                file=str(path),
            )
        return cls(path, _connection=connection)

    def close(self) -> None:
        """Close the database file."""
        with self._lock:
            self._db.close()

    def find(self, idempotency_key: str) -> StoredEnvelope | None:
        """The envelope stored under this key, if any."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM envelopes WHERE idempotency_key = ?",  # noqa: S608 - constant columns
                (idempotency_key,),
            ).fetchone()
        return _row(row) if row else None

    def get(self, seq_or_key: str) -> StoredEnvelope | None:
        """Look up by sequence number, reference or idempotency key (the CLI's ``ID``)."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM envelopes"  # noqa: S608 - constant columns
                " WHERE CAST(seq AS TEXT) = ? OR reference = ? OR idempotency_key = ?",
                (seq_or_key, seq_or_key, seq_or_key),
            ).fetchone()
        return _row(row) if row else None

    def list(self) -> list[StoredEnvelope]:
        """Everything received, oldest first."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM envelopes ORDER BY seq").fetchall()  # noqa: S608
        return [_row(r) for r in rows]

    def count(self, notification_id: str | None = None) -> int:
        """How many envelopes are stored (for one notification, if given)."""
        with self._lock:
            if notification_id is None:
                row = self._db.execute("SELECT COUNT(*) FROM envelopes").fetchone()
            else:
                row = self._db.execute(
                    "SELECT COUNT(*) FROM envelopes WHERE notification_id = ?", (notification_id,)
                ).fetchone()
        return int(row[0])

    def insert(
        self,
        *,
        idempotency_key: str,
        notification_id: str,
        envelope: bytes,
        envelope_sha256: str,
        form_version: str,
        sender_fingerprint: str,
        received_at: datetime,
        reference_prefix: str,
        make_receipt: Callable[[str], tuple[bytes, bytes]],
    ) -> tuple[StoredEnvelope, bool]:
        """Store a new envelope and its receipt in one transaction; ``(stored, created)``.

        If the key is already there (a concurrent retry), nothing is written and
        the existing row is returned with ``created=False``.
        """
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                existing = self._db.execute(
                    f"SELECT {_COLUMNS} FROM envelopes WHERE idempotency_key = ?",  # noqa: S608
                    (idempotency_key,),
                ).fetchone()
                if existing:
                    self._db.execute("ROLLBACK")
                    return _row(existing), False
                row = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM envelopes").fetchone()
                seq = int(row[0])
                reference = f"{reference_prefix}-{received_at.astimezone(UTC).year}-{seq:06d}"
                receipt_json, signature = make_receipt(reference)
                self._db.execute(
                    f"INSERT INTO envelopes ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",  # noqa: S608
                    (
                        seq,
                        idempotency_key,
                        notification_id,
                        envelope,
                        envelope_sha256,
                        form_version,
                        sender_fingerprint,
                        received_at.astimezone(UTC).isoformat(),
                        reference,
                        receipt_json,
                        signature,
                    ),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        stored = self.find(idempotency_key)
        assert stored is not None
        return stored, True

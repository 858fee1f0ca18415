"""The intake's store: one interface over two databases (SQLite for demo and small installs, PostgreSQL).

Everything the intake keeps goes through :class:`IntakeStore`: envelopes exactly as received (still
encrypted) with the receipt issued for each, enrolled sender keys and enrolment tokens. The SQL is
written once, here, with ``?`` placeholders and types both databases accept; a backend supplies only
connections, transactions and what differs (locking for the reference number, streaming reads).

Other parts of the intake (the desks' inbox API) keep their own tables in the same database: they
add a numbered migration (:mod:`intake.storage.migrations`) and run their SQL through
:meth:`IntakeStore.transaction`.

Times are stored as ISO 8601 text in UTC (``2026-12-06T03:00:00+00:00``, whole seconds), which sorts
and compares as text in both databases.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

from intake.errors import IntakeError


class IntakeDatabaseUnavailable(IntakeError):  # noqa: N818 - what the caseworker is told
    """The database given to the intake cannot be used: missing, a folder, not the intake's, damaged, newer.

    ``message_id`` says which (``intake.database_missing``, ``intake.database_unreadable``,
    ``intake.not_an_intake_database``, ``intake.database_damaged``, ``intake.database_too_new``,
    ``intake.database_unreachable``); the sentence names the database. Nothing is created or changed.
    """

    message_id = "intake.database_unavailable"


class StoreBusy(IntakeError):  # noqa: N818 - the situation
    """The database is locked by someone else (a long backup, a manual session) beyond the wait allowed.

    The server answers 503 with ``Retry-After`` instead of waiting on: the PC sends again later.
    """

    message_id = "intake.busy"


class StoreUnavailable(IntakeError):  # noqa: N818 - the situation
    """The database cannot be reached just now (PostgreSQL restarting, the disk gone read-only)."""

    message_id = "intake.store_unavailable"


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


@dataclass(frozen=True)
class EnvelopeSummary:
    """What ``list`` shows of one envelope: no envelope bytes are read for it."""

    seq: int
    reference: str
    notification_id: str
    received_at: datetime
    size: int
    sender_fingerprint: str
    key_ids: tuple[str, ...]


@dataclass(frozen=True)
class Sender:
    """A PC's sender key (one per Underret profile) as the intake knows it."""

    public_key: bytes
    fingerprint: str
    enrolled_at: datetime
    token_id: int | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Whether envelopes signed with this key are accepted."""
        return self.revoked_at is None


@dataclass(frozen=True)
class EnrolmentToken:
    """A token IT puts in the PCs' policy; a PC that shows it may enrol its sender key once."""

    id: int
    label: str
    created_at: datetime
    revoked_at: datetime | None


class Tx:
    """One transaction's cursor; ``execute`` takes ``?`` placeholders on both databases."""

    def __init__(self, cursor: Any, *, pyformat: bool) -> None:
        self.cursor = cursor
        self._pyformat = pyformat

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Tx:
        """Run one statement (``?`` placeholders; no ``?`` inside string literals)."""
        if self._pyformat:
            sql = sql.replace("%", "%%").replace("?", "%s")
        self.cursor.execute(sql, tuple(params))
        return self

    def fetchone(self) -> Any:
        """The next row, or None."""
        return self.cursor.fetchone()

    def fetchall(self) -> list[Any]:
        """All remaining rows."""
        return list(self.cursor.fetchall())

    @property
    def rowcount(self) -> int:
        """Rows changed by the last statement."""
        return int(self.cursor.rowcount)


def to_text(when: datetime) -> str:
    """A time as stored: UTC, whole seconds, ISO 8601."""
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def from_text(text: object) -> datetime:
    """A stored time back as an aware datetime."""
    return datetime.fromisoformat(str(text))


def _optional_time(text: object) -> datetime | None:
    return None if text is None else from_text(text)


def token_digest(token: str) -> str:
    """What is stored of an enrolment token: its SHA-256 (the token itself is shown once, never kept)."""
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


_COLUMNS = (
    "seq, idempotency_key, notification_id, envelope, envelope_sha256, form_version, sender_fingerprint,"
    " received_at, reference, receipt_json, receipt_signature"
)
_SUMMARY = "seq, reference, notification_id, received_at, size, sender_fingerprint, key_ids"
_SENDER = "public_key, fingerprint, enrolled_at, token_id, revoked_at"


def _row(row: Sequence[Any]) -> StoredEnvelope:
    seq, key, nid, env, digest, form, fpr, received, ref, receipt, sig = row
    return StoredEnvelope(
        int(seq), str(key), str(nid), bytes(env), str(digest), str(form), str(fpr),
        from_text(received), str(ref), bytes(receipt), bytes(sig),
    )


def _summary(row: Sequence[Any]) -> EnvelopeSummary:
    seq, ref, nid, received, size, fpr, key_ids = row
    return EnvelopeSummary(int(seq), str(ref), str(nid), from_text(received), int(size or 0), str(fpr),
                           tuple(str(key_ids or "").split(",")) if key_ids else ())


def _sender(row: Sequence[Any]) -> Sender:
    public_key, fpr, enrolled, token_id, revoked = row
    return Sender(bytes(public_key), str(fpr), from_text(enrolled),
                  None if token_id is None else int(token_id), _optional_time(revoked))


def reference_for(prefix: str, received_at: datetime, seq: int) -> str:
    """The reference a receipt carries: ``<prefix>-<year>-<seq, six digits or more>``."""
    return f"{prefix}-{received_at.astimezone(UTC).year}-{seq:06d}"


class IntakeStore(ABC):
    """What the intake keeps, in SQLite or PostgreSQL; safe to use from the server's threads."""

    #: ``"sqlite"`` or ``"postgresql"``.
    dialect: str = ""
    #: What ``--db`` takes to open this store again (an SQLite path, a PostgreSQL connection string).
    target: str = ""

    # -- what a backend supplies -------------------------------------------------------------

    @abstractmethod
    def _transaction(self, *, write: bool) -> contextlib.AbstractContextManager[Tx]:
        """A transaction (committed on success, rolled back on an exception); StoreBusy on a lock."""

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        """Rows of a query, fetched a few at a time (bounded memory however many there are)."""

    @abstractmethod
    def _next_seq(self, tx: Tx) -> int:
        """The sequence number (and so the reference) for a new envelope."""

    @abstractmethod
    def close(self) -> None:
        """Close every connection."""

    @abstractmethod
    def describe(self) -> str:
        """Where the store is, for messages (a path, or the PostgreSQL database without its password)."""

    # -- shared: transactions and schema -------------------------------------------------------

    def transaction(self) -> contextlib.AbstractContextManager[Tx]:
        """A write transaction for other parts of the intake (the desks' tables).

        ``with store.transaction() as tx: tx.execute("INSERT ... VALUES (?, ?)", (a, b))``
        """
        return self._transaction(write=True)

    def read(self) -> contextlib.AbstractContextManager[Tx]:
        """A read transaction (one consistent view)."""
        return self._transaction(write=False)

    def statement(self) -> contextlib.AbstractContextManager[Tx]:
        """For one read-only statement (every statement sees a consistent view on its own).

        The server's per-envelope look-ups use it: PostgreSQL then skips BEGIN and COMMIT, two of
        the three round trips each look-up took.
        """
        return self.read()

    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        with self.read() as tx:
            row = tx.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    # -- envelopes -----------------------------------------------------------------------------

    def find(self, idempotency_key: str) -> StoredEnvelope | None:
        """The envelope stored under this key, if any."""
        with self.read() as tx:
            row = tx.execute(
                f"SELECT {_COLUMNS} FROM envelopes WHERE idempotency_key = ?",  # noqa: S608 - constant columns
                (idempotency_key,),
            ).fetchone()
        return _row(row) if row else None

    def receipt_of(self, idempotency_key: str) -> tuple[str, bytes, bytes] | None:
        """``(envelope_sha256, receipt_json, receipt_signature)`` under this key (no envelope bytes)."""
        with self.statement() as tx:
            row = tx.execute(
                "SELECT envelope_sha256, receipt_json, receipt_signature FROM envelopes"
                " WHERE idempotency_key = ?",
                (idempotency_key,),
            ).fetchone()
        return (str(row[0]), bytes(row[1]), bytes(row[2])) if row else None

    def get(self, seq_or_key: str) -> StoredEnvelope | None:
        """Look up by sequence number, reference or idempotency key (the CLI's ``ID``)."""
        seq = int(seq_or_key) if seq_or_key.isdigit() and len(seq_or_key) < 18 else -1
        with self.read() as tx:
            row = tx.execute(
                f"SELECT {_COLUMNS} FROM envelopes"  # noqa: S608 - constant columns
                " WHERE seq = ? OR reference = ? OR idempotency_key = ?",
                (seq, seq_or_key, seq_or_key),
            ).fetchone()
        return _row(row) if row else None

    def iter_summaries(self) -> Iterator[EnvelopeSummary]:
        """Everything received, oldest first, without the envelope bytes, a few rows at a time."""
        for row in self._stream(f"SELECT {_SUMMARY} FROM envelopes ORDER BY seq"):  # noqa: S608
            yield _summary(row)

    def count(self, notification_id: str | None = None) -> int:
        """How many envelopes are stored (for one notification, if given)."""
        with self.read() as tx:
            if notification_id is None:
                row = tx.execute("SELECT COUNT(*) FROM envelopes").fetchone()
            else:
                row = tx.execute("SELECT COUNT(*) FROM envelopes WHERE notification_id = ?",
                                 (notification_id,)).fetchone()
        return int(row[0])

    def insert(
        self,
        *,
        idempotency_key: str,
        notification_id: str,
        envelope: bytes | BinaryIO,
        envelope_sha256: str,
        form_version: str,
        sender_fingerprint: str,
        received_at: datetime,
        reference_prefix: str,
        make_receipt: Callable[[str], tuple[bytes, bytes]],
        sender_key: bytes = b"",
        key_ids: Sequence[str] = (),
    ) -> tuple[StoredEnvelope, bool]:
        """Store a new envelope and its receipt in one transaction; ``(stored, created)``.

        If the key is already there (a concurrent retry), nothing is written and the existing row is
        returned with ``created=False``. SQLite numbers references without gaps (its one writer at a
        time); PostgreSQL takes numbers from a sequence, so concurrent writers do not wait for each
        other, and a number may be skipped when a concurrent retry of the same notification loses.

        ``envelope`` may be a file (the server's spooled upload): SQLite then writes it in pieces
        (incremental blob I/O), so a 30 MB envelope never needs 30 MB of memory; the returned
        ``StoredEnvelope.envelope`` is then empty (the bytes are in the database, ``find`` reads them).
        """
        data: bytes | None = None
        source: BinaryIO | None = None
        if isinstance(envelope, bytes | bytearray):
            data = bytes(envelope)
        elif self.streams_blobs:
            source = envelope
        else:
            envelope.seek(0)
            data = envelope.read()
        if source is not None:
            size = source.seek(0, 2)
            source.seek(0)
        else:
            assert data is not None
            size = len(data)
        streamed = source is not None
        with self._transaction(write=True) as tx:
            existing = tx.execute(
                f"SELECT {_COLUMNS} FROM envelopes WHERE idempotency_key = ?",  # noqa: S608
                (idempotency_key,),
            ).fetchone()
            if existing:
                return _row(existing), False
            seq = self._next_seq(tx)
            reference = reference_for(reference_prefix, received_at, seq)
            receipt_json, signature = make_receipt(reference)
            tx.execute(
                f"INSERT INTO envelopes ({_COLUMNS}, size, key_ids, sender_key)"  # noqa: S608
                f" VALUES (?,?,?,{'zeroblob(?)' if streamed else '?'},?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT (idempotency_key) DO NOTHING",
                (seq, idempotency_key, notification_id, size if streamed else data, envelope_sha256,
                 form_version, sender_fingerprint, to_text(received_at), reference, receipt_json, signature,
                 size, ",".join(key_ids), sender_key),
            )
            if tx.rowcount == 0:  # the same notification stored by a concurrent request meanwhile
                existing = tx.execute(
                    f"SELECT {_COLUMNS} FROM envelopes WHERE idempotency_key = ?",  # noqa: S608
                    (idempotency_key,),
                ).fetchone()
                return _row(existing), False
            if source is not None:
                self._write_blob(tx, seq, source)
        kept = data or b""
        return StoredEnvelope(seq, idempotency_key, notification_id, kept, envelope_sha256, form_version,
                              sender_fingerprint, received_at.astimezone(UTC).replace(microsecond=0),
                              reference, receipt_json, signature), True

    #: Whether :meth:`insert` can write an envelope from a file in pieces (SQLite's incremental blob I/O).
    streams_blobs = False

    def _write_blob(self, tx: Tx, seq: int, source: BinaryIO) -> None:
        """Write ``source`` into the envelope column of row ``seq`` (made with zeroblob) in pieces."""
        raise NotImplementedError

    def received_since(self, sender_key: bytes, since: datetime) -> tuple[int, int]:
        """``(envelopes, bytes)`` stored from this sender key since ``since`` (the quota)."""
        with self.statement() as tx:
            row = tx.execute(
                "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM envelopes"
                " WHERE sender_key = ? AND received_at >= ?",
                (sender_key, to_text(since)),
            ).fetchone()
        return int(row[0]), int(row[1])

    # -- retention (the desks fill in fetched_by_all_at) -----------------------------------------

    def mark_fetched_by_all(self, seq: int, when: datetime) -> None:
        """Record that every desk has fetched envelope ``seq`` (the retention clock starts)."""
        with self._transaction(write=True) as tx:
            tx.execute("UPDATE envelopes SET fetched_by_all_at = ?"
                       " WHERE seq = ? AND fetched_by_all_at IS NULL",
                       (to_text(when), seq))

    def delete_fetched_before(self, cutoff: datetime) -> int:
        """Delete envelopes every desk fetched before ``cutoff``; how many went."""
        with self._transaction(write=True) as tx:
            tx.execute("DELETE FROM envelopes WHERE fetched_by_all_at IS NOT NULL AND fetched_by_all_at < ?",
                       (to_text(cutoff),))
            return tx.rowcount

    # -- enrolment -----------------------------------------------------------------------------

    def create_token(self, label: str, now: datetime) -> tuple[str, EnrolmentToken]:
        """A new enrolment token: ``(token text, shown once; what is kept)``."""
        token = "ut1-" + secrets.token_urlsafe(24)
        with self._transaction(write=True) as tx:
            next_id = int(tx.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM enrolment_tokens").fetchone()[0])
            tx.execute("INSERT INTO enrolment_tokens (id, token_sha256, label, created_at) VALUES (?,?,?,?)",
                       (next_id, token_digest(token), label, to_text(now)))
        return token, EnrolmentToken(next_id, label, now.replace(microsecond=0), None)

    def tokens(self) -> list[EnrolmentToken]:
        """Every enrolment token, oldest first (revoked ones too)."""
        with self.read() as tx:
            rows = tx.execute(
                "SELECT id, label, created_at, revoked_at FROM enrolment_tokens ORDER BY id"
            ).fetchall()
        return [EnrolmentToken(int(i), str(label), from_text(c), _optional_time(r))
                for i, label, c, r in rows]

    def revoke_token(self, token_id: int, now: datetime) -> bool:
        """Stop a token enrolling more PCs (keys already enrolled stay); False if there is no such token."""
        with self._transaction(write=True) as tx:
            tx.execute("UPDATE enrolment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                       (to_text(now), token_id))
            return tx.rowcount == 1

    def token_id(self, token: str) -> int | None:
        """The id of a valid (not revoked) token, or None."""
        with self.read() as tx:
            row = tx.execute("SELECT id FROM enrolment_tokens WHERE token_sha256 = ? AND revoked_at IS NULL",
                             (token_digest(token),)).fetchone()
        return None if row is None else int(row[0])

    def enrol(self, public_key: bytes, fingerprint: str, token_id: int, now: datetime) -> tuple[Sender, bool]:
        """Enrol a sender key; ``(sender, newly enrolled)``. A revoked key stays revoked (not re-enrolled)."""
        with self._transaction(write=True) as tx:
            row = tx.execute(f"SELECT {_SENDER} FROM senders WHERE public_key = ?", (public_key,)).fetchone()  # noqa: S608
            if row is not None:
                return _sender(row), False
            tx.execute("INSERT INTO senders (public_key, fingerprint, enrolled_at, token_id)"
                       " VALUES (?,?,?,?)",
                       (public_key, fingerprint, to_text(now), token_id))
        return Sender(public_key, fingerprint, now.replace(microsecond=0), token_id, None), True

    def sender(self, public_key: bytes) -> Sender | None:
        """The enrolment of a sender key (full key compared), or None."""
        with self.statement() as tx:
            row = tx.execute(f"SELECT {_SENDER} FROM senders WHERE public_key = ?", (public_key,)).fetchone()  # noqa: S608
        return None if row is None else _sender(row)

    def senders(self) -> list[Sender]:
        """Every enrolled sender key, oldest first."""
        with self.read() as tx:
            rows = tx.execute(f"SELECT {_SENDER} FROM senders ORDER BY enrolled_at, fingerprint").fetchall()  # noqa: S608
        return [_sender(r) for r in rows]

    def matching_senders(self, fingerprint: str) -> list[Sender]:
        """Active sender keys whose fingerprint is ``fingerprint`` or starts with it (spaces ignored)."""
        wanted = fingerprint.replace(" ", "").upper()
        return [s for s in self.senders() if s.active and s.fingerprint.replace(" ", "").startswith(wanted)]

    def revoke_sender(self, fingerprint: str, now: datetime) -> list[Sender]:
        """Revoke the one active key matching ``fingerprint`` (at least 8 characters); the keys that matched.

        Nothing is revoked unless exactly one key matches: a short or shared prefix is returned for the
        caller to name the candidates.
        """
        matched = self.matching_senders(fingerprint)
        if len(fingerprint.replace(" ", "")) < 8 or len(matched) != 1:
            return matched if len(matched) > 1 else []
        with self._transaction(write=True) as tx:
            tx.execute("UPDATE senders SET revoked_at = ? WHERE public_key = ?",
                       (to_text(now), matched[0].public_key))
        return matched

    def unenrolled_envelopes(self) -> list[EnvelopeSummary]:
        """Envelopes whose sender key is not enrolled or is revoked (what ``purge`` removes)."""
        sql = (
            f"SELECT {_SUMMARY} FROM envelopes WHERE NOT EXISTS ("  # noqa: S608 - constant columns
            " SELECT 1 FROM senders WHERE senders.public_key = envelopes.sender_key"
            " AND senders.revoked_at IS NULL)"
            " ORDER BY seq"
        )
        return [_summary(row) for row in self._stream(sql)]

    def delete_envelopes(self, seqs: Sequence[int]) -> int:
        """Delete these envelopes; how many went."""
        deleted = 0
        with self._transaction(write=True) as tx:
            for seq in seqs:
                deleted += tx.execute("DELETE FROM envelopes WHERE seq = ?", (seq,)).rowcount
        return deleted

    # Last in the class: from here on, ``list`` in annotations would name this method.
    def list(self) -> list[StoredEnvelope]:
        """Everything received, oldest first, with the envelopes (demo mode's few; see ``iter_summaries``)."""
        with self.read() as tx:
            rows = tx.execute(f"SELECT {_COLUMNS} FROM envelopes ORDER BY seq").fetchall()  # noqa: S608
        return [_row(r) for r in rows]

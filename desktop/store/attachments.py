"""Attachments in the vault: the sanitised bytes of the files a notification carries.

The bytes only ever live here, inside the encrypted database (read into memory from the chosen
file, cleaned in memory, written here): never in a temporary file, never in the draft's answers,
which list them by id (name, type, size, hash) so autosaving a draft stays small. Rows belong to
their notification: discarding a draft deletes them with it (foreign key), purging a finalised
notification's content deletes them too.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.domain.attachments import MAX_FILES, MAX_TOTAL_BYTES, MEDIA_TYPES
from desktop.errors import UnderretError
from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection
from desktop.store.errors import NotADraft, NotificationNotFound


class CarriedFile(Protocol):
    """What the document says about a carried attachment (``AttachmentRef``): its name in the
    envelope and the hash of its bytes."""

    @property
    def file(self) -> str: ...

    @property
    def sha256(self) -> str: ...


class AttachmentMissing(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """An attachment the answers name is not in the vault (or its bytes no longer match)."""

    message_id = "attachment.missing"


@dataclass(frozen=True)
class StoredAttachment:
    """What is known about a stored attachment without reading its bytes."""

    id: str
    name: str
    media_type: str
    size: int
    sha256: str

    def as_answer(self) -> dict[str, Any]:
        """The entry the draft's answers keep for it."""
        return {"id": self.id, "name": self.name, "media_type": self.media_type, "size": self.size,
                "sha256": self.sha256}


class AttachmentRepository:
    """The attachments of one vault's notifications."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    def _require_draft(self, connection: Any, notification_id: str) -> None:
        row = connection.execute("SELECT state FROM notification WHERE id = ?", (notification_id,)).fetchone()
        if row is None:
            raise NotificationNotFound("no such notification", id=notification_id)
        if row[0] != "draft":
            raise NotADraft("notification is finalised", id=notification_id)

    def add(self, notification_id: str, *, name: str, media_type: str, data: bytes) -> StoredAttachment:
        """Store an already sanitised file with a draft; refuses past the count and size limits."""
        if media_type not in MEDIA_TYPES or not data:
            raise ValueError("only sanitised PDF, PNG or JPEG bytes are stored")
        digest = hashlib.sha256(data).hexdigest()
        stored = StoredAttachment(uuid.uuid4().hex, name, media_type, len(data), digest)
        with self._db.transaction() as connection:
            self._require_draft(connection, notification_id)
            count, total, last = connection.execute(
                "SELECT count(*), coalesce(sum(size), 0), coalesce(max(seq), 0) FROM attachment "
                "WHERE notification_id = ?", (notification_id,)).fetchone()
            if count >= MAX_FILES:
                raise UnderretError("too many attachments", message_id="attachment.too_many")
            if total + len(data) > MAX_TOTAL_BYTES:
                raise UnderretError("attachments too large", message_id="attachment.too_large")
            connection.execute(
                "INSERT INTO attachment (notification_id, id, seq, name, media_type, size, sha256, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (notification_id, stored.id, last + 1, name, media_type, stored.size, stored.sha256, data),
            )
            self._audit.record("attachment.added", notification_id, media_type)
        return stored

    def list(self, notification_id: str) -> list[StoredAttachment]:
        """A notification's attachments in the order they were added (no bytes read)."""
        rows = self._db.query(
            "SELECT id, name, media_type, size, sha256 FROM attachment "
            "WHERE notification_id = ? ORDER BY seq", (notification_id,))
        return [StoredAttachment(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4])) for r in rows]

    def data(self, notification_id: str, attachment_id: str) -> bytes:
        """One attachment's bytes, checked against its hash; AttachmentMissing otherwise."""
        row = self._db.query_one(
            "SELECT data, sha256 FROM attachment WHERE notification_id = ? AND id = ?",
            (notification_id, attachment_id))
        if row is None:
            raise AttachmentMissing("attachment not in the vault", id=notification_id)
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != row[1]:
            raise AttachmentMissing("attachment does not match its hash", id=notification_id)
        return data

    def envelope_files(self, notification_id: str, carried: Sequence[CarriedFile]) -> dict[str, bytes]:
        """The bytes for each attachment the document lists, by its name in the envelope.

        Matched by hash, so exactly the bytes the document describes travel (two identical files
        are the same bytes); AttachmentMissing when the vault lacks one.
        """
        if not carried:
            return {}
        rows = self._db.query("SELECT sha256, data FROM attachment WHERE notification_id = ? ORDER BY seq",
                              (notification_id,))
        by_hash: dict[str, bytes] = {}
        for digest, data in rows:
            by_hash.setdefault(str(digest), bytes(data))
        files: dict[str, bytes] = {}
        for ref in carried:
            data = by_hash.get(ref.sha256)
            if data is None or hashlib.sha256(data).hexdigest() != ref.sha256:
                raise AttachmentMissing("attachment not in the vault", id=notification_id)
            files[ref.file] = data
        return files

    def remove(self, notification_id: str, attachment_id: str) -> None:
        """Delete one attachment of a draft (secure_delete zeroes the freed pages)."""
        with self._db.transaction() as connection:
            self._require_draft(connection, notification_id)
            connection.execute("DELETE FROM attachment WHERE notification_id = ? AND id = ?",
                               (notification_id, attachment_id))
            self._audit.record("attachment.removed", notification_id)

    def keep_listed(self, notification_id: str, carried: Sequence[CarriedFile]) -> int:
        """Delete a draft's attachments the document does not list (removed ones whose deletion had
        not happened yet, or left by a crash); returns how many went. Finalising calls it."""
        listed = {ref.sha256 for ref in carried}
        with self._db.transaction() as connection:
            self._require_draft(connection, notification_id)
            rows = connection.execute("SELECT id, sha256 FROM attachment WHERE notification_id = ?",
                                      (notification_id,)).fetchall()
            gone = [str(r[0]) for r in rows if str(r[1]) not in listed]
            for attachment_id in gone:
                connection.execute("DELETE FROM attachment WHERE notification_id = ? AND id = ?",
                                   (notification_id, attachment_id))
        return len(gone)

    def copy(self, source_id: str, target_id: str, ids: Iterable[str]) -> None:
        """Copy attachments (same ids) from any notification whose content is kept to a draft (a
        correction starts with the corrected notification's attachments)."""
        with self._db.transaction() as connection:
            self._require_draft(connection, target_id)
            for attachment_id in ids:
                copied = connection.execute(
                    "INSERT INTO attachment (notification_id, id, seq, name, media_type, size, sha256, data) "
                    "SELECT ?, id, seq, name, media_type, size, sha256, data FROM attachment "
                    "WHERE notification_id = ? AND id = ?", (target_id, source_id, attachment_id))
                if copied.rowcount != 1:
                    raise AttachmentMissing("attachment not in the vault", id=source_id)

"""Notifications in the vault: drafts the wizard autosaves, finalised documents, their summaries.

A draft's answers are stored as JSON inside the encrypted database, with the
page the user was on. Finalising locks the content and queues the envelope in
one transaction. After the retention period the content is purged and only a
minimal record (dates, reference, municipality, receipt, content hash) stays.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, decoded, from_text, to_text
from desktop.store.errors import ContentPurged, NotADraft, NotFinalised, NotificationNotFound


class NotificationState(StrEnum):
    """Where a notification is in its life."""

    DRAFT = "draft"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    RECEIPTED = "receipted"
    FAILED = "failed"
    PURGED = "purged"


class NotificationSummary(NamedTuple):
    """What the main window lists: no content beyond the child's initials.

    A named tuple rather than a frozen dataclass: the list is built once per row when
    listing thousands, and a tuple is made ~5x faster (still immutable, same fields).
    """

    id: str
    state: NotificationState
    child_initials: str
    created_at: datetime
    updated_at: datetime
    finalised_at: datetime | None
    sent_at: datetime | None
    receipted_at: datetime | None
    reference: str | None
    last_error: str | None
    attempts: int
    municipality: str | None
    acute: bool
    acknowledgement_due: date | None
    corrects: str | None


class ReceiptedEntry(NamedTuple):
    """A notification the intake signed a receipt for: when (the intake's time), and its deadline."""

    notification_id: str
    receipted_at: datetime
    acknowledgement_due: date | None


@dataclass(frozen=True)
class Draft:
    """A draft's answers and the wizard page the user was on."""

    id: str
    answers: dict[str, Any]
    page: str
    created_at: datetime
    updated_at: datetime
    child_initials: str = ""


_SUMMARY_COLUMNS = (
    "id, state, child_initials, created_at, updated_at, finalised_at, sent_at, receipted_at, reference, "
    "last_error, attempts, municipality, acute, acknowledgement_due, corrects"
)


_STATES = {state.value: state for state in NotificationState}
_parse_time = datetime.fromisoformat
_new_summary = tuple.__new__  # skips the generated __new__'s argument handling


def _summary(row: Any) -> NotificationSummary:
    # Positional and without helper calls: this runs once per row when listing thousands.
    return _new_summary(NotificationSummary, (
        row[0], _STATES[row[1]], row[2], _parse_time(row[3]), _parse_time(row[4]),
        row[5] and _parse_time(row[5]), row[6] and _parse_time(row[6]), row[7] and _parse_time(row[7]),
        row[8], row[9], int(row[10]), row[11], bool(row[12]), row[13] and date.fromisoformat(row[13]),
        row[14],
    ))


def _answers_json(answers: dict[str, Any]) -> str:
    # ensure_ascii off keeps Danish letters readable to anyone debugging a decrypted copy; it is never
    # written anywhere but the encrypted database.
    return json.dumps(answers, ensure_ascii=False, separators=(",", ":"))


class NotificationRepository:
    """Drafts and finalised notifications of one vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    @decoded
    def _state(self, connection: Any, notification_id: str) -> NotificationState:
        row = connection.execute("SELECT state FROM notification WHERE id = ?", (notification_id,)).fetchone()
        if row is None:
            raise NotificationNotFound("no such notification", id=notification_id)
        return NotificationState(row[0])

    def create_draft(self, answers: dict[str, Any], page: str, child_initials: str = "") -> str:
        """Store a new draft and return its id."""
        notification_id = str(uuid.uuid4())
        body = _answers_json(answers)
        now = to_text(self._db.now())
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO notification (id, state, child_initials, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (notification_id, NotificationState.DRAFT.value, child_initials, now, now),
            )
            connection.execute(
                "INSERT INTO notification_content (notification_id, page, answers_json) VALUES (?, ?, ?)",
                (notification_id, page, body),
            )
            self._audit.record("draft.created", notification_id)
        return notification_id

    def save_draft(self, id: str, answers: dict[str, Any], page: str, child_initials: str) -> None:
        """Replace a draft's answers (autosave). NotADraft once it has been finalised."""
        body = _answers_json(answers)
        with self._db.transaction() as connection:
            if self._state(connection, id) is not NotificationState.DRAFT:
                raise NotADraft("notification is finalised", id=id)
            connection.execute(
                "UPDATE notification SET child_initials = ?, updated_at = ? WHERE id = ?",
                (child_initials, to_text(self._db.now()), id),
            )
            connection.execute(
                "UPDATE notification_content SET page = ?, answers_json = ? WHERE notification_id = ?",
                (page, body, id),
            )

    @decoded
    def get_draft(self, id: str) -> Draft:
        """A draft with its answers; NotADraft for a finalised notification."""
        row = self._db.query_one(
            "SELECT n.state, c.answers_json, c.page, n.created_at, n.updated_at, n.child_initials "
            "FROM notification n LEFT JOIN notification_content c ON c.notification_id = n.id WHERE n.id = ?",
            (id,),
        )
        if row is None:
            raise NotificationNotFound("no such notification", id=id)
        if NotificationState(row[0]) is not NotificationState.DRAFT:
            raise NotADraft("notification is finalised", id=id)
        created, updated = from_text(row[3]), from_text(row[4])
        assert created is not None and updated is not None
        return Draft(id=id, answers=json.loads(row[1]), page=row[2], created_at=created, updated_at=updated,
                     child_initials=row[5])

    @decoded
    def get_answers(self, id: str) -> dict[str, Any]:
        """The answers of any notification whose content is still kept (e.g. to start a correction)."""
        row = self._db.query_one(
            "SELECT n.state, c.answers_json FROM notification n "
            "LEFT JOIN notification_content c ON c.notification_id = n.id WHERE n.id = ?",
            (id,),
        )
        if row is None:
            raise NotificationNotFound("no such notification", id=id)
        if row[1] is None:
            raise ContentPurged("content purged", id=id)
        answers: dict[str, Any] = json.loads(row[1])
        return answers

    def discard_draft(self, id: str) -> None:
        """Delete a draft and its content (secure_delete zeroes the freed pages)."""
        with self._db.transaction() as connection:
            if self._state(connection, id) is not NotificationState.DRAFT:
                raise NotADraft("notification is finalised", id=id)
            connection.execute("DELETE FROM notification WHERE id = ?", (id,))
            self._audit.record("draft.discarded", id)

    @decoded
    def list_summaries(self) -> list[NotificationSummary]:
        """Every notification, newest first, without reading any content column."""
        rows = self._db.query(
            f"SELECT {_SUMMARY_COLUMNS} FROM notification ORDER BY created_at DESC, id DESC"  # noqa: S608
        )
        return [_summary(row) for row in rows]

    @decoded
    def get_summary(self, id: str) -> NotificationSummary:
        """One notification's summary."""
        row = self._db.query_one(f"SELECT {_SUMMARY_COLUMNS} FROM notification WHERE id = ?", (id,))  # noqa: S608
        if row is None:
            raise NotificationNotFound("no such notification", id=id)
        return _summary(row)

    def finalise(self, id: str, *, document_json: bytes, pdf: bytes, envelope: bytes,
                 municipality: str, acute: bool, corrects: str | None,
                 reply_seed: bytes | None = None) -> None:
        """Lock the draft as a finalised notification and queue its envelope, in one transaction.

        ``reply_seed``: the seed of the reply key sealed into ``envelope`` (desktop.store.replies).
        """
        digest = hashlib.sha256(document_json).hexdigest()
        with self._db.transaction() as connection:
            if self._state(connection, id) is not NotificationState.DRAFT:
                raise NotADraft("notification is already finalised", id=id)
            now = to_text(self._db.now())
            connection.execute(
                "UPDATE notification SET state = ?, finalised_at = ?, updated_at = ?, municipality = ?, "
                "acute = ?, corrects = ?, content_sha256 = ? WHERE id = ?",
                (NotificationState.QUEUED.value, now, now, municipality, int(acute), corrects, digest, id),
            )
            connection.execute(
                "UPDATE notification_content SET document_json = ?, pdf = ? WHERE notification_id = ?",
                (document_json, pdf, id),
            )
            connection.execute(
                "INSERT INTO outbox (notification_id, envelope, next_attempt_at) VALUES (?, ?, ?)",
                (id, envelope, now),
            )
            if reply_seed is not None:
                connection.execute(
                    "INSERT INTO reply_key (notification_id, seed, created_at) VALUES (?, ?, ?)",
                    (id, bytes(reply_seed), now),
                )
            self._audit.record("notification.finalised", id, "acute" if acute else "")

    @decoded
    def _finalised_blob(self, id: str, column: str) -> bytes:
        row = self._db.query_one(
            f"SELECT n.state, c.{column} FROM notification n "  # noqa: S608 - column is one of two constants
            "LEFT JOIN notification_content c ON c.notification_id = n.id WHERE n.id = ?",
            (id,),
        )
        if row is None:
            raise NotificationNotFound("no such notification", id=id)
        state = NotificationState(row[0])
        if state is NotificationState.DRAFT:
            raise NotFinalised("notification is a draft", id=id)
        if row[1] is None:
            raise ContentPurged("content purged", id=id)
        return bytes(row[1])

    def get_document(self, id: str) -> bytes:
        """The notification.json bytes of a finalised notification."""
        return self._finalised_blob(id, "document_json")

    def get_pdf(self, id: str) -> bytes:
        """The PDF copy of a finalised notification."""
        return self._finalised_blob(id, "pdf")

    def content_hash(self, id: str) -> str | None:
        """sha256 (hex) of the finalised notification.json; kept after purging."""
        row = self._db.query_one("SELECT content_sha256 FROM notification WHERE id = ?", (id,))
        if row is None:
            raise NotificationNotFound("no such notification", id=id)
        return None if row[0] is None else str(row[0])

    def purge_content(self, id: str) -> None:
        """Remove a finalised notification's content, keeping dates, reference, receipt and hash."""
        with self._db.transaction() as connection:
            state = self._state(connection, id)
            if state is NotificationState.DRAFT:
                raise NotFinalised("drafts are discarded, not purged", id=id)
            if state is NotificationState.PURGED:
                return
            now = to_text(self._db.now())
            connection.execute("DELETE FROM notification_content WHERE notification_id = ?", (id,))
            connection.execute("DELETE FROM attachment WHERE notification_id = ?", (id,))
            connection.execute("DELETE FROM outbox WHERE notification_id = ?", (id,))
            connection.execute(
                "UPDATE notification SET state = ?, child_initials = '', purged_at = ?, updated_at = ? "
                "WHERE id = ?",
                (NotificationState.PURGED.value, now, now, id),
            )
            self._audit.record("notification.purged", id, f"was_{state.value}")

    @decoded
    def receipted_at_or_before(self, cutoff: datetime) -> list[ReceiptedEntry]:
        """RECEIPTED notifications whose signed receipt is dated at or before ``cutoff``, oldest first.

        Retention reads this: their content goes once the period has run and the
        acknowledgement deadline has passed (the same rule as for those sent by e-mail).
        """
        rows = self._db.query(
            "SELECT id, receipted_at, acknowledgement_due FROM notification "
            "WHERE state = ? AND receipted_at IS NOT NULL AND receipted_at <= ? ORDER BY receipted_at, id",
            (NotificationState.RECEIPTED.value, to_text(cutoff)),
        )
        return [
            ReceiptedEntry(str(r[0]), _parse_time(r[1]), date.fromisoformat(r[2]) if r[2] else None)
            for r in rows
        ]

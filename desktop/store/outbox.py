"""The outbox: finalised notifications waiting to be delivered, their attempts and receipts.

The envelope is sealed once at finalisation and the same bytes are resent on
every attempt. State moves QUEUED → SENDING → SENT → RECEIPTED, or back to
QUEUED with a later ``next_attempt_at`` after a passing failure, or FAILED
when the intake refused it for good. A FAILED notification can be put back in
the queue (:meth:`OutboxRepository.send_again`) once the cause is fixed: the
same envelope under the same id, so the intake's idempotency keeps it once.
When the intake cannot be reached, the whole queue waits together
(:meth:`OutboxRepository.back_off_waiting`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, decoded, from_text, to_text
from desktop.store.errors import NotificationNotFound
from desktop.store.notifications import NotificationState


@dataclass(frozen=True)
class OutboxItem:
    """One envelope due for delivery."""

    notification_id: str
    envelope: bytes
    attempts: int
    next_attempt_at: datetime
    state: NotificationState
    last_error: str | None
    acute: bool = False


@dataclass(frozen=True)
class DueEntry:
    """One item due for delivery, without its envelope (fetch that with ``OutboxRepository.envelope``)."""

    notification_id: str
    attempts: int
    next_attempt_at: datetime
    state: NotificationState
    last_error: str | None
    acute: bool = False


@dataclass(frozen=True)
class SentEntry:
    """A notification handed over without a signed receipt (secure e-mail): when, and its deadline."""

    notification_id: str
    sent_at: datetime
    acknowledgement_due: date | None


_WAITING = (NotificationState.QUEUED.value, NotificationState.SENDING.value)
# An outbox row stores next_attempt_at after the envelope, so reading it from the table walks the
# envelope's overflow pages (decrypting ~50 KB per row: 0.2 s for 1,000 waiting). The index holds
# it; INDEXED BY keeps the planner from choosing the table (it did: a state-index scan first).
_DUE_WHERE = ("FROM outbox o INDEXED BY outbox_by_next_attempt "
              "JOIN notification n ON n.id = o.notification_id "
              "WHERE n.state IN (?, ?) AND o.next_attempt_at <= ? "
              "ORDER BY n.acute DESC, o.next_attempt_at, n.finalised_at")


class OutboxRepository:
    """Delivery bookkeeping for one vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group the state changes made inside into one transaction (all or none are kept).

        The sender commits one item's outcome together with the next item's
        SENDING mark: one commit per item instead of two.
        """
        with self._db.transaction():
            yield

    @decoded
    def due(self, now: datetime) -> list[OutboxItem]:
        """Items to send now: QUEUED whose time has come, and SENDING left over by a crash; acute first."""
        rows = self._db.query(
            "SELECT o.notification_id, o.envelope, n.attempts, o.next_attempt_at, n.state, n.last_error, "
            "n.acute " + _DUE_WHERE,
            (*_WAITING, to_text(now)),
        )
        items = []
        for r in rows:
            next_at = from_text(r[3])
            assert next_at is not None
            items.append(OutboxItem(notification_id=r[0], envelope=bytes(r[1]), attempts=int(r[2]),
                                    next_attempt_at=next_at, state=NotificationState(r[4]),
                                    last_error=r[5], acute=bool(r[6])))
        return items

    @decoded
    def due_entries(self, now: datetime) -> list[DueEntry]:
        """What :meth:`due` lists, in the same order, without the envelopes.

        The sender reads each envelope just before sending it (:meth:`envelope`):
        a thousand waiting envelopes are tens of megabytes, which need not sit in
        memory together.
        """
        rows = self._db.query(
            "SELECT o.notification_id, n.attempts, o.next_attempt_at, n.state, n.last_error, n.acute "
            + _DUE_WHERE,
            (*_WAITING, to_text(now)),
        )
        entries = []
        for r in rows:
            next_at = from_text(r[2])
            assert next_at is not None
            entries.append(DueEntry(notification_id=r[0], attempts=int(r[1]), next_attempt_at=next_at,
                                    state=NotificationState(r[3]), last_error=r[4], acute=bool(r[5])))
        return entries

    def envelope(self, id: str) -> bytes:
        """The sealed envelope of an outbox item (NotificationNotFound if it is not in the outbox)."""
        row = self._db.query_one("SELECT envelope FROM outbox WHERE notification_id = ?", (id,))
        if row is None:
            raise NotificationNotFound("not in the outbox", id=id)
        return bytes(row[0])

    def waiting_count(self) -> int:
        """How many notifications are waiting to be delivered."""
        row = self._db.query_one("SELECT count(*) FROM notification WHERE state IN (?, ?)", _WAITING)
        return int(row[0])

    @decoded
    def next_attempt_at(self) -> datetime | None:
        """When the next waiting item is due (for scheduling the worker's timer)."""
        row = self._db.query_one(
            "SELECT min(o.next_attempt_at) FROM outbox o INDEXED BY outbox_by_next_attempt "
            "JOIN notification n ON n.id = o.notification_id WHERE n.state IN (?, ?)",
            _WAITING,
        )
        return from_text(row[0]) if row and row[0] else None

    def _require(self, connection: object, notification_id: str) -> None:
        row = connection.execute(  # type: ignore[attr-defined]
            "SELECT 1 FROM outbox WHERE notification_id = ?", (notification_id,)
        ).fetchone()
        if row is None:
            raise NotificationNotFound("not in the outbox", id=notification_id)

    def mark_sending(self, id: str) -> None:
        """An attempt starts: state SENDING, attempts + 1."""
        with self._db.transaction() as connection:
            self._require(connection, id)
            connection.execute(
                "UPDATE notification SET state = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?",
                (NotificationState.SENDING.value, to_text(self._db.now()), id),
            )
            self._audit.record("delivery.attempt", id)

    def record_failure(self, id: str, reason_id: str, *, next_attempt_at: datetime | None,
                       permanent: bool) -> None:
        """An attempt failed: FAILED if ``permanent`` (refused), else QUEUED again for ``next_attempt_at``."""
        now = self._db.now()
        with self._db.transaction() as connection:
            self._require(connection, id)
            state = NotificationState.FAILED if permanent else NotificationState.QUEUED
            connection.execute(
                "UPDATE notification SET state = ?, last_error = ?, updated_at = ? WHERE id = ?",
                (state.value, reason_id, to_text(now), id),
            )
            connection.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE notification_id = ?",
                (to_text(next_attempt_at or now), id),
            )
            self._audit.record("delivery.rejected" if permanent else "delivery.failed", id, reason_id)

    def record_sent(self, id: str, at: datetime, *, reference: str | None = None,
                    acknowledgement_due: date | None = None, warning: str | None = None) -> None:
        """The receiving end accepted the envelope without a signed receipt (secure e-mail).

        ``reference`` and ``acknowledgement_due`` (the municipality's 6 working days) are
        kept when given, as for a receipt, so the deadline is tracked all the same.
        ``warning`` (a reason id, kept as ``last_error`` and in the audit log) says what
        the person and IT must know about how it was sent (e.g. revocation not checked).
        """
        with self._db.transaction() as connection:
            self._require(connection, id)
            connection.execute(
                "UPDATE notification SET state = ?, sent_at = ?, last_error = ?, updated_at = ?, "
                "reference = coalesce(?, reference), acknowledgement_due = coalesce(?, acknowledgement_due) "
                "WHERE id = ?",
                (NotificationState.SENT.value, to_text(at), warning, to_text(self._db.now()), reference,
                 acknowledgement_due.isoformat() if acknowledgement_due else None, id),
            )
            self._audit.record("delivery.sent", id, warning or "")

    def record_receipt(self, id: str, *, receipt_json: bytes, signature: bytes, reference: str,
                       received_at: datetime, acknowledgement_due: date) -> None:
        """Keep the municipality's signed receipt: state RECEIPTED, with reference and deadline."""
        with self._db.transaction() as connection:
            self._require(connection, id)
            connection.execute(
                "INSERT OR REPLACE INTO receipt (notification_id, receipt_json, signature, received_at) "
                "VALUES (?, ?, ?, ?)",
                (id, receipt_json, signature, to_text(received_at)),
            )
            connection.execute(
                "UPDATE notification SET state = ?, reference = ?, receipted_at = ?, "
                "acknowledgement_due = ?, last_error = NULL, sent_at = coalesce(sent_at, ?), updated_at = ? "
                "WHERE id = ?",
                (NotificationState.RECEIPTED.value, reference, to_text(received_at),
                 acknowledgement_due.isoformat(), to_text(received_at), to_text(self._db.now()), id),
            )
            self._audit.record("delivery.receipted", id)

    @decoded
    def sent_at_or_before(self, cutoff: datetime) -> list[SentEntry]:
        """SENT notifications (no signed receipt: secure e-mail) sent at or before ``cutoff``, oldest first.

        Retention reads this: their content goes once the period has run and the
        acknowledgement deadline has passed.
        """
        rows = self._db.query(
            "SELECT id, sent_at, acknowledgement_due FROM notification "
            "WHERE state = ? AND sent_at IS NOT NULL AND sent_at <= ? ORDER BY sent_at, id",
            (NotificationState.SENT.value, to_text(cutoff)),
        )
        entries = []
        for r in rows:
            sent_at = from_text(r[1])
            assert sent_at is not None
            entries.append(SentEntry(str(r[0]), sent_at, date.fromisoformat(r[2]) if r[2] else None))
        return entries

    def get_receipt(self, id: str) -> tuple[bytes, bytes] | None:
        """The stored receipt JSON and its signature, if a receipt came."""
        row = self._db.query_one(
            "SELECT receipt_json, signature FROM receipt WHERE notification_id = ?", (id,)
        )
        return None if row is None else (bytes(row[0]), bytes(row[1]))

    def send_again(self, id: str) -> bool:
        """Put a refused (FAILED) notification back in the queue, due now; False if it was not refused.

        The same sealed envelope goes again under the same notification id, which is the
        intake's Idempotency-Key: if the intake did keep the first copy, it answers with
        that copy's receipt and stores nothing new. Attempts are kept; the refusal's reason
        moves into the audit log (``delivery.send_again``) and off the row. Only a FAILED
        row changes, in one transaction: a second press (or a receipted notification)
        changes nothing and returns False.
        """
        with self._db.transaction() as connection:
            self._require(connection, id)
            row = connection.execute(
                "SELECT last_error FROM notification WHERE id = ? AND state = ?",
                (id, NotificationState.FAILED.value),
            ).fetchone()
            if row is None:
                return False
            now = to_text(self._db.now())
            connection.execute(
                "UPDATE notification SET state = ?, last_error = NULL, updated_at = ? WHERE id = ?",
                (NotificationState.QUEUED.value, now, id),
            )
            connection.execute("UPDATE outbox SET next_attempt_at = ? WHERE notification_id = ?", (now, id))
            self._audit.record("delivery.send_again", id, row[0] or "")
        return True

    def back_off_waiting(self, until: datetime, reason_id: str, *,
                         only: Collection[str] | None = None) -> int:
        """The whole queue waits until ``until`` because of ``reason_id`` (the intake cannot be reached).

        Every waiting notification (QUEUED, or SENDING left by an attempt that did not
        end) becomes QUEUED, due at ``until``, with ``reason_id`` as the reason shown;
        attempts are not counted for the ones that were not tried. One audit entry for
        the queue. Returns how many wait.

        ``only``: just these notifications wait (those going to the intake that failed); the other
        waiting ones become QUEUED and stay due as they were.
        """
        if only is not None:
            return self._back_off_some(until, reason_id, only)
        with self._db.transaction() as connection:
            changed = connection.execute(
                "UPDATE notification SET state = ?, last_error = ?, updated_at = ? WHERE state IN (?, ?)",
                (NotificationState.QUEUED.value, reason_id, to_text(self._db.now()), *_WAITING),
            ).rowcount
            connection.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE notification_id IN "
                "(SELECT id FROM notification WHERE state = ?)",
                (to_text(until), NotificationState.QUEUED.value),
            )
            self._audit.record("delivery.backed_off", None, f"{reason_id} waiting={changed}")
        return int(changed)

    def _back_off_some(self, until: datetime, reason_id: str, only: Collection[str]) -> int:
        now = to_text(self._db.now())
        waiting = 0
        with self._db.transaction() as connection:
            connection.execute("UPDATE notification SET state = ?, updated_at = ? WHERE state = ?",
                               (NotificationState.QUEUED.value, now, NotificationState.SENDING.value))
            for notification_id in only:
                changed = connection.execute(
                    "UPDATE notification SET last_error = ?, updated_at = ? WHERE id = ? AND state = ?",
                    (reason_id, now, notification_id, NotificationState.QUEUED.value)).rowcount
                if changed:
                    connection.execute("UPDATE outbox SET next_attempt_at = ? WHERE notification_id = ?",
                                       (to_text(until), notification_id))
                    waiting += changed
            self._audit.record("delivery.backed_off", None, f"{reason_id} waiting={waiting}")
        return waiting

    def next_attempt_for(self, id: str) -> datetime | None:
        """When a waiting notification is tried next (None when it is not waiting)."""
        row = self._db.query_one(
            "SELECT o.next_attempt_at FROM outbox o JOIN notification n ON n.id = o.notification_id "
            "WHERE o.notification_id = ? AND n.state IN (?, ?)",
            (id, *_WAITING),
        )
        return from_text(row[0]) if row else None

    def retry_now(self) -> None:
        """The user's "send now": every waiting item becomes due immediately."""
        with self._db.transaction() as connection:
            connection.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE notification_id IN "
                "(SELECT id FROM notification WHERE state IN (?, ?))",
                (to_text(self._db.now()), *_WAITING),
            )
            self._audit.record("delivery.retry_now")

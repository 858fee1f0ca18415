"""The desks' side of the intake's store: enrolment, shared status and messages relayed to notifiers.

Tables from migration 3 (:mod:`intake.storage.migrations`), SQL through
:meth:`IntakeStore.transaction`, the same on SQLite and PostgreSQL. Nothing kept here is content:

* a desk is a name, a hash of its credential, how it enrolled (IT's one-time token or a desk
  certificate) and how far it has fetched;
* a status row is a notification id, a step, a time, a caseworker's initials and the desk's id;
  one row per (notification, step): the first desk to record a step holds it;
* a relayed message is sealed to a notifier's reply key and kept under that key's mailbox id.

Cursors (``desk_status.cursor``, ``relay_messages.cursor``) are given out one writer at a time, so
a desk or an app that asks for everything after the cursor it has seen misses nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from intake.errors import IntakeError
from intake.storage import IntakeStore, Tx
from intake.storage.base import from_text, to_text
from protocol.inbox import EnvelopeItem, StatusRecord

#: A page of envelopes handed to a desk at most.
MAX_PAGE = 200
#: Envelope numbers handed to a desk at once at most.
MAX_SEQS = 5000
#: Relayed messages handed to a mailbox at once at most.
MAX_MESSAGES = 100
#: Status records handed to a desk at once at most (a desk asks again while ``more``).
STATUS_PAGE = 1000


class DeskRefused(IntakeError):  # noqa: N818 - what the desk is told
    """A desk token or credential that is unknown, used or revoked."""

    message_id = "intake.desk_refused"


@dataclass(frozen=True)
class Desk:
    """An enrolled desk."""

    id: str
    name: str
    enrolled_at: datetime
    via: str
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class DeskToken:
    """A one-time token from IT that lets one desk enrol."""

    id: int
    label: str
    created_at: datetime
    used_at: datetime | None
    revoked_at: datetime | None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _optional(text: object) -> datetime | None:
    return None if text is None else from_text(text)


class DeskStore:
    """The desks' tables in one intake store."""

    def __init__(self, store: IntakeStore) -> None:
        self.store = store

    def _serialise(self, tx: Tx, table: str) -> None:
        """One writer at a time hands out cursors (SQLite's BEGIN IMMEDIATE already does)."""
        if self.store.dialect == "postgresql":
            tx.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

    # -- tokens and enrolment ------------------------------------------------------------------
    def create_token(self, label: str, now: datetime) -> tuple[str, DeskToken]:
        """A new one-time desk token: ``(token text, shown once; what is kept)``."""
        token = "udt1-" + secrets.token_urlsafe(24)
        with self.store.transaction() as tx:
            self._serialise(tx, "desk_tokens")
            next_id = int(tx.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM desk_tokens").fetchone()[0])
            tx.execute("INSERT INTO desk_tokens (id, token_sha256, label, created_at) VALUES (?,?,?,?)",
                       (next_id, _digest(token), label, to_text(now)))
        return token, DeskToken(next_id, label, now.replace(microsecond=0), None, None)

    def tokens(self) -> list[DeskToken]:
        with self.store.read() as tx:
            rows = tx.execute("SELECT id, label, created_at, used_at, revoked_at FROM desk_tokens"
                              " ORDER BY id").fetchall()
        return [DeskToken(int(i), str(label), from_text(c), _optional(u), _optional(r))
                for i, label, c, u, r in rows]

    def revoke_token(self, token_id: int, now: datetime) -> bool:
        with self.store.transaction() as tx:
            tx.execute("UPDATE desk_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                       (to_text(now), token_id))
            return tx.rowcount == 1

    def _new_desk(self, tx: Tx, name: str, now: datetime, via: str, token_id: int | None,
                  certificate_sha256: str | None) -> tuple[Desk, str]:
        desk_id = str(uuid.uuid4())
        credential = "udc1-" + secrets.token_urlsafe(32)
        tx.execute("INSERT INTO desks (id, name, credential_sha256, enrolled_at, via, token_id,"
                   " certificate_sha256) VALUES (?,?,?,?,?,?,?)",
                   (desk_id, name, _digest(credential), to_text(now), via, token_id, certificate_sha256))
        return Desk(desk_id, name, now.replace(microsecond=0), via, None), credential

    def enrol_with_token(self, token: str, name: str, now: datetime) -> tuple[Desk, str]:
        """Use a one-time token: a new desk and its credential (shown once). DeskRefused otherwise."""
        with self.store.transaction() as tx:
            row = tx.execute("SELECT id FROM desk_tokens WHERE token_sha256 = ? AND used_at IS NULL"
                             " AND revoked_at IS NULL", (_digest(token),)).fetchone()
            if row is None:
                raise DeskRefused("the desk token is unknown, used or revoked")
            tx.execute("UPDATE desk_tokens SET used_at = ? WHERE id = ?", (to_text(now), int(row[0])))
            return self._new_desk(tx, name, now, "token", int(row[0]), None)

    def enrol_with_certificate(self, certificate_sha256: str, name: str, now: datetime) -> tuple[Desk, str]:
        """A desk whose certificate the caller has checked against the desks' CA."""
        with self.store.transaction() as tx:
            return self._new_desk(tx, name, now, "certificate", None, certificate_sha256)

    def desk_for(self, credential: str) -> Desk | None:
        """The active desk holding ``credential``, or None."""
        with self.store.read() as tx:
            row = tx.execute("SELECT id, name, enrolled_at, via, revoked_at FROM desks"
                             " WHERE credential_sha256 = ? AND revoked_at IS NULL",
                             (_digest(credential),)).fetchone()
        return None if row is None else Desk(str(row[0]), str(row[1]), from_text(row[2]), str(row[3]), None)

    def desks(self) -> list[Desk]:
        with self.store.read() as tx:
            rows = tx.execute("SELECT id, name, enrolled_at, via, revoked_at FROM desks"
                              " ORDER BY enrolled_at").fetchall()
        return [Desk(str(i), str(n), from_text(e), str(v), _optional(r)) for i, n, e, v, r in rows]

    def revoke_desk(self, desk_id: str, now: datetime) -> bool:
        """Revoke a desk. What every remaining desk has fetched is then fetched by all: a desk that was
        given up must not keep envelopes at the intake for ever (the retention clock starts now)."""
        with self.store.transaction() as tx:
            tx.execute("UPDATE desks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                       (to_text(now), desk_id))
            if tx.rowcount != 1:
                return False
            active = int(tx.execute("SELECT COUNT(*) FROM desks WHERE revoked_at IS NULL").fetchone()[0])
            if active:  # with no desk left nothing has been fetched by "all"
                tx.execute(
                    "UPDATE envelopes SET fetched_by_all_at = ? WHERE fetched_by_all_at IS NULL"
                    " AND (SELECT COUNT(*) FROM desk_fetched f JOIN desks d ON d.id = f.desk_id"
                    " WHERE f.seq = envelopes.seq AND d.revoked_at IS NULL) >= ?",
                    (to_text(now), active))
            return True

    # -- envelopes -----------------------------------------------------------------------------
    def seqs_after(self, after: int, limit: int = MAX_SEQS) -> tuple[list[int], bool]:
        """The numbers of the envelopes above ``after`` (ascending, at most ``limit``) and whether more wait.

        A desk asks again from a little below what it holds and fetches the numbers it lacks: on
        PostgreSQL a lower number may commit after a higher one, and must not be skipped.
        """
        with self.store.read() as tx:
            rows = tx.execute("SELECT seq FROM envelopes WHERE seq > ? ORDER BY seq LIMIT ?",
                              (after, limit + 1)).fetchall()
        return [int(row[0]) for row in rows[:limit]], len(rows) > limit

    def envelopes_by_seq(self, desk: Desk, seqs: list[int], now: datetime) -> list[EnvelopeItem]:
        """The envelopes with these numbers (at most a page); each fetch is recorded for retention."""
        wanted = sorted(set(seqs))[:MAX_PAGE]
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        with self.store.read() as tx:
            sql = ("SELECT seq, notification_id, envelope, receipt_json, receipt_signature"  # noqa: S608
                   f" FROM envelopes WHERE seq IN ({marks}) ORDER BY seq")  # only "?" marks are put in
            rows = tx.execute(sql, wanted).fetchall()
        items = [EnvelopeItem(int(s), str(n), bytes(e), bytes(r), bytes(g)) for s, n, e, r, g in rows]
        self._record_fetched(desk, [item.seq for item in items], now)
        return items

    def envelopes_after(self, desk: Desk, after: int, limit: int,
                        now: datetime) -> tuple[list[EnvelopeItem], bool]:
        """Envelopes with ``seq > after`` (oldest first, at most ``limit``) and whether more wait."""
        seqs, more = self.seqs_after(after, max(1, min(limit, MAX_PAGE)))
        return self.envelopes_by_seq(desk, seqs, now), more

    def _record_fetched(self, desk: Desk, seqs: list[int], now: datetime) -> None:
        """Keep that ``desk`` has these envelopes; those every active desk has start the retention clock."""
        if not seqs:
            return
        marks = ",".join("?" * len(seqs))
        with self.store.transaction() as tx:
            for seq in seqs:
                tx.execute("INSERT INTO desk_fetched (desk_id, seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           (desk.id, seq))
            tx.execute("UPDATE desks SET fetched_seq = ? WHERE id = ? AND fetched_seq < ?",
                       (max(seqs), desk.id, max(seqs)))
            active = int(tx.execute("SELECT COUNT(*) FROM desks WHERE revoked_at IS NULL").fetchone()[0])
            tx.execute(
                "UPDATE envelopes SET fetched_by_all_at = ? WHERE fetched_by_all_at IS NULL"  # noqa: S608
                f" AND seq IN ({marks}) AND (SELECT COUNT(*) FROM desk_fetched f JOIN desks d ON d.id ="
                f" f.desk_id"
                " WHERE f.seq = envelopes.seq AND d.revoked_at IS NULL) >= ?",
                (to_text(now), *seqs, active))

    # -- shared status -------------------------------------------------------------------------
    def record_step(self, desk: Desk, notification_id: str, step: str, initials: str,
                    now: datetime) -> tuple[StatusRecord, str]:
        """Record a step; ``(the record that stands, "created" | "same" | "taken")``.

        ``same``: this desk had already recorded it (a retry). ``taken``: another desk had.
        """
        with self.store.transaction() as tx:
            self._serialise(tx, "desk_status")
            row = tx.execute("SELECT cursor, notification_id, step, at, initials, desk_id FROM desk_status"
                             " WHERE notification_id = ? AND step = ?", (notification_id, step)).fetchone()
            if row is not None:
                record = StatusRecord(int(row[0]), str(row[1]), str(row[2]), from_text(row[3]), str(row[4]),
                                      str(row[5]))
                return record, "same" if record.desk_id == desk.id else "taken"
            cursor = int(tx.execute("SELECT COALESCE(MAX(cursor), 0) + 1 FROM desk_status").fetchone()[0])
            tx.execute("INSERT INTO desk_status (cursor, notification_id, step, at, initials, desk_id)"
                       " VALUES (?,?,?,?,?,?)",
                       (cursor, notification_id, step, to_text(now), initials, desk.id))
        record = StatusRecord(cursor, notification_id, step, now.replace(microsecond=0), initials, desk.id)
        return record, "created"

    def status_after(self, cursor: int, limit: int | None = None) -> tuple[list[StatusRecord], int, bool]:
        """Status records after ``cursor`` (in order, at most a page), the cursor to ask with next, and
        whether more wait (a desk enrolled later has thousands to catch up on)."""
        page = STATUS_PAGE if limit is None else limit
        with self.store.read() as tx:
            rows = tx.execute("SELECT cursor, notification_id, step, at, initials, desk_id FROM desk_status"
                              " WHERE cursor > ? ORDER BY cursor LIMIT ?", (cursor, page + 1)).fetchall()
        records = [StatusRecord(int(c), str(n), str(s), from_text(a), str(i), str(d))
                   for c, n, s, a, i, d in rows[:page]]
        return records, records[-1].cursor if records else cursor, len(rows) > page

    # -- messages to notifiers -----------------------------------------------------------------
    def relay(self, desk: Desk, message_id: str, mailbox_id: str, body: bytes, now: datetime) -> str:
        """Keep a sealed message for a mailbox: ``"created"``, ``"same"`` (it was here) or ``"conflict"``."""
        digest = hashlib.sha256(body).hexdigest()
        with self.store.transaction() as tx:
            self._serialise(tx, "relay_messages")
            row = tx.execute("SELECT mailbox_id, body_sha256 FROM relay_messages WHERE message_id = ?",
                             (message_id,)).fetchone()
            if row is not None:
                return "same" if (str(row[0]), str(row[1])) == (mailbox_id, digest) else "conflict"
            cursor = int(tx.execute("SELECT COALESCE(MAX(cursor), 0) + 1 FROM relay_messages").fetchone()[0])
            tx.execute("INSERT INTO relay_messages (cursor, message_id, mailbox_id, body, body_sha256,"
                       " created_at, desk_id) VALUES (?,?,?,?,?,?,?)",
                       (cursor, message_id, mailbox_id, body, digest, to_text(now), desk.id))
        return "created"

    def messages_for(self, mailbox_id: str, after: int) -> list[tuple[int, str, bytes]]:
        """``(cursor, message id, sealed body)`` of a mailbox's messages after ``after``."""
        with self.store.read() as tx:
            rows = tx.execute("SELECT cursor, message_id, body FROM relay_messages WHERE mailbox_id = ?"
                              " AND cursor > ? ORDER BY cursor LIMIT ?", (mailbox_id, after,
                                                                          MAX_MESSAGES)).fetchall()
        return [(int(c), str(m), bytes(b)) for c, m, b in rows]

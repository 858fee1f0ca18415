"""Received notifications in the desk's vault: the whole files, the inbox's columns and the CPR index.

A notification is stored once per intake sequence number, with its files (``notification.json``,
``notification.pdf``, attachments) as received and decrypted, the fields the inbox shows, its two
deadlines (computed once, so listing and sorting thousands needs no calendar arithmetic) and an
index of every CPR number it names (``person_key``) for linking.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any, NamedTuple

from desktop.desk.deadlines import acknowledgement_due_at, assessment_due
from desktop.desk.linking import person_keys
from desktop.desk.received import ReceivedNotification
from desktop.desk.store.handling import apply_pending
from desktop.store.audit import AuditLog
from desktop.store.connection import VaultConnection, from_text, to_text
from desktop.store.errors import NotificationNotFound

_LIST_SEPARATOR = "\x1f"  # unit separator: never typed into a label


@dataclass(frozen=True)
class IncomingNotification:
    """A decrypted envelope, ready to be kept: the facts, the files and where it came from."""

    facts: ReceivedNotification
    seq: int
    files: Mapping[str, bytes]
    key_id: str
    sender_fingerprint: str
    envelope_sha256: str
    reply_key: bytes | None = None


class InboxRow(NamedTuple):
    """One line of the inbox, as stored (times are UTC text; the window formats what it shows)."""

    notification_id: str
    reference: str
    received_at: str
    assessment_due: str
    acknowledgement_due: str
    acute: int
    child_name: str
    child_cpr: str | None
    child_birth_date: str | None
    unborn: int
    age_band: str
    grounds: str
    category_labels: str
    notifier_name: str
    notifier_role: str
    workplace: str
    opened_by: str | None
    assessed_at: str | None
    assessed_by: str | None
    acknowledged_at: str | None
    acknowledged_by: str | None
    handed_over_at: str | None
    oriented_at: str | None


#: The inbox in one query, most urgent first (the SQL form of desktop.desk.deadlines.urgency_key,
#: kept equal to it by a test): acute and unassessed; then the earliest open deadline (on the same
#: deadline, the one received first); then done, newest first.
INBOX_SQL = """
SELECT r.notification_id, r.reference, r.received_at, r.assessment_due, r.acknowledgement_due, r.acute,
       r.child_name, r.child_cpr, r.child_birth_date, r.unborn, r.age_band, r.grounds, r.category_labels,
       r.notifier_name, r.notifier_role, r.workplace, h.opened_by, h.assessed_at, h.assessed_by,
       h.acknowledged_at, h.acknowledged_by, h.handed_over_at, h.oriented_at
FROM received r JOIN handling h ON h.notification_id = r.notification_id
ORDER BY CASE WHEN h.assessed_at IS NULL AND r.acute = 1 THEN 0
              WHEN h.assessed_at IS NULL OR h.acknowledged_at IS NULL THEN 1 ELSE 2 END,
         CASE WHEN h.assessed_at IS NULL THEN r.assessment_due
              WHEN h.acknowledged_at IS NULL THEN r.acknowledgement_due END,
         CASE WHEN h.assessed_at IS NULL OR h.acknowledged_at IS NULL THEN r.received_at END,
         r.received_at DESC, r.notification_id
"""


def join_list(values: Sequence[str]) -> str:
    """Several codes or labels in one column."""
    return _LIST_SEPARATOR.join(values)


def split_list(text: str) -> tuple[str, ...]:
    """The values :func:`join_list` joined."""
    return tuple(text.split(_LIST_SEPARATOR)) if text else ()


#: The facts' field names, in their order (``asdict`` deep-copied every value: a third of keeping one).
_FACT_FIELDS = tuple(f.name for f in fields(ReceivedNotification))


def _facts_json(facts: ReceivedNotification) -> str:
    # Flat fields only (text, numbers, dates, tuples of text): read directly, as asdict would give them.
    data: dict[str, Any] = {name: getattr(facts, name) for name in _FACT_FIELDS}
    for name, value in data.items():
        if isinstance(value, datetime):
            data[name] = to_text(value)
        elif isinstance(value, date):
            data[name] = value.isoformat()
        elif isinstance(value, tuple):
            data[name] = list(value)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _facts_from_json(text: str) -> ReceivedNotification:
    data: dict[str, Any] = json.loads(text)
    for name in ("child_birth_date", "due_date"):
        data[name] = date.fromisoformat(data[name]) if data.get(name) else None
    data["received_at"] = from_text(data["received_at"])
    for name in ("parent_cprs", "grounds", "categories", "category_labels", "sibling_cprs"):
        data[name] = tuple(data.get(name) or ())
    return ReceivedNotification(**data)


class ReceivedRepository:
    """The received notifications in one desk vault."""

    def __init__(self, connection: VaultConnection, audit: AuditLog) -> None:
        self._db = connection
        self._audit = audit

    def last_seq(self) -> int:
        """The highest intake sequence number kept (0 when none): where the next fetch starts."""
        row = self._db.query_one("SELECT COALESCE(MAX(seq), 0) FROM received")
        return int(row[0])

    def seqs_above(self, low: int) -> set[int]:
        """The intake's numbers above ``low`` this vault holds (opened or kept unopened)."""
        rows = self._db.query("SELECT seq FROM received WHERE seq > ? UNION SELECT seq FROM unopened WHERE"
                              " seq > ?",
                              (low, low))
        return {int(row[0]) for row in rows}

    def add_many(self, items: Iterable[IncomingNotification]) -> list[str]:
        """Keep every new notification in one transaction; returns the ids that were new."""
        added: list[str] = []
        now = to_text(self._db.now())
        with self._db.transaction() as connection:
            for item in items:
                facts = replace(item.facts, seq=item.seq)  # the intake's order breaks ties of receipt time
                exists = connection.execute("SELECT 1 FROM received WHERE notification_id = ? OR seq = ?",
                                            (facts.notification_id, item.seq)).fetchone()
                if exists:
                    continue
                connection.execute(
                    "INSERT INTO received (notification_id, seq, reference, received_at,"
                    " assessment_due, acknowledgement_due, fetched_at, acute, child_name, child_cpr,"
                    " child_birth_date, unborn, age_band, grounds, categories, category_labels,"
                    " notifier_name, notifier_role, profession, workplace, key_id,"
                    " sender_fingerprint, envelope_sha256, reply_key)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (facts.notification_id, item.seq, facts.reference, to_text(facts.received_at),
                     to_text(assessment_due(facts.received_at)),
                     to_text(acknowledgement_due_at(facts.received_at)), now, int(facts.acute),
                     facts.child_name, facts.child_cpr,
                     facts.child_birth_date.isoformat() if facts.child_birth_date else None,
                     int(facts.unborn), facts.age_band, join_list(facts.grounds), join_list(facts.categories),
                     join_list(facts.category_labels), facts.notifier_name, facts.notifier_role,
                     facts.profession, facts.workplace, item.key_id,
                     item.sender_fingerprint, item.envelope_sha256, item.reply_key))
                connection.execute("INSERT INTO received_facts (notification_id, facts_json) VALUES (?, ?)",
                                   (facts.notification_id, _facts_json(facts)))
                connection.executemany(
                    "INSERT INTO received_file (notification_id, name, data) VALUES (?, ?, ?)",
                    [(facts.notification_id, name, data) for name, data in item.files.items()])
                connection.executemany(
                    "INSERT INTO person_key (notification_id, kind, cpr) VALUES (?, ?, ?)",
                    [(facts.notification_id, kind.value, cpr) for kind, cpr in person_keys(facts)])
                connection.execute("INSERT INTO handling (notification_id) VALUES (?)",
                                   (facts.notification_id,))
                apply_pending(connection, facts.notification_id)
                connection.execute(
                    "INSERT INTO audit (at, event, notification_id, detail) VALUES (?, ?, ?, ?)",
                    (now, "desk.received", facts.notification_id, f"seq {item.seq}"))
                added.append(facts.notification_id)
        return added

    def list_inbox(self) -> list[InboxRow]:
        """Every received notification, most urgent first."""
        rows = self._db.query(INBOX_SQL)
        return list(map(InboxRow._make, rows))

    def count(self) -> int:
        """How many notifications the vault holds."""
        return int(self._db.query_one("SELECT COUNT(*) FROM received")[0])

    def get(self, notification_id: str) -> ReceivedNotification:
        """The facts of one notification; NotificationNotFound when it is not here."""
        row = self._db.query_one("SELECT facts_json FROM received_facts WHERE notification_id = ?",
                                 (notification_id,))
        if row is None:
            raise NotificationNotFound()
        return _facts_from_json(row[0])

    def file(self, notification_id: str, name: str) -> bytes | None:
        """One file of the notification as received (``notification.json``, ``notification.pdf``, …)."""
        row = self._db.query_one("SELECT data FROM received_file WHERE notification_id = ? AND name = ?",
                                 (notification_id, name))
        return None if row is None else bytes(row[0])

    def files(self, notification_id: str) -> dict[str, bytes]:
        """Every file of the notification, by name."""
        rows = self._db.query("SELECT name, data FROM received_file WHERE notification_id = ? ORDER BY name",
                              (notification_id,))
        return {str(name): bytes(data) for name, data in rows}

    def reply_key(self, notification_id: str) -> bytes | None:
        """The notifier's reply key from the envelope (None for an envelope without one)."""
        row = self._db.query_one("SELECT reply_key FROM received WHERE notification_id = ?",
                                 (notification_id,))
        if row is None:
            raise NotificationNotFound()
        return None if row[0] is None else bytes(row[0])

    def related_to(self, facts: ReceivedNotification) -> list[ReceivedNotification]:
        """Every other notification naming one of the CPR numbers this one names (the linking candidates)."""
        numbers = sorted({cpr for _, cpr in person_keys(facts)})
        if not numbers:
            return []
        marks = ",".join("?" * len(numbers))
        sql = ("SELECT facts_json FROM received_facts WHERE notification_id IN"  # noqa: S608 - "?" only
               f" (SELECT notification_id FROM person_key WHERE cpr IN ({marks}))"
               " AND notification_id != ?")
        rows = self._db.query(sql, (*numbers, facts.notification_id))
        return [_facts_from_json(row[0]) for row in rows]

    def all_facts(self, start: datetime | None = None,
                  end: datetime | None = None) -> list[ReceivedNotification]:
        """The facts of every notification received in ``[start, end)`` (all when not given)."""
        sql = ("SELECT f.facts_json FROM received r JOIN received_facts f ON f.notification_id ="
               " r.notification_id"
               " WHERE r.received_at >= ? AND r.received_at < ? ORDER BY r.received_at")
        low = to_text(start) if start else ""
        high = to_text(end) if end else "9999"
        return [_facts_from_json(row[0]) for row in self._db.query(sql, (low, high))]

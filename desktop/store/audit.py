"""The audit log: what happened to which notification, and when — never what it said."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from desktop.store.connection import VaultConnection, decoded, from_text, to_text

# Event names are dotted identifiers chosen by code ("notification.finalised"), never user text.
_EVENT_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_MAX_DETAIL = 200


@dataclass(frozen=True)
class AuditEntry:
    """One audit event."""

    at: datetime
    event: str
    notification_id: str | None
    detail: str


class AuditLog:
    """Append-only list of events, stored in the vault."""

    def __init__(self, connection: VaultConnection) -> None:
        self._db = connection

    def record(self, event: str, notification_id: str | None = None, detail: str = "") -> None:
        """Append an event. ``detail`` is for ids and message ids only (e.g. "delivery.timeout")."""
        if not _EVENT_NAME.match(event):
            raise ValueError("audit event names are dotted lower-case identifiers")
        if len(detail) > _MAX_DETAIL or "\n" in detail:
            raise ValueError("audit details are short ids, not text")
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO audit (at, event, notification_id, detail) VALUES (?, ?, ?, ?)",
                (to_text(self._db.now()), event, notification_id, detail),
            )

    @decoded
    def entries(self, limit: int = 200) -> list[AuditEntry]:
        """The newest ``limit`` entries, newest first."""
        rows = self._db.query(
            "SELECT at, event, notification_id, detail FROM audit ORDER BY seq DESC LIMIT ?", (limit,)
        )
        return [AuditEntry(at=from_text(r[0]) or self._db.now(), event=r[1], notification_id=r[2],
                           detail=r[3]) for r in rows]

    @decoded
    def entries_for(self, notification_id: str) -> list[AuditEntry]:
        """Every entry about one notification, oldest first."""
        rows = self._db.query(
            "SELECT at, event, notification_id, detail FROM audit WHERE notification_id = ? ORDER BY seq",
            (notification_id,),
        )
        return [AuditEntry(at=from_text(r[0]) or self._db.now(), event=r[1], notification_id=r[2],
                           detail=r[3]) for r in rows]

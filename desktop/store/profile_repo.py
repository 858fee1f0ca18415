"""The user's own details (remembered for the next notification), the sender key seed and session state."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from datetime import datetime

from desktop.store.connection import VaultConnection, decoded, to_text

_SEED = "sender_key_seed"
_SESSION = "session"
SEED_BYTES = 32


@dataclass(frozen=True)
class UserProfile:
    """Who is filing: pre-filled into every new notification."""

    name: str = ""
    role: str = ""
    workplace: str = ""
    work_address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class SessionInfo:
    """What the previous session left behind: whether it ended cleanly, and the draft it had open."""

    previous_clean: bool
    open_draft_id: str | None


_PROFILE_FIELDS = tuple(f.name for f in fields(UserProfile))


class ProfileRepository:
    """Per-vault profile data and crash-recovery markers."""

    def __init__(self, connection: VaultConnection) -> None:
        self._db = connection

    @decoded
    def get(self) -> UserProfile:
        """The saved profile, or an empty one."""
        row = self._db.query_one(
            f"SELECT {', '.join(_PROFILE_FIELDS)} FROM user_profile WHERE id = 1"  # noqa: S608
        )
        return UserProfile() if row is None else UserProfile(*row)

    def save(self, profile: UserProfile) -> None:
        """Remember the profile for the next notification."""
        values = tuple(getattr(profile, name) for name in _PROFILE_FIELDS)
        columns = ", ".join(_PROFILE_FIELDS)
        marks = ", ".join("?" for _ in _PROFILE_FIELDS)
        with self._db.transaction() as connection:
            connection.execute(
                f"INSERT OR REPLACE INTO user_profile (id, {columns}) VALUES (1, {marks})",  # noqa: S608
                values,
            )

    def sender_key_seed(self) -> bytes:
        """32 random bytes made on first use and kept: the seed of this profile's Ed25519 signing key."""
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO app_state (name, value) VALUES (?, ?)", (_SEED, os.urandom(SEED_BYTES))
            )
            row = connection.execute("SELECT value FROM app_state WHERE name = ?", (_SEED,)).fetchone()
        return bytes(row[0])

    @decoded
    def _session(self) -> dict[str, object]:
        row = self._db.query_one("SELECT value FROM app_state WHERE name = ?", (_SESSION,))
        if row is None:
            return {}
        data = json.loads(bytes(row[0]).decode("utf-8"))
        return data if isinstance(data, dict) else {}

    def _write_session(self, data: dict[str, object]) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO app_state (name, value) VALUES (?, ?)",
                (_SESSION, json.dumps(data).encode("utf-8")),
            )

    def begin_session(self, now: datetime) -> SessionInfo:
        """Mark the vault in use; report whether the last session ended cleanly and its open draft."""
        previous = self._session()
        clean = not previous.get("open", False)
        draft = previous.get("open_draft_id")
        info = SessionInfo(previous_clean=clean, open_draft_id=None if clean or not isinstance(draft, str)
                           else draft)
        self._write_session({"open": True, "started_at": to_text(now), "open_draft_id": None})
        return info

    def note_open_draft(self, draft_id: str | None) -> None:
        """Remember which draft the wizard has open (None when it closes)."""
        data = self._session()
        data["open_draft_id"] = draft_id
        self._write_session(data)

    def end_session(self) -> None:
        """Clean shutdown or lock: the next begin_session reports a clean end."""
        self._write_session({"open": False, "open_draft_id": None})

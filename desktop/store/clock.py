"""Time in the store: an injectable clock and the fixed-width UTC text timestamps are stored as.

Kept apart from :mod:`desktop.store.connection` so listing profiles at start-up
does not load SQLCipher.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """A UTC ISO 8601 string with a fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str | None) -> datetime | None:
    """Parse :func:`to_text` output (None stays None)."""
    return None if text is None else datetime.fromisoformat(text)


def date_from_text(text: str | None) -> date | None:
    """Parse an ISO date (None stays None)."""
    return None if text is None else date.fromisoformat(text)

"""The intake's error base: every refusal carries a stable message id (``intake.*``).

One place imports the shared error root, so the intake's errors all derive from it.
"""

from __future__ import annotations

from protocol.errors import UnderretError


class IntakeError(UnderretError):
    """An expected failure of the intake service or its commands."""

    message_id = "intake.error"

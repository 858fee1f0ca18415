"""The root of Underret's error hierarchy.

Every layer raises subclasses of :class:`UnderretError` carrying a stable
``message_id``; the UI turns the id into a translated sentence, so no layer
below the UI formats user-facing text.
"""

from __future__ import annotations


class UnderretError(Exception):
    """An expected failure with a stable id the UI can translate.

    ``details`` holds non-sensitive facts for the message (a file name, a
    setting name); it never holds notification content, a CPR number or a key.
    """

    message_id: str = "error.unknown"

    def __init__(self, message: str = "", *, message_id: str | None = None, **details: str) -> None:
        super().__init__(message or self.message_id)
        if message_id is not None:
            self.message_id = message_id
        self.details: dict[str, str] = details

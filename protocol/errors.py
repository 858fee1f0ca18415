"""The root of Underret's error hierarchy, shared by the app, the intake and the wire protocol.

Every layer raises subclasses of :class:`UnderretError` carrying a stable
``message_id``; the app's UI turns the id into a translated sentence and the
intake prints it, so no layer below formats user-facing text.
:class:`ProtocolError` is the base of everything the wire protocol refuses.
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


class ProtocolError(UnderretError):
    """Bytes from the wire (an envelope, a receipt, a message) that are refused."""

    message_id = "protocol.malformed"

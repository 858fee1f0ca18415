"""The root of Underret's error hierarchy, and every error the wire protocol raises.

Every layer raises subclasses of :class:`UnderretError` carrying a stable
``message_id``; the app's UI turns the id into a translated sentence and the
intake prints it, so no layer below formats user-facing text.

Each refusal of bytes from the wire has its own id (``forms/schema/envelope.md``
and ``forms/schema/messages.md`` list them), so a reader can tell a damaged
payload from a wrong key from a forged message.
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


class EnvelopeError(ProtocolError):
    """An envelope that cannot be built, parsed, verified or opened.

    Ids before the signature is checked: ``envelope.malformed``,
    ``envelope.unsupported_version``, ``envelope.signature_invalid``; keys:
    ``envelope.bad_key``, ``envelope.no_key``; after a valid signature:
    ``envelope.wrong_key``, ``envelope.payload_damaged``, ``envelope.payload_malformed``,
    ``envelope.files_mismatch``, ``envelope.file_hash_mismatch``.
    """

    message_id = "envelope.malformed"


class ReceiptInvalid(ProtocolError):  # noqa: N818 - the domain word
    """A receipt that does not verify or does not belong to the envelope that was sent."""

    message_id = "receipt.invalid"


class MessageInvalid(ProtocolError):  # noqa: N818 - the domain word
    """A message from the municipality that is refused.

    ``message.malformed``, ``message.unsupported_version``,
    ``message.undecryptable`` (damaged, or for another reply key),
    ``message.unknown_signer``, ``message.forged`` (the signature does not
    verify), ``message.foreign`` (genuine, but for another notification).
    """

    message_id = "message.malformed"


class MailboxRequestInvalid(ProtocolError):  # noqa: N818 - a refusal, named as the others
    """A request for a mailbox's messages that does not prove it holds the mailbox's reply key.

    ``mailbox.malformed`` (headers missing or not well-formed), ``mailbox.key_mismatch`` (the key
    is not this mailbox's), ``mailbox.signature_invalid``, ``mailbox.stale`` (too old or from the
    future: a replayed request).
    """

    message_id = "mailbox.malformed"

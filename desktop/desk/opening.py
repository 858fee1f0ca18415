"""Opening what the desk fetched: check the intake's receipt, decrypt the envelope, read the document.

Everything is verified before anything is kept: the intake's signed receipt must be for exactly
these envelope bytes (its time is the one both deadlines run from, never a PC's clock), the
sender's signature must verify, one of the municipality's private keys must open the payload,
the envelope must hold only the files the app sends, each beginning as its kind does
(:mod:`protocol.receivable`: anyone with the municipality's public key can seal ``faktura.pdf.exe``),
and ``notification.json`` must be readable and about the same notification. Pure, in memory.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from desktop.desk.received import DocumentUnreadable, from_document
from desktop.desk.store.received import IncomingNotification
from desktop.errors import UnderretError
from protocol.envelope import EnvelopeError, OpenedEnvelope, envelope_sha256, fingerprint, open_envelope
from protocol.inbox import EnvelopeItem
from protocol.receipts import ReceiptInvalid, verify_receipt
from protocol.receivable import unexpected_files

DOCUMENT_FILE = "notification.json"


class EnvelopeUnopenable(UnderretError):  # noqa: N818 - what the caseworker is told
    """A fetched envelope the desk cannot open; ``message_id`` names why (no key, damage, receipt)."""

    message_id = "desk.envelope_unopenable"


def _reply_key(opened: OpenedEnvelope) -> bytes | None:
    """The notifier's reply key from inside a format-2 envelope (None in format 1), as the desk keeps it."""
    if opened.reply_key is None:
        return None
    from desktop.desk.replies import reply_key_bytes

    return reply_key_bytes(opened.reply_key)


def open_fetched(item: EnvelopeItem, *, private_keys: Mapping[str, object],
                 receipt_public_key: bytes) -> IncomingNotification:
    """Verify and decrypt one fetched envelope; EnvelopeUnopenable with the reason's id otherwise."""
    digest = envelope_sha256(item.envelope)
    try:
        receipt = verify_receipt(item.receipt_json, item.receipt_signature, receipt_public_key,
                                 notification_id=item.notification_id, envelope_sha256=digest)
    except ReceiptInvalid as exc:
        raise EnvelopeUnopenable("the intake's receipt does not verify", message_id=exc.message_id) from exc
    try:
        opened = open_envelope(item.envelope, private_keys)
    except EnvelopeError as exc:
        raise EnvelopeUnopenable("the envelope cannot be opened", message_id=exc.message_id) from exc
    if opened.header.notification_id != item.notification_id:
        raise EnvelopeUnopenable("the envelope is another notification", message_id="desk.envelope_mismatch")
    if unexpected_files(opened.files):
        # Kept unopened with why (IT looks): nothing of it reaches the inbox, a hand-over or a double-click.
        raise EnvelopeUnopenable("the envelope holds a file the app never sends",
                                 message_id="desk.unexpected_file")
    try:
        document = json.loads(opened.files[DOCUMENT_FILE])
        if not isinstance(document, dict) or document.get("notification_id") != item.notification_id:
            raise DocumentUnreadable("notification.json is about another notification")
        facts = from_document(document, reference=receipt.reference, received_at=receipt.received_at)
    except (KeyError, ValueError, UnicodeDecodeError, DocumentUnreadable) as exc:
        raise EnvelopeUnopenable("notification.json cannot be read",
                                 message_id="desk.document_unreadable") from exc
    return IncomingNotification(facts=facts, seq=item.seq, files=dict(opened.files), key_id=opened.key_id,
                                envelope_sha256=digest,
                                sender_fingerprint=fingerprint(opened.sender_public_key),
                                reply_key=_reply_key(opened))

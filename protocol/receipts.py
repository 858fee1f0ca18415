"""Receipts: the municipality's signed statement that it received an envelope.

A receipt is a small canonical JSON document (schema:
``forms/schema/receipt.schema.json``) with a detached Ed25519 signature by the
municipality's receipt key over ``RECEIPT_SIGNATURE_LABEL || receipt bytes``.
The client verifies it (signature, notification id, envelope hash) before it
marks a notification receipted. Pure Python: used by the desktop and the intake.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from protocol.canonical import canonical_json
from protocol.errors import ProtocolError

RECEIPT_VERSION = 1
RECEIPT_SIGNATURE_LABEL = b"underret-receipt-v1\x00"
_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/._-]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_FIELDS = {"version", "notification_id", "received_at", "reference", "envelope_sha256"}


class ReceiptInvalid(ProtocolError):  # noqa: N818 - the domain word
    """A receipt that does not verify or does not belong to the envelope that was sent."""

    message_id = "receipt.invalid"


@dataclass(frozen=True)
class Receipt:
    """What the municipality confirms: which notification, when, under which reference, which bytes."""

    notification_id: str
    received_at: datetime
    reference: str
    envelope_sha256: str

    def to_json(self) -> bytes:
        """The canonical bytes that are signed (``received_at`` in UTC, ISO 8601, ``Z``)."""
        when = self.received_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return canonical_json(
            {
                "version": RECEIPT_VERSION,
                "notification_id": self.notification_id,
                "received_at": when,
                "reference": self.reference,
                "envelope_sha256": self.envelope_sha256,
            }
        )

    @classmethod
    def from_json(cls, data: bytes) -> Receipt:
        """Parse and check a receipt's fields (not its signature)."""
        try:
            value = json.loads(data.decode("ascii"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ReceiptInvalid("receipt is not JSON", message_id="receipt.malformed") from exc
        if not isinstance(value, dict) or set(value) != _FIELDS or value["version"] != RECEIPT_VERSION:
            raise ReceiptInvalid("receipt has unexpected fields", message_id="receipt.malformed")
        try:
            received = datetime.strptime(value["received_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            reference, digest, nid = value["reference"], value["envelope_sha256"], value["notification_id"]
            if not (_REFERENCE.match(reference) and _SHA256.match(digest) and isinstance(nid, str)):
                raise ValueError("field format")
        except (TypeError, ValueError) as exc:
            raise ReceiptInvalid("receipt field is malformed", message_id="receipt.malformed") from exc
        return cls(nid, received, reference, digest)


def sign_receipt(receipt: Receipt, key: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """Receipt bytes and their detached signature (the intake's side)."""
    data = receipt.to_json()
    return data, key.sign(RECEIPT_SIGNATURE_LABEL + data)


def verify_receipt(
    receipt_json: bytes,
    signature: bytes,
    public_key: bytes,
    *,
    notification_id: str,
    envelope_sha256: str,
) -> Receipt:
    """Check the municipality's signature and that the receipt is for exactly these envelope bytes."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, RECEIPT_SIGNATURE_LABEL + receipt_json
        )
    except (InvalidSignature, ValueError) as exc:
        raise ReceiptInvalid(
            "receipt signature does not verify", message_id="receipt.invalid_signature"
        ) from exc
    receipt = Receipt.from_json(receipt_json)
    if receipt.notification_id != notification_id or receipt.envelope_sha256 != envelope_sha256:
        raise ReceiptInvalid("receipt is for another envelope", message_id="receipt.mismatch")
    return receipt


def encode_response(receipt_json: bytes, signature: bytes) -> bytes:
    """The intake's HTTP answer body: ``{"receipt": b64(receipt bytes), "signature": b64(sig)}``."""
    return canonical_json(
        {
            "receipt": base64.b64encode(receipt_json).decode("ascii"),
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    )


def decode_response(body: bytes) -> tuple[bytes, bytes]:
    """Receipt bytes and signature from an intake answer; ReceiptInvalid if it is not one."""
    try:
        value = json.loads(body)
        receipt = base64.b64decode(value["receipt"], validate=True)
        signature = base64.b64decode(value["signature"], validate=True)
    except (ValueError, KeyError, TypeError) as exc:
        raise ReceiptInvalid("answer carries no receipt", message_id="receipt.malformed") from exc
    return receipt, signature

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

from protocol.canonical import canonical_json, parse_canonical
from protocol.errors import ReceiptInvalid

__all__ = ["Receipt", "ReceiptInvalid", "decode_response", "encode_response", "sign_receipt",
           "valid_reference", "verify_receipt"]

RECEIPT_VERSION = 1
RECEIPT_SIGNATURE_LABEL = b"underret-receipt-v1\x00"
_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/._-]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_FIELDS = {"version", "notification_id", "received_at", "reference", "envelope_sha256"}


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
        """Parse and check a receipt's fields (not its signature); exactly the canonical form is accepted."""
        malformed = "receipt.malformed"
        value = parse_canonical(data, ReceiptInvalid("receipt is not canonical JSON", message_id=malformed))
        try:
            version = value.get("version")
            if set(value) != _FIELDS or type(version) is not int or version != RECEIPT_VERSION:
                raise ValueError("unexpected fields or version")
            when, reference = value["received_at"], value["reference"]
            digest, nid = value["envelope_sha256"], value["notification_id"]
            if not (isinstance(when, str) and _TIME.fullmatch(when) and valid_reference(reference)
                    and isinstance(digest, str) and _SHA256.fullmatch(digest)
                    and isinstance(nid, str) and _UUID.fullmatch(nid)):
                raise ValueError("field format")
            received = datetime.strptime(when, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError as exc:
            raise ReceiptInvalid("receipt field is malformed", message_id=malformed) from exc
        return cls(nid, received, reference, digest)


def valid_reference(text: object) -> bool:
    """Whether ``text`` is a reference a receipt may carry: 1-64 of ``A-Z a-z 0-9 / . _ -``, a letter or
    digit first (the app refuses a receipt with any other reference)."""
    return isinstance(text, str) and _REFERENCE.fullmatch(text) is not None


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
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise ReceiptInvalid("answer carries no receipt", message_id="receipt.malformed") from exc
    return receipt, signature

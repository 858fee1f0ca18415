"""Receipts: only the municipality's signature over exactly this envelope counts."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from protocol.receipts import (
    Receipt,
    ReceiptInvalid,
    decode_response,
    encode_response,
    sign_receipt,
    verify_receipt,
)

FORMS = Path(__file__).resolve().parents[2] / "forms"
KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
NID = str(uuid.uuid4())
DIGEST = "ab" * 32


def _signed() -> tuple[bytes, bytes]:
    return sign_receipt(
        Receipt(NID, datetime(2026, 3, 2, 9, 30, tzinfo=UTC), "DEMO-2026-000123", DIGEST), KEY
    )


def test_a_genuine_receipt_verifies_and_carries_the_reference_number() -> None:
    data, signature = _signed()
    receipt = verify_receipt(data, signature, PUBLIC, notification_id=NID, envelope_sha256=DIGEST)
    assert receipt.reference == "DEMO-2026-000123"
    assert receipt.received_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_receipt_matches_its_published_schema() -> None:
    data, _ = _signed()
    schema = json.loads((FORMS / "schema" / "receipt.schema.json").read_text())
    jsonschema.validate(json.loads(data), schema)


def test_a_receipt_signed_by_someone_else_is_refused() -> None:
    data, _ = _signed()
    forged = Ed25519PrivateKey.generate().sign(b"underret-receipt-v1\x00" + data)
    with pytest.raises(ReceiptInvalid) as info:
        verify_receipt(data, forged, PUBLIC, notification_id=NID, envelope_sha256=DIGEST)
    assert info.value.message_id == "receipt.invalid_signature"


def test_a_receipt_for_other_bytes_or_another_notification_is_refused() -> None:
    data, signature = _signed()
    with pytest.raises(ReceiptInvalid) as info:
        verify_receipt(data, signature, PUBLIC, notification_id=NID, envelope_sha256="cd" * 32)
    assert info.value.message_id == "receipt.mismatch"
    with pytest.raises(ReceiptInvalid):
        verify_receipt(data, signature, PUBLIC, notification_id=str(uuid.uuid4()), envelope_sha256=DIGEST)


def test_an_altered_receipt_is_refused() -> None:
    data, signature = _signed()
    altered = data.replace(b"000123", b"000124")
    with pytest.raises(ReceiptInvalid):
        verify_receipt(altered, signature, PUBLIC, notification_id=NID, envelope_sha256=DIGEST)


def test_the_intake_answer_round_trips_and_garbage_is_not_a_receipt() -> None:
    data, signature = _signed()
    assert decode_response(encode_response(data, signature)) == (data, signature)
    with pytest.raises(ReceiptInvalid):
        decode_response(b"<html>proxy error</html>")

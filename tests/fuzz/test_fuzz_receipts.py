"""Fuzzing the receipt parser: only ReceiptInvalid, and nothing but a genuine receipt is accepted."""

from __future__ import annotations

import base64
import contextlib
import json
import uuid
from datetime import UTC, datetime

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from protocol.receipts import (
    Receipt,
    ReceiptInvalid,
    decode_response,
    encode_response,
    sign_receipt,
    verify_receipt,
)
from tests.fuzz.budget import count, examples
from tests.fuzz.json_mutations import mutated_json
from tests.protocol.forge import jcs

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes_raw()
NID = str(uuid.uuid4())
DIGEST = "ab" * 32
GENUINE, SIGNATURE = sign_receipt(
    Receipt(NID, datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "KBH-2026-1", DIGEST), KEY
)


def _parse(body: bytes, signed: bytes = GENUINE) -> None:
    """Only ``signed`` (the receipt the municipality's key signed) may verify, and only if well-formed."""
    count()
    try:
        receipt, signature = decode_response(body)
    except ReceiptInvalid:
        receipt, signature = body, SIGNATURE
    with contextlib.suppress(ReceiptInvalid):
        Receipt.from_json(receipt)
    try:
        verified = verify_receipt(receipt, signature, PUBLIC, notification_id=NID, envelope_sha256=DIGEST)
    except ReceiptInvalid:
        return
    assert receipt == signed
    assert verified.to_json() == receipt  # what verified is exactly one well-formed receipt's encoding


@examples(smoke=50, full=10_000)
@given(st.binary(max_size=512))
def test_arbitrary_answers_are_refused_with_receipt_invalid(body: bytes) -> None:
    _parse(body)


_VALID_RECEIPT = json.loads(GENUINE)


@examples(smoke=50, full=10_000)
@given(st.data(), st.booleans())
def test_nearly_right_receipts_signed_by_the_municipality_are_refused_unless_well_formed(
    data: st.DataObject,
    wrap: bool,
) -> None:
    try:
        receipt = rfc8785.dumps(data.draw(mutated_json(_VALID_RECEIPT)))
    except (rfc8785.CanonicalizationError, ValueError, TypeError, UnicodeEncodeError):
        return
    signature = KEY.sign(b"underret-receipt-v1\x00" + receipt)
    with contextlib.suppress(ReceiptInvalid):
        Receipt.from_json(receipt)
    body = (
        encode_response(receipt, signature) if wrap else jcs({"receipt": base64.b64encode(receipt).decode()})
    )
    _parse(body, receipt)

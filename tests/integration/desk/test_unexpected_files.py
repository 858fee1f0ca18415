"""An envelope carrying a file the app never sends is not opened into the caseworker's inbox.

Anyone holding the municipality's public key (it is in every guideline pack) can seal an envelope;
one naming ``faktura.pdf.exe`` beside a valid ``notification.json``, or a ``notification.pdf`` that
is not a PDF, must not reach the desk's vault, its hand-over folder or a caseworker's double-click
(:mod:`protocol.receivable`). It is kept unopened with why, like an envelope waiting for a key, so
IT can look and nothing is silently lost.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import pytest

from desktop.desk.syncing import Syncing
from intake import keys as intake_keys
from protocol.envelope import envelope_sha256, seal
from protocol.inbox import EnvelopeItem
from protocol.receipts import Receipt, sign_receipt
from tests.integration.desk.conftest import CHILD
from tests.support.desk import document_about
from tests.support.roundtrip import Municipality

RECEIVED = datetime(2026, 3, 3, 13, 6, tzinfo=UTC)


def _item(municipality: Municipality, files: dict[str, bytes], notification_id: str) -> EnvelopeItem:
    envelope = seal(notification_id=notification_id, form_version="2.0", files=files,
                    recipients=[municipality.recipient], sender_seed=os.urandom(32))
    receipt = Receipt(notification_id, RECEIVED, "AERO-2026-000001", envelope_sha256(envelope))
    receipt_key = intake_keys.load_receipt_signing_key(municipality.key_files.receipt_private)
    receipt_json, signature = sign_receipt(receipt, receipt_key)
    return EnvelopeItem(1, notification_id, envelope, receipt_json, signature)


def _document(notification_id: str) -> bytes:
    name, cpr, birth = CHILD
    document = document_about(name=name, cpr=cpr, birth=birth,
                              notification_id=notification_id)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("odd", [
    {"faktura.pdf.exe": b"MZ\x90\x00 a program"},
    {"notification.pdf": b"MZ\x90\x00 a program named as a PDF"},
    {"attachment-1.jpg": b"%PDF-1.7 not a picture"},
    {"attachment-21.png": b"\x89PNG\r\n\x1a\n"},
])
def test_an_envelope_with_a_file_the_app_never_sends_is_kept_unopened(
        municipality: Municipality, odd: dict[str, bytes]) -> None:
    import uuid

    nid = str(uuid.uuid4())
    files = {"notification.json": _document(nid), "notification.pdf": b"%PDF-1.7 copy"} | odd
    keys = {"aeroe-2026": intake_keys.load_recipient_private(municipality.key_files.recipient_private)}
    opened, failed = Syncing.open_items([_item(municipality, files, nid)], keys, municipality.receipt_public)
    assert opened == []
    assert [(f.notification_id, f.reason) for f in failed] == [(nid, "desk.unexpected_file")]
    # The same envelope with only the app's own files opens (the test's envelope is otherwise sound).
    sound = {"notification.json": _document(nid), "notification.pdf": b"%PDF-1.7 copy"}
    opened, failed = Syncing.open_items([_item(municipality, sound, nid)], keys, municipality.receipt_public)
    assert [o.facts.notification_id for o in opened] == [nid] and failed == []

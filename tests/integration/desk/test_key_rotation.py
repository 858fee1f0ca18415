"""A key rotation at the desk: IT makes the municipality's next recipient key (``underret-intake keygen``
for a new id); for a while notifiers seal to the old key and, after their pack update, to the new one.
The desk holds both ids and opens both kinds; one sealed to the new key waits until it is imported."""

from __future__ import annotations

import base64
import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from desktop.desk.service import DeskService
from desktop.desk.store.unopened import UnopenedEnvelope
from desktop.desk.store.vault import DeskVault
from desktop.store.keys import KeyProtection, zero
from desktop.store.profiles import ProfileDirectory
from intake import keys as intake_keys
from protocol.envelope import RecipientKey, envelope_sha256, seal
from protocol.receipts import Receipt, sign_receipt
from tests.integration.desk.conftest import CHILD
from tests.support.desk import document_about
from tests.support.roundtrip import CHEAP_SCRYPT, PASSPHRASE, Municipality


def _waiting(municipality: Municipality, recipient: RecipientKey, seq: int) -> UnopenedEnvelope:
    """An envelope sealed to ``recipient``, receipted by the intake, as the desk keeps it unopened."""
    nid = str(uuid.uuid4())
    name, cpr, birth = CHILD
    document = document_about(name=name, cpr=cpr, birth=birth, notification_id=nid)
    files = {"notification.json": json.dumps(document, ensure_ascii=False).encode("utf-8"),
             "notification.pdf": b"%PDF-1.7 copy"}
    envelope = seal(notification_id=nid, form_version="2.0", files=files, recipients=[recipient],
                    sender_seed=os.urandom(32))
    receipt = Receipt(nid, datetime(2026, 3, 3, 13, 6, tzinfo=UTC), f"AERO-2026-{seq:06d}",
                      envelope_sha256(envelope))
    signing = intake_keys.load_receipt_signing_key(municipality.key_files.receipt_private)
    receipt_json, signature = sign_receipt(receipt, signing)
    return UnopenedEnvelope(seq, nid, envelope, receipt_json, signature, "envelope.no_key")


def test_envelopes_sealed_to_the_old_and_the_new_key_both_open(tmp_path: Path,
                                                               municipality: Municipality) -> None:
    new_private, _ = intake_keys.generate_recipient(tmp_path / "keys-2027", "aeroe-2027")
    new_recipient = intake_keys.load_recipient_private(new_private).public()
    old = _waiting(municipality, municipality.recipient, 1)
    new = _waiting(municipality, new_recipient, 2)
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=CHEAP_SCRYPT, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, PASSPHRASE)
    vault = DeskVault.open(info.vault_path, key)
    zero(key)
    service = DeskService(vault)
    try:
        receipt_key = intake_keys.load_public(municipality.key_files.receipt_public)
        vault.settings.set("receipt_public_key", base64.b64encode(receipt_key).decode())
        vault.unopened.keep(old)
        vault.unopened.keep(new)
        service.import_key(municipality.key_files.recipient_private)  # the old key, aeroe-2026
        assert [u.notification_id for u in service.unopened()] == [new.notification_id]
        assert [row.notification_id for row in service.inbox()] == [old.notification_id]
        service.import_key(new_private)  # the new key, aeroe-2027: the other opens too
        assert service.unopened() == []
        assert {row.notification_id for row in service.inbox()} == {old.notification_id,
                                                                       new.notification_id}
        assert vault.keys.recipient_key_ids() == ["aeroe-2026", "aeroe-2027"]
    finally:
        service.close()
        vault.close()

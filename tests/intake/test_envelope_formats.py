"""The intake takes both envelope formats: format-1 envelopes still queued on PCs, format 2 from now on.

Old vaults hold format-1 envelopes that are sent after the app is updated, and
intakes hold format-1 rows; a caseworker decrypts either with the same key file.
A key made by ``keygen`` is the standard 32-byte X-Wing seed that other X-Wing
implementations import.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from intake import keys
from intake.cli import main as intake_cli
from protocol.envelope import seal
from protocol.receipts import decode_response, verify_receipt
from protocol.replies import ReplyKey

if TYPE_CHECKING:
    from tests.intake.conftest import RunningIntake


def test_keygen_writes_the_32_byte_x_wing_seed(tmp_path: Path) -> None:
    files = keys.generate(tmp_path / "keys", "kommune-2027")
    value = json.loads(files.recipient_private.read_text())
    assert len(base64.b64decode(value["private_key"])) == 32
    assert len(keys.load_recipient_private(files.recipient_private).public().public_key) == 1216


@pytest.mark.parametrize("version", [1, 2])
def test_an_envelope_of_either_format_is_receipted_and_decrypted_with_the_same_key_file(
    running_intake: RunningIntake, tmp_path: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    recipient = keys.load_recipient_private(running_intake.key_files.recipient_private).public()
    nid = str(uuid.uuid4())
    envelope = seal(
        notification_id=nid, form_version="2.0", files={"notification.json": b'{"v":%d}' % version},
        recipients=[recipient], sender_seed=os.urandom(32), format_version=version,
        reply_key=ReplyKey.generate().public() if version == 2 else None,
    )
    answer = running_intake.client.post("/v1/envelopes", content=envelope, headers={"Idempotency-Key": nid})
    assert answer.status_code == 201, answer.text
    receipt_json, signature = decode_response(answer.content)
    receipt_public = keys.load_public(running_intake.key_files.receipt_public)
    verify_receipt(receipt_json, signature, receipt_public, notification_id=nid,
                   envelope_sha256=hashlib.sha256(envelope).hexdigest())
    out = tmp_path / "opened"
    code = intake_cli(["decrypt", nid, "--db", str(running_intake.db), "--key",
                       str(running_intake.key_files.recipient_private), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert (out / "notification.json").read_bytes() == b'{"v":%d}' % version

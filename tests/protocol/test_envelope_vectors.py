"""The committed test vector still opens: the envelope format cannot drift silently."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from protocol.envelope import RecipientPrivateKey, fingerprint, inspect, open_envelope

VECTOR = Path(__file__).resolve().parents[2] / "forms" / "schema" / "envelope-vectors" / "vector-1"


def _key(path: Path) -> RecipientPrivateKey:
    value = json.loads(path.read_text())
    key = RecipientPrivateKey(value["key_id"], base64.b64decode(value["private_key"]))
    assert base64.b64encode(key.public().public_key).decode() == value["public_key"]
    return key


def test_committed_vector_opens_with_each_recipient_key_to_the_expected_files() -> None:
    meta = json.loads((VECTOR / "vector.json").read_text())
    data = (VECTOR / meta["envelope_file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["envelope_sha256"]
    assert inspect(data).manifest_json.decode() == meta["manifest"]
    for key_file in meta["recipient_key_files"]:
        key = _key(VECTOR / key_file)
        opened = open_envelope(data, {key.key_id: key})
        assert opened.header.notification_id == meta["notification_id"]
        assert opened.sender_public_key.hex() == meta["sender_public_key_hex"]
        assert fingerprint(opened.sender_public_key) == meta["sender_fingerprint"]
        expected = {p.name: p.read_bytes() for p in (VECTOR / "files").iterdir()}
        assert opened.files == expected
        assert list(opened.files) == list(meta["files"])

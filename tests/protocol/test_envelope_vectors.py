"""The committed test vector still opens: the envelope format cannot drift silently."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from protocol.envelope import RecipientPrivateKey, fingerprint, inspect, open_envelope
from protocol.messages import Orientation, open_message
from protocol.replies import ReplyKey

VECTORS = Path(__file__).resolve().parents[2] / "forms" / "schema" / "envelope-vectors"


def _key(path: Path) -> RecipientPrivateKey:
    value = json.loads(path.read_text())
    key = RecipientPrivateKey(value["key_id"], base64.b64decode(value["private_key"]))
    assert base64.b64encode(key.public().public_key).decode() == value["public_key"]
    return key


@pytest.mark.parametrize("name", ["vector-1", "vector-2"])
def test_committed_vector_opens_with_each_recipient_key_to_the_expected_files(name: str) -> None:
    vector = VECTORS / name
    meta = json.loads((vector / "vector.json").read_text())
    data = (vector / meta["envelope_file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["envelope_sha256"]
    assert inspect(data).manifest_json.decode() == meta["manifest"]
    for key_file in meta["recipient_key_files"]:
        key = _key(vector / key_file)
        opened = open_envelope(data, {key.key_id: key})
        assert opened.header.notification_id == meta["notification_id"]
        assert opened.sender_public_key.hex() == meta["sender_public_key_hex"]
        assert fingerprint(opened.sender_public_key) == meta["sender_fingerprint"]
        expected = {p.name: p.read_bytes() for p in (vector / "files").iterdir()}
        assert opened.files == expected
        assert list(opened.files) == list(meta["files"])
        assert opened.header.format_version == int(name[-1])


def test_the_message_vector_opens_with_the_projects_reader() -> None:
    folder = VECTORS / "message-1"
    meta = json.loads((folder / "vector.json").read_text())
    message = open_message(
        (folder / meta["message_file"]).read_bytes(),
        reply_key=ReplyKey(bytes.fromhex(meta["reply_key_seed_hex"])),
        notification_id=meta["notification_id"],
        trusted_signing_keys={meta["signing_key_id"]: base64.b64decode(meta["signing_public_key_b64"])},
    )
    assert isinstance(message, Orientation) and message.outcome == "investigation"

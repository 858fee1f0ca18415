"""``underret-intake decrypt`` says what is wrong with a signed envelope, not always "wrong key".

Format 1's review found every failure after a valid signature reported as a
wrong key; a caseworker then hunts for another key file when the sender's
program is what sealed a broken envelope.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest

from intake.cli import main as intake_cli
from tests.protocol.forge import Forge


def _decrypt(tmp_path: Path, forge: Forge, seed: bytes) -> int:
    envelope = tmp_path / "underretning-0F8E3C1A.underret"
    envelope.write_bytes(forge.build())
    key = tmp_path / "recipient.key.json"
    key.write_text(json.dumps({"key_id": "kommune-2026", "private_key": base64.b64encode(seed).decode()}))
    key.chmod(0o600)
    return intake_cli(["decrypt", "--file", str(envelope), "--key", str(key), "--out", str(tmp_path / "out")])


def test_a_signed_envelope_whose_file_does_not_match_its_hash_is_called_damaged_not_a_wrong_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forge = Forge()
    forge.manifest_changes = {"files": [{"name": "notification.json", "sha256": "0" * 64},
                                        forge.manifest()["files"][1]]}
    code = _decrypt(tmp_path, forge, forge.seeds["kommune-2026"])
    err = capsys.readouterr().err
    assert code == 1
    assert "intake.envelope_damaged" in err and "envelope.file_hash_mismatch" in err
    assert "intake.wrong_key" not in err
    assert not (tmp_path / "out").exists()


def test_a_key_file_with_another_key_under_the_right_id_is_called_a_wrong_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _decrypt(tmp_path, Forge(), os.urandom(32))
    err = capsys.readouterr().err
    assert code == 1
    assert "intake.wrong_key" in err and "different key under the same id" in err
    assert not (tmp_path / "out").exists()


def test_a_32_byte_seed_key_file_and_a_96_byte_format_1_key_file_both_decrypt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forge = Forge(version=1)
    seed = forge.seeds["kommune-2026"]
    for folder, key_bytes in (("seed", seed), ("legacy", hashlib.shake_256(seed).digest(96))):
        (tmp_path / folder).mkdir()
        code = _decrypt(tmp_path / folder, forge, key_bytes)
        assert code == 0, capsys.readouterr().err
        assert (tmp_path / folder / "out" / "notification.json").read_bytes() == b"{}"

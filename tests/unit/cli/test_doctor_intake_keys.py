"""``underret doctor`` shows which intake keys this PC seals notifications to (for key rotation)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from desktop.cli import main
from protocol.envelope import RecipientPrivateKey, fingerprint


def test_doctor_lists_the_policy_intake_keys_with_the_fingerprints_keygen_printed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = RecipientPrivateKey.generate("kommune-2026").public()
    new = RecipientPrivateKey.generate("kommune-2027").public()
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"intake_keys": [
        {"id": key.key_id, "public_key": base64.b64encode(key.public_key).decode()} for key in (old, new)
    ]}), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))

    assert main(["doctor"]) == 0

    out = capsys.readouterr().out
    assert "managed settings: intake_keys" in out
    assert "intake keys (from the policy intake_keys; each notification is sealed to all of them):" in out
    assert f"    kommune-2026: fingerprint {fingerprint(old.public_key)}" in out
    assert f"    kommune-2027: fingerprint {fingerprint(new.public_key)}" in out


def test_doctor_says_plainly_when_no_intake_key_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    # No policy: the national pack is in force, and it names no intake.
    assert main(["doctor"]) == 0
    assert "intake keys: none" in capsys.readouterr().out

"""``underret doctor`` says where notifications go, or why they cannot leave this PC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.doctor import EXIT_ERRORS


def _policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: dict[str, object]) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))


def test_a_pc_without_an_intake_is_told_as_a_note_not_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    # No policy: the national pack names no intake, as in a trial installation.
    assert main(["doctor"]) == 0
    assert "delivery: NOT CONFIGURED (no intake address; setting intake_endpoint)" in capsys.readouterr().out


def test_a_policy_that_allows_only_secure_email_fails_with_the_reason(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only secure e-mail is allowed and it is not set up (no mailbox address): the HTTPS intake address
    # is there, but nothing may go over HTTPS against IT's policy, so doctor names the missing setting.
    _policy(tmp_path, monkeypatch, {"allowed_transports": ["secure_email"],
                                    "intake_endpoint": "https://intake.kommune.example/"})
    assert main(["doctor"]) == EXIT_ERRORS
    out = capsys.readouterr().out
    assert "delivery: NOT CONFIGURED (the policy does not allow delivery over HTTPS" in out
    assert "delivery is not configured: the policy does not allow delivery over HTTPS" in out
    assert "secure e-mail is not set up (no secure_email_to); setting secure_email_to" in out


def test_a_policy_intake_without_its_keys_fails_with_the_setting_to_fix(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _policy(tmp_path, monkeypatch, {"intake_endpoint": "https://intake.kommune.example/"})
    assert main(["doctor"]) == EXIT_ERRORS
    assert "setting intake.keys" in capsys.readouterr().out


@pytest.mark.parametrize("endpoint", ["https://intake.kommune.example",
                                      "https://intake.kommune.example/v1/envelopes"])
def test_doctor_names_the_address_notifications_are_posted_to(
        endpoint: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # IT compares this with the intake's (or nginx's) routes: the base address, or the whole API address
    # copied from intake/README.md, both post to <base>/v1/envelopes.
    import base64

    _policy(tmp_path, monkeypatch, {
        "intake_endpoint": endpoint,
        "intake_keys": [{"id": "kommune-2026", "public_key": base64.b64encode(bytes(1216)).decode()}],
        "receipt_public_key": base64.b64encode(bytes(range(32))).decode(),
        "intake_pin_sha256": "ab" * 32,
    })
    main(["doctor"])
    out = capsys.readouterr().out
    assert ("delivery: HTTPS to https://intake.kommune.example/v1/envelopes "
            "(TLS verified against the pinned certificate key)") in out

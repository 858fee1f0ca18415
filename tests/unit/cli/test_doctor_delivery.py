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

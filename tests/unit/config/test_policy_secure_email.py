"""IT sets secure e-mail up in the policy: file, Group Policy and the installer's policy writer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.config.policy import PolicyInvalid, load_policy, load_policy_file, policy_from_mapping
from desktop.config.policy_writer import main as write_policy_main

MAIL_POLICY: dict[str, Any] = {
    "allowed_transports": ["secure_email", "https"],
    "secure_email_to": "sikkermail@kommune.example",
    "secure_email_certificate_file": "sikkermail.pem",
    "secure_email_from": "underret@skole.kommune.example",
    "smtp_host": "smtp.kommune.example",
    "smtp_port": 465,
    "smtp_tls": "tls",
    "smtp_ca_pem_file": "kommune-ca.pem",
}


@pytest.fixture
def mailbox_certificate(ca_pem_file: Path) -> Path:
    """A real certificate beside the policy file (the policy only checks that it is a PEM certificate)."""
    path = ca_pem_file.parent / "sikkermail.pem"
    path.write_bytes(ca_pem_file.read_bytes())
    return path


def test_secure_email_settings_are_read_and_their_files_found_beside_the_policy(
        write_policy: Callable[..., Path], ca_pem_file: Path, mailbox_certificate: Path) -> None:
    policy, _ = load_policy(environ={}, platform_file=write_policy(MAIL_POLICY))
    assert [str(t) for t in policy.allowed_transports or []] == ["secure_email", "https"]
    assert (policy.secure_email_to, policy.smtp_host, policy.smtp_port, policy.smtp_tls) == (
        "sikkermail@kommune.example", "smtp.kommune.example", 465, "tls")
    assert policy.secure_email_certificate_file == str(mailbox_certificate.resolve())
    assert policy.smtp_ca_pem_file == str(ca_pem_file.resolve())


@pytest.mark.parametrize(("setting", "value", "kind"), [
    ("secure_email_to", "Kommune <sikkermail@kommune.example>", "policy.bad_value"),
    ("secure_email_from", "lærer på skolen", "policy.bad_value"),
    ("smtp_host", "https://smtp.kommune.example", "policy.bad_value"),
    ("smtp_port", 0, "policy.out_of_range"),
    ("smtp_tls", "none", "policy.bad_value"),
    ("smtp_tls", "plain", "policy.bad_value"),
    ("secure_email_certificate_file", "missing.pem", "policy.missing_file"),
])
def test_a_wrong_secure_email_setting_is_named_with_its_problem(
        write_policy: Callable[..., Path], ca_pem_file: Path, mailbox_certificate: Path,
        setting: str, value: Any, kind: str) -> None:
    with pytest.raises(PolicyInvalid) as caught:
        load_policy_file(write_policy({**MAIL_POLICY, setting: value}))
    assert caught.value.message_id == kind
    assert caught.value.details["setting"] == setting


def test_a_mailbox_certificate_file_that_is_not_a_certificate_is_refused(
        write_policy: Callable[..., Path], ca_pem_file: Path) -> None:
    (ca_pem_file.parent / "sikkermail.pem").write_text("not a certificate", "utf-8")
    with pytest.raises(PolicyInvalid) as caught:
        load_policy_file(write_policy(MAIL_POLICY))
    assert caught.value.details["setting"] == "secure_email_certificate_file"


def test_group_policy_writes_the_smtp_port_as_a_number_and_the_rest_as_text(
        ca_pem_file: Path, mailbox_certificate: Path) -> None:
    from desktop.config.policy import registry_to_mapping

    values = [(name, value) for name, value in MAIL_POLICY.items() if name != "allowed_transports"]
    values += [("allowed_transports", "secure_email, https")]
    mapping = registry_to_mapping(values, [])
    policy = policy_from_mapping(mapping, r"HKLM\SOFTWARE\Policies\Underret", base_dir=ca_pem_file.parent)
    assert policy.smtp_port == 465
    assert [str(t) for t in policy.allowed_transports or []] == ["secure_email", "https"]


def test_the_installer_writes_secure_email_settings_with_absolute_certificate_paths(
        tmp_path: Path, ca_pem_file: Path, mailbox_certificate: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ca_pem_file.parent)
    out = tmp_path / "machine" / "policy.json"
    code = write_policy_main([
        "--out", str(out), "--allowed-transports", "secure_email",
        "--secure-email-to", "sikkermail@kommune.example", "--secure-email-from", "underret@skole.example",
        "--secure-email-certificate-file", "sikkermail.pem", "--smtp-host", "smtp.kommune.example",
        "--smtp-port", "587", "--smtp-tls", "starttls", "--smtp-ca-pem-file", str(ca_pem_file)])
    assert code == 0
    written = json.loads(out.read_text("utf-8"))
    assert written["smtp_port"] == 587
    assert written["secure_email_certificate_file"] == str(mailbox_certificate.resolve())
    assert written["allowed_transports"] == ["secure_email"]
    policy = load_policy_file(out)
    assert policy.smtp_tls == "starttls"


def test_the_installer_refuses_a_sender_that_is_not_an_e_mail_address(tmp_path: Path) -> None:
    out = tmp_path / "policy.json"
    assert write_policy_main(["--out", str(out), "--secure-email-from", "underret at skole"]) == 1
    assert not out.exists()

"""``underret doctor`` tells IT which transport is in force and the secure e-mail settings (never secrets)."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from desktop.cli import main
from desktop.doctor import EXIT_ERRORS
from protocol.envelope import RecipientPrivateKey
from tests.integration.mail.conftest import MAILBOX, SENDER, Mailbox, TlsMaterial


def _write_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: dict[str, object]) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))


def _mail_policy(certificate_file: Path, ca_file: Path, intake_key: RecipientPrivateKey) -> dict[str, object]:
    return {
        "allowed_transports": ["secure_email", "https"],
        "intake_keys": [{"id": intake_key.key_id,
                         "public_key": base64.b64encode(intake_key.public().public_key).decode()}],
        "secure_email_to": MAILBOX,
        "secure_email_certificate_file": str(certificate_file),
        "secure_email_from": SENDER,
        "smtp_host": "smtp.kommune.example",
        "smtp_ca_pem_file": str(ca_file),
    }


def test_doctor_names_secure_email_its_server_and_the_mailbox_certificate(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        mailbox: Mailbox, tls: TlsMaterial, intake_key: RecipientPrivateKey) -> None:
    _write_policy(tmp_path, monkeypatch, _mail_policy(mailbox.certificate_file, tls.ca_file, intake_key))

    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "transports allowed (in order of preference): secure_email, https; in force: secure_email" in out
    assert f"delivery: secure e-mail (S/MIME) to {MAILBOX}, from {SENDER}" in out
    assert "SMTP server: smtp.kommune.example:587, STARTTLS required, TLS 1.2 or newer" in out
    assert "policy's CA file" in out
    expires = mailbox.certificate.not_valid_after_utc.date().isoformat()
    assert f"mailbox certificate: CN=Demo Kommune sikker mail,O=Demo Kommune, valid until {expires}" in out
    assert "BEGIN CERTIFICATE" not in out  # the settings are described, not dumped


def test_doctor_fails_when_the_mailbox_certificate_has_expired(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        tls: TlsMaterial, intake_key: RecipientPrivateKey) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Old sikker mail")])
    now = datetime.now(UTC)
    old = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
           .serial_number(x509.random_serial_number())
           .not_valid_before(now - timedelta(days=400)).not_valid_after(now - timedelta(days=1))
           .sign(key, hashes.SHA256()))
    certificate_file = tmp_path / "old.pem"
    certificate_file.write_bytes(old.public_bytes(serialization.Encoding.PEM))
    _write_policy(tmp_path, monkeypatch, _mail_policy(certificate_file, tls.ca_file, intake_key))

    assert main(["doctor"]) == EXIT_ERRORS
    out = capsys.readouterr().out
    assert "mailbox certificate: EXPIRED" in out
    assert "the secure mailbox certificate has expired (secure_email_certificate_file)" in out


def test_doctor_names_the_missing_setting_when_secure_email_is_half_set_up(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        mailbox: Mailbox, tls: TlsMaterial, intake_key: RecipientPrivateKey) -> None:
    values = _mail_policy(mailbox.certificate_file, tls.ca_file, intake_key)
    del values["smtp_host"]
    values["allowed_transports"] = ["secure_email"]
    _write_policy(tmp_path, monkeypatch, values)

    assert main(["doctor"]) == EXIT_ERRORS
    out = capsys.readouterr().out
    assert "delivery: NOT CONFIGURED (no SMTP server for secure e-mail; setting smtp_host)" in out

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
from tests.integration.mail.conftest import MAILBOX, SENDER, Mailbox, MailboxCa, TlsMaterial
from tests.support.http_proxy import HttpProxy


def _write_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: dict[str, object]) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))


def _mail_policy(certificate_file: Path, ca_file: Path, intake_key: RecipientPrivateKey,
                 mailbox_ca_file: Path | None = None) -> dict[str, object]:
    return {
        "secure_email_ca_pem_file": str(mailbox_ca_file or ca_file),
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
        mailbox: Mailbox, tls: TlsMaterial, intake_key: RecipientPrivateKey, mailbox_ca: MailboxCa) -> None:
    _write_policy(tmp_path, monkeypatch, _mail_policy(mailbox.certificate_file, tls.ca_file, intake_key,
                                                      mailbox_ca.ca_file))

    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "transports allowed (in order of preference): secure_email, https; in force: secure_email" in out
    assert f"delivery: secure e-mail (S/MIME) to {MAILBOX}, from {SENDER}" in out
    assert "SMTP server: smtp.kommune.example:587, STARTTLS required, TLS 1.2 or newer" in out
    assert "policy's CA file" in out
    expires = mailbox.certificate.not_valid_after_utc.date().isoformat()
    assert f"mailbox certificate: CN=Demo Kommune sikker mail,O=Demo Kommune, valid until {expires}" in out
    assert "BEGIN CERTIFICATE" not in out  # the settings are described, not dumped
    assert "mailbox certificate check: valid (chain to secure_email_ca_pem_file" in out
    assert "SMTP login: none (smtp_username not set)" in out
    assert "S/MIME signing: none (secure_email_signing_p12_file not set)" in out


def test_doctor_says_plainly_what_mail_does_with_the_proxy_and_whether_the_login_password_is_there(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        mailbox: Mailbox, tls: TlsMaterial, intake_key: RecipientPrivateKey, mailbox_ca: MailboxCa,
        proxy: HttpProxy) -> None:
    values = _mail_policy(mailbox.certificate_file, tls.ca_file, intake_key, mailbox_ca.ca_file)
    values |= {"proxy": "https://proxy.kommune.example:3129", "smtp_username": "skole-underret"}
    _write_policy(tmp_path, monkeypatch, values)

    assert main(["doctor"]) == EXIT_ERRORS
    out = capsys.readouterr().out
    assert "proxy for mail: NONE. Mail ignores the proxy setting https://proxy.kommune.example:3129" in out
    assert ("SMTP login: user skole-underret, but NO PASSWORD in the OS keyring (service underret-smtp, "
            "user skole-underret)") in out

    import keyring

    keyring.set_password("underret-smtp", "skole-underret", "hemmeligt kodeord")
    values["proxy"] = proxy.url  # a real proxy: the revocation list is fetched through it too
    _write_policy(tmp_path, monkeypatch, values)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert f"proxy for mail: {proxy.url} (HTTP CONNECT to smtp.kommune.example:587" in out
    assert "password found in the OS keyring" in out
    assert "hemmeligt kodeord" not in out


def test_doctor_refuses_a_mailbox_certificate_the_sender_would_refuse(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        tls: TlsMaterial, intake_key: RecipientPrivateKey, mailbox_ca: MailboxCa) -> None:
    wrong, _ = mailbox_ca.issue("doctor-wrong-address", address="someone@else.example")
    _write_policy(tmp_path, monkeypatch, _mail_policy(wrong.certificate_file, tls.ca_file, intake_key,
                                                      mailbox_ca.ca_file))
    assert main(["doctor"]) == EXIT_ERRORS
    out = capsys.readouterr().out
    assert "mailbox certificate check: REFUSED (delivery.mail_certificate_wrong_address)" in out


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

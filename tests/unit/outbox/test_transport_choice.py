"""Which way a notification leaves the PC: the first transport IT allows that is set up; HTTPS by default."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import NameOID

from desktop.config.policy import Policy, Transport
from desktop.domain.packs import GuidelinePack, Intake, load_pack, shipped_packs
from desktop.outbox.mail import SecureMailTransport
from desktop.outbox.target import IntakeNotConfigured, intake_target, make_transport
from desktop.outbox.transport import DeliveryConfigError, HttpsIntakeTransport
from protocol.envelope import RecipientPrivateKey

RECIPIENT = RecipientPrivateKey.generate("kommune-2026").public()
RECEIPT = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _certificate(path: Path, key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> Path:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kommune sikker mail")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture(scope="module")
def rsa_certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _certificate(tmp_path_factory.mktemp("mailbox") / "mailbox.pem", key)


def _pack(endpoint: str | None = "https://intake.kommune.dk") -> GuidelinePack:
    pack = load_pack(next(p for p in shipped_packs() if p.stem == "national"))
    intake = Intake(endpoint=endpoint, pin_sha256="ab" * 32, key_id=RECIPIENT.key_id,
                    public_key=base64.b64encode(RECIPIENT.public_key).decode(),
                    receipt_key=base64.b64encode(RECEIPT).decode())
    return pack.model_copy(update={"intake": intake})


def _mail(certificate: Path, **values: Any) -> Policy:
    settings: dict[str, Any] = {"secure_email_to": "sikkermail@kommune.dk",
                                "secure_email_certificate_file": str(certificate),
                                # (the certificate itself as the CA bundle: only the choice is tested here)
                                "secure_email_ca_pem_file": str(certificate),
                                "secure_email_from": "underret@skole.kommune.dk",
                                "smtp_host": "smtp.kommune.dk", **values}
    return Policy(**settings)


def test_without_a_transport_policy_https_is_used_as_before_even_when_e_mail_is_set_up(
        rsa_certificate: Path) -> None:
    for policy in (None, Policy(), _mail(rsa_certificate)):
        target = intake_target(_pack(), policy)
        assert (target.transport, target.mail, target.endpoint) == ("https", None, "https://intake.kommune.dk")
        transport = make_transport(target)
        assert isinstance(transport, HttpsIntakeTransport)
        transport.close()


def test_a_policy_allowing_only_secure_email_sends_by_secure_email(rsa_certificate: Path) -> None:
    policy = _mail(rsa_certificate, allowed_transports=[Transport.SECURE_EMAIL])
    target = intake_target(_pack(), policy)
    assert target.transport == "secure_email"
    assert target.mail is not None
    assert (target.mail.mailbox, target.mail.smtp_host) == ("sikkermail@kommune.dk", "smtp.kommune.dk")
    assert (target.mail.tls_mode, target.mail.smtp_port) == ("starttls", 587)
    assert target.mail.ca_pem is None  # the system's trust store
    assert target.recipients == (RECIPIENT,)  # sealed to the same intake key either way
    assert isinstance(make_transport(target), SecureMailTransport)


def test_the_first_allowed_transport_that_is_set_up_is_used(rsa_certificate: Path) -> None:
    both = [Transport.SECURE_EMAIL, Transport.HTTPS]
    assert intake_target(_pack(), _mail(rsa_certificate, allowed_transports=both)).transport == "secure_email"
    https_first = [Transport.HTTPS, Transport.SECURE_EMAIL]
    assert intake_target(_pack(), _mail(rsa_certificate, allowed_transports=https_first)).transport == "https"
    # HTTPS preferred but no intake address anywhere: secure e-mail is the one set up.
    no_intake = _pack(endpoint=None)
    assert intake_target(no_intake, _mail(rsa_certificate, allowed_transports=https_first)).transport \
        == "secure_email"
    # E-mail preferred but its mailbox is not named: HTTPS.
    assert intake_target(_pack(), Policy(allowed_transports=both)).transport == "https"


def test_implicit_tls_defaults_to_port_465_and_a_set_port_wins(rsa_certificate: Path) -> None:
    only_mail = [Transport.SECURE_EMAIL]
    target = intake_target(_pack(), _mail(rsa_certificate, allowed_transports=only_mail, smtp_tls="tls"))
    assert target.mail is not None and (target.mail.tls_mode, target.mail.smtp_port) == ("tls", 465)
    target = intake_target(_pack(), _mail(rsa_certificate, allowed_transports=only_mail, smtp_port=2525))
    assert target.mail is not None and target.mail.smtp_port == 2525


@pytest.mark.parametrize("missing", ["secure_email_certificate_file", "secure_email_from", "smtp_host"])
def test_half_set_up_secure_email_names_the_missing_setting_and_never_falls_back(
        rsa_certificate: Path, missing: str) -> None:
    policy = _mail(rsa_certificate, allowed_transports=[Transport.SECURE_EMAIL, Transport.HTTPS],
                   **{missing: None})
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(_pack(), policy)
    assert info.value.message_id == "delivery.not_configured"
    assert info.value.details["setting"] == missing


def test_an_unreadable_certificate_file_is_reported_as_not_configured(tmp_path: Path) -> None:
    policy = _mail(tmp_path / "gone.pem", allowed_transports=[Transport.SECURE_EMAIL])
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(_pack(), policy)
    assert info.value.details["setting"] == "secure_email_certificate_file"


def test_a_mailbox_certificate_without_an_rsa_key_cannot_be_used(tmp_path: Path) -> None:
    ec_certificate = _certificate(tmp_path / "ec.pem", ec.generate_private_key(ec.SECP256R1()))
    target = intake_target(_pack(), _mail(ec_certificate, allowed_transports=[Transport.SECURE_EMAIL]))
    with pytest.raises(DeliveryConfigError) as info:
        make_transport(target)
    assert info.value.message_id == "delivery.mail_certificate_unusable"


def test_demo_mode_never_sends_e_mail(rsa_certificate: Path) -> None:
    target = intake_target(_pack(), _mail(rsa_certificate, allowed_transports=[Transport.SECURE_EMAIL]))
    with pytest.raises(DeliveryConfigError):
        make_transport(target, demo=True)


def test_secure_email_without_a_ca_bundle_for_the_mailbox_certificate_is_not_set_up(
        rsa_certificate: Path) -> None:
    # The mailbox certificate is validated before every use: not possible without the CA it must chain to.
    policy = _mail(rsa_certificate, allowed_transports=[Transport.SECURE_EMAIL],
                   secure_email_ca_pem_file=None)
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(_pack(), policy)
    assert info.value.details["setting"] == "secure_email_ca_pem_file"

"""Secure e-mail fixtures: a real SMTP server (aiosmtpd) on 127.0.0.1 with TLS from a test CA, a real vault.

The SMTP server runs in its own thread and keeps every message it accepted
byte for byte, so a test can check what went over the wire. It can require
STARTTLS, speak implicit TLS, offer no TLS at all, or answer a recipient or
the message with a fixed reply (4xx, 5xx). The municipality's secure mailbox
is a real RSA key and certificate; the test decrypts with it.
"""

from __future__ import annotations

import base64
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from desktop.config.policy import IntakeKey, Policy, Transport
from desktop.store.vault import Vault
from intake import keys
from intake.tls import CertificateAuthority, IssuedCertificate
from protocol.envelope import RecipientPrivateKey, seal

#: The child's name, the child's CPR number and the notifier's name: none may appear in clear in a mail.
CHILD_NAME = "Ærø-Østergård"
CPR = "010199-4321"
NOTIFIER = "Birthe Lærer-Sørensen"
CONTENT = f'{{"child": "{CHILD_NAME}", "cpr": "{CPR}", "notifier": "{NOTIFIER}"}}'.encode()
#: Generous for answers that come (a loaded CI machine).
TEST_TIMEOUT = 10.0
MAILBOX = "sikkermail@kommune.example"
SENDER = "underret@skole.kommune.example"


@dataclass
class Mailbox:
    """The municipality's secure mailbox: its RSA key and the certificate the policy names."""

    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    certificate_file: Path

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


@dataclass
class Received:
    """One message the SMTP server accepted."""

    mail_from: str
    recipients: list[str]
    content: bytes


@dataclass
class RecordingHandler:
    """Keeps every accepted message; answers ``rcpt_reply`` / ``data_reply`` instead when they are set."""

    rcpt_reply: str | None = None
    data_reply: str | None = None
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if self.rcpt_reply is not None:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.data_reply is not None:
            return self.data_reply
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 2.0.0 Accepted"


@dataclass
class SmtpServer:
    """A running test SMTP server."""

    port: int
    handler: RecordingHandler
    tls_mode: str  # "starttls", "tls" or "none" (no TLS offered at all)

    @property
    def received(self) -> list[Received]:
        return self.handler.received


@dataclass
class TlsMaterial:
    ca: CertificateAuthority
    ca_file: Path
    folder: Path

    def server_context(self, cert: IssuedCertificate) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        cert_file, key_file = cert.write(self.folder, f"server-{id(cert)}")
        context.load_cert_chain(cert_file, key_file)
        return context


def _mailbox_certificate(key: rsa.RSAPrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Demo Kommune"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Demo Kommune sikker mail")])
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(MAILBOX)]), critical=False)
        .sign(key, hashes.SHA256())
    )


@pytest.fixture(scope="session")
def mailbox(tmp_path_factory: pytest.TempPathFactory) -> Mailbox:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = _mailbox_certificate(key)
    path = tmp_path_factory.mktemp("mailbox") / "sikkermail.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return Mailbox(key, certificate, path)


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    folder = tmp_path_factory.mktemp("smtp-tls")
    ca = CertificateAuthority("Underret SMTP test CA")
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca.cert_pem)
    return TlsMaterial(ca, ca_file, folder)


@pytest.fixture(scope="session")
def intake_key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The municipality's ``recipient.key.json``, made by the real ``underret-intake keygen``."""
    private, _ = keys.generate_recipient(tmp_path_factory.mktemp("intake-keys"), "kommune-2026")
    return private


@pytest.fixture(scope="session")
def intake_key(intake_key_file: Path) -> RecipientPrivateKey:
    return keys.load_recipient_private(intake_key_file)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server(tls: TlsMaterial) -> Iterator[Callable[..., SmtpServer]]:
    """Start a real SMTP server on 127.0.0.1: ``tls_mode`` "starttls" (required), "tls" or "none"."""
    controllers: list[Controller] = []

    def _start(tls_mode: str = "starttls", *, cert: IssuedCertificate | None = None,
               rcpt_reply: str | None = None, data_reply: str | None = None) -> SmtpServer:
        handler = RecordingHandler(rcpt_reply=rcpt_reply, data_reply=data_reply)
        context = tls.server_context(cert or tls.ca.issue_server("127.0.0.1"))
        port = _free_port()
        kwargs: dict[str, Any] = {}
        if tls_mode == "starttls":
            kwargs = {"tls_context": context, "require_starttls": True}
        elif tls_mode == "tls":
            kwargs = {"ssl_context": context}
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        controllers.append(controller)
        return SmtpServer(port, handler, tls_mode)

    yield _start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def mail_policy(mailbox: Mailbox, tls: TlsMaterial, intake_key: RecipientPrivateKey) -> Callable[..., Policy]:
    """The policy IT sets for secure e-mail only, pointing at a test server's port."""

    def _policy(server: SmtpServer, **overrides: Any) -> Policy:
        values: dict[str, Any] = {
            "allowed_transports": [Transport.SECURE_EMAIL],
            "intake_keys": [IntakeKey(id=intake_key.key_id,
                                      public_key=base64.b64encode(intake_key.public().public_key).decode())],
            "secure_email_to": MAILBOX,
            "secure_email_certificate_file": str(mailbox.certificate_file),
            "secure_email_from": SENDER,
            "smtp_host": "127.0.0.1",
            "smtp_port": server.port,
            "smtp_tls": "tls" if server.tls_mode == "tls" else "starttls",
            "smtp_ca_pem_file": str(tls.ca_file),
            **overrides,
        }
        return Policy(**values)

    return _policy


@pytest.fixture
def queue_notification(vault: Vault, intake_key: RecipientPrivateKey) -> Callable[[], str]:
    """Finalise a draft in the real vault with a real sealed envelope; returns the notification id."""

    def _queue() -> str:
        draft = vault.notifications.create_draft({"concern": CONTENT.decode()}, "concern", "ÆØ")
        pdf = b"%PDF-1.7 " + CONTENT
        envelope = seal(notification_id=draft, form_version="1.0",
                        files={"notification.json": CONTENT, "notification.pdf": pdf},
                        recipients=[intake_key.public()], sender_seed=vault.profile.sender_key_seed())
        vault.notifications.finalise(draft, document_json=CONTENT, pdf=pdf, envelope=envelope,
                                     municipality="Demo Kommune", acute=False, corrects=None)
        return draft

    return _queue

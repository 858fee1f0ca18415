"""Secure e-mail fixtures: a real SMTP server (aiosmtpd) on 127.0.0.1 with TLS from a test CA, a real vault.

The SMTP server runs in its own thread and keeps every message it accepted
byte for byte, so a test can check what went over the wire. It can require
STARTTLS, speak implicit TLS, offer no TLS at all, require a login, or
answer a recipient or the message with a fixed reply (4xx, 5xx). The
municipality's secure mailbox is a real RSA key and certificate issued by a
test mailbox CA (:class:`MailboxCa`), whose revocation list a real HTTP server
on 127.0.0.1 serves; the test decrypts with the mailbox key.
"""

from __future__ import annotations

import base64
import http.server
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from desktop.config.policy import IntakeKey, Policy, Transport
from desktop.store.vault import Vault
from intake import keys
from intake.tls import CertificateAuthority, IssuedCertificate
from protocol.envelope import RecipientPrivateKey, seal
from tests.support.http_proxy import HttpProxy

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


EMAIL_PROTECTION = x509.oid.ExtendedKeyUsageOID.EMAIL_PROTECTION


class MailboxCa:
    """The CA that issues mailbox (and organisation signing) certificates, with a CRL it can revoke into.

    ``crl_url`` is where every certificate it issues says its CRL is; :class:`CrlServer` serves it.
    """

    def __init__(self, folder: Path, crl_url: str) -> None:
        self.folder, self.crl_url = folder, crl_url
        self.key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Mailbox CA"),
                          x509.NameAttribute(NameOID.COMMON_NAME, "Underret test mailbox CA")])
        now = datetime.now(UTC)
        self.certificate = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                                         key_cert_sign=True, crl_sign=True, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256()))
        self.ca_file = folder / "mailbox-ca.pem"
        self.ca_file.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        self.revoked: set[int] = set()
        self.issued: dict[int, x509.Certificate] = {}

    def issue(self, name: str, *, address: str = MAILBOX, encipherment: bool = True, signing: bool = False,
              eku: x509.ObjectIdentifier = EMAIL_PROTECTION, not_before: datetime | None = None,
              not_after: datetime | None = None, self_signed: bool = False,
              crl: bool = True, ocsp: bool = False) -> tuple[Mailbox, x509.Certificate]:
        """A new RSA key and a certificate for ``address`` (as the named variations ask)."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = datetime.now(UTC)
        subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Demo Kommune"),
                             x509.NameAttribute(NameOID.COMMON_NAME, "Demo Kommune sikker mail")])
        builder = (
            x509.CertificateBuilder().subject_name(subject)
            .issuer_name(subject if self_signed else self.certificate.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - timedelta(days=1))
            .not_valid_after(not_after or now + timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(address)]), critical=False)
            .add_extension(x509.KeyUsage(
                digital_signature=signing or not encipherment, content_commitment=False,
                key_encipherment=encipherment, data_encipherment=False, key_agreement=False,
                key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([eku]), critical=False))
        if crl and not self_signed:
            builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(self.crl_url)], None, None, None)]), critical=False)
        if ocsp and not self_signed:
            builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                x509.oid.AuthorityInformationAccessOID.OCSP,
                x509.UniformResourceIdentifier(self.crl_url.rsplit("/", 1)[0] + "/ocsp"))]), critical=False)
        if not self_signed:
            builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self.key.public_key()), critical=False)
        certificate = builder.sign(key if self_signed else self.key, hashes.SHA256())
        self.issued[certificate.serial_number] = certificate
        path = self.folder / f"{name}.pem"
        path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return Mailbox(key, certificate, path), certificate

    def crl_der(self) -> bytes:
        """The current revocation list, signed by the CA (a fresh one on every request)."""
        now = datetime.now(UTC)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.certificate.subject)
                   .last_update(now - timedelta(minutes=1)).next_update(now + timedelta(days=1))
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                                  critical=False)
                   .add_extension(x509.CRLNumber(len(self.revoked) + 1), critical=False))
        for serial in sorted(self.revoked):
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial)
                .revocation_date(now - timedelta(hours=1)).build())
        return builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def ocsp_answer(self, request_der: bytes) -> bytes:
        """The CA's signed OCSP answer for the certificate a request asks about (good or revoked)."""
        from cryptography.x509 import ocsp

        request = ocsp.load_der_ocsp_request(request_der)
        certificate = self.issued[request.serial_number]
        now = datetime.now(UTC)
        revoked = request.serial_number in self.revoked
        answer = ocsp.OCSPResponseBuilder().add_response(
            cert=certificate, issuer=self.certificate, algorithm=request.hash_algorithm,
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
            this_update=now - timedelta(minutes=1), next_update=now + timedelta(hours=1),
            revocation_time=now - timedelta(hours=1) if revoked else None,
            revocation_reason=x509.ReasonFlags.key_compromise if revoked else None,
        ).responder_id(ocsp.OCSPResponderEncoding.HASH, self.certificate)
        return answer.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


class CrlServer:
    """A real HTTP server on 127.0.0.1 serving the mailbox CA's CRL (GET) and answering OCSP (POST /ocsp);
    counts the requests; can go dark."""

    def __init__(self) -> None:
        self.ca: MailboxCa | None = None
        self.requests = 0
        self.ocsp_requests = 0
        self.down = False
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests += 1
                if server.down or server.ca is None:
                    self.send_error(503)
                    return
                body = server.ca.crl_der()
                self.send_response(200)
                self.send_header("Content-Type", "application/pkix-crl")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                server.ocsp_requests += 1
                request = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if server.down or server.ca is None:
                    self.send_error(503)
                    return
                body = server.ca.ocsp_answer(request)
                self.send_response(200)
                self.send_header("Content-Type", "application/ocsp-response")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/mailbox-ca.crl"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture(scope="session")
def crl_server() -> Iterator[CrlServer]:
    server = CrlServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def mailbox_ca(tmp_path_factory: pytest.TempPathFactory, crl_server: CrlServer) -> MailboxCa:
    ca = MailboxCa(tmp_path_factory.mktemp("mailbox-ca"), crl_server.url)
    crl_server.ca = ca
    return ca


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
    logins: list[tuple[str, bool]] = field(default_factory=list)  # (mechanism, accepted)

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


@pytest.fixture(scope="session")
def mailbox(mailbox_ca: MailboxCa) -> Mailbox:
    """The municipality's good mailbox certificate: from the test CA, for MAILBOX, for encrypted mail."""
    good, _ = mailbox_ca.issue("sikkermail")
    return good


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
               rcpt_reply: str | None = None, data_reply: str | None = None,
               login: tuple[str, str] | None = None) -> SmtpServer:
        handler = RecordingHandler(rcpt_reply=rcpt_reply, data_reply=data_reply)
        context = tls.server_context(cert or tls.ca.issue_server("127.0.0.1"))
        port = _free_port()
        kwargs: dict[str, Any] = {}
        if tls_mode == "starttls":
            kwargs = {"tls_context": context, "require_starttls": True}
        elif tls_mode == "tls":
            kwargs = {"ssl_context": context}
        if login is not None:
            # A real login: AUTH offered only after TLS (aiosmtpd's default), required before MAIL FROM.
            def check(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
                from aiosmtpd.smtp import AuthResult, LoginPassword

                ok = isinstance(auth_data, LoginPassword) and \
                    (auth_data.login.decode(), auth_data.password.decode()) == login
                handler.logins.append((mechanism, ok))
                return AuthResult(success=ok, handled=False)  # (aiosmtpd then answers 235 or 535)

            kwargs |= {"authenticator": check, "auth_required": True}
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        controllers.append(controller)
        return SmtpServer(port, handler, tls_mode)

    yield _start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def mail_policy(mailbox: Mailbox, tls: TlsMaterial, intake_key: RecipientPrivateKey,
                mailbox_ca: MailboxCa) -> Callable[..., Policy]:
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
            "secure_email_ca_pem_file": str(mailbox_ca.ca_file),
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


@pytest.fixture
def proxy() -> Iterator[HttpProxy]:
    """A real HTTP proxy on 127.0.0.1 (CONNECT and forwarded GETs), as a municipality's web proxy."""
    server = HttpProxy()
    yield server
    server.close()

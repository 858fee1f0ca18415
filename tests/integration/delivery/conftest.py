"""Delivery fixtures: a real vault, a real intake over real TLS on 127.0.0.1, fault servers.

Fault servers are real sockets that misbehave the way networks do: they
complete TLS with the test CA's certificate, read the whole request, pass it
on to the real intake (so the intake may well have stored it) and then reset
the connection or never answer.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.outbox.sender import OutboxSender
from desktop.outbox.transport import HttpsIntakeTransport
from desktop.store.vault import Vault
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority, IssuedCertificate
from protocol.envelope import RecipientPrivateKey, seal

#: Text that stands for the notification's content; it must never appear in clear on disk.
MARKER = "Fiktiv Ærø-Østergård, CPR 010199-4321".encode()
#: Generous for answers that come (a loaded CI machine), short where a test waits for one that never does.
TEST_TIMEOUT = 10.0


@dataclass
class IntakeKeys:
    """The municipality's keys: HPKE recipient key and receipt signing key."""

    recipient: RecipientPrivateKey
    receipt_signing: Ed25519PrivateKey

    @property
    def receipt_public(self) -> bytes:
        return self.receipt_signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass
class TlsMaterial:
    ca: CertificateAuthority
    server: IssuedCertificate
    cert_file: Path
    key_file: Path
    folder: Path

    def server_context(self, cert: IssuedCertificate | None = None) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        if cert is None:
            context.load_cert_chain(self.cert_file, self.key_file)
        else:
            name = f"extra-{id(cert)}"
            cert_file, key_file = cert.write(self.folder, name)
            context.load_cert_chain(cert_file, key_file)
        return context


@pytest.fixture(scope="session")
def intake_keys() -> IntakeKeys:
    return IntakeKeys(RecipientPrivateKey.generate("kommune-2026"), Ed25519PrivateKey.generate())


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    folder = tmp_path_factory.mktemp("tls")
    ca = CertificateAuthority("Underret test CA")
    server = ca.issue_server("127.0.0.1")
    cert, key = server.write(folder, "server")
    return TlsMaterial(ca, server, cert, key, folder)


@pytest.fixture
def intake(tmp_path: Path, intake_keys: IntakeKeys, tls: TlsMaterial) -> Iterator[BackgroundIntake]:
    with BackgroundIntake(
        tmp_path / "intake.sqlite",
        intake_keys.receipt_signing,
        cert_file=tls.cert_file,
        key_file=tls.key_file,
        max_body=256 * 1024,
    ) as server:
        yield server


@pytest.fixture
def queue_notification(vault: Vault, intake_keys: IntakeKeys) -> Callable[..., str]:
    """Finalise a draft in the real vault with a real envelope; returns the notification id."""

    def _queue(*, envelope_id: str | None = None) -> str:
        draft = vault.notifications.create_draft({"concern": MARKER.decode()}, "concern", "ÆØ")
        document = b'{"concern":"' + MARKER + b'"}'
        pdf = b"%PDF-1.7 " + MARKER
        envelope = seal(
            notification_id=envelope_id or draft,
            form_version="1.0",
            files={"notification.json": document, "notification.pdf": pdf},
            recipients=[intake_keys.recipient.public()],
            sender_seed=vault.profile.sender_key_seed(),
        )
        vault.notifications.finalise(
            draft,
            document_json=document,
            pdf=pdf,
            envelope=envelope,
            municipality="Demo Kommune",
            acute=False,
            corrects=None,
        )
        return draft

    return _queue


@pytest.fixture
def make_sender(
    vault: Vault, intake_keys: IntakeKeys, tls: TlsMaterial
) -> Iterator[Callable[..., OutboxSender]]:
    """A real sender over the test's vault and a real HTTPS transport to ``url``."""
    transports: list[HttpsIntakeTransport] = []

    def _make(
        url: str,
        *,
        ca_pem: bytes | None = None,
        pin: str | None = None,
        receipt_key: bytes | None = None,
        clock: Callable[[], datetime] | None = None,
        timeout: float = TEST_TIMEOUT,
        lanes: int = 1,
    ) -> OutboxSender:
        transport = HttpsIntakeTransport(
            url,
            ca_pem=ca_pem if ca_pem is not None or pin else tls.ca.cert_pem,
            pin_sha256=pin,
            timeout=timeout,
        )
        transports.append(transport)
        return OutboxSender(
            lambda: vault,
            transport,
            receipt_key or intake_keys.receipt_public,
            clock,
            lanes=lanes,
        )

    yield _make
    for transport in transports:
        transport.close()


class FaultServer:
    """A raw TLS server on 127.0.0.1 that reads the whole request, optionally passes it on, then misbehaves.

    ``mode``: "reset" closes with a TCP reset instead of answering; "silent" never answers.
    ``upstream``: when set, the request is first POSTed to this real intake, which stores it.
    """

    def __init__(
        self, mode: str, context: ssl.SSLContext, upstream: str | None, ca_pem: bytes, hold: float = 5.0
    ) -> None:
        self.mode, self._context, self._upstream, self._ca, self._hold = mode, context, upstream, ca_pem, hold
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.1)
        self.port = self._sock.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.bodies_received = 0
        self.forwarded = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            stream = self._context.wrap_socket(conn, server_side=True)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = stream.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            headers = {}
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower().decode()] = value.strip().decode()
            length = int(headers.get("content-length", "0"))
            while len(body) < length:
                chunk = stream.recv(65536)
                if not chunk:
                    return
                body += chunk
            self.bodies_received += 1
            if self._upstream:
                context = ssl.create_default_context(cadata=self._ca.decode())
                with httpx.Client(verify=context, timeout=5) as client:
                    client.post(
                        self._upstream + "/v1/envelopes",
                        content=body,
                        headers={"Idempotency-Key": headers.get("idempotency-key", "")},
                    )
                self.forwarded.set()
            if self.mode == "silent":
                self._stop.wait(self._hold)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(timeout=5)


@pytest.fixture
def fault_server(tls: TlsMaterial) -> Iterator[Callable[..., FaultServer]]:
    servers: list[FaultServer] = []

    def _start(
        mode: str, *, upstream: str | None = None, cert: IssuedCertificate | None = None, hold: float = 5.0
    ) -> FaultServer:
        server = FaultServer(mode, tls.server_context(cert), upstream, tls.ca.cert_pem, hold)
        servers.append(server)
        return server

    yield _start
    for server in servers:
        server.close()


@pytest.fixture
def status_server(tls: TlsMaterial, tmp_path: Path) -> Iterator[Callable[[int], str]]:
    """A real uvicorn TLS server whose envelope endpoint always answers one status (e.g. 500)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    servers: list[BackgroundIntake] = []

    def _start(status: int) -> str:
        async def answer(request: Request) -> Response:
            await request.body()
            return JSONResponse(
                {"error": "test", "reason": "fixed answer"},
                status_code=status,
                headers={"Connection": "close"},
            )

        app = Starlette(routes=[Route("/v1/envelopes", answer, methods=["POST"])])
        server = BackgroundIntake(
            tmp_path / f"unused-{status}.sqlite",
            Ed25519PrivateKey.generate(),
            cert_file=tls.cert_file,
            key_file=tls.key_file,
            app=app,
        ).start()
        servers.append(server)
        return server.url

    yield _start
    for server in servers:
        server.stop()


@pytest.fixture
def refused_url() -> str:
    """An https address on a loopback port with nothing listening (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"https://127.0.0.1:{sock.getsockname()[1]}"


def now_utc() -> datetime:
    return datetime.now(UTC)

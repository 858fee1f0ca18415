"""Delivery fixtures: a real intake over real TLS on 127.0.0.1, a test CA, intake keys, fault servers."""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.outbox.envelope import RecipientPrivateKey, seal
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority, IssuedCertificate


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


@pytest.fixture(scope="session")
def intake_keys() -> IntakeKeys:
    return IntakeKeys(RecipientPrivateKey.generate("kommune-2026"), Ed25519PrivateKey.generate())


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    ca = CertificateAuthority("Underret test CA")
    server = ca.issue_server("127.0.0.1")
    cert, key = server.write(tmp_path_factory.mktemp("tls"), "server")
    return TlsMaterial(ca, server, cert, key)


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
def make_envelope(intake_keys: IntakeKeys):  # type: ignore[no-untyped-def]
    """Seal a small notification to the intake's key; returns (notification_id, envelope bytes)."""

    def _make(notification_id: str | None = None, marker: bytes = b"") -> tuple[str, bytes]:
        nid = notification_id or str(uuid.uuid4())
        envelope = seal(
            notification_id=nid,
            form_version="1.0",
            files={
                "notification.json": b'{"child":"' + marker + b'"}',
                "notification.pdf": b"%PDF-1.7 " + marker,
            },
            recipients=[intake_keys.recipient.public()],
            sender_seed=os.urandom(32),
        )
        return nid, envelope

    return _make


class FaultServer:
    """A raw TCP server on 127.0.0.1 for faults a real intake never makes on purpose.

    mode "reset_after_body": completes TLS (if given a context), reads the whole request, then closes.
    mode "silent": accepts and reads but never answers (timeouts).
    """

    def __init__(self, mode: str, ssl_context: object | None = None) -> None:
        import ssl

        self.mode = mode
        self._ssl: ssl.SSLContext | None = ssl_context  # type: ignore[assignment]
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.bodies_received = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        import ssl

        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                conn.settimeout(3)
                stream = self._ssl.wrap_socket(conn, server_side=True) if self._ssl else conn  # type: ignore[union-attr]
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = stream.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                while len(body) < length:
                    chunk = stream.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                if len(body) >= length and length:
                    self.bodies_received += 1
                if self.mode == "silent":
                    self._stop.wait(3)
                # Abortive close: RST instead of an answer.
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                conn.close()
            except (OSError, ssl.SSLError):
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(timeout=5)


@pytest.fixture
def fault_server(tls: TlsMaterial) -> Iterator[object]:
    import ssl

    servers: list[FaultServer] = []

    def _start(mode: str) -> FaultServer:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls.cert_file, tls.key_file)
        server = FaultServer(mode, context)
        servers.append(server)
        return server

    yield _start
    for server in servers:
        server.close()

"""Intake fixtures: keys made by the real keygen, a real TLS intake on 127.0.0.1 from a test CA."""

from __future__ import annotations

import os
import ssl
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from intake import keys
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority
from protocol.envelope import seal

MARKER = "Fiktiv Østergaard 010199-4321".encode()


@dataclass
class RunningIntake:
    server: BackgroundIntake
    client: httpx.Client
    key_files: keys.KeyFiles
    db: Path
    seal: Callable[..., tuple[str, bytes]]


@pytest.fixture
def running_intake(tmp_path: Path) -> Iterator[RunningIntake]:
    key_files = keys.generate(tmp_path / "keys", "kommune-test")
    ca = CertificateAuthority("Underret intake test CA")
    cert, key = ca.issue_server("127.0.0.1").write(tmp_path / "tls", "server")
    recipient = keys.load_recipient_private(key_files.recipient_private).public()
    seed = os.urandom(32)

    def _seal(notification_id: str | None = None, extra: bytes = b"") -> tuple[str, bytes]:
        nid = notification_id or str(uuid.uuid4())
        return nid, seal(
            notification_id=nid,
            form_version="1.0",
            files={
                "notification.json": b'{"c":"' + MARKER + extra + b'"}',
                "notification.pdf": b"%PDF-" + MARKER,
            },
            recipients=[recipient],
            sender_seed=seed,
        )

    db = tmp_path / "intake.sqlite"
    server = BackgroundIntake(
        db,
        keys.load_receipt_signing_key(key_files.receipt_private),
        cert_file=cert,
        key_file=key,
        max_body=64 * 1024,
    ).start()
    context = ssl.create_default_context(cadata=ca.cert_pem.decode())
    client = httpx.Client(base_url=server.url, verify=context, timeout=5)
    try:
        yield RunningIntake(server, client, key_files, db, _seal)
    finally:
        client.close()
        server.stop()

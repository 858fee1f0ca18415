"""The built-in intake: the municipality's side of demo mode, running inside the app on 127.0.0.1.

At start it makes everything a real municipality would have: a throwaway CA
and a server certificate for 127.0.0.1 (:mod:`intake.tls`), an HPKE recipient
key and a receipt signing key (in memory only). The reference intake app
(:mod:`intake.app`) serves over real TLS from a background thread. The
municipality view reads what arrived and decrypts it with the demo key, in
memory; nothing decrypted is written anywhere.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.demo.transport import DemoTarget
from desktop.domain.document import NotificationDocument
from desktop.domain.document_reading import read_document
from desktop.errors import UnderretError
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority
from protocol.envelope import RecipientPrivateKey, open_envelope

log = logging.getLogger(__name__)

#: The key id the Demo Kommune pack names (forms/packs/demo-kommune.yaml, intake.key_id).
DEMO_KEY_ID = "demo-2026"
REFERENCE_PREFIX = "DEMO"


@dataclass(frozen=True)
class ReceivedNotification:
    """One envelope at the intake, opened with the demo key (``document`` is None if it would not open)."""

    seq: int
    notification_id: str
    reference: str
    received_at: datetime
    sender_fingerprint: str
    sender_signature_valid: bool
    document: NotificationDocument | None
    pdf: bytes | None
    problem_id: str | None = None
    #: The attachments as carried, by their names in the envelope (``attachment-1.jpg``...).
    attachments: dict[str, bytes] = field(default_factory=dict)


class DemoIntake:
    """The intake with its keys and certificate; ``start()`` / ``stop()``."""

    def __init__(self, folder: Path, key_id: str = DEMO_KEY_ID) -> None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder = folder
        self.recipient = RecipientPrivateKey.generate(key_id)
        self._receipt_key = Ed25519PrivateKey.generate()
        authority = CertificateAuthority("Underret demo CA (not for real use)")
        self.ca_pem = authority.cert_pem
        cert_file, key_file = authority.issue_server("127.0.0.1").write(folder, "server")
        self._server = BackgroundIntake(folder / "intake.db", self._receipt_key, cert_file=cert_file,
                                        key_file=key_file, reference_prefix=REFERENCE_PREFIX)
        self._running = False

    @property
    def url(self) -> str:
        """``https://127.0.0.1:<port>``."""
        return self._server.url

    @property
    def receipt_public_key(self) -> bytes:
        """The raw Ed25519 key the app checks receipts with."""
        return self._receipt_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def target(self) -> DemoTarget:
        """What the demo outbox needs to deliver here."""
        return DemoTarget(self.url, self.recipient.public(), self.receipt_public_key, self.ca_pem)

    def pack_intake(self) -> dict[str, object]:
        """The ``intake`` section of the Demo Kommune pack for this run."""
        return {
            "required": True,
            "endpoint": self.url,
            "key_id": self.recipient.key_id,
            "public_key": base64.b64encode(self.recipient.public().public_key).decode("ascii"),
            "receipt_key": base64.b64encode(self.receipt_public_key).decode("ascii"),
            "ca_pem": self.ca_pem.decode("ascii"),
        }

    def start(self) -> DemoIntake:
        """Serve on 127.0.0.1 (a free port) until :meth:`stop`."""
        self._server.start()
        self._running = True
        log.info("demo: intake listening on 127.0.0.1:%s", self._server.port)
        return self

    def stop(self) -> None:
        """Stop serving and close the intake's database."""
        if self._running:
            self._running = False
            self._server.stop()
            log.info("demo: intake stopped")

    def count(self) -> int:
        """How many envelopes arrived."""
        return self._server.store.count()

    def received(self) -> list[ReceivedNotification]:
        """Everything that arrived, newest first, decrypted in memory with the demo key."""
        result: list[ReceivedNotification] = []
        for item in reversed(self._server.store.list()):
            document: NotificationDocument | None = None
            pdf: bytes | None = None
            problem: str | None = None
            valid = False
            attachments: dict[str, bytes] = {}
            try:
                opened = open_envelope(item.envelope, {self.recipient.key_id: self.recipient})
                valid = opened.sender_signature_valid
                document = read_document(opened.files["notification.json"])
                pdf = opened.files.get("notification.pdf")
                attachments = {name: data for name, data in opened.files.items()
                               if name.startswith("attachment-")}
            except UnderretError as exc:
                problem = exc.message_id
            except (KeyError, ValueError):
                problem = "envelope.malformed"
            result.append(ReceivedNotification(item.seq, item.notification_id, item.reference,
                                               item.received_at, item.sender_fingerprint, valid,
                                               document, pdf, problem, attachments))
        return result

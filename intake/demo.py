"""A complete local intake for demo mode: fresh keys, a throwaway CA, TLS on 127.0.0.1.

Demo mode calls :func:`start_demo_intake` with a throwaway folder and gets back
everything the outbox needs (address, CA certificate, recipient key, receipt
key). Nothing can leave the machine: the intake listens on the loopback
address only, and its keys and certificates live and die with the folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.outbox.envelope import RecipientKey, RecipientPrivateKey
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority

DEMO_KEY_ID = "demo-intake"


@dataclass
class DemoIntake:
    """A running demo intake and what a client needs to trust and reach it."""

    server: BackgroundIntake
    url: str
    ca_pem: bytes
    recipient: RecipientKey
    recipient_private: RecipientPrivateKey
    receipt_public_key: bytes

    def stop(self) -> None:
        """Stop serving."""
        self.server.stop()


def start_demo_intake(folder: Path, *, port: int = 0) -> DemoIntake:
    """Make keys and certificates in ``folder`` and serve an intake on 127.0.0.1 over TLS."""
    folder.mkdir(parents=True, exist_ok=True)
    ca = CertificateAuthority("Underret demo CA (not trusted outside demo mode)")
    cert_file, key_file = ca.issue_server("127.0.0.1").write(folder, "demo-intake")
    recipient = RecipientPrivateKey.generate(DEMO_KEY_ID)
    signing = Ed25519PrivateKey.generate()
    server = BackgroundIntake(
        folder / "demo-intake.sqlite",
        signing,
        cert_file=cert_file,
        key_file=key_file,
        reference_prefix="DEMO",
        port=port,
    ).start()
    return DemoIntake(
        server=server,
        url=server.url,
        ca_pem=ca.cert_pem,
        recipient=recipient.public(),
        recipient_private=recipient,
        receipt_public_key=signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )

"""The whole way of a notification and its kvittering, with real parts: for the round-trip tests and e2e.

* :class:`Municipality`: the intake's and the desks' keys made by the real ``keygen`` and
  ``message-keygen``, a test CA and server certificate for 127.0.0.1.
* :class:`NotifierApp`: a headless notifier: its own profile folder with a real vault (and sender
  key), finalising real documents (PDF rendered, envelope format 2 with a reply key), and the
  delivery worker's pass (the real ``OutboxSender`` over HTTPS, with the message fetcher).
* :class:`DeskApp`: a desk profile made with the app's own profile mechanism, enrolled at the intake
  with IT's token, keys imported from IT's files, driven through :class:`DeskService`.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.desk.replies import ProtocolSealer
from desktop.desk.service import DeskService
from desktop.desk.store.vault import DeskVault
from desktop.documents.pdf import render_pdf
from desktop.domain.document import NotificationDocument
from desktop.outbox.finalise import finalise_document
from desktop.outbox.replies import HttpsMailbox, OneIntake, ReplyFetcher
from desktop.outbox.sender import OutboxSender, SendReport
from desktop.outbox.transport import HttpsIntakeTransport
from desktop.store.keys import KeyProtection, ScryptParams, new_vault_key, zero
from desktop.store.profiles import ProfileDirectory
from desktop.store.replies import ReplyMessage
from desktop.store.vault import Vault
from intake import keys as intake_keys
from intake.desk_cli import generate_message_key
from intake.tls import CertificateAuthority
from protocol.envelope import RecipientKey
from tests.support.document import sample_document

CHEAP_SCRYPT = ScryptParams(n=2**10)
PASSPHRASE = "modtagelsen på Ærø"


@dataclass
class Municipality:
    """What IT holds: key files, the message-signing key, TLS for the intake."""

    folder: Path
    key_files: intake_keys.KeyFiles
    message_private: Path
    message_public: Path
    ca_pem: bytes
    cert_file: Path
    key_file: Path

    @classmethod
    def make(cls, folder: Path) -> Municipality:
        """Keys and TLS made in this process (the e2e script makes them with IT's commands instead)."""
        files = intake_keys.generate(folder / "keys", "aeroe-2026")
        message_private, message_public = generate_message_key(folder / "message-keys", "aeroe-msg-2026")
        ca = CertificateAuthority("Underret round-trip CA")
        cert, key = ca.issue_server("127.0.0.1").write(folder / "tls", "server")
        return cls(folder, files, message_private, message_public, ca.cert_pem, cert, key)

    @property
    def recipient(self) -> RecipientKey:
        return intake_keys.load_recipient_private(self.key_files.recipient_private).public()

    @property
    def receipt_public(self) -> bytes:
        return intake_keys.load_public(self.key_files.receipt_public)

    def trusted_message_keys(self, _municipality: str = "") -> dict[str, bytes]:
        """What the municipality directory will carry (``message_keys``): key id -> raw public key."""
        data = json.loads(self.message_public.read_text())
        return {data["key_id"]: base64.b64decode(data["public_key"])}

    def desk_token(self, db: str) -> str:
        """A one-time desk token, made with the intake's own command (as IT would)."""
        done = subprocess.run([sys.executable, "-m", "intake.cli", "desk-token", "create", "--db", db,
                               "--label", "test"], capture_output=True, text=True, check=True, timeout=120)
        return done.stdout.split(": ", 1)[1].splitlines()[0].strip()


def document_for(notification_id: str, *, name: str, cpr: str, birth: date, acute: bool,
                 observation: str, role: str = "Pædagog") -> NotificationDocument:
    """A finished notification about one (fictitious) child, built on the shared sample."""
    sample = sample_document()
    formatted = f"{cpr[:6]}-{cpr[6:]}" if "-" not in cpr else cpr  # v2 keeps DDMMYY-SSSS
    child = sample.child.model_copy(update={"name": name, "cpr": formatted, "birth_date": birth})
    concern = sample.concern.model_copy(update={"observations": observation})
    notifier = sample.notifier.model_copy(update={"role": role})
    # No attachments: finalising takes their bytes from the notifier's vault, and these apps hold none.
    return sample.model_copy(update={"notification_id": notification_id, "acute": acute, "child": child,
                                     "concern": concern, "notifier": notifier, "attachments": [],
                                     "finalised_at": datetime.now(UTC).replace(microsecond=0)})


class NotifierApp:
    """A headless notifier's app: its own vault and sender key, delivery and messages like the real one."""

    def __init__(self, folder: Path, municipality: Municipality, endpoint: str) -> None:
        self.folder = folder
        self._key = bytes(new_vault_key())
        self.vault = Vault.open(folder / "vault.db", self._key, create=True)
        self._municipality = municipality
        self._endpoint = endpoint

    def file(self, document: NotificationDocument) -> str:
        """Write and finalise one notification (as the wizard does); returns its id."""
        draft = self.vault.notifications.create_draft({"child.name": document.child.name or ""}, "review",
                                                      "XX")
        document = document.model_copy(update={"notification_id": draft})
        finalise_document(self.vault, document, [self._municipality.recipient], render_pdf)
        return draft

    def sender(self, trusted: dict[str, bytes] | None = None) -> OutboxSender:
        municipality = self._municipality
        transport = HttpsIntakeTransport(self._endpoint, ca_pem=municipality.ca_pem, timeout=30)
        mailbox = HttpsMailbox(self._endpoint, ca_pem=municipality.ca_pem)
        keys = trusted if trusted is not None else municipality.trusted_message_keys()
        return OutboxSender(lambda: Vault.open(self.folder / "vault.db", self._key, synchronous="NORMAL"),
                            transport, municipality.receipt_public,
                            replies=ReplyFetcher(OneIntake(mailbox, lambda _municipality: keys)))

    def deliver(self, trusted: dict[str, bytes] | None = None) -> SendReport:
        """One pass of the delivery worker: send what waits, then read the municipality's messages."""
        sender = self.sender(trusted)
        try:
            return sender.run_once()
        finally:
            sender.close()

    def messages(self, notification_id: str) -> list[ReplyMessage]:
        return self.vault.reply_keys.messages(notification_id)

    def close(self) -> None:
        self.vault.close()


class DeskApp:
    """A receiving desk: its own profile and vault, enrolled at the intake, keys imported."""

    def __init__(self, folder: Path, municipality: Municipality, endpoint: str, db: str, *, initials: str,
                 unit: str = "Ærø Kommune, Børn og Familie", recipient_key: bool = True) -> None:
        profiles = ProfileDirectory(folder, scrypt=CHEAP_SCRYPT, vault_type=DeskVault)
        info, key = profiles.create(f"Modtagelsen {initials}", KeyProtection.PASSPHRASE, PASSPHRASE)
        try:
            vault = DeskVault.open(info.vault_path, key)
        finally:
            zero(key)
        self.folder = folder
        self.service = DeskService(vault, sealer=ProtocolSealer())
        self.service.set_caseworker(initials, unit)
        self.service.enrol(endpoint, municipality.desk_token(db), ca_pem=municipality.ca_pem.decode(),
                           name=initials)
        if recipient_key:  # without: envelopes wait unopened until the key is imported
            self.service.import_key(municipality.key_files.recipient_private)
        self.service.import_key(municipality.message_private)

    def close(self) -> None:
        self.service.close()
        self.service.vault.close()

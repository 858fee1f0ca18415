"""The gallery's demo data: the app's real services over a real vault with notifications in every state.

Everything is fictitious (the notification of ``tests/support/answers.py``, Demo
Kommune's guideline pack with an intake key made for the run). Finalised
notifications are sealed by the app's own finalise step; their delivery states
(waiting with a reason, sending, refused, sent by secure e-mail, received,
acknowledgement overdue) are written with the store's own calls, as the
outbox worker writes them. No worker runs and nothing is sent anywhere.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtWidgets import QApplication

from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.domain.building import build_document, child_initials
from desktop.domain.forms import load_form
from desktop.domain.packs import GuidelinePack, Intake, load_pack, packs_dir
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory
from desktop.ui import delivery, wizard
from desktop.ui.delivery.service import DeliveryService
from desktop.ui.services import Services, Translations
from intake.tls import CertificateAuthority
from protocol.envelope import RecipientPrivateKey
from tests.support.answers import complete_answers_for

#: The passphrase of the gallery's profile (the unlock window shows it typed as dots).
PASSPHRASE = "korrekt hest batteri"
_CHEAP_SCRYPT = ScryptParams(n=2**10, r=8, p=1)


def demo_pack() -> GuidelinePack:
    """Demo Kommune's pack with an intake of its own (a key made for this run; nothing listens)."""
    recipient = RecipientPrivateKey.generate("galleri-2026")
    receipt = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    intake = Intake(required=True, endpoint="https://127.0.0.1:9", key_id=recipient.key_id,
                    public_key=base64.b64encode(recipient.public().public_key).decode(),
                    receipt_key=base64.b64encode(receipt).decode(),
                    ca_pem=CertificateAuthority("Underret gallery CA").cert_pem.decode())
    return pack.model_copy(update={"intake": intake, "demo": False})


@dataclass
class Stage:
    """The running app's services and the ids of the notifications in each state.

    ``ids``: ``draft``, ``draft_new`` (hardly begun), ``waiting`` (not sent yet, with a reason and a
    next try), ``sending``, ``refused``, ``mailed``, ``received``, ``overdue``.
    """

    services: Services
    delivery: DeliveryService
    folder: Path
    today: date
    ids: dict[str, str] = field(default_factory=dict)
    #: What a scene module keeps for this stage (its own vault, say), by the module's own key.
    extras: dict[str, object] = field(default_factory=dict)
    #: Run by :func:`close_stage` once no background work runs any more (close what the scenes opened).
    closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.services.language

    def answers(self) -> dict[str, Any]:
        """A complete notification (each call a new copy)."""
        return complete_answers_for("cpr")


def build_stage(folder: Path, language: str) -> Stage:
    """The services (policy, settings, a profile with its vault open), wizard and delivery installed,
    and notifications in every state."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    policy = Policy()
    settings = Settings.load(policy, folder / "settings.json")
    translations = Translations(app)
    services = Services(policy=policy, policy_source=PolicySource("none", "(gallery)"), settings=settings,
                        profiles=ProfileDirectory(root=folder / "data", scrypt=_CHEAP_SCRYPT),
                        translations=translations)
    translations.install(language)
    services.set_pack(demo_pack())
    wizard.install(services)
    # The delivery parts of the main window, without a worker: nothing starts before an unlock signal.
    service = delivery.install(services, watch_network=False)
    profile, key = services.profiles.create("Mette Demo", KeyProtection.PASSPHRASE, PASSPHRASE)
    try:
        services.open_vault(profile, bytearray(key))
    finally:
        zero(key)
    stage = Stage(services, service, folder, date.today())
    _seed(stage)
    return stage


def _finalise(stage: Stage, answers: dict[str, Any], finalised_at: datetime) -> str:
    from desktop.outbox.finalise import finalise_and_queue

    services = stage.services
    vault = services.require_vault()
    draft_id = vault.notifications.create_draft(answers, "review", child_initials(answers))
    draft = vault.notifications.get_draft(draft_id)
    document = build_document(load_form(), services.pack(), answers, notification_id=draft_id,
                              created_at=draft.created_at, finalised_at=finalised_at, language="da")
    finalise_and_queue(services.open_reader, services.pack(), services.policy, draft_id, document)
    return draft_id


def _seed(stage: Stage) -> None:
    vault = stage.services.require_vault()
    answers = stage.answers()
    stage.ids["draft"] = vault.notifications.create_draft(
        {k: v for k, v in answers.items() if not k.startswith(("family.", "others.", "notifier."))},
        "family", child_initials(answers))
    stage.ids["draft_new"] = vault.notifications.create_draft({"acute.in_danger": False}, "child", "")
    people = [("Emma Louise Hansen", "waiting"), ("Oskar Jensen", "sending"), ("Ali Hassan", "refused"),
              ("Sofie Nielsen", "mailed"), ("William Larsen", "received"), ("Freja Pedersen", "overdue")]
    now = datetime.now(UTC)
    # Finished some minutes before it was sent or received, so the document's "Afsluttet" never comes
    # after the receipt shown beside it.
    finished = {"mailed": now - timedelta(days=1, minutes=10),
                "received": now - timedelta(hours=3, minutes=10),
                "overdue": now - timedelta(days=14, minutes=10)}
    for name, key in people:
        stage.ids[key] = _finalise(stage, answers | {"child.name": name}, finished.get(key, now))
    outbox = vault.outbox
    outbox.mark_sending(stage.ids["waiting"])
    outbox.record_failure(stage.ids["waiting"], "delivery.no_connection",
                          next_attempt_at=now + timedelta(minutes=4), permanent=False)
    outbox.mark_sending(stage.ids["sending"])
    outbox.mark_sending(stage.ids["refused"])
    outbox.record_failure(stage.ids["refused"], "intake.unknown_recipient_key", next_attempt_at=None,
                          permanent=True)
    outbox.record_sent(stage.ids["mailed"], now - timedelta(days=1), reference="DEMO-2026-000417",
                       acknowledgement_due=stage.today + timedelta(days=7))
    outbox.record_receipt(stage.ids["received"], receipt_json=b"{}", signature=b"",
                          reference="DEMO-2026-000418", received_at=now - timedelta(hours=3),
                          acknowledgement_due=stage.today + timedelta(days=8))
    outbox.record_receipt(stage.ids["overdue"], receipt_json=b"{}", signature=b"",
                          reference="DEMO-2026-000391", received_at=now - timedelta(days=14),
                          acknowledgement_due=stage.today - timedelta(days=4))


def close_stage(stage: Stage) -> None:
    """Stop what the services run and close the vault (the folder is the caller's)."""
    from desktop.ui.operations import wait_for_all

    stage.delivery.shutdown()
    stage.services.session.stop()
    wait_for_all()
    for window in list(QApplication.topLevelWidgets()):
        window.close()
        window.deleteLater()
    wait_for_all()
    for close in reversed(stage.closers):
        close()
    stage.closers.clear()
    stage.extras.clear()
    stage.services.close_vault()

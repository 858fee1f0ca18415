"""A notification goes to the municipality where the child lives: through the directory, over real TLS.

Two real intakes on 127.0.0.1, each with its own recipient key and receipt key: the PC's own
municipality (Demo Kommune, from its pack) and its neighbour (Nabolund, from the training
directory). Finalising seals each notification to the keys of the child's municipality; one
delivery pass sends each envelope to that municipality's intake, and only its key opens it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.domain.building import build_document
from desktop.domain.directory import MunicipalityDirectory, load_directory, shipped_directory_path
from desktop.domain.document import NotificationDocument
from desktop.domain.forms import load_form
from desktop.domain.packs import GuidelinePack, Intake, load_pack
from desktop.outbox.finalise import finalise_and_queue
from desktop.outbox.sender import OutboxSender
from desktop.outbox.target import (
    MunicipalityNotReachable,
    RoutingTransport,
    make_transport,
    reachable_targets,
)
from desktop.paths import forms_dir
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake
from protocol.envelope import RecipientPrivateKey, open_envelope
from protocol.errors import EnvelopeError
from tests.support.answers import complete_answers_for

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import TlsMaterial

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class Municipality:
    """One municipality's intake over real TLS, with keys of its own."""

    def __init__(self, folder: Path, tls: TlsMaterial, key_id: str) -> None:
        self.recipient = RecipientPrivateKey.generate(key_id)
        self.receipt_signing = Ed25519PrivateKey.generate()
        self.server = BackgroundIntake(folder / f"{key_id}.sqlite", self.receipt_signing,
                                       cert_file=tls.cert_file, key_file=tls.key_file)
        self.ca_pem = tls.ca.cert_pem

    def intake_section(self) -> Intake:
        public = self.receipt_signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return Intake.model_validate({
            "required": True, "endpoint": self.server.url,
            "keys": [{"key_id": self.recipient.key_id,
                      "public_key": base64.b64encode(self.recipient.public().public_key).decode("ascii")}],
            "receipt_key": base64.b64encode(public).decode("ascii"), "ca_pem": self.ca_pem.decode("ascii")})

    def opens(self, envelope: bytes) -> bool:
        try:
            open_envelope(envelope, {self.recipient.key_id: self.recipient})
        except EnvelopeError:
            return False
        return True


@pytest.fixture
def two_municipalities(tmp_path: Path, tls: TlsMaterial) -> Iterator[tuple[Municipality, Municipality]]:
    own, neighbour = Municipality(tmp_path, tls, "demo-2026"), Municipality(tmp_path, tls, "nabolund-2026")
    with own.server, neighbour.server:
        yield own, neighbour


def _world(own: Municipality, neighbour: Municipality) -> tuple[GuidelinePack, MunicipalityDirectory]:
    pack = load_pack(forms_dir() / "packs" / "demo-kommune.yaml")
    pack = pack.model_copy(update={"intake": own.intake_section()})
    directory = load_directory(shipped_directory_path(demo=True))
    entries = [e.model_copy(update={"intake": neighbour.intake_section()}) if e.code == "998" else e
               for e in directory.municipalities]
    return pack, directory.model_copy(update={"municipalities": entries})


def _finalised(vault: Vault, open_vault: Callable[[], Vault], pack: GuidelinePack,
               directory: MunicipalityDirectory, municipality: str) -> str:
    answers: dict[str, Any] = complete_answers_for("cpr") | {"child.municipality": municipality}
    draft = vault.notifications.create_draft(answers, "review", "EH")
    document: NotificationDocument = build_document(load_form(), pack, answers, notification_id=draft,
                                                    created_at=NOW, finalised_at=NOW, language="da")
    finalise_and_queue(open_vault, pack, None, draft, document, directory=directory)
    return draft


def test_a_child_living_in_the_neighbour_municipality_goes_to_its_intake_sealed_to_its_key(
    vault: Vault, vault_key: bytes, tmp_path: Path, two_municipalities: tuple[Municipality, Municipality],
) -> None:
    own, neighbour = two_municipalities
    pack, directory = _world(own, neighbour)

    def open_vault() -> Vault:
        return Vault.open(tmp_path / "profile" / "vault.db", vault_key)

    at_home = _finalised(vault, open_vault, pack, directory, "999")
    next_door = _finalised(vault, open_vault, pack, directory, "998")

    transport = RoutingTransport(reachable_targets(pack, None, directory), make_transport)
    sender = OutboxSender(open_vault, transport, b"\0" * 32)  # the answers bring their own receipt keys
    try:
        sender.run_once()
    finally:
        sender.close()

    for notification_id in (at_home, next_door):
        assert vault.notifications.get_summary(notification_id).state is NotificationState.RECEIPTED
    # Each intake holds exactly the notification about the child who lives there, and only its key opens it.
    assert own.server.store.find(at_home) is not None and own.server.store.find(next_door) is None
    assert neighbour.server.store.find(next_door) is not None and neighbour.server.store.find(at_home) is None
    sealed_next_door = neighbour.server.store.find(next_door)
    assert sealed_next_door is not None
    assert neighbour.opens(sealed_next_door.envelope) and not own.opens(sealed_next_door.envelope)
    summary = vault.notifications.get_summary(next_door)
    assert summary.municipality == "Nabolund Kommune"


def test_a_municipality_without_an_intake_keeps_the_notification_and_says_whom_to_phone(
    vault: Vault, vault_key: bytes, tmp_path: Path, two_municipalities: tuple[Municipality, Municipality],
) -> None:
    own, neighbour = two_municipalities
    pack, directory = _world(own, neighbour)
    with pytest.raises(MunicipalityNotReachable) as caught:
        _finalised(vault, lambda: Vault.open(tmp_path / "profile" / "vault.db", vault_key), pack,
                   directory.model_copy(update={"municipalities": [
                       e for e in directory.municipalities if e.code != "998"]}), "998")
    assert caught.value.details["name"] == "Nabolund Kommune"
    assert caught.value.message_id == "delivery.municipality_not_reachable_no_phone"
    (draft,) = [s.id for s in vault.notifications.list_summaries()]
    assert vault.notifications.get_summary(draft).state is NotificationState.DRAFT  # kept, nothing sealed
    assert vault.outbox.due(datetime.now(UTC)) == []


def test_a_notification_whose_municipality_left_the_directory_waits_and_the_others_still_go(
    vault: Vault, vault_key: bytes, tmp_path: Path, two_municipalities: tuple[Municipality, Municipality],
) -> None:
    own, neighbour = two_municipalities
    pack, directory = _world(own, neighbour)

    def open_vault() -> Vault:
        return Vault.open(tmp_path / "profile" / "vault.db", vault_key)

    next_door = _finalised(vault, open_vault, pack, directory, "998")  # first in the queue: the probe
    at_home = _finalised(vault, open_vault, pack, directory, "999")
    # After finalising, the directory in force no longer has Nabolund's intake.
    without = directory.model_copy(update={"municipalities": [
        e for e in directory.municipalities if e.code != "998"]})
    transport = RoutingTransport(reachable_targets(pack, None, without), make_transport)
    sender = OutboxSender(open_vault, transport, b"\0" * 32)
    try:
        report = sender.run_once()
    finally:
        sender.close()

    assert report.receipted == [at_home]  # the way to the intake works: the rest of the queue goes
    assert report.retrying == {next_door: "delivery.municipality_not_reachable"}
    summary = vault.notifications.get_summary(next_door)
    assert (summary.state, summary.last_error) == (NotificationState.QUEUED,
                                                   "delivery.municipality_not_reachable")
    assert neighbour.server.store.find(next_door) is None


def test_a_neighbour_s_intake_that_is_down_holds_up_only_the_notifications_for_it(
    vault: Vault, vault_key: bytes, tmp_path: Path, two_municipalities: tuple[Municipality, Municipality],
) -> None:
    """Found checking issue 17 from outside: one pass, one circuit breaker and one back-off for the whole
    queue, whatever intake each notification goes to. A neighbour's intake that was down (first in the
    queue, so the probe) made the notifications to the PC's own, working municipality wait too, pass
    after pass. Only the way that failed waits; the others go on."""
    own, neighbour = two_municipalities
    pack, directory = _world(own, neighbour)

    def open_vault() -> Vault:
        return Vault.open(tmp_path / "profile" / "vault.db", vault_key)

    next_door = _finalised(vault, open_vault, pack, directory, "998")  # first in the queue: the probe
    at_home = [_finalised(vault, open_vault, pack, directory, "999") for _ in range(3)]
    neighbour.server.stop()  # Nabolund's intake is down
    transport = RoutingTransport(reachable_targets(pack, None, directory), make_transport)
    sender = OutboxSender(open_vault, transport, b"\0" * 32)
    try:
        for _ in range(3):  # the passes the worker runs while anything is due
            due = vault.outbox.next_attempt_at()
            if due is None or due > datetime.now(UTC):
                break
            sender.run_once()
    finally:
        sender.close()

    for notification_id in at_home:
        assert vault.notifications.get_summary(notification_id).state is NotificationState.RECEIPTED
        assert own.server.store.count(notification_id) == 1
    summary = vault.notifications.get_summary(next_door)
    assert summary.state is NotificationState.QUEUED and summary.last_error == "delivery.connection_refused"
    waits_until = vault.outbox.next_attempt_for(next_door)
    assert waits_until is not None and waits_until > datetime.now(UTC)

"""Delivery UI fixtures: the real app services, a real vault, a real TLS intake on 127.0.0.1.

The guideline pack is Demo Kommune's (it has a phone number for children's
services) with its intake block pointing at this test's intake: endpoint on a
fixed loopback port (so an intake can "come up" later at the same address),
the test CA, the recipient key and the receipt key. The notification is
finalised through ``services.finalise``, the same call the wizard makes.
"""

from __future__ import annotations

import base64
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.domain.building import build_document, child_initials
from desktop.domain.forms import load_form
from desktop.domain.packs import GuidelinePack, Intake, load_pack, packs_dir
from desktop.outbox.sender import Transport
from desktop.outbox.target import IntakeTarget, make_transport
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.ui import delivery, wizard
from desktop.ui.delivery.service import DeliveryService
from desktop.ui.main_window import MainWindow
from desktop.ui.operations import wait_for_all
from desktop.ui.shell import Shell
from intake.server import BackgroundIntake
from intake.tls import CertificateAuthority
from protocol.envelope import RecipientPrivateKey
from tests.support.answers import complete_answers_for

CHEAP_SCRYPT = ScryptParams(n=2**10, r=8, p=1)
PASSPHRASE = "korrekt hest batteri"
#: Short network timeout: a test waiting for a refused connection should not wait long.
TEST_TIMEOUT = 10.0


@dataclass
class Municipality:
    """The test municipality: its keys, its TLS certificate and the port its intake uses."""

    recipient: RecipientPrivateKey
    receipt_signing: Ed25519PrivateKey
    ca: CertificateAuthority
    cert_file: Path
    key_file: Path
    port: int

    @property
    def receipt_public(self) -> bytes:
        return self.receipt_signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def _tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[CertificateAuthority, Path, Path]:
    folder = tmp_path_factory.mktemp("delivery-ui-tls")
    ca = CertificateAuthority("Underret delivery UI test CA")
    cert, key = ca.issue_server("127.0.0.1").write(folder, "server")
    return ca, cert, key


@pytest.fixture
def municipality(_tls: tuple[CertificateAuthority, Path, Path]) -> Municipality:
    ca, cert, key = _tls
    return Municipality(RecipientPrivateKey.generate("kommune-2026"), Ed25519PrivateKey.generate(),
                        ca, cert, key, free_port())


@pytest.fixture
def start_intake(tmp_path: Path, municipality: Municipality) -> Iterator[Callable[[], BackgroundIntake]]:
    """Start the real intake (TLS, test CA) at the municipality's address; stopped after the test."""
    started: list[BackgroundIntake] = []

    def start() -> BackgroundIntake:
        server = BackgroundIntake(tmp_path / "intake.sqlite", municipality.receipt_signing,
                                  cert_file=municipality.cert_file, key_file=municipality.key_file,
                                  port=municipality.port, reference_prefix="KOM").start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def pack(municipality: Municipality) -> GuidelinePack:
    demo = load_pack(packs_dir() / "demo-kommune.yaml")
    intake = Intake(required=True, endpoint=municipality.url, key_id=municipality.recipient.key_id,
                    public_key=base64.b64encode(municipality.recipient.public().public_key).decode(),
                    receipt_key=base64.b64encode(municipality.receipt_public).decode(),
                    ca_pem=municipality.ca.cert_pem.decode())
    return demo.model_copy(update={"intake": intake, "demo": False})


def _transport(target: IntakeTarget) -> Transport:
    return make_transport(target, timeout=TEST_TIMEOUT)


@dataclass
class DeliveryApp:
    """The running app of one test: services, shell, the delivery service and the main window."""

    services: Services
    shell: Shell
    delivery: DeliveryService
    qtbot: QtBot

    @property
    def window(self) -> MainWindow:
        assert self.shell.main_window is not None
        return self.shell.main_window

    @property
    def part(self) -> Any:
        """The delivery parts of the main window (badge, send now, notice, close warning)."""
        return self.window.delivery  # type: ignore[attr-defined]

    def unlock(self) -> None:
        unlock = self.shell.unlock_window
        assert unlock is not None
        unlock.passphrase_edit.setText(PASSPHRASE)
        unlock.unlock()
        def opened() -> bool:
            window = self.shell.main_window
            shown = window is not None and window.isVisible()
            return shown and (self.delivery.running or self.delivery.configuration_problem is not None)

        self.qtbot.waitUntil(opened, timeout=20_000)

    def finalise_draft(self, answers: dict[str, object]) -> str:
        """Write a draft and finalise it through ``services.finalise`` (what the wizard calls)."""
        vault = self.services.require_vault()
        draft_id = vault.notifications.create_draft(answers, "review", child_initials(answers))
        draft = vault.notifications.get_draft(draft_id)
        now = datetime.now(UTC)
        document = build_document(load_form(), self.services.pack(), answers, notification_id=draft_id,
                                  created_at=draft.created_at, finalised_at=now, language="da")
        finalise = getattr(self.services, "finalise")  # noqa: B009 - the wizard's plug point
        finalise(draft_id, document)
        self.services.notifications_changed.emit()
        return draft_id

    def state_text(self, notification_id: str) -> str:
        from desktop.ui.notification_table_model import ID_ROLE, Column

        for view in self.window.views.values():
            model = view.model()
            for row in range(model.rowCount()):
                index = model.index(row, Column.STATE)
                if index.data(ID_ROLE) == notification_id:
                    return str(index.data())
        return ""

    def panel_text(self, notification_id: str) -> str:
        """What the delivery panel says about the notification once it is selected in its list."""
        if not self.window.select_id(notification_id) or self.part.panel.notification_id != notification_id:
            return ""
        return str(self.part.panel.details.text()) if self.part.panel.details is not None else ""

    def summary_state(self, notification_id: str) -> str:
        return str(self.services.require_vault().notifications.get_summary(notification_id).state)


@pytest.fixture
def delivery_app(qapp: QApplication, qtbot: QtBot, tmp_path: Path,
                 pack: GuidelinePack) -> Iterator[Callable[..., DeliveryApp]]:
    """Build the app as ``app.py`` does (policy, settings, profile folder, delivery), with one profile."""
    made: list[DeliveryApp] = []

    def make(*, today: Callable[[], date] | None = None, policy: Policy | None = None,
             clock: Callable[[], datetime] | None = None, pack: GuidelinePack = pack) -> DeliveryApp:
        policy = policy or Policy()
        settings = Settings.load(policy, tmp_path / "settings.json")
        from desktop.store.profiles import ProfileDirectory

        services = Services(policy=policy, policy_source=PolicySource("none", "(test)"), settings=settings,
                            profiles=ProfileDirectory(scrypt=CHEAP_SCRYPT))
        services._pack = pack  # the test municipality's pack in force (no public setter)
        wizard.install(services)
        service = delivery.install(services, transport_factory=_transport, today=today, clock=clock,
                                   watch_network=False)
        if not services.profiles.list():
            services.profiles.create("Mette", KeyProtection.PASSPHRASE, PASSPHRASE)
        shell = Shell(services)
        shell.start()
        app = DeliveryApp(services, shell, service, qtbot)
        made.append(app)
        return app

    yield make
    for app in made:
        app.delivery.shutdown()
        app.services.session.stop()
        wait_for_all()
        for window in list(app.services._windows):
            window.close()
        app.services.close_vault()


@pytest.fixture
def answers() -> dict[str, object]:
    """A complete, fictitious notification about a 9-year-old, as the wizard stores it."""
    return complete_answers_for() | {"child.name": "Emma Louise Ærøskøbing", "child.languages": "dansk",
                                     "others.professionals": []}

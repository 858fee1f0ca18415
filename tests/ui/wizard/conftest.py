"""Fixtures for the wizard's UI tests: real services over a real profile and an open SQLCipher vault.

The helpers drive the window the way a person does with the keyboard: Tab to a
field, type, arrow keys and Space for choices, Alt+Right for the next page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Services, Translations
from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.documents.pdf import render_pdf
from desktop.domain.document import NotificationDocument
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.ui.operations import wait_for_all
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.window import WizardWindow
from protocol.envelope import RecipientPrivateKey, seal
from tests.support.keyboard import WizardKeys

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 23)
CHEAP_SCRYPT = ScryptParams(n=2**10, r=8, p=1)
PASSPHRASE = "korrekt hest batteri"


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every committed i18n/*.ts compiled to .qm, so the tests see the Danish people see."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        subprocess.run([tool, "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)], check=True)
    return out


@pytest.fixture
def services(qapp: QApplication, tmp_path: Path, compiled_translations: Path) -> Iterator[Services]:
    """Services in Danish with one passphrase profile, unlocked: the vault is open on this thread."""
    policy = Policy()
    settings = Settings.load(policy, tmp_path / "settings.json")
    translations = Translations(qapp, compiled_translations)
    translations.install("da")
    made = Services(policy=policy, policy_source=PolicySource("none", "(test)"), settings=settings,
                    profiles=ProfileDirectory(scrypt=CHEAP_SCRYPT), translations=translations)
    profile, key = made.profiles.create("Mette", KeyProtection.PASSPHRASE, PASSPHRASE)
    made.open_vault(profile, key)
    made.session.start()
    yield made
    made.session.stop()
    wait_for_all()
    for window in list(made._windows):
        window.close()
    made.close_vault()
    translations.uninstall()


class Wizard(WizardKeys):
    """A wizard window and the keyboard moves a person makes in it, with whole parts filled in."""

    def page(self) -> SectionPage:
        page = self.window.current_page()
        assert isinstance(page, SectionPage)
        return page

    def fill_child(self, *, cpr: str, name: str, municipality: str = "Roskilde") -> None:
        self.go_on_to("child")
        self.choose("child.identity", "cpr")
        self.type_into("child.cpr", cpr)
        self.type_into("child.name", name)
        self.pick_municipality(municipality)

    def fill_events(self, text: str = "Mandag kl. 8.15 havde barnet et blåt mærke på kinden.") -> None:
        self.go_on_to("events")
        self.type_into("events.observations", text)

    def fill_notifier(self) -> None:
        self.go_on_to("notifier")
        self.type_into("notifier.name", "Mette Jensen")
        self.type_into("notifier.role", "Pædagog")
        self.type_into("notifier.workplace", "Børnehaven Solsikken")
        self.type_into("notifier.work_address", "Skolevej 1, 4000 Roskilde")
        self.type_into("notifier.phone", "46 31 00 00")
        self.type_into("notifier.email", "mette@solsikken.example")

    def fill_complete(self, *, cpr: str = "120522-4006", name: str = "Emma Louise Hansen") -> None:
        """Everything a notification needs, by keyboard, ending on the review page."""
        self.choose("acute.in_danger", "no")
        self.fill_child(cpr=cpr, name=name)
        self.fill_events()
        self.fill_notifier()
        self.go_on_to("review")

    def finalise(self) -> None:
        """Finish and send: the button, then Enter on the question (when the notification is complete)."""
        self.tab_to(self.window.finalise_button)
        self.press(Qt.Key.Key_Space)
        if self.window.sending.confirmation is not None:
            self.confirm_finish()


@pytest.fixture
def open_wizard(qtbot: QtBot, services: Services) -> Callable[..., Wizard]:
    """Open the wizard for a new notification (or a draft), shown and focused like on screen."""

    def open_(draft_id: str | None = None) -> Wizard:
        window = WizardWindow(services, draft_id, today=lambda: TODAY)
        services.adopt_window(window)  # closed by the services fixture (the window deletes itself)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        # Its own focus, not one a window an earlier test closed still holds (Qt keeps a closed
        # window active until another is activated): keys typed would go nowhere.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window
                        and QApplication.focusWidget() is not None)
        return Wizard(qtbot, window)

    return open_


@pytest.fixture
def sending_set_up(services: Services) -> RecipientPrivateKey:
    """Wire ``services.finalise`` as the app does: real PDF, a real sealed envelope, the vault's
    finalise transaction on the worker thread's own connection. Returns the intake's private key."""
    recipient = RecipientPrivateKey.generate("test-kommune")

    def finalise(draft_id: str, document: NotificationDocument) -> None:
        vault = services.open_reader()
        try:
            pdf = render_pdf(document)
            document_json = document.to_json_bytes()
            envelope = seal(notification_id=draft_id, form_version=document.form.version,
                            files={"notification.json": document_json, "notification.pdf": pdf},
                            recipients=[recipient.public()], sender_seed=vault.profile.sender_key_seed())
            vault.notifications.finalise(draft_id, document_json=document_json, pdf=pdf, envelope=envelope,
                                         municipality=document.pack.municipality_code,
                                         acute=document.acute, corrects=document.corrects)
        finally:
            vault.close()

    setattr(services, "finalise", finalise)  # noqa: B010 - the attribute the composition root sets
    return recipient

"""Fixtures for the wizard's UI tests: real services over a real profile and an open SQLCipher vault.

The helpers drive the window the way a person does with the keyboard: Tab to a
field, type, arrow keys and Space for choices, Alt+Right for the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.ui.operations import wait_for_all
from desktop.ui.wizard.fields import ChoiceEditor, FieldEditor
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.window import WizardWindow

TODAY = date(2026, 11, 23)
CHEAP_SCRYPT = ScryptParams(n=2**10, r=8, p=1)
PASSPHRASE = "korrekt hest batteri"


@pytest.fixture
def services(qapp: QApplication, tmp_path: Path) -> Iterator[Services]:
    """Services with one passphrase profile, unlocked: the vault is open on this thread."""
    policy = Policy()
    settings = Settings.load(policy, tmp_path / "settings.json")
    made = Services(policy=policy, policy_source=PolicySource("none", "(test)"), settings=settings,
                    profiles=ProfileDirectory(scrypt=CHEAP_SCRYPT))
    profile, key = made.profiles.create("Mette", KeyProtection.PASSPHRASE, PASSPHRASE)
    made.open_vault(profile, key)
    made.session.start()
    yield made
    made.session.stop()
    wait_for_all()
    for window in list(made._windows):
        window.close()
    made.close_vault()


class Wizard:
    """A wizard window and the keyboard moves a person makes in it."""

    def __init__(self, qtbot: QtBot, window: WizardWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    # --- looking ---------------------------------------------------------------------------
    def page(self) -> SectionPage:
        page = self.window.current_page()
        assert isinstance(page, SectionPage)
        return page

    def editor(self, path: str) -> FieldEditor:
        for page in self.window.pages.values():
            if isinstance(page, SectionPage):
                editor = page.editor_for(path)
                if editor is not None and editor.path == path:
                    return editor
        raise KeyError(path)

    @staticmethod
    def focused() -> QWidget | None:
        return QApplication.focusWidget()

    # --- moving ----------------------------------------------------------------------------
    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = self.focused() or self.window
        self.qtbot.keyClick(target, key, modifier)

    def tab_to(self, widget: QWidget, limit: int = 400) -> None:
        """Press Tab until ``widget`` has the focus (fails if the tab order never reaches it)."""
        for _ in range(limit):
            if self.focused() is widget:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget.objectName() or widget}")

    def type_into(self, path: str, text: str) -> None:
        target = self.editor(path).focus_target()
        self.tab_to(target)
        self.qtbot.keyClicks(target, text)

    def choose(self, path: str, option: str) -> None:
        """Tab into a choice, then arrow keys until ``option`` is checked (Space to be sure)."""
        editor = self.editor(path)
        assert isinstance(editor, ChoiceEditor)
        self.tab_to(editor.focus_target())
        wanted = editor.buttons[option]
        for _ in range(len(editor.buttons) + 1):
            if self.focused() is wanted:
                break
            self.press(Qt.Key.Key_Down)
        assert self.focused() is wanted, f"arrow keys did not reach {option}"
        self.press(Qt.Key.Key_Space)
        assert wanted.isChecked()

    def next_page(self) -> None:
        self.tab_to(self.window.next_button)
        self.press(Qt.Key.Key_Space)

    def previous_page(self) -> None:
        self.tab_to(self.window.back_button)
        self.press(Qt.Key.Key_Space)

    def go_on_to(self, page_id: str) -> None:
        for _ in range(10):
            if self.window.page_id == page_id:
                return
            self.next_page()
        assert self.window.page_id == page_id


@pytest.fixture
def open_wizard(qtbot: QtBot, services: Services) -> Callable[..., Wizard]:
    """Open the wizard for a new notification (or a draft), shown and focused like on screen."""

    def open_(draft_id: str | None = None) -> Wizard:
        window = WizardWindow(services, draft_id, today=lambda: TODAY)
        qtbot.addWidget(window)
        services.adopt_window(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return Wizard(qtbot, window)

    return open_

"""F1 and Help > Help for this window in the notification window: the help for the page shown now, from the
guideline pack, with the municipality's procedure, numbers and legal references, in the UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.domain.packs import load_pack, packs_dir
from desktop.ui.help.viewer import HelpWindow, help_window_of
from tests.ui.wizard.conftest import Wizard


def _use_demo_kommune(services: Services) -> None:
    services.set_pack(load_pack(packs_dir() / "demo-kommune.yaml"))


def _help_after_f1(qtbot: QtBot, wizard: Wizard) -> HelpWindow:
    wizard.press(Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: (h := help_window_of(wizard.window)) is not None and h.isVisible())
    helper = help_window_of(wizard.window)
    assert helper is not None
    return helper


def _close_with_escape(qtbot: QtBot, helper: HelpWindow) -> None:
    qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None and f.window() is helper)
    QTest.keyClick(QApplication.focusWidget() or helper, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not helper.isVisible())
    # Focus goes back to the window the help was opened from.
    owner = helper.parentWidget()
    qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None and f.window() is owner)


def test_f1_on_a_page_shows_that_pages_help_with_the_municipalitys_procedure_numbers_and_law(
        qtbot: QtBot, services: Services, open_wizard: Callable[..., Wizard]) -> None:
    _use_demo_kommune(services)
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("signals")

    helper = _help_after_f1(qtbot, wizard)
    text = helper.document.toPlainText()
    assert helper.windowTitle() == "Hjælp – Bekymringstegn"
    assert "Sæt kryds ved de tegn, du selv har set eller hørt." in text
    assert "Sådan gør du, når du er bekymret" in text
    assert "Tal med din leder" in text, "the municipality's own procedure"
    assert "Demo Kommune, børne- og familieafdelingen: 00 00 01 01" in text, "its contacts with numbers"
    assert "Barnets lov § 133: Skærpet underretningspligt for fagpersoner" in text, "its legal references"
    assert "Fra retningslinjerne: Demo Kommune (øvelse) (version 2026.1)" in text
    # The help can be read with the keyboard at once (arrow keys scroll it).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is helper.document)
    _close_with_escape(qtbot, helper)

    # Another page, another help: the topic is the page shown when F1 is pressed.
    wizard.go_on_to("events")
    assert _help_after_f1(qtbot, wizard).windowTitle() == "Hjælp – Hvad er der sket?"


def test_the_help_follows_the_language_in_english(qtbot: QtBot, services: Services,
                                                  open_wizard: Callable[..., Wizard]) -> None:
    _use_demo_kommune(services)
    services.set_language("en")
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("signals")
    helper = _help_after_f1(qtbot, wizard)
    text = helper.document.toPlainText()
    assert helper.windowTitle() == "Help – Signs of concern"
    assert "Tick the signs you have seen or heard yourself." in text
    assert "What to do when you are worried" in text and "Talk to your manager" in text
    assert "Demo Kommune, children's services: 00 00 01 01" in text
    assert "Barnets lov § 133: Enhanced duty to notify for professionals" in text
    # Switching to Danish with the help open turns the pack's text Danish too.
    services.set_language("da")
    qtbot.waitUntil(lambda: "Tal med din leder" in helper.document.toPlainText())
    assert helper.windowTitle() == "Hjælp – Bekymringstegn"


def test_the_help_menu_entry_opens_the_same_help(qtbot: QtBot, services: Services,
                                                 open_wizard: Callable[..., Wizard]) -> None:
    _use_demo_kommune(services)
    wizard = open_wizard()
    assert wizard.window.page_id == "acute"
    # Alt+Æ opens the Help menu ("Hj&ælp": Alt+H stays "Barn i fare? &Hvem skal jeg ringe til"),
    # Enter takes its entry "Hjælp til dette vindue (F1)".
    wizard.press(Qt.Key.Key_AE, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["&Hjælp til dette vindue"]
    assert menu.actions()[0].shortcut().toString() == "F1"
    target = menu.actions()[0]
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is target:
            break
        QTest.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is target
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (h := help_window_of(wizard.window)) is not None and h.isVisible())
    helper = help_window_of(wizard.window)
    assert helper is not None
    assert helper.windowTitle() == "Hjælp – Er barnet i fare lige nu?"
    assert "00 00 01 02" in helper.document.toPlainText(), "the on-call number is there on the acute page"

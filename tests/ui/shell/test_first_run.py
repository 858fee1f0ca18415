"""A person opening Underret for the first time creates their profile, by keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.config.policy import Policy
from desktop.store.keys import KeyProtection
from desktop.ui.shell import Shell


def test_first_start_shows_profile_creation_and_a_passphrase_profile_opens_the_main_window(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        passphrase: str) -> None:
    services = make_services()
    shell = start_shell(services)
    window = shell.first_run_window
    assert window is not None and window.isVisible()
    assert shell.unlock_window is None

    QTest.keyClicks(window.name_edit, "Mette Hansen")
    QTest.keyClick(window.name_edit, Qt.Key.Key_Tab)
    window.passphrase_radio.setFocus()
    QTest.keyClick(window.passphrase_radio, Qt.Key.Key_Space)
    assert window.passphrase_radio.isChecked()
    assert window.passphrase_edit.isVisible()
    QTest.keyClicks(window.passphrase_edit, passphrase)
    QTest.keyClicks(window.confirm_edit, passphrase)
    QTest.keyClick(window.confirm_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    profiles = services.profiles.list()
    assert [p.display_name for p in profiles] == ["Mette Hansen"]
    assert profiles[0].protection == KeyProtection.PASSPHRASE
    assert profiles[0].vault_path.exists()
    assert services.vault is not None
    assert not window.isVisible()


def test_two_different_passphrases_are_caught_before_anything_is_created(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        passphrase: str) -> None:
    services = make_services(language="en")
    window = start_shell(services).first_run_window
    assert window is not None
    QTest.keyClicks(window.name_edit, "Mette")
    window.passphrase_radio.setChecked(True)
    QTest.keyClicks(window.passphrase_edit, passphrase)
    QTest.keyClicks(window.confirm_edit, passphrase + "x")
    QTest.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in window.message_label.text()
    assert services.profiles.list() == []


def test_remember_on_this_pc_keeps_the_key_in_the_keyring_and_opens_without_passphrase_next_time(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        passphrase: str) -> None:
    services = make_services()
    shell = start_shell(services)
    window = shell.first_run_window
    assert window is not None
    assert window.keyring_radio.isChecked()  # the default for a personal PC
    assert not window.passphrase_edit.isVisible()
    QTest.keyClicks(window.name_edit, "Jonas")
    QTest.keyClick(window.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    profile = services.profiles.list()[0]
    assert profile.protection == KeyProtection.KEYRING
    services.session.lock()
    services.close_vault()

    # The next start: the keyring profile opens at once, no passphrase asked, no unlock window.
    again = make_services()
    second = start_shell(again)
    qtbot.waitUntil(lambda: second.main_window is not None and second.main_window.has_loaded)
    assert again.profile is not None and again.profile.id == profile.id
    assert second.unlock_window is None


def test_a_locked_keyring_gets_a_plain_explanation_and_the_passphrase_instead(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        passphrase: str, lock_the_keyring: Callable[[], None]) -> None:
    lock_the_keyring()  # as on a PC where nobody unlocked it
    services = make_services(language="en")
    shell = start_shell(services)
    window = shell.first_run_window
    assert window is not None
    # Before anything is typed: the keyring is asked in the background, and the choice that cannot
    # work is not the one made for the person.
    qtbot.waitUntil(lambda: window.keyring_works is False)
    assert window.passphrase_radio.isChecked() and not window.keyring_radio.isChecked()
    assert window.keyring_note.isVisible() and "saved passwords" in window.keyring_note.text()
    assert window.passphrase_edit.isVisible()
    QTest.keyClicks(window.name_edit, "Mette")
    assert services.profiles.list() == []

    QTest.keyClicks(window.passphrase_edit, passphrase)
    QTest.keyClicks(window.confirm_edit, passphrase)
    QTest.keyClick(window.confirm_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    assert services.profiles.list()[0].protection == KeyProtection.PASSPHRASE


def test_the_passphrase_rules_show_before_the_first_try(
        make_services: Callable[..., Services], start_shell: Callable[[Services], Shell]) -> None:
    services = make_services(language="da")
    window = start_shell(services).first_run_window
    assert window is not None
    window.passphrase_radio.setChecked(True)
    assert window.passphrase_rules.isVisible()
    assert window.passphrase_rules.text().startswith("En adgangskode skal have mindst 8 tegn.")
    assert window.message_label.text() == ""  # nothing was tried yet
    assert window.passphrase_rules.text() in window.passphrase_edit.accessibleDescription()


def test_policy_for_shared_pcs_fixes_the_passphrase_choice_and_says_who_set_it(
        make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        passphrase: str) -> None:
    services = make_services(policy=Policy(key_protection="passphrase"), language="en")
    window = start_shell(services).first_run_window
    assert window is not None
    assert window.passphrase_radio.isChecked()
    assert not window.keyring_radio.isEnabled()
    assert not window.passphrase_radio.isEnabled()
    assert window._managed_label.isVisible()
    assert "municipality's IT" in window._managed_label.text()


def test_try_the_demo_is_hidden_when_policy_forbids_demo_mode(
        make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        passphrase: str) -> None:
    allowed = make_services()
    allowed.demo_launcher = lambda: None
    window = start_shell(allowed).first_run_window
    assert window is not None and window.demo_button.isVisible()
    window.close()

    forbidden = make_services(policy=Policy(demo_allowed=False))
    forbidden.demo_launcher = lambda: None
    window = start_shell(forbidden).first_run_window
    assert window is not None and not window.demo_button.isVisible()

"""A profile remembered on this PC still opens with its recovery passphrase when the OS keyring fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.errors import WrongPassphrase
from desktop.store.keys import KEYRING_SERVICE, KeyProtection, KeyringKeyStore
from desktop.store.profiles import ProfileInfo
from desktop.ui.notification_table_model import Group
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.shell import Shell
from desktop.ui.unlock_window import UnlockWindow

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]
RECOVERY = "blå hest i haven"


def _unlock_window_shown(qtbot: QtBot, shell: Shell) -> UnlockWindow:
    qtbot.waitUntil(lambda: shell.unlock_window is not None and shell.unlock_window.isVisible())
    unlock = shell.unlock_window
    assert unlock is not None
    return unlock


def _main_window_lists(qtbot: QtBot, shell: Shell, drafts: int) -> None:
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.models[Group.DRAFTS].rowCount() == drafts)


def test_first_run_with_remember_on_this_pc_offers_an_optional_recovery_passphrase_typed_twice(
        qtbot: QtBot, make_services: Callable[..., Services],
        start_shell: Callable[[Services], Shell]) -> None:
    services = make_services()  # Danish, as a teacher sees it
    shell = start_shell(services)
    window = shell.first_run_window
    assert window is not None
    assert window.keyring_radio.isChecked()
    assert window.recovery_edit.isVisible() and window.recovery_confirm_edit.isVisible()
    assert "Anbefales" in window.recovery_note.text()
    assert window.recovery_edit.accessibleName() == "Reserveadgangskode (valgfri)"
    assert window.recovery_confirm_edit.accessibleName() == "Reserveadgangskode igen"

    QTest.keyClicks(window.name_edit, "Jonas")
    window.recovery_edit.setFocus()
    QTest.keyClicks(window.recovery_edit, RECOVERY)
    QTest.keyClick(window.recovery_edit, Qt.Key.Key_Return)  # on to the second field
    assert window.focusWidget() is window.recovery_confirm_edit
    QTest.keyClicks(window.recovery_confirm_edit, RECOVERY)
    QTest.keyClick(window.recovery_confirm_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    (profile,) = services.profiles.list()
    assert profile.protection == KeyProtection.KEYRING
    assert profile.has_recovery_passphrase
    assert KeyringKeyStore().load(profile.id) is not None
    assert window.recovery_edit.text() == "" and window.recovery_confirm_edit.text() == ""


def test_the_recovery_passphrase_fields_come_in_keyboard_order_and_hide_for_a_passphrase_profile(
        qtbot: QtBot, make_services: Callable[..., Services],
        start_shell: Callable[[Services], Shell]) -> None:
    services = make_services(language="en")
    window = start_shell(services).first_run_window
    assert window is not None
    window.recovery_edit.setFocus()
    QTest.keyClick(window.recovery_edit, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.recovery_confirm_edit
    QTest.keyClick(window.recovery_confirm_edit, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.create_button

    window.passphrase_radio.setFocus()
    QTest.keyClick(window.passphrase_radio, Qt.Key.Key_Space)
    assert not window.recovery_edit.isVisible() and not window.recovery_note.isVisible()
    assert window.passphrase_edit.isVisible()


def test_two_different_or_too_short_recovery_passphrases_are_caught_before_anything_is_created(
        make_services: Callable[..., Services], start_shell: Callable[[Services], Shell]) -> None:
    services = make_services(language="en")
    window = start_shell(services).first_run_window
    assert window is not None
    QTest.keyClicks(window.name_edit, "Jonas")
    QTest.keyClicks(window.recovery_edit, RECOVERY)
    QTest.keyClicks(window.recovery_confirm_edit, RECOVERY + "x")
    QTest.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in window.message_label.text()
    assert window.focusWidget() is window.recovery_confirm_edit
    window.recovery_edit.clear()
    window.recovery_confirm_edit.clear()
    QTest.keyClicks(window.recovery_edit, "kort")
    QTest.keyClicks(window.recovery_confirm_edit, "kort")
    QTest.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert "at least 8" in window.message_label.text()
    assert services.profiles.list() == []


def test_keyring_entry_gone_at_start_the_unlock_window_asks_for_the_recovery_passphrase_and_opens_the_list(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, file_hash: Callable[[Path], str]) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Jonas", passphrase=None, drafts=["AB", "CD"], recovery=RECOVERY)
    keyring.delete_password(KEYRING_SERVICE, profile.id)  # a reset keyring, a new Windows profile
    before = file_hash(profile.vault_path)

    shell = start_shell(services)  # a keyring profile tries to open at once
    unlock = _unlock_window_shown(qtbot, shell)
    assert unlock.selected_profile_id() == profile.id
    assert unlock.asks_for_recovery_passphrase()
    assert unlock.passphrase_edit.isVisible()
    assert unlock.passphrase_edit.accessibleName() == "Recovery passphrase"
    assert "Type your recovery passphrase" in unlock._keyring_note.text()
    assert file_hash(profile.vault_path) == before

    QTest.keyClicks(unlock.passphrase_edit, "not it")
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in unlock.message_label.text())
    assert services.vault is None
    QTest.keyClicks(unlock.passphrase_edit, RECOVERY)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)

    _main_window_lists(qtbot, shell, drafts=2)
    assert not unlock.isVisible()
    assert unlock.passphrase_edit.text() == ""
    assert KeyringKeyStore().load(profile.id) is not None  # put back: no passphrase next time
    services.session.lock()
    qtbot.waitUntil(unlock.isVisible)
    assert not unlock.passphrase_edit.isVisible()
    QTest.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    _main_window_lists(qtbot, shell, drafts=2)


def test_locked_keyring_without_a_recovery_passphrase_says_what_it_can_do_and_keeps_the_file(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, file_hash: Callable[[Path], str],
        lock_the_keyring: Callable[[], None]) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Jonas", passphrase=None, drafts=["AB"])
    before = file_hash(profile.vault_path)
    lock_the_keyring()

    shell = start_shell(services)
    unlock = _unlock_window_shown(qtbot, shell)
    qtbot.waitUntil(lambda: "password storage" in unlock.message_label.text())
    message = unlock.message_label.text()
    assert "IT can help" in message
    assert "kept untouched" in message
    assert "Choose a passphrase instead" not in message  # that advice is for a new profile
    assert not unlock.passphrase_edit.isVisible()
    assert services.vault is None
    assert file_hash(profile.vault_path) == before


def test_key_gone_without_a_recovery_passphrase_keeps_the_explanation_and_names_what_it_can_do(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Jonas", passphrase=None)
    keyring.delete_password(KEYRING_SERVICE, profile.id)
    shell = start_shell(services)
    unlock = _unlock_window_shown(qtbot, shell)
    qtbot.waitUntil(lambda: "no longer on this PC" in unlock.message_label.text())
    assert "put the key back into this PC's password storage" in unlock.message_label.text()
    assert "New profile" in unlock.message_label.text()
    assert not unlock.passphrase_edit.isVisible()


def test_locked_keyring_at_start_opens_with_the_recovery_passphrase(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, lock_the_keyring: Callable[[], None]) -> None:
    services = make_services()  # Danish
    profile_factory(services, "Jonas", passphrase=None, drafts=["AB"], recovery=RECOVERY)
    lock_the_keyring()
    shell = start_shell(services)
    unlock = _unlock_window_shown(qtbot, shell)
    qtbot.waitUntil(unlock.asks_for_recovery_passphrase)
    assert unlock.passphrase_edit.accessibleName() == "Reserveadgangskode"
    assert "reserveadgangskode" in unlock._keyring_note.text()
    QTest.keyClicks(unlock.passphrase_edit, RECOVERY)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    _main_window_lists(qtbot, shell, drafts=1)


def test_a_keyring_profile_sets_its_recovery_passphrase_in_settings_and_it_opens_the_vault_later(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Jonas", passphrase=None, drafts=["AB"])
    shell = start_shell(services)
    _main_window_lists(qtbot, shell, drafts=1)
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.recovery_group.isVisible()
    assert not dialog.passphrase_group.isVisible()
    assert dialog.recovery_button.text() == "Set &recovery passphrase"

    QTest.keyClicks(dialog.recovery_new_edit, RECOVERY)
    QTest.keyClicks(dialog.recovery_confirm_edit, RECOVERY)
    QTest.keyClick(dialog.recovery_confirm_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "has been saved" in dialog.recovery_message.text())
    assert services.profiles.has_recovery_passphrase(profile.id)
    assert dialog.recovery_button.text() == "Change &recovery passphrase"
    assert dialog.recovery_new_edit.text() == ""
    dialog.close()

    keyring.delete_password(KEYRING_SERVICE, profile.id)
    services.session.lock()
    unlock = _unlock_window_shown(qtbot, shell)
    QTest.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)  # the keyring is asked first
    qtbot.waitUntil(unlock.asks_for_recovery_passphrase)
    QTest.keyClicks(unlock.passphrase_edit, RECOVERY)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    _main_window_lists(qtbot, shell, drafts=1)


@pytest.mark.parametrize("had_one", [False, True], ids=["first one", "a new one"])
def test_with_the_keyring_locked_settings_still_sets_the_recovery_passphrase_from_the_open_session(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, lock_the_keyring: Callable[[], None], had_one: bool) -> None:
    # The keyring fails while the person works: that is when a recovery passphrase is needed most.
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Jonas", passphrase=None, recovery=RECOVERY if had_one else None)
    shell = start_shell(services)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.has_loaded)
    lock_the_keyring()
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.recovery_button.text() == ("Change &recovery passphrase" if had_one
                                             else "Set &recovery passphrase")
    QTest.keyClicks(dialog.recovery_new_edit, "en ny reservefrase")
    QTest.keyClicks(dialog.recovery_confirm_edit, "en ny reservefrase")
    QTest.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "has been saved" in dialog.recovery_message.text())
    assert not services.profiles.failed_attempts(profile.id)
    assert services.profiles.unlock(profile.id, "en ny reservefrase")  # the keyring is still locked
    if had_one:
        with pytest.raises(WrongPassphrase):
            services.profiles.unlock(profile.id, RECOVERY)  # the old one no longer opens it

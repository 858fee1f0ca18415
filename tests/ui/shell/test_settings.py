"""Settings: what IT fixed is shown as managed and cannot be changed; the rest takes effect at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.config.policy import Policy
from desktop.config.settings import SettingSource
from desktop.store.profiles import ProfileInfo
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def _unlocked(qtbot: QtBot, services: Services, shell: Shell, passphrase: str) -> None:
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())


def test_idle_time_set_by_policy_is_shown_as_managed_and_cannot_be_changed(
        qtbot: QtBot, make_services: Callable[..., Services]) -> None:
    services = make_services(policy=Policy(idle_lock_minutes=10), language="en")
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.idle_spin.value() == 10
    assert not dialog.idle_spin.isEnabled()
    assert dialog.idle_managed.isVisible()
    assert dialog.idle_managed.text() == "Set by your municipality's IT"
    dialog.idle_spin.setFocus()
    QTest.keyClick(dialog.idle_spin, Qt.Key.Key_Up)
    assert dialog.idle_spin.value() == 10
    assert services.settings.value("idle_lock_minutes") == 10
    assert services.settings.source("idle_lock_minutes") == SettingSource.POLICY
    assert services.session.idle_interval_ms() == 10 * 60 * 1000


def test_idle_time_chosen_by_the_person_is_saved_and_used_at_once(
        qtbot: QtBot, make_services: Callable[..., Services]) -> None:
    services = make_services(language="en")
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.idle_spin.isEnabled()
    assert not dialog.idle_managed.isVisible()
    dialog.idle_spin.setFocus()
    QTest.keyClick(dialog.idle_spin, Qt.Key.Key_Up)
    QTest.keyClick(dialog.idle_spin, Qt.Key.Key_Up)
    assert services.settings.value("idle_lock_minutes") == 7
    assert services.settings.source("idle_lock_minutes") == SettingSource.USER
    assert services.session.idle_interval_ms() == 7 * 60 * 1000
    # Remembered for the next start.
    assert make_services().settings.value("idle_lock_minutes") == 7


def test_changing_the_passphrase_keeps_the_data_and_the_new_one_unlocks(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    _, (draft,) = profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    _unlocked(qtbot, services, shell, passphrase)
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.passphrase_group.isVisible()
    QTest.keyClicks(dialog.old_edit, passphrase)
    QTest.keyClicks(dialog.new_edit, "et helt nyt kodeord")
    QTest.keyClicks(dialog.confirm_edit, "et helt nyt kodeord")
    QTest.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "has been changed" in dialog.passphrase_message.text())
    assert dialog.old_edit.text() == ""

    services.session.lock()
    _unlocked(qtbot, services, shell, "et helt nyt kodeord")
    assert services.vault is not None
    assert services.vault.notifications.get_draft(draft).id == draft


def test_changing_the_passphrase_with_a_wrong_current_one_is_refused(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette")
    shell = start_shell(services)
    _unlocked(qtbot, services, shell, passphrase)
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.old_edit, "not my passphrase")
    QTest.keyClicks(dialog.new_edit, "et helt nyt kodeord")
    QTest.keyClicks(dialog.confirm_edit, "et helt nyt kodeord")
    QTest.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in dialog.passphrase_message.text())
    services.session.lock()
    _unlocked(qtbot, services, shell, passphrase)  # the old one still works


def test_keyring_profile_has_no_passphrase_to_change(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile_factory(services, "Jonas", passphrase=None)
    shell = start_shell(services)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.passphrase_group.isVisible()


def test_the_passphrase_rules_show_in_the_settings_before_the_first_try(
        make_services: Callable[..., Services], passphrase: str) -> None:
    from desktop.store.keys import KeyProtection

    services = make_services(language="da")
    profile, key = services.profiles.create("Mette", KeyProtection.PASSPHRASE, passphrase)
    services.open_vault(profile, key)
    dialog = SettingsDialog(services)
    dialog.show()
    assert dialog.passphrase_rules.isVisible()
    assert dialog.passphrase_rules.text().startswith("En adgangskode skal have mindst 8 tegn.")
    assert dialog.passphrase_message.text() == ""
    dialog.close()


@pytest.mark.filterwarnings("error::RuntimeWarning")  # a failed disconnect warned at each closing
def test_locking_closes_the_settings_and_about_dialogs_every_time(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    # A dialog left open at a lock would show the profile's settings to whoever comes to the PC next.
    services = make_services(language="en")
    profile_factory(services, "Mette")
    shell = start_shell(services)
    for _ in range(2):  # the second time, after the first dialogs are gone, again without a warning
        _unlocked(qtbot, services, shell, passphrase)
        main = shell.main_window
        assert main is not None
        main.open_settings()
        main.open_about()
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, (SettingsDialog, AboutDialog)) and w.isVisible()]
        assert len(dialogs) == 2
        services.session.lock()
        qtbot.waitUntil(lambda: not any(isinstance(w, (SettingsDialog, AboutDialog)) and w.isVisible()
                                        for w in QApplication.topLevelWidgets()))

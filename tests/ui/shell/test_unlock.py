"""Opening Underret again: the right passphrase opens the list, a wrong one is explained and slowed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.errors import WrongPassphrase
from desktop.store.profiles import ProfileInfo
from desktop.ui.notification_table_model import Group
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def test_right_passphrase_opens_the_main_window_with_the_drafts_listed(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette", drafts=["AB", "CD"])
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None and unlock.isVisible()
    assert shell.main_window is None
    assert unlock.passphrase_edit.hasFocus() or unlock.passphrase_edit.isVisible()

    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.models[Group.DRAFTS].rowCount() == 2)
    shown = {window.models[Group.DRAFTS].index(r, 0).data() for r in range(2)}
    assert shown == {"AB", "CD"}
    assert window.tabs.tabText(Group.DRAFTS) == "Drafts (2)"
    assert not unlock.isVisible()
    assert unlock.passphrase_edit.text() == ""  # the typed passphrase is not kept in the field


def test_wrong_passphrase_is_explained_and_repeated_tries_must_wait(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette")
    shell = start_shell(services)
    unlock = shell.unlock_window
    assert unlock is not None

    QTest.keyClicks(unlock.passphrase_edit, "wrong guess")
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in unlock.message_label.text())
    assert "Caps Lock" in unlock.message_label.text()
    assert services.vault is None
    assert shell.main_window is None
    assert unlock.unlock_button.isEnabled()  # the first mistakes cost nothing

    for _ in range(3):
        qtbot.waitUntil(lambda: unlock.unlock_button.isEnabled())
        QTest.keyClicks(unlock.passphrase_edit, "wrong again")
        QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not unlock._busy)

    # After repeated failures the button waits, counting down, as the store decides.
    assert services.profiles.delay_before_next_attempt(profile.id) > 0
    assert unlock.is_waiting()
    assert not unlock.unlock_button.isEnabled()
    assert "wait" in unlock.unlock_button.text()
    assert shell.main_window is None


def test_the_wait_survives_a_restart_of_the_app(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette")
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            services.profiles.unlock(profile.id, "wrong")
    again = make_services(language="en")
    unlock = start_shell(again).unlock_window
    assert unlock is not None
    assert unlock.is_waiting()
    assert not unlock.unlock_button.isEnabled()


def test_profile_chooser_lists_every_profile_and_the_command_line_can_pick_one(
        qtbot: QtBot, make_services: Callable[..., Services], profile_factory: ProfileFactory,
        passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Anne")
    bo, _ = profile_factory(services, "Bo", drafts=["XY"])
    shell = Shell(services, profile_name="Bo")
    shell.start()
    unlock = shell.unlock_window
    assert unlock is not None
    assert [unlock.profile_combo.itemText(i) for i in range(unlock.profile_combo.count())] == ["Anne", "Bo"]
    assert unlock.selected_profile_id() == bo.id
    assert unlock.profile_combo.accessibleName() == "Profile"
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.profile is not None)
    assert services.profile is not None and services.profile.id == bo.id

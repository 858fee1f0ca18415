"""A damaged, too new, read-only or key-less vault is explained, and the file is never touched."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import keyring
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.keys import KEYRING_SERVICE, zero
from desktop.store.migrations import LATEST_VERSION
from desktop.store.profiles import ProfileInfo
from desktop.store.vault import Vault
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def _try_unlock(qtbot: QtBot, shell: Shell, passphrase: str) -> str:
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not unlock._busy and unlock.message_label.text() not in ("", "Opening…"))
    return unlock.message_label.text()


def test_damaged_vault_is_explained_kept_byte_identical_and_a_new_profile_is_offered(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str, file_hash: Callable[[Path], str]) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette", drafts=["AB"])
    data = bytearray(profile.vault_path.read_bytes())
    data[0:4096] = os.urandom(4096)  # a disk error scrambled the first page
    profile.vault_path.write_bytes(bytes(data))
    before = file_hash(profile.vault_path)
    shell = start_shell(services)

    message = _try_unlock(qtbot, shell, passphrase)

    assert "damaged" in message
    assert "New profile" in message
    assert services.vault is None and shell.main_window is None
    assert file_hash(profile.vault_path) == before

    # The offer: keep the file, start a new profile beside it.
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.mouseClick(unlock.new_profile_button, Qt.MouseButton.LeftButton)
    first_run = shell.first_run_window
    assert first_run is not None and first_run.isVisible()
    assert first_run.cancel_button.isVisible()
    QTest.keyClicks(first_run.name_edit, "Mette ny")
    QTest.keyClick(first_run.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    assert file_hash(profile.vault_path) == before
    assert len(services.profiles.list()) == 2


def test_vault_from_a_newer_version_is_explained_and_not_changed(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str, file_hash: Callable[[Path], str]) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette")
    key = services.profiles.unlock(profile.id, passphrase)
    with Vault.open(profile.vault_path, key) as vault:
        vault._connection.raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    zero(key)
    before = file_hash(profile.vault_path)

    message = _try_unlock(qtbot, start_shell(services), passphrase)

    assert "newer version" in message
    assert file_hash(profile.vault_path) == before


def test_read_only_profile_folder_is_explained_and_nothing_changes(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str, file_hash: Callable[[Path], str],
        make_read_only: Callable[..., AbstractContextManager[None]]) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette", drafts=["AB"])
    before = file_hash(profile.vault_path)
    shell = start_shell(services)
    with make_read_only(profile.vault_path, profile.folder):
        message = _try_unlock(qtbot, shell, passphrase)
    assert "cannot write" in message
    assert services.vault is None
    assert file_hash(profile.vault_path) == before


def test_key_gone_from_the_keyring_is_explained_and_the_vault_kept(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, file_hash: Callable[[Path], str]) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Jonas", passphrase=None)
    keyring.delete_password(KEYRING_SERVICE, profile.id)
    before = file_hash(profile.vault_path)
    shell = start_shell(services)  # a keyring profile tries to open at once
    qtbot.waitUntil(lambda: shell.unlock_window is not None and shell.unlock_window.isVisible())
    unlock = shell.unlock_window
    assert unlock is not None
    assert "no longer on this PC" in unlock.message_label.text()
    assert unlock.selected_profile_id() == profile.id
    assert shell.main_window is None or not shell.main_window.isVisible()
    assert services.vault is None
    assert file_hash(profile.vault_path) == before
    assert profile.vault_path.exists()

"""A damaged vault or profile.json is said aloud at unlock: nothing deleted, contact IT, files untouched."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import eventlog
from desktop.app import Services
from desktop.store.profiles import PROFILE_FILE, ProfileInfo
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _flip_a_bit_in_the_last_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) - 200] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_bit_flipped_vault_is_refused_at_unlock_as_damaged_with_its_files_byte_identical(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette", drafts=[f"A{i}" for i in range(30)])
    _flip_a_bit_in_the_last_page(profile.vault_path)
    before = _folder_state(profile.folder)
    eventlog.install()
    try:
        shell = start_shell(services)
        unlock = shell.unlock_window
        assert unlock is not None
        QTest.keyClicks(unlock.passphrase_edit, passphrase)
        QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not unlock._busy and unlock.message_label.text() not in ("", "Opening…"))
    finally:
        eventlog.uninstall()

    message = unlock.message_label.text()
    assert "damaged" in message and "Nothing has been deleted" in message and "contact IT" in message
    assert services.vault is None and shell.main_window is None  # no draft list that opens to nothing
    assert _folder_state(profile.folder) == before  # byte-identical, no -wal/-shm beside it
    [logged] = eventlog.recent_problems()
    assert (logged.level, logged.message_id) == ("ERROR", "vault.corrupt")
    assert f"profile={profile.id}" in logged.text


def test_a_damaged_profile_file_is_listed_and_explained_never_the_first_run_screen(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile, _ = profile_factory(services, "Mette", drafts=["AB"])
    profile_file = profile.folder / PROFILE_FILE
    profile_file.write_bytes(profile_file.read_bytes()[:40])  # cut short by a crash or a full disk
    before = _folder_state(profile.folder)

    shell = start_shell(services)

    assert shell.first_run_window is None  # not "welcome" as if nothing were waiting in that vault
    unlock = shell.unlock_window
    assert unlock is not None and unlock.isVisible()
    assert unlock.profile_combo.currentText() == f"Damaged profile ({profile.id[:8]})"
    message = unlock.message_label.text()
    assert "damaged" in message and "Nothing has been deleted" in message and "contact IT" in message
    assert not unlock.unlock_button.isEnabled()
    QTest.keyClick(unlock.unlock_button, Qt.Key.Key_Return)
    assert services.vault is None
    assert _folder_state(profile.folder) == before


def test_a_damaged_profile_stays_listed_beside_a_healthy_one(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    damaged, _ = profile_factory(services, "Anna")
    profile_factory(services, "Bo")
    (damaged.folder / PROFILE_FILE).write_text("{ not json", "utf-8")

    shell = start_shell(services)

    unlock = shell.unlock_window
    assert unlock is not None
    items = [unlock.profile_combo.itemText(i) for i in range(unlock.profile_combo.count())]
    assert items == ["Bo", f"Damaged profile ({damaged.id[:8]})"]
    assert unlock.unlock_button.isEnabled()  # Bo opens as usual

"""Starting the app makes the profiles an older version left readable by other users private again."""

from __future__ import annotations

import stat
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import build_services
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory


def test_starting_the_app_closes_profile_files_left_open_by_an_older_version(
        qtbot: QtBot, isolated_user_folders: Path) -> None:
    directory = ProfileDirectory(scrypt=ScryptParams(n=2**10, r=8, p=1))
    info, key = directory.create("Mette", KeyProtection.PASSPHRASE, "korrekt hest batteri")
    zero(key)
    for folder in (directory.root, directory.folder, info.folder):
        folder.chmod(0o755)
    for path in info.folder.iterdir():
        path.chmod(0o644)

    services = build_services(language="en")  # what `underret` does before its first window
    try:
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in info.folder.iterdir()}
        assert modes == dict.fromkeys(modes, 0o600)
        assert stat.S_IMODE(info.folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(directory.folder.stat().st_mode) == 0o700
    finally:
        services.session.stop()
        if services.translations is not None:
            services.translations.uninstall()


def test_the_remembered_window_sizes_are_private_too_even_when_they_are_the_first_file_written(
        qtbot: QtBot, isolated_user_folders: Path) -> None:
    import os

    from PySide6.QtWidgets import QWidget

    from desktop.ui import geometry

    previous = os.umask(0o022)  # an ordinary desktop session's
    try:
        window = QWidget()
        qtbot.addWidget(window)
        geometry.place(window, "first-run")
        window.show()
        window.close()
    finally:
        os.umask(previous)
    sizes = isolated_user_folders / "window-sizes.ini"
    assert sizes.is_file()
    assert stat.S_IMODE(sizes.stat().st_mode) == 0o600

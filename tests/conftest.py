"""Shared test set-up: every test gets its own user data folder and keyring.

The keyring is ``keyrings.alt``'s PlaintextKeyring writing into the test's own
folder: a real keyring backend (files on disk) that runs without a desktop
session. Tests that need a failing keyring use their own backend, named as a
fake at that boundary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _FolderKeyring(PlaintextKeyring):  # type: ignore[misc]
    """PlaintextKeyring kept inside one test's folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    @property
    def file_path(self) -> str:
        return str(self._folder / "keyring_pass.cfg")


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the user data folder, policy and keyring at this test's own tmp folder."""
    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setenv("UNDERRET_DATA_DIR", str(data))
    monkeypatch.delenv("UNDERRET_POLICY", raising=False)
    keyring_dir = tmp_path / "keyring"
    keyring_dir.mkdir()
    previous = keyring.get_keyring()
    keyring.set_keyring(_FolderKeyring(keyring_dir))
    try:
        yield data
    finally:
        keyring.set_keyring(previous)

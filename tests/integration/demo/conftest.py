"""Fixtures for demo-mode integration tests: a real profile with a real vault to keep safe."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.store.vault import Vault


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def real_vault(isolated_user_folders: Path) -> Callable[[], dict[str, str]]:
    """A real passphrase profile with one draft in UNDERRET_DATA_DIR; returns a function giving
    the sha256 of every file in the user data folder (to show demo mode never touched it)."""
    profiles = ProfileDirectory(scrypt=ScryptParams(n=2**10))
    info, key = profiles.create("Real teacher", KeyProtection.PASSPHRASE, "a real passphrase")
    with Vault.open(info.vault_path, key, create=True) as vault:
        vault.notifications.create_draft({"child.name": "Real Child"}, "child", "RC")
        vault.checkpoint()
    return lambda: _fingerprint(isolated_user_folders)

"""Fixtures for a real vault in the test's folder, shared by the delivery and mail integration tests.

A conftest imports them (``from tests.support.vaults import vault, vault_key``) to offer them there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.keys import new_vault_key
from desktop.store.vault import Vault


@pytest.fixture
def vault_key() -> bytes:
    """The raw key of the test's vault (a worker thread, a child process or finalising opens a
    connection of its own with it)."""
    return bytes(new_vault_key())


@pytest.fixture
def vault(tmp_path: Path, vault_key: bytes) -> Iterator[Vault]:
    """A new, real SQLCipher vault in the test's folder, closed after the test."""
    opened = Vault.open(tmp_path / "profile" / "vault.db", vault_key, create=True)
    try:
        yield opened
    finally:
        opened.close()

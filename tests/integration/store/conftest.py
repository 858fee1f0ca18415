"""Fixtures for the store's integration tests: real SQLCipher vault files in the test's folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.store.keys import ScryptParams, new_vault_key
from desktop.store.vault import Vault

# Cheap scrypt so tests stay fast; the default parameters are memory-hard.
CHEAP_SCRYPT = ScryptParams(n=2**12, r=8, p=1)


class SteppingClock:
    """A clock the test moves by hand (UTC)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def file_hash() -> Callable[[Path], str]:
    """sha256 of a file's bytes, to show a file was left byte-identical."""
    return sha256_of


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files and folders unwritable in a way that also binds root (CI runs tests as root).

    As root, permission bits are ignored, so the immutable attribute (chattr +i) is used; as a normal
    user, chmod is enough.
    """
    as_root = os.geteuid() == 0
    modes = {p: p.stat().st_mode for p in paths}
    chattr = shutil.which("chattr") or "chattr"
    if as_root:
        subprocess.run([chattr, "+i", *map(str, paths)], check=True)
    else:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        if as_root:
            subprocess.run([chattr, "-i", *map(str, paths)], check=True)
        else:
            for p, mode in modes.items():
                p.chmod(mode)


@pytest.fixture
def make_read_only() -> Callable[..., AbstractContextManager[None]]:
    """Context manager factory: ``with make_read_only(file, folder): ...``."""
    return read_only


@pytest.fixture
def cheap_scrypt() -> ScryptParams:
    return CHEAP_SCRYPT


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def vault_key() -> bytearray:
    return new_vault_key()


@pytest.fixture
def vault_path(isolated_user_folders: Path) -> Path:
    folder = isolated_user_folders / "profiles" / "test-profile"
    folder.mkdir(parents=True)
    return folder / "vault.db"


@pytest.fixture
def vault(vault_path: Path, vault_key: bytearray) -> Iterator[Vault]:
    opened = Vault.open(vault_path, vault_key, create=True)
    try:
        yield opened
    finally:
        opened.close()

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


NOBODY = 65534


def _chattr(flag: str, paths: tuple[Path, ...]) -> bool:
    """Set or clear the immutable attribute; False where the filesystem or tool does not support it."""
    tool = shutil.which("chattr")
    if tool is None or os.environ.get("UNDERRET_TEST_NO_CHATTR"):
        return False
    return subprocess.run([tool, flag, *map(str, paths)], capture_output=True).returncode == 0


@contextmanager
def _as_nobody(paths: tuple[Path, ...]) -> Iterator[None]:
    """Root without chattr: drop the effective user to nobody so permission bits bind again."""
    folders = {parent for p in paths for parent in p.resolve().parents}
    saved = {f: f.stat().st_mode for f in folders}
    for folder, mode in saved.items():
        folder.chmod(mode | 0o011)  # let nobody pass through the test's private folders
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)
        for folder, mode in saved.items():
            folder.chmod(mode)


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files and folders unwritable in a way that also binds root (CI runs tests as root).

    Permission bits are set in every case. Root ignores them, so as root the immutable attribute
    (chattr +i) is added; where the filesystem does not support it, the effective user is dropped to
    nobody for the duration instead.
    """
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    immutable = os.geteuid() == 0 and _chattr("+i", paths)
    try:
        if os.geteuid() == 0 and not immutable:
            with _as_nobody(paths):
                yield
        else:
            yield
    finally:
        if immutable:
            _chattr("-i", paths)
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

"""Fixtures for the shell's UI tests: real services over a real profile folder, real vaults.

Translations are compiled from the committed .ts files into the test's own
folder, so Danish/English switching is tested against what ships.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import Services, Translations
from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory, ProfileInfo
from desktop.store.vault import Vault
from desktop.ui.operations import wait_for_all
from desktop.ui.shell import Shell
from tests.support.keyrings import LockedOsKeyring

ROOT = Path(__file__).resolve().parents[3]
# Cheap scrypt so tests stay fast; the default parameters are memory-hard.
CHEAP_SCRYPT = ScryptParams(n=2**10, r=8, p=1)
PASSPHRASE = "korrekt hest batteri"


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every committed i18n/*.ts compiled to .qm in a folder of this test run."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        subprocess.run([tool, "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)], check=True)
    return out


@pytest.fixture(autouse=True)
def no_windows_left_from_earlier_tests(qapp: QApplication) -> None:
    """Hide windows other test modules left open: a visible leftover main window would make its
    application-wide Ctrl+L ambiguous with this test's (Qt then fires neither)."""
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.close()


@pytest.fixture
def make_services(qapp: QApplication, tmp_path: Path,
                  compiled_translations: Path) -> Iterator[Callable[..., Services]]:
    """Build Services the way app.py does, with a given policy and cheap key derivation."""
    made: list[Services] = []

    def make(*, policy: Policy | None = None, idle_seconds: float | None = None,
             language: str = "da") -> Services:
        policy = policy or Policy()
        settings = Settings.load(policy, tmp_path / "settings.json")
        translations = Translations(qapp, compiled_translations)
        services = Services(policy=policy, policy_source=PolicySource("none", "(test)"), settings=settings,
                            profiles=ProfileDirectory(scrypt=CHEAP_SCRYPT), translations=translations,
                            idle_seconds=idle_seconds)
        translations.install(language)
        made.append(services)
        return services

    yield make
    for services in made:
        services.session.stop()
        wait_for_all()
        for window in list(services._windows):
            window.close()
        services.close_vault()
        if services.translations is not None:
            services.translations.uninstall()


@pytest.fixture
def start_shell() -> Callable[[Services], Shell]:
    def start(services: Services) -> Shell:
        shell = Shell(services)
        shell.start()
        return shell

    return start


def make_profile(services: Services, name: str = "Mette", *, passphrase: str | None = PASSPHRASE,
                 drafts: Sequence[str] = (), recovery: str | None = None) -> tuple[ProfileInfo, list[str]]:
    """A profile with a vault holding drafts for children with the given initials.

    ``passphrase=None`` makes a keyring profile; ``recovery`` gives it a recovery passphrase.
    """
    protection = KeyProtection.PASSPHRASE if passphrase else KeyProtection.KEYRING
    profile, key = services.profiles.create(name, protection, passphrase, recovery_passphrase=recovery)
    ids = []
    try:
        with Vault.open(profile.vault_path, key) as vault:
            for initials in drafts:
                ids.append(vault.notifications.create_draft({"note": "x"}, "child", initials))
    finally:
        zero(key)
    return profile, ids


@pytest.fixture
def profile_factory() -> Callable[..., tuple[ProfileInfo, list[str]]]:
    return make_profile


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files/folders unwritable in a way that also binds root (chattr +i), else chmod."""
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
    return read_only


@pytest.fixture
def file_hash() -> Callable[[Path], str]:
    return sha256_of


@pytest.fixture
def lock_the_keyring() -> Iterator[Callable[[], None]]:
    """Call it to make the OS keyring locked from then on (the test's file keyring comes back after)."""
    previous = keyring.get_keyring()

    def lock() -> None:
        keyring.set_keyring(LockedOsKeyring())  # type: ignore[no-untyped-call]  # no type hints

    yield lock
    keyring.set_keyring(previous)  # type: ignore[no-untyped-call]


@pytest.fixture
def passphrase() -> str:
    """The test person's passphrase."""
    return PASSPHRASE

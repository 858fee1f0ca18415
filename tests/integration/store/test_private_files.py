"""A shared PC: another user cannot open, copy or even list a person's profile files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop import eventlog
from desktop.store import private_files
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ATTEMPTS_FILE, ProfileDirectory, ProfileInfo
from desktop.store.vault import Vault

if TYPE_CHECKING:
    from tests.integration.store.conftest import SteppingClock


@pytest.fixture
def profiles(cheap_scrypt: ScryptParams, clock: SteppingClock) -> ProfileDirectory:
    return ProfileDirectory(scrypt=cheap_scrypt, clock=clock)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most desktops have (022): without care every file would be 0644, every folder 0755."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes(info: ProfileInfo) -> dict[str, int]:
    return {path.name: _mode(path) for path in [info.folder, *info.folder.iterdir()]}


def _use_and_leave_open(info: ProfileInfo, key: bytearray) -> Vault:
    vault = Vault.open(info.vault_path, key)
    vault.notifications.create_draft({"concern": "x"}, "start", "AB")
    return vault


def test_after_first_run_every_profile_file_and_folder_is_private(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "annas frase")
    vault = _use_and_leave_open(info, key)  # the -wal and -shm files exist while the vault is open
    try:
        with pytest.raises(Exception):  # noqa: B017 - any refusal: it only leaves the attempts file behind
            profiles.unlock(info.id, "wrong")
        modes = _modes(info)
    finally:
        vault.close()
    assert set(modes) >= {info.folder.name, "vault.db", "vault.db-wal", "vault.db-shm", "vault.db.keycheck",
                          "profile.json", ATTEMPTS_FILE}
    assert modes.pop(info.folder.name) == 0o700
    assert modes == dict.fromkeys(modes, 0o600)
    assert _mode(profiles.folder) == 0o700
    assert _mode(profiles.root) == 0o700


def test_an_upgrade_from_a_version_that_left_files_open_makes_them_private(
        profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "annas frase")
    vault = _use_and_leave_open(info, key)
    vault.close()
    # As the previous version left them: folders 0755, files 0644.
    for path in (profiles.root, profiles.folder, info.folder):
        path.chmod(0o755)
    for path in info.folder.iterdir():
        path.chmod(0o644)
    before = {path.name: path.read_bytes() for path in info.folder.iterdir()}
    assert private_files.exposed(info.folder)  # doctor can see it

    eventlog.install()
    try:
        changed = ProfileDirectory().make_private()  # what the app does at start
    finally:
        eventlog.uninstall()

    assert set(changed[info.id]) == {"(folder)", *before}
    modes = _modes(info)
    assert modes.pop(info.folder.name) == 0o700
    assert modes == dict.fromkeys(modes, 0o600)
    assert _mode(profiles.folder) == 0o700 and _mode(profiles.root) == 0o700
    assert {path.name: path.read_bytes() for path in info.folder.iterdir()} == before  # contents untouched
    assert private_files.exposed(info.folder) == []
    [entry] = eventlog.entries(accept=lambda e: e.message_id == "profile.made_private")
    assert f"profile={info.id}" in entry.text
    # And the profile still opens.
    profiles.unlock(info.id, "annas frase")


def test_a_link_in_a_profile_folder_is_neither_followed_nor_changed(profiles: ProfileDirectory,
                                                                    tmp_path: Path) -> None:
    info, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "annas frase")
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    outside.chmod(0o644)
    (info.folder / "link").symlink_to(outside)
    ProfileDirectory().make_private()
    assert _mode(outside) == 0o644


def test_the_vault_key_check_and_profile_file_are_never_readable_by_others_even_for_a_moment(
        profiles: ProfileDirectory) -> None:
    # Files are made 0600 from the start, not tightened afterwards: with umask 0, a file made with the
    # default mode would be 0666.
    os.umask(0)
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "annas frase")
    Vault.open(info.vault_path, key).close()
    modes = _modes(info)
    assert modes.pop(info.folder.name) == 0o700
    assert modes == dict.fromkeys(modes, 0o600)


class _Recorder:
    """Records calls to a Windows DLL (a fake at the operating-system boundary: no Windows here)."""

    def __init__(self, results: dict[str, Any] | None = None) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._results = results or {}

    def __getattr__(self, name: str) -> Any:
        def call(*args: Any) -> Any:
            self.calls.append((name, args))
            return self._results.get(name, 1)

        return call


SID = "S-1-5-21-1004336348-1177238915-682003330-512"


def test_windows_owner_only_acl_is_protected_full_access_for_the_user_alone() -> None:
    assert private_files.owner_only_sddl(SID, folder=True) == f"D:P(A;OICI;FA;;;{SID})"
    assert private_files.owner_only_sddl(SID, folder=False) == f"D:P(A;;FA;;;{SID})"
    with pytest.raises(ValueError):
        private_files.owner_only_sddl("S-1-5-21-1);(A;;FA;;;WD", folder=False)  # no second entry smuggled in


def test_windows_acl_request_sets_a_protected_dacl_and_frees_the_descriptor(tmp_path: Path) -> None:
    advapi32, kernel32 = _Recorder(), _Recorder()
    acl = private_files.WindowsAcl(advapi32, kernel32, user_sid=SID)
    acl.apply(tmp_path / "vault.db", folder=False)
    names = [name for name, _ in advapi32.calls]
    assert names == ["ConvertStringSecurityDescriptorToSecurityDescriptorW", "SetFileSecurityW"]
    sddl, revision = advapi32.calls[0][1][:2]
    assert (sddl, revision) == (f"D:P(A;;FA;;;{SID})", private_files.SDDL_REVISION_1)
    path, flags = advapi32.calls[1][1][:2]
    flags = getattr(flags, "value", flags)  # a DWORD: the protected flag does not fit a C int
    assert path == str(tmp_path / "vault.db")
    assert flags == (private_files.DACL_SECURITY_INFORMATION
                     | private_files.PROTECTED_DACL_SECURITY_INFORMATION)
    assert [name for name, _ in kernel32.calls] == ["LocalFree"]


def test_windows_acl_refused_is_an_os_error_and_the_descriptor_is_still_freed(tmp_path: Path) -> None:
    advapi32, kernel32 = _Recorder({"SetFileSecurityW": 0}), _Recorder()
    acl = private_files.WindowsAcl(advapi32, kernel32, user_sid=SID)
    with pytest.raises(OSError):
        acl.apply(tmp_path / "profile.json", folder=False)
    assert [name for name, _ in kernel32.calls] == ["LocalFree"]

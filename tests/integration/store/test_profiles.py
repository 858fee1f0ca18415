"""Profiles on a shared PC: each person's own vault, passphrase or keyring, and the unlock delay."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.store.errors import (
    KeyMissing,
    KeyringUnavailable,
    ProfileCorrupt,
    ProfileExists,
    UnlockDelayed,
    VaultReadOnly,
    WrongKey,
    WrongPassphrase,
)
from desktop.store.keys import KeyProtection, KeyringKeyStore, ScryptParams
from desktop.store.profiles import ATTEMPTS_FILE, PROFILE_FILE, ProfileDirectory, delay_after_failures
from desktop.store.vault import Vault
from tests.support.keyrings import LockedOsKeyring

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.integration.store.conftest import SteppingClock


@pytest.fixture
def profiles(cheap_scrypt: ScryptParams, clock: SteppingClock) -> ProfileDirectory:
    return ProfileDirectory(scrypt=cheap_scrypt, clock=clock)


def test_two_colleagues_on_one_pc_each_get_their_own_vault(profiles: ProfileDirectory) -> None:
    anna, anna_key = profiles.create("Anna", KeyProtection.PASSPHRASE, "annas frase")
    bo, bo_key = profiles.create("Bo", KeyProtection.PASSPHRASE, "bos frase")
    assert [p.display_name for p in profiles.list()] == ["Anna", "Bo"]
    assert anna.folder != bo.folder
    assert anna.folder.parent == Path(os.environ["UNDERRET_DATA_DIR"]) / "profiles"
    with Vault.open(anna.vault_path, anna_key) as vault:
        vault.notifications.create_draft({"note": "Annas udkast"}, "start")
    with Vault.open(bo.vault_path, bo_key) as vault:
        assert vault.notifications.list_summaries() == []
    with pytest.raises(WrongKey):
        Vault.open(bo.vault_path, anna_key)
    assert profiles.unlock(anna.id, "annas frase") == anna_key


def test_profile_names_are_unique_ignoring_case(profiles: ProfileDirectory) -> None:
    profiles.create("Anna", KeyProtection.PASSPHRASE, "x")
    with pytest.raises(ProfileExists):
        profiles.create(" anna ", KeyProtection.PASSPHRASE, "y")


def test_profile_file_holds_the_wrapped_key_but_not_the_key(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "frase")
    text = (info.folder / PROFILE_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["display_name"] == "Anna"
    assert data["protection"] == "passphrase"
    assert data["wrapped_key"]["scrypt"]["n"] == 2**12
    assert key.hex() not in text


def test_passphrase_change_keeps_the_data_and_does_not_rewrite_the_vault(
    profiles: ProfileDirectory, file_hash: Callable[[Path], str]
) -> None:
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "gammel frase")
    with Vault.open(info.vault_path, key) as vault:
        draft_id = vault.notifications.create_draft({"note": "vigtigt"}, "signals", "EF")
    vault_before = file_hash(info.vault_path)
    profiles.change_passphrase(info.id, "gammel frase", "ny frase")
    assert file_hash(info.vault_path) == vault_before
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info.id, "gammel frase")
    new_key = profiles.unlock(info.id, "ny frase")
    assert new_key == key
    with Vault.open(info.vault_path, new_key) as vault:
        assert vault.notifications.get_draft(draft_id).answers == {"note": "vigtigt"}
    assert [p.name for p in info.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_passphrase_change_with_the_wrong_old_passphrase_changes_nothing(
    profiles: ProfileDirectory, file_hash: Callable[[Path], str]
) -> None:
    info, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "gammel")
    profile_before = file_hash(info.folder / PROFILE_FILE)
    with pytest.raises(WrongPassphrase):
        profiles.change_passphrase(info.id, "forkert", "ny")
    assert file_hash(info.folder / PROFILE_FILE) == profile_before
    profiles.unlock(info.id, "gammel")


def test_failed_passphrase_change_keeps_the_old_wrapped_key(
    profiles: ProfileDirectory,
    file_hash: Callable[[Path], str],
    make_read_only: Callable[..., AbstractContextManager[None]],
) -> None:
    info, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "gammel")
    profile_before = file_hash(info.folder / PROFILE_FILE)
    with make_read_only(info.folder), pytest.raises(VaultReadOnly):
        profiles.change_passphrase(info.id, "gammel", "ny")
    assert file_hash(info.folder / PROFILE_FILE) == profile_before
    profiles.unlock(info.id, "gammel")


def test_wrong_passphrases_make_the_next_try_wait_longer_and_longer(
    profiles: ProfileDirectory, clock: SteppingClock
) -> None:
    info, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "rigtig")
    waits = []
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            profiles.unlock(info.id, "forkert")
        waits.append(profiles.delay_before_next_attempt(info.id))
    assert waits == [0.0, 0.0, 0.0]
    for expected in (2.0, 4.0, 8.0):
        with pytest.raises(WrongPassphrase) as raised:
            profiles.unlock(info.id, "forkert")
        assert raised.value.details["wait_seconds"] == f"{expected:.0f}"
        assert profiles.delay_before_next_attempt(info.id) == expected
        with pytest.raises(UnlockDelayed):
            profiles.unlock(info.id, "rigtig")  # even the right one must wait
        clock.advance(seconds=expected)
    assert profiles.failed_attempts(info.id) == 6
    profiles.unlock(info.id, "rigtig")
    assert profiles.failed_attempts(info.id) == 0
    assert profiles.delay_before_next_attempt(info.id) == 0.0
    assert not (info.folder / ATTEMPTS_FILE).exists()


def test_the_delay_survives_restarting_the_app(cheap_scrypt: ScryptParams, clock: SteppingClock) -> None:
    first_run = ProfileDirectory(scrypt=cheap_scrypt, clock=clock)
    info, _ = first_run.create("Anna", KeyProtection.PASSPHRASE, "rigtig")
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            first_run.unlock(info.id, "forkert")
        clock.advance(seconds=60)
    second_run = ProfileDirectory(scrypt=cheap_scrypt, clock=clock)
    assert second_run.failed_attempts(info.id) == 5
    clock.advance(seconds=-60)
    assert second_run.delay_before_next_attempt(info.id) == 4.0


def test_delay_grows_to_a_minute_and_stays_there() -> None:
    assert [delay_after_failures(n) for n in range(1, 12)] == [0, 0, 0, 2, 4, 8, 16, 32, 60, 60, 60]


def test_keyring_profile_unlocks_without_a_passphrase(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None)
    assert "wrapped_key" not in json.loads((info.folder / PROFILE_FILE).read_text(encoding="utf-8"))
    assert profiles.unlock(info.id, None) == key
    with Vault.open(info.vault_path, profiles.unlock(info.id, None)) as vault:
        assert vault.schema_version >= 1


def test_keyring_that_lost_the_key_is_reported_as_missing_key(profiles: ProfileDirectory) -> None:
    info, _ = profiles.create("Anna", KeyProtection.KEYRING, None)
    KeyringKeyStore().delete(info.id)
    with pytest.raises(KeyMissing):
        profiles.unlock(info.id, None)


def test_locked_os_keyring_falls_back_to_a_passphrase_cleanly(cheap_scrypt: ScryptParams) -> None:
    profiles = ProfileDirectory(keyring_store=KeyringKeyStore(LockedOsKeyring()), scrypt=cheap_scrypt)
    with pytest.raises(KeyringUnavailable) as raised:
        profiles.create("Anna", KeyProtection.KEYRING, None)
    assert raised.value.details["reason"] == "the keyring is locked"
    assert profiles.list() == []
    assert not any(profiles.folder.iterdir())
    info, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "frase")
    with Vault.open(info.vault_path, profiles.unlock(info.id, "frase")) as vault:
        vault.notifications.create_draft({"note": "gemt"}, "start")
    assert [p.protection for p in profiles.list()] == [KeyProtection.PASSPHRASE]


def test_damaged_profile_file_is_listed_apart_and_left_alone(
    profiles: ProfileDirectory, file_hash: Callable[[Path], str]
) -> None:
    good, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "a")
    bad, _ = profiles.create("Bo", KeyProtection.PASSPHRASE, "b")
    (bad.folder / PROFILE_FILE).write_text("{ half written", encoding="utf-8")
    before = file_hash(bad.folder / PROFILE_FILE)
    assert [p.id for p in profiles.list()] == [good.id]
    assert profiles.damaged() == [bad.id]
    assert file_hash(bad.folder / PROFILE_FILE) == before


#: A JSON text nested deeper than Python's parser goes (it raises RecursionError, not a ValueError).
DEEPLY_NESTED = "[" * 100_000 + "]" * 100_000


def _with_profile_json(profile_json: dict[str, object], change: dict[str, object]) -> str:
    return json.dumps(profile_json | change)


@pytest.mark.parametrize("damage", ["deeply nested", "display name not text", "wrapped key not one",
                                    "scrypt cost absurd", "far too large"])
def test_every_kind_of_damaged_profile_file_is_listed_apart_never_an_unexpected_error(
        profiles: ProfileDirectory, file_hash: Callable[[Path], str], damage: str) -> None:
    good, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "a")
    bad, _ = profiles.create("Bo", KeyProtection.PASSPHRASE, "b")
    path = bad.folder / PROFILE_FILE
    data = json.loads(path.read_text("utf-8"))
    text = {
        "deeply nested": DEEPLY_NESTED,
        "display name not text": _with_profile_json(data, {"display_name": {"first": "Bo"}}),
        "wrapped key not one": _with_profile_json(data, {"wrapped_key": {"version": 1, "kdf": "scrypt",
                                                                        "scrypt": [1], "salt": 5}}),
        "scrypt cost absurd": _with_profile_json(data, {"wrapped_key": data["wrapped_key"] | {  # type: ignore[operator]
            "scrypt": {"n": 2**40, "r": 8, "p": 1}}}),
        "far too large": _with_profile_json(data, {"padding": "x" * 3_000_000}),
    }[damage]
    path.write_text(text, encoding="utf-8")
    before = file_hash(path)

    assert [p.id for p in profiles.list()] == [good.id]
    assert profiles.damaged() == [bad.id]
    with pytest.raises(ProfileCorrupt):
        profiles.unlock(bad.id, "b")  # said as a damaged profile.json, which the person can tell IT
    assert file_hash(path) == before


def test_a_damaged_attempt_counter_makes_the_next_try_wait_never_an_unexpected_error(
        profiles: ProfileDirectory) -> None:
    profile, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "a")
    (profile.folder / ATTEMPTS_FILE).write_text(DEEPLY_NESTED, encoding="utf-8")
    assert profiles.delay_before_next_attempt(profile.id) > 0


def test_new_profile_in_a_read_only_data_folder_is_refused_plainly(
    profiles: ProfileDirectory,
    isolated_user_folders: Path,
    make_read_only: Callable[..., AbstractContextManager[None]],
) -> None:
    with make_read_only(isolated_user_folders), pytest.raises(VaultReadOnly):
        profiles.create("Anna", KeyProtection.PASSPHRASE, "frase")
    assert profiles.list() == []


def test_wrong_passphrase_in_a_read_only_profile_folder_is_still_called_wrong(
    profiles: ProfileDirectory, make_read_only: Callable[..., AbstractContextManager[None]]
) -> None:
    info, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "rigtig")
    with make_read_only(info.folder), pytest.raises(WrongPassphrase):
        profiles.unlock(info.id, "forkert")


def test_profile_can_move_from_keyring_to_passphrase_and_back(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None)
    moved = profiles.set_protection(info.id, key, KeyProtection.PASSPHRASE, "ny frase")
    assert moved.protection is KeyProtection.PASSPHRASE
    assert KeyringKeyStore().load(info.id) is None
    assert profiles.unlock(info.id, "ny frase") == key
    back = profiles.set_protection(info.id, key, KeyProtection.KEYRING)
    assert back.protection is KeyProtection.KEYRING
    assert "wrapped_key" not in json.loads((info.folder / PROFILE_FILE).read_text(encoding="utf-8"))
    assert profiles.unlock(info.id, None) == key


def test_moving_to_a_locked_keyring_keeps_the_passphrase(cheap_scrypt: ScryptParams) -> None:
    working = ProfileDirectory(scrypt=cheap_scrypt)
    info, key = working.create("Anna", KeyProtection.PASSPHRASE, "frase")
    locked = ProfileDirectory(keyring_store=KeyringKeyStore(LockedOsKeyring()), scrypt=cheap_scrypt)
    with pytest.raises(KeyringUnavailable):
        locked.set_protection(info.id, key, KeyProtection.KEYRING)
    assert locked.get(info.id).protection is KeyProtection.PASSPHRASE
    assert locked.unlock(info.id, "frase") == key


@pytest.mark.parametrize("part", ["salt", "nonce", "ciphertext"])
def test_a_bit_flipped_in_the_wrapped_key_is_a_damaged_profile_file_not_a_wrong_passphrase(
        profiles: ProfileDirectory, file_hash: Callable[[Path], str], part: str) -> None:
    # Before: the unwrapping failed as it does for a wrong passphrase, so the person was told to try
    # again, waited longer after every try, and never heard that the file was damaged.
    good, _ = profiles.create("Anna", KeyProtection.PASSPHRASE, "a")
    bad, _ = profiles.create("Bo", KeyProtection.PASSPHRASE, "b")
    path = bad.folder / PROFILE_FILE
    data = json.loads(path.read_text("utf-8"))
    raw = bytearray(base64.b64decode(data["wrapped_key"][part]))
    raw[len(raw) // 2] ^= 0x04
    data["wrapped_key"][part] = base64.b64encode(bytes(raw)).decode("ascii")
    path.write_text(json.dumps(data), encoding="utf-8")
    before = file_hash(path)

    assert [p.id for p in profiles.list()] == [good.id]
    assert profiles.damaged() == [bad.id]
    with pytest.raises(ProfileCorrupt):
        profiles.unlock(bad.id, "b")
    assert profiles.failed_attempts(bad.id) == 0  # no waiting for a passphrase that was right
    assert file_hash(path) == before


def test_a_profile_from_before_the_check_gets_it_at_its_next_unlock_and_still_opens(
        profiles: ProfileDirectory) -> None:
    profile, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "a")
    path = profile.folder / PROFILE_FILE
    data = json.loads(path.read_text("utf-8"))
    del data["wrapped_key"]["sha256"]  # as an older version wrote it
    path.write_text(json.dumps(data), encoding="utf-8")
    path.chmod(0o600)

    assert profiles.unlock(profile.id, "a") == key
    written = json.loads(path.read_text("utf-8"))
    assert "sha256" in written["wrapped_key"]
    assert profiles.unlock(profile.id, "a") == key
    assert os.stat(path).st_mode & 0o777 == 0o600

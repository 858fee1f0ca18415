"""A keyring profile with a recovery passphrase still opens when the OS keyring fails or forgets its key."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.backend
import keyring.errors
import pytest

from desktop.store.errors import (
    KeyMissing,
    KeyringUnavailable,
    UnlockDelayed,
    VaultReadOnly,
    WrongKey,
    WrongPassphrase,
)
from desktop.store.keys import KEYRING_SERVICE, KeyProtection, KeyringKeyStore, ScryptParams, new_vault_key
from desktop.store.profiles import ATTEMPTS_FILE, PROFILE_FILE, ProfileDirectory
from desktop.store.vault import Vault
from tests.support.keyrings import LockedOsKeyring

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.integration.store.conftest import SteppingClock

RECOVERY = "blå hest i haven"


@pytest.fixture
def profiles(cheap_scrypt: ScryptParams, clock: SteppingClock) -> ProfileDirectory:
    return ProfileDirectory(scrypt=cheap_scrypt, clock=clock)


def _keyring_forgets(profile_id: str) -> None:
    """What a reset GNOME keyring or a new Windows user profile does to the entry."""
    keyring.delete_password(KEYRING_SERVICE, profile_id)


def test_a_new_keyring_profile_can_keep_a_recovery_copy_of_its_key(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    assert info.has_recovery_passphrase
    assert profiles.has_recovery_passphrase(info.id)
    text = (info.folder / PROFILE_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["protection"] == "keyring"
    assert data["wrapped_key"]["scrypt"]["n"] == 2**12  # the same format as a passphrase profile
    assert key.hex() not in text
    assert KeyringKeyStore().load(info.id) == key  # and the keyring still holds it
    plain, _ = profiles.create("Bo", KeyProtection.KEYRING, None, recovery_passphrase="")
    assert not plain.has_recovery_passphrase
    assert "wrapped_key" not in json.loads((plain.folder / PROFILE_FILE).read_text(encoding="utf-8"))


def test_keyring_that_lost_the_key_opens_with_the_recovery_passphrase_and_gets_the_key_back(
        profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    with Vault.open(info.vault_path, key) as vault:
        draft_id = vault.notifications.create_draft({"note": "bekymring"}, "signals", "EF")
    _keyring_forgets(info.id)
    with pytest.raises(KeyMissing):
        profiles.unlock(info.id, None)  # without the passphrase: the same answer as before

    recovered = profiles.unlock(info.id, RECOVERY)

    assert recovered == key
    with Vault.open(info.vault_path, recovered) as vault:
        assert vault.notifications.get_draft(draft_id).answers == {"note": "bekymring"}
    assert KeyringKeyStore().load(info.id) == key  # put back: the next start needs no passphrase
    assert profiles.unlock(info.id, None) == key


def test_a_damaged_keyring_entry_is_replaced_after_the_recovery_passphrase_opened_the_vault(
        profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    keyring.set_password(KEYRING_SERVICE, info.id, "not a key")
    assert profiles.unlock(info.id, RECOVERY) == key
    assert KeyringKeyStore().load(info.id) == key


def test_wrong_recovery_passphrase_is_refused_with_the_growing_delay(
        profiles: ProfileDirectory, clock: SteppingClock) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    _keyring_forgets(info.id)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            profiles.unlock(info.id, "forkert")
    with pytest.raises(WrongPassphrase) as raised:
        profiles.unlock(info.id, "forkert")
    assert raised.value.details["wait_seconds"] == "2"
    assert profiles.delay_before_next_attempt(info.id) == 2.0
    with pytest.raises(UnlockDelayed):
        profiles.unlock(info.id, RECOVERY)  # even the right one must wait
    assert KeyringKeyStore().load(info.id) is None  # nothing put back for a wrong passphrase
    clock.advance(seconds=2)
    assert profiles.unlock(info.id, RECOVERY) == key
    assert not (info.folder / ATTEMPTS_FILE).exists()


def test_a_working_keyring_is_asked_first_and_a_passphrase_given_along_is_not_counted(
        profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    assert profiles.unlock(info.id, "forkert") == key
    assert profiles.failed_attempts(info.id) == 0


def test_keyring_profile_without_a_recovery_passphrase_still_reports_the_missing_key(
        profiles: ProfileDirectory, file_hash: Callable[[Path], str]) -> None:
    info, _ = profiles.create("Anna", KeyProtection.KEYRING, None)
    assert not profiles.has_recovery_passphrase(info.id)
    _keyring_forgets(info.id)
    before = file_hash(info.vault_path)
    with pytest.raises(KeyMissing):
        profiles.unlock(info.id, None)
    with pytest.raises(KeyMissing):
        profiles.unlock(info.id, "a guess")
    assert profiles.failed_attempts(info.id) == 0
    assert file_hash(info.vault_path) == before


def test_locked_os_keyring_opens_with_the_recovery_passphrase_and_the_unlock_does_not_fail_on_it(
        profiles: ProfileDirectory, cheap_scrypt: ScryptParams, clock: SteppingClock,
        caplog: pytest.LogCaptureFixture) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    locked = ProfileDirectory(keyring_store=KeyringKeyStore(LockedOsKeyring()), scrypt=cheap_scrypt,
                              clock=clock)
    with pytest.raises(KeyringUnavailable) as raised:
        locked.unlock(info.id, None)
    assert raised.value.details["reason"] == "the keyring is locked"
    with caplog.at_level(logging.INFO, logger="desktop.store.profiles"):
        assert locked.unlock(info.id, RECOVERY) == key
    assert "key not put back into the keyring" in caplog.text
    assert RECOVERY not in caplog.text and key.hex() not in caplog.text


def test_changing_the_recovery_passphrase_keeps_a_working_wrapped_copy(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    with pytest.raises(WrongPassphrase):
        profiles.change_passphrase(info.id, "forkert", "ny frase")
    profiles.change_passphrase(info.id, RECOVERY, "ny frase")
    assert profiles.get(info.id).protection is KeyProtection.KEYRING
    assert profiles.has_recovery_passphrase(info.id)
    _keyring_forgets(info.id)
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info.id, RECOVERY)
    assert profiles.unlock(info.id, "ny frase") == key


def test_an_unlocked_keyring_profile_can_set_and_replace_its_recovery_passphrase(
        profiles: ProfileDirectory, file_hash: Callable[[Path], str]) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None)
    vault_before = file_hash(info.vault_path)
    updated = profiles.set_recovery_passphrase(info.id, key, RECOVERY)
    assert updated.has_recovery_passphrase
    replaced = profiles.set_recovery_passphrase(info.id, key, "en anden frase")  # no old one needed
    assert replaced.has_recovery_passphrase
    assert file_hash(info.vault_path) == vault_before
    assert [p.name for p in info.folder.iterdir() if p.name.endswith(".tmp")] == []
    _keyring_forgets(info.id)
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info.id, RECOVERY)
    assert profiles.unlock(info.id, "en anden frase") == key


def test_a_recovery_passphrase_is_never_made_for_a_key_that_does_not_open_the_vault(
        profiles: ProfileDirectory, file_hash: Callable[[Path], str]) -> None:
    info, _ = profiles.create("Anna", KeyProtection.KEYRING, None)
    before = file_hash(info.folder / PROFILE_FILE)
    with pytest.raises(WrongKey):
        profiles.set_recovery_passphrase(info.id, new_vault_key(), RECOVERY)
    assert file_hash(info.folder / PROFILE_FILE) == before
    assert not profiles.has_recovery_passphrase(info.id)


def test_only_keyring_profiles_take_a_recovery_passphrase(profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "frase")
    with pytest.raises(ValueError, match="keyring profile"):
        profiles.set_recovery_passphrase(info.id, key, RECOVERY)
    assert not profiles.get(info.id).has_recovery_passphrase
    keyring_only, keyring_key = profiles.create("Bo", KeyProtection.KEYRING, None)
    with pytest.raises(ValueError, match="empty"):
        profiles.set_recovery_passphrase(keyring_only.id, keyring_key, "")
    with pytest.raises(KeyMissing):
        profiles.change_passphrase(keyring_only.id, "", "ny frase")


def test_failed_recovery_passphrase_change_keeps_the_old_one(
        profiles: ProfileDirectory, file_hash: Callable[[Path], str],
        make_read_only: Callable[..., AbstractContextManager[None]]) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)
    before = file_hash(info.folder / PROFILE_FILE)
    with make_read_only(info.folder), pytest.raises(VaultReadOnly):
        profiles.set_recovery_passphrase(info.id, key, "ny frase")
    assert file_hash(info.folder / PROFILE_FILE) == before
    _keyring_forgets(info.id)
    assert profiles.unlock(info.id, RECOVERY) == key


def test_protection_switches_keep_the_profile_openable_with_or_without_a_recovery_passphrase(
        profiles: ProfileDirectory) -> None:
    info, key = profiles.create("Anna", KeyProtection.KEYRING, None, recovery_passphrase=RECOVERY)

    # To a passphrase: the chosen passphrase is now the only way in; the keyring entry goes.
    moved = profiles.set_protection(info.id, key, KeyProtection.PASSPHRASE, "delt pc frase")
    assert moved.protection is KeyProtection.PASSPHRASE and not moved.has_recovery_passphrase
    assert KeyringKeyStore().load(info.id) is None
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info.id, RECOVERY)
    assert profiles.unlock(info.id, "delt pc frase") == key

    # Back to the keyring, keeping a passphrase as the recovery passphrase.
    back = profiles.set_protection(info.id, key, KeyProtection.KEYRING, "delt pc frase")
    assert back.protection is KeyProtection.KEYRING and back.has_recovery_passphrase
    assert profiles.unlock(info.id, None) == key
    _keyring_forgets(info.id)
    assert profiles.unlock(info.id, "delt pc frase") == key

    # To the keyring without a passphrase: no recovery copy is left behind.
    profiles.set_protection(info.id, key, KeyProtection.PASSPHRASE, "frase")
    plain = profiles.set_protection(info.id, key, KeyProtection.KEYRING)
    assert not plain.has_recovery_passphrase
    assert "wrapped_key" not in json.loads((info.folder / PROFILE_FILE).read_text(encoding="utf-8"))


def test_moving_to_a_locked_keyring_keeps_the_passphrase_and_adds_no_recovery_copy(
        profiles: ProfileDirectory, cheap_scrypt: ScryptParams, file_hash: Callable[[Path], str]) -> None:
    info, key = profiles.create("Anna", KeyProtection.PASSPHRASE, "frase")
    before = file_hash(info.folder / PROFILE_FILE)
    locked = ProfileDirectory(keyring_store=KeyringKeyStore(LockedOsKeyring()), scrypt=cheap_scrypt)
    with pytest.raises(KeyringUnavailable):
        locked.set_protection(info.id, key, KeyProtection.KEYRING, RECOVERY)
    assert file_hash(info.folder / PROFILE_FILE) == before
    assert locked.unlock(info.id, "frase") == key

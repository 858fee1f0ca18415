"""Vault keys: wrapping with a passphrase and keeping them in the OS keyring."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable

import keyring
import keyring.backend
import keyring.errors
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store.errors import KeyMissing, KeyringUnavailable, WrongPassphrase
from desktop.store.keys import (
    KEYRING_SERVICE,
    VAULT_KEY_BYTES,
    KeyringKeyStore,
    ScryptParams,
    WrappedKey,
    new_vault_key,
    unwrap_key,
    wrap_key,
    zero,
)
from tests.support.keyrings import FailingOsKeyring


def test_new_keys_are_256_bit_random_and_zeroable() -> None:
    first, second = new_vault_key(), new_vault_key()
    assert isinstance(first, bytearray)
    assert len(first) == VAULT_KEY_BYTES
    assert first != second
    zero(first)
    assert first == bytearray(VAULT_KEY_BYTES)


def test_default_scrypt_is_memory_hard() -> None:
    params = ScryptParams()
    assert 128 * params.n * params.r >= 128 * 1024 * 1024


def test_passphrase_unwraps_the_key_it_wrapped(cheap_scrypt: ScryptParams) -> None:
    key = new_vault_key()
    wrapped = WrappedKey.from_json(wrap_key(key, "Solsikke 42 æblegrød", cheap_scrypt).to_json())
    assert unwrap_key(wrapped, "Solsikke 42 æblegrød") == key


def test_wrong_passphrase_is_refused(cheap_scrypt: ScryptParams) -> None:
    wrapped = wrap_key(new_vault_key(), "rigtig", cheap_scrypt)
    with pytest.raises(WrongPassphrase):
        unwrap_key(wrapped, "forkert")


def test_passphrase_with_decomposed_danish_letters_still_unlocks(cheap_scrypt: ScryptParams) -> None:
    key = new_vault_key()
    wrapped = wrap_key(key, "bl\u00e5b\u00e6r", cheap_scrypt)  # composed å
    assert unwrap_key(wrapped, "bla\u030ab\u00e6r") == key  # a + combining ring


def test_wrapped_key_file_keeps_its_parameters_beside_the_key(cheap_scrypt: ScryptParams) -> None:
    data = json.loads(wrap_key(new_vault_key(), "pw", cheap_scrypt).to_json())
    assert data["version"] == 1
    assert data["kdf"] == "scrypt"
    assert data["scrypt"] == {"n": 2**12, "r": 8, "p": 1}
    assert {"salt", "nonce", "ciphertext"} <= data.keys()


def test_tampered_parameters_are_detected(cheap_scrypt: ScryptParams) -> None:
    data = json.loads(wrap_key(new_vault_key(), "pw", cheap_scrypt).to_json())
    data["scrypt"]["r"] = 4
    with pytest.raises(KeyMissing, match="unreadable"):  # the checksum: said as damage
        WrappedKey.from_dict(data)
    # The checksum is no secret: whoever tampers can write a matching one. The parameters are still
    # bound to the ciphertext (associated data), so unwrapping fails all the same.
    forged = WrappedKey.from_dict({key: value for key, value in data.items() if key != "sha256"})
    data["sha256"] = forged.checksum()
    with pytest.raises(WrongPassphrase):
        unwrap_key(WrappedKey.from_dict(data), "pw")


@pytest.mark.parametrize(
    "change",
    [
        {"version": 99},
        {"kdf": "md5"},
        {"salt": "not base64!"},
        {"scrypt": {"n": 3, "r": 8, "p": 1}},
        {"scrypt": {"n": 2**30, "r": 8, "p": 1}},
        {"ciphertext": "AAAA"},
    ],
)
def test_damaged_wrapped_key_is_reported_as_missing_key(
    cheap_scrypt: ScryptParams, change: dict[str, object]
) -> None:
    data = json.loads(wrap_key(new_vault_key(), "pw", cheap_scrypt).to_json())
    data.update(change)
    with pytest.raises(KeyMissing):
        WrappedKey.from_dict(data)


def test_garbage_text_is_not_a_wrapped_key() -> None:
    with pytest.raises(KeyMissing):
        WrappedKey.from_json("{not json")


@settings(max_examples=15, deadline=None)
@given(passphrase=st.text(min_size=1, max_size=40))
def test_any_passphrase_round_trips(passphrase: str) -> None:
    key = new_vault_key()
    wrapped = wrap_key(key, passphrase, ScryptParams(n=2**4, r=1, p=1))
    assert unwrap_key(wrapped, passphrase) == key


def test_keyring_keeps_the_key_per_profile() -> None:
    store = KeyringKeyStore()
    first, second = new_vault_key(), new_vault_key()
    store.store("profile-a", first)
    store.store("profile-b", second)
    assert store.load("profile-a") == first
    assert store.load("profile-b") == second
    assert keyring.get_password(KEYRING_SERVICE, "profile-a") is not None
    store.delete("profile-a")
    assert store.load("profile-a") is None
    store.delete("profile-a")  # deleting twice is harmless


def test_keyring_entry_that_is_not_a_key_is_reported() -> None:
    keyring.set_password(KEYRING_SERVICE, "profile-x", "c2hvcnQ=")
    with pytest.raises(KeyMissing):
        KeyringKeyStore().load("profile-x")


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (keyring.errors.NoKeyringError("none"), "no usable keyring"),
        (keyring.errors.KeyringLocked("locked"), "locked"),
        (keyring.errors.PasswordSetError("denied"), "PasswordSetError"),
        (OSError("D-Bus connection refused"), "OSError"),
    ],
)
def test_failing_os_keyring_becomes_keyring_unavailable_with_a_reason(error: Exception, reason: str) -> None:
    store = KeyringKeyStore(FailingOsKeyring(error))
    attempts: list[Callable[[], object]] = [
        lambda: store.store("p", new_vault_key()),
        lambda: store.load("p"),
        lambda: store.delete("p"),
        store.check_available,
    ]
    for attempt in attempts:
        with pytest.raises(KeyringUnavailable) as raised:
            attempt()
        assert reason in raised.value.details["reason"]


def test_keys_never_reach_the_log(cheap_scrypt: ScryptParams, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    key = new_vault_key()
    store = KeyringKeyStore()
    store.store("p", key)
    unwrap_key(wrap_key(key, "hemmelig-frase", cheap_scrypt), "hemmelig-frase")
    logged = caplog.text
    assert key.hex() not in logged
    assert base64.b64encode(bytes(key)).decode() not in logged
    assert "hemmelig-frase" not in logged


def test_plain_text_fallback_keyring_is_not_trusted_with_a_vault_key() -> None:
    # What keyring picks by itself on a PC without a running OS keyring: a clear-text file in the home folder.
    from keyrings.alt.file import PlaintextKeyring

    store = KeyringKeyStore(PlaintextKeyring())
    with pytest.raises(KeyringUnavailable) as raised:
        store.store("p", new_vault_key())
    assert "plain text" in raised.value.details["reason"]
    with pytest.raises(KeyringUnavailable):
        store.check_available()
    assert store.backend_name() == "keyrings.alt.file.PlaintextKeyring"


# --- key hygiene: no immutable copies on the way (issue 16) -------------------------------------------

@given(st.binary(max_size=80))
def test_base64_is_decoded_into_a_bytearray_exactly_as_the_standard_decoder_does(data: bytes) -> None:
    import base64

    from desktop.store.keys import b64_into_bytearray

    decoded = b64_into_bytearray(base64.b64encode(data).decode("ascii"))
    assert isinstance(decoded, bytearray) and decoded == data


def test_text_that_is_not_base64_is_refused_by_the_bytearray_decoder() -> None:
    from desktop.store.keys import b64_into_bytearray

    for bad in ("abc", "ab=c", "a===", "ab!d", "ab\ncd=="):
        with pytest.raises(ValueError):
            b64_into_bytearray(bad)


def test_a_keyring_entry_that_is_not_a_key_is_refused() -> None:
    import keyring

    from desktop.store.errors import KeyMissing
    from desktop.store.keys import KeyringKeyStore

    keyring.set_password("Underret", "p1", "not base64!")
    with pytest.raises(KeyMissing):
        KeyringKeyStore().load("p1")

"""``underret doctor`` shows the sender key fingerprint a municipality enrols."""

from __future__ import annotations

from desktop.outbox.doctor import profile_lines, sender_fingerprint
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.store.vault import Vault
from protocol.envelope import fingerprint, sender_public_key

CHEAP = ScryptParams(n=2**10, r=8, p=1)


def test_keyring_profile_shows_the_same_fingerprint_as_the_app() -> None:
    directory = ProfileDirectory(scrypt=CHEAP)
    profile, key = directory.create("Lærer Demo", KeyProtection.KEYRING, None)
    with Vault.open(profile.vault_path, key) as vault:
        expected = fingerprint(sender_public_key(vault.profile.sender_key_seed()))
        assert sender_fingerprint(vault) == expected
    lines = profile_lines(profile)
    assert f"sender key fingerprint: {expected}" in lines
    assert "outbox: 0 waiting" in lines


def test_passphrase_profile_says_where_to_find_the_fingerprint() -> None:
    directory = ProfileDirectory(scrypt=CHEAP)
    profile, _ = directory.create("Pædagog Demo", KeyProtection.PASSPHRASE, "en lang og god sætning")
    assert "after unlocking" in profile_lines(profile)[0]

"""What ``underret doctor`` and the About window show about delivery for a profile.

The sender key's fingerprint is what a municipality enrols to recognise a
notifier's envelopes. It lives in the vault (the seed is secret), so it can
be shown without a passphrase only for profiles whose key is in the OS keyring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.store.errors import VaultError
from desktop.store.keys import KeyProtection, KeyringKeyStore, zero
from desktop.store.vault import Vault
from protocol.envelope import fingerprint, sender_public_key

if TYPE_CHECKING:
    from desktop.store.profiles import ProfileInfo


def sender_fingerprint(vault: Vault) -> str:
    """The fingerprint of this profile's Ed25519 sender key (created on first use)."""
    return fingerprint(sender_public_key(vault.profile.sender_key_seed()))


def profile_lines(profile: ProfileInfo) -> list[str]:
    """Lines for ``underret doctor``: the sender key fingerprint and what waits in the outbox."""
    if profile.protection != KeyProtection.KEYRING:
        return ["sender key fingerprint: shown after unlocking (About), the vault needs the passphrase"]
    key = None
    try:
        key = KeyringKeyStore().load(profile.id)
        if key is None:
            return ["sender key fingerprint: unknown (no key in the keyring)"]
        with Vault.open(profile.vault_path, key) as vault:
            return [
                f"sender key fingerprint: {sender_fingerprint(vault)}",
                f"outbox: {vault.outbox.waiting_count()} waiting",
            ]
    except VaultError as error:
        return [f"sender key fingerprint: unknown ({error.message_id})"]
    finally:
        zero(key)

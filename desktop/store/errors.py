# ruff: noqa: N818 - the names are the domain's words (WrongKey, DiskFull), agreed in CONTRACTS.md.
"""Errors raised by the store: the vault, its key and its repositories.

Each carries a stable ``message_id`` the UI turns into a translated sentence.
``details`` never hold notification content or key material.
"""

from __future__ import annotations

from desktop.errors import UnderretError


class VaultError(UnderretError):
    """Something is wrong with the encrypted vault or its key."""

    message_id = "vault.error"


class WrongKey(VaultError):
    """The key does not open this vault (the file itself is left untouched)."""

    message_id = "vault.wrong_key"


class WrongPassphrase(VaultError):
    """The passphrase does not unwrap the profile's key."""

    message_id = "vault.wrong_passphrase"


class VaultCorrupt(VaultError):
    """The vault file is damaged, truncated or not a vault at all; it is kept as it is."""

    message_id = "vault.corrupt"


class VaultMissing(VaultCorrupt):
    """The profile's vault file is gone (a kind of corruption: the profile cannot be opened)."""

    message_id = "vault.missing"


class VaultTooNew(VaultError):
    """The vault was written by a newer version of Underret; it is not touched."""

    message_id = "vault.too_new"


class MigrationFailed(VaultError):
    """Upgrading the vault's schema failed; the vault is left at its previous version."""

    message_id = "vault.migration_failed"


class VaultReadOnly(VaultError):
    """The vault file or its folder cannot be written to."""

    message_id = "vault.read_only"


class DiskFull(VaultError):
    """The disk holding the vault is full; the last change was not saved."""

    message_id = "vault.disk_full"


class VaultBusy(VaultError):
    """Another program holds the vault busy for too long; try again."""

    message_id = "vault.busy"


class VaultIOError(VaultError):
    """The operating system reported an input/output error on the vault."""

    message_id = "vault.io_error"


class KeyMissing(VaultError):
    """The profile's key is not where it should be (keyring entry or wrapped key gone)."""

    message_id = "vault.key_missing"


class KeyringUnavailable(VaultError):
    """The OS keyring cannot be used; ``details["reason"]`` says why in plain words (English, for logs)."""

    message_id = "keyring.unavailable"


class UnlockDelayed(VaultError):
    """Too many wrong passphrases: wait ``details["wait_seconds"]`` before the next try."""

    message_id = "vault.unlock_delayed"


class VaultLocked(VaultError):
    """The vault has been closed (the app locked); open it again to continue."""

    message_id = "vault.locked"


class ProfileExists(VaultError):
    """A profile with this name already exists on this PC."""

    message_id = "profile.exists"


class ProfileNotFound(VaultError):
    """No profile with this id exists on this PC."""

    message_id = "profile.not_found"


class ProfileCorrupt(VaultError):
    """The profile's settings file (profile.json) cannot be read; it is left as it is."""

    message_id = "profile.corrupt"


class NotADraft(VaultError):
    """The notification has been finalised and can no longer be edited."""

    message_id = "notification.not_draft"


class NotFinalised(VaultError):
    """The operation needs a finalised notification, but this one is still a draft."""

    message_id = "notification.not_finalised"


class NotificationNotFound(VaultError):
    """No notification with this id is in the vault."""

    message_id = "notification.not_found"


class ContentPurged(VaultError):
    """The notification's content was removed after the retention period; only its record remains."""

    message_id = "notification.purged"
